"""Two analysts' libraries built through the real services, for the merge tests."""

from __future__ import annotations

from pathlib import Path

from reader_app.domain.models import ImportedArticle
from reader_app.services import actor_ops, tagging
from reader_app.storage.articles import add_article, get_article
from reader_app.storage.database import open_library

# Shared by both analysts (the same text: matched by sha256). Astral characters before the
# tags: code points, not UTF-16 units, must be what both libraries and the merge count.
SHARED = ("date 2022-02-10\nKyiv 🇺🇦 𝕏 — Foreign Minister Dmytro Kuleba said on Thursday that"
          " Russia had massed troops near the border. Russia denies it, Kuleba added.\n")
SECOND = ("date 2022-02-11\nMoscow — Russia said on Friday its drills would end. Kuleba called"
          " the statement a lie.\n")
BOBS_OWN = ("date 2022-02-12\nBrussels — NATO said on Saturday that Russia keeps moving troops,"
            " and Kuleba agreed.\n")
ALICES_OWN = "date 2022-02-13\nLondon — The ministry said on Sunday it would send help.\n"


def span(text: str, quote: str, nth: int = 0) -> tuple[int, int]:
    at = -1
    for _ in range(nth + 1):
        at = text.index(quote, at + 1)
    return at, at + len(quote)


def add(db, text: str, title: str) -> int:
    return add_article(db, ImportedArticle(title=title, text=text, source=f"{title}.txt")).article_id


def tag(db, article_id: int, kind: str, quote: str, analyst: str, nth: int = 0):
    article = get_article(db, article_id)
    start, end = span(article.text, quote, nth)
    new, _ = tagging.tag(db, article, kind, start, end, analyst=analyst)
    return new.annotation


def alice_library(path: Path):
    """Alice: the shared articles, one of her own; "Dmytro Kuleba" with the alias Kuleba."""
    db = open_library(path)
    a = add(db, SHARED, "Shared")
    b = add(db, SECOND, "Second")
    add(db, ALICES_OWN, "Alice's own")
    kuleba = tag(db, a, "actor", "Dmytro Kuleba", "alice")
    actor_ops.set_aliases(db, kuleba.actor_id, ["Kuleba"])
    tag(db, a, "actor", "Russia", "alice")
    tag(db, a, "date", "Thursday", "alice")
    claim = tag(db, a, "claim", "Russia had massed troops near the border", "alice")
    tagging.edit_tag(db, claim.id, {"status": "unverified"})
    tag(db, b, "actor", "Russia", "alice")
    return db


def bob_library(path: Path):
    """Bob: the same shared articles tagged his way, and one article Alice lacks."""
    db = open_library(path)
    a = add(db, SHARED, "Shared (Bob's title)")
    b = add(db, SECOND, "Second")
    c = add(db, BOBS_OWN, "Bob's own")
    tag(db, a, "actor", "Kuleba", "bob")  # his actor "Kuleba": Alice's alias
    tag(db, a, "actor", "Russia", "bob")  # the same span as Alice's, same actor by name
    tag(db, a, "date", "Thursday", "bob")
    claim = tag(db, a, "claim", "Russia had massed troops near the border", "bob")
    tagging.edit_tag(db, claim.id, {"status": "disputed"})
    tag(db, b, "date", "Friday", "bob")
    tag(db, c, "actor", "Kuleba", "bob")
    tag(db, c, "date", "Saturday", "bob")
    tag(db, c, "claim", "Russia keeps moving troops", "bob")
    return db


TABLES = ("articles", "annotations", "actors", "actor_aliases", "tag_counts", "rejections")


def dump(db) -> dict[str, list[tuple]]:
    """Every row of the tables a merge may touch, in rowid order."""
    return {t: [tuple(r) for r in db.execute(f"SELECT * FROM {t} ORDER BY rowid")]
            for t in TABLES}


def fts_sound(db) -> None:
    """Each search index agrees with its table (FTS5's own check)."""
    for name in ("articles_fts", "annotations_fts", "actors_fts", "alias_fts", "library_fts",
                 "memo_fts"):
        db.execute(f"INSERT INTO {name}({name}) VALUES ('integrity-check')")
