"""Import many files into a library: shared by the command line and the window.

Each file is read and checked on its own; a refused file never stops the
batch and leaves nothing behind. Parsed articles are stored in chunks, one
transaction each, which is what makes a 10,000-file import fast.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlite_utils import Database

from reader_app.domain.models import ImportedArticle
from reader_app.formats.importers import ImportRefused, collect_paths, read_article
from reader_app.storage.articles import AddResult, add_articles

CHUNK = 200


@dataclass
class ImportReport:
    created: list[AddResult] = field(default_factory=list)
    duplicates: list[tuple[str, AddResult]] = field(default_factory=list)  # (file name, existing)
    refused: list[str] = field(default_factory=list)  # one line each, naming the file
    warnings: list[str] = field(default_factory=list)
    cancelled: bool = False

    @property
    def failed(self) -> bool:
        return bool(self.refused)

    def summary(self) -> str:
        parts = [f"Imported {len(self.created)} article{'s' if len(self.created) != 1 else ''}"]
        if self.duplicates:
            parts.append(f"{len(self.duplicates)} already present")
        if self.refused:
            parts.append(f"{len(self.refused)} refused")
        text = ", ".join(parts) + "."
        return text + (" Cancelled before the end." if self.cancelled else "")


def import_paths(
    db: Database,
    paths: Iterable[str | os.PathLike],
    *,
    progress: Callable[[int, int, str], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> ImportReport:
    """Import files and folders (recursively). progress(done, total, name)."""
    report = ImportReport()
    try:
        files = collect_paths(paths)
    except ImportRefused as e:
        report.refused.append(str(e))
        return report
    pending: list[tuple[str, ImportedArticle]] = []
    for done, path in enumerate(files, 1):
        if should_cancel and should_cancel():
            report.cancelled = True
            break
        try:
            item = read_article(path)
        except ImportRefused as e:
            report.refused.append(str(e))
        else:
            pending.append((path.name, item))
        if len(pending) >= CHUNK:
            _store(db, pending, report)
        if progress:
            progress(done, len(files), path.name)
    _store(db, pending, report)
    return report


def _store(db: Database, pending: list[tuple[str, ImportedArticle]], report: ImportReport) -> None:
    if not pending:
        return
    results = add_articles(db, [item for _, item in pending])
    for (name, item), result in zip(pending, results):
        if result.created:
            report.created.append(result)
            report.warnings += [f"{name}: {w}" for w in item.warnings]
        else:
            report.duplicates.append((name, result))
    pending.clear()


def describe_duplicate(name: str, result: AddResult) -> str:
    return f"{name}: already in the library as “{result.title}” (article {result.article_id})"

