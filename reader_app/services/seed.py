"""A new library starts with the bundled sample article, so the app is never empty."""

from __future__ import annotations

from sqlite_utils import Database

from reader_app.formats.importers import read_article
from reader_app.resources_path import sample_article_path
from reader_app.storage.articles import AddResult, add_article, article_count


def seed_sample(db: Database) -> AddResult | None:
    """Import the sample into an empty library; leave a library with articles alone."""
    if article_count(db):
        return None
    return add_article(db, read_article(sample_article_path()))
