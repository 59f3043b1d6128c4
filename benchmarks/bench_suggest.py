"""Suggesting on a 1 MB article with 3,000 known actors and 20,000 tags (issue 9's goal:
at most 100 ms), against one plain str.find pass over the same text in the same run.

    python benchmarks/bench_suggest.py [--repeat 5] [--size 1000000]

The article is generated from varied news sentences (names, states and capitals, dates in
many forms, quoted and reported speech, durations that are not dates), so the finders meet
what they meet in real text, not one sentence repeated. Prints the best of --repeat for the
whole suggest() and for each kind alone.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reader_app.domain.models import ImportedArticle
from reader_app.services.suggesting import suggest
from reader_app.storage.actors import create_actor
from reader_app.storage.articles import add_article
from reader_app.storage.database import open_library

FIRST = ("Olena Mykola Tomas Amara Chen Ingrid Rahul Sofia Pedro Yusuf Hana Lars Mei Ivan "
         "Grace Omar Elena Kofi Marta Jonas Aiko Diego Leila Pavel Nadia Samuel Irina Ana "
         "Viktor Zainab").split()
LAST = ("Marchuk Reiter Okafor Lindqvist Petrenko Haddad Novak Sato Moreau Kowalski Mensah "
        "Ibrahim Romero Tanaka Schulz Bondar Costa Nilsen Farah Duarte Kovacs Abebe Walsh "
        "Horvat Lindgren Baptiste Sokolov Amini Varga Quinn Castillo Dimitrov Ekstrom Fontaine "
        "Grieve Halloran Iqbal Jovanovic Kaur Laine Mbeki Nakamura Oyelaran Pinto Rasku "
        "Szabo Torres Udeh Vance Wexler Yilmaz Zeller Brandt Cho Dalton Engel Falk Gupta "
        "Hale Ishikawa Juarez Keller Lopes Maddox Nair Ortega Pike Rios Stone Thorne Ueda "
        "Vidal Wren Xu Young Zhou Aldana Berg Crane Drake Ellis Frost Gale Hart Irwin").split()
ORGS = ("Ministry of Ports", "National Reform Party", "Harbour Workers Union", "Coastal Guard",
        "Grain Board", "Energy Council", "Rail Agency", "Press Office", "Audit Court")
PLACES = ("Washington", "Moscow", "the Kremlin", "Kyiv", "London", "Britain", "Beijing",
          "Paris", "Berlin", "Warsaw", "the U.S.", "Ukraine", "Russia", "France")
DATES = ("on Monday", "on Thursday", "last Friday", "next week", "yesterday", "two days ago",
         "on Feb. 10, 2022", "on 3 March", "in March and April 2023", "in 1998", "in the 1990s",
         "between 2019 and 2021", "this year", "on 2022-02-14", "tomorrow", "last month")
DURATIONS = ("for three hours", "after 50 years", "over five decades", "within 6 weeks",
             "with 2,000 troops", "for two days")
VERBS = ("said", "told reporters", "warned", "claimed", "insisted", "denied", "explained",
         "added", "wrote", "noted")


def sentence(rng: random.Random, people: list[str]) -> str:
    who, other = rng.choice(people), rng.choice(people)
    surname = who.split()[-1]
    org, place, when = rng.choice(ORGS), rng.choice(PLACES), rng.choice(DATES)
    return rng.choice((
        f"{who} {rng.choice(VERBS)} {when} that the {org} would meet {other} in {place}.",
        f"“The talks in {place} will go on {rng.choice(DURATIONS)},” {surname} said {when}.",
        f"According to {who}, {place} had asked the {org} to wait {rng.choice(DURATIONS)}.",
        f"Officials from {place} met {other} {when} to discuss grain and rail tariffs.",
        f"{surname}, a senior figure in the {org}, {rng.choice(VERBS)} that {place} was wrong.",
        f"The {org} published its figures {when}; {other} rejected {surname}'s claims.",
        f"Prices rose by 4 per cent {when} as ships waited {rng.choice(DURATIONS)} off {place}.",
    ))


def make_library(path: Path, size: int, actors: int, tags: int) -> int:
    rng = random.Random(11)
    db = open_library(path)
    people = [f"{f} {s}" for f in FIRST for s in LAST]
    people += [f"{f} {i}. {s}" for i in "ABCDEFGH" for f in FIRST for s in LAST]
    people = people[:actors - len(ORGS)]
    with db.atomic():
        ids = {name: create_actor(db, name, "person").id for name in people}
        ids.update({org: create_actor(db, org, "organization").id for org in ORGS})
    paragraphs, length = [], 0
    while length < size:
        paragraph = " ".join(sentence(rng, people) for _ in range(rng.randint(2, 5)))
        paragraphs.append(paragraph)
        length += len(paragraph) + 2
    text = "\n\n".join(paragraphs)[:size]
    article_id = add_article(db, ImportedArticle("Big", text, "big.txt", "2022-02-09",
                                                 "en")).article_id
    sha = db.execute("SELECT sha256 FROM articles WHERE id = ?", [article_id]).fetchone()[0]
    # every mention of a known name is a candidate tag; 20,000 of them, spread evenly
    mentions = [(m.start(), m.group()) for m in re.finditer(
        r"\b[A-Z][a-z]+ (?:[A-Z]\. )?[A-Z][a-z]+\b|\b(?:" + "|".join(ORGS) + r")\b", text)
        if m.group() in ids]
    chosen = mentions[::max(1, len(mentions) // tags)][:tags]
    rows = [(f"u{n}", article_id, "actor", start, start + len(name), name, ids[name], "now",
             "now", sha) for n, (start, name) in enumerate(chosen)]
    # the rest as date tags on date phrases, so the article holds `tags` tags
    words = "|".join(re.escape(d.split(" ", 1)[-1]) for d in DATES)
    for m in re.finditer(rf"\b(?:{words})\b", text):
        if len(rows) >= tags:
            break
        rows.append((f"d{m.start()}", article_id, "date", m.start(), m.end(), m.group(), None,
                     "now", "now", sha))
    with db.atomic():
        db.conn.executemany(
            'INSERT INTO annotations (uuid, article_id, kind, start, "end", quote, actor_id,'
            " created_at, updated_at, text_sha256) VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
    print(f"library: {len(ids)} actors, {len(rows)} tags, article {len(text):,} chars")
    db.close()
    return article_id


def best(repeat: int, work) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - started)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--actors", type=int, default=3000)
    parser.add_argument("--tags", type=int, default=20000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite"
        article_id = make_library(path, args.size, args.actors, args.tags)
        db = open_library(path)
        text = db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()[0]
        base, _ = best(args.repeat, lambda: text.find("\x00"))
        suggest(db, article_id)  # the first call builds the actor index
        total, found = best(args.repeat, lambda: suggest(db, article_id))
        counts = {k: sum(1 for s in found if s.kind == k) for k in ("actor", "date", "claim")}
        print(f"str.find pass: {base * 1000:.2f} ms (baseline)")
        print(f"suggest, all kinds: {total * 1000:.0f} ms = {total / base:.0f}x the find pass;"
              f" goal <= 100 ms: {'met' if total <= 0.1 else 'MISSED'}; {counts}")
        for kind in ("actor", "date", "claim"):
            alone, _ = best(args.repeat, lambda k=kind: suggest(db, article_id, [k]))
            print(f"  {kind} alone: {alone * 1000:.0f} ms")
        db.close()


if __name__ == "__main__":
    main()
