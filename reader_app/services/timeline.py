"""Every dated item of the library on one time axis: claims, date tags and articles.

Qt-free, so the timeline view, the report's picture and the tests read the same items.
Each item covers the real extent of its ISO value: a day is a point, a week, month,
year or interval the days it spans (domain.iso_values.iso_extent).

Filters: the search's SearchFilter selects articles exactly as the search does
(services.search.matching_article_ids); on claims themselves its actor (the claimant)
and its statuses apply too. Beside it, `kinds` (claim, date, article) and a date range
on the item's own date (an item shows when its extent overlaps the range).
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import NamedTuple

from sqlite_utils import Database

from reader_app.domain.iso_values import iso_extent, iso_granularity
from reader_app.domain.search_query import SearchFilter, date_bound
from reader_app.services.search import matching_article_ids
from reader_app.storage.search import actor_ids
from reader_app.storage.timeline_rows import Row, dated_rows

TIMELINE_KINDS = ("claim", "date", "article")
LANE_MODES = ("actor", "kind")
NO_CLAIMANT = "(no claimant)"
KIND_LANES = {"claim": "Claims", "date": "Date tags", "article": "Articles"}


class TimelineItem(NamedTuple):  # a tuple: 50,000 of them are made at once
    kind: str  # claim | date | article
    value: str  # the ISO value as stored: 2022-02-10, 2022-W07, 2022-02, 2022, a/b
    granularity: str  # day | week | month | year | interval
    start: date  # the first day the value covers
    end: date  # the last day it covers (== start for a day)
    article_id: int
    article_title: str
    annotation_id: int | None  # None for an article's published date
    quote: str  # the tagged text ("" for an article)
    claimant: str | None
    claimant_id: int | None
    status: str | None
    date_method: str | None  # how the date was resolved (a date tag's, or the claim's)
    date_quote: str | None  # a claim's date tag's text, when its date comes from one

    @property
    def explanation(self) -> str:
        """How the date was found, in one line (the tooltip's)."""
        return explain(self.kind, self.value, self.granularity, self.date_method,
                       self.date_quote)

    @property
    def is_point(self) -> bool:
        return self.start == self.end

    def lane(self, by: str) -> str:
        """The lane key: by "actor" a claim's claimant (dates and articles keep their kind's
        lane), by "kind" the kind's."""
        if by == "actor" and self.kind == "claim":
            return self.claimant or NO_CLAIMANT
        return KIND_LANES[self.kind]


def timeline_items(db: Database, flt: SearchFilter | None = None, *,
                   kinds: Collection[str] | None = None, date_from: str | None = None,
                   date_to: str | None = None) -> list[TimelineItem]:
    """Every dated item the filter selects, by start date. ValueError (for the analyst)
    for a bad facet or a date bound that is not YYYY, YYYY-MM or YYYY-MM-DD."""
    wanted = [k for k in TIMELINE_KINDS if kinds is None or k in kinds]
    lo = date.fromisoformat(date_bound(date_from, last=False)) if date_from else None
    hi = date.fromisoformat(date_bound(date_to, last=True)) if date_to else None
    articles: list[int] | None = None
    claimants: set[int] | None = None
    statuses: set[str] = set()
    if flt is not None and not flt.is_empty():
        articles = matching_article_ids(db, flt)
        if flt.actor and flt.actor.strip():
            claimants = set(actor_ids(db, flt.actor))
        statuses = set(flt.statuses)
    items = []
    extents: dict[str, tuple[str, date, date] | None] = {}  # values repeat: read each once
    for row in dated_rows(db, wanted, articles):
        value = row[5]
        if value not in extents:
            extents[value] = _extent(value)
        extent = extents[value]
        if extent is None:
            continue  # a stored value that is not a real date has no place on the axis
        if lo is not None and extent[2] < lo or hi is not None and extent[1] > hi:
            continue
        items.append(item_from_row(row, extent))
    if claimants is not None or statuses:
        items = [i for i in items if i.kind != "claim" or (
            (claimants is None or i.claimant_id in claimants)
            and (not statuses or i.status in statuses))]
    items.sort(key=_by_start)  # stable: the query's order (article, tag) among equals
    return items


def _extent(value: str) -> tuple[str, date, date] | None:
    granularity = iso_granularity(value)
    extent = iso_extent(value) if granularity else None
    return None if granularity is None or extent is None else (granularity, *extent)


def _by_start(item: TimelineItem) -> date:
    return item.start


def item_from_row(row: Row, extent: tuple[str, date, date]) -> TimelineItem:
    kind, annotation_id, article_id, title, quote, value, claimant, claimant_id, status, \
        date_quote, method = row
    granularity, start, end = extent
    return TimelineItem(kind, value, granularity, start, end, article_id, title,
                        annotation_id, quote, claimant, claimant_id, status, method,
                        date_quote)


_METHODS = {
    "analyst": "typed by the analyst",
    "absolute": "written out in the text",
    "weekday": "a weekday, the nearest such day to the dateline",
    "relative": "relative to the dateline",
    "week": "a week, counted from the dateline",
    "day-month": "a day and month, its year from the dateline",
    "year": "a year",
    "interval": "an interval written in the text",
    "dateparser": "read by dateparser against the dateline",
    "duration": "a duration, counted from the dateline",
}


def explain(kind: str, value: str, granularity: str, method: str | None,
            date_quote: str | None) -> str:
    """One line on where the item's date comes from."""
    how = _METHODS.get(method or "", method or "")
    if kind == "article":
        return f"Published {value} (the article's date)."
    if kind == "claim" and date_quote is not None:
        source = f"from the date tag “{date_quote}”" + (f", {how}" if how else "")
    elif kind == "claim":
        source = f"the claim's own date{', ' + how if how else ''}"
    else:
        source = how or "how it was resolved is not recorded"
    return f"{value} ({granularity}): {source}."
