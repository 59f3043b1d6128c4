"""The actor network drawn as a QGraphicsScene: one item per actor and per edge, labels as
plain text. Used by the tab and, offscreen, by network_picture (the report)."""

from __future__ import annotations

import math
from collections.abc import Mapping

import networkx as nx
import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QTransform,
)
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
)

from reader_app.gui.shared.plain_text import clip, tip
from reader_app.services.actor_network import CO_MENTION, Position

# (light, dark) per actor type; the shapes stay circles, the legend names the colours
TYPE_COLOURS: dict[str, tuple[QColor, QColor]] = {
    "person": (QColor(25, 100, 215), QColor(110, 170, 255)),
    "state": (QColor(190, 40, 50), QColor(255, 115, 115)),
    "organization": (QColor(0, 135, 80), QColor(80, 215, 145)),
    "armed_force": (QColor(120, 90, 30), QColor(215, 175, 95)),
    "media": (QColor(140, 60, 170), QColor(200, 140, 240)),
    "other": (QColor(110, 110, 110), QColor(175, 175, 175)),
}
LABELLED = 150  # only the most mentioned actors get a label; the others have a tooltip
NODE_Z, EDGE_Z, LABEL_Z = 2, 1, 3
# names keep their size on screen however the view is zoomed (not in pictures: render)
_FIXED_SIZE = QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations


def type_colour(kind: str, dark: bool) -> QColor:
    return QColor(TYPE_COLOURS.get(kind, TYPE_COLOURS["other"])[1 if dark else 0])


def type_label(kind: str) -> str:
    return kind.replace("_", " ").capitalize()


def node_radius(mentions: int) -> float:
    return min(40.0, 6.0 + 3.0 * math.sqrt(max(0, mentions)))


def edge_width(weight: int) -> float:
    return min(12.0, 1.0 + 1.5 * math.log2(max(1, weight)))


def spread(count: int) -> float:
    """Scene units per layout unit: more room for more actors."""
    return max(220.0, 40.0 * math.sqrt(count))


class NodeItem(QGraphicsEllipseItem):
    def __init__(self, actor_id: int, data: Mapping[str, object], centre: QPointF,
                 dark: bool) -> None:
        radius = node_radius(int(data["mentions"]))  # type: ignore[call-overload]
        super().__init__(QRectF(-radius, -radius, 2 * radius, 2 * radius))
        self.actor_id, self.name, self.radius = actor_id, str(data["name"]), radius
        self.setPos(centre)
        colour = type_colour(str(data["type"]), dark)
        self.setBrush(QBrush(colour))
        self.setPen(QPen(colour.darker(150) if not dark else colour.lighter(140), 1.2))
        self.setZValue(NODE_Z)
        self.setToolTip(tip(f"{self.name}\n{data['type']} · {data['mentions']} mentions"))
        self.setCursor(Qt.CursorShape.PointingHandCursor)


class EdgeItem(QGraphicsPathItem):
    def __init__(self, source: NodeItem, target: NodeItem, kind: str, weight: int,
                 claims: list[int], dark: bool,
                 geometry: tuple[QPainterPath, QPointF] | None = None) -> None:
        """geometry: the path and its middle when already worked out (edge_geometry)."""
        super().__init__()
        self.source, self.target = source.actor_id, target.actor_id
        self.kind, self.weight, self.claims = kind, weight, list(claims)
        colour = QColor(200, 200, 200) if dark else QColor(70, 70, 70)
        colour.setAlpha(150)
        pen = QPen(colour, edge_width(weight))
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        if kind == CO_MENTION:
            pen.setStyle(Qt.PenStyle.DashLine)
        self.setPen(pen)
        if geometry is None:
            (geometry,) = edge_geometry([(source, target, kind != CO_MENTION, pen.widthF())])
        path, self.middle = geometry
        self._shape: QPainterPath | None = None
        # the click shape's bounds without stroking it: Qt's own boundingRect strokes
        # shape(), a third of the scene's time for 7,000 edges
        grip = max(8.0, pen.widthF() + 4) / 2
        self._bounds = path.controlPointRect().adjusted(-grip, -grip, grip, grip)
        self.setPath(path)
        self.setZValue(EDGE_Z)
        what = (f"{weight} claim{'s' * (weight != 1)}" if kind != CO_MENTION
                else f"named together in {weight} sentence{'s' * (weight != 1)}")
        arrow = "→" if kind != CO_MENTION else "—"
        self.setToolTip(tip(f"{source.name} {arrow} {target.name}\n{what}"))
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:  # a thin edge is still easy to click
        if self._shape is None:  # the path never changes: stroke it once
            from PySide6.QtGui import QPainterPathStroker

            stroker = QPainterPathStroker()
            stroker.setWidth(max(8.0, self.pen().widthF() + 4))
            self._shape = stroker.createStroke(self.path())
        return self._shape


def _unit(v: np.ndarray) -> np.ndarray:
    """Each row of v as a unit vector (a zero row stays zero)."""
    length = np.sqrt((v ** 2).sum(axis=1))[:, None]
    return np.where(length > 1e-6, v / np.maximum(length, 1e-6), 0.0)


def edge_geometry(edges: list[tuple[NodeItem, NodeItem, bool, float]],
                  ) -> list[tuple[QPainterPath, QPointF]]:
    """Each edge (source, target, arrow, pen width) from rim to rim, and the curve's middle;
    a claims-about edge bends a little to its right, so the two directions between one
    pair stay apart, and ends in an arrowhead. Worked out for all edges at once in numpy
    (one edge at a time took 1.3 s of the 1.5 s scene of 7,000 edges)."""
    if not edges:
        return []
    a = np.array([[e[0].pos().x(), e[0].pos().y()] for e in edges])
    b = np.array([[e[1].pos().x(), e[1].pos().y()] for e in edges])
    r_a = np.array([e[0].radius for e in edges])[:, None]
    r_b = np.array([e[1].radius for e in edges])[:, None]
    arrow = np.array([e[2] for e in edges])
    size = (6.0 + np.array([e[3] for e in edges]))[:, None]
    length = np.sqrt(((b - a) ** 2).sum(axis=1))
    unit = _unit(b - a)
    normal = np.column_stack([-unit[:, 1], unit[:, 0]])
    control = (a + b) / 2 + normal * (np.where(arrow, 0.12, 0.0) * length)[:, None]
    start = a + _unit(control - a) * r_a
    end = b + _unit(control - b) * r_b
    back = _unit(control - end)
    side = np.column_stack([-back[:, 1], back[:, 0]])
    left = end + back * size + side * size * 0.5
    right = end + back * size - side * size * 0.5
    middle = start * 0.25 + control * 0.5 + end * 0.25
    out = []
    for n, (s0, c, e, l_, r_, m) in enumerate(zip(start.tolist(), control.tolist(), end.tolist(),
                                                 left.tolist(), right.tolist(), middle.tolist(),
                                                 strict=True)):
        path = QPainterPath()
        if length[n] < 1e-6:
            out.append((path, QPointF(*a[n].tolist())))
            continue
        path.moveTo(*s0)
        path.quadTo(c[0], c[1], e[0], e[1])
        if arrow[n]:
            tip_ = QPointF(*e)
            path.addPolygon(QPolygonF([tip_, QPointF(*l_), QPointF(*r_), tip_]))
        out.append((path, QPointF(*m)))
    return out


def build_scene(scene: QGraphicsScene, graph: nx.MultiDiGraph, pos: Mapping[int, Position],
                dark: bool) -> tuple[dict[int, NodeItem], list[EdgeItem]]:
    """Fill scene (cleared first) with graph at pos; the node and edge items made."""
    scene.clear()
    scale = spread(len(graph))
    nodes: dict[int, NodeItem] = {}
    for actor_id, data in graph.nodes(data=True):
        x, y = pos[actor_id]
        nodes[actor_id] = item = NodeItem(actor_id, data, QPointF(x * scale, y * scale), dark)
        scene.addItem(item)
    listed = list(graph.edges(data=True))
    shapes = edge_geometry([(nodes[u], nodes[v], data["kind"] != CO_MENTION,
                             edge_width(int(data["weight"]))) for u, v, data in listed])
    edges: list[EdgeItem] = []
    for (u, v, data), geometry in zip(listed, shapes, strict=True):
        edge = EdgeItem(nodes[u], nodes[v], data["kind"], int(data["weight"]),
                        data.get("claims", []), dark, geometry)
        scene.addItem(edge)
        edges.append(edge)
    ranked = sorted(nodes.values(), key=lambda n: (-int(graph.nodes[n.actor_id]["mentions"]),
                                                   n.actor_id))
    font = QFont(scene.font())
    font.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
    text = QColor(235, 235, 235) if dark else QColor(25, 25, 25)
    for node in ranked[:LABELLED]:
        label = QGraphicsSimpleTextItem(clip(node.name, 60))  # never rich text
        label.setFont(font)
        label.setBrush(text)
        width = label.boundingRect().width()
        # drawn at its font's size however far the drawing is shrunk to fit a narrow pane
        # (scaled with it, a name was 4 px high at 1024 px); anchored under its actor
        label.setFlag(_FIXED_SIZE, True)
        label.setTransform(QTransform.fromTranslate(-width / 2, 0))
        label.setPos(node.pos() + QPointF(0, node.radius + 2))
        label.setZValue(LABEL_Z)
        label.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        scene.addItem(label)
    rect = scene.itemsBoundingRect()
    scene.setSceneRect(rect.adjusted(-20, -20, 20, 20))
    return nodes, edges


MAX_ZOOM = 1.6  # a few actors are not blown up to fill the page


def fitted(source: QRectF, width: float, height: float, max_zoom: float = MAX_ZOOM) -> QRectF:
    """Where source goes in a width x height area: as large as fits (at most max_zoom
    times its size), aspect kept, centred."""
    scale = min(width / max(1e-9, source.width()), height / max(1e-9, source.height()),
                max_zoom)
    w, h = source.width() * scale, source.height() * scale
    return QRectF((width - w) / 2, (height - h) / 2, w, h)


def render(scene: QGraphicsScene, device, max_zoom: float = MAX_ZOOM) -> None:
    """scene into device (image, SVG generator, printer), fitted and centred."""
    painter = QPainter(device)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    source = scene.sceneRect()
    if not source.isEmpty():
        target = fitted(source, device.width(), device.height(), max_zoom)
        # a picture scales its names with the drawing, as before they kept their size on
        # screen: the same place (the label's own offset is then in scene units again)
        labels = [i for i in scene.items() if isinstance(i, QGraphicsSimpleTextItem)]
        for label in labels:
            label.setFlag(_FIXED_SIZE, False)
        try:
            scene.render(painter, target, source, Qt.AspectRatioMode.KeepAspectRatio)
        finally:
            for label in labels:
                label.setFlag(_FIXED_SIZE, True)
    painter.end()

