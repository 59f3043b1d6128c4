"""Seasons as dates: a month interval (weather services' seasons, northern hemisphere),
only with a year or last/this/next; found in running text in English, Ukrainian, Russian."""

from __future__ import annotations

import pytest

from reader_app.domain.date_finder import find_dates
from reader_app.domain.dates import resolve_date


@pytest.mark.parametrize(("phrase", "dateline", "language", "value"), [
    ("last summer", "2024-03-13", "en", "2023-06/2023-08"),
    ("last summer", "2024-10-02", "en", "2024-06/2024-08"),  # ended before the dateline
    ("last summer", "2024-07-20", "en", "2023-06/2023-08"),  # not the one under way
    ("next summer", "2024-03-13", "en", "2024-06/2024-08"),
    ("next summer", "2024-07-20", "en", "2025-06/2025-08"),
    ("this summer", "2024-10-02", "en", "2024-06/2024-08"),  # the nearer: just ended
    ("this winter", "2024-03-13", "en", "2023-12/2024-02"),  # the winter just past
    ("this winter", "2024-10-02", "en", "2024-12/2025-02"),  # the one ahead
    ("this winter", "2024-01-15", "en", "2023-12/2024-02"),  # the one under way
    ("last winter", "2024-01-15", "en", "2022-12/2023-02"),
    ("last fall", "2024-03-13", "en", "2023-09/2023-11"),
    ("the spring of 2023", "2024-03-13", "en", "2023-03/2023-05"),
    ("in autumn 2021", None, "en", "2021-09/2021-11"),  # a year needs no dateline
    ("the winter of 2022-23", "2024-03-13", "en", "2022-12/2023-02"),
    ("winter 2022/2023", "2024-03-13", "en", "2022-12/2023-02"),
    ("минулого літа", "2024-03-13", "uk", "2023-06/2023-08"),
    ("наступної весни", "2024-03-13", "uk", "2025-03/2025-05"),
    ("влітку 2023 року", "2024-03-13", "uk", "2023-06/2023-08"),
    ("прошлым летом", "2024-03-13", "ru", "2023-06/2023-08"),
    ("этой зимой", "2024-10-02", "ru", "2024-12/2025-02"),
    ("весной 2023 года", "2024-03-13", "ru", "2023-03/2023-05"),
])
def test_seasons_resolve_to_their_months(phrase, dateline, language, value):
    found = resolve_date(phrase, dateline, language)
    assert (found.value, found.granularity) == (value, "interval"), found
    assert "as weather services count it" in found.explanation


@pytest.mark.parametrize("phrase", ["in summer", "summer", "the fall of Kabul",
                                    "summer 2023-24"])
def test_a_season_without_year_or_last_next_names_no_date(phrase):
    assert resolve_date(phrase, "2024-03-13", "en").value is None


def test_winter_with_one_year_asks_which_winter():
    found = resolve_date("winter 2023", "2024-03-13", "en")
    assert found.value is None and "say which winter" in found.explanation
    assert "winter 2023-24" in found.explanation


def test_a_relative_season_in_an_undated_article_stays_unresolved():
    found = resolve_date("last summer", None, "en")
    assert (found.value, found.method) == (None, "unresolved-undated")


def test_seasons_are_found_in_running_text():
    text = ("Work stopped last summer and will resume next spring, the mayor said. In the "
            "summer of 2019 the port flooded; in summer it is busy. The winter of 2022-23 was "
            "mild, unlike winter 2023. Минулого літа порт закрили, а влітку 2023 року "
            "відкрили. Прошлой зимой и весной 2023 года было тихо. The fall of Kabul.")
    found = [(text[m.start:m.end], m.value) for m in find_dates(text, "2024-03-13", "en")]
    assert found == [
        ("last summer", "2023-06/2023-08"), ("next spring", "2025-03/2025-05"),
        ("the summer of 2019", "2019-06/2019-08"), ("The winter of 2022-23", "2022-12/2023-02"),
        ("Минулого літа", "2023-06/2023-08"), ("влітку 2023 року", "2023-06/2023-08"),
        ("Прошлой зимой", "2023-12/2024-02"), ("весной 2023 года", "2023-03/2023-05"),
    ]
