"""Where text is drawn, with each block's line geometry read from Qt once.

Asking Qt per span, as the view once did (tests/test_speed_open.py keeps that as the
reference), takes a dozen questions: the block, its layout, the lines holding both ends,
their positions. A paint of 20,000 tags draws a few dozen spans in a handful of blocks
and lines: BlockLines keeps what a block's layout says about the lines drawn, so a span
costs one line lookup in Qt and two cursorToX.
A cache is only as good as its layout: the owner drops it when the text is re-wrapped
or the document replaced (HighlightLayer does, with its rectangles).

The block's QTextLayout is asked for at each use, never kept: Qt owns it and frees it
without telling PySide6, so a kept wrapper outlives it, and a new object of another type
born at the same address is then handed out as that stale wrapper (seen in CI: a
table's selectionModel() came back as a 'QTextLayout').
"""

from __future__ import annotations

from bisect import bisect_right
from math import inf

from PySide6.QtCore import QRectF
from PySide6.QtGui import QTextBlock, QTextDocument, QTextLayout

from reader_app.domain.offsets import OffsetMap
from reader_app.gui.article.document import has_rtl, line_pieces


class BlockLines:
    """One laid-out block: its span of document positions and its lines' geometry."""

    __slots__ = ("block", "position", "end", "x", "y", "bidi", "count", "lines", "xs")

    def __init__(self, block: QTextBlock) -> None:
        self.block = block  # a value; its layout is fetched per use (see the module note)
        layout = block.layout()
        self.position = block.position()
        self.end = self.position + block.length() - 1  # the separator is not text
        origin = layout.position()
        self.x, self.y = origin.x(), origin.y()
        self.bidi = has_rtl(block.text())
        self.count = layout.lineCount()
        # line number -> (start, end, top, height), filled as lines are drawn; no list of
        # every line's start up front: a paint meets a few lines of each block, and Qt
        # finds a position's line itself (lineForTextPosition, one call)
        self.lines: dict[int, tuple[int, int, float, float]] = {}
        # (line number, block position) -> cursorToX there: a line's ends are where every
        # span crossing it begins or stops, and Qt answers each question anew (~5-25 µs)
        self.xs: dict[tuple[int, int], float] = {}

    @property
    def layout(self) -> QTextLayout:
        return self.block.layout()

    def line_at_y(self, y: float) -> int:
        """The last line whose top is at or above document y (0 if none is)."""
        layout, top = self.layout, self.y
        found = bisect_right(range(layout.lineCount()), y, key=lambda n: top + layout.lineAt(n).y())
        return max(found - 1, 0)

    def line_number(self, pos: int) -> int:
        """The line holding block position pos (the last line for the block's end)."""
        found = self.layout.lineForTextPosition(pos).lineNumber()
        return found if found >= 0 else self.count - 1

    def line(self, n: int) -> tuple[int, int, float, float]:
        found = self.lines.get(n)
        if found is None:
            line = self.layout.lineAt(n)
            start = line.textStart()
            found = self.lines[n] = (start, start + line.textLength(), self.y + line.y(),
                                     line.height())
        return found

    def rects(self, a: int, b: int, out: list[QRectF], layout: QTextLayout | None = None) -> None:
        """Append the rectangles of block positions [a, b) to out (a < b). The hot path
        of a paint (dozens of spans, each new on screen): Qt finds the first line, the
        next lines follow it. layout: this block's, fetched by a caller asking for many
        spans in one go (never kept beyond that: see the module note)."""
        if layout is None:
            layout = self.block.layout()
        line = layout.lineForTextPosition(a)  # its lines stay valid while this runs
        n = line.lineNumber()
        if n < 0:
            return
        lines, x, bidi, xs, count = self.lines, self.x, self.bidi, self.xs, self.count
        while True:
            found = lines.get(n)
            if found is None:
                start = line.textStart()
                found = lines[n] = (start, start + line.textLength(), self.y + line.y(),
                                    line.height())
            start, end, top, height = found
            la = a if a > start else start
            lb = b if b < end else end
            if la < lb:
                if bidi:
                    for x1, x2 in line_pieces(layout, line, la, lb, True):
                        out.append(QRectF(x + x1, top, x2 - x1, height))
                else:
                    x1 = xs.get((n, la))
                    if x1 is None:
                        x1 = xs[(n, la)] = line.cursorToX(la)[0]
                    x2 = xs.get((n, lb))
                    if x2 is None:
                        x2 = xs[(n, lb)] = line.cursorToX(lb)[0]
                    if x2 < x1:
                        x1, x2 = x2, x1
                    out.append(QRectF(x + x1, top, x2 - x1, height))
            n += 1
            if b <= end or n >= count:
                return
            line = layout.lineAt(n)


class Geometry:
    """Rectangles of code-point spans of one document, per block cached."""

    def __init__(self, doc: QTextDocument | None = None, omap: OffsetMap | None = None) -> None:
        self.doc = doc
        self.omap = omap or OffsetMap("")
        self._blocks: dict[int, BlockLines] = {}  # by block position
        self._last: BlockLines | None = None  # spans come in text order: mostly the same
        # block number -> top of its layout: a bisection's first steps are the same at
        # every scroll position (dropped with the rest when the text is laid out anew)
        self._tops: dict[int, float] = {}
        self._astral = self.omap.utf16_length != self.omap.length

    def clear(self) -> None:
        self._blocks.clear()
        self._tops.clear()
        self._last = None

    def _block_at(self, unit: int) -> BlockLines | None:
        last = self._last
        if last is not None and last.position <= unit <= last.end:
            return last
        block = self.doc.findBlock(unit)
        if not block.isValid():
            return None
        found = self._blocks.get(block.position())
        if found is None:
            if not block.layout().lineCount():
                self.doc.documentLayout().blockBoundingRect(block)  # lazy layout: lay it out
                if not block.layout().lineCount():
                    return None
            found = self._blocks[block.position()] = BlockLines(block)
        self._last = found
        return found

    def visible_units(self, top: float, bottom: float) -> tuple[int, int] | None:
        """Document positions from the start of the first line reaching below top to the
        end (+ 1) of the last line starting above bottom; None: ask Qt (hitTest).

        hitTest walks the blocks from the top (~0.1 ms per 500 blocks, ~1 ms between
        blocks): bisect the blocks' laid-out positions instead. A block not laid out yet
        counts as below everything. Qt lays out lazily (and anew after a resize), so old
        positions can mislead the bisection: Qt is asked to finish the layout down to the
        last line found (cheap when it is done), and the answer stands only if both lines
        are still where the bisection saw them; else Qt is asked as before."""
        doc = self.doc
        if doc is None:
            return None
        first = self._line_below(top)
        if first is None:
            return None
        last = self._line_above(bottom, first[2])
        if last is None:
            return None
        doc.documentLayout().blockBoundingRect(last[0].block)  # finishes the layout to there
        units: list[int] = []
        for block, n in (first[:2], last):
            start, end, line_top, height = block.line(n)
            layout = block.layout
            if n >= layout.lineCount() or layout.lineAt(n).textStart() != start \
                    or layout.position().y() + layout.lineAt(n).y() != line_top \
                    or layout.lineAt(n).textLength() != end - start:
                self.clear()  # laid out anew since these were read
                return None
            units.append(block.position + (start if not units else end + 1))
        return units[0], units[1]

    def _block_number_at_y(self, y: float, lo: int = 0) -> int:
        """The last block whose top is at or above y; lo: a block known to be (the
        viewport's first): the bottom's block is then a few steps on, walked to."""
        doc, tops = self.doc, self._tops

        def top(number: int) -> float:
            found = tops.get(number)
            if found is None:
                layout = doc.findBlockByNumber(number).layout()
                if not layout.lineCount():
                    return inf  # not laid out yet: not kept, it will be
                found = tops[number] = layout.position().y()
            return found

        count = doc.blockCount()
        if lo > 0:
            for n in range(lo + 1, min(lo + 16, count)):
                if top(n) > y:
                    return n - 1
            lo = min(lo + 15, count - 1)
        return bisect_right(range(count), y, lo=lo, key=top) - 1

    def _laid_out_below(self, number: int, y: float, block: BlockLines) -> bool:
        """Whether y is above the bottom of block `number`, or the next block is laid out:
        else the bisection only found the end of the laid-out part, not y."""
        layout = block.layout
        last = layout.lineAt(layout.lineCount() - 1)
        if y <= block.y + last.y() + last.height():
            return True
        following = self.doc.findBlockByNumber(number + 1)
        return not following.isValid() or following.layout().lineCount() > 0

    def _lines_of(self, number: int) -> BlockLines | None:
        block = self.doc.findBlockByNumber(number)
        if not block.isValid() or not block.layout().lineCount():
            return None
        found = self._blocks.get(block.position())
        if found is None:
            found = self._blocks[block.position()] = BlockLines(block)
        return found

    def _line_below(self, y: float) -> tuple[BlockLines, int, int] | None:
        """The first line whose bottom is below y: its block, line, and the number of the
        block at y (where a walk down from y may start)."""
        number = max(self._block_number_at_y(y), 0)
        block = self._lines_of(number)
        if block is None or not self._laid_out_below(number, y, block):
            return None
        n = block.line_at_y(y)
        _, _, line_top, height = block.line(n)
        if line_top + height > y:
            return block, n, number
        if n + 1 < block.count:
            return block, n + 1, number
        following = self._lines_of(number + 1)  # y is in the gap below the block
        return (following, 0, number) if following is not None else (block, n, number)

    def _line_above(self, y: float, lo: int = 0) -> tuple[BlockLines, int] | None:
        """The last line whose top is above y (the first line, if none is); lo: a block
        number known to start at or above y."""
        number = self._block_number_at_y(y, lo)
        block = self._lines_of(max(number, 0))
        if block is None or not self._laid_out_below(max(number, 0), y, block):
            return None
        return block, block.line_at_y(y) if number >= 0 else 0

    def many_span_rects(self, spans: list[tuple[int, int]]) -> list[tuple[list[QRectF], bool]]:
        """span_rects of each (start, end), in text order: what one paint needs. A block's
        layout is fetched once for all the spans in it (held only while this runs)."""
        if self.doc is None:
            return [([], False) for _ in spans]
        to_utf16 = self.omap.to_utf16 if self._astral else None
        found: list[tuple[list[QRectF], bool]] = []
        block: BlockLines | None = None
        layout = None
        for start, end in spans:
            u0, u1 = (to_utf16(start), to_utf16(end)) if to_utf16 else (start, end)
            rects: list[QRectF] = []
            complete = True
            unit = u0
            while unit < u1:
                if block is None or not block.position <= unit <= block.end:
                    block = self._block_at(unit)
                    if block is None:
                        complete = False
                        break
                    layout = block.block.layout()
                a, b = unit - block.position, min(u1, block.end) - block.position
                if a < b:
                    block.rects(a, b, rects, layout)
                unit = block.end + 1  # the next block starts after the separator
            found.append((rects, complete))
        return found

    def span_rects(self, start: int, end: int) -> tuple[list[QRectF], bool]:
        """Document-coordinate rectangles covering text[start:end], and whether every
        block was laid out (else the caller must not cache them)."""
        return self.many_span_rects([(start, end)])[0]
