"""Write transactions that take the write lock first, so a busy library waits instead of failing.

A plain ``BEGIN`` that reads and then writes gets SQLITE_BUSY at once when another
connection wrote meanwhile, whatever the busy timeout: SQLite cannot upgrade a read
snapshot that is stale. ``BEGIN IMMEDIATE`` asks for the write lock before reading, so
the busy timeout applies; past it we retry with backoff, then say who holds the file.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress

from sqlite_utils import Database

# The connection's busy_timeout (5 s) is waited inside each attempt; these pauses come on top.
RETRY_PAUSES_S = (0.05, 0.2, 0.5, 1.0)


class LibraryBusy(sqlite3.OperationalError):
    """Another program held the library's write lock for too long."""


def is_busy(error: BaseException) -> bool:
    """Another connection holds the lock (waiting helps); not SQLITE_LOCKED, a conflict
    inside this connection that no wait resolves."""
    name = getattr(error, "sqlite_errorname", "") or ""
    return isinstance(error, sqlite3.OperationalError) and (
        name == "SQLITE_BUSY" or name.startswith("SQLITE_BUSY_")
        or (not name and "database is locked" in str(error)))


def begin_immediate(db: Database, pauses: tuple[float, ...] = RETRY_PAUSES_S) -> None:
    for pause in (*pauses, None):
        try:
            db.conn.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as e:
            if not is_busy(e) or pause is None:
                if is_busy(e):
                    raise LibraryBusy(
                        "the library is busy: another program or window has been writing to it "
                        "for too long; try again in a moment") from None
                raise
            time.sleep(pause)


@contextmanager
def write(db: Database) -> Iterator[Database]:
    """One logical write: BEGIN IMMEDIATE ... COMMIT, or a savepoint when nested."""
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    begin_immediate(db)
    try:
        yield db
        db.conn.execute("COMMIT")
    except BaseException:
        _rollback_quietly(db)  # the first error is the one to report
        raise


def _rollback_quietly(db: Database) -> None:
    if db.conn.in_transaction:
        with suppress(sqlite3.Error):
            db.conn.execute("ROLLBACK")
