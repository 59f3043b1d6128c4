"""The library list: a filter box above a sortable table of articles."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QHeaderView, QLineEdit, QMenu, QVBoxLayout, QWidget

from reader_app.gui.lists.library_model import (
    CLAIMS,
    COLUMNS,
    ID_ROLE,
    PUBLISHED,
    SOURCE,
    TITLE,
    LibraryModel,
)
from reader_app.gui.lists.tables import make_table, select_row
from reader_app.services.changes import ChangeSet

FILTER_DELAY_MS = 150  # filtering 100k rows per keystroke would stutter


class LibraryPane(QWidget):
    article_activated = Signal(int)  # the analyst picked an article

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._last_emitted: int | None = None
        self._quiet = False  # True while the selection changes programmatically
        self.model = LibraryModel(controller, self)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("libraryFilter")
        self.filter_edit.setPlaceholderText("Filter articles…")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setToolTip("Show articles whose title or source contains this text")
        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.filter_edit.textChanged.connect(self._on_filter_edit_text_changed)
        self.filter_edit.returnPressed.connect(self._on_filter_edit_return_pressed)

        self.table = make_table(self, "libraryList", self.model)  # fixed row heights: 100k rows
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        metrics = header.fontMetrics()
        pad = 20  # room for the sort arrow
        widths = {
            PUBLISHED: metrics.horizontalAdvance("2022-02-10 "),
            SOURCE: 12 * metrics.averageCharWidth(),
            **{col: metrics.horizontalAdvance("999") for col in range(CLAIMS, len(COLUMNS))},
        }
        for col in range(1, len(COLUMNS)):
            text_width = widths.get(col, metrics.horizontalAdvance(COLUMNS[col]))
            header.resizeSection(col, text_width + pad)
        header.setSectionHidden(SOURCE, True)  # shown under the article title; the header menu brings it back
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_header_menu_requested)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        self.table.activated.connect(self._on_table_activated)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.table)
        QWidget.setTabOrder(self.filter_edit, self.table)

    # -- public ---------------------------------------------------------------------

    def select_article(self, article_id: int) -> None:
        """Select an article's row without emitting article_activated."""
        row = self.model.row_of(article_id)
        self._quiet = True
        try:
            if row < 0:
                self.table.clearSelection()
                return
            select_row(self.table, row)
            self._last_emitted = article_id
        finally:
            self._quiet = False

    def apply_changes(self, changes: ChangeSet) -> None:
        """New tag counts and new articles from one ChangeSet (no query)."""
        for article_id, counts in changes.counts.items():
            self.model.set_counts(article_id, counts)
        if changes.articles_added:
            self.model.add_summaries(changes.articles_added)

    def selected_article_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    @Slot()
    def apply_filter(self) -> None:
        """Filter now (normally run after a short pause in typing)."""
        self._filter_timer.stop()
        current = self.selected_article_id()
        self._quiet = True
        try:
            self.model.set_filter(self.filter_edit.text())
        finally:
            self._quiet = False
        if current is not None:
            self.select_article(current)

    # -- handlers -------------------------------------------------------------------

    @Slot(str)
    def _on_filter_edit_text_changed(self, _text: str) -> None:
        self._filter_timer.start()

    @Slot()
    def _on_filter_edit_return_pressed(self) -> None:
        self.apply_filter()
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, TITLE))  # emits
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot(QPoint)
    def _on_header_menu_requested(self, pos: QPoint) -> None:
        """Narrow panes: let the analyst hide columns (the title always stays)."""
        menu = QMenu(self)
        for col in range(1, len(COLUMNS)):
            action = menu.addAction(COLUMNS[col])
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(col))
            action.toggled.connect(lambda on, c=col: self.table.setColumnHidden(c, not on))
        menu.exec(self.table.horizontalHeader().mapToGlobal(pos))

    @Slot(QModelIndex, QModelIndex)
    def _on_table_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._quiet and current.isValid():
            self._emit(current.data(ID_ROLE))

    @Slot(QModelIndex)
    def _on_table_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self._last_emitted = None  # Enter / double-click always re-opens
            self._emit(index.data(ID_ROLE))

    def _emit(self, article_id: int) -> None:
        if article_id != self._last_emitted:
            self._last_emitted = article_id
            self.article_activated.emit(article_id)
