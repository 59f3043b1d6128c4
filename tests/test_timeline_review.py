"""Review of the Timeline tab in the real window: what a demanding analyst types and does."""

from __future__ import annotations

from gui_helpers import open_window
from PySide6.QtWidgets import QLabel
from timeline_library import build

from reader_app.storage.database import open_library


def shown_timeline(qtbot, db_path):
    window = open_window(qtbot, db_path)
    view = window.timeline_view
    window.left_tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.isVisible() and view.is_loaded(), timeout=3000)
    return window, view


def test_a_mistyped_date_bound_says_so_instead_of_showing_every_date(qtbot, db_path):
    db = open_library(db_path)
    build(db)
    db.close()
    _window, view = shown_timeline(qtbot, db_path)
    everything = len(view.shown_items())
    assert everything > 3
    count = view.findChild(QLabel, "timelineCount")
    view.date_from.setText("2022-02-30")  # no such day: not a filter that lets all through
    qtbot.waitUntil(lambda: "Not a date" in count.text(), timeout=3000)
    assert view.shown_items() == [] and "2022-02-30" in count.text()
    view.date_from.setText("2022-02")
    qtbot.waitUntil(lambda: count.text().startswith(f"{len(view.shown_items())} dated"),
                    timeout=3000)
    assert 0 < len(view.shown_items()) < everything  # the 2019 year tag is left out
