"""Schema in a library that our migrations did not create.

A library file may come from someone else. A trigger runs with every write we make (it
could copy quotes out, rename articles, delete confirmed tags); an index or a changed
table definition can refuse or silently replace rows (`UNIQUE ... ON CONFLICT REPLACE`,
a foreign key with `ON DELETE CASCADE`). So every row of `sqlite_master` is compared,
type, name, table and SQL, with what the applied migrations create on an empty database.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from reader_app.storage import schema_snapshot
from reader_app.storage.errors import LibraryError
from reader_app.storage.migrations import migrations
from reader_app.storage.rows import named_rows

# What ANALYZE and AUTOINCREMENT bookkeeping add: data, not code.
_IGNORED_PREFIXES = ("sqlite_stat",)
REMOVABLE = ("trigger", "view", "index")


@dataclass(frozen=True)
class SchemaObject:
    type: str  # 'trigger', 'view', 'index' or 'table'
    name: str
    table: str  # the table a trigger or index belongs to (a view's own name)
    sql: str

    @property
    def removable(self) -> bool:
        return self.type in REMOVABLE

    def describe(self) -> str:
        if self.type in ("trigger", "index"):
            return f"{self.type} {self.name!r} on {self.table!r}"
        if self.type == "table":
            return f"changed definition of table {self.name!r}"
        return f"{self.type} {self.name!r}"


class ForeignSchema(LibraryError):
    """The library holds schema that Analyst Reader did not create."""

    def __init__(self, path: Path, objects: list[SchemaObject]) -> None:
        self.path = path
        self.objects = objects
        names = ", ".join(o.describe() for o in objects)
        if all(o.removable for o in objects):
            advice = ("Remove them to open it (in the window, or "
                      "`reader-app repair --remove-foreign-schema`)")
        else:
            advice = "It cannot be repaired safely: restore the library from a backup"
        super().__init__(
            f"{path}: holds {len(objects)} schema object(s) that Analyst Reader did not create "
            f"({names}); they would run with your changes. {advice}")

    @property
    def removable(self) -> bool:
        return all(o.removable for o in self.objects)


_REFERENCE: dict[tuple[str, ...], dict[tuple[str, str], tuple[str, str]]] = {}


def _normalized(sql: str | None) -> str:
    return " ".join((sql or "").split())


def reference_schema(applied: set[str]) -> dict[tuple[str, str], tuple[str, str]]:
    """(type, name) -> (table, sql) of what the applied steps create on an empty database.

    For a library with every step applied (the usual case) this is schema_snapshot.py,
    written from these very steps (tests/test_schema_snapshot.py keeps it so): applying
    the steps in memory is ~12 ms of every start. Any other set of steps is applied, and
    so are all of them under another SQLite (which may word its FTS tables otherwise)."""
    key = tuple(sorted(applied))
    if key not in _REFERENCE:
        if key == schema_snapshot.STEPS and sqlite3.sqlite_version == schema_snapshot.SQLITE:
            _REFERENCE[key] = {(t, n): (tbl, sql) for t, n, tbl, sql in schema_snapshot.OBJECTS}
        else:
            _REFERENCE[key] = _computed(applied)
    return _REFERENCE[key]


def _computed(applied: set[str]) -> dict[tuple[str, str], tuple[str, str]]:
    db = Database(memory=True, execute_plugins=False)
    pending = [m.name for m in migrations.pending(db)]
    later = [name for name in pending if name not in applied]
    migrations.apply(db, stop_before=later[0] if later else None)
    found = {(r["type"], r["name"]): (r["tbl_name"], r["sql"] or "") for r in named_rows(
        db, "SELECT type, name, tbl_name, sql FROM sqlite_master")}
    db.close()
    return found


def foreign_objects(conn: sqlite3.Connection, applied: set[str]) -> list[SchemaObject]:
    """Everything in the file's schema that differs from the reference for its steps.
    Extra tables of someone else's are data, not code: only their triggers and indexes count."""
    if not applied:
        return []
    ours = reference_schema(applied)
    found = []
    for r in named_rows(
            conn, "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"):
        t, n, tbl, sql = r["type"], r["name"], r["tbl_name"], r["sql"]
        if n.startswith(_IGNORED_PREFIXES):
            continue
        expected = ours.get((t, n))
        if expected is not None and expected[0] == tbl and \
                _normalized(expected[1]) == _normalized(sql):
            continue
        if t == "table" and expected is None:
            continue
        found.append(SchemaObject(t, n, tbl, sql or ""))
    return found


def drop_foreign_objects(db: Database, objects: list[SchemaObject], applied: set[str]) -> None:
    """Inside the caller's write transaction: drop each object, put back ours of the same
    name, and rebuild the search indexes a missing trigger may have left stale."""
    ours = reference_schema(applied)
    for obj in objects:
        if not obj.removable:
            raise ValueError(f"cannot remove {obj.describe()}")
        quoted = '"' + obj.name.replace('"', '""') + '"'
        db.execute(f"DROP {obj.type.upper()} IF EXISTS {quoted}")
        original = ours.get((obj.type, obj.name))
        if original is not None and original[1]:
            db.execute(original[1])
    if any(o.type == "trigger" for o in objects):
        for (t, name), (_tbl, sql) in ours.items():
            if t == "table" and "USING FTS5" in sql.upper():
                db.execute(f'INSERT INTO "{name}"("{name}") VALUES (\'rebuild\')')


def snapshot_source() -> str:
    """schema_snapshot.py as the current steps write it."""
    db = Database(memory=True, execute_plugins=False)
    steps = tuple(sorted(m.name for m in migrations.pending(db)))
    db.close()
    objects = sorted((t, n, tbl, sql) for (t, n), (tbl, sql) in _computed(set(steps)).items())
    lines = ['"""What every migration step creates on an empty database (see',
             'foreign_schema.reference_schema). Written by',
             '`python -m reader_app.storage.foreign_schema`; do not edit."""', "",
             "# ruff: noqa: E501  (each object's SQL as SQLite keeps it)", "",
             f"SQLITE = {sqlite3.sqlite_version!r}", "", f"STEPS = {steps!r}", "",
             "OBJECTS = ("]
    lines += [f"    {o!r}," for o in objects]
    lines += [")", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    Path(__file__).with_name("schema_snapshot.py").write_text(snapshot_source(),
                                                              encoding="utf-8")
