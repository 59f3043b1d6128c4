"""tidy_span (the sloppy-edge rule) against the old trim (white space + whole words) on
selections of a 1.2 MB article: a word, a sentence, a three-line drag and everything.

Run by hand: `PYTHONPATH=. python benchmarks/bench_span_trim.py`. Prints the CPU time of
each (best of 15) and the ratio to the old rule measured in the same run.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from reader_app.domain.offsets import snap_to_words, trim_span
from reader_app.domain.span_trim import tidy_span

PARAGRAPH = ("KYIV (Wirewatch) - “The convoy did not appear,” spokeswoman Ganna Malyar said on"
             " Thursday, adding that (in her words) “nothing moved near the port”. ")


def best(run: Callable[[], object], times: int = 15) -> float:
    spent = []
    for _ in range(times):
        t0 = time.process_time()
        run()
        spent.append(time.process_time() - t0)
    return min(spent)


def old(text: str, start: int, end: int) -> tuple[int, int]:
    start, end = trim_span(text, start, end)
    return snap_to_words(text, start, end) if start < end else (start, start)


def main() -> None:
    text = (PARAGRAPH * (1_200_000 // len(PARAGRAPH))) + "\n"
    mid = len(text) // 2
    cases = {
        "word": (mid + 3, mid + 12),
        "sentence": (mid - 2, mid + len(PARAGRAPH) - 5),
        "three lines": (mid - 3, mid + 3 * 80),
        "everything": (0, len(text)),
    }
    print(f"article: {len(text):,} code points")
    for name, (a, b) in cases.items():
        base = best(lambda a=a, b=b: old(text, a, b))
        new = best(lambda a=a, b=b: tidy_span(text, a, b))
        print(f"{name:12} old {base * 1e3:8.3f} ms  tidy {new * 1e3:8.3f} ms"
              f"  ratio {new / max(base, 1e-9):8.1f}x")


if __name__ == "__main__":
    main()
