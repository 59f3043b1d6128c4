"""A report of the selection: per actor their claims, a chronology, the articles (no Qt).

The selection is a search's SearchFilter (None: the whole library), optionally narrowed to
article ids. Its statuses, grades and claimant facets also narrow the claims listed, so a
report on "disputed claims by X" lists those claims only; the other facets select articles.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timezone
from typing import Any

from sqlite_utils import Database

from reader_app.domain.report import ReportActor, ReportArticle, ReportClaim, ReportData
from reader_app.domain.search_query import SearchFilter, parse_grade
from reader_app.services.search import matching_article_ids
from reader_app.storage.report_rows import all_article_ids, article_rows, claim_rows
from reader_app.storage.search import actor_ids

NO_CLAIMANT = "No claimant"
__all__ = ["ReportActor", "ReportArticle", "ReportClaim", "ReportData", "report_data"]


def report_data(db: Database, flt: SearchFilter | None = None,
                article_ids: Sequence[int] | None = None) -> ReportData:
    """The report of the articles flt selects (None: all), within article_ids if given.
    ValueError for a query the search cannot run."""
    ids = matching_article_ids(db, flt) if flt and not flt.is_empty() else all_article_ids(db)
    if article_ids is not None:
        wanted = set(article_ids)
        ids = [i for i in ids if i in wanted]
    rows = [r for r in claim_rows(db, ids) if _kept(db, r, flt)]
    claims = [_claim(r) for r in rows]
    by_actor: dict[int | None, list[ReportClaim]] = {}
    kinds: dict[int | None, str] = {}
    for row, claim in zip(rows, claims, strict=True):
        by_actor.setdefault(row["claimant_id"], []).append(claim)
        kinds[row["claimant_id"]] = row["claimant_type"] or ""
    actors = sorted(
        (ReportActor(k, v[0].claimant or NO_CLAIMANT, kinds[k], tuple(v))
         for k, v in by_actor.items()),
        key=lambda a: (a.actor_id is None, a.name.casefold(), a.actor_id or 0))
    dated = sorted((c for c in claims if c.claim_date),
                   key=lambda c: (date_key(c.claim_date or ""), c.annotation_id))
    articles = tuple(ReportArticle(*r) for r in article_rows(db, ids))
    return ReportData(_scope(flt, article_ids, len(articles)),
                      datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                      tuple(actors), tuple(dated), len(claims) - len(dated), articles)


def date_key(value: str) -> tuple[str, str]:
    """An ISO claim date as (first day, value): a week or an interval sorts at its start."""
    first = value.split("/", 1)[0].strip()
    if "-W" in first:
        try:
            year, week = first.split("-W", 1)
            first = date.fromisocalendar(int(year), int(week[:2]), 1).isoformat()
        except ValueError:
            pass
    return first, value


def _kept(db: Database, row: dict[str, Any], flt: SearchFilter | None) -> bool:
    if flt is None:
        return True
    if flt.statuses and (row["status"] or "") not in flt.statuses:
        return False
    if flt.grades and f"{row['reliability']}{row['credibility']}" not in {
            "".join(map(str, parse_grade(g))) for g in flt.grades}:
        return False
    if flt.actor_role == "claimant" and (flt.actor or "").strip():
        return row["claimant_id"] in set(actor_ids(db, flt.actor or ""))
    return True


def _claim(r: dict[str, Any]) -> ReportClaim:
    grade = f"{r['reliability']}{r['credibility']}" if r["reliability"] and r["credibility"] \
        else None
    return ReportClaim(int(r["annotation_id"]), str(r["quote"]), r["claim_date"] or None,
                       r["status"], grade, r["note"] or None, r["claimant"],
                       int(r["article_id"]), str(r["article_title"]), r["article_published"],
                       str(r["article_source"] or ""))


def _scope(flt: SearchFilter | None, article_ids: Sequence[int] | None, count: int) -> str:
    parts = []
    if article_ids is not None:
        parts.append(f"{len(set(article_ids))} chosen article{'s' * (len(article_ids) != 1)}")
    if flt is not None and not flt.is_empty():
        parts.append("search " + describe_filter(flt))
    what = "; ".join(parts) or "the whole library"
    return f"{what}: {count} article{'s' * (count != 1)}"


def describe_filter(flt: SearchFilter) -> str:
    """The filter as one line: query and facets."""
    bits = [f"“{flt.text.strip()}”"] if flt.text.strip() else []
    for label, value in (("kind", ", ".join(flt.kinds)), ("status", ", ".join(flt.statuses)),
                         ("grade", ", ".join(flt.grades)),
                         ("claimant" if flt.actor_role == "claimant" else "actor", flt.actor),
                         ("from", flt.published_from), ("to", flt.published_to),
                         ("source", flt.source), ("analyst", flt.analyst)):
        if value:
            bits.append(f"{label}: {value}")
    return "; ".join(bits)
