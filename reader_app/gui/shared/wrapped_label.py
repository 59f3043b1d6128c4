"""A word-wrapped label whose minimum height is the height its lines need at its width.

A plain word-wrapped QLabel's minimum height is about one line, so a squeezed form (the
tag editor under the tag and suggestion lists at 700 px) cut a date's three-line
explanation after its second line. This one keeps its minimum height at what its text
needs at its current width, so the panel's splitter gives it the room.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


class WrappedLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit_height()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        # a new width or text can need another number of lines; the same height is a no-op
        needed = self.heightForWidth(max(1, self.width())) if self.text() else 0
        if needed != self.minimumHeight():
            self.setMinimumHeight(max(0, needed))
