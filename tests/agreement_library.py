"""A library two analysts (ann, bob) tagged through the real tagging service, and a third
(cat) on one article: what the agreement tests compare."""

from __future__ import annotations

from reader_app.domain.models import ImportedArticle
from reader_app.services.tagging import edit_tag, tag
from reader_app.storage.articles import add_article, get_article

TEXT = ("date 2022-02-09\n"
        "Kyiv. President Zelensky said the drills would begin on Thursday. "
        "Vladimir Putin said troops were leaving. "
        "NATO said it saw no sign of withdrawal. 𝕏 users 🇺🇦 said 𠀀 posts were fake.")
OTHER = "date 2022-02-10\nMoscow. Putin said talks were over."


def at(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


def put(db, article, analyst, kind, quote, **fields):
    new, _ = tag(db, article, kind, *at(article.text, quote), analyst=analyst)
    if fields:
        edit_tag(db, new.annotation.id, fields)
    return new.annotation


def build(db, *, third: bool = False) -> tuple[int, int]:
    """Article 1: ann and bob (and cat if third); article 2: ann only."""
    one = add_article(db, ImportedArticle("Drills", TEXT, "drills.txt", "2022-02-09", "en")).article_id
    two = add_article(db, ImportedArticle("Talks", OTHER, "talks.txt", "2022-02-10", "en")).article_id
    art = get_article(db, one)
    # actors: ann tags "Zelensky", bob "President Zelensky"; both tag "Putin"
    put(db, art, "ann", "actor", "Zelensky")
    put(db, art, "bob", "actor", "President Zelensky")
    put(db, art, "ann", "actor", "Putin")
    put(db, art, "bob", "actor", "Putin")
    # dates: the same span
    put(db, art, "ann", "date", "on Thursday")
    put(db, art, "bob", "date", "on Thursday")
    # claims: three shared spans; statuses u/d/f vs u/d/d; reliability B/B/C vs B/C/C
    claims = ("the drills would begin on Thursday", "troops were leaving",
              "it saw no sign of withdrawal")
    for quote, status, grade in zip(claims, ("unverified", "disputed", "false"), "BBC"):
        put(db, art, "ann", "claim", quote, status=status, reliability=grade)
    for quote, status, grade in zip(claims, ("unverified", "disputed", "disputed"), "BCC"):
        put(db, art, "bob", "claim", quote, status=status, reliability=grade)
    # bob alone: a claim over astral characters
    put(db, art, "bob", "claim", "posts were fake")
    if third:
        put(db, art, "cat", "actor", "Putin")
    put(db, get_article(db, two), "ann", "actor", "Putin")
    return one, two
