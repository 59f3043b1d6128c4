"""Reading the OTHER side of a merge as a Bundle: another library (found by SQLite
itself, whatever its name) or a file one of the interchange readers handles (by suffix).

The readers live in formats/ and are loaded only when such a file is merged; one that is
not part of this version gives a clear BundleFormatError, like any unreadable file.
"""

from __future__ import annotations

import importlib
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from reader_app.domain.interchange import Bundle, BundleFormatError
from reader_app.storage.bundle_read import read_bundle
from reader_app.storage.database import LibraryError, open_library
from reader_app.storage.errors import advice
from reader_app.storage.library_files import is_library_file

LIBRARY_SUFFIXES = (".db", ".sqlite", ".sqlite3")
# suffix -> (module, function, what the analyst calls the format)
READERS: dict[str, tuple[str, str, str]] = {
    ".qdpx": ("reader_app.formats.qdpx_read", "read_qdpx", "REFI-QDA project"),
    ".jsonld": ("reader_app.formats.w3c", "read_w3c", "W3C Web Annotation"),
    ".json": ("reader_app.formats.w3c", "read_w3c", "W3C Web Annotation"),
    ".ann": ("reader_app.formats.brat", "read_brat", "brat standoff"),
    ".jsonl": ("reader_app.formats.ml_jsonl", "read_jsonl", "JSON Lines"),
}


def is_sqlite(path: Path) -> bool:
    """The file is a SQLite database, asked of SQLite itself (mode=ro): a plain open() of
    a file SQLite has open in this process would drop its locks (DESIGN.md)."""
    try:
        if path.stat().st_size == 0:
            return False
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except (OSError, sqlite3.Error) as e:
        raise BundleFormatError(f"{path.name}: cannot be read ({e})") from None
    try:
        conn.execute("PRAGMA schema_version").fetchone()
        return True
    except sqlite3.DatabaseError as e:
        # not a database at all; any other error (damage) is read_library's to word
        return getattr(e, "sqlite_errorname", "") != "SQLITE_NOTADB"
    finally:
        conn.close()


def read_library(path: Path) -> Bundle:
    """Another library, opened read-only (nothing in it is changed, not even its journal
    mode), read whole."""
    try:
        db = open_library(path, create=False, read_only=True)
    except LibraryError as e:
        raise BundleFormatError(f"{path.name}: {_after_path(str(e), path)}") from None
    try:
        return read_bundle(db, origin=path.name)
    except sqlite3.DatabaseError as e:
        raise BundleFormatError(f"{path.name}: damaged library ({advice(e)})") from None
    finally:
        db.close()


def _after_path(message: str, path: Path) -> str:
    """LibraryError's message without the full path it starts with."""
    head = f"{path}: "
    return message[len(head):] if message.startswith(head) else message


def reader_for(path: Path, suffix: str | None = None) -> Callable[[Path], Bundle]:
    """The reader of path's format (by its suffix, or the one given), loaded on first use;
    BundleFormatError naming path when there is none."""
    suffix = suffix or path.suffix.lower()
    if suffix not in READERS:
        known = ", ".join(sorted({*LIBRARY_SUFFIXES, *READERS}))
        raise BundleFormatError(f"{path.name}: not a library nor a file Analyst Reader can"
                                f" merge ({known})")
    module, function, _what = READERS[suffix]
    found: Callable[[Path], Bundle] = getattr(importlib.import_module(module), function)
    return found


def is_interchange_path(path: str | os.PathLike[str]) -> bool:
    """A file (or brat folder) that enters the library as tags, through a merge, rather
    than as one article: .qdpx, W3C .jsonld/.json, brat .ann, JSON Lines .jsonl, or a brat
    folder (formats.brat.is_brat_folder: some .ann with its .txt, no .txt without its .ann;
    any other folder is one of articles)."""
    path = Path(path)
    if path.is_dir():
        from reader_app.formats.brat import is_brat_folder  # loaded only when asked

        try:
            return is_brat_folder(path)
        except OSError:
            return False
    return path.suffix.lower() in READERS


def read_other(path: str | os.PathLike[str],
               library: str | os.PathLike[str] | None = None) -> Bundle:
    """OTHER as a Bundle; library: the open library's file, refused as OTHER.
    BundleFormatError (one line naming the file) for anything that cannot be read."""
    path = Path(path)
    if library is not None and is_library_file(path, library):
        raise BundleFormatError(f"{path.name}: this is the open library itself; choose another"
                                " analyst's library")
    if not path.exists():
        raise BundleFormatError(f"{path.name}: no such file")
    if path.is_dir():  # brat's own layout: a folder of .txt and .ann pairs
        return reader_for(path, ".ann")(path)
    # an interchange file goes to its reader without SQLite ever opening it (a file SQLite
    # has opened in this process must not be read with plain I/O: DESIGN.md)
    if path.suffix.lower() not in READERS and is_sqlite(path):
        return read_library(path)
    if path.suffix.lower() in LIBRARY_SUFFIXES:
        raise BundleFormatError(f"{path.name}: not an Analyst Reader library (not a SQLite"
                                " database)")
    if path.suffix.lower() == ".jsonl":  # JSON Lines for ML, or W3C annotations one a line
        try:
            return reader_for(path)(path)
        except BundleFormatError as first:
            try:
                return reader_for(path, ".jsonld")(path)
            except BundleFormatError:
                raise first from None
    return reader_for(path)(path)
