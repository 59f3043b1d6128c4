"""Canonical actors shared by the whole library, their aliases, and the tags that use them.

Every change returns what undo needs: the previous value, or what puts the library back
exactly (delete_actor -> restore_actor; merging is in actor_merge: merge_actors -> unmerge).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import NamedTuple

from sqlite_utils import Database

from reader_app.domain.actors import match_key
from reader_app.domain.models import (
    ACTOR_TYPES,
    Actor,
    ActorId,
    ActorSummary,
    AnnotationId,
    Mention,
)
from reader_app.storage.annotations import (
    ANNOTATION_COLUMNS_N,
    get_annotation,
    row_to_annotation,
)
from reader_app.storage.articles import NotFound, like_pattern
from reader_app.storage.clock import new_uuid, now_iso
from reader_app.storage.rows import named_row, named_rows
from reader_app.storage.transaction import write

_ACTOR_COLS = "id, uuid, name, type, note, created_at, updated_at"


class _Unset:
    """No value given (None is a value: it clears the note)."""


_UNSET = _Unset()


class AliasRow(NamedTuple):
    id: int
    alias: str
    alias_key: str


class ActorInUse(ValueError):
    """An actor that tags or claims still point at."""


def _checked_name(name: str, what: str = "an actor's name") -> str:
    if not isinstance(name, str) or not match_key(name):
        raise ValueError(f"{what} cannot be empty")
    return name


def _checked_type(actor_type: str) -> str:
    if actor_type not in ACTOR_TYPES:
        raise ValueError(f"actor type must be one of {', '.join(ACTOR_TYPES)}, not {actor_type!r}")
    return actor_type


def alias_rows(db: Database, actor_id: int) -> list[AliasRow]:
    return [AliasRow(**r) for r in named_rows(
        db, "SELECT id, alias, alias_key FROM actor_aliases WHERE actor_id = ? ORDER BY id",
        [actor_id])]


def insert_aliases(db: Database, actor_id: int, name: str, aliases: Iterable[str]) -> None:
    """Add aliases, skipping any whose key the actor's name or aliases already have."""
    seen = {match_key(name)} | {r.alias_key for r in alias_rows(db, actor_id)}
    for alias in aliases:
        key = match_key(_checked_name(alias, "an alias"))
        if key not in seen:
            seen.add(key)
            db.execute("INSERT INTO actor_aliases (actor_id, alias, alias_key) VALUES (?, ?, ?)",
                       [actor_id, alias, key])


def create_actor(db: Database, name: str, type: str = "other", aliases: Iterable[str] = (),
                 note: str | None = None) -> Actor:
    """A new actor. Aliases equal to the name or to each other (by match key) are dropped."""
    _checked_name(name)
    _checked_type(type)
    with write(db):
        stamp = now_iso()
        cur = db.execute(
            "INSERT INTO actors (uuid, name, name_key, type, note, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [new_uuid(), name, match_key(name), type, note, stamp, stamp])
        actor_id = cur.lastrowid
        if actor_id is None:  # pragma: no cover - an INSERT always sets it
            raise RuntimeError("no actor inserted")
        insert_aliases(db, actor_id, name, aliases)
        return get_actor(db, actor_id)


def _actor(row: sqlite3.Row, aliases: tuple[str, ...]) -> Actor:
    return Actor(id=ActorId(row["id"]), uuid=row["uuid"], name=row["name"], type=row["type"],
                 note=row["note"], aliases=aliases, created_at=row["created_at"],
                 updated_at=row["updated_at"])


def get_actor(db: Database, actor_id: int) -> Actor:
    row = named_row(db, f"SELECT {_ACTOR_COLS} FROM actors WHERE id = ?", [actor_id])
    if row is None:
        raise NotFound(f"actor {actor_id} not found")
    return _actor(row, tuple(r.alias for r in alias_rows(db, actor_id)))


# mention and claim counts of actor x (the Actors pane and the actor-list export)
ACTOR_COUNTS = """
    (SELECT count(*) FROM annotations n WHERE n.actor_id = x.id AND n.kind = 'actor')
        AS mention_count,
    (SELECT count(*) FROM annotations n WHERE n.claimant_id = x.id AND n.kind = 'claim')
        AS claim_count"""


def list_actors(db: Database, search: str | None = None) -> list[ActorSummary]:
    """Every actor by name, with its counts; search: a substring of the name or an alias."""
    where, params = "", []
    if search:
        pattern = like_pattern(search)
        where = ("WHERE x.name LIKE ? ESCAPE '\\' OR x.id IN (SELECT actor_id FROM actor_aliases"
                 " WHERE alias LIKE ? ESCAPE '\\')")
        params = [pattern, pattern]
    sql = f"""
        SELECT x.id, x.uuid, x.name, x.type, x.note, x.created_at, x.updated_at, {ACTOR_COUNTS}
        FROM actors x {where} ORDER BY x.name COLLATE NOCASE, x.id"""
    aliases: dict[int, list[str]] = {}
    for a in named_rows(db, "SELECT actor_id, alias FROM actor_aliases ORDER BY id"):
        aliases.setdefault(a["actor_id"], []).append(a["alias"])
    summaries = []
    for r in named_rows(db, sql, params):
        actor = _actor(r, tuple(aliases.get(r["id"], ())))
        summaries.append(ActorSummary(**vars(actor), mention_count=r["mention_count"],
                                      claim_count=r["claim_count"]))
    return summaries


def find_actors_by_key(db: Database, text: str) -> list[Actor]:
    """Actors whose name or an alias matches text exactly, ignoring case (by match key)."""
    key = match_key(text)
    ids = [r["id"] for r in named_rows(
        db, "SELECT id FROM actors WHERE name_key = ?"
        " UNION SELECT actor_id FROM actor_aliases WHERE alias_key = ? ORDER BY 1", [key, key])]
    return [get_actor(db, i) for i in ids]


def known_actor_keys(db: Database, keys: Iterable[str] | None = None) -> dict[str, list[int]]:
    """Match key of every name and alias (or of just the given keys, by index) -> actor
    ids, oldest first: what propose_actor and propose_claimant match against."""
    where, params = "", []
    if keys is not None:
        where = " WHERE {} IN (SELECT value FROM json_each(?))"
        params = [json.dumps(list(keys))] * 2
    found: dict[str, list[int]] = {}
    for r in named_rows(
            db, "SELECT name_key AS key, id AS actor_id FROM actors" + where.format("name_key")
            + " UNION SELECT alias_key, actor_id FROM actor_aliases" + where.format("alias_key")
            + " ORDER BY 2", params):
        found.setdefault(r["key"], []).append(r["actor_id"])
    return found


def update_actor(db: Database, actor_id: int, *, name: str | _Unset = _UNSET,
                 type: str | _Unset = _UNSET, note: str | None | _Unset = _UNSET) -> Actor:
    """Rename, retype or re-note; fields not given stay. Undo: call again with the old values."""
    sets: dict[str, object] = {}
    if not isinstance(name, _Unset):
        sets.update(name=_checked_name(name), name_key=match_key(name))
    if not isinstance(type, _Unset):
        sets["type"] = _checked_type(type)
    if not isinstance(note, _Unset):
        sets["note"] = note
    with write(db):
        get_actor(db, actor_id)
        if sets:
            db.execute(f"UPDATE actors SET {', '.join(f'{k} = ?' for k in sets)}, updated_at = ?"
                       " WHERE id = ?", [*sets.values(), now_iso(), actor_id])
        return get_actor(db, actor_id)


def set_aliases(db: Database, actor_id: int, aliases: Iterable[str]) -> tuple[str, ...]:
    """Replace an actor's aliases; returns the previous ones (undo: set them back)."""
    aliases = list(aliases)
    with write(db):
        actor = get_actor(db, actor_id)
        db.execute("DELETE FROM actor_aliases WHERE actor_id = ?", [actor_id])
        insert_aliases(db, actor_id, actor.name, aliases)
        db.execute("UPDATE actors SET updated_at = ? WHERE id = ?", [now_iso(), actor_id])
        return actor.aliases


def _relink(db: Database, column: str, kind: str, annotation_id: int,
            actor_id: int | None) -> ActorId | None:
    with write(db):
        ann = get_annotation(db, annotation_id)
        if ann.kind != kind:
            raise ValueError(f"annotation {annotation_id} is tagged {ann.kind}, not {kind}")
        if actor_id is not None:
            get_actor(db, actor_id)
        db.execute(f"UPDATE annotations SET {column} = ?, updated_at = ? WHERE id = ?",
                   [actor_id, now_iso(), annotation_id])
        previous: ActorId | None = getattr(ann, column)
        return previous


def link_annotation(db: Database, annotation_id: int, actor_id: int | None) -> ActorId | None:
    """Point an actor tag at an actor (None: unlink); returns the previous actor id."""
    return _relink(db, "actor_id", "actor", annotation_id, actor_id)


def set_claimant(db: Database, annotation_id: int, actor_id: int | None) -> ActorId | None:
    """Set who makes a claim (None: nobody); returns the previous claimant id."""
    return _relink(db, "claimant_id", "claim", annotation_id, actor_id)


def insert_actor_row(db: Database, actor: Actor, name_key: str | None = None) -> None:
    db.execute(
        f"INSERT INTO actors ({_ACTOR_COLS}, name_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [actor.id, actor.uuid, actor.name, actor.type, actor.note, actor.created_at,
         actor.updated_at, name_key if name_key is not None else match_key(actor.name)])


def actor_in_use(db: Database, actor_id: int) -> bool:
    return db.execute("SELECT 1 FROM annotations WHERE actor_id = ? OR claimant_id = ? LIMIT 1",
                      [actor_id, actor_id]).fetchone() is not None


def delete_actor(db: Database, actor_id: int) -> Actor:
    """Delete an actor no tag or claim uses; returns it for restore_actor (undo)."""
    with write(db):
        actor = get_actor(db, actor_id)
        if actor_in_use(db, actor_id):
            raise ActorInUse(f"actor “{actor.name}” is still used by tags or claims; "
                             "relink them or merge the actor into another one first")
        db.execute("DELETE FROM actors WHERE id = ?", [actor_id])
        return actor


def restore_actor(db: Database, actor: Actor) -> Actor:
    """Put a deleted actor back: same id, uuid, timestamps and aliases."""
    with write(db):
        insert_actor_row(db, actor)
        insert_aliases(db, actor.id, actor.name, actor.aliases)
        return get_actor(db, actor.id)


def put_back_actor(db: Database, actor: Actor) -> Actor:
    """Give an existing actor exactly the name, type, note, aliases and updated_at of
    `actor` (an earlier get_actor of it): the undo and redo of a rename made by tagging."""
    with write(db):
        get_actor(db, actor.id)
        db.execute("UPDATE actors SET name = ?, name_key = ?, type = ?, note = ?, updated_at = ?"
                   " WHERE id = ?", [actor.name, match_key(actor.name), actor.type, actor.note,
                                     actor.updated_at, actor.id])
        db.execute("DELETE FROM actor_aliases WHERE actor_id = ?", [actor.id])
        insert_aliases(db, actor.id, actor.name, actor.aliases)
        return get_actor(db, actor.id)


def _mentions(db: Database, column: str, kind: str, actor_id: int) -> list[Mention]:
    rows = named_rows(
        db, f"SELECT {ANNOTATION_COLUMNS_N}, a.title AS article_title,"
        " a.published AS article_published FROM annotations n"
        f" JOIN articles a ON a.id = n.article_id WHERE n.{column} = ? AND n.kind = ?"
        " ORDER BY a.published IS NULL, a.published, a.id, n.start, n.id", [actor_id, kind])
    # row_to_annotation reads the annotation columns at the head of the row
    return [Mention(row_to_annotation(r), r["article_title"], r["article_published"])
            for r in rows]


def mentions_of(db: Database, actor_id: int) -> list[Mention]:
    """The actor tags linked to an actor, with their articles, oldest article first."""
    return _mentions(db, "actor_id", "actor", actor_id)


def claims_by(db: Database, actor_id: int) -> list[Mention]:
    """The claims an actor makes (as claimant), with their articles, oldest article first."""
    return _mentions(db, "claimant_id", "claim", actor_id)


def actor_names(db: Database, ids: Iterable[int] | None = None) -> dict[ActorId, str]:
    """id -> canonical name of every actor, or of the given ones."""
    if ids is None:
        rows = named_rows(db, "SELECT id, name FROM actors")
    else:
        rows = named_rows(db, "SELECT id, name FROM actors"
                          " WHERE id IN (SELECT value FROM json_each(?))",
                          [json.dumps(sorted(set(ids)))])
    return {ActorId(r["id"]): r["name"] for r in rows}


def actor_tag_positions(db: Database, article_id: int, lo: int = 0,
                        hi: int | None = None) -> list[tuple[int, int]]:
    """(actor_id, start) of the linked actor tags in an article starting in [lo, hi):
    a range of idx_annotations_kind_spans, read without visiting a row."""
    sql = ("SELECT actor_id, start FROM annotations WHERE article_id = ? AND kind = 'actor'"
           " AND start >= ?")
    params: list[object] = [article_id, lo]
    if hi is not None:
        sql += " AND start < ?"
        params.append(hi)
    return [(r["actor_id"], r["start"]) for r in named_rows(
        db, sql + " AND actor_id IS NOT NULL", params)]


def actors_by_last_place(db: Database, article_id: int, start: int) -> list[int]:
    """Each actor tagged in an article once, those tagged only after `start` first, then
    those tagged before it, each group by its last tag's start: the nearest before comes
    last. Grouped in SQLite (an article may tag one actor thousands of times)."""
    rows = db.execute(
        "SELECT actor_id, max(CASE WHEN start < ? THEN start END), max(start) FROM annotations"
        " WHERE article_id = ? AND kind = 'actor' AND actor_id IS NOT NULL GROUP BY actor_id",
        [start, article_id]).fetchall()
    rows.sort(key=lambda r: (r[1] is not None, r[2] if r[1] is None else r[1], r[0]))
    return [r[0] for r in rows]


def actor_types(db: Database, actor_ids: Iterable[int]) -> dict[int, str]:
    ids = sorted(set(actor_ids))
    if not ids:
        return {}
    rows = named_rows(
        db, "SELECT id, type FROM actors WHERE id IN (SELECT value FROM json_each(?))",
        [json.dumps(ids)])
    return {r["id"]: r["type"] for r in rows}


# -- by ids: what a change set carries after a write -----------------------------------------


def actor_summaries(db: Database, ids: Iterable[int]) -> dict[ActorId, ActorSummary]:
    """The Actors-pane rows of some actors, with their counts and aliases, in one query
    each; an id that names no actor is absent."""
    wanted = json.dumps(sorted({int(i) for i in ids}))
    aliases: dict[int, list[str]] = {}
    for a in named_rows(
            db, "SELECT actor_id, alias FROM actor_aliases"
            " WHERE actor_id IN (SELECT value FROM json_each(?)) ORDER BY id", [wanted]):
        aliases.setdefault(a["actor_id"], []).append(a["alias"])
    summaries: dict[ActorId, ActorSummary] = {}
    for r in named_rows(
            db, f"SELECT x.id, x.uuid, x.name, x.type, x.note, x.created_at, x.updated_at,"
            f" {ACTOR_COUNTS} FROM actors x WHERE x.id IN (SELECT value FROM json_each(?))",
            [wanted]):
        actor = _actor(r, tuple(aliases.get(r["id"], ())))
        summaries[actor.id] = ActorSummary(**vars(actor), mention_count=r["mention_count"],
                                           claim_count=r["claim_count"])
    return summaries


def claim_ids_by(db: Database, actor_ids: Iterable[int]) -> list[AnnotationId]:
    """Ids of the claims some actors make (by the claimant index)."""
    return [AnnotationId(r["id"]) for r in named_rows(
        db, "SELECT id FROM annotations WHERE kind = 'claim'"
        " AND claimant_id IN (SELECT value FROM json_each(?)) ORDER BY id",
        [json.dumps(sorted({int(i) for i in actor_ids}))])]


# -- read-only look-ups for linking a new actor tag -------------------------------------------


def persons_with_surname(db: Database, surname_key: str) -> list[tuple[int, str]]:
    """(id, name) of the people whose name or an alias ends with the word surname_key
    (a match key), oldest first; each person once."""
    pattern = "% " + like_pattern(surname_key).strip("%")
    rows = named_rows(
        db, "SELECT x.id, x.name FROM actors x WHERE x.type = 'person' AND"
        " (x.name_key LIKE ? ESCAPE '\\' OR x.id IN (SELECT actor_id FROM actor_aliases"
        " WHERE alias_key LIKE ? ESCAPE '\\')) ORDER BY x.id", [pattern, pattern])
    return [(r["id"], r["name"]) for r in rows]


def organizations_with_word(db: Database, word_key: str) -> list[tuple[int, str]]:
    """(id, name) of organisations (and armed forces, media, others: not people or
    states) whose name holds word_key."""
    pattern = like_pattern(word_key)
    rows = named_rows(
        db, "SELECT id, name FROM actors WHERE type NOT IN ('person', 'state')"
        " AND name_key LIKE ? ESCAPE '\\' ORDER BY id", [pattern])
    return [(r["id"], r["name"]) for r in rows]



NameRow = tuple[int, str, str, str, str]  # actor id, name or alias, canonical, type, source


def names_containing(db: Database, fragment_key: str) -> list[NameRow]:
    """Every name and alias whose match key contains fragment_key, oldest actor first."""
    pattern = like_pattern(fragment_key)
    return [(r["id"], r["text"], r["name"], r["type"], r["source"]) for r in named_rows(
        db, "SELECT x.id, x.name AS text, x.name, x.type, 'name' AS source FROM actors x"
        " WHERE x.name_key LIKE ? ESCAPE '\\'"
        " UNION ALL SELECT x.id, a.alias, x.name, x.type, 'alias' FROM actor_aliases a"
        " JOIN actors x ON x.id = a.actor_id WHERE a.alias_key LIKE ? ESCAPE '\\'"
        " ORDER BY 1, 5 DESC", [pattern, pattern])]
