"""Annotation highlights: an interval index and a layer painted under/over the text.

Nothing here touches the document's formats. Annotations are kept sorted by
start; each paint asks only for those intersecting the visible text and turns
them into rectangles from the blocks' line layouts (cached by span). Cost per
paint and per add/remove depends on what is on screen, not on how many exist.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable
from operator import attrgetter

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, QVariantAnimation, Signal, Slot
from PySide6.QtGui import QColor, QPainter, QTextDocument

from reader_app.domain.models import Annotation
from reader_app.domain.offsets import OffsetMap
from reader_app.gui.article.document import span_rects
from reader_app.gui.shared.palette import FLASH, LANE, paint_marks, paint_outline

LONG = 1024  # spans longer than this live in a short side list
FLASH_MS = 600
_START = attrgetter("start")


class SpanIndex:
    """Annotations sorted by start; O(log n) lookups, memmove-cheap inserts.

    Holds the Annotation objects themselves: building a tuple per annotation
    allocates enough at 20k to trigger full GC passes (~10 ms, a third of the
    first-paint budget); sorting existing objects by key allocates nothing.
    """

    def __init__(self, annotations: Iterable[Annotation] = ()) -> None:
        # a flagged tag whose quote is nowhere beyond doubt is drawn nowhere (Annotation.placed)
        self._sorted = sorted((a for a in annotations if a.placed), key=_START)  # ~linear
        self._by_id = {a.id: a for a in self._sorted}
        self._long = [a for a in self._sorted if a.end - a.start > LONG]
        if self._long:
            self._sorted = [a for a in self._sorted if a.end - a.start <= LONG]

    def __len__(self) -> int:
        return len(self._by_id)

    def get(self, ann_id: int) -> Annotation | None:
        return self._by_id.get(ann_id)

    def add(self, ann: Annotation) -> None:
        self.remove(ann.id)
        if not ann.placed:
            return
        self._by_id[ann.id] = ann
        if ann.end - ann.start > LONG:
            self._long.append(ann)
        else:
            insort(self._sorted, ann, key=_START)

    def remove(self, ann_id: int) -> Annotation | None:
        ann = self._by_id.pop(ann_id, None)
        if ann is None:
            return None
        if ann.end - ann.start > LONG:
            self._long.remove(ann)
            return ann
        i = bisect_left(self._sorted, ann.start, key=_START)
        while self._sorted[i].id != ann_id:
            i += 1
        del self._sorted[i]
        return ann

    def overlapping(self, start: int, end: int) -> list[Annotation]:
        """Annotations with a.start < end and a.end > start, sorted by start."""
        spans = self._sorted
        i = bisect_left(spans, start - LONG, key=_START)
        found = []
        while i < len(spans) and spans[i].start < end:
            if spans[i].end > start:
                found.append(spans[i])
            i += 1
        if self._long:
            found.extend(a for a in self._long if a.start < end and a.end > start)
            found.sort(key=_START)
        return found


def _actor_lanes(spans: list[Annotation]) -> dict[int, int]:
    """Overlapping actors get stacked underlines (greedy interval colouring)."""
    lanes: dict[int, int] = {}
    lane_ends: list[int] = []
    for s in spans:
        if s.kind != "actor":
            continue
        for n, lane_end in enumerate(lane_ends):
            if lane_end <= s.start:
                lane_ends[n] = s.end
                lanes[s.id] = n
                break
        else:
            lanes[s.id] = len(lane_ends)
            lane_ends.append(s.end)
    return lanes


class HighlightLayer(QObject):
    """What is painted over one document: annotations, find matches, the
    selected annotation and a brief flash. Emits changed when a repaint is due."""

    changed = Signal()
    CACHE_LIMIT = 20_000

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc: QTextDocument | None = None
        self.omap = OffsetMap("")
        self.index = SpanIndex()
        self.matches: list[tuple[int, int]] = []  # sorted, non-overlapping
        self.selected_id: int | None = None
        self.flash_id: int | None = None
        self.flash_level = 0.0
        self._rects: dict[tuple[int, int], list[QRectF]] = {}
        self._bidi: dict[int, bool] = {}  # block number -> holds right-to-left text
        self._width = -1.0
        self._flash = QVariantAnimation(self)
        self._flash.setDuration(FLASH_MS)
        self._flash.setKeyValues([(0.0, 0.0), (0.15, 1.0), (0.6, 0.8), (1.0, 0.0)])
        self._flash.valueChanged.connect(self._on_flash_value_changed)
        self._flash.finished.connect(self._on_flash_finished)

    def reset(self, doc: QTextDocument, omap: OffsetMap, annotations: Iterable[Annotation]) -> None:
        self._flash.stop()
        self.doc, self.omap, self.index = doc, omap, SpanIndex(annotations)
        self.matches, self.selected_id, self.flash_id = [], None, None
        self._rects.clear()
        self._bidi.clear()

    def rebind(self, doc: QTextDocument) -> None:
        """Same text, new document (rebuilt for a palette change)."""
        self.doc = doc
        self._rects.clear()
        self._bidi.clear()

    def add(self, ann: Annotation) -> None:
        self.index.add(ann)
        self.changed.emit()

    def remove(self, ann_id: int) -> None:
        self.index.remove(ann_id)
        if self.selected_id == ann_id:
            self.selected_id = None
        self.changed.emit()

    def select(self, ann_id: int | None) -> None:
        self.selected_id = ann_id
        self.changed.emit()

    def set_matches(self, matches: list[tuple[int, int]]) -> None:
        self.matches = matches
        self.changed.emit()

    def flash(self, ann_id: int) -> None:
        self.flash_id = ann_id
        self._flash.stop()
        self._flash.start()

    def is_empty(self) -> bool:
        return not len(self.index) and not self.matches

    def rects(self, start: int, end: int) -> list[QRectF]:
        if self.doc is None:
            return []
        if self._width != self.doc.textWidth():  # re-wrapped: every rectangle moved
            self._rects.clear()
            self._width = self.doc.textWidth()
        found = self._rects.get((start, end))
        if found is None:
            found, complete = span_rects(self.doc, self.omap, start, end, self._bidi)
            if complete:
                if len(self._rects) >= self.CACHE_LIMIT:
                    self._rects.clear()
                self._rects[(start, end)] = found
        return found

    def annotation_at(self, point: QPointF) -> int | None:
        """The innermost (shortest) annotation drawn under a document point."""
        if self.doc is None or not len(self.index):
            return None
        unit = self.doc.documentLayout().hitTest(point, Qt.HitTestAccuracy.FuzzyHit)
        if unit < 0:
            return None
        cp = self.omap.to_code_point(unit)
        candidates = self.index.overlapping(cp - 1, cp + 1)
        for ann in sorted(candidates, key=lambda a: (a.end - a.start, -a.start)):
            if any(
                r.adjusted(-1, -1, 1, LANE).contains(point) for r in self.rects(ann.start, ann.end)
            ):
                return ann.id
        return None

    def paint_under(
        self, painter: QPainter, visible: tuple[int, int], spans: list[Annotation], dark: bool,
        find: QColor,
    ) -> None:
        """Fills, painted before the text: find matches and claims.
        spans: index.overlapping(*visible), asked once per paint for both layers."""
        i = max(0, bisect_left(self.matches, (visible[0],)) - 1)
        while i < len(self.matches) and self.matches[i][0] < visible[1]:
            for r in self.rects(*self.matches[i]):
                painter.fillRect(r, find)
            i += 1
        paint_marks(
            painter,
            "claim",
            [(self.rects(a.start, a.end), 0) for a in spans if a.kind == "claim"],
            dark,
        )

    def paint_over(
        self, painter: QPainter, visible: tuple[int, int], spans: list[Annotation], dark: bool,
        accent: QColor,
    ) -> None:
        """Lines and boxes, painted after the text so a selection cannot hide them."""
        lanes = _actor_lanes(spans)
        by_kind: dict[str, list[tuple[list[QRectF], int]]] = {}
        for a in spans:
            if a.kind != "claim":
                by_kind.setdefault(a.kind, []).append(
                    (self.rects(a.start, a.end), lanes.get(a.id, 0))
                )
        for kind, items in by_kind.items():
            paint_marks(painter, kind, items, dark)
        outlines = [(self.selected_id, accent, 2.0, 3.0)]
        if self.flash_level > 0:
            colour = QColor(FLASH)
            colour.setAlphaF(min(1.0, self.flash_level))
            outlines.append(
                (self.flash_id, colour, 2 + 3 * self.flash_level, 4 + 2 * self.flash_level)
            )
        for ann_id, colour, width, grow in outlines:
            ann = None if ann_id is None else self.index.get(ann_id)
            if ann is not None and ann.start < visible[1] and ann.end > visible[0]:
                paint_outline(painter, self.rects(ann.start, ann.end), colour, width, grow)

    @Slot(object)
    def _on_flash_value_changed(self, value: float) -> None:
        self.flash_level = float(value)
        self.changed.emit()

    @Slot()
    def _on_flash_finished(self) -> None:
        self.flash_id, self.flash_level = None, 0.0
        self.changed.emit()
