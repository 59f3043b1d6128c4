"""Tenses of the seventh round: Ukrainian and Russian perfective verbs whose present form is
a future ("прийдуть … в суботу"), a promise of what is to come ("пообіцяли провести … в
четвер"), an English present of a scheduled event ("ends in January"); a holiday with its year
("Christmas 2019"). Sentences written
for these tests."""

from __future__ import annotations

from reader_app.domain.date_finder import find_dates
from reader_app.domain.dates import resolve_in_text


def _value(text: str, quote: str, published: str, language: str) -> str | None:
    at = text.index(quote)
    return resolve_in_text(text, at, at + len(quote), published, language).value


def test_a_perfective_verb_puts_a_weekday_ahead():
    text = "Нові автобуси прийдуть до депо в суботу."
    assert _value(text, "суботу", "2025-10-13", "uk") == "2025-10-18"
    text = "Новые автобусы придут в депо в субботу."
    assert _value(text, "субботу", "2025-10-13", "ru") == "2025-10-18"


def test_a_promise_puts_a_weekday_ahead():
    text = "Депутати пообіцяли провести засідання в четвер."
    assert _value(text, "четвер", "2025-10-13", "uk") == "2025-10-16"
    text = "The board promised to vote on Friday."
    assert _value(text, "Friday", "2025-10-13", "en") == "2025-10-17"


def test_a_scheduled_event_in_the_present_is_ahead():
    text = "Her lease ends in January, she said."
    assert _value(text, "January", "2026-06-12", "en") == "2027-01"


def test_a_holiday_with_its_year_is_that_day():
    text = "The last payment was made over Christmas 2019 to a shipyard."
    assert _value(text, "Christmas 2019", "2025-10-13", "en") == "2019-12-25"
    found = find_dates(text, "2025-10-13", "en")
    assert [(text[d.start:d.end], d.value) for d in found] == [("Christmas 2019", "2019-12-25")]
    text = "Ремонт завершили до Різдва 2023 року."
    found = find_dates(text, "2025-10-13", "uk")
    assert [(text[d.start:d.end], d.value) for d in found] == [
        ("Різдва 2023 року", "2023-12-25")]
