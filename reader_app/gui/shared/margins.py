"""Layout margins as the style has them (a panel at the window's edge gets the style's
right margin instead of sitting flush against the frame)."""

from __future__ import annotations

from PySide6.QtWidgets import QStyle, QWidget


def style_margin(widget: QWidget, side: str) -> int:
    metric = {"left": QStyle.PixelMetric.PM_LayoutLeftMargin,
              "top": QStyle.PixelMetric.PM_LayoutTopMargin,
              "right": QStyle.PixelMetric.PM_LayoutRightMargin,
              "bottom": QStyle.PixelMetric.PM_LayoutBottomMargin}[side]
    return widget.style().pixelMetric(metric, None, widget)
