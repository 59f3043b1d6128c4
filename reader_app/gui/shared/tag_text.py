"""What a tag means, as short texts for the table and the editor (no widgets here)."""

from __future__ import annotations

from reader_app.domain.admiralty import CREDIBILITY, RELIABILITY
from reader_app.domain.models import ActorId, Annotation


def admiralty_code(a: Annotation) -> str:
    """"B2", "B" or "2": the parts of the Admiralty code that are set."""
    return (a.reliability or "") + (str(a.credibility) if a.credibility is not None else "")


def value_text(a: Annotation, names: dict[ActorId, str]) -> str:
    """What the tag means, in one short line."""
    if a.kind == "actor":
        return names.get(a.actor_id, "") if a.actor_id is not None else (a.value or "")
    if a.kind == "date":
        if a.value is None:
            return "unresolved"
        return a.value if a.granularity in (None, "day") else f"{a.value} ({a.granularity})"
    if a.kind == "claim":
        claimant = names.get(a.claimant_id, "") if a.claimant_id is not None else ""
        return " · ".join(p for p in (claimant, a.status or "", admiralty_code(a)) if p)
    return a.value or ""


def value_tip(a: Annotation) -> str | None:
    if a.kind == "claim" and (a.reliability or a.credibility is not None):
        parts = []
        if a.reliability:
            parts.append(f"Source {a.reliability}: {RELIABILITY.get(a.reliability, '?')}")
        if a.credibility is not None:
            parts.append(f"information {a.credibility}: {CREDIBILITY.get(a.credibility, '?')}")
        return "; ".join(parts)
    if a.kind == "date" and a.date_method:
        if a.date_method == "unresolved-undated":
            return "Unresolved: the article has no dateline"
        if a.value is None:
            return "Unresolved: not read as a date"
        how = ("typed by the analyst" if a.date_method == "analyst"
               else f"resolved by the {a.date_method} rule")
        return f"{a.granularity}, {how}"
    return None
