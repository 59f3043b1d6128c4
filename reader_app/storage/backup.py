"""A copy of the library an analyst can rely on, taken with SQLite's online backup API.

Safe while the window (or another process) writes: the backup API copies a consistent
snapshot. The copy is written beside the destination under a temporary name, checked
with `PRAGMA integrity_check`, and only then renamed into place, so an interrupted
backup never leaves a half-written file under the chosen name.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path

from reader_app.storage.errors import LibraryError, describe_error
from reader_app.storage.library_files import is_library_file
from reader_app.storage.rows import named_row

# One step: a WAL reader never blocks writers, and SQLite restarts a stepwise backup
# whenever another connection writes between steps (it might never finish).
PAGES_PER_STEP = -1


def backup_library(source: str | os.PathLike[str], destination: str | os.PathLike[str],
                   progress: Callable[[int, int], None] | None = None) -> Path:
    """Copy the library at source to destination; returns the destination path."""
    # Path() drops a trailing slash: "copies/" names a folder, never a file called "copies".
    wants_folder = str(destination).endswith(("/", os.sep))
    source, destination = Path(source), Path(destination)
    if wants_folder and not destination.is_dir():
        raise LibraryError(f"{destination}: no such folder")
    if destination.is_dir():
        destination = destination / source.name
    if is_library_file(destination, source):
        raise LibraryError(f"{destination}: is the library itself (or one of its -wal/-shm "
                           "files); choose another file")
    if not source.is_file():
        raise LibraryError(f"{source}: no such library")
    folder = destination.parent
    if not folder.is_dir():
        raise LibraryError(f"{folder}: no such folder")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{destination.name}.", suffix=".part", dir=folder)
    os.close(fd)  # a new file of our own, never the library
    tmp = Path(tmp_name)
    try:
        src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
        try:
            src.execute("PRAGMA busy_timeout = 5000")
            dst = sqlite3.connect(tmp)
            try:
                def step(status: int, remaining: int, total: int) -> None:
                    if progress is not None:
                        progress(total - remaining, total)
                src.backup(dst, pages=PAGES_PER_STEP, progress=step)
                # A standalone file: no -wal beside it is needed to read it.
                dst.execute("PRAGMA journal_mode = DELETE")
                result = named_row(dst, "PRAGMA integrity_check")
                check = result["integrity_check"] if result is not None else "no answer"
            finally:
                dst.close()
        finally:
            src.close()
        if check != "ok":
            raise LibraryError(f"{destination}: the copy failed its integrity check ({check})")
        os.replace(tmp, destination)
    except sqlite3.Error as e:
        raise LibraryError(describe_error(destination, e, "backup failed")) from None
    except OSError as e:
        raise LibraryError(
            f"{e.filename or destination}: backup failed ({e.strerror or e})") from None
    finally:
        tmp.unlink(missing_ok=True)
    return destination
