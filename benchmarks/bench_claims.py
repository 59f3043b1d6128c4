"""find_claims on a 1 MB article of dense news speech (bench_suggest's generated text: almost
every sentence quoted or reported speech), against one str.find pass over the same text.

    python benchmarks/bench_claims.py [--repeat 3] [--size 1000000]

cold: the first read of the article; again: the same article read again (a new but equal
str, as a reload gives); one new tag: again, after one more actor tag in one paragraph.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_suggest import FIRST, LAST, sentence

from reader_app.domain import speech, speech_index
from reader_app.domain.actors import match_key


def best(repeat: int, work) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--size", type=int, default=1_000_000)
    args = parser.parse_args()
    rng = random.Random(11)
    people = [f"{first} {last}" for first in FIRST for last in LAST][:3000]
    paragraphs, length = [], 0
    while length < args.size:
        paragraph = " ".join(sentence(rng, people) for _ in range(rng.randint(2, 5)))
        paragraphs.append(paragraph)
        length += len(paragraph) + 2
    text = "\n\n".join(paragraphs)[:args.size]
    ids = {name: n for n, name in enumerate(people, 1)}
    known = {match_key(name): n for name, n in ids.items()}
    spans = sorted((m.start(), m.end(), ids[m.group()])
                   for m in re.finditer(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b", text)
                   if m.group() in ids)[::2][:20000]
    persons = set(ids.values())

    def cold() -> None:
        speech._CACHE.clear()
        speech_index._last_text.clear()
        speech.find_claims(text, spans, known, persons)

    base = best(5, lambda: text.find("\x00"))
    first = best(args.repeat, cold)
    found = speech.find_claims(text, spans, known, persons)
    again = best(args.repeat, lambda: speech.find_claims(text[:-1] + text[-1], spans, known,
                                                         persons))
    at = text.index("said")
    more = sorted([*spans, (at, at + 4, 10**6)])
    one = best(1, lambda: speech.find_claims(text, more, known, persons))
    print(f"{len(text):,} chars, {len(spans):,} actor tags, {len(found):,} claims found")
    print(f"str.find pass: {base * 1000:.2f} ms")
    for name, took in (("cold", first), ("again", again), ("one new tag", one)):
        print(f"find_claims {name}: {took * 1000:.0f} ms = {took / base:.0f}x the find pass")


if __name__ == "__main__":
    main()
