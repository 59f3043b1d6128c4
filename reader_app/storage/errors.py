"""Library errors in words an analyst can act on: what is wrong, and what to do next."""

from __future__ import annotations

import sqlite3
from pathlib import Path


class LibraryError(Exception):
    """A library that cannot be opened or written; str() is one line naming the file."""


# SQLite's primary result codes, by name (extended names start with these).
_ADVICE = {
    "SQLITE_FULL": "the disk is full; free some space and try again",
    "SQLITE_READONLY": "the library is read-only (file, folder or medium); "
                       "copy it to a folder you can write to",
    "SQLITE_CANTOPEN": "the file or its folder cannot be opened for writing; "
                       "check that the folder exists and is writable",
    "SQLITE_PERM": "permission denied; check the file's permissions",
    "SQLITE_IOERR": "the disk reported an input/output error (a removed drive or a dropped "
                    "network share?); check the drive, then reopen the library",
    "SQLITE_CORRUPT": "the file is damaged; restore it from a backup",
    "SQLITE_NOTADB": "not a SQLite database",
    "SQLITE_BUSY": "another program is writing to the library; try again in a moment",
    "SQLITE_LOCKED": "another program is writing to the library; try again in a moment",
    "SQLITE_NOLFS": "the file is too large for this system",
}


def advice(e: BaseException) -> str:
    """The reason and what to do, for a sqlite3 error (falls back to its own text)."""
    name = getattr(e, "sqlite_errorname", None) or ""
    for code, text in _ADVICE.items():
        if name == code or name.startswith(code + "_"):
            return text
    if name:  # another code (a constraint, a trigger's RAISE): its own words say it
        return str(e) or name
    lowered = str(e).lower()
    if "disk is full" in lowered or "database or disk is full" in lowered:
        return _ADVICE["SQLITE_FULL"]
    if "readonly" in lowered or "read-only" in lowered:
        return _ADVICE["SQLITE_READONLY"]
    if "locked" in lowered or "busy" in lowered:
        return _ADVICE["SQLITE_BUSY"]
    return str(e) or type(e).__name__


# What a repository call may raise (AnchorError is a ValueError, NotFound a LookupError).
STORAGE_ERRORS = (sqlite3.Error, ValueError, LookupError, RuntimeError)


def reason_of(e: BaseException) -> str:
    """A failed write's reason for the analyst: advice for a SQLite error, else its text."""
    return advice(e) if isinstance(e, sqlite3.Error) else str(e)


def describe_error(path: str | Path, e: BaseException, doing: str) -> str:
    """'<path>: <doing>: <reason and advice>' on one line."""
    return f"{path}: {doing}: {advice(e)}"

