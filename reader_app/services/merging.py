"""Merging a Bundle (another analyst's library, or a file another reader turned into one)
into the open library: the one path by which any Bundle enters a library.

    plan = plan_merge(db, bundle)              # reads only
    lines = describe_plan(plan)                # the dry run, one plain-text line each
    result = apply_merge(db, plan, choices)    # one transaction
    changes = undo_merge(db, result.record)    # exactly back; redo_merge puts it again

The planning rules are in merge_plan.py, the writing in merge_apply.py.
"""

from __future__ import annotations

from collections import Counter

from reader_app.services.merge_apply import apply_merge, redo_merge, undo_merge
from reader_app.services.merge_plan import plan_merge
from reader_app.services.merge_types import (
    COMPARED,
    RESOLUTIONS,
    ActorProposal,
    Conflict,
    MergeChoices,
    MergePlan,
    MergeRecord,
    MergeResult,
    PlannedTag,
    Resolution,
    UnanchoredTag,
)

__all__ = ["COMPARED", "RESOLUTIONS", "ActorProposal", "Conflict", "MergeChoices", "MergePlan",
           "MergeRecord", "MergeResult", "PlannedTag", "Resolution", "UnanchoredTag",
           "apply_merge", "describe_plan", "plan_merge", "redo_merge", "undo_merge"]


def _n(count: int, noun: str) -> str:
    """'1 new article', '2 new articles'."""
    return f"{count} {noun}{'s' * (count != 1)}"


def _by_kind(tags: tuple[PlannedTag, ...], names: dict[str, str] | None = None) -> str:
    names = names or {}  # own codes by name
    counts = Counter(names.get(p.tag.kind, p.tag.kind) for p in tags)
    return ", ".join(f"{counts[k]} {k}" for k in sorted(counts)) if counts else "none"


def _one_line(text: object, limit: int = 80) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[:limit - 1] + "…"


def describe_plan(plan: MergePlan) -> list[str]:
    """What the merge would do, for the analyst (the CLI's --dry-run, the dialog's summary)."""
    moved = sum(1 for p in plan.new_tags if p.moved)
    lines = [
        f"Merging {plan.origin or 'the file'}:",
        f"{_n(len(plan.new_articles), 'new article')}; {len(plan.matched)} already in the"
        " library",
        *([f"{_n(len(plan.new_codes), 'new code')} in the codebook:"
           f" {_one_line(', '.join(c.name for c in plan.new_codes))}"] if plan.new_codes else []),
        f"{_n(len(plan.new_tags), 'new tag')} ({_by_kind(plan.new_tags, plan.code_names)})"
        + (f", {moved} re-anchored by their quote" if moved else ""),
        f"{_n(len(plan.duplicates), 'duplicate')} skipped",
        _n(len(plan.conflicts), "conflict"),
        f"{_n(len(plan.new_actors), 'new actor')}; {_n(len(plan.proposals), 'proposed merge')}"
        f" of actors; {_n(len(plan.same_actors), 'actor')} already in the library",
        f"{_n(len(plan.unanchored), 'tag')} cannot be anchored",
    ]
    for c in plan.conflicts:
        kind = "same tag" if c.same_uuid else "same span"
        lines.append(f"conflict {c.index + 1} ({kind}, default: keep {c.default}) in"
                     f" “{_one_line(c.article_title, 50)}” on “{_one_line(c.mine.quote, 50)}”:")
        for name, mine, theirs in zip(c.fields, c.mine_values, c.theirs_values, strict=True):
            lines.append(f"    {name}: mine “{_one_line(mine)}” | theirs “{_one_line(theirs)}”")
    for p in plan.proposals:
        lines.append(f"actor “{_one_line(p.theirs.name)}” → ours “{_one_line(p.mine_name)}”"
                     f" (shares “{_one_line(p.matched_on)}”)")
    for u in plan.unanchored:
        lines.append(f"unanchored {u.kind} in “{_one_line(u.article_title, 50)}”:"
                     f" “{_one_line(u.quote, 50)}”: {u.reason}")
    lines += [_one_line(n, 300) for n in plan.notes]
    return lines
