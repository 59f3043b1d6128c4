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
