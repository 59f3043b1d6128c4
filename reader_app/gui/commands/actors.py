"""Undo commands for canonical actors: relink a tag, rename/retype/re-alias, merge, delete.

Each inverse comes from storage (previous values, MergeRecord, the deleted Actor), so an
undo puts the library back with the same ids and uuids.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from reader_app.domain.actors import guess_actor_type, match_key
from reader_app.domain.models import ACTOR_TYPES, Actor, Annotation
from reader_app.gui.commands.tags import (
    PICK_MERGE_SECONDS,
    ControllerCommand,
    quoted,
    tag_of_kind,
)
from reader_app.storage.actor_merge import MergeRecord, merge_actors, unmerge
from reader_app.storage.actors import (
    actor_in_use,
    create_actor,
    delete_actor,
    find_actors_by_key,
    get_actor,
    link_annotation,
    restore_actor,
    set_aliases,
    update_actor,
)
from reader_app.storage.annotations import get_annotation
from reader_app.storage.transaction import write

if TYPE_CHECKING:
    from reader_app.gui.controller import LibraryController


class _ActorCommand(ControllerCommand):
    """A change to the actor list: not about one article, so undo opens none."""

    def __init__(self, controller: LibraryController, text: str) -> None:
        super().__init__(controller, None, text)

    def _emit_actors(self, *actor_ids: int, tags: tuple[Annotation, ...] = ()) -> None:
        self.controller.apply_changes(self.controller.actor_changes(actor_ids, tags))


class RelinkActorCommand(ControllerCommand):
    """Point an actor tag at another actor, or at a new one named new_name (created on
    the first redo, deleted on undo, restored with the same id on redo)."""

    def __init__(self, controller: LibraryController, annotation: Annotation,
                 actor_id: int | None, new_name: str | None, target_name: str) -> None:
        text = f"Link {quoted(annotation.quote)} to {target_name}"
        super().__init__(controller, annotation.article_id, text)
        self.annotation_id = annotation.id
        self.actor_id, self.new_name = actor_id, new_name
        self.created: Actor | None = None
        self.previous = annotation.actor_id

    def _redo(self) -> None:
        db = self.controller.db
        with write(db):
            if self.new_name is not None and self.created is None:
                name = self.new_name
                self.created = create_actor(db, name, guess_actor_type(name))
                self.actor_id = self.created.id
            elif self.created is not None:
                self.created = restore_actor(db, self.created)
            self.previous = link_annotation(db, self.annotation_id, self.actor_id)
        self._emit_changed(get_annotation(db, self.annotation_id), {"actor_id"},
                           (self.previous, self.actor_id))

    def _undo(self) -> None:
        db = self.controller.db
        with write(db):
            link_annotation(db, self.annotation_id, self.previous)
            if self.created is not None:
                self.created = delete_actor(db, self.created.id)
        self._emit_changed(get_annotation(db, self.annotation_id), {"actor_id"},
                           (self.previous, self.actor_id))


class EditActorCommand(_ActorCommand):
    """Rename, retype or re-note an actor (update_actor with the old values undoes it)."""

    def __init__(self, controller: LibraryController, actor: Actor, new: dict[str, Any],
                 text: str) -> None:
        super().__init__(controller, text)
        self.actor_id = actor.id
        self.old = {k: getattr(actor, k) for k in new}
        self.new = dict(new)
        self.made_at = time.monotonic()

    def id(self) -> int:
        return 2001 if set(self.new) == {"type"} else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt override
        """Types picked in quick succession (arrow keys in the combo) are one step."""
        if (not isinstance(other, EditActorCommand) or other.isObsolete()
                or other.actor_id != self.actor_id
                or other.made_at - self.made_at > PICK_MERGE_SECONDS):
            return False
        self.new, self.made_at = dict(other.new), other.made_at
        self.setText(other.text())
        self.setObsolete(self.new == self.old)
        return True

    def _redo(self) -> None:
        update_actor(self.controller.db, self.actor_id, **self.new)
        self._emit_actors(self.actor_id)

    def _undo(self) -> None:
        update_actor(self.controller.db, self.actor_id, **self.old)
        self._emit_actors(self.actor_id)


class SetAliasesCommand(_ActorCommand):
    def __init__(self, controller: LibraryController, actor: Actor, aliases: list[str]) -> None:
        super().__init__(controller, f"Change aliases of {actor.name}")
        self.actor_id = actor.id
        self.aliases = tuple(aliases)
        self.previous = actor.aliases

    def _redo(self) -> None:
        self.previous = set_aliases(self.controller.db, self.actor_id, self.aliases)
        self._emit_actors(self.actor_id)

    def _undo(self) -> None:
        set_aliases(self.controller.db, self.actor_id, self.previous)
        self._emit_actors(self.actor_id)


class MergeActorsCommand(_ActorCommand):
    """Fold one actor into another; undo (unmerge) restores both and every link exactly."""

    def __init__(self, controller: LibraryController, keep: Actor, drop: Actor) -> None:
        super().__init__(controller, f"Merge {drop.name} into {keep.name}")
        self.keep_id, self.drop_id = keep.id, drop.id
        self.record: MergeRecord | None = None

    def _redo(self) -> None:
        self.record = merge_actors(self.controller.db, self.keep_id, self.drop_id)
        self._emit_moved(self.record)

    def _undo(self) -> None:
        assert self.record is not None
        unmerge(self.controller.db, self.record)
        self._emit_moved(self.record)

    def _emit_moved(self, record: MergeRecord) -> None:
        """Tags that changed actor or claimant, and both actors."""
        moved = sorted(set(record.moved_mentions) | set(record.moved_claims))
        tags = tuple(get_annotation(self.controller.db, i) for i in moved)
        self._emit_actors(self.keep_id, self.drop_id, tags=tags)


class DeleteActorCommand(_ActorCommand):
    """Delete an unused actor; undo restores it with the same id, uuid and aliases."""

    def __init__(self, controller: LibraryController, actor: Actor) -> None:
        super().__init__(controller, f"Delete actor {actor.name}")
        self.actor = actor

    def _redo(self) -> None:
        self.actor = delete_actor(self.controller.db, self.actor.id)
        self._emit_actors(self.actor.id)

    def _undo(self) -> None:
        self.actor = restore_actor(self.controller.db, self.actor)
        self._emit_actors(self.actor.id)


# -- what the controller's intents push (None: nothing to change) -------------------------
# They raise ValueError / NotFound with a message for the analyst; the controller reports it.


def _clean_name(name: str | None) -> str:
    return " ".join((name or "").split())


def relink_command(controller: LibraryController, annotation_id: int, actor_id: int | None,
                   new_name: str | None) -> ControllerCommand | None:
    ann = tag_of_kind(controller, annotation_id, "actor")
    name = _clean_name(new_name)
    if actor_id is None and name:
        # an actor of exactly that name already exists: link it rather than a twin
        same = [a for a in find_actors_by_key(controller.db, name)
                if match_key(a.name) == match_key(name)]
        if not same:
            return RelinkActorCommand(controller, ann, None, name, f"new actor {name}")
        actor_id = same[0].id
    if actor_id == ann.actor_id:
        return None
    target = get_actor(controller.db, actor_id).name if actor_id is not None else "no actor"
    return RelinkActorCommand(controller, ann, actor_id, None, target)


def edit_actor_command(controller: LibraryController, actor_id: int,
                       **new: Any) -> ControllerCommand | None:
    """Rename (name), retype (type) or re-note (note) an actor: one field per call."""
    actor = get_actor(controller.db, actor_id)
    [(field, value)] = new.items()
    if field == "name":
        value = _clean_name(value)
        if not match_key(value):
            raise ValueError("An actor's name cannot be empty.")
        text = f"Rename {actor.name} to {value}"
    elif field == "type":
        if value not in ACTOR_TYPES:
            raise ValueError(f"Unknown actor type {value!r}.")
        text = f"Make {actor.name} {value.replace('_', ' ')}"
    else:
        value = value or None
        text = f"Edit note of {actor.name}"
    if getattr(actor, field) == value:
        return None
    return EditActorCommand(controller, actor, {field: value}, text)


def aliases_command(controller: LibraryController, actor_id: int,
                    aliases: list[str]) -> ControllerCommand | None:
    actor = get_actor(controller.db, actor_id)
    cleaned = [a for a in (_clean_name(x) for x in aliases) if match_key(a)]
    if tuple(cleaned) == actor.aliases:
        return None
    return SetAliasesCommand(controller, actor, cleaned)


def merge_command(controller: LibraryController, keep_id: int,
                  drop_id: int) -> ControllerCommand:
    if keep_id == drop_id:
        raise ValueError("Pick two different actors to merge.")
    return MergeActorsCommand(controller, get_actor(controller.db, keep_id),
                              get_actor(controller.db, drop_id))


def delete_actor_command(controller: LibraryController, actor_id: int) -> ControllerCommand:
    actor = get_actor(controller.db, actor_id)
    if actor_in_use(controller.db, actor_id):
        raise ValueError(f"{actor.name} is still used by tags or claims; relink them or "
                         "merge the actor into another one first.")
    return DeleteActorCommand(controller, actor)
