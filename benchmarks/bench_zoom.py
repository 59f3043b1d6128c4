"""Zoom benchmark (a script, not part of the test run).

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_zoom.py

A ~1 MB generated article with 20,000 tags in the whole window at 1600x1000, read halfway
down. Zoom (View > Zoom In / Out) rebuilds the article's document in the new font and
brings the same line back to the top, which lays the text above it out. Baseline, in
the same run: a bare QTextBrowser with the same text, its font changed and scrolled to
the same place (what Qt itself needs for a new font at that place). Best of --repeat.
Goal: zoom / bare <= 2.0 (no rebuild of the highlights; the layout is the cost).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_settings import isolate_settings
from bench_view import make_text
from bench_window import build, complete, finish_layout, settle
from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QTextBrowser

from reader_app.app import create_window, ensure_application

GOAL = 2.0


def time_bare(text: str, repeat: int) -> float:
    view = QTextBrowser()
    view.resize(1000, 900)
    view.setPlainText(text)
    view.show()
    QApplication.processEvents()
    best = float("inf")
    size = view.font().pointSizeF()
    for n in range(repeat):
        font = view.font()
        font.setPointSizeF(size + 1 + n % 2)
        t = time.perf_counter()
        view.setFont(font)
        cursor = QTextCursor(view.document())
        cursor.setPosition(len(text) // 2)
        view.setTextCursor(cursor)  # lays out to there and scrolls
        view.viewport().repaint()
        best = min(best, time.perf_counter() - t)
    view.close()
    return best


def time_zoom(window, repeat: int) -> tuple[float, int]:
    """Best zoom in/out (to the next paint) and how far the top line moved, in characters."""
    view = window.view
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    settle(window)

    def top() -> int:
        return view.cursorForPosition(QPoint(0, 0)).position()

    place, drift, best = top(), 0, float("inf")
    for n in range(repeat):
        action = window.view_menu.actions.zoom_in if n % 2 == 0 else window.view_menu.actions.zoom_out
        t = time.perf_counter()
        action.trigger()
        settle(window)
        best = min(best, time.perf_counter() - t)
        drift = max(drift, abs(top() - place))
    return best, drift


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=4)
    args = parser.parse_args()
    app = ensure_application()
    isolate_settings()
    text = make_text(random.Random(20220209), 1_000_000)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "zoom.sqlite"
        build(path, text, 20_000)
        window = create_window(path)
        window.resize(1600, 1000)
        window.show()
        settle(window)
        complete(window)
        finish_layout(window)
        bare = time_bare(text, args.repeat)
        zoom, drift = time_zoom(window, args.repeat)
        window.close()
    del app
    ratio = zoom / bare
    print(f"1 MB article ({len(text):,} characters), 20,000 tags, read halfway down;"
          f" best of {args.repeat}")
    print(f"bare QTextBrowser: new font, laid out to the middle  {bare * 1000:7.1f} ms")
    print(f"View > Zoom In / Out, same line kept at the top      {zoom * 1000:7.1f} ms"
          f"  {ratio:4.2f}x  goal <= {GOAL}x  {'ok' if ratio <= GOAL else 'MISSED'}")
    print(f"the top line moved by at most {drift} characters (a line is ~100)")


if __name__ == "__main__":
    main()
