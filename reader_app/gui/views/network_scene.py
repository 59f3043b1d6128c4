"""The actor network drawn as a QGraphicsScene: one item per actor and per edge, labels as
plain text. Used by the tab and, offscreen, by network_picture (the report)."""

from __future__ import annotations

import math
from collections.abc import Mapping

import networkx as nx
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
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
                 claims: list[int], dark: bool) -> None:
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
        path, self.middle = _edge_path(source, target, kind != CO_MENTION, pen.widthF())
        self.setPath(path)
        self.setZValue(EDGE_Z)
        what = (f"{weight} claim{'s' * (weight != 1)}" if kind != CO_MENTION
                else f"named together in {weight} sentence{'s' * (weight != 1)}")
        arrow = "→" if kind != CO_MENTION else "—"
        self.setToolTip(tip(f"{source.name} {arrow} {target.name}\n{what}"))
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def shape(self) -> QPainterPath:  # a thin edge is still easy to click
        from PySide6.QtGui import QPainterPathStroker

        stroker = QPainterPathStroker()
        stroker.setWidth(max(8.0, self.pen().widthF() + 4))
        return stroker.createStroke(self.path())


def _edge_path(source: NodeItem, target: NodeItem, arrow: bool,
               width: float) -> tuple[QPainterPath, QPointF]:
    """From rim to rim, and the curve's middle; a claims-about edge bends a little to its
    right, so the two directions between one pair stay apart, and ends in an arrowhead."""
    a, b = source.pos(), target.pos()
    line = QLineF(a, b)
    path = QPainterPath()
    if line.length() < 1e-6:
        return path, a
    unit = (b - a) / line.length()
    normal = QPointF(-unit.y(), unit.x())
    bend = 0.12 * line.length() if arrow else 0.0
    control = (a + b) / 2 + normal * bend
    start = a + _toward(a, control) * source.radius
    end = b + _toward(b, control) * target.radius
    path.moveTo(start)
    path.quadTo(control, end)
    if arrow:
        back = _toward(end, control)
        side = QPointF(-back.y(), back.x())
        size = 6.0 + width
        head = QPolygonF([end, end + back * size + side * size * 0.5,
                          end + back * size - side * size * 0.5, end])
        path.addPolygon(head)
    return path, start * 0.25 + control * 0.5 + end * 0.25


def _toward(a: QPointF, b: QPointF) -> QPointF:
    line = QLineF(a, b)
    return (b - a) / line.length() if line.length() > 1e-6 else QPointF(0, 0)


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
    edges: list[EdgeItem] = []
    for u, v, data in graph.edges(data=True):
        edge = EdgeItem(nodes[u], nodes[v], data["kind"], int(data["weight"]),
                        data.get("claims", []), dark)
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
        label.setPos(node.pos() + QPointF(-width / 2, node.radius + 2))
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
        scene.render(painter, target, source, Qt.AspectRatioMode.KeepAspectRatio)
    painter.end()

