"""The search indexes checked on open and rebuilt when missing or damaged.

The check is cheap on purpose (FTS5's own 'integrity-check' reads the whole index: seconds
at 100,000 articles): every index table and trigger must exist, and each index must hold
as many documents as its table has rows. A damage that check cannot see shows when a
search reads the index ("database disk image is malformed"); `rebuild_search_indexes`
then rebuilds all of them and the search runs again (services/search.py).
What was done is kept as a sentence in `notices(db)` for the window and the command line.
"""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database

from reader_app.storage.foreign_schema import reference_schema
from reader_app.storage.rows import named_rows
from reader_app.storage.transaction import write

__all__ = ["add_notice", "check_search_indexes", "is_index_damage", "notices",
           "rebuild_search_indexes"]

# index -> (what its documents are counted against, how): one document per row. Tags may
# number millions: their index is compared by its last rowid (a lookup, not a count).
# memo_fts holds only non-empty memos, and counting those reads every article: skipped.
_DOCUMENTS = {
    "articles_fts": ("SELECT count(*) FROM articles", "count(*)"),
    "library_fts": ("SELECT count(*) FROM articles", "count(*)"),
    "annotations_fts": ("SELECT max(id) FROM annotations", "max(id)"),
    "actors_fts": ("SELECT count(*) FROM actors", "count(*)"),
    "alias_fts": ("SELECT count(*) FROM actor_aliases", "count(*)"),
}
_RANK = {"articles_fts": "bm25(10.0, 1.0)"}


def notices(db: Database) -> list[str]:
    """What opening (or searching) the library repaired, for the analyst to read."""
    found = getattr(db, "notices", None)
    return found if isinstance(found, list) else []


def add_notice(db: Database, message: str) -> None:
    if not isinstance(getattr(db, "notices", None), list):
        db.notices = []  # type: ignore[attr-defined]
    db.notices.append(message)  # type: ignore[attr-defined]


def _expected(db: Database) -> dict[tuple[str, str], tuple[str, str]]:
    applied = {r["name"] for r in named_rows(
        db, "SELECT name FROM _sqlite_migrations WHERE migration_set = 'reader_app'")}
    return reference_schema(applied)


def _present(db: Database) -> set[tuple[str, str]]:
    return {(r["type"], r["name"]) for r in named_rows(
        db, "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'trigger')")}


def _indexes(expected: dict[tuple[str, str], tuple[str, str]]) -> list[str]:
    return [name for (t, name), (_tbl, sql) in expected.items()
            if t == "table" and "USING FTS5" in sql.upper()]


def check_search_indexes(db: Database) -> list[str]:
    """The search indexes that are missing or out of step with their tables (cheap)."""
    expected = _expected(db)
    present = _present(db)
    stale = []
    for name in _indexes(expected):
        missing = [key for key, (tbl, _sql) in expected.items()
                   if key not in present and (key[1] == name or key[1].startswith(f"{name}_")
                                              or (key[0] == "trigger" and name in _sql))]
        if missing or ("table", name) not in present:
            stale.append(name)
            continue
        if name not in _DOCUMENTS:
            continue
        rows, how = _DOCUMENTS[name]
        try:
            docs = db.execute(f'SELECT {how} FROM "{name}_docsize"').fetchone()[0]
            if (docs or 0) != (db.execute(rows).fetchone()[0] or 0):
                stale.append(name)
        except sqlite3.DatabaseError:
            stale.append(name)
    return stale


def rebuild_search_indexes(db: Database, names: list[str] | None = None) -> list[str]:
    """Recreate what is missing of the named indexes (all by default) and refill them from
    their tables, in one write transaction; returns the names rebuilt. An index FTS5 cannot
    use (a shadow table gone, its structure record corrupt) is dropped and created again
    from the migrations' definition (storage.foreign_schema.reference_schema)."""
    expected = _expected(db)
    names = _indexes(expected) if names is None else names
    with write(db):
        present = _present(db)
        for name in names:
            if ("table", name) in present and not _refilled(db, name):
                _drop_index(db, name)
                present.discard(("table", name))
            if ("table", name) not in present:
                for shadow in _SHADOWS:
                    db.execute(f'DROP TABLE IF EXISTS "{name}_{shadow}"')
                db.execute(expected[("table", name)][1])
                _refill(db, name)
            for (t, trigger), (_tbl, sql) in expected.items():
                if t == "trigger" and ("trigger", trigger) not in present and name in sql:
                    db.execute(sql)
            if name in _RANK:
                db.execute(f"INSERT INTO \"{name}\"(\"{name}\", rank) VALUES ('rank', ?)",
                           [_RANK[name]])
    return names


_SHADOWS = ("data", "idx", "docsize", "config", "content")


def _refill(db: Database, name: str) -> None:
    if name == "memo_fts":
        db.execute("INSERT INTO memo_fts(memo_fts) VALUES ('delete-all')")
        db.execute("INSERT INTO memo_fts(rowid, memo) SELECT id, memo FROM articles"
                   " WHERE memo != ''")
    else:
        db.execute(f"INSERT INTO \"{name}\"(\"{name}\") VALUES ('rebuild')")


def _refilled(db: Database, name: str) -> bool:
    """Refill the index in place; False (nothing changed) when FTS5 cannot use it."""
    db.execute("SAVEPOINT refill_index")
    try:
        _refill(db, name)
    except sqlite3.DatabaseError:
        db.execute("ROLLBACK TO refill_index")
        return False
    finally:
        db.execute("RELEASE refill_index")
    return True


def _drop_index(db: Database, name: str) -> None:
    """Drop an FTS5 table and its shadow tables. A table whose constructor fails cannot be
    dropped by DROP TABLE (FTS5 must connect first): its own schema row is deleted under
    writable_schema, the schema version bumped so the connection reads the schema again,
    then the shadow tables (ordinary tables) are dropped. Nothing else is touched."""
    try:
        db.execute(f'DROP TABLE "{name}"')
        return
    except sqlite3.DatabaseError:
        pass
    version = db.execute("PRAGMA schema_version").fetchone()[0]
    db.execute("PRAGMA writable_schema = ON")
    try:
        db.execute("DELETE FROM sqlite_master WHERE type = 'table' AND name = ?"
                   " AND sql LIKE 'CREATE VIRTUAL TABLE%'", [name])
        db.execute(f"PRAGMA schema_version = {int(version) + 1}")
    finally:
        db.execute("PRAGMA writable_schema = OFF")
    for shadow in _SHADOWS:
        db.execute(f'DROP TABLE IF EXISTS "{name}_{shadow}"')


def is_index_damage(error: BaseException) -> bool:
    """A search index that cannot be read: corrupt, or a shadow table gone."""
    if not isinstance(error, sqlite3.DatabaseError):
        return False
    name = getattr(error, "sqlite_errorname", "") or ""
    text = str(error)
    # a shadow table gone: "SQL logic error" (SQLITE_ERROR without a message of its own)
    # or "vtable constructor failed" when FTS5 connects to the table
    return (name.startswith("SQLITE_CORRUPT") or "malformed" in text
            or text == "SQL logic error" or "vtable constructor failed" in text
            or ("no such table" in text and "_fts" in text))


def repair_on_open(db: Database) -> None:
    """Open's check: rebuild what is missing or out of step, and say so."""
    stale = check_search_indexes(db)
    if stale:
        rebuild_search_indexes(db, stale)
        add_notice(db, "The search index was missing or damaged and has been rebuilt"
                       f" ({', '.join(stale)}).")
