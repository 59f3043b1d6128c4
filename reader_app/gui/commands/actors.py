"""Undo commands for canonical actors: relink a tag, rename/retype/re-note, aliases, merge,
delete. Each redo/undo is one actor_ops call; the factories below check a request through
actor_ops.plan_* and word the undo step.

The factories raise ValueError / NotFound with a message for the analyst (the host reports
it) and return None when nothing would change.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtGui import QUndoCommand

from reader_app.domain.models import Actor
from reader_app.gui.commands.host import CommandHost
from reader_app.gui.commands.tags import PICK_MERGE_SECONDS, ServiceCommand, quoted
from reader_app.services import actor_ops
from reader_app.services.actor_ops import Relink, Relinked
from reader_app.services.changes import ChangeSet
from reader_app.storage.actor_merge import MergeRecord


class RelinkActorCommand(ServiceCommand):
    """Point an actor tag at another actor, or at a new one (created on the first redo,
    deleted on undo, restored with the same id on redo)."""

    def __init__(self, host: CommandHost, request: Relink, target_name: str) -> None:
        text = f"Link {quoted(request.annotation.quote)} to {target_name}"
        super().__init__(host, request.annotation.article_id, text)
        self.request = request
        self.done: Relinked | None = None

    def _redo(self) -> ChangeSet:
        if self.done is None:
            self.done, changes = actor_ops.relink(self.host.db, self.request)
        else:
            self.done, changes = actor_ops.relink_again(self.host.db, self.done)
        return changes

    def _undo(self) -> ChangeSet:
        assert self.done is not None
        self.done, changes = actor_ops.unrelink(self.host.db, self.done)
        return changes


class _ActorCommand(ServiceCommand):
    """A change to the actor list: not about one article, so undo opens none."""

    def __init__(self, host: CommandHost, text: str) -> None:
        super().__init__(host, None, text)


class EditActorCommand(_ActorCommand):
    """Rename, retype or re-note an actor (edit_actor with the old values undoes it)."""

    def __init__(self, host: CommandHost, actor: Actor, new: dict[str, Any],
                 text: str) -> None:
        super().__init__(host, text)
        self.actor_id = actor.id
        self.old = {k: getattr(actor, k) for k in new}
        self.new = dict(new)
        self.made_at = time.monotonic()

    def id(self) -> int:
        return 2001 if set(self.new) == {"type"} else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Types of one actor picked in quick succession (arrow keys in the combo) are
        one step."""
        if (not isinstance(other, EditActorCommand) or other.isObsolete()
                or other.actor_id != self.actor_id
                or other.new.keys() != self.new.keys()
                or other.made_at - self.made_at > PICK_MERGE_SECONDS):
            return False
        self.new, self.made_at = dict(other.new), other.made_at
        self.setText(other.text())
        self.setObsolete(self.new == self.old)
        return True

    def _redo(self) -> ChangeSet:
        _, changes = actor_ops.edit_actor(self.host.db, self.actor_id, self.new)
        return changes

    def _undo(self) -> ChangeSet:
        _, changes = actor_ops.edit_actor(self.host.db, self.actor_id, self.old)
        return changes


class SetAliasesCommand(_ActorCommand):
    def __init__(self, host: CommandHost, actor: Actor, aliases: tuple[str, ...]) -> None:
        super().__init__(host, f"Change aliases of {actor.name}")
        self.actor_id = actor.id
        self.aliases = aliases
        self.previous = actor.aliases

    def _redo(self) -> ChangeSet:
        self.previous, changes = actor_ops.set_aliases(self.host.db, self.actor_id,
                                                       self.aliases)
        return changes

    def _undo(self) -> ChangeSet:
        _, changes = actor_ops.set_aliases(self.host.db, self.actor_id, self.previous)
        return changes


class MergeActorsCommand(_ActorCommand):
    """Fold one actor into another; undo restores both and every link exactly."""

    def __init__(self, host: CommandHost, keep: Actor, drop: Actor) -> None:
        super().__init__(host, f"Merge {drop.name} into {keep.name}")
        self.keep_id, self.drop_id = keep.id, drop.id
        self.record: MergeRecord | None = None

    def _redo(self) -> ChangeSet:
        self.record, changes = actor_ops.merge(self.host.db, self.keep_id, self.drop_id)
        return changes

    def _undo(self) -> ChangeSet:
        assert self.record is not None
        return actor_ops.undo_merge(self.host.db, self.record)


class DeleteActorCommand(_ActorCommand):
    """Delete an unused actor; undo restores it with the same id, uuid and aliases."""

    def __init__(self, host: CommandHost, actor: Actor) -> None:
        super().__init__(host, f"Delete actor {actor.name}")
        self.actor = actor

    def _redo(self) -> ChangeSet:
        self.actor, changes = actor_ops.delete_actor(self.host.db, self.actor.id)
        return changes

    def _undo(self) -> ChangeSet:
        self.actor, changes = actor_ops.restore_actor(self.host.db, self.actor)
        return changes


# -- what the host's intents push (None: nothing to change) ------------------------------


def relink_command(host: CommandHost, annotation_id: int, actor_id: int | None,
                   new_name: str | None) -> ServiceCommand | None:
    request = actor_ops.plan_relink(host.db, annotation_id, actor_id, new_name)
    if request is None:
        return None
    target = (f"new actor {request.new_name}" if request.new_name is not None
              else request.target_name or "no actor")
    return RelinkActorCommand(host, request, target)


def edit_actor_command(host: CommandHost, actor_id: int, **new: Any) -> ServiceCommand | None:
    """Rename (name), retype (type) or re-note (note) an actor: one field per call."""
    [(field, value)] = new.items()
    edit = actor_ops.plan_actor_edit(host.db, actor_id, field, value)
    if edit is None:
        return None
    name = edit.actor.name
    if field == "name":
        text = f"Rename {name} to {edit.value}"
    elif field == "type":
        text = f"Make {name} {edit.value.replace('_', ' ')}"
    else:
        text = f"Edit note of {name}"
    return EditActorCommand(host, edit.actor, {field: edit.value}, text)


def aliases_command(host: CommandHost, actor_id: int,
                    aliases: list[str]) -> ServiceCommand | None:
    planned = actor_ops.plan_aliases(host.db, actor_id, aliases)
    if planned is None:
        return None
    actor, cleaned = planned
    return SetAliasesCommand(host, actor, cleaned)


def merge_command(host: CommandHost, keep_id: int, drop_id: int) -> ServiceCommand:
    keep, drop = actor_ops.plan_merge(host.db, keep_id, drop_id)
    return MergeActorsCommand(host, keep, drop)


def delete_actor_command(host: CommandHost, actor_id: int) -> ServiceCommand:
    return DeleteActorCommand(host, actor_ops.plan_delete(host.db, actor_id))
