"""What one service operation changed, so the window updates without re-reading the library.

Every operation that writes returns one ChangeSet; the controller emits it once and each
pane takes what concerns it (the model: Anki's OpChanges). A ChangeSet carries the new
state of what changed (not just ids), so a pane never has to query the library again.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from reader_app.domain.models import (
    ActorId,
    ActorSummary,
    Annotation,
    AnnotationId,
    ArticleId,
    ArticleSummary,
)

TagCounts = tuple[int, int, int]  # (claims, actors, dates) of one article


@dataclass
class ChangeSet:
    # tags, each as it is now (removed: as it was just before removal)
    tags_added: list[Annotation] = field(default_factory=list)
    tags_changed: list[Annotation] = field(default_factory=list)
    tags_removed: list[Annotation] = field(default_factory=list)
    tag_fields: set[str] = field(default_factory=set)  # fields of tags_changed that changed
    # actors whose row (name, type, aliases, note, counts) changed: the new summary,
    # or None for an actor that no longer exists
    actors: dict[ActorId, ActorSummary | None] = field(default_factory=dict)
    # claims whose row in the claims list changed (export_rows.CLAIM_COLUMNS keys),
    # None for a claim that is gone (deleted, or no longer a claim)
    claims: dict[AnnotationId, dict[str, object] | None] = field(default_factory=dict)
    # tag counts of each article whose counts changed, after the change
    counts: dict[ArticleId, TagCounts] = field(default_factory=dict)
    # own-code tags of the articles in counts, after the change
    code_counts: dict[ArticleId, int] = field(default_factory=dict)
    articles_added: list[ArticleSummary] = field(default_factory=list)
    articles_removed: list[ArticleId] = field(default_factory=list)
    # articles whose own row changed (title, source, published, memo): the new summary
    articles_changed: list[ArticleSummary] = field(default_factory=list)
    # articles whose suggestions must be computed again though no tag changed (a rejection)
    suggestions_stale: set[ArticleId] = field(default_factory=set)
    # one or two sentences for the analyst (why this actor/date/claimant was chosen)
    explanation: str = ""
    # the codebook (own codes: names, colours, keys, tree) changed: read it again
    codebook: bool = False

    def is_empty(self) -> bool:
        return not (self.tags_added or self.tags_changed or self.tags_removed or self.actors
                    or self.claims or self.counts or self.articles_added
                    or self.articles_removed or self.articles_changed
                    or self.suggestions_stale or self.codebook)

    def merge(self, later: ChangeSet) -> ChangeSet:
        """This change followed by a later one, as one change (later states win)."""
        out = ChangeSet()
        added = {a.id: a for a in self.tags_added}
        changed = {a.id: a for a in self.tags_changed}
        removed = {a.id: a for a in self.tags_removed}
        back_fields: set[str] = set()
        for a in later.tags_added:
            if a.id in removed:  # removed then back: a change at most
                was = removed.pop(a.id)
                back_fields |= {f.name for f in fields(a) if getattr(a, f.name) != getattr(
                    was, f.name)}
                changed[a.id] = a
            else:
                added[a.id] = a
        for a in later.tags_changed:
            (added if a.id in added else changed)[a.id] = a
        for a in later.tags_removed:
            if added.pop(a.id, None) is None:
                changed.pop(a.id, None)
                removed[a.id] = a
        out.tags_added = list(added.values())
        out.tags_changed = list(changed.values())
        out.tags_removed = list(removed.values())
        out.tag_fields = self.tag_fields | later.tag_fields | back_fields
        out.actors = {**self.actors, **later.actors}
        out.claims = {**self.claims, **later.claims}
        out.counts = {**self.counts, **later.counts}
        out.code_counts = {**self.code_counts, **later.code_counts}
        # an article added then removed was never there; removed then added back is there
        gone = set(later.articles_removed)
        back = {a.id for a in later.articles_added}
        out.articles_added = [a for a in self.articles_added if a.id not in gone | back]
        out.articles_added += later.articles_added
        out.articles_removed = [i for i in self.articles_removed if i not in back | gone]
        out.articles_removed += [i for i in later.articles_removed
                                 if i not in {a.id for a in self.articles_added}]
        for article_id in gone:
            out.counts.pop(article_id, None)
            out.code_counts.pop(article_id, None)
        edited = {a.id: a for a in [*self.articles_changed, *later.articles_changed]}
        out.articles_changed = [a for i, a in edited.items() if i not in gone]
        out.suggestions_stale = self.suggestions_stale | later.suggestions_stale
        out.explanation = later.explanation or self.explanation
        out.codebook = self.codebook or later.codebook
        return out
