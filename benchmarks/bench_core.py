"""Import and export benchmark: both ratios against baselines measured in the same run
(a script, not part of the test run).

    python benchmarks/bench_core.py            # both parts, ~5-8 minutes
    python benchmarks/bench_core.py --articles 2000 --annotations 200000   # quicker
    python benchmarks/bench_core.py --only import --repeat 5

(a) Import: N generated articles (~3 KB, each opening with a `date YYYY-MM-DD`
    dateline) written as .txt files, then imported through our pipeline
    (import_paths: collect_paths + read_article + add_articles in short batches,
    what `reader-app import` and the window run) vs a bare sqlite-utils insert_all
    (batch_size=200) of the same rows into a table with the same FTS5 setup as our
    library (title + text, and the library filter's trigram index on title +
    source). Both sides read the files; the baseline only splits off
    the dateline. Ours also: checks and decodes each file, repairs mis-encoded text,
    finds title and language, hashes the text (sha256, for duplicates), and keeps the
    library's indexes (uuid, sha256, published, title, source, the list's covering
    index) in WAL mode, synchronous FULL. The baseline runs again on a WAL database
    (the library's journal mode) for a second ratio. CPU time (process_time: this
    process and SQLite in it), the best of --repeat runs, interleaved. Goal: <= 1.5x.
    Measured 2026-12-03 on 2 shared cores, 5 runs of --repeat 3 each, the code before
    and after in turn. Load 3-4: before 1.64x median (1.58-1.65), 1.58x (1.56-1.60) on
    WAL; after 1.48x (1.43-1.50), 1.42x (1.39-1.42) on WAL. Load ~1: before 1.66x
    (1.62-1.71), 1.57x (1.54-1.61) on WAL; after 1.50x (1.46-1.55), 1.41x (1.38-1.47)
    on WAL. Ours ~1.1-1.2 s, the baseline ~0.75-0.8 s (default journal) in those runs.
    What made the difference: the body bound as the file's own UTF-8 and hashed
    from it (the str was encoded twice), the batch's rows found as an id range, the
    WAL checkpointed every 4,000 pages during the import, cheaper telltale, U+2029 and
    language scans. What remains over the baseline: storing (~0.65-0.75 s vs ~0.55 s;
    without the four secondary indexes and three insert triggers of the schema it was
    ~0.06 s less) and reading and checking each file (~0.4 s vs ~0.25 s).
(b) Export: M annotations made with one INSERT ... SELECT (text[start:end] ==
    quote holds), exported by export_csv_file (what the window runs: Excel-safe
    and raw) in a child process vs the sqlite3 shell's `-csv` on the same SELECT
    (CPU time, user + sys, best of --repeat). export_csv_file runs twice per mode:
    shell-backed (its default when a sqlite3 shell is on PATH: the shell writes the
    rows, defused in SQL; its CPU counts, as the child's children) and pure Python
    (READER_APP_PURE_EXPORT=1). Without the shell the baseline is Python's sqlite3
    module + csv.writer on the same SELECT, and the report says so. Goal: <= 2x.
    Memory, per path: the export's peak Python heap (tracemalloc), peak anonymous
    RSS, and the shell's peak RSS, for a tenth of the tags vs all of them: flat
    means the same.

The sqlite3 shell: `apt-get install -y sqlite3` (Debian/Ubuntu), `brew install sqlite`.
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

from sqlite_utils import Database

from reader_app.domain.models import ImportedArticle
from reader_app.formats.importers import collect_paths, read_article
from reader_app.services.importing import import_paths
from reader_app.storage.articles import add_articles
from reader_app.storage.database import open_library
from reader_app.storage.export_rows import export_query

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


def _fts_baseline(path: Path, folder: Path, wal: bool = False) -> float:
    fts = Database(path)
    if wal:  # the library's journal mode (open_library turns WAL on; synchronous stays FULL)
        fts.enable_wal()
    fts["articles"].create({"id": int, "title": str, "text": str, "source": str,
                            "published": str}, pk="id")
    fts["articles"].enable_fts(["title", "text"], create_triggers=True)
    # and the library filter's trigram index on title + source, as our schema has (m005)
    fts.execute("CREATE VIRTUAL TABLE library_fts USING fts5(title, source,"
                " content='articles', content_rowid='id', tokenize='trigram')")
    fts.execute("CREATE TRIGGER library_fts_insert AFTER INSERT ON articles BEGIN"
                " INSERT INTO library_fts(rowid, title, source)"
                " VALUES (new.id, new.title, new.source); END")
    t = time.process_time()
    fts["articles"].insert_all(baseline_rows(folder), batch_size=200)
    cpu = time.process_time() - t
    fts.close()
    return cpu


def _ours(path: Path, folder: Path, count: int) -> tuple[float, float]:
    db = open_library(path)
    t, wall = time.process_time(), time.perf_counter()
    report = import_paths(db, [folder])
    cpu, wall = time.process_time() - t, time.perf_counter() - wall
    db.close()
    assert len(report.created) == count and not report.refused, report.summary()
    return cpu, wall


def bench_import(work: Path, count: int, repeat: int) -> float:
    folder = work / "articles"
    folder.mkdir()
    write_articles(folder, count)
    size = sum(p.stat().st_size for p in folder.iterdir()) / count
    print(f"(a) import {count:,} articles of ~{size / 1024:.1f} KB each"
          f" (CPU time, best of {repeat})")
    ours, bare, bare_wal, walls = [], [], [], []
    for n in range(repeat):  # interleaved: a busy moment hits both sides alike
        cpu, wall = _ours(work / f"ours{n}.sqlite", folder, count)
        ours.append(cpu)
        walls.append(wall)
        bare.append(_fts_baseline(work / f"fts{n}.sqlite", folder))
        bare_wal.append(_fts_baseline(work / f"fts-wal{n}.sqlite", folder, wal=True))
    t = time.process_time()
    for path in collect_paths([folder]):
        read_article(path)
    parse = time.process_time() - t
    best, base = min(ours), min(bare)
    print(f"    ours (import_paths):                     {best:6.2f} s CPU"
          f"  {count / best:8,.0f} articles/s  (wall {min(walls):.2f} s;"
          f" read_article alone {parse:.2f} s)")
    print(f"    baseline insert_all, same FTS5 setup:    {base:6.2f} s CPU")
    print(f"    IMPORT RATIO ours / insert_all+FTS:      {best / base:6.2f}x  (goal <= 1.5x)")
    wal = min(bare_wal)  # WAL writes each page twice (log, then checkpoint), as ours does
    print(f"    baseline on a WAL database (as ours):    {wal:6.2f} s CPU"
          f"   ratio {best / wal:.2f}x")
    return best / base


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
import json, logging, os, resource, sys, threading, time, tracemalloc
if {pure!r}:
    os.environ["READER_APP_PURE_EXPORT"] = "1"
sys.path.insert(0, {root!r})
from reader_app.storage.database import open_library
from reader_app.services.exporting import ExportFilters, export_csv_file


class Fallbacks(logging.Handler):
    seen = []

    def emit(self, record):
        self.seen.append(record.getMessage())


logging.getLogger("reader_app.services.exporting").addHandler(Fallbacks())
logging.getLogger("reader_app.services.exporting").setLevel(logging.INFO)


def anon_kb():
    try:
        with open("/proc/self/status") as f:
            return next(int(l.split()[1]) for l in f if l.startswith("RssAnon:"))
    except (OSError, StopIteration):
        return 0


db = open_library({db!r}, create=False)
filters = ExportFilters(article_ids={ids!r})
peak, done = [anon_kb()], threading.Event()
start_anon = peak[0]


def watch():
    while not done.wait(0.02):
        peak[0] = max(peak[0], anon_kb())


threading.Thread(target=watch, daemon=True).start()
if {trace!r}:
    tracemalloc.start()
before = resource.getrusage(resource.RUSAGE_CHILDREN)
t = time.process_time()
n = export_csv_file(db, {out!r}, filters, raw={raw!r})
cpu = time.process_time() - t
after = resource.getrusage(resource.RUSAGE_CHILDREN)
shell = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
heap = tracemalloc.get_traced_memory()[1] if {trace!r} else 0
done.set()
print(json.dumps({{"rows": n, "cpu": cpu + shell, "shell_cpu": shell, "heap": heap,
                   "anon_kb": peak[0] - start_anon, "shell_rss_kb": after.ru_maxrss,
                   "fallbacks": Fallbacks.seen}}))
"""


def run_ours(db: Path, out: Path, raw: bool, ids: list[int] | None = None,
             trace: bool = False, pure: bool = False) -> dict:
    code = CHILD.format(root=str(Path(__file__).resolve().parents[1]), db=str(db),
                        out=str(out), raw=raw, ids=ids, trace=trace, pure=pure)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    return json.loads(done.stdout)


def _child_cpu(before: resource.struct_rusage) -> float:
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def run_shell(sqlite3: str, db: Path, out: Path) -> float:
    sql, params = export_query()
    assert not params
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with out.open("wb") as f:
        subprocess.run([sqlite3, "-readonly", "-csv", "-header", str(db), sql], stdout=f,
                       check=True)
    return _child_cpu(before)


PY_BASELINE = """
import csv, sqlite3, sys, time
sql = sys.argv[3]
conn = sqlite3.connect(sys.argv[1])
t = time.process_time()
with open(sys.argv[2], "w", encoding="utf-8", newline="") as f:
    cur = conn.execute(sql)
    w = csv.writer(f, lineterminator="\\r\\n")
    w.writerow([d[0] for d in cur.description])
    w.writerows(cur)
print(time.process_time() - t)
"""


def run_python_baseline(db: Path, out: Path) -> float:
    sql, _params = export_query()
    done = subprocess.run([sys.executable, "-c", PY_BASELINE, str(db), str(out), sql],
                          capture_output=True, text=True, check=True)
    return float(done.stdout)


def bench_export(work: Path, total: int, repeat: int) -> float:
    sqlite3 = shutil.which("sqlite3")
    articles = 1000
    per_article = max(1, total // articles)
    t = time.perf_counter()
    db_path = work / "export.sqlite"
    make_export_library(db_path, articles, per_article)
    total = articles * per_article
    print(f"(b) export {total:,} annotations ({articles:,} articles x {per_article:,};"
          f" library built in {time.perf_counter() - t:.1f} s; CPU time, best of {repeat})")
    out = work / "out.csv"
    # (pure, raw) -> CPU times; the shell-backed path only when there is a shell
    paths = [(False, False), (False, True)] if sqlite3 else []
    paths += [(True, False), (True, True)]
    ours: dict[tuple[bool, bool], list[float]] = {path: [] for path in paths}
    base: list[float] = []
    label = "sqlite3 shell -csv" if sqlite3 else "Python sqlite3 + csv.writer (no sqlite3 shell)"
    for _ in range(repeat):  # interleaved
        for pure, raw in paths:
            result = run_ours(db_path, out, raw, pure=pure)
            assert result["rows"] == total and not result["fallbacks"], result
            ours[pure, raw].append(result["cpu"])
        base.append(run_shell(sqlite3, db_path, out) if sqlite3
                    else run_python_baseline(db_path, out))
    size = out.stat().st_size / 2**20
    out.unlink()
    shell = min(base)
    print(f"    baseline, {label}: {shell:6.2f} s CPU  ({size:.0f} MB;"
          f" all runs {_spread(base)})")
    for pure, raw in paths:
        times = ours[pure, raw]
        name = ("pure Python" if pure else "shell-backed") + (", raw" if raw else ", Excel-safe")
        print(f"    ours, {name:24}: {min(times):6.2f} s CPU  {total / min(times):10,.0f} rows/s"
              f"  ratio {min(times) / shell:.2f}x  (each repeat vs its own baseline"
              f" {_spread([t / b for t, b in zip(times, base, strict=True)], 'x')})")
    for pure in sorted({p for p, _ in paths}):
        memory = {}
        for share, ids in ((10, list(range(1, articles // 10 + 1))), (1, None)):
            memory[share] = run_ours(db_path, out, False, ids, trace=True, pure=pure)
            out.unlink()
        small, big = memory[10], memory[1]
        shell_rss = ("" if pure else f", the shell's peak RSS {small['shell_rss_kb'] / 1024:.0f}"
                     f" vs {big['shell_rss_kb'] / 1024:.0f} MB")
        print(f"    memory, {'pure' if pure else 'shell-backed'}, {small['rows']:,} vs"
              f" {big['rows']:,} tags: peak Python heap {small['heap'] / 2**20:.1f} vs"
              f" {big['heap'] / 2**20:.1f} MB, peak anonymous RSS growth"
              f" {small['anon_kb'] / 1024:.0f} vs {big['anon_kb'] / 1024:.0f} MB{shell_rss}")
    default = (False, False) if sqlite3 else (True, False)
    ratio = min(ours[default]) / shell
    print(f"    EXPORT RATIO ours ({'shell-backed' if sqlite3 else 'pure'}, Excel-safe) /"
          f" {label.split(' (')[0]}: {ratio:.2f}x  (goal <= 2x)")
    return ratio


def _spread(values: list[float], unit: str = " s") -> str:
    return f"{min(values):.2f}-{max(values):.2f}{unit}"


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--articles", type=int, default=10_000)
    p.add_argument("--annotations", type=int, default=1_000_000)
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--only", choices=("import", "export"))
    args = p.parse_args()
    print(f"Python {sys.version.split()[0]}, SQLite {__import__('sqlite3').sqlite_version},"
          f" sqlite3 shell: {shutil.which('sqlite3') or 'missing'}")
    ratios = {}
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as tmp:
        if args.only != "export":
            (Path(tmp) / "a").mkdir()
            ratios["import"] = bench_import(Path(tmp) / "a", args.articles, args.repeat)
        if args.only != "import":
            (Path(tmp) / "b").mkdir()
            ratios["export"] = bench_export(Path(tmp) / "b", args.annotations, args.repeat)
    print("summary: " + ", ".join(f"{k} {v:.2f}x" for k, v in ratios.items())
          + "  (goals: import <= 1.5x, export <= 2x)")


if __name__ == "__main__":
    main()
