"""Annotations: the offsets invariant text[start:end] == quote lives here."""

from __future__ import annotations

from dataclasses import replace

from sqlite_utils import Database

from reader_app.domain.claims import AFTER, BEFORE, CREDIBILITY, RELIABILITY
from reader_app.domain.dates import GRANULARITIES
from reader_app.domain.iso_values import iso_granularity
from reader_app.domain.models import CLAIM_STATUSES, Annotation, AnnotationId, ArticleId
from reader_app.domain.offsets import CONTEXT
from reader_app.storage.articles import NotFound
from reader_app.storage.clock import new_uuid, now_iso
from reader_app.storage.transaction import write

# Columns of schema step m003, in Annotation's field order.
SEMANTIC_FIELDS = ("actor_id", "claimant_id", "claim_date", "claim_date_annotation_id",
                   "status", "reliability", "credibility", "granularity", "date_method")

EDITABLE = ("kind", "value", "note", "analyst", *SEMANTIC_FIELDS)
_COLS = (
    'id, uuid, article_id, kind, start, "end", quote, prefix, suffix, value, note,'
    " analyst, created_at, updated_at, text_sha256, " + ", ".join(SEMANTIC_FIELDS)
)
_N_COLS = _COLS.count(",") + 1
# The columns row_to_annotation reads, qualified for a query that joins annotations AS n.
ANNOTATION_COLUMNS_N = ", ".join(f"n.{c.strip()}" for c in _COLS.split(","))


class AnchorError(ValueError):
    """A span that does not fit the article text."""




def _check_semantics(db: Database, fields: dict, *, restoring: bool = False) -> None:
    """Refuse a value the schema would refuse, with a message an analyst can read."""
    for name, value in fields.items():
        if value is None:
            continue
        if name in ("actor_id", "claimant_id"):
            if not db.execute("SELECT 1 FROM actors WHERE id = ?", [value]).fetchone():
                raise NotFound(f"actor {value} not found")
        elif name == "claim_date_annotation_id":
            # a restored claim may point at a date tag deleted since: undo brings it back
            if not restoring and not db.execute(
                    "SELECT 1 FROM annotations WHERE id = ?", [value]).fetchone():
                raise NotFound(f"date tag {value} not found")
        elif name == "status" and value not in CLAIM_STATUSES:
            raise ValueError(f"status must be one of {', '.join(CLAIM_STATUSES)}, not {value!r}")
        elif name == "reliability" and value not in RELIABILITY:
            raise ValueError(f"reliability must be a letter A to F, not {value!r}")
        elif name == "credibility" and (type(value) is not int or value not in CREDIBILITY):
            raise ValueError(f"credibility must be a number 1 to 6, not {value!r}")
        elif name == "granularity" and value not in GRANULARITIES:
            raise ValueError(
                f"granularity must be one of {', '.join(GRANULARITIES)}, not {value!r}")
        elif name == "claim_date" and not (
                isinstance(value, str) and iso_granularity(value)):
            raise ValueError(f"claim date must be an ISO 8601 value such as 2022-02-10,"
                             f" 2022-W07, 2022-02, 2022 or 2022-02-13/2022-02-19, not {value!r}")
        elif name == "date_method" and not (isinstance(value, str) and value.strip()):
            raise ValueError("date method must be a word such as 'weekday' or 'analyst'")


def row_to_annotation(row) -> Annotation:
    """An Annotation from a row of _COLS (or ANNOTATION_COLUMNS_N)."""
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
    actor_id: int | None = None,
    claimant_id: int | None = None,
    claim_date: str | None = None,
    claim_date_annotation_id: int | None = None,
    status: str | None = None,
    reliability: str | None = None,
    credibility: int | None = None,
    granularity: str | None = None,
    date_method: str | None = None,
) -> Annotation:
    """Tag text[start:end]; the semantic fields are checked as update_annotation does."""
    if not kind:
        raise ValueError("an annotation needs a kind")
    semantics = dict(actor_id=actor_id, claimant_id=claimant_id, claim_date=claim_date,
                     claim_date_annotation_id=claim_date_annotation_id, status=status,
                     reliability=reliability, credibility=credibility,
                     granularity=granularity, date_method=date_method)
    with write(db):
        _check_semantics(db, semantics)
        quote, prefix, suffix, sha = _window(db, article_id, start, end)
        if expected_quote is not None and quote != expected_quote:
            raise AnchorError(f"text at {start}:{end} is {quote!r}, not {expected_quote!r}")
        stamp = now_iso()
        cur = db.execute(
            f"INSERT INTO annotations ({_COLS.split(', ', 1)[1]})"
            f" VALUES ({', '.join('?' * (_N_COLS - 1))})",
            [new_uuid(), article_id, kind, start, end, quote, prefix, suffix, value, note,
             analyst, stamp, stamp, sha, *semantics.values()],
        )
        return get_annotation(db, cur.lastrowid)


def get_annotation(db: Database, annotation_id: int) -> Annotation:
    row = db.execute(f"SELECT {_COLS} FROM annotations WHERE id = ?", [annotation_id]).fetchone()
    if row is None:
        raise NotFound(f"annotation {annotation_id} not found")
    return row_to_annotation(row)


def list_annotations(db: Database, article_id: int, kind: str | None = None) -> list[Annotation]:
    sql = f'SELECT {_COLS} FROM annotations WHERE article_id = ?'
    params: list = [article_id]
    if kind:
        sql += " AND kind = ?"
        params.append(kind)
    sql += ' ORDER BY start, "end" DESC, id'
    return [row_to_annotation(r) for r in db.execute(sql, params)]


def update_annotation(db: Database, annotation_id: int, **fields) -> Annotation:
    """Change any EDITABLE field (kind/value/note/analyst and the semantic fields);
    the span itself never moves here."""
    bad = set(fields) - set(EDITABLE)
    if bad:
        raise ValueError(f"cannot edit {', '.join(sorted(bad))}")
    if "kind" in fields and not fields["kind"]:
        raise ValueError("an annotation needs a kind")
    with write(db):
        get_annotation(db, annotation_id)
        _check_semantics(db, {k: v for k, v in fields.items() if k in SEMANTIC_FIELDS})
        if fields:
            sets = ", ".join(f"{k} = ?" for k in fields)
            db.execute(
                f"UPDATE annotations SET {sets}, updated_at = ? WHERE id = ?",
                [*fields.values(), now_iso(), annotation_id],
            )
        return get_annotation(db, annotation_id)


def delete_annotation(db: Database, annotation_id: int) -> Annotation:
    """Delete and return the row as it was, so restore_annotation can bring it back."""
    with write(db):
        ann = get_annotation(db, annotation_id)
        db.execute("DELETE FROM annotations WHERE id = ?", [annotation_id])
        return ann


def restore_annotation(db: Database, ann: Annotation) -> Annotation:
    """Put a deleted annotation back: same id, same uuid, same timestamps, same links."""
    with write(db):
        _check_semantics(db, {f: getattr(ann, f) for f in SEMANTIC_FIELDS}, restoring=True)
        quote, prefix, suffix, sha = _window(db, ann.article_id, ann.start, ann.end)
        if quote != ann.quote:
            raise AnchorError(
                f"the article text changed; {ann.quote!r} is no longer at {ann.start}")
        row = replace(ann, prefix=prefix, suffix=suffix, text_sha256=sha)
        db.execute(
            f"INSERT INTO annotations ({_COLS}) VALUES ({', '.join('?' * _N_COLS)})",
            [row.id, row.uuid, row.article_id, row.kind, row.start, row.end, row.quote,
             row.prefix, row.suffix, row.value, row.note, row.analyst, row.created_at,
             row.updated_at, row.text_sha256, *(getattr(row, f) for f in SEMANTIC_FIELDS)],
        )
        return get_annotation(db, ann.id)


def annotation_count(db: Database, article_id: int | None = None) -> int:
    if article_id is None:
        return db.execute("SELECT count(*) FROM annotations").fetchone()[0]
    return db.execute(
        "SELECT count(*) FROM annotations WHERE article_id = ?", [article_id]
    ).fetchone()[0]


def find_annotation(
    db: Database, article_id: int, kind: str, start: int, end: int
) -> Annotation | None:
    """The tag of this kind on exactly this span, if any (indexed: no scan of all tags)."""
    row = db.execute(
        f'SELECT {_COLS} FROM annotations WHERE article_id = ? AND start = ? AND "end" = ?'
        " AND kind = ? LIMIT 1",
        [article_id, start, end, kind],
    ).fetchone()
    return row_to_annotation(row) if row else None


NEAR = max(BEFORE, AFTER)  # characters either side that claimant and date proposals look at


def list_annotations_near(
    db: Database, article_id: int, start: int, end: int, kind: str | None = None,
    radius: int = NEAR,
) -> list[Annotation]:
    """Tags starting within `radius` of a span, by the (article_id, start) index: what
    proposals near a claim need, without reading an article's 20,000 tags."""
    sql = f'SELECT {_COLS} FROM annotations WHERE article_id = ? AND start BETWEEN ? AND ?'
    params: list = [article_id, max(0, start - radius), end + radius]
    if kind:
        sql += " AND kind = ?"
        params.append(kind)
    sql += ' ORDER BY start, "end" DESC, id'
    return [row_to_annotation(r) for r in db.execute(sql, params)]
