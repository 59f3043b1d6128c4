"""Storage and export benchmark (a script, not part of the test run).

    python benchmarks/bench_core.py            # both parts, ~1-2 minutes
    python benchmarks/bench_core.py --articles 2000 --annotations 200000   # quicker

(a) Import: N generated articles (~3 KB, each opening with a `date YYYY-MM-DD`
    dateline) written as .txt files, then imported through our pipeline
    (collect_paths + read_article + add_articles in chunks of 200: what
    `reader-app import` runs) vs a bare sqlite-utils insert_all of the same
    rows. Both sides read the files; the baseline only splits off the dateline.
    Two baselines: a plain table (no indexes) and the same table with the same
    FTS5 setup as our library (triggers on title + text), the fair comparison.
(b) Export: M annotations made with one INSERT ... SELECT (text[start:end] ==
    quote holds), exported to CSV by iter_export_rows + write_csv in a child
    process (time and peak RSS) vs the sqlite3 shell's `-csv` on the same SELECT.

Needs the sqlite3 shell for (b): `apt-get install -y sqlite3` (Debian/Ubuntu),
`brew install sqlite` (macOS).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlite_utils import Database  # noqa: E402

from reader_app.domain.models import ImportedArticle  # noqa: E402
from reader_app.formats.importers import collect_paths, read_article  # noqa: E402
from reader_app.services.importing import import_paths  # noqa: E402
from reader_app.storage.articles import add_articles  # noqa: E402
from reader_app.storage.database import open_library  # noqa: E402
from reader_app.storage.export_rows import export_query  # noqa: E402

WORDS = (
    "the talks between Moscow and Kyiv resumed on Thursday after officials in Minsk said that "
    "a ceasefire could hold if both sides agree to withdraw heavy weapons from the line -5 "
    "degrees overnight =rumours spread quickly among analysts who expect sanctions next week "
    "Київ Москва заявила 🇺🇦 😀 𠀀 café naïve Zürich Lavrov Blinken Scholz Macron NATO OSCE"
).split()
ACTORS = ["Lavrov", "Blinken", "Scholz", "Macron", "Zelensky", "NATO", "OSCE"]


def article_text(rng: random.Random, n: int, size: int = 3000) -> str:
    out: list[str] = [f"Report {n}: {rng.choice(ACTORS)} speaks on talks.\n\n"]
    length = len(out[0])
    while length < size:
        words = rng.choices(WORDS, k=rng.randint(8, 20))
        sentence = f'{rng.choice(ACTORS)} said "{" ".join(words)}" on Thursday.'
        sentence += "\n\n" if rng.random() < 0.2 else " "
        out.append(sentence)
        length += len(sentence)
    return "".join(out)


def write_articles(folder: Path, count: int) -> None:
    rng = random.Random(20220209)
    for n in range(count):
        day = f"2022-{1 + n % 12:02d}-{1 + n % 28:02d}"
        (folder / f"article-{n:05d}.txt").write_text(
            f"date {day}\n{article_text(rng, n)}", encoding="utf-8"
        )


_DATELINE = re.compile(r"date (\d{4}-\d{2}-\d{2})\s*")


def baseline_rows(folder: Path):
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        m = _DATELINE.match(text)
        body = text[m.end():] if m else text
        yield {"title": body.split("\n", 1)[0], "text": body, "source": path.name,
               "published": m.group(1) if m else None}


def bench_import(work: Path, count: int) -> None:
    folder = work / "articles"
    folder.mkdir()
    write_articles(folder, count)
    size = sum(p.stat().st_size for p in folder.iterdir()) / count
    print(f"(a) import {count:,} articles of ~{size / 1024:.1f} KB each")

    db = open_library(work / "ours.sqlite")
    t = time.perf_counter()
    report = import_paths(db, [folder])
    ours = time.perf_counter() - t
    db.close()
    assert len(report.created) == count and not report.refused, report.summary()

    t = time.perf_counter()
    for path in collect_paths([folder]):
        read_article(path)
    parse = time.perf_counter() - t  # a second pass: how much of ours is parsing

    plain = Database(work / "plain.sqlite")
    t = time.perf_counter()
    plain["articles"].insert_all(baseline_rows(folder), batch_size=200)
    bare = time.perf_counter() - t

    fts = Database(work / "fts.sqlite")
    fts["articles"].create({"id": int, "title": str, "text": str, "source": str,
                            "published": str}, pk="id")
    fts["articles"].enable_fts(["title", "text"], create_triggers=True)
    t = time.perf_counter()
    fts["articles"].insert_all(baseline_rows(folder), batch_size=200)
    bare_fts = time.perf_counter() - t
    plain.close()
    fts.close()

    print(f"    ours (read_article + add_articles, chunks of 200): {ours:6.2f} s"
          f"  {count / ours:8,.0f} articles/s  (read_article alone: {parse:.2f} s)")
    print(f"    insert_all, plain table (no index, no FTS):        {bare:6.2f} s"
          f"  ratio {ours / bare:.2f}x  (target <= 1.5x)")
    print(f"    insert_all, same FTS5 setup (fair):                {bare_fts:6.2f} s"
          f"  ratio {ours / bare_fts:.2f}x")


ANNOTATIONS_SQL = """
WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < :per - 1)
INSERT INTO annotations (uuid, article_id, kind, start, "end", quote, prefix, suffix,
                         value, note, analyst, created_at, updated_at, text_sha256)
SELECT lower(hex(randomblob(16))), id, kind, st, st + len,
       substr(text, st + 1, len), substr(text, max(st - 32, 0) + 1, min(st, 32)),
       substr(text, st + len + 1, 32),
       CASE kind WHEN 'date' THEN '2022-02-10' WHEN 'actor' THEN 'Lavrov' END,
       CASE WHEN i % 50 = 0 THEN '=check this, "soon"' END, 'bench',
       '2024-03-13T10:00:00.000+00:00', '2024-03-13T10:00:00.000+00:00', sha256
FROM (SELECT a.id, a.text, a.sha256, s.i,
             (s.i * 7919) % (length(a.text) - 64) AS st, 3 + s.i % 40 AS len,
             CASE s.i % 3 WHEN 0 THEN 'claim' WHEN 1 THEN 'actor' ELSE 'date' END AS kind
      FROM articles a, seq s)
"""


def make_export_library(path: Path, articles: int, per_article: int) -> None:
    db = open_library(path)
    rng = random.Random(7)
    items = [ImportedArticle(title=f"Report {n}", text=article_text(rng, n), source=f"{n}.txt",
                             published=f"2022-02-{1 + n % 28:02d}") for n in range(articles)]
    add_articles(db, items)
    # Setup speed only: the export never reads the annotations' FTS index.
    db.execute("DROP TRIGGER IF EXISTS annotations_ai")
    with db.atomic():
        db.execute(ANNOTATIONS_SQL, {"per": per_article})
    rows = db.execute("SELECT a.text, n.start, n.\"end\", n.quote FROM annotations n"
                      " JOIN articles a ON a.id = n.article_id ORDER BY random() LIMIT 2000")
    assert all(text[s:e] == q for text, s, e, q in rows), "text[start:end] != quote"
    db.close()


CHILD = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
from reader_app.storage.database import open_library
from reader_app.formats.csv_export import open_csv_output, write_csv
from reader_app.storage.export_rows import EXPORT_COLUMNS, iter_export_rows
db = open_library({db!r}, create=False)
start_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.perf_counter()
with open_csv_output({out!r}, {raw!r}) as out:
    n = write_csv(iter_export_rows(db), EXPORT_COLUMNS, out, raw={raw!r})
print(json.dumps({{"rows": n, "seconds": time.perf_counter() - t, "start_kb": start_rss,
                  "peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}}))
"""


def run_ours(db: Path, out: Path, raw: bool) -> dict:
    code = CHILD.format(root=str(Path(__file__).resolve().parents[1]), db=str(db),
                        out=str(out), raw=raw)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    return json.loads(done.stdout)


def run_shell(sqlite3: str, db: Path, out: Path) -> float:
    sql, params = export_query()
    assert not params
    t = time.perf_counter()
    with out.open("wb") as f:
        subprocess.run([sqlite3, "-readonly", "-csv", "-header", str(db), sql], stdout=f,
                       check=True)
    return time.perf_counter() - t


def bench_export(work: Path, total: int) -> None:
    sqlite3 = shutil.which("sqlite3")
    articles = 1000
    per_article = max(1, total // articles)
    t = time.perf_counter()
    db_path = work / "export.sqlite"
    make_export_library(db_path, articles, per_article)
    total = articles * per_article
    print(f"(b) export {total:,} annotations ({articles:,} articles x {per_article:,};"
          f" library built in {time.perf_counter() - t:.1f} s)")
    out = work / "out.csv"
    results = {}
    for raw in (False, True):
        best = min((run_ours(db_path, out, raw) for _ in range(2)), key=lambda r: r["seconds"])
        assert best["rows"] == total
        results[raw] = best
        size = out.stat().st_size / 2**20
        label = "raw (no BOM/prefix)" if raw else "Excel-safe (default)"
        print(f"    ours, {label:21}: {best['seconds']:6.2f} s  {total / best['seconds']:10,.0f}"
              f" rows/s  {size:5.0f} MB  peak RSS {best['peak_kb'] / 1024:.0f} MB"
              f" ({(best['peak_kb'] - best['start_kb']) / 1024:+.0f} MB during export)")
        out.unlink()
    if not sqlite3:
        print("    sqlite3 shell not found: apt-get install -y sqlite3 (or brew install sqlite)")
        return
    shell = min(run_shell(sqlite3, db_path, out) for _ in range(2))
    lines = sum(1 for _ in out.open("rb"))
    out.unlink()
    print(f"    sqlite3 -csv same SELECT     : {shell:6.2f} s  ({lines - 1:,} data lines)")
    for raw, label in ((False, "Excel-safe"), (True, "raw")):
        print(f"    ratio ours {label}/sqlite3: {results[raw]['seconds'] / shell:.2f}x"
              "  (target <= 2x)")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--articles", type=int, default=10_000)
    p.add_argument("--annotations", type=int, default=1_000_000)
    p.add_argument("--only", choices=("import", "export"))
    args = p.parse_args()
    print(f"Python {sys.version.split()[0]}, SQLite {__import__('sqlite3').sqlite_version},"
          f" sqlite3 shell: {shutil.which('sqlite3') or 'missing'}")
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as tmp:
        if args.only != "export":
            (Path(tmp) / "a").mkdir()
            bench_import(Path(tmp) / "a", args.articles)
        if args.only != "import":
            (Path(tmp) / "b").mkdir()
            bench_export(Path(tmp) / "b", args.annotations)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"bench peak RSS (parent): {peak:.0f} MB")


if __name__ == "__main__":
    main()
