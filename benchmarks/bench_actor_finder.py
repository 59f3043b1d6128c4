"""find_actors on a 1 MB article with 3,000 known actors plus the state table.

Run by hand: `PYTHONPATH=. python benchmarks/bench_actor_finder.py`. Prints the index build
time, and find_actors (CPU time, best of 15) at two densities of mentions, with the ratio
against one plain `str.find` pass over the same text.
"""

from __future__ import annotations

import random
import string
import time
from collections.abc import Callable

from reader_app.domain.actor_finder import KnownName, build_actor_index, find_actors
from reader_app.formats.state_table import load_state_table

FILLER = ("officials said on Tuesday that the talks would continue next week, although "
          "several delegations expressed doubts about the timetable and the agenda. ")
STATES = ["Russia’s foreign ministry said ", "Washington warned ", "the Kremlin denied ",
          "Kyiv said ", "U.S. officials said "]


def best(run: Callable[[], object], times: int = 15) -> float:
    spent = []
    for _ in range(times):
        t0 = time.process_time()
        run()
        spent.append(time.process_time() - t0)
    return min(spent)


def main() -> None:
    rng = random.Random(1)

    def word() -> str:
        return "".join(rng.choice(string.ascii_lowercase)
                       for _ in range(rng.randint(4, 9))).capitalize()

    names = []
    for i in range(1, 3001):
        kind = rng.choice(["person", "organization"])
        name = f"{word()} {word()}" + ("" if kind == "person" else " Party")
        names.append(KnownName(name, i, name, kind, "name"))
    t0 = time.process_time()
    index = build_actor_index([*names, *load_state_table()])
    print(f"index of {len(names)} actors + the state table: {time.process_time() - t0:.3f} s")
    for share in (0.15, 0.5):
        parts, size = [], 0
        while size < 1_000_000:
            part = FILLER
            if rng.random() < share:
                part += (rng.choice(STATES) + rng.choice(names).text + " had met "
                         + rng.choice(names).text.split()[-1] + ". ")
            parts.append(part)
            size += len(part)
        text = "".join(parts)
        found = len(find_actors(text, index))
        spent = best(lambda text=text: find_actors(text, index))
        plain = best(lambda text=text: text.find("\x00"))
        print(f"{len(text):,} characters, {found:,} mentions: find_actors {spent * 1000:.1f} ms"
              f" ({spent / plain:.0f} x one str.find pass)")


if __name__ == "__main__":
    main()
