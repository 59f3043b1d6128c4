"""Where text is drawn, with each block's line geometry read from Qt once.

span_rects in document.py asks Qt a dozen questions per span (the block, its layout,
the lines holding both ends, their positions). A paint of 20,000 tags draws a few
hundred spans in a handful of blocks and lines: BlockLines keeps what a block's
layout says about its lines, so a span costs two bisections and two cursorToX.
A cache is only as good as its layout: the owner drops it when the text is re-wrapped
or the document replaced (HighlightLayer does, with its rectangles).
"""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtCore import QRectF
from PySide6.QtGui import QTextBlock, QTextDocument

from reader_app.domain.offsets import OffsetMap
from reader_app.gui.article.document import has_rtl, line_pieces

MANY_LINES = 2000  # beyond this a block's lines are asked of Qt one at a time


class BlockLines:
    """One laid-out block: its span of document positions and its lines' geometry."""

    __slots__ = ("position", "end", "x", "y", "layout", "bidi", "starts", "lines")

    def __init__(self, block: QTextBlock) -> None:
        layout = block.layout()
        self.layout = layout
        self.position = block.position()
        self.end = self.position + block.length() - 1  # the separator is not text
        origin = layout.position()
        self.x, self.y = origin.x(), origin.y()
        self.bidi = has_rtl(block.text())
        count = layout.lineCount()
        # line number -> (start, end, top, height), filled as lines are drawn
        self.lines: dict[int, tuple[int, int, float, float]] = {}
        self.starts = [layout.lineAt(n).textStart() for n in range(count)] \
            if count <= MANY_LINES else None

    def line_number(self, pos: int) -> int:
        """The line holding block position pos (the last line for the block's end)."""
        if self.starts is not None:
            return max(bisect_right(self.starts, pos) - 1, 0)
        found = self.layout.lineForTextPosition(pos).lineNumber()
        return found if found >= 0 else self.layout.lineCount() - 1

    def line(self, n: int) -> tuple[int, int, float, float]:
        found = self.lines.get(n)
        if found is None:
            line = self.layout.lineAt(n)
            start = line.textStart()
            found = self.lines[n] = (start, start + line.textLength(), self.y + line.y(),
                                     line.height())
        return found

    def rects(self, a: int, b: int, out: list[QRectF]) -> None:
        """Append the rectangles of block positions [a, b) to out."""
        for n in range(self.line_number(a), self.line_number(b) + 1):
            start, end, top, height = self.line(n)
            la, lb = max(a, start), min(b, end)
            if la < lb:  # a QTextLine is not kept: it points into the layout's current lines
                line = self.layout.lineAt(n)
                for x1, x2 in line_pieces(self.layout, line, la, lb, self.bidi):
                    out.append(QRectF(self.x + x1, top, x2 - x1, height))


class Geometry:
    """Rectangles of code-point spans of one document, per block cached."""

    def __init__(self, doc: QTextDocument | None = None, omap: OffsetMap | None = None) -> None:
        self.doc = doc
        self.omap = omap or OffsetMap("")
        self._blocks: dict[int, BlockLines] = {}  # by block position
        self._last: BlockLines | None = None  # spans come in text order: mostly the same

    def clear(self) -> None:
        self._blocks.clear()
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

    def span_rects(self, start: int, end: int) -> tuple[list[QRectF], bool]:
        """Document-coordinate rectangles covering text[start:end], and whether every
        block was laid out (else the caller must not cache them)."""
        if self.doc is None:
            return [], False
        u0, u1 = self.omap.to_utf16(start), self.omap.to_utf16(end)
        rects: list[QRectF] = []
        unit = u0
        while unit < u1:
            block = self._block_at(unit)
            if block is None:
                return rects, False
            a, b = unit - block.position, min(u1, block.end) - block.position
            if a < b:
                block.rects(a, b, rects)
            unit = block.end + 1  # the next block starts after the separator
        return rects, True
