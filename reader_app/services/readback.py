"""Fill a ChangeSet with the new state of what a write touched, read back by ids.

A few indexed queries per change (never a read of the whole library): the tags as
given, the tag counts of their articles, the actors whose counts or links moved, and the
claims-list rows of the claims involved, including claims whose date comes from a date
tag that changed. Call inside the write's transaction, so the state read is the one written.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlite_utils import Database

from reader_app.domain.models import ActorId, Annotation, AnnotationId, ArticleId
from reader_app.services.changes import ChangeSet
from reader_app.storage.actors import actor_summaries, claim_ids_by
from reader_app.storage.articles import code_counts, tag_counts
from reader_app.storage.export_rows import claim_ids_dated_by, claim_rows_by_id

Pair = tuple[Annotation, Annotation]  # a tag before and after a change
_DATE_FIELDS = {"value", "kind"}  # a date tag's change a claim shows (its value, or it is gone)


def describe(
    db: Database,
    *,
    added: Sequence[Annotation] = (),
    removed: Sequence[Annotation] = (),
    changed: Sequence[Pair] = (),
    fields: Iterable[str] = (),
    actors: Iterable[int] = (),
    claims: Iterable[int] = (),
    explanation: str = "",
) -> ChangeSet:
    """The ChangeSet of a write: tags added, removed, or changed (before, after) in
    `fields`; plus actors and claims the caller knows changed too (a rename: the actor
    and the claims it makes)."""
    fields = set(fields)
    after = [b for _, b in changed]
    touched = [*added, *removed, *after, *(a for a, _ in changed)]
    out = ChangeSet(tags_added=list(added), tags_changed=after, tags_removed=list(removed),
                    tag_fields=fields if changed else set(), explanation=explanation)

    articles = {t.article_id for t in (*added, *removed)}
    if "kind" in fields:
        articles |= {t.article_id for t in after}
    for article_id in sorted(articles):
        out.counts[ArticleId(article_id)] = tag_counts(db, article_id).get(article_id, (0, 0, 0))
    if articles:
        own = code_counts(db, articles)
        out.code_counts = {ArticleId(i): own.get(i, 0) for i in sorted(articles)}

    # an actor's mention and claim counts move when a tag linked to it comes, goes or relinks
    actor_ids = set(actors)
    link_moved = bool(fields & {"actor_id", "claimant_id", "kind"})
    for t in (*added, *removed) if not link_moved else touched:
        actor_ids |= {i for i in (t.actor_id, t.claimant_id) if i is not None}
    if actor_ids:
        found = actor_summaries(db, actor_ids)
        out.actors = {ActorId(i): found.get(ActorId(i)) for i in sorted(actor_ids)}

    claim_ids = set(claims) | {t.id for t in touched if t.kind == "claim"}
    dates: dict[int, set[int]] = {}  # article -> date tags whose claims show another date now
    for t in (*added, *removed):
        if t.kind == "date":
            dates.setdefault(t.article_id, set()).add(t.id)
    if fields & _DATE_FIELDS:
        for before, now in changed:
            if "date" in (before.kind, now.kind):
                dates.setdefault(now.article_id, set()).add(now.id)
    for article, ids in dates.items():
        claim_ids |= set(claim_ids_dated_by(db, article, ids))
    if claim_ids:
        rows = claim_rows_by_id(db, claim_ids)
        out.claims = {AnnotationId(i): rows.get(AnnotationId(i)) for i in sorted(claim_ids)}
    return out


def actor_changes(db: Database, actor_ids: Iterable[int], *, with_claims: bool) -> ChangeSet:
    """Actors whose own row changed (name, type, note, aliases, or gone/back); with_claims:
    their claims too, whose rows show the claimant's name and type."""
    ids = set(actor_ids)
    return describe(db, actors=ids, claims=claim_ids_by(db, ids) if with_claims else ())
