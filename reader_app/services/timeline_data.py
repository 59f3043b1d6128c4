"""The timeline as compact arrays: only what drawing needs, for 50,000 items at once.

timeline_items (services.timeline) makes one TimelineItem per item, quote and title
included; the view needs none of that to draw, so it reads TimelineData instead: per item
its kind, its extent in days, its lane and the ids a click needs, as numpy arrays sorted
by start. The quote, article title and the date's explanation are read for one item when
the analyst points at it (timeline_item). The filters are timeline_items' own.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

import numpy as np
import numpy.typing as npt
from sqlite_utils import Database

from reader_app.domain.iso_values import iso_extent, iso_granularity
from reader_app.domain.search_query import SearchFilter, date_bound
from reader_app.services.search import matching_article_ids
from reader_app.services.timeline import (
    KIND_LANES,
    NO_CLAIMANT,
    TIMELINE_KINDS,
    TimelineItem,
    item_from_row,
)
from reader_app.storage.actors import actor_names
from reader_app.storage.search import actor_ids
from reader_app.storage.timeline_rows import any_dated, compact_rows, item_row

Ints = npt.NDArray[np.int64]
GRANULARITY_CODES = ("day", "week", "month", "year", "interval")


class TimelineMark(NamedTuple):
    """One drawn item, as the arrays hold it (no quote, no title)."""

    position: int  # its place in the TimelineData
    kind: str
    value: str
    granularity: str
    start: date
    end: date
    article_id: int
    annotation_id: int | None  # None for an article's published date
    claimant_id: int | None
    lane: str

    @property
    def is_point(self) -> bool:
        return self.start == self.end


def _empty() -> Ints:
    return np.zeros(0, dtype=np.int64)


@dataclass
class TimelineData:
    """Parallel arrays, one entry per item, by first day (stable: the query's order among
    equals). kinds index TIMELINE_KINDS, lane_of indexes lanes, value_of value_names."""

    lane_by: str = "actor"
    kinds: Ints = field(default_factory=_empty)
    refs: Ints = field(default_factory=_empty)  # annotation id, or article id for an article
    articles: Ints = field(default_factory=_empty)
    claimants: Ints = field(default_factory=_empty)  # -1: none
    firsts: Ints = field(default_factory=_empty)  # the first day's ordinal
    lasts: Ints = field(default_factory=_empty)  # the last day's ordinal (== first: a day)
    value_of: Ints = field(default_factory=_empty)
    lane_of: Ints = field(default_factory=_empty)
    value_names: list[str] = field(default_factory=list)
    granularities: list[str] = field(default_factory=list)  # per value name
    lanes: list[str] = field(default_factory=list)  # claimants by first date, kind lanes last
    in_library: bool = False  # the library has dated items at all (for the empty state)

    def __len__(self) -> int:
        return len(self.kinds)

    def mark(self, i: int) -> TimelineMark:
        kind = TIMELINE_KINDS[int(self.kinds[i])]
        value = int(self.value_of[i])
        ref = int(self.refs[i])
        claimant = int(self.claimants[i])
        return TimelineMark(i, kind, self.value_names[value], self.granularities[value],
                            date.fromordinal(int(self.firsts[i])),
                            date.fromordinal(int(self.lasts[i])), int(self.articles[i]),
                            None if kind == "article" else ref,
                            None if claimant < 0 else claimant, self.lanes[int(self.lane_of[i])])

    def marks(self) -> list[TimelineMark]:
        return [self.mark(i) for i in range(len(self))]


def timeline_data(db: Database, flt: SearchFilter | None = None, *,
                  kinds: Collection[str] | None = None, date_from: str | None = None,
                  date_to: str | None = None, lane_by: str = "actor",
                  article_ids: Collection[int] | None = None) -> TimelineData:
    """timeline_items' selection as arrays (article_ids, if given, narrows it further).
    ValueError for a bad facet or date bound, as there."""
    wanted = [k for k in TIMELINE_KINDS if kinds is None or k in kinds]
    lo = date.fromisoformat(date_bound(date_from, last=False)).toordinal() if date_from else None
    hi = date.fromisoformat(date_bound(date_to, last=True)).toordinal() if date_to else None
    articles: list[int] | None = None
    claimants: list[int] | None = None
    statuses: tuple[str, ...] = ()
    if flt is not None and not flt.is_empty():
        articles = matching_article_ids(db, flt)
        if flt.actor and flt.actor.strip():
            claimants = list(actor_ids(db, flt.actor))
        statuses = tuple(flt.statuses)
    if article_ids is not None:
        chosen = {int(i) for i in article_ids}
        articles = sorted(chosen) if articles is None else [i for i in articles if i in chosen]
    code_of: dict[str, int] = {}  # value -> its index in value_names
    columns: list[tuple[int, list[int], list[int], list[int], list[int]]] = []
    for kind in wanted:
        rows = compact_rows(db, kind, articles, claimants, statuses)
        if not rows:
            continue
        refs, arts, values, people = zip(*rows, strict=True)
        for value in dict.fromkeys(values):  # C-speed loops: 50,000 values repeat a few thousand
            code_of.setdefault(value, len(code_of))
        codes = list(map(code_of.__getitem__, values))
        columns.append((TIMELINE_KINDS.index(kind), list(refs), list(arts), codes,
                        [-1 if p is None else p for p in people]))
    names = list(code_of)
    extents = [_extent(v) for v in names]
    data = TimelineData(lane_by, value_names=names,
                        granularities=[e[0] if e else "" for e in extents])
    if not columns:
        data.in_library = any_dated(db)
        return data
    kind_arr = np.concatenate([np.full(len(c[1]), c[0], dtype=np.int64) for c in columns])
    refs_arr, arts_arr, codes_arr, people_arr = (
        np.concatenate([np.asarray(c[k], dtype=np.int64) for c in columns]) for k in (1, 2, 3, 4))
    value_first = np.array([e[1] if e else 0 for e in extents], dtype=np.int64)
    value_last = np.array([e[2] if e else -1 for e in extents], dtype=np.int64)
    firsts, lasts = value_first[codes_arr], value_last[codes_arr]
    keep = lasts >= firsts  # a stored value that is not a real date has no place on the axis
    if lo is not None:
        keep &= lasts >= lo
    if hi is not None:
        keep &= firsts <= hi
    order = np.flatnonzero(keep)
    order = order[np.argsort(firsts[order], kind="stable")]
    data.kinds, data.refs, data.articles = kind_arr[order], refs_arr[order], arts_arr[order]
    data.claimants, data.firsts, data.lasts = people_arr[order], firsts[order], lasts[order]
    data.value_of = codes_arr[order]
    data.in_library = True
    _lay_lanes(db, data)
    return data


def _day(part: str) -> int | None:
    """The ordinal of a YYYY-MM-DD part, None for any other shape or a day not in the
    calendar (the general parse then decides)."""
    if len(part) == 10 and part[4] == part[7] == "-" and part.isascii():
        try:
            return date.fromisoformat(part).toordinal()
        except ValueError:
            return None
    return None


def _extent(value: str) -> tuple[str, int, int] | None:
    # most values are days, or intervals between two days: no need for the general parse
    first, _, last = value.partition("/")
    a = _day(first)
    if a is not None and not last:
        return "day", a, a
    b = _day(last) if a is not None else None
    if a is not None and b is not None and a <= b:
        return "interval", a, b
    granularity = iso_granularity(value)
    extent = iso_extent(value) if granularity else None
    if granularity is None or extent is None:
        return None
    return granularity, extent[0].toordinal(), extent[1].toordinal()


def _lay_lanes(db: Database, data: TimelineData) -> None:
    """lanes and lane_of: by claimant (name) or by kind, in order of first date, the kind
    lanes last."""
    claim = TIMELINE_KINDS.index("claim")
    kind_names = [KIND_LANES[k] for k in TIMELINE_KINDS]
    if data.lane_by == "actor":
        people = np.unique(data.claimants[data.kinds == claim])
        names = {int(k): v for k, v in actor_names(db, [int(p) for p in people if p >= 0]).items()}
        # a raw key per item: the kind lanes first (0..2), then 3 + a claimant's position
        person_key = {int(p): 3 + n for n, p in enumerate(people)}
        lookup = np.array([person_key[int(p)] for p in people], dtype=np.int64)
        raw = data.kinds.copy()
        claims = data.kinds == claim
        raw[claims] = lookup[np.searchsorted(people, data.claimants[claims])]
        key_names = kind_names + [names.get(int(p), NO_CLAIMANT) if p >= 0 else NO_CLAIMANT
                                  for p in people]
    else:
        raw = data.kinds.copy()
        key_names = list(kind_names)
    present, first_at = np.unique(raw, return_index=True)
    by_first = present[np.argsort(first_at, kind="stable")]
    lanes: list[str] = []
    lane_index: dict[str, int] = {}
    key_lane = np.zeros(len(key_names), dtype=np.int64)
    ordered = [k for k in by_first.tolist() if k >= 3] + [k for k in (0, 1, 2) if k in present]
    for key in ordered:  # two claimants of one name share a lane, as before
        name = key_names[key]
        if name not in lane_index:
            lane_index[name] = len(lanes)
            lanes.append(name)
        key_lane[key] = lane_index[name]
    data.lanes, data.lane_of = lanes, key_lane[raw]


def actor_name_list(db: Database) -> list[str]:
    """Every actor's name, for the facets' actor box (read with the items)."""
    return sorted(actor_names(db).values(), key=str.casefold)


def timeline_item(db: Database, kind: str, ref: int) -> TimelineItem | None:
    """The whole item (quote, article title, how its date was found) of one mark; None if
    it is gone or no longer dated."""
    row = item_row(db, kind, ref)
    if row is None:
        return None
    extent = _extent(row[5])
    if extent is None:
        return None
    granularity, first, last = extent
    return item_from_row(row, (granularity, date.fromordinal(first), date.fromordinal(last)))


def data_of_items(items: Sequence[TimelineItem], lane_by: str = "actor") -> TimelineData:
    """TimelineData of items already made (sorted by start), lanes as timeline_data lays
    them: for a picture or a test of items that are not in a library."""
    keys = [i.lane(lane_by) for i in items]
    kind_lanes = [k for k in KIND_LANES.values() if k in set(keys)]
    lanes = [k for k in dict.fromkeys(keys) if k not in kind_lanes] + kind_lanes
    lane_index = {k: n for n, k in enumerate(lanes)}
    names = list(dict.fromkeys(i.value for i in items))
    code_of = {v: n for n, v in enumerate(names)}
    granularity = {i.value: i.granularity for i in items}

    def column(values: Iterable[int]) -> Ints:
        return np.fromiter(values, dtype=np.int64, count=len(items))

    return TimelineData(
        lane_by, column(TIMELINE_KINDS.index(i.kind) for i in items),
        column(i.article_id if i.annotation_id is None else i.annotation_id for i in items),
        column(i.article_id for i in items),
        column(-1 if i.claimant_id is None else i.claimant_id for i in items),
        column(i.start.toordinal() for i in items), column(i.end.toordinal() for i in items),
        column(code_of[i.value] for i in items), column(lane_index[k] for k in keys),
        names, [granularity[v] for v in names], lanes, bool(items))
