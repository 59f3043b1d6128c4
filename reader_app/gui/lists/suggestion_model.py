"""The current article's suggestions as a table: kind, quote, what accepting stores, why.

Rows are the controller's list as it is (text order); every cell is plain text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPixmap

from reader_app.domain.suggestions import Suggestion, index_of
from reader_app.gui.lists.annotation_model import one_line
from reader_app.gui.lists.tables import ReadOnlyTableModel
from reader_app.gui.shared.palette import is_dark, paint_suggestions

COLUMNS = ("Kind", "Quote", "Stores", "Reason")
KIND, QUOTE, STORES, REASON = range(4)
SUGGESTION_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


class SuggestionModel(ReadOnlyTableModel):
    COLUMNS = COLUMNS

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._icons: dict[tuple[str, bool], QIcon] = {}

    def set_suggestions(self, suggestions: list[Suggestion]) -> None:
        self.beginResetModel()
        self._rows = list(suggestions)
        self.endResetModel()

    def drop(self, gone: Sequence[Suggestion]) -> None:
        """Remove a few rows (covered by a new tag, rejected): no reset, the rest stay."""
        for s in reversed(gone):
            row = index_of(self._rows, s.key)
            if row >= 0:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()

    def suggestion(self, row: int) -> Suggestion | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, key: tuple[str, int, int] | None) -> int:
        return index_of(self._rows, key)

    def display(self, s: Suggestion, column: int) -> str:
        if column == KIND:
            return s.kind.capitalize()
        if column == QUOTE:
            return one_line(s.quote)
        if column == STORES:
            return one_line(s.stores())
        return one_line(s.reason)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(COLUMNS)):
            return COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        s = self.suggestion(index.row()) if index.isValid() else None
        if s is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(s, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:  # shown literally by PlainTipTableView
            return f"{s.quote[:2000]}\n→ {s.stores()}\n{s.reason}"
        if role == SUGGESTION_ROLE:
            return s
        if role == Qt.ItemDataRole.DecorationRole and index.column() == KIND:
            return self._icon(s.kind)
        return None

    def _icon(self, kind: str) -> QIcon:
        """The kind's mark as the article draws a suggestion: a dotted box."""
        dark = is_dark(QGuiApplication.palette())
        icon = self._icons.get((kind, dark))
        if icon is None:
            pixmap = QPixmap(14, 14)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            paint_suggestions(painter, [(kind, [QRectF(4, 3, 6, 8)], False)], dark)
            painter.end()
            icon = self._icons[(kind, dark)] = QIcon(pixmap)
        return icon
