"""The one check of ISO 8601 date values."""

from __future__ import annotations

import pytest

from reader_app.domain.iso_values import iso_granularity, looks_like_iso


@pytest.mark.parametrize(
    "value,granularity",
    [("2022-02-10", "day"), ("2024-02-29", "day"), ("2022-W07", "week"), ("2020-W53", "week"),
     ("2022-02", "month"), ("1997", "year"), ("2022-02-14/2022-02-20", "interval"),
     ("2022-W07/2022-W09", "interval")],
)
def test_real_values(value, granularity):
    assert iso_granularity(value) == granularity


@pytest.mark.parametrize(
    "value",
    ["2022-02-30", "2022-13-01", "2023-02-29", "2022-W54", "2021-W53", "2022-00",
     "W/W", "1-2/3", "2022/2023/2024", "22-02-10", "", "Thursday"],
)
def test_impossible_or_malformed_values(value):
    assert iso_granularity(value) is None


def test_what_looks_typed_as_iso():
    assert looks_like_iso("2022-02-30") and looks_like_iso("2022-W54")
    assert not looks_like_iso("Thursday") and not looks_like_iso("10 Feb")


@pytest.mark.parametrize("typed", ["2022-13-45", "2022-W99", "2022-02-30/2022-03-01"])
def test_a_typed_impossible_date_is_refused_not_stored(typed):
    from reader_app.domain.models import Article
    from reader_app.services.analysis import fields_for_date_correction

    article = Article(1, "u", "T", "t.txt", "2022-02-09", "en", "x", "s", "text", (), "now")
    with pytest.raises(ValueError, match="is not a date"):
        fields_for_date_correction(article, typed)
