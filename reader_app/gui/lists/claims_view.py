"""The Claims view: every claim in the library with claimant, date, status and evaluation."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reader_app.domain.models import CLAIM_STATUSES
from reader_app.gui.controller import LibraryController
from reader_app.gui.lists.claim_model import ClaimModel
from reader_app.gui.lists.column_fit import fit_columns
from reader_app.gui.lists.lazy_pane import LazyPane
from reader_app.gui.lists.tables import ID_ROLE, ITEM_ROLE, make_table, select_row
from reader_app.gui.shared.plain_text import plain_label
from reader_app.services.changes import ChangeSet


class ClaimsView(LazyPane):

    def __init__(self, controller: LibraryController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("claimsView")
        self._controller = controller
        self.model = ClaimModel(self)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("claimFilter")
        self.filter_edit.setPlaceholderText("Filter by quote, claimant or article…")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._on_filter_edit_text_changed)
        self.status_combo = QComboBox(self)
        self.status_combo.setObjectName("claimStatusFilter")
        self.status_combo.addItem("All statuses", None)
        for status in CLAIM_STATUSES:
            self.status_combo.addItem(status.title(), status)
        self.status_combo.setToolTip("Show claims with this status only")
        self.status_combo.currentIndexChanged.connect(self._on_status_combo_changed)
        self.count_label = plain_label(QLabel(self))
        self.count_label.setObjectName("claimCount")

        self.table = make_table(self, "claimTable", self.model)
        self.table.setToolTip("Double-click or press Enter to open the claim in its article")
        header = self.table.horizontalHeader()
        self.columns = fit_columns(self.table, ClaimModel.QUOTE, share=0.6, cap=0.22)
        # room for the quote: the published date is in the quote's tooltip, and the
        # header's context menu shows or hides any column but the quote
        header.setSectionHidden(ClaimModel.PUBLISHED, True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for column, name in enumerate(ClaimModel.COLUMNS):
            if column != ClaimModel.QUOTE:
                action = header.addAction(name)
                action.setCheckable(True)
                action.setChecked(not header.isSectionHidden(column))
                action.toggled.connect(lambda on, c=column: self.table.setColumnHidden(c, not on))
        self.table.activated.connect(self._on_table_activated)

        filters = QHBoxLayout()
        filters.addWidget(self.filter_edit, 1)
        filters.addWidget(self.status_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self.setFocusProxy(self.table)

        # each ChangeSet carries the new row of every claim that changed (its fields, its
        # claimant's name, the value of the date tag it shows)
        controller.changed.connect(self._on_controller_changed)

    def reload(self) -> None:
        """Reload every claim, keeping the selected one selected."""
        selected = self.selected_claim_id()
        self.model.set_items(self._controller.claim_rows())
        if selected is not None and (row := self.model.row_of(selected)) >= 0:
            select_row(self.table, row)
        self._update_count()

    def apply_changes(self, changes: ChangeSet) -> None:
        if changes.claims:
            self.model.apply_rows(changes.claims)
            self._update_count()

    def selected_claim_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total_count()
        noun = "claim" if total == 1 else "claims"
        self.count_label.setText(f"{total} {noun}" if shown == total else f"{shown} of {total} {noun}")

    @Slot(str)
    def _on_filter_edit_text_changed(self, text: str) -> None:
        self.model.set_filter(text)
        self._update_count()

    @Slot(int)
    def _on_status_combo_changed(self, _index: int) -> None:
        self.model.set_status_filter(self.status_combo.currentData())
        self._update_count()

    @Slot(QModelIndex)
    def _on_table_activated(self, index: QModelIndex) -> None:
        if (row := index.data(ITEM_ROLE)) is not None:
            self._controller.open_annotation(row["article_id"], row["annotation_id"])
