"""The Actors tab's buttons wrap onto a second line in a narrow left pane instead of
being squeezed: at 1024 px (and at 1280) "Rename…" was drawn "Re…me" (a 240-300 px pane)."""

from __future__ import annotations

import pytest
from gui_helpers import open_window
from PySide6.QtWidgets import QToolButton

from reader_app.domain.models import ImportedArticle
from reader_app.storage.articles import add_article


@pytest.mark.parametrize("pane", [240, 300])
def test_every_actor_button_shows_its_whole_text(qtbot, db, db_path, pane):
    add_article(db, ImportedArticle("Talks", "date 2026-09-14\nThe talks stalled.\n",
                                    "talks.txt", "2026-09-14", "en"))
    win = open_window(qtbot, db_path)
    win.resize(1024, 700)
    qtbot.waitUntil(lambda: win.width() == 1024)
    sizes = win.splitter.sizes()  # the left pane as wide as one drags it at 1024 px
    win.splitter.setSizes([pane, sizes[1] + sizes[0] - pane, *sizes[2:]])
    win.left_tabs.setCurrentWidget(win.actors_pane)
    actors = win.actors_pane
    qtbot.waitUntil(actors.isVisible)
    buttons = actors.actions_.buttons.findChildren(QToolButton)
    assert len(buttons) == 6
    qtbot.waitUntil(lambda: all(b.width() >= b.sizeHint().width() for b in buttons))
    right = actors.actions_.buttons.width()
    for b in buttons:
        assert b.isVisible() and b.geometry().right() < right, b.text()
    # wrapped rows do not overlap: no two buttons share a pixel
    for i, a in enumerate(buttons):
        for b in buttons[i + 1:]:
            assert not a.geometry().intersects(b.geometry()), (a.text(), b.text())
