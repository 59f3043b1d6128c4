"""Own codes and tagging as a demanding analyst uses them: the legend, keys in text fields,
re-keyed and deleted codes, undo chains of codebook changes, hostile names and files."""

from __future__ import annotations

from codebook_helpers import TEXT, add_code, open_story, rows
from gui_helpers import select_quote
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from reader_app.gui.commands.codebook import EditCodeCommand
from reader_app.gui.shared.own_legend import OwnLegendItem


def legend_items(window):
    legend = window.findChild(QWidget, "legend")
    items = list(legend.findChildren(OwnLegendItem))
    return sorted(items, key=lambda w: legend.layout().indexOf(w))


def test_the_legend_shows_own_codes_with_keys_and_follows_the_codebook(qtbot, window, db_path):
    window.resize(1600, 700)
    dialog = window.codebook_flow.show_dialog()
    add_code(qtbot, dialog, '<b>Place</b> & co')
    add_code(qtbot, dialog, "Vessel")
    assert [(w.label, w.key) for w in legend_items(window)] == [
        ('<b>Place</b> & co', "1"), ("Vessel", "2")]
    first = legend_items(window)[0]
    assert "&lt;b&gt;" in first.toolTip() and "<b>Place" not in first.toolTip()
    qtbot.waitUntil(lambda: first.isVisibleTo(window) and first.width() > 0)
    legend = window.findChild(QWidget, "legend")
    for item in legend.findChildren(QWidget):  # never squeezed: a key's box cut in half
        assert item.width() >= item.sizeHint().width(), item.objectName()
    dialog.select_code("Vessel")
    dialog.key_combo.setCurrentIndex(dialog.key_combo.findData(None))
    dialog.key_combo.activated.emit(dialog.key_combo.currentIndex())
    assert rows(db_path, "SELECT key FROM codebook WHERE name = 'Vessel'") == [(None,)]
    assert [w.label for w in legend_items(window)] == ['<b>Place</b> & co']
    window.actions_.undo.trigger()  # the key back
    window.actions_.undo.trigger()  # Vessel gone
    window.actions_.undo.trigger()  # Place gone
    assert legend_items(window) == []
    window.grab()


def editor_swatch(window):
    text = window.annotation_panel.editor.kind_label.text()
    return text.split('color:')[1].split('"')[0], text.split("</span> ", 1)[1]


def test_the_editor_kind_swatch_follows_the_theme_and_the_codebook(qtbot, window, db_path):
    from reader_app.gui.shared.theme import apply_theme

    open_story(window, db_path)
    dialog = window.codebook_flow.show_dialog()
    add_code(qtbot, dialog, "Navy")
    (code,) = window.codebook_flow.codes()
    window.codebook_flow.push(EditCodeCommand, code, colour="#1a237e")
    select_quote(window, "Hawk drone")
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    ((ann_id,),) = rows(db_path, "SELECT id FROM annotations")
    window.annotation_panel.select_annotation(ann_id)
    themes = window.findChild(QWidget, "viewThemeMenu")
    try:
        apply_theme("light")
        light = editor_swatch(window)
        assert light == ("#1a237e", "Navy")
        next(a for a in themes.actions() if "ark" in a.text()).trigger()  # View > Theme > Dark
        qtbot.waitUntil(lambda: editor_swatch(window)[0] != light[0])  # lightened on dark
        (code,) = window.codebook_flow.codes()
        window.codebook_flow.push(EditCodeCommand, code, name="<i>Fleet</i>")
        assert editor_swatch(window)[1] == "&lt;i&gt;Fleet&lt;/i&gt;"  # renamed, escaped
        window.actions_.undo.trigger()
        assert editor_swatch(window)[1] == "Navy"
    finally:
        apply_theme("system")


def test_a_refused_edit_in_the_dialog_shows_the_stored_values_again(qtbot, window, db_path):
    dialog = window.codebook_flow.show_dialog()
    add_code(qtbot, dialog, "Weapon")
    add_code(qtbot, dialog, "Drone")
    dialog.select_code("Drone")
    dialog.key_combo.setCurrentIndex(dialog.key_combo.findData(1))  # Weapon's key
    dialog.key_combo.activated.emit(dialog.key_combo.currentIndex())
    assert rows(db_path, "SELECT name, key FROM codebook ORDER BY id") == [
        ("Weapon", 1), ("Drone", 2)]
    assert dialog.key_combo.currentData() == 2  # not the refused 1
    assert "Key 1" in window.statusBar().currentMessage()
    dialog.name_edit.setText("weapon")  # a name another code has
    dialog.name_edit.editingFinished.emit()
    assert rows(db_path, "SELECT name FROM codebook ORDER BY id") == [("Weapon",), ("Drone",)]
    assert dialog.name_edit.text() == "Drone"


def middle_of(window, i):
    from gui_helpers import u16
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QTextCursor
    points = []
    for at in (i, i + 1):
        cursor = QTextCursor(window.view.document())
        cursor.setPosition(u16(TEXT, at))
        points.append(window.view.cursorRect(cursor).center())
    return QPoint((points[0].x() + points[1].x()) // 2, points[0].y())


def test_the_context_menu_names_an_own_code_tag_by_its_code(qtbot, window, db_path):
    open_story(window, db_path)
    dialog = window.codebook_flow.show_dialog()
    add_code(qtbot, dialog, "<b>R&D</b> site")
    select_quote(window, "Hawk drone")
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    select_quote(window, "drone")
    qtbot.keyClick(window.view, Qt.Key.Key_A)  # an actor inside it
    qtbot.waitUntil(lambda: len(rows(db_path, "SELECT id FROM annotations")) == 2)
    menu = window.build_view_context_menu(middle_of(window, TEXT.index("drone") + 2))
    deletes = [a.text() for a in menu.actions() if a.objectName() == "deleteClickedTagAction"]
    assert deletes == ["Delete actor “drone”", "Delete <b>R&&D</b> site “Hawk drone”"]


def test_long_code_names_leave_delete_undo_redo_on_the_toolbar(qtbot, window, db_path):
    from PySide6.QtWidgets import QToolBar

    window.resize(1024, 700)
    dialog = window.codebook_flow.show_dialog()
    for name in ("A very long code name about maritime security incidents", "Vessel",
                 "Aircraft & drone", "Emotion", '<b>Place</b> & "site"'):
        add_code(qtbot, dialog, name)
    toolbar = window.findChild(QToolBar, "taggingToolbar")
    long = next(a for a in window.codebook_flow.tag_actions.values() if "maritime" in a.text())
    assert toolbar.widgetForAction(long).text() == "A very long cod…"
    assert "maritime security incidents" in toolbar.widgetForAction(long).toolTip()
    amp = next(a for a in window.codebook_flow.tag_actions.values() if "drone" in a.text())
    assert toolbar.widgetForAction(amp).text() == "Aircraft && drone"
    toolbar.layout().activate()  # laid out now, not at the next event loop
    for action in (window.actions_.delete, window.actions_.undo, window.actions_.redo):
        assert toolbar.widgetForAction(action).isVisible(), action.text()


def test_own_code_keys_type_digits_in_text_fields_and_never_tag(qtbot, window, db_path):
    from PySide6.QtWidgets import QLineEdit

    open_story(window, db_path)
    dialog = window.codebook_flow.show_dialog()
    add_code(qtbot, dialog, "Vessel")
    add_code(qtbot, dialog, "Place")
    dialog.hide()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    select_quote(window, "ferry")
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    ((ann_id,),) = rows(db_path, "SELECT id FROM annotations")
    window.annotation_panel.select_annotation(ann_id)
    select_quote(window, "old lighthouse")  # a selection waits in the article meanwhile
    note = window.annotation_panel.editor.note_edit
    fields = [note, window.findChild(QLineEdit, "librarySearch")]
    for field in fields:
        field.setFocus()
        qtbot.waitUntil(field.hasFocus)
        qtbot.keyClicks(field, "12")
    assert note.toPlainText() == "12"
    assert fields[1].text() == "12"
    assert rows(db_path, "SELECT quote FROM annotations") == [("ferry",)]


def test_the_shortcut_list_names_an_own_code_with_an_ampersand_whole(qtbot, window):
    from reader_app.gui.window.shortcut_sheet import collect_shortcuts

    dialog = window.codebook_flow.show_dialog()
    add_code(qtbot, dialog, "R&D sites")
    found = [r for r in collect_shortcuts(window) if r[2] == "1"]
    assert [r[1] for r in found] == ["R&D sites (in the article)"]


def test_keys_follow_a_re_key_and_a_deleted_code_keeps_none(qtbot, window, db_path):
    open_story(window, db_path)
    dialog = window.codebook_flow.show_dialog()
    add_code(qtbot, dialog, "Vessel")
    add_code(qtbot, dialog, "Place")
    dialog.select_code("Vessel")
    dialog.key_combo.setCurrentIndex(dialog.key_combo.findData(3))
    dialog.key_combo.activated.emit(dialog.key_combo.currentIndex())
    dialog.select_code("Place")
    dialog.delete_button.click()  # unused: goes at once
    dialog.hide()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    select_quote(window, "ferry")
    window.view.setFocus()
    for key in (Qt.Key.Key_1, Qt.Key.Key_2):  # Vessel's old key, the deleted code's
        qtbot.keyClick(window.view, key)
    assert rows(db_path, "SELECT count(*) FROM annotations") == [(0,)]
    qtbot.keyClick(window.view, Qt.Key.Key_3)
    assert rows(db_path, "SELECT a.quote, c.name FROM annotations a JOIN codebook c"
                         " ON a.kind = 'code:' || c.uuid") == [("ferry", "Vessel")]
    window.actions_.undo.trigger()  # the tag
    window.actions_.undo.trigger()  # Place back, with key 2
    select_quote(window, "old lighthouse")
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    assert rows(db_path, "SELECT a.quote, c.name FROM annotations a JOIN codebook c"
                         " ON a.kind = 'code:' || c.uuid") == [("old lighthouse", "Place")]


def test_the_open_codebook_counts_tags_as_they_are_made_and_undone(qtbot, window, db_path):
    open_story(window, db_path)
    dialog = window.codebook_flow.show_dialog()
    add_code(qtbot, dialog, "Vessel")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert dialog.isVisible() and dialog.tree.topLevelItem(0).text(2) == "0"
    for words in ("ferry", "old lighthouse"):
        select_quote(window, words)
        window.view.setFocus()
        qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert dialog.tree.topLevelItem(0).text(2) == "2"
    window.actions_.undo.trigger()
    assert dialog.tree.topLevelItem(0).text(2) == "1"


def test_a_crowded_toolbar_never_squeezes_the_legend(qtbot, window):
    from PySide6.QtWidgets import QToolBar

    window.resize(1300, 700)
    dialog = window.codebook_flow.show_dialog()
    for name in ("Place", "Vessel", "Aircraft", "Emotion", "Weapon system"):
        add_code(qtbot, dialog, name)
    legend = window.findChild(QWidget, "legend")
    window.findChild(QToolBar, "taggingToolbar").layout().activate()
    items = legend.findChildren(QWidget)
    assert len(items) == 8
    assert legend.minimumWidth() >= sum(i.sizeHint().width() for i in items)
    if legend.isVisibleTo(window):  # else in the toolbar's » menu, whole
        for item in legend.findChildren(QWidget):
            assert item.width() >= item.sizeHint().width(), item.objectName()
