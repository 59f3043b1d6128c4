"""Quitting is immediate (issue 14): closing the window with a loaded library returns at
once, even while suggestions are being computed, and the process ends right after."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from gui_helpers import open_window
from PySide6.QtWidgets import QMainWindow

from reader_app.domain.models import ImportedArticle
from reader_app.services import suggesting
from reader_app.storage.articles import add_article
from reader_app.storage.database import open_library

# an original wire-style paragraph, repeated into a long article: names to suggest
PARAGRAPH = ("Finance Minister Olena Hrytsenko said on Tuesday that the grain corridor would "
             "stay open, while Admiral Pavel Dorosh told reporters in Odesa the convoy had "
             "sailed. Hrytsenko added that talks with Ankara would resume next week.\n")
LIMIT_S = 0.3  # the bound for quitting
CLOSE_LIMIT_S = 0.15  # window.close() alone (waiting for the busy worker took 0.25 s)


def loaded_library(path: Path, size: int = 120_000) -> list[int]:
    """Two long articles (the second is what the worker is busy with when the window goes)."""
    db = open_library(path)
    try:
        text = PARAGRAPH * (size // len(PARAGRAPH))
        return [add_article(db, ImportedArticle(f"Corridor {n}", f"Part {n}.\n{text}",
                                                f"corridor{n}.txt", "2024-05-07")).article_id
                for n in (1, 2)]
    finally:
        db.close()


def test_closing_a_busy_window_returns_at_once(qtbot, db_path, monkeypatch):
    first, second = loaded_library(db_path)
    bare = QMainWindow()
    bare.resize(1200, 800)
    bare.show()
    qtbot.waitExposed(bare)
    started = time.perf_counter()
    bare.close()
    bare_s = time.perf_counter() - started

    # the second article's computation is held until the test ends, so the worker is busy
    # when the window closes however fast this machine computes (a timed wait was flaky)
    real_suggest = suggesting.suggest
    entered, release = threading.Event(), threading.Event()

    def held_suggest(db, article_id, *args, **kwargs):
        if article_id == second:
            entered.set()
            release.wait(30)
        return real_suggest(db, article_id, *args, **kwargs)

    monkeypatch.setattr(suggesting, "suggest", held_suggest)
    try:
        window = open_window(qtbot, db_path)
        window.controller.open_article(first)
        qtbot.waitUntil(lambda: window.controller.suggestions_pending is False, timeout=20_000)
        computing_ms = window.controller.suggestion_ms
        window.controller.open_article(second)  # its suggestions: the worker is busy from now
        qtbot.waitUntil(entered.is_set, timeout=20_000)
        assert window.controller.suggestions_pending
        started = time.perf_counter()
        window.close()
        close_s = time.perf_counter() - started
    finally:
        release.set()
    print(f"bare close {bare_s * 1000:.1f} ms, window close {close_s * 1000:.1f} ms "
          f"(suggestions take {computing_ms:.0f} ms)")
    assert close_s < CLOSE_LIMIT_S, close_s
    assert window.controller._db is None  # closed for real, not skipped


def _quit_time(args: list[str], tmp_path: Path) -> float:
    """Seconds from the child's close() to the end of its process."""
    child = Path(__file__).with_name("quit_child.py")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
               PYTHONPATH=os.pathsep.join([str(Path(__file__).parents[1]),
                                           os.environ.get("PYTHONPATH", "")]))
    proc = subprocess.Popen([sys.executable, str(child), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)
    line = proc.stdout.readline()
    proc.wait(timeout=60)
    ended = time.time()
    assert line.startswith("closing"), proc.stderr.read()
    assert proc.returncode == 0, proc.stderr.read()
    return ended - float(line.split()[1])


def test_the_process_ends_right_after_the_window_closes(tmp_path):
    db = tmp_path / "library.sqlite"
    loaded_library(db)
    bare_s = _quit_time(["--bare", "--after", "300"], tmp_path)  # a bare Qt app, same machine
    quit_s = _quit_time(["--db", str(db), "--after", "1500"], tmp_path)
    print(f"close to process end {quit_s * 1000:.1f} ms (bare Qt app {bare_s * 1000:.1f} ms)")
    # the 300 ms; on a machine so busy that a bare Qt app needs more, a margin
    # over it (interpreter teardown alone took 7x the bare app's time)
    assert quit_s < max(LIMIT_S, 2.5 * bare_s), (quit_s, bare_s)
    check = open_library(db)  # the library is whole and opens again
    try:
        assert check.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    finally:
        check.close()
