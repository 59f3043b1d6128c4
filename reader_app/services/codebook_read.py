"""Reading the codebook: light enough for the window's start (no read-back services)."""

from __future__ import annotations

from sqlite_utils import Database

from reader_app.domain.codebook import Code
from reader_app.domain.models import KINDS
from reader_app.storage import codebook as store
from reader_app.storage.articles import code_counts


def codes(db: Database) -> list[Code]:
    return store.list_codes(db)


def usage(db: Database) -> dict[str, int]:
    """own kind -> how many tags carry it."""
    return store.tag_counts_by_code(db)


def own_tag_count(db: Database, article_id: int) -> int:
    return code_counts(db, [article_id]).get(article_id, 0)


def known_kind(db: Database, kind: str) -> bool:
    """A built-in kind or the kind of a code in the codebook."""
    return kind in KINDS or (kind.startswith("code:") and store.code_by_uuid(
        db, kind[len("code:"):]) is not None)


def kind_names(db: Database) -> dict[str, str]:
    """kind -> what the analyst calls it: built-ins as they are, own codes by name."""
    return {**{k: k for k in KINDS}, **{c.kind: c.name for c in store.list_codes(db)}}
