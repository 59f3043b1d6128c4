"""Actor operations: relink an actor tag, rename/retype/re-note, aliases, merge, delete.

plan_* check a request and raise ValueError / NotFound with a message for the analyst
(None: nothing would change); the operations write, each in one transaction, and return
what their inverse takes with the ChangeSet of the new state. Inverses put the library
back with the same ids and uuids (previous values, the MergeRecord, the deleted Actor).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from reader_app.domain.actors import guess_actor_type, match_key
from reader_app.domain.models import ACTOR_TYPES, Actor, ActorId, Annotation, AnnotationId
from reader_app.services.changes import ChangeSet
from reader_app.services.readback import actor_changes, describe
from reader_app.services.tagging import tag_of_kind
from reader_app.storage import actors as store
from reader_app.storage.actor_merge import MergeRecord, merge_actors, unmerge
from reader_app.storage.annotations import get_annotation, get_annotations
from reader_app.storage.transaction import write

ACTOR_FIELDS = ("name", "type", "note")  # what edit_actor changes, one per request
_NAMED = {"name", "type"}  # fields a claims-list row shows (claimant, claimant_type)


def clean_name(name: str | None) -> str:
    """A typed name with runs of white space made one space, ends trimmed."""
    return " ".join((name or "").split())


# -- relink an actor tag --------------------------------------------------------------------


@dataclass(frozen=True)
class Relink:
    """A checked request: point an actor tag at actor_id, or at a new actor named
    new_name (actor_id None and new_name None: unlink)."""

    annotation: Annotation
    actor_id: ActorId | None
    new_name: str | None = None
    target_name: str | None = None  # the name of actor_id, for the undo step's words


@dataclass(frozen=True)
class Relinked:
    """What undoing a relink needs."""

    annotation_id: AnnotationId
    previous: ActorId | None  # the actor it pointed at before
    actor_id: ActorId | None  # the actor it points at now
    created: Actor | None  # an actor created for it: gone on undo, back on redo


def plan_relink(db: Database, annotation_id: int, actor_id: int | None,
                new_name: str | None) -> Relink | None:
    """An actor of exactly the new name (match key) is linked rather than a twin made."""
    ann = tag_of_kind(db, annotation_id, "actor")
    name = clean_name(new_name)
    if actor_id is None and name:
        same = [a for a in store.find_actors_by_key(db, name)
                if match_key(a.name) == match_key(name)]
        if not same:
            return Relink(ann, None, name)
        actor_id = same[0].id
    if actor_id == ann.actor_id:
        return None
    if actor_id is None:
        return Relink(ann, None)
    target = store.get_actor(db, actor_id)
    return Relink(ann, target.id, target_name=target.name)


def relink(db: Database, request: Relink) -> tuple[Relinked, ChangeSet]:
    """Inverse: unrelink."""
    with write(db):
        created = None
        actor_id = request.actor_id
        if request.new_name is not None:
            name = request.new_name
            created = store.create_actor(db, name, guess_actor_type(name))
            actor_id = created.id
        return _link(db, request.annotation.id, actor_id, created)


def unrelink(db: Database, done: Relinked) -> tuple[Relinked, ChangeSet]:
    """Undo relink: the tag points at its previous actor; an actor created for it goes."""
    with write(db):
        before = get_annotation(db, done.annotation_id)
        store.link_annotation(db, done.annotation_id, done.previous)
        created = done.created
        if created is not None:
            created = store.delete_actor(db, created.id)
        # the created actor is among the actors the tag left: its row goes
        changes = describe(db, changed=[(before, get_annotation(db, done.annotation_id))],
                           fields={"actor_id"})
        return Relinked(done.annotation_id, done.previous, done.actor_id, created), changes


def relink_again(db: Database, done: Relinked) -> tuple[Relinked, ChangeSet]:
    """Redo relink after unrelink: the created actor comes back with the same id and uuid."""
    with write(db):
        created = done.created
        if created is not None:
            created = store.restore_actor(db, created)
        return _link(db, done.annotation_id, done.actor_id, created)


def _link(db: Database, annotation_id: int, actor_id: ActorId | None,
          created: Actor | None) -> tuple[Relinked, ChangeSet]:
    before = get_annotation(db, annotation_id)
    previous = store.link_annotation(db, annotation_id, actor_id)
    changes = describe(db, changed=[(before, get_annotation(db, annotation_id))],
                       fields={"actor_id"})
    return Relinked(before.id, previous, actor_id, created), changes


# -- rename, retype, re-note, aliases -----------------------------------------------------


@dataclass(frozen=True)
class ActorEdit:
    """A checked request to change one field of an actor."""

    actor: Actor  # as it is now
    field: str
    value: Any  # cleaned


def plan_actor_edit(db: Database, actor_id: int, field: str, value: Any) -> ActorEdit | None:
    actor = store.get_actor(db, actor_id)
    if field == "name":
        value = clean_name(value)
        if not match_key(value):
            raise ValueError("An actor's name cannot be empty.")
    elif field == "type":
        if value not in ACTOR_TYPES:
            raise ValueError(f"Unknown actor type {value!r}.")
    elif field == "note":
        value = value or None
    else:
        raise ValueError(f"An actor has no field {field}.")
    if getattr(actor, field) == value:
        return None
    return ActorEdit(actor, field, value)


def edit_actor(db: Database, actor_id: int,
               fields: dict[str, Any]) -> tuple[dict[str, Any], ChangeSet]:
    """Set name/type/note (storage checks them); returns the old values (the inverse:
    edit_actor with them). A new name or type shows in the rows of the actor's claims."""
    with write(db):
        before = store.get_actor(db, actor_id)
        store.update_actor(db, actor_id, **fields)
        old = {k: getattr(before, k) for k in fields}
        return old, actor_changes(db, [actor_id], with_claims=bool(_NAMED & set(fields)))


def plan_aliases(db: Database, actor_id: int,
                 aliases: Iterable[str]) -> tuple[Actor, tuple[str, ...]] | None:
    """The actor and its aliases cleaned (blank ones dropped); None when they are its
    aliases already."""
    actor = store.get_actor(db, actor_id)
    cleaned = tuple(a for a in (clean_name(x) for x in aliases) if match_key(a))
    return None if cleaned == actor.aliases else (actor, cleaned)


def set_aliases(db: Database, actor_id: int,
                aliases: Iterable[str]) -> tuple[tuple[str, ...], ChangeSet]:
    """Replace an actor's aliases; returns the previous ones (the inverse: set them back)."""
    with write(db):
        previous = store.set_aliases(db, actor_id, aliases)
        return previous, actor_changes(db, [actor_id], with_claims=False)


# -- merge and delete -----------------------------------------------------------------------


def plan_merge(db: Database, keep_id: int, drop_id: int) -> tuple[Actor, Actor]:
    if keep_id == drop_id:
        raise ValueError("Pick two different actors to merge.")
    return store.get_actor(db, keep_id), store.get_actor(db, drop_id)


def merge(db: Database, keep_id: int, drop_id: int) -> tuple[MergeRecord, ChangeSet]:
    """Fold drop into keep (its tags and claims follow); inverse: undo_merge."""
    with write(db):
        befores = _tags_using(db, drop_id)
        record = merge_actors(db, keep_id, drop_id)
        return record, _moved(db, befores, [keep_id, drop_id])


def undo_merge(db: Database, record: MergeRecord) -> ChangeSet:
    """Both actors and every link exactly as before the merge."""
    with write(db):
        befores = get_annotations(db, [*record.moved_mentions, *record.moved_claims])
        unmerge(db, record)
        return _moved(db, befores, [record.keep_id, record.dropped.id])


def _tags_using(db: Database, actor_id: int) -> list[Annotation]:
    ids = [r[0] for r in db.execute(
        "SELECT id FROM annotations WHERE actor_id = ? UNION"
        " SELECT id FROM annotations WHERE claimant_id = ?", [actor_id, actor_id])]
    return get_annotations(db, ids)


def _moved(db: Database, befores: list[Annotation], actor_ids: list[int]) -> ChangeSet:
    afters = {a.id: a for a in get_annotations(db, [b.id for b in befores])}
    pairs = [(b, afters[b.id]) for b in befores if b.id in afters]
    return describe(db, changed=pairs, fields={"actor_id", "claimant_id"}, actors=actor_ids)


def plan_delete(db: Database, actor_id: int) -> Actor:
    """Refused while tags or claims use the actor."""
    actor = store.get_actor(db, actor_id)
    if store.actor_in_use(db, actor_id):
        raise ValueError(f"{actor.name} is still used by tags or claims; relink them or "
                         "merge the actor into another one first.")
    return actor


def delete_actor(db: Database, actor_id: int) -> tuple[Actor, ChangeSet]:
    """Delete an unused actor; returns it for restore_actor (the inverse)."""
    with write(db):
        gone = store.delete_actor(db, actor_id)
        return gone, actor_changes(db, [actor_id], with_claims=False)


def restore_actor(db: Database, gone: Actor) -> tuple[Actor, ChangeSet]:
    """Same id, uuid, timestamps and aliases."""
    with write(db):
        back = store.restore_actor(db, gone)
        return back, actor_changes(db, [back.id], with_claims=False)
