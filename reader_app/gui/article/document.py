"""The article's QTextDocument: built so document positions = stored offsets,
and the geometry of its text (where text[start:end] is drawn).

The document holds exactly article.text: every "\\n" becomes a block separator
(one UTF-16 unit, like "\\n" itself), so position p in the document is UTF-16
unit p of the text and OffsetMap converts. Styles of Markdown/HTML articles are
applied while building, before the document is shown; afterwards nothing ever
writes to it (highlights are painted, not formatted).
"""

from __future__ import annotations

import re
import unicodedata

from PySide6.QtCore import QObject, QPointF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextLayout,
    QTextLine,
    QTextOption,
)

from reader_app.domain.models import Article, StyleSpan
from reader_app.domain.offsets import OffsetMap
from reader_app.gui.shared.palette import paragraph_format, style_formats

DOCUMENT_MARGIN = 24  # px around the text, inside the viewport
# Qt lays out a line with no break opportunity in quadratic time when it wraps at word
# boundaries (0.5 MB of one "word": 36 s): for each visual line it scans the rest of the
# run for a boundary first. A text holding such a run wraps anywhere instead (linear).
# Runs are counted between white space (not NBSP or other no-break spaces).
LONG_RUN = 1000
_LONG_RUN = re.compile(
    "[^ \t\n\r\f\v\u1680\u2000-\u2006\u2008-\u200b\u2028\u2029\u205f\u3000]{" + str(LONG_RUN) + "}")
# Hebrew, Arabic, Syriac, Thaana, NKo..., their presentation forms, RTL marks and embeddings
_RTL = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u200f\u202b\u202e\u2067"
    "\U00010800-\U00010fff\U0001e800-\U0001efff]"
)


def _new_document(parent: QObject, font: QFont) -> QTextDocument:
    doc = QTextDocument(parent)
    doc.setUndoRedoEnabled(False)  # read-only: no history to keep
    doc.setDefaultFont(font)
    doc.setDocumentMargin(DOCUMENT_MARGIN)
    return doc


def build_document(
    article: Article, parent: QObject, font: QFont, palette: QPalette, omap: OffsetMap | None = None
) -> tuple[QTextDocument, str | None]:
    """The article's document and a warning when its characters differ from article.text."""
    doc = _new_document(parent, font)
    doc.setDefaultTextOption(text_option(article.text))
    cursor = QTextCursor(doc)
    cursor.setBlockFormat(paragraph_format(font))  # inherited by every block insertText makes
    cursor.insertText(_insertable(article.text))
    styles = article.styles if article.content_type != "text" else _headline(article)
    if styles:
        _apply_styles(doc, styles, omap or OffsetMap(article.text), font, palette)
    if has_rtl(article.text):
        _set_block_directions(doc)
    doc.setModified(False)
    return doc, text_mismatch(doc, article.text)


def has_long_run(text: str) -> bool:
    """text holds LONG_RUN characters in a row without a place to wrap at a word boundary."""
    # Such a run covers a whole aligned stretch of LONG_RUN // 2 characters, which then
    # holds no space: only around those stretches (rare in prose) is the pattern searched,
    # 2,000 str.find calls for 1 MB instead of a regex walk over all of it.
    half = LONG_RUN // 2
    find, search = text.find, _LONG_RUN.search
    for at in range(0, len(text) - half + 1, half):
        if find(" ", at, at + half) < 0 and search(text, max(0, at - half), at + LONG_RUN):
            return True
    return False


def text_option(text: str) -> QTextOption:
    """Word wrap, or wrap anywhere when text has a long unbroken run (bounded layout time)."""
    option = QTextOption()
    # Left to right unless a block says otherwise (_set_block_directions): never the
    # direction of the application's locale or of whatever the document starts with.
    option.setTextDirection(Qt.LayoutDirection.LeftToRight)
    option.setWrapMode(
        QTextOption.WrapMode.WrapAnywhere if has_long_run(text)
        else QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
    )
    return option


def opens_with_title(article: Article) -> bool:
    """The text's first line is the title (then the view shows it as the headline)."""
    first = article.text.split("\n", 1)[0]
    return bool(article.title) and first.strip() == article.title.strip()


def _headline(article: Article) -> tuple[StyleSpan, ...]:
    """A plain-text article's title line is styled as a heading (format only: offsets stay)."""
    if not opens_with_title(article):
        return ()
    return (StyleSpan(0, len(article.text.split("\n", 1)[0]), "h1"),)


def build_empty_document(parent: QObject, font: QFont, palette: QPalette) -> QTextDocument:
    doc = _new_document(parent, font)
    cursor = QTextCursor(doc)
    block = QTextBlockFormat()
    block.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    block.setTopMargin(font.pointSizeF() * 6)
    block.setBottomMargin(font.pointSizeF())
    grey = QTextCharFormat()
    grey.setForeground(palette.color(QPalette.ColorRole.PlaceholderText))
    title = QTextCharFormat(grey)
    title.setFontPointSize(font.pointSizeF() * 1.4)
    cursor.setBlockFormat(block)
    cursor.insertText("No article open", title)
    block.setTopMargin(0)
    cursor.insertBlock(block, grey)
    cursor.insertText("Pick an article in the library, or import files to start reading.", grey)
    doc.setModified(False)
    return doc


def _insertable(text: str) -> str:
    # insertText turns "\r\n" into ONE separator and PySide drops a leading
    # BOM; give both a one-unit stand-in so positions stay 1:1.
    if "\r" in text:
        text = text.replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = "\u2060" + text[1:]
    return text


def text_mismatch(doc: QTextDocument, text: str) -> str | None:
    """None when the document holds exactly the text (paragraph breaks aside)."""
    shown = doc.toRawText().replace("\u2029", "\n")  # raw: NBSP etc. kept, unlike toPlainText
    if shown == text:
        return None
    expected = text
    for ch in ("\r", "\ufdd0", "\ufdd1", "\u2029"):  # Qt stores these as block separators
        expected = expected.replace(ch, "\n")
    if expected.startswith("\ufeff"):
        expected = "\u2060" + expected[1:]
    if shown == expected:
        return None
    pairs = zip(shown, expected, strict=False)
    first = next((i for i, (a, b) in enumerate(pairs) if a != b), min(len(shown), len(expected)))
    return (
        f"This article is displayed differently from its stored text from character {first} on."
        " Highlights and new tags still use the stored text's positions."
    )


def first_strong_direction(text: str) -> Qt.LayoutDirection | None:
    """The direction of text's first strongly directional character (Unicode bidi classes
    L, R and AL), None when it has none (digits, punctuation, white space only)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return Qt.LayoutDirection.LeftToRight
        if kind in ("R", "AL"):
            return Qt.LayoutDirection.RightToLeft
    return None


def _set_block_directions(doc: QTextDocument) -> None:
    """Each block runs in the direction of its first strong character (none there: the
    block before's), so an Arabic or Hebrew line never turns the English paragraphs around
    it right to left, nor the reverse. Only right-to-left blocks need a format: the
    document's default is left to right."""
    rtl = QTextBlockFormat()
    rtl.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    last = Qt.LayoutDirection.LeftToRight
    block = doc.begin()
    while block.isValid():
        last = first_strong_direction(block.text()) or last
        if last == Qt.LayoutDirection.RightToLeft:
            QTextCursor(block).mergeBlockFormat(rtl)
        block = block.next()


def _apply_styles(
    doc: QTextDocument, styles: tuple[StyleSpan, ...], omap: OffsetMap, font: QFont, palette
) -> None:
    cursor = QTextCursor(doc)
    end_unit = doc.characterCount() - 1
    for span in styles:
        start, end = omap.to_utf16(span.start), omap.to_utf16(span.end)
        if not 0 <= start < end <= end_unit:
            continue
        char, block = style_formats(span, font, palette)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        if char is not None:
            cursor.mergeCharFormat(char)
        if block is not None:
            cursor.mergeBlockFormat(block)


# -- geometry ------------------------------------------------------------------------------


def has_rtl(text: str) -> bool:
    """text holds right-to-left characters (then a line may run in pieces)."""
    return _RTL.search(text) is not None


def line_pieces(
    layout: QTextLayout, line: QTextLine, a: int, b: int, bidi: bool
) -> list[tuple[float, float]]:
    """x ranges of layout positions [a, b) on one line. In mixed-direction text
    a logical range can be several visual pieces: take them from the glyph runs."""
    if bidi:
        runs = sorted(
            (r.boundingRect().left(), r.boundingRect().right()) for r in layout.glyphRuns(a, b - a)
        )
        merged: list[tuple[float, float]] = []
        for x1, x2 in runs:
            if merged and x1 <= merged[-1][1] + 0.5:
                merged[-1] = (merged[-1][0], max(merged[-1][1], x2))
            else:
                merged.append((x1, x2))
        if merged:
            return merged
    x1, x2 = line.cursorToX(a)[0], line.cursorToX(b)[0]
    return [(min(x1, x2), max(x1, x2))]


def visible_range(
    doc: QTextDocument, omap: OffsetMap, top_left: QPointF, size: QSizeF
) -> tuple[int, int]:
    """Code points of the lines inside a document-coordinate rectangle (whole
    lines, not whole blocks: an article may be one 1 MB paragraph).

    Points are kept inside the text area: a fuzzy hit test in the document
    margin returns arbitrary positions. The bottom is not clamped (that needs
    documentSize(), which forces a full layout); below the end hits the end.
    """
    layout = doc.documentLayout()
    inner = doc.documentMargin() + 1
    x_last = max(inner, top_left.x() + size.width() - inner)
    y_first = max(top_left.y(), inner)
    y_last = max(top_left.y() + size.height(), inner)
    first = layout.hitTest(QPointF(inner, y_first), Qt.HitTestAccuracy.FuzzyHit)
    last = layout.hitTest(QPointF(x_last, y_last), Qt.HitTestAccuracy.FuzzyHit)
    start = _line_bounds(doc, max(first, 0))[0]
    end = _line_bounds(doc, max(last, first, 0))[1]
    return omap.to_code_point(start), omap.to_code_point(end)


def _line_bounds(doc: QTextDocument, pos: int) -> tuple[int, int]:
    """Document positions where the line holding pos starts and ends."""
    block = doc.findBlock(pos)
    line = block.layout().lineForTextPosition(pos - block.position())
    if not line.isValid():
        return block.position(), block.position() + block.length()
    start = block.position() + line.textStart()
    return start, start + line.textLength() + 1  # + 1: a span may end at the line's end
