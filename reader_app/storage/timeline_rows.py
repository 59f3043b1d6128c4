"""The dated rows of the library for the timeline: claims, date tags and articles.

One streaming query per kind; an article set travels as one JSON array (json_each),
so there is no limit on how many ids a filter passes.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator

from sqlite_utils import Database

from reader_app.storage.rows import named_rows

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
QUERIES = {"claim": (_CLAIMS, "n.article_id"), "date": (_DATES, "n.article_id"),
           "article": (_ARTICLES, "a.id")}


def dated_rows(db: Database, kinds: Iterable[str],
               article_ids: Iterable[int] | None = None) -> Iterator[sqlite3.Row]:
    """Rows (kind, annotation_id, article_id, title, quote, value, claimant, claimant_id,
    status, date_quote, date_method) of each kind (claim, date, article) with a date,
    in these articles only when ids are given."""
    ids = None if article_ids is None else json.dumps([int(i) for i in article_ids])
    for kind in kinds:
        sql, column = QUERIES[kind]
        if ids is None:
            yield from named_rows(db, sql)
        else:
            yield from named_rows(db, f"{sql} AND {column} IN (SELECT value FROM"
                                  " json_each(?))", [ids])
