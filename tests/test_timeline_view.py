"""The Timeline tab in the real window, on a library built through the services."""

from __future__ import annotations

import pytest
from gui_helpers import open_window
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QTextDocument, QWheelEvent
from PySide6.QtWidgets import QApplication, QLabel, QTabWidget, QToolTip
from timeline_library import build

from reader_app.gui.views.timeline_view import TimelineView, timeline_picture


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
