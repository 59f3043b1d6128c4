"""Rows a merge reads and writes: lookups by sha256 and uuid, inserts that keep the other
library's uuids, and whole-row snapshots so undo and redo put back exactly the same rows.

Callers hold one write transaction (services/merge_apply.py); the tables' own triggers keep
the search indexes and tag counts in step with every insert, update and delete here.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence

from sqlite_utils import Database

from reader_app.domain.actors import match_key
from reader_app.domain.models import Annotation
from reader_app.storage.annotations import ANNOTATION_COLUMNS, get_annotations
from reader_app.storage.article_rows import TableRows
from reader_app.storage.rows import insert_row as _insert_row
from reader_app.storage.rows import named_rows

_IN = "(SELECT value FROM json_each(?))"


def articles_by_sha(db: Database, shas: Iterable[str]) -> dict[str, tuple[int, str]]:
    """sha256 -> (id, uuid) of the library's articles among shas."""
    return {r["sha256"]: (r["id"], r["uuid"]) for r in named_rows(
        db, f"SELECT id, uuid, sha256 FROM articles WHERE sha256 IN {_IN}",
        [json.dumps(sorted(set(shas)))])}


def articles_by_uuid(db: Database, uuids: Iterable[str]) -> dict[str, tuple[int, str]]:
    """uuid -> (id, sha256) of the library's articles among uuids."""
    return {r["uuid"]: (r["id"], r["sha256"]) for r in named_rows(
        db, f"SELECT id, uuid, sha256 FROM articles WHERE uuid IN {_IN}",
        [json.dumps(sorted(set(uuids)))])}


def tags_by_uuid(db: Database, uuids: Iterable[str]) -> dict[str, Annotation]:
    """uuid -> the library's tag (verified against its text) among uuids."""
    ids = [r["id"] for r in named_rows(db, f"SELECT id FROM annotations WHERE uuid IN {_IN}",
                                       [json.dumps(sorted(set(uuids)))])]
    return {a.uuid: a for a in get_annotations(db, ids)} if ids else {}


def actors_by_uuid(db: Database, uuids: Iterable[str]) -> dict[str, int]:
    return {r["uuid"]: r["id"] for r in named_rows(
        db, f"SELECT id, uuid FROM actors WHERE uuid IN {_IN}", [json.dumps(sorted(set(uuids)))])}


def uuids_taken(db: Database, table: str, uuids: Iterable[str]) -> set[str]:
    return {r["uuid"] for r in named_rows(
        db, f"SELECT uuid FROM {_table(table)} WHERE uuid IN {_IN}",
        [json.dumps(sorted(set(uuids)))])}


def _table(name: str) -> str:
    if name not in ("articles", "annotations", "actors", "actor_aliases", "codebook"):
        raise ValueError(f"not a table a merge writes: {name}")
    return name


def insert_row(db: Database, table: str, row: Mapping[str, object]) -> int:
    """Insert one row given by column name; returns its id."""
    if table == "annotations" and set(row) - set(ANNOTATION_COLUMNS):
        raise ValueError(f"not annotation columns: {sorted(set(row) - set(ANNOTATION_COLUMNS))}")
    return _insert_row(db, _table(table), row)


def add_aliases(db: Database, actor_id: int, names: Sequence[str]) -> list[int]:
    """Add names as aliases of an actor, skipping keys its name or aliases have; returns
    the new alias rows' ids (undo removes exactly those)."""
    row = db.execute("SELECT name_key FROM actors WHERE id = ?", [actor_id]).fetchone()
    seen = {row[0]} if row else set()
    seen |= {r["alias_key"] for r in named_rows(
        db, "SELECT alias_key FROM actor_aliases WHERE actor_id = ?", [actor_id])}
    added = []
    for name in names:
        key = match_key(name) if isinstance(name, str) else ""
        if key and key not in seen:
            seen.add(key)
            added.append(insert_row(db, "actor_aliases", {
                "actor_id": actor_id, "alias": name, "alias_key": key}))
    return added


def update_row(db: Database, table: str, row_id: int, values: Mapping[str, object]) -> None:
    if values:
        sets = ", ".join(f'"{c}" = ?' for c in values)
        db.execute(f"UPDATE {_table(table)} SET {sets} WHERE id = ?", [*values.values(), row_id])


def row_values(db: Database, table: str, row_id: int,
               columns: Sequence[str]) -> dict[str, object]:
    cols = ", ".join(f'"{c}"' for c in columns)
    found = db.execute(f"SELECT {cols} FROM {_table(table)} WHERE id = ?", [row_id]).fetchone()
    if found is None:
        raise LookupError(f"{table} row {row_id} is gone")
    return dict(zip(columns, found, strict=True))


def snapshot_rows(db: Database, table: str, ids: Sequence[int]) -> TableRows:
    """Every column of these rows as SQLite stores them, in id order."""
    cursor = db.execute(f"SELECT * FROM {_table(table)} WHERE id IN {_IN} ORDER BY id",
                        [json.dumps(sorted(ids))])
    return TableRows(table, tuple(d[0] for d in cursor.description),
                     tuple(tuple(r) for r in cursor.fetchall()))


def put_rows(db: Database, rows: TableRows) -> None:
    """Insert a snapshot's rows back, same ids (the ids of articles, tags and actors are
    never handed out again: AUTOINCREMENT, schema steps m003 and m013)."""
    if rows.rows:
        columns = ", ".join(f'"{c}"' for c in rows.columns)
        marks = ", ".join("?" * len(rows.columns))
        db.conn.executemany(f"INSERT INTO {_table(rows.table)} ({columns}) VALUES ({marks})",
                            rows.rows)


def delete_rows(db: Database, table: str, ids: Sequence[int]) -> int:
    """Delete rows by id, one statement (their delete triggers run per row); the count."""
    if not ids:
        return 0
    if table == "articles":  # as take_article: their counts row, explicitly
        db.execute(f"DELETE FROM tag_counts WHERE article_id IN {_IN}", [json.dumps(list(ids))])
    cur = db.execute(f"DELETE FROM {_table(table)} WHERE id IN {_IN}", [json.dumps(list(ids))])
    return int(cur.rowcount)
