"""Rules of the twelfth round: a short head noun (суд) refers back to its body, a noun in
-ке is no adjective, acronyms that leave out a word, quarters named without a year, and a
reported clause's own tense. Sentences written for these tests."""

from __future__ import annotations

from test_actor_link_kinds import _article, _tag

from reader_app.domain.date_finder import find_dates
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


def test_an_acronym_may_leave_out_the_names_last_or_first_word(db):
    ru = _article(db, "Федеральное агентство по надзору за пищевой продукцией (ФАНП) проверило "
                  "склады. Позже ФАНП выписало штрафы.", language="ru")
    found = _actor_suggestions(db, ru)
    assert found[0][0] == "Федеральное агентство по надзору за пищевой продукцией"
    assert [q for q, _, _ in found[1:]] == ["ФАНП", "ФАНП"]
    uk = _article(db, "Львівська обласна військова адміністрація (ОВА) повідомила про обстріл. "
                  "В ОВА закликали до спокою.", language="uk")
    found = _actor_suggestions(db, uk)
    assert found[0][0] == "Львівська обласна військова адміністрація"
    assert [q for q, _, _ in found[1:]] == ["ОВА", "ОВА"]


def test_only_an_acronym_of_three_letters_or_more_may_leave_a_word_out():
    from reader_app.domain.actor_acronyms import _initials_fit

    assert _initials_fit(["Федеральное", "агентство", "по", "надзору", "за", "пищевой",
                          "продукцией"], "ФАНП")
    assert not _initials_fit(["Northern", "rail", "service"], "NR")
    assert _initials_fit(["Northern", "rail", "service", "board"], "NRS")
    assert not _initials_fit(["Alpha", "beta", "gamma", "delta", "omega"], "ABG")


def test_an_acronym_after_a_tagged_body_and_its_state_names_the_body(db):
    caa = create_actor(db, "Civil Aviation Authority", "organization")
    article = _article(db, "The Civil Aviation Authority of Ghana (CAA) grounded two aircraft. "
                       "The CAA said checks would continue.")
    link_annotation(db, _tag(db, article, "Civil Aviation Authority").annotation.id, caa.id)
    uses = [(q, actor) for q, actor, _ in _actor_suggestions(db, article) if q == "CAA"]
    assert uses == [("CAA", caa.id), ("CAA", caa.id)]


def test_quarters_without_a_year_take_the_datelines_or_the_tense_asks():
    assert _value("Прибыль выросла в первом квартале.", "в первом квартале", "2025-11-16",
                  "ru") == "2025-01/2025-03"
    assert _value("Експорт зріс за перше півріччя.", "за перше півріччя", "2026-04-25",
                  "uk") == "2026-01/2026-06"
    assert _value("Выручка за III квартал выросла.", "III квартал", "2025-11-16",
                  "ru") == "2025-07/2025-09"
    assert _value("Sales rose in the third quarter.", "the third quarter", "2025-12-11",
                  "en") == "2025-07/2025-09"
    # not yet begun at the dateline, in a past clause: last year's
    assert _value("Sales rose in the third quarter.", "the third quarter", "2026-06-10",
                  "en") == "2025-07/2025-09"


def test_the_june_quarter_is_the_one_ending_in_june_and_a_written_year_is_kept():
    assert _value("Exports fell in the June quarter.", "the June quarter", "2026-06-10",
                  "en") == "2026-04/2026-06"
    assert _value("Output grew in Q3 2025.", "Q3 2025", "2026-06-10", "en") == "2025-07/2025-09"


def test_the_finder_takes_a_named_quarter_whole_but_not_a_bare_q3():
    text = "Exports fell in the June quarter. Sales rose in the third quarter. Q3 was flat."
    found = [text[m.start:m.end] for m in find_dates(text, "2026-06-10", "en")]
    assert found == ["the June quarter", "the third quarter"]
    assert [text[m.start:m.end] for m in find_dates("Ticket prices for the quarter final rose.",
                                                    "2026-06-10", "en")] == []


def test_a_reported_clause_keeps_its_own_tense():
    # "уточнив" is past, but it is the report's tense, not the reported Sunday's
    assert _value("Міністр уточнив, що навчання у неділю.", "у неділю", "2026-04-23",
                  "uk") == "2026-04-26"
    assert _value("Министр уточнил, что занятия в воскресенье.", "в воскресенье",
                  "2025-11-20", "ru") == "2025-11-23"
    assert _value("Міністр уточнив, що школа відкриється у неділю.", "у неділю", "2026-04-25",
                  "uk") == "2026-04-26"
    # without a що/что, the past verb still rules
    assert _value("Міністр уточнив навчання у неділю.", "у неділю", "2026-04-23",
                  "uk") == "2026-04-19"


def test_perfective_futures_of_file_and_hand_in():
    assert _value("Компания подаст жалобу в пятницу.", "в пятницу", "2025-11-16",
                  "ru") == "2025-11-21"
    assert _value("Компанія подасть скаргу у п'ятницю.", "у п'ятницю", "2025-11-19",
                  "uk") == "2025-11-21"
