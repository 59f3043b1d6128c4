"""An actor tagged after a claim, as its speaker, becomes the claim's claimant.

Tagging the claim after its speaker already proposed the claimant (analysis.claimant_for);
this is the other order: an analyst often marks the quote first, then who said it. A claim
near the new actor tag that has no claimant is read again, and takes the new actor only
when the proposal now names exactly that actor. Part of the tagging's transaction and of
its undo step: NewTag keeps the claims it credited, so undoing the tag clears them again.
"""

from __future__ import annotations

from dataclasses import replace

from sqlite_utils import Database

from reader_app.domain.models import Annotation, Article
from reader_app.domain.quotes import quoted
from reader_app.services.analysis import NewTag, claimant_for
from reader_app.services.readback import Pair
from reader_app.storage.actors import actor_names, known_actor_keys
from reader_app.storage.annotations import get_annotation, list_annotations_near, update_annotation

CLAIMANT_LINK = ("claimant_id",)


def credit_claims(db: Database, article: Article, actor_tag: Annotation) -> list[Pair]:
    """Claims without a claimant near actor_tag whose proposal is now its actor: (before,
    after) of each. Call inside the tagging's transaction, after the tag is stored."""
    if actor_tag.kind != "actor" or actor_tag.actor_id is None:
        return []
    near = list_annotations_near(db, article.id, actor_tag.start, actor_tag.end, "claim")
    pairs = []
    library_keys: dict[str, int] | None = None  # every actor's keys: read once, if needed
    for claim in near:
        if claim.claimant_id is not None:
            continue
        if library_keys is None:
            library_keys = {key: ids[0] for key, ids in known_actor_keys(db).items()}
        claimant, _ = claimant_for(db, article, claim.start, claim.end, library_keys)
        if claimant == actor_tag.actor_id:
            pairs.append((claim, update_annotation(db, claim.id, claimant_id=claimant)))
    return pairs


def crediting_new_tag(db: Database, article: Article, new: NewTag) -> tuple[NewTag, list[Pair]]:
    """A new actor tag that became claims' claimant: with them (and the analyst told)."""
    credited = credit_claims(db, article, new.annotation)
    if not credited:
        return new, []
    actor_id = new.annotation.actor_id
    name = next(iter(actor_names(db, [actor_id]).values()), "") if actor_id is not None else ""
    # name the claim: it may stand a paragraph away ("he said" reaching back to this name)
    what = f"Claimant of {quoted(credited[0][1].quote)}" if len(credited) == 1 else \
        f"Claimant of {len(credited)} claims"
    said = f"{new.explanation} {what} set to {name}, who says {'it' if len(credited) == 1 else 'them'}."
    return replace(new, explanation=said.strip(),
                   credited_claims=tuple(b.id for _, b in credited)), credited


def uncredit_claims(db: Database, claim_ids: list[int]) -> list[Pair]:
    """Undo crediting: the claims have no claimant again."""
    pairs = []
    for claim_id in claim_ids:
        before = get_annotation(db, claim_id)
        pairs.append((before, update_annotation(db, claim_id, claimant_id=None)))
    return pairs


def recrediting(db: Database, back: NewTag) -> list[Pair]:
    """Redo: the claims a tag credited before take its actor again."""
    pairs = []
    for claim_id in back.credited_claims:
        before = get_annotation(db, claim_id)
        pairs.append((before, update_annotation(db, claim_id,
                                                claimant_id=back.annotation.actor_id)))
    return pairs
