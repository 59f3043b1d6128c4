"""The window's process runs the garbage collector as gc_policy says: its thresholds set
when a window is made, and what suggesting keeps frozen once a long article's suggestions
are first made (benchmarks/bench_suggest.py --gc measures why)."""

from __future__ import annotations

import gc

from gui_helpers import open_window
from test_suggest_window import open_story, settled

from reader_app.gc_policy import SETTLE_FROM, THRESHOLDS

# an original story, long enough for SETTLE_FROM suggestions (a name, a date, a claim each)
SENTENCES = ("Marta Ilves said on Monday that the port of Velmora would reopen for the ferries.",
             "Officials in Washington said on 15 March that the grain would be shipped soon.",
             "Ilves told reporters on Friday that the dockers had voted to end their strike.")
LONG = "\n\n".join(" ".join(SENTENCES) for _ in range(SETTLE_FROM // 2))


def test_the_window_sets_the_thresholds_and_freezes_after_first_suggestions(qtbot, tmp_path):
    kept = gc.get_threshold()
    gc.set_threshold(700, 10, 10)  # Python's own
    gc.unfreeze()
    try:
        window = open_window(qtbot, tmp_path / "lib.sqlite")
        assert gc.get_threshold() == THRESHOLDS
        open_story(qtbot, window)  # a short article: nothing worth freezing
        assert 0 < len(settled(qtbot, window)) < SETTLE_FROM
        assert gc.get_freeze_count() == 0
        open_story(qtbot, window, LONG, "Ports reopen")
        assert len(settled(qtbot, window)) >= SETTLE_FROM
        assert gc.get_freeze_count() > 0  # frozen before its suggestions were handed over
    finally:
        gc.unfreeze()
        gc.set_threshold(*kept)
