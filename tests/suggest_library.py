"""A library for the incremental-suggestion tests: known people and bodies, and one article
made of the given paragraphs."""

from __future__ import annotations

from reader_app.domain.models import ImportedArticle
from reader_app.storage.actors import create_actor
from reader_app.storage.articles import add_article, get_article
from reader_app.storage.database import open_library


def library_of(tmp_path, people, bodies, paragraphs: list[str], title: str):
    db = open_library(tmp_path / "lib.sqlite")
    for name in people:
        create_actor(db, name, "person")
    for name in bodies:
        create_actor(db, name, "organization")
    made = add_article(db, ImportedArticle(title, "\n\n".join(paragraphs), f"{title.lower()}.txt",
                                           "2022-02-09", "en"))
    return db, get_article(db, made.article_id)
