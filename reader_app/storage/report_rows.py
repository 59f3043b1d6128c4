"""The rows a report reads: the claims and the articles of a set of articles."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlite_utils import Database

CLAIM_FIELDS = ("annotation_id", "quote", "claim_date", "status", "reliability", "credibility",
                "note", "article_id", "article_title", "article_published", "article_source",
                "claimant_id", "claimant", "claimant_type")
_CLAIMS = (
    "SELECT n.id, n.quote, coalesce(d.value, n.claim_date), n.status, n.reliability,"
    " n.credibility, n.note, a.id, a.title, a.published, a.source, c.id, c.name, c.type"
    " FROM annotations n JOIN articles a ON a.id = n.article_id"
    " LEFT JOIN actors c ON c.id = n.claimant_id"
    " LEFT JOIN annotations d ON d.id = n.claim_date_annotation_id"
    " WHERE n.kind = 'claim' AND n.article_id IN (SELECT value FROM json_each(?))"
    " ORDER BY n.article_id, n.start, n.id")
_ARTICLES = (
    "SELECT a.id, a.title, a.published, a.source,"
    " (SELECT count(*) FROM annotations n WHERE n.article_id = a.id AND n.kind = 'claim')"
    " FROM articles a WHERE a.id IN (SELECT value FROM json_each(?))"
    " ORDER BY coalesce(a.published, '9999'), a.id")


def all_article_ids(db: Database) -> list[int]:
    return [int(r[0]) for r in db.execute("SELECT id FROM articles ORDER BY id").fetchall()]


def claim_rows(db: Database, article_ids: Sequence[int]) -> list[dict[str, Any]]:
    """The claims of these articles with their claimant and article, in reading order."""
    rows = db.execute(_CLAIMS, [json.dumps([int(i) for i in article_ids])]).fetchall()
    return [dict(zip(CLAIM_FIELDS, row, strict=True)) for row in rows]


def article_rows(db: Database, article_ids: Sequence[int]
                 ) -> list[tuple[int, str, str | None, str, int]]:
    """(id, title, published, source, claims) of these articles, oldest published first."""
    rows = db.execute(_ARTICLES, [json.dumps([int(i) for i in article_ids])]).fetchall()
    return [(int(r[0]), str(r[1]), r[2], str(r[3] or ""), int(r[4])) for r in rows]
