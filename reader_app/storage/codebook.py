"""The codebook table: the analyst's own codes, and moving tags from one code to another."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import replace

from sqlite_utils import Database

from reader_app.domain.codebook import (
    Code,
    CodeId,
    check_colour,
    check_key,
    check_name,
    own_kind,
)
from reader_app.storage.articles import NotFound
from reader_app.storage.clock import new_uuid, now_iso
from reader_app.storage.rows import count, insert_row, named_row, named_rows
from reader_app.storage.transaction import write

_COLUMNS = ("id", "uuid", "name", "colour", "key", "description", "parent_id", "created_at",
            "updated_at")
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM codebook"
Moved = tuple[int, str, str]  # a tag moved to another code: (id, its kind, its updated_at) before


def _code(row: sqlite3.Row) -> Code:
    parent = row["parent_id"]
    return Code(CodeId(row["id"]), row["uuid"], row["name"], row["colour"], row["key"],
                row["description"], CodeId(parent) if parent is not None else None,
                row["created_at"], row["updated_at"])


def list_codes(db: Database) -> list[Code]:
    """Every code, by name (case-insensitive)."""
    return [_code(r) for r in named_rows(db, f"{_SELECT} ORDER BY name COLLATE NOCASE, id")]


def get_code(db: Database, code_id: int) -> Code:
    row = named_row(db, f"{_SELECT} WHERE id = ?", [code_id])
    if row is None:
        raise NotFound(f"no code {code_id}")
    return _code(row)


def code_by_name(db: Database, name: str) -> Code | None:
    row = named_row(db, f"{_SELECT} WHERE name = ? COLLATE NOCASE", [" ".join(name.split())])
    return _code(row) if row is not None else None


def code_by_uuid(db: Database, uuid: str) -> Code | None:
    row = named_row(db, f"{_SELECT} WHERE uuid = ?", [uuid])
    return _code(row) if row is not None else None


def _check(db: Database, code: Code) -> None:
    """The rules a code row keeps, worded for the analyst (the table enforces them too)."""
    other = code_by_name(db, code.name)
    if other is not None and other.id != code.id:
        raise ValueError(f"There is already a code named {other.name!r}.")
    if code.key is not None:
        row = named_row(db, "SELECT name FROM codebook WHERE key = ? AND id != ?",
                        [code.key, code.id])
        if row is not None:
            raise ValueError(f"Key {code.key} is already the key of {row['name']!r}.")
    seen = {code.id}
    parent = code.parent_id
    while parent is not None:
        if parent in seen:
            raise ValueError("A code cannot sit under itself or one of its own subcodes.")
        seen.add(parent)
        parent = get_code(db, parent).parent_id


def create_code(db: Database, name: str, colour: str, *, key: int | None = None,
                description: str = "", parent_id: int | None = None,
                uuid: str | None = None) -> Code:
    with write(db):
        stamp = now_iso()
        code = Code(CodeId(0), uuid or new_uuid(), check_name(name), check_colour(colour),
                    check_key(key), description.strip(),
                    CodeId(parent_id) if parent_id is not None else None, stamp, stamp)
        _check(db, code)
        row = {c: getattr(code, c) for c in _COLUMNS if c != "id"}
        return get_code(db, insert_row(db, "codebook", row))


def update_code(db: Database, code_id: int, **fields: object) -> Code:
    """Change name, colour, key, description or parent_id, checked."""
    bad = set(fields) - {"name", "colour", "key", "description", "parent_id"}
    if bad:
        raise ValueError(f"cannot edit {', '.join(sorted(bad))}")
    with write(db):
        code = get_code(db, code_id)
        clean: dict[str, object] = dict(fields)
        if "name" in clean:
            clean["name"] = check_name(str(clean["name"]))
        if "colour" in clean:
            clean["colour"] = check_colour(str(clean["colour"]))
        if "key" in clean:
            clean["key"] = check_key(clean["key"])  # type: ignore[arg-type]
        if "description" in clean:
            clean["description"] = str(clean["description"]).strip()
        changed = replace(code, **clean)  # type: ignore[arg-type]
        _check(db, changed)
        if clean:
            sets = ", ".join(f"{k} = ?" for k in clean)
            db.execute(f"UPDATE codebook SET {sets}, updated_at = ? WHERE id = ?",
                       [*clean.values(), now_iso(), code_id])
        return get_code(db, code_id)


def put_code_back(db: Database, code: Code) -> Code:
    """A code's row exactly as given (undo of an edit or a delete): same id, uuid, stamps.
    An UPDATE when the row is there: its subcodes keep pointing at it."""
    with write(db):
        row = {c: getattr(code, c) for c in _COLUMNS}
        if named_row(db, "SELECT id FROM codebook WHERE id = ?", [code.id]) is None:
            insert_row(db, "codebook", row)
        else:
            # a key or name another row holds now would clash mid-update: free them first
            db.execute("UPDATE codebook SET key = NULL WHERE id = ?", [code.id])
            sets = ", ".join(f"{c} = ?" for c in _COLUMNS if c != "id")
            db.execute(f"UPDATE codebook SET {sets} WHERE id = ?",
                       [*(row[c] for c in _COLUMNS if c != "id"), code.id])
        return get_code(db, code.id)


def delete_code(db: Database, code_id: int) -> Code:
    """Delete a code no tag uses and no code sits under; returns it as it was."""
    with write(db):
        code = get_code(db, code_id)
        if tags_of_code(db, code):
            raise ValueError(f"{code.name!r} is in use; move its tags to another code first.")
        if count(db, "SELECT count(*) AS n FROM codebook WHERE parent_id = ?", [code_id]):
            raise ValueError(f"{code.name!r} has subcodes; move or delete them first.")
        db.execute("DELETE FROM codebook WHERE id = ?", [code_id])
        return code


def children_of(db: Database, code_id: int) -> list[Code]:
    return [_code(r) for r in named_rows(db, f"{_SELECT} WHERE parent_id = ? ORDER BY id",
                                         [code_id])]


def tags_of_code(db: Database, code: Code) -> int:
    return count(db, "SELECT count(*) AS n FROM annotations WHERE kind = ?", [code.kind])


def tag_counts_by_code(db: Database) -> dict[str, int]:
    """kind -> how many tags carry it, for own codes only."""
    return {r["kind"]: r["n"] for r in named_rows(
        db, "SELECT kind, count(*) AS n FROM annotations WHERE kind GLOB 'code:*' GROUP BY kind")}


def move_tags(db: Database, from_kind: str, to_kind: str) -> list[Moved]:
    """Every tag of from_kind becomes to_kind; returns what each was, for move_tags_back."""
    with write(db):
        moved = [(r["id"], r["kind"], r["updated_at"]) for r in named_rows(
            db, "SELECT id, kind, updated_at FROM annotations WHERE kind = ? ORDER BY id",
            [from_kind])]
        db.execute("UPDATE annotations SET kind = ?, updated_at = ? WHERE kind = ?",
                   [to_kind, now_iso(), from_kind])
        return moved


def move_tags_back(db: Database, moved: Sequence[Moved]) -> None:
    with write(db):
        db.conn.executemany("UPDATE annotations SET kind = ?, updated_at = ? WHERE id = ?",
                       [(kind, stamp, i) for i, kind, stamp in moved])


__all__ = ["Code", "CodeId", "own_kind"]
