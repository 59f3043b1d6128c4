"""A long status message at 1024 px is elided with "…" (its whole text in the tooltip),
not cut mid-word where the counts begin ("…Wed 2026-11-18, as t" and the rest lost)."""

from __future__ import annotations

from gui_helpers import LAVROV_STORY, open_window

from reader_app.domain.models import ImportedArticle
from reader_app.storage.articles import add_article

LONG = ("Claim date set to 2022-02-10 from this date tag. Thursday: the Thursday after the "
        "dateline Wed 2022-02-09, as the clause is in the future tense ('would').")


def _window(qtbot, db, db_path, width):
    add_article(db, ImportedArticle("Drills", LAVROV_STORY, "drills.txt", "2022-02-09", "en"))
    win = open_window(qtbot, db_path)
    win.resize(width, 700)
    qtbot.waitUntil(lambda: win.width() == width)
    return win


def test_a_long_message_is_elided_and_whole_in_the_tooltip(qtbot, db, db_path):
    win = _window(qtbot, db, db_path, 1024)
    bar = win.statusBar()
    bar.showMessage(LONG)
    qtbot.waitUntil(lambda: bar.currentMessage() == LONG)
    counts = win.findChild(type(win._status_label), "statusCounts")
    assert bar.drawn_message().endswith("…")
    assert bar.fontMetrics().horizontalAdvance(bar.drawn_message()) <= counts.x() - 6
    assert "future tense" in bar.toolTip()
    # what is painted is the elided text: the same pixels as that text shown as a message
    # that fits (drawn by QStatusBar itself)
    painted = bar.grab().toImage()
    bar.showMessage(bar.drawn_message())
    assert bar.grab().toImage() == painted


def test_a_message_that_fits_is_drawn_whole_with_no_tooltip(qtbot, db, db_path):
    win = _window(qtbot, db, db_path, 1400)
    bar = win.statusBar()
    bar.showMessage("Exported 4 tags to /tmp/x.csv")
    assert bar.drawn_message() == "Exported 4 tags to /tmp/x.csv"
    assert not bar.toolTip()

