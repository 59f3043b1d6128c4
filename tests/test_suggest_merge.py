"""by_position merges the kinds' suggestions by one stable sort: the same objects in the
same order as a heap merge gives, over random groups, ties and a group out of order."""

from __future__ import annotations

import random
from heapq import merge

import pytest

from reader_app.domain.suggestions import Suggestion, by_position

ORDER = {"actor": 0, "date": 1, "claim": 2}


@pytest.mark.parametrize("seed", range(40))
def test_by_position_is_the_heap_merge(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(50):
        groups = []
        for kind in ("actor", "date", "claim"):
            spans = sorted((rng.randint(0, 30), rng.randint(0, 5))
                           for _ in range(rng.randint(0, 8)))
            if rng.random() < 0.2:
                rng.shuffle(spans)  # not in order: merged as it comes
            groups.append([Suggestion(kind, a, a + b, "q", "r") for a, b in spans])
        heap = list(merge(*groups, key=lambda s: (s.start, s.end, ORDER[s.kind])))
        got = by_position(groups)
        assert [id(s) for s in got] == [id(s) for s in heap]


@pytest.mark.parametrize("seed", range(40))
def test_narrowed_and_apart_are_free_of(seed: int) -> None:
    from reader_app.domain.suggestions import apart, free_of, narrowed

    rng = random.Random(seed)
    for _ in range(50):
        at, found = 0, []
        for _ in range(rng.randint(0, 12)):  # apart: in order, none overlapping
            at += rng.randint(0, 3)
            end = at + rng.randint(1, 4)
            found.append(Suggestion("actor", at, end, "q", "r"))
            at = end
        assert apart(found)
        spans = [(s.start, s.end) for s in found]
        taken = [(a, a + rng.randint(0, 5)) for a in rng.sample(range(40), 3)]
        more = [(a, a + rng.randint(0, 5)) for a in rng.sample(range(40), rng.randint(0, 4))]
        rejected = set(rng.sample(spans, min(2, len(spans))))
        newly = set(rng.sample(spans, min(rng.randint(0, 2), len(spans)))) | {(99, 100)}
        kept = free_of(found, taken, rejected)
        assert narrowed(kept, more, newly) == free_of(found, taken + more, rejected | newly)
    assert not apart([Suggestion("actor", 3, 6, "q", "r"), Suggestion("actor", 5, 8, "q", "r")])
    assert not apart([Suggestion("actor", 3, 3, "q", "r")])
