"""Tag operations: tag a span, delete a tag, edit its fields; each with its inverse.

Every operation is one transaction and returns what its inverse takes together with the
ChangeSet of the new state (readback.describe), so the window updates without re-reading
the library. Inverses put the library back with the same ids and uuids.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from reader_app.domain.models import KINDS, Annotation, Article
from reader_app.domain.quotes import quoted
from reader_app.services.analysis import NewTag, add_tag, remove_new_tag, restore_new_tag
from reader_app.services.changes import ChangeSet
from reader_app.services.claim_links import completing, link_fields, recompleting, uncompleting
from reader_app.services.codebook_read import kind_names, known_kind
from reader_app.services.readback import describe
from reader_app.storage.actors import claim_ids_by
from reader_app.storage.annotations import (
    delete_annotation,
    find_annotation,
    get_annotation,
    restore_annotation,
    update_annotation,
)
from reader_app.storage.transaction import write


@dataclass(frozen=True)
class TagEdit:
    """A checked request to change some fields of a tag: the tag as it is, the values
    its fields have now (old) and will have (new); only fields that change."""

    annotation: Annotation
    old: dict[str, Any]
    new: dict[str, Any]


def tag_of_kind(db: Database, annotation_id: int, kind: str) -> Annotation:
    """A tag a request is about, refused (ValueError) when it is of another kind."""
    ann = get_annotation(db, annotation_id)
    if ann.kind != kind:
        raise ValueError(f"{quoted(ann.quote)} is tagged {ann.kind}, not {kind}.")
    return ann


EDITABLE_FIELDS = ("kind", "value", "note")  # what the tag editor changes directly


def plan_tag(db: Database, article: Article, kind: str, start: int, end: int) -> str:
    """The quote a new tag over article.text[start:end] would have; ValueError with the
    analyst's message when the span cannot be tagged so."""
    if kind not in KINDS and not known_kind(db, kind):
        raise ValueError(f"Unknown tag kind {kind!r}.")
    if not 0 <= start < end <= len(article.text):
        raise ValueError("Select some text to tag.")
    quote = article.text[start:end]
    if not quote.strip():
        raise ValueError("Only white space is selected; select some words to tag.")
    if find_annotation(db, article.id, kind, start, end) is not None:
        raise ValueError(f"Already tagged as {kind_names(db).get(kind, kind)}: {quoted(quote)}.")
    return quote


def plan_tag_edit(db: Database, annotation_id: int, fields: dict[str, str | None]) -> TagEdit | None:
    """A checked change of value/note/kind: empty strings mean "no value", unchanged
    fields are dropped (None: nothing would change). NotFound / ValueError refuse it;
    fields other than EDITABLE_FIELDS are the caller's to refuse."""
    if "kind" in fields and fields["kind"] not in KINDS and not known_kind(
            db, str(fields["kind"])):
        raise ValueError(f"Unknown tag kind {fields['kind']!r}.")
    ann = get_annotation(db, annotation_id)
    new = {k: v if k == "kind" else (v or None) for k, v in fields.items()}
    new = {k: v for k, v in new.items() if getattr(ann, k) != v}
    if not new:
        return None
    return TagEdit(ann, {k: getattr(ann, k) for k in new}, new)


def tag(db: Database, article: Article, kind: str, start: int, end: int, *,
        analyst: str | None = None,
        expected_quote: str | None = None) -> tuple[NewTag, ChangeSet]:
    """Tag article.text[start:end] with what it means (analysis.add_tag: its actor, maybe
    created now, its date value, its claimant). Inverse: untag."""
    with write(db):
        new = add_tag(db, article, kind, start, end, analyst=analyst,
                      expected_quote=expected_quote)
        # a date inside undated claims dates them; a speaker tagged after its claim credits it
        new, linked = completing(db, article, new)
        return new, describe(db, added=[new.annotation], changed=linked,
                             fields=link_fields(linked), explanation=new.explanation,
                             claims=_renamed_claims(db, new))


def untag(db: Database, new: NewTag) -> tuple[NewTag, ChangeSet]:
    """Undo tag: the tag goes, and an actor created for it if nothing else uses it now;
    claims it dated or credited lose that again. Inverse: retag."""
    with write(db):
        unlinked = uncompleting(db, new)
        gone = remove_new_tag(db, new)
        return gone, describe(db, removed=[gone.annotation], changed=unlinked,
                              fields=link_fields(unlinked), claims=_renamed_claims(db, gone))


def retag(db: Database, gone: NewTag) -> tuple[NewTag, ChangeSet]:
    """Redo tag after untag: the same tag and actor (ids, uuids) come back, and the
    claims it dated or credited take its date or actor again."""
    with write(db):
        back = restore_new_tag(db, gone)
        linked = recompleting(db, back)
        return back, describe(db, added=[back.annotation], changed=linked,
                              fields=link_fields(linked), claims=_renamed_claims(db, back))


def _renamed_claims(db: Database, new: NewTag) -> list[int]:
    """The claims of an actor the tag renamed: their rows show the claimant's name."""
    return [] if new.renamed is None else [int(i) for i in claim_ids_by(db, [new.renamed[0].id])]


def delete_tag(db: Database, annotation_id: int) -> tuple[Annotation, ChangeSet]:
    """Delete a tag; returns it as it was just before (later edits included) for
    restore_tag."""
    with write(db):
        gone = delete_annotation(db, annotation_id)
        return gone, describe(db, removed=[gone])


def restore_tag(db: Database, gone: Annotation) -> tuple[Annotation, ChangeSet]:
    """Undo delete_tag: same id, uuid, timestamps and links."""
    with write(db):
        back = restore_annotation(db, gone)
        return back, describe(db, added=[back])


def edit_tag(db: Database, annotation_id: int,
             fields: dict[str, Any]) -> tuple[dict[str, Any], ChangeSet]:
    """Set some fields of a tag (storage's update_annotation checks them); returns the
    values they had, so edit_tag with those undoes it."""
    with write(db):
        before = get_annotation(db, annotation_id)
        after = update_annotation(db, annotation_id, **fields)
        old = {k: getattr(before, k) for k in fields}
        return old, describe(db, changed=[(before, after)], fields=fields)
