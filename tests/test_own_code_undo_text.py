"""The Edit menu names an own code's tag step by the code's name, never by its stored uuid kind."""
from __future__ import annotations

from gui_helpers import select_quote
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest


def test_undo_names_the_code(window, qtbot) -> None:
    dialog = window.codebook_flow.show_dialog()
    dialog.new_name.setText("Place")
    QTest.keyClick(dialog.new_name, Qt.Key.Key_Return)
    dialog.close()
    (code,) = window.codebook_flow.codes()
    assert code.key == 1
    window.view.setFocus()
    quote = "Geneva"
    select_quote(window, quote)
    QTest.keyClick(window.view, Qt.Key.Key_1)
    assert window.actions_.undo.text() == "&Undo Tag Place “Geneva”"
    tag_id = window.controller.db.execute(
        "select id from annotations where kind = ?", [code.kind]).fetchone()[0]
    assert window.controller.db.execute(
        "select quote from annotations where id = ?", [tag_id]).fetchone()[0] == quote
    window.controller.delete_annotation(tag_id)
    assert window.actions_.undo.text() == "&Undo Delete Place “Geneva”"
