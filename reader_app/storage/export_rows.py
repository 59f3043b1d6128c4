"""Annotation rows for export: one streaming SQL query joined with articles.

Rows come straight off the SQLite cursor, so exporting a million annotations
never holds them in memory. Filters are bound parameters; lists travel as one
JSON array (json_each) so there is no limit on how many ids can be passed.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from typing import Any, NamedTuple

from sqlite_utils import Database

from reader_app.domain.models import AnnotationId
from reader_app.storage.actors import ACTOR_COUNTS

EXPORT_COLUMNS: list[str] = [
    "annotation_id",
    "annotation_uuid",
    "article_id",
    "article_uuid",
    "article_title",
    "article_published",
    "article_source",
    "kind",
    "start",
    "end",
    "quote",
    "prefix",
    "suffix",
    "value",
    "note",
    "analyst",
    "created_at",
    "updated_at",
    # analyst semantics (schema step m003): after the original columns, which keep their order
    "actor_id",
    "actor_uuid",
    "actor_type",
    "claimant_id",
    "claimant",
    "claim_date",
    "status",
    "reliability",
    "credibility",
    "granularity",
    "date_method",
]

# An actor tag's value is its actor's canonical name; a claim's date is its date tag's
# current value when it has one (the analyst may have corrected that tag since).
_EXPRESSIONS = (
    "n.id", "n.uuid", "n.article_id", "a.uuid", "a.title", "a.published", "a.source",
    "coalesce(k.name, n.kind)", "n.start", 'n."end"', "n.quote", "n.prefix", "n.suffix",
    "CASE WHEN n.kind = 'actor' AND x.id IS NOT NULL THEN x.name ELSE n.value END",
    "n.note", "n.analyst", "n.created_at", "n.updated_at",
    "x.id", "x.uuid", "x.type", "c.id", "c.name", "coalesce(d.value, n.claim_date)", "n.status",
    "n.reliability", "n.credibility", "n.granularity", "n.date_method",
)
_SELECT = "SELECT " + ", ".join(_EXPRESSIONS)
_FROM = " FROM annotations n JOIN articles a ON a.id = n.article_id"
# The joined tables with one row per article or actor (few beside the tags), by alias.
LOOKUP_ALIASES = {"a": "articles", "x": "actors", "c": "actors"}
_JOINS = (
    " LEFT JOIN actors x ON x.id = n.actor_id AND n.kind = 'actor'"
    " LEFT JOIN actors c ON c.id = n.claimant_id AND n.kind = 'claim'"
    " LEFT JOIN annotations d ON d.id = n.claim_date_annotation_id AND n.kind = 'claim'"
    # an own code's tag is exported under the code's name (its kind is "code:" + uuid)
    " LEFT JOIN codebook k ON n.kind GLOB 'code:*' AND k.uuid = substr(n.kind, 6)"
)
# (article_id, start) is indexed and the index carries the rowid: no sort step.
_ORDER = " ORDER BY n.article_id, n.start, n.id"


def _where(
    kinds: Iterable[str] | None,
    article_ids: Iterable[int] | None,
    date_from: str | None,
    date_to: str | None,
) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if kinds is not None:
        clauses.append("n.kind IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(list(kinds)))
    article_scope("n.article_id", article_ids, date_from, date_to, clauses, params)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def article_scope(id_column: str, article_ids: Iterable[int] | None, date_from: str | None,
                  date_to: str | None, clauses: list[str], params: list[object]) -> None:
    """Which articles: these ids, published in this range (articles are `a`)."""
    if article_ids is not None:
        clauses.append(f"{id_column} IN (SELECT value FROM json_each(?))")
        params.append(json.dumps([int(i) for i in article_ids]))
    # NULL published fails both comparisons, so undated articles drop out.
    if date_from:
        clauses.append("a.published >= ?")
        params.append(date_from)
    if date_to:
        clauses.append("a.published <= ?")
        params.append(date_to)


def export_query(
    kinds: Iterable[str] | None = None,
    article_ids: Iterable[int] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> tuple[str, list[object]]:
    """The SELECT behind iter_export_rows and its parameters (benchmarks, EXPLAIN)."""
    sql = export_sql(_as_is, kinds=kinds, article_ids=article_ids, date_from=date_from,
                     date_to=date_to)
    return sql.select, sql.params


class ExportSql(NamedTuple):
    """A table's export as SQL text for another reader (the sqlite3 shell): the SELECT with
    each column passed through cell(), and its count; both take params."""

    select: str
    count_select: str
    params: list[object]


def export_sql(
    cell: Callable[[str], str],
    *,
    kinds: Iterable[str] | None = None,
    article_ids: Iterable[int] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> ExportSql:
    """The query of iter_export_rows and count_export_rows (they run these with cell
    passing each column as is): same filters, order and columns."""
    return _export_sql(_EXPRESSIONS, cell, *_where(kinds, article_ids, date_from, date_to))


def _export_sql(expressions: Iterable[str], cell: Callable[[str], str], where: str,
                params: list[object]) -> ExportSql:
    select = "SELECT " + ", ".join(map(cell, expressions))
    return ExportSql(select + _FROM + _JOINS + where + _ORDER, "SELECT count(*)" + _FROM + where,
                     params)


def _as_is(expression: str) -> str:
    return expression


def iter_export_rows(
    db: Database,
    *,
    kinds: Iterable[str] | None = None,
    article_ids: Iterable[int] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> RowStream:
    """Yield one tuple per annotation, in EXPORT_COLUMNS order, by article then start.

    kinds / article_ids: None means all; an empty list matches nothing.
    date_from / date_to: inclusive ISO dates (YYYY-MM-DD) on articles.published.
    """
    return _stream(db, *export_query(kinds, article_ids, date_from, date_to))


class RowStream:
    """Rows straight off one SQLite cursor: an iterator of tuples, and fetchmany() for
    callers that take a batch at a time (write_csv: no Python step per row). The query
    runs at the first fetch; close() ends it early."""

    def __init__(self, db: Database, sql: str, params: list[object]) -> None:
        self._db, self._sql, self._params = db, sql, params
        self._cursor: sqlite3.Cursor | None = None
        self._closed = False

    def _open(self) -> sqlite3.Cursor:
        if self._cursor is None:
            self._cursor = self._db.execute(self._sql, self._params)
        return self._cursor

    def __iter__(self) -> RowStream:
        return self

    def __next__(self) -> tuple[Any, ...]:
        if self._closed:
            raise StopIteration
        return next(self._open())

    def fetchmany(self, size: int) -> list[tuple[Any, ...]]:
        if self._closed:
            return []
        return self._open().fetchmany(size)

    def close(self) -> None:
        self._closed = True
        if self._cursor is not None:
            # An abandoned stream may be closed after its database was.
            with contextlib.suppress(sqlite3.ProgrammingError):
                self._cursor.close()
            self._cursor = None


def _stream(db: Database, sql: str, params: list[object]) -> RowStream:
    return RowStream(db, sql, params)


EXPORT_MMAP_BYTES = 256 * 2**20


@contextlib.contextmanager
def export_reading(db: Database) -> Iterator[Database]:
    """Read through mmap while exporting (pages are not copied out of the OS cache),
    then put the connection's setting back."""
    before = db.execute("PRAGMA mmap_size").fetchone()
    db.execute(f"PRAGMA mmap_size = {EXPORT_MMAP_BYTES}")
    try:
        yield db
    finally:
        with contextlib.suppress(sqlite3.Error):
            db.execute(f"PRAGMA mmap_size = {int(before[0]) if before else 0}")


def count_export_rows(
    db: Database,
    *,
    kinds: Iterable[str] | None = None,
    article_ids: Iterable[int] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> int:
    """How many rows iter_export_rows would yield with the same filters."""
    sql = export_sql(_as_is, kinds=kinds, article_ids=article_ids, date_from=date_from,
                     date_to=date_to)
    return int(db.execute(sql.count_select, sql.params).fetchone()[0])


# --- the actor list -----------------------------------------------------------------------

ACTOR_COLUMNS: list[str] = [
    "actor_id",
    "actor_uuid",
    "name",
    "type",
    "aliases",  # joined with " | "
    "note",
    "mention_count",
    "claim_count",
    "created_at",
    "updated_at",
]
ALIAS_SEPARATOR = " | "
_ACTOR_SELECT = f"""
    SELECT x.id, x.uuid, x.name, x.type,
           (SELECT group_concat(alias, ?) FROM
               (SELECT alias FROM actor_aliases WHERE actor_id = x.id ORDER BY id)),
           x.note, {ACTOR_COUNTS},
           x.created_at, x.updated_at
    FROM actors x ORDER BY x.name COLLATE NOCASE, x.id"""


def iter_actor_rows(db: Database) -> RowStream:
    """Yield one tuple per actor, in ACTOR_COLUMNS order, by name."""
    return _stream(db, _ACTOR_SELECT, [ALIAS_SEPARATOR])


def count_actor_rows(db: Database) -> int:
    return int(db.execute("SELECT count(*) FROM actors").fetchone()[0])


# --- the article list ---------------------------------------------------------------------

ARTICLE_COLUMNS: list[str] = [
    "article_id",
    "article_uuid",
    "article_title",
    "article_published",
    "article_source",
    "language",
    "claim_count",
    "actor_count",
    "date_count",
    "memo",  # the analyst's Markdown note on the article
    "imported_at",
]
_ARTICLE_SELECT = (
    "SELECT a.id, a.uuid, a.title, a.published, a.source, a.language,"
    " coalesce(t.claims, 0), coalesce(t.actors, 0), coalesce(t.dates, 0), a.memo,"
    " a.imported_at FROM articles a LEFT JOIN tag_counts t ON t.article_id = a.id"
)


def _article_where(article_ids: Iterable[int] | None, date_from: str | None,
                   date_to: str | None) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    article_scope("a.id", article_ids, date_from, date_to, clauses, params)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def iter_article_rows(db: Database, *, article_ids: Iterable[int] | None = None,
                      date_from: str | None = None, date_to: str | None = None) -> RowStream:
    """Yield one tuple per article, in ARTICLE_COLUMNS order, by id (import order)."""
    where, params = _article_where(article_ids, date_from, date_to)
    return _stream(db, _ARTICLE_SELECT + where + " ORDER BY a.id", params)


def count_article_rows(db: Database, *, article_ids: Iterable[int] | None = None,
                       date_from: str | None = None, date_to: str | None = None) -> int:
    where, params = _article_where(article_ids, date_from, date_to)
    return int(db.execute("SELECT count(*) FROM articles a" + where, params).fetchone()[0])


# --- claims only --------------------------------------------------------------------------

CLAIM_COLUMNS: list[str] = [
    "annotation_id",
    "annotation_uuid",
    "article_id",
    "article_uuid",
    "article_title",
    "article_published",
    "article_source",
    "start",
    "end",
    "quote",
    "claimant_id",
    "claimant",
    "claimant_type",
    "claim_date",
    "status",
    "reliability",
    "credibility",
    "note",
    "analyst",
    "created_at",
    "updated_at",
]
_CLAIM_EXPRESSIONS = (
    "n.id", "n.uuid", "n.article_id", "a.uuid", "a.title", "a.published", "a.source",
    "n.start", 'n."end"', "n.quote", "c.id", "c.name", "c.type", "coalesce(d.value, n.claim_date)",
    "n.status", "n.reliability", "n.credibility", "n.note", "n.analyst", "n.created_at",
    "n.updated_at",
)
_CLAIM_SELECT = "SELECT " + ", ".join(_CLAIM_EXPRESSIONS)


def _claim_where(
    article_ids: Iterable[int] | None,
    date_from: str | None,
    date_to: str | None,
    statuses: Iterable[str | None] | None,
    claimant_ids: Iterable[int] | None = None,
    grades: Iterable[tuple[str, int]] | None = None,
) -> tuple[str, list[object]]:
    where, params = _where(["claim"], article_ids, date_from, date_to)
    if statuses is not None:
        where += " AND coalesce(n.status, '') IN (SELECT value FROM json_each(?))"
        params.append(json.dumps([s or "" for s in statuses]))
    if claimant_ids is not None:
        where += " AND n.claimant_id IN (SELECT value FROM json_each(?))"
        params.append(json.dumps([int(i) for i in claimant_ids]))
    if grades is not None:  # (reliability, credibility) pairs: "B2" is ("B", 2)
        where += (" AND n.reliability || n.credibility IN (SELECT value FROM json_each(?))")
        params.append(json.dumps([f"{r}{c}" for r, c in grades]))
    return where, params


def iter_claim_rows(
    db: Database,
    *,
    article_ids: Iterable[int] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    statuses: Iterable[str | None] | None = None,
    claimant_ids: Iterable[int] | None = None,
    grades: Iterable[tuple[str, int]] | None = None,
) -> RowStream:
    """Yield one tuple per claim, in CLAIM_COLUMNS order, by article then start.
    Filters as iter_export_rows; statuses: None means all (None in the list: no status);
    claimant_ids, grades: only the claims of these claimants, of these Admiralty grades."""
    sql = claim_sql(_as_is, article_ids=article_ids, date_from=date_from, date_to=date_to,
                    statuses=statuses, claimant_ids=claimant_ids, grades=grades)
    return _stream(db, sql.select, sql.params)


def claim_sql(
    cell: Callable[[str], str],
    *,
    article_ids: Iterable[int] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    statuses: Iterable[str | None] | None = None,
    claimant_ids: Iterable[int] | None = None,
    grades: Iterable[tuple[str, int]] | None = None,
) -> ExportSql:
    """The query of iter_claim_rows and count_claim_rows (as export_sql)."""
    return _export_sql(_CLAIM_EXPRESSIONS, cell,
                       *_claim_where(article_ids, date_from, date_to, statuses, claimant_ids,
                                     grades))


def count_claim_rows(
    db: Database,
    *,
    article_ids: Iterable[int] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    statuses: Iterable[str | None] | None = None,
    claimant_ids: Iterable[int] | None = None,
    grades: Iterable[tuple[str, int]] | None = None,
) -> int:
    sql = claim_sql(_as_is, article_ids=article_ids, date_from=date_from, date_to=date_to,
                    statuses=statuses, claimant_ids=claimant_ids, grades=grades)
    return int(db.execute(sql.count_select, sql.params).fetchone()[0])


def claim_rows_by_id(db: Database, ids: Iterable[int]) -> dict[AnnotationId, dict[str, object]]:
    """The claims-list rows (CLAIM_COLUMNS keys) of some claims, by id; an id that is not
    (or no longer) a claim is absent."""
    where = " WHERE n.kind = 'claim' AND n.id IN (SELECT value FROM json_each(?))"
    rows = db.execute(_CLAIM_SELECT + _FROM + _JOINS + where,
                      [json.dumps(sorted({int(i) for i in ids}))])
    return {AnnotationId(row[0]): dict(zip(CLAIM_COLUMNS, row, strict=True)) for row in rows}


def claim_ids_dated_by(db: Database, article_id: int,
                       date_ids: Iterable[int]) -> list[AnnotationId]:
    """Ids of an article's claims whose date comes from one of these date tags (a claim
    takes its date from a tag of its own article; the (article_id, kind) index finds them)."""
    return [AnnotationId(r[0]) for r in db.execute(
        "SELECT id FROM annotations WHERE article_id = ? AND kind = 'claim'"
        " AND claim_date_annotation_id IN (SELECT value FROM json_each(?)) ORDER BY id",
        [article_id, json.dumps(sorted({int(i) for i in date_ids}))])]


def export_row_by_id(db: Database, annotation_id: int) -> dict[str, object] | None:
    """One tag as its CSV row would show it, by EXPORT_COLUMNS name (None: no such tag)."""
    row = db.execute(_SELECT + _FROM + _JOINS + " WHERE n.id = ?", [annotation_id]).fetchone()
    return None if row is None else dict(zip(EXPORT_COLUMNS, row, strict=True))
