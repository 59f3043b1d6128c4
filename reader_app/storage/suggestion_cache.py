"""The finders' answers for an article, kept in a file beside the library.

A 1 MB article's first suggestions take most of a second; kept here, reopening it (or
the first call after any earlier computation with the same inputs) reads them back.
Each entry holds one part (actors, dates, claims) of one article text under a key, the
digest of everything that part was worked out from: an entry whose key is not the one
asked for is never read, so a change of text, names, tags or code cannot give a stale
answer. One entry per part and text: the newest replaces the one before.

Why a file of its own, not a table in the library: the window's suggestion worker reads
the library read-only, a new table would keep older versions of the app from opening the
library, and backups and exports would carry megabytes of what can be worked out again.
The file holds data only (zlib-compressed JSON, never pickle: a library and what lies
beside it may come from someone else); anything wrong with it is the same as no entry.
"""

from __future__ import annotations

import sqlite3
import zlib
from contextlib import suppress
from pathlib import Path

from sqlite_utils import Database

SUFFIX = ".suggestions"
_SCHEMA = ("CREATE TABLE IF NOT EXISTS entries (part TEXT NOT NULL, text_key TEXT NOT NULL,"
           " key TEXT NOT NULL, data BLOB NOT NULL, PRIMARY KEY (part, text_key))")
TIMEOUT_S = 0.2  # another window writing it: no entry rather than a wait


def cache_path(db: Database) -> Path | None:
    """The cache file of this library, None for a library in memory."""
    for _seq, name, file in db.conn.execute("PRAGMA database_list"):
        if name == "main":
            return Path(file + SUFFIX) if file else None
    return None


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=TIMEOUT_S, isolation_level=None)
    try:
        conn.execute("PRAGMA synchronous = OFF")  # a cache: lost entries are worked out again
        conn.execute(_SCHEMA)
    except sqlite3.Error:
        conn.close()
        raise
    return conn


def read_entry(path: Path | None, part: str, text_key: str, key: str) -> str | None:
    """The entry of this part and text when it was stored under key, else None."""
    if path is None or not path.exists():
        return None
    try:
        conn = _connect(path)
        try:
            row = conn.execute("SELECT data FROM entries WHERE part = ? AND text_key = ?"
                               " AND key = ?", [part, text_key, key]).fetchone()
        finally:
            conn.close()
        return None if row is None else zlib.decompress(row[0]).decode("utf-8")
    except (sqlite3.Error, zlib.error, UnicodeDecodeError, OSError):
        return None  # unreadable, locked, not a database: worked out again


def stored_keys(path: Path | None, text_key: str) -> dict[str, str]:
    """part -> the key its entry for this text is stored under."""
    if path is None or not path.exists():
        return {}
    try:
        conn = _connect(path)
        try:
            return dict(conn.execute("SELECT part, key FROM entries WHERE text_key = ?",
                                     [text_key]).fetchall())
        finally:
            conn.close()
    except sqlite3.Error:
        return {}


def write_entries(path: Path | None, text_key: str, entries: dict[str, tuple[str, str]]
                  ) -> bool:
    """Store entries (part -> (key, JSON)) for this text, in one transaction. False when
    the file cannot be written (a read-only folder, another writer): nothing is kept."""
    if path is None or not entries:
        return False
    rows = [(part, text_key, key, zlib.compress(data.encode("utf-8"), 1))
            for part, (key, data) in entries.items()]
    try:
        conn = _connect(path)
        try:
            with conn:
                conn.execute("BEGIN IMMEDIATE")
                conn.executemany("INSERT OR REPLACE INTO entries (part, text_key, key, data)"
                                 " VALUES (?, ?, ?, ?)", rows)
        finally:
            conn.close()
        return True
    except sqlite3.DatabaseError as e:
        if "not a database" in str(e) or "malformed" in str(e):
            with suppress(OSError):
                path.unlink()  # our own file, damaged: the next first computation starts it anew
        return False
    except (sqlite3.Error, OSError):
        return False


__all__ = ["SUFFIX", "cache_path", "read_entry", "stored_keys", "write_entries"]
