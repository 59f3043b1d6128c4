"""Managing articles through the real window: multi-select in the library list, Delete with
its confirmation, undo; rename, published date, source and memo through their dialogs;
export of the selection. The database is checked after every step."""

from __future__ import annotations

import csv
import sqlite3

import pytest
from gui_helpers import open_window
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
)

from reader_app.domain.models import ImportedArticle
from reader_app.gui.jobs.export_flow import ExportDialog
from reader_app.gui.lists.library_model import TITLE
from reader_app.services import tagging
from reader_app.storage.articles import add_article, get_article

STORIES = [
    ("Лавров 😀 𠀀 on the drills",
     "Sergei Lavrov said yesterday that the troops met on Friday.\nKyiv disagreed.\n"),
    ("<b>Kyiv</b> &amp; the talks 🇺🇦",
     "Kyiv said on Monday that the talks were over, Dmytro Kuleba told reporters.\n"),
    ("Третя стаття", "Olena Petrenko wrote on Tuesday that nothing had changed.\n"),
]


@pytest.fixture
def library(db):
    """Three dated articles, each with an actor and a date tag; ids in STORIES order."""
    ids = []
    for (title, text), day in zip(STORIES, ("2022-02-09", "2022-02-14", "2022-02-15"),
                                  strict=True):
        article_id = add_article(db, ImportedArticle(title, text, f"{day}.txt", day, "en")
                                 ).article_id
        article = get_article(db, article_id)
        for kind, words in (("actor", text.split(" said")[0].split(" wrote")[0]),
                            ("date", ("yesterday" if "yesterday" in text else
                                      "on Monday" if "Monday" in text else "on Tuesday"))):
            start = text.index(words)
            tagging.tag(db, article, kind, start, start + len(words), analyst="ana")
        ids.append(article_id)
    return ids


@pytest.fixture
def win(qtbot, library, db_path):
    return open_window(qtbot, db_path)


def query(db_path, sql, params=()):
    with sqlite3.connect(db_path) as conn:
        return conn.execute(sql, list(params)).fetchall()


def listed(window) -> list[int]:
    model = window.library_pane.model
    return [model.article_id(r) for r in range(model.rowCount())]


def click_row(qtbot, window, article_id: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    pane = window.library_pane
    row = pane.model.row_of(article_id)
    assert row >= 0
    rect = pane.table.visualRect(pane.model.index(row, TITLE))
    qtbot.mouseClick(pane.table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def type_text(qtbot, widget, text: str) -> None:
    """Type text into widget key by key; a character QTest cannot map to a key (Cyrillic,
    emoji, CJK) arrives as a key event carrying its text, as an input method sends it."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def friday_suggested(window) -> str | None:
    found = [s.value for s in window.controller.suggestions
             if s.kind == "date" and "Friday" in s.quote]
    return found[0] if found else None


def dialog_texts(box: QMessageBox) -> str:
    return "\n".join(label.text() for label in box.findChildren(QLabel))


# -- delete -------------------------------------------------------------------------------------


def test_delete_two_selected_articles_confirm_and_undo_brings_back_the_same_rows(
        qtbot, win, library, db_path):
    first, second, third = library
    before = query(db_path, "SELECT * FROM annotations ORDER BY id")
    articles_before = query(db_path, "SELECT * FROM articles ORDER BY id")
    click_row(qtbot, win, first)
    click_row(qtbot, win, second, Qt.KeyboardModifier.ControlModifier)
    assert win.library_pane.selected_article_ids() == [first, second]
    assert win.controller.current_article.id == second  # the row clicked opens
    assert win.article_flow.actions.delete.text() == "&Delete 2 Articles…"
    assert not win.article_flow.actions.rename.isEnabled()  # one article at a time

    table = win.library_pane.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    box = win.article_flow.confirm_box
    assert box is not None and box.isVisible()
    assert box.textFormat() == Qt.TextFormat.PlainText
    words = dialog_texts(box)
    assert "these 2 articles" in words
    assert STORIES[0][0] in words and STORIES[1][0] in words  # markup shown as typed
    assert STORIES[2][0] not in words
    assert query(db_path, "SELECT count(*) FROM articles") == [(3,)]  # nothing yet
    confirm = box.findChild(QPushButton, "confirmDeleteArticlesButton")
    qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)

    assert query(db_path, "SELECT id FROM articles") == [(third,)]
    assert query(db_path, "SELECT DISTINCT article_id FROM annotations") == [(third,)]
    assert listed(win) == [third]
    assert win.controller.current_article is None  # the open article went: empty reader
    assert win.view.toPlainText().startswith("No article open")  # the empty state
    assert win.header.title_label.text() == ""
    assert "1 article " in win.status_text
    assert win.controller.undo_stack.undoText() == "Delete 2 articles"

    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert query(db_path, "SELECT * FROM annotations ORDER BY id") == before
    assert query(db_path, "SELECT * FROM articles ORDER BY id") == articles_before
    assert sorted(listed(win)) == [first, second, third]
    assert "3 articles" in win.status_text
    # the article being read when they went is open again, with its tags
    assert win.controller.current_article.id == second
    assert win.header.title_label.text() == STORIES[1][0]
    assert not win.view.toPlainText().startswith("No article open")
    # redo deletes them again, undo once more brings the same uuids
    win.actions_.redo.trigger()
    assert query(db_path, "SELECT id FROM articles") == [(third,)]
    win.actions_.undo.trigger()
    assert query(db_path, "SELECT * FROM annotations ORDER BY id") == before


def test_cancel_deletes_nothing_and_delete_in_the_article_still_deletes_a_tag(
        qtbot, win, library, db_path):
    click_row(qtbot, win, library[0])
    win.library_pane.table.setFocus()
    qtbot.keyClick(win.library_pane.table, Qt.Key.Key_Delete)
    box = win.article_flow.confirm_box
    assert "this article" in dialog_texts(box)
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert query(db_path, "SELECT count(*) FROM articles") == [(3,)]
    assert win.controller.undo_stack.count() == 0
    # Delete in the article acts on the tag picked there, never on the article
    ann = win.controller.annotations()[0]
    win.annotation_panel.select_annotation(ann.id)
    win.view.setFocus()
    qtbot.keyClick(win.view, Qt.Key.Key_Delete)
    assert win.article_flow.confirm_box is None
    assert query(db_path, "SELECT count(*) FROM articles") == [(3,)]
    assert query(db_path, "SELECT count(*) FROM annotations WHERE id = ?", [ann.id]) == [(0,)]


def test_the_context_menu_offers_the_article_actions(qtbot, win, library):
    click_row(qtbot, win, library[1])
    names = [a.objectName() for a in win.library_pane.build_context_menu().actions()
             if not a.isSeparator()]
    assert names == ["renameArticleAction", "setPublishedAction", "editSourceAction",
                     "editMemoAction", "exportSelectedAction", "deleteArticlesAction"]
    assert win.findChild(type(win.article_flow.menu), "articleMenu") is not None


# -- one field through its dialog ------------------------------------------------------------


def edit_through_dialog(qtbot, win, action, typed: str, *, clear: bool = True):
    action.trigger()
    dialog = win.article_flow.dialog
    assert dialog is not None and dialog.isVisible()
    editor = dialog.editor
    if clear:
        editor.clear()
    type_text(qtbot, editor, typed)
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    return dialog


def test_rename_through_the_dialog_refuses_an_empty_title_and_undoes(qtbot, win, library,
                                                                   db_path):
    first = library[0]
    click_row(qtbot, win, first)
    action = win.article_flow.actions.rename
    dialog = edit_through_dialog(qtbot, win, action, "   ")
    assert dialog.isVisible()  # refused: the dialog stays, one line says why
    assert "title cannot be empty" in dialog.error_label.text()
    assert dialog.error_label.textFormat() == Qt.TextFormat.PlainText
    dialog.reject()
    assert query(db_path, "SELECT title FROM articles WHERE id = ?", [first]) == [(STORIES[0][0],)]

    new = "Заява 🇺🇦 <i>𠀀</i>"
    edit_through_dialog(qtbot, win, action, new)
    assert query(db_path, "SELECT title FROM articles WHERE id = ?", [first]) == [(new,)]
    row = win.library_pane.model.row_of(first)
    assert win.library_pane.model.index(row, TITLE).data() == new
    assert win.header.title_label.text() == new or not win.header.title_label.isVisible()
    assert win.controller.current_article.title == new
    assert win.library_pane.selected_article_ids() == [first]  # the selection stays on it
    win.actions_.undo.trigger()
    assert query(db_path, "SELECT title FROM articles WHERE id = ?", [first]) == [(STORIES[0][0],)]
    assert win.library_pane.model.index(win.library_pane.model.row_of(first), TITLE).data() \
        == STORIES[0][0]


def test_set_published_re_resolves_relative_dates_and_undo_restores(qtbot, win, library,
                                                                    db_path):
    first = library[0]
    click_row(qtbot, win, first)
    value = "SELECT value FROM annotations WHERE article_id = ? AND kind = 'date'"
    assert query(db_path, value, [first]) == [("2022-02-08",)]
    action = win.article_flow.actions.published
    dialog = edit_through_dialog(qtbot, win, action, "2022-02-30")
    assert dialog.isVisible() and "YYYY-MM-DD" in dialog.error_label.text()
    dialog.reject()
    qtbot.waitUntil(lambda: friday_suggested(win) == "2022-02-04", timeout=10_000)
    edit_through_dialog(qtbot, win, action, "2022-03-01")
    assert query(db_path, "SELECT published FROM articles WHERE id = ?", [first]) == [
        ("2022-03-01",)]
    assert query(db_path, value, [first]) == [("2022-02-28",)]
    assert "1 March 2022" in win.header.meta_label.text()
    assert win.controller.current_article.published == "2022-03-01"
    # the panel's tag shows the new value
    ann = [a for a in win.controller.annotations() if a.kind == "date"][0]
    assert ann.value == "2022-02-28"
    # the untagged "on Friday" is suggested with a value from the new dateline
    qtbot.waitUntil(lambda: not win.controller.suggestions_pending and friday_suggested(win)
                    == "2022-02-25", timeout=10_000)
    win.actions_.undo.trigger()
    assert query(db_path, value, [first]) == [("2022-02-08",)]
    assert query(db_path, "SELECT published FROM articles WHERE id = ?", [first]) == [
        ("2022-02-09",)]
    assert "9 February 2022" in win.header.meta_label.text()


def test_edit_source_and_memo_through_their_dialogs(qtbot, win, library, db_path):
    second = library[1]
    click_row(qtbot, win, second)
    edit_through_dialog(qtbot, win, win.article_flow.actions.source, "https://example.org/ü")
    assert query(db_path, "SELECT source FROM articles WHERE id = ?", [second]) == [
        ("https://example.org/ü",)]
    memo_action = win.article_flow.actions.memo
    dialog = edit_through_dialog(qtbot, win, memo_action, "# Перевірити 🐻", clear=False)
    assert not dialog.isVisible()
    memo = "SELECT memo FROM articles WHERE id = ?"
    assert query(db_path, memo, [second]) == [("# Перевірити 🐻",)]
    # a second line, a no-break space and markup stay exactly as typed
    memo_action.trigger()
    dialog = win.article_flow.dialog
    assert dialog.text() == "# Перевірити 🐻"
    dialog.editor.setPlainText("# Перевірити 🐻\n\n- *seen*\u00a0<b>twice</b>")
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert query(db_path, memo, [second]) == [("# Перевірити 🐻\n\n- *seen*\u00a0<b>twice</b>",)]
    assert query(db_path, "SELECT rowid FROM memo_fts WHERE memo_fts MATCH 'twice'") == [
        (second,)]
    win.actions_.undo.trigger()
    win.actions_.undo.trigger()
    assert query(db_path, memo, [second]) == [("",)]
    win.actions_.undo.trigger()
    assert query(db_path, "SELECT source FROM articles WHERE id = ?", [second]) == [
        ("2022-02-14.txt",)]


# -- export the selection ------------------------------------------------------------------------


def test_export_selected_writes_only_those_articles_tags(qtbot, win, library, tmp_path,
                                                         monkeypatch):
    first, second, third = library
    click_row(qtbot, win, first)
    click_row(qtbot, win, third, Qt.KeyboardModifier.ControlModifier)
    path = tmp_path / "selected.csv"
    seen = {}

    def run_dialog(dialog):
        seen["label"] = dialog.selected_only.text()
        seen["checked"] = dialog.selected_only.isChecked()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", run_dialog)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    with qtbot.waitSignal(win.exports.export_finished, timeout=10_000) as finished:
        win.article_flow.actions.export.trigger()
    assert finished.args[0].rows == 4
    assert seen == {"label": "Only the 2 selected articles", "checked": True}
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert sorted({int(r["article_id"]) for r in rows}) == [first, third]
    assert {r["article_title"] for r in rows} == {STORIES[0][0], STORIES[2][0]}
    assert len(rows) == 4


def test_a_retitled_row_moves_where_the_sort_puts_it_and_stays_selected(
        qtbot, win, library, db_path, qtmodeltester):
    first, second, third = library
    pane = win.library_pane
    header = pane.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,  # sort by title
                     pos=QPoint(header.sectionViewportPosition(TITLE) + 5, 5))
    assert pane.model.order() == ("title", False)
    by_title = listed(win)
    assert by_title == [second, first, third]  # "<b>Kyiv…", "Лавров…", "Третя…"
    click_row(qtbot, win, second)
    edit_through_dialog(qtbot, win, win.article_flow.actions.rename, "Я остання 😀")
    assert listed(win) == [first, third, second]  # moved last, nothing re-listed
    assert pane.selected_article_ids() == [second]
    assert win.controller.current_article.id == second
    win.actions_.undo.trigger()
    assert listed(win) == by_title
    assert pane.selected_article_ids() == [second]
    qtmodeltester.check(pane.model)
    # a filter that no longer matches the new title drops the row; undo brings it back
    pane.filter_edit.setText("Третя")
    pane.apply_filter()
    assert listed(win) == [third]
    click_row(qtbot, win, third)
    edit_through_dialog(qtbot, win, win.article_flow.actions.rename, "Інша")
    assert listed(win) == []
    win.actions_.undo.trigger()
    assert listed(win) == [third]


def test_a_read_only_library_offers_export_but_no_change(qtbot, library, db_path, monkeypatch):
    import reader_app.gui.controller as controller_module
    from reader_app.gui.window.main_window import MainWindow
    from reader_app.storage.database import open_library

    monkeypatch.setattr(controller_module, "open_library",
                        lambda path: open_library(path, read_only=True))
    window = MainWindow(db_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    click_row(qtbot, window, library[0])
    flow = window.article_flow
    assert flow.actions.export.isEnabled()
    assert not any(a.isEnabled() for a in [*flow.actions.single(), flow.actions.delete])
    window.library_pane.table.setFocus()
    qtbot.keyClick(window.library_pane.table, Qt.Key.Key_Delete)
    assert flow.confirm_box is None
    window.controller.delete_articles([library[0]])  # asked anyway: refused with a message
    assert query(db_path, "SELECT count(*) FROM articles") == [(3,)]
    assert window.statusBar().currentMessage() == "This library is read-only."
