"""Codebook use cases: own codes created, edited, merged and deleted, each with its inverse.

Every operation is one transaction and returns what its inverse takes with the ChangeSet
(codebook=True, and the tags whose kind moved), so undo puts back the same rows: ids,
uuids, timestamps.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlite_utils import Database

from reader_app.domain.codebook import Code, check_name, descendants, next_colour
from reader_app.domain.models import Annotation
from reader_app.services.changes import ChangeSet
from reader_app.services.codebook_read import codes, kind_names, known_kind, own_tag_count, usage
from reader_app.services.readback import describe
from reader_app.storage import codebook as store
from reader_app.storage.annotations import get_annotations
from reader_app.storage.codebook import Moved
from reader_app.storage.transaction import write

EDITABLE = ("name", "colour", "key", "description", "parent_id")
__all__ = ["codes", "kind_names", "known_kind", "own_tag_count", "usage"]  # codebook_read's


@dataclass(frozen=True)
class RemovedCode:
    """What removing a code did: the code as it was, its tags moved to another code, and
    its subcodes as they were before they moved up (or under the merge target)."""

    code: Code
    moved: list[Moved] = field(default_factory=list)
    children: list[Code] = field(default_factory=list)


def _changes(db: Database, before: Sequence[Annotation] = (), ids: Sequence[int] = ()) -> ChangeSet:
    if not ids:
        return ChangeSet(codebook=True)
    after = {a.id: a for a in get_annotations(db, ids)}
    pairs = [(b, after[b.id]) for b in before if b.id in after]
    out = describe(db, changed=pairs, fields={"kind"})
    out.codebook = True
    return out


def _refuse_taken_name(db: Database, name: str, code_id: int | None = None) -> None:
    """The table's NOCASE folds ASCII only: "Місто" beside "місто" is refused here."""
    wanted = check_name(name).casefold()
    for other in store.list_codes(db):
        if other.name.casefold() == wanted and other.id != code_id:
            raise ValueError(f"There is already a code named {other.name!r}.")


def create(db: Database, name: str, *, colour: str | None = None, key: int | None = None,
           description: str = "", parent_id: int | None = None) -> tuple[Code, ChangeSet]:
    """A new code (colour: the first default one no code has yet). Inverse: uncreate."""
    with write(db):
        _refuse_taken_name(db, name)
        colour = colour or next_colour([c.colour for c in store.list_codes(db)])
        code = store.create_code(db, name, colour, key=key, description=description,
                                 parent_id=parent_id)
        return code, ChangeSet(codebook=True)


def uncreate(db: Database, code: Code) -> ChangeSet:
    with write(db):
        store.delete_code(db, code.id)
        return ChangeSet(codebook=True)


def recreate(db: Database, code: Code) -> ChangeSet:
    with write(db):
        store.put_code_back(db, code)
        return ChangeSet(codebook=True)


def edit(db: Database, code_id: int, **fields: object) -> tuple[Code, ChangeSet]:
    """Rename, recolour, re-key, re-parent or describe a code; returns it as it was, for
    put_back."""
    with write(db):
        before = store.get_code(db, code_id)
        if "name" in fields:
            _refuse_taken_name(db, str(fields["name"]), code_id)
        store.update_code(db, code_id, **fields)
        return before, ChangeSet(codebook=True)


def put_back(db: Database, code: Code) -> ChangeSet:
    """Undo edit: the row exactly as it was."""
    with write(db):
        store.put_code_back(db, code)
        return ChangeSet(codebook=True)


def _remove(db: Database, code: Code, into: Code | None, under_into: bool
            ) -> tuple[RemovedCode, ChangeSet]:
    ids: list[int] = []
    before: list[Annotation] = []
    moved: list[Moved] = []
    if into is not None:
        ids = [i for (i,) in db.execute("SELECT id FROM annotations WHERE kind = ?",
                                        [code.kind]).fetchall()]
        before = get_annotations(db, ids)
        moved = store.move_tags(db, code.kind, into.kind)
    children = store.children_of(db, code.id)
    every = store.list_codes(db)
    for child in children:
        # under the merge target, unless the target lies in that subcode's own branch
        target = code.parent_id
        if under_into and into is not None and child.id != into.id \
                and into.id not in descendants(every, child.id):
            target = into.id
        store.update_code(db, child.id, parent_id=target)
    store.delete_code(db, code.id)
    return RemovedCode(code, moved, children), _changes(db, before, ids)


def merge(db: Database, from_id: int, into_id: int) -> tuple[RemovedCode, ChangeSet]:
    """Every tag of one code goes to another, its subcodes too, and the code goes.
    Inverse: unremove."""
    if from_id == into_id:
        raise ValueError("A code cannot be merged into itself.")
    with write(db):
        code, into = store.get_code(db, from_id), store.get_code(db, into_id)
        return _remove(db, code, into, True)


def delete(db: Database, code_id: int, move_to: int | None = None
           ) -> tuple[RemovedCode, ChangeSet]:
    """Delete a code; one in use only with move_to, a code to move its tags to (refused
    with ValueError otherwise). Its subcodes move up to its parent. Inverse: unremove."""
    with write(db):
        code = store.get_code(db, code_id)
        into = store.get_code(db, move_to) if move_to is not None else None
        if into is not None and into.id == code.id:
            raise ValueError("Move the tags to another code than the one deleted.")
        if into is None and store.tags_of_code(db, code):
            n = store.tags_of_code(db, code)
            raise ValueError(f"{code.name!r} is used by {n} tag(s): choose a code to move"
                             " them to.")
        return _remove(db, code, into, False)


def unremove(db: Database, removed: RemovedCode) -> ChangeSet:
    """Undo merge or delete: the code, its subcodes' places and its tags, as they were."""
    with write(db):
        store.put_code_back(db, removed.code)
        for child in removed.children:
            store.put_code_back(db, child)
        ids = [i for i, _, _ in removed.moved]
        before = get_annotations(db, ids)
        store.move_tags_back(db, removed.moved)
        return _changes(db, before, ids)
