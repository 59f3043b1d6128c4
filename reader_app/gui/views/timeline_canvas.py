"""The timeline's QGraphicsView: zoom with the wheel around the cursor (time only), pan by
dragging, a plain-text tooltip on hover (the item's details read then, by id), a click
opens the item. With nothing to draw it says why instead (`message`)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPalette, QTransform, QWheelEvent
from PySide6.QtWidgets import QGraphicsView, QToolTip, QWidget

from reader_app.gui.shared.plain_text import clip, tip
from reader_app.gui.views.timeline_axis import LABEL_W, draw_axis, draw_lane_names
from reader_app.gui.views.timeline_scene import AXIS_H, LANE_H, TimelineScene
from reader_app.services.timeline import TimelineItem
from reader_app.services.timeline_data import TimelineMark

MAX_PX_PER_DAY = 600.0
HIT_PX = 6.0  # how near the pointer an item counts as under it


def hover_text(item: TimelineItem) -> str:
    """What the tooltip says, as plain text: the quote, the article, the date's story."""
    kind = {"claim": "Claim", "date": "Date tag", "article": "Article"}[item.kind]
    lines = [f"{kind} · {item.value}"]
    if item.quote:
        lines.append(f"“{clip(item.quote, 300)}”")
    if item.claimant:
        lines.append(f"Claimant: {clip(item.claimant, 100)}")
    if item.status:
        lines.append(f"Status: {item.status}")
    lines.append(f"Article: {clip(item.article_title, 200)}")
    lines.append(item.explanation)
    return "\n".join(lines)


class TimelineCanvas(QGraphicsView):
    item_clicked = Signal(object)  # the TimelineMark clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineCanvas")
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)  # zoom_at anchors
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._pressed: QPoint | None = None
        self._fitted = False  # the analyst has not zoomed: keep it all in view on resize
        self._message = ""  # drawn instead of the axis while there is nothing to draw
        # the whole item of a mark, for its tooltip (read from the library by id)
        self.details: Callable[[TimelineMark], TimelineItem | None] = lambda _mark: None

    def timeline(self) -> TimelineScene | None:
        scene = self.scene()
        return scene if isinstance(scene, TimelineScene) else None

    def message(self) -> str:
        return self._message

    def set_message(self, text: str) -> None:
        """Say text across the view (loading, nothing to show); "" for none."""
        if text != self._message:
            self._message = text
            self.viewport().update()

    def set_timeline(self, scene: TimelineScene, keep_view: bool) -> None:
        """Show scene; keep_view keeps the zoom and the day at the viewport's centre."""
        old = self.timeline()
        centre = self.mapToScene(self.viewport().rect().center()) if old else None
        day = old.day_of(centre.x()) if old and centre is not None else None
        self.setScene(scene)
        self.setHorizontalScrollBarPolicy(  # nothing to scroll to: no bar under the message
            Qt.ScrollBarPolicy.ScrollBarAsNeeded if len(scene.data)
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        if old is not None:
            old.deleteLater()
        if keep_view and day is not None and not self._fitted:
            self.centerOn(QPointF(scene.x_of(day), centre.y()))
        else:
            self.fit_all()

    # -- zoom -----------------------------------------------------------------------

    def px_per_day(self) -> float:
        return self.transform().m11()

    def fit_all(self) -> None:
        """Every item in view across the width (right of the lane names)."""
        scene = self.timeline()
        if scene is None:
            return
        first, last = scene.extent
        usable = max(50, self.viewport().width() - LABEL_W)
        sx = min(MAX_PX_PER_DAY, usable / max(1.0, last - first))
        self.setTransform(QTransform.fromScale(sx, 1.0))
        self.horizontalScrollBar().setValue(int((first * sx) - LABEL_W))
        self._fitted = True

    def zoom(self, factor: float, at: QPoint | None = None) -> None:
        """Scale time by factor, the day under viewport point `at` (the centre by default)
        staying where it is."""
        scene = self.timeline()
        if scene is None:
            return
        at = self.viewport().rect().center() if at is None else at
        before = self.mapToScene(at).x()
        first, last = scene.extent
        low = max(50, self.viewport().width() - LABEL_W) / max(1.0, last - first) / 2
        sx = self.px_per_day()
        factor = min(max(factor, low / sx), MAX_PX_PER_DAY / sx)
        self.scale(factor, 1.0)
        bar = self.horizontalScrollBar()
        bar.setValue(bar.value() + round((before - self.mapToScene(at).x()) * self.px_per_day()))
        self._fitted = False

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom(1.25 ** steps, event.position().toPoint())
            event.accept()

    def keyPressEvent(self, event) -> None:
        """+ and - zoom around the centre, 0 shows everything; arrows scroll (Qt's)."""
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(1.25)
        elif key == Qt.Key.Key_Minus:
            self.zoom(0.8)
        elif key in (Qt.Key.Key_0, Qt.Key.Key_Home):
            self.fit_all()
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._fitted:
            self.fit_all()

    # -- hover and click ------------------------------------------------------------

    def item_at(self, pos: QPoint) -> TimelineMark | None:
        scene = self.timeline()
        if scene is None:
            return None
        at = self.mapToScene(pos)
        index = scene.item_at(at.x(), at.y(), HIT_PX / self.px_per_day())
        return None if index is None else scene.data.mark(index)

    def position_of(self, item: TimelineMark) -> QPoint:
        """Where item is drawn, in viewport pixels (its point, or its bar's middle)."""
        scene = self.timeline()
        assert scene is not None
        row = scene.lanes.index(item.lane)
        x = (scene.x_of(item.start) + scene.x_of(item.end) + 1) / 2
        y = AXIS_H + (row + (0.32 if item.is_point else 0.68)) * LANE_H
        return self.mapFromScene(QPointF(x, y))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._pressed = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        pos = event.position().toPoint()
        if (self._pressed is not None and event.button() == Qt.MouseButton.LeftButton
                and (pos - self._pressed).manhattanLength() < 4):
            item = self.item_at(pos)
            if item is not None:
                self.item_clicked.emit(item)
        self._pressed = None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if event.buttons() == Qt.MouseButton.NoButton:
            mark = self.item_at(event.position().toPoint())
            item = None if mark is None else self.details(mark)
            if item is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPosition().toPoint(), tip(hover_text(item)), self)

    # -- the axis and lane names over the items -------------------------------------

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        scene = self.timeline()
        if self._message or scene is None or not len(scene.data):
            self._draw_message(painter)
            return
        t = self.viewportTransform()
        painter.save()
        painter.resetTransform()
        size = self.viewport().size()
        draw_axis(painter, self.palette(), size.width(), size.height(), t.m11(), t.dx(),
                  scene.day_of, scene.x_of)
        draw_lane_names(painter, self.palette(), scene.lanes, t.m22(), t.dy(), size.height())
        painter.restore()

    def _draw_message(self, painter: QPainter) -> None:
        """The message in the middle of the view, as plain text (it may name a filter)."""
        if not self._message:
            return
        painter.save()
        painter.resetTransform()
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        box = QRectF(self.viewport().rect()).adjusted(40, 20, -40, -20)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                         self._message)
        painter.restore()
