"""Triggers and views in a library that our migrations did not create.

A library file may come from someone else. A trigger runs with every write we make
(it could copy quotes out, rename articles, delete confirmed tags), a view with every
read of it. We compare each one, name and SQL, with what the migrations create.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from reader_app.storage.errors import LibraryError
from reader_app.storage.migrations import migrations


@dataclass(frozen=True)
class SchemaObject:
    type: str  # 'trigger' or 'view'
    name: str
    table: str  # the table a trigger fires on (a view's own name)
    sql: str

    def describe(self) -> str:
        if self.type == "trigger":
            return f"trigger {self.name!r} on {self.table!r}"
        return f"view {self.name!r}"


class ForeignSchema(LibraryError):
    """The library holds triggers or views Analyst Reader did not create."""

    def __init__(self, path: Path, objects: list[SchemaObject]) -> None:
        self.path = path
        self.objects = objects
        names = ", ".join(o.describe() for o in objects)
        super().__init__(
            f"{path}: holds {len(objects)} trigger(s) or view(s) that Analyst Reader did not "
            f"create ({names}); they would run with your changes. Remove them to open it "
            "(in the window, or `reader-app repair --remove-foreign-schema`)")


_OURS: frozenset[tuple[str, str, str]] | None = None


def _normalized(sql: str | None) -> str:
    return " ".join((sql or "").split())


def _our_objects() -> frozenset[tuple[str, str, str]]:
    """(type, name, sql) of every trigger and view the migrations create."""
    global _OURS
    if _OURS is None:
        db = Database(memory=True)
        migrations.apply(db)
        _OURS = frozenset(
            (t, n, _normalized(s)) for t, n, s in db.execute(
                "SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'view')"))
        db.close()
    return _OURS


def foreign_objects(conn: sqlite3.Connection) -> list[SchemaObject]:
    ours = _our_objects()
    rows = conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master "
        "WHERE type IN ('trigger', 'view') ORDER BY type, name").fetchall()
    return [SchemaObject(t, n, tbl, s or "") for t, n, tbl, s in rows
            if (t, n, _normalized(s)) not in ours]


def drop_foreign_objects(db: Database, objects: list[SchemaObject]) -> None:
    """Inside the caller's write transaction."""
    for obj in objects:
        quoted = '"' + obj.name.replace('"', '""') + '"'
        db.execute(f"DROP {obj.type.upper()} IF EXISTS {quoted}")
