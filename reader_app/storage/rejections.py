"""Rejected suggestions: the spans an analyst said are not a tag of a kind."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from reader_app.storage.clock import now_iso
from reader_app.storage.rows import named_row, named_rows


@dataclass(frozen=True)
class Rejection:
    id: int
    article_id: int
    kind: str
    start: int
    end: int
    quote: str
    created_at: str


_COLUMNS = 'id, article_id, kind, start, "end", quote, created_at'


def add_rejection(db: Database, article_id: int, kind: str, start: int, end: int,
                  quote: str) -> Rejection:
    """Remember that text[start:end] of an article is not a `kind` (once per span)."""
    row = named_row(db, f'SELECT {_COLUMNS} FROM rejections WHERE article_id = ? AND kind = ?'
                        ' AND start = ? AND "end" = ?', (article_id, kind, start, end))
    if row is not None:
        return Rejection(**dict(row))
    created = now_iso()
    cursor = db.execute('INSERT INTO rejections (article_id, kind, start, "end", quote, created_at)'
                        ' VALUES (?, ?, ?, ?, ?, ?)', (article_id, kind, start, end, quote, created))
    rowid = cursor.lastrowid
    assert rowid is not None
    return Rejection(rowid, article_id, kind, start, end, quote, created)


def restore_rejection(db: Database, rejection: Rejection) -> Rejection:
    """Put a removed rejection back with its id (redo of a reject)."""
    db.execute(f'INSERT OR IGNORE INTO rejections ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)',
               (rejection.id, rejection.article_id, rejection.kind, rejection.start,
                rejection.end, rejection.quote, rejection.created_at))
    return rejection


def remove_rejection(db: Database, rejection_id: int) -> None:
    db.execute("DELETE FROM rejections WHERE id = ?", (rejection_id,))


def list_rejections(db: Database, article_id: int) -> list[Rejection]:
    return [Rejection(**dict(row)) for row in named_rows(
        db, f"SELECT {_COLUMNS} FROM rejections WHERE article_id = ? ORDER BY start, id",
        (article_id,))]
