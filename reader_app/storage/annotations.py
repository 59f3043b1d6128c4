"""Annotations: the offsets invariant text[start:end] == quote lives here."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import fields, replace
from operator import itemgetter
from types import NoneType
from typing import TYPE_CHECKING, Any, TypedDict

from sqlite_utils import Database

from reader_app.domain.admiralty import CREDIBILITY, RELIABILITY
from reader_app.domain.iso_values import GRANULARITIES, iso_granularity
from reader_app.domain.models import (
    CLAIM_STATUSES,
    AnchorDamage,
    Annotation,
)
from reader_app.domain.offsets import CONTEXT, locate_unique
from reader_app.domain.sentences import AFTER, BEFORE
from reader_app.storage.articles import NotFound, as_text
from reader_app.storage.clock import new_uuid, now_iso
from reader_app.storage.rows import count, insert_row, named_row, named_rows
from reader_app.storage.transaction import write

if TYPE_CHECKING:
    from typing_extensions import Unpack

# Columns of schema step m003.
SEMANTIC_FIELDS = ("actor_id", "claimant_id", "claim_date", "claim_date_annotation_id",
                   "status", "reliability", "credibility", "granularity", "date_method")


class AnnotationEdit(TypedDict, total=False):
    """What update_annotation may change: any of these, by name."""

    kind: str
    value: str | None
    note: str | None
    analyst: str | None
    actor_id: int | None
    claimant_id: int | None
    claim_date: str | None
    claim_date_annotation_id: int | None
    status: str | None
    reliability: str | None
    credibility: int | None
    granularity: str | None
    date_method: str | None


EDITABLE: tuple[str, ...] = tuple(AnnotationEdit.__annotations__)
# Every column of an annotation row; each is the name of an Annotation field.
ANNOTATION_COLUMNS: tuple[str, ...] = (
    "id", "uuid", "article_id", "kind", "start", "end", "quote", "prefix", "suffix", "value",
    "note", "analyst", "created_at", "updated_at", "text_sha256", *SEMANTIC_FIELDS)
_COLS = ", ".join(f'"{c}"' for c in ANNOTATION_COLUMNS)  # "end" is an SQL keyword
_N_COLS = len(ANNOTATION_COLUMNS)
# The columns row_to_annotation reads, qualified for a query that joins annotations AS n.
ANNOTATION_COLUMNS_N = ", ".join(f'n."{c}"' for c in ANNOTATION_COLUMNS)


class AnchorError(ValueError):
    """A span that does not fit the article text."""


def _check_semantics(db: Database, values: Mapping[str, object], *,
                     restoring: bool = False) -> None:
    """Refuse a value the schema would refuse, with a message an analyst can read."""
    for name, value in values.items():
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


# -- reading rows: a library file is someone else's file ----------------------------------
#
# A row may hold anything a tampered file can: text or a float as an offset, NULL in a table
# rebuilt without our CHECKs, a number as a quote, a quote that is no longer at its offsets.
# Nothing of the wrong type is passed on: such a row becomes an Annotation whose `damage`
# says what is wrong, with start/end either where its quote now lies beyond doubt (reported,
# never saved by reading) or 0, 0 (drawn nowhere).

# A row's columns by name: row_to_annotation takes rows whose first _N_COLS values are
# ANNOTATION_COLUMNS (a query may add columns after them), and looks each one up by its name.
_AT = {name: i for i, name in enumerate(ANNOTATION_COLUMNS)}
_START, _END = _AT["start"], _AT["end"]
_INT = frozenset(_AT[c] for c in ("id", "article_id", "start", "end"))
_OPTIONAL_INT = frozenset(
    _AT[c] for c in ("actor_id", "claimant_id", "claim_date_annotation_id", "credibility"))
_REQUIRED_TEXT = frozenset(_AT[c] for c in ("uuid", "kind", "quote", "prefix", "suffix",
                                            "created_at", "updated_at", "text_sha256"))
_SOUND_SIGNATURES: dict[tuple[type, ...], bool] = {}  # the columns' types -> all as declared
# Annotation's fields (bar damage) taken from a row by name, in the order the class declares
_FIELDS = tuple(f.name for f in fields(Annotation) if f.name != "damage")
_as_fields = itemgetter(*(_AT[name] for name in _FIELDS))
Row = Sequence[Any]  # a tuple or sqlite3.Row of ANNOTATION_COLUMNS (and maybe more)


def _sound_signature(row: Row) -> bool:
    signature = tuple(map(type, row[:_N_COLS]))
    sound = _SOUND_SIGNATURES.get(signature)
    if sound is None:
        sound = _SOUND_SIGNATURES[signature] = len(signature) == _N_COLS and all(
            t is int if i in _INT else
            t in (int, NoneType) if i in _OPTIONAL_INT else
            t is str if i in _REQUIRED_TEXT else
            t in (str, NoneType)
            for i, t in enumerate(signature))
    return sound


def _as_int(value: object) -> int | None:
    return value if type(value) is int else None


def _repaired(row: Row) -> Annotation:
    """A row with a value of the wrong type: every field made safe, bad offsets flagged."""
    cells: dict[str, object] = {}
    for name, value in zip(ANNOTATION_COLUMNS, row[:_N_COLS], strict=False):
        at = _AT[name]
        if at in _INT or at in _OPTIONAL_INT:
            cells[name] = _as_int(value)
        else:
            text = as_text(value)
            cells[name] = "" if text is None and at in _REQUIRED_TEXT else text
    stored_start, stored_end = row[_START], row[_END]
    start, end = _as_int(stored_start), _as_int(stored_end)
    damage = None
    if start is None or end is None or not 0 <= start < end:
        damage = AnchorDamage(f"its position ({stored_start!r} to {stored_end!r}) is not a span"
                              " of characters", stored_start, stored_end)
    elif type(row[_AT["quote"]]) is not str:
        damage = AnchorDamage("its quote is not text", stored_start, stored_end)
    if damage is not None:
        cells["start"] = cells["end"] = 0
    cells["article_id"] = cells["article_id"] if cells["article_id"] is not None else 0
    return Annotation(**cells, damage=damage)  # type: ignore[arg-type]  # each made its type


def row_to_annotation(row: Row) -> Annotation:
    """An Annotation from a row of ANNOTATION_COLUMNS (or ANNOTATION_COLUMNS_N), every field
    of the type it declares. Checks the types and that 0 <= start < end; whether the quote is
    still at those offsets needs the text: see verify_annotation."""
    if _sound_signature(row) and 0 <= row[_START] < row[_END]:
        return _sound(row)
    return _repaired(row)


_FAST = not hasattr(Annotation, "__slots__")


def _sound(row: Row) -> Annotation:
    """An Annotation of a row whose types were checked, without the dataclass __init__
    (a third of reading a row): the same fields, set by name."""
    if not _FAST:  # pragma: no cover - Annotation keeps a __dict__
        return Annotation(*_as_fields(row))
    ann: Annotation = object.__new__(Annotation)
    ann.__dict__.update(zip(ANNOTATION_COLUMNS, row))  # noqa: B905 - a row may add columns
    ann.__dict__["damage"] = None
    return ann


def verify_annotation(ann: Annotation, text: str) -> Annotation:
    """The annotation if text[start:end] == quote; else flagged, and placed where its quote,
    prefix and suffix lie beyond doubt, if they do (only in memory: nothing is written)."""
    if ann.damage is None and ann.end <= len(text) and text[ann.start : ann.end] == ann.quote:
        return ann
    if ann.damage is not None:
        if ann.damage.moved:  # already verified
            return ann
        reason, stored = ann.damage.reason, (ann.damage.stored_start, ann.damage.stored_end)
    elif ann.end > len(text):
        reason = (f"its position {ann.start}–{ann.end} is outside the article"
                  f" ({len(text)} characters)")
        stored = (ann.start, ann.end)
    else:
        reason = f"the text at {ann.start}–{ann.end} is no longer its quote"
        stored = (ann.start, ann.end)
    found = locate_unique(text, ann.quote, ann.prefix, ann.suffix)
    if found is None:
        damage = AnchorDamage(f"{reason}; the quote is not found in the text (once): not"
                              " shown in the text", *stored)
        return replace(ann, start=0, end=0, damage=damage)
    damage = AnchorDamage(f"{reason}; the quote was found at {found[0]}–{found[1]} and is"
                          " shown there (not saved)", *stored, moved=True)
    return replace(ann, start=found[0], end=found[1], damage=damage)


def _window(db: Database, article_id: int, start: int, end: int) -> tuple[str, str, str, str]:
    """quote, prefix, suffix and the text's sha256, read without loading the whole text.

    SQLite's substr() on TEXT counts characters (code points), 1-based.
    """
    lo = max(0, start - CONTEXT)
    row = named_row(
        db, "SELECT length(text) AS length, substr(text, ?, ?) AS window, sha256 FROM articles"
        " WHERE id = ?", [lo + 1, end + CONTEXT - lo, article_id])
    if row is None:
        raise NotFound(f"article {article_id} not found")
    length: int = row["length"]
    window: str = row["window"]
    sha: str = row["sha256"]
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
        new_id = _insert(db, dict(
            uuid=new_uuid(), article_id=article_id, kind=kind, start=start, end=end,
            quote=quote, prefix=prefix, suffix=suffix, value=value, note=note, analyst=analyst,
            created_at=stamp, updated_at=stamp, text_sha256=sha, **semantics))
        return get_annotation(db, new_id)


def _insert(db: Database, row: Mapping[str, object]) -> int:
    """Insert one annotation row given by column name; returns its id."""
    unknown = set(row) - set(ANNOTATION_COLUMNS)
    if unknown:
        raise ValueError(f"not annotation columns: {', '.join(sorted(unknown))}")
    return insert_row(db, "annotations", row)


def _checked_rows(db: Database, where: str, params: list[object]) -> list[Annotation]:
    """Rows of `SELECT ... FROM annotations WHERE ...`, each verified against its text.

    Per article, one substr() reads the stretch of text its rows span (SQLite walks a
    TEXT to an offset, so one walk instead of one per row); quotes are compared there."""
    anns = [row_to_annotation(r) for r in db.execute(f"SELECT {_COLS} FROM annotations {where}",
                                                      params)]
    bounds: dict[int, tuple[int, int]] = {}
    for a in anns:
        if a.damage is None:
            lo, hi = bounds.get(a.article_id, (a.start, a.end))
            bounds[a.article_id] = (min(lo, a.start), max(hi, a.end))
    windows: dict[int, tuple[int, str]] = {}
    for article_id, (lo, hi) in bounds.items():
        row = db.execute("SELECT substr(text, ?, ?) FROM articles WHERE id = ?",
                         [lo + 1, hi - lo, article_id]).fetchone()
        if row is not None and isinstance(row[0], str):
            windows[article_id] = (lo, row[0])
    found = []
    texts: dict[int, str] = {}
    for ann in anns:
        lo, window = windows.get(ann.article_id, (0, None))
        if ann.damage is not None or window is None or \
                window[ann.start - lo:ann.end - lo] != ann.quote:  # rare: read it all, look again
            if ann.article_id not in texts:
                texts[ann.article_id] = _article_text(db, ann.article_id)
            ann = verify_annotation(ann, texts[ann.article_id])
        found.append(ann)
    return found


def _article_text(db: Database, article_id: int) -> str:
    row = named_row(db, "SELECT text FROM articles WHERE id = ?", [article_id])
    return as_text(row["text"]) or "" if row else ""


def get_annotation(db: Database, annotation_id: int) -> Annotation:
    rows = _checked_rows(db, "WHERE id = ?", [annotation_id])
    if not rows:
        raise NotFound(f"annotation {annotation_id} not found")
    return rows[0]


def _sort_key(a: Annotation) -> tuple[int, int, int]:
    return a.start, -a.end, a.id


def list_annotations(db: Database, article_id: int, kind: str | None = None) -> list[Annotation]:
    """An article's tags by start, each verified against the article's text: a tag whose
    quote is no longer at its offsets comes back flagged (Annotation.damage), never drifted."""
    sql = f'SELECT {_COLS} FROM annotations WHERE article_id = ?'
    params: list[object] = [article_id]
    if kind:
        sql += " AND kind = ?"
        params.append(kind)
    sql += ' ORDER BY start, "end" DESC, id'
    text = _article_text(db, article_id)
    size = len(text)
    # A sound row (types as declared, quote at its offsets) becomes an Annotation without
    # the dataclass __init__ (a third of the time with 50,000 tags): the same fields, checked
    # here instead. Anything else takes the careful path.
    names = ANNOTATION_COLUMNS  # each column is the name of an Annotation field
    quote_at = _AT["quote"]
    fast = not hasattr(Annotation, "__slots__")
    new = object.__new__
    found: list[Annotation] = []
    add = found.append
    moved = False
    for row in db.execute(sql, params):
        if (fast and _sound_signature(row) and 0 <= row[_START] < row[_END] <= size
                and text[row[_START]:row[_END]] == row[quote_at]):
            ann = new(Annotation)
            ann.__dict__.update(zip(names, row, strict=True))
            ann.__dict__["damage"] = None
            add(ann)
            continue
        ann = row_to_annotation(row)
        if ann.damage is not None or ann.end > size or text[ann.start:ann.end] != ann.quote:
            ann = verify_annotation(ann, text)
            moved = True
        add(ann)
    if moved:  # flagged tags sit at 0 or where their quote moved to
        found.sort(key=_sort_key)
    return found


def damaged_annotations(db: Database, article_id: int | None = None) -> list[Annotation]:
    """The tags of one article (or of the whole library) that do not fit their article's
    text, each with its AnchorDamage: what the window lists for the analyst to check."""
    if article_id is not None:
        return [a for a in list_annotations(db, article_id) if a.damage is not None]
    ids = [r["article_id"] for r in named_rows(
        db, "SELECT DISTINCT article_id FROM annotations ORDER BY 1")]
    damaged = [a for i in ids for a in damaged_annotations(db, i)]
    # rows whose article id is not a whole number, or names no article
    damaged += [a for a in _checked_rows(
        db, "WHERE typeof(article_id) != 'integer'"
        " OR article_id NOT IN (SELECT id FROM articles)", []) if a.damage is not None]
    return damaged


def update_annotation(db: Database, annotation_id: int,
                      **fields: Unpack[AnnotationEdit]) -> Annotation:
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
        row: dict[str, object] = {c: getattr(ann, c) for c in ANNOTATION_COLUMNS}
        if ann.damage is not None:
            # a flagged tag goes back exactly as it was read: undoing a delete repairs nothing
            row.update(start=ann.damage.stored_start, end=ann.damage.stored_end)
        else:
            quote, prefix, suffix, sha = _window(db, ann.article_id, ann.start, ann.end)
            if quote != ann.quote:
                raise AnchorError(
                    f"the article text changed; {ann.quote!r} is no longer at {ann.start}")
            row.update(prefix=prefix, suffix=suffix, text_sha256=sha)
        _insert(db, row)
        return get_annotation(db, ann.id)


def annotation_count(db: Database, article_id: int | None = None) -> int:
    if article_id is None:
        return count(db, "SELECT count(*) AS n FROM annotations")
    return count(db, "SELECT count(*) AS n FROM annotations WHERE article_id = ?", [article_id])


def find_annotation(
    db: Database, article_id: int, kind: str, start: int, end: int
) -> Annotation | None:
    """The tag of this kind on exactly this span, if any (indexed: no scan of all tags)."""
    # +kind: search the (article_id, start) index, not all of the article's tags of a kind
    rows = _checked_rows(db, 'WHERE article_id = ? AND start = ? AND "end" = ? AND +kind = ?'
                         " LIMIT 1", [article_id, start, end, kind])
    return rows[0] if rows else None


NEAR = max(BEFORE, AFTER)  # characters either side that claimant and date proposals look at


def list_annotations_near(
    db: Database, article_id: int, start: int, end: int, kind: str | None = None,
    radius: int = NEAR,
) -> list[Annotation]:
    """Tags starting within `radius` of a span, by the (article_id, start) index: what
    proposals near a claim need, without reading an article's 20,000 tags."""
    return list_annotations_starting(db, article_id, max(0, start - radius), end + radius, kind)


def list_annotations_starting(
    db: Database, article_id: int, lo: int, hi: int, kind: str | None = None
) -> list[Annotation]:
    """Tags (of a kind) starting in [lo, hi], by the (article_id, start) index."""
    where = "WHERE article_id = ? AND start BETWEEN ? AND ?"
    params: list[object] = [article_id, lo, hi]
    if kind:
        where += " AND kind = ?"
        params.append(kind)
    where += ' ORDER BY start, "end" DESC, id'
    # a damaged tag is left out unless its quote lies beyond doubt somewhere in the window
    return [a for a in _checked_rows(db, where, params) if a.placed and lo <= a.start <= hi]


def get_annotations(db: Database, ids: Iterable[int]) -> list[Annotation]:
    """Some tags by id, each verified against its text, in id order; missing ids are absent."""
    return _checked_rows(db, "WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id",
                         [json.dumps(sorted({int(i) for i in ids}))])


# -- what opening an article needs: spans, not rows ------------------------------------------

# (start, end, id, kind, quote): what the view draws and the tag table sorts by
Span = tuple[int, int, int, str, str]


def span_of(ann: Annotation) -> Span:
    return ann.start, ann.end, ann.id, ann.kind, ann.quote


def span_key(span: Span) -> tuple[int, int, int]:
    """The order list_annotations returns: by start, the longer first, then by id."""
    return span[0], -span[1], span[2]


def _unfit(rows: list[Any], text: str) -> set[int]:
    """Ids of rows (start, end, id, kind, quote) that are not a sound tag at its quote."""
    size, at = len(text), text.startswith
    try:  # one pass of C-speed comparisons, no slice made; a value of a wrong type raises
        return {i for start, end, i, kind, quote in rows
                if not (type(kind) is str and 0 <= start < end <= size
                        and end - start == len(quote) and at(quote, start))}
    except TypeError:
        pass
    bad = set()
    for r in rows:
        try:
            if type(r[0]) is int and type(r[1]) is int and type(r[3]) is str \
                    and 0 <= r[0] < r[1] <= size and text[r[0]:r[1]] == r[4]:
                continue
        except TypeError:
            pass
        bad.add(r[2])
    return bad


def list_spans(db: Database, article_id: int,
               before: int | None = None) -> tuple[list[Span], list[Annotation]]:
    """An article's tags as spans in list_annotations' order, each verified against the
    text as list_annotations does, plus the full rows of those that do not fit (flagged,
    placed like list_annotations places them: where the quote moved to, or at 0, 0).
    before: only the tags starting before this code point (the top of an article).

    Five columns instead of twenty-four: opening an article with 50,000 tags reads what
    its first paint needs; the rest of a row is read when the row is shown."""
    text = _article_text(db, article_id)
    # idx_annotations_order hands them over in this order: no sort, here or in SQLite
    where, params = "article_id = ?", [article_id]
    if before is not None:
        where += " AND start < ?"
        params.append(before)
    rows = db.execute(f'SELECT start, "end", id, kind, quote FROM annotations WHERE {where}'
                      ' ORDER BY start, "end" DESC, id', params).fetchall()
    bad = _unfit(rows, text)
    if not bad:
        return rows, []
    damaged = _checked_rows(db, "WHERE id IN (SELECT value FROM json_each(?))",  # verified
                            [json.dumps(sorted(bad))])
    spans = [r for r in rows if r[2] not in bad] + [span_of(a) for a in damaged]
    spans.sort(key=span_key)
    return spans, [a for a in damaged if a.damage is not None]



def analyst_names(db: Database) -> list[str]:
    """Everyone who has tagged in this library, by name (the search's analyst facet)."""
    return [row[0] for row in db.execute(
        "SELECT DISTINCT analyst FROM annotations WHERE analyst IS NOT NULL AND analyst != ''"
        " ORDER BY analyst COLLATE NOCASE")]


def claims_holding(db: Database, article_id: int, start: int, end: int) -> list[Annotation]:
    """The article's claim tags whose span holds [start, end) (a date tagged inside a
    claim), by the (article_id, start) index; innermost first."""
    where = ('WHERE article_id = ? AND start <= ? AND "end" >= ? AND +kind = ?'
             ' ORDER BY start DESC, "end", id')
    return [a for a in _checked_rows(db, where, [article_id, start, end, "claim"])
            if a.placed and a.start <= start and end <= a.end]
