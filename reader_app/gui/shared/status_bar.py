"""A status bar whose message never runs into the counts on its right.

QStatusBar draws a message that is too long cut at the permanent widget, often
mid-word ("…the dateline Wed 2026-11-18, as t"), and the rest is lost. This one
draws it elided with "…" and puts the whole message in its tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, Slot
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QStatusBar, QStyle, QStyleOption, QWidget

from reader_app.gui.shared.plain_text import tip


class ElidingStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._permanent: list[QWidget] = []
        self.messageChanged.connect(self._on_message_changed)

    def addPermanentWidget(self, widget: QWidget, stretch: int = 0) -> None:
        super().addPermanentWidget(widget, stretch)
        self._permanent.append(widget)

    def message_rect(self) -> QRect:
        """Where the message goes: from the left to the first permanent widget (Qt's rule)."""
        left, right = 6, self.width() - 12
        shown = [w.x() for w in self._permanent if w.isVisible()]
        if shown:
            right = min(right, min(shown) - 2)
        return QRect(left, 0, max(0, right - left), self.height())

    def drawn_message(self) -> str:
        """The message as drawn: whole when it fits, else elided at the right."""
        return self.fontMetrics().elidedText(self.currentMessage(), Qt.TextElideMode.ElideRight,
                                             self.message_rect().width())

    def paintEvent(self, event: QPaintEvent) -> None:
        message = self.currentMessage()
        if not message or self.drawn_message() == message:
            super().paintEvent(event)
            return
        painter = QPainter(self)
        opt = QStyleOption()
        opt.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelStatusBar, opt, painter, self)
        painter.setPen(self.palette().windowText().color())
        painter.drawText(self.message_rect(), int(Qt.AlignmentFlag.AlignLeading
                                                 | Qt.AlignmentFlag.AlignVCenter
                                                 | Qt.TextFlag.TextSingleLine),
                         self.drawn_message())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._on_message_changed(self.currentMessage())

    @Slot(str)
    def _on_message_changed(self, message: str) -> None:
        # the message is data (titles, quotes): a plain-text tooltip, and only when cut
        self.setToolTip(tip(message) if message and self.drawn_message() != message else "")
