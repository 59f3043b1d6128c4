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

from PySide6.QtCore import QObject, QThread, Signal, Slot

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


def start_job(parent: QObject, db_path: Path, job: Job) -> tuple[QThread, JobWorker]:
    """Start job on a new thread; both objects clean themselves up when it ends."""
    thread = QThread(parent)
    worker = JobWorker(db_path, job)
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    worker.finished.connect(thread.quit)
    worker.finished.connect(worker.deleteLater)
    thread.finished.connect(thread.deleteLater)
    thread.start()
    return thread, worker
