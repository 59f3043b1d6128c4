"""The dated rows of the library for the timeline: claims, date tags and articles.

One streaming query per kind; an article set travels as one JSON array (json_each),
so there is no limit on how many ids a filter passes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from sqlite_utils import Database

# A claim's date is its date tag's current value when it links one (the analyst may have
# corrected that tag since), else the date stored with the claim.
_CLAIMS = (
    "SELECT 'claim' AS kind, n.id AS annotation_id, n.article_id, a.title, n.quote,"
    " coalesce(d.value, n.claim_date) AS value, c.name AS claimant, n.claimant_id,"
    " n.status, d.quote AS date_quote, coalesce(d.date_method, n.date_method) AS date_method"
    " FROM annotations n JOIN articles a ON a.id = n.article_id"
    " LEFT JOIN actors c ON c.id = n.claimant_id"
    " LEFT JOIN annotations d ON d.id = n.claim_date_annotation_id AND d.kind = 'date'"
    " WHERE n.kind = 'claim' AND coalesce(d.value, n.claim_date) IS NOT NULL"
)
_DATES = (
    "SELECT 'date' AS kind, n.id AS annotation_id, n.article_id, a.title, n.quote, n.value,"
    " NULL AS claimant, NULL AS claimant_id, NULL AS status, NULL AS date_quote,"
    " n.date_method FROM annotations n JOIN articles a ON a.id = n.article_id"
    " WHERE n.kind = 'date' AND n.value IS NOT NULL"
)
_ARTICLES = (
    "SELECT 'article' AS kind, NULL AS annotation_id, a.id AS article_id, a.title, '' AS quote,"
    " a.published AS value, NULL AS claimant, NULL AS claimant_id, NULL AS status,"
    " NULL AS date_quote, NULL AS date_method FROM articles a WHERE a.published IS NOT NULL"
)
COLUMNS = ("kind", "annotation_id", "article_id", "title", "quote", "value", "claimant",
           "claimant_id", "status", "date_quote", "date_method")
Row = tuple[str, int | None, int, str, str, str, str | None, int | None, str | None,
            str | None, str | None]
QUERIES = {"claim": (_CLAIMS, "n.article_id"), "date": (_DATES, "n.article_id"),
           "article": (_ARTICLES, "a.id")}


def dated_rows(db: Database, kinds: Iterable[str],
               article_ids: Iterable[int] | None = None) -> Iterator[Row]:
    """Rows (COLUMNS, as plain tuples: 50,000 of them are read at once) of each kind
    (claim, date, article) with a date, in these articles only when ids are given."""
    ids = None if article_ids is None else json.dumps([int(i) for i in article_ids])
    for kind in kinds:
        sql, column = QUERIES[kind]
        if ids is None:
            yield from db.execute(sql)
        else:
            yield from db.execute(f"{sql} AND {column} IN (SELECT value FROM json_each(?))",
                                  [ids])


# What the timeline draws, nothing more: (ref, article id, value[, claimant id]); ref is
# the annotation's id, or the article's for a published date. Quotes and titles are read
# one item at a time (item_row), when the analyst points at one.
_COMPACT = {
    "claim": ("SELECT n.id, n.article_id, coalesce(d.value, n.claim_date), n.claimant_id"
              " FROM annotations n LEFT JOIN annotations d"
              " ON d.id = n.claim_date_annotation_id AND d.kind = 'date'"
              " WHERE n.kind = 'claim' AND coalesce(d.value, n.claim_date) IS NOT NULL",
              "n.article_id"),
    "date": ("SELECT n.id, n.article_id, n.value, NULL FROM annotations n"
             " WHERE n.kind = 'date' AND n.value IS NOT NULL", "n.article_id"),
    "article": ("SELECT a.id, a.id, a.published, NULL FROM articles a"
                " WHERE a.published IS NOT NULL", "a.id"),
}
CompactRow = tuple[int, int, str, int | None]


def compact_rows(db: Database, kind: str, article_ids: Iterable[int] | None = None,
                 claimant_ids: Iterable[int] | None = None,
                 statuses: Iterable[str] | None = None) -> list[CompactRow]:
    """(ref, article id, value, claimant id) of every dated item of kind; claimant ids
    and statuses narrow claims only (dates and articles have neither)."""
    sql, column = _COMPACT[kind]
    params: list[str] = []
    if article_ids is not None:
        sql += f" AND {column} IN (SELECT value FROM json_each(?))"
        params.append(json.dumps([int(i) for i in article_ids]))
    if kind == "claim" and claimant_ids is not None:
        sql += " AND n.claimant_id IN (SELECT value FROM json_each(?))"
        params.append(json.dumps([int(i) for i in claimant_ids]))
    if kind == "claim" and statuses:
        sql += " AND n.status IN (SELECT value FROM json_each(?))"
        params.append(json.dumps(list(statuses)))
    return db.execute(sql, params).fetchall()


def item_row(db: Database, kind: str, ref: int) -> Row | None:
    """The full row (COLUMNS) of one item: ref is its annotation's id, or its article's."""
    sql = QUERIES[kind][0]
    key = "a.id" if kind == "article" else "n.id"
    row = db.execute(f"{sql} AND {key} = ?", [int(ref)]).fetchone()
    return None if row is None else tuple(row)


def any_dated(db: Database) -> bool:
    """Whether the library has any dated item at all (each query stops at its first)."""
    return any(db.execute(f"SELECT EXISTS ({sql})").fetchone()[0]
               for sql, _column in _COMPACT.values())
