"""Columns share a table's width by content (issue 14): at 1024x700 and 1600x1000 the
annotation table's Quote is its widest column while the notes are empty, and no column of
the annotation, claims or actors tables is narrower than its header text. The panel keeps
the style's margin at the window's edge; the Type button's arrow is outside its label.
Through the real window."""

from __future__ import annotations

import pytest
from gui_helpers import open_window, select_quote
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMenu, QStyle, QToolButton

SIZES = [(1024, 700), (1600, 1000)]


def _settle(qtbot, window, size):
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() == size[0])
    for _ in range(5):
        QApplication.processEvents()


def _tagged(qtbot, db_path):
    window = open_window(qtbot, db_path)  # the bundled sample
    for kind, quote in (("actor", "Calderan"), ("actor", "Ostrovia"), ("date", "Wednesday")):
        select_quote(window, quote)
        window.tag_selection(kind)
    text = window.controller.current_article.text
    start = text.index("Velasquez-Dunn said")
    select_quote(window, text[start:text.index(".", start) + 1])
    window.tag_selection("claim")
    return window


def _widths(table):
    header = table.horizontalHeader()
    return {table.model().headerData(c, Qt.Orientation.Horizontal): header.sectionSize(c)
            for c in range(header.count()) if not header.isSectionHidden(c)}


def _header_text_fits(table):
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    for c in range(header.count()):
        if header.isSectionHidden(c):
            continue
        text = table.model().headerData(c, Qt.Orientation.Horizontal)
        assert header.sectionSize(c) >= metrics.horizontalAdvance(text), (text, _widths(table))


@pytest.mark.parametrize("size", SIZES)
def test_the_quote_column_is_widest_and_every_header_fits(qtbot, db_path, size):
    window = _tagged(qtbot, db_path)
    _settle(qtbot, window, size)
    table = window.annotation_panel.table
    assert table.model().rowCount() == 4
    widths = _widths(table)
    assert widths["Quote"] == max(widths.values()), widths
    assert widths["Quote"] > 2 * widths["Note"], widths  # the empty notes take little room
    _header_text_fits(table)
    # the four columns fit the table: no horizontal scrolling in the panel
    assert sum(widths.values()) <= table.viewport().width() + 1
    _editor_keeps_the_style_margin(qtbot, window)
    for index in (1, 2):  # Actors, Claims
        window.left_tabs.setCurrentIndex(index)
        QApplication.processEvents()
    for other in (window.actors_pane.table, window.claims_view.table):
        qtbot.waitUntil(lambda t=other: t.model().rowCount() > 0)
        for _ in range(3):
            QApplication.processEvents()
        _header_text_fits(other)


def _editor_keeps_the_style_margin(qtbot, window):
    """The panel, its table and the editor's fields end the style's margin short of the
    window's right edge (they sat flush against it)."""
    panel = window.annotation_panel
    margin = panel.style().pixelMetric(QStyle.PixelMetric.PM_LayoutRightMargin, None, panel)
    assert margin > 0
    table = panel.table
    row = next(r for r in range(table.model().rowCount())
               if table.model().index(r, 0).data() == "Claim")
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(table.model().index(row, 1)).center())
    combo = panel.editor.claim_fields.status_combo
    qtbot.waitUntil(combo.isVisible)
    for widget in (table, combo, panel.editor.note_edit):
        right = widget.mapTo(window, QPoint(widget.width(), 0)).x()
        assert window.width() - right >= margin, (widget.objectName(), right, window.width())


def test_a_note_widens_its_column_and_a_dragged_column_stays(qtbot, db_path):
    window = _tagged(qtbot, db_path)
    _settle(qtbot, window, (1600, 1000))
    table = window.annotation_panel.table
    before = _widths(table)["Note"]
    claim = next(a for a in window.controller.annotations() if a.kind == "claim")
    window.controller.edit_annotation(claim.id, note="Check against the ministry transcript")
    qtbot.waitUntil(lambda: _widths(table)["Note"] > before)
    header = table.horizontalHeader()
    header.resizeSection(0, 140)  # the analyst drags Kind wider
    window.resize(1500, 1000)
    qtbot.waitUntil(lambda: window.width() == 1500)
    QApplication.processEvents()
    assert header.sectionSize(0) == 140


def test_the_type_buttons_arrow_is_outside_its_label(qtbot, window):
    window.left_tabs.setCurrentIndex(1)
    button = window.actors_pane.findChild(QToolButton, "actorTypeButton")
    metrics = button.fontMetrics()
    label = button.label()
    assert label.startswith("Type") and label.endswith("\u25be")
    assert button.width() >= metrics.horizontalAdvance(label)
    assert button.sizeHint().width() >= metrics.horizontalAdvance(label)
    # it still opens the type menu with a click
    menu = window.actors_pane.actions_.type_menu
    assert isinstance(menu, QMenu)
    assert button.defaultAction().menu() is menu


@pytest.mark.parametrize("size", SIZES)
def test_the_kind_column_shows_its_whole_label(qtbot, db_path, size):
    """A narrow panel cuts the long columns (quote, reason), never the kind's short label
    (with its swatch) down to an ellipsis, in the tags and the suggested lists alike."""
    window = _tagged(qtbot, db_path)
    _settle(qtbot, window, size)
    box = window.annotation_panel.suggestions
    qtbot.waitUntil(lambda: box.table.model().rowCount() > 0, timeout=10_000)
    for _ in range(5):
        QApplication.processEvents()
    for table in (window.annotation_panel.table, box.table):
        header = table.horizontalHeader()
        assert header.sectionSize(0) >= table.sizeHintForColumn(0), _widths(table)
