"""The library's own copy of the state table (empty: the built-in one is used)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlite_utils import Database

StateRow = tuple[str, str, str]  # canonical, type, names separated by |


def state_rows(db: Database) -> list[StateRow]:
    return [(r[0], r[1], r[2]) for r in
            db.execute("SELECT canonical, type, names FROM state_names ORDER BY id")]


def replace_state_rows(db: Database, rows: Iterable[StateRow]) -> None:
    """Call inside a write transaction."""
    db.execute("DELETE FROM state_names")
    db.conn.executemany("INSERT INTO state_names (canonical, type, names) VALUES (?, ?, ?)",
                        list(rows))
