"""Accuracy of resolve_date against a bare dateparser.parse on the shared case table.

Run: /tmp/venv/bin/python benchmarks/date_accuracy.py [-v]

Scoring. Ours: value and granularity both as expected. Bare dateparser (no language, only
RELATIVE_BASE = the dateline; an undated article gets no base, as a naive caller would do):
a day-granularity case counts when the parsed date equals the value; any other case counts only
when its date string equals the value (never, for weeks/months/years/intervals) or, for a case
that should stay unresolved, when dateparser returns None.
"""

from __future__ import annotations

import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import dateparser  # noqa: E402
from date_cases import CASES, Case  # noqa: E402

from reader_app.domain.dates import resolve_date  # noqa: E402


def bare_correct(case: Case) -> tuple[bool, str]:
    settings = {}
    if case.dateline:
        settings["RELATIVE_BASE"] = datetime.fromisoformat(case.dateline)
    parsed = dateparser.parse(case.phrase, settings=settings)
    got = None if parsed is None else parsed.date().isoformat()
    if case.value is None:
        return parsed is None, str(got)
    return got == case.value, str(got)


def ours_correct(case: Case) -> tuple[bool, str]:
    result = resolve_date(case.phrase, case.dateline, case.language)
    return (result.value, result.granularity) == (case.value, case.granularity), str(result.value)


def main() -> None:
    verbose = "-v" in sys.argv[1:]
    ours = bare = 0
    started = time.perf_counter()
    for case in CASES:
        ok_ours, got_ours = ours_correct(case)
        ok_bare, got_bare = bare_correct(case)
        ours += ok_ours
        bare += ok_bare
        if verbose and not (ok_ours and ok_bare):
            print(f"{case.phrase!r:36} {case.dateline!s:10} want {case.value!s:22} "
                  f"ours {got_ours:22}{'' if ok_ours else ' X'}  bare {got_bare}"
                  f"{'' if ok_bare else ' X'}")
    total = len(CASES)
    print(f"ours: {ours}/{total} correct, bare dateparser: {bare}/{total} correct "
          f"({time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
