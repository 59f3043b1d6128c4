"""The timeline's scene: one QGraphicsItem per lane that draws its items by level of detail.

x is days (a day's ordinal minus the scene's origin), y is pixels: zooming scales x only.
A lane item keeps its items' extents in sorted numpy arrays, so a paint looks up the
visible slice (searchsorted) and either draws each item (few visible) or, zoomed out,
one run of pixel columns per stretch of covered time (a density strip): a paint never
costs more than the viewport's width, whatever the number of items.
"""

from __future__ import annotations

from datetime import date

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem

from reader_app.gui.shared.palette import kind_colour
from reader_app.services.timeline import TIMELINE_KINDS
from reader_app.services.timeline_data import TimelineData

LANE_H = 28.0  # pixels per lane
AXIS_H = 24.0  # the time axis above the lanes
DETAIL_LIMIT = 1500  # visible items of a lane drawn one by one; more: a density strip
SPACING_PX = 16.0  # ... and more than CROWD_MIN items closer than this on average
CROWD_MIN = 50
POINT_R = 4.0
_LAST_DAY = date.max.toordinal()
KIND_CODES = TIMELINE_KINDS  # the kinds as small numbers in a lane's arrays
_ARTICLE = (QColor(120, 90, 190), QColor(180, 160, 240))


def item_colour(kind: str, dark: bool) -> QColor:
    return QColor(_ARTICLE[1 if dark else 0]) if kind == "article" else kind_colour(kind, dark)


class LaneItem(QGraphicsItem):
    """The items of one lane (indices into the scene's items), drawn by level of detail."""

    def __init__(self, row: int, indices: np.ndarray, starts: np.ndarray, ends: np.ndarray,
                 points: np.ndarray, kinds: np.ndarray, dark: bool) -> None:
        """indices: the lane's items in the scene's list, by start; the other arrays
        hold the scene's extents (days), point flags and kind codes, for all items."""
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.row, self.indices, self.dark = row, indices, dark
        self.starts, self.ends = starts[indices], ends[indices]
        self.points, self.kinds = points[indices], kinds[indices]
        codes = np.unique(self.kinds)
        self.lane_kind = KIND_CODES[int(codes[0])] if len(codes) == 1 else "claim"
        self.max_len = float((self.ends - self.starts).max()) if len(indices) else 0.0
        self.top = AXIS_H + row * LANE_H
        lo = float(self.starts.min()) if len(indices) else 0.0
        hi = float(self.ends.max()) if len(indices) else 1.0
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
        if crowded(len(shown), exposed.width() * sx) or height < 8:  # or squeezed (a picture)
            self._paint_density(painter, shown, sx, dx, top, height, exposed.width() * sx)
        else:
            self._paint_detail(painter, shown, sx, dx, top, height)
        painter.restore()

    def _paint_detail(self, painter: QPainter, shown: np.ndarray, sx: float, dx: float,
                      top: float, height: float) -> None:
        """Each item: a day as a dot, a longer value as a translucent bar of its extent;
        one pen and brush per kind (few Python calls per item)."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        bar_top, bar_h = top + height * 0.5, max(3.0, height * 0.36)
        mid = top + height * 0.32
        x0s = (self.starts[shown] * sx + dx).tolist()
        x1s = (self.ends[shown] * sx + dx).tolist()
        kinds, points = self.kinds[shown].tolist(), self.points[shown].tolist()
        for code in sorted(set(kinds)):
            colour = item_colour(KIND_CODES[code], self.dark)
            bar = QColor(colour)
            bar.setAlpha(150)
            mine = [n for n, k in enumerate(kinds) if k == code]
            painter.setPen(QPen(colour.darker(130), 1.0))
            painter.setBrush(QBrush(bar))
            rects = [QRectF(x0s[n], bar_top, max(x1s[n] - x0s[n], 2.0), bar_h)
                     for n in mine if not points[n]]
            if rects:
                painter.drawRects(rects)
            dots = QPolygonF([QPointF((x0s[n] + x1s[n]) / 2, mid) for n in mine if points[n]])
            if not dots.isEmpty():  # round-capped points: each dot a circle, in one call
                for pen, width in ((colour.darker(130), 2 * POINT_R + 1), (colour, 2 * POINT_R - 1)):
                    dot = QPen(pen, width)
                    dot.setCapStyle(Qt.PenCapStyle.RoundCap)
                    painter.setPen(dot)
                    painter.drawPoints(dots)

    def _paint_density(self, painter: QPainter, shown: np.ndarray, sx: float, dx: float,
                       top: float, height: float, width: float) -> None:
        """Zoomed out: how many items cover each pixel column, in three shades."""
        cols = int(width) + 2
        x0 = self.starts[shown] * sx + dx
        x1 = np.maximum(self.ends[shown] * sx + dx, x0 + 1)
        left = max(0, int(np.floor(x0.min())))
        a = np.clip(np.floor(x0).astype(np.int64) - left, 0, cols)
        b = np.clip(np.ceil(x1).astype(np.int64) - left, 0, cols)
        cover = np.cumsum(np.bincount(a, minlength=cols + 1)
                          - np.bincount(b, minlength=cols + 1))[:cols]
        level = np.digitize(cover, [1, 3, 10])  # 0 none, 1 one or two, 2 a few, 3 many
        colour = item_colour(self.lane_kind, self.dark)
        painter.setPen(Qt.PenStyle.NoPen)
        y, h = (top, max(1.0, height)) if height < 8 else (top + height * 0.2, height * 0.6)
        for shade, alpha in ((1, 120), (2, 190), (3, 255)):
            runs = _runs(level == shade)
            if not runs:
                continue
            c = QColor(colour)
            c.setAlpha(alpha)
            painter.setBrush(c)
            painter.drawRects([QRectF(left + s, y, e - s, h) for s, e in runs])


def crowded(count: int, span_px: float) -> bool:
    """Whether count items over span_px pixels are drawn as a density strip: more than
    DETAIL_LIMIT, or more than CROWD_MIN dots closer than SPACING_PX on average (two dot
    widths: they would only pile up into blobs, at several times the cost)."""
    return count > min(DETAIL_LIMIT, max(CROWD_MIN, span_px / SPACING_PX))


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """[start, end) of each run of True."""
    if not mask.any():
        return []
    edges = np.flatnonzero(np.diff(np.concatenate(([0], mask.view(np.int8), [0]))))
    return list(zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True))


class TimelineScene(QGraphicsScene):
    """The items of a TimelineData in its lanes; x in days from the first item's day."""

    def __init__(self, data: TimelineData, dark: bool, parent=None) -> None:
        super().__init__(parent)
        self.data = data
        self.lanes = list(data.lanes)
        self.lane_by = data.lane_by
        n = len(data)
        self.origin = int(data.firsts.min()) if n else date.today().toordinal()
        starts = (data.firsts - self.origin).astype(np.float64)
        ends = (data.lasts + 1 - self.origin).astype(np.float64)
        points = data.firsts == data.lasts
        kinds = data.kinds.astype(np.int8)
        # each lane's items, still by start (a stable sort by lane of items sorted by start)
        order = np.argsort(data.lane_of, kind="stable")
        bounds = np.searchsorted(data.lane_of[order], np.arange(len(self.lanes) + 1))
        self.lane_items = [LaneItem(row, order[bounds[row]:bounds[row + 1]], starts, ends,
                                    points, kinds, dark) for row in range(len(self.lanes))]
        for lane in self.lane_items:
            self.addItem(lane)
        first = float(starts.min()) if n else 0.0
        last = float(ends.max()) if n else 1.0
        pad = max(1.0, (last - first) * 0.02)
        self.extent = (first - pad, last + pad)
        # room to pan well past either end (and to put the first item right of the names)
        room = (last - first) * 4 + 60
        self.setSceneRect(QRectF(first - room, 0, last - first + 2 * room,
                                 AXIS_H + max(1, len(self.lanes)) * LANE_H))

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        """Every other lane a faint band across the whole width."""
        band = QColor(128, 128, 128, 22)
        for row in range(1, len(self.lanes), 2):
            lane = QRectF(rect.left(), AXIS_H + row * LANE_H, rect.width(), LANE_H)
            if lane.intersects(rect):
                painter.fillRect(lane, band)

    def day_of(self, x: float) -> date:
        # zoomed out past year 1 or year 9999: the calendar's first or last day
        return date.fromordinal(min(max(1, int(np.floor(x)) + self.origin), _LAST_DAY))

    def x_of(self, day: date) -> float:
        return float(day.toordinal() - self.origin)

    def item_at(self, x: float, y: float, tolerance: float) -> int | None:
        """The item under scene point (x days, y), within tolerance days: a point first,
        then the shortest bar; its index in the data."""
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
        return int(lane.indices[int(best)])
