"""A year written in the same phrase as a yearless month or day counts (issue 14):
"an August day in 2025" is August 2025, never "August has no year"."""

from __future__ import annotations

import pytest

from reader_app.domain.dates import resolve_date

DATELINE = "2026-03-01"  # far from the named years: the dateline's year would be wrong


@pytest.mark.parametrize(("phrase", "value", "granularity", "label"), [
    ("August day in 2025", "2025-08", "month", "August in 2025"),
    ("an August day in 2025", "2025-08", "month", "August in 2025"),
    ("a cold March morning in 2021", "2021-03", "month", "March in 2021"),
    ("August 14 in 2025", "2025-08-14", "day", "August 14 in 2025"),
    ("14 August, in 2019", "2019-08-14", "day", "August 14 in 2019"),
])
def test_the_phrase_year_counts(phrase, value, granularity, label):
    for dateline in (DATELINE, None):  # with or without a dateline: the phrase says the year
        result = resolve_date(phrase, dateline)
        assert (result.value, result.granularity) == (value, granularity), (phrase, dateline)
        assert "has no year" not in result.explanation
        assert label in result.explanation and "the year the phrase names" in result.explanation


def test_a_day_that_does_not_exist_in_the_phrase_year_is_named():
    result = resolve_date("February 29 in 2025", DATELINE)
    assert result.value is None
    assert "February 29 does not exist in 2025" in result.explanation


def test_a_weekday_that_disagrees_with_the_phrase_year_is_noted():
    result = resolve_date("on Monday, 14 August, in 2026", DATELINE)  # a Friday in 2026
    assert result.value == "2026-08-14"
    assert "the phrase says Monday" in result.explanation


def test_without_a_year_the_dateline_still_places_it():
    result = resolve_date("an August day", DATELINE)
    assert result.value == "2026-08"
    assert "August has no year" in result.explanation
