"""The date rules over an inventory of Ukrainian, Russian and English temporal expressions
(benchmarks/date_inventory.txt): months and weekdays in every case, ordinal days, tense from
verb forms, relative words, ranges, years, quarters, seasons, parts of months, decades,
numeric dates, and things that are no dates (durations, ages, clock times, quantities).

Run: PYTHONPATH=. python benchmarks/date_inventory.py [-v] [inventory file, e.g.
benchmarks/date_inventory_en.txt]

A case is right when resolve_in_text gives the value for the tagged span and (unless the value
is marked "~", read only when tagged) find_dates suggests an overlapping span with that value;
a "-" case is right when nothing overlapping is suggested.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader_app.domain.date_finder import find_dates  # noqa: E402
from reader_app.domain.dates import resolve_in_text  # noqa: E402


def main() -> None:
    verbose = "-v" in sys.argv
    right = total = 0
    names = [a for a in sys.argv[1:] if not a.startswith("-")] or ["benchmarks/date_inventory.txt"]
    for line in (ROOT / names[0]).read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        language, dateline, marked, want = (x.strip() for x in line.split("|"))
        span = re.search(r"\[\[(.+?)\]\]", marked)
        assert span is not None, line
        text = marked.replace("[[", "").replace("]]", "")
        start, end = span.start(), span.start() + len(span.group(1))
        over = [m for m in find_dates(text, dateline, language) if m.start < end and start < m.end]
        total += 1
        if want == "-":
            ok, got = not over, ""
        else:
            tagged_only = want.startswith("~")
            want = want.lstrip("~")
            value = resolve_in_text(text, start, end, dateline, language).value
            ok = value == want and (tagged_only or any(m.value == want for m in over))
            got = f"tagged: {value}"
        right += ok
        if verbose and not ok:
            found = "; ".join(f"{text[m.start:m.end]!r} {m.value}" for m in over) or "nothing"
            print(f"x {language} {span.group(1)!r} want {want}, {got}, suggested: {found}")
    print(f"date inventory: {right} / {total} right ({100 * right / total:.1f}%)")


if __name__ == "__main__":
    main()
