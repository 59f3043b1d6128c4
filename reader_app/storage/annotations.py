"""Annotations: the offsets invariant text[start:end] == quote lives here."""

from __future__ import annotations

from dataclasses import replace

from sqlite_utils import Database

from reader_app.domain.models import Annotation, AnnotationId, ArticleId
from reader_app.domain.offsets import CONTEXT
from reader_app.storage.articles import NotFound
from reader_app.storage.clock import new_uuid, now_iso

EDITABLE = ("kind", "value", "note", "analyst")
_COLS = (
    'id, uuid, article_id, kind, start, "end", quote, prefix, suffix, value, note,'
    " analyst, created_at, updated_at, text_sha256"
)


class AnchorError(ValueError):
    """A span that does not fit the article text."""


def _row_to_annotation(row) -> Annotation:
    return Annotation(AnnotationId(row[0]), row[1], ArticleId(row[2]), *row[3:])


def _window(db: Database, article_id: int, start: int, end: int) -> tuple[str, str, str, str]:
    """quote, prefix, suffix and the text's sha256, read without loading the whole text.

    SQLite's substr() on TEXT counts characters (code points), 1-based.
    """
    lo = max(0, start - CONTEXT)
    row = db.execute(
        "SELECT length(text), substr(text, ?, ?), sha256 FROM articles WHERE id = ?",
        [lo + 1, end + CONTEXT - lo, article_id],
    ).fetchone()
    if row is None:
        raise NotFound(f"article {article_id} not found")
    length, window, sha = row
    if not (0 <= start < end <= length):
        raise AnchorError(f"span {start}:{end} is outside the article ({length} characters)")
    quote = window[start - lo : end - lo]
    return quote, window[: start - lo], window[end - lo :], sha


def add_annotation(
    db: Database,
    article_id: int,
    kind: str,
    start: int,
    end: int,
    *,
    value: str | None = None,
    note: str | None = None,
    analyst: str | None = None,
    expected_quote: str | None = None,
) -> Annotation:
    if not kind:
        raise ValueError("an annotation needs a kind")
    with db.atomic():
        quote, prefix, suffix, sha = _window(db, article_id, start, end)
        if expected_quote is not None and quote != expected_quote:
            raise AnchorError(f"text at {start}:{end} is {quote!r}, not {expected_quote!r}")
        stamp = now_iso()
        cur = db.execute(
            f"INSERT INTO annotations ({_COLS.split(', ', 1)[1]}) VALUES ({', '.join('?' * 14)})",
            [new_uuid(), article_id, kind, start, end, quote, prefix, suffix, value, note,
             analyst, stamp, stamp, sha],
        )
        return get_annotation(db, cur.lastrowid)


def get_annotation(db: Database, annotation_id: int) -> Annotation:
    row = db.execute(f"SELECT {_COLS} FROM annotations WHERE id = ?", [annotation_id]).fetchone()
    if row is None:
        raise NotFound(f"annotation {annotation_id} not found")
    return _row_to_annotation(row)


def list_annotations(db: Database, article_id: int, kind: str | None = None) -> list[Annotation]:
    sql = f'SELECT {_COLS} FROM annotations WHERE article_id = ?'
    params: list = [article_id]
    if kind:
        sql += " AND kind = ?"
        params.append(kind)
    sql += ' ORDER BY start, "end" DESC, id'
    return [_row_to_annotation(r) for r in db.execute(sql, params)]


def update_annotation(db: Database, annotation_id: int, **fields) -> Annotation:
    """Change kind/value/note/analyst; the span itself never moves here."""
    bad = set(fields) - set(EDITABLE)
    if bad:
        raise ValueError(f"cannot edit {', '.join(sorted(bad))}")
    if "kind" in fields and not fields["kind"]:
        raise ValueError("an annotation needs a kind")
    with db.atomic():
        get_annotation(db, annotation_id)
        if fields:
            sets = ", ".join(f"{k} = ?" for k in fields)
            db.execute(
                f"UPDATE annotations SET {sets}, updated_at = ? WHERE id = ?",
                [*fields.values(), now_iso(), annotation_id],
            )
        return get_annotation(db, annotation_id)


def delete_annotation(db: Database, annotation_id: int) -> Annotation:
    """Delete and return the row as it was, so restore_annotation can bring it back."""
    with db.atomic():
        ann = get_annotation(db, annotation_id)
        db.execute("DELETE FROM annotations WHERE id = ?", [annotation_id])
        return ann


def restore_annotation(db: Database, ann: Annotation) -> Annotation:
    """Put a deleted annotation back: same id, same uuid, same timestamps."""
    with db.atomic():
        quote, prefix, suffix, sha = _window(db, ann.article_id, ann.start, ann.end)
        if quote != ann.quote:
            raise AnchorError(f"the article text changed; {ann.quote!r} is no longer at {ann.start}")
        row = replace(ann, prefix=prefix, suffix=suffix, text_sha256=sha)
        db.execute(
            f"INSERT INTO annotations ({_COLS}) VALUES ({', '.join('?' * 15)})",
            [row.id, row.uuid, row.article_id, row.kind, row.start, row.end, row.quote,
             row.prefix, row.suffix, row.value, row.note, row.analyst, row.created_at,
             row.updated_at, row.text_sha256],
        )
        return get_annotation(db, ann.id)


def annotation_count(db: Database, article_id: int | None = None) -> int:
    if article_id is None:
        return db.execute("SELECT count(*) FROM annotations").fetchone()[0]
    return db.execute(
        "SELECT count(*) FROM annotations WHERE article_id = ?", [article_id]
    ).fetchone()[0]
