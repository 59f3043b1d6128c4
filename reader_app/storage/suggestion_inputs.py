"""What suggesting reads from the library: every known name, and an article's tag spans."""

from __future__ import annotations

from sqlite_utils import Database

NameRow = tuple[int, str, str, str, str]  # actor id, name or alias, type, canonical, source


def known_name_rows(db: Database) -> list[NameRow]:
    """Each actor's name and aliases, oldest actor first."""
    return [(r[0], r[1], r[2], r[3], r[4]) for r in db.execute(
        "SELECT id, name, type, name, 'name' FROM actors"
        " UNION ALL SELECT a.id, x.alias, a.type, a.name, 'alias'"
        " FROM actor_aliases x JOIN actors a ON a.id = x.actor_id ORDER BY 1, 5 DESC")]


def tagged_spans(db: Database, article_id: int) -> list[tuple[str, int, int]]:
    """(kind, start, end) of every tag of an article."""
    return [(r[0], r[1], r[2]) for r in db.execute(
        'SELECT kind, start, "end" FROM annotations WHERE article_id = ?', [article_id])]


def actor_tag_spans(db: Database, article_id: int) -> list[tuple[int, int, int]]:
    """(start, end, actor id) of an article's linked actor tags, in text order."""
    return [(r[0], r[1], r[2]) for r in db.execute(
        'SELECT start, "end", actor_id FROM annotations WHERE article_id = ?'
        " AND kind = 'actor' AND actor_id IS NOT NULL ORDER BY start", [article_id])]
