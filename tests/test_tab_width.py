"""Switching the left tabs never resizes the article column (issue 14: Claims reflowed the
article from 60 to 35 characters a line)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QTabWidget

TABS = ["Library", "Actors", "Claims", "Timeline", "Network"]


@pytest.mark.parametrize("size", [(1024, 700), (1600, 1000)])
def test_no_tab_changes_the_reading_width(qtbot, window, size):
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() == size[0])
    tabs = window.findChild(QTabWidget, "leftTabs")
    assert [tabs.tabText(i) for i in range(tabs.count())] == TABS
    tabs.setCurrentIndex(0)
    width, splitter = window.view.width(), window.splitter.sizes()
    for index in [1, 2, 3, 4, 0, 4, 2]:
        tabs.setCurrentIndex(index)
        qtbot.wait(1)  # let a freshly built page lay itself out
        assert tabs.currentIndex() == index
        assert window.view.width() == width, TABS[index]
        assert window.splitter.sizes() == splitter, TABS[index]
        assert window.width() == size[0], TABS[index]  # nor is the window pushed wider
