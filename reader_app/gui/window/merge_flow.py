"""File > Merge Library…: choose the other library (or file), read and plan it on a worker
thread (a big library takes a while), show the plan in MergeDialog, and on Merge push one
undo step through the controller."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from reader_app.domain.interchange import BundleFormatError
from reader_app.gui.controller import LibraryController
from reader_app.gui.jobs.workers import JobFlow
from reader_app.gui.shared.plain_text import message_box
from reader_app.gui.window.merge_dialog import MergeDialog
from reader_app.services.bundle_files import read_other
from reader_app.services.merging import MergePlan, describe_plan, plan_merge

FILTER = ("Libraries and interchange files (*.sqlite *.db *.qdpx *.jsonld *.json *.jsonl"
          " *.ann);;All files (*)")


class MergeFlow(JobFlow):
    TITLE = "Merge Library"
    LABEL = "Reading the other library…"
    merged = Signal(str)  # the summary, for the status bar

    def __init__(self, parent: QWidget, controller: LibraryController, db_path: Path) -> None:
        super().__init__(parent, db_path)
        self._window = parent
        self._controller = controller
        self.dialog: MergeDialog | None = None
        self._waiting: list[Path] = []  # files asked for while one is read or reviewed

    def ask_and_merge(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self._window, "Merge Library",
                                              str(self._db_path.parent), FILTER)
        if path:
            self.merge_from(Path(path))

    def merge_from(self, path: Path) -> None:
        """Read, plan and show path's merge; one at a time (the next waits its turn)."""
        if self.running or self.dialog is not None:
            self._waiting.append(path)
            return
        if self._controller.read_only is not None:
            self._tell("This library is read-only: nothing can be merged into it.")
            return
        library = self._db_path

        def job(db: Any, _progress: Any, _cancelled: Any) -> MergePlan | str:
            try:
                return plan_merge(db, read_other(path, library))
            except BundleFormatError as e:  # words for the analyst, shown as plain text
                return str(e)

        self.start(job)

    def job_succeeded(self, result: Any) -> None:
        if isinstance(result, str):
            self._tell(result)
            self._next()
            return
        dialog = MergeDialog(result, describe_plan(result), self._window)
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        dialog.open()

    @Slot(int)
    def _on_dialog_finished(self, code: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is None:
            return
        dialog.deleteLater()
        if code == MergeDialog.DialogCode.Accepted:
            summary = self._controller.merge(dialog.plan, dialog.choices())
            if summary:
                self.merged.emit(summary)
        self._next()

    def job_failed(self) -> None:
        self._next()

    def _next(self) -> None:
        if self._waiting:
            self.merge_from(self._waiting.pop(0))

    def _tell(self, message: str) -> None:
        box = message_box(self._window, QMessageBox.Icon.Warning, "Merge Library", message)
        box.setObjectName("mergeErrorBox")
        box.open()

