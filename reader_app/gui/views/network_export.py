"""Exporting the network: GraphML and GEXF (networkx, for Gephi), SVG and PNG (the scene as
the tab draws it)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import networkx as nx
from PySide6.QtCore import QRectF, QSize, Slot
from PySide6.QtGui import QImage, QPalette
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QFileDialog, QGraphicsScene, QMenu, QToolButton, QWidget

from reader_app.gui.shared.plain_text import show_error
from reader_app.gui.shared.preferences import export_folder
from reader_app.gui.views.network_scene import render
from reader_app.services.actor_network import write_gexf, write_graphml

# (label, suffix, file-dialog filter)
FORMATS = {
    "graphml": ("GraphML (Gephi, yEd)…", ".graphml", "GraphML (*.graphml)"),
    "gexf": ("GEXF (Gephi)…", ".gexf", "GEXF (*.gexf)"),
    "svg": ("SVG picture…", ".svg", "SVG (*.svg)"),
    "png": ("PNG picture…", ".png", "PNG (*.png)"),
}
PNG_LONG_SIDE = 2400  # pixels: sharp on paper, a few hundred kB


def write_svg(scene: QGraphicsScene, path: str | Path, title: str = "Actor network") -> None:
    rect = scene.sceneRect()
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(max(1, int(rect.width())), max(1, int(rect.height()))))
    generator.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
    generator.setTitle(title)
    render(scene, generator)


def write_png(scene: QGraphicsScene, path: str | Path, background: QPalette | None = None) -> None:
    rect = scene.sceneRect()
    zoom = PNG_LONG_SIDE / max(1.0, rect.width(), rect.height())
    image = QImage(QSize(max(1, int(rect.width() * zoom)), max(1, int(rect.height() * zoom))),
                   QImage.Format.Format_ARGB32)
    image.fill((background or QPalette()).color(QPalette.ColorRole.Base))
    render(scene, image, max_zoom=zoom)  # the long side at PNG_LONG_SIDE, however few actors
    if not image.save(str(path), "PNG"):
        raise OSError(f"Could not write {path}")


def export_network(fmt: str, path: str | Path, graph: nx.MultiDiGraph, scene: QGraphicsScene,
                   palette: QPalette | None = None) -> None:
    """Write the network in fmt ("graphml", "gexf", "svg", "png") to path."""
    if fmt == "graphml":
        write_graphml(graph, path)
    elif fmt == "gexf":
        write_gexf(graph, path)
    elif fmt == "svg":
        write_svg(scene, path)
    elif fmt == "png":
        write_png(scene, path, palette)
    else:
        raise ValueError(f"Unknown network format {fmt!r}")


class ExportButton(QToolButton):
    """Export ▾ with one entry per format; asks for a file, then writes it."""

    def __init__(self, parent: QWidget, graph: Callable[[], nx.MultiDiGraph],
                 scene: Callable[[], QGraphicsScene]) -> None:
        super().__init__(parent)
        self.setObjectName("networkExport")
        self.setText("Export")
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._graph, self._scene = graph, scene
        menu = QMenu(self)
        for fmt, (label, _suffix, _filter) in FORMATS.items():
            action = menu.addAction(label)
            action.setObjectName(f"networkExport_{fmt}")
            action.triggered.connect(lambda _=False, f=fmt: self.ask_and_export(f))
        self.setMenu(menu)

    @Slot(str)
    def ask_and_export(self, fmt: str) -> None:
        _label, suffix, name_filter = FORMATS[fmt]
        path, _ = QFileDialog.getSaveFileName(self, "Export the actor network",
                                              str(export_folder() / f"actor-network{suffix}"),
                                              name_filter)
        if not path:
            return
        if not path.lower().endswith(suffix):
            path += suffix
        try:
            export_network(fmt, path, self._graph(), self._scene(), self.palette())
        except (OSError, ValueError) as e:
            show_error(self, "Export failed", f"{Path(path).name}: {e}")
