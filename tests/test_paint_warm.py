"""After a paint, the rectangles of the tags one viewport below (and above) are found
in idle time, so scrolling on finds them kept; the picture there is the same as a
view that never found anything ahead draws."""

from __future__ import annotations

from test_article_view import make_ann, make_article

from reader_app.gui.article.geometry import Geometry
from reader_app.gui.article.view import ArticleView

PARAGRAPH = "The minister said on Thursday that talks in Kyiv would resume despite the storm. "
TEXT = "\n\n".join(f"{n} 😀 " + PARAGRAPH * 4 for n in range(60))  # astral: UTF-16 != cp


def _annotations() -> list:
    kinds = ("claim", "actor", "date")
    return [make_ann(n + 1, kinds[n % 3], TEXT, quote, occurrence=n // 3 * 4)
            for n, quote in enumerate(["talks in Kyiv", "minister", "on Thursday"] * 60)]


def _shown(qtbot) -> ArticleView:
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show_article(make_article(TEXT), _annotations())
    view.show()
    qtbot.waitExposed(view)
    return view


def _page_below(view: ArticleView) -> list:
    """The spans a paint one page further down would draw (asked of the index)."""
    layer = view._layer
    y = view.verticalScrollBar().value() + view.viewport().height()
    units = layer._geometry.visible_units(y + 12, y + view.viewport().height())
    assert units is not None
    omap = view.offset_map
    return layer.index.overlapping(omap.to_code_point(units[0]), omap.to_code_point(units[1]))


def test_the_page_below_is_found_after_a_paint(qtbot) -> None:
    view = _shown(qtbot)
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 3)
    view.viewport().grab()  # a paint there
    spans = _page_below(view)
    assert len(spans) > 5
    kept = view._layer._rects
    qtbot.waitUntil(lambda: all((s[0], s[1]) in kept for s in spans), timeout=2000)
    fresh = Geometry(view.document(), view.offset_map)  # asked of Qt anew: the same
    for s in spans:
        assert kept[(s[0], s[1])] == fresh.span_rects(s[0], s[1])[0]


def test_scrolling_on_draws_the_same_picture(qtbot) -> None:
    view = _shown(qtbot)
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 3)
    view.viewport().grab()  # a paint there
    spans = _page_below(view)
    qtbot.waitUntil(lambda: all((s[0], s[1]) in view._layer._rects for s in spans),
                    timeout=2000)
    bar.setValue(bar.value() + bar.pageStep())
    warmed = view.viewport().grab().toImage()
    cold = _shown(qtbot)
    cold.verticalScrollBar().setValue(bar.value())
    cold._layer.wants_warm = lambda: False  # finds nothing ahead
    assert cold.viewport().grab().toImage() == warmed


def test_nothing_is_found_ahead_after_the_tags_change(qtbot) -> None:
    view = _shown(qtbot)
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 3)
    view.viewport().grab()  # a paint there
    layer = view._layer
    assert layer.wants_warm()
    layer.remove(1, -1)  # a new revision: the planned ranges are dropped, not used
    assert not layer.warm_next()
    assert not layer.wants_warm()
