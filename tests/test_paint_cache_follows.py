"""The rectangles a paint keeps (per span, per block line) follow the text: after a
resize re-wraps it, a zoom changes the font, or a tag is added, what is drawn is
where Qt puts the characters now, never where they were. Checked two ways: the
kept rectangles against the caret rectangles Qt gives for the span's two ends, and
the pixels of a grab (a claim's fill lies under its first word, and no longer
where that word used to be)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRectF
from PySide6.QtGui import QFont, QImage, QTextCursor
from test_article_view import make_ann, make_article, u16

from reader_app.gui.article.view import ArticleView

# LTR words, an astral character before the tags (UTF-16 != code points) and an RTL
# paragraph; long enough to wrap onto many lines at any of the widths used
TEXT = ("𠀀 Opening words of the report. " + "The minister said talks would resume soon. " * 12
        + "\n\nשלום עולם " * 6 + "\n\nKyiv drills 😀 began on Thursday near the border. " * 8)


def _shown(qtbot, width: int = 700) -> ArticleView:
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(width, 600)
    view.show()
    qtbot.waitExposed(view)
    return view


def _qt_rect(view: ArticleView, start: int, end: int) -> QRectF:
    """Document rectangle from Qt's caret at both ends (the span must be on one line)."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(u16(TEXT, start))
    left = view.cursorRect(cursor)
    cursor.setPosition(u16(TEXT, end))
    right = view.cursorRect(cursor)
    assert left.top() == right.top(), "the span must not wrap"
    offset = QPoint(view.horizontalScrollBar().value(), view.verticalScrollBar().value())
    return QRectF(left.translated(offset).topLeft(), right.translated(offset).bottomLeft())


def _kept(view: ArticleView, start: int, end: int) -> QRectF:
    rects = view._layer.rects(start, end)
    assert len(rects) == 1
    return rects[0]


def _near(a: QRectF, b: QRectF) -> bool:
    """Same place within the rounding of a caret rectangle (whole pixels)."""
    return abs(a.left() - b.left()) <= 1.5 and abs(a.right() - b.right()) <= 1.5 \
        and abs(a.top() - b.top()) <= 2 and abs(a.bottom() - b.bottom()) <= 4


def _claim_at(image: QImage, view: ArticleView, rect: QRectF) -> bool:
    """The claim's yellow fill in the middle of a document rect (the page is white)."""
    offset = QPoint(view.horizontalScrollBar().value(), view.verticalScrollBar().value())
    centre = rect.center().toPoint() - offset
    colour = image.pixelColor(centre.x(), centre.y() + int(rect.height() / 2) - 2)
    return colour.blue() < colour.red() - 40


def _spans() -> list[tuple[int, int]]:
    """A word in each part (after the astral character, inside the long paragraph,
    in the paragraph after the RTL one), tagged as claims."""
    spans = []
    for word, occurrence in (("Opening", 0), ("resume", 7), ("drills", 5)):
        start = -1
        for _ in range(occurrence + 1):
            start = TEXT.index(word, start + 1)
        spans.append((start, start + len(word)))
    return spans


def _tagged(qtbot, width: int = 700) -> ArticleView:
    view = _shown(qtbot, width)
    anns = [make_ann(n + 1, "claim", TEXT, TEXT[s:e], TEXT[:s].count(TEXT[s:e]))
            for n, (s, e) in enumerate(_spans())]
    view.show_article(make_article(TEXT), anns)
    doc = view.document()
    doc.documentLayout().blockBoundingRect(doc.lastBlock())
    return view


def _paint_all(view: ArticleView) -> QImage:
    """Paint every span's place (so each is kept), return the grab of the last."""
    bar, image = view.verticalScrollBar(), QImage()
    for start, end in _spans():
        bar.setValue(max(0, int(view._layer.rects(start, end)[0].top()) - 100))
        view.viewport().repaint()
        image = view.viewport().grab().toImage()
    return image


def _check(view: ArticleView) -> None:
    bar = view.verticalScrollBar()
    for start, end in _spans():
        expected = _qt_rect(view, start, end)
        assert _near(_kept(view, start, end), expected), (TEXT[start:end], expected)
        bar.setValue(max(0, int(expected.top()) - 100))
        view.viewport().repaint()
        assert _claim_at(view.viewport().grab().toImage(), view, _qt_rect(view, start, end))


def test_a_resize_moves_what_is_drawn_with_the_text(qtbot):
    view = _tagged(qtbot, 700)
    _paint_all(view)
    before = [_kept(view, s, e) for s, e in _spans()]
    view.set_max_width_em(None)  # lines as wide as the pane: a resize re-wraps them
    view.resize(430, 600)
    view.viewport().repaint()
    assert [_kept(view, s, e) for s, e in _spans()] != before  # the words moved
    _check(view)


def test_a_zoom_moves_what_is_drawn_with_the_text(qtbot):
    view = _tagged(qtbot, 700)
    _paint_all(view)
    before = [_kept(view, s, e) for s, e in _spans()]
    font = QFont(view.font())
    font.setPointSizeF(font.pointSizeF() * 1.6)
    view.setFont(font)  # what View > Zoom In does (view_menu.py)
    view.viewport().repaint()
    assert [_kept(view, s, e) for s, e in _spans()] != before
    _check(view)


def test_a_tag_added_after_a_paint_is_drawn_where_its_text_is(qtbot):
    view = _tagged(qtbot, 700)
    _paint_all(view)
    start = TEXT.index("talks", TEXT.index("resume", 0) - 30)
    end = start + len("talks")
    expected = _qt_rect(view, start, end)
    view.verticalScrollBar().setValue(max(0, int(expected.top()) - 100))
    view.viewport().repaint()  # this place painted (and its lines kept) before the tag
    assert not _claim_at(view.viewport().grab().toImage(), view, _qt_rect(view, start, end))
    view.add_annotation(make_ann(99, "claim", TEXT, "talks", TEXT[:start].count("talks")))
    view.viewport().repaint()  # the same place again
    assert _near(_kept(view, start, end), _qt_rect(view, start, end))
    assert _claim_at(view.viewport().grab().toImage(), view, _qt_rect(view, start, end))
