"""Open a library file safely: validate first, write only what we recognise.

The file is only ever touched through SQLite. A plain ``open()``/``close()`` of the
library in this process would release every POSIX lock SQLite holds on it, the
window's connection included (SQLite's "How To Corrupt An SQLite Database File" 2.2).
"""

from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from reader_app.storage.errors import LibraryError, describe_error
from reader_app.storage.foreign_schema import (
    ForeignSchema,
    drop_foreign_objects,
    foreign_objects,
)
from reader_app.storage.migrations import MIGRATION_SET, migrations
from reader_app.storage.rows import named_row, named_rows
from reader_app.storage.search_health import repair_on_open
from reader_app.storage.transaction import RETRY_PAUSES_S, is_busy, write

__all__ = ["ForeignSchema", "LibraryError", "ReadOnlyLibrary", "is_read_only", "known_steps",
           "open_library", "schema_steps", "validate_library"]

BUSY_TIMEOUT_MS = 5000
SIDE_FILES = ("-wal", "-shm")


@dataclass(frozen=True)
class ReadOnlyLibrary:
    """Why a library was opened read-only (kept on the Database as ``db.read_only``)."""

    reason: str


def open_library(path: str | os.PathLike[str], *, create: bool = True, read_only: bool = False,
                 drop_foreign: bool = False) -> Database:
    """Open (or create) the library at path, migrated to the current schema.

    Nothing is written to a file that fails validation: not a SQLite file, another
    application's database, a newer schema than this version knows, or triggers and
    views that our migrations did not create (ForeignSchema; ``drop_foreign=True``
    removes them, once the analyst agreed). A library that cannot be written (read-only
    file, folder or medium) opens read-only: ``is_read_only(db)`` says why.
    """
    path = Path(path)
    if path.is_dir():
        raise LibraryError(f"{path}: is a folder, not a library file")
    exists = path.exists() and path.stat().st_size > 0
    if not exists and not create:
        raise LibraryError(f"{path}: no such library")
    if exists:
        writable = not read_only and _writable(path)
        # Foreign schema only runs with writes: a read-only library opens despite it.
        try:
            applied = _validate(path, drop_foreign=drop_foreign, allow_foreign=not writable)
        except ForeignSchema as e:
            if e.removable:
                raise
            # Changed table definitions cannot be undone safely, but reading is harmless.
            altered = ", ".join(o.name for o in e.objects if not o.removable)
            return _open_read_only(
                path, f"its table definitions ({altered}) were changed outside Analyst Reader;"
                      " restore a backup to tag", _validate(path, drop_foreign=False,
                                                            allow_foreign=True))
        if not writable:
            reason = "opened read-only on request" if read_only else _why_read_only(path)
            return _open_read_only(path, reason, applied)
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise LibraryError(
                f"{path}: cannot create the library folder ({e.strerror}); "
                "choose a folder you can write to") from None
    # A reader of a file another process is switching to WAL (or whose lock it holds
    # while it recovers) gets SQLITE_BUSY at once, whatever the busy timeout: look again.
    for pause in (*RETRY_PAUSES_S, None):
        try:
            db = _migrated(path, drop_foreign)
            break
        except sqlite3.Error as e:
            if is_busy(e) and pause is not None:
                time.sleep(pause)
                continue
            if exists and _is_read_only_error(e):
                return _open_read_only(path, _why_read_only(path), applied)
            raise LibraryError(describe_error(path, e, "cannot open the library")) from None
    db.read_only = None  # type: ignore[attr-defined]
    db.notices = []  # type: ignore[attr-defined]
    try:
        repair_on_open(db)  # a missing or stale search index is rebuilt, with a notice
    except BaseException:
        db.close()
        raise
    return db


def is_read_only(db: Database) -> ReadOnlyLibrary | None:
    return getattr(db, "read_only", None)


def _migrated(path: Path, drop_foreign: bool) -> Database:
    """A read-write connection, in WAL mode, with the schema brought up to date."""
    db = _connect(path)
    try:
        _enable_wal(db)
        if drop_foreign:
            with write(db):
                steps = set(schema_steps(db))
                drop_foreign_objects(db, foreign_objects(db.conn, steps), steps)
        if migrations.pending(db):
            # One write transaction: a second process opening the same old library
            # waits for the lock, then finds nothing left to do.
            with write(db):
                migrations.apply(db)
    except BaseException:
        db.close()
        raise
    return db


def _connect(path: Path, query: str = "") -> Database:
    if query:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?{query}", uri=True)
    else:
        conn = sqlite3.connect(str(path))
    # no sqlite-utils plugins on our connections: scanning for them costs a cold start ~25 ms
    db = Database(conn, execute_plugins=False)
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")  # per connection, outside a transaction
    return db


def _enable_wal(db: Database) -> None:
    # Once per library; the switch waits on the busy timeout like any write. A file system
    # without shared memory (some network shares) stays in rollback mode, which still works.
    mode = named_row(db, "PRAGMA journal_mode")
    if mode is None or str(mode["journal_mode"]).lower() != "wal":
        db.enable_wal()


def _open_read_only(path: Path, reason: str, applied: set[str]) -> Database:
    if applied != known_steps():
        raise LibraryError(
            f"{path}: {reason}, and it was made by an older version of Analyst Reader: "
            "it must be upgraded once from a place where it can be written (copy it to a "
            "writable folder)")
    try:
        db = _connect(path, "mode=ro")
        db.execute("SELECT count(*) FROM articles").fetchone()
    except sqlite3.Error as e:
        if not _immutable_is_safe(path, e):
            raise LibraryError(describe_error(path, e, "cannot open the library")) from None
        db = _connect(path, "mode=ro&immutable=1")
    db.read_only = ReadOnlyLibrary(reason)  # type: ignore[attr-defined]
    db.notices = []  # type: ignore[attr-defined]
    return db


def _immutable_is_safe(path: Path, e: sqlite3.Error) -> bool:
    """A read-only folder or medium may not let SQLite create the -shm index a WAL reader
    needs. Reading the file as immutable is right only then, and only when no -wal holds
    changes that `immutable` would ignore."""
    if getattr(e, "sqlite_errorname", "") not in ("SQLITE_CANTOPEN", "SQLITE_READONLY_CANTINIT"):
        return False
    if _writable(path):
        return False
    wal = Path(f"{path}-wal")
    try:
        return not wal.exists() or wal.stat().st_size == 0
    except OSError:
        return False


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _why_read_only(path: Path) -> str:
    if not os.access(path, os.W_OK):
        return "the library file is read-only"
    if not os.access(path.parent, os.W_OK):
        return "the folder holding the library is read-only"
    return "the library is on read-only storage"


def _is_read_only_error(e: sqlite3.Error) -> bool:
    name = getattr(e, "sqlite_errorname", "") or ""
    return name.startswith("SQLITE_READONLY") or "readonly" in str(e) or "read-only" in str(e)


def validate_library(path: str | os.PathLike[str]) -> set[str]:
    """Check a library without changing it (no WAL switch, no migration): LibraryError if
    it is not one we may open; returns its applied schema steps."""
    path = Path(path)
    if path.is_dir() or not path.exists() or path.stat().st_size == 0:
        raise LibraryError(f"{path}: no such library")
    return _validate(path, drop_foreign=False, allow_foreign=False)


def _validate(path: Path, *, drop_foreign: bool, allow_foreign: bool) -> set[str]:
    """Check the file through SQLite only (mode=ro); returns the schema steps applied."""
    before = {suffix for suffix in SIDE_FILES if Path(f"{path}{suffix}").exists()}
    refused = True
    try:
        applied = _inspect(path, drop_foreign=drop_foreign, allow_foreign=allow_foreign)
        refused = False
        return applied
    finally:
        if refused:
            _remove_side_files_we_made(path, before)


def _inspect(path: Path, *, drop_foreign: bool, allow_foreign: bool) -> set[str]:
    # Another process may be switching the file to WAL or migrating it right now: a
    # reader then gets SQLITE_BUSY at once, whatever the busy timeout; wait and look again.
    for pause in (*RETRY_PAUSES_S, None):
        try:
            return _inspect_once(path, drop_foreign=drop_foreign, allow_foreign=allow_foreign)
        except sqlite3.OperationalError as e:
            if not is_busy(e) or pause is None:
                raise LibraryError(describe_error(path, e, "cannot open the library")) from None
            time.sleep(pause)
    raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises


def _inspect_once(path: Path, *, drop_foreign: bool, allow_foreign: bool) -> set[str]:
    try:
        conn, tables = _read_schema(path, "mode=ro")
    except sqlite3.OperationalError as e:
        if not _immutable_is_safe(path, e):
            raise  # _inspect words it (and retries a busy file)
        conn, tables = _read_schema(path, "mode=ro&immutable=1")
    try:
        applied: set[str] = set()
        if "_sqlite_migrations" in tables:
            applied = {r["name"] for r in named_rows(
                conn, "SELECT name FROM _sqlite_migrations WHERE migration_set = ?",
                [MIGRATION_SET])}
        planted = foreign_objects(conn, applied)
    except sqlite3.OperationalError as e:
        if is_busy(e):
            raise  # _inspect retries
        raise LibraryError(describe_error(path, e, "damaged or not a library")) from None
    except sqlite3.DatabaseError as e:
        raise LibraryError(describe_error(path, e, "damaged or not a library")) from None
    finally:
        conn.close()
    unknown = applied - known_steps()
    if unknown:
        raise LibraryError(
            f"{path}: made by a newer version of Analyst Reader "
            f"(schema steps {', '.join(sorted(unknown))}); upgrade the app to open it"
        )
    user_tables = {t for t in tables if not t.startswith("sqlite_")}
    if user_tables and not applied:
        raise LibraryError(f"{path}: a SQLite database of another application, not a library")
    if planted and not allow_foreign and not (drop_foreign and all(o.removable for o in planted)):
        raise ForeignSchema(path, planted)
    return applied


def _read_schema(path: Path, query: str) -> tuple[sqlite3.Connection, set[str]]:
    """A read-only connection and the file's table names; LibraryError if not a database."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?{query}", uri=True)
    except sqlite3.Error as e:
        raise LibraryError(describe_error(path, e, "cannot open the library")) from None
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA trusted_schema = OFF")  # nothing schema-borne runs while we look
        tables = {r["name"] for r in named_rows(
            conn, "SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError as e:
        conn.close()
        if getattr(e, "sqlite_errorname", "") == "SQLITE_NOTADB":
            raise LibraryError(
                f"{path}: not an Analyst Reader library (not a SQLite database)") from None
        if isinstance(e, sqlite3.OperationalError):
            raise
        raise LibraryError(describe_error(path, e, "damaged or not a library")) from None
    return conn, tables


def _remove_side_files_we_made(path: Path, before: set[str]) -> None:
    """A read-only SQLite connection cannot delete the -wal/-shm it made; a refused file
    must not gain them. Only an empty -wal is ours to remove (nothing was written)."""
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    try:
        if "-wal" not in before and wal.exists():
            if wal.stat().st_size != 0:
                return
            wal.unlink()
        if "-shm" not in before and shm.exists() and not wal.exists():
            shm.unlink()
    except OSError:
        pass


_KNOWN_STEPS: set[str] | None = None


def known_steps() -> set[str]:
    """Every schema step this version knows (all pending on an empty database)."""
    global _KNOWN_STEPS
    if _KNOWN_STEPS is None:
        _KNOWN_STEPS = {m.name for m in migrations.pending(Database(memory=True, execute_plugins=False))}
    return set(_KNOWN_STEPS)


def schema_steps(db: Database) -> list[str]:
    return [m.name for m in migrations.applied(db)]
