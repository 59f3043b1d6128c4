"""The left pane keeps its width whatever tab shows: the article column never reflows
because the analyst looked at Claims or the Timeline.

A QSplitter gives a pane at least its minimumSizeHint, and a QTabWidget's is the largest
of its pages' (the Timeline's filter row asks for ~470 px): showing such a page pushed the
splitter and squeezed the article. An explicit minimum width on the tab widget takes the
place of that hint, so only the analyst moves the splitter.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget

LEFT_MIN_WIDTH = 240  # px: the library list stays readable


def hold_left_pane_width(tabs: QTabWidget) -> None:
    """The tab widget's minimum is ours, not its pages': switching tabs moves nothing."""
    tabs.setMinimumWidth(LEFT_MIN_WIDTH)
