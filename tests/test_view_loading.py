"""The Timeline and Network tabs read on a loader thread: the window stays responsive,
says "Loading…", and drops an answer to a request it has since replaced."""

from __future__ import annotations

import threading

import pytest
from gui_helpers import open_window
from PySide6.QtCore import QTimer

from reader_app.gui.jobs.view_loader import ViewLoader
from reader_app.storage.database import open_library


def test_a_job_runs_off_the_gui_thread_and_only_the_newest_waiting_one_runs(qtbot, db_path):
    open_library(db_path).close()
    loader = ViewLoader(db_path)
    answers: list[tuple[int, object]] = []
    loader.loaded.connect(lambda generation, result: answers.append((generation, result)))
    release = threading.Event()
    gui = threading.get_ident()
    try:
        loader.request(1, lambda db: (release.wait(5), threading.get_ident())[1])
        qtbot.waitUntil(lambda: loader.runs == 1)  # the first job is running, blocked
        loader.request(2, lambda db: "stale")
        loader.request(3, lambda db: db.execute("SELECT 40 + 2").fetchone()[0])
        ticked = []
        QTimer.singleShot(0, lambda: ticked.append(True))
        qtbot.waitUntil(lambda: ticked == [True])  # the event loop runs meanwhile
        assert answers == []
        release.set()
        qtbot.waitUntil(lambda: len(answers) == 2)
        assert answers[0][0] == 1 and answers[0][1] != gui  # not the GUI thread's
        assert answers[1] == (3, 42) and loader.runs == 2  # 2 was replaced before it ran
    finally:
        release.set()
        loader.stop()


def test_a_failing_job_is_told_in_one_line(qtbot, db_path):
    open_library(db_path).close()
    loader = ViewLoader(db_path)
    failures: list[tuple[int, str]] = []
    loader.failed.connect(lambda generation, message: failures.append((generation, message)))

    def bad(db):
        raise ValueError("Not a facet: nonsense")

    try:
        loader.request(7, bad)
        qtbot.waitUntil(lambda: failures == [(7, "Not a facet: nonsense")])
    finally:
        loader.stop()


# -- the tabs -----------------------------------------------------------------------


@pytest.fixture
def network(qtbot, db_path):
    from network_library import build

    db = open_library(db_path)
    try:
        lib = build(db)
    finally:
        db.close()
    win = open_window(qtbot, db_path)
    win.left_tabs.setCurrentIndex(win.NETWORK_TAB)
    view = win.network_view
    qtbot.waitUntil(view.is_loaded)
    return view, lib


def test_the_network_says_loading_and_drops_a_stale_answer(qtbot, network):
    view, lib = network
    everyone = set(view.nodes)
    answers: list[tuple[int, object]] = []
    view._loader.loaded.connect(lambda generation, result: answers.append((generation, result)))
    view.search_edit.setText("Hearing")
    view.reload()  # returns at once: the read and the layout are the loader's
    assert view.loading and view.info.text() == "Loading…" and not view.is_loaded()
    qtbot.waitUntil(lambda: view.is_loaded() and len(answers) > 0)
    hearing = set(view.graph.edges())
    assert hearing == {(lib.ministry, lib.rostenko), (lib.ministry, lib.group)}
    old = answers[-1]
    view.search_edit.clear()
    view.reload()
    qtbot.waitUntil(view.is_loaded)
    assert set(view.nodes) == everyone
    view._loader.loaded.emit(old[0], old[1])  # a late answer to the Hearing request
    assert set(view.nodes) == everyone and len(view.graph.edges()) == 4


def test_the_network_keeps_only_the_newest_of_quick_changes(qtbot, network):
    view, lib = network
    for weight in (2, 3, 1, 2):  # four requests before any answer is shown
        view.min_weight.setValue(weight)
    assert view.loading
    qtbot.waitUntil(view.is_loaded)
    assert {(u, v) for u, v in view.graph.edges()} == {(lib.rostenko, lib.group)}


@pytest.fixture
def timeline(qtbot, db_path):
    from timeline_library import build

    db = open_library(db_path)
    try:
        ids = build(db)
    finally:
        db.close()
    win = open_window(qtbot, db_path)
    win.left_tabs.setCurrentWidget(win.timeline_view)
    view = win.timeline_view
    qtbot.waitUntil(lambda: view.isVisible() and view.is_loaded())
    return view, ids


def test_the_timeline_says_loading_and_drops_a_stale_answer(qtbot, timeline):
    view, ids = timeline
    everything = len(view.shown_items())
    answers: list[tuple[int, object]] = []
    view._loader.loaded.connect(lambda generation, result: answers.append((generation, result)))
    view.kind_boxes["article"].setChecked(False)
    view.kind_boxes["date"].setChecked(False)
    view.reload()
    assert view.loading and view.count_label.text() == "Loading…" and not view.is_loaded()
    qtbot.waitUntil(lambda: view.is_loaded() and len(answers) > 0)
    assert {m.kind for m in view.shown_items()} == {"claim"}
    old = answers[-1]
    view.kind_boxes["article"].setChecked(True)
    view.kind_boxes["date"].setChecked(True)
    view.reload()
    qtbot.waitUntil(view.is_loaded)
    assert len(view.shown_items()) == everything
    view._loader.loaded.emit(old[0], old[1])  # a late answer to the claims-only request
    assert len(view.shown_items()) == everything
