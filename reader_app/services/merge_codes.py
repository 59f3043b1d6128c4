"""Own codes in a merge: a file's codes matched to the codebook by uuid, then by name
(case-insensitive); the rest are added. Used by merge_plan (reads) and merge_apply (writes)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlite_utils import Database

from reader_app.domain.codebook import check_colour, check_name, next_colour, own_kind
from reader_app.domain.interchange import BundleCode
from reader_app.storage.clock import now_iso
from reader_app.storage.codebook import code_by_name, code_by_uuid, list_codes
from reader_app.storage.rows import insert_row


def code_names(db: Database, new: Sequence[BundleCode]) -> dict[str, str]:
    """own kind -> name, of the library's codes and the ones a merge adds."""
    return {**{c.kind: c.name for c in list_codes(db)}, **{c.kind: c.name for c in new}}


def plan_codes(db: Database, codes: Sequence[BundleCode], notes: list[str]
               ) -> tuple[dict[str, str], list[BundleCode]]:
    """(their kind -> ours, the codes to add, cleaned). A code whose name cannot be a code's
    (empty, a built-in kind's) is noted; its tags are then skipped."""
    kinds: dict[str, str] = {}
    new: list[BundleCode] = []
    names: set[str] = set()
    # by casefold, not SQLite's NOCASE (ASCII only): "Місто" is "місто", "Émile" "émile"
    by_name = {c.name.casefold(): c for c in list_codes(db)}
    for code in codes:
        try:
            name = check_name(code.name)
        except ValueError as e:
            notes.append(f"code {code.name!r}: {e} Its tags are skipped.")
            continue
        ours = code_by_uuid(db, code.uuid) or by_name.get(name.casefold())
        if ours is not None:
            kinds[own_kind(code.uuid)] = ours.kind
            continue
        if name.casefold() in names:  # two codes of one name in the file: one code here
            first = next(c for c in new if c.name.casefold() == name.casefold())
            kinds[own_kind(code.uuid)] = own_kind(first.uuid)
            continue
        names.add(name.casefold())
        try:
            colour = check_colour(code.colour)
        except ValueError:
            colour = ""
        new.append(BundleCode(code.uuid, name, colour, code.description.strip(),
                              code.parent_uuid))
        kinds[own_kind(code.uuid)] = own_kind(code.uuid)
    return kinds, new


def add_codes(db: Database, codes: Sequence[BundleCode], kinds: dict[str, str]) -> list[int]:
    """Add the planned codes (parents first), each under its parent as mapped; their ids."""
    used = [c.colour for c in list_codes(db)]
    stamp = now_iso()
    ids: list[int] = []
    for code in codes:
        if code_by_uuid(db, code.uuid) is not None or code_by_name(db, code.name) is not None:
            raise ValueError("the library changed since this merge was planned; plan the"
                             " merge again")
        parent = None
        if code.parent_uuid is not None:
            mapped = kinds.get(own_kind(code.parent_uuid), "")
            found = code_by_uuid(db, mapped[len("code:"):]) if mapped else None
            parent = found.id if found is not None else None
        colour = code.colour or next_colour(used)
        used.append(colour)
        ids.append(insert_row(db, "codebook", {
            "uuid": code.uuid, "name": code.name, "colour": colour, "key": None,
            "description": code.description, "parent_id": parent, "created_at": stamp,
            "updated_at": stamp}))
    return ids
