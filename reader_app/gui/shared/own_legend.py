"""The toolbar legend's own codes: each code with a key, its key drawn in the code's mark
and colour beside C/A/D, rebuilt whenever the codebook changes (gui/window/codebook_flow.py).

A code's name is data: only in the tooltip (escaped) and the accessible name.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QHBoxLayout, QWidget

from reader_app.domain.codebook import Code
from reader_app.gui.shared.palette import is_dark, paint_marks
from reader_app.gui.shared.plain_text import tip


class OwnLegendItem(QWidget):
    """One own code: its key drawn in the code's mark and colour. Compact (the code's
    toolbar button beside it names it; the tooltip and accessible name do too), so nine
    codes fit beside C/A/D."""

    def __init__(self, code: Code, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = code.kind
        self.key = str(code.key)
        self.label = code.name
        self.setObjectName(f"legend_code{code.id}")
        self.setToolTip(tip(f"{code.name}: select text and press {self.key}"))
        self.setAccessibleName(f"{code.name}, key {self.key}")

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        return QSize(fm.horizontalAdvance(" W ") + 12, fm.height() + 10)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        fm = self.fontMetrics()
        rect = QRectF(4, 3, fm.horizontalAdvance(" W ") + 4, fm.height())
        paint_marks(painter, self.kind, [([rect], 0)], is_dark(self.palette()))
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.key)
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
        item.show()  # now, not at the next event loop: the width below counts it
        at += 1
        items.append(item)
    # never squeezed (each key's box cut in half): short of room, the toolbar moves the
    # legend into its » menu instead
    legend.setMinimumWidth(layout.sizeHint().width())
    legend.updateGeometry()
    return items
