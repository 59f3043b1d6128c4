"""Speed of find_dates on a generated, varied 1 MB article (en/uk/ru news sentences).

Run: PYTHONPATH=. python benchmarks/date_finder_speed.py [SIZE_BYTES]

Prints the pattern scan alone (one PATTERN.finditer pass), the whole find_dates (scan,
filters, resolution with the cache warm and cold), and a plain str.find pass for scale.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader_app.domain import dates
from reader_app.domain.date_finder import find_dates, scan

SUBJECTS = ["The minister", "Officials", "The ministry of defence", "Local residents",
            "A spokesman for the council", "Міністр оборони", "Представники влади",
            "Мэр города", "Представитель министерства"]
VERBS = ["said", "will meet", "announced", "is due to report", "was killed", "met",
         "заявив", "зустрінеться", "заявил", "встретится"]
DATES = ["on Friday", "last Monday", "on Feb. {d}, {y}", "in March and April {y}", "yesterday",
         "next week", "two days ago", "between {y} and {y2}", "from March to May {y}",
         "on {d} May", "in {y}", "у п’ятницю", "{d} лютого {y} року", "минулого тижня",
         "в четверг", "{d} февраля", "на следующей неделе", "over the weekend", "in the 1990s",
         "Feb. {d}-{d2}", "{d}.0{m}.{y}", "{y}-0{m}-{d2}", "this year", "сьогодні", "вчера"]
FILLER = ["that the bridge over the river had been closed to traffic",
          "as 2,000 troops moved towards the border, costing £2023 each",
          "while prices rose for 50 years and the siege lasted three hours",
          "що переговори тривали шість тижнів", "что колонна двигалась три часа",
          "about the budget, the grain corridor and the energy grid in the east",
          "after a long debate in parliament about reform of the courts"]


def article(size: int, seed: int = 7, dated: float = 1.0) -> str:
    """News-like sentences; ``dated`` of them carry a date (1.0: every sentence, a worst case;
    real news has a date in about one sentence of four)."""
    rnd = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        y = rnd.randint(1990, 2024)
        date = rnd.choice(DATES).format(d=rnd.randint(1, 12), d2=rnd.randint(13, 28), y=y,
                                        y2=y + rnd.randint(1, 4), m=rnd.randint(1, 9))
        if rnd.random() >= dated:
            date = rnd.choice(["that", "in Kyiv", "in a statement", "у Києві", "в Москве"])
        sentence = (f"{rnd.choice(SUBJECTS)} {rnd.choice(VERBS)} {date} "
                    f"{rnd.choice(FILLER)}{rnd.choice(['.', ',', ';', ' 🇺🇦.'])} ")
        if rnd.random() < 0.3:
            sentence += " ".join(rnd.choice(FILLER) for _ in range(3)) + ". "
        if rnd.random() < 0.1:
            sentence += "\n\n"
        parts.append(sentence)
        total += len(sentence.encode("utf-8"))
    return "".join(parts)


def best(fn: object, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - t)
    return min(times) * 1000


def measure(text: str, label: str) -> None:
    dates._cached.cache_clear()
    t = time.perf_counter()
    found = find_dates(text, "2022-02-08", "en")
    cold = (time.perf_counter() - t) * 1000
    scan_ms = best(lambda: scan(text))
    warm = best(lambda: find_dates(text, "2022-02-08", "en"), 3)
    plain = best(lambda: text.find("\0"))
    print(f"{label}: {len(text):,} code points, {len(found):,} mentions: scan {scan_ms:.0f} ms, "
          f"find_dates {warm:.0f} ms warm / {cold:.0f} ms cold, str.find {plain:.1f} ms")


def main() -> None:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    measure(article(size), "a date in every sentence")
    measure(article(size, dated=0.25), "a date in one sentence of four")


if __name__ == "__main__":
    main()
