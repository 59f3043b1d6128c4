"""The window's side of suggestions on long articles, against one frame (16.7 ms) and a
paint of the same viewport without suggestions, in the same run.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_suggest_window.py [--sizes 10 100 1000]
        [--first-paint]

Per article size (KB of generated news sentences, four suggestions each): the worker's
suggest() time, open-to-shown time, the GUI thread's handling of a new list (view, list,
status), the worst event-loop gap while the worker computes, a viewport paint with the
suggestions vs without, and one Tab step. --first-paint: open to the article's first
paint with the suggestions being computed (a cold worker) and with none asked for.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from reader_app.domain.models import ImportedArticle
from reader_app.storage.actors import create_actor
from reader_app.storage.articles import add_article
from reader_app.storage.database import open_library
from reader_app.storage.transaction import write

FRAME_MS = 1000 / 60


def sentence(names: list[str]) -> str:
    return (f"On Monday {random.choice(names)} said that the talks in Washington would resume "
            "on 12 March 2023, according to Moscow. ")


def library(folder: Path, sizes: list[int]) -> tuple[Path, dict[int, int]]:
    random.seed(7)
    path = folder / "library.sqlite"
    db = open_library(path)
    names = [f"Person{i} Surname{i}" for i in range(300)]
    with write(db):
        for name in names:
            create_actor(db, name, "person")
    ids = {}
    for kb in sizes:
        body = "".join(sentence(names) + ("\n\n" if i % 5 == 4 else "")
                       for i in range(kb * 1024 // 110))
        ids[kb] = add_article(db, ImportedArticle(f"{kb} KB", f"Talks, {kb} KB\n\n{body}",
                                                  f"{kb}.txt", published="2023-03-01")).article_id
    db.close()
    return path, ids


def paint_ms(window, times: int = 5) -> float:
    viewport = window.view.viewport()
    viewport.repaint()
    began = time.perf_counter()
    for _ in range(times):
        viewport.repaint()
    return (time.perf_counter() - began) * 1000 / times


class FirstPaint(QObject):
    """When the viewport painted first after `armed` was set."""

    def __init__(self) -> None:
        super().__init__()
        self.armed = 0.0
        self.at = 0.0

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if self.armed and event.type() == QEvent.Type.Paint:
            self.at, self.armed = time.perf_counter(), 0.0
        return False


def first_paints(app, path: Path, ids: dict[int, int], suggest: bool) -> dict[int, float]:
    """Open to first paint of each article (ms), in a window of its own, with the
    suggestions computed as usual or never asked for."""
    from reader_app.app import create_window

    window = create_window(path)
    window.resize(1400, 900)
    window.show()
    c = window.controller
    if not suggest:
        c.refresh_suggestions = lambda *a, **k: None
    watch = FirstPaint()
    window.view.viewport().installEventFilter(watch)
    out = {}
    for kb, article_id in ids.items():
        watch.armed = began = time.perf_counter()
        c.open_article(article_id)
        while watch.armed and time.perf_counter() - began < 60:
            app.processEvents()
            time.sleep(0.001)
        out[kb] = (watch.at - began) * 1000
        while c.suggestions_pending and time.perf_counter() - began < 120:
            app.processEvents()
            time.sleep(0.001)
    window.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--first-paint", action="store_true",
                        help="only open to first paint, with suggestions and without")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    from reader_app.app import create_window

    with tempfile.TemporaryDirectory() as tmp:
        path, ids = library(Path(tmp), args.sizes)
        if args.first_paint:  # a run of its own: the worker starts cold
            marked = first_paints(app, path, ids, suggest=True)
            bare = first_paints(app, path, ids, suggest=False)
            for kb in ids:
                print(f"{kb:5d} KB: open to first paint {marked[kb]:6.0f} ms with suggestions"
                      f" computed, {bare[kb]:6.0f} ms without"
                      f" ({marked[kb] / max(bare[kb], 0.01):.2f}x)")
            return
        window = create_window(path)
        window.resize(1400, 900)
        window.show()
        c = window.controller
        for kb, article_id in ids.items():
            gaps, last = [], [time.perf_counter()]

            def tick(gaps=gaps, last=last) -> None:
                now = time.perf_counter()
                gaps.append(now - last[0])
                last[0] = now

            timer = QTimer()
            timer.setInterval(5)
            timer.timeout.connect(tick)
            timer.start()
            began = time.perf_counter()
            c.open_article(article_id)
            while c.suggestions_pending and time.perf_counter() - began < 120:
                app.processEvents()
                time.sleep(0.001)
            shown = (time.perf_counter() - began) * 1000
            timer.stop()
            t = time.perf_counter()
            c.suggestions_changed.emit()
            handling = (time.perf_counter() - t) * 1000
            with_marks = paint_ms(window)
            window.view.set_suggestions([])
            bare = paint_ms(window)
            c.suggestions_changed.emit()
            t = time.perf_counter()
            window.suggestion_flow.next()
            tab = (time.perf_counter() - t) * 1000
            gap = max(gaps) * 1000 if gaps else 0.0
            print(f"{kb:5d} KB, {len(c.suggestions):6d} suggestions: worker {c.suggestion_ms:6.0f} ms;"
                  f" open to shown {shown:6.0f} ms; GUI handling {handling:5.1f} ms"
                  f" ({handling / FRAME_MS:.2f} frames); worst event-loop gap {gap:4.0f} ms"
                  f" ({gap / FRAME_MS:.1f} frames); paint {with_marks:4.1f} ms vs {bare:4.1f} ms"
                  f" bare ({with_marks / max(bare, 0.01):.1f}x); Tab {tab:4.1f} ms")
        window.close()


if __name__ == "__main__":
    main()
