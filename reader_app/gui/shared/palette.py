"""How the reader looks: the annotation kinds' marks, the legend, reading typography.

Three different shapes, not three hues of one shape, so nested and overlapping
spans stay visible: claim = translucent fill, actor = thick underline,
date = outlined box. Colour is a second cue, never the only one.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QPainter,
    QPalette,
    QPen,
    QTextBlockFormat,
    QTextCharFormat,
)
from PySide6.QtWidgets import QHBoxLayout, QWidget

from reader_app.domain.codebook import is_own_kind
from reader_app.domain.models import StyleSpan
from reader_app.gui.shared import preferences
from reader_app.gui.shared.colours import colours
from reader_app.gui.shared.own_kinds import own_colour
from reader_app.gui.shared.plain_text import tip

KIND_KEYS: dict[str, str] = {"claim": "C", "actor": "A", "date": "D"}
KIND_LABELS: dict[str, str] = {"claim": "Claim", "actor": "Actor", "date": "Date"}

UNDERLINE = 3.0  # actor underline thickness, px
LANE = 4.0  # extra drop per overlapping actor underline
EDGE = 2.0  # claim start/end bracket width
OWN_BAR = 2.5  # an own code's top bar, px


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def kind_colour(kind: str, dark: bool) -> QColor:
    """A kind's mark colour in the theme (gui/shared/colours.py holds the table)."""
    if is_own_kind(kind):
        own = own_colour(kind, dark)
        if own is not None:
            return own
    t = colours(dark)
    return QColor(*{"claim": t.claim, "actor": t.actor, "date": t.date}.get(kind, t.unknown))


def selected_colour(dark: bool) -> QColor:
    """The outline around the selected tag: contrasting with the page and every fill."""
    return QColor(*colours(dark).selected)


def flash_colour(dark: bool) -> QColor:
    return QColor(*colours(dark).flash)


def find_colour(dark: bool) -> QColor:
    """A find match's translucent fill."""
    t = colours(dark)
    return QColor(*t.find, t.find_alpha)


def search_mark_colour(dark: bool) -> QColor:
    return QColor(*colours(dark).search_mark)


def paint_marks(
    painter: QPainter, kind: str, spans: Sequence[tuple[Sequence[QRectF], int]], dark: bool
) -> None:
    """Draw many spans of one kind, each given as (its per-line rects, lane).
    Batched into a few QPainter calls: one paint may hold hundreds of spans.

    Fills, brackets, bars and underlines are axis-aligned rectangles: drawn without
    antialiasing (edges on whole pixels; antialiased they cost Qt a coverage pass per
    rectangle). Only the date's rounded box keeps it, its corners are curves.
    Every PySide call costs ~0.5-1 us here: colours and pens are made once per kind
    and theme, and a rectangle is derived in one call where it can be."""
    spans = [(rects, lane) for rects, lane in spans if rects]
    if not spans:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    if is_own_kind(kind):
        _paint_own(painter, kind_colour(kind, dark), spans, dark)
    elif kind == "claim":
        fill, edge = _tools("claim", dark)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRects([r for rects, _ in spans for r in rects])  # overlaps add up: darker
        painter.setBrush(edge)
        # at both ends, so two adjacent claims stay apart
        painter.drawRects([rects[0].adjusted(0, 0, EDGE - rects[0].width(), 0)
                           for rects, _ in spans]
                          + [rects[-1].adjusted(rects[-1].width() - EDGE, 0, 0, 0)
                             for rects, _ in spans])
    elif kind == "actor":
        # a line UNDERLINE thick below each rect (lane: stacked lower), as a filled rect
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_tools("actor", dark)[0])
        painter.drawRects([QRectF(r.left(), r.bottom() + lane * LANE, r.width(), UNDERLINE)
                           for rects, lane in spans for r in rects])
    else:  # date and anything unknown: an outlined box
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(_tools("date" if kind == "date" else "", dark)[0])
        painter.setBrush(Qt.BrushStyle.NoBrush)
        box = painter.drawRoundedRect
        for rects, _ in spans:  # one call a box: an antialiased path of them costs Qt 4x
            for r in rects:
                box(r.adjusted(-1.5, -0.5, 1.5, 0.5), 3, 3)
    painter.restore()


_TOOLS: dict[tuple[str, bool], tuple] = {}


def _tools(kind: str, dark: bool) -> tuple:
    """A built-in kind's brushes (claim: fill, edge), colour (actor) or pen (date and
    unknown kinds: ""), made once per theme: the table in colours.py never changes."""
    found = _TOOLS.get((kind, dark))
    if found is None:
        colour = kind_colour(kind, dark)
        if kind == "claim":
            fill = QColor(colour)
            fill.setAlpha(colours(dark).claim_alpha)
            found = (QBrush(fill), QBrush(QColor(*colours(dark).claim_edge)))
        elif kind == "actor":
            found = (QBrush(colour),)
        else:
            found = (QPen(colour, 1.6),)
        _TOOLS[(kind, dark)] = found
    return found


def _paint_own(painter: QPainter, colour: QColor,
               spans: Sequence[tuple[Sequence[QRectF], int]], dark: bool) -> None:
    """An own code: a faint wash and a bar along the top of each line (a fourth shape:
    claims fill with brackets, actors underline, dates box), so it reads beside them."""
    wash = QColor(colour)
    wash.setAlpha(colours(dark).own_wash_alpha)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(wash)
    painter.drawRects([r for rects, _ in spans for r in rects])
    painter.setBrush(colour)
    bars = [QRectF(r.left(), r.top() - 1, r.width(), OWN_BAR) for rects, _ in spans
            for r in rects]
    bars += [QRectF(rects[0].left() - 1, rects[0].top() - 1, EDGE, rects[0].height() * 0.5)
             for rects, _ in spans]  # a tick where it starts: two adjacent spans stay apart
    painter.drawRects(bars)


def paint_outline(
    painter: QPainter, rects: Sequence[QRectF], colour: QColor, width: float, grow: float
) -> None:
    """The selected annotation's outline, or the reveal flash."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(colour, width))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for r in rects:
        painter.drawRoundedRect(r.adjusted(-grow, -grow, grow, grow + LANE), 4, 4)
    painter.restore()


def _suggestion_colour(kind: str, dark: bool) -> QColor:
    t = colours(dark)
    return QColor(*t.suggestion.get(kind, t.unknown))


def paint_suggestions(
    painter: QPainter, items: Sequence[tuple[str, Sequence[QRectF], bool]], dark: bool
) -> None:
    """Suggested spans, each (kind, its per-line rects, whether it is the current one):
    a faint dotted box in the kind's colour, never a fill, so a suggestion never looks
    like a tag. The current one: a heavier dashed box on a faint wash.

    Square and not antialiased: an antialiased dotted outline costs Qt ~1.5 ms a box
    (300 ms for a screenful of 200), an aliased one a few microseconds."""
    if not items:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    faint: dict[str, list[QRectF]] = {}
    for kind, rects, current in items:
        if not current:
            faint.setdefault(kind, []).extend(r.adjusted(-2, -1, 2, 1) for r in rects)
    for kind, boxes in faint.items():
        colour = _suggestion_colour(kind, dark)
        colour.setAlpha(colours(dark).suggestion_alpha)
        painter.setPen(QPen(colour, 1.0, Qt.PenStyle.DotLine))
        painter.drawRects(boxes)
    for kind, rects, current in items:  # the current one last: on top
        if current:
            colour = _suggestion_colour(kind, dark)
            wash = QColor(colour)
            wash.setAlpha(colours(dark).current_wash_alpha)
            boxes = [r.adjusted(-4, -2.5, 4, 2.5) for r in rects]  # outside a text selection
            for box in boxes:
                painter.fillRect(box, wash)
            painter.setPen(QPen(colour, 2.0, Qt.PenStyle.DashLine))
            painter.drawRects(boxes)
    painter.restore()


class _LegendItem(QWidget):
    """A kind's name drawn in that kind's style, followed by its key."""

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.label = KIND_LABELS[kind]
        self.setObjectName(f"legend_{kind}")
        self.setToolTip(f"{self.label}: select text and press {KIND_KEYS[kind]}")
        self.setAccessibleName(f"{self.label}, key {KIND_KEYS[kind]}")

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        return QSize(fm.horizontalAdvance(self.label + " W ") + 18, fm.height() + 10)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        fm = self.fontMetrics()
        rect = QRectF(4, 3, fm.horizontalAdvance(self.label) + 4, fm.height())
        paint_marks(painter, self.kind, [([rect], 0)], is_dark(self.palette()))
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.label)
        key_rect = QRectF(rect.right() + 8, 3, fm.horizontalAdvance(" W "), fm.height())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        painter.drawRoundedRect(key_rect, 3, 3)
        painter.drawText(key_rect, Qt.AlignmentFlag.AlignCenter, KIND_KEYS[self.kind])
        painter.end()


def make_legend(parent: QWidget | None = None) -> QWidget:
    legend = QWidget(parent)
    legend.setObjectName("legend")
    layout = QHBoxLayout(legend)
    layout.setContentsMargins(4, 2, 4, 2)
    layout.setSpacing(12)
    for kind in KIND_KEYS:
        layout.addWidget(_LegendItem(kind, legend))
    layout.addStretch(1)
    return legend


# -- reading typography --------------------------------------------------------------------

LINE_HEIGHT = 140  # percent
_HEADING_SCALE = {1: 1.6, 2: 1.35, 3: 1.2, 4: 1.08, 5: 1.0, 6: 0.95}
_MONO = ["DejaVu Sans Mono", "Menlo", "Consolas", "Noto Sans Mono", "monospace"]
_SERIF = ["Charter", "Georgia", "Source Serif 4", "Noto Serif", "DejaVu Serif", "Liberation Serif"]


def reading_font(family: str | None = None, size: float | None = None) -> QFont:
    """The article's font: the preferred family (else a serif that exists here) and size,
    zoomed (gui/shared/preferences.py); family and size given: those."""
    family = preferences.font_family() if family is None else family
    font = QFont()
    font.setFamilies([family, *_SERIF] if family else _SERIF)
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSizeF(preferences.reading_size() if size is None else size)
    return font


def paragraph_format(font: QFont) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setLineHeight(LINE_HEIGHT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    fmt.setBottomMargin(font.pointSizeF() * 0.45)
    return fmt


def style_formats(
    span: StyleSpan, font: QFont, palette: QPalette
) -> tuple[QTextCharFormat | None, QTextBlockFormat | None]:
    """Character and block formats for one rendered Markdown/HTML style span."""
    char, block, em, style = QTextCharFormat(), QTextBlockFormat(), font.pointSizeF(), span.style
    if style[:1] == "h" and style[1:].isdigit():
        char.setFontPointSize(em * _HEADING_SCALE.get(int(style[1:]), 1.0))
        char.setFontWeight(QFont.Weight.Bold)
        block.setHeadingLevel(int(style[1:]))
        block.setTopMargin(em * 0.8)
        block.setBottomMargin(em * 0.5)
        return char, block
    if style == "strong":
        char.setFontWeight(QFont.Weight.Bold)
    elif style == "em":
        char.setFontItalic(True)
    elif style in ("code", "pre"):
        char.setFontFamilies(_MONO)
        char.setFontFixedPitch(True)
        char.setFontPointSize(em * 0.9)
        if style == "pre":
            block.setNonBreakableLines(True)
            block.setLeftMargin(em)
            return char, block
        tint = QColor(palette.color(QPalette.ColorRole.Text))
        tint.setAlpha(22)
        char.setBackground(tint)
    elif style == "blockquote":
        char.setFontItalic(True)
        char.setForeground(palette.color(QPalette.ColorRole.PlaceholderText))
        block.setLeftMargin(em * 2)
        block.setRightMargin(em * 1.5)
        return char, block
    elif style == "li":
        block.setLeftMargin(em * 1.6)
        return None, block
    elif style == "link":
        char.setAnchor(True)
        if span.href:
            char.setAnchorHref(span.href)
            char.setToolTip(tip(span.href))  # where a link goes, before clicking; plain text
        char.setFontUnderline(True)
        char.setForeground(palette.color(QPalette.ColorRole.Link))
    else:
        return None, None
    return char, None
