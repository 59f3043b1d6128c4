"""Dates read in their sentence, the fifth round: a month borrows the year of "В прошлом
году"/"last year"/"минулого року", holidays, a future clause about a month already over,
"должна открыться", and a weekday after "for"/"by"/"до"."""

from __future__ import annotations

from datetime import date

from reader_app.domain.date_finder import find_dates
from reader_app.domain.date_holidays import holiday_days
from reader_app.domain.dates import resolve_in_text


def _value(text: str, phrase: str, dateline: str, language: str = "en") -> str | None:
    start = text.index(phrase)
    return resolve_in_text(text, start, start + len(phrase), dateline, language).value


def test_a_month_borrows_a_relative_year_named_earlier_in_its_sentence():
    text = "В прошлом году цены на хлеб росли дважды — в марте и в октябре."
    assert _value(text, "марте", "2026-01-20", "ru") == "2025-03"
    text = "Минулого року завод зупинявся у квітні."
    assert _value(text, "квітні", "2025-11-02", "uk") == "2024-04"
    text = "The plant closed in May last year."
    assert _value(text, "May", "2025-08-02") == "2024-05"


def test_a_relative_year_in_another_sentence_lends_nothing():
    text = "В прошлом году завод стоял. В марте он заработал."
    assert _value(text, "марте", "2026-04-20", "ru") == "2026-03"


def test_a_future_clause_about_a_month_already_over_is_next_year_s():
    text = "Новый мост должен открыться в январе."
    assert _value(text, "январе", "2026-03-10", "ru") == "2027-01"
    text = "The new bridge will open in January."
    assert _value(text, "January", "2026-03-10") == "2027-01"


def test_holidays_take_the_year_their_clause_asks_for():
    text = "If the ferry is not back by Christmas, I will close."
    assert _value(text, "Christmas", "2025-09-13") == "2025-12-25"
    text = "Collections stopped over Christmas."
    assert _value(text, "Christmas", "2026-01-07") == "2025-12-25"
    text = "Shops fear shortages before Thanksgiving."
    assert _value(text, "Thanksgiving", "2025-10-09") == "2025-11-27"


def test_holiday_days_know_moving_and_orthodox_holidays():
    assert date(2026, 11, 26) in holiday_days("Thanksgiving", date(2026, 5, 1))
    assert date(2025, 4, 20) in holiday_days("Easter", date(2025, 1, 1))
    assert date(2026, 1, 7) in holiday_days("Рождество", date(2025, 12, 1))
    assert holiday_days("Christmas tree", date(2025, 1, 1)) is None


def test_the_finder_suggests_a_holiday_only_as_a_time():
    text = "The boat must be here by Christmas. The Christmas market opened. After Easter sales fell."
    found = [text[m.start:m.end] for m in find_dates(text, "2025-09-13", "en")]
    assert found == ["Christmas"]


def test_a_weekday_after_for_or_by_or_do_looks_ahead():
    text = "The opposition has called a rally for Sunday."
    assert _value(text, "Sunday", "2025-06-27") == "2025-06-29"
    text = "Мешканці можуть зареєструватися до п’ятниці."
    assert _value(text, "п’ятниці", "2025-02-22", "uk") == "2025-02-28"
    text = "Роботи тривали до п’ятниці."
    assert _value(text, "п’ятниці", "2025-02-22", "uk") == "2025-02-21"


def test_a_holiday_after_a_deadline_word_is_the_one_to_come():
    text = "Ще цього року відкриття обіцяли до Нового року."
    assert _value(text, "Нового року", "2025-11-20", "uk") == "2026-01-01"


def test_holiday_spans_look_for_a_name_first_and_find_what_the_full_pattern_finds():
    """holiday_spans runs HOLIDAY only over a text that names a holiday: the same spans
    as HOLIDAY over any text, the names in any case and place."""
    import random

    from reader_app.domain.date_holidays import HOLIDAY, holiday_spans

    words = ["by", "before", "BY", "On", "the", "Christmas", "christmas", "Christmas Eve",
             "New Year's", "New  Year", "Easter", "Різдва", "до", "Нового року", "2021",
             "tree", "when", "said", "\n", ",", "Thanksgiving", "Hogmanay", "over"]
    rng = random.Random(5)
    for _ in range(300):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 30)))
        assert holiday_spans(text) == [m.span("name") for m in HOLIDAY.finditer(text)], text
    assert holiday_spans("Prices held steady. " * 1000) == []
    assert holiday_spans("The port shut before Christmas.") == [(21, 30)]
