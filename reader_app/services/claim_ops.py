"""Claim requests: a claim's fields (claimant, date, status, Admiralty grades) and the
correction of a date tag's value. Both check the request and return a TagEdit (None:
nothing would change) that tagging.edit_tag carries out; its old values undo it.

They raise ValueError / NotFound with a message for the analyst.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from reader_app.domain.iso_values import iso_granularity, not_a_date
from reader_app.domain.models import Article
from reader_app.services.analysis import fields_for_date_correction
from reader_app.services.tagging import TagEdit, tag_of_kind
from reader_app.storage.actors import get_actor
from reader_app.storage.annotations import get_annotation
from reader_app.storage.articles import get_article

CLAIM_FIELDS = ("claimant_id", "claim_date", "claim_date_annotation_id", "status",
                "reliability", "credibility")


@dataclass(frozen=True)
class ClaimEdit(TagEdit):
    claimant_name: str | None = None  # the new claimant's name, when the claimant changes


def check_iso_value(value: str) -> None:
    """Refuse (ValueError) what is not a real ISO 8601 day, week, month, year or interval."""
    if iso_granularity(value) is None:
        raise ValueError(not_a_date(value))


def plan_claim_fields(db: Database, annotation_id: int,
                      fields: dict[str, Any]) -> ClaimEdit | None:
    """"" or None clears a field. A claim's date tag must be a date tag of its article."""
    bad = set(fields) - set(CLAIM_FIELDS)
    if bad:
        raise ValueError(f"A claim has no field {', '.join(sorted(bad))}.")
    ann = tag_of_kind(db, annotation_id, "claim")
    new = {k: (v if v != "" else None) for k, v in fields.items()}
    claim_date, date_id = new.get("claim_date"), new.get("claim_date_annotation_id")
    if claim_date is not None:
        check_iso_value(claim_date)
    if date_id is not None:
        date = get_annotation(db, date_id)
        if date.kind != "date" or date.article_id != ann.article_id:
            raise ValueError("A claim's date comes from a date tag in its own article.")
    new = {k: v for k, v in new.items() if getattr(ann, k) != v}
    if not new:
        return None
    claimant = new.get("claimant_id")
    name = get_actor(db, claimant).name if claimant is not None else None
    return ClaimEdit(ann, {k: getattr(ann, k) for k in new}, new, claimant_name=name)


def plan_date_correction(db: Database, annotation_id: int, typed: str | None,
                         article: Article | None = None) -> TagEdit | None:
    """A date tag's value as the analyst typed it (ISO), or resolved from a phrase against
    its article's dateline (article: the open one, if it is that tag's, saves a read)."""
    ann = tag_of_kind(db, annotation_id, "date")
    if article is None or article.id != ann.article_id:
        article = get_article(db, ann.article_id)
    new = fields_for_date_correction(article, typed)  # ValueError: why it is not a date
    if (new["value"], new["granularity"]) == (ann.value, ann.granularity):
        return None
    return TagEdit(ann, {k: getattr(ann, k) for k in new}, new)
