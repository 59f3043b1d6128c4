"""Export CSV from the window: the command line's filters in a dialog, off-thread."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QDate, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reader_app.domain.models import KINDS
from reader_app.gui.jobs.workers import JobFlow
from reader_app.gui.shared.export_dialog import lay_out_export
from reader_app.gui.shared.own_kinds import own_codes_box, own_kinds_of
from reader_app.gui.shared.plain_text import message_box
from reader_app.gui.shared.preferences import export_folder
from reader_app.services.exporting import TABLES, ExportCancelled, ExportFilters, export_csv_file


class ExportDialog(QDialog):
    """What to export (every tag, claims only or the actor list), which kinds, articles and
    published dates, raw or Excel-safe. Filters that do not apply to the table are disabled."""

    def __init__(self, parent: QWidget, current_article_id: int | None,
                 selected_ids: list[int] | None = None) -> None:
        """selected_ids: the articles selected in the library list (Export Selected…)."""
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle("Export CSV")
        self._current = current_article_id
        self._selected = list(selected_ids or [])
        form = QFormLayout()
        self.table_combo = QComboBox(self)
        self.table_combo.setObjectName("exportTable")
        for key, table in TABLES.items():
            self.table_combo.addItem(table.label, key)
        self.table_combo.setToolTip("Every tag, one row per claim, per actor, or per article (with its memo)")
        self.table_combo.currentIndexChanged.connect(self._on_table_combo_changed)
        form.addRow("Export:", self.table_combo)
        kinds = QHBoxLayout()
        self.kind_boxes = {k: QCheckBox(k.title() + "s", self) for k in KINDS}
        for box in self.kind_boxes.values():
            box.setChecked(True)
            kinds.addWidget(box)
        self.own_codes = own_codes_box(self, kinds)  # the codebook's own codes, all or none
        form.addRow("Kinds:", kinds)
        self.all_articles = QRadioButton("All articles", self)
        self.current_only = QRadioButton("Only the open article", self)
        self.all_articles.setChecked(True)
        self.current_only.setEnabled(current_article_id is not None)
        n = len(self._selected)
        self.selected_only = QRadioButton(
            "Only the selected article" if n == 1 else f"Only the {n} selected articles", self)
        self.selected_only.setObjectName("exportSelectedOnly")
        self.selected_only.setVisible(bool(n))
        self.selected_only.setChecked(bool(n))
        scope = QVBoxLayout()
        scope.addWidget(self.all_articles)
        scope.addWidget(self.current_only)
        scope.addWidget(self.selected_only)
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
        self.scope_hint = QLabel("The actor list has every actor of the library.", self)
        self.scope_hint.setObjectName("exportScopeHint")
        self.scope_hint.setVisible(False)
        form.addRow("", self.scope_hint)
        self.raw = QCheckBox("Raw CSV for scripts (no BOM, no formula protection)", self)
        form.addRow("", self.raw)
        lay_out_export(self, form)

    def table(self) -> str:
        return self.table_combo.currentData()

    @Slot(int)
    def _on_table_combo_changed(self, _index: int) -> None:
        applies = TABLES[self.table()].filters
        for box in self.kind_boxes.values():
            box.setEnabled("kinds" in applies)
        self.own_codes.setEnabled("kinds" in applies)
        self.all_articles.setEnabled("article_ids" in applies)
        self.current_only.setEnabled("article_ids" in applies and self._current is not None)
        self.selected_only.setEnabled("article_ids" in applies)
        self.use_dates.setEnabled("date_from" in applies)
        for edit in (self.date_from, self.date_to):
            edit.setEnabled("date_from" in applies and self.use_dates.isChecked())
        self.scope_hint.setVisible(not applies)

    def filters(self) -> ExportFilters:
        """The dialog's choices (the export ignores filters that do not apply to the table)."""
        kinds = [k for k, box in self.kind_boxes.items() if box.isChecked()]
        ids = [self._current] if self.current_only.isChecked() and self._current else None
        if self.selected_only.isChecked() and self._selected:
            ids = list(self._selected)
        return ExportFilters(
            table=self.table(),
            kinds=(kinds or list(KINDS)) + own_kinds_of(self.own_codes),
            article_ids=ids,
            date_from=self.date_from.date().toString("yyyy-MM-dd") if self.use_dates.isChecked() else None,
            date_to=self.date_to.date().toString("yyyy-MM-dd") if self.use_dates.isChecked() else None,
        )


@dataclass
class ExportResult:
    path: Path
    rows: int


@dataclass
class ExportFailure:
    path: Path
    reason: str


def failure_advice(reason: str) -> str:
    """What the analyst can do about an export that failed for reason."""
    low = reason.casefold()
    if "no space" in low or "disk full" in low or "disk is full" in low:
        return "The disk is full: free some space or choose another folder, then export again."
    if "permission" in low or "read-only" in low or "readonly" in low:
        return "That folder cannot be written to: choose another one, then export again."
    if "no such file" in low or "not found" in low:
        return "The folder no longer exists: choose another one, then export again."
    if "locked" in low or "busy" in low:
        return "Another program is writing to the library: wait a moment, then export again."
    return ("Check that the folder exists, that you can write to it and that the disk has "
            "space, then export again. Your tags are unchanged in the library.")


def show_export_failure(parent: QWidget, title: str, failure: ExportFailure) -> None:
    """The file, the reason and what to do next, in plain text (file names are data)."""
    box = message_box(
        parent, QMessageBox.Icon.Critical, title,
        f"Could not export to “{failure.path.name}”.",
        f"Reason: {failure.reason}\n\n{failure_advice(failure.reason)}",
        f"File: {failure.path}\nReason: {failure.reason}")
    box.setObjectName("exportFailedBox")
    box.open()  # window-modal; does not block the event loop


def rows_text(rows: int, table: str) -> str:
    noun = TABLES[table].noun if table in TABLES and table != "annotations" else "tag"
    return f"{rows} {noun}{'' if rows == 1 else 's'}"


class ExportFlow(JobFlow):
    TITLE = "Export CSV"
    LABEL = "Exporting…"
    FAILED_TITLE = "Export failed"
    export_finished = Signal(object)  # ExportResult or None
    export_reported = Signal(str)  # one line for the status bar: what was written where

    def ask_and_export(self, current_article_id: int | None,
                       selected_ids: list[int] | None = None) -> None:
        dialog = ExportDialog(self._parent, current_article_id, selected_ids)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        filters = dialog.filters()
        path, _ = QFileDialog.getSaveFileName(
            self._parent, "Export CSV", str(export_folder() / f"{filters.table}.csv"), "CSV (*.csv)"
        )
        if path:
            self.export_to(Path(path), filters, raw=dialog.raw.isChecked())

    def export_to(self, path: Path, filters: ExportFilters, *, raw: bool = False) -> None:
        self._table = filters.table
        def job(db, report_progress, should_cancel):
            try:
                rows = export_csv_file(
                    db, path, filters, raw=raw, progress=report_progress, should_cancel=should_cancel
                )
            except ExportCancelled:
                return None  # the analyst asked for it: not an error
            except Exception as e:  # noqa: BLE001 - told to the analyst with the file's name
                return ExportFailure(path, str(e) or type(e).__name__)
            return ExportResult(path, rows)

        self.start(job)

    def job_succeeded(self, result: ExportResult | ExportFailure | None) -> None:
        if isinstance(result, ExportFailure):
            self.show_failure(result)
            self.export_finished.emit(None)
            return
        if result is not None:
            self.export_reported.emit(
                f"Exported {rows_text(result.rows, self._table)} to {result.path}")
        self.export_finished.emit(result)

    def show_failure(self, failure: ExportFailure) -> None:
        show_export_failure(self._parent, self.FAILED_TITLE, failure)

    def job_failed(self) -> None:
        self.export_finished.emit(None)
