"""What the controller pushes to change a claim's fields or correct a date tag's value.

Both are EditAnnotationCommands (update_annotation with the old values undoes them);
these functions check the request and word the undo step. They raise ValueError /
NotFound with a message for the analyst and return None when nothing would change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reader_app.services.analysis import fields_for_date_correction
from reader_app.domain.iso_values import iso_granularity, not_a_date
from reader_app.domain.quotes import quoted
from reader_app.gui.commands.tags import EditAnnotationCommand, tag_of_kind
from reader_app.storage.actors import get_actor
from reader_app.storage.articles import get_article

if TYPE_CHECKING:
    from reader_app.gui.controller import LibraryController

CLAIM_FIELDS = ("claimant_id", "claim_date", "claim_date_annotation_id", "status",
                "reliability", "credibility")
_LABELS = {"claimant_id": "claimant", "claim_date": "date", "claim_date_annotation_id": "date",
           "status": "status", "reliability": "reliability", "credibility": "credibility"}


def check_iso_value(value: str) -> None:
    """Refuse (ValueError) what is not a real ISO 8601 day, week, month, year or interval."""
    if iso_granularity(value) is None:
        raise ValueError(not_a_date(value))


def claim_fields_command(controller: LibraryController, annotation_id: int,
                         fields: dict[str, Any]) -> EditAnnotationCommand | None:
    bad = set(fields) - set(CLAIM_FIELDS)
    if bad:
        raise ValueError(f"A claim has no field {', '.join(sorted(bad))}.")
    ann = tag_of_kind(controller, annotation_id, "claim")
    new = {k: (v if v != "" else None) for k, v in fields.items()}
    if new.get("claim_date") is not None:
        check_iso_value(new["claim_date"])
    new = {k: v for k, v in new.items() if getattr(ann, k) != v}
    if not new:
        return None
    old = {k: getattr(ann, k) for k in new}
    labels = {_LABELS[k] for k in new}
    what = f"claim {quoted(ann.quote)}"
    if len(labels) > 1:
        text = f"Edit {what}"
    else:
        [label] = labels
        text = f"Set {label} of {what} to {_shown(controller, new)}"
    return EditAnnotationCommand(controller, ann, old, new, text)


def _shown(controller: LibraryController, new: dict[str, Any]) -> str:
    """The new value of one field as the undo step names it."""
    if "claimant_id" in new:
        actor_id = new["claimant_id"]
        return get_actor(controller.db, actor_id).name if actor_id is not None else "nobody"
    if "claim_date" in new or "claim_date_annotation_id" in new:
        return new.get("claim_date") or "none"
    value = next(iter(new.values()))
    return "none" if value is None else str(value)


def date_correction_command(controller: LibraryController, annotation_id: int,
                            typed: str | None) -> EditAnnotationCommand | None:
    """A date tag's value as the analyst typed it (ISO), or resolved from a phrase."""
    ann = tag_of_kind(controller, annotation_id, "date")
    current = controller.current_article
    article = current if current and current.id == ann.article_id else get_article(
        controller.db, ann.article_id)
    new = fields_for_date_correction(article, typed)  # ValueError: why it is not a date
    if (new["value"], new["granularity"]) == (ann.value, ann.granularity):
        return None
    old = {k: getattr(ann, k) for k in new}
    text = f"Correct date {quoted(ann.quote)} to {new['value'] or 'none'}"
    return EditAnnotationCommand(controller, ann, old, new, text)
