"""How the window's process runs Python's garbage collector (no Qt, nothing of ours).

Suggesting keeps an article's work between changes (the actor pass, every paragraph's
claims, the index of the library's names): some hundred thousand long-lived objects
that every full pass of the collector walks again, 40-50 ms of a suggestion's 100.
Frozen once a long article's suggestions are first made (gc.freeze: the permanent
generation, never walked), and with full passes ten times rarer: in bench_suggest's
55 changes 2 full passes of 10-16 ms, not 5 of up to 45-60.
Frozen objects are still freed when nothing refers to them; only ones in a reference
cycle wait, until the next article's first suggestions unfreeze and collect them.
benchmarks/bench_suggest.py --gc measures it.
"""

from __future__ import annotations

import gc

# (young, middle, old): a full pass after 100 middle ones, not 10 (Python's 700, 10, 10)
THRESHOLDS = (700, 10, 100)


def apply_thresholds() -> None:
    gc.set_threshold(*THRESHOLDS)


# suggestions of an article (about one per 90 characters of news) from which its kept
# work is frozen: below, a full pass walks it in a few ms, less than the collection
# settling costs (60 ms and more in a process with a large heap, such as a test run)
SETTLE_FROM = 1000


def settle_long_lived(suggestions: int) -> bool:
    """After an article's first suggestions, when it has SETTLE_FROM or more: what was
    frozen before is collected once (a cycle left by the last article is freed), then
    all that lives now is frozen. Whether it was."""
    if suggestions < SETTLE_FROM:
        return False
    gc.unfreeze()
    gc.collect()
    gc.freeze()
    return True
