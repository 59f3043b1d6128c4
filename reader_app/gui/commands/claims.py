"""What the host pushes to change a claim's fields or correct a date tag's value.

Both are EditAnnotationCommands over tagging.edit_tag (its old values undo them);
claim_ops checks the request, these functions word the undo step. They raise ValueError /
NotFound with a message for the analyst and return None when nothing would change.
"""

from __future__ import annotations

from typing import Any

from reader_app.domain.quotes import quoted
from reader_app.gui.commands.host import CommandHost
from reader_app.gui.commands.tags import EditAnnotationCommand
from reader_app.services import claim_ops
from reader_app.services.claim_ops import ClaimEdit

_LABELS = {"claimant_id": "claimant", "claim_date": "date", "claim_date_annotation_id": "date",
           "status": "status", "reliability": "reliability", "credibility": "credibility"}


def claim_fields_command(host: CommandHost, annotation_id: int,
                         fields: dict[str, Any]) -> EditAnnotationCommand | None:
    edit = claim_ops.plan_claim_fields(host.db, annotation_id, fields)
    if edit is None:
        return None
    labels = {_LABELS[k] for k in edit.new}
    what = f"claim {quoted(edit.annotation.quote)}"
    if len(labels) > 1:
        text = f"Edit {what}"
    else:
        [label] = labels
        text = f"Set {label} of {what} to {_shown(edit)}"
    return EditAnnotationCommand(host, edit.annotation, edit.old, edit.new, text)


def _shown(edit: ClaimEdit) -> str:
    """The new value of one field as the undo step names it."""
    new = edit.new
    if "claimant_id" in new:
        return edit.claimant_name or "nobody"
    if "claim_date" in new or "claim_date_annotation_id" in new:
        return new.get("claim_date") or "none"
    value = next(iter(new.values()))
    return "none" if value is None else str(value)


def date_correction_command(host: CommandHost, annotation_id: int,
                            typed: str | None) -> EditAnnotationCommand | None:
    """A date tag's value as the analyst typed it (ISO), or resolved from a phrase."""
    edit = claim_ops.plan_date_correction(host.db, annotation_id, typed, host.current_article)
    if edit is None:
        return None
    text = f"Correct date {quoted(edit.annotation.quote)} to {edit.new['value'] or 'none'}"
    return EditAnnotationCommand(host, edit.annotation, edit.old, edit.new, text)
