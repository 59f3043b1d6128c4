"""Export a library's tags, claims or actors to a CSV file with filters, progress and cancel
(the window's path; the command line streams the same rows)."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from typing import NamedTuple

from sqlite_utils import Database

from reader_app.formats.csv_export import open_csv_output, write_csv, write_header
from reader_app.services.shell_export import ShellUnfit, shell_command, shell_export
from reader_app.services.shell_sql import ShellCells
from reader_app.storage import export_rows as er
from reader_app.storage.errors import LibraryError
from reader_app.storage.library_files import is_library_file

_log = logging.getLogger(__name__)


class ExportCancelled(Exception):
    """The analyst cancelled; the target file is left as it was."""


class ExportTable(NamedTuple):
    label: str  # as the export dialog offers it
    noun: str  # what one row is, for messages
    columns: list[str]
    rows: Callable[..., er.RowStream]
    count: Callable[..., int]
    filters: tuple[str, ...]  # the ExportFilters fields that apply; the others are ignored
    # the same query as SQL text for the sqlite3 shell (services/shell_export.py); the actor
    # list is a row per actor, too few for a second process to pay off
    shell_sql: Callable[..., er.ExportSql] | None = None


TABLES: dict[str, ExportTable] = {
    "annotations": ExportTable("All tags", "annotation", er.EXPORT_COLUMNS, er.iter_export_rows,
                               er.count_export_rows, ("kinds", "article_ids", "date_from", "date_to"),
                               er.export_sql),
    "claims": ExportTable("Claims only", "claim", er.CLAIM_COLUMNS, er.iter_claim_rows,
                          er.count_claim_rows,
                          ("article_ids", "date_from", "date_to", "statuses", "claimant_ids",
                           "grades"),
                          er.claim_sql),
    # one row per actor in the whole library: no tag, article or date filter applies
    "actors": ExportTable("Actor list", "actor", er.ACTOR_COLUMNS, er.iter_actor_rows,
                          er.count_actor_rows, ()),
    # one row per article, with its tag counts and memo (the memo is on no tag row)
    "articles": ExportTable("Article list", "article", er.ARTICLE_COLUMNS, er.iter_article_rows,
                            er.count_article_rows, ("article_ids", "date_from", "date_to")),
}


@dataclass(frozen=True)
class ExportFilters:
    kinds: list[str] | None = None
    article_ids: list[int] | None = None
    date_from: str | None = None  # inclusive ISO dates on articles.published
    date_to: str | None = None
    statuses: list[str] | None = None  # claims only
    claimant_ids: list[int] | None = None  # claims only: these claimants' claims
    grades: list[tuple[str, int]] | None = None  # claims only: ("B", 2) for B2
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
    LibraryError for a path that is the library itself (or its -wal/-shm).

    With a sqlite3 shell on PATH (and READER_APP_PURE_EXPORT unset) the shell writes the
    rows; the file reads back (csv module) exactly as the pure path's would."""
    library = db.execute("PRAGMA database_list").fetchone()[2]
    if library and is_library_file(path, library):
        raise LibraryError(f"{path}: is the library itself; choose another file name")
    table, kwargs = TABLES[filters.table], filters.as_kwargs()
    shell = shell_command() if table.shell_sql and library and str(path) != "-" else None
    total = table.count(db, **kwargs)

    def check_cancel() -> None:
        if should_cancel and should_cancel():
            raise ExportCancelled("export cancelled")

    if shell and table.shell_sql:
        cells = ShellCells(raw=raw)
        sql = table.shell_sql(cells, **kwargs)

        def on_shell_progress(done: int) -> None:
            check_cancel()
            if progress:
                progress(min(done, total), total, "")

        try:
            with open_csv_output(path, raw) as out:
                write_header(out, table.columns)
                out.flush()
                written = shell_export(shell, library, sql, cells, out.fileno(),
                                       on_shell_progress)
                on_shell_progress(written)
                check_cancel()  # asked for during the last report: still before the rename
                return written
        except ShellUnfit as e:  # no file was put in place: the pure path starts afresh
            # (falling back rather than failing: see services/shell_export.py)
            _log.info("%s: exported without the sqlite3 shell (%s)", path, e)

    def on_progress(done: int) -> None:
        check_cancel()
        if progress:
            progress(done, total, "")

    with er.export_reading(db):
        rows = table.rows(db, **kwargs)
        with closing(rows), open_csv_output(path, raw) as out:
            written = write_csv(rows, table.columns, out, raw=raw, progress=on_progress)
            check_cancel()  # asked for during the last report: still before the rename
            return written
