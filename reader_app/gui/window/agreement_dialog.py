"""File > Agreement…: two analysts compared on the articles both tagged (services/agreement.py):
a table of kind x measure, the attribute alphas, what was skipped; Copy and Save CSV…."""

from __future__ import annotations

import io

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader_app.domain.agreement import Figure
from reader_app.formats.csv_export import open_csv_output, write_csv
from reader_app.gui.controller import LibraryController
from reader_app.gui.shared.plain_text import plain_label, show_error, tip
from reader_app.gui.shared.preferences import export_folder
from reader_app.services.agreement import COLUMNS, AgreementReport, report_rows
from reader_app.storage.errors import STORAGE_ERRORS, reason_of
from reader_app.storage.library_files import is_library_file

KIND_HEADERS = ("Kind", "Spans A", "Spans B", "Exact F1", "Exact P", "Exact R",
                "Overlap F1", "Overlap P", "Overlap R", "Kappa (chars)")
ALPHA_HEADERS = ("Attribute", "Kind", "Level", "Units", "Alpha", "Note")
ALL, OPEN = "all", "open"
Cell = tuple[str, str | None]  # shown text, tooltip


def _figure(f: Figure) -> Cell:
    return (f"{f.value:.3f}", None) if f.value is not None else ("n/a", f.reason)


class TextTable(QAbstractTableModel):
    """Rows of plain-text cells (each with a tooltip) under fixed headers."""

    def __init__(self, headers: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers = headers
        self.cells: list[list[Cell]] = []

    def set_cells(self, cells: list[list[Cell]]) -> None:
        self.beginResetModel()
        self.cells = cells
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.cells)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        text, hint = self.cells[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip(hint)  # reasons name analysts: plain text
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


def _table(model: TextTable, name: str, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class AgreementDialog(QDialog):
    def __init__(self, controller: LibraryController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreementDialog")
        self.setWindowTitle("Agreement")
        self._controller = controller
        self.report: AgreementReport | None = None
        analysts = controller.analysts()
        self.message = plain_label(QLabel(self))  # analyst names and titles are data
        self.message.setObjectName("agreementMessage")
        self.message.setWordWrap(True)
        self.analyst_a, self.analyst_b = QComboBox(self), QComboBox(self)
        self.analyst_a.setObjectName("analystACombo")
        self.analyst_b.setObjectName("analystBCombo")
        for combo in (self.analyst_a, self.analyst_b):
            combo.addItems(analysts)
        self.analyst_b.setCurrentIndex(min(1, len(analysts) - 1))
        self.scope = QComboBox(self)
        self.scope.setObjectName("agreementScope")
        self.scope.addItem("All shared articles", ALL)
        if controller.current_article is not None:
            self.scope.addItem("The open article", OPEN)
        self.kinds = TextTable(KIND_HEADERS, self)
        self.alphas = TextTable(ALPHA_HEADERS, self)
        self.kind_view = _table(self.kinds, "agreementKindTable", self)
        self.alpha_view = _table(self.alphas, "agreementAlphaTable", self)
        self.skipped = plain_label(QLabel(self))
        self.skipped.setObjectName("agreementSkipped")
        self.skipped.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton("Copy", self)
        self.copy_button.setObjectName("agreementCopy")
        self.save_button = QPushButton("Save CSV…", self)
        self.save_button.setObjectName("agreementSaveCsv")
        for button in (self.copy_button, self.save_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self._on_copy_clicked)
        self.save_button.clicked.connect(self._on_save_clicked)
        form = QFormLayout()
        form.addRow("Analyst A (reference):", self.analyst_a)
        form.addRow("Analyst B:", self.analyst_b)
        form.addRow("Articles:", self.scope)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addWidget(self.kind_view, 1)
        layout.addWidget(self.alpha_view, 2)
        layout.addWidget(self.skipped)
        layout.addWidget(buttons)
        self.resize(860, 560)
        for combo in (self.analyst_a, self.analyst_b, self.scope):
            combo.currentIndexChanged.connect(self.refresh)
        if len(analysts) < 2:
            who = f"only {analysts[0]} has" if analysts else "nobody has"
            self._show(None, f"Agreement needs two analysts; {who} tagged in this library."
                       " Each tag carries the name of the analyst who made it.")
            for widget in (self.analyst_a, self.analyst_b, self.scope, self.copy_button,
                           self.save_button):
                widget.setEnabled(False)
        else:
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        a, b = self.analyst_a.currentText(), self.analyst_b.currentText()
        if a == b:
            self._show(None, "Choose two different analysts.")
            return
        article = self._controller.current_article
        ids = [article.id] if self.scope.currentData() == OPEN and article else None
        try:
            report = self._controller.agreement((a, b), ids)
        except STORAGE_ERRORS as e:  # ValueError too: an analyst no longer in the library
            self._show(None, reason_of(e))
            return
        pair = report.pairs[0]
        shared = len(pair.article_ids)
        self._show(report, f"{a} (A, the reference) and {b} (B) both tagged {shared}"
                   f" article{'s' * (shared != 1)} in this scope." if shared else
                   f"{a} and {b} have tagged no article in common in this scope.")

    def _show(self, report: AgreementReport | None, message: str) -> None:
        self.report = report
        self.message.setText(message)
        pair = report.pairs[0] if report is not None else None
        self.kinds.set_cells([] if pair is None else [
            [(k.kind, None), (str(k.spans_a), None), (str(k.spans_b), None),
             *map(_figure, (k.exact.f1, k.exact.precision, k.exact.recall, k.overlap.f1,
                            k.overlap.precision, k.overlap.recall, k.kappa.kappa))]
            for k in pair.kinds])
        self.alphas.set_cells([] if pair is None else [
            [(a.attribute.label, None), (a.attribute.kind, None), (a.attribute.level, None),
             (str(a.units), None), _figure(a.alpha), (a.alpha.reason, a.alpha.reason)]
            for a in pair.attributes])
        skipped = report.skipped if report is not None else ()
        self.skipped.setText("" if not skipped else "Skipped: " + "; ".join(
            f"{s.title or s.article_id} ({s.reason})" for s in skipped))
        self.copy_button.setEnabled(report is not None)
        self.save_button.setEnabled(report is not None)

    def csv_text(self) -> str:
        """The report's rows as CSV (Excel-safe cells), as Save CSV… writes them."""
        out = io.StringIO(newline="")
        if self.report is not None:
            write_csv(report_rows(self.report), COLUMNS, out)
        return out.getvalue()

    @Slot()
    def _on_copy_clicked(self) -> None:
        QApplication.clipboard().setText(self.csv_text())

    @Slot()
    def _on_save_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Save agreement",
                                              str(export_folder() / "agreement.csv"),
                                              "CSV files (*.csv)")
        if path:
            self.save_csv(path)

    def save_csv(self, path: str) -> None:
        if self.report is None:
            return
        if is_library_file(path, self._controller.db_path):
            show_error(self, "Agreement", f"{path} is the library itself; choose another file.")
            return
        try:
            with open_csv_output(path) as out:
                write_csv(report_rows(self.report), COLUMNS, out)
        except OSError as e:
            show_error(self, "Agreement", f"Cannot write {path}: {e.strerror or e}")
