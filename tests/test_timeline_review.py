"""Review of the Timeline tab in the real window: what a demanding analyst types and does."""

from __future__ import annotations

from datetime import date

from gui_helpers import open_window
from PySide6.QtWidgets import QLabel
from test_timeline_view import wheel
from timeline_library import build

from reader_app.domain.models import ImportedArticle
from reader_app.gui.views.timeline_axis import MIN_TICK, tick_step, ticks
from reader_app.services.tagging import edit_tag, tag
from reader_app.storage.articles import add_article, get_article
from reader_app.storage.database import open_library


def shown_timeline(qtbot, db_path):
    window = open_window(qtbot, db_path)
    view = window.timeline_view
    window.left_tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.isVisible() and view.is_loaded(), timeout=3000)
    return window, view


def test_a_mistyped_date_bound_says_so_instead_of_showing_every_date(qtbot, db_path):
    db = open_library(db_path)
    build(db)
    db.close()
    _window, view = shown_timeline(qtbot, db_path)
    everything = len(view.shown_items())
    assert everything > 3
    count = view.findChild(QLabel, "timelineCount")
    view.date_from.setText("2022-02-30")  # no such day: not a filter that lets all through
    qtbot.waitUntil(lambda: "Not a date" in count.text(), timeout=3000)
    assert view.shown_items() == [] and "2022-02-30" in count.text()
    view.date_from.setText("2022-02")
    qtbot.waitUntil(lambda: count.text().startswith(f"{len(view.shown_items())} dated"),
                    timeout=3000)
    assert 0 < len(view.shown_items()) < everything  # the 2019 year tag is left out


def test_zoomed_out_over_year_1_to_9999_the_axis_draws_and_stays_readable(qtbot, db_path):
    text = "Monks wrote of the founding year. Stargazers wrote of the last month."
    db = open_library(db_path)
    article = add_article(db, ImportedArticle("Ages", text, "chronicle", "0001-01-01", "en"))
    stored = get_article(db, article.article_id)
    for quote, value in (("the founding year", "0001"), ("the last month", "9999-12")):
        i = text.index(quote)
        new, _ = tag(db, stored, "claim", i, i + len(quote))
        edit_tag(db, new.annotation.id, {"claim_date": value})
    db.close()
    window, view = shown_timeline(qtbot, db_path)
    window.resize(1024, 700)
    canvas = view.canvas
    for _ in range(20):  # out as far as it goes: the viewport reaches past 9999-12-31
        wheel(canvas, canvas.viewport().rect().center(), -3)
    image = canvas.viewport().grab().toImage()  # the axis is drawn (it raised before)
    assert not image.isNull()
    step, unit = tick_step(canvas.px_per_day())
    assert unit == "y" and step * 365.25 * canvas.px_per_day() >= MIN_TICK  # not a smear
    last_ticks = list(ticks(date(9990, 1, 1), date.max, 1, "d"))
    assert last_ticks[-1] == date.max
    assert list(ticks(date(9999, 11, 1), date.max, 1, "m"))[-1] == date(9999, 12, 1)
    assert list(ticks(date(1, 1, 1), date.max, 1000, "y")) == [date(y, 1, 1)
                                                              for y in range(1000, 10000, 1000)]
    assert list(ticks(date(1, 3, 1), date(12, 1, 1), 5, "y")) == [date(5, 1, 1), date(10, 1, 1)]


def test_a_note_committed_as_the_window_closes_starts_no_new_read(qtbot, db_path):
    db = open_library(db_path)
    ids = build(db)
    db.close()
    window, view = shown_timeline(qtbot, db_path)
    window.controller.open_annotation(ids["talks"], ids["nato_claim"])
    editor = window.annotation_panel.editor
    qtbot.waitUntil(lambda: editor.shown is not None and editor.shown.id == ids["nato_claim"])
    editor.note_edit.setPlainText("Typed, and the window closed before it was committed.")
    runs = view._loader.runs
    window.close()  # commits the note: a claim changed while the timeline is shown
    db = open_library(db_path)
    try:
        qtbot.waitUntil(lambda: db.execute("SELECT note FROM annotations WHERE id = ?",
                                           [ids["nato_claim"]]).fetchone()[0] is not None,
                        timeout=2000)
    finally:
        db.close()
    qtbot.wait(400)  # the view's reload delay is 200 ms
    assert view._loader.runs == runs and view._loader._thread is None  # no thread left reading
