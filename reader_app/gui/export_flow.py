"""Export CSV from the window: the command line's filters in a dialog, off-thread."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QDate, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reader_app.domain.models import KINDS
from reader_app.exporting import ExportCancelled, ExportFilters, export_csv_file
from reader_app.gui.workers import start_job, stop_job


class ExportDialog(QDialog):
    """Which tags to export: kinds, articles, a published-date range, raw or Excel-safe."""

    def __init__(self, parent: QWidget, current_article_id: int | None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle("Export CSV")
        self._current = current_article_id
        form = QFormLayout()
        kinds = QHBoxLayout()
        self.kind_boxes = {k: QCheckBox(k.title() + "s", self) for k in KINDS}
        for box in self.kind_boxes.values():
            box.setChecked(True)
            kinds.addWidget(box)
        form.addRow("Kinds:", kinds)
        self.all_articles = QRadioButton("All articles", self)
        self.current_only = QRadioButton("Only the open article", self)
        self.all_articles.setChecked(True)
        self.current_only.setEnabled(current_article_id is not None)
        scope = QVBoxLayout()
        scope.addWidget(self.all_articles)
        scope.addWidget(self.current_only)
        form.addRow("Articles:", scope)
        self.use_dates = QCheckBox("Only articles published from", self)
        self.date_from = QDateEdit(QDate.currentDate().addMonths(-1), self)
        self.date_to = QDateEdit(QDate.currentDate(), self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            self.use_dates.toggled.connect(edit.setEnabled)
        dates = QHBoxLayout()
        dates.addWidget(self.use_dates)
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel("to", self))
        dates.addWidget(self.date_to)
        form.addRow("Dates:", dates)
        self.raw = QCheckBox("Raw CSV for scripts (no BOM, no formula protection)", self)
        form.addRow("", self.raw)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export…")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def filters(self) -> ExportFilters:
        kinds = [k for k, box in self.kind_boxes.items() if box.isChecked()]
        return ExportFilters(
            kinds=kinds or list(KINDS),
            article_ids=[self._current] if self.current_only.isChecked() and self._current else None,
            date_from=self.date_from.date().toString("yyyy-MM-dd") if self.use_dates.isChecked() else None,
            date_to=self.date_to.date().toString("yyyy-MM-dd") if self.use_dates.isChecked() else None,
        )


@dataclass
class ExportResult:
    path: Path
    rows: int


class ExportFlow(QObject):
    export_finished = Signal(object)  # ExportResult or None

    def __init__(self, parent: QWidget, db_path: Path) -> None:
        super().__init__(parent)
        self._parent = parent
        self._db_path = db_path
        self._progress: QProgressDialog | None = None
        self._worker = None
        self._thread = None
        self._stopped = False

    @property
    def running(self) -> bool:
        return self._worker is not None

    def stop(self) -> None:
        """Cancel a running export and wait for it (the target file is left untouched)."""
        self._stopped = True
        if self._worker is not None:
            stop_job(self._thread, self._worker)
        self._worker = self._thread = None
        self._close_progress()

    def ask_and_export(self, current_article_id: int | None) -> None:
        dialog = ExportDialog(self._parent, current_article_id)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        path, _ = QFileDialog.getSaveFileName(
            self._parent, "Export CSV", str(Path.home() / "annotations.csv"), "CSV (*.csv)"
        )
        if path:
            self.export_to(Path(path), dialog.filters(), raw=dialog.raw.isChecked())

    def export_to(self, path: Path, filters: ExportFilters, *, raw: bool = False) -> None:
        if self.running or self._stopped:
            return
        progress = QProgressDialog("Exporting…", "Cancel", 0, 0, self._parent)
        progress.setWindowTitle("Export CSV")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        self._progress = progress

        def job(db, report_progress, should_cancel):
            try:
                rows = export_csv_file(
                    db, path, filters, raw=raw, progress=report_progress, should_cancel=should_cancel
                )
            except ExportCancelled:
                return None  # the analyst asked for it: not an error
            return ExportResult(path, rows)

        self._thread, worker = start_job(self, self._db_path, job)
        self._worker = worker
        progress.canceled.connect(worker.cancel, Qt.ConnectionType.DirectConnection)
        worker.progressed.connect(self._on_worker_progressed)
        worker.succeeded.connect(self._on_worker_succeeded)
        worker.failed.connect(self._on_worker_failed)

    @Slot(int, int, str)
    def _on_worker_progressed(self, done: int, total: int, _name: str) -> None:
        progress = self._progress
        if progress is not None:
            progress.setMaximum(total)
            progress.setValue(done)  # modal: processes events, may end the export meanwhile

    @Slot(object)
    def _on_worker_succeeded(self, result: ExportResult | None) -> None:
        if self._stopped:
            return
        self._worker = self._thread = None
        self._close_progress()
        self.export_finished.emit(result)

    @Slot(str)
    def _on_worker_failed(self, message: str) -> None:
        if self._stopped:
            return
        self._worker = self._thread = None
        self._close_progress()
        QMessageBox.critical(self._parent, "Export failed", message)
        self.export_finished.emit(None)

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None
