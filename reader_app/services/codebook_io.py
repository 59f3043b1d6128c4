"""The codebook to and from a REFI-QDA codebook file (.qdc), so a team shares one codebook.

Import merges by name: a file's code whose uuid or name (case-insensitive) the codebook has
is that code (left as it is); the others are added, under their parent. One transaction;
undo removes exactly the codes it added (same rows back on redo).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from reader_app.formats.qdc import read_qdc, write_qdc
from reader_app.services.changes import ChangeSet
from reader_app.services.interchange import _replace_atomically
from reader_app.services.merge_codes import add_codes, plan_codes
from reader_app.storage.article_rows import TableRows
from reader_app.storage.bundle_read import bundle_codes
from reader_app.storage.merge_rows import delete_rows, put_rows, snapshot_rows
from reader_app.storage.transaction import write


@dataclass(frozen=True)
class CodebookImport:
    origin: str
    added: TableRows  # the codebook rows the import added
    matched: int  # codes of the file the codebook had already
    notes: tuple[str, ...]  # codes left out, and why

    def summary(self) -> str:
        n = len(self.added.rows)
        line = (f"Imported {self.origin}: {n} new code{'s' * (n != 1)},"
                f" {self.matched} already in the codebook")
        return line + (f"; {len(self.notes)} left out" if self.notes else "")


def export_codebook(db: Database, path: str | Path) -> int:
    """Write the codebook to path (atomically); the number of codes."""
    codes = bundle_codes(db)
    _replace_atomically(Path(path), lambda out: write_qdc(codes, out))
    return len(codes)


def import_codebook(db: Database, path: str | Path) -> tuple[CodebookImport, ChangeSet]:
    """Merge a .qdc file into the codebook; BundleFormatError for a file that is not one."""
    path = Path(path)
    codes = read_qdc(path)
    with write(db):
        notes: list[str] = []
        kinds, new = plan_codes(db, codes, notes)
        ids = add_codes(db, new, kinds)
        record = CodebookImport(path.name, snapshot_rows(db, "codebook", ids),
                                len(codes) - len(new) - len(notes), tuple(notes))
        return record, ChangeSet(codebook=True)


def undo_import(db: Database, record: CodebookImport) -> ChangeSet:
    with write(db):
        ids = [int(r[0]) for r in record.added.rows]  # type: ignore[call-overload]
        in_use = db.execute(
            "SELECT count(*) FROM annotations WHERE kind IN (SELECT 'code:' || uuid FROM"
            f" codebook WHERE id IN ({', '.join('?' * len(ids))}))", ids).fetchone()[0] \
            if ids else 0
        if in_use:
            raise ValueError("the import cannot be undone: its codes are in use now")
        delete_rows(db, "codebook", ids)
        return ChangeSet(codebook=True)


def redo_import(db: Database, record: CodebookImport) -> ChangeSet:
    with write(db):
        put_rows(db, record.added)
        return ChangeSet(codebook=True)
