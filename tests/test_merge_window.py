"""File > Merge Library… in the real window: the dialog, resolutions by clicking, one undo
step (pytest-qt)."""

from __future__ import annotations

import pytest
from gui_helpers import open_window
from merge_helpers import alice_library, bob_library, dump
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
)

from reader_app.gui.window import merge_flow


@pytest.fixture
def bob(tmp_path):
    path = tmp_path / "bob.db"
    bob_library(path).close()
    return path


def file_menu_action(window, name):
    (file_menu,) = [a.menu() for a in window.menuBar().actions() if a.text() == "&File"]
    (action,) = [a for a in file_menu.actions() if a.objectName() == name]
    return action


def choose(monkeypatch, path):
    monkeypatch.setattr(merge_flow.QFileDialog, "getOpenFileName",
                        staticmethod(lambda *args, **kwargs: (str(path), "")))


def click(qtbot, widget):
    # near the left edge: a check box or radio button reacts on its indicator and label
    # only, not on the whole width its layout gives it
    at = QPoint(6, widget.height() // 2) if isinstance(widget, (QCheckBox, QRadioButton)) \
        else widget.rect().center()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=at)


def test_merge_from_the_file_menu_then_undo_and_redo(qtbot, db_path, bob, monkeypatch):
    alice_library(db_path).close()
    window = open_window(qtbot, db_path)
    db = window.controller.db
    before = dump(db)
    choose(monkeypatch, bob)
    file_menu_action(window, "mergeLibraryAction").trigger()
    qtbot.waitUntil(lambda: window.merges.dialog is not None and window.merges.dialog.isVisible())
    dialog = window.merges.dialog
    assert "1 new article;" in dialog.findChild(QPlainTextEdit, "mergeSummary").toPlainText()
    table = dialog.findChild(QTableWidget, "mergeConflicts")
    assert table.rowCount() == 1
    assert table.item(0, 2).text() == "status: unverified"
    assert table.item(0, 3).text() == "status: disputed"
    both = dialog.findChild(QRadioButton, "keepBoth_0")
    assert both.isChecked()  # another analyst's reading: both by default
    click(qtbot, dialog.findChild(QRadioButton, "keepTheirs_0"))
    assert dialog.findChild(QRadioButton, "keepTheirs_0").isChecked() and not both.isChecked()
    kuleba = dialog.findChild(QCheckBox, "actorProposal_0")
    assert kuleba.isChecked() and "“Kuleba” is our “Dmytro Kuleba”" in kuleba.text()
    click(qtbot, kuleba)
    assert not kuleba.isChecked()
    click(qtbot, dialog.findChild(QPushButton, "mergeButton"))
    qtbot.waitUntil(lambda: window.merges.dialog is None)

    assert [tuple(r) for r in db.execute(
        "SELECT analyst, status FROM annotations WHERE kind = 'claim'"
        " AND quote LIKE 'Russia had%'")] == [("bob", "disputed")]
    assert sorted(r[0] for r in db.execute("SELECT name FROM actors")) == [
        "Dmytro Kuleba", "Kuleba", "Russia"]
    assert window.controller.library_count() == 4
    assert "Merged bob.db" in window.statusBar().currentMessage()
    after = dump(db)

    undo = window.actions_.undo
    assert "Merge bob.db" in undo.text()
    undo.trigger()
    assert dump(db) == before
    assert window.controller.library_count() == 3
    window.actions_.redo.trigger()
    assert dump(db) == after
    undo.trigger()
    assert dump(db) == before


def test_cancel_changes_nothing_and_a_bad_file_is_one_plain_message(qtbot, db_path, tmp_path,
                                                                     bob, monkeypatch):
    alice_library(db_path).close()
    window = open_window(qtbot, db_path)
    before = dump(window.controller.db)
    choose(monkeypatch, bob)
    window.actions_.merge_library.trigger()
    qtbot.waitUntil(lambda: window.merges.dialog is not None and window.merges.dialog.isVisible())
    click(qtbot, window.merges.dialog.findChild(QPushButton, "cancelMergeButton"))
    qtbot.waitUntil(lambda: window.merges.dialog is None)
    assert dump(window.controller.db) == before
    assert window.controller.undo_stack.count() == 0

    bad = tmp_path / "<b>bold<b>.db"
    bad.write_text("not a library")
    choose(monkeypatch, bad)
    window.actions_.merge_library.trigger()

    def box():
        found = [w for w in window.findChildren(QMessageBox) if w.objectName() == "mergeErrorBox"
                 and w.isVisible()]
        return found[0] if found else None

    qtbot.waitUntil(lambda: box() is not None)
    assert box().text() == "<b>bold<b>.db: not an Analyst Reader library (not a SQLite database)"
    assert box().textFormat() == Qt.TextFormat.PlainText
    box().close()
    choose(monkeypatch, db_path)  # the library itself
    window.actions_.merge_library.trigger()
    qtbot.waitUntil(lambda: box() is not None and "open library itself" in box().text())
    assert dump(window.controller.db) == before
