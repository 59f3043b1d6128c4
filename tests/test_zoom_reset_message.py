"""Reset Zoom says the size it went back to: the status bar kept saying the zoomed
size ("Reading font: 19 pt") beside an article back at 18 pt."""

from __future__ import annotations

from gui_helpers import open_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reader_app.domain.models import ImportedArticle
from reader_app.gui.shared.preferences import DEFAULT_FONT_SIZE
from reader_app.storage.articles import add_article


def test_reset_zoom_names_the_size_it_went_back_to(qtbot, db, db_path):
    add_article(db, ImportedArticle("Talks", "date 2026-09-14\nThe talks stalled.\n",
                                    "talks.txt", "2026-09-14", "en"))
    window = open_window(qtbot, db_path)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    view = window.view
    qtbot.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage() == f"Reading font: {DEFAULT_FONT_SIZE + 1:g} pt"
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.font().pointSizeF() == DEFAULT_FONT_SIZE
    assert window.statusBar().currentMessage() == f"Reading font: {DEFAULT_FONT_SIZE:g} pt"
