"""The library pane and the annotation panel, as real widgets."""

from __future__ import annotations

import gui_helpers
import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication

from reader_app.domain.models import ImportedArticle
from reader_app.gui.lists.annotation_model import QUOTE
from reader_app.gui.lists.library_model import TITLE
from reader_app.gui.lists.library_pane import LibraryPane
from reader_app.gui.panels.annotation_panel import AnnotationPanel
from reader_app.storage.annotations import get_annotation
from reader_app.storage.articles import add_article

TEXT = "Moscow said on Monday that Sergei Lavrov would fly to Geneva.\nKyiv doubted it."
USER = Qt.ItemDataRole.UserRole


def tag(ctrl, kind: str, words: str) -> int:
    return gui_helpers.tag(ctrl, kind, words, TEXT).id


@pytest.fixture
def ids(db):
    return [
        add_article(db, ImportedArticle(title, text, source)).article_id
        for title, text, source in (
            ("Geneva talks", TEXT, "reuters.txt"),
            ("Berlin visit", "Olaf Scholz arrived.", "dpa.md"),
            ("Another Geneva note", "Short.", "notes.txt"),
        )
    ]


@pytest.fixture
def ctrl(ids, make_ctrl):
    return make_ctrl()


@pytest.fixture
def panel(qtbot, ctrl, ids):
    return gui_helpers.open_panel(qtbot, ctrl, ids[0], 420, 600)


def click_row(qtbot, table, row: int, column: int = QUOTE, double: bool = False) -> None:
    pos = table.visualRect(table.model().index(row, column)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    if double:  # an item view wants the press before the double click
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)


# -- LibraryPane -----------------------------------------------------------------------


def test_library_pane_selection_emits_article_activated(qtbot, ctrl, ids):
    pane = LibraryPane(ctrl)
    qtbot.addWidget(pane)
    pane.show()
    qtbot.waitExposed(pane)
    table = pane.table
    assert table.objectName() == "libraryList"
    assert pane.filter_edit.placeholderText() == "Filter articles…"
    assert [table.model().index(r, 0).data(USER) for r in range(3)] == ids
    with qtbot.waitSignal(pane.article_activated) as activated:
        click_row(qtbot, table, 1, TITLE)
    assert activated.args == [ids[1]]
    with qtbot.assertNotEmitted(pane.article_activated):
        pane.select_article(ids[2])
    assert pane.selected_article_id() == ids[2]


def test_library_pane_filters_and_sorts(qtbot, ctrl, ids):
    pane = LibraryPane(ctrl)
    qtbot.addWidget(pane)
    pane.show()
    qtbot.keyClicks(pane.filter_edit, "GENEVA")
    qtbot.waitUntil(lambda: pane.model.rowCount() == 2)
    header = pane.table.horizontalHeader()
    x = header.sectionViewportPosition(TITLE) + header.sectionSize(TITLE) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert header.sortIndicatorSection() == TITLE
    titles = [pane.model.index(r, TITLE).data() for r in range(2)]
    assert titles == sorted(titles, key=str.casefold)
    pane.filter_edit.clear()
    pane.apply_filter()
    assert pane.model.rowCount() == 3


# -- AnnotationPanel -------------------------------------------------------------------


def test_annotation_panel_empty_state(qtbot, ctrl, ids):
    widget = AnnotationPanel(ctrl)
    qtbot.addWidget(widget)
    assert widget.stack.currentWidget() is widget.empty_label
    ctrl.open_article(ids[0])
    assert widget.stack.currentWidget() is not widget.empty_label
    assert widget.table.objectName() == "annotationTable"
    ctrl.close_article()
    assert widget.stack.currentWidget() is widget.empty_label


def test_selecting_a_row_emits_annotation_selected(qtbot, panel, ctrl):
    geneva = tag(ctrl, "actor", "Geneva")
    lavrov = tag(ctrl, "actor", "Sergei Lavrov")
    with qtbot.waitSignal(panel.annotation_selected) as selected:
        click_row(qtbot, panel.table, panel.model.row_of(geneva))
    assert selected.args == [geneva]
    assert panel.editor.quote_view.toPlainText() == "Geneva"
    with qtbot.assertNotEmitted(panel.annotation_selected):
        panel.select_annotation(lavrov)  # a highlight was clicked: no echo
    assert panel.selected_annotation_id() == lavrov


def test_a_new_tag_is_selected_quietly(qtbot, panel, ctrl):
    with qtbot.assertNotEmitted(panel.annotation_selected):
        lavrov = tag(ctrl, "actor", "Sergei Lavrov")
    assert panel.selected_annotation_id() == lavrov
    actor_combo = panel.editor.actor_fields.actor_combo
    assert actor_combo.isVisibleTo(panel) and actor_combo.currentText() == "Sergei Lavrov"


def test_note_commits_after_idle_as_one_undo_step(qtbot, panel, ctrl, db):
    panel.set_commit_delay(100)
    lavrov = tag(ctrl, "actor", "Sergei Lavrov")
    note_edit = panel.editor.note_edit
    note_edit.setFocus()
    qtbot.keyClicks(note_edit, "Foreign minister")
    assert get_annotation(db, lavrov).note is None  # not on every keystroke
    qtbot.waitUntil(lambda: get_annotation(db, lavrov).note == "Foreign minister",
                    timeout=2000)
    qtbot.keyClicks(note_edit, " of Russia")
    qtbot.waitUntil(lambda: get_annotation(db, lavrov).note == "Foreign minister of Russia",
                    timeout=2000)
    assert ctrl.undo_stack.count() == 2  # the tag, and one note edit
    ctrl.undo_stack.undo()
    assert note_edit.toPlainText() == ""  # the editor follows undo


def test_date_value_and_note_commit_on_enter_and_focus_out(qtbot, panel, ctrl, db):
    monday = tag(ctrl, "date", "on Monday")
    value_edit = panel.editor.date_fields.value_edit
    value_edit.clear()
    qtbot.keyClicks(value_edit, "2022-02-14")
    qtbot.keyClick(value_edit, Qt.Key.Key_Return)  # editingFinished
    assert get_annotation(db, monday).value == "2022-02-14"
    qtbot.keyClicks(panel.editor.note_edit, "non\u00a0breaking")
    QApplication.sendEvent(panel.editor.note_edit, QFocusEvent(QEvent.Type.FocusOut))
    assert get_annotation(db, monday).note == "non\u00a0breaking"  # NBSP kept
    assert panel.model.index(panel.model.row_of(monday), 2).data() == "2022-02-14"


def test_pending_edit_is_committed_before_switching_rows_and_articles(qtbot, panel, ctrl, db, ids):
    lavrov = tag(ctrl, "actor", "Sergei Lavrov")
    geneva = tag(ctrl, "actor", "Geneva")
    panel.select_annotation(lavrov)
    qtbot.keyClicks(panel.editor.note_edit, "first")
    click_row(qtbot, panel.table, panel.model.row_of(geneva))
    assert get_annotation(db, lavrov).note == "first"
    qtbot.keyClicks(panel.editor.note_edit, "second")
    ctrl.open_article(ids[1])
    assert get_annotation(db, geneva).note == "second"
    assert ctrl.current_article.id == ids[1]  # committing did not reopen the old article
    assert panel.selected_annotation_id() is None
    assert not panel.editor.note_edit.isVisibleTo(panel)


def test_delete_key_and_double_click(qtbot, panel, ctrl):
    geneva = tag(ctrl, "actor", "Geneva")
    panel.table.setFocus()
    with qtbot.waitSignal(panel.delete_requested) as deleted:
        qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert deleted.args == [geneva]
    with qtbot.waitSignal(panel.edit_requested) as edit:
        click_row(qtbot, panel.table, 0, double=True)
    assert edit.args == [geneva]
    qtbot.waitUntil(panel.editor.actor_fields.actor_combo.hasFocus)


def test_deleting_the_shown_tag_drops_its_pending_edit(qtbot, panel, ctrl):
    errors = []
    ctrl.error_occurred.connect(errors.append)
    geneva = tag(ctrl, "actor", "Geneva")
    lavrov = tag(ctrl, "actor", "Sergei Lavrov")
    panel.select_annotation(geneva)
    qtbot.keyClicks(panel.editor.note_edit, "Geneve")
    with qtbot.assertNotEmitted(panel.annotation_selected):
        ctrl.delete_annotation(geneva)
    assert errors == []
    assert panel.selected_annotation_id() in (None, lavrov)
    assert panel.editor.note_edit.toPlainText() == ""
    ctrl.undo_stack.undo()
    assert panel.selected_annotation_id() == geneva


def test_kind_filter_and_reveal_hidden_tag(qtbot, panel, ctrl):
    tag(ctrl, "date", "on Monday")
    lavrov = tag(ctrl, "actor", "Sergei Lavrov")
    panel.kind_filter.setCurrentIndex(3)  # Dates
    assert panel.model.rowCount() == 1
    assert panel.selected_annotation_id() is None
    panel.select_annotation(lavrov)  # hidden by the filter: show all again
    assert panel.kind_filter.currentIndex() == 0
    assert panel.selected_annotation_id() == lavrov
    assert panel.count_label.text() == "2 tags"
