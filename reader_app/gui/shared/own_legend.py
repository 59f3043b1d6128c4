"""The toolbar legend's own codes: each code with a key, drawn in its mark and colour
beside C/A/D, rebuilt whenever the codebook changes (gui/window/codebook_flow.py).

A code's name is data: drawn with drawText (never rich text), tooltip escaped, long names
elided so nine codes still fit the toolbar.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QHBoxLayout, QWidget

from reader_app.domain.codebook import Code
from reader_app.gui.shared.palette import is_dark, paint_marks
from reader_app.gui.shared.plain_text import tip

NAME_WIDTH = 80  # px: a longer name is elided in the legend (its tooltip has it whole)


class OwnLegendItem(QWidget):
    """One own code: its name in its mark, then its key."""

    def __init__(self, code: Code, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = code.kind
        self.key = str(code.key)
        self.label = code.name
        self.setObjectName(f"legend_code{code.id}")
        self.setToolTip(tip(f"{code.name}: select text and press {self.key}"))
        self.setAccessibleName(f"{code.name}, key {self.key}")

    def _shown(self) -> str:
        return self.fontMetrics().elidedText(self.label, Qt.TextElideMode.ElideRight, NAME_WIDTH)

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        return QSize(fm.horizontalAdvance(self._shown() + " W ") + 18, fm.height() + 10)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        fm = self.fontMetrics()
        shown = self._shown()
        rect = QRectF(4, 3, fm.horizontalAdvance(shown) + 4, fm.height())
        paint_marks(painter, self.kind, [([rect], 0)], is_dark(self.palette()))
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, shown)
        key_rect = QRectF(rect.right() + 8, 3, fm.horizontalAdvance(" W "), fm.height())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        painter.drawRoundedRect(key_rect, 3, 3)
        painter.drawText(key_rect, Qt.AlignmentFlag.AlignCenter, self.key)
        painter.end()


def show_own_codes(legend: QWidget, codes: list[Code]) -> list[OwnLegendItem]:
    """Replace the legend's own codes with codes' keyed ones (in the order given), after
    the built-in kinds and before the stretch."""
    layout = legend.layout()
    if not isinstance(layout, QHBoxLayout):
        return []
    for old in legend.findChildren(OwnLegendItem):
        layout.removeWidget(old)
        old.setParent(None)  # gone from findChildren at once, not at the next event loop
        old.deleteLater()
    at = layout.count() - 1 if layout.count() else 0  # before the stretch
    items = []
    for code in codes:
        if code.key is None:
            continue
        item = OwnLegendItem(code, legend)
        layout.insertWidget(at, item)
        at += 1
        items.append(item)
    legend.updateGeometry()
    return items
