"""Suggestions in the real window: shown after import and after tagging, walked with Tab
and Shift+Tab, accepted with Enter, rejected with Backspace, accepted all at once, undone;
the library is checked afterwards on a connection of the test's own."""

from __future__ import annotations

import sqlite3

import pytest
from gui_helpers import tag_in_window
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QGroupBox, QLabel, QPlainTextEdit, QPushButton, QTableView

from reader_app.domain.models import ImportedArticle
from reader_app.storage.articles import add_article
from reader_app.storage.database import open_library

# An original story: a union leader named three times, a port, two dates, a quotation.
STRIKE = (
    "date 2024-03-12\n"
    "Dockers in Velmora end their strike\n\n"
    "VELMORA — The dock union's leader, Marta Ilves, said on Monday that the strike was over. "
    "Ilves told reporters that the port of Velmora would reopen on 15 March.\n\n"
    "“We have won what we asked for,” Ilves said after the vote. Officials in Washington "
    "welcomed the news.\n"
)


def stored(db_path, sql: str, *args) -> list[tuple]:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def store(db_path, title: str, text: str, published: str | None = "2024-03-12") -> int:
    db = open_library(db_path)
    try:
        return add_article(db, ImportedArticle(title, text, "story.txt",
                                               published=published)).article_id
    finally:
        db.close()


def settled(qtbot, window) -> list:
    """The open article's suggestions once computed (they are computed off the GUI thread)."""
    qtbot.waitUntil(lambda: not window.controller.suggestions_pending, timeout=10_000)
    return window.controller.suggestions


def open_story(qtbot, window, text: str = STRIKE[16:], title: str = "Dockers end strike") -> int:
    article_id = store(window.db_path, title, text)
    window.controller.add_imported([article_id])
    window.controller.open_article(article_id)
    settled(qtbot, window)
    return article_id


def focus_view(qtbot, window) -> None:
    window.activateWindow()
    window.view.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(window.view.hasFocus, timeout=2000)


def caret_to_start(window) -> None:
    cursor = window.view.textCursor()
    cursor.setPosition(0)
    window.view.setTextCursor(cursor)


def suggestion_list(window) -> QTableView:
    return window.findChild(QTableView, "suggestionList")


def counts_label(window) -> str:
    return window.statusBar().findChild(QLabel, "statusCounts").text()


def walk_to(qtbot, window, quote: str, kind: str = "actor"):
    """Tab from the start of the text until the current suggestion is quote (as kind)."""
    caret_to_start(window)
    focus_view(qtbot, window)
    flow = window.suggestion_flow
    for _ in range(len(window.controller.suggestions)):
        qtbot.keyClick(window.view, Qt.Key.Key_Tab)
        if flow.current is not None and (flow.current.quote, flow.current.kind) == (quote, kind):
            return flow.current
    raise AssertionError(f"{quote!r} is not suggested as {kind}")


@pytest.fixture
def strike(qtbot, window):
    """The strike story open, with one mention of Ilves tagged as an actor in the window."""
    open_story(qtbot, window)
    tag_id = tag_in_window(window, "actor", "Ilves", occurrence=1)  # "Ilves told"
    settled(qtbot, window)
    return tag_id


# -- shown --------------------------------------------------------------------------------


def test_an_imported_article_gets_suggestions_and_a_tag_suggests_its_other_mentions(
        qtbot, window, tmp_path):
    path = tmp_path / "strike.txt"
    path.write_text(STRIKE, encoding="utf-8")
    with qtbot.waitSignal(window.imports.import_finished, timeout=10_000):
        window.import_files([str(path)])
    (article_id,) = [r[0] for r in stored(window.db_path, "SELECT id FROM articles WHERE source = ?",
                                          "strike.txt")]
    window.controller.open_article(article_id)
    before = settled(qtbot, window)
    assert any(s.kind == "date" for s in before)  # the dates are suggested from the start
    text = window.controller.current_article.text
    assert all(text[s.start:s.end] == s.quote for s in before)

    tag_id = tag_in_window(window, "actor", "Ilves", occurrence=1)  # "Ilves told"
    (actor_id,) = stored(window.db_path, "SELECT actor_id FROM annotations WHERE id = ?", tag_id)[0]
    found = settled(qtbot, window)
    ilves = [s for s in found if s.kind == "actor" and s.quote == "Ilves"]
    # the two mentions not tagged ("Marta Ilves", "Ilves said")
    assert [s.start for s in ilves] == [text.index("Ilves,"), text.index("Ilves said")]
    assert ilves[0].actor_id == actor_id
    # the list, its group's title and the status bar count agree
    table = suggestion_list(window)
    assert table.model().rowCount() == len(found)
    quotes = [table.model().index(r, 1).data() for r in range(table.model().rowCount())]
    assert quotes == [s.quote for s in found]
    assert window.findChild(QGroupBox, "suggestionBox").title() == f"Suggested ({len(found)})"
    assert f"{len(found)} suggestion" in counts_label(window)


# -- Enter, Backspace ---------------------------------------------------------------------


def test_enter_accepts_the_current_suggestion_as_an_ordinary_tag(qtbot, window, strike):
    (actor_id,) = stored(window.db_path, "SELECT actor_id FROM annotations WHERE id = ?", strike)[0]
    current = walk_to(qtbot, window, "Ilves")
    following = window.controller.suggestions[window.controller.suggestions.index(current) + 1]
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    rows = stored(window.db_path, 'SELECT kind, actor_id, quote FROM annotations'
                  ' WHERE start = ? AND "end" = ?', current.start, current.end)
    assert rows == [("actor", actor_id, "Ilves")]
    assert window.suggestion_flow.current == following  # the next one is current at once
    assert window.controller.undo_stack.undoText() == "Accept actor “Ilves”"
    found = settled(qtbot, window)
    assert current.key not in {s.key for s in found}
    assert window.suggestion_flow.current.key == following.key
    # the tag table shows the new tag like any other
    assert window.annotation_panel.model.rowCount() == 2
    # one undo step: the tag goes and the suggestion is back; redo: the same row again
    made = stored(window.db_path, 'SELECT id, uuid FROM annotations WHERE start = ?', current.start)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not stored(window.db_path, 'SELECT id FROM annotations WHERE start = ?', current.start)
    assert current.key in {s.key for s in settled(qtbot, window)}
    qtbot.keyClick(window.view, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert stored(window.db_path, 'SELECT id, uuid FROM annotations WHERE start = ?',
                  current.start) == made


def test_the_accept_button_accepts_too(qtbot, window, strike):
    current = walk_to(qtbot, window, "Ilves")
    button = window.findChild(QPushButton, "acceptSuggestion")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert stored(window.db_path, 'SELECT count(*) FROM annotations WHERE start = ? AND kind = ?',
                  current.start, "actor") == [(1,)]


def test_an_accept_removes_its_row_and_outline_at_once_and_nothing_else(qtbot, window, strike):
    """A tag drops the suggestions it covers one by one (no reset of the list, no new
    outlines): a 1 MB article has thousands, and each tag would pay for all of them."""
    current = walk_to(qtbot, window, "Ilves")
    model, layer = suggestion_list(window).model(), window.view._layer
    before = list(window.controller.suggestions)
    resets, removed = [], []
    model.modelReset.connect(lambda: resets.append(True))
    model.rowsRemoved.connect(lambda _parent, first, last: removed.append((first, last)))
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert window.controller.suggestions_pending  # computed again later, off this thread
    row = before.index(current)
    assert (resets, removed) == ([], [(row, row)])
    left = [s for s in before if s != current]
    assert window.controller.suggestions == left
    assert [model.index(r, 1).data() for r in range(model.rowCount())] == [s.quote for s in left]
    assert len(layer.suggested) == len(left)
    assert (current.start, current.end) not in {(s[0], s[1]) for s in
                                                layer.suggested.overlapping(0, 10**6)}
    assert window.findChild(QGroupBox, "suggestionBox").title() == f"Suggested ({len(left)}) …"
    assert f"{len(left)} suggestion" in counts_label(window)
    assert window.suggestion_flow.current == before[row + 1]  # the next one, as always
    assert {s.key for s in settled(qtbot, window)} == {s.key for s in left}


def test_backspace_rejects_and_the_span_stays_unsuggested_after_reopening(qtbot, window, strike):
    current = walk_to(qtbot, window, "Ilves")
    qtbot.keyClick(window.view, Qt.Key.Key_Backspace)
    assert stored(window.db_path, 'SELECT kind, start, "end", quote FROM rejections') == [
        ("actor", current.start, current.end, "Ilves")]
    assert not stored(window.db_path, "SELECT id FROM annotations WHERE start = ?", current.start)
    assert current.key not in {s.key for s in settled(qtbot, window)}
    article_id = window.controller.current_article.id
    window.controller.close_article()
    window.controller.open_article(article_id)
    assert current.key not in {s.key for s in settled(qtbot, window)}


def test_undoing_a_reject_shows_the_suggestion_again(qtbot, window, strike):
    current = walk_to(qtbot, window, "Ilves")
    qtbot.keyClick(window.view, Qt.Key.Key_Backspace)
    assert current.key not in {s.key for s in settled(qtbot, window)}
    assert window.controller.undo_stack.undoText() == "Reject actor “Ilves”"
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not stored(window.db_path, "SELECT id FROM rejections")
    assert current.key in {s.key for s in settled(qtbot, window)}
    qtbot.keyClick(window.view, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(stored(window.db_path, "SELECT id FROM rejections")) == 1
    assert current.key not in {s.key for s in settled(qtbot, window)}


def test_the_keys_work_in_the_suggestion_list(qtbot, window, strike):
    table = suggestion_list(window)
    table.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(table.hasFocus, timeout=2000)
    found = window.controller.suggestions
    flow = window.suggestion_flow
    if flow.current is None:  # Qt makes the first row current when the list takes focus
        qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert flow.current == found[0]
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert flow.current == found[1]
    assert table.currentIndex().row() == 1 and table.hasFocus()
    qtbot.keyClick(table, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert flow.current == found[0] and table.hasFocus()
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    second = found[1]
    qtbot.keyClick(table, Qt.Key.Key_Backspace)
    assert stored(window.db_path, 'SELECT kind, start FROM rejections') == [(second.kind, second.start)]
    third = flow.current
    assert third == found[2]
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert stored(window.db_path, "SELECT kind FROM annotations WHERE start = ? AND kind = ?",
                  third.start, third.kind) == [(third.kind,)]
    assert table.hasFocus()


# -- Tab, Shift+Tab -----------------------------------------------------------------------


def test_tab_and_shift_tab_walk_in_text_order_and_reveal(qtbot, window):
    paragraph = ("Officials in Washington said on Monday that talks with London would resume. "
                 "Nothing else was agreed, and the ministers left without a statement.\n\n")
    open_story(qtbot, window, "Talks go on\n\n" + paragraph * 40)
    window.resize(1200, 600)
    found = window.controller.suggestions
    assert len(found) >= 80
    caret_to_start(window)
    focus_view(qtbot, window)
    flow, table, bar = window.suggestion_flow, suggestion_list(window), window.view.verticalScrollBar()
    seen = []
    for n in range(len(found)):
        qtbot.keyClick(window.view, Qt.Key.Key_Tab)
        assert window.view.hasFocus()  # Tab walks; it does not leave the view
        seen.append(flow.current)
        assert table.currentIndex().row() == n
        assert window.view.selected_span() == (flow.current.start, flow.current.end)
    assert seen == found  # every one, in text order
    assert bar.value() > 0  # the last ones lie far down: the view scrolled to them
    rect = window.view.cursorRect()
    assert window.view.viewport().rect().contains(rect.center())
    qtbot.keyClick(window.view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert flow.current == found[-2] and window.view.hasFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)  # past the last: round to the first
    assert flow.current == found[0]
    assert window.view.viewport().rect().contains(window.view.cursorRect().center())


def test_tab_moves_focus_as_usual_when_nothing_is_suggested(qtbot, window):
    open_story(qtbot, window, "Quiet day\n\nnothing at all happened here.")
    assert window.controller.suggestions == []
    focus_view(qtbot, window)
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    assert not window.view.hasFocus()


# -- accept all, undo ---------------------------------------------------------------------


def test_accept_all_actors_is_one_undo_step_and_redo_brings_back_the_same_ids(
        qtbot, window, strike):
    actors = [s for s in window.controller.suggestions if s.kind == "actor"]
    assert len(actors) >= 2
    others = [s for s in window.controller.suggestions if s.kind != "actor"]
    depth = window.controller.undo_stack.count()
    window.findChild(QAction, "acceptAllActorsAction").trigger()
    assert window.controller.undo_stack.count() == depth + 1
    spans = {(s.start, s.end) for s in actors}
    made = stored(window.db_path, 'SELECT id, uuid, start, "end" FROM annotations'
                  " WHERE kind = 'actor' AND id != ? ORDER BY id", strike)
    assert {(r[2], r[3]) for r in made} == spans
    left = settled(qtbot, window)
    assert not [s for s in left if s.kind == "actor"]
    assert {s.key for s in others} <= {s.key for s in left}
    focus_view(qtbot, window)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(window.db_path, "SELECT id FROM annotations") == [(strike,)]
    assert {s.key for s in actors} <= {s.key for s in settled(qtbot, window)}
    qtbot.keyClick(window.view, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    again = stored(window.db_path, 'SELECT id, uuid, start, "end" FROM annotations'
                   " WHERE kind = 'actor' AND id != ? ORDER BY id", strike)
    assert again == made


def test_accept_all_dates_stores_their_values(qtbot, window, strike):
    dates = [s for s in window.controller.suggestions if s.kind == "date"]
    assert dates
    window.findChild(QAction, "acceptAllDatesAction").trigger()
    rows = stored(window.db_path, "SELECT start, value FROM annotations WHERE kind = 'date'"
                  " ORDER BY start")
    assert rows == [(s.start, s.value) for s in dates]
    assert window.controller.undo_stack.undoText() == f"Accept {len(dates)} suggested date" + (
        "s" if len(dates) != 1 else "")


# -- plain text, status, state names ------------------------------------------------------


def test_markup_in_a_title_and_a_quote_is_shown_literally(qtbot, window):
    text = ("Officials in <b>Washington</b> spoke\n\n“We <i>will</i> return,” Ilves "
            "said in Washington on Monday.\n")
    open_story(qtbot, window, text, title="<b>Envoy</b> <img src=x> speaks")
    found = window.controller.suggestions
    table = suggestion_list(window)
    cells = {table.model().index(r, 1).data() for r in range(table.model().rowCount())}
    marked = [s.quote for s in found if "<i>" in s.quote]
    assert marked and marked[0] in cells  # the quote as written, tags and all
    assert "<b>Envoy</b>" in window.findChild(QLabel, "articleTitle").text()
    label = window.statusBar().findChild(QLabel, "statusCounts")
    assert label.textFormat() == Qt.TextFormat.PlainText


def test_the_status_bar_counts_suggestions(qtbot, window, strike):
    n = len(window.controller.suggestions)
    assert f"{n} suggestions" in counts_label(window)
    current = walk_to(qtbot, window, "Ilves")
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert current.key not in {s.key for s in settled(qtbot, window)}
    assert f"{len(window.controller.suggestions)} suggestion" in counts_label(window)


def test_state_names_edit_refuses_a_bad_row_then_saves_and_suggests(qtbot, window):
    open_story(qtbot, window, "Envoys meet\n\nThe envoy of Fredonia met officials in Freedon.\n")
    assert "Freedon" not in {s.quote for s in window.controller.suggestions}
    window.findChild(QAction, "stateNamesAction").trigger()
    dialog = window.findChild(QPlainTextEdit, "stateNamesText").window()
    editor = dialog.findChild(QPlainTextEdit, "stateNamesText")
    assert "United States" in editor.toPlainText()
    editor.setPlainText(editor.toPlainText() + "Nowhere,\n")
    qtbot.mouseClick(dialog.findChild(QPushButton, "saveStateNames"), Qt.MouseButton.LeftButton)
    message = dialog.findChild(QLabel, "stateNamesMessage")
    assert dialog.isVisible() and "row" in message.text()
    assert not stored(window.db_path, "SELECT * FROM state_names")
    editor.setPlainText(editor.toPlainText().replace("Nowhere,\n", "Fredonia,state,Freedon\n"))
    qtbot.mouseClick(dialog.findChild(QPushButton, "saveStateNames"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    found = settled(qtbot, window)
    assert [s.stores() for s in found if s.quote == "Freedon"] == ["Fredonia (new actor)"]


def test_a_read_only_library_walks_suggestions_but_keeps_them(qtbot, db_path, monkeypatch):
    from gui_helpers import open_window

    import reader_app.gui.controller as controller_module
    from reader_app.gui.window.main_window import MainWindow

    open_window(qtbot, db_path).close()  # a library with the sample article
    article_id = store(db_path, "Dockers end strike", STRIKE[16:])
    monkeypatch.setattr(controller_module, "open_library",
                        lambda path: open_library(path, read_only=True))
    window = MainWindow(db_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.controller.open_article(article_id)
    found = settled(qtbot, window)
    assert found
    caret_to_start(window)
    focus_view(qtbot, window)
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    assert window.suggestion_flow.current == found[0]
    assert not window.findChild(QAction, "acceptSuggestionAction").isEnabled()
    assert not window.findChild(QPushButton, "acceptSuggestion").isEnabled()
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    qtbot.keyClick(window.view, Qt.Key.Key_Backspace)
    assert not stored(db_path, "SELECT id FROM annotations WHERE article_id = ?", article_id)
    assert not stored(db_path, "SELECT id FROM rejections")


def test_clicking_a_suggested_span_makes_it_current(qtbot, window, strike):
    from gui_helpers import u16
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QTextCursor

    found = window.controller.suggestions
    target = next(s for s in found if s.kind == "actor" and s.quote == "Ilves")
    text = window.controller.current_article.text
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(u16(text, target.start + 2))
    left = window.view.cursorRect(cursor)
    point = QPoint(left.center().x() + 2, left.center().y())
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.suggestion_flow.current == target
    table = suggestion_list(window)
    assert table.currentIndex().row() == found.index(target)
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert stored(window.db_path, "SELECT quote FROM annotations WHERE start = ?",
                  target.start) == [("Ilves",)]
