"""How news places a date by the words around it (issue 9, sixth round): Ukrainian and
Russian "з"/"с" start a period that can lie ahead, a year named after the month, the past
perfect before "by", a participle after "stay", English present tense after a time word,
"could"/"можуть" pointing ahead, "if needed", a dative month and a semicolon between
sentences. Sentences written for these tests."""

from __future__ import annotations

import pytest

from reader_app.domain.date_finder import find_dates
from reader_app.domain.dates import resolve_date, resolve_in_text

WED = "2024-03-13"  # a Wednesday in March


def _read(marked: str, dateline: str, language: str = "en") -> str | None:
    start = marked.index("[[")
    end = marked.index("]]") - 2
    text = marked.replace("[[", "").replace("]]", "")
    return resolve_in_text(text, start, end, dateline, language).value


@pytest.mark.parametrize(("marked", "dateline", "language", "value"), [
    # "з"/"с" + a date close ahead: the start of what is announced
    ("Тарифи на воду зростуть з [[1 квітня]].", WED, "uk", "2024-04-01"),
    ("Уряд повідомив, що пункти пропуску запрацюють з [[20 березня]].", WED, "uk",
     "2024-03-20"),
    ("Метро с [[1 апреля]] переходит на новое расписание.", WED, "ru", "2024-04-01"),
    # ... far ahead with no future verb: a period already under way
    ("Програма діє з [[вересня]].", WED, "uk", "2023-09"),
    # "ще з" / "еще с" only looks back
    ("Ціни на хліб тримаються ще з [[1 квітня]].", WED, "uk", "2023-04-01"),
    ("since [[1 April]]", WED, "en", "2023-04-01"),
    # a yearless month whose year is named after it
    ("The survey was carried out in [[May last year]].", WED, "en", "2023-05"),
    ("Тариф востаннє переглядали у [[жовтні минулого року]].", WED, "uk", "2023-10"),
    ("Ремонт начнут в [[январе следующего года]].", WED, "ru", "2025-01"),
    # "by" a holiday in the past perfect: a deadline already gone
    ("She said the queue had stretched round the block by [[Christmas]].", WED, "en",
     "2023-12-25"),
    ("The council promised to clear the backlog by [[Christmas]].", WED, "en", "2024-12-25"),
    # "would stay closed": "closed" is no past tense, "would" points ahead
    ("The agency said the crossing would stay closed until [[Friday]].", WED, "en",
     "2024-03-15"),
    # English present after a time word speaks of the future
    ("Polling stations stay open until the count begins on [[Sunday]].", WED, "en",
     "2024-03-17"),
    ("The firm launched a hiring drive before the season opens in [[June]].", "2024-01-10",
     "en", "2024-06"),
    ("Works began, and the bypass would open before the school year starts in [[February]].",
     WED, "en", "2025-02"),
    # "could" / "можуть" + a verb: a possibility ahead
    ("The union warned that ports could close before [[Thanksgiving]].", WED, "en",
     "2024-11-28"),
    ("Міністерство попередило, що відключення можуть повернутися у [[п'ятницю]].", WED, "uk",
     "2024-03-15"),
    ("Суд может вынести решение в [[пятницу]].", "2024-03-16", "ru", "2024-03-22"),
    # "if needed": a participle with no subject, not a past tense
    ("The hearing will run all week, with a last sitting on [[Monday]] if needed.", WED, "en",
     "2024-03-18"),
    # a relative year across a semicolon belongs to the other sentence
    ("Quotas were cut for this year; the ministers signed them in [[October]].",
     "2024-05-08", "en", "2023-10"),
])
def test_the_words_around_place_the_date(marked, dateline, language, value):
    assert _read(marked, dateline, language) == value


@pytest.mark.parametrize(("phrase", "language", "value"), [
    ("March last year", "en", "2023-03"),
    ("5 March last year", "en", "2023-03-05"),
    ("березні минулого року", "uk", "2023-03"),
    ("январе прошлого года", "ru", "2023-01"),
    ("last year", "en", "2023"),  # no month: still the year
])
def test_a_month_takes_the_relative_year_after_it(phrase, language, value):
    assert resolve_date(phrase, WED, language).value == value


@pytest.mark.parametrize(("phrase", "value"), [("к сентябрю", "2024-09"), ("ноябрю", "2024-11")])
def test_a_russian_dative_month_is_read(phrase, value):
    assert resolve_date(phrase, "2024-10-18", "ru").value == value


@pytest.mark.parametrize(("text", "language", "found"), [
    ("The pipe burst in March last year, engineers said.", "en", [("March last year", "2023-03")]),
    ("Тариф підняли у квітні минулого року.", "uk", [("квітні минулого року", "2023-04")]),
    ("Мост закрыли в мае прошлого года.", "ru", [("мае прошлого года", "2023-05")]),
    ("They will march next year.", "en", [("next year", "2025")]),  # "march": a verb
    ("By Christmas, if the council agrees, the library reopens.", "en",
     [("Christmas", "2024-12-25")]),
])
def test_the_finder_keeps_the_phrase_whole(text, language, found):
    got = [(text[m.start:m.end], m.value) for m in find_dates(text, WED, language)]
    assert got == found


def test_the_month_may_is_no_modal():
    assert _read("Talks that began in May ended on [[Friday]].", WED) == "2024-03-08"


@pytest.mark.parametrize(("text", "language", "found"), [
    ("\"Five years ago we had no pumps,\" she says.", "en", [("Five years ago", "2019")]),
    ("Будівництво почалося лише 2021-го, а проєкт ухвалили у 2018-му.", "uk",
     [("2021-го", "2021"), ("2018-му", "2018")]),
    ("Prices rose over 2021-2022.", "en", [("2021-2022", "2021/2022")]),
])
def test_a_quoted_lead_word_and_an_ordinal_year(text, language, found):
    got = [(text[m.start:m.end], m.value) for m in find_dates(text, WED, language)]
    assert got == found
