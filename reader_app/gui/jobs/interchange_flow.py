"""File > Export As: the library in a peer's format (REFI-QDA, W3C, brat, JSON Lines), off-thread."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
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
from reader_app.gui.jobs.export_flow import ExportFailure, show_export_failure
from reader_app.gui.jobs.workers import JobFlow
from reader_app.gui.shared.export_dialog import lay_out_export
from reader_app.gui.shared.own_kinds import own_codes_box, own_kinds_of
from reader_app.gui.shared.plain_text import message_box, plain_label
from reader_app.gui.shared.preferences import export_folder
from reader_app.services.interchange import (
    EXPORT_FORMATS,
    InterchangeExport,
    brat_folder_in,
    export_interchange,
)


class InterchangeDialog(QDialog):
    """Which articles (all, the open one, the selected ones) and which kinds of tag."""

    def __init__(self, parent: QWidget, fmt: str, current_article_id: int | None,
                 selected_ids: list[int] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("interchangeExportDialog")
        spec = EXPORT_FORMATS[fmt]
        self.setWindowTitle(f"Export {spec.label.split(' (')[0]}")
        self._current = current_article_id
        self._selected = list(selected_ids or [])
        form = QFormLayout()
        about = plain_label(QLabel(_ABOUT[fmt], self))
        about.setWordWrap(True)
        form.addRow(about)
        kinds = QHBoxLayout()
        self.kind_boxes = {k: QCheckBox(k.title() + "s", self) for k in KINDS}
        for box in self.kind_boxes.values():
            box.setChecked(True)
            kinds.addWidget(box)
        self.own_codes = own_codes_box(self, kinds)  # the codebook's own codes, all or none
        form.addRow("Tags:", kinds)
        self.all_articles = QRadioButton("All articles", self)
        self.current_only = QRadioButton("Only the open article", self)
        self.current_only.setEnabled(current_article_id is not None)
        n = len(self._selected)
        self.selected_only = QRadioButton(
            "Only the selected article" if n == 1 else f"Only the {n} selected articles", self)
        several = n > 1 or (n == 1 and self._selected[0] != self._current)
        self.selected_only.setVisible(several)
        (self.selected_only if several else self.all_articles).setChecked(True)  # as CSV's
        scope = QVBoxLayout()
        for button in (self.all_articles, self.current_only, self.selected_only):
            scope.addWidget(button)
        form.addRow("Articles:", scope)
        self.for_inception = QCheckBox("For INCEpTION (no normalisation lines: it refuses them)",
                                       self)
        self.for_inception.setObjectName("exportForInception")
        self.for_inception.setVisible(fmt == "brat")
        form.addRow("", self.for_inception)
        lay_out_export(self, form)

    def kinds(self) -> list[str]:
        return ([k for k, box in self.kind_boxes.items() if box.isChecked()] or list(KINDS)) \
            + own_kinds_of(self.own_codes)

    def article_ids(self) -> list[int] | None:
        if self.current_only.isChecked() and self._current is not None:
            return [self._current]
        if self.selected_only.isChecked() and self._selected:
            return list(self._selected)
        return None


_ABOUT = {
    "qdpx": "A REFI-QDA project: QualCoder, MAXQDA, ATLAS.ti, NVivo and Taguette open it."
            " Actors become codes under “Actor”; claimant, status, grade and dates travel in"
            " each coding's description.",
    "w3c": "W3C Web Annotations (JSON-LD; a file name ending in .jsonl writes one annotation"
           " per line). The articles' texts stay here: they are named by uuid and sha256.",
    "brat": "A folder with a .txt and an .ann file per article, and annotation.conf: opens in"
            " brat and INCEpTION.",
    "jsonl": "One article per line with its text and entities [start, end, label], as doccano"
             " and spaCy read them.",
}


@dataclass
class _Done:
    fmt: str
    result: InterchangeExport


class InterchangeFlow(JobFlow):
    TITLE = "Export"
    LABEL = "Exporting…"
    FAILED_TITLE = "Export failed"
    export_reported = Signal(str)  # one line for the status bar
    export_finished = Signal(object)  # InterchangeExport, or None

    def ask_and_export(self, fmt: str, current_article_id: int | None,
                       selected_ids: list[int] | None = None) -> None:
        dialog = InterchangeDialog(self._parent, fmt, current_article_id, selected_ids)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        spec = EXPORT_FORMATS[fmt]
        if spec.folder:
            target = QFileDialog.getExistingDirectory(self._parent, "Export into folder",
                                                      str(export_folder()))
            target = str(brat_folder_in(Path(target))) if target else target
        else:
            target, _ = QFileDialog.getSaveFileName(
                self._parent, dialog.windowTitle(), str(export_folder() / f"library{spec.suffix}"),
                spec.file_filter)
        if target:
            self.export_to(fmt, Path(target), article_ids=dialog.article_ids(),
                           kinds=dialog.kinds(), inception=dialog.for_inception.isChecked())

    def export_to(self, fmt: str, target: Path, *, article_ids: list[int] | None = None,
                  kinds: list[str] | None = None, inception: bool = False) -> None:
        def job(db, report_progress, should_cancel):
            try:
                done = export_interchange(
                    db, fmt, target, article_ids=article_ids, kinds=kinds, inception=inception,
                    progress=lambda n, total: report_progress(n, total, ""))
            except Exception as e:  # noqa: BLE001 - told to the analyst with the file's name
                return ExportFailure(target, str(e) or type(e).__name__)
            return _Done(fmt, done)

        self.start(job)

    def job_succeeded(self, result: _Done | ExportFailure) -> None:
        if isinstance(result, ExportFailure):
            show_export_failure(self._parent, self.FAILED_TITLE, result)
            self.export_finished.emit(None)
            return
        done = result.result
        self.export_reported.emit(done.summary(result.fmt))
        if done.report:
            box = message_box(
                self._parent, QMessageBox.Icon.Warning, "Export finished",
                done.summary(result.fmt),
                "\n".join(done.report[:12]) + ("\n…" if len(done.report) > 12 else ""),
                "\n".join(done.report))
            box.setObjectName("exportReportBox")
            box.open()
        self.export_finished.emit(done)

    def job_failed(self) -> None:
        self.export_finished.emit(None)
