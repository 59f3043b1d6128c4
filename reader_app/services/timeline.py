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

import sqlite3
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from sqlite_utils import Database

from reader_app.domain.iso_values import iso_extent, iso_granularity
from reader_app.domain.search_query import SearchFilter, date_bound
from reader_app.services.search import matching_article_ids
from reader_app.storage.search import actor_ids
from reader_app.storage.timeline_rows import dated_rows

TIMELINE_KINDS = ("claim", "date", "article")
LANE_MODES = ("actor", "kind")
NO_CLAIMANT = "(no claimant)"
KIND_LANES = {"claim": "Claims", "date": "Date tags", "article": "Articles"}


@dataclass(frozen=True, slots=True)
class TimelineItem:
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
    explanation: str  # how the date was found (for the tooltip)

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
    for row in dated_rows(db, wanted, articles):
        extent = iso_extent(row["value"])
        if extent is None:
            continue  # a stored value that is not a real date has no place on the axis
        if lo is not None and extent[1] < lo or hi is not None and extent[0] > hi:
            continue
        items.append(_item(row, extent))
    if claimants is not None or statuses:
        items = [i for i in items if i.kind != "claim" or (
            (claimants is None or i.claimant_id in claimants)
            and (not statuses or i.status in statuses))]
    items.sort(key=lambda i: (i.start, i.end, i.article_id, i.annotation_id or 0))
    return items


def _item(row: sqlite3.Row, extent: tuple[date, date]) -> TimelineItem:
    value: str = row["value"]
    granularity = iso_granularity(value) or "day"
    return TimelineItem(
        kind=row["kind"], value=value, granularity=granularity, start=extent[0],
        end=extent[1], article_id=int(row["article_id"]), article_title=row["title"],
        annotation_id=row["annotation_id"], quote=row["quote"], claimant=row["claimant"],
        claimant_id=row["claimant_id"], status=row["status"],
        explanation=explain(row["kind"], value, granularity, row["date_method"],
                            row["date_quote"]))


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
