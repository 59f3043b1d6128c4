"""Export a library's tags to a CSV file with filters, progress and cancel (the window's path)."""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass

from sqlite_utils import Database

from reader_app.formats.csv_export import open_csv_output, write_csv
from reader_app.storage.export_rows import EXPORT_COLUMNS, count_export_rows, iter_export_rows


class ExportCancelled(Exception):
    """The analyst cancelled; the target file is left as it was."""


@dataclass(frozen=True)
class ExportFilters:
    kinds: list[str] | None = None
    article_ids: list[int] | None = None
    date_from: str | None = None  # inclusive ISO dates on articles.published
    date_to: str | None = None

    def as_kwargs(self) -> dict:
        return {"kinds": self.kinds, "article_ids": self.article_ids,
                "date_from": self.date_from, "date_to": self.date_to}


def export_csv_file(
    db: Database,
    path: str | os.PathLike,
    filters: ExportFilters,
    *,
    raw: bool = False,
    progress: Callable[[int, int, str], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> int:
    """Write the CSV atomically; returns the number of rows. Raises ExportCancelled."""
    total = count_export_rows(db, **filters.as_kwargs())

    def on_progress(done: int) -> None:
        if should_cancel and should_cancel():
            raise ExportCancelled("export cancelled")
        if progress:
            progress(done, total, "")

    rows = iter_export_rows(db, **filters.as_kwargs())
    with closing(rows), open_csv_output(path, raw) as out:
        return write_csv(rows, EXPORT_COLUMNS, out, raw=raw, progress=on_progress)
