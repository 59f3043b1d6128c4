"""The window's process runs the garbage collector as gc_policy says: its thresholds set
when a window is made, and what suggesting keeps frozen once an article's suggestions are
first made (benchmarks/bench_suggest.py --gc measures why)."""

from __future__ import annotations

import gc

from gui_helpers import open_window
from test_suggest_window import open_story, settled

from reader_app.gc_policy import THRESHOLDS


def test_the_window_sets_the_thresholds_and_freezes_after_first_suggestions(qtbot, tmp_path):
    kept = gc.get_threshold()
    gc.set_threshold(700, 10, 10)  # Python's own
    gc.unfreeze()
    try:
        window = open_window(qtbot, tmp_path / "lib.sqlite")
        assert gc.get_threshold() == THRESHOLDS
        open_story(qtbot, window)
        assert settled(qtbot, window)
        assert gc.get_freeze_count() > 0  # frozen before its suggestions were handed over
    finally:
        gc.unfreeze()
        gc.set_threshold(*kept)
