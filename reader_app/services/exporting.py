"""Export a library's tags, claims or actors to a CSV file with filters, progress and cancel
(the window's path; the command line streams the same rows)."""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from typing import NamedTuple

from sqlite_utils import Database

from reader_app.formats.csv_export import open_csv_output, write_csv
from reader_app.storage import export_rows as er
from reader_app.storage.errors import LibraryError
from reader_app.storage.library_files import is_library_file


class ExportCancelled(Exception):
    """The analyst cancelled; the target file is left as it was."""


class ExportTable(NamedTuple):
    label: str  # as the export dialog offers it
    noun: str  # what one row is, for messages
    columns: list[str]
    rows: Callable[..., er.RowStream]
    count: Callable[..., int]
    filters: tuple[str, ...]  # the ExportFilters fields that apply; the others are ignored


TABLES: dict[str, ExportTable] = {
    "annotations": ExportTable("All tags", "annotation", er.EXPORT_COLUMNS, er.iter_export_rows,
                               er.count_export_rows, ("kinds", "article_ids", "date_from", "date_to")),
    "claims": ExportTable("Claims only", "claim", er.CLAIM_COLUMNS, er.iter_claim_rows,
                          er.count_claim_rows, ("article_ids", "date_from", "date_to", "statuses")),
    # one row per actor in the whole library: no tag, article or date filter applies
    "actors": ExportTable("Actor list", "actor", er.ACTOR_COLUMNS, er.iter_actor_rows,
                          er.count_actor_rows, ()),
}


@dataclass(frozen=True)
class ExportFilters:
    kinds: list[str] | None = None
    article_ids: list[int] | None = None
    date_from: str | None = None  # inclusive ISO dates on articles.published
    date_to: str | None = None
    statuses: list[str] | None = None  # claims only
    table: str = "annotations"  # a key of TABLES

    def __post_init__(self) -> None:
        if self.table not in TABLES:
            raise ValueError(f"unknown export table {self.table!r}; one of {', '.join(TABLES)}")

    def as_kwargs(self) -> dict[str, object]:
        """The keyword arguments this table's row and count functions take."""
        return {name: getattr(self, name) for name in TABLES[self.table].filters}


def export_csv_file(
    db: Database,
    path: str | os.PathLike[str],
    filters: ExportFilters,
    *,
    raw: bool = False,
    progress: Callable[[int, int, str], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> int:
    """Write the CSV atomically; returns the number of rows. Raises ExportCancelled, and
    LibraryError for a path that is the library itself (or its -wal/-shm)."""
    library = db.execute("PRAGMA database_list").fetchone()[2]
    if library and is_library_file(path, library):
        raise LibraryError(f"{path}: is the library itself; choose another file name")
    table, kwargs = TABLES[filters.table], filters.as_kwargs()
    total = table.count(db, **kwargs)

    def on_progress(done: int) -> None:
        if should_cancel and should_cancel():
            raise ExportCancelled("export cancelled")
        if progress:
            progress(done, total, "")

    with er.export_reading(db):
        rows = table.rows(db, **kwargs)
        with closing(rows), open_csv_output(path, raw) as out:
            return write_csv(rows, table.columns, out, raw=raw, progress=on_progress)
