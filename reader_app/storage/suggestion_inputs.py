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


TagSpan = tuple[str, int, int, int | None]  # kind, start, end, actor id


def tag_spans(db: Database, article_id: int) -> list[TagSpan]:
    """(kind, start, end, actor id) of every tag of an article, by kind then start
    (the order of the index that answers it, m009)."""
    return db.execute('SELECT kind, start, "end", actor_id FROM annotations'
                      " WHERE article_id = ?", [article_id]).fetchall()


def tag_spans_of(db: Database, article_id: int, kinds: tuple[str, ...]) -> list[TagSpan]:
    """tag_spans for these kinds only, in the same order: an article's own codes can be
    most of its tags, and suggesting reads them after every change."""
    marks = ", ".join("?" * len(kinds))
    return db.execute('SELECT kind, start, "end", actor_id FROM annotations'
                      f" WHERE article_id = ? AND kind IN ({marks})",
                      [article_id, *kinds]).fetchall()
