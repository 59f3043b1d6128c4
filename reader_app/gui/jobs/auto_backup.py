"""The window's automatic backup: a while after a library opens, when the analyst's
preferences ask for it and the last one is a day old, off the GUI thread and silent
(one line in the status bar). Edit > Preferences turns it off or says how many to keep."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QTimer, Signal, Slot
from PySide6.QtWidgets import QMainWindow, QWidget

from reader_app.gui.jobs.workers import JobWorker, forget_job, start_job
from reader_app.gui.shared import preferences as prefs
from reader_app.storage.auto_backup import backup_folder, is_due, make_backup

START_DELAY_MS = 4000  # after the first paint and the first reading, not competing with them


def backup_root() -> Path:
    """Where automatic backups go: the app's data folder (per user), backups/."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location or Path.home() / ".reader-app") / "backups"


class AutoBackup(QObject):
    finished = Signal(object)  # the new backup's Path, or None (not due, off, failed)
    failed = Signal(str)

    def __init__(self, parent: QObject, db_path: Path, read_only: bool = False) -> None:
        super().__init__(parent)
        self._db_path = db_path
        self._read_only = read_only  # nothing changes there: nothing to back up
        self._worker: JobWorker | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(START_DELAY_MS)
        self._timer.timeout.connect(self._on_timer_timeout)

    def schedule(self) -> None:
        self._timer.start()

    @property
    def running(self) -> bool:
        return self._worker is not None

    def folder(self) -> Path:
        return backup_folder(self._db_path, backup_root())

    @Slot()
    def _on_timer_timeout(self) -> None:
        parent = self.parent()
        if not isinstance(parent, QWidget) or parent.isVisible():  # not for a closed window
            self.back_up_if_due()

    def back_up_if_due(self, now: datetime | None = None) -> bool:
        """Start a backup when the preferences want one and it is due; True if started."""
        self._timer.stop()
        folder, when = self.folder(), now or datetime.now()
        if (self.running or self._read_only or not prefs.auto_backup()
                or not is_due(self._db_path, folder, when)):
            self.finished.emit(None)
            return False
        source, keep = self._db_path, prefs.backup_keep()

        def job(_db, _progress, _cancel):
            return make_backup(source, folder, keep, when)

        def connect(worker: JobWorker) -> None:
            self._worker = worker
            worker.succeeded.connect(self._on_worker_succeeded)
            worker.failed.connect(self._on_worker_failed)

        start_job(self, source, job, connect)
        return True

    @Slot(object)
    def _on_worker_succeeded(self, path: Path) -> None:
        self._done()
        self.finished.emit(path)

    @Slot(str)
    def _on_worker_failed(self, message: str) -> None:
        self._done()
        self.failed.emit(message)
        self.finished.emit(None)

    def _done(self) -> None:
        if self._worker is not None:
            forget_job(self._worker)
        self._worker = None

    def stop(self) -> None:
        """The window closes: no backup starts any more (one running finishes alone)."""
        self._timer.stop()


BACKED_UP = "Backed up the library automatically."


def _say_backed_up(window: QMainWindow, path: Path | None) -> None:
    # only into an empty status bar: a routine success a few seconds after opening must
    # not wipe what the analyst's last tag said ("No claimant proposed …"). Short: the
    # app's own long folder ran into the counts (Edit > Preferences shows the folder)
    if path and not window.statusBar().currentMessage():
        window.statusBar().showMessage(BACKED_UP, 8000)


def start_auto_backup(window: QMainWindow, db_path: Path, read_only: bool) -> AutoBackup:
    """The window's automatic backup, scheduled; its outcome in the status bar."""
    backup = AutoBackup(window, db_path, read_only)
    backup.finished.connect(lambda path: _say_backed_up(window, path))
    backup.failed.connect(
        lambda message: window.statusBar().showMessage(f"Automatic backup failed: {message}",
                                                       15_000))
    backup.schedule()
    return backup
