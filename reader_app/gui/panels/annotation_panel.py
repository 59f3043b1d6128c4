"""The open article's tags as a table, with the editor of the selected one below.

Pending edits are committed before another tag or article is shown (annotation_editor).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reader_app.gui.controller import LibraryController
from reader_app.gui.lists.annotation_model import ID_ROLE, KIND, QUOTE, AnnotationModel
from reader_app.gui.lists.column_fit import fit_columns
from reader_app.gui.lists.tables import make_table, select_row
from reader_app.gui.panels.annotation_editor import AnnotationEditor
from reader_app.gui.panels.suggestion_box import SuggestionBox
from reader_app.gui.shared.margins import style_margin
from reader_app.gui.shared.plain_text import plain_label
from reader_app.services.changes import ChangeSet

FILTERS = (("All tags", None), ("Claims", "claim"), ("Actors", "actor"), ("Dates", "date"))
EMPTY_TEXT = "No article open.\nPick one in the library to see and edit its tags."


class AnnotationPanel(QWidget):
    annotation_selected = Signal(int)  # the analyst picked a tag in the list
    delete_requested = Signal(int)
    edit_requested = Signal(int)

    def __init__(self, controller: LibraryController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._quiet = False  # True while the selection changes programmatically
        self._keep: int | None = None  # the tag selected while the model moves rows
        # Before the model's own slots: pending edits belong to the old state.
        controller.article_opened.connect(self._on_controller_article_opened)
        controller.changed.connect(self._on_controller_changing)
        self.model = AnnotationModel(controller, self)
        controller.changed.connect(self._on_controller_changed)
        # Rows the model moves or resets change the current row: not the analyst's choice.
        # (Connected before the view's selection model exists, so these run first.)
        for signal in (self.model.rowsAboutToBeRemoved, self.model.modelAboutToBeReset):
            signal.connect(self._on_model_about_to_shift)
        for signal in (self.model.rowsRemoved, self.model.modelReset):
            signal.connect(self._on_model_shifted)

        self.kind_filter = QComboBox(self)
        self.kind_filter.setObjectName("kindFilter")
        for label, kind in FILTERS:
            self.kind_filter.addItem(label, kind)
        self.kind_filter.setToolTip("Show one kind of tag")
        self.kind_filter.currentIndexChanged.connect(self._on_kind_filter_changed)
        self.count_label = plain_label(QLabel(self))

        self.table = make_table(self, "annotationTable", self.model, sortable=False)  # text order
        self.columns = fit_columns(self.table, QUOTE, share=0.6, keep=(KIND,))  # by content; quote stretches
        self.table.installEventFilter(self)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset):
            signal.connect(self._on_model_rows_counted)

        self.editor = AnnotationEditor(controller, self)
        self.suggestions = SuggestionBox(controller, self)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("annotationSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(self.suggestions)
        splitter.addWidget(self.editor)
        for index, stretch in enumerate((2, 3, 2)):
            splitter.setStretchFactor(index, stretch)
        top = QHBoxLayout()
        top.addWidget(self.kind_filter)
        top.addStretch(1)
        top.addWidget(self.count_label)
        content = QWidget(self)
        box = QVBoxLayout(content)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(top)
        box.addWidget(splitter, 1)

        self.empty_label = QLabel(EMPTY_TEXT, self)
        self.empty_label.setObjectName("annotationEmptyState")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setEnabled(False)  # drawn greyed out
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(content)
        layout = QVBoxLayout(self)
        # the window's edge is on the right: the style's margin there, not flush
        layout.setContentsMargins(0, 0, style_margin(self, "right"), style_margin(self, "bottom"))
        layout.addWidget(self.stack)
        QWidget.setTabOrder(self.kind_filter, self.table)
        QWidget.setTabOrder(self.table, self.suggestions.table)
        QWidget.setTabOrder(self.suggestions.table, self.editor)
        self.setFocusProxy(self.table)
        self._update_page()

    # -- public ---------------------------------------------------------------------

    def selected_annotation_id(self) -> int | None:
        shown = self.editor.shown
        return shown.id if shown else None

    def select_annotation(self, annotation_id: int) -> None:
        """Select a tag's row (a highlight was clicked) without emitting annotation_selected."""
        if self.model.row_of(annotation_id) < 0 and self.model.kind_filter() is not None:
            self.kind_filter.setCurrentIndex(0)  # it is hidden by the kind filter
        row = self.model.row_of(annotation_id)
        if row < 0:
            return
        was_quiet, self._quiet = self._quiet, True
        try:
            select_row(self.table, row)
        finally:
            self._quiet = was_quiet

    def focus_editor(self) -> None:
        self.editor.focus_first()

    def set_commit_delay(self, msec: int) -> None:
        """How long typing must pause before a note is committed."""
        self.editor.set_commit_delay(msec)

    @Slot()
    def commit_pending_edit(self) -> None:
        self.editor.commit_pending_edit()

    # -- handlers -------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and self.editor.shown is not None
        ):
            self.delete_requested.emit(self.editor.shown.id)
            return True
        return super().eventFilter(watched, event)

    @Slot(int)
    def _on_kind_filter_changed(self, _index: int) -> None:
        self.commit_pending_edit()
        current = self.selected_annotation_id()
        self.model.set_kind_filter(self.kind_filter.currentData())
        if current is not None and self.model.row_of(current) >= 0:
            self.select_annotation(current)
        else:
            self.editor.show_annotation(None)

    @Slot(QModelIndex, QModelIndex)
    def _on_table_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.commit_pending_edit()
        ann = self.model.annotation_at(current.row()) if current.isValid() else None
        shown = self.editor.shown
        if ann is not None and shown is not None and ann.id == shown.id:
            return
        self.editor.show_annotation(ann)
        if ann is not None and not self._quiet:
            self.annotation_selected.emit(ann.id)

    @Slot(QModelIndex)
    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        self.edit_requested.emit(index.data(ID_ROLE))
        self.focus_editor()

    @Slot()
    def _on_model_about_to_shift(self) -> None:
        self._quiet = True
        self._keep = self.selected_annotation_id()

    @Slot()
    def _on_model_shifted(self) -> None:
        # Qt made whatever row now sits at the old index current: the selection stays
        # with the tag it was on, or there is none (its tag went)
        keep, self._keep = self._keep, None
        if keep is not None and self.model.row_of(keep) >= 0:
            select_row(self.table, self.model.row_of(keep))
        else:
            self.select_nothing()
        self._quiet = False

    def select_nothing(self) -> None:
        was_quiet, self._quiet = self._quiet, True
        try:
            self.table.selectionModel().clear()
        finally:
            self._quiet = was_quiet
        self.editor.show_annotation(None)

    @Slot(object)
    def _on_controller_article_opened(self, article) -> None:
        self.commit_pending_edit()  # still about the previous article (refused inside undo/redo)
        self.editor.show_annotation(None)
        self._update_page()

    @Slot(ChangeSet)
    def _on_controller_changing(self, changes: ChangeSet) -> None:
        """Before the model's rows change: a removed tag leaves the editor."""
        shown = self.editor.shown
        if shown is not None and any(a.id == shown.id for a in changes.tags_removed):
            self.editor.show_annotation(None)  # its pending edits go with it

    @Slot(ChangeSet)
    def _on_controller_changed(self, changes: ChangeSet) -> None:
        """The tag a change (an undo or redo too) touched is the one selected: a fresh
        or restored tag, the one tag edited; none when tags went."""
        article_id = self.model.article_id()
        here = [a for a in changes.tags_added if a.article_id == article_id]
        changed = [a for a in changes.tags_changed if a.article_id == article_id]
        if here:
            self.select_annotation(here[-1].id)  # a fresh tag is ready for its value
        elif any(a.article_id == article_id for a in changes.tags_removed):
            self.select_nothing()
        elif len(changed) == 1 and changed[0].id != self.selected_annotation_id():
            self.select_annotation(changed[0].id)

    @Slot()
    def _on_model_rows_counted(self) -> None:
        n = self.model.rowCount()
        self.count_label.setText(f"{n} tag" + ("" if n == 1 else "s"))

    def _update_page(self) -> None:
        self.stack.setCurrentIndex(0 if self._controller.current_article is None else 1)
