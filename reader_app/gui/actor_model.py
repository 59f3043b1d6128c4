"""Tables of cached rows for the Actors pane and the Claims view (model: Anki browser/table),
and the read-only table view they are shown in.

Rows come from the controller as dataclasses or dicts; data() never runs SQL. Sorting
and filtering happen in Python on the cached rows, so a keystroke never queries.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QTableView, QWidget

from reader_app.domain.models import ActorSummary, Mention
from reader_app.gui.annotation_model import one_line

ID_ROLE = Qt.ItemDataRole.UserRole  # any column answers the row's id (actor or annotation)
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1  # the cached row itself

_Index = QModelIndex | QPersistentModelIndex
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class RowTableModel(QAbstractTableModel):
    """Subclasses give COLUMNS and say how a row is shown, identified, sorted and matched."""

    COLUMNS: tuple[str, ...] = ()
    COUNT_COLUMNS: frozenset[int] = frozenset()  # right-aligned, dimmed when zero

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._all: list = []  # every row, in the current sort order
        self._rows: list = []  # the rows the filter lets through
        self._filter = ""
        self._sort: tuple[int, bool] | None = None  # (column, descending)
        self._row_of: dict[int, int] | None = None

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

    def tooltip(self, item, column: int) -> str | None:
        return self.display(item, column) or None

    def matches(self, item) -> bool:
        return not self._filter or self._filter in self.search_text(item).casefold()

    # -- loading, filtering, sorting ------------------------------------------------

    def set_items(self, items) -> None:
        self.beginResetModel()
        self._all = list(items)
        self._sort_all()
        self._rows = [i for i in self._all if self.matches(i)]
        self._row_of = None
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        text = text.strip().casefold()
        if text != self._filter:
            self._filter = text
            self.refilter()

    def refilter(self) -> None:
        self.beginResetModel()
        self._rows = [i for i in self._all if self.matches(i)]
        self._row_of = None
        self.endResetModel()

    def _sort_all(self) -> None:
        if self._sort is not None:
            column, descending = self._sort
            # the id last: equal keys keep a stable, reproducible order
            self._all.sort(key=lambda i: (self.sort_key(i, column), self.item_id(i)),
                           reverse=descending)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        old_ids = [self.item_id(self._rows[i.row()]) for i in persistent]
        self._sort = (column, order == Qt.SortOrder.DescendingOrder)
        self._sort_all()
        self._rows = [i for i in self._all if self.matches(i)]
        self._row_of = None
        if persistent:
            self.changePersistentIndexList(
                persistent, [self.index(self.row_of(a), i.column()) for a, i in zip(old_ids, persistent)])
        self.layoutChanged.emit()

    # -- lookups --------------------------------------------------------------------

    def row_of(self, item_id: int) -> int:
        """The visible row of an id, -1 if filtered out or unknown."""
        if self._row_of is None:
            self._row_of = {self.item_id(item): r for r, item in enumerate(self._rows)}
        return self._row_of.get(item_id, -1)

    def item(self, row: int):
        return self._rows[row]

    def total_count(self) -> int:
        return len(self._all)

    # -- Qt model interface -----------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
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

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


def make_table(parent: QWidget, name: str, model) -> QTableView:
    """A read-only, row-selecting, sortable table in the style of the library list."""
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setShowGrid(False)
    table.setTabKeyNavigation(False)
    table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # as loaded
    table.setSortingEnabled(True)
    table.horizontalHeader().setHighlightSections(False)
    table.horizontalHeader().setMinimumSectionSize(36)
    vheader = table.verticalHeader()
    vheader.hide()
    vheader.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vheader.setDefaultSectionSize(table.fontMetrics().height() + 8)
    return table


def select_row(table: QTableView, row: int) -> None:
    index = table.model().index(row, 0)
    table.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    table.scrollTo(index)


def type_label(actor_type: str) -> str:
    return actor_type.replace("_", " ")


class ActorModel(RowTableModel):
    """Every actor with its type, aliases and how often the library uses it."""

    COLUMNS = ("Name", "Type", "Aliases", "Mentions", "Claims")
    NAME, TYPE, ALIASES, MENTIONS, CLAIMS = range(5)
    COUNT_COLUMNS = frozenset({MENTIONS, CLAIMS})

    def item_id(self, item: ActorSummary) -> int:
        return item.id

    def display(self, item: ActorSummary, column: int) -> str:
        return (item.name, type_label(item.type), ", ".join(item.aliases),
                str(item.mention_count), str(item.claim_count))[column]

    def search_text(self, item: ActorSummary) -> str:
        return "\n".join((item.name, *item.aliases))  # "mosc" finds Russia by its alias Moscow

    def tooltip(self, item: ActorSummary, column: int) -> str | None:
        if column == self.NAME and item.note:
            return f"{item.name}\n\n{item.note}"
        if column == self.MENTIONS:
            return f"{item.mention_count} actor tag(s) linked to {item.name}"
        if column == self.CLAIMS:
            return f"{item.claim_count} claim(s) made by {item.name}"
        return super().tooltip(item, column)


class MentionModel(RowTableModel):
    """One actor's mentions and claims across the library, oldest article first."""

    COLUMNS = ("Article", "Published", "As", "Quote")
    ARTICLE, PUBLISHED, AS, QUOTE = range(4)

    def item_id(self, item: Mention) -> int:
        return item.annotation.id

    def display(self, item: Mention, column: int) -> str:
        if column == self.ARTICLE:
            return item.article_title
        if column == self.PUBLISHED:
            return item.article_published or ""
        if column == self.AS:
            return "claimant" if item.annotation.kind == "claim" else "mention"
        return one_line(item.annotation.quote)

    def tooltip(self, item: Mention, column: int) -> str | None:
        if column == self.QUOTE:
            return item.annotation.quote
        return super().tooltip(item, column)
