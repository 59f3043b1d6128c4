"""File > Export Report…: which articles, HTML or PDF, where; the data and HTML off-thread.

The pictures are painted first on the GUI thread (Qt widgets and painters live there), the
report's rows are read and its HTML written by a job; a PDF is then laid out by Qt on the
GUI thread (QTextDocument is not thread-safe).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reader_app.formats.report_html import report_html
from reader_app.gui.jobs.export_flow import ExportFailure, show_export_failure
from reader_app.gui.jobs.workers import JobFlow
from reader_app.gui.shared.export_dialog import lay_out_export
from reader_app.gui.shared.plain_text import clip, plain_label, tip
from reader_app.gui.shared.preferences import export_folder
from reader_app.gui.window.report_render import render_pictures, write_pdf
from reader_app.services.report import describe_filter, report_data
from reader_app.services.search import SearchFilter


class ReportDialog(QDialog):
    """Scope (the library, the selected articles, the current search) and format."""

    def __init__(self, parent: QWidget, selected_ids: list[int],
                 search: SearchFilter | None) -> None:
        super().__init__(parent)
        self.setObjectName("exportReportDialog")
        self.setWindowTitle("Export Report")
        self._selected = list(selected_ids)
        self._search = search if search is not None and not search.is_empty() else None
        form = QFormLayout()
        about = plain_label(QLabel(
            "A dossier to hand on: each actor's claims with quote, date, status, grade and"
            " article; a chronology of dated claims; the articles; the timeline and network"
            " pictures.", self))
        about.setWordWrap(True)
        form.addRow(about)
        self.whole_library = QRadioButton("The whole library", self)
        self.whole_library.setObjectName("reportScopeLibrary")
        n = len(self._selected)
        self.selected_only = QRadioButton(
            "The selected article" if n == 1 else f"The {n} selected articles", self)
        self.selected_only.setObjectName("reportScopeSelected")
        self.selected_only.setEnabled(n > 0)
        self.search_only = QRadioButton("The articles the current search finds", self)
        self.search_only.setObjectName("reportScopeSearch")
        self.search_only.setEnabled(self._search is not None)
        if self._search is not None:
            self.search_only.setToolTip(tip(clip(describe_filter(self._search))))
        (self.selected_only if n > 1 else self.whole_library).setChecked(True)
        scope = QVBoxLayout()
        self._scopes = QButtonGroup(self)  # two groups: the radios share one parent
        for button in (self.whole_library, self.selected_only, self.search_only):
            scope.addWidget(button)
            self._scopes.addButton(button)
        form.addRow("Articles:", scope)
        self.as_html = QRadioButton("HTML (one self-contained file)", self)
        self.as_html.setObjectName("reportFormatHtml")
        self.as_pdf = QRadioButton("PDF", self)
        self.as_pdf.setObjectName("reportFormatPdf")
        self.as_html.setChecked(True)
        formats = QVBoxLayout()
        self._formats = QButtonGroup(self)
        for button in (self.as_html, self.as_pdf):
            formats.addWidget(button)
            self._formats.addButton(button)
        form.addRow("Format:", formats)
        lay_out_export(self, form)

    def fmt(self) -> str:
        return "pdf" if self.as_pdf.isChecked() else "html"

    def scope(self) -> tuple[SearchFilter | None, list[int] | None]:
        """(filter, article ids) of the report."""
        if self.selected_only.isChecked() and self._selected:
            return None, list(self._selected)
        if self.search_only.isChecked() and self._search is not None:
            return self._search, None
        return None, None


@dataclass
class _Written:
    fmt: str
    target: Path
    html: str  # the PDF's HTML, laid out on the GUI thread


class ReportFlow(JobFlow):
    TITLE = "Export Report"
    LABEL = "Writing the report…"
    FAILED_TITLE = "Export failed"
    report_reported = Signal(str)  # one line for the status bar
    report_finished = Signal(object)  # the target Path, or None

    def ask_and_export(self, db: Any, selected_ids: list[int],
                       search: SearchFilter | None) -> None:
        dialog = ReportDialog(self._parent, selected_ids, search)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        fmt = dialog.fmt()
        target, _ = QFileDialog.getSaveFileName(
            self._parent, "Export Report", str(export_folder() / f"report.{fmt}"),
            "PDF (*.pdf)" if fmt == "pdf" else "HTML (*.html *.htm)")
        if target:
            flt, ids = dialog.scope()
            self.export_to(db, Path(target), fmt, flt, ids)

    def export_to(self, db: Any, target: Path, fmt: str, flt: SearchFilter | None = None,
                  article_ids: list[int] | None = None) -> None:
        """db: the window's connection, for the pictures (painted here, on the GUI thread);
        the pictures draw the report's selection: flt's articles, within article_ids."""
        try:
            pictures = render_pictures(db, flt, article_ids)
        except Exception as e:  # noqa: BLE001 - a query the search refuses, told as below
            show_export_failure(self._parent, self.FAILED_TITLE,
                                ExportFailure(target, str(e) or type(e).__name__))
            self.report_finished.emit(None)
            return

        def job(job_db, report_progress, should_cancel):
            try:
                html = report_html(report_data(job_db, flt, article_ids), pictures)
                if fmt == "html":
                    target.write_text(html, encoding="utf-8", errors="replace")
            except Exception as e:  # noqa: BLE001 - told to the analyst with the file's name
                return ExportFailure(target, str(e) or type(e).__name__)
            return _Written(fmt, target, html)

        self.start(job)

    def job_succeeded(self, result: _Written | ExportFailure) -> None:
        if isinstance(result, _Written) and result.fmt == "pdf":
            try:
                write_pdf(result.html, result.target)
            except Exception as e:  # noqa: BLE001 - as above
                result = ExportFailure(result.target, str(e) or type(e).__name__)
        if isinstance(result, ExportFailure):
            show_export_failure(self._parent, self.FAILED_TITLE, result)
            self.report_finished.emit(None)
            return
        self.report_reported.emit(f"Exported the report to {result.target}")
        self.report_finished.emit(result.target)

    def job_failed(self) -> None:
        self.report_finished.emit(None)
