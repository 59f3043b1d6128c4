"""The Timeline tab in the real window, on a library built through the services."""

from __future__ import annotations

import pytest
from gui_helpers import open_window
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QTextDocument, QWheelEvent
from PySide6.QtWidgets import QApplication, QLabel, QTabWidget, QToolTip
from timeline_library import build

from reader_app.gui.views.timeline_view import TimelineView, timeline_picture
from reader_app.services.timeline_data import data_of_items


@pytest.fixture
def ids(db):
    return build(db)


@pytest.fixture
def timeline(qtbot, db_path, ids) -> TimelineView:
    window = open_window(qtbot, db_path)
    window.findChild(QTabWidget, "leftTabs").setCurrentWidget(window.timeline_view)
    view = window.timeline_view
    qtbot.waitUntil(lambda: view.isVisible() and view.is_loaded(), timeout=3000)
    assert view.objectName() == "timelineView"
    view.window_ = window
    return view


def tags(view) -> set[int]:
    return {i.annotation_id for i in view.shown_items() if i.annotation_id is not None}


def item_of(view, annotation_id):
    (item,) = [i for i in view.shown_items() if i.annotation_id == annotation_id]
    return item


def wheel(canvas, pos: QPoint, steps: int) -> None:
    event = QWheelEvent(QPointF(pos), QPointF(canvas.viewport().mapToGlobal(pos)), QPoint(),
                        QPoint(0, 120 * steps), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(canvas.viewport(), event)


def test_items_and_lanes_match_the_library(qtbot, timeline, ids):
    assert tags(timeline) == {ids[k] for k in ("thursday", "week", "month", "year", "interval",
                                               "lavrov_claim", "nato_claim", "corridor_claim")}
    assert timeline.lanes() == ["NATO", "Sergei Lavrov", "(no claimant)", "Date tags", "Articles"]
    count = timeline.findChild(QLabel, "timelineCount")
    assert count.text() == f"{len(timeline.shown_items())} dated items in 5 lanes"
    timeline.lanes_combo.setCurrentIndex(timeline.lanes_combo.findData("kind"))
    qtbot.waitUntil(lambda: timeline.lanes() == ["Claims", "Date tags", "Articles"], timeout=2000)


def test_filters_change_the_items(qtbot, timeline, ids):
    timeline.kind_boxes["date"].setChecked(False)
    timeline.kind_boxes["article"].setChecked(False)
    qtbot.waitUntil(lambda: {i.kind for i in timeline.shown_items()} == {"claim"}, timeout=2000)
    timeline.facets.status.setCurrentIndex(timeline.facets.status.findData("disputed"))
    qtbot.waitUntil(lambda: tags(timeline) == {ids["nato_claim"]}, timeout=2000)
    timeline.facets.status.setCurrentIndex(0)
    timeline.facets.actor.setEditText("Sergei Lavrov")
    qtbot.waitUntil(lambda: tags(timeline) == {ids["lavrov_claim"]}, timeout=2000)
    assert timeline.lanes() == ["Sergei Lavrov"]
    timeline.facets.actor.setEditText("")
    timeline.kind_boxes["date"].setChecked(True)
    timeline.date_from.setText("2022-02-12")
    timeline.date_to.setText("2022-02")
    qtbot.waitUntil(lambda: tags(timeline) == {ids["week"], ids["interval"], ids["nato_claim"]},
                    timeout=2000)


def test_wheel_zooms_around_the_cursor(qtbot, timeline, ids):
    canvas = timeline.canvas
    before = canvas.px_per_day()
    pos = canvas.position_of(item_of(timeline, ids["thursday"]))
    day = canvas.mapToScene(pos).x()
    wheel(canvas, pos, 3)
    assert canvas.px_per_day() == pytest.approx(before * 1.25 ** 3)
    assert canvas.mapToScene(pos).x() == pytest.approx(day, abs=1 / canvas.px_per_day() + 0.01)
    wheel(canvas, pos, -1)
    assert canvas.px_per_day() == pytest.approx(before * 1.25 ** 2)


def test_a_click_opens_the_article_at_the_tag(qtbot, timeline, ids):
    window = timeline.window_
    window.controller.open_article(ids["later"])
    canvas = timeline.canvas
    wheel(canvas, canvas.position_of(item_of(timeline, ids["lavrov_claim"])), 8)  # apart
    pos = canvas.position_of(item_of(timeline, ids["lavrov_claim"]))
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.waitUntil(lambda: window.annotation_panel.selected_annotation_id()
                    == ids["lavrov_claim"], timeout=2000)
    assert window.controller.current_article.id == ids["talks"]
    # an article's published date opens that article
    (later,) = [i for i in timeline.shown_items() if i.kind == "article"
                and i.article_id == ids["later"]]
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=canvas.position_of(later))
    qtbot.waitUntil(lambda: window.controller.current_article.id == ids["later"], timeout=2000)


def test_hover_shows_a_hostile_quote_as_plain_text(qtbot, timeline, ids):
    canvas = timeline.canvas
    item = item_of(timeline, ids["nato_claim"])
    qtbot.mouseMove(canvas.viewport(), canvas.position_of(item))
    qtbot.waitUntil(lambda: "bluff" in QToolTip.text(), timeout=2000)
    shown = QTextDocument()
    shown.setHtml(QToolTip.text())  # what Qt draws of the tooltip
    text = shown.toPlainText()
    assert "“<b>x</b> was a bluff”" in text
    assert "Article: Geneva talks" in text and "the claim's own date" in text
    assert "Claimant: NATO" in text and "Status: disputed" in text


def test_the_view_follows_tag_changes(qtbot, timeline, ids):
    window = timeline.window_
    window.controller.correct_date(ids["week"], "2022-W09")
    qtbot.waitUntil(lambda: item_of(timeline, ids["week"]).value == "2022-W09", timeout=3000)
    window.actions_.undo.trigger()
    qtbot.waitUntil(lambda: item_of(timeline, ids["week"]).value == "2022-W07", timeout=3000)


def test_timeline_picture_offscreen(db, ids):
    image = timeline_picture(db, None, 800, 240)
    assert (image.width(), image.height()) == (800, 240)
    colours = {image.pixel(x, y) for x in range(0, 800, 3) for y in range(0, 240, 3)}
    assert len(colours) > 20  # lanes, bars, points and text, not a blank picture


def test_keys_zoom_and_fit(qtbot, timeline):
    canvas = timeline.canvas
    fitted = canvas.px_per_day()
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Plus)
    assert canvas.px_per_day() == pytest.approx(fitted * 1.25)
    qtbot.keyClick(canvas, Qt.Key.Key_Minus)
    qtbot.keyClick(canvas, Qt.Key.Key_Minus)
    assert canvas.px_per_day() == pytest.approx(fitted * 0.8)
    qtbot.keyClick(canvas, Qt.Key.Key_0)
    assert canvas.px_per_day() == pytest.approx(fitted)


# -- the scene on its own: many items in one lane --------------------------------------


def many(n: int):
    from datetime import date, timedelta

    from reader_app.services.timeline import TimelineItem

    first = date(2022, 1, 1)
    out = []
    for k in range(n):
        day = first + timedelta(days=k % 365)
        end = day + timedelta(days=6) if k % 5 == 0 else day
        out.append(TimelineItem("claim", day.isoformat(), "week" if k % 5 == 0 else "day",
                                day, end, 1, "A", k + 1, f"q{k}", "Lavrov", 1, "unverified",
                                None, None))
    return out


def test_zoomed_out_a_crowded_lane_draws_a_density_strip(qtbot):
    from PySide6.QtGui import QImage, QPainter

    from reader_app.gui.views.timeline_scene import AXIS_H, DETAIL_LIMIT, LANE_H, TimelineScene, item_colour

    items = many(DETAIL_LIMIT * 3)
    scene = TimelineScene(data_of_items(items), False)
    assert scene.lanes == ["Lavrov"]
    (lane,) = scene.lane_items
    assert len(lane.visible(*scene.extent)) == len(items)  # all in view: the density path
    image = QImage(600, int(AXIS_H + LANE_H), QImage.Format.Format_RGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    first, last = scene.extent
    scene.render(painter, image.rect().toRectF(), scene.sceneRect().adjusted(
        first - scene.sceneRect().left(), 0, last - scene.sceneRect().right(), 0),
        Qt.AspectRatioMode.IgnoreAspectRatio)
    painter.end()
    y = int(AXIS_H + LANE_H / 2)
    row = [image.pixelColor(x, y) for x in range(600)]
    full = item_colour("claim", False)
    covered = [c for c in row if abs(c.red() - full.red()) < 30 and abs(c.blue() - full.blue()) < 30]
    assert len(covered) > 400  # a year of items every day: the strip runs across the year


def test_hit_testing_prefers_a_point_then_the_shortest_bar():
    from reader_app.gui.views.timeline_scene import AXIS_H, LANE_H, TimelineScene

    items = many(10)  # days 1-10 January; items 0 and 5 are weeks
    scene = TimelineScene(data_of_items(items), False)
    y = AXIS_H + LANE_H / 2
    assert scene.data.mark(scene.item_at(scene.x_of(items[3].start) + 0.5, y, 0.3)).annotation_id == 4
    on_week = scene.data.mark(scene.item_at(scene.x_of(items[0].start) + 0.5, y, 0.3))
    assert on_week.annotation_id == 1  # the week of 1 January, no day point there
    assert scene.item_at(scene.x_of(items[3].start) + 0.5, y + LANE_H, 0.3) is None  # no lane
    assert scene.item_at(-50, y, 0.3) is None


def test_timeline_picture_of_a_filter_and_of_nothing(db, ids, tmp_path):
    from reader_app.domain.search_query import SearchFilter
    from reader_app.storage.database import open_library

    light = timeline_picture(db, SearchFilter(text="corridor"), 600, 200)
    dark = timeline_picture(db, SearchFilter(text="corridor"), 600, 200, dark=True)
    assert light.pixelColor(599, 199).lightness() > 200 and dark.pixelColor(599, 199).lightness() < 60
    empty = open_library(tmp_path / "empty.sqlite")
    try:
        assert timeline_picture(empty, None, 300, 100).size().width() == 300  # an empty axis
    finally:
        empty.close()


def test_an_empty_timeline_says_why_and_what_to_do(qtbot, tmp_path):
    from reader_app.domain.models import ImportedArticle
    from reader_app.gui.views.timeline_view import EMPTY_LIBRARY
    from reader_app.storage.articles import add_article
    from reader_app.storage.database import open_library

    path = tmp_path / "undated.sqlite"
    undated = open_library(path)
    add_article(undated, ImportedArticle("Undated note", "Nothing dated in here.", "memo"))
    undated.close()
    window = open_window(qtbot, path)
    window.left_tabs.setCurrentWidget(window.timeline_view)
    view = window.timeline_view
    qtbot.waitUntil(lambda: view.isVisible() and view.is_loaded())
    assert view.shown_items() == [] and view.canvas.message() == EMPTY_LIBRARY
    assert EMPTY_LIBRARY.startswith("No dated items") and "Tag a date" in EMPTY_LIBRARY
    image = view.canvas.viewport().grab().toImage()
    # no axis: the top strip (where tick labels were, around today) is the plain background
    top = {image.pixel(x, y) for x in range(0, image.width(), 2) for y in range(0, 20)}
    assert len(top) == 1
    middle = {image.pixel(x, image.height() // 2 + dy) for x in range(image.width())
              for dy in range(-12, 12)}
    assert len(middle) > 3  # the message is drawn there


def test_filters_that_match_nothing_say_so(qtbot, timeline):
    from reader_app.gui.views.timeline_view import NO_MATCH

    timeline.date_from.setText("1990")
    timeline.date_to.setText("1991")
    qtbot.waitUntil(lambda: timeline.is_loaded() and not timeline.shown_items(), timeout=3000)
    assert timeline.canvas.message() == NO_MATCH
    assert NO_MATCH.startswith("No dated items match") and "clear the date range" in NO_MATCH
    assert timeline.count_label.text() == "0 dated items in 0 lanes"
    timeline.date_from.clear()
    timeline.date_to.clear()
    qtbot.waitUntil(lambda: timeline.is_loaded() and len(timeline.shown_items()) > 0, timeout=3000)
    assert timeline.canvas.message() == ""


def test_dots_that_would_pile_up_are_drawn_as_a_density_strip():
    from reader_app.gui.views.timeline_scene import CROWD_MIN, DETAIL_LIMIT, crowded

    assert not crowded(10, 5.0)  # a few items are always drawn one by one
    assert not crowded(CROWD_MIN, 1.0)
    assert crowded(200, 1000.0)  # 5 px apart on average: a strip
    assert not crowded(200, 4000.0)  # 20 px apart: dots
    assert crowded(DETAIL_LIMIT + 1, 1e9)  # too many to draw one by one, however wide
