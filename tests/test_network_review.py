"""Review of the Actor network tab in the real window: an empty selection in a dark theme."""

from __future__ import annotations

from gui_helpers import open_window
from PySide6.QtWidgets import QApplication, QGraphicsSimpleTextItem, QStyleFactory
from test_screenshots import dark_palette

from reader_app.domain.models import ImportedArticle
from reader_app.gui.shared.palette import is_dark
from reader_app.storage.articles import add_article
from reader_app.storage.database import open_library


def test_an_empty_network_says_so_in_the_themes_text_colour(qtbot, db_path):
    db = open_library(db_path)
    add_article(db, ImportedArticle("Quiet day", "Nothing of note was said by anyone.", "memo",
                                    "2022-02-01", "en"))
    db.close()
    app = QApplication.instance()
    style, palette = app.style().name(), app.palette()
    app.setStyle(QStyleFactory.create("Fusion"))
    app.setPalette(dark_palette())
    try:
        window = open_window(qtbot, db_path)
        view = window.network_view
        window.left_tabs.setCurrentIndex(window.NETWORK_TAB)
        qtbot.waitUntil(view.is_loaded, timeout=3000)
        assert is_dark(view.palette())
        (text,) = [i for i in view.scene.items() if isinstance(i, QGraphicsSimpleTextItem)]
        assert "No actors" in text.text()
        assert text.brush().color().lightness() > 150  # readable on the dark canvas
    finally:
        app.setStyle(QStyleFactory.create(style) or QStyleFactory.create("Fusion"))
        app.setPalette(palette)
