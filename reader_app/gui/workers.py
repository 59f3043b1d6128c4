"""Long jobs (import, export) off the GUI thread, with progress and cancel.

A job is a plain function job(db, progress, should_cancel) -> result. It runs
on its own thread with its own library connection (SQLite connections belong
to the thread that opened them); WAL lets the window keep reading meanwhile.
JobFlow is what the window's import and export share: one job at a time behind
a progress dialog with Cancel, stopped cleanly when the window closes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

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


class JobFlow(QObject):
    """Runs one job at a time for a window; subclasses say what to run and what the
    result means (job_succeeded / job_failed). Results arriving after stop() are dropped."""

    TITLE = "Working"  # the progress dialog's title
    LABEL = "Working…"
    FAILED_TITLE = "Failed"

    def __init__(self, parent: QWidget, db_path: Path) -> None:
        super().__init__(parent)
        self._parent = parent
        self._db_path = db_path
        self._worker: JobWorker | None = None
        self._thread: QThread | None = None
        self._stopped = False
        self._progress: QProgressDialog | None = None

    @property
    def running(self) -> bool:
        return self._worker is not None

    def stop(self) -> None:
        """Cancel a running job and wait for it; later results are dropped."""
        self._stopped = True
        if self._worker is not None:
            stop_job(self._thread, self._worker)
        self._finish()

    def start(self, job: Job) -> bool:
        """Start job unless one is running or the flow was stopped; True if started."""
        if self.running or self._stopped:
            return False
        progress = QProgressDialog(self.LABEL, "Cancel", 0, 0, self._parent)
        progress.setWindowTitle(self.TITLE)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)  # short jobs never flash a dialog
        self._progress = progress
        self._thread, worker = start_job(self, self._db_path, job)
        self._worker = worker
        progress.canceled.connect(worker.cancel, Qt.ConnectionType.DirectConnection)
        worker.progressed.connect(self._on_worker_progressed)
        worker.succeeded.connect(self._on_worker_succeeded)
        worker.failed.connect(self._on_worker_failed)
        return True

    # -- what subclasses say ----------------------------------------------------------

    def progress_text(self, done: int, total: int, name: str) -> str | None:
        """The progress dialog's label for this step (None: keep LABEL)."""
        return None

    def job_succeeded(self, result: Any) -> None:
        raise NotImplementedError

    def job_failed(self) -> None:
        """After the error box (the analyst has been told)."""

    # -- worker signals -----------------------------------------------------------------

    @Slot(int, int, str)
    def _on_worker_progressed(self, done: int, total: int, name: str) -> None:
        progress = self._progress
        if progress is not None:
            progress.setMaximum(total)
            text = self.progress_text(done, total, name)
            if text is not None:
                progress.setLabelText(text)
            # last: a modal dialog's setValue processes events, which may end the job
            progress.setValue(done)

    @Slot(object)
    def _on_worker_succeeded(self, result: Any) -> None:
        if self._stopped:
            return
        self._finish()
        self.job_succeeded(result)

    @Slot(str)
    def _on_worker_failed(self, message: str) -> None:
        if self._stopped:
            return
        self._finish()
        QMessageBox.critical(self._parent, self.FAILED_TITLE, message)
        self.job_failed()

    def _finish(self) -> None:
        self._worker = self._thread = None
        if self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None
