"""Annotation highlights: an interval index and a layer painted under/over the text.

Nothing here touches the document's formats. Annotations are kept sorted by
start; each paint asks only for those intersecting the visible text and turns
them into rectangles from the blocks' line layouts (cached by span). Cost per
paint and per add/remove depends on what is on screen, not on how many exist.
"""

from __future__ import annotations

import time
from bisect import bisect_left, insort
from collections.abc import Iterable, Sequence
from operator import itemgetter

from PySide6.QtCore import QObject, QPointF, QRectF, QSizeF, Qt, QVariantAnimation, Signal, Slot
from PySide6.QtGui import QColor, QPainter, QTextDocument

from reader_app.domain.codebook import OWN_PREFIX
from reader_app.domain.models import Annotation
from reader_app.domain.offsets import OffsetMap
from reader_app.domain.suggestions import Suggestion
from reader_app.gui.article.document import visible_range
from reader_app.gui.article.geometry import Geometry
from reader_app.gui.article.sweep import Sweep
from reader_app.gui.shared.palette import (
    LANE,
    flash_colour,
    paint_marks,
    paint_outline,
    paint_suggestions,
)
from reader_app.storage.annotations import Span, span_key, span_of

LONG = 1024  # spans longer than this live in a short side list
FLASH_MS = 600
REACH = 12.0  # px beyond the viewport that a line's marks may be drawn
LATER_MS = 50  # before a band of the sweep not laid out yet is tried again
RETRIES = 40  # of one band: then the sweep gives up until planned anew
QUIET_S = 0.15  # the sweep waits this long after a paint: while the reader scrolls or tags
STEP_SPANS = 400  # spans a step of the sweep finds at most (~5-10 ms): input comes first
_START = itemgetter(0)


def as_spans(annotations: Iterable[Annotation | Span]) -> list[Span]:
    """Spans (start, end, id, kind, quote); Annotations are turned into theirs."""
    items = annotations if isinstance(annotations, list) else list(annotations)
    if items and not isinstance(items[0], tuple):
        items = [a if isinstance(a, tuple) else span_of(a) for a in items]
    return items


class SpanIndex:
    """Spans (start, end, id, kind, quote) sorted by start; O(log n) lookups, memmove-cheap
    inserts. Holds the tuples opening an article read (no object built per tag); the
    id -> span map is built the first time a tag is looked up by id alone."""

    def __init__(self, annotations: Iterable[Annotation | Span] = ()) -> None:
        spans = sorted(as_spans(annotations), key=_START)  # spans come in order: one pass
        # a flagged tag whose quote is nowhere beyond doubt sits at 0, 0: drawn nowhere;
        # one pass finds those and the long ones (both rare), a second only if there are any
        odd = [s for s in spans if not 0 < s[1] - s[0] <= LONG]
        if odd:
            spans = [s for s in spans if 0 < s[1] - s[0] <= LONG]
        self._sorted = spans
        self._long = [s for s in odd if s[0] < s[1]]
        self._by_id: dict[int, Span] | None = None
        self._count = len(spans) + len(self._long)

    def __len__(self) -> int:
        return self._count

    def _ids(self) -> dict[int, Span]:
        if self._by_id is None:
            self._by_id = {s[2]: s for s in self._sorted}
            self._by_id.update((s[2], s) for s in self._long)
        return self._by_id

    def get(self, ann_id: int) -> Span | None:
        return self._ids().get(ann_id)

    def _find(self, ann_id: int, start: int) -> Span | None:
        """The span of ann_id; start: where it starts, if known (positions never move:
        an edit keeps the span), then it is found by bisection, without the id map."""
        if start < 0 or self._by_id is not None:
            return self.get(ann_id)
        spans = self._sorted
        i = bisect_left(spans, start, key=_START)
        while i < len(spans) and spans[i][0] == start:
            if spans[i][2] == ann_id:
                return spans[i]
            i += 1
        return next((s for s in self._long if s[2] == ann_id), None)

    def add(self, ann: Annotation | Span) -> None:
        span = ann if isinstance(ann, tuple) else span_of(ann)
        self.remove(span[2], span[0])
        if span[0] >= span[1]:  # not placed
            return
        self._count += 1
        if self._by_id is not None:
            self._by_id[span[2]] = span
        if span[1] - span[0] > LONG:
            self._long.append(span)
        else:
            insort(self._sorted, span, key=_START)

    def remove(self, ann_id: int, start: int = -1) -> Span | None:
        """start: where the tag starts, if known (then no id map is needed)."""
        span = self._find(ann_id, start)
        if span is None:
            return None
        self._count -= 1
        if self._by_id is not None:
            self._by_id.pop(ann_id, None)
        if span[1] - span[0] > LONG:
            self._long.remove(span)
            return span
        i = bisect_left(self._sorted, span[0], key=_START)
        while self._sorted[i][2] != ann_id:
            i += 1
        del self._sorted[i]
        return span

    def discard(self, start: int, end: int, kind: str) -> None:
        """Remove the span (start, end) of a kind, whatever its id (a suggestion's)."""
        spans = self._long if end - start > LONG else self._sorted
        i = bisect_left(spans, start, key=_START) if spans is self._sorted else 0
        while i < len(spans) and (spans is self._long or spans[i][0] == start):
            s = spans[i]
            if s[0] == start and s[1] == end and s[3] == kind:
                del spans[i]
                self._count -= 1
                if self._by_id is not None:
                    self._by_id.pop(s[2], None)
                return
            i += 1

    def next_after(self, key: tuple[int, int, int]) -> Span | None:
        """The first span in text order (span_key: start, the longer first, id) after key;
        O(log n): a bisection, then only the spans sharing one start are looked at."""
        spans = self._sorted
        i = bisect_left(spans, key[0], key=_START)
        found = [s for s in self._group(i) if span_key(s) > key]
        if not found:
            j = i
            while j < len(spans) and spans[j][0] == key[0]:
                j += 1
            found = self._group(j)
        found += [s for s in self._long if span_key(s) > key]
        return min(found, key=span_key) if found else None

    def last_before(self, key: tuple[int, int, int]) -> Span | None:
        """The last span in text order before key (as next_after, backwards)."""
        spans = self._sorted
        i = bisect_left(spans, key[0], key=_START)
        found = [s for s in self._group(i) if span_key(s) < key]
        if not found and i > 0:
            found = self._group(bisect_left(spans, spans[i - 1][0], key=_START))
        found += [s for s in self._long if span_key(s) < key]
        return max(found, key=span_key) if found else None

    def _group(self, i: int) -> list[Span]:
        """The spans from index i on that start where spans[i] starts."""
        spans = self._sorted
        j = i
        while j < len(spans) and spans[j][0] == spans[i][0]:
            j += 1
        return spans[i:j]

    def overlapping(self, start: int, end: int) -> list[Span]:
        """Spans with s.start < end and s.end > start, sorted by start."""
        spans = self._sorted
        i = bisect_left(spans, start - LONG, key=_START)
        found = []
        while i < len(spans) and spans[i][0] < end:
            if spans[i][1] > start:
                found.append(spans[i])
            i += 1
        if self._long:
            found.extend(s for s in self._long if s[0] < end and s[1] > start)
            found.sort(key=_START)
        return found


def _actor_lanes(spans: list[Span]) -> dict[int, int]:
    """Overlapping actors get stacked underlines (greedy interval colouring)."""
    lanes: dict[int, int] = {}
    lane_ends: list[int] = []
    for start, end, ann_id, kind, _ in spans:
        if kind != "actor":
            continue
        for n, lane_end in enumerate(lane_ends):
            if lane_end <= start:
                lane_ends[n] = end
                lanes[ann_id] = n
                break
        else:
            lanes[ann_id] = len(lane_ends)
            lane_ends.append(end)
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
        # suggestions as spans (start, end, n, kind, quote), n: the place in the list
        self.suggested = SpanIndex()
        self.current_suggestion: tuple[str, int, int] | None = None  # (kind, start, end)
        self.flash_id: int | None = None
        self.flash_level = 0.0
        self._rects: dict[tuple[int, int], list[QRectF]] = {}
        self._geometry = Geometry()  # each block's lines, read from Qt once
        self._width = -1.0
        # the last paint's (place, revision) -> (visible range, spans there): a repaint of
        # the same place (a flash frame, a second paint after a tag) asks Qt nothing again
        self._frame: tuple[tuple, tuple[tuple[int, int], list[Span]]] | None = None
        self._revision = 0  # of the spans and of the layout
        # document y ranges whose rectangles are to be found in idle time (warm_next)
        self._warm: list[tuple[float, float]] = []
        self._warm_for: tuple[int, float] = (-1, -1.0)  # (revision, text width) planned at
        # then the rest of the article, band by band (see sweep.py); planned anew for new
        # spans, suggestions, document or width (not for one tag more: its paint finds it)
        self._sweep = Sweep()
        self._sweep_gen = 0
        self._retries = 0
        self._painted_at = 0.0  # time.monotonic() of the last paint
        # this paint's spans by kind, (rects, span) each, and suggestions (kind, rects,
        # start, end): found by paint_under, drawn by both layers
        self._by_kind: dict[str, list[tuple[list[QRectF], Span]]] = {}
        self._suggested_now: list[tuple[str, list[QRectF], int, int]] = []
        self._flash = QVariantAnimation(self)
        self._flash.setDuration(FLASH_MS)
        self._flash.setKeyValues([(0.0, 0.0), (0.15, 1.0), (0.6, 0.8), (1.0, 0.0)])
        self._flash.valueChanged.connect(self._on_flash_value_changed)
        self._flash.finished.connect(self._on_flash_finished)

    def reset(self, doc: QTextDocument, omap: OffsetMap,
              annotations: Iterable[Annotation | Span]) -> None:
        self._flash.stop()
        self.doc, self.omap, self.index = doc, omap, SpanIndex(annotations)
        self.matches, self.selected_id, self.flash_id = [], None, None
        self.suggested, self.current_suggestion = SpanIndex(), None
        self._rects.clear()
        self._geometry = Geometry(doc, omap)
        self._sweep_gen += 1
        self._watch(doc)

    def replace(self, annotations: Iterable[Annotation | Span]) -> None:
        """All of the article's tags anew, same text and document (opening drew the top's)."""
        self.index = SpanIndex(annotations)
        self._sweep_gen += 1
        self._bump()
        self.changed.emit()

    def rebind(self, doc: QTextDocument) -> None:
        """Same text, new document (rebuilt for a palette change)."""
        self.doc = doc
        self._rects.clear()
        self._geometry = Geometry(doc, self.omap)
        self._sweep_gen += 1
        self._watch(doc)

    def _watch(self, doc: QTextDocument) -> None:
        """Lazy layout moves what lies below the laid-out part: a cached frame is dropped."""
        self._bump()
        doc.documentLayout().documentSizeChanged.connect(self._on_layout_size_changed)

    def _bump(self) -> None:
        self._revision += 1
        self._frame = None

    def visible_spans(self, offset: QPointF, size: QSizeF) -> tuple[tuple[int, int], list[Span]]:
        """The code points of the lines in the viewport at offset, and the spans there."""
        key = (offset.x(), offset.y(), size.width(), size.height(), self.doc.textWidth(),
               self._revision)
        if self._frame is not None and self._frame[0] == key:
            return self._frame[1]
        self._check_width()
        # lines just outside reach in: outlines grow, stacked underlines drop below a line
        units = self._geometry.visible_units(offset.y() - REACH, offset.y() + size.height() + REACH)
        if units is None:
            visible = visible_range(self.doc, self.omap, offset, size)
        else:
            visible = self.omap.to_code_point(units[0]), self.omap.to_code_point(units[1])
        found = visible, self.index.overlapping(*visible)
        self._frame = key, found
        height = size.height()
        below = offset.y() + height + REACH
        self._warm = [(below, below + height), (max(0.0, offset.y() - REACH - height),
                                                max(0.0, offset.y() - REACH))]
        self._warm_for = (self._revision, self.doc.textWidth())
        self._sweep.plan(self._sweep_key(), offset.y(), height)
        self._painted_at = time.monotonic()
        return found

    def _sweep_key(self) -> tuple[int, float]:
        return self._sweep_gen, self.doc.textWidth()

    def wants_warm(self) -> bool:
        return bool(self._warm) or self._sweep.pending()

    def warm_next(self) -> int | None:
        """One step of the work found for idle time after a paint; returns the delay in ms
        before the next (0: at the next turn of the event loop), None when nothing is left.

        First the rectangles of the spans one viewport below the last paint's, then one
        above: scrolling on by a page or a few lines finds them kept. Qt keeps a block's
        shaped text from cursorToX until it draws the block, so the paint there shapes
        nothing either: paging down through 20,000 tags, a paint costs ~1.2x one without
        tags (~1.6-1.9x when nothing was found ahead; benchmarks/bench_view.py (e)).
        Then the rest of the article, one viewport-high band a step (sweep.py), so that
        a far jump finds the same, once the reader has not moved for QUIET_S (a tag or a
        scroll then never waits for a step of it). A place not laid out yet is tried
        again later."""
        doc = self.doc
        if doc is None:
            self._warm = []
            self._sweep.drop()
            return None
        if self._warm:
            # planned for these tags at this width (the layout going on below is no
            # reason to stop: visible_units checks the lines it finds against Qt)
            if self._warm_for != (self._revision, doc.textWidth()):
                self._warm = []
            else:
                self._find_band(*self._warm.pop(0))
                return 0
        return self._sweep_step(doc)

    def _sweep_step(self, doc: QTextDocument) -> int | None:
        sweep = self._sweep
        if sweep.key != self._sweep_key() or self._width != doc.textWidth():
            sweep.drop()  # planned for other spans or another width: the next paint plans
            return None
        wait = self._painted_at + QUIET_S - time.monotonic()
        if wait > 0:  # the reader is busy here: the near bands were enough for now
            return int(wait * 1000) + 1
        last = doc.lastBlock()
        laid_out = not last.isValid() or last.layout().lineCount() > 0
        band = sweep.next_band(doc.documentLayout().documentSize().height()
                               if laid_out else float("inf"))
        if band is None:
            return None
        units = self._find_band(*band, most=STEP_SPANS)
        if units == -1:  # a crowded band: the rest of it at the next turn
            sweep.retry()
            return 0
        if units is None:
            sweep.retry()
            self._retries += 1
            if self._retries > RETRIES:
                sweep.drop()
                return None
            return LATER_MS
        self._retries = 0
        sweep.done(units)
        return 0 if sweep.pending() else None

    def _find_band(self, top: float, bottom: float, most: int | None = None) -> int | None:
        """The rectangles of the spans and suggestions in document y [top, bottom), kept;
        returns how many UTF-16 units those lines hold (None: not laid out there; -1:
        only `most` spans not kept yet were found, there are more)."""
        units = self._geometry.visible_units(top, bottom)
        if units is None:
            return None
        cps = self.omap.to_code_point(units[0]), self.omap.to_code_point(units[1])
        spans = self.index.overlapping(*cps)
        if len(self.suggested):
            spans += self.suggested.overlapping(*cps)
            spans.sort(key=_START)
        if most is not None and len(spans) > most:
            kept = self._rects
            missing = [s for s in spans if (s[0], s[1]) not in kept]
            if len(missing) > most:
                self._many_rects(missing[:most])
                return -1
            spans = missing
        self._many_rects(spans)
        return units[1] - units[0]

    def add(self, ann: Annotation | Span) -> None:
        self.index.add(ann)
        self._bump()
        self.changed.emit()

    def remove(self, ann_id: int, start: int = -1) -> None:
        self.index.remove(ann_id, start)
        self._bump()
        if self.selected_id == ann_id:
            self.selected_id = None
        self.changed.emit()

    def select(self, ann_id: int | None) -> None:
        self.selected_id = ann_id
        self.changed.emit()

    def set_suggestions(self, suggestions: Sequence[Suggestion]) -> None:
        self.suggested = SpanIndex([(s.start, s.end, n, s.kind, s.quote)
                                    for n, s in enumerate(suggestions)])
        self._sweep_gen += 1
        self.changed.emit()

    def drop_suggestions(self, gone: Sequence[Suggestion]) -> None:
        """A few suggestions went: the rest keep their place (and found rectangles)."""
        for s in gone:
            self.suggested.discard(s.start, s.end, s.kind)
        self.changed.emit()

    def set_current_suggestion(self, key: tuple[str, int, int] | None) -> None:
        self.current_suggestion = key
        self.changed.emit()

    def set_matches(self, matches: list[tuple[int, int]]) -> None:
        self.matches = matches
        self.changed.emit()

    def flash(self, ann_id: int) -> None:
        self.flash_id = ann_id
        self._flash.stop()
        self._flash.start()

    def is_empty(self) -> bool:
        return not len(self.index) and not self.matches and not len(self.suggested)

    def rects(self, start: int, end: int) -> list[QRectF]:
        if self.doc is None:
            return []
        self._check_width()
        return self._span_rects(start, end)

    def _span_rects(self, start: int, end: int) -> list[QRectF]:
        """rects() once the width is known to be checked (a paint checks it first)."""
        found = self._rects.get((start, end))
        if found is None:
            found, complete = self._geometry.span_rects(start, end)
            if complete:
                if len(self._rects) >= self._cache_limit():
                    self._rects.clear()
                self._rects[(start, end)] = found
        return found

    def _many_rects(self, spans: list[Span]) -> list[list[QRectF]]:
        """_span_rects of every span, those not kept asked of the geometry in one go."""
        kept = self._rects
        found: dict[tuple[int, int], list[QRectF]] = {}
        missing = []
        for s in spans:
            key = (s[0], s[1])
            rects = kept.get(key)
            if rects is None:
                missing.append(key)
            else:
                found[key] = rects
        if missing:
            asked = self._geometry.many_span_rects(missing)
            limit = self._cache_limit()
            for key, (rects, complete) in zip(missing, asked, strict=True):
                found[key] = rects
                if complete:
                    if len(kept) >= limit:
                        kept.clear()
                    kept[key] = rects
        return [found[(s[0], s[1])] for s in spans]

    def _cache_limit(self) -> int:
        """Room for every span and suggestion (a sweep finds them all), and then some."""
        return max(self.CACHE_LIMIT, 2 * (len(self.index) + len(self.suggested)))

    def _check_width(self) -> None:
        if self._width != self.doc.textWidth():  # re-wrapped: every rectangle moved
            self._rects.clear()
            self._geometry.clear()
            self._width = self.doc.textWidth()

    def annotation_at(self, point: QPointF) -> int | None:
        """The innermost (shortest) annotation drawn under a document point."""
        found = self.spans_at(point, first_only=True)
        return found[0][2] if found else None

    def spans_at(self, point: QPointF, first_only: bool = False) -> list[Span]:
        """Every annotation drawn under a document point, innermost (shortest) first."""
        if self.doc is None or not len(self.index):
            return []
        unit = self.doc.documentLayout().hitTest(point, Qt.HitTestAccuracy.FuzzyHit)
        if unit < 0:
            return []
        cp = self.omap.to_code_point(unit)
        candidates = self.index.overlapping(cp - 1, cp + 1)
        found = []
        for span in sorted(candidates, key=lambda s: (s[1] - s[0], -s[0], s[2])):
            if any(r.adjusted(-1, -1, 1, LANE).contains(point) for r in self.rects(*span[:2])):
                found.append(span)
                if first_only:
                    break
        return found

    def suggestion_at(self, point: QPointF) -> tuple[str, int, int] | None:
        """(kind, start, end) of the shortest suggestion drawn under a document point."""
        if self.doc is None or not len(self.suggested):
            return None
        unit = self.doc.documentLayout().hitTest(point, Qt.HitTestAccuracy.FuzzyHit)
        if unit < 0:
            return None
        cp = self.omap.to_code_point(unit)
        candidates = self.suggested.overlapping(cp - 1, cp + 1)
        for start, end, _, kind, _ in sorted(candidates, key=lambda s: (s[1] - s[0], -s[0])):
            if any(r.adjusted(-2, -1, 2, 1).contains(point) for r in self.rects(start, end)):
                return kind, start, end
        return None

    def paint_under(
        self, painter: QPainter, visible: tuple[int, int], spans: list[Span], dark: bool,
        find: QColor,
    ) -> None:
        """Fills, painted before the text: find matches, claims and own codes.
        spans: index.overlapping(*visible), asked once per paint for both layers (which
        checked the width: rectangles are taken from the cache as they are).

        Every rectangle of this paint is found here, before the text is drawn: Qt drops a
        block's shaped glyphs once it has drawn it (QTextLayout keeps no cache), so finding
        the rest after the text would shape each line a second time. One pass over the
        spans sorts them by kind for both layers (kept for paint_over)."""
        span_rects = self._span_rects
        by_kind: dict[str, list[tuple[list[QRectF], Span]]] = {}
        for s, rects in zip(spans, self._many_rects(spans), strict=True):
            item = (rects, s)
            group = by_kind.get(s[3])
            if group is None:
                by_kind[s[3]] = [item]
            else:
                group.append(item)
        self._by_kind = by_kind
        suggested = self.suggested.overlapping(*visible) if len(self.suggested) else []
        self._suggested_now = [(s[3], rects, s[0], s[1])
                               for s, rects in zip(suggested, self._many_rects(suggested),
                                                   strict=True)]
        matches = self.matches
        i = max(0, bisect_left(matches, (visible[0],)) - 1)
        while i < len(matches) and matches[i][0] < visible[1]:
            for r in span_rects(*matches[i]):
                painter.fillRect(r, find)
            i += 1
        claims = by_kind.get("claim")
        if claims:
            paint_marks(painter, "claim", [(rects, 0) for rects, _ in claims], dark)
        for kind, items in by_kind.items():  # own codes: under the text too
            if kind.startswith(OWN_PREFIX):
                paint_marks(painter, kind, [(rects, 0) for rects, _ in items], dark)

    def paint_over(
        self, painter: QPainter, visible: tuple[int, int], spans: list[Span], dark: bool,
        accent: QColor,
    ) -> None:
        """Lines and boxes, painted after the text so a selection cannot hide them."""
        by_kind = self._by_kind
        for kind, items in by_kind.items():
            if kind == "claim" or kind.startswith(OWN_PREFIX):
                continue
            if kind == "actor":
                lanes = _actor_lanes([s for _, s in items])
                paint_marks(painter, kind, [(rects, lanes.get(s[2], 0)) for rects, s in items],
                            dark)
            else:
                paint_marks(painter, kind, [(rects, 0) for rects, _ in items], dark)
        if self._suggested_now:
            current = self.current_suggestion
            paint_suggestions(painter, [
                (kind, rects, (kind, start, end) == current)
                for kind, rects, start, end in self._suggested_now], dark)
        outlines = [(self.selected_id, accent, 2.0, 3.0)]
        if self.flash_level > 0:
            colour = flash_colour(dark)
            colour.setAlphaF(min(1.0, self.flash_level))
            outlines.append(
                (self.flash_id, colour, 2 + 3 * self.flash_level, 4 + 2 * self.flash_level)
            )
        for ann_id, colour, width, grow in outlines:
            # only a tag on screen gets its outline: look among those, not up by id
            span = None if ann_id is None else next((s for s in spans if s[2] == ann_id), None)
            if span is not None:
                paint_outline(painter, self._span_rects(span[0], span[1]), colour, width, grow)

    @Slot()
    def _on_layout_size_changed(self) -> None:
        self._frame = None

    @Slot(object)
    def _on_flash_value_changed(self, value: float) -> None:
        self.flash_level = float(value)
        self.changed.emit()

    @Slot()
    def _on_flash_finished(self) -> None:
        self.flash_id, self.flash_level = None, 0.0
        self.changed.emit()
