"""Painting shortcuts keep the picture: a line's cursorToX answers are reused across the
spans of one layout, the spans are sorted by kind once per paint, and neither changes
a pixel or a rectangle against asking Qt afresh for every span."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QPointF, QRectF, QSizeF
from PySide6.QtGui import QImage

from reader_app.domain.models import Annotation, AnnotationId, Article, ArticleId
from reader_app.domain.offsets import text_sha256
from reader_app.domain.suggestions import Suggestion
from reader_app.gui.article import geometry
from reader_app.gui.article.document import line_pieces
from reader_app.gui.article.view import ArticleView

WORDS = ("the envoy said talks would go on despite the storm over the harbour; "
         "Ørsted Kraków naïve Львів 😀 🇺🇦 𠀀").split()
RTL = "אבג שלום عربي".split()  # in every fourth paragraph: the others take the LTR path
KINDS = ("claim", "actor", "date", "code:alpha", "code:beta")


def _article() -> tuple[Article, list[Annotation]]:
    rng = random.Random(11)
    paragraphs = [" ".join(rng.choices(WORDS + RTL if n % 4 == 0 else WORDS,
                                       k=rng.randint(30, 90))) for n in range(40)]
    text = "\n\n".join(paragraphs)
    starts = [i + 1 for i, ch in enumerate(text) if ch == " "]
    anns = []
    for n in range(900):
        start = rng.choice(starts)
        end = start
        for _ in range(rng.randint(1, 9)):  # up to nine words: many cross a line
            nxt = text.find(" ", end + 1)
            end = nxt if nxt != -1 else len(text)
        anns.append(Annotation(AnnotationId(n + 1), f"u{n}", ArticleId(1), KINDS[n % 5], start,
                               end, text[start:end], "", "", None, None, None, "", "", ""))
    anns.sort(key=lambda a: (a.start, -a.end, a.id))
    article = Article(ArticleId(1), "u", "T", "t.txt", None, "en", text, text_sha256(text),
                      "text", (), "")
    return article, anns


def _reference_rects(self: geometry.BlockLines, a: int, b: int, out: list[QRectF],
                     _layout: object = None) -> None:
    """BlockLines.rects as it was: every x asked of Qt, nothing reused (a layout
    handed in by a caller asking for many spans is not used: asked anew)."""
    layout = self.block.layout()
    for n in range(self.line_number(a), self.line_number(b) + 1):
        line = layout.lineAt(n)
        start = line.textStart()
        end, top, height = start + line.textLength(), self.y + line.y(), line.height()
        la, lb = max(a, start), min(b, end)
        if la >= lb:
            continue
        if self.bidi:
            for x1, x2 in line_pieces(layout, line, la, lb, True):
                out.append(QRectF(self.x + x1, top, x2 - x1, height))
        else:
            x1, x2 = line.cursorToX(la)[0], line.cursorToX(lb)[0]
            x1, x2 = min(x1, x2), max(x1, x2)
            out.append(QRectF(self.x + x1, top, x2 - x1, height))


def _shown(qtbot, article: Article, anns: list[Annotation]) -> ArticleView:
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(620, 420)
    view.show()
    qtbot.waitExposed(view)
    view.show_article(article, anns)
    doc = view.document()
    doc.documentLayout().blockBoundingRect(doc.lastBlock())  # all laid out: fixed places
    view.set_selected_annotation(anns[5].id)
    view.set_find_matches([(m, m + 4) for m in range(0, len(article.text) - 4, 211)])
    suggestions = [Suggestion("actor" if n % 2 else "date", s, s + 5, article.text[s:s + 5], "r")
                   for n, s in enumerate(range(7, len(article.text) - 5, 401))]
    view.set_suggestions(suggestions)
    view.set_current_suggestion((suggestions[1].kind, suggestions[1].start, suggestions[1].end))
    return view


def _grabs(view: ArticleView) -> list[QImage]:
    bar = view.verticalScrollBar()
    images = []
    for n in range(5):
        bar.setValue(bar.maximum() * n // 4)
        view.viewport().repaint()
        images.append(view.viewport().grab().toImage())
    return images


@pytest.mark.parametrize("dark", [False, True])
def test_the_picture_is_the_one_of_asking_qt_for_every_span(qtbot, monkeypatch, dark):
    article, anns = _article()
    if dark:
        from reader_app.gui.article import highlights
        monkeypatch.setattr(highlights, "paint_marks", _dark(highlights.paint_marks))
    view = _shown(qtbot, article, anns)
    fast = _grabs(view)
    again = _grabs(view)  # every rectangle from the cache now
    monkeypatch.setattr(geometry.BlockLines, "rects", _reference_rects)
    view._layer._rects.clear()
    view._layer._geometry.clear()
    slow = _grabs(view)
    assert all(a == b for a, b in zip(fast, slow, strict=True))
    assert all(a == b for a, b in zip(fast, again, strict=True))
    assert len({img.cacheKey() for img in fast}) == 5  # five different places were painted


def _dark(paint_marks):
    def dark_marks(painter, kind, spans, _dark):
        paint_marks(painter, kind, spans, True)
    return dark_marks


def test_rectangles_equal_those_asked_of_qt_one_by_one(qtbot, monkeypatch):
    article, anns = _article()
    view = _shown(qtbot, article, anns)
    layer = view._layer
    layer.visible_spans(QPointF(0, 0), QSizeF(view.viewport().size()))
    fast = [layer.rects(a.start, a.end) for a in anns]  # the x memo fills as it goes
    again = [layer._geometry.span_rects(a.start, a.end)[0] for a in anns]
    layer._geometry.clear()
    batch = [r for r, _ in layer._geometry.many_span_rects([(a.start, a.end) for a in anns])]
    monkeypatch.setattr(geometry.BlockLines, "rects", _reference_rects)
    layer._geometry.clear()
    slow = [layer._geometry.span_rects(a.start, a.end)[0] for a in anns]
    assert fast == slow == again == batch
    assert sum(len(r) > 1 for r in slow) > 50  # many spans cross a line





def _lines_between(doc, top: float, bottom: float) -> tuple[int, int]:
    """From the start of the first line reaching below top to one past the end (+ 1) of
    the last line starting above bottom: every line of every block asked of Qt."""
    found = []
    block = doc.begin()
    while block.isValid():
        layout = block.layout()
        for n in range(layout.lineCount()):
            line = layout.lineAt(n)
            line_top = layout.position().y() + line.y()
            if line_top + line.height() > top and line_top < bottom:
                start = block.position() + line.textStart()
                found.append((start, start + line.textLength() + 1))
        block = block.next()
    return found[0][0], found[-1][1]


def test_the_lines_found_in_view_are_those_qt_lays_out_there(qtbot):
    """visible_units (a bisection of block tops, then a walk down to the bottom) finds
    the lines Qt has between two heights, at places all down the article (paragraph
    gaps and the empty blocks between paragraphs too)."""
    article, anns = _article()
    view = _shown(qtbot, article, anns)
    doc, geometry_ = view.document(), view._layer._geometry
    height = view.viewport().height()
    bar = view.verticalScrollBar()
    for n in range(120):
        top = bar.maximum() * n / 119 + (n % 7)
        assert geometry_.visible_units(top, top + height) == _lines_between(doc, top,
                                                                            top + height)
