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


def test_wide_filter_rows_wrap_instead_of_squeezing(qtbot, window):
    """At 1024 px the Timeline's and Network's filter rows are wider than the pane: they
    wrap onto more lines; no control overlaps another or is cut below its own width."""
    from PySide6.QtCore import QRect

    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    tabs = window.findChild(QTabWidget, "leftTabs")
    timeline, network = window.timeline_view, window.network_view
    rows = {
        timeline: [timeline.lanes_combo, *timeline.kind_boxes.values(), timeline.date_from,
                   timeline.date_to, timeline.facets_button],
        network: [network.date_from, network.date_to, network.min_weight, network.co_mention,
                  network.export_button],
    }
    for page, controls in rows.items():
        tabs.setCurrentWidget(page)
        qtbot.waitUntil(lambda p=page: p.isVisible() and p.width() < 400)
        assert len(controls) >= 4
        rects = [QRect(w.mapTo(page, w.rect().topLeft()), w.size()) for w in controls]
        for w, r in zip(controls, rects, strict=True):
            assert r.width() >= min(w.minimumSizeHint().width(), page.width()), w.objectName()
            assert r.right() <= page.width(), w.objectName()
        for i, a in enumerate(rects):
            for b in rects[i + 1:]:
                assert not a.intersects(b)
        assert len({r.top() for r in rects}) > 1  # it did wrap
