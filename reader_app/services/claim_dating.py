"""A date tagged inside a claim that has no date yet dates that claim.

Tagging the claim after its date already took the date (analysis._claim_fields); this is
the other order. Part of the tagging's transaction and of its undo step: NewTag keeps
the claims it dated (dated_claims), so undoing the tag takes their date away again.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlite_utils import Database

from reader_app.domain.models import Annotation
from reader_app.services.analysis import NewTag
from reader_app.services.readback import Pair
from reader_app.storage.annotations import claims_holding, get_annotation, update_annotation

DATE_LINK = ("claim_date", "claim_date_annotation_id")


def undated_claims_holding(db: Database, date: Annotation) -> list[Annotation]:
    return [c for c in claims_holding(db, date.article_id, date.start, date.end)
            if c.claim_date is None and c.claim_date_annotation_id is None]


def date_claims(db: Database, date: Annotation, claim_ids: list[int] | None = None
                ) -> list[Pair]:
    """Give the claims holding a new date tag (those with no date), or the claims named,
    its date: (before, after) of each. Call inside the tagging's transaction."""
    claims = undated_claims_holding(db, date) if claim_ids is None else \
        [c for c in claims_holding(db, date.article_id, date.start, date.end)
         if c.id in claim_ids]
    link: dict[str, Any] = {"claim_date": date.value, "claim_date_annotation_id": date.id}
    return [(c, update_annotation(db, c.id, **link)) for c in claims]


def undate_claims(db: Database, claim_ids: list[int]) -> list[Pair]:
    """Undo date_claims: the claims have no date again."""
    pairs = []
    for claim_id in claim_ids:
        before = get_annotation(db, claim_id)
        pairs.append((before, update_annotation(db, claim_id, claim_date=None,
                                                claim_date_annotation_id=None)))
    return pairs


def dating_text(pairs: list[Pair], date: Annotation) -> str:
    """For the status bar; "" when no claim was dated."""
    if not pairs:
        return ""
    what = "Claim date" if len(pairs) == 1 else f"Date of {len(pairs)} claims"
    if date.value is None:
        return f"{what} taken from this date tag (not resolved yet: correct its value)."
    return f"{what} set to {date.value} from this date tag."


def dating_new_tag(db: Database, new: NewTag) -> tuple[NewTag, list[Pair]]:
    """A new tag that, if a date, dated claims: with them (and the analyst told first)."""
    if new.annotation.kind != "date":
        return new, []
    dated = date_claims(db, new.annotation)
    if not dated:
        return new, []
    said = f"{dating_text(dated, new.annotation)} {new.explanation}".strip()
    return replace(new, explanation=said, dated_claims=tuple(b.id for _, b in dated)), dated


def redating(db: Database, back: NewTag) -> list[Pair]:
    """Redo: the claims a tag brought back dated before take its date again."""
    return date_claims(db, back.annotation, list(back.dated_claims)) if back.dated_claims \
        else []
