"""The undo command of a merge: one step however much it adds. Redo and undo are one
services.merging call each (apply, then undo_merge / redo_merge on the same record)."""

from __future__ import annotations

from reader_app.gui.commands.host import CommandHost
from reader_app.gui.commands.tags import ServiceCommand
from reader_app.services import merging
from reader_app.services.changes import ChangeSet


class MergeCommand(ServiceCommand):
    def __init__(self, host: CommandHost, plan: merging.MergePlan,
                 choices: merging.MergeChoices) -> None:
        super().__init__(host, None, f"Merge {plan.origin or 'library'}")
        self.plan, self.choices = plan, choices
        self.record: merging.MergeRecord | None = None
        self.summary = ""

    def _redo(self) -> ChangeSet:
        if self.record is not None:
            return merging.redo_merge(self.host.db, self.record)
        result = merging.apply_merge(self.host.db, self.plan, self.choices)
        self.record, self.summary = result.record, result.summary()
        return result.changes

    def _undo(self) -> ChangeSet:
        assert self.record is not None
        return merging.undo_merge(self.host.db, self.record)
