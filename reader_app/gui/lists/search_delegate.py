"""Paints a search result: the title, when it was published and its hits, and the
snippet with its matches marked.

Everything is drawn as plain text: the title with QPainter.drawText, the snippet
with a QTextLayout whose format ranges (bold on a marker colour) come from the
hit's marks, code points converted to UTF-16 through OffsetMap. Nothing from the
article is ever given to Qt as HTML: a title `<b>x</b>` shows its angle brackets.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QTextCharFormat, QTextLayout
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from reader_app.domain.offsets import OffsetMap
from reader_app.gui.lists.search_model import meta_text
from reader_app.gui.lists.tables import ITEM_ROLE
from reader_app.gui.shared.palette import is_dark, search_mark_colour
from reader_app.gui.shared.plain_text import clip

if TYPE_CHECKING:  # the engine loads with the first search, not with the window
    from reader_app.services.search import ArticleHit

PAD = 6  # px around a row's text
SNIPPET_LINES = 2  # the snippet wraps onto at most this many lines
# one code point for one: line breaks and other controls would break the layout's lines,
# and replacing each with one space keeps the marks' offsets valid
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
LEAD = 24  # code points of context kept before a match the snippet is cut to


def snippet_line(snippet: str) -> str:
    """The snippet as drawn: controls and line breaks as spaces, the same length."""
    return _CONTROLS.sub(" ", snippet)


def mark_ranges(hit: ArticleHit) -> list[tuple[int, int]]:
    """The marks as (UTF-16 start, UTF-16 length) in the drawn snippet, clipped to it."""
    omap = OffsetMap(hit.snippet)
    out = []
    for start, end in hit.marks:
        start, end = max(0, start), min(end, len(hit.snippet))
        if start < end:
            u_start = omap.to_utf16(start)
            out.append((u_start, omap.to_utf16(end) - u_start))
    return out


def from_first_mark(hit: ArticleHit) -> ArticleHit:
    """The hit with its snippet cut to start a few words before its first mark ("…"
    first), for a row too narrow to reach the mark in SNIPPET_LINES lines."""
    first = min(start for start, _end in hit.marks)
    space = hit.snippet.find(" ", max(0, first - LEAD), first)
    cut = space + 1 if space != -1 else first
    if cut <= 1:
        return hit
    return replace(hit, snippet="…" + hit.snippet[cut:],
                   marks=tuple((s - cut + 1, e - cut + 1) for s, e in hit.marks))


def row_height(font: QFont) -> int:
    """A row's height in this font: the bold title, the meta line and the snippet's lines."""
    bold = QFont(font)
    bold.setBold(True)
    lines = QFontMetrics(bold).lineSpacing() + QFontMetrics(font).lineSpacing() * (
        1 + SNIPPET_LINES)
    return lines + 2 * PAD


class SearchResultDelegate(QStyledItemDelegate):
    def mark_format(self, palette: QPalette) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setBackground(search_mark_colour(is_dark(palette)))
        return fmt

    def formats(self, hit: ArticleHit, palette: QPalette) -> list[QTextLayout.FormatRange]:
        """The snippet's format ranges, as paint() gives them to its QTextLayout."""
        mark = self.mark_format(palette)
        ranges = []
        for start, length in mark_ranges(hit):
            r = QTextLayout.FormatRange()
            r.start, r.length, r.format = start, length, mark
            ranges.append(r)
        return ranges

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        return QSize(option.fontMetrics.averageCharWidth() * 30, row_height(option.font))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        hit = index.data(ITEM_ROLE)
        if hit is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""  # the background and focus only: the text is ours
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = opt.palette
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        colour = palette.color(text_role)
        rect = opt.rect.adjusted(PAD, PAD, -PAD, -PAD)
        painter.save()
        painter.setClipRect(opt.rect)
        painter.setPen(colour)

        bold = QFont(opt.font)
        bold.setBold(True)
        painter.setFont(bold)
        bold_fm = QFontMetrics(bold)
        title = bold_fm.elidedText(snippet_line(clip(hit.title, 500)), Qt.TextElideMode.ElideRight,
                                   rect.width())
        y = rect.top()
        painter.drawText(QRect(rect.left(), y, rect.width(), bold_fm.lineSpacing()),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
                         | int(Qt.TextFlag.TextSingleLine), title)
        y += bold_fm.lineSpacing()

        fm = QFontMetrics(opt.font)
        painter.setFont(opt.font)
        dim = QColor(colour)
        if not selected:
            dim.setAlphaF(0.65)
        painter.setPen(dim)
        painter.drawText(QRect(rect.left(), y, rect.width(), fm.lineSpacing()),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
                         | int(Qt.TextFlag.TextSingleLine), meta_text(hit))
        y += fm.lineSpacing()

        painter.setPen(colour)
        self._draw_snippet(painter, hit, opt, QRect(rect.left(), y, rect.width(),
                                                    fm.lineSpacing() * SNIPPET_LINES))
        painter.restore()

    def _draw_snippet(self, painter: QPainter, hit: ArticleHit, opt: QStyleOptionViewItem,
                      box: QRect) -> None:
        layout = self._snippet_layout(hit, opt, box.width())
        ranges = mark_ranges(hit)
        if ranges and ranges[0][0] >= _laid_out(layout):
            # the first match fell past the lines drawn: the row would say "1 hit" and
            # show none, so start the snippet a few words before it
            layout = self._snippet_layout(from_first_mark(hit), opt, box.width())
        painter.save()
        painter.setClipRect(box)
        layout.draw(painter, QPointF(box.topLeft()))
        painter.restore()

    def _snippet_layout(self, hit: ArticleHit, opt: QStyleOptionViewItem,
                        width: int) -> QTextLayout:
        layout = QTextLayout(snippet_line(hit.snippet), opt.font)
        layout.setFormats(self.formats(hit, opt.palette))
        layout.beginLayout()
        y = 0.0
        for _ in range(SNIPPET_LINES):
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            line.setPosition(QPointF(0, y))
            y += line.height()
        layout.endLayout()
        return layout


def _laid_out(layout: QTextLayout) -> int:
    """UTF-16 units of the layout's text that its lines hold (the rest is not drawn)."""
    if layout.lineCount() == 0:
        return 0
    last = layout.lineAt(layout.lineCount() - 1)
    return last.textStart() + last.textLength()
