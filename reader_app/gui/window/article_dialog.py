"""A small dialog for one field of an article (title, published date, source, memo), in
plain text: what the analyst types is checked before the dialog closes, and a refusal is
one line in the dialog, which stays open with the text as typed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from reader_app.gui.shared.plain_text import clip, plain_label

Check = Callable[[str], None]  # raises ValueError with the analyst's message


class ArticleFieldDialog(QDialog):
    """One line (QLineEdit) or, multi_line, a plain-text editor (a memo's Markdown is
    edited as the text it is, never rendered)."""

    value_accepted = Signal(str)  # the text as typed, after check passed

    def __init__(self, parent: QWidget, name: str, title: str, label: str, value: str,
                 check: Check | None = None, multi_line: bool = False,
                 placeholder: str = "") -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self._check = check
        self.label = plain_label(QLabel(clip(label, 300), self))  # a title is data
        self.label.setWordWrap(True)
        self.editor: QLineEdit | QPlainTextEdit
        if multi_line:
            editor = QPlainTextEdit(self)
            editor.setPlainText(value)
            editor.setTabChangesFocus(True)
            editor.setPlaceholderText(placeholder)
            self.resize(520, 360)
            self.editor = editor
        else:
            line = QLineEdit(value, self)
            line.setPlaceholderText(placeholder)
            line.selectAll()
            self.resize(480, self.sizeHint().height())
            self.editor = line
        self.editor.setObjectName(f"{name}Edit")
        self.error_label = plain_label(QLabel(self))
        self.error_label.setObjectName(f"{name}Error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #a40000;")
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.editor, 1 if multi_line else 0)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def text(self) -> str:
        editor = self.editor
        if isinstance(editor, QPlainTextEdit):
            # raw: toPlainText() would turn no-break spaces into spaces; blocks are lines
            return editor.document().toRawText().replace("\u2029", "\n")
        return editor.text()

    @Slot()
    def _on_buttons_accepted(self) -> None:
        typed = self.text()
        if self._check is not None:
            try:
                self._check(typed)
            except ValueError as e:
                self.error_label.setText(str(e))
                self.error_label.show()
                return
        self.accept()
        self.value_accepted.emit(typed)
