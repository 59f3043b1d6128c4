"""What leaves and enters a library, whatever the file format: a bundle of articles, their tags
and the actors the tags point at.

Every interchange format (REFI-QDA, W3C Web Annotation, brat, JSON Lines) writes a Bundle and
reads one back; merging another library reads it as a Bundle too, so one service applies them
all (services/merging.py). Tags point at actors and at other tags by uuid, never by a library's
row id, since ids differ from one library to the next.

Offsets are code points of the article's stored text, as everywhere in the app (DESIGN.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader_app.domain.models import StyleSpan


@dataclass(frozen=True)
class BundleActor:
    uuid: str
    name: str
    type: str = "other"  # one of models.ACTOR_TYPES
    note: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class BundleCode:
    """One of the analyst's own codes (domain/codebook.py); its tags carry "code:" + uuid."""

    uuid: str
    name: str
    colour: str = ""  # "#rrggbb"; "" when the file had none
    description: str = ""
    parent_uuid: str | None = None

    @property
    def kind(self) -> str:
        return "code:" + self.uuid


@dataclass(frozen=True)
class BundleTag:
    uuid: str
    kind: str  # claim | actor | date (models.KINDS), or "code:" + a BundleCode's uuid
    start: int  # code points into BundleArticle.text (or the library's text, see BundleArticle)
    end: int
    quote: str  # text[start:end] as the writer saw it: the anchor when the text differs
    prefix: str = ""  # up to 32 code points before/after the quote, for re-anchoring
    suffix: str = ""
    value: str | None = None  # date tags: the ISO value; other kinds: as stored
    note: str | None = None
    analyst: str | None = None
    created_at: str | None = None  # ISO 8601 UTC; None: the reader did not know
    updated_at: str | None = None
    actor_uuid: str | None = None  # actor tags: BundleActor.uuid of the canonical actor
    claimant_uuid: str | None = None  # claims: BundleActor.uuid of who makes the claim
    claim_date: str | None = None  # claims: ISO 8601 value
    claim_date_tag_uuid: str | None = None  # claims: the date tag the claim date came from
    status: str | None = None  # claims: models.CLAIM_STATUSES
    reliability: str | None = None  # claims: Admiralty "A".."F"
    credibility: int | None = None  # claims: Admiralty 1..6
    granularity: str | None = None  # dates: day | week | month | year | interval
    date_method: str | None = None  # dates: how the value was resolved


@dataclass(frozen=True)
class BundleArticle:
    uuid: str
    title: str
    # None when the format does not carry the text (W3C Web Annotation): the article must then
    # already be in the library, found by sha256 or uuid, and its tags anchor to that text.
    text: str | None
    sha256: str  # of the text as UTF-8 (storage.articles computes the same)
    source: str = ""
    published: str | None = None  # ISO YYYY-MM-DD
    language: str | None = None
    memo: str = ""
    content_type: str = "text"  # text | markdown | html: how the reader displays it
    styles: tuple[StyleSpan, ...] = ()  # display styles of a rendered Markdown/HTML article
    tags: tuple[BundleTag, ...] = ()


@dataclass(frozen=True)
class Bundle:
    articles: tuple[BundleArticle, ...] = ()
    actors: tuple[BundleActor, ...] = ()
    origin: str = ""  # what it was read from, for messages ("colleague.qdpx")
    # what the reader could not carry over, one plain-text line each, naming the item and why
    # ("coding of code 'Emotion > Anger' in 'Report.txt': kept as the tag's note")
    report: tuple[str, ...] = field(default=())
    codes: tuple[BundleCode, ...] = ()  # own codes, parents before their subcodes


class BundleFormatError(ValueError):
    """A file that cannot be read as the format it claims: one plain-text line naming the file
    and the reason ("colleague.qdpx: project.qde is not well-formed XML (line 3)")."""
