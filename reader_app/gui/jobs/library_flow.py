"""The library file itself from the window: back it up, and consent before foreign
triggers or views are removed from it."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QWidget

from reader_app.gui.jobs.workers import JobFlow
from reader_app.storage.backup import backup_library
from reader_app.storage.database import ForeignSchema, LibraryError, ReadOnlyLibrary


class OpenDeclined(LibraryError):
    """The analyst chose not to open a library (they were already told why)."""


def show_library_error(parent: QWidget | None, error: LibraryError) -> None:
    """The file, the reason and what to do, as plain text (file names are data)."""
    box = QMessageBox(parent)
    box.setObjectName("libraryErrorBox")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("Cannot open the library")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(str(error))
    box.exec()


def read_only_banner(read_only: ReadOnlyLibrary | None, parent: QWidget) -> QLabel:
    """A strip above the article saying why nothing can be changed (hidden otherwise)."""
    label = QLabel(parent)
    label.setObjectName("readOnlyBanner")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet("QLabel#readOnlyBanner { background: #fff3cd; color: #5c4400;"
                        " border: 1px solid #e0c36a; border-radius: 4px; padding: 6px 10px; }")
    if read_only is not None:
        label.setText(f"This library is read-only ({read_only.reason}). You can read, search "
                      "and export; to tag, copy it to a folder you can write to.")
    label.setVisible(read_only is not None)
    return label


def ask_remove_foreign_schema(parent: QWidget | None, error: ForeignSchema) -> bool:
    """Name every foreign trigger and view and ask before removing them."""
    box = QMessageBox(parent)
    box.setObjectName("foreignSchemaBox")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Library holds foreign code")
    box.setTextFormat(Qt.TextFormat.PlainText)  # names come from someone else's file
    box.setText(
        f"{error.path.name} holds {len(error.objects)} trigger(s), view(s) or index(es) that "
        "Analyst Reader did not create. They would run with every change you make (copying, "
        "renaming, refusing or deleting your work).\n\nRemove them and open the library?")
    box.setDetailedText("\n\n".join(f"{o.describe()}:\n{o.sql}" for o in error.objects))
    remove = box.addButton("Remove and Open", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is remove


class BackupFlow(JobFlow):
    """File > Back Up Library…: SQLite's online backup, off the GUI thread."""

    TITLE = "Back Up Library"
    LABEL = "Backing up the library…"
    FAILED_TITLE = "Backup failed"
    backup_finished = Signal(object)  # the backup's Path, or None

    def ask_and_back_up(self) -> None:
        stamp = datetime.now().strftime("%Y-%m-%d")
        suggested = self._db_path.with_name(f"{self._db_path.stem}-backup-{stamp}.sqlite")
        path, _ = QFileDialog.getSaveFileName(
            self._parent, "Back Up Library", str(suggested), "Libraries (*.sqlite *.db)")
        if path:
            self.back_up_to(Path(path))

    def back_up_to(self, path: Path) -> None:
        source = self._db_path

        def job(_db, report_progress, _should_cancel):
            return backup_library(source, path,
                                  progress=lambda done, total: report_progress(done, total, ""))

        self.start(job)

    def job_succeeded(self, result: Path) -> None:
        self.backup_finished.emit(result)

    def job_failed(self) -> None:
        self.backup_finished.emit(None)
