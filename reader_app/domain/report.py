"""What a report holds (services/report.py fills it, formats/report_html.py writes it)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReportClaim:
    annotation_id: int
    quote: str
    claim_date: str | None  # ISO value: day, week, month, year or interval
    status: str | None
    grade: str | None  # Admiralty reliability + credibility, "B2"; None if not graded
    note: str | None
    claimant: str | None
    article_id: int
    article_title: str
    article_published: str | None
    article_source: str


@dataclass(frozen=True)
class ReportActor:
    actor_id: int | None  # None: the claims nobody was named as making
    name: str
    type: str
    claims: tuple[ReportClaim, ...]


@dataclass(frozen=True)
class ReportArticle:
    article_id: int
    title: str
    published: str | None
    source: str
    claims: int


@dataclass(frozen=True)
class ReportData:
    scope: str  # one line: what was selected
    generated: str  # UTC, ISO 8601 to the minute
    actors: tuple[ReportActor, ...]  # by name; the claims without claimant last
    chronology: tuple[ReportClaim, ...]  # dated claims by claim date; undated left out
    undated: int  # claims in the report without a claim date
    articles: tuple[ReportArticle, ...]  # oldest published first, undated last
