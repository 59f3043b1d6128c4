"""Pure scoring of the app's judgements and suggestions against the gold spans.

Nothing here touches a library: suggest_accuracy.py collects what the app did and these
functions decide what was right, so they can be tested with small made-up inputs.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from markup import NO_CLAIMANT, Gold


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def name_key(name: str | None) -> str:
    return " ".join((name or "").casefold().split())


def _days(part: str, last: bool) -> date | None:
    """The first (or last) day of an ISO day, month, year or week."""
    try:
        if len(part) == 10:
            return date.fromisoformat(part)
        if len(part) == 7 and part[4] == "-":
            y, m = int(part[:4]), int(part[5:])
            return date(y, m, calendar.monthrange(y, m)[1] if last else 1)
        if len(part) == 4:
            return date(int(part), 12, 31) if last else date(int(part), 1, 1)
        if len(part) == 8 and part[5] == "W":
            return date.fromisocalendar(int(part[:4]), int(part[6:]), 7 if last else 1)
    except ValueError:
        return None
    return None


def same_date(want: str | None, got: str | None) -> bool:
    """The gold value and the app's: the same, or two intervals over the same days, written
    at another precision ("2025-07/2026-06" is "2025-07-01/2026-06-30": writers of the gold
    use both)."""
    if want == got:
        return True
    if not want or not got or "/" not in want or "/" not in got:
        return False
    (a, b), (c, d) = want.split("/", 1), got.split("/", 1)
    first, other_first = _days(a, False), _days(c, False)
    last, other_last = _days(b, True), _days(d, True)
    return None not in (first, last) and (first, last) == (other_first, other_last)


# -- judgement: the analyst tags a gold span, the app decides ------------------------------


class ActorBook:
    """Which app actor stands for which gold canonical, as the analyst tags in order.

    An actor the app creates belongs to the canonical of the mention that created it. A link
    is right when it names the canonical's actor; creating an actor is right only when the
    canonical has none yet (else it is a duplicate). A wrong decision is corrected by the
    analyst (the runner relinks the tag), so one error does not make the next ones.
    """

    def __init__(self, known: Mapping[str, int] | None = None) -> None:
        self.actor_of: dict[int, str] = {}
        self.canonical_actor: dict[str, int] = {}
        for canonical, actor_id in (known or {}).items():
            self.claim(actor_id, canonical)

    def claim(self, actor_id: int, canonical: str) -> None:
        self.actor_of.setdefault(actor_id, canonical)
        self.canonical_actor.setdefault(canonical, actor_id)

    def judge_link(self, canonical: str, actor_id: int | None, created: bool) -> bool:
        """Right or not; records an actor created for a canonical that had none."""
        if actor_id is None:
            return False
        if created:
            if canonical in self.canonical_actor:
                return False  # a duplicate of the canonical's actor
            self.claim(actor_id, canonical)
            return True
        return self.actor_of.get(actor_id) == canonical

    def judge_claimant(self, canonical: str, claimant_id: int | None) -> bool:
        if canonical == NO_CLAIMANT:
            return claimant_id is None
        return claimant_id is not None and self.actor_of.get(claimant_id) == canonical


@dataclass
class Tally:
    right: int = 0
    total: int = 0
    wrong: list[str] = field(default_factory=list)

    def add(self, ok: bool, what: str) -> None:
        self.total += 1
        self.right += ok
        if not ok:
            self.wrong.append(what)

    def merge(self, other: Tally) -> None:
        self.right += other.right
        self.total += other.total
        self.wrong += other.wrong


# -- suggestions ---------------------------------------------------------------------------


@dataclass
class KindScore:
    kind: str
    gold: int = 0
    suggested: int = 0
    found: int = 0  # gold spans a suggestion of the kind overlaps (one to one)
    exact: int = 0  # ... with exactly the gold span
    right: int = 0  # ... with the right canonical / value (claims: any overlap)
    claimant_right: int = 0  # claims: matched, and the claimant is right
    misses: list[str] = field(default_factory=list)
    false_hits: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def merge(self, other: KindScore) -> None:
        for name in ("gold", "suggested", "found", "exact", "right", "claimant_right"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses
        self.false_hits += other.false_hits
        self.wrong += other.wrong


def suggestion_right(g: Gold, s: Any, known: Mapping[str, int]) -> bool:
    """Does suggestion s store what gold span g means? (Spans are matched elsewhere.)

    actor: the known actor of g's canonical, or a new actor when the library has none for it;
    date: the gold ISO value; claim: any suggestion of a claim there (claimant scored apart).
    """
    if g.kind == "date":
        return same_date(g.value, s.value)
    if g.kind == "actor":
        if g.value in known:
            return bool(s.actor_id == known[g.value])
        return s.actor_id is None
    return True


def claimant_right(g: Gold, s: Any, known: Mapping[str, int]) -> bool:
    claimant_id = getattr(s, "claimant_id", None)
    claimant_name = getattr(s, "claimant_name", None)
    if g.value == NO_CLAIMANT:
        return claimant_id is None and not claimant_name
    if g.value in known:
        return bool(claimant_id == known[g.value])
    return claimant_id is None and name_key(claimant_name) == name_key(g.value)


def _describe(s: Any) -> str:
    what = {"actor": getattr(s, "actor_name", None), "date": getattr(s, "value", None),
            "claim": getattr(s, "claimant_name", None)}.get(s.kind)
    return f"{s.start}-{s.end} {s.quote!r} -> {what}"


def score_suggestions(kind: str, gold: Sequence[Gold], suggestions: Iterable[Any],
                      known: Mapping[str, int], where: str = "") -> KindScore:
    """Match suggestions of `kind` to gold spans of `kind` one to one: a pair must overlap;
    right pairs first, then exact spans, then the larger overlap."""
    golds = [g for g in gold if g.kind == kind]
    suggs = [s for s in suggestions if s.kind == kind]
    pairs = []
    for gi, g in enumerate(golds):
        for si, s in enumerate(suggs):
            size = overlap(g.start, g.end, s.start, s.end)
            if size:
                exact = (g.start, g.end) == (s.start, s.end)
                pairs.append((not suggestion_right(g, s, known), not exact, -size, gi, si))
    pairs.sort()
    score = KindScore(kind, gold=sum(not g.optional for g in golds), suggested=len(suggs))
    used_g: set[int] = set()
    used_s: set[int] = set()
    for wrong, inexact, _, gi, si in pairs:
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        g, s = golds[gi], suggs[si]
        if g.optional:
            # either reading is fair: a right suggestion here is not counted at all,
            # a wrong one stays a wrong suggestion
            if wrong:
                score.wrong.append(f"{where} {kind} (optional) {g.quote!r} want {g.value!r}, "
                                   f"got {_describe(s)}")
            else:
                score.suggested -= 1
            continue
        score.found += 1
        score.exact += not inexact
        score.right += not wrong
        if wrong:
            score.wrong.append(f"{where} {kind} {g.quote!r} want {g.value!r}, got {_describe(s)}")
        if kind == "claim":
            ok = claimant_right(g, s, known)
            score.claimant_right += ok
            if not ok:
                score.wrong.append(f"{where} claimant of {g.quote[:50]!r} want {g.value!r}, "
                                   f"got {getattr(s, 'claimant_name', None)!r}")
    score.misses = [f"{where} {kind} {g.start}-{g.end} {g.quote[:60]!r} ({g.value})"
                    for gi, g in enumerate(golds) if gi not in used_g and not g.optional]
    score.false_hits = [f"{where} {kind} {_describe(s)} ({getattr(s, 'reason', '')})"
                        for si, s in enumerate(suggs) if si not in used_s]
    return score


def first_mentions(gold: Iterable[Gold]) -> list[Gold]:
    """The first (non-optional) actor mention of each canonical, in text order."""
    seen: dict[str, Gold] = {}
    for g in sorted(gold, key=lambda g: g.start):
        if g.kind == "actor" and not g.optional:
            seen.setdefault(g.value, g)
    return list(seen.values())


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "    -"
