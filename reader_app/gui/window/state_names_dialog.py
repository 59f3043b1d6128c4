"""State Names…: the table of states and their other names (U.S., Washington -> United
States) as CSV text, kept in the library. A row that does not parse is named and the
dialog stays open; after a save or a reset the open article's suggestions follow."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader_app.gui.controller import LibraryController
from reader_app.gui.shared.plain_text import plain_label
from reader_app.storage.errors import STORAGE_ERRORS, reason_of

HELP = ("One state a line: canonical name, type, then its other names separated by |.\n"
        "Other names are suggested as that state in every article.")


class StateNamesDialog(QDialog):
    def __init__(self, controller: LibraryController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stateNamesDialog")
        self.setWindowTitle("State Names")
        self._controller = controller
        self.saved: int | None = None  # states kept by the last save
        help_label = plain_label(QLabel(HELP, self))
        help_label.setWordWrap(True)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("stateNamesText")
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.editor.setPlainText(controller.state_table_text())
        self.message = plain_label(QLabel(self))  # a row's text is the analyst's data
        self.message.setObjectName("stateNamesMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")
        self.message.hide()
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveStateNames")
        self.reset_button = QPushButton("Reset to Built-in", self)
        self.reset_button.setObjectName("resetStateNames")
        buttons.addButton(self.reset_button, QDialogButtonBox.ButtonRole.ResetRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("cancelStateNames")
        self.save_button.clicked.connect(self._on_save_clicked)
        self.reset_button.clicked.connect(self._on_reset_clicked)
        cancel.clicked.connect(self.reject)
        writable = controller.read_only is None
        self.save_button.setEnabled(writable)
        self.reset_button.setEnabled(writable)
        layout = QVBoxLayout(self)
        layout.addWidget(help_label)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(720, 520)

    def _refuse(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    @Slot()
    def _on_save_clicked(self) -> None:
        try:
            self.saved = self._controller.save_state_table(self.editor.toPlainText())
        except STORAGE_ERRORS as e:  # ValueError: the row that does not parse
            self._refuse(reason_of(e))
            return
        self.accept()

    @Slot()
    def _on_reset_clicked(self) -> None:
        try:
            self._controller.reset_state_table()
        except STORAGE_ERRORS as e:
            self._refuse(reason_of(e))
            return
        self.saved = None
        self.accept()
