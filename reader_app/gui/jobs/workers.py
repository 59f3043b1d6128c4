"""Long jobs (import, export) off the GUI thread, with progress and cancel.

A job is a plain function job(db, progress, should_cancel) -> result. It runs
on its own thread with its own library connection (SQLite connections belong
to the thread that opened them); WAL lets the window keep reading meanwhile.
JobFlow is what the window's import and export share: one job at a time behind
a progress dialog with Cancel, stopped cleanly when the window closes.

The thread is a Python daemon thread, not a QThread: closing the window cancels
the job and waits at most STOP_WAIT_S for it. A job that does not end by then
(blocked in a long write, say) is left to finish or to die with the process;
a QThread object destroyed while its thread still runs aborts the whole
program ("QThread: Destroyed while thread is still running"), and waiting for
it without bound froze the window. Dying mid-write is what SQLite is made for:
the unfinished transaction rolls back.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from reader_app.storage.database import open_library

Job = Callable[[Any, Callable[[int, int, str], None], Callable[[], bool]], Any]
STOP_WAIT_S = 2.0  # how long a closing window waits for a cancelled job


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


# Python owns each JobWorker: it must outlive its thread (the thread emits its
# signals) and be deleted in the GUI thread, its Qt thread. JobFlow drops it when
# the job has finished; a worker left running by a closed window stays here.
_alive: dict[int, JobWorker] = {}


def start_job(
    parent: QObject, db_path: Path, job: Job,
    connect: Callable[[JobWorker], None] | None = None,
) -> tuple[threading.Thread, JobWorker]:
    """Start job on a new daemon thread. parent is unused (kept for callers).
    connect(worker) runs before the thread starts: a short job may end at once,
    and a signal emitted before its slot is connected is lost.

    Connect a cancel button to worker.cancel with Qt.DirectConnection: cancel only
    sets a threading.Event, and a queued call would wait for the GUI thread.
    """
    worker = JobWorker(db_path, job)
    _alive[id(worker)] = worker
    if connect is not None:
        connect(worker)
    thread = threading.Thread(target=worker.run, name="reader-app-job", daemon=True)
    thread.start()
    return thread, worker


def forget_job(worker: JobWorker) -> None:
    """Drop the reference start_job kept (call in the GUI thread, once it finished)."""
    _alive.pop(id(worker), None)


def stop_job(thread: threading.Thread, worker: JobWorker, wait_s: float = STOP_WAIT_S) -> bool:
    """Cancel a job and wait up to wait_s for its thread; True if it ended."""
    worker.cancel()
    thread.join(wait_s)
    return not thread.is_alive()


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
        self._thread: threading.Thread | None = None
        self._stopped = False
        self._progress: QProgressDialog | None = None

    @property
    def running(self) -> bool:
        return self._worker is not None

    def stop(self) -> None:
        """Cancel a running job and wait for it; later results are dropped."""
        self._stopped = True
        if (self._worker is not None and self._thread is not None
                and stop_job(self._thread, self._worker)):
            forget_job(self._worker)
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

        def connect(worker: JobWorker) -> None:
            self._worker = worker
            progress.canceled.connect(worker.cancel, Qt.ConnectionType.DirectConnection)
            worker.progressed.connect(self._on_worker_progressed)
            worker.succeeded.connect(self._on_worker_succeeded)
            worker.failed.connect(self._on_worker_failed)
            worker.finished.connect(self._on_worker_finished)

        self._thread, _ = start_job(self, self._db_path, job, connect)
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

    @Slot()
    def _on_worker_finished(self) -> None:
        worker = self.sender()
        if isinstance(worker, JobWorker):
            forget_job(worker)

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
