"""Own codes through the real window: the Codebook dialog creates a code, its key tags the
selection, the tag is painted in the code's colour and listed by name, undo takes it back."""

from __future__ import annotations

from codebook_helpers import TEXT, add_code, open_story, rows
from gui_helpers import select_quote, u16
from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox

from reader_app.domain.models import ImportedArticle
from reader_app.services.changes import ChangeSet
from reader_app.storage.articles import add_article
from reader_app.storage.database import open_library


def span_image(window, start, end):
    view = window.view
    cursor = QTextCursor(view.document())
    cursor.setPosition(u16(TEXT, start))
    left = view.cursorRect(cursor)
    cursor.setPosition(u16(TEXT, end))
    right = view.cursorRect(cursor)
    view.viewport().repaint()
    rect = QRect(left.topLeft(), right.bottomRight()).adjusted(0, -2, 0, 2)
    return view.viewport().grab(rect).toImage()


def has_colour(image, colour: QColor) -> bool:
    return any(
        abs(image.pixelColor(x, y).red() - colour.red()) < 30
        and abs(image.pixelColor(x, y).green() - colour.green()) < 30
        and abs(image.pixelColor(x, y).blue() - colour.blue()) < 30
        for x in range(image.width()) for y in range(image.height()))


def test_create_a_code_tag_with_its_key_see_it_and_undo(qtbot, window, db_path):
    open_story(window, db_path)
    window.codebook_flow.codebook_action.trigger()
    dialog = window.codebook_flow.dialog
    qtbot.waitExposed(dialog)
    add_code(qtbot, dialog, "Location")
    ((code_id, uuid, name, colour, key),) = rows(
        db_path, "SELECT id, uuid, name, colour, key FROM codebook")
    assert (name, key) == ("Location", 1)
    assert dialog.tree.topLevelItem(0).text(0) == "Location"
    assert [a.text() for a in window.codebook_flow.menu.actions()] == ["Tag as Location"]

    start, end = select_quote(window, "Tromsø harbour")
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    ((kind, quote, s, e),) = rows(db_path, 'SELECT kind, quote, start, "end" FROM annotations')
    assert (kind, quote, s, e) == (f"code:{uuid}", "Tromsø harbour", start, end)
    assert TEXT[s:e] == quote
    assert rows(db_path, "SELECT codes FROM tag_counts") == [(1,)]
    # painted in the code's colour, listed by the code's name
    assert has_colour(span_image(window, start, end), QColor(colour))
    model = window.annotation_panel.table.model()
    assert model.index(0, 0).data() == "Location"
    kinds = window.annotation_panel.kind_filter  # the tag list shows one own code on request
    assert kinds.itemText(kinds.count() - 1) == "Location"
    kinds.setCurrentIndex(kinds.count() - 1)
    assert model.rowCount() == 1
    kinds.setCurrentIndex(1)  # claims
    assert model.rowCount() == 0
    kinds.setCurrentIndex(0)
    # a rename shows at once in the list
    dialog.select_code("Location")
    dialog.name_edit.setText("Harbour place")
    dialog.name_edit.editingFinished.emit()
    assert rows(db_path, "SELECT name FROM codebook") == [("Harbour place",)]
    assert model.index(0, 0).data() == "Harbour place"
    window.actions_.undo.trigger()  # the rename
    assert model.index(0, 0).data() == "Location"
    window.actions_.undo.trigger()  # the tag
    assert rows(db_path, "SELECT count(*) FROM annotations") == [(0,)]
    assert not has_colour(span_image(window, start, end), QColor(colour))
    window.actions_.undo.trigger()  # the code
    assert rows(db_path, "SELECT count(*) FROM codebook") == [(0,)]
    assert window.codebook_flow.menu.actions() == []
    window.actions_.redo.trigger()
    assert rows(db_path, "SELECT id, uuid FROM codebook") == [(code_id, uuid)]


def test_delete_in_use_asks_and_moves_tags_merge_and_parent(qtbot, window, db_path):
    open_story(window, db_path)
    dialog = window.codebook_flow.show_dialog()
    add_code(qtbot, dialog, "Weapon")
    add_code(qtbot, dialog, "Drone")
    select_quote(window, "Hawk drone")
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_2)  # Drone
    drone, weapon = rows(db_path, "SELECT id, uuid FROM codebook ORDER BY name")
    assert rows(db_path, "SELECT kind FROM annotations") == [(f"code:{drone[1]}",)]
    dialog.select_code("Drone")
    dialog.parent_combo.setCurrentIndex(dialog.parent_combo.findData(weapon[0]))
    dialog.parent_combo.activated.emit(dialog.parent_combo.currentIndex())
    assert rows(db_path, "SELECT parent_id FROM codebook WHERE id = ?".replace(
        "?", str(drone[0]))) == [(weapon[0],)]
    assert dialog.tree.topLevelItem(0).child(0).text(0) == "Drone"

    def answer_yes():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            assert "used by 1 tag" in box.text()
            box.button(QMessageBox.StandardButton.Yes).click()

    dialog.select_code("Drone")
    dialog.target_combo.setCurrentIndex(dialog.target_combo.findData(weapon[0]))
    QTimer.singleShot(50, answer_yes)
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert rows(db_path, "SELECT kind FROM annotations") == [(f"code:{weapon[1]}",)]
    assert [r[0] for r in rows(db_path, "SELECT name FROM codebook")] == ["Weapon"]
    window.actions_.undo.trigger()
    assert rows(db_path, "SELECT kind FROM annotations") == [(f"code:{drone[1]}",)]
    # merge Drone into Weapon: its tag follows, undo splits them again
    dialog.select_code("Drone")
    dialog.target_combo.setCurrentIndex(dialog.target_combo.findData(weapon[0]))
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert rows(db_path, "SELECT kind FROM annotations") == [(f"code:{weapon[1]}",)]
    window.actions_.undo.trigger()
    assert rows(db_path, "SELECT id, uuid FROM codebook ORDER BY name") == [drone, weapon]


def test_search_facet_finds_articles_by_own_code(qtbot, window, db_path):
    from PySide6.QtWidgets import QLineEdit, QListView

    from reader_app.gui.lists.tables import ID_ROLE

    first = open_story(window, db_path)
    db = open_library(db_path)
    try:
        second = add_article(db, ImportedArticle(
            "Dock", "The dock crane and the ferry's old lighthouse lamp.\n", "dock.txt")).article_id
    finally:
        db.close()
    window.controller.add_imported([second])
    dialog = window.codebook_flow.show_dialog()
    add_code(qtbot, dialog, "Landmark")
    window.controller.open_article(first)
    select_quote(window, "old lighthouse")
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    p = window.library_pane.search
    facets = p.facets
    assert [facets.own_code.itemText(i) for i in range(facets.own_code.count())] == [
        "any own code", "Landmark"]
    box = window.findChild(QLineEdit, "librarySearch")
    box.setText("lighthouse")
    qtbot.waitUntil(lambda: p.settled, timeout=5000)
    listed = window.findChild(QListView, "searchResults").model()

    def shown():
        return {listed.index(r, 0).data(ID_ROLE) for r in range(listed.rowCount())}

    qtbot.waitUntil(lambda: shown() == {first, second}, timeout=5000)
    facets.own_code.setCurrentIndex(1)
    qtbot.waitUntil(lambda: p.settled and shown() == {first}, timeout=5000)


def test_file_menu_exports_and_imports_a_codebook_with_undo(qtbot, window, db_path, tmp_path,
                                                            monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    flow = window.codebook_flow
    dialog = flow.show_dialog()
    add_code(qtbot, dialog, "Harbour")
    add_code(qtbot, dialog, "Vessel")
    out = tmp_path / "team.qdc"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    flow.export_action.trigger()
    assert out.read_text("utf-8").count("<Code ") == 2
    # in another library: the file's codes come in, undo takes them out
    db = open_library(db_path)
    db.execute("DELETE FROM codebook WHERE name = 'Vessel'")
    db.conn.commit()
    db.close()
    window.controller.apply_changes(ChangeSet(codebook=True))  # as another window would
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(out), ""))
    flow.import_action.trigger()
    assert sorted(r[0] for r in rows(db_path, "SELECT name FROM codebook")) == ["Harbour", "Vessel"]
    assert "1 new code, 1 already in the codebook" in window.statusBar().currentMessage()
    assert [a.text() for a in flow.menu.actions()] == ["Tag as Harbour", "Tag as Vessel"]
    window.actions_.undo.trigger()
    assert rows(db_path, "SELECT name FROM codebook") == [("Harbour",)]
    # a hostile file is refused in a box, nothing pushed
    bad = tmp_path / "bad.qdc"
    bad.write_text('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><CodeBook/>', "utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    count = window.controller.undo_stack.count()
    flow.import_action.trigger()
    qtbot.waitUntil(lambda: flow.refused is not None and flow.refused.isVisible())
    assert "DTD or entities" in flow.refused.informativeText()
    assert window.controller.undo_stack.count() == count
    flow.refused.close()


def test_library_list_and_status_bar_count_own_code_tags(qtbot, window, db_path):
    from reader_app.gui.lists.library_model import CODES, COLUMNS

    article_id = open_story(window, db_path)
    dialog = window.codebook_flow.show_dialog()
    add_code(qtbot, dialog, "Landmark")
    model = window.library_pane.table.model()
    row = next(r for r in range(model.rowCount())
               if model.index(r, 0).data() == "Ferry")
    assert COLUMNS[CODES] == "Own codes" and model.index(row, CODES).data() == "0"
    for words in ("old lighthouse", "Tromsø harbour"):
        select_quote(window, words)
        window.view.setFocus()
        qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert model.index(row, CODES).data() == "2"
    assert "· 2 tags in this article" in window.status_text
    window.actions_.undo.trigger()
    assert model.index(row, CODES).data() == "1"
    assert "· 1 tag in this article" in window.status_text
    window.controller.close_article()
    window.controller.open_article(article_id)  # counted on opening too
    assert "· 1 tag in this article" in window.status_text


def test_export_dialogs_take_own_codes_unless_unchecked(qtbot, window, db_path):
    from reader_app.gui.jobs.export_flow import ExportDialog
    from reader_app.gui.jobs.interchange_flow import InterchangeDialog

    dialog = window.codebook_flow.show_dialog()
    add_code(qtbot, dialog, "Harbour")
    ((uuid,),) = rows(db_path, "SELECT uuid FROM codebook")
    csv_dialog = ExportDialog(window, None)
    qtbot.addWidget(csv_dialog)
    assert f"code:{uuid}" in csv_dialog.filters().kinds
    csv_dialog.own_codes.setChecked(False)
    assert csv_dialog.filters().kinds == ["claim", "actor", "date"]
    qdpx = InterchangeDialog(window, "qdpx", None)
    qtbot.addWidget(qdpx)
    assert qdpx.kinds()[-1] == f"code:{uuid}" and not qdpx.own_codes.isHidden()


def test_a_code_name_that_looks_like_html_stays_text(qtbot, window, db_path):
    name = '<img src="file:///dev/zero"> R&D'
    dialog = window.codebook_flow.show_dialog()
    add_code(qtbot, dialog, name)
    assert rows(db_path, "SELECT name FROM codebook") == [(name,)]
    assert dialog.tree.topLevelItem(0).text(0) == name
    (action,) = window.codebook_flow.menu.actions()
    assert action.text() == 'Tag as <img src="file:///dev/zero"> R&&D'
    assert "&lt;img" in action.toolTip() and "<img" not in action.toolTip()
    window.grab()  # painted without reading anything
    dialog.grab()


def test_the_editor_sets_an_own_code_tags_value_and_note(qtbot, window, db_path):
    from PySide6.QtWidgets import QLineEdit

    open_story(window, db_path)
    dialog = window.codebook_flow.show_dialog()
    add_code(qtbot, dialog, "Vessel")
    select_quote(window, "ferry")
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    ((ann_id,),) = rows(db_path, "SELECT id FROM annotations")
    window.annotation_panel.select_annotation(ann_id)
    value = window.annotation_panel.findChild(QLineEdit, "codeValue")
    qtbot.waitUntil(value.isVisible)
    value.setFocus()
    value.setText("Ro-Ro ferry")
    value.editingFinished.emit()
    assert rows(db_path, "SELECT value FROM annotations") == [("Ro-Ro ferry",)]
    window.actions_.undo.trigger()
    assert rows(db_path, "SELECT value FROM annotations") == [(None,)]
    qtbot.waitUntil(lambda: value.text() == "")


def test_the_article_context_menu_offers_own_codes(qtbot, window, db_path):
    from PySide6.QtCore import QPoint

    open_story(window, db_path)
    dialog = window.codebook_flow.show_dialog()
    add_code(qtbot, dialog, "Landmark")
    select_quote(window, "old lighthouse")
    menu = window.build_view_context_menu(QPoint(5, 5))
    texts = [a.text() for a in menu.actions()]
    assert "Tag as Landmark" in texts
    assert texts.index("Tag as Landmark") > texts.index("Tag as &Date")
    next(a for a in menu.actions() if a.text() == "Tag as Landmark").trigger()
    assert rows(db_path, "SELECT quote FROM annotations") == [("old lighthouse",)]
