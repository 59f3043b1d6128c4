"""Which files on disk are a library's: the database and SQLite's -wal, -shm and -journal.

Reading or replacing one of them with plain file I/O while SQLite has the library open
would drop its locks (or its data), so importers, exports and backups refuse them.
Compared by device and inode, so links and other spellings of the path are caught too.
"""

from __future__ import annotations

import os
from pathlib import Path

SIDE_SUFFIXES = ("", "-wal", "-shm", "-journal")


def file_id(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def library_file_ids(library: str | os.PathLike[str]) -> set[tuple[int, int]]:
    ids = (file_id(Path(f"{library}{suffix}")) for suffix in SIDE_SUFFIXES)
    return {i for i in ids if i is not None}


def is_library_file(candidate: str | os.PathLike[str], library: str | os.PathLike[str]) -> bool:
    """True if candidate is the library or one of its side files (existing or not)."""
    candidate = Path(candidate)
    identity = file_id(candidate)
    if identity is not None and identity in library_file_ids(library):
        return True
    try:
        target = candidate.resolve()
        base = Path(library).resolve()
    except OSError:
        return False
    return any(target == Path(f"{base}{suffix}") for suffix in SIDE_SUFFIXES)
