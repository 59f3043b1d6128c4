"""An article's own rows, whole: taken out (deleted) and put back exactly, for undo.

A snapshot holds every column of the article's row and of the rows that reference it
(its tags and its rejected suggestions) as SQLite stored them, so restoring brings back
the same ids, uuids, timestamps and links, whatever columns later schema steps add.
The search indexes and tag counts follow through the tables' own triggers.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from sqlite_utils import Database

from reader_app.storage.articles import NotFound
from reader_app.storage.transaction import write

Rows = tuple[tuple[object, ...], ...]


@dataclass(frozen=True)
class TableRows:
    """Some rows of one table: its column names and each row's values in that order."""

    table: str
    columns: tuple[str, ...]
    rows: Rows


@dataclass(frozen=True)
class ArticleSnapshot:
    """An article and everything of its own, as stored just before it was deleted."""

    article_id: int
    title: str
    article: TableRows  # one row
    annotations: TableRows
    rejections: TableRows


def _rows(db: Database, table: str, where: str, article_id: int) -> TableRows:
    cursor = db.execute(f"SELECT * FROM {table} WHERE {where} = ? ORDER BY rowid", [article_id])
    columns = tuple(d[0] for d in cursor.description)
    return TableRows(table, columns, tuple(tuple(r) for r in cursor.fetchall()))


def snapshot_article(db: Database, article_id: int) -> ArticleSnapshot:
    article = _rows(db, "articles", "id", article_id)
    if not article.rows:
        raise NotFound(f"article {article_id} not found")
    title = article.rows[0][article.columns.index("title")]
    return ArticleSnapshot(article_id, title if isinstance(title, str) else str(title), article,
                           _rows(db, "annotations", "article_id", article_id),
                           _rows(db, "rejections", "article_id", article_id))


def take_article(db: Database, article_id: int) -> ArticleSnapshot:
    """Delete an article with its tags and rejections; returns them for put_article.
    The tags go one statement before the article (not by cascade), so their delete
    triggers (search index, tag counts) run as for any deleted tag."""
    with write(db):
        snapshot = snapshot_article(db, article_id)
        db.execute("DELETE FROM annotations WHERE article_id = ?", [article_id])
        db.execute("DELETE FROM rejections WHERE article_id = ?", [article_id])
        db.execute("DELETE FROM tag_counts WHERE article_id = ?", [article_id])
        db.execute("DELETE FROM articles WHERE id = ?", [article_id])
        return snapshot


def _insert(db: Database, rows: TableRows) -> None:
    if not rows.rows:
        return
    columns = ", ".join(f'"{c}"' for c in rows.columns)
    marks = ", ".join("?" * len(rows.columns))
    db.conn.executemany(f"INSERT INTO {rows.table} ({columns}) VALUES ({marks})", rows.rows)


def put_article(db: Database, snapshot: ArticleSnapshot) -> None:
    """Undo take_article: the same rows, ids and uuids. ValueError when the library no
    longer has room for them (the same text, or an article under that id, came since)."""
    with write(db):
        try:
            _insert(db, snapshot.article)
            _insert(db, snapshot.annotations)
            _insert(db, snapshot.rejections)
        except sqlite3.IntegrityError as e:
            raise ValueError(
                f"the article “{snapshot.title}” cannot come back: the library changed since it"
                f" was deleted (its text or id is taken again, or an actor it used is gone: {e})"
            ) from None


# -- an article's own fields ------------------------------------------------------------------

ARTICLE_FIELDS = ("title", "source", "published", "memo")  # what set_article_fields changes


def article_fields(db: Database, article_id: int, names: tuple[str, ...]) -> dict[str, object]:
    """The stored values of some of an article's ARTICLE_FIELDS."""
    _check_names(names)
    row = db.execute(f"SELECT {', '.join(names)} FROM articles WHERE id = ?",
                     [article_id]).fetchone()
    if row is None:
        raise NotFound(f"article {article_id} not found")
    return dict(zip(names, row, strict=True))


def set_article_fields(db: Database, article_id: int, values: dict[str, object]) -> None:
    """Set some ARTICLE_FIELDS (the schema's CHECKs refuse a malformed date)."""
    _check_names(tuple(values))
    if not values:
        return
    with write(db):
        sets = ", ".join(f"{name} = ?" for name in values)
        cur = db.execute(f"UPDATE articles SET {sets} WHERE id = ?", [*values.values(), article_id])
        if not cur.rowcount:
            raise NotFound(f"article {article_id} not found")


def _check_names(names: tuple[str, ...]) -> None:
    bad = set(names) - set(ARTICLE_FIELDS)
    if bad:
        raise ValueError(f"not an article field: {', '.join(sorted(bad))}")


DATE_FIELDS = ("value", "granularity", "date_method", "updated_at")


def set_date_values(db: Database, rows: list[tuple[int, tuple[object, ...]]]) -> None:
    """Put DATE_FIELDS of some tags, exactly as given (id, values): a re-dated article's
    date tags, or their values before it, for undo."""
    with write(db):
        db.conn.executemany(
            "UPDATE annotations SET value = ?, granularity = ?, date_method = ?, updated_at = ?"
            " WHERE id = ?", [(*values, id_) for id_, values in rows])
