"""The library list one page at a time: filter, sort order and keyset pagination.

A page costs the same whether the library holds 1,000 or 100,000 articles: the filter
(a case-insensitive substring of title or source) is answered by the trigram index
`library_fts` when it is 3 characters or longer, and each order has an index to walk.
Pages continue after the last row shown (its sort key and id), never with OFFSET.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from itertools import product

from sqlite_utils import Database

from reader_app.domain.library_order import sort_value
from reader_app.domain.models import ArticleId, ArticleSummary
from reader_app.storage.articles import SUMMARY_COLUMNS, like_pattern, summaries_of
from reader_app.storage.rows import count, named_rows

# order name -> the SQL it sorts by; ties always break on the id (same direction)
_COUNT_SQL = "(SELECT count(*) FROM annotations n WHERE n.article_id = a.id AND n.kind = '{}')"
ORDERS = {
    "id": "a.id",
    "title": "a.title COLLATE NOCASE",
    "source": "a.source COLLATE NOCASE",
    "published": "a.published",
    "claims": _COUNT_SQL.format("claim"),
    "actors": _COUNT_SQL.format("actor"),
    "dates": _COUNT_SQL.format("date"),
    "codes": "coalesce((SELECT codes FROM tag_counts t WHERE t.article_id = a.id), 0)",
}
TRIGRAM = 3  # shorter filters cannot use the trigram index
DENSE = 2000  # this many matches or more: test rows in sort order instead


def _fts_phrase(search: str) -> str:
    # the index folds case itself; casefold() would turn "ß" into "ss" and miss it
    return '"' + search.strip().replace('"', '""') + '"'


def _filter(db: Database, search: str, dense_ok: bool = False) -> tuple[str, list[object]]:
    """SQL condition on `a` for the filter text."""
    needle = search.strip().casefold()
    if len(search.strip()) >= TRIGRAM and not (dense_ok and needle.isascii()
                                                and _is_dense(db, search)):
        return ("a.id IN (SELECT rowid FROM library_fts WHERE library_fts MATCH ?)",
                [_fts_phrase(search)])
    if needle.isascii():  # LIKE folds ASCII letters, which is all such a needle has
        return ("(a.title LIKE ? ESCAPE '\\' OR a.source LIKE ? ESCAPE '\\')",
                [like_pattern(needle)] * 2)
    # one or two letters: every mix of their cases, found by instr() in C
    variants = sorted({"".join(p) for p in product(*({c.lower(), c.upper(), c} for c in needle))})
    tests = " OR ".join(["instr(a.title, ?) > 0 OR instr(a.source, ?) > 0"] * len(variants))
    return f"({tests})", [v for v in variants for _ in (0, 1)]


def _is_dense(db: Database, search: str) -> bool:
    """Many matches: walking the sort order and testing each row stops sooner than
    collecting every match first."""
    found = db.execute(
        "SELECT count(*) FROM (SELECT 1 FROM library_fts WHERE library_fts MATCH ? LIMIT ?)",
        [_fts_phrase(search), DENSE]).fetchone()[0]
    return bool(found >= DENSE)


def _after(order_by: str, descending: bool, last: ArticleSummary) -> tuple[str, list[object]]:
    """SQL condition: rows that come after `last` in this order."""
    op = "<" if descending else ">"
    if order_by == "id":
        return f"a.id {op} ?", [last.id]
    key = ORDERS[order_by]
    if order_by == "published":  # NULL sorts as '' (a stored date is never empty)
        key = "ifnull(a.published, '')"
    value = sort_value(last, order_by)
    return f"({key} {op} ? OR ({key} = ? AND a.id {op} ?))", [value, value, last.id]


def library_page(
    db: Database,
    *,
    search: str = "",
    order_by: str = "id",
    descending: bool = False,
    after: ArticleSummary | None = None,
    limit: int = 200,
) -> list[ArticleSummary]:
    """Up to `limit` library rows with their tag counts, in order, after the row `after`."""
    needle = search.strip().casefold()
    direction = " DESC" if descending else ""
    clauses, params = [], []
    if needle and order_by == "id" and len(search.strip()) >= TRIGRAM:
        # walk the trigram index in id order and stop at the page: as fast for a
        # filter that matches every article as for one that matches one
        inner = "library_fts MATCH ?"
        inner_params: list[object] = [_fts_phrase(search)]
        if after is not None:
            inner += f" AND rowid {'<' if descending else '>'} ?"
            inner_params.append(after.id)
        clauses.append(f"a.id IN (SELECT rowid FROM library_fts WHERE {inner}"
                       f" ORDER BY rowid{direction} LIMIT ?)")
        params += [*inner_params, int(limit)]
    else:
        if needle:
            sql, p = _filter(db, search, dense_ok=True)
            clauses.append(sql)
            params += p
        if after is not None:
            sql, p = _after(order_by, descending, after)
            clauses.append(sql)
            params += p
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    order = ORDERS[order_by] + direction + ("" if order_by == "id" else f", a.id{direction}")
    rows = list(named_rows(
        db, f"SELECT {SUMMARY_COLUMNS} FROM articles a {where} ORDER BY {order} LIMIT ?",
        [*params, int(limit)]))
    return summaries_of(db, rows)


def library_summaries(db: Database, article_ids: Sequence[int]) -> list[ArticleSummary]:
    """The library rows of some articles, in the order given (unknown ids skipped)."""
    rows = list(named_rows(
        db, f"SELECT {SUMMARY_COLUMNS} FROM articles a"
        " WHERE a.id IN (SELECT value FROM json_each(?))",
        [json.dumps([int(i) for i in article_ids])]))
    by_id = {s.id: s for s in summaries_of(db, rows)}
    return [by_id[ArticleId(i)] for i in article_ids if ArticleId(i) in by_id]


def library_count(db: Database, search: str = "") -> int:
    """How many articles the filter shows (all of them for an empty filter)."""
    needle = search.strip().casefold()
    if not needle:
        return count(db, "SELECT count(*) AS n FROM articles")
    if len(search.strip()) >= TRIGRAM:
        return count(db, "SELECT count(*) AS n FROM library_fts WHERE library_fts MATCH ?",
                     [_fts_phrase(search)])
    sql, params = _filter(db, search)
    return count(db, f"SELECT count(*) AS n FROM articles a WHERE {sql}", params)
