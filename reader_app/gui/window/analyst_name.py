"""File > Analyst Name…: the name the window's new tags carry, so a merged library and the
agreement figures tell one analyst's tags from another's."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMainWindow

from reader_app.gui.controller import LibraryController
from reader_app.gui.shared.plain_text import show_error


def ask_analyst_name(window: QMainWindow, controller: LibraryController) -> None:
    dialog = QInputDialog(window)
    dialog.setObjectName("analystNameDialog")
    dialog.setWindowTitle("Analyst Name")
    dialog.setLabelText("Your new tags carry this name (empty: your login name):")
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.setTextValue(controller.analyst)
    if not dialog.exec():
        return
    try:
        name = controller.set_analyst(dialog.textValue())
    except ValueError as e:
        show_error(window, "Analyst Name", str(e))
        return
    window.statusBar().showMessage(f"New tags are by “{name}”.", 6000)
