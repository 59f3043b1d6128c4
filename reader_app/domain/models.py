"""Dataclasses shared by every layer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NewType

ArticleId = NewType("ArticleId", int)
AnnotationId = NewType("AnnotationId", int)
ActorId = NewType("ActorId", int)

KINDS: tuple[str, ...] = ("claim", "actor", "date")
# The display styles a rendered Markdown/HTML article may carry, and the link schemes kept.
STYLE_NAMES: frozenset[str] = frozenset(
    "h1 h2 h3 h4 h5 h6 p strong em code pre blockquote li link".split())
LINK_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto"})


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
    memo: str = ""  # the article's memo to start with (an e-mail's headers and attachments)
    # text's exact UTF-8 when the importer had it at hand (the file's own bytes; with_utf8):
    # the store hashes and stores those bytes instead of encoding the text twice more
    # (~4 µs each for 3 KB of text with an emoji in it). Not an __init__ field:
    # dataclasses.replace(), which may change the text, never carries it to another article.
    known_utf8: bytes | None = field(default=None, init=False, repr=False, compare=False)


def with_utf8(article: ImportedArticle, utf8: bytes) -> ImportedArticle:
    """article, knowing utf8 as its text's UTF-8: utf8 must be exactly text.encode()."""
    object.__setattr__(article, "known_utf8", utf8)
    return article


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
    claim_count: int = 0
    actor_count: int = 0
    date_count: int = 0
    code_count: int = 0  # tags of the analyst's own codes (domain/codebook.py)


@dataclass(frozen=True)
class AnchorDamage:
    """Why a stored tag does not fit its article: its offsets are not whole numbers inside the
    text, or text[start:end] is no longer its quote (the file was edited by someone else).

    moved: the quote (with its prefix and suffix) lies at exactly one other place, and the
    Annotation's start/end say where; that position is only reported, never saved by reading.
    Otherwise start/end are 0, 0 and the tag must not be drawn anywhere.
    """

    reason: str  # one plain-text line for the analyst
    stored_start: object  # as read from the file: may be text, a float, None, out of range
    stored_end: object
    moved: bool = False


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
    # Analyst semantics (schema step m003); all optional, so older call sites still work.
    actor_id: ActorId | None = None  # actor tags: the canonical actor (actors.id)
    claimant_id: ActorId | None = None  # claims: who makes the claim (actors.id)
    claim_date: str | None = None  # claims: ISO 8601 value (day, week, month, year, interval)
    claim_date_annotation_id: int | None = None  # claims: the date tag the date came from
    status: str | None = None  # claims: one of CLAIM_STATUSES
    reliability: str | None = None  # claims: Admiralty source reliability "A".."F"
    credibility: int | None = None  # claims: Admiralty information credibility 1..6
    granularity: str | None = None  # dates: day | week | month | year | interval
    date_method: str | None = None  # dates: how the value was resolved (or "analyst")
    # Set by storage when the row does not fit its article (see AnchorDamage); None: sound.
    damage: AnchorDamage | None = None

    @property
    def anchor_ok(self) -> bool:
        """text[start:end] == quote holds as stored."""
        return self.damage is None

    @property
    def placed(self) -> bool:
        """start/end point at the quote in the text (as stored, or where it moved to)."""
        return self.damage is None or self.damage.moved


ACTOR_TYPES: tuple[str, ...] = ("person", "state", "organization", "armed_force", "media", "other")
CLAIM_STATUSES: tuple[str, ...] = ("unverified", "corroborated", "disputed", "false")


@dataclass(frozen=True)
class Actor:
    """A canonical actor, shared by the whole library; name and aliases as typed."""

    id: ActorId
    uuid: str
    name: str
    type: str
    note: str | None
    aliases: tuple[str, ...]
    created_at: str
    updated_at: str


@dataclass(frozen=True)
class ActorSummary(Actor):
    """An Actors-pane row: the actor and how often the library uses it."""

    mention_count: int = 0  # actor tags linked to it
    claim_count: int = 0  # claims with it as claimant


@dataclass(frozen=True)
class Mention:
    """An annotation with the article it sits in (Actors pane: mentions and claims)."""

    annotation: Annotation
    article_title: str
    article_published: str | None
