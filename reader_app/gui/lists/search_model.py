"""The library search's results: one row per article (an ArticleHit), best first.

The rows are the engine's answer as it came; data() never queries. A row past the
first page comes ranked only (pending: its id, maybe its title and date) and gets its
title, hits, snippet and marks when the worker sends them (set_details, by article id:
dataChanged for those rows). The delegate
(search_delegate) paints each row from its hit, snippet and marks as plain text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from reader_app.gui.lists.tables import ID_ROLE, ITEM_ROLE
from reader_app.gui.shared.plain_text import clip, tip

if TYPE_CHECKING:  # the engine loads with the first search, not with the window
    from reader_app.services.search import ArticleHit

_Index = QModelIndex | QPersistentModelIndex
_FLAGS = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
          | Qt.ItemFlag.ItemNeverHasChildren)


def hits_text(n: int) -> str:
    return f"{n} hit" if n == 1 else f"{n} hits"


def meta_text(hit: ArticleHit) -> str:
    """The row's second line: when it was published and how many hits it has."""
    if hit.pending:  # its details are on their way
        return f"{hit.published} · …" if hit.published else "…"
    return f"{hit.published or 'undated'} · {hits_text(hit.hits)}"


class SearchResultModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._hits: list[ArticleHit] = []
        self._row_of: dict[int, int] = {}  # article id -> row

    def set_hits(self, hits: Sequence[ArticleHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self._row_of = {h.article_id: row for row, h in enumerate(self._hits)}
        self.endResetModel()

    def set_details(self, hits: Sequence[ArticleHit]) -> None:
        """Rows shown pending, now with their details (found by article id)."""
        rows = sorted(self._row_of[h.article_id] for h in hits if h.article_id in self._row_of)
        for h in hits:
            row = self._row_of.get(h.article_id)
            if row is not None:
                self._hits[row] = h
        if rows:
            self.dataChanged.emit(self.index(rows[0], 0), self.index(rows[-1], 0))

    def hits(self) -> list[ArticleHit]:
        return list(self._hits)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._hits)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == ID_ROLE:
            return hit.article_id
        if role == ITEM_ROLE:
            return hit
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            # what a screen reader and keyboard search see; the delegate paints the row
            return clip(f"{hit.title} — {meta_text(hit)} — {hit.snippet}")
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip(clip(hit.title))
        return None
