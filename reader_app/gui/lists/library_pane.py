"""The library list: a filter box above a sortable table of articles, loaded a page at a time."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from reader_app.gui.lists.library_model import (
    CLAIMS,
    COLUMNS,
    ID_ROLE,
    PUBLISHED,
    SOURCE,
    TITLE,
    LibraryModel,
)
from reader_app.gui.lists.search_panel import SearchPanel
from reader_app.gui.lists.tables import make_table, select_row
from reader_app.gui.shared.plain_text import plain_label, tip
from reader_app.services.changes import ChangeSet

FILTER_DELAY_MS = 150  # one query per pause in typing, not per key


class LibraryPane(QWidget):
    article_activated = Signal(int)  # the analyst picked an article
    selection_changed = Signal()  # the rows selected (for delete or export) changed

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._last_emitted: int | None = None
        self._quiet = False  # True while the selection changes programmatically
        self._kept: int | None = None  # the article selected before a reset (filter, sort)
        self.model = LibraryModel(controller, self)
        controller.changed.connect(self.apply_changes)
        self.count_label = plain_label(QLabel(self))
        self.count_label.setObjectName("libraryCount")
        # the count of a filter that matches many articles is one more query: after the rows
        self._count_timer = QTimer(self, singleShot=True, interval=0)
        self._count_timer.timeout.connect(self.update_count)
        for signal in (self.model.modelReset, self.model.rowsInserted, self.model.rowsRemoved):
            signal.connect(self._count_timer.start)

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
        # after the view's own connections: its selection is cleared before we restore it
        self.model.modelAboutToBeReset.connect(self._on_model_about_to_be_reset)
        self.model.modelReset.connect(self._on_model_reset)
        self.model.keep_loaded = self.selected_article_id
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
        # many articles at once for delete and export (Ctrl/Shift+click, Shift+arrows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.selectionModel().selectionChanged.connect(self.selection_changed)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_table_context_menu_requested)
        self._context_actions: list[QAction | None] = []  # None: a separator

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        # the library search above the list; its results take the list's place while on
        self.search = SearchPanel(controller, self)
        self.search.active_changed.connect(self._on_search_active_changed)
        layout.addWidget(self.search)
        QWidget.setTabOrder(self.search.results, self.filter_edit)
        layout.addWidget(self.filter_edit)
        # a title filter that finds nothing offers the search of the whole library instead
        self.search_instead = QPushButton(self)
        self.search_instead.setObjectName("searchInstead")
        self.search_instead.setFlat(True)
        self.search_instead.setCursor(Qt.CursorShape.PointingHandCursor)
        self.search_instead.setStyleSheet("text-align: left; padding: 2px 4px;")
        # its text never widens the pane (the article column keeps its width): cut instead
        self.search_instead.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.search_instead.clicked.connect(self._on_search_instead_clicked)
        self.search_instead.hide()
        layout.addWidget(self.search_instead)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self.update_count()
        self.setFocusProxy(self.table)
        QWidget.setTabOrder(self.filter_edit, self.table)

    @Slot(bool)
    def _on_search_active_changed(self, active: bool) -> None:
        """Search results replace the title filter, the list and its count, and back."""
        for widget in (self.filter_edit, self.table, self.count_label):
            widget.setVisible(not active)
        self._update_search_instead()
        layout = self.layout()
        layout.setStretchFactor(self.search, 1 if active else 0)  # type: ignore[attr-defined]

    # -- public ---------------------------------------------------------------------

    def select_article(self, article_id: int) -> None:
        """Select an article's row without emitting article_activated (loading rows to
        reach it, up to library_model.MAX_JUMP)."""
        row = self.model.load_until(article_id)
        self._quiet = True
        try:
            if row < 0:
                self.table.clearSelection()
                return
            current = self.table.currentIndex()
            # the current row already (a click opened it): the view is applying the
            # click's selection, Ctrl/Shift+click included, and it stays as the click made it
            if not (current.isValid() and current.row() == row):
                select_row(self.table, row)
            self._last_emitted = article_id
        finally:
            self._quiet = False

    def selected_article_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def selected_article_ids(self) -> list[int]:
        """The articles selected in the list, top to bottom (the current one if no row is
        selected); while search results take the list's place, the selected result's."""
        if self.search.active:
            return self._result_ids(selected=True)
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        if rows:
            return [self.model.article_id(r) for r in rows]
        current = self.selected_article_id()
        return [current] if current is not None else []

    def _result_ids(self, selected: bool) -> list[int]:
        """The search results' article ids, top to bottom: the selected ones (else the
        current one), or all of them."""
        view = self.search.results
        if selected:
            indexes = sorted(view.selectionModel().selectedIndexes(), key=lambda i: i.row())
            if not indexes and view.currentIndex().isValid():
                indexes = [view.currentIndex()]
        else:
            model = view.model()
            indexes = [model.index(row, 0) for row in range(model.rowCount())]
        return [i for i in (index.data(ID_ROLE) for index in indexes) if i is not None]

    def set_context_actions(self, actions: list[QAction | None]) -> None:
        """What the list's context menu offers (None: a separator); the actions' shortcuts
        work while the list has focus."""
        self._context_actions = list(actions)
        for action in actions:
            if action is not None:
                self.table.addAction(action)

    def build_context_menu(self) -> QMenu:
        menu = QMenu(self)
        for action in self._context_actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        return menu

    def has_article(self, article_id: int) -> bool:
        """The article is in the library and the filter shows it (loaded yet or not)."""
        return self.model.contains(article_id)

    def adjacent_article_id(self, article_id: int | None, step: int) -> int | None:
        """The article after (step > 0) or before (step < 0) article_id in the list's order
        and filter, fetching the next page past the last row loaded; None at either end.
        An article the list does not show (or None) counts as before the first row."""
        if self.search.active:  # the results the analyst sees, in their order
            ids = self._result_ids(selected=False)
            row = ids.index(article_id) if article_id in ids else -1
            target = row + (1 if step > 0 else -1) if row >= 0 else (0 if step > 0 else -1)
            return ids[target] if 0 <= target < len(ids) else None
        if self._filter_timer.isActive():
            self.apply_filter()  # what was typed, even within the pause before filtering
        model = self.model
        row = model.load_until(article_id) if article_id is not None else -1
        target = row + (1 if step > 0 else -1) if row >= 0 else (0 if step > 0 else -1)
        if target >= model.rowCount() and model.canFetchMore():
            model.fetchMore()
        return model.article_id(target) if 0 <= target < model.rowCount() else None

    @Slot()
    def apply_filter(self) -> None:
        """Filter now (normally run after a short pause in typing)."""
        self._filter_timer.stop()
        self.model.set_filter(self.filter_edit.text())  # the selection is kept by _on_model_reset

    def apply_changes(self, changes: ChangeSet) -> None:
        """One operation's effect on the list: counts, imported and removed articles,
        row by row (never a re-listing); the selection stays on its article."""
        selected = set(self.selected_article_ids()) if changes.articles_removed else set()
        self._quiet = True  # a removed row moves the current row: nothing opens by itself
        try:
            self.model.apply_changes(changes)
            if selected & set(changes.articles_removed):
                self.table.clearSelection()
                self.table.selectionModel().clearCurrentIndex()
                self._last_emitted = None
        finally:
            self._quiet = False
        if changes.articles_added or changes.articles_removed:
            self._count_timer.start()  # the total moved even if no row held did

    @Slot()
    def update_count(self) -> None:
        self._count_timer.stop()
        total = self.model.total_count()
        noun = "article" if total == 1 else "articles"
        shown = self.model.shown_count()
        self.count_label.setText(f"{total} {noun}" if not self.model.filter_text()
                                 else f"{shown} of {total} {noun}")
        self._update_search_instead(shown)  # the count is a query at 100,000: asked once

    def _update_search_instead(self, shown: int | None = None) -> None:
        typed = self.model.filter_text().strip()
        wanted = bool(typed) and not self.search.active and (
            shown if shown is not None else self.model.shown_count()) == 0
        if wanted:  # a button's text is never rich text; "&" would be a mnemonic
            shown = typed if len(typed) <= 24 else typed[:23] + "…"
            text = f"No title matches: search all articles for “{shown}”"
            self.search_instead.setText(text.replace("&", "&&"))
            self.search_instead.setToolTip(tip(text))
        self.search_instead.setVisible(wanted)

    @Slot()
    def _on_search_instead_clicked(self) -> None:
        """The filter's text becomes the library search (titles, text, tags, actors)."""
        typed = self.filter_edit.text().strip()
        self.filter_edit.clear()
        self.apply_filter()
        self.search.field.setText(typed)
        self.search.search_now()
        self.search.focus_field()

    # -- handlers -------------------------------------------------------------------

    @Slot()
    def _on_model_about_to_be_reset(self) -> None:
        self._kept = self.selected_article_id()

    @Slot()
    def _on_model_reset(self) -> None:
        kept, self._kept = self._kept, None
        if kept is not None:
            self.select_article(kept)  # the model kept its row loaded

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

    @Slot(QPoint)
    def _on_table_context_menu_requested(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if index.isValid() and not self.table.selectionModel().isRowSelected(index.row()):
            select_row(self.table, index.row())  # the menu acts on the row clicked
        if not self._context_actions:
            return
        menu = self.build_context_menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.table.viewport().mapToGlobal(pos))

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
