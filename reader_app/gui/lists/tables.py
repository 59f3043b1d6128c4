"""Tables of cached rows (model: Anki browser/table) and the read-only views they show in.

Rows come from the controller as dataclasses or dicts; data() never runs SQL. Sorting
and filtering happen in Python on the cached rows, so a keystroke never queries.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QHelpEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QTableView,
    QToolTip,
    QWidget,
)

from reader_app.gui.shared.plain_text import tip

ID_ROLE = Qt.ItemDataRole.UserRole  # any column answers the row's id
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1  # the cached row itself

_Index = QModelIndex | QPersistentModelIndex
# asked for every visible cell on every paint: combined once
_CELL_FLAGS = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
               | Qt.ItemFlag.ItemNeverHasChildren)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class ReadOnlyTableModel(QAbstractTableModel):
    """A flat table of self._rows under COLUMNS whose cells select but never edit."""

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list = []  # the rows shown

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return _CELL_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags


class RowTableModel(ReadOnlyTableModel):
    """Subclasses give COLUMNS and say how a row is shown, identified, sorted and matched."""

    COUNT_COLUMNS: frozenset[int] = frozenset()  # right-aligned, dimmed when zero

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._all: list = []  # every row, in the current sort order
        self._filter = ""
        self._sort: tuple[int, bool] | None = None  # (column, descending)
        self._row_of: dict[int, int] | None = None  # id -> visible row, built lazily

    # -- what subclasses say ------------------------------------------------------

    def item_id(self, item) -> int:
        raise NotImplementedError

    def display(self, item, column: int) -> str:
        raise NotImplementedError

    def search_text(self, item) -> str:
        """What the filter text is looked for in (case-insensitive)."""
        return " ".join(self.display(item, c) for c in range(len(self.COLUMNS)))

    def sort_key(self, item, column: int) -> Any:
        if column in self.COUNT_COLUMNS:
            return int(self.display(item, column) or 0)
        return self.display(item, column).casefold()

    def row_key(self, column: int) -> Callable[[Any], Any]:
        """The key rows are sorted by: sort_key, then the id so that equal keys keep a
        stable, reproducible order. Large tables override it with a faster function."""
        return lambda item: (self.sort_key(item, column), self.item_id(item))

    def tooltip(self, item, column: int) -> str | None:
        return self.display(item, column) or None

    def matches(self, item) -> bool:
        return not self._filter or self._filter in self.search_text(item).casefold()

    # -- loading, filtering, sorting ------------------------------------------------

    def set_items(self, items) -> None:
        self.beginResetModel()
        self._all = list(items)
        self._sort_all()
        self._rows = self._filtered()
        self._row_of = None
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        text = text.strip().casefold()
        if text != self._filter:
            self._filter = text
            self.refilter()

    def filter_text(self) -> str:
        return self._filter

    def refilter(self) -> None:
        self.beginResetModel()
        self._rows = self._filtered()
        self._row_of = None
        self.endResetModel()

    def _filtered(self) -> list:
        return [i for i in self._all if self.matches(i)]

    def _sort_all(self) -> None:
        if self._sort is not None:
            column, descending = self._sort
            self._all.sort(key=self.row_key(column), reverse=descending)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        old_ids = [self.item_id(self._rows[i.row()]) for i in persistent]
        self._sort = (column, order == Qt.SortOrder.DescendingOrder)
        self._sort_all()
        self._rows = self._filtered()
        self._row_of = None
        if persistent:
            moved = [self.index(self.row_of(a), i.column())
                     for a, i in zip(old_ids, persistent, strict=True)]
            self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    # -- lookups --------------------------------------------------------------------

    def row_of(self, item_id: int) -> int:
        """The visible row of an id, -1 if filtered out or unknown."""
        if self._row_of is None:
            self._row_of = {self.item_id(item): row for row, item in enumerate(self._rows)}
        return self._row_of.get(item_id, -1)

    def item(self, row: int):
        return self._rows[row]

    def total_count(self) -> int:
        """Rows loaded, whatever the filter shows."""
        return len(self._all)

    # -- Qt model interface -----------------------------------------------------------

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in self.COUNT_COLUMNS:
            return _RIGHT
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(item, column)
        if role == ID_ROLE:
            return int(self.item_id(item))
        if role == ITEM_ROLE:
            return item
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(item, column)
        if column in self.COUNT_COLUMNS:
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _RIGHT
            if role == Qt.ItemDataRole.ForegroundRole and self.display(item, column) == "0":
                return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        return None


def position(rows: list, item: Any, key: Callable[[Any], Any], descending: bool) -> int:
    """Where item's key goes in rows sorted by key (leftmost); O(log n) key calls."""
    k = key(item)
    lo, hi = 0, len(rows)
    while lo < hi:
        mid = (lo + hi) // 2
        km = key(rows[mid])
        if (km > k) if descending else (km < k):
            lo = mid + 1
        else:
            hi = mid
    return lo


class KeyedTableModel(RowTableModel):
    """A RowTableModel whose rows always stay sorted by a unique key (the sort column's,
    else natural_key: the order rows load in), so a row is found by bisecting and one
    row comes, goes or changes in O(log n) (apply_rows), never by rebuilding the table."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._by_id: dict[int, Any] = {}  # every row by id

    def natural_key(self, item) -> Any:
        """The order rows are loaded in and shown until a header is clicked (unique: ends
        with the id). Rows given in another order are shown as given; lookups still work."""
        raise NotImplementedError

    def _key(self) -> tuple[Callable[[Any], Any], bool]:
        if self._sort is None:
            return self.natural_key, False
        return self.row_key(self._sort[0]), self._sort[1]

    def set_items(self, items) -> None:
        items = list(items)
        self._by_id = {self.item_id(i): i for i in items}
        super().set_items(items)

    def _find(self, rows: list, item) -> int:
        key, descending = self._key()
        i = position(rows, item, key, descending)
        item_id = self.item_id(item)
        if i < len(rows) and self.item_id(rows[i]) == item_id:
            return i
        return next((n for n, r in enumerate(rows) if self.item_id(r) == item_id), -1)

    def row_of(self, item_id: int) -> int:
        item = self._by_id.get(item_id)
        if item is None or not self.matches(item):
            return -1
        return self._find(self._rows, item)

    def get(self, item_id: int) -> Any:
        return self._by_id.get(item_id)

    def apply_rows(self, rows: Mapping[Any, Any]) -> None:
        """Rows by id, each as it is now (None: gone): inserted, moved or removed one by one."""
        for item_id, new in rows.items():
            self._apply_one(item_id, new)

    def _apply_one(self, item_id: int, new: Any) -> None:
        old = self._by_id.get(item_id)
        if old is None and new is None:
            return
        key, descending = self._key()
        old_row = self.row_of(item_id) if old is not None else -1
        if old is not None:
            del self._all[self._find(self._all, old)]
            del self._by_id[item_id]
        if new is not None:
            self._all.insert(position(self._all, new, key, descending), new)
            self._by_id[item_id] = new
        shown = new is not None and self.matches(new)
        last = len(self.COLUMNS) - 1
        if old_row >= 0 and not shown:
            self.beginRemoveRows(QModelIndex(), old_row, old_row)
            del self._rows[old_row]
            self.endRemoveRows()
        elif old_row < 0 and shown:
            row = position(self._rows, new, key, descending)
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.insert(row, new)
            self.endInsertRows()
        elif shown:
            at = position(self._rows, new, key, descending)  # with the old row still there
            row = at - 1 if at > old_row else at
            if row == old_row:
                self._rows[row] = new
            else:
                self.beginMoveRows(QModelIndex(), old_row, old_row, QModelIndex(), at)
                del self._rows[old_row]
                self._rows.insert(row, new)
                self.endMoveRows()
            self.dataChanged.emit(self.index(row, 0), self.index(row, last))


class PlainTipTableView(QTableView):
    """A table whose cell tooltips show the model's ToolTipRole text literally: a quote,
    title or note is data, never HTML (Qt renders a tooltip that looks like HTML)."""

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.indexAt(event.pos())
            text = index.data(Qt.ItemDataRole.ToolTipRole) if index.isValid() else None
            if isinstance(text, str) and text:
                QToolTip.showText(event.globalPos(), tip(text), self.viewport(),
                                  self.visualRect(index))
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)


def make_table(parent: QWidget, name: str, model, sortable: bool = True) -> QTableView:
    """A read-only, row-selecting table in the style of the library list; sortable by its
    headers unless told otherwise. Cell tooltips are plain text (PlainTipTableView)."""
    table = PlainTipTableView(parent)
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setShowGrid(False)
    table.setTabKeyNavigation(False)  # Tab leaves the table
    header = table.horizontalHeader()
    if sortable:
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # as loaded until a click
        table.setSortingEnabled(True)
    header.setHighlightSections(False)
    header.setMinimumSectionSize(36)
    vheader = table.verticalHeader()
    vheader.hide()
    vheader.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # never measure 100k rows
    vheader.setDefaultSectionSize(table.fontMetrics().height() + 8)
    return table


def select_row(table: QTableView, row: int) -> None:
    """Make row the current, only selected row and scroll it into view."""
    index = table.model().index(row, 0)
    table.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    table.scrollTo(index)
