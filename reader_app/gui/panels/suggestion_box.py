"""The "Suggested (N)" group of the annotation panel: the open article's suggestions
with Accept and Reject. Which one is current is the window's business (suggestion_flow);
this box shows it and says when the analyst picks another or presses a button."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal, Slot
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader_app.domain.suggestions import Suggestion
from reader_app.gui.controller import LibraryController
from reader_app.gui.lists.column_fit import fit_columns
from reader_app.gui.lists.suggestion_model import KIND, QUOTE, SuggestionModel
from reader_app.gui.lists.tables import make_table, select_row


class SuggestionBox(QGroupBox):
    picked = Signal(object)  # the Suggestion the analyst picked in the list
    accept_clicked = Signal()
    reject_clicked = Signal()

    def __init__(self, controller: LibraryController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestionBox")
        self._controller = controller
        self._quiet = False
        self.model = SuggestionModel(self)
        self.table = make_table(self, "suggestionList", self.model, sortable=False)
        self.table.setAccessibleName("Suggested tags")
        self.columns = fit_columns(self.table, QUOTE, keep=(KIND,))  # by content; the quote stretches
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.accept_button = QPushButton("Accept", self)
        self.accept_button.setObjectName("acceptSuggestion")
        self.accept_button.setToolTip("Tag the current suggestion as it says (Enter)")
        self.accept_button.clicked.connect(self.accept_clicked)
        self.reject_button = QPushButton("Reject", self)
        self.reject_button.setObjectName("rejectSuggestion")
        self.reject_button.setToolTip("Never suggest this span again (Backspace)")
        self.reject_button.clicked.connect(self.reject_clicked)
        for button in (self.accept_button, self.reject_button):
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.reject_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        controller.suggestions_changed.connect(self._on_controller_suggestions_changed)
        controller.suggestions_dropped.connect(self._on_controller_suggestions_dropped)
        self._on_controller_suggestions_changed()

    def current(self) -> Suggestion | None:
        index = self.table.currentIndex()
        return self.model.suggestion(index.row()) if index.isValid() else None

    def show_current(self, key: tuple[str, int, int] | None) -> None:
        """Select the row of the current suggestion (no `picked` signal)."""
        row = self.model.row_of(key)
        was, self._quiet = self._quiet, True
        try:
            if row >= 0:
                select_row(self.table, row)
            else:
                self.table.selectionModel().clear()
        finally:
            self._quiet = was
        self._update_buttons()

    @Slot()
    def _on_controller_suggestions_changed(self) -> None:
        suggestions = self._controller.suggestions
        was, self._quiet = self._quiet, True  # a reset moves the current row: not a pick
        try:
            self.model.set_suggestions(suggestions)
        finally:
            self._quiet = was
        self._show_count()

    @Slot(object)
    def _on_controller_suggestions_dropped(self, gone: list[Suggestion]) -> None:
        was, self._quiet = self._quiet, True  # a removal may move the current row
        try:
            self.model.drop(gone)
        finally:
            self._quiet = was
        self._show_count()

    def _show_count(self) -> None:
        pending = " …" if self._controller.suggestions_pending else ""
        self.setTitle(f"Suggested ({len(self._controller.suggestions)}){pending}")
        self._update_buttons()

    @Slot(QModelIndex, QModelIndex)
    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_buttons()
        s = self.model.suggestion(current.row()) if current.isValid() else None
        if s is not None and not self._quiet:
            self.picked.emit(s)

    def _update_buttons(self) -> None:
        writable = self._controller.read_only is None
        has = self.current() is not None and writable
        self.accept_button.setEnabled(has)
        self.reject_button.setEnabled(has)
