"""Numbered schema steps. Never edit a released step: add a new one."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATION_SET = "reader_app"
migrations = Migrations(MIGRATION_SET)


@migrations(name="m001_articles_annotations")
def m001_articles_annotations(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            source TEXT NOT NULL,
            published TEXT CHECK (published IS NULL OR published GLOB
                '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            language TEXT,
            text TEXT NOT NULL,
            sha256 TEXT NOT NULL UNIQUE,
            content_type TEXT NOT NULL DEFAULT 'text',
            styles TEXT NOT NULL DEFAULT '[]',
            imported_at TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE annotations (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (length(kind) > 0),
            start INTEGER NOT NULL CHECK (start >= 0),
            "end" INTEGER NOT NULL CHECK ("end" > start),
            quote TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            value TEXT,
            note TEXT,
            analyst TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            text_sha256 TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX idx_annotations_article ON annotations(article_id, start)")
    db.execute("CREATE INDEX idx_annotations_article_kind ON annotations(article_id, kind)")
    db.execute("CREATE INDEX idx_articles_published ON articles(published)")


@migrations(name="m002_full_text_search")
def m002_full_text_search(db: Database) -> None:
    db["articles"].enable_fts(["title", "text"], create_triggers=True)
    db["annotations"].enable_fts(["quote", "note"], create_triggers=True)
