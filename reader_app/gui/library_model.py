"""The library table: one cached ArticleSummary per row (model: Anki browser/table/model.py).

No SQL in data(): rows come from the controller, are sorted and filtered in
Python, and single rows change in place from the controller's signals.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Callable

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Slot,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from reader_app.domain.models import ArticleSummary

COLUMNS = ("Title", "Published", "Source", "Claims", "Actors", "Dates")
TITLE, PUBLISHED, SOURCE, CLAIMS, ACTORS, DATES = range(6)
ID_ROLE = Qt.ItemDataRole.UserRole  # public contract: any column answers the article id
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex

# Sort keys end with the id so equal keys keep a stable, reproducible order.
_SORT_KEYS: dict[int, Callable[[ArticleSummary], Any]] = {
    TITLE: lambda s: (s.title.casefold(), s.id),
    PUBLISHED: lambda s: (s.published or "", s.id),
    SOURCE: lambda s: (s.source.casefold(), s.id),
    CLAIMS: lambda s: (s.claim_count, s.id),
    ACTORS: lambda s: (s.actor_count, s.id),
    DATES: lambda s: (s.date_count, s.id),
}


class LibraryModel(QAbstractTableModel):
    def __init__(self, controller=None, parent=None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._all: list[ArticleSummary] = []  # every article, in the current sort order
        self._rows: list[ArticleSummary] = []  # those matching the filter
        self._filter = ""
        self._sort: tuple[int, bool] | None = None  # (column, descending)
        self._row_of: dict[int, int] | None = None  # article id -> row, built lazily
        if controller is not None:
            controller.article_counts_changed.connect(self._on_controller_counts_changed)
            controller.articles_imported.connect(self._on_controller_articles_imported)
            self.refresh()

    # -- loading, filtering, sorting -----------------------------------------

    def refresh(self) -> None:
        """Reload every row from the controller (e.g. after opening another library)."""
        self.set_summaries(self._controller.articles() if self._controller else [])

    def set_summaries(self, summaries: list[ArticleSummary]) -> None:
        self.beginResetModel()
        self._all = list(summaries)
        if self._sort is not None:
            self._all.sort(key=_SORT_KEYS[self._sort[0]], reverse=self._sort[1])
        self._rows = [s for s in self._all if self._matches(s)]
        self._row_of = None
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        """Show only articles whose title or source contains text (case-insensitive)."""
        text = text.strip().casefold()
        if text == self._filter:
            return
        self.beginResetModel()
        self._filter = text
        self._rows = [s for s in self._all if self._matches(s)]
        self._row_of = None
        self.endResetModel()

    def filter_text(self) -> str:
        return self._filter

    def _matches(self, s: ArticleSummary) -> bool:
        f = self._filter
        return not f or f in s.title.casefold() or f in s.source.casefold()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column not in _SORT_KEYS:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        old_ids = [self._rows[i.row()].id for i in persistent]
        self._sort = (column, descending)
        self._all.sort(key=_SORT_KEYS[column], reverse=descending)
        self._rows = [s for s in self._all if self._matches(s)] if self._filter else self._all[:]
        self._row_of = None
        if persistent:
            row_of = self._index_by_id()
            self.changePersistentIndexList(
                persistent,
                [self.index(row_of[a], i.column()) for a, i in zip(old_ids, persistent)],
            )
        self.layoutChanged.emit()

    # -- lookups ----------------------------------------------------------------

    def _index_by_id(self) -> dict[int, int]:
        if self._row_of is None:
            self._row_of = {s.id: r for r, s in enumerate(self._rows)}
        return self._row_of

    def row_of(self, article_id: int) -> int:
        """The visible row of an article, -1 if it is filtered out or unknown."""
        return self._index_by_id().get(article_id, -1)

    def article_id(self, row: int) -> int:
        return self._rows[row].id

    def total_count(self) -> int:
        """Articles in the library, whatever the filter shows."""
        return len(self._all)

    def first_article_id(self) -> int | None:
        return self._rows[0].id if self._rows else (self._all[0].id if self._all else None)

    def summary(self, row: int) -> ArticleSummary:
        return self._rows[row]

    # -- controller signals -----------------------------------------------------

    @Slot(int)
    def _on_controller_counts_changed(self, article_id: int) -> None:
        claims, actors, dates = self._controller.counts(article_id)
        for i, s in enumerate(self._all):
            if s.id == article_id:
                self._all[i] = replace(s, claim_count=claims, actor_count=actors, date_count=dates)
                break
        else:
            return
        row = self.row_of(article_id)
        if row >= 0:
            self._rows[row] = self._all[i]
            self.dataChanged.emit(self.index(row, CLAIMS), self.index(row, DATES))

    @Slot(list)
    def _on_controller_articles_imported(self, article_ids: list[int]) -> None:
        known = {s.id for s in self._all}
        new = [s for s in self._controller.summaries(article_ids) if s.id not in known]
        self.insert_summaries(new)

    def insert_summaries(self, summaries: list[ArticleSummary]) -> None:
        """Add rows where the current sort puts them (at the end when unsorted)."""
        for s in summaries:
            self._all.insert(self._position(self._all, s), s)
            if self._matches(s):
                row = self._position(self._rows, s)
                self.beginInsertRows(QModelIndex(), row, row)
                self._rows.insert(row, s)
                self._row_of = None
                self.endInsertRows()

    def _position(self, rows: list[ArticleSummary], item: ArticleSummary) -> int:
        if self._sort is None:
            return len(rows)
        key, descending = _SORT_KEYS[self._sort[0]], self._sort[1]
        k = key(item)
        lo, hi = 0, len(rows)
        while lo < hi:
            mid = (lo + hi) // 2
            before = key(rows[mid]) > k if descending else key(rows[mid]) < k
            lo, hi = (mid + 1, hi) if before else (lo, mid)
        return lo

    # -- Qt model interface -----------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                # counts are headed by the tag keys (C, A, D), as in the legend: the pane is narrow
                return COLUMNS[section][0] if section >= CLAIMS else COLUMNS[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return COLUMNS[section]
            if role == Qt.ItemDataRole.TextAlignmentRole and section >= CLAIMS:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        s = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(s, col)
        if role == ID_ROLE:
            return int(s.id)
        if role == SUMMARY_ROLE:
            return s
        if role == Qt.ItemDataRole.ToolTipRole and col in (TITLE, SOURCE):
            return s.title if col == TITLE else s.source
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= CLAIMS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col >= CLAIMS and not self._count(s, col):
            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        return None

    @staticmethod
    def _count(s: ArticleSummary, col: int) -> int:
        return (s.claim_count, s.actor_count, s.date_count)[col - CLAIMS]

    def _display(self, s: ArticleSummary, col: int) -> str:
        if col == TITLE:
            return s.title
        if col == PUBLISHED:
            return s.published or ""
        if col == SOURCE:
            return s.source
        return str(self._count(s, col))

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
