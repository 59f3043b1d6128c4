"""The data a merge passes around: the plan (what a Bundle would do to the library), the
analyst's choices, and the record that undoes and redoes an applied merge."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from reader_app.domain.interchange import BundleActor, BundleArticle, BundleCode, BundleTag
from reader_app.domain.models import ActorId, Annotation, ArticleId
from reader_app.services.changes import ChangeSet
from reader_app.storage.article_rows import TableRows

Resolution = Literal["mine", "theirs", "both"]
RESOLUTIONS: tuple[Resolution, ...] = ("mine", "theirs", "both")
# what a conflict compares, as the analyst reads them (actor/claimant: the actor's name)
COMPARED = ("kind", "span", "value", "note", "actor", "claimant", "claim_date", "status",
            "reliability", "credibility", "granularity", "date_method")


@dataclass(frozen=True)
class PlannedTag:
    """A Bundle tag placed in the text it will belong to (the library's, or a new
    article's): quote, prefix and suffix are read from that text at start:end."""

    tag: BundleTag
    article_uuid: str  # the Bundle article's
    article_id: ArticleId | None  # None: the article is new (its id comes on apply)
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    moved: bool = False  # not at its own offsets: found by quote and context
    fresh_uuid: bool = False  # its uuid is taken by another library tag: a new one is made
    mine_id: int | None = None  # a duplicate: the library's tag it repeats


@dataclass(frozen=True)
class Conflict:
    index: int
    article_title: str
    mine: Annotation
    theirs: PlannedTag
    fields: tuple[str, ...]  # COMPARED names that differ
    mine_values: tuple[str, ...]  # per field, as shown
    theirs_values: tuple[str, ...]
    default: Resolution
    same_uuid: bool  # the same tag edited on both sides (else: the same span)


@dataclass(frozen=True)
class ActorProposal:
    """Their actor looks like one of ours: accept merges it into ours, reject adds it."""

    theirs: BundleActor
    mine_id: ActorId
    mine_name: str
    matched_on: str  # the name or alias (theirs) whose key ours has


@dataclass(frozen=True)
class UnanchoredTag:
    article_title: str
    kind: str
    quote: str
    reason: str


@dataclass(frozen=True)
class MergePlan:
    origin: str
    new_articles: tuple[BundleArticle, ...]  # text checked, sha256 recomputed
    matched: dict[str, ArticleId]  # Bundle article uuid -> the library's article
    titles: dict[str, str]  # Bundle article uuid -> the title shown in messages
    missing: tuple[BundleArticle, ...]  # no text and not in the library: tags skipped
    new_tags: tuple[PlannedTag, ...]
    duplicates: tuple[PlannedTag, ...]
    conflicts: tuple[Conflict, ...]
    same_actors: dict[str, ActorId]  # their uuid -> ours, by uuid
    proposals: tuple[ActorProposal, ...]
    new_actors: tuple[BundleActor, ...]
    unanchored: tuple[UnanchoredTag, ...]
    notes: tuple[str, ...] = field(default=())  # the reader's report and what was dropped
    # own codes: their kind -> ours (a code of ours by uuid or name, or one of new_codes)
    code_kinds: dict[str, str] = field(default_factory=dict)
    new_codes: tuple[BundleCode, ...] = ()  # to add to the codebook, parents first
    code_names: dict[str, str] = field(default_factory=dict)  # our own kind -> its name

    @property
    def is_empty(self) -> bool:
        return not (self.new_articles or self.new_tags or self.conflicts or self.proposals
                    or self.new_actors)


@dataclass(frozen=True)
class MergeChoices:
    """The analyst's answers. conflicts: Conflict.index -> resolution; a conflict not named
    takes `default`, or its own Conflict.default when that is None. actors: their actor
    uuid -> True to merge it into the proposed actor of ours, False to add it as a new one;
    a proposal not named takes accept_actors."""

    conflicts: Mapping[int, Resolution] = field(default_factory=dict)
    default: Resolution | None = None
    actors: Mapping[str, bool] = field(default_factory=dict)
    accept_actors: bool = True

    def resolution(self, conflict: Conflict) -> Resolution:
        return self.conflicts.get(conflict.index, self.default or conflict.default)

    def accepts(self, proposal: ActorProposal) -> bool:
        return self.actors.get(proposal.theirs.uuid, self.accept_actors)


@dataclass(frozen=True)
class MergeRecord:
    """What undo_merge and redo_merge need: the added rows, the changed tags' columns."""

    origin: str
    actors: TableRows
    aliases: TableRows  # added to new actors and to ours (accepted proposals)
    articles: TableRows
    annotations: TableRows
    changed: tuple[tuple[int, dict[str, object], dict[str, object]], ...]  # id, before, after
    touched_actors: tuple[int, ...]  # actors of ours that gained aliases
    codes: TableRows | None = None  # own codes the merge added to the codebook


@dataclass(frozen=True)
class MergeResult:
    changes: ChangeSet
    record: MergeRecord
    articles_added: int
    tags_added: int
    tags_changed: int
    actors_added: int
    actors_merged: int

    def summary(self) -> str:
        def n(count: int, noun: str) -> str:
            return f"{count} {noun}{'s' * (count != 1)}"

        return (f"Merged {self.record.origin or 'the file'}: {n(self.articles_added, 'article')},"
                f" {n(self.tags_added, 'tag')} and {n(self.actors_added, 'actor')} added,"
                f" {n(self.tags_changed, 'tag')} changed; {n(self.actors_merged, 'actor')} of"
                " the file matched to the library's.")
