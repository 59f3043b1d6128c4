"""Full-text search (FTS5) over articles and annotations."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlite_utils import Database

from reader_app.storage.rows import named_rows


@dataclass(frozen=True)
class SearchHit:
    article_id: int
    annotation_id: int | None  # None: the hit is in the article's title or text
    title: str
    snippet: str


def fts_query(text: str) -> str:
    """Turn what an analyst types into a safe FTS5 query: every word must match,
    the last one as a prefix. Quotes keep FTS5 syntax characters inert."""
    words = re.findall(r"\w+", text, flags=re.UNICODE)
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def search(db: Database, text: str, limit: int = 200) -> list[SearchHit]:
    query = fts_query(text)
    if not query:
        return []
    hits = [
        SearchHit(r["id"], None, r["title"], r["snippet"])
        for r in named_rows(
            db,
            "SELECT a.id, a.title, snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet"
            " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
            " WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
            [query, limit],
        )
    ]
    hits += [
        SearchHit(r["article_id"], r["id"], r["title"], r["quote"])
        for r in named_rows(
            db,
            "SELECT n.article_id, n.id, a.title, n.quote"
            " FROM annotations_fts JOIN annotations n ON n.id = annotations_fts.rowid"
            " JOIN articles a ON a.id = n.article_id"
            " WHERE annotations_fts MATCH ? ORDER BY rank LIMIT ?",
            [query, limit],
        )
    ]
    return hits
