"""What the actor network reads: actors with their mentions, claims with the actors tagged
inside them, and the actor tags of each article (for co-mention in a sentence).

Scope is always the same: these article ids (None: all) published in [date_from, date_to]
(ISO days, inclusive; an undated article drops out once a bound is set), as export does.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from sqlite_utils import Database

from reader_app.storage.articles import as_text
from reader_app.storage.export_rows import article_scope


def _scope(article_ids: Iterable[int] | None, date_from: str | None, date_to: str | None,
           column: str = "n.article_id") -> tuple[str, list[object]]:
    """" AND ..." conditions for these articles, published in this range (articles are `a`)."""
    clauses: list[str] = []
    params: list[object] = []
    article_scope(column, article_ids, date_from, date_to, clauses, params)
    return "".join(" AND " + c for c in clauses), params


def actor_mentions(db: Database, article_ids: Iterable[int] | None = None,
                   date_from: str | None = None, date_to: str | None = None,
                   ) -> list[tuple[int, str, str, int]]:
    """(actor id, name, type, actor tags linked to it in scope) for every actor with at least
    one such tag or one claim in scope as claimant; by id."""
    where, params = _scope(article_ids, date_from, date_to)
    rows = db.execute(
        "SELECT x.id, x.name, x.type, sum(n.kind = 'actor') FROM annotations n"
        " JOIN articles a ON a.id = n.article_id"
        " JOIN actors x ON x.id = CASE n.kind WHEN 'actor' THEN n.actor_id"
        " WHEN 'claim' THEN n.claimant_id END"
        f" WHERE n.kind IN ('actor', 'claim'){where} GROUP BY x.id ORDER BY x.id", params)
    return [(int(i), as_text(name) or "", as_text(kind) or "other", int(count or 0))
            for i, name, kind, count in rows]


def claim_targets(db: Database, article_ids: Iterable[int] | None = None,
                  date_from: str | None = None, date_to: str | None = None,
                  ) -> list[tuple[int, int, int]]:
    """(claim id, claimant id, actor id) for each actor tag lying inside a claim with a
    claimant (start >= claim start, end <= claim end, same article), once per pair; by
    claim id."""
    where, params = _scope(article_ids, date_from, date_to, "c.article_id")
    rows = db.execute(
        "SELECT DISTINCT c.id, c.claimant_id, t.actor_id FROM annotations c"
        " JOIN articles a ON a.id = c.article_id"
        " JOIN annotations t ON t.article_id = c.article_id AND t.kind = 'actor'"
        ' AND t.start >= c.start AND t."end" <= c."end" AND t.actor_id IS NOT NULL'
        " JOIN actors x ON x.id = t.actor_id JOIN actors y ON y.id = c.claimant_id"
        f" WHERE c.kind = 'claim' AND c.claimant_id IS NOT NULL{where}"
        " ORDER BY c.id, t.actor_id", params)
    return [(int(c), int(s), int(t)) for c, s, t in rows]


def article_actor_tags(db: Database, article_ids: Iterable[int] | None = None,
                       date_from: str | None = None, date_to: str | None = None,
                       ) -> Iterator[tuple[int, str, list[tuple[int, int, int]]]]:
    """(article id, its text, [(start, end, actor id)] by start) for each article in scope
    with actor tags of at least two different actors: the input of co-mention."""
    where, params = _scope(article_ids, date_from, date_to, "a.id")
    articles = db.execute(
        "SELECT a.id FROM articles a WHERE a.id IN (SELECT article_id FROM annotations"
        " WHERE kind = 'actor' AND actor_id IS NOT NULL GROUP BY article_id"
        f" HAVING count(DISTINCT actor_id) > 1){where} ORDER BY a.id", params).fetchall()
    for (article_id,) in articles:
        text = db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()[0]
        tags = db.execute(
            'SELECT n.start, n."end", n.actor_id FROM annotations n'
            " JOIN actors x ON x.id = n.actor_id"
            " WHERE n.article_id = ? AND n.kind = 'actor' ORDER BY n.start, n.id",
            [article_id]).fetchall()
        yield int(article_id), as_text(text) or "", [(int(s), int(e), int(i)) for s, e, i in tags]


def claim_summaries(db: Database, claim_ids: Iterable[int]) -> list[tuple[int, int, int, str, str]]:
    """(claim id, article id, start, quote, article title) of these claims, by article and
    start: what an edge's claim list shows."""
    rows = db.execute(
        "SELECT n.id, n.article_id, n.start, n.quote, a.title FROM annotations n"
        " JOIN articles a ON a.id = n.article_id"
        " WHERE n.kind = 'claim' AND n.id IN (SELECT value FROM json_each(?))"
        " ORDER BY n.article_id, n.start, n.id", [json.dumps([int(i) for i in claim_ids])])
    return [(int(i), int(a), int(s), as_text(q) or "", as_text(t) or "")
            for i, a, s, q, t in rows]
