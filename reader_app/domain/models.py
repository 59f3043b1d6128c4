"""Dataclasses shared by every layer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NewType

ArticleId = NewType("ArticleId", int)
AnnotationId = NewType("AnnotationId", int)

KINDS: tuple[str, ...] = ("claim", "actor", "date")


@dataclass(frozen=True)
class StyleSpan:
    """A display style over text[start:end] of a rendered Markdown/HTML article.

    style is one of: h1..h6, p, strong, em, code, pre, blockquote, li, link.
    For links, href holds the (already sanitized) http/https/mailto target.
    """

    start: int
    end: int
    style: str
    href: str | None = None


@dataclass(frozen=True)
class ImportedArticle:
    """What an importer produces from one file, before it is stored."""

    title: str
    text: str  # canonical text; annotation offsets index it (code points)
    source: str  # where it came from: the file name by default
    published: str | None = None  # ISO YYYY-MM-DD or None
    language: str | None = None  # ISO 639-1 code if known, e.g. "en", "uk"
    content_type: str = "text"  # text | markdown | html
    styles: tuple[StyleSpan, ...] = ()
    warnings: tuple[str, ...] = ()  # imported, but the analyst should know


@dataclass(frozen=True)
class Article:
    id: ArticleId
    uuid: str
    title: str
    source: str
    published: str | None
    language: str | None
    text: str
    sha256: str
    content_type: str
    styles: tuple[StyleSpan, ...]
    imported_at: str


@dataclass(frozen=True)
class ArticleSummary:
    """A library row: everything but the text."""

    id: ArticleId
    title: str
    source: str
    published: str | None
    imported_at: str
    length: int
    claim_count: int = 0
    actor_count: int = 0
    date_count: int = 0


@dataclass(frozen=True)
class Annotation:
    id: AnnotationId
    uuid: str
    article_id: ArticleId
    kind: str
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    value: str | None
    note: str | None
    analyst: str | None
    created_at: str
    updated_at: str
    text_sha256: str
