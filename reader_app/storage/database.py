"""Open a library file safely: validate first, write only what we recognise."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from reader_app.storage.migrations import MIGRATION_SET, migrations

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


class LibraryError(Exception):
    """A library that cannot be opened; str() is one line naming the file."""


def open_library(path: str | os.PathLike, *, create: bool = True) -> Database:
    """Open (or create) the library at path, migrated to the current schema.

    Nothing is written to a file that fails validation: not a SQLite file,
    another application's database, or a newer schema than this version knows.
    """
    path = Path(path)
    exists = path.exists() and path.stat().st_size > 0
    if path.exists() and path.is_dir():
        raise LibraryError(f"{path}: is a folder, not a library file")
    if exists:
        _validate(path)
    elif not create:
        raise LibraryError(f"{path}: no such library")
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise LibraryError(f"{path}: cannot create the library folder ({e.strerror})") from None
    try:
        db = Database(path)
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA foreign_keys = ON")  # per connection, outside a transaction
        db.enable_wal()
        migrations.apply(db)
    except sqlite3.Error as e:
        raise LibraryError(f"{path}: cannot open the library ({e})") from None
    return db


def _validate(path: Path) -> None:
    try:
        with path.open("rb") as f:
            header = f.read(len(SQLITE_HEADER))
    except OSError as e:
        raise LibraryError(f"{path}: cannot read the file ({e.strerror})") from None
    if header != SQLITE_HEADER:
        raise LibraryError(f"{path}: not an Analyst Reader library (not a SQLite database)")
    # Read-only connection: validation must not change a byte of the file.
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as e:
        raise LibraryError(f"{path}: cannot open the library ({e})") from None
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        applied: set[str] = set()
        if "_sqlite_migrations" in tables:
            applied = {
                r[0]
                for r in conn.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET]
                )
            }
    except sqlite3.DatabaseError as e:
        raise LibraryError(f"{path}: damaged or not a library ({e})") from None
    finally:
        conn.close()
    known = known_steps()
    unknown = applied - known
    if unknown:
        raise LibraryError(
            f"{path}: made by a newer version of Analyst Reader "
            f"(schema steps {', '.join(sorted(unknown))}); upgrade the app to open it"
        )
    user_tables = {t for t in tables if not t.startswith("sqlite_")}
    if user_tables and not applied:
        raise LibraryError(f"{path}: a SQLite database of another application, not a library")


def known_steps() -> set[str]:
    """Every schema step this version knows (all pending on an empty database)."""
    return {m.name for m in migrations.pending(Database(memory=True))}


def schema_steps(db: Database) -> list[str]:
    return [m.name for m in migrations.applied(db)]
