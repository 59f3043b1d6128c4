"""Undo commands for the codebook: each a thin wrapper over one services.codebook call."""

from __future__ import annotations

from typing import Any

from reader_app.domain.codebook import Code
from reader_app.gui.commands.host import CommandHost
from reader_app.gui.commands.tags import ServiceCommand
from reader_app.services import codebook, codebook_io
from reader_app.services.changes import ChangeSet
from reader_app.services.codebook import RemovedCode
from reader_app.services.codebook_io import CodebookImport

_FIELD_WORDS = {"name": "Rename", "colour": "Recolour", "key": "Set key of",
                "parent_id": "Move", "description": "Describe"}


class CreateCodeCommand(ServiceCommand):
    """A new code; undo removes it, redo brings back the same row (id, uuid)."""

    def __init__(self, host: CommandHost, name: str, **fields: Any) -> None:
        super().__init__(host, None, f"Create code {name!r}")
        self.name, self.fields = name, fields
        self.code: Code | None = None

    def _redo(self) -> ChangeSet:
        if self.code is None:
            self.code, changes = codebook.create(self.host.db, self.name, **self.fields)
            return changes
        return codebook.recreate(self.host.db, self.code)

    def _undo(self) -> ChangeSet:
        assert self.code is not None
        return codebook.uncreate(self.host.db, self.code)


class EditCodeCommand(ServiceCommand):
    """Rename, recolour, re-key, describe or re-parent one code; undo puts its row back."""

    def __init__(self, host: CommandHost, code: Code, **fields: Any) -> None:
        word = _FIELD_WORDS.get(next(iter(fields)), "Edit") if len(fields) == 1 else "Edit"
        super().__init__(host, None, f"{word} code {code.name!r}")
        self.code_id, self.fields = code.id, fields
        self.before: Code | None = None

    def _redo(self) -> ChangeSet:
        self.before, changes = codebook.edit(self.host.db, self.code_id, **self.fields)
        return changes

    def _undo(self) -> ChangeSet:
        assert self.before is not None
        return codebook.put_back(self.host.db, self.before)


class RemoveCodeCommand(ServiceCommand):
    """Merge a code into another (into_id, merge=True) or delete it (its tags, if any,
    moved to into_id); undo brings back the code, its subcodes' places and its tags."""

    def __init__(self, host: CommandHost, code: Code, into: Code | None, merge: bool) -> None:
        if merge and into is not None:
            text = f"Merge code {code.name!r} into {into.name!r}"
        else:
            text = f"Delete code {code.name!r}"
        super().__init__(host, None, text)
        self.code_id, self.into_id, self.merge = code.id, into.id if into else None, merge
        self.removed: RemovedCode | None = None

    def _redo(self) -> ChangeSet:
        db = self.host.db
        if self.merge:
            assert self.into_id is not None
            self.removed, changes = codebook.merge(db, self.code_id, self.into_id)
        else:
            self.removed, changes = codebook.delete(db, self.code_id, self.into_id)
        return changes

    def _undo(self) -> ChangeSet:
        assert self.removed is not None
        return codebook.unremove(self.host.db, self.removed)


class ImportCodebookCommand(ServiceCommand):
    """Merge a .qdc codebook into the codebook; undo removes the codes it added."""

    def __init__(self, host: CommandHost, path: str) -> None:
        super().__init__(host, None, "Import codebook")
        self.path = path
        self.record: CodebookImport | None = None

    def _redo(self) -> ChangeSet:
        if self.record is None:
            self.record, changes = codebook_io.import_codebook(self.host.db, self.path)
            return changes
        return codebook_io.redo_import(self.host.db, self.record)

    def _undo(self) -> ChangeSet:
        assert self.record is not None
        return codebook_io.undo_import(self.host.db, self.record)
