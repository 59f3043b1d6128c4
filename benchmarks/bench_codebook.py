"""What own codes cost (a script, not part of the test run).

    python benchmarks/bench_codebook.py [--tags 50000]

On one library of N tags (a fifth of them of own codes), in this process:

- writing tags: N inserts through the m014 tag_counts triggers (which also count own codes)
  against the same inserts through the m008 triggers they replaced (built on a copy);
- the CSV export query (it joins the codebook to name each own code) against the same
  query without that join;
- merging one code into another (every one of its tags moved, one undo step) and its undo.
Each line prints its ratio to the baseline measured in the same run.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reader_app.domain.models import ImportedArticle
from reader_app.services import codebook
from reader_app.storage import export_rows
from reader_app.storage.articles import add_articles
from reader_app.storage.database import open_library
from reader_app.storage.migrations import m008_tag_counts

TEXT = "Officials in Bergen said the ferry reached Tromsø harbour at dawn on Friday. " * 4


def _insert(db, article_ids, kinds, numbers: range) -> float:
    rows = [(f"u{i}", article_ids[i % len(article_ids)], kinds[i % len(kinds)], (i * 7) % 250,
             (i * 7) % 250 + 5, "x", "t", "t", "s") for i in numbers]
    t = time.perf_counter()
    with db.conn:
        db.conn.executemany(
            'INSERT INTO annotations (uuid, article_id, kind, start, "end", quote, created_at,'
            " updated_at, text_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return time.perf_counter() - t


def _old_triggers(db) -> None:
    for name in ("insert", "delete", "update"):
        db.execute(f"DROP TRIGGER tag_counts_{name}")
    db.execute("DROP TABLE tag_counts")
    m008_tag_counts(db)


def _time(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tags", type=int, default=50_000)
    n = parser.parse_args().tags
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "lib.sqlite"
        db = open_library(path)
        ids = [r.article_id for r in add_articles(db, [
            ImportedArticle(f"A{i}", f"{i} {TEXT}", f"{i}.txt") for i in range(500)])]
        place, _ = codebook.create(db, "Location")
        other, _ = codebook.create(db, "Site")
        kinds = ["claim", "actor", "date", "actor", place.kind]
        db.close()
        old_path = Path(tmp) / "old.sqlite"
        shutil.copy(path, old_path)
        old = open_library(old_path)
        _old_triggers(old)
        db = open_library(path)
        # alternate halves, so a busy machine weighs on both alike
        base = new = 0.0
        for half in (0, 1):
            part = range(half * (n // 2), (half + 1) * (n // 2))
            if half == 0:
                base += _insert(old, ids, kinds, part)
                new += _insert(db, ids, kinds, part)
            else:
                new += _insert(db, ids, kinds, part)
                base += _insert(old, ids, kinds, part)
        old.close()
        print(f"{n} tag inserts: m008 triggers {base:.3f} s, m014 {new:.3f} s,"
              f" ratio {new / base:.2f}")

        plain = export_rows.export_query()[0].replace(
            " LEFT JOIN codebook k ON n.kind GLOB 'code:*' AND k.uuid = substr(n.kind, 6)", ""
        ).replace("coalesce(k.name, n.kind)", "n.kind")
        joined = export_rows.export_query()[0]
        t_plain = _time(lambda: db.execute(plain).fetchall())
        t_joined = _time(lambda: db.execute(joined).fetchall())
        print(f"export query over {n} tags: without the codebook {t_plain:.3f} s, with it"
              f" {t_joined:.3f} s, ratio {t_joined / t_plain:.2f}")

        t = time.perf_counter()
        removed, _ = codebook.merge(db, place.id, other.id)
        merged = time.perf_counter() - t
        t = time.perf_counter()
        codebook.unremove(db, removed)
        undone = time.perf_counter() - t
        print(f"merge of a code with {len(removed.moved)} tags: {merged:.3f} s, undo"
              f" {undone:.3f} s (ratio undo/merge {undone / merged:.2f})")
        db.close()


if __name__ == "__main__":
    main()
