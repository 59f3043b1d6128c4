"""Kind nouns of the seventh round: "the group", "the campaign" for a campaign group the
text introduced as one, "the force" for a police force; a Cyrillic acronym in its cases ("Минфина"); a man's surname in a
case ("по словам Карпова") before a woman with its nominative form is named. Sentences written for these tests."""

from __future__ import annotations

from test_actor_link_kinds import _article, _tag

from reader_app.domain.actor_acronyms import acronym_mentions
from reader_app.domain.actor_mentions import ActorMention
from reader_app.domain.kind_nouns import declared_near, fits_kind, kind_of_noun
from reader_app.services.suggesting import suggest
from reader_app.storage.actors import create_actor


def test_group_campaign_and_force_are_kind_nouns():
    assert kind_of_noun("the group") == kind_of_noun("the campaign") == "group"
    assert kind_of_noun("the force") == "police"
    assert fits_kind("police", "Mercia Police", "organization")
    assert not fits_kind("group", "Mercia Police", "organization")
    text = "Save Elm Park, a group set up by parents, met on Monday."
    assert declared_near(text, [(0, 13)], "group")


def test_the_group_is_the_body_the_text_called_a_group(db):
    article = _article(db, "The residents' group Save Elm Park wants the trees kept. The "
                           "council disagrees. The group will protest on Friday.")
    group = create_actor(db, "Save Elm Park", "organization").id
    _tag(db, article, "Save Elm Park")
    _tag(db, article, "council")
    assert _tag(db, article, "group", after="disagrees").annotation.actor_id == group


def test_the_force_is_the_police_named_before(db):
    article = _article(db, "Mercia Police opened an inquiry in May. A spokesman for the "
                           "force said two men had been arrested.")
    police = _tag(db, article, "Mercia Police").annotation.actor_id
    assert _tag(db, article, "force").annotation.actor_id == police


def test_a_cyrillic_acronym_defined_in_the_text_is_found_in_its_cases():
    text = ("Министерство финансов Армении (Минфин) выделило средства. По данным Минфина, "
            "их хватит на год. ЦИКа это не касается.")
    name = "Министерство финансов Армении"
    body = ActorMention(0, len(name), 7, name, "organization", "tagged", True)
    found = [(text[m.start:m.end], m.actor_id) for m in acronym_mentions(text, [body])]
    assert ("Минфина", 7) in found
    assert not any(quote.startswith("ЦИК") for quote, _ in found)


def test_a_mans_surname_in_a_case_is_the_man_named_before_not_a_woman_named_later(db):
    text = ("Директор завода Олег Карпов открыл цех. По словам Карпова, станки уже работают. "
            "Бухгалтер Анна Карпова добавила, что зарплаты выросли.")
    article = _article(db, text, "ru")
    oleg = create_actor(db, "Олег Карпов", "person").id
    anna = create_actor(db, "Анна Карпова", "person").id
    _tag(db, article, "Олег Карпов")
    _tag(db, article, "Анна Карпова")
    at = text.index("Карпова,")
    found = [s for s in suggest(db, article.id) if s.kind == "actor" and s.start == at]
    assert found and found[0].actor_id == oleg != anna
