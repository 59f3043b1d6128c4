"""Schema step m003 (actors and claims) on a library that already holds m001+m002 data."""

from __future__ import annotations

import sqlite3

import pytest
from sqlite_utils import Database

from reader_app.storage.actors import create_actor, list_actors
from reader_app.storage.annotations import get_annotation, list_annotations
from reader_app.storage.database import open_library, schema_steps
from reader_app.storage.migrations import migrations

NEW_COLUMNS = ("actor_id", "claimant_id", "claim_date", "claim_date_annotation_id", "status",
               "reliability", "credibility", "granularity", "date_method")


@pytest.fixture
def old_library(db_path):
    """A library as the previous release left it: m001 + m002, with data."""
    db = Database(db_path)
    db.execute("PRAGMA foreign_keys = ON")
    migrations.apply(db, stop_before="m003_actors_and_claims")
    text = "Lavrov said on Thursday that talks failed."
    db.execute("INSERT INTO articles (uuid, title, source, published, text, sha256, imported_at)"
               " VALUES ('a-1', 'Talks', 't.txt', '2022-02-09', ?, 'h', 'now')", [text])
    for i, (kind, start, end, value) in enumerate(
            [("actor", 0, 6, "Sergei Lavrov"), ("date", 15, 23, "2022-02-10"),
             ("claim", 29, 41, None)]):
        db.execute(
            "INSERT INTO annotations (uuid, article_id, kind, start, \"end\", quote, value,"
            " note, created_at, updated_at, text_sha256)"
            " VALUES (?, 1, ?, ?, ?, ?, ?, 'n', 'c', 'u', 'h')",
            [f"n-{i}", kind, start, end, text[start:end], value])
    db.conn.commit()
    before = db.execute("SELECT * FROM annotations ORDER BY id").fetchall()
    assert "actors" not in db.table_names()
    db.close()
    return db_path, before


def test_opening_an_old_library_applies_m003_and_keeps_every_row(old_library):
    path, before = old_library
    db = open_library(path)
    try:
        assert "m003_actors_and_claims" in schema_steps(db)
        after = db.execute("SELECT * FROM annotations ORDER BY id").fetchall()
        assert [row[:15] for row in after] == before
        assert all(row[15:] == (None,) * len(NEW_COLUMNS) for row in after)
        anns = list_annotations(db, 1)
        assert [a.kind for a in anns] == ["actor", "date", "claim"]
        assert all(getattr(a, c) is None for a in anns for c in NEW_COLUMNS)
        assert get_annotation(db, 1).value == "Sergei Lavrov"
        assert list_actors(db) == []
        # full-text search still works on the old rows
        hits = db.execute("SELECT rowid FROM annotations_fts WHERE annotations_fts MATCH 'Lavrov'")
        assert [r[0] for r in hits] == [1]
    finally:
        db.close()


def test_new_columns_and_tables(db):
    columns = {c.name: c for c in db["annotations"].columns}
    assert set(NEW_COLUMNS) <= set(columns)
    assert {"actors", "actor_aliases", "actors_fts"} <= set(db.table_names())
    assert {c.name for c in db["actors"].columns} == {
        "id", "uuid", "name", "name_key", "type", "note", "created_at", "updated_at"}
    indexes = {i.name for t in ("actors", "actor_aliases", "annotations") for i in db[t].indexes}
    assert {"idx_actors_name_key", "idx_actor_aliases_actor_key", "idx_actor_aliases_key",
            "idx_annotations_actor", "idx_annotations_claimant"} <= indexes
    fks = {(fk.column, fk.other_table) for fk in db["annotations"].foreign_keys}
    assert {("actor_id", "actors"), ("claimant_id", "actors")} <= fks


def test_actors_are_searchable_by_name_and_note(db):
    create_actor(db, "Volodymyr Zelenskiy", "person", note="President of Ukraine")
    hits = db.execute("SELECT name FROM actors_fts WHERE actors_fts MATCH 'ukraine'").fetchall()
    assert hits == [("Volodymyr Zelenskiy",)]


@pytest.mark.parametrize(("column", "bad"), [
    ("status", "'maybe'"), ("reliability", "'G'"), ("credibility", "0"), ("credibility", "7"),
    ("actor_id", "999"), ("claimant_id", "999"),
])
def test_the_schema_checks_the_new_columns(old_library, column, bad):
    db = open_library(old_library[0])
    try:
        with pytest.raises(sqlite3.IntegrityError):
            db.execute(f"UPDATE annotations SET {column} = {bad} WHERE id = 1")
    finally:
        db.close()


def test_alias_keys_are_unique_per_actor_and_cascade(db):
    actor = create_actor(db, "Russia", aliases=["Moscow"])
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO actor_aliases (actor_id, alias, alias_key) VALUES (?, 'MOSCOW',"
                   " 'moscow')", [actor.id])
    db.execute("DELETE FROM actors WHERE id = ?", [actor.id])
    assert db.execute("SELECT count(*) FROM actor_aliases").fetchone()[0] == 0
