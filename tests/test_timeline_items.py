"""The timeline's items (services.timeline) against a library built through the services."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from timeline_library import build

from reader_app.domain.iso_values import iso_extent, iso_granularity
from reader_app.domain.search_query import SearchFilter
from reader_app.services.tagging import delete_tag, edit_tag
from reader_app.services.timeline import NO_CLAIMANT, timeline_items


@pytest.fixture
def ids(db):
    return build(db)


def by_annotation(items):
    return {i.annotation_id: i for i in items if i.annotation_id is not None}


def test_iso_extents():
    assert iso_extent("2022-02-10") == (date(2022, 2, 10), date(2022, 2, 10))
    assert iso_extent("2022-W07") == (date(2022, 2, 14), date(2022, 2, 20))
    assert iso_extent("2020-W53") == (date(2020, 12, 28), date(2021, 1, 3))
    assert iso_extent("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert iso_extent("2022-12") == (date(2022, 12, 1), date(2022, 12, 31))
    assert iso_extent("2019") == (date(2019, 1, 1), date(2019, 12, 31))
    assert iso_extent("2022-02-14/2022-03") == (date(2022, 2, 14), date(2022, 3, 31))
    assert iso_extent("2022-W07/2022-W08") == (date(2022, 2, 14), date(2022, 2, 27))
    for bad in ("2022-02-30", "2022-W54", "2022-03/2022-02", "Thursday", "", "2022-13"):
        assert iso_extent(bad) is None


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_every_day_lies_in_its_week_month_and_year(day):
    iso_year, week, _ = day.isocalendar()
    for value in (day.isoformat(), f"{iso_year}-W{week:02d}", day.strftime("%Y-%m"),
                  str(day.year), f"{day.isoformat()}/{day.year}"):
        first, last = iso_extent(value)
        assert first <= day <= last, value
        assert iso_granularity(value) is not None


def test_every_dated_item_at_its_real_extent(db, ids):
    items = timeline_items(db)
    tags = by_annotation(items)
    assert set(tags) == {ids[k] for k in ("thursday", "week", "month", "year", "interval",
                                          "lavrov_claim", "nato_claim", "corridor_claim")}
    assert ids["undated_claim"] not in tags  # a claim without a date is not on the axis
    week, month, year, interval = (tags[ids[k]] for k in ("week", "month", "year", "interval"))
    assert (week.granularity, week.start, week.end) == ("week", date(2022, 2, 14), date(2022, 2, 20))
    assert (month.start, month.end) == (date(2022, 3, 1), date(2022, 3, 31))
    assert (year.start, year.end) == (date(2019, 1, 1), date(2019, 12, 31))
    assert (interval.granularity, interval.start, interval.end) == (
        "interval", date(2022, 2, 14), date(2022, 2, 20))
    assert not week.is_point and tags[ids["thursday"]].is_point
    # the claim's date is its date tag's, resolved against the dateline (Thursday after
    # Wednesday 9 February)
    lavrov = tags[ids["lavrov_claim"]]
    assert (lavrov.kind, lavrov.value, lavrov.start, lavrov.claimant) == (
        "claim", "2022-02-10", date(2022, 2, 10), "Sergei Lavrov")
    assert "“Thursday”" in lavrov.explanation and "weekday" in lavrov.explanation
    assert lavrov.lane("actor") == "Sergei Lavrov" and lavrov.lane("kind") == "Claims"
    assert tags[ids["corridor_claim"]].lane("actor") == NO_CLAIMANT
    assert tags[ids["corridor_claim"]].quote == "the 🇺🇦 corridor 𝕏 stays open"
    assert "typed by the analyst" in week.explanation
    articles = [i for i in items if i.kind == "article"]
    assert [(a.article_id, a.start) for a in articles] == [
        (ids["talks"], date(2022, 2, 9)), (ids["later"], date(2022, 3, 1))]  # undated: none
    assert articles[0].lane("actor") == "Articles" and articles[0].annotation_id is None
    assert [i.start for i in items] == sorted(i.start for i in items)


def test_a_claim_follows_its_date_tag_when_that_is_corrected(db, ids):
    edit_tag(db, ids["thursday"], {"value": "2022-02-11", "granularity": "day"})
    assert by_annotation(timeline_items(db))[ids["lavrov_claim"]].start == date(2022, 2, 11)
    delete_tag(db, ids["thursday"])  # the claim keeps the date stored with it
    lavrov = by_annotation(timeline_items(db))[ids["lavrov_claim"]]
    assert lavrov.value == "2022-02-10" and "own date" in lavrov.explanation


def test_filters_kind_actor_status_and_date_range(db, ids):
    kinds = {i.kind for i in timeline_items(db, kinds=["claim"])}
    assert kinds == {"claim"}
    assert {i.kind for i in timeline_items(db, kinds=["article", "date"])} == {"article", "date"}
    # the search's actor facet: the articles it selects, and on claims their claimant
    lavrov = timeline_items(db, SearchFilter(actor="Lavrov"))
    claims = [i for i in lavrov if i.kind == "claim"]
    assert [c.annotation_id for c in claims] == [ids["lavrov_claim"]]
    assert {i.article_id for i in lavrov} == {ids["talks"]}
    disputed = timeline_items(db, SearchFilter(statuses=("disputed",)), kinds=["claim"])
    assert [c.annotation_id for c in disputed] == [ids["nato_claim"]]
    # the search's text and published facets select articles as the search does
    assert {i.article_id for i in timeline_items(db, SearchFilter(text="corridor"))} == {
        ids["later"]}
    assert {i.article_id for i in timeline_items(db, SearchFilter(published_from="2022-02-15"))} == {
        ids["later"]}
    # the item's own date: overlapping the range (the 2019 bar, the March month bar)
    feb = timeline_items(db, date_from="2022-02-12", date_to="2022-02")
    assert {i.annotation_id for i in feb if i.annotation_id} == {
        ids["week"], ids["interval"], ids["nato_claim"]}
    assert {i.value for i in timeline_items(db, date_to="2019-06")} == {"2019"}
    assert timeline_items(db, SearchFilter(actor="Nobody Known")) == []
    with pytest.raises(ValueError, match="not a date"):
        timeline_items(db, date_from="10 Feb")
