"""The schema snapshot a start compares a library with (instead of applying every
migration step in memory) is exactly what the steps create."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reader_app.storage import foreign_schema, schema_snapshot

AGAIN = "a migration step changed: run `python -m reader_app.storage.foreign_schema`"


def test_the_snapshot_is_what_the_migration_steps_write():
    written = Path(schema_snapshot.__file__).read_text(encoding="utf-8")
    fresh = foreign_schema.snapshot_source()
    if sqlite3.sqlite_version == schema_snapshot.SQLITE:
        assert written == fresh, AGAIN
    else:  # written under another SQLite: the steps must still be the same
        assert fresh.split("STEPS = ")[1].split("\n")[0] == repr(schema_snapshot.STEPS), AGAIN


def test_another_sqlite_applies_the_steps_rather_than_trust_the_snapshot(monkeypatch):
    steps = set(schema_snapshot.STEPS)
    monkeypatch.setattr(schema_snapshot, "OBJECTS", ())  # would find every object foreign
    monkeypatch.setattr(schema_snapshot, "SQLITE", "0.0.0")
    foreign_schema._REFERENCE.clear()
    try:
        assert foreign_schema.reference_schema(steps) == foreign_schema._computed(steps)
    finally:
        foreign_schema._REFERENCE.clear()


def test_every_step_applied_uses_the_snapshot_and_it_equals_the_steps_applied_in_memory():
    steps = set(schema_snapshot.STEPS)
    foreign_schema._REFERENCE.clear()
    from_snapshot = foreign_schema.reference_schema(steps)
    assert from_snapshot == foreign_schema._computed(steps)
    if sqlite3.sqlite_version == schema_snapshot.SQLITE:  # read, not applied
        assert from_snapshot == {(t, n): (tbl, sql) for t, n, tbl, sql in schema_snapshot.OBJECTS}
    assert len(from_snapshot) > 50  # tables, indexes, triggers of every step


def test_fewer_steps_are_applied_in_memory_not_read_from_the_snapshot():
    first = {schema_snapshot.STEPS[0]}
    older = foreign_schema.reference_schema(first)
    assert ("table", "articles") in older
    assert ("table", "actors") not in older  # a later step's table
    assert older == foreign_schema._computed(first)
