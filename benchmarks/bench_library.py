"""Window speed on a big library (a script, not part of the test run).

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_library.py [--articles 100000]

Builds a library of N short articles (and one tag on every tenth) and two small
ones (100 and 1,000), then times:

- cold start to first paint, each in a fresh process (so imports count): a bare
  PySide6 QMainWindow, the app on 1,000 articles and on N; ratios to the bare window;
- a library filter keystroke on N articles: the query and the model update (the
  list's reset, its count label, a repaint), for a few typical strings;
- in this process, on 100 and N: opening the window, filtering, tagging a span
  and undoing it, with the ratio big/small (the cost must not grow with the library).

Measured 2026-12-06 on 2 shared cores: cold start at 100,000 articles 3.11-3.63x the bare
window (bare ~90 ms) at the start of the day; after sqlite-utils stopped importing numpy,
PySide6's per-import check read bytes, the schema check read a snapshot and the start
stopped writing the settings file: 2.72-3.06x over four runs (~260-300 ms; goal 2.5x),
1,000 vs 100,000 articles 0.93-1.09x. What is left over the bare window: sqlite-utils'
own import (~50 ms: click, pluggy, dateutil), PySide6 building the Python enums of each
Qt class a module first touches (~40 ms; Qt's namespace alone ~15 ms), our ~110 modules
and the window's widgets. A filter keystroke at 100,000: query and model 0.1-1.9 ms, with
the repaint 1.1-13.2 ms (goal: one 16 ms frame).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_settings import isolate_settings
from PySide6.QtWidgets import QApplication

from reader_app.app import create_window, ensure_application
from reader_app.domain.models import ImportedArticle
from reader_app.storage.articles import add_articles
from reader_app.storage.database import open_library

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


_COLD = """
import os, sys, time
sys.path[:0] = {paths!r}
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow
from bench_settings import isolate_settings

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(time.perf_counter(), flush=True)
            os._exit(0)
        return False

app = QApplication(sys.argv[:1])
isolate_settings()
if {library!r}:
    from reader_app.app import create_window
    window = create_window({library!r})
else:
    window = QMainWindow()
    window.resize(1440, 900)
watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
app.exec()
"""


def cold_start(library: Path | None, bytecode: Path) -> float:
    """Seconds from spawning a Python process to its window's first paint event.

    bytecode: where the child caches compiled modules, as an installed app has them
    (pip compiles at install); PYTHONDONTWRITEBYTECODE would have it compile every
    module of ours at every start, and the bare window, all in compiled libraries,
    would not."""
    here = Path(__file__).resolve()
    code = _COLD.format(paths=[str(here.parents[1]), str(here.parent)],
                        library=str(library) if library else "")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPYCACHEPREFIX": str(bytecode)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    began = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, env=env)
    return float(done.stdout.split()[-1]) - began


def cold_starts(libraries: dict[str, Path | None], rounds: int = 5) -> dict[str, float]:
    """Median cold start of each, the kinds interleaved so load hits them alike; one
    unmeasured start of each first (bytecode, the disk cache)."""
    times: dict[str, list[float]] = {name: [] for name in libraries}
    with tempfile.TemporaryDirectory() as bytecode:
        for library in libraries.values():
            cold_start(library, Path(bytecode))
        for _ in range(rounds):
            for name, library in libraries.items():
                times[name].append(cold_start(library, Path(bytecode)))
    return {name: statistics.median(t) for name, t in times.items()}


FILTERS = ("Report 99", "report 4321", "r", "offic", "zzz", "Report 99999")


def filter_keystrokes(path: Path, rounds: int = 7) -> dict[str, tuple[float, float]]:
    """Median time of one filter step on the library list: (query + model update,
    the same plus the count label's query and the repaint). The typing pause before
    it is not counted."""
    window = create_window(path)
    window.show()
    QApplication.processEvents()
    pane = window.library_pane
    times: dict[str, list[tuple[float, float]]] = {text: [] for text in FILTERS}
    for _ in range(rounds):
        for text in (*FILTERS, ""):
            pane.filter_edit.setText(text)
            t = time.perf_counter()
            pane.apply_filter()
            model = time.perf_counter() - t
            QApplication.processEvents()  # the deferred count and the repaint
            if text:
                times[text].append((model, time.perf_counter() - t))
    window.close()
    return {text: (statistics.median(m for m, _ in t), statistics.median(a for _, a in t))
            for text, t in times.items()}


def measure(path: Path) -> dict[str, float]:
    out: dict[str, float] = {}
    holder = {}
    out["open window"] = timed(lambda: holder.setdefault("w", create_window(path)).show())
    w = holder["w"]
    out["filter library"] = timed(lambda: (w.library_pane.filter_edit.setText("Report 99"),
                                           w.library_pane.apply_filter()))
    text = w.controller.current_article.text
    start = text.index("Officials")
    # the first tag also loads the tagging code (kept out of the cold start): warm up,
    # then the median of several tag + undo pairs
    tags, undos = [], []
    for _ in range(6):
        tags.append(timed(lambda: w.controller.tag_span("actor", start, start + 9)))
        undos.append(timed(w.controller.undo_stack.undo))
    out["tag a span"] = statistics.median(tags[1:])
    out["undo it"] = statistics.median(undos[1:])
    w.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=100_000)
    args = parser.parse_args()
    ensure_application()
    isolate_settings()
    with tempfile.TemporaryDirectory() as tmp:
        small, mid, big = (Path(tmp) / f"{n}.sqlite" for n in ("small", "mid", "big"))
        t = time.perf_counter()
        build(small, 100)
        build(mid, 1000)
        build(big, args.articles)
        print(f"built libraries of 100, 1,000 and {args.articles:,} articles in "
              f"{time.perf_counter() - t:.1f} s")
        cold = cold_starts({"bare QMainWindow": None, "app, 1,000 articles": mid,
                            f"app, {args.articles:,} articles": big})
        bare = cold["bare QMainWindow"]
        print("\ncold start to first paint (fresh process, median of 5)")
        for name, seconds in cold.items():
            print(f"  {name:24} {seconds * 1000:7.0f} ms   {seconds / bare:5.2f}x bare")
        big_cold, mid_cold = cold[f"app, {args.articles:,} articles"], cold["app, 1,000 articles"]
        print(f"  {args.articles:,} vs 1,000 articles: {big_cold / mid_cold:.2f}x")
        print(f"\nfilter keystroke on {args.articles:,} articles (median; 16 ms = one frame)")
        print(f"  {'filter':16} {'query+model':>12} {'+count+paint':>13}")
        for text, (model, total) in filter_keystrokes(big).items():
            print(f"  {text!r:16} {model * 1000:9.1f} ms {total * 1000:10.1f} ms"
                  f"   {model * 1000 / 16:4.2f} frames")
        a, b = measure(small), measure(big)
        print(f"\n{'':16} {'100':>10} {args.articles:>10,}   ratio")
        for key in a:
            print(f"{key:16} {a[key] * 1000:8.1f}ms {b[key] * 1000:8.1f}ms   {b[key] / a[key]:6.1f}x")


if __name__ == "__main__":
    main()
