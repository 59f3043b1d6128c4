"""A search result's snippet shows its match even when the row is narrow: the snippet
is cut to SNIPPET_LINES lines, and a match that fell past them was not drawn at all
(at 1024 px the library pane showed "…meeting number 1 in Tartu Councillor Anna Tamm
said the" for a search of "harbour")."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QListView, QStyleOptionViewItem

from reader_app.gui.lists.search_delegate import SearchResultDelegate, row_height
from reader_app.gui.lists.tables import ITEM_ROLE
from reader_app.gui.shared.palette import search_mark_colour
from reader_app.services.search import ArticleHit

BEFORE = "…meeting number 1 in Tartu  Councillor Anna Tamm said after a long evening that the "
AFTER = " budget would be decided on Tuesday."


def _hit(before: str) -> ArticleHit:
    snippet = before + "harbour" + AFTER
    start = len(before)
    return ArticleHit(1, "Council meeting", "2026-08-02", 1, snippet, ((start, start + 7),))


def _marked_pixels(qtbot, hit: ArticleHit, width: int) -> int:
    view = QListView()
    qtbot.addWidget(view)
    model = QStandardItemModel(view)
    item = QStandardItem()
    item.setData(hit, ITEM_ROLE)
    model.appendRow(item)
    view.setModel(model)
    delegate = SearchResultDelegate(view)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.widget = view
    height = row_height(option.font)
    option.rect = QRect(0, 0, width, height)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    delegate.paint(painter, option, model.index(0, 0))
    painter.end()
    mark = search_mark_colour(False)
    return sum(1 for y in range(height) for x in range(width)
               if QColor(image.pixel(x, y)) == mark)


def test_a_match_near_the_start_is_marked(qtbot):
    assert _marked_pixels(qtbot, _hit("…the "), 220) > 20


def test_a_match_past_the_snippets_lines_is_still_drawn_in_a_narrow_row(qtbot):
    assert _marked_pixels(qtbot, _hit(BEFORE), 220) > 20


def test_a_match_past_an_astral_character_is_drawn_too(qtbot):
    assert _marked_pixels(qtbot, _hit("🇺🇦 𠀀 " + BEFORE), 220) > 20
