"""The actor network as a picture, without a window: the report embeds it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QGraphicsScene

from reader_app.domain.search_query import SearchFilter
from reader_app.gui.shared.palette import is_dark
from reader_app.gui.views.network_scene import build_scene, render
from reader_app.services.actor_network import build_network, layout, network_filter, strongest


def network_picture(db, flt: SearchFilter | None, width: int, height: int, *,
                    article_ids: Sequence[int] | None = None) -> QImage:
    """The network of the articles flt matches (all for None), within article_ids if
    given, drawn as the tab draws it (the application's palette) into a width x height
    image: for the report."""
    graph = strongest(build_network(db, network_filter(db, flt, article_ids=article_ids)))
    scene = QGraphicsScene()
    palette = QApplication.palette() if QApplication.instance() else QPalette()
    dark = is_dark(palette)
    build_scene(scene, graph, layout(graph), dark)
    image = QImage(QSize(max(1, width), max(1, height)), QImage.Format.Format_ARGB32)
    image.fill(palette.color(QPalette.ColorRole.Base))
    if not len(graph):  # not a blank picture in the report: say so, as the timeline's does
        painter = QPainter(image)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(QRectF(0, 0, width, height), int(Qt.AlignmentFlag.AlignCenter),
                         "No actors in this selection.")
        painter.end()
        return image
    render(scene, image)
    return image
