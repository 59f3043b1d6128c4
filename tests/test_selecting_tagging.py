"""Selecting and tagging through the real window (issue 14): double-click, re-drag after
an undo, sloppy edges, the actions with nothing selected, a date inside a claim, the
context menu over overlapping tags and the panel's selection after undo. Mouse events
on the reading widget's viewport where it is about the mouse; the library checked after."""

from __future__ import annotations

import json
import sqlite3

import pytest
from gui_helpers import select, u16
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QComboBox, QTableView

from reader_app.cli import main
from reader_app.domain.models import ImportedArticle, StyleSpan
from reader_app.storage.articles import add_article
from reader_app.storage.database import open_library

STORY = (
    "date 2022-02-10\n"
    "ODESA (Wirewatch) - Spokeswoman Ganna Malyar said the convoy did not appear near the"
    " port on 10 February or on 11 February, officials added.\n"
    "Harbour master Petro Lysenko & Sons said, “The cranes will run again by spring.”\n"
)
LEFT = Qt.MouseButton.LeftButton


# -- helpers ---------------------------------------------------------------------------------


def rows(db_path) -> list[dict]:
    conn = sqlite3.connect(db_path)
    conn.row_factory = sqlite3.Row
    try:
        found = conn.execute(
            'SELECT n.id, n.kind, n.start, n."end", n.quote, n.claim_date,'
            " n.claim_date_annotation_id, a.text FROM annotations n"
            " JOIN articles a ON a.id = n.article_id ORDER BY n.id").fetchall()
        return [dict(r) for r in found]
    finally:
        conn.close()


def fits(found: list[dict]) -> None:
    for r in found:
        assert r["text"][r["start"]:r["end"]] == r["quote"], r


@pytest.fixture
def story(qtbot, window):
    """The window with STORY open (the bundled sample is the first article)."""
    db = open_library(window.db_path)
    try:
        article_id = add_article(db, ImportedArticle("Odesa", STORY, "odesa.txt", "2022-02-10")).article_id
    finally:
        db.close()
    window.controller.add_imported([article_id])
    window.controller.open_article(article_id)
    qtbot.waitUntil(lambda: window.controller.spans_complete)
    window.view.verticalScrollBar().setValue(0)
    return window


def caret_point(window, i: int) -> QPoint:
    """Viewport point of the caret before code point i (a press there puts it at i)."""
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(u16(window.controller.current_article.text, i))
    return window.view.cursorRect(cursor).center()


def middle_of(window, i: int) -> QPoint:
    a, b = caret_point(window, i), caret_point(window, i + 1)
    return QPoint((a.x() + b.x()) // 2, a.y())


def drag(qtbot, window, start: int, end: int) -> None:
    """Press before code point start, move, release before end: a mouse selection."""
    viewport = window.view.viewport()
    a, b = caret_point(window, start), caret_point(window, end)
    qtbot.mousePress(viewport, LEFT, pos=a)
    qtbot.mouseMove(viewport, QPoint((a.x() + b.x()) // 2, a.y()))
    qtbot.mouseMove(viewport, b)
    qtbot.mouseRelease(viewport, LEFT, pos=b)


def focus(qtbot, window) -> None:
    window.activateWindow()
    window.view.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(window.view.hasFocus, timeout=2000)


def key(qtbot, window, k, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(window.view, k, modifier)


def undo(qtbot, window) -> None:
    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def redo(qtbot, window) -> None:
    key(qtbot, window, Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def tag_text(qtbot, window, kind: str, quote: str, occurrence: int = 0) -> dict:
    """Select the quote (through the cursor) and press the kind's key; the new row."""
    i = -1
    for _ in range(occurrence + 1):
        i = STORY.index(quote, i + 1)
    before = {r["id"] for r in rows(window.db_path)}
    select(window, i, i + len(quote))
    focus(qtbot, window)
    key(qtbot, window, kind[0])
    (new,) = [r for r in rows(window.db_path) if r["id"] not in before]
    return new


def message(window) -> str:
    return window.statusBar().currentMessage()


# -- 1. a double-click selects the word, inside a claim too ----------------------------------


def test_double_click_inside_a_claim_selects_the_word_and_d_tags_it(qtbot, story):
    window = story
    claim = tag_text(qtbot, window, "claim", "the convoy did not appear near the port on 10")
    i = STORY.index("February")  # the first one, outside the claim's end: inside is "port"
    j = STORY.index("port")
    assert claim["start"] < j < claim["end"]
    qtbot.mouseDClick(window.view.viewport(), LEFT, pos=middle_of(window, j + 1))
    qtbot.mouseRelease(window.view.viewport(), LEFT, pos=middle_of(window, j + 1))
    assert window.view.selected_span() == (j, j + 4)
    assert window.view.hasFocus()  # not the tag editor: the keys go to the article
    key(qtbot, window, "a")
    new = rows(window.db_path)[-1]
    assert (new["kind"], new["quote"], new["start"]) == ("actor", "port", j)
    qtbot.mouseDClick(window.view.viewport(), LEFT, pos=middle_of(window, i + 2))
    qtbot.mouseRelease(window.view.viewport(), LEFT, pos=middle_of(window, i + 2))
    key(qtbot, window, "d")
    assert rows(window.db_path)[-1]["quote"] == "February"
    fits(rows(window.db_path))


# -- 2. a press inside a selection starts a new one ------------------------------------------


def test_redrag_after_undo_tags_exactly_the_second_span(qtbot, story):
    window = story
    name = STORY.index("Ganna Malyar")
    focus(qtbot, window)
    drag(qtbot, window, name, name + len("Ganna Malyar"))
    key(qtbot, window, "a")
    assert [r["quote"] for r in rows(window.db_path)] == ["Ganna Malyar"]
    undo(qtbot, window)
    assert rows(window.db_path) == []
    assert window.view.textCursor().hasSelection()  # the old selection is still there
    # press inside it (on "Malyar") and drag over a different span
    second = STORY.index("Malyar said the convoy")
    drag(qtbot, window, second, second + len("Malyar said the convoy"))
    key(qtbot, window, "c")
    (row,) = rows(window.db_path)
    assert (row["kind"], row["quote"]) == ("claim", "Malyar said the convoy")
    assert (row["start"], row["end"]) == (second, second + len("Malyar said the convoy"))
    fits([row])


def test_a_click_inside_a_selection_leaves_no_selection(qtbot, story):
    window = story
    name = STORY.index("Ganna Malyar")
    drag(qtbot, window, name, name + len("Ganna Malyar"))
    assert window.view.selected_span() == (name, name + len("Ganna Malyar"))
    qtbot.mouseClick(window.view.viewport(), LEFT, pos=middle_of(window, name + 3))
    assert window.view.selected_span() is None


# -- 3. sloppy edges ---------------------------------------------------------------------------


@pytest.mark.parametrize("kind, selected, stored", [
    ("claim", ", officials added.\n", "officials added"),
    ("actor", "ODESA (Wirewatch", "ODESA"),
    ("actor", " (Wirewatch) -", "(Wirewatch)"),
    ("claim", "“The cranes will run again by spring.”\n", "“The cranes will run again by spring.”"),
    ("claim", "The cranes will run again by spring.”", "The cranes will run again by spring"),
])
def test_sloppy_edges_are_trimmed_when_tagging(qtbot, story, kind, selected, stored):
    window = story
    i = STORY.index(selected)
    select(window, i, i + len(selected))
    window.findChild(QAction, f"tag{kind.title()}Action").trigger()
    (row,) = rows(window.db_path)
    assert (row["kind"], row["quote"]) == (kind, stored)
    assert row["start"] == STORY.index(stored, i)
    fits([row])


def test_a_mouse_drag_over_punctuation_is_trimmed(qtbot, story):
    window = story
    i = STORY.index(", officials")
    focus(qtbot, window)
    drag(qtbot, window, i, i + len(", officials added."))
    key(qtbot, window, "c")
    assert [r["quote"] for r in rows(window.db_path)] == ["officials added"]


def test_a_selection_of_punctuation_only_tags_nothing_and_says_so(qtbot, story):
    window = story
    i = STORY.index(" - Spokeswoman")
    select(window, i, i + 3)  # " - "
    focus(qtbot, window)
    key(qtbot, window, "c")
    assert rows(window.db_path) == []
    assert "Only spaces and punctuation" in message(window)


def test_the_cli_trims_as_the_window_does(db_path, capsys):
    db = open_library(db_path)
    try:
        article_id = add_article(db, ImportedArticle("Odesa", STORY, "odesa.txt", "2022-02-10")).article_id
    finally:
        db.close()
    i = STORY.index("ODESA (Wirewatch")
    assert main(["tag", "--db", str(db_path), "--article", str(article_id), "--kind", "actor",
                 "--start", str(i), "--end", str(i + len("ODESA (Wirewatch"))]) == 0
    out = capsys.readouterr()
    assert json.loads(out.out)["quote"] == "ODESA"
    assert "trimmed" in out.err
    j = STORY.index(" - Spokeswoman")
    assert main(["tag", "--db", str(db_path), "--article", str(article_id), "--kind", "claim",
                 "--start", str(j), "--end", str(j + 3)]) == 1
    assert "nothing to tag" in capsys.readouterr().err
    assert [r["quote"] for r in rows(db_path)] == ["ODESA"]


# -- 4. C, A, D and Delete with nothing selected say what to do ------------------------------


def test_keys_with_nothing_selected_say_what_to_do(qtbot, story):
    window = story
    window.view.setTextCursor(QTextCursor(window.view.document()))
    focus(qtbot, window)
    for k in "cad":
        action = window.findChild(QAction, f"tag{dict(c='Claim', a='Actor', d='Date')[k]}Action")
        assert action.isEnabled()
        window.statusBar().clearMessage()
        key(qtbot, window, k)
        assert "Select some text" in message(window)
    delete = window.findChild(QAction, "deleteAnnotationAction")
    assert delete.isEnabled()
    key(qtbot, window, Qt.Key.Key_Delete)
    assert "No tag is selected" in message(window)
    assert rows(window.db_path) == []


# -- 5. a date tagged inside a claim with no date dates it --------------------------------------


def test_a_date_inside_an_undated_claim_sets_its_date_in_one_undo_step(qtbot, story):
    window = story
    claim = tag_text(qtbot, window, "claim", "the convoy did not appear near the port on 10"
                     " February or on 11 February")
    assert claim["claim_date"] is None
    date = tag_text(qtbot, window, "date", "10 February")
    assert "Claim date set to 2022-02-10 from this date tag" in message(window)
    by_id = {r["id"]: r for r in rows(window.db_path)}
    assert by_id[claim["id"]]["claim_date"] == "2022-02-10"
    assert by_id[claim["id"]]["claim_date_annotation_id"] == date["id"]
    undo(qtbot, window)  # one step: the date tag and the claim's date
    (back,) = rows(window.db_path)
    assert back["id"] == claim["id"] and back["claim_date"] is None
    assert back["claim_date_annotation_id"] is None
    redo(qtbot, window)
    by_id = {r["id"]: r for r in rows(window.db_path)}
    assert by_id[claim["id"]]["claim_date"] == "2022-02-10"
    assert by_id[claim["id"]]["claim_date_annotation_id"] == date["id"]
    # a claim with a date keeps it, and nothing says otherwise
    tag_text(qtbot, window, "date", "11 February")
    assert "Claim date" not in message(window)
    assert {r["id"]: r for r in rows(window.db_path)}[claim["id"]]["claim_date"] == "2022-02-10"


def claimant_of(db_path, annotation_id: int) -> str | None:
    conn = sqlite3.connect(db_path)
    try:
        (name,) = conn.execute("SELECT a.name FROM annotations n LEFT JOIN actors a"
                               " ON a.id = n.claimant_id WHERE n.id = ?", (annotation_id,)).fetchone()
        return name
    finally:
        conn.close()


def test_the_speaker_tagged_after_the_claim_becomes_its_claimant_in_one_undo_step(qtbot, story):
    window = story
    claim = tag_text(qtbot, window, "claim", "the convoy did not appear near the port")
    assert claimant_of(window.db_path, claim["id"]) is None  # nobody tagged or known yet
    speaker = tag_text(qtbot, window, "actor", "Ganna Malyar")
    assert "Claimant of “the convoy did not appear near the port” set to Ganna Malyar" in message(window)
    assert claimant_of(window.db_path, claim["id"]) == "Ganna Malyar"
    # the panel shows it: the claim's row names its claimant once selected
    window.annotation_panel.select_annotation(claim["id"])
    combo = window.findChild(QComboBox, "claimantCombo")
    qtbot.waitUntil(lambda: combo.isVisible() and combo.currentText() == "Ganna Malyar")
    undo(qtbot, window)  # one step: the actor tag and the claimant
    assert [r["id"] for r in rows(window.db_path)] == [claim["id"]]
    assert claimant_of(window.db_path, claim["id"]) is None
    redo(qtbot, window)
    assert speaker["id"] in {r["id"] for r in rows(window.db_path)}
    assert claimant_of(window.db_path, claim["id"]) == "Ganna Malyar"


# -- 6. the context menu and clicks over overlapping tags --------------------------------------


def test_context_menu_names_each_tag_under_the_cursor(qtbot, story):
    window = story
    claim = tag_text(qtbot, window, "claim", "Ganna Malyar said the convoy did not appear")
    actor = tag_text(qtbot, window, "actor", "Ganna Malyar")
    sons = tag_text(qtbot, window, "actor", "Petro Lysenko & Sons")
    menu = window.build_view_context_menu(middle_of(window, actor["start"] + 8))
    deletes = [a for a in menu.actions() if a.objectName() == "deleteClickedTagAction"]
    assert [a.text() for a in deletes] == [
        "Delete actor “Ganna Malyar”", "Delete claim “Ganna Malyar said the convoy…”"]
    assert [a.data() for a in deletes] == [actor["id"], claim["id"]]
    names = [a.objectName() for a in menu.actions()]
    assert "link-copy" not in names  # not over a link
    other = window.build_view_context_menu(middle_of(window, sons["start"] + 1))
    (delete_sons,) = [a for a in other.actions() if a.objectName() == "deleteClickedTagAction"]
    assert delete_sons.text() == "Delete actor “Petro Lysenko && Sons”"  # && shows one &
    deletes[1].trigger()
    assert claim["id"] not in {r["id"] for r in rows(window.db_path)}
    for m in (menu, other):
        m.deleteLater()


def test_copy_link_location_only_over_a_link(qtbot, window):
    text = "Read the report online today, said Kyiv."
    at = text.index("report online")
    styles = (StyleSpan(at, at + len("report online"), "link", "https://example.org/r"),)
    db = open_library(window.db_path)
    try:
        article_id = add_article(db, ImportedArticle(
            "Links", text, "links.md", content_type="markdown", styles=styles)).article_id
    finally:
        db.close()
    window.controller.add_imported([article_id])
    window.controller.open_article(article_id)
    over = window.build_view_context_menu(middle_of(window, at + 3))
    off = window.build_view_context_menu(middle_of(window, text.index("Kyiv") + 1))
    assert "link-copy" in [a.objectName() for a in over.actions()]
    assert "link-copy" not in [a.objectName() for a in off.actions()]
    for m in (over, off):
        m.deleteLater()


def test_a_second_click_on_the_same_spot_cycles_to_the_enclosing_tag(qtbot, story):
    window = story
    claim = tag_text(qtbot, window, "claim", "Ganna Malyar said the convoy did not appear")
    actor = tag_text(qtbot, window, "actor", "Ganna Malyar")
    window.view.setTextCursor(QTextCursor(window.view.document()))
    spot = middle_of(window, actor["start"] + 8)
    picked = []
    for _ in range(3):
        qtbot.mouseClick(window.view.viewport(), LEFT, pos=spot)
        picked.append(window.annotation_panel.selected_annotation_id())
    assert picked == [actor["id"], claim["id"], actor["id"]]
    table = window.findChild(QTableView, "annotationTable")
    assert table.currentIndex().data(Qt.ItemDataRole.UserRole) == actor["id"]
    # elsewhere in the claim: only the claim is there
    qtbot.mouseClick(window.view.viewport(), LEFT,
                     pos=middle_of(window, STORY.index("convoy") + 1))
    assert window.annotation_panel.selected_annotation_id() == claim["id"]


# -- 7. after undo and redo the panel selects the tag the undo touched -------------------------


def test_undo_and_redo_select_the_tag_they_touched(qtbot, story):
    window = story
    panel = window.annotation_panel
    first = tag_text(qtbot, window, "actor", "Ganna Malyar")
    second = tag_text(qtbot, window, "actor", "Petro Lysenko")
    third = tag_text(qtbot, window, "claim", "the convoy did not appear")
    assert panel.selected_annotation_id() == third["id"]
    undo(qtbot, window)  # the claim goes: nothing is selected, not the row now at its index
    assert panel.selected_annotation_id() is None
    assert panel.editor.shown is None and window.view.selected_annotation() is None
    redo(qtbot, window)
    assert panel.selected_annotation_id() == third["id"]
    assert window.view.selected_annotation() == third["id"]
    window.controller.edit_annotation(first["id"], note="Spokeswoman of the southern command")
    panel.select_annotation(second["id"])
    undo(qtbot, window)  # the note of the first tag goes back
    assert panel.selected_annotation_id() == first["id"]
    assert window.view.selected_annotation() == first["id"]
    # a deletion and its undo
    panel.select_annotation(second["id"])
    window.findChild(QAction, "deleteAnnotationAction").trigger()
    assert panel.selected_annotation_id() is None
    undo(qtbot, window)
    assert panel.selected_annotation_id() == second["id"]
    assert {r["id"] for r in rows(window.db_path)} == {first["id"], second["id"], third["id"]}
