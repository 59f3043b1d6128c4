"""Import many files into a library: shared by the command line and the window.

Each file is read and checked on its own; a refused file (or one that cannot be
stored) never stops the batch and leaves nothing behind. Parsed articles are
stored in short batches, one write transaction each: few enough articles and
characters that a transaction holds the write lock for well under 100 ms, so
tags made in the window meanwhile interleave with the import instead of
waiting for it. Cancel reaches into the file being read. When the library
itself fails (disk full, busy, read-only), the import stops and the report
says how many files were stored before it stopped.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from sqlite_utils import Database

from reader_app.domain.models import ImportedArticle
from reader_app.formats.importers import (
    ImportCancelled,
    ImportRefused,
    collect_paths,
    printable_name,
    read_article,
)
from reader_app.storage.articles import (
    AddResult,
    add_articles,
    import_cache,
    import_checkpoints,
)
from reader_app.storage.library_files import library_file_ids

# A batch of 200 news articles (~650,000 characters) holds the write lock ~30 ms. Smaller
# batches cost more in all: each commit writes every page of the sha256, title and date
# indexes that its rows touched, and a new search-index segment (at 50 articles per
# batch, the commits of 10,000 took 1.7 times as long).
CHUNK = 200  # articles per write transaction, at most
CHUNK_CHARS = 800_000  # characters of text per write transaction, at most (FTS indexes them)


@dataclass
class ImportReport:
    created: list[AddResult] = field(default_factory=list)
    duplicates: list[tuple[str, AddResult]] = field(default_factory=list)  # (file name, existing)
    refused: list[str] = field(default_factory=list)  # one line each, naming the file
    warnings: list[str] = field(default_factory=list)
    cancelled: bool = False
    total: int = 0  # files found
    read: int = 0  # files read (stored, already present or refused) before the end
    stopped: str | None = None  # why the library stopped the import early, if it did

    @property
    def failed(self) -> bool:
        return bool(self.refused or self.stopped)

    def summary(self) -> str:
        n = len(self.created)
        parts = [f"Imported {n} article{'s' if n != 1 else ''}"]
        if self.duplicates:
            parts.append(f"{len(self.duplicates)} already present")
        if self.refused:
            parts.append(f"{len(self.refused)} refused")
        text = ", ".join(parts) + "."
        kept = f"the {n} stored before stay{'s' if n == 1 else ''} in the library" if n else (
            "nothing was stored")
        if self.stopped:
            text += (f" Stopped after {self.read} of {self.total} files: {self.stopped};"
                     f" {kept}.")
        elif self.cancelled:
            text += f" Cancelled before the end, after {self.read} of {self.total} files; {kept}."
        return text


def import_paths(
    db: Database,
    paths: Iterable[str | os.PathLike[str]],
    *,
    progress: Callable[[int, int, str], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> ImportReport:
    """Import files and folders (recursively). progress(done, total, name), with a
    printable name. Never raises for a file; a failing library ends it (report.stopped)."""
    report = ImportReport()
    try:
        files = collect_paths(paths)
    except ImportRefused as e:
        report.refused.append(str(e))
        return report
    report.total = len(files)
    # The library (or its -wal/-shm) dropped on the window: reading it with plain file
    # I/O would drop SQLite's locks on it for the whole process. Never open it.
    library = db.execute("PRAGMA database_list").fetchone()[2]
    own = library_file_ids(library) if library else set()
    pending: list[tuple[str, ImportedArticle]] = []
    chars = 0
    try:
        # batches re-read fewer index pages, and copy them from the WAL less often
        with import_cache(db), import_checkpoints(db):
            for done, path in enumerate(files, 1):
                if should_cancel and should_cancel():
                    report.cancelled = True
                    break
                name = printable_name(path.name)
                try:
                    item = read_article(path, should_cancel, own)
                except ImportCancelled:
                    report.cancelled = True
                    break
                except ImportRefused as e:
                    report.refused.append(str(e))
                except Exception as e:  # noqa: BLE001 - one file never stops the batch
                    report.refused.append(_refusal(path, f"unexpected {type(e).__name__}"))
                else:
                    pending.append((name, item))
                    chars += len(item.text)
                report.read = done
                if len(pending) >= CHUNK or chars >= CHUNK_CHARS:
                    _store(db, pending, report)
                    chars = 0
                if progress:
                    progress(done, len(files), name)
            _store(db, pending, report)
    except sqlite3.DatabaseError as e:  # the library failed, not a file: stop, say how far
        report.stopped = str(e) or type(e).__name__
        report.read -= len(pending)  # read, but not stored: the transaction rolled back
        pending.clear()
    return report


def _store(db: Database, pending: list[tuple[str, ImportedArticle]], report: ImportReport) -> None:
    """One short transaction for pending; an article the library will not take (a
    bug, odd text) is refused alone. sqlite3.DatabaseError (disk full, busy,
    read-only) propagates: the library failed, not the file."""
    if not pending:
        return
    items = [item for _, item in pending]
    results: Sequence[AddResult | None] | None  # None in it: that article was refused
    try:
        results = add_articles(db, items)
    except sqlite3.DatabaseError as e:
        if not isinstance(e, sqlite3.IntegrityError):
            raise
        results = None
    except Exception:  # noqa: BLE001 - find the article at fault, store the others
        results = None
    if results is None:
        one_by_one: list[AddResult | None] = []
        results = one_by_one
        for name, item in pending:
            try:
                one_by_one.append(add_articles(db, [item])[0])
            except sqlite3.DatabaseError as e:
                if not isinstance(e, sqlite3.IntegrityError):
                    raise
                one_by_one.append(None)
                report.refused.append(f"{name}: refused: could not be stored ({e})")
            except Exception as e:  # noqa: BLE001
                one_by_one.append(None)
                report.refused.append(f"{name}: refused: could not be stored ({type(e).__name__})")
    for (name, item), result in zip(pending, results, strict=False):
        if result is None:
            continue
        if result.created:
            report.created.append(result)
            report.warnings += [f"{name}: {w}" for w in item.warnings]
        else:
            report.duplicates.append((name, result))
    pending.clear()


def _refusal(path: str | os.PathLike[str], reason: str) -> str:
    return str(ImportRefused(path, reason))


def describe_duplicate(name: str, result: AddResult) -> str:
    return f"{name}: already in the library as “{result.title}” (article {result.article_id})"
