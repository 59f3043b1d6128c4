"""The actor network's names stay readable in the left pane at 1024 x 700: the labels
were scaled with the drawing, which the narrow pane shrinks to fit (0.4-0.7 times),
so a 7 pt name was drawn about 4 px high."""

from __future__ import annotations

import pytest
from gui_helpers import open_window
from network_library import build
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QGraphicsSimpleTextItem

from reader_app.storage.database import open_library


@pytest.fixture
def small(qtbot, db_path):
    db = open_library(db_path)
    try:
        build(db)
    finally:
        db.close()
    win = open_window(qtbot, db_path)
    win.resize(1024, 700)
    qtbot.waitUntil(lambda: win.width() == 1024)
    sizes = win.splitter.sizes()  # the left pane dragged to 240 px, as one reads at 1024
    win.splitter.setSizes([240, sizes[1] + sizes[0] - 240, *sizes[2:]])
    win.left_tabs.setCurrentIndex(win.NETWORK_TAB)
    view = win.network_view
    qtbot.waitUntil(view.is_loaded)
    qtbot.wait(50)  # the canvas's last refit after the tab's layout (resizeEvent)
    return win, view


def _on_screen(canvas, label):
    return label.deviceTransform(canvas.viewportTransform()).mapRect(label.boundingRect())


def test_labels_are_drawn_at_their_font_size_in_a_shrunk_drawing(small):
    _win, view = small
    canvas = view.canvas
    assert canvas.transform().m11() < 0.9  # the case: the drawing is shrunk to fit
    labels = [i for i in view.scene.items() if isinstance(i, QGraphicsSimpleTextItem)]
    assert labels
    for label in labels:
        height = QFontMetricsF(label.font()).height()
        assert _on_screen(canvas, label).height() >= 0.95 * height, label.text()


def test_a_label_stays_centred_under_its_actor(small):
    _win, view = small
    canvas = view.canvas
    for node in view.nodes.values():
        label = next((i for i in view.scene.items() if isinstance(i, QGraphicsSimpleTextItem)
                      and i.text() == node.name), None)
        if label is None:
            continue
        box = _on_screen(canvas, label)
        centre = canvas.mapFromScene(node.pos())
        assert abs(box.center().x() - centre.x()) <= 2, node.name
        assert box.top() >= centre.y(), node.name  # below the actor, not over it


def test_a_picture_still_scales_its_names_with_the_drawing(small):
    # a PNG or the report's picture draws the names at the drawing's scale, where
    # they were before; the view's fixed size comes back afterwards
    from PySide6.QtGui import QColor, QImage

    from reader_app.gui.views.network_scene import render

    _win, view = small
    labels = [i for i in view.scene.items() if isinstance(i, QGraphicsSimpleTextItem)]
    seen = []
    original = labels[0].paint

    def spy(painter, option, widget=None):
        seen.append(painter.worldTransform().m11())
        return original(painter, option, widget)

    labels[0].paint = spy
    image = QImage(2400, 1600, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    render(view.scene, image, max_zoom=4.0)
    assert seen and seen[0] > 2.0  # scaled up with the drawing
    assert labels[0].flags() & labels[0].GraphicsItemFlag.ItemIgnoresTransformations
