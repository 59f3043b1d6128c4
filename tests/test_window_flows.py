"""Import and export through the real main window: worker threads, reports, cancel, no freezes."""

from __future__ import annotations

import csv
import sqlite3
import threading
import time

import pytest
from gui_helpers import select_quote
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableView,
)

from reader_app.domain.models import ImportedArticle
from reader_app.domain.offsets import text_sha256
from reader_app.gui.jobs import export_flow
from reader_app.services.exporting import ExportFilters
from reader_app.storage.articles import add_article
from reader_app.storage.database import open_library
from reader_app.storage.export_rows import EXPORT_COLUMNS

GOOD = {
    "talks.txt": "date 2024-05-02\nGeneva talks resume\n\nThe minister said talks resume on Friday.\n",
    "brief.md": "# Kyiv briefing\n\nThe **mayor** said the bridge reopens on *Monday*.\n",
    "page.html": "<html><head><title>Odesa port</title></head><body><p>The port reopened, "
    "officials said.</p></body></html>",
}
BAD = {
    "empty.txt": b"",
    "binary.txt": b"\x00\x01\x02\x03PNG\x00\x00\xff\xfe\x00" * 20,
    "only-dateline.txt": b"date 2024-05-02\n\n",
}


def library_ids(window) -> list[int]:
    model = window.findChild(QTableView, "libraryList").model()
    return [model.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(model.rowCount())]


def stored_sources(db_path) -> list[str]:
    conn = sqlite3.connect(db_path)
    try:
        return [r[0] for r in conn.execute("SELECT source FROM articles ORDER BY id")]
    finally:
        conn.close()


@pytest.fixture
def errors(monkeypatch):
    """QMessageBox.critical would block in exec(); record it instead."""
    calls: list[tuple] = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda *a, **k: calls.append(a)))
    return calls


@pytest.fixture
def files(tmp_path):
    folder = tmp_path / "incoming"
    folder.mkdir()
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    for name, data in BAD.items():
        (folder / name).write_bytes(data)
    return folder


# -- import ---------------------------------------------------------------------------------


def test_import_good_and_bad_files_reports_every_bad_one(qtbot, window, files, db_path, errors):
    paths = [str(files / n) for n in (*GOOD, *BAD)] + [str(files / "missing.txt")]
    with qtbot.waitSignal(window.imports.import_finished, timeout=10_000) as finished:
        window.import_files(paths)
    report = finished.args[0]
    assert len(report.created) == len(GOOD)
    assert stored_sources(db_path)[1:] == list(GOOD)  # the sample first; nothing bad stored
    ids = library_ids(window)
    assert all(r.article_id in ids for r in report.created)
    assert len(ids) == 1 + len(GOOD)
    box = window.findChild(QMessageBox, "importReport")
    assert box is not None and box.isVisible()
    for name in (*BAD, "missing.txt"):
        assert name in box.detailedText(), name
    assert not any(name in box.detailedText() for name in GOOD)
    assert "3 articles" in box.text() and "4 refused" in box.text()
    assert errors == []
    box.close()


def test_importing_again_reports_duplicates_and_stores_nothing(qtbot, window, files, db_path, errors):
    paths = [str(files / n) for n in GOOD]
    with qtbot.waitSignal(window.imports.import_finished, timeout=10_000):
        window.import_files(paths)
    before = stored_sources(db_path)
    with qtbot.waitSignal(window.imports.import_finished, timeout=10_000) as finished:
        window.import_files(paths)
    assert len(finished.args[0].duplicates) == len(GOOD)
    assert stored_sources(db_path) == before
    box = window.findChild(QMessageBox, "importReport")
    assert "already in the library" in box.detailedText()
    box.close()


def drop_event(urls: list[QUrl]) -> tuple[QDragEnterEvent, QDropEvent, QMimeData]:
    mime = QMimeData()
    mime.setUrls(urls)
    copy, left, none = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(300, 300), copy, mime, left, none)
    drop = QDropEvent(QPointF(300, 300), copy, mime, left, none)
    return enter, drop, mime


def test_dropping_files_imports_them(qtbot, window, files, db_path, errors):
    enter, drop, _mime = drop_event([QUrl.fromLocalFile(str(files / n)) for n in GOOD])
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    with qtbot.waitSignal(window.imports.import_finished, timeout=10_000) as finished:
        QApplication.sendEvent(window, drop)
    assert drop.isAccepted()
    assert len(finished.args[0].created) == len(GOOD)
    assert len(library_ids(window)) == 1 + len(GOOD)
    assert window.findChild(QMessageBox, "importReport") is None  # nothing to report


def test_dropping_a_folder_imports_it_and_web_urls_are_ignored(qtbot, window, files, db_path, errors):
    web_only, _, _ = drop_event([QUrl("https://example.org/a.txt")])
    QApplication.sendEvent(window, web_only)
    assert not web_only.isAccepted()
    _, drop, _mime = drop_event([QUrl.fromLocalFile(str(files))])
    with qtbot.waitSignal(window.imports.import_finished, timeout=10_000) as finished:
        window.dropEvent(drop)
    report = finished.args[0]
    assert len(report.created) == len(GOOD)
    assert len(report.refused) == len(BAD)
    assert sorted(stored_sources(db_path)[1:]) == sorted(GOOD)
    window.findChild(QMessageBox, "importReport").close()


def test_a_long_import_never_freezes_the_window(
    qtbot, window, tmp_path, db_path, errors, monkeypatch
):
    """The import runs off the GUI thread, the window answers while it is half done, and the
    GUI thread never works long between two timer ticks. Measured in the GUI thread's own CPU
    time: on a loaded machine wall-clock gaps measure the scheduler, not the window."""
    from reader_app.services import importing  # the import flow calls import_paths there

    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(300):
        (folder / f"article-{i:03}.txt").write_text(
            f"date 2024-01-{i % 28 + 1:02}\nReport number {i}\n\nOfficials in town {i} said talks "
            f"would continue on Thursday, according to source {i}.\n" * 3,
            encoding="utf-8",
        )
    real = importing.import_paths
    halfway, answered = threading.Event(), threading.Event()
    job_threads: list[threading.Thread] = []

    def watched_import(db, paths, *, progress=None, should_cancel=None):
        job_threads.append(threading.current_thread())

        def watched(done, total, name):
            if done == total // 2:  # half done: go on once the window has answered
                halfway.set()
                answered.wait(10)
            progress(done, total, name)

        return real(db, paths, progress=watched, should_cancel=should_cancel)

    monkeypatch.setattr(importing, "import_paths", watched_import)
    ticks: list[float] = []  # the GUI thread's CPU time at each tick

    def tick():
        ticks.append(time.thread_time())
        if halfway.is_set():
            answered.set()

    timer = QTimer(window)
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    started = time.thread_time()
    with qtbot.waitSignal(window.imports.import_finished, timeout=20_000) as finished:
        window.import_files([str(folder)])
    ended = time.thread_time()
    timer.stop()
    assert len(finished.args[0].created) == 300
    assert len(library_ids(window)) == 301
    assert job_threads and threading.main_thread() not in job_threads
    assert answered.is_set(), "the window did not answer while the import was half done"
    busy = [b - a for a, b in zip([started, *ticks], [*ticks, ended])]
    assert max(busy) < 0.25, f"the GUI thread worked {max(busy):.2f} s without a tick"


# -- export ---------------------------------------------------------------------------------


def tag(window, kind: str, quote: str) -> None:
    """Select through the view's cursor and trigger the tag action."""
    select_quote(window, quote)
    window.tag_selection(kind)


def read_csv(path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == EXPORT_COLUMNS
    return [dict(zip(rows[0], r)) for r in rows[1:]]


def article_texts(db_path) -> dict[int, str]:
    conn = sqlite3.connect(db_path)
    try:
        return dict(conn.execute("SELECT id, text FROM articles"))
    finally:
        conn.close()


def test_export_csv_quotes_match_the_article_text(qtbot, window, tmp_path, db_path, errors):
    tag(window, "actor", "Calderan")
    tag(window, "claim", 'holding a whole valley hostage"')
    tag(window, "date", "Tuesday")
    hard = "Kyiv 🇺🇦 said 👨\u200d👩\u200d👧 families left.\n\nThe mayor of Львів, cafe\u0301 owner, agreed."
    db = open_library(db_path)
    hard_id = add_article(db, ImportedArticle("Hard", hard, "hard.txt")).article_id
    db.close()
    window.controller.add_imported([hard_id])
    window.controller.open_article(hard_id)
    tag(window, "actor", "families left.\n\nThe mayor of Львів")
    tag(window, "claim", "cafe\u0301 owner")
    path = tmp_path / "tags.csv"
    with qtbot.waitSignal(window.exports.export_finished, timeout=10_000) as finished:
        window.exports.export_to(path, ExportFilters())
    assert finished.args[0].rows == 5
    rows = read_csv(path)
    texts = article_texts(db_path)
    assert len(rows) == 5
    for r in rows:
        assert texts[int(r["article_id"])][int(r["start"]) : int(r["end"])] == r["quote"]
    assert "families left.\n\nThe mayor of Львів" in [r["quote"] for r in rows]
    with qtbot.waitSignal(window.exports.export_finished, timeout=10_000):
        window.exports.export_to(path, ExportFilters(kinds=["actor"], article_ids=[hard_id]))
    assert [r["quote"] for r in read_csv(path)] == ["families left.\n\nThe mayor of Львів"]
    assert errors == []


def many_annotations(db_path, n: int) -> int:
    """An article with n single-word tags, written straight into the table (fast)."""
    text = " ".join(f"w{i}" for i in range(n))
    db = open_library(db_path)
    try:
        article_id = add_article(db, ImportedArticle("Many", text, "many.txt")).article_id
        sha, rows, pos = text_sha256(text), [], 0
        for i in range(n):
            word = f"w{i}"
            rows.append(dict(uuid=f"uuid-{i}", article_id=article_id, kind="claim", start=pos,
                             end=pos + len(word), quote=word, created_at="2024-01-01T00:00:00",
                             updated_at="2024-01-01T00:00:00", text_sha256=sha))
            pos += len(word) + 1
        db["annotations"].insert_all(rows)
        return article_id
    finally:
        db.close()


def test_a_cancelled_export_leaves_no_file_and_no_error(
    qtbot, window, tmp_path, db_path, errors, monkeypatch
):
    many_annotations(db_path, 3000)  # more than one progress chunk
    real = export_flow.export_csv_file
    reached = threading.Event()

    def held_export(db, path, filters, *, raw=False, progress=None, should_cancel=None):
        def held(done, total, name):
            reached.set()  # the first chunk is written: wait for the analyst's cancel
            deadline = time.monotonic() + 20  # only a failing cancel waits this long
            while not should_cancel() and time.monotonic() < deadline:
                time.sleep(0.005)
            progress(done, total, name)

        return real(db, path, filters, raw=raw, progress=held, should_cancel=should_cancel)

    monkeypatch.setattr(export_flow, "export_csv_file", held_export)
    out = tmp_path / "out"
    out.mkdir()
    path = out / "cancelled.csv"
    window.exports.export_to(path, ExportFilters())
    qtbot.waitUntil(reached.is_set, timeout=20_000)
    dialog = window.findChild(QProgressDialog)
    with qtbot.waitSignal(window.exports.export_finished, timeout=10_000) as finished:
        dialog.findChild(QPushButton).click()  # the dialog's Cancel button
    assert finished.args[0] is None
    assert list(out.iterdir()) == []  # no file, no temporary left behind
    assert errors == []  # cancelling is not a failure


def test_a_cancelled_import_stops_early(qtbot, window, tmp_path, db_path, errors, monkeypatch):
    from reader_app.services import importing  # the import flow calls import_paths there

    folder = tmp_path / "batch"
    folder.mkdir()
    for i in range(50):
        (folder / f"a{i:02}.txt").write_text(f"Article {i}\n\nBody text {i}.", encoding="utf-8")
    real = importing.import_paths
    reached = threading.Event()

    def held_import(db, paths, *, progress=None, should_cancel=None):
        def held(done, total, name):
            if not reached.is_set():
                reached.set()
                deadline = time.monotonic() + 20  # only a failing cancel waits this long
                while not should_cancel() and time.monotonic() < deadline:
                    time.sleep(0.005)
            progress(done, total, name)

        return real(db, paths, progress=held, should_cancel=should_cancel)

    monkeypatch.setattr(importing, "import_paths", held_import)
    window.import_files([str(folder)])
    qtbot.waitUntil(reached.is_set, timeout=20_000)
    dialog = window.findChild(QProgressDialog)
    with qtbot.waitSignal(window.imports.import_finished, timeout=10_000) as finished:
        dialog.findChild(QPushButton).click()
    report = finished.args[0]
    assert report.cancelled
    assert len(report.created) < 50
    assert len(library_ids(window)) == 1 + len(report.created)
    assert errors == []
    box = window.findChild(QMessageBox, "importReport")
    if box is not None:
        box.close()


def test_closing_the_window_during_an_import_stops_it_cleanly(
    qtbot, window, tmp_path, db_path, errors, monkeypatch
):
    from reader_app.services import importing  # the import flow calls import_paths there

    folder = tmp_path / "batch"
    folder.mkdir()
    for i in range(20):
        (folder / f"a{i:02}.txt").write_text(f"Article {i}\n\nBody text {i}.", encoding="utf-8")
    real = importing.import_paths
    reached = threading.Event()
    job_threads: list[threading.Thread] = []

    def held_import(db, paths, *, progress=None, should_cancel=None):
        job_threads.append(threading.current_thread())

        def held(done, total, name):
            reached.set()
            deadline = time.monotonic() + 20  # only a failing cancel waits this long
            while not should_cancel() and time.monotonic() < deadline:
                time.sleep(0.005)
            progress(done, total, name)

        return real(db, paths, progress=held, should_cancel=should_cancel)

    monkeypatch.setattr(importing, "import_paths", held_import)
    window.import_files([str(folder)])
    qtbot.waitUntil(reached.is_set, timeout=20_000)
    started = time.monotonic()
    window.close()  # must cancel and wait for the thread, not abort or hang
    assert time.monotonic() - started < 4
    assert not window.imports.running
    # the worker's late result: once its thread has ended, its signals are posted; deliver
    # them and see them dropped (the library is closed)
    (job_thread,) = job_threads
    qtbot.waitUntil(lambda: not job_thread.is_alive(), timeout=10_000)
    QApplication.processEvents()
    assert errors == []
    assert window.findChild(QMessageBox, "importReport") is None
