"""Suggestions: untagged spans the app believes are an actor, a date or a claim.

A suggestion says what accepting it would store (the actor, the date value, the
claimant) and why, in one line. Pure: the finders give mentions, the suggesting service
turns them into suggestions and drops what is tagged or rejected already.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from itertools import chain
from operator import attrgetter, itemgetter, le, lt
from typing import NamedTuple, Protocol, TypeVar

__all__ = ["Suggestion", "apart", "back_again", "by_position", "covered_at", "drop_covered",
           "free_of", "index_of", "longest_span", "narrowed"]


class Suggestion(NamedTuple):
    """A tuple, not a dataclass: a 1 MB article has tens of thousands, made per tag."""

    kind: str  # "actor" | "date" | "claim"
    start: int  # code points into article.text; text[start:end] == quote
    end: int
    quote: str
    reason: str  # one line for the analyst
    actor_id: int | None = None  # actor: the known actor it names; None: a new actor
    actor_name: str | None = None  # actor: canonical name (known, or the new actor's)
    actor_type: str | None = None  # actor: the type a new actor gets
    certain: bool = True  # False: a guess, shown as "probably X"
    value: str | None = None  # date: ISO value, as for a date tag
    granularity: str | None = None
    date_method: str | None = None
    claimant_id: int | None = None  # claim: the speaker's actor, when known
    claimant_name: str | None = None
    claimant_type: str | None = None  # claim: the type a claimant new to the library gets

    @property
    def key(self) -> tuple[str, int, int]:
        return self.kind, self.start, self.end

    def stores(self) -> str:
        """What accepting it stores, in a few words ("United States", "2022-02-10")."""
        if self.kind == "actor":
            name = self.actor_name or self.quote
            new = " (new actor)" if self.actor_id is None else ""
            return f"{'probably ' if not self.certain else ''}{name}{new}"
        if self.kind == "date":
            return self.value or "unresolved"
        if self.kind == "claim":
            return f"claimant {self.claimant_name}" if self.claimant_name else "no claimant"
        return ""


class _Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=_Span)


def free_of(mentions: Iterable[S], taken: Iterable[tuple[int, int]],
            rejected: set[tuple[int, int]] | frozenset[tuple[int, int]] = frozenset()) -> list[S]:
    """The mentions that overlap no taken span (the tags of their kind), are not
    rejected, and do not overlap an earlier kept mention (of two starting together,
    the longer). Linear after one sort of the taken spans: an article may hold 20,000
    tags and as many mentions, every time a tag is made."""
    spans = sorted(taken)
    starts = [s for s, _ in spans]
    reach: list[int] = []  # the furthest end among spans[:i + 1]
    best = -1
    for _, e in spans:
        best = max(best, e)
        reach.append(best)
    ordered = list(mentions)
    if any((a.start, b.end) > (b.start, a.end) for a, b in zip(ordered, ordered[1:], strict=False)):
        ordered.sort(key=lambda m: (m.start, -m.end))
    kept: list[S] = []
    last_end = -1
    for m in ordered:
        if m.start < last_end or (m.start, m.end) in rejected:
            continue
        i = bisect_left(starts, m.end)  # taken spans starting before m ends
        if i and reach[i - 1] > m.start:
            continue
        kept.append(m)
        last_end = m.end
    return kept


def apart(mentions: Sequence[_Span]) -> bool:
    """Are the mentions in text order, none empty and none overlapping another? Then
    free_of keeps each that no taken span overlaps and is not rejected, nothing else."""
    starts = list(map(_START, mentions))  # in C: after every tag, over every suggestion
    ends = list(map(_END, mentions))
    return all(map(lt, starts, ends)) and all(map(le, ends[:-1], starts[1:]))


_START, _END = attrgetter("start"), attrgetter("end")
_START_END = attrgetter("start", "end")


NARROW_AT_MOST = 16  # new taken spans narrowed one by one; more: free_of again


def narrowed(kept: Sequence[S], taken: Iterable[tuple[int, int]],
             rejected: set[tuple[int, int]] | frozenset[tuple[int, int]]) -> list[S] | None:
    """free_of(mentions, old taken + taken, old rejected + rejected) from kept, which is
    free_of(mentions, old taken, old rejected) of mentions that are apart(): the kept ones
    that overlap none of the few new taken spans and are not newly rejected. None when the
    new spans are too many to be worth it."""
    spans = list(taken)
    if len(spans) > NARROW_AT_MOST:
        return None
    if not spans and not rejected:
        return list(kept)
    # kept is apart(): starts and ends both rise, so what a span overlaps is one run
    drop: set[int] = set()
    for a, b in spans:
        drop.update(range(bisect_right(kept, a, key=_END), bisect_left(kept, b, key=_START)))
    for a, b in rejected:
        i = bisect_left(kept, a, key=_START)
        if i < len(kept) and kept[i].start == a and kept[i].end == b:
            drop.add(i)
    out: list[S] = []
    at = 0
    for i in sorted(drop):
        out += kept[at:i]
        at = i + 1
    out += kept[at:]
    return out


def back_again(found: Sequence[S], taken: Sequence[tuple[int, int]],
               rejected: set[tuple[int, int]] | frozenset[tuple[int, int]],
               untaken: Sequence[tuple[int, int]],
               unrejected: set[tuple[int, int]] | frozenset[tuple[int, int]]) -> list[S] | None:
    """The mentions of found (apart()) that free_of(found, taken, rejected) keeps now that
    the few spans untaken are no longer taken and unrejected no longer rejected: those
    that overlapped one of them, or were rejected, and are free now. None when too many."""
    if len(untaken) + len(unrejected) > NARROW_AT_MOST:
        return None
    if not untaken and not unrejected:
        return []
    back = []
    for m in found:
        span = (m.start, m.end)
        if span not in unrejected and not any(a < m.end and m.start < b for a, b in untaken):
            continue
        if span in rejected or any(a < m.end and m.start < b for a, b in taken):
            continue
        back.append(m)
    return back


def by_position(groups: Sequence[Sequence[Suggestion]]) -> list[Suggestion]:
    """Suggestions of several kinds merged in text order (each group is in order): one
    stable sort of the groups one after another, which merges their runs as heapq.merge
    would (a tie keeps the earlier group's first), in C rather than a heap in Python."""
    order = {"actor": 0, "date": 1, "claim": 2}

    def key(s: Suggestion) -> tuple[int, int, int]:
        return (s.start, s.end, order.get(s.kind, 3))

    keys = [[key(s) for s in g] for g in groups]
    if all(a <= b for k in keys for a, b in zip(k, k[1:], strict=False)):
        pairs = sorted(zip(chain.from_iterable(keys), chain.from_iterable(groups),
                           strict=True), key=itemgetter(0))
        return [s for _, s in pairs]
    from heapq import merge  # a group out of order: merged as it comes

    return list(merge(*groups, key=key))


def covered_at(suggestions: Sequence[Suggestion], tags: Iterable[tuple[str, int, int]],
               longest: int) -> list[int]:
    """Where (ascending) the suggestions are that overlap one of a few new tags (kind,
    start, end) of their kind: what the window drops at once, before the suggestions are
    computed again. suggestions: in text order, none longer than `longest`, so only those
    starting that far before a tag are looked at (a tag costs O(log n), not a pass)."""
    places: set[int] = set()
    for kind, a, b in tags:
        i = bisect_left(suggestions, a - longest, key=_START)
        while i < len(suggestions) and suggestions[i].start < b:
            s = suggestions[i]
            if s.kind == kind and a < s.end:
                places.add(i)
            i += 1
    return sorted(places)


def drop_covered(suggestions: Sequence[Suggestion],
                 tags: Iterable[tuple[str, int, int]]) -> list[Suggestion]:
    """The suggestions that overlap none of a few new tags (kind, start, end) of their kind."""
    gone = set(covered_at(suggestions, tags, longest_span(suggestions)))
    return [s for n, s in enumerate(suggestions) if n not in gone]


def longest_span(suggestions: Iterable[Suggestion]) -> int:
    """The length of the longest suggestion (0 for none)."""
    return max((s.end - s.start for s in suggestions), default=0)


def index_of(suggestions: Sequence[Suggestion], key: tuple[str, int, int] | None) -> int:
    """Where the suggestion (kind, start, end) is in a list in text order; -1: absent.
    By bisection: a long article has tens of thousands."""
    if key is None:
        return -1
    kind, start, end = key
    i = bisect_left(suggestions, (start, end), key=_START_END)
    while i < len(suggestions) and (suggestions[i].start, suggestions[i].end) == (start, end):
        if suggestions[i].kind == kind:
            return i
        i += 1
    return -1
