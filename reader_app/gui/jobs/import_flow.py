"""Import files from the window: file dialog or drop, worker thread, one report."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from reader_app.gui.jobs.workers import JobFlow

if TYPE_CHECKING:
    from reader_app.services.importing import ImportReport

# The importers (Markdown, HTML sanitizer, encoding detection) load with the first
# import, not with the window: a cold start does not wait for them.

FILE_FILTER = ("Articles (*.txt *.text *.md *.markdown *.html *.htm *.mhtml *.mht *.eml *.pdf *.docx"
               " *.odt);;Annotations from other tools (*.qdpx *.jsonld *.json *.jsonl *.ann);;"
               "All files (*)")


def local_paths(mime: QMimeData) -> list[str]:
    """The local files and folders in a drop (web addresses are ignored)."""
    return [u.toLocalFile() for u in mime.urls() if u.isLocalFile()] if mime.hasUrls() else []


class ImportFlow(JobFlow):
    """One import at a time; reports newly stored article ids when done."""

    TITLE = "Import articles"
    LABEL = "Importing…"
    FAILED_TITLE = "Import failed"
    articles_imported = Signal(list)
    # .qdpx, W3C, brat, JSON Lines: tags to merge (the window shows the merge's plan first)
    annotation_files = Signal(list)
    import_finished = Signal(object)  # ImportReport, for tests and the status bar

    def ask_and_import(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self._parent, "Import articles", "", FILE_FILTER)
        if files:
            self.import_files(files)

    def import_files(self, paths: Sequence[str | Path]) -> None:
        if not paths:
            return
        from reader_app.services.bundle_files import is_interchange_path

        kinds = [(p, is_interchange_path(p)) for p in paths]  # a folder is listed once
        tags = [Path(p) for p, merged in kinds if merged]
        if tags:
            self.annotation_files.emit(tags)
        paths = [str(p) for p, merged in kinds if not merged]
        if not paths:
            return
        from reader_app.services.importing import import_paths

        def job(db, report_progress, should_cancel):
            return import_paths(db, paths, progress=report_progress, should_cancel=should_cancel)

        self.start(job)

    def progress_text(self, done: int, total: int, name: str) -> str:
        return f"Importing {done} of {total}: {name}"

    def job_succeeded(self, report: ImportReport) -> None:
        from reader_app.services.importing import describe_duplicate

        if report.created:
            self.articles_imported.emit([r.article_id for r in report.created])
        problems = report.refused + [describe_duplicate(n, r) for n, r in report.duplicates]
        problems += report.warnings
        if report.stopped:
            problems.insert(0, f"The import stopped: {report.stopped}")
        if (report.refused or report.warnings or report.stopped
                or (report.duplicates and not report.created)):
            box = QMessageBox(self._parent)
            box.setObjectName("importReport")
            box.setTextFormat(Qt.TextFormat.PlainText)  # file names and titles are data
            warn = report.refused or report.stopped
            box.setIcon(QMessageBox.Icon.Warning if warn else QMessageBox.Icon.Information)
            box.setWindowTitle("Import finished")
            box.setText(report.summary())
            box.setInformativeText("\n".join(problems[:12]) + ("\n…" if len(problems) > 12 else ""))
            box.setDetailedText("\n".join(problems))
            box.open()
        self.import_finished.emit(report)

    def job_failed(self) -> None:
        self.import_finished.emit(None)
