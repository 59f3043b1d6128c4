"""Find in the article: a bar under the view, hidden until the window's Find action.

Matches are searched in article.text (code points, case-insensitive), never in
the document's plain text, so they land exactly on the stored offsets even
after emoji, flags or astral CJK.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from reader_app.gui.article.view import ArticleView
from reader_app.gui.shared.plain_text import plain_label


def find_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Non-overlapping case-insensitive matches of query as (start, end) code points."""
    if not query:
        return []
    return [m.span() for m in re.finditer(re.escape(query), text, re.IGNORECASE)]


class FindBar(QWidget):
    """Enter / Shift+Enter: next / previous match; Esc hides the bar."""

    def __init__(self, view: ArticleView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.view = view
        self.matches: list[tuple[int, int]] = []
        self.current = -1
        self.field = QLineEdit(self)
        self.field.setObjectName("findField")
        self.field.setPlaceholderText("Find in article")
        self.field.setClearButtonEnabled(True)
        self.field.installEventFilter(self)
        self.count_label = plain_label(QLabel(self))
        self.count_label.setObjectName("findCount")
        self.count_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("10000 of 10000"))
        self.previous_button = self._button("findPrevious", "↑", "Previous match (Shift+Enter)")
        self.next_button = self._button("findNext", "↓", "Next match (Enter)")
        self.close_button = self._button("findClose", "✕", "Close (Esc)")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for widget in (
            self.field,
            self.count_label,
            self.previous_button,
            self.next_button,
            self.close_button,
        ):
            layout.addWidget(widget)
        self.field.textChanged.connect(self._on_field_text_changed)
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button.clicked.connect(self.find_next)
        self.close_button.clicked.connect(self.dismiss)
        self.view.article_shown.connect(self._on_view_article_shown)
        self.hide()

    def _button(self, name: str, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setAutoRaise(True)
        return button

    @Slot()
    def open(self) -> None:
        """Show the bar with the field focused; the window's Find action (Ctrl+F) calls this."""
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        self.search()

    @Slot()
    def dismiss(self) -> None:
        self.hide()
        self.matches, self.current = [], -1
        self.view.set_find_matches([])
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def search(self) -> None:
        """Search the current text from where the reader is; show the first match."""
        article = self.view.article
        self.matches = find_spans(article.text, self.field.text()) if article is not None else []
        self.view.set_find_matches(self.matches)
        self.current = -1
        if self.matches:
            here = self.view.cursor_offset()
            self.current = next((i for i, m in enumerate(self.matches) if m[0] >= here), 0)
            self.view.select_span(*self.matches[self.current])
        self._update_label()

    @Slot()
    def find_next(self) -> None:
        self._step(+1)

    @Slot()
    def find_previous(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        if not self.matches:
            return
        self.current = (self.current + delta) % len(self.matches)
        self.view.select_span(*self.matches[self.current])
        self._update_label()

    def _update_label(self) -> None:
        if not self.field.text():
            self.count_label.setText("")
        elif not self.matches:
            self.count_label.setText("No matches")
        else:
            self.count_label.setText(f"{self.current + 1} of {len(self.matches)}")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self._step(-1 if shift else +1)
                return True
            if key == Qt.Key.Key_Escape:
                self.dismiss()
                return True
        return super().eventFilter(watched, event)

    @Slot(str)
    def _on_field_text_changed(self, _text: str) -> None:
        self.search()

    @Slot()
    def _on_view_article_shown(self) -> None:
        if self.isVisible():
            self.search()
        else:
            self.matches, self.current = [], -1
