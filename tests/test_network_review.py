"""Review of the Actor network tab in the real window: an empty selection in a dark theme,
dates typed wrong."""

from __future__ import annotations

from gui_helpers import open_window
from network_library import build
from PySide6.QtWidgets import QApplication, QGraphicsSimpleTextItem, QStyleFactory
from test_screenshots import dark_palette

from reader_app.domain.models import ImportedArticle
from reader_app.gui.shared.palette import is_dark
from reader_app.gui.views.network_picture import network_picture
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


def test_a_date_not_in_the_calendar_is_refused_not_matched_as_text(qtbot, db_path):
    db = open_library(db_path)
    build(db)
    db.close()
    window = open_window(qtbot, db_path)
    view = window.network_view
    window.left_tabs.setCurrentIndex(window.NETWORK_TAB)
    qtbot.waitUntil(view.is_loaded, timeout=3000)
    everyone = set(view.nodes)
    assert everyone
    view.date_to.setText("2022-13")  # sorted as text it let every 2022 article through
    view.date_to.editingFinished.emit()
    qtbot.waitUntil(view.is_loaded, timeout=3000)
    assert view.info.text().startswith("Not a date: 2022-13")
    view.date_to.setText("2022-12")
    view.date_to.editingFinished.emit()
    qtbot.waitUntil(lambda: view.is_loaded() and not view.info.text().startswith("Not"),
                    timeout=3000)
    assert set(view.nodes) == everyone


def test_the_reports_picture_of_no_actors_is_not_blank(qtbot, db_path):
    db = open_library(db_path)
    try:
        add_article(db, ImportedArticle("Quiet day", "Nothing of note was said by anyone.",
                                        "memo", "2022-02-01", "en"))
        image = network_picture(db, None, 400, 200)
    finally:
        db.close()
    assert (image.width(), image.height()) == (400, 200)
    colours = {image.pixel(x, y) for x in range(0, 400, 2) for y in range(0, 200, 2)}
    assert len(colours) > 2  # the words, antialiased, on the page colour
