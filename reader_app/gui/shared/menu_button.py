"""A tool button that opens a menu, its arrow drawn as part of the label ("Type ▾").

The style draws an instant-popup button's arrow in its bottom right corner, over the
label of a small button (the Actors pane's Type), and does not count it in the size."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QStyle, QStyleOptionToolButton, QStylePainter, QToolButton, QWidget

ARROW = " \u25be"  # a small down-pointing triangle


class MenuToolButton(QToolButton):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)

    def _option(self) -> QStyleOptionToolButton:
        option = QStyleOptionToolButton()
        self.initStyleOption(option)
        option.features &= ~QStyleOptionToolButton.ToolButtonFeature.HasMenu
        option.text = option.text + ARROW
        return option

    def label(self) -> str:
        """The text as drawn."""
        return self._option().text

    def sizeHint(self) -> QSize:
        option = self._option()
        metrics = self.fontMetrics()
        content = QSize(metrics.horizontalAdvance(option.text), metrics.height())
        return self.style().sizeFromContents(QStyle.ContentsType.CT_ToolButton, option,
                                             content, self)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, _event) -> None:
        painter = QStylePainter(self)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ToolButton, self._option())
