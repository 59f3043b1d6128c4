"""The library search: the search box, its facets and the results that replace the list.

Typing or changing a facet searches after a pause (SEARCH_DELAY_MS); the search itself
runs elsewhere (the window connects `search_requested` to a worker and hands answers
back to show_results). Each request has a generation: an answer to any but the newest
is dropped, so a slow old query never replaces what the analyst typed since.

Keys: Esc (in the box or the results) clears the query and the facets and brings the
library list back; Enter or Down in the box goes to the results; Enter or a
double-click on a result emits result_activated.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader_app.gui.lists.search_delegate import SearchResultDelegate, row_height
from reader_app.gui.lists.search_facets import SearchFacets
from reader_app.gui.lists.search_model import SearchResultModel
from reader_app.gui.lists.tables import ID_ROLE
from reader_app.gui.shared.plain_text import clip, plain_label
from reader_app.services.changes import ChangeSet

if TYPE_CHECKING:  # the engine loads with the first search, not with the window
    from reader_app.services.search import ArticleHit, SearchFilter

SEARCH_DELAY_MS = 200  # one search per pause in typing, not per key


def no_match_text(flt: SearchFilter) -> str:
    query = clip(flt.text.strip(), 200)
    narrowed = flt.has_facets()
    if query:
        return f"No article matches “{query}”" + (" with these filters" if narrowed else "")
    return "No article matches these filters"


def matches_text(n: int) -> str:
    return "1 article matches" if n == 1 else f"{n} articles match"


class SearchPanel(QWidget):
    search_requested = Signal(int, object)  # generation, SearchFilter
    active_changed = Signal(bool)  # results replace the library list (True) or not
    results_shown = Signal(str)  # an answer is shown; its text when a problem (for the status bar)
    result_activated = Signal(int, str)  # article id, the query text it was found with

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("librarySearchPanel")
        self._controller = controller
        self._generation = 0
        self._shown_generation = -1
        self._active = False
        self._asked: SearchFilter | None = None  # the filter of the newest request
        self._results_filter: SearchFilter | None = None  # the one the results answer
        self._focus_results = False  # Enter in the box: go to the first result when it comes
        self._actors_stale = True

        self.field = QLineEdit(self)
        self.field.setObjectName("librarySearch")
        self.field.setPlaceholderText("Search the library…")
        self.field.setClearButtonEnabled(True)
        self.field.setToolTip(
            "Search titles, text, tags' quotes and notes, actors (Ctrl+K)\n"
            "words: all must match · \"exact phrase\" · -word excludes · OR · prefix*"
        )
        self.field.installEventFilter(self)
        self.facets_button = QToolButton(self)
        self.facets_button.setObjectName("searchFacetsToggle")
        self.facets_button.setText("Filters")
        self.facets_button.setCheckable(True)
        self.facets_button.setAutoRaise(True)
        self.facets_button.setToolTip("Show the search filters (kind, actor, status, grade, dates…)")
        self.clear_button = QToolButton(self)
        self.clear_button.setObjectName("searchClear")
        self.clear_button.setText("Clear")
        self.clear_button.setAutoRaise(True)
        self.clear_button.setToolTip("Clear the search and its filters (Esc)")
        self.facets = SearchFacets(self)
        self.facets.hide()
        self.facets.actor.installEventFilter(self)  # its list is read again when it is entered

        self.model = SearchResultModel(self)
        self.results = QListView(self)
        self.results.setObjectName("searchResults")
        self.results.setModel(self.model)
        self.delegate = SearchResultDelegate(self.results)
        self.results.setItemDelegate(self.delegate)
        self.results.setUniformItemSizes(True)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.installEventFilter(self)
        self.empty_label = plain_label(QLabel(self))
        self.empty_label.setObjectName("searchEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.count_label = plain_label(QLabel(self))
        self.count_label.setObjectName("searchCount")
        for widget in (self.results, self.empty_label, self.count_label):
            widget.hide()

        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self.field.textChanged.connect(self._on_input_changed)
        self.facets.changed.connect(self._on_input_changed)
        self.facets_button.toggled.connect(self._on_facets_button_toggled)
        self.clear_button.clicked.connect(self.clear)
        self.results.activated.connect(self._on_results_activated)
        controller.changed.connect(self._on_controller_changed)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.field, 1)
        row.addWidget(self.facets_button)
        row.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.facets)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.count_label)
        QWidget.setTabOrder(self.field, self.facets_button)
        QWidget.setTabOrder(self.facets_button, self.clear_button)
        QWidget.setTabOrder(self.clear_button, self.results)
        self._update_clear()

    # -- public ---------------------------------------------------------------------

    @property
    def active(self) -> bool:
        return self._active

    @property
    def settled(self) -> bool:
        """Nothing typed is waiting: no pause pending, the newest request answered."""
        return not self._timer.isActive() and (
            self._asked is None or self._shown_generation == self._generation)

    def rows_in_view(self) -> int:
        """How many rows the results list shows at once, a row partly shown counted: what
        an answer needs detailed before it is shown (the rest come a page at a time).
        While the list is hidden (the first search) it will take the library list's place:
        counted from the pane's height, never too few."""
        if self.results.isVisible():
            height = self.results.viewport().height()
        else:
            pane = self.parentWidget()
            height = pane.height() if pane is not None else self.height()
        row = max(1, row_height(self.results.font()))
        return max(1, -(-height // row))

    def current_filter(self) -> SearchFilter:
        return self.facets.search_filter(self.field.text())

    def focus_field(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    @Slot()
    def clear(self) -> None:
        """No query, no facet: the library list comes back at once."""
        self._timer.stop()
        blocked = self.field.blockSignals(True)
        self.field.clear()
        self.field.blockSignals(blocked)
        blocked = self.facets.blockSignals(True)
        self.facets.clear()
        self.facets.blockSignals(blocked)
        self.search_now()

    @Slot()
    def search_now(self) -> None:
        """Search with what is typed and set now (normally after a pause in typing)."""
        self._timer.stop()
        self._update_clear()
        flt = self.current_filter()
        self._generation += 1  # whatever is still coming is stale from here on
        if flt.is_empty():
            self._asked = None
            self._focus_results = False
            self._set_active(False)
            return
        if flt == self._asked:
            self._generation -= 1  # the same search is on its way
            return
        self._asked = flt
        self.search_requested.emit(self._generation, flt)

    def show_results(self, generation: int, result: object) -> bool:
        """An answer from the search (a Sequence[ArticleHit] or a message); False: stale."""
        if generation != self._generation or self._asked is None:
            return False
        flt, self._shown_generation = self._asked, generation
        self._results_filter = flt
        self._set_active(True)
        if isinstance(result, str):
            self.model.set_hits([])
            self._show_empty(result)
            self.results_shown.emit(result)
            return True
        hits: Sequence[ArticleHit] = result  # type: ignore[assignment]
        current = self.results.currentIndex()
        kept = current.data(ID_ROLE) if current.isValid() else None
        self.model.set_hits(hits)
        row = self.model.row_of(kept)
        if row >= 0:  # searched again (the library changed): the same result stays current
            self.results.setCurrentIndex(self.model.index(row, 0))
        if hits:
            self.empty_label.hide()
            self.results.show()
            text = matches_text(len(hits))
            self.count_label.setText(text)
            self.count_label.show()
            self.results.scrollToTop()
            if self._focus_results:
                self._focus_first_result()
        else:
            self._show_empty(no_match_text(flt))
        self._focus_results = False
        self.results_shown.emit("")  # the count or "No article matches" is in the pane
        return True

    def fill_results(self, generation: int, start: int, hits: Sequence[ArticleHit]) -> bool:
        """The details of rows shown pending (the worker's `filled`); False: stale."""
        if generation != self._shown_generation or generation != self._generation:
            return False
        self.model.set_details(hits)
        return True

    def results_query(self) -> str:
        """The query text the shown results were found with."""
        return self._results_filter.text if self._results_filter is not None else ""

    # -- inner workings ------------------------------------------------------------

    def _set_active(self, active: bool) -> None:
        if not active:
            self._results_filter = None
            self.model.set_hits([])
            for widget in (self.results, self.empty_label, self.count_label):
                widget.hide()
        if active != self._active:
            self._active = active
            self.active_changed.emit(active)

    def _show_empty(self, text: str) -> None:
        self.results.hide()
        self.count_label.hide()
        self.empty_label.setText(text)
        self.empty_label.show()

    def _focus_first_result(self) -> None:
        if self.model.rowCount():
            self.results.setCurrentIndex(self.model.index(0, 0))
            self.results.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_clear(self) -> None:
        n = self.facets.active_count()
        self.facets_button.setText(f"Filters ({n})" if n else "Filters")
        self.clear_button.setEnabled(bool(self.field.text()) or n > 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.facets.actor and event.type() == QEvent.Type.FocusIn:
            self._refresh_actor_names()
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key == Qt.Key.Key_Escape and (self.field.text() or self._active
                                             or self.facets.active_count()):
                self.clear()
                self.field.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
            if watched is self.field and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._focus_results = True
                self.search_now()
                if self._active and self._shown_generation == self._generation:
                    self._focus_first_result()  # the answer is already here
                    self._focus_results = False
                return True
            if watched is self.field and key == Qt.Key.Key_Down and self.model.rowCount():
                self._focus_first_result()
                return True
        return super().eventFilter(watched, event)

    # -- handlers -------------------------------------------------------------------

    @Slot()
    def _on_input_changed(self, *_args: object) -> None:
        self._update_clear()
        self._timer.start()

    @Slot(bool)
    def _on_facets_button_toggled(self, shown: bool) -> None:
        if shown:
            self._refresh_actor_names()
        self.facets.setVisible(shown)

    def _refresh_actor_names(self) -> None:
        if self._actors_stale:
            self._actors_stale = False
            self.facets.set_actor_names([a.name for a in self._controller.actors()])
            self.facets.set_analyst_names(self._controller.analysts())

    @Slot(QModelIndex)
    def _on_results_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.result_activated.emit(index.data(ID_ROLE), self.results_query())

    @Slot(ChangeSet)
    def _on_controller_changed(self, changes: ChangeSet) -> None:
        self._actors_stale = True  # read again when the filters are next shown
        if self._asked is not None:  # what matches may have changed: search again
            self._asked = None
            self._timer.start()
