"""Rows by column name: each query's own cursor yields sqlite3.Row, so a reader says
row["name"], never row[3], and a column added to a SELECT cannot shift the others.

The row factory is set on the query's cursor only: other code on the same connection
still gets plain tuples.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping

from sqlite_utils import Database

Params = Iterable[object]
Connection = Database | sqlite3.Connection  # ours, or a bare one (a read-only look at a file)


def named_rows(db: Connection, sql: str, params: Params = ()) -> Iterator[sqlite3.Row]:
    """The rows of a query, each readable by column name (and still by position)."""
    cursor = db.execute(sql, list(params))
    cursor.row_factory = sqlite3.Row
    return cursor


def named_row(db: Connection, sql: str, params: Params = ()) -> sqlite3.Row | None:
    """The first row of a query, by column name; None if there is none."""
    return next(named_rows(db, sql, params), None)


def count(db: Connection, sql: str, params: Params = ()) -> int:
    """The single whole number a `SELECT count(*) AS n ...` query returns."""
    row = named_row(db, sql, params)
    if row is None:
        raise ValueError(f"no row from {sql!r}")
    return int(row["n"])


def insert_row(db: Database, table: str, row: Mapping[str, object]) -> int:
    """Insert one row given by column name into table (a name the caller chose, never
    data); returns its id."""
    columns = ", ".join(f'"{c}"' for c in row)
    cur = db.execute(f"INSERT INTO {table} ({columns}) VALUES ({', '.join('?' * len(row))})",
                     list(row.values()))
    if cur.lastrowid is None:  # pragma: no cover - an INSERT always sets it
        raise RuntimeError("no row inserted")
    return cur.lastrowid
