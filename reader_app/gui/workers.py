"""Long jobs (import, export) off the GUI thread, with progress and cancel.

A job is a plain function job(db, progress, should_cancel) -> result. It runs
on its own thread with its own library connection (SQLite connections belong
to the thread that opened them); WAL lets the window keep reading meanwhile.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Qt, Signal, Slot

from reader_app.storage.database import open_library

Job = Callable[[Any, Callable[[int, int, str], None], Callable[[], bool]], Any]


class JobWorker(QObject):
    progressed = Signal(int, int, str)  # done, total, current item
    succeeded = Signal(object)  # the job's result
    failed = Signal(str)  # one line for the analyst
    finished = Signal()

    def __init__(self, db_path: Path, job: Job) -> None:
        super().__init__()
        self._db_path = db_path
        self._job = job
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        try:
            db = open_library(self._db_path)
            try:
                result = self._job(db, self.progressed.emit, self._cancel.is_set)
            finally:
                db.close()
        except Exception as e:  # noqa: BLE001 - reported to the analyst, never a traceback
            self.failed.emit(str(e) or type(e).__name__)
        else:
            self.succeeded.emit(result)
        self.finished.emit()


# Python owns each JobWorker (it has no parent, it cannot have one across threads):
# if the last reference went away while the job still ran, the GUI thread would
# delete the worker under the running thread and crash. Keep it until the thread ends.
_alive: dict[int, JobWorker] = {}


def start_job(parent: QObject, db_path: Path, job: Job) -> tuple[QThread, JobWorker]:
    """Start job on a new thread; both objects go away once it has ended.

    Connect a cancel button to worker.cancel with Qt.DirectConnection: a queued
    call would wait for the worker's own thread, which is busy running the job.
    """
    thread = QThread(parent)
    worker = JobWorker(db_path, job)
    worker.moveToThread(thread)
    key = id(worker)
    _alive[key] = worker
    thread.started.connect(worker.run)
    # direct: QThread.quit is thread-safe, and queued it would wait for a GUI thread
    # that may itself be waiting for this thread to end (stop_job)
    worker.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
    thread.finished.connect(lambda: _alive.pop(key, None))  # runs in the GUI thread
    thread.finished.connect(thread.deleteLater)
    thread.start()
    return thread, worker


def stop_job(thread: QThread, worker: JobWorker, wait_ms: int = 10_000) -> None:
    """Cancel a job and wait for its thread (the window is closing)."""
    worker.cancel()
    try:
        thread.wait(wait_ms)
    except RuntimeError:  # its thread already ended and was deleted
        pass
