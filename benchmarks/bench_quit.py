"""Quitting with a loaded library (issue 14; a script, not part of the test run).

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_quit.py [--repeat 3]

A 1 MB article with 20,000 tags, its suggestions being computed when the window closes.
Two measures, each against a baseline of the same run (best of --repeat):

1. window.close() of the reader vs of a bare QMainWindow            (goal < 300 ms)
2. close to the end of the process: `reader-app` (run_gui) vs a bare
   QApplication + QMainWindow process                               (goal < 300 ms)
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_settings import isolate_settings
from bench_view import make_text
from bench_window import build
from PySide6.QtWidgets import QApplication, QMainWindow

from reader_app.app import create_window, ensure_application
from reader_app.domain.models import ImportedArticle
from reader_app.gui.controller import OPEN_SUGGEST_DELAY_MS
from reader_app.storage.articles import add_article
from reader_app.storage.database import open_library

GOAL_S = 0.3
ROOT = Path(__file__).resolve().parents[1]
CHILD = ROOT / "tests" / "quit_child.py"


def wait(seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        QApplication.processEvents()


def bare_close() -> float:
    window = QMainWindow()
    window.resize(1200, 800)
    window.show()
    wait(0.2)
    t = time.perf_counter()
    window.close()
    return time.perf_counter() - t


def reader_close(path: Path, other_id: int) -> float:
    window = create_window(path)
    window.resize(1200, 800)
    window.show()
    while not window.controller.spans_complete:
        QApplication.processEvents()
    window.controller.open_article(other_id)  # the worker computes its suggestions
    wait(OPEN_SUGGEST_DELAY_MS / 1000 + 0.1)
    t = time.perf_counter()
    window.close()
    elapsed = time.perf_counter() - t
    window.deleteLater()
    return elapsed


def process_quit(args: list[str], config: Path) -> float:
    env = dict(os.environ, XDG_CONFIG_HOME=str(config), PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, str(CHILD), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, env=env)
    line = proc.stdout.readline() if proc.stdout else ""
    proc.wait(timeout=120)
    ended = time.time()
    if not line.startswith("closing"):
        raise SystemExit(f"the child did not close its window: {args}")
    return ended - float(line.split()[1])


def row(name: str, base: float, value: float) -> bool:
    ok = value < GOAL_S
    print(f"{name:44} bare {base * 1000:7.1f} ms  reader {value * 1000:7.1f} ms  "
          f"{value / max(base, 1e-6):7.1f}x  goal < {GOAL_S * 1000:.0f} ms  "
          f"{'ok' if ok else 'MISSED'}")
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    ensure_application()
    isolate_settings()
    text = make_text(random.Random(20220209), 1_000_000)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "library.sqlite"
        build(path, text, 20_000)
        db = open_library(path)
        other = add_article(db, ImportedArticle("Other", text[: len(text) // 2], "other.txt",
                                                "2022-02-10")).article_id
        db.close()
        bare, reader, bare_proc, reader_proc = [], [], [], []
        for _ in range(args.repeat):  # interleaved: both see the same machine load
            bare.append(bare_close())
            reader.append(reader_close(path, other))
            bare_proc.append(process_quit(["--bare", "--after", "1500"], Path(tmp) / "c1"))
            reader_proc.append(process_quit(["--db", str(path), "--after", "4000"],
                                            Path(tmp) / "c2"))
    print(f"1 MB article, 20,000 tags, suggestions under way; best of {args.repeat}")
    results = [
        row("1. window.close()", min(bare), min(reader)),
        row("2. close to the end of the process", min(bare_proc), min(reader_proc)),
    ]
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
