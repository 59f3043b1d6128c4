"""The real main window end to end: widgets driven as an analyst would, then the database checked."""

from __future__ import annotations

import sqlite3

import pytest
from gui_helpers import select_quote, u16
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTableView,
    QTextBrowser,
    QToolBar,
)

from reader_app.app import create_window
from reader_app.domain.models import ImportedArticle, StyleSpan
from reader_app.formats.importers import read_article
from reader_app.gui.lists.annotation_model import QUOTE
from reader_app.storage.articles import add_article
from reader_app.storage.database import open_library

TAG_ACTIONS = {"claim": "tagClaimAction", "actor": "tagActorAction", "date": "tagDateAction"}
KEYS = {"claim": "c", "actor": "a", "date": "d"}


# -- helpers --------------------------------------------------------------------------


def stored_annotations(db_path) -> list[dict]:
    """Annotation rows joined with their article's text, read on a connection of our own."""
    conn = sqlite3.connect(db_path)
    conn.row_factory = sqlite3.Row
    try:
        rows = conn.execute(
            'SELECT n.id, n.uuid, n.kind, n.start, n."end", n.quote, a.text'
            " FROM annotations n JOIN articles a ON a.id = n.article_id ORDER BY n.id"
        ).fetchall()
        return [dict(r) for r in rows]
    finally:
        conn.close()


def assert_invariant(rows: list[dict]) -> None:
    for r in rows:
        assert r["text"][r["start"] : r["end"]] == r["quote"], r
        assert "\u2029" not in r["quote"]


def store_article(db_path, item: ImportedArticle) -> int:
    db = open_library(db_path)
    try:
        return add_article(db, item).article_id
    finally:
        db.close()


def show_stored(qtbot, window, article_id: int) -> None:
    """Announce an article stored behind the window's back (as an import does), open it
    by clicking its row in the library list."""
    window.controller.add_imported([article_id])
    table = window.findChild(QTableView, "libraryList")
    click_row(qtbot, table, row_of(table, article_id), 0)
    qtbot.waitUntil(lambda: window.controller.current_article.id == article_id, timeout=2000)


def row_ids(table: QTableView) -> list[int]:
    model = table.model()
    return [model.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(model.rowCount())]


def row_of(table: QTableView, item_id: int) -> int:
    return row_ids(table).index(item_id)


def click_row(qtbot, table: QTableView, row: int, column: int) -> None:
    rect = table.visualRect(table.model().index(row, column))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click_char(qtbot, window, i: int) -> None:
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=char_point(window, i))


def focus_view(qtbot, window) -> None:
    window.activateWindow()
    window.view.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(window.view.hasFocus, timeout=2000)


def char_point(window, i: int) -> QPoint:
    """Viewport point in the middle of code point i of the open article."""
    text = window.controller.current_article.text
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(u16(text, i))
    left = window.view.cursorRect(cursor)
    cursor.setPosition(u16(text, i + 1))
    right = window.view.cursorRect(cursor)
    return QPoint((left.center().x() + right.center().x()) // 2, left.center().y())


def tag_quote(qtbot, window, kind: str, quote: str, occurrence: int = 0) -> dict:
    """Tag through the keyboard shortcut; return the stored row."""
    before = {r["id"] for r in stored_annotations(window.db_path)}
    select_quote(window, quote, occurrence)
    focus_view(qtbot, window)
    qtbot.keyClick(window.view, KEYS[kind])
    new = [r for r in stored_annotations(window.db_path) if r["id"] not in before]
    assert len(new) == 1, f"tagging {quote!r} stored {len(new)} rows"
    return new[0]


def status_counts(window) -> str:
    return window.statusBar().findChild(QLabel, "statusCounts").text()


def annotation_rows(window) -> int:
    return window.findChild(QTableView, "annotationTable").model().rowCount()


# -- contract and first start ---------------------------------------------------------------


def test_object_names_are_a_public_contract(window, db_path):
    library = window.findChild(QTableView, "libraryList")
    conn = sqlite3.connect(db_path)
    assert row_ids(library) == [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]
    conn.close()
    assert window.findChild(QTextBrowser, "articleView") is window.view
    assert window.findChild(QTableView, "annotationTable") is not None
    for name in (*TAG_ACTIONS.values(), "deleteAnnotationAction", "undoAction", "redoAction",
                 "importAction", "exportCsvAction"):
        assert isinstance(window.findChild(QAction, name), QAction), name


def test_a_new_library_opens_the_sample_without_a_dialog(window):
    assert QApplication.activeModalWidget() is None
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert not [box for box in boxes if box.isVisible()]
    article = window.controller.current_article
    assert article is not None and article.published == "2024-03-13"
    assert window.view.document().toRawText().replace("\u2029", "\n") == article.text
    assert window.view.warning is None
    assert "13 March 2024" in window.header.meta_label.text()
    assert window.library_pane.selected_article_id() == article.id
    assert "1 article" in window.status_text


# -- tagging ------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["claim", "actor", "date"])
def test_tag_with_the_key(qtbot, window, kind):
    row = tag_quote(qtbot, window, kind, "Calderan")
    assert row["kind"] == kind and row["quote"] == "Calderan"
    assert_invariant([row])
    assert annotation_rows(window) == 1
    assert "1 tag in this article" in status_counts(window)


@pytest.mark.parametrize("kind", ["claim", "actor", "date"])
def test_tag_with_the_toolbar(qtbot, window, kind):
    i, j = select_quote(window, "Ostrovia")
    action = window.findChild(QAction, TAG_ACTIONS[kind])
    assert action.isEnabled()
    toolbar = window.findChild(QToolBar, "taggingToolbar")
    button = toolbar.widgetForAction(action)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    rows = stored_annotations(window.db_path)
    assert [(r["kind"], r["start"], r["end"], r["quote"]) for r in rows] == [
        (kind, i, j, "Ostrovia")
    ]
    assert annotation_rows(window) == 1
    assert "1 tag in this article" in status_counts(window)


def test_tag_actions_stay_enabled_and_say_what_to_do(window, db_path):
    actions = [window.findChild(QAction, n) for n in TAG_ACTIONS.values()]
    window.view.setTextCursor(QTextCursor(window.view.document()))
    assert all(a.isEnabled() for a in actions)  # pressed now, they say what to do
    actions[0].trigger()
    assert "Select some text" in window.statusBar().currentMessage()
    assert stored_annotations(db_path) == []
    select_quote(window, "Geneva")
    assert all(a.isEnabled() for a in actions)


def test_typing_in_the_note_editor_or_filter_box_does_not_tag(qtbot, window):
    tag_quote(qtbot, window, "claim", "Calderan")  # the editor is enabled for the new tag
    select_quote(window, "Geneva")  # a live selection the keys could wrongly tag
    note = window.findChild(QPlainTextEdit, "annotationNote")
    filter_box = window.findChild(QLineEdit, "libraryFilter")
    for widget in (note, filter_box):
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        qtbot.waitUntil(widget.hasFocus, timeout=2000)
        for key in "cad":
            qtbot.keyClick(widget, key)
    assert note.toPlainText() == "cad"
    assert filter_box.text() == "cad"
    assert len(stored_annotations(window.db_path)) == 1


# -- hard Unicode, each case on its own ----------------------------------------------------

HARD = [
    ("emoji", "Talks resumed 😀 and Kyiv agreed.", "Kyiv"),
    ("emoji_itself", "Talks resumed 😀 and Kyiv agreed.", "😀"),
    ("zwj_family", "A family 👨\u200d👩\u200d👧 left Mariupol today.", "Mariupol"),
    ("zwj_itself", "A family 👨\u200d👩\u200d👧 left Mariupol.", "👨\u200d👩\u200d👧"),
    ("flag", "Kyiv 🇺🇦 said Zelensky would travel.", "Zelensky"),
    ("cjk_ext_b", "The glyph 𠀀 appears before Beijing here.", "Beijing"),
    ("cjk_ext_b_itself", "The glyph 𠀀 appears before Beijing here.", "𠀀"),
    ("combining", "The cafe\u0301 owner met Mayor Klitschko.", "Klitschko"),
    ("combining_itself", "The cafe\u0301 owner met Mayor Klitschko.", "cafe\u0301"),
    ("nbsp", "About 10\u00a0000 troops moved north.", "10\u00a0000 troops"),
    ("rtl_hebrew", "The minister said שלום עולם to reporters.", "עולם"),
    ("rtl_arabic", "He wrote مرحبا بكم in the letter.", "بكم"),
    ("tab", "Name:\tOlena Kovalenko\tspokesperson", "Olena Kovalenko"),
    ("cyrillic", "Зеленський сказав у Києві, що переговори тривають.", "Києві"),
    ("multi_line", "First paragraph ends here.\n\nSecond one starts here.", "here.\n\nSecond"),
]


@pytest.mark.parametrize("text, quote", [h[1:] for h in HARD], ids=[h[0] for h in HARD])
def test_hard_unicode_selection_is_stored_in_code_points(qtbot, window, text, quote):
    article_id = store_article(window.db_path, ImportedArticle("Hard case", text, "hard.txt"))
    show_stored(qtbot, window, article_id)
    assert window.view.warning is None
    row = tag_quote(qtbot, window, "claim", quote)
    start = text.index(quote)
    assert (row["start"], row["end"]) == (start, start + len(quote))
    assert row["quote"] == quote
    assert_invariant([row])


def test_markdown_article_offsets_index_the_rendered_text(qtbot, window, tmp_path):
    source = tmp_path / "briefing.md"
    source.write_text(
        "# Ceasefire briefing\n\n"
        "The **foreign minister** said the [talks](https://example.org/talks) would resume "
        "on *Thursday* in Geneva.\n\n"
        "## Reactions\n\n"
        "- Kyiv welcomed **the plan**.\n- Moscow said nothing.\n",
        encoding="utf-8",
    )
    imported = read_article(source)
    assert imported.content_type == "markdown" and "**" not in imported.text
    article_id = store_article(window.db_path, imported)
    show_stored(qtbot, window, article_id)
    assert window.view.warning is None
    rendered = window.controller.current_article.text
    spans = [
        ("actor", "foreign minister"),  # bold
        ("date", "Thursday"),  # italic
        ("claim", "talks would resume on Thursday in Geneva"),  # across a link and italics
        ("claim", "Kyiv welcomed the plan"),  # a list item after a heading
    ]
    for kind, quote in spans:
        r = tag_quote(qtbot, window, kind, quote)
        assert r["text"] == rendered
        assert (r["start"], r["end"]) == (rendered.index(quote), rendered.index(quote) + len(quote))
    assert_invariant(stored_annotations(window.db_path))


# -- highlights, the panel, delete and undo ---------------------------------------------------


def test_clicking_a_highlight_selects_its_row(qtbot, window):
    row = tag_quote(qtbot, window, "actor", "Rostenko")
    window.view.setTextCursor(QTextCursor(window.view.document()))  # clear the selection
    table = window.findChild(QTableView, "annotationTable")
    table.clearSelection()
    table.setCurrentIndex(table.model().index(-1, -1))
    window.view.select_span(row["start"], row["start"])  # scroll it into view
    click_char(qtbot, window, row["start"] + 2)
    assert table.currentIndex().isValid()
    assert table.currentIndex().data(Qt.ItemDataRole.UserRole) == row["id"]
    assert window.annotation_panel.selected_annotation_id() == row["id"]
    assert window.findChild(QAction, "deleteAnnotationAction").isEnabled()


def test_selecting_a_row_reveals_the_span(qtbot, window):
    text = window.controller.current_article.text
    far = text.rindex("Calderan")  # near the end: off screen at the top
    row = tag_quote(qtbot, window, "actor", "Calderan", occurrence=text.count("Calderan") - 1)
    assert row["start"] == far
    tag_quote(qtbot, window, "actor", "Varna")
    window.view.verticalScrollBar().setValue(0)
    table = window.findChild(QTableView, "annotationTable")
    click_row(qtbot, table, row_of(table, row["id"]), QUOTE)
    assert window.annotation_panel.selected_annotation_id() == row["id"]
    assert window.view.verticalScrollBar().value() > 0
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(u16(text, far))
    assert window.view.viewport().rect().contains(window.view.cursorRect(cursor).center())


def test_delete_key_undo_restores_the_same_uuid_and_redo_deletes_again(qtbot, window, db_path):
    row = tag_quote(qtbot, window, "claim", "holding a whole valley hostage")
    window.view.select_span(row["start"], row["start"])
    click_char(qtbot, window, row["start"] + 3)
    assert window.annotation_panel.selected_annotation_id() == row["id"]
    focus_view(qtbot, window)
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert stored_annotations(db_path) == []
    assert annotation_rows(window) == 0
    assert window.view.highlighted_ids(0, len(row["text"])) == []

    edit_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    undo_in_menu = next(a for a in edit_menu.actions() if a.objectName() == "undoAction")
    assert "Delete claim" in undo_in_menu.text() and "holding a whole valley" in undo_in_menu.text()

    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    back = stored_annotations(db_path)
    assert [(r["id"], r["uuid"], r["start"], r["end"]) for r in back] == [
        (row["id"], row["uuid"], row["start"], row["end"])
    ]
    assert window.view.highlighted_ids(row["start"], row["end"]) == [row["id"]]
    assert annotation_rows(window) == 1

    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.view, Qt.Key.Key_Z, ctrl_shift)
    assert stored_annotations(db_path) == []
    assert annotation_rows(window) == 0


def test_delete_from_the_table_and_the_action(qtbot, window, db_path):
    first = tag_quote(qtbot, window, "actor", "Calderan")
    second = tag_quote(qtbot, window, "actor", "Ostrovia")
    delete = window.findChild(QAction, "deleteAnnotationAction")
    assert delete.isEnabled()  # the fresh tag is the one selected in the panel
    table = window.findChild(QTableView, "annotationTable")
    window.annotation_panel.select_annotation(first["id"])
    table.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(table.hasFocus, timeout=2000)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert [r["id"] for r in stored_annotations(db_path)] == [second["id"]]
    window.annotation_panel.select_annotation(second["id"])
    delete.trigger()
    assert stored_annotations(db_path) == []
    assert window.annotation_panel.selected_annotation_id() is None  # nothing selected now
    delete.trigger()  # still enabled: it says what to do
    assert "No tag is selected" in window.statusBar().currentMessage()
    window.findChild(QAction, "undoAction").trigger()
    assert [r["uuid"] for r in stored_annotations(db_path)] == [second["uuid"]]


def test_toolbar_undo_button_stays_short_while_the_menu_names_the_command(qtbot, window):
    tag_quote(qtbot, window, "claim", "holding a whole valley hostage")
    undo = window.findChild(QAction, "undoAction")
    assert "Tag claim" in undo.text()
    button = window.findChild(QToolBar, "taggingToolbar").widgetForAction(undo)
    assert button.text() == "Undo"
    assert "Tag claim" in button.toolTip()


def test_view_context_menu_has_copy_tags_and_delete_for_a_highlight(qtbot, window, db_path):
    row = tag_quote(qtbot, window, "claim", "Talks over the disputed Varna Dam")
    window.view.select_span(row["start"], row["start"])
    select_quote(window, "Geneva")
    menu = window.build_view_context_menu(char_point(window, row["start"] + 2))
    names = [a.objectName() for a in menu.actions()]
    texts = [a.text() for a in menu.actions()]
    assert any(t.replace("&", "").startswith("Copy") for t in texts)
    assert any(t.replace("&", "").startswith("Select All") for t in texts)
    for name in TAG_ACTIONS.values():
        assert name in names
    delete = next(a for a in menu.actions() if a.objectName() == "deleteClickedTagAction")
    assert delete.text() == "Delete claim “Talks over the disputed Varna…”"
    empty = window.build_view_context_menu(QPoint(2, 2))  # the margin: no highlight there
    assert "deleteClickedTagAction" not in [a.objectName() for a in empty.actions()]
    next(a for a in menu.actions() if a.objectName() == "tagDateAction").trigger()
    assert [r["kind"] for r in stored_annotations(db_path)] == ["claim", "date"]
    delete.trigger()
    assert [r["kind"] for r in stored_annotations(db_path)] == ["date"]
    for m in (menu, empty):
        m.deleteLater()


def test_right_click_on_a_highlight_selects_it_and_pops_up_the_menu(qtbot, window):
    row = tag_quote(qtbot, window, "actor", "Geneva")
    tag_quote(qtbot, window, "actor", "Calderan")  # now the selected one
    window.view.select_span(row["start"], row["start"])
    window.view.customContextMenuRequested.emit(char_point(window, row["start"] + 1))
    menus = [m for m in window.view.findChildren(QMenu) if m.isVisible()]
    assert len(menus) == 1
    names = [a.objectName() for a in menus[0].actions()]
    assert "tagClaimAction" in names and "deleteClickedTagAction" in names
    assert window.annotation_panel.selected_annotation_id() == row["id"]
    menus[0].close()


# -- persistence ---------------------------------------------------------------------------


def test_tags_splitter_and_last_article_persist(qtbot, window, db_path):
    second = store_article(db_path, ImportedArticle("Second", "Kyiv said talks ended.", "two.txt"))
    show_stored(qtbot, window, second)
    row = tag_quote(qtbot, window, "actor", "Kyiv")
    window.splitter.setSizes([250, 800, 390])
    sizes = window.splitter.sizes()
    window.close()

    again = create_window(db_path)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.controller.current_article.id == second
    assert [a.uuid for a in again.controller.annotations()] == [row["uuid"]]
    assert again.view.highlighted_ids(row["start"], row["end"]) == [row["id"]]
    assert annotation_rows(again) == 1
    assert again.splitter.sizes() == sizes


# -- links -----------------------------------------------------------------------------------

LINK_TEXT = "Read the report online or the local copy today."


@pytest.fixture
def linked(qtbot, window):
    web, local = LINK_TEXT.index("report online"), LINK_TEXT.index("local copy")
    styles = (
        StyleSpan(web, web + len("report online"), "link", "https://example.org/report"),
        StyleSpan(local, local + len("local copy"), "link", "file:///etc/passwd"),
    )
    item = ImportedArticle("Links", LINK_TEXT, "links.md", content_type="markdown", styles=styles)
    show_stored(qtbot, window, store_article(window.db_path, item))
    return window


@pytest.fixture
def browser_calls(monkeypatch):
    calls = {"question": [], "open": []}
    answer = {"value": QMessageBox.StandardButton.No}

    def question(*args, **kwargs):
        calls["question"].append(args)
        return answer["value"]

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    def open_url(url):
        calls["open"].append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))
    calls["answer"] = answer
    return calls


def test_links_never_replace_the_article(qtbot, linked, browser_calls):
    window = linked
    doc, source = window.view.document(), window.view.source()
    for quote in ("report online", "local copy"):
        start = LINK_TEXT.index(quote)
        click_char(qtbot, window, start + 2)
    window.view.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert window.view.document() is doc and window.view.source() == source
    assert window.view.document().toRawText().replace("\u2029", "\n") == LINK_TEXT
    assert len(browser_calls["question"]) == 1  # the http link only; file: is ignored
    assert browser_calls["open"] == []


def test_http_link_opens_after_confirmation(qtbot, linked, browser_calls):
    browser_calls["answer"]["value"] = QMessageBox.StandardButton.Yes
    start = LINK_TEXT.index("report online")
    click_char(qtbot, linked, start + 2)
    linked.view.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert browser_calls["open"] == [QUrl("https://example.org/report")]
    assert linked.view.document().toRawText().replace("\u2029", "\n") == LINK_TEXT
