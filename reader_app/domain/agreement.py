"""Agreement between two analysts on the articles both tagged: span F1, Cohen's kappa per
character, Krippendorff's alpha on the attributes of matched spans (agreement_alpha.py).

Units: offsets and lengths are code points of the stored text (DESIGN.md), so an astral
character such as 𝕏 is one character here; a flag 🇺🇦 is two (two regional indicators).

Analyst A is the reference: precision = matches / B's spans, recall = matches / A's spans;
F1 = 2 matches / (A's spans + B's spans) is the same whichever analyst is the reference.
A figure that cannot be computed is a Figure with value None and the reason, never NaN.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from reader_app.domain.models import KINDS

Interval = tuple[int, int]  # [start, end) in code points


@dataclass(frozen=True)
class Figure:
    """A measure's value, or None with the reason it is undefined."""

    value: float | None
    reason: str = ""

    def text(self, digits: int = 3) -> str:
        return f"{self.value:.{digits}f}" if self.value is not None else f"n/a ({self.reason})"


def ratio(num: int | Fraction, den: int | Fraction, reason: str) -> Figure:
    return Figure(float(Fraction(num) / den)) if den else Figure(None, reason)


@dataclass(frozen=True)
class TagSpan:
    """One analyst's tag as agreement sees it: where it is and what it says."""

    analyst: str
    article_id: int
    kind: str
    start: int
    end: int
    actor: int | None = None  # actor tags: the canonical actor's id
    date_value: str | None = None  # date tags: the ISO value
    claimant: int | None = None  # claims: the claimant actor's id
    status: str | None = None  # claims
    reliability: str | None = None  # claims: Admiralty A..F
    credibility: int | None = None  # claims: Admiralty 1..6


@dataclass(frozen=True)
class SpanFigures:
    """Matches between A's and B's spans of one kind (one-to-one), and what they give."""

    matches: int
    precision: Figure
    recall: Figure
    f1: Figure


@dataclass(frozen=True)
class KappaFigures:
    """The 2x2 table of characters (tagged with the kind by A? by B?) and Cohen's kappa."""

    characters: int
    both: int
    a_only: int
    b_only: int
    neither: int
    observed: Figure  # p_o: share of characters the two label alike
    expected: Figure  # p_e: the share expected by chance from each one's own rate
    kappa: Figure


@dataclass(frozen=True)
class KindAgreement:
    kind: str
    spans_a: int
    spans_b: int
    exact: SpanFigures
    overlap: SpanFigures
    kappa: KappaFigures


def span_figures(matches: int, n_a: int, n_b: int, kind: str) -> SpanFigures:
    return SpanFigures(
        matches,
        precision=ratio(matches, n_b, f"B tagged no {kind}"),
        recall=ratio(matches, n_a, f"A tagged no {kind}"),
        f1=ratio(2 * matches, n_a + n_b, f"neither analyst tagged a {kind}"))


def exact_matches(a: Sequence[TagSpan], b: Sequence[TagSpan]) -> int:
    """Pairs with the same article, start and end, one to one (a span tagged twice by A
    matches at most two of B's)."""
    count_a = Counter((t.article_id, t.start, t.end) for t in a)
    count_b = Counter((t.article_id, t.start, t.end) for t in b)
    return sum((count_a & count_b).values())


def _per_article(tags: Iterable[TagSpan]) -> dict[int, list[TagSpan]]:
    """Tags by article, each article's by start."""
    found: dict[int, list[TagSpan]] = defaultdict(list)
    for t in tags:
        found[t.article_id].append(t)
    for spans in found.values():
        spans.sort(key=lambda t: (t.start, t.end))
    return found


def overlap(x: TagSpan, y: TagSpan) -> int:
    return max(0, min(x.end, y.end) - max(x.start, y.start))


def match_overlapping(a: Sequence[TagSpan], b: Sequence[TagSpan]) -> list[tuple[TagSpan, TagSpan]]:
    """One-to-one matching of spans that share at least one character, greedy: of all
    overlapping pairs, take the one with the largest overlap (ties: the smaller union, so an
    exact match wins; then by position), drop both spans, repeat. Greedy, not Hungarian: it
    may match one pair fewer than the maximum in a chain of nested spans, and is what an
    analyst can follow by hand."""
    by_article = _per_article(b)
    starts = {i: [t.start for t in spans] for i, spans in by_article.items()}
    longest = {i: max(t.end - t.start for t in spans) for i, spans in by_article.items()}
    candidates: list[tuple[int, int, int, int, int, int]] = []
    for i, x in enumerate(a):
        ys = by_article.get(x.article_id)
        if not ys:
            continue
        # only B's spans starting in (x.start - longest, x.end) can overlap x: no scan of all
        at = starts[x.article_id]
        for j in range(bisect_right(at, x.start - longest[x.article_id]),
                       bisect_left(at, x.end)):
            y = ys[j]
            shared = overlap(x, y)
            if shared:
                union = max(x.end, y.end) - min(x.start, y.start)
                candidates.append((-shared, union, x.start, y.start, i, j))
    candidates.sort()
    used_a: set[int] = set()
    used_b: set[tuple[int, int]] = set()
    pairs: list[tuple[TagSpan, TagSpan]] = []
    for _, _, _, _, i, j in candidates:
        y = by_article[a[i].article_id][j]
        key = (y.article_id, j)
        if i not in used_a and key not in used_b:
            used_a.add(i)
            used_b.add(key)
            pairs.append((a[i], y))
    return pairs


def merged(spans: Iterable[Interval]) -> list[Interval]:
    """The spans merged: a character tagged twice (overlapping tags of the same kind by one
    analyst) is one tagged character."""
    merged: list[Interval] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _covered(intervals: list[Interval]) -> int:
    return sum(end - start for start, end in intervals)


def _shared(x: list[Interval], y: list[Interval]) -> int:
    """Characters in both unions (two sorted lists of disjoint intervals)."""
    i = j = total = 0
    while i < len(x) and j < len(y):
        total += max(0, min(x[i][1], y[j][1]) - max(x[i][0], y[j][0]))
        if x[i][1] < y[j][1]:
            i += 1
        else:
            j += 1
    return total


def char_kappa(lengths: Mapping[int, int], a: Sequence[TagSpan], b: Sequence[TagSpan],
               kind: str) -> KappaFigures:
    """Cohen's kappa over every character (code point) of the given articles, pooled: each
    character is "kind" or "none" for A and for B (present when any tag of the kind by that
    analyst covers it). kappa = (p_o - p_e) / (1 - p_e), p_e = pA*pB + (1-pA)*(1-pB)."""
    both = tagged_a = tagged_b = 0
    per_a, per_b = _per_article(a), _per_article(b)
    for article_id, length in lengths.items():
        ua = merged((max(0, t.start), min(t.end, length))
                    for t in per_a.get(article_id, ()) if t.start < length)
        ub = merged((max(0, t.start), min(t.end, length))
                    for t in per_b.get(article_id, ()) if t.start < length)
        both += _shared(ua, ub)
        tagged_a += _covered(ua)
        tagged_b += _covered(ub)
    n = sum(lengths.values())
    a_only, b_only = tagged_a - both, tagged_b - both
    neither = n - both - a_only - b_only
    if n == 0:
        none = Figure(None, "the articles have no characters")
        return KappaFigures(0, 0, 0, 0, 0, none, none, none)
    p_o = Fraction(both + neither, n)
    p_a, p_b = Fraction(tagged_a, n), Fraction(tagged_b, n)
    p_e = p_a * p_b + (1 - p_a) * (1 - p_b)
    if p_e == 1:
        why = (f"neither analyst tagged any {kind}" if tagged_a == 0
               else f"both analysts tagged every character as {kind}")
        kappa = Figure(None, f"{why}: chance agreement is 1")
    else:
        kappa = Figure(float((p_o - p_e) / (1 - p_e)))
    return KappaFigures(n, both, a_only, b_only, neither, Figure(float(p_o)), Figure(float(p_e)),
                        kappa)


def kind_agreement(lengths: Mapping[int, int], a: Sequence[TagSpan], b: Sequence[TagSpan],
                   kind: str) -> tuple[KindAgreement, list[tuple[TagSpan, TagSpan]]]:
    """All span and character measures of one kind, and the overlap-matched pairs (for
    the attribute alphas). a and b: the tags of that kind in the given articles."""
    pairs = match_overlapping(a, b)
    figures = KindAgreement(
        kind, len(a), len(b),
        exact=span_figures(exact_matches(a, b), len(a), len(b), kind),
        overlap=span_figures(len(pairs), len(a), len(b), kind),
        kappa=char_kappa(lengths, a, b, kind))
    return figures, pairs


def by_kind(tags: Iterable[TagSpan]) -> dict[str, list[TagSpan]]:
    found: dict[str, list[TagSpan]] = {kind: [] for kind in KINDS}
    for t in tags:
        if t.kind in found:
            found[t.kind].append(t)
    return found
