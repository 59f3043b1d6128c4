"""The timeline's scene: one QGraphicsItem per lane that draws its items by level of detail.

x is days (a day's ordinal minus the scene's origin), y is pixels: zooming scales x only.
A lane item keeps its items' extents in sorted numpy arrays, so a paint looks up the
visible slice (searchsorted) and either draws each item (few visible) or, zoomed out,
one run of pixel columns per stretch of covered time (a density strip): a paint never
costs more than the viewport's width, whatever the number of items.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem

from reader_app.gui.shared.palette import kind_colour
from reader_app.services.timeline import KIND_LANES, TimelineItem

LANE_H = 28.0  # pixels per lane
AXIS_H = 24.0  # the time axis above the lanes
DETAIL_LIMIT = 1500  # visible items of a lane drawn one by one; more: a density strip
POINT_R = 4.0
_ARTICLE = (QColor(120, 90, 190), QColor(180, 160, 240))


def item_colour(kind: str, dark: bool) -> QColor:
    return QColor(_ARTICLE[1 if dark else 0]) if kind == "article" else kind_colour(kind, dark)


class LaneItem(QGraphicsItem):
    """The items of one lane (indices into the scene's items), drawn by level of detail."""

    def __init__(self, row: int, items: Sequence[TimelineItem], indices: list[int],
                 origin: int, dark: bool) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.row, self.indices, self.dark = row, np.asarray(indices, dtype=np.int64), dark
        mine = [items[i] for i in indices]
        self.starts = np.array([i.start.toordinal() - origin for i in mine], dtype=np.float64)
        self.ends = np.array([i.end.toordinal() + 1 - origin for i in mine], dtype=np.float64)
        self.points = np.array([i.is_point for i in mine], dtype=bool)
        self.kinds = [i.kind for i in mine]
        self.lane_kind = self.kinds[0] if len(set(self.kinds)) == 1 else "claim"
        self.max_len = float((self.ends - self.starts).max()) if mine else 0.0
        self.top = AXIS_H + row * LANE_H
        lo = float(self.starts.min()) if mine else 0.0
        hi = float(self.ends.max()) if mine else 1.0
        self._rect = QRectF(lo - 1, self.top, hi - lo + 2, LANE_H)

    def boundingRect(self) -> QRectF:
        return self._rect

    def visible(self, x0: float, x1: float) -> np.ndarray:
        """Positions (in this lane) of the items overlapping [x0, x1] in days."""
        lo = int(np.searchsorted(self.starts, x0 - self.max_len, "left"))
        hi = int(np.searchsorted(self.starts, x1, "right"))
        span = np.arange(lo, hi)
        return span[self.ends[lo:hi] >= x0]

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        t = painter.worldTransform()
        sx, dx, sy, dy = t.m11(), t.dx(), t.m22(), t.dy()
        exposed = option.exposedRect
        shown = self.visible(exposed.left(), exposed.right())
        painter.save()
        painter.resetTransform()
        top, height = self.top * sy + dy, LANE_H * sy
        if self.row % 2:
            band = QColor(128, 128, 128, 22)
            painter.fillRect(QRectF(exposed.left() * sx + dx, top, exposed.width() * sx, height), band)
        if len(shown) > DETAIL_LIMIT:
            self._paint_density(painter, shown, sx, dx, top, height, exposed.width() * sx)
        else:
            self._paint_detail(painter, shown, sx, dx, top, height)
        painter.restore()

    def _paint_detail(self, painter: QPainter, shown: np.ndarray, sx: float, dx: float,
                      top: float, height: float) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        bar_top, bar_h = top + height * 0.5, max(3.0, height * 0.36)
        mid = top + height * 0.32
        for k in shown:
            colour = item_colour(self.kinds[k], self.dark)
            x0, x1 = self.starts[k] * sx + dx, self.ends[k] * sx + dx
            if self.points[k]:
                painter.setPen(QPen(colour.darker(140), 1.0))
                painter.setBrush(QBrush(colour))
                painter.drawEllipse(QPointF((x0 + x1) / 2, mid), POINT_R, POINT_R)
            else:
                colour.setAlpha(150)
                painter.setPen(QPen(colour.darker(130), 1.0))
                painter.setBrush(QBrush(colour))
                painter.drawRect(QRectF(x0, bar_top, max(x1 - x0, 2.0), bar_h))

    def _paint_density(self, painter: QPainter, shown: np.ndarray, sx: float, dx: float,
                       top: float, height: float, width: float) -> None:
        """Zoomed out: how many items cover each pixel column, in three shades."""
        cols = int(width) + 2
        x0 = self.starts[shown] * sx + dx
        x1 = np.maximum(self.ends[shown] * sx + dx, x0 + 1)
        left = max(0, int(np.floor(x0.min())))
        a = np.clip(np.floor(x0).astype(np.int64) - left, 0, cols)
        b = np.clip(np.ceil(x1).astype(np.int64) - left, 0, cols)
        diff = np.zeros(cols + 1, dtype=np.int64)
        np.add.at(diff, a, 1)
        np.add.at(diff, b, -1)
        cover = np.cumsum(diff)[:cols]
        level = np.digitize(cover, [1, 3, 10])  # 0 none, 1 one or two, 2 a few, 3 many
        colour = item_colour(self.lane_kind, self.dark)
        painter.setPen(Qt.PenStyle.NoPen)
        for shade, alpha in ((1, 90), (2, 170), (3, 255)):
            runs = _runs(level == shade)
            if not runs:
                continue
            c = QColor(colour)
            c.setAlpha(alpha)
            painter.setBrush(c)
            painter.drawRects([QRectF(left + s, top + height * 0.2, e - s, height * 0.6)
                               for s, e in runs])


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """[start, end) of each run of True."""
    if not mask.any():
        return []
    edges = np.flatnonzero(np.diff(np.concatenate(([0], mask.view(np.int8), [0]))))
    return list(zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True))


class TimelineScene(QGraphicsScene):
    """The items in lanes (lane order: by first date, the kind lanes last)."""

    def __init__(self, items: Sequence[TimelineItem], lane_by: str, dark: bool,
                 parent=None) -> None:
        super().__init__(parent)
        self.items_ = list(items)
        self.lane_by = lane_by
        self.origin = min((i.start.toordinal() for i in self.items_), default=date.today().toordinal())
        keys: dict[str, list[int]] = {}
        for n, item in enumerate(self.items_):
            keys.setdefault(item.lane(lane_by), []).append(n)
        kind_lanes = [k for k in KIND_LANES.values() if k in keys]
        self.lanes = [k for k in keys if k not in kind_lanes] + kind_lanes
        self.lane_items = [LaneItem(row, self.items_, keys[key], self.origin, dark)
                           for row, key in enumerate(self.lanes)]
        for lane in self.lane_items:
            self.addItem(lane)
        first = min((float(lane.starts.min()) for lane in self.lane_items), default=0.0)
        last = max((float(lane.ends.max()) for lane in self.lane_items), default=1.0)
        pad = max(1.0, (last - first) * 0.02)
        self.extent = (first - pad, last + pad)
        # room to pan well past either end (and to put the first item right of the names)
        room = (last - first) * 4 + 60
        self.setSceneRect(QRectF(first - room, 0, last - first + 2 * room,
                                 AXIS_H + max(1, len(self.lanes)) * LANE_H))

    def day_of(self, x: float) -> date:
        return date.fromordinal(max(1, int(np.floor(x)) + self.origin))

    def x_of(self, day: date) -> float:
        return float(day.toordinal() - self.origin)

    def item_at(self, x: float, y: float, tolerance: float) -> TimelineItem | None:
        """The item under scene point (x days, y), within tolerance days: a point first,
        then the shortest bar."""
        row = int((y - AXIS_H) // LANE_H)
        if not 0 <= row < len(self.lane_items) or y < AXIS_H:
            return None
        lane = self.lane_items[row]
        near = lane.visible(x - tolerance, x + tolerance)
        if not len(near):
            return None
        centre = (lane.starts[near] + lane.ends[near]) / 2
        points = near[lane.points[near] & (np.abs(centre - x) <= tolerance)]
        if len(points):
            best = points[np.argmin(np.abs((lane.starts[points] + lane.ends[points]) / 2 - x))]
        else:
            bars = near[~lane.points[near]]
            if not len(bars):
                return None
            best = bars[np.argmin(lane.ends[bars] - lane.starts[bars])]
        return self.items_[int(lane.indices[int(best)])]
