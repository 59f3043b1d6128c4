"""Import files from the window: file dialog or drop, worker thread, one report."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from reader_app.gui.workers import start_job, stop_job
from reader_app.importing import ImportReport, describe_duplicate, import_paths

FILE_FILTER = "Articles (*.txt *.text *.md *.markdown *.html *.htm);;All files (*)"


class ImportFlow(QObject):
    """One import at a time; reports newly stored article ids when done."""

    articles_imported = Signal(list)
    import_finished = Signal(object)  # ImportReport, for tests and the status bar

    def __init__(self, parent: QWidget, db_path: Path) -> None:
        super().__init__(parent)
        self._parent = parent
        self._db_path = db_path
        self._worker = None
        self._thread = None
        self._stopped = False
        self._progress: QProgressDialog | None = None

    @property
    def running(self) -> bool:
        return self._worker is not None

    def stop(self) -> None:
        """Cancel a running import and wait for it; later results are dropped."""
        self._stopped = True
        if self._worker is not None:
            stop_job(self._thread, self._worker)
        self._finish()

    def ask_and_import(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self._parent, "Import articles", "", FILE_FILTER)
        if files:
            self.import_files(files)

    def import_files(self, paths: Sequence[str | Path]) -> None:
        if self.running or self._stopped or not paths:
            return
        paths = [str(p) for p in paths]
        progress = QProgressDialog("Importing…", "Cancel", 0, 0, self._parent)
        progress.setWindowTitle("Import articles")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)  # small imports never flash a dialog
        self._progress = progress

        def job(db, report_progress, should_cancel):
            return import_paths(db, paths, progress=report_progress, should_cancel=should_cancel)

        self._thread, worker = start_job(self, self._db_path, job)
        self._worker = worker
        progress.canceled.connect(worker.cancel, Qt.ConnectionType.DirectConnection)
        worker.progressed.connect(self._on_worker_progressed)
        worker.succeeded.connect(self._on_worker_succeeded)
        worker.failed.connect(self._on_worker_failed)

    @Slot(int, int, str)
    def _on_worker_progressed(self, done: int, total: int, name: str) -> None:
        progress = self._progress
        if progress is not None:
            progress.setMaximum(total)
            progress.setLabelText(f"Importing {done} of {total}: {name}")
            # last: a modal dialog's setValue processes events, which may finish the import
            progress.setValue(done)

    @Slot(object)
    def _on_worker_succeeded(self, report: ImportReport) -> None:
        if self._stopped:
            return
        self._finish()
        if report.created:
            self.articles_imported.emit([r.article_id for r in report.created])
        problems = report.refused + [describe_duplicate(n, r) for n, r in report.duplicates]
        problems += report.warnings
        if report.refused or report.warnings or (report.duplicates and not report.created):
            box = QMessageBox(self._parent)
            box.setObjectName("importReport")
            box.setIcon(QMessageBox.Icon.Warning if report.refused else QMessageBox.Icon.Information)
            box.setWindowTitle("Import finished")
            box.setText(report.summary())
            box.setInformativeText("\n".join(problems[:12]) + ("\n…" if len(problems) > 12 else ""))
            box.setDetailedText("\n".join(problems))
            box.open()
        self.import_finished.emit(report)

    @Slot(str)
    def _on_worker_failed(self, message: str) -> None:
        if self._stopped:
            return
        self._finish()
        QMessageBox.critical(self._parent, "Import failed", message)
        self.import_finished.emit(None)

    def _finish(self) -> None:
        self._worker = self._thread = None
        if self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None
