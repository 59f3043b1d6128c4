"""Rules of the twelfth round: a short head noun (суд) refers back to its body, a noun in
-ке is no adjective, acronyms that leave out a word, quarters named without a year, and a
reported clause's own tense. Sentences written for these tests."""

from __future__ import annotations

from test_actor_link_kinds import _article, _tag

from reader_app.domain.dates import resolve_in_text
from reader_app.domain.word_forms import is_adjective
from reader_app.services.suggesting import suggest
from reader_app.storage.actors import create_actor, link_annotation


def _actor_suggestions(db, article):
    return [(article.text[s.start:s.end], s.actor_id, s.reason) for s in suggest(db, article.id)
            if s.kind == "actor"]


def _value(text, span, dateline, language):
    start = text.index(span)
    return resolve_in_text(text, start, start + len(span), dateline, language).value


def test_the_court_in_its_cases_refers_back_to_the_court_named(db):
    court = create_actor(db, "Харьюский уездный суд", "organization")
    article = _article(db, "Харьюский уездный суд вынес решение. Компанию суд обязал выплатить "
                       "штраф. Решение суда обжаловано.", language="ru")
    link_annotation(db, _tag(db, article, "Харьюский уездный суд").annotation.id, court.id)
    found = {q: reason for q, _, reason in _actor_suggestions(db, article)}
    assert set(found) == {"суд", "суда"}
    assert all("Харьюский уездный суд" in reason for reason in found.values())


def test_a_short_word_that_is_no_head_noun_is_not_suggested(db):
    body = create_actor(db, "Северный порт", "organization")
    article = _article(db, "Северный порт закрыт. Там был лед и шторм.", language="ru")
    link_annotation(db, _tag(db, article, "Северный порт").annotation.id, body.id)
    assert [q for q, _, _ in _actor_suggestions(db, article)] == []


def test_a_noun_in_ke_is_no_adjective_but_one_after_a_vowel_is():
    assert not is_adjective("оценке")
    assert not is_adjective("поддержке")
    assert is_adjective("русское") and is_adjective("новые")


def test_by_the_associations_estimate_finds_the_association(db):
    body = create_actor(db, "Ассоциация туроператоров России", "organization")
    article = _article(db, "Ассоциация туроператоров России сообщила данные. По оценке "
                       "ассоциации, спрос вырос.", language="ru")
    link_annotation(db, _tag(db, article, "Ассоциация туроператоров России").annotation.id,
                    body.id)
    assert [q for q, _, _ in _actor_suggestions(db, article)] == ["ассоциации"]
