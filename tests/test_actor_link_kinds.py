"""Actor links and dates the fourth evaluation set showed wrong: a kind noun for the body of
that kind ("the company", "the paper", "the alliance", "Фонд"), acronyms no initials spell
or that leave a state's name out, initials of a body tagged before, relatives of the other
gender, exercise names that are no people; line-opening "Next week", a Cyrillic month that
is a first name, the tense inside a quotation, a reported "would"."""

from __future__ import annotations

from reader_app.domain.actors import guess_actor_type
from reader_app.domain.date_finder import find_dates
from reader_app.domain.dates import resolve_in_text
from reader_app.domain.kind_nouns import declared_near, fits_kind, kind_of_noun
from reader_app.domain.models import ImportedArticle
from reader_app.services.analysis import add_tag
from reader_app.storage.actors import create_actor, get_actor
from reader_app.storage.articles import add_article, get_article


def _article(db, text, language="en", published="2025-09-16"):
    item = ImportedArticle(title="t", text=text, source="test", published=published,
                           language=language)
    return get_article(db, add_article(db, item).article_id)


def _tag(db, article, quote, after=None):
    start = article.text.index(quote, article.text.index(after) if after else 0)
    return add_tag(db, article, "actor", start, start + len(quote))


def test_kind_nouns_and_what_fits_them():
    assert kind_of_noun("the company") == kind_of_noun("компанії") == "company"
    assert kind_of_noun("the paper") == "media" and kind_of_noun("the alliance") == "bloc"
    assert kind_of_noun("the minister") is None
    assert fits_kind("company", "Danubia Grain Logistics", "organization")
    assert fits_kind("party", "Georgian Unity Movement", "organization")
    assert not fits_kind("party", "European Union", "organization", supranational=True)
    assert fits_kind("bloc", "NATO", "organization", supranational=True)
    text = "Keystone Valley, a company that makes glue, said so."
    assert declared_near(text, [(0, 15)], "company")
    assert not declared_near(text, [(0, 15)], "party")


def test_the_company_and_the_paper_link_to_the_body_of_that_kind(db):
    article = _article(db, "Danubia Grain Logistics won the tender. The Harbour Gazette reported "
                           "it first. The company denied paying bribes, the paper said.")
    firm = _tag(db, article, "Danubia Grain Logistics").annotation.actor_id
    paper = create_actor(db, "Harbour Gazette", "media").id
    _tag(db, article, "Harbour Gazette")
    assert _tag(db, article, "company").annotation.actor_id == firm
    assert _tag(db, article, "paper").annotation.actor_id == paper


def test_the_alliance_is_the_supranational_body_named_before(db):
    article = _article(db, "NATO began its drills on Wednesday, the alliance said.")
    nato = _tag(db, article, "NATO").annotation.actor_id
    assert _tag(db, article, "alliance").annotation.actor_id == nato


def test_a_capitalised_noun_opening_a_sentence_is_the_body(db):
    text = ("Кошти надійдуть з Фонду відновлення громад (ФВГ). Фонд минулого року "
            "профінансував 140 проєктів.")
    article = _article(db, text, "uk")
    fund = _tag(db, article, "Фонду відновлення громад").annotation.actor_id
    assert _tag(db, article, "Фонд", after="(ФВГ)").annotation.actor_id == fund


def test_acronyms_no_initials_spell_or_without_the_states_name(db):
    article = _article(db, "Lietuvos Gelezinkeliai (LTG) will hire drivers. The State Fire "
                           "Service of Estonia (SFS) said so. LTG agreed.")
    rail = _tag(db, article, "Lietuvos Gelezinkeliai").annotation.actor_id
    assert _tag(db, article, "LTG", after="said so").annotation.actor_id == rail
    fire = _tag(db, article, "State Fire Service of Estonia").annotation.actor_id
    assert _tag(db, article, "SFS").annotation.actor_id == fire


def test_an_undefined_acronym_spells_a_tagged_bodys_initials(db):
    article = _article(db, "Голова Сумської обласної військової адміністрації заявив. "
                           "Сестра голови ОВА розповіла.", "uk")
    body = create_actor(db, "Сумська обласна військова адміністрація", "organization").id
    _tag(db, article, "Сумської обласної військової адміністрації")
    assert _tag(db, article, "ОВА").annotation.actor_id == body


def test_ms_is_not_her_brother_tagged_after_her(db):
    article = _article(db, "Sandra Okoye led the protest. Her brother Daniel Okoye, a "
                           "councillor, agreed. Ms Okoye said more.")
    sandra = _tag(db, article, "Sandra Okoye").annotation.actor_id
    daniel = _tag(db, article, "Daniel Okoye").annotation.actor_id
    for actor_id in (sandra, daniel):
        get_actor(db, actor_id)  # both exist, both people
    assert _tag(db, article, "Ms Okoye").annotation.actor_id == sandra


def test_exercise_names_are_no_people(db):
    assert guess_actor_type("Allied Resolve") == "other"
    assert guess_actor_type("Baltic Storm") == "other"
    assert guess_actor_type("Iron Falcon", after="drills") == "other"
    assert guess_actor_type("Andriy Koval") == "person"
    article = _article(db, "The exercise Northern Falcon begins on Monday.")
    created = _tag(db, article, "Northern Falcon").created_actor
    assert created is not None and created.type == "other"


def test_dates_opening_a_line_and_a_month_that_is_a_name():
    text = "It rained.\n\nNext week, Kyiv expects more.\n\nLast year's drills were short."
    found = [(text[m.start:m.end], m.value) for m in find_dates(text, "2025-11-09", "en")]
    assert found == [("Next week", "2025-W46"), ("Last year", "2024")]
    uk = "Представниця банку Марта Ковальчук сказала, що заявки приймуть у березні."
    assert [uk[m.start:m.end] for m in find_dates(uk, "2025-05-15", "uk")] == ["березні"]


def test_the_tense_of_a_date_is_read_inside_its_quotation():
    text = "«Почнемо наступного тижня, а завершити плануємо до кінця жовтня», — заявив він."
    at = text.index("жовтня")
    assert resolve_in_text(text, at, at + 6, "2025-05-15", "uk").value == "2025-10"
    text = "He said work would start in March and cost a lot."
    at = text.index("March")
    assert resolve_in_text(text, at, at + 5, "2025-09-16", "en").value == "2026-03"
