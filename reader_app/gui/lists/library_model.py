"""The library table, loaded a page at a time (model: Anki browser/table/model.py).

Only the rows scrolled into reach are held: the first page comes with the window,
the view asks for more through canFetchMore/fetchMore, and each page continues after
the last row held (keyset pagination in storage/library_query.py). Filtering and
sorting ask the controller for a new first page; single changes (counts, imports,
removals) touch one row through the id -> row map. No SQL in data().
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from reader_app.domain.library_order import matches, sort_value
from reader_app.domain.models import ArticleSummary
from reader_app.gui.lists.tables import (
    ID_ROLE as ID_ROLE,  # public: any column answers the article id
)
from reader_app.gui.lists.tables import ITEM_ROLE, RowTableModel
from reader_app.services.changes import ChangeSet, TagCounts

COLUMNS = ("Title", "Published", "Source", "Claims", "Actors", "Dates", "Own codes")
TITLE, PUBLISHED, SOURCE, CLAIMS, ACTORS, DATES, CODES = range(7)
SUMMARY_ROLE = ITEM_ROLE  # the row's ArticleSummary
ORDER_OF_COLUMN = ("title", "published", "source", "claims", "actors", "dates", "codes")
PAGE = 200  # rows per fetch: a few screens
MAX_JUMP = 5000  # select_article loads this many rows at most to reach an article

_Index = QModelIndex | QPersistentModelIndex
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
# the roles RowTableModel.data answers; a repaint asks each cell for a dozen others
_ANSWERED = frozenset(int(r) for r in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.ForegroundRole, ID_ROLE, ITEM_ROLE))
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class LibraryModel(RowTableModel):
    COLUMNS = COLUMNS
    COUNT_COLUMNS = frozenset({CLAIMS, ACTORS, DATES, CODES})

    def __init__(self, controller=None, parent=None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._more = False  # the library holds rows after the last one held
        self._total = 0  # articles in the library, whatever the filter
        self._fetching = False
        # the article to keep loaded across a filter or sort (the pane's selection)
        self.keep_loaded: Callable[[], int | None] | None = None
        if controller is not None:  # changes arrive through LibraryPane.apply_changes
            self.refresh()

    # -- how a row is shown and matched ---------------------------------------------

    def item_id(self, item: ArticleSummary) -> int:
        return item.id

    def display(self, item: ArticleSummary, column: int) -> str:
        if column == TITLE:
            return item.title
        if column == PUBLISHED:
            return item.published or ""
        if column == SOURCE:
            return item.source
        return str((item.claim_count, item.actor_count, item.date_count, item.code_count)[
            column - CLAIMS])

    def tooltip(self, item: ArticleSummary, column: int) -> str | None:
        return item.title if column == TITLE else item.source if column == SOURCE else None

    def matches(self, item: ArticleSummary) -> bool:
        """Title or source contains the filter text (case-insensitive)."""
        return matches(item, self._filter)

    # -- loading, filtering, sorting --------------------------------------------------

    def order(self) -> tuple[str, bool]:
        """(storage order name, descending) of the current sort; "id" = as imported."""
        if self._sort is None:
            return "id", False
        return ORDER_OF_COLUMN[self._sort[0]], self._sort[1]

    def refresh(self) -> None:
        """Read the first page and the article count again (e.g. another library)."""
        self._total = self._controller.library_count() if self._open() else 0
        self._reload()

    def _reload(self) -> None:
        kept = self.keep_loaded() if self.keep_loaded else None
        if kept is not None and not self.contains(kept, ask=True):
            kept = None
        self._fetching = True  # no fetchMore from listeners while the reset is announced
        try:
            self.beginResetModel()
            rows = self._page(None)
            # the selected article stays within reach (the pane selects it again)
            while kept is not None and self._more and len(rows) < MAX_JUMP and \
                    kept not in {s.id for s in rows[-PAGE:]}:
                rows += self._page(rows[-1])
            self._rows = rows
            self._row_of = None
            self.endResetModel()
        finally:
            self._fetching = False

    def _open(self) -> bool:
        """The controller's library is still open (a pending filter timer may fire after
        the window closed it)."""
        try:
            return self._controller is not None and self._controller.db is not None
        except RuntimeError:
            return False

    def _page(self, after: ArticleSummary | None) -> list[ArticleSummary]:
        if not self._open():
            self._more = False
            return []
        order_by, descending = self.order()
        rows = self._controller.library_page(self._filter, order_by, descending, after, PAGE + 1)
        self._more = len(rows) > PAGE
        return rows[:PAGE]

    def set_filter(self, text: str) -> None:
        text = text.strip()
        if text != self._filter:
            self._filter = text
            self._reload()

    def refilter(self) -> None:
        self._reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self._sort = (column, order == Qt.SortOrder.DescendingOrder)
        self._reload()  # the pane puts its selection back (LibraryPane._on_model_reset)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:
        return not parent.isValid() and self._more and not self._fetching

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:
        if parent.isValid() or not self._more or not self._rows or self._fetching:
            return
        new = [s for s in self._page(self._rows[-1]) if self.row_of(s.id) < 0]
        if not new:
            self._more = False  # nothing after the last row after all
            return
        first = len(self._rows)
        self._fetching = True  # a view (or the model tester) may ask again while we insert
        try:
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self._rows.extend(new)
            if self._row_of is not None:
                self._row_of.update((s.id, first + i) for i, s in enumerate(new))
            self.endInsertRows()
        finally:
            self._fetching = False

    def load_until(self, article_id: int) -> int:
        """The article's row, fetching pages to reach it (at most MAX_JUMP rows); -1 if
        the filter hides it, it is not in the library or it lies further down."""
        row = self.row_of(article_id)
        if row >= 0 or not self._more or not self.contains(article_id):
            return row
        while row < 0 and self._more and len(self._rows) < MAX_JUMP and not self._fetching:
            before = len(self._rows)
            self.fetchMore()
            if len(self._rows) == before:
                break
            row = self.row_of(article_id)
        return row

    def contains(self, article_id: int, ask: bool = False) -> bool:
        """The article is in the library and the filter shows it (loaded or not; with
        ask, the library is asked even when every row is held, e.g. before a reload)."""
        if self.row_of(article_id) >= 0:
            return True
        if not self._open() or not (self._more or ask):
            return False
        found = self._controller.summaries([article_id])
        return bool(found) and self.matches(found[0])

    # -- lookups ----------------------------------------------------------------

    def article_id(self, row: int) -> int:
        return self._rows[row].id

    def first_article_id(self) -> int | None:
        """The first row shown; with nothing shown, the library's first article."""
        if self._rows:
            return self._rows[0].id
        if self._controller is None or not self._filter:
            return None
        first = self._controller.library_page("", "id", False, None, 1)
        return first[0].id if first else None

    def summary(self, row: int) -> ArticleSummary:
        return self._rows[row]

    def total_count(self) -> int:
        """Articles in the library, whatever the filter shows."""
        return self._total

    def shown_count(self) -> int:
        """Articles the filter shows, loaded or not."""
        if not self._filter:
            return self._total
        if not self._more or not self._open():
            return len(self._rows)
        return self._controller.library_count(self._filter)

    def has_more(self) -> bool:
        return self._more

    # -- single changes -----------------------------------------------------------------

    def apply_changes(self, changes: ChangeSet) -> None:
        """Counts, additions and removals from one operation, row by row."""
        self.set_counts(changes.counts, changes.code_counts)
        self.remove_articles(changes.articles_removed)
        self.insert_summaries(changes.articles_added)
        self.replace_summaries(changes.articles_changed)
        if (changes.articles_added or changes.articles_removed) and self._controller:
            self._total = self._controller.library_count()

    def set_counts(self, counts: dict[int, TagCounts],
                   code_counts: dict[int, int] | None = None) -> None:
        for article_id, (claims, actors, dates) in counts.items():
            row = self.row_of(article_id)
            if row < 0:
                continue  # not loaded: it arrives with fresh counts when fetched
            s = self._rows[row]
            own = (code_counts or {}).get(article_id, s.code_count)
            self._rows[row] = ArticleSummary(s.id, s.title, s.source, s.published,
                                             s.imported_at, claims, actors, dates, own)
            self.dataChanged.emit(self.index(row, CLAIMS), self.index(row, CODES))

    def insert_summaries(self, summaries: list[ArticleSummary]) -> None:
        """Add rows where the current sort puts them. A row that belongs after the last
        one held is left to a later fetchMore, which will bring it."""
        for s in summaries:
            if self.row_of(s.id) >= 0 or not self.matches(s):
                continue
            row = self._position(s)
            if row == len(self._rows) and self._more:
                continue
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.insert(row, s)
            if self._row_of is not None and row == len(self._rows) - 1:
                self._row_of[s.id] = row
            else:
                self._row_of = None  # rows below moved: rebuilt on the next lookup
            self.endInsertRows()

    def replace_summaries(self, summaries: list[ArticleSummary]) -> None:
        """Articles whose own row changed (retitled, re-dated, another source): in place
        when the sort keeps them there, else moved where it puts them; one the filter no
        longer shows goes, one it shows now comes."""
        for s in summaries:
            row = self.row_of(s.id)
            if row < 0:
                self.insert_summaries([s])
                continue
            if not self.matches(s):
                self.remove_articles([s.id])
                continue
            self._rows[row] = s
            if self._in_order(row):
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
                continue
            del self._rows[row]
            to = self._position(s)
            self._rows.insert(row, s)
            if to != row:  # beginMoveRows counts the destination before the row leaves
                self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), to if to < row
                                   else to + 1)
                del self._rows[row]
                self._rows.insert(to, s)
                self._row_of = None
                self.endMoveRows()
            self.dataChanged.emit(self.index(to, 0), self.index(to, len(COLUMNS) - 1))

    def _in_order(self, row: int) -> bool:
        """The row sits where the current sort wants it among its neighbours."""
        order_by, descending = self.order()

        def key(s: ArticleSummary) -> tuple:
            return sort_value(s, order_by), s.id

        here = key(self._rows[row])
        for other, after in ((row - 1, True), (row + 1, False)):
            if 0 <= other < len(self._rows):
                there = key(self._rows[other])
                wrong = (there > here) if after != descending else (there < here)
                if wrong:
                    return False
        return True

    def remove_articles(self, article_ids: list[int]) -> None:
        for article_id in article_ids:
            row = self.row_of(article_id)
            if row < 0:
                continue
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self._row_of = None
            self.endRemoveRows()

    def _position(self, item: ArticleSummary) -> int:
        """Binary search over the rows held, with the storage order's own comparison."""
        order_by, descending = self.order()

        def key(s: ArticleSummary) -> tuple:
            return sort_value(s, order_by), s.id

        k, rows = key(item), self._rows
        lo, hi = 0, len(rows)
        while lo < hi:
            mid = (lo + hi) // 2
            before = key(rows[mid]) > k if descending else key(rows[mid]) < k
            lo, hi = (mid + 1, hi) if before else (lo, mid)
        return lo

    # -- Qt model interface -----------------------------------------------------

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        role = int(role)
        if role == _DISPLAY:
            row = index.row()
            if index.isValid() and 0 <= row < len(self._rows):
                return self.display(self._rows[row], index.column())
            return None
        return super().data(index, role) if role in _ANSWERED else None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        # one constant: a repaint asks for every visible cell's flags
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            # counts are headed by the tag keys (C, A, D), as in the legend: the pane is narrow
            if role == Qt.ItemDataRole.DisplayRole and section in self.COUNT_COLUMNS:
                return COLUMNS[section][0]
            if role == Qt.ItemDataRole.ToolTipRole:
                return COLUMNS[section]
        return super().headerData(section, orientation, role)
