"""Window speed on a big library (a script, not part of the test run).

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_library.py [--articles 100000]

Builds a library of N short articles (and one tag on every tenth) and a small
one of 100, then times, on each, what an analyst waits for: opening the
window, filtering the library list, tagging a span (including the panels'
and status bar's updates) and undoing it. Prints both and the ratio big/small:
what matters is that the cost does not grow with the library.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_settings import isolate_settings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from reader_app.app import create_window, ensure_application  # noqa: E402
from reader_app.domain.models import ImportedArticle  # noqa: E402
from reader_app.storage.articles import add_articles  # noqa: E402
from reader_app.storage.database import open_library  # noqa: E402

BODY = (
    "Officials in the capital said on Thursday that talks with the delegation would resume "
    "next week, after the ministry described the latest proposal as a step forward."
)


def build(path: Path, count: int) -> None:
    db = open_library(path)
    batch = []
    for n in range(count):
        day = f"20{10 + n % 15}-{1 + n % 12:02d}-{1 + n % 28:02d}"
        batch.append(ImportedArticle(title=f"Report {n}", text=f"Report {n}\n\n{BODY}",
                                     source=f"r{n}.txt", published=day))
        if len(batch) == 5000:
            add_articles(db, batch)
            batch.clear()
    add_articles(db, batch)
    with db.atomic():
        db.execute(
            "INSERT INTO annotations (uuid, article_id, kind, start, \"end\", quote, created_at,"
            " updated_at, text_sha256) SELECT 'u' || id, id, 'actor', 0, 6, 'Report', 'now',"
            " 'now', sha256 FROM articles WHERE id % 10 = 0"
        )
    db.close()


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    QApplication.processEvents()
    return time.perf_counter() - t


def measure(path: Path) -> dict[str, float]:
    out: dict[str, float] = {}
    holder = {}
    out["open window"] = timed(lambda: holder.setdefault("w", create_window(path)).show())
    w = holder["w"]
    out["filter library"] = timed(lambda: (w.library_pane.filter_edit.setText("Report 99"),
                                           w.library_pane.apply_filter()))
    text = w.controller.current_article.text
    start = text.index("Officials")
    out["tag a span"] = timed(lambda: w.controller.tag_span("actor", start, start + 9))
    out["undo it"] = timed(w.controller.undo_stack.undo)
    w.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=100_000)
    args = parser.parse_args()
    ensure_application()
    isolate_settings()
    with tempfile.TemporaryDirectory() as tmp:
        small, big = Path(tmp) / "small.sqlite", Path(tmp) / "big.sqlite"
        t = time.perf_counter()
        build(small, 100)
        build(big, args.articles)
        print(f"built libraries of 100 and {args.articles:,} articles in "
              f"{time.perf_counter() - t:.1f} s")
        a, b = measure(small), measure(big)
        print(f"{'':16} {'100':>10} {args.articles:>10,}   ratio")
        for key in a:
            print(f"{key:16} {a[key] * 1000:8.1f}ms {b[key] * 1000:8.1f}ms   {b[key] / a[key]:6.1f}x")


if __name__ == "__main__":
    main()
