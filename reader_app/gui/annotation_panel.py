"""The open article's tags, with an editor for the selected one.

Edits are committed to the controller after a short pause in typing, on
Enter / focus-out, and before another tag or article is shown; consecutive
commits of one field merge into one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reader_app.domain.models import Annotation
from reader_app.gui.annotation_model import ID_ROLE, KIND, NOTE, QUOTE, VALUE, AnnotationModel, kind_color

FILTERS = (("All tags", None), ("Claims", "claim"), ("Actors", "actor"), ("Dates", "date"))
IDLE_COMMIT_MS = 800
EMPTY_TEXT = "No article open.\nPick one in the library to see and edit its tags."


class NotePreview(QTextBrowser):
    """Rendered Markdown of a note. Loads nothing and follows no link."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMaximumHeight(90)

    def loadResource(self, type_: int, name) -> object:  # noqa: N802 - Qt override
        return None  # no images or stylesheets from disk or network

    def show_markdown(self, text: str) -> None:
        self.document().setMarkdown(text, QTextDocument.MarkdownFeature.MarkdownNoHTML)


class AnnotationPanel(QWidget):
    annotation_selected = Signal(int)  # the analyst picked a tag in the list
    delete_requested = Signal(int)
    edit_requested = Signal(int)

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._shown: Annotation | None = None  # stored state of the tag in the editor
        self._quiet = False  # True while the selection changes programmatically
        # Before the model's own slots: pending edits belong to the old state.
        controller.article_opened.connect(self._on_controller_article_opened)
        controller.annotation_removed.connect(self._on_controller_annotation_removed)
        self.model = AnnotationModel(controller, self)
        controller.annotation_changed.connect(self._on_controller_annotation_changed)
        controller.annotation_added.connect(self._on_controller_annotation_added)
        # Rows the model moves or resets change the current row: not the analyst's choice.
        # (Connected before the view's selection model exists, so these run first.)
        for signal in (self.model.rowsAboutToBeRemoved, self.model.modelAboutToBeReset):
            signal.connect(self._on_model_about_to_shift)
        for signal in (self.model.rowsRemoved, self.model.modelReset):
            signal.connect(self._on_model_shifted)
        self._idle = QTimer(self, singleShot=True, interval=IDLE_COMMIT_MS)
        self._idle.timeout.connect(self.commit_pending_edit)

        self.kind_filter = QComboBox(self)
        self.kind_filter.setObjectName("kindFilter")
        for label, kind in FILTERS:
            self.kind_filter.addItem(label, kind)
        self.kind_filter.setToolTip("Show one kind of tag")
        self.kind_filter.currentIndexChanged.connect(self._on_kind_filter_changed)
        self.count_label = QLabel(self)

        self.table = QTableView(self)
        self.table.setObjectName("annotationTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(QUOTE, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(KIND, 8 * self.fontMetrics().averageCharWidth() + 28)
        for column in (VALUE, NOTE):  # the quote gets the room
            header.resizeSection(column, 9 * self.fontMetrics().averageCharWidth())
        header.setHighlightSections(False)
        self.table.installEventFilter(self)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset):
            signal.connect(self._on_model_rows_counted)

        self.editor = self._build_editor()
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
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
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        QWidget.setTabOrder(self.kind_filter, self.table)
        QWidget.setTabOrder(self.table, self.value_edit)
        QWidget.setTabOrder(self.value_edit, self.note_edit)
        self.setFocusProxy(self.table)
        self._show(None)
        self._update_page()

    def _build_editor(self) -> QWidget:
        editor = QWidget(self)
        editor.setObjectName("annotationEditor")
        self.kind_label = QLabel(editor)
        self.kind_label.setTextFormat(Qt.TextFormat.RichText)
        # read-only text, not a label: a long claim scrolls instead of growing the panel
        self.quote_view = QPlainTextEdit(editor)
        self.quote_view.setObjectName("annotationQuote")
        self.quote_view.setReadOnly(True)
        self.quote_view.setTabChangesFocus(True)
        self.quote_view.setFrameShape(QFrame.Shape.NoFrame)
        palette = self.quote_view.palette()  # read-only: drawn like the panel, not a field
        palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Window))
        self.quote_view.setPalette(palette)
        self.quote_view.setMaximumHeight(5 * self.fontMetrics().lineSpacing() + 8)
        self.value_edit = QLineEdit(editor)
        self.value_edit.setObjectName("annotationValue")
        self.value_edit.setPlaceholderText("Normalized value, e.g. a full name or 2022-02-10")
        self.value_edit.setClearButtonEnabled(True)
        self.value_edit.textEdited.connect(self._on_editor_text_edited)
        self.value_edit.editingFinished.connect(self.commit_pending_edit)
        self.note_edit = QPlainTextEdit(editor)
        self.note_edit.setObjectName("annotationNote")
        self.note_edit.setPlaceholderText("Note (Markdown)")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMinimumHeight(3 * self.fontMetrics().lineSpacing() + 12)
        self.note_edit.textChanged.connect(self._on_editor_text_edited)
        self.note_edit.installEventFilter(self)
        self.preview = NotePreview(editor)
        self.preview.setObjectName("notePreview")
        self.hint_label = QLabel("Select a tag to edit its value and note.", editor)
        self.hint_label.setEnabled(False)
        form = QFormLayout(editor)
        form.setContentsMargins(0, 4, 0, 0)
        form.addRow(self.hint_label)
        form.addRow("Kind:", self.kind_label)
        form.addRow("Quote:", self.quote_view)
        form.addRow("&Value:", self.value_edit)
        form.addRow("&Note:", self.note_edit)
        form.addRow("", self.preview)
        return editor

    # -- public ---------------------------------------------------------------------

    def selected_annotation_id(self) -> int | None:
        return self._shown.id if self._shown else None

    def select_annotation(self, annotation_id: int) -> None:
        """Select a tag's row (a highlight was clicked) without emitting annotation_selected."""
        if self.model.row_of(annotation_id) < 0 and self.model.kind_filter() is not None:
            self.kind_filter.setCurrentIndex(0)  # it is hidden by the kind filter
        row = self.model.row_of(annotation_id)
        if row < 0:
            return
        index = self.model.index(row, KIND)
        was_quiet, self._quiet = self._quiet, True
        try:
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        finally:
            self._quiet = was_quiet
        self.table.scrollTo(index)

    def focus_editor(self) -> None:
        if self._shown is not None:
            self.value_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            self.value_edit.selectAll()

    def set_commit_delay(self, msec: int) -> None:
        """How long typing must pause before an edit is committed."""
        self._idle.setInterval(msec)

    @Slot()
    def commit_pending_edit(self) -> None:
        """Send edited value/note to the controller (one call per changed field)."""
        self._idle.stop()
        ann = self._shown
        if ann is None or self._controller.running_command:
            return  # never push a command from inside another one
        value, note = self._value_text(), self._note_text()
        if value != ann.value:
            self._controller.edit_annotation(ann.id, value=value)
        if self._shown is not None and note != self._shown.note:
            self._controller.edit_annotation(ann.id, note=note)

    # -- editor state -----------------------------------------------------------------

    def _value_text(self) -> str | None:
        return self.value_edit.text() or None

    def _note_text(self) -> str | None:
        # toPlainText() would turn NBSP into spaces; blocks are U+2029 in the raw text
        return self.note_edit.document().toRawText().replace("\u2029", "\n") or None

    def _show(self, ann: Annotation | None) -> None:
        self._idle.stop()
        self._shown = ann
        for w in (self.kind_label, self.quote_view, self.value_edit, self.note_edit, self.preview):
            w.setEnabled(ann is not None)
        self.hint_label.setVisible(ann is None)
        self._set_kind(ann)
        self.quote_view.setPlainText(ann.quote if ann else "")
        self.quote_view.setToolTip(f"Characters {ann.start}–{ann.end}" if ann else "")
        self._set_field_texts(ann, None)

    def _set_kind(self, ann: Annotation | None) -> None:
        if ann is None:
            self.kind_label.setText("")
            return
        color = kind_color(ann.kind).name()
        self.kind_label.setText(f'<span style="color:{color}">■</span> {ann.kind.capitalize()}')

    def _set_field_texts(self, ann: Annotation | None, before: Annotation | None) -> None:
        """Show stored values. With before (the previous stored state), only fields
        whose stored value changed are replaced: the rest may hold text being typed."""
        value, note = (ann.value, ann.note) if ann else (None, None)
        if (before is None or before.value != value) and self._value_text() != value:
            self.value_edit.setText(value or "")
        if (before is None or before.note != note) and self._note_text() != note:
            self.note_edit.blockSignals(True)
            self.note_edit.setPlainText(note or "")
            self.note_edit.blockSignals(False)
        self.preview.show_markdown(self._note_text() or "")

    # -- handlers -------------------------------------------------------------------

    @Slot()
    def _on_editor_text_edited(self) -> None:
        if self._shown is not None:
            self._idle.start()
            if self.sender() is self.note_edit:
                self.preview.show_markdown(self._note_text() or "")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.note_edit and event.type() == QEvent.Type.FocusOut:
            self.commit_pending_edit()
        elif (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and self._shown is not None
        ):
            self.delete_requested.emit(self._shown.id)
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
            self._show(None)

    @Slot(QModelIndex, QModelIndex)
    def _on_table_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.commit_pending_edit()
        ann = self.model.annotation_at(current.row()) if current.isValid() else None
        if ann is not None and self._shown is not None and ann.id == self._shown.id:
            return
        self._show(ann)
        if ann is not None and not self._quiet:
            self.annotation_selected.emit(ann.id)

    @Slot(QModelIndex)
    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        self.edit_requested.emit(index.data(ID_ROLE))
        self.focus_editor()

    @Slot()
    def _on_model_about_to_shift(self) -> None:
        self._quiet = True

    @Slot()
    def _on_model_shifted(self) -> None:
        self._quiet = False

    @Slot(object)
    def _on_controller_article_opened(self, article) -> None:
        self.commit_pending_edit()  # still about the previous article (refused inside undo/redo)
        self._show(None)
        self._update_page()

    @Slot(object)
    def _on_controller_annotation_removed(self, ann: Annotation) -> None:
        if self._shown is not None and ann.id == self._shown.id:
            self._show(None)  # its pending edits go with it

    @Slot(object)
    def _on_controller_annotation_changed(self, ann: Annotation) -> None:
        if self._shown is None or ann.id != self._shown.id:
            return
        before, self._shown = self._shown, ann
        self._set_field_texts(ann, before)
        self._set_kind(ann)

    @Slot(object)
    def _on_controller_annotation_added(self, ann: Annotation) -> None:
        if ann.article_id == self.model.article_id():
            self.select_annotation(ann.id)  # a fresh tag is ready for its value

    @Slot()
    def _on_model_rows_counted(self) -> None:
        n = self.model.rowCount()
        self.count_label.setText(f"{n} tag" + ("" if n == 1 else "s"))

    def _update_page(self) -> None:
        self.stack.setCurrentIndex(0 if self._controller.current_article is None else 1)
