"""Suggestions: untagged spans the app believes are an actor, a date or a claim.

A suggestion says what accepting it would store (the actor, the date value, the
claimant) and why, in one line. Pure: the finders give mentions, the suggesting service
turns them into suggestions and drops what is tagged or rejected already.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = ["Suggestion", "drop_covered", "first_of_overlaps"]


@dataclass(frozen=True)
class Suggestion:
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


def drop_covered(suggestions: Iterable[Suggestion],
                 taken: Iterable[tuple[str, int, int]]) -> list[Suggestion]:
    """The suggestions that overlap no span of their kind in taken (tags, rejections).

    Spans of a kind are few per article compared with the text: sort them once and
    bisect per suggestion."""
    from bisect import bisect_left

    by_kind: dict[str, list[tuple[int, int]]] = {}
    for kind, start, end in taken:
        by_kind.setdefault(kind, []).append((start, end))
    ends: dict[str, list[int]] = {}
    starts: dict[str, list[int]] = {}
    for kind, spans in by_kind.items():
        spans.sort()
        starts[kind] = [s for s, _ in spans]
        # the running maximum of ends, so one bisection answers "does any span before
        # this point reach past it"
        running, best = [], -1
        for _, e in spans:
            best = max(best, e)
            running.append(best)
        ends[kind] = running
    kept = []
    for s in suggestions:
        kind_starts = starts.get(s.kind)
        if kind_starts:
            i = bisect_left(kind_starts, s.end)  # spans starting before s ends
            if i and ends[s.kind][i - 1] > s.start:
                continue
        kept.append(s)
    return kept


def first_of_overlaps(suggestions: Sequence[Suggestion]) -> list[Suggestion]:
    """Per kind, no two suggestions overlap: in text order, the longer of two that
    start together, else the earlier one, wins."""
    kept: list[Suggestion] = []
    reach: dict[str, int] = {}
    for s in sorted(suggestions, key=lambda s: (s.start, -s.end, s.kind)):
        if s.start < reach.get(s.kind, -1):
            continue
        kept.append(s)
        reach[s.kind] = s.end
    return kept
