"""Help (issue 14): a keyboard-shortcut sheet built from the window's own QActions (Help >
Keyboard Shortcuts, or `?` in the article), About with versions, and first steps over the
bundled sample the first time only. Through the real window."""

from __future__ import annotations

import platform
import sqlite3

import PySide6
from gui_helpers import open_window
from PySide6.QtCore import QSettings, Qt, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from reader_app import __version__
from reader_app.domain.models import ImportedArticle
from reader_app.gui.window.first_steps import SHOWN_KEY
from reader_app.storage.articles import add_article
from reader_app.storage.database import open_library


def _help_action(window, name):
    return window.findChild(QAction, name)


def _sheet_rows(window):
    window.findChild(QAction, "shortcutsAction").trigger()
    sheet = window.help.sheet
    assert sheet is not None and sheet.isVisible()
    table = sheet.table
    return [tuple(table.item(r, c).text() for c in range(3)) for r in range(table.rowCount())]


def test_help_is_the_last_menu(window):
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[-1] == "&Help"
    menu = window.help.menu
    assert [a.objectName() for a in menu.actions() if not a.isSeparator()] == [
        "shortcutsAction", "firstStepsAction", "aboutAction"]


def test_the_sheet_lists_the_windows_actual_shortcuts(window):
    rows = _sheet_rows(window)
    keys = {(what, k) for _, what, k in rows}
    assert ("Tag as Claim (in the article)", "C") in keys
    assert ("Tag as Actor (in the article)", "A") in keys
    assert ("Next Tag", "F8") in keys
    assert ("Accept Suggestion (in the article)", "Return / Enter") in keys
    assert ("Reject Suggestion (in the article)", "Backspace") in keys
    assert any(k == "Tab" for _, _, k in rows)
    assert any(k == "F3" for _, _, k in rows)
    assert any(k == "Ctrl+K" for _, _, k in rows)
    # every action of the window with a shortcut is there, with the key Qt shows for it
    for action in window.findChildren(QAction):
        if action.shortcut().isEmpty() or not action.text():
            continue
        shown = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        assert any(shown in k.split(" / ") for _, _, k in rows), action.objectName()
    assert ("Tag", "Tag as Claim (in the article)", "C") in rows  # sections are the menus


def test_a_new_shortcut_appears_without_being_listed_by_hand(window):
    _sheet_rows(window)  # opened once before the action exists
    extra = QAction("Frobnicate the Timeline", window)
    extra.setShortcut(QKeySequence("Ctrl+Alt+J"))
    window.addAction(extra)
    rows = _sheet_rows(window)
    assert ("Window", "Frobnicate the Timeline", "Ctrl+Alt+J") in rows


def test_question_mark_in_the_article_opens_the_sheet(qtbot, window):
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    QTest.keyClick(window.view, Qt.Key.Key_Question, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.help.sheet is not None and window.help.sheet.isVisible())


def test_about_names_the_versions(qtbot, window):
    _help_action(window, "aboutAction").trigger()
    about = window.help.about
    assert about is not None and about.isVisible()
    text = about.text()
    assert f"Analyst Reader {__version__}" in text
    assert f"Qt {qVersion()}" in text
    assert f"PySide6 {PySide6.__version__}" in text
    assert f"SQLite {sqlite3.sqlite_version}" in text
    assert f"Python {platform.python_version()}" in text
    for label in about.findChildren(type(about.versions)):
        assert label.textFormat() == Qt.TextFormat.PlainText


def test_first_steps_show_on_the_sample_once(qtbot, db_path):
    window = open_window(qtbot, db_path)  # a new library: the bundled sample opens
    steps = window.help.first_steps
    qtbot.waitUntil(steps.isVisible)
    assert "press C for a claim" in steps.body.text()
    assert steps.body.textFormat() == Qt.TextFormat.PlainText
    assert QSettings().value(SHOWN_KEY, False, type=bool)
    qtbot.mouseClick(steps.close_button, Qt.MouseButton.LeftButton)
    assert not steps.isVisible()
    window.close()
    again = open_window(qtbot, db_path)  # the second time: not shown by itself
    QApplication.processEvents()
    assert not again.help.first_steps.isVisible()
    _help_action(again, "firstStepsAction").trigger()  # but on demand
    assert again.help.first_steps.isVisible()


def test_first_steps_never_show_on_an_own_article(qtbot, db_path):
    db = open_library(db_path)
    try:
        add_article(db, ImportedArticle("Own", "An analyst's own article text.\n", "own.txt"))
    finally:
        db.close()
    window = open_window(qtbot, db_path)
    QApplication.processEvents()
    assert window.controller.current_article.title == "Own"
    assert not window.help.first_steps.isVisible()
    assert not QSettings().value(SHOWN_KEY, False, type=bool)
