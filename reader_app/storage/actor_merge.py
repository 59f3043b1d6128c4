"""Merge two actors into one, and undo it exactly (same id, uuid, aliases, tags, claims)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlite_utils import Database

from reader_app.domain.actors import match_key
from reader_app.domain.models import Actor, ActorId
from reader_app.storage.actors import (
    AliasRow,
    alias_rows,
    get_actor,
    insert_actor_row,
    insert_aliases,
)
from reader_app.storage.clock import now_iso
from reader_app.storage.rows import named_row, named_rows
from reader_app.storage.transaction import write


@dataclass(frozen=True)
class MergeRecord:
    """Everything unmerge needs to put a merged actor back exactly as it was."""

    keep_id: ActorId
    dropped: Actor
    dropped_name_key: str
    dropped_aliases: tuple[AliasRow, ...]
    added_alias_keys: tuple[str, ...]  # alias keys the kept actor gained
    moved_mentions: tuple[int, ...]  # actor tags relinked from dropped to kept
    moved_claims: tuple[int, ...]  # claims whose claimant moved from dropped to kept
    keep_updated_at: str


def merge_actors(db: Database, keep_id: int, drop_id: int) -> MergeRecord:
    """Fold drop into keep: its tags and claims follow, its name and aliases become aliases
    of keep, and it is deleted. Tags keep their own updated_at (their text did not change)."""
    if keep_id == drop_id:
        raise ValueError("cannot merge an actor with itself")
    with write(db):
        keep, drop = get_actor(db, keep_id), get_actor(db, drop_id)
        record_aliases = tuple(alias_rows(db, drop_id))
        key_row = named_row(db, "SELECT name_key FROM actors WHERE id = ?", [drop_id])
        drop_key: str = key_row["name_key"] if key_row is not None else match_key(drop.name)
        moved: dict[str, tuple[int, ...]] = {}
        for column in ("actor_id", "claimant_id"):
            moved[column] = tuple(r["id"] for r in named_rows(
                db, f"SELECT id FROM annotations WHERE {column} = ? ORDER BY id", [drop_id]))
            db.execute(f"UPDATE annotations SET {column} = ? WHERE {column} = ?",
                       [keep_id, drop_id])
        db.execute("DELETE FROM actors WHERE id = ?", [drop_id])  # its alias rows cascade
        before = {r.alias_key for r in alias_rows(db, keep_id)}
        insert_aliases(db, keep_id, keep.name, [drop.name, *drop.aliases])
        added = tuple(r.alias_key for r in alias_rows(db, keep_id) if r.alias_key not in before)
        db.execute("UPDATE actors SET updated_at = ? WHERE id = ?", [now_iso(), keep_id])
        return MergeRecord(keep.id, drop, drop_key, record_aliases, added, moved["actor_id"],
                           moved["claimant_id"], keep.updated_at)


def unmerge(db: Database, record: MergeRecord) -> Actor:
    """Undo merge_actors: the dropped actor comes back with the same id, uuid, aliases,
    tags and claims, and the kept actor loses what it gained. Returns the restored actor."""
    drop = record.dropped
    with write(db):
        get_actor(db, record.keep_id)
        if db.execute("SELECT 1 FROM actors WHERE id = ?", [drop.id]).fetchone():
            raise ValueError(f"actor {drop.id} already exists; the merge was undone already")
        db.execute("DELETE FROM actor_aliases WHERE actor_id = ? AND alias_key IN"
                   " (SELECT value FROM json_each(?))",
                   [record.keep_id, json.dumps(record.added_alias_keys)])
        db.execute("UPDATE actors SET updated_at = ? WHERE id = ?",
                   [record.keep_updated_at, record.keep_id])
        insert_actor_row(db, drop, record.dropped_name_key)
        for row_id, alias, key in record.dropped_aliases:  # same row ids: exactly as before
            db.execute("INSERT INTO actor_aliases (id, actor_id, alias, alias_key)"
                       " VALUES (?, ?, ?, ?)", [row_id, drop.id, alias, key])
        for column, ids in (("actor_id", record.moved_mentions),
                            ("claimant_id", record.moved_claims)):
            db.execute(f"UPDATE annotations SET {column} = ? WHERE {column} = ? AND id IN"
                       " (SELECT value FROM json_each(?))",
                       [drop.id, record.keep_id, json.dumps(ids)])
        return get_actor(db, drop.id)
