"""A small library for the actor-network tests, built through the real services: articles
imported, actors tagged (and created by tagging), claims tagged and given claimants."""

from __future__ import annotations

from dataclasses import dataclass

from reader_app.domain.models import ImportedArticle
from reader_app.services.tagging import edit_tag, tag
from reader_app.storage.articles import add_article, get_article

# Hostile and hard names on purpose: markup, quotes, an astral flag, RTL.
FIRST = (
    "Kyiv 🇺🇦 — Olena Rostenko said the <b>Northern Group</b> moved at night. "
    "Rostenko added that the \"Ministry\" knew.\n"
    "Later, Olena Rostenko claimed the <b>Northern Group</b> had left. "
    "The Ministry and the <b>Northern Group</b> met.\n"
)
SECOND = (
    "Hearing — the Ministry said Olena Rostenko lied about the <b>Northern Group</b>. "
    "𝕏 Watch and the Ministry agreed.\n"
)


@dataclass
class Library:
    first: int
    second: int
    rostenko: int  # actor ids
    group: int
    ministry: int
    watch: int
    claims: dict[str, int]  # claim ids by name


def _span(text: str, phrase: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def _article(db, title, text, published):
    item = ImportedArticle(title, text, f"{title}.txt", published=published, language="en")
    return get_article(db, add_article(db, item).article_id)


def _actor(db, article, phrase, nth=0):
    new, _ = tag(db, article, "actor", *_span(article.text, phrase, nth))
    return new.annotation.actor_id


def _claim(db, article, phrase, claimant):
    new, _ = tag(db, article, "claim", *_span(article.text, phrase))
    edit_tag(db, new.annotation.id, {"claimant_id": claimant})
    return new.annotation.id


def build(db) -> Library:
    a = _article(db, "Night move", FIRST, "2022-02-09")
    rostenko = _actor(db, a, "Olena Rostenko")
    group = _actor(db, a, "<b>Northern Group</b>")
    assert _actor(db, a, "Rostenko", 1) == rostenko
    ministry = _actor(db, a, "Ministry")  # inside quotes: "Ministry"
    assert _actor(db, a, "Olena Rostenko", 1) == rostenko
    assert _actor(db, a, "<b>Northern Group</b>", 1) == group
    assert _actor(db, a, "Ministry", 1) == ministry
    assert _actor(db, a, "<b>Northern Group</b>", 2) == group
    claims = {
        "moved": _claim(db, a, "the <b>Northern Group</b> moved at night", rostenko),
        "knew": _claim(db, a, 'the "Ministry" knew', rostenko),
        "left": _claim(db, a, "the <b>Northern Group</b> had left", rostenko),
    }
    b = _article(db, "Hearing", SECOND, "2022-03-01")
    assert _actor(db, b, "Ministry") == ministry
    assert _actor(db, b, "Olena Rostenko") == rostenko
    assert _actor(db, b, "<b>Northern Group</b>") == group
    watch = _actor(db, b, "𝕏 Watch")
    assert _actor(db, b, "Ministry", 1) == ministry
    claims["lied"] = _claim(db, b, "Olena Rostenko lied about the <b>Northern Group</b>", ministry)
    return Library(a.id, b.id, rostenko, group, ministry, watch, claims)
