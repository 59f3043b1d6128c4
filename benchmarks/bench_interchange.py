"""Interchange benchmark: each export format against the CSV export of the same tags, and
each import (a merge into an empty library) against storing the same rows with bare SQL, in
the same run.

    python benchmarks/bench_interchange.py [--articles 500] [--tags 40] [--repeat 3]

A library of N generated articles (~3 KB, a few astral characters each) with T tags each
(claims with a claimant, status and grade; actors linked to 300 actors; dates with values) is
built in a temp folder. Export: export_interchange(fmt) vs export_csv_file (pure-Python path,
every tag). Import: `reader-app import`'s path (read the file, plan, apply in one transaction)
into an empty library vs `INSERT` of the same articles and tag rows with executemany.

Measured (200 articles, 8,000 tags, this machine, best of 2): export qdpx 5.9x CSV, w3c 3.9x,
brat 3.6x, jsonl 1.4x (CSV 102 ms); import qdpx 5.6x the bare INSERT, w3c 3.0x, brat 3.0x,
jsonl 2.4x (bare 496 ms). No goal is set: the formats carry more than a CSV row (prefix and
suffix, links by uuid, XML), and an import checks every tag against its text.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reader_app.domain.interchange import Bundle
from reader_app.domain.models import ImportedArticle
from reader_app.services.bundle_files import read_other
from reader_app.services.exporting import ExportFilters, export_csv_file
from reader_app.services.interchange import export_interchange
from reader_app.services.merging import MergeChoices, apply_merge, plan_merge
from reader_app.storage.actors import create_actor
from reader_app.storage.articles import add_articles
from reader_app.storage.bundle_read import read_bundle
from reader_app.storage.database import open_library

WORDS = ("harbour grain ministry ferry budget bridge talks ceasefire mayor council port"
         " rail vote border officials said warned market school").split()
SPECIAL = ("🇺🇦", "𝕏", "е\u0301", "ш")


def build(path: Path, articles: int, tags: int, seed: int = 5) -> None:
    rng = random.Random(seed)
    db = open_library(path)
    with db.atomic():
        actors = [create_actor(db, f"Actor {n}", "person").id for n in range(300)]
    items = []
    for n in range(articles):
        words = [rng.choice(WORDS) for _ in range(480)]
        for i in range(0, 480, 60):
            words[i] = rng.choice(SPECIAL)
        items.append(ImportedArticle(f"Article {n}", " ".join(words) + ".", f"a{n}.txt",
                                     "2022-02-24"))
    add_articles(db, items)
    rows = []
    for article_id, text, sha in db.execute("SELECT id, text, sha256 FROM articles"):
        starts = sorted(rng.sample(range(0, len(text) - 40, 7), tags))
        for k, start in enumerate(starts):
            end = text.index(" ", start + 3) if " " in text[start + 3:] else start + 5
            kind = ("claim", "actor", "date")[k % 3]
            rows.append((f"{article_id}-{k}-{rng.random()}", article_id, kind, start, end,
                         text[start:end], "ana", "2022-02-24T00:00:00Z", "2022-02-24T00:00:00Z",
                         sha, rng.choice(actors) if kind == "actor" else None,
                         rng.choice(actors) if kind == "claim" else None,
                         "disputed" if kind == "claim" else None,
                         "B" if kind == "claim" else None, 2 if kind == "claim" else None,
                         "2022-02-24" if kind == "date" else None,
                         "day" if kind == "date" else None))
    with db.atomic():
        db.conn.executemany(
            'INSERT INTO annotations (uuid, article_id, kind, start, "end", quote, analyst,'
            " created_at, updated_at, text_sha256, actor_id, claimant_id, status, reliability,"
            " credibility, value, granularity) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    db.close()


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def bare_insert(source: Path, target: Path) -> None:
    """The baseline import: the same article and tag rows, copied with executemany."""
    src = open_library(source)
    arts = src.execute("SELECT uuid, title, source, published, text, sha256, imported_at"
                       " FROM articles").fetchall()
    tags = src.execute('SELECT uuid, article_id, kind, start, "end", quote, analyst,'
                       " created_at, updated_at, text_sha256 FROM annotations").fetchall()
    src.close()
    db = open_library(target)
    with db.atomic():
        db.conn.executemany("INSERT INTO articles (uuid, title, source, published, text,"
                            " sha256, imported_at) VALUES (?,?,?,?,?,?,?)", arts)
        db.conn.executemany('INSERT INTO annotations (uuid, article_id, kind, start, "end",'
                            " quote, analyst, created_at, updated_at, text_sha256)"
                            " VALUES (?,?,?,?,?,?,?,?,?,?)", tags)
    db.close()


def merged_import(file: Path, target: Path) -> None:
    db = open_library(target)
    apply_merge(db, plan_merge(db, read_other(file)), MergeChoices())
    db.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--tags", type=int, default=40)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    os.environ["READER_APP_PURE_EXPORT"] = "1"  # the Python CSV path, as the formats are
    tmp = Path(tempfile.mkdtemp(prefix="bench_interchange_"))
    try:
        lib = tmp / "library.sqlite"
        build(lib, args.articles, args.tags)
        db = open_library(lib)
        n = db.execute("SELECT count(*) FROM annotations").fetchone()[0]
        print(f"{args.articles} articles, {n} tags; best of {args.repeat}")
        csv = best(lambda: export_csv_file(db, tmp / "tags.csv", ExportFilters()), args.repeat)
        print(f"export CSV (baseline)          {csv * 1e3:8.0f} ms")
        files = {"qdpx": tmp / "p.qdpx", "w3c": tmp / "a.jsonld", "brat": tmp / "brat",
                 "jsonl": tmp / "ml.jsonl"}
        for fmt, target in files.items():
            took = best(lambda f=fmt, t=target: export_interchange(db, f, t), args.repeat)
            print(f"export {fmt:6}                   {took * 1e3:8.0f} ms  {took / csv:5.2f}x CSV")
        bare = tmp / "bare.sqlite"
        base = best(lambda: (bare.unlink(missing_ok=True), bare_insert(lib, bare)), args.repeat)
        print(f"import: bare INSERT (baseline)  {base * 1e3:8.0f} ms")
        articles_only = Bundle(tuple(replace(a, tags=()) for a in read_bundle(db).articles))
        db.close()
        for fmt, file in files.items():
            target = tmp / f"into-{fmt}.sqlite"

            def run(f=file, t=target, w3c=fmt == "w3c"):
                for p in (t, Path(f"{t}-wal"), Path(f"{t}-shm")):
                    p.unlink(missing_ok=True)
                if w3c:  # W3C carries no text: the articles are there first (not timed)
                    into = open_library(t)
                    apply_merge(into, plan_merge(into, articles_only))
                    into.close()
                started = time.perf_counter()
                merged_import(f, t)
                return time.perf_counter() - started

            took = min(run() for _ in range(args.repeat))
            print(f"import {fmt:6} (read+plan+apply) {took * 1e3:8.0f} ms  {took / base:5.2f}x bare")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
