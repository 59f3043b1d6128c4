"""The timeline's compact arrays (services.timeline_data) against timeline_items: the same
items, extents and lanes under every filter; one item's details read by id."""

from __future__ import annotations

import pytest
from timeline_library import build

from reader_app.domain.search_query import SearchFilter
from reader_app.services.tagging import edit_tag
from reader_app.services.timeline import timeline_items
from reader_app.services.timeline_data import timeline_data, timeline_item


@pytest.fixture
def ids(db):
    return build(db)


def drawn(data):
    return [(m.kind, m.annotation_id, m.article_id, m.value, m.granularity, m.start, m.end,
             m.lane) for m in data.marks()]


def listed(items, by):
    return [(i.kind, i.annotation_id, i.article_id, i.value, i.granularity, i.start, i.end,
             i.lane(by)) for i in items]


FILTERS = [
    ({}, {}),
    ({}, {"kinds": ["claim"]}),
    ({}, {"kinds": ["article", "date"]}),
    ({"actor": "Lavrov"}, {}),
    ({"statuses": ("disputed",)}, {"kinds": ["claim"]}),
    ({"text": "corridor"}, {}),
    ({"published_from": "2022-02-15"}, {}),
    ({}, {"date_from": "2022-02-12", "date_to": "2022-02"}),
    ({}, {"date_to": "2019-06"}),
    ({"actor": "Nobody Known"}, {}),
]


@pytest.mark.parametrize("by", ["actor", "kind"])
@pytest.mark.parametrize(("facets", "filters"), FILTERS)
def test_the_arrays_hold_what_timeline_items_lists(db, ids, facets, filters, by):
    flt = SearchFilter(**facets) if facets else None
    items = timeline_items(db, flt, **filters)
    data = timeline_data(db, flt, lane_by=by, **filters)
    assert drawn(data) == listed(items, by)
    assert data.lanes == list(dict.fromkeys(
        [k for k in (i.lane(by) for i in items) if k not in ("Claims", "Date tags", "Articles")]
        + [k for k in ("Claims", "Date tags", "Articles") if k in {i.lane(by) for i in items}]))
    assert data.in_library  # the library has dated items, whatever the filter keeps


def test_article_ids_narrow_the_selection(db, ids):
    data = timeline_data(db, None, article_ids=[ids["later"]])
    assert {m.article_id for m in data.marks()} == {ids["later"]}
    assert {m.annotation_id for m in data.marks()} == {ids["corridor_claim"], None}
    both = timeline_data(db, SearchFilter(text="corridor"), article_ids=[ids["talks"]])
    assert len(both) == 0 and both.in_library


def test_an_items_details_are_read_by_id(db, ids):
    full = {(i.kind, i.annotation_id or i.article_id): i for i in timeline_items(db)}
    for mark in timeline_data(db).marks():
        ref = mark.annotation_id if mark.annotation_id is not None else mark.article_id
        assert timeline_item(db, mark.kind, ref) == full[mark.kind, ref]
    edit_tag(db, ids["nato_claim"], {"claim_date": None})
    assert timeline_item(db, "claim", ids["nato_claim"]) is None  # no longer dated
    assert timeline_item(db, "date", 10_000) is None


def test_an_empty_library_says_so(tmp_path):
    from reader_app.storage.database import open_library

    empty = open_library(tmp_path / "empty.sqlite")
    try:
        data = timeline_data(empty)
        assert len(data) == 0 and not data.in_library and data.lanes == []
    finally:
        empty.close()
