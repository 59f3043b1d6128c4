"""After a paint, the rectangles of the tags one viewport below (and above) are found
in idle time, then those of the rest of the article, so scrolling on or jumping far
finds them kept; the picture there is the same as a view that never found anything
ahead draws."""

from __future__ import annotations

import pytest
from test_article_view import make_ann, make_article

from reader_app.domain.suggestions import Suggestion
from reader_app.gui.article import highlights, sweep
from reader_app.gui.article.geometry import Geometry
from reader_app.gui.article.highlights import HighlightLayer, SpanIndex
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


def test_the_near_bands_are_dropped_after_the_tags_change(qtbot) -> None:
    view = _shown(qtbot)
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 3)
    view.viewport().grab()  # a paint there
    layer = view._layer
    assert layer.wants_warm()
    planned = list(layer._warm)
    layer.remove(1, -1)  # a new revision: the planned ranges are dropped, not used
    layer.warm_next()
    assert not layer._warm and planned


def _settle(qtbot, view: ArticleView) -> None:
    qtbot.waitUntil(lambda: not view.idle_work_pending() and not view._layer.wants_warm(),
                    timeout=5000)


@pytest.mark.parametrize("step", [highlights.STEP_SPANS, 5])
def test_the_whole_article_is_found_in_idle_time(qtbot, monkeypatch, step) -> None:
    monkeypatch.setattr(highlights, "STEP_SPANS", step)  # 5: every band is crowded
    view = _shown(qtbot)
    layer = view._layer
    found, step_of = layer._many_rects, layer._sweep_step
    asked: list[int] = []  # spans asked for in one step of the sweep
    layer._sweep_step = lambda doc: asked.append(0) or step_of(doc)

    def many_rects(spans):
        if asked:
            asked[-1] += len(spans)
        return found(spans)
    layer._many_rects = many_rects
    view.viewport().grab()  # the first paint plans the sweep from the top
    _settle(qtbot, view)
    assert len(asked) > 3 and max(asked) <= step
    kept = view._layer._rects
    fresh = Geometry(view.document(), view.offset_map)
    for s in view._layer.index.overlapping(0, len(TEXT)):
        assert kept[(s[0], s[1])] == fresh.span_rects(s[0], s[1])[0]


def test_a_far_jump_after_the_sweep_draws_what_a_cold_view_draws(qtbot) -> None:
    view = _shown(qtbot)
    view.viewport().grab()
    _settle(qtbot, view)
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() * 5 // 6)
    warmed = view.viewport().grab().toImage()
    cold = _shown(qtbot)
    cold._layer.wants_warm = lambda: False  # finds nothing ahead
    cold.verticalScrollBar().setValue(bar.value())
    assert cold.viewport().grab().toImage() == warmed


def test_the_sweep_starts_anew_for_new_tags_and_suggestions(qtbot) -> None:
    view = _shown(qtbot)
    view.viewport().grab()
    _settle(qtbot, view)
    layer = view._layer
    text = TEXT
    start = text.index("storm", len(text) * 3 // 4)
    suggestion = Suggestion("date", start, start + 5, "storm", "a test")
    view.set_suggestions([suggestion])
    assert (start, start + 5) not in layer._rects
    view.viewport().grab()  # a paint at the top plans the sweep for the new list
    _settle(qtbot, view)
    assert (start, start + 5) in layer._rects


def test_a_sweep_covers_at_most_its_share_of_a_long_text(qtbot, monkeypatch) -> None:
    monkeypatch.setattr(sweep, "SWEEP_UNITS", 2_000)
    view = _shown(qtbot)
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    view.viewport().grab()
    _settle(qtbot, view)
    middle = view.cursorForPosition(view.viewport().rect().center()).position()
    kept = sorted(view._layer._rects)
    assert kept[0][0] > 1_000 and kept[-1][1] < len(TEXT) - 1_000
    assert kept[0][0] < middle < kept[-1][1]  # around where the reader is


def test_the_sweep_waits_while_the_reader_is_busy(qtbot) -> None:
    view = _shown(qtbot)
    layer = view._layer
    view.viewport().grab()  # a paint: the near bands come at once, the sweep waits
    while layer._warm:
        assert layer.warm_next() == 0
    before = dict(layer._rects)
    wait = layer.warm_next()
    assert wait is not None and 0 < wait <= highlights.QUIET_S * 1000 + 1
    assert layer._rects == before  # nothing was found meanwhile
    qtbot.waitUntil(lambda: len(layer._rects) > len(before), timeout=2000)  # then it goes on


def test_the_sweep_goes_down_and_up_in_turn_and_retries_a_band() -> None:
    plan = sweep.Sweep()
    plan.plan("k", 1000.0, 400.0)
    assert plan.next_band(2000.0) == (1000.0, 1400.0)
    assert plan.next_band(2000.0) == (600.0, 1000.0)
    assert plan.next_band(2000.0) == (1400.0, 1800.0)
    plan.retry()  # not laid out there yet
    assert plan.next_band(2000.0) == (200.0, 600.0)
    assert plan.next_band(2000.0) == (1400.0, 1800.0)
    assert plan.next_band(2000.0) == (0.0, 200.0)
    assert plan.next_band(2000.0) == (1800.0, 2200.0)
    assert plan.next_band(2000.0) is None and not plan.pending()
    plan.plan("k", 0.0, 400.0)  # the same key: nothing planned anew
    assert plan.next_band(2000.0) is None


def test_the_rectangle_cache_holds_every_span_of_a_big_article() -> None:
    layer = HighlightLayer()
    layer.index = SpanIndex([(n * 3, n * 3 + 2, n + 1, "actor", "ab") for n in range(30_000)])
    assert layer._cache_limit() >= 60_000
