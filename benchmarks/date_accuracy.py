"""Accuracy of the date rules on the shared case tables, and of the date finder.

Run: PYTHONPATH=. python benchmarks/date_accuracy.py [-v]

1. Phrases (date_cases.CASES): resolve_date against a bare dateparser.parse. Ours: value and
   granularity both as expected. Bare dateparser (no language, only RELATIVE_BASE = the
   dateline; an undated article gets no base, as a naive caller would do): a day-granularity
   case counts when the parsed date equals the value; any other case counts only when its
   date string equals the value (never, for weeks/months/years/intervals) or, for a case that
   should stay unresolved, when dateparser returns None.
2. Tags read in their sentence (date_cases.IN_TEXT): resolve_in_text, value and granularity;
   beside it the phrase alone (resolve_date on the tagged text, what a tag got before).
3. The finder on hand-marked articles (date_cases.MARKED, and HELD_OUT: written after the
   rules were settled): recall (marked expressions a suggestion overlaps), value accuracy of
   those, precision (suggestions that are marked). The project's independent set is scored
   by benchmarks/suggest_accuracy.py.
"""

from __future__ import annotations

import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import dateparser  # noqa: E402
from date_cases import (  # noqa: E402
    CASES,
    HELD_OUT,
    IN_TEXT,
    MARKED,
    Case,
    InText,
    Marked,
    score_marked,
)

from reader_app.domain import dates  # noqa: E402
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


def in_text(case: InText, alone: bool) -> tuple[bool, str]:
    start = case.text.index("[[")
    end = case.text.index("]]") - 2
    text = case.text.replace("[[", "").replace("]]", "")
    resolve = getattr(dates, "resolve_in_text", None)
    if alone or resolve is None:
        result = resolve_date(text[start:end], case.dateline, case.language)
    else:
        result = resolve(text, start, end, case.dateline, case.language)
    return (result.value, result.granularity) == (case.value, case.granularity), str(result.value)


def phrases(verbose: bool) -> None:
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
    print(f"phrases: ours {ours}/{total} correct, bare dateparser {bare}/{total} correct "
          f"({time.perf_counter() - started:.1f} s)")


def tags(verbose: bool) -> None:
    ours = alone = 0
    for case in IN_TEXT:
        ok, got = in_text(case, alone=False)
        ok_alone, got_alone = in_text(case, alone=True)
        ours += ok
        alone += ok_alone
        if verbose and not ok:
            print(f"{case.text[:60]!r:64} want {case.value!s:12} got {got}")
    print(f"tags in their sentence: {ours}/{len(IN_TEXT)} correct read in the text, "
          f"{alone}/{len(IN_TEXT)} read as the phrase alone")


def finder(verbose: bool) -> None:
    try:
        from reader_app.domain.date_finder import find_dates
    except ImportError:
        print("finder: reader_app.domain.date_finder is missing")
        return
    for label, articles in (("marked", MARKED), ("held out", HELD_OUT)):
        finder_on(label, articles, find_dates, verbose)


def finder_on(label: str, articles: list[Marked], find_dates: object, verbose: bool) -> None:
    by_language: dict[str, list[int]] = {}
    for article in articles:
        got = score_marked(article, find_dates)  # type: ignore[arg-type]
        row = by_language.setdefault(article.language, [0] * 5)
        for i, x in enumerate(got):
            row[i] += x
        if verbose:
            print(f"  {article.language} {article.dateline}: marked {got[0]}, found {got[1]}, "
                  f"right value {got[2]}, suggested {got[3]}, of them marked {got[4]}")
    total = [sum(r[i] for r in by_language.values()) for i in range(5)]
    for name, (marked, found, valued, suggested, right) in [*by_language.items(),
                                                            ("all", total)]:
        print(f"finder, {label} {name:>3}: recall {found}/{marked} = {found / marked:.0%}, "
              f"values {valued}/{found} = {valued / max(found, 1):.0%}, precision "
              f"{right}/{suggested} = {right / max(suggested, 1):.0%}")


def main() -> None:
    verbose = "-v" in sys.argv[1:]
    phrases(verbose)
    tags(verbose)
    finder(verbose)


if __name__ == "__main__":
    main()
