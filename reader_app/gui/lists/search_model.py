"""The library search's results: one row per article (an ArticleHit), best first.

The rows are the engine's answer as it came; data() never queries. A row past the
first page comes ranked only (pending: its id, maybe its title and date) and gets its
title, hits, snippet and marks when the worker sends them (set_details, by article id:
dataChanged for those rows). The delegate
(search_delegate) paints each row from its hit, snippet and marks as plain text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
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
    # found by its filters alone (no words typed): "0 hits" read as "nothing found here"
    found = hits_text(hit.hits) if hit.hits else "matches the filters"
    return f"{hit.published or 'undated'} · {found}"


class SearchResultModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._ids: list[int] = []  # every row's article, best first
        self._details: dict[int, ArticleHit] = {}  # the rows detailed so far
        self._row_of: dict[int, int] = {}  # article id -> row
        self._pending: Callable[[int], ArticleHit] | None = None  # a row not detailed yet

    def set_hits(self, hits: Sequence[ArticleHit]) -> None:
        """The rows: a list of hits, or the engine's ResultRows (its ids, the first rows
        detailed: the others are made pending when painted, never all at once)."""
        self.beginResetModel()
        ids = getattr(hits, "ids", None)
        if ids is not None:
            from reader_app.services.search import pending_hit  # loaded with that answer

            self._ids, self._details = list(ids), dict(hits.detailed)  # type: ignore[attr-defined]
            self._pending = pending_hit
        else:
            self._ids = [h.article_id for h in hits]
            self._details = {h.article_id: h for h in hits}
        self._row_of = {i: row for row, i in enumerate(self._ids)}
        self.endResetModel()

    def set_details(self, hits: Sequence[ArticleHit]) -> None:
        """Rows shown pending, now with their details (found by article id)."""
        rows = sorted(self._row_of[h.article_id] for h in hits if h.article_id in self._row_of)
        for h in hits:
            if h.article_id in self._row_of:
                self._details[h.article_id] = h
        if rows:
            self.dataChanged.emit(self.index(rows[0], 0), self.index(rows[-1], 0))

    def row_of(self, article_id: object) -> int:
        """The row of that article, -1 if it is not in the results."""
        return self._row_of.get(article_id, -1) if isinstance(article_id, int) else -1

    def hit(self, row: int) -> ArticleHit:
        article_id = self._ids[row]
        hit = self._details.get(article_id)
        if hit is None:
            assert self._pending is not None
            hit = self._pending(article_id)
        return hit

    def hits(self) -> list[ArticleHit]:
        return [self.hit(row) for row in range(len(self._ids))]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        hit = self.hit(index.row())
        if role == ITEM_ROLE:
            return hit
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            # what a screen reader and keyboard search see; the delegate paints the row
            return clip(f"{hit.title} — {meta_text(hit)} — {hit.snippet}")
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip(clip(hit.title))
        return None
