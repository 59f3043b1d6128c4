"""Planning a merge: what a Bundle would add to the library, what it repeats, where it
disagrees with it, and which of its actors look like the library's own. Nothing is written.

Matching (README-part.md says the same for the analyst):
- articles by sha256 of the text, then by uuid; a Bundle article without text (W3C) that
  matches neither is reported and its tags skipped;
- tags by uuid; a tag with a new uuid on the same kind and span as a library tag is
  a duplicate when its values are the same and its analyst is the same (or unknown); the
  same span by another analyst is that analyst's reading: added when the values agree
  (agreement compares both), a conflict defaulting to "both" when they differ;
- a tag that differs from the library's tag with its uuid, or from the same analyst's tag
  on its span, is a conflict defaulting to "mine";
- actors by uuid, then by name key of their name and aliases (a proposal the analyst may
  reject); the rest become new actors.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from uuid import uuid4

from sqlite_utils import Database

from reader_app.domain.actors import match_key
from reader_app.domain.admiralty import CREDIBILITY, RELIABILITY
from reader_app.domain.anchoring import anchor_tag
from reader_app.domain.codebook import is_own_kind
from reader_app.domain.interchange import Bundle, BundleActor, BundleArticle, BundleTag
from reader_app.domain.iso_values import GRANULARITIES, iso_granularity
from reader_app.domain.models import (
    ACTOR_TYPES,
    CLAIM_STATUSES,
    KINDS,
    ActorId,
    Annotation,
    ArticleId,
)
from reader_app.domain.offsets import CONTEXT, text_sha256
from reader_app.services.merge_codes import code_names, plan_codes
from reader_app.services.merge_types import (
    COMPARED,
    ActorProposal,
    Conflict,
    MergePlan,
    PlannedTag,
    Resolution,
    UnanchoredTag,
)
from reader_app.storage.actors import actor_names, known_actor_keys
from reader_app.storage.annotations import list_annotations
from reader_app.storage.articles import get_article
from reader_app.storage.merge_rows import (
    actors_by_uuid,
    articles_by_sha,
    articles_by_uuid,
    tags_by_uuid,
)


def _clean_tag(tag: BundleTag, where: str, notes: list[str]) -> BundleTag:
    """Values the schema would refuse are dropped, each with a line: one bad value in a
    colleague's file never fails the whole merge."""
    bad: dict[str, object] = {}
    if tag.status is not None and tag.status not in CLAIM_STATUSES:
        bad["status"] = None
    if tag.reliability is not None and tag.reliability not in RELIABILITY:
        bad["reliability"] = None
    if tag.credibility is not None and (type(tag.credibility) is not int
                                        or tag.credibility not in CREDIBILITY):
        bad["credibility"] = None
    if tag.granularity is not None and tag.granularity not in GRANULARITIES:
        bad["granularity"] = None
    if tag.claim_date is not None and not (isinstance(tag.claim_date, str)
                                           and iso_granularity(tag.claim_date)):
        bad["claim_date"] = None
    if tag.date_method is not None and not (isinstance(tag.date_method, str)
                                            and tag.date_method.strip()):
        bad["date_method"] = None
    if bad:
        notes.append(f"{where}: {', '.join(sorted(bad))} dropped (not a value the library"
                     " accepts)")
        tag = replace(tag, **bad)  # type: ignore[arg-type]  # each a field set to None
    return tag


def _placed(tag: BundleTag, text: str, article_uuid: str, article_id: ArticleId | None,
            start: int, end: int, moved: bool) -> PlannedTag:
    return PlannedTag(tag, article_uuid, article_id, start, end, text[start:end],
                      text[max(0, start - CONTEXT):start], text[end:end + CONTEXT], moved)


def _is_day(value: object) -> bool:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _short(text: str, limit: int = 60) -> str:
    one = " ".join(str(text).split())
    return one if len(one) <= limit else one[:limit - 1] + "…"


class _Planner:
    def __init__(self, db: Database, bundle: Bundle) -> None:
        self.db, self.bundle = db, bundle
        self.notes: list[str] = list(bundle.report)
        self.titles: dict[str, str] = {}
        self.matched: dict[str, ArticleId] = {}
        self.new_articles: list[BundleArticle] = []
        self.missing: list[BundleArticle] = []
        self.new_tags: list[PlannedTag] = []
        self.duplicates: list[PlannedTag] = []
        self.conflicts: list[Conflict] = []
        self.unanchored: list[UnanchoredTag] = []
        self.actor_of: dict[str, ActorId | None] = {}  # their uuid -> ours (None: new)
        self.their_names = {a.uuid: a.name for a in bundle.actors}
        self.proposals: list[ActorProposal] = []
        self.new_actors: list[BundleActor] = []
        self.same_actors: dict[str, ActorId] = {}
        self.our_names: dict[ActorId, str] = {}
        self.code_kinds, self.new_codes = plan_codes(db, bundle.codes, self.notes)

    # -- actors ------------------------------------------------------------------------
    def actors(self) -> None:
        by_uuid = actors_by_uuid(self.db, [a.uuid for a in self.bundle.actors])
        keys = {match_key(n) for a in self.bundle.actors for n in (a.name, *a.aliases)
                if isinstance(n, str)}
        known = known_actor_keys(self.db, [k for k in keys if k])
        names = actor_names(self.db, {i for ids in known.values() for i in ids})
        seen: set[str] = set()
        for actor in self.bundle.actors:
            if actor.uuid in seen:
                continue
            seen.add(actor.uuid)
            if not isinstance(actor.name, str) or not match_key(actor.name):
                self.notes.append(f"actor {actor.uuid}: no name; tags pointing at it are"
                                  " left unlinked")
                continue
            if actor.type not in ACTOR_TYPES:
                self.notes.append(f"actor “{_short(actor.name)}”: type {actor.type!r} is"
                                  " unknown; added as other")
                actor = replace(actor, type="other")
            if actor.uuid in by_uuid:
                self.same_actors[actor.uuid] = self.actor_of[actor.uuid] = ActorId(
                    by_uuid[actor.uuid])
                continue
            match = next(((n, known[match_key(n)][0]) for n in (actor.name, *actor.aliases)
                          if isinstance(n, str) and known.get(match_key(n))), None)
            if match is not None:
                mine = ActorId(match[1])
                self.actor_of[actor.uuid] = mine
                self.proposals.append(ActorProposal(actor, mine, names.get(mine, ""), match[0]))
            else:
                self.actor_of[actor.uuid] = None
                self.new_actors.append(actor)

    def _link(self, uuid: str | None, where: str) -> str | None:
        """Their actor uuid kept if it is an actor we know how to map; else None, noted."""
        if uuid is None or uuid in self.actor_of:
            return uuid
        self.notes.append(f"{where}: its actor {uuid} is not in {self.bundle.origin or 'the'}"
                          " file's actors; left unlinked")
        return None

    # -- articles and tags -------------------------------------------------------------------
    def articles(self) -> None:
        arts = self.bundle.articles
        by_sha = articles_by_sha(self.db, [a.sha256 for a in arts if a.text is None]
                                 + [text_sha256(a.text) for a in arts if a.text is not None])
        by_uuid = articles_by_uuid(self.db, [a.uuid for a in arts])
        taken = tags_by_uuid(self.db, [t.uuid for a in arts for t in a.tags])
        seen_articles: set[str] = set()
        seen_tags: set[str] = set()
        seen_uuids: set[str] = set()
        for art in arts:
            if not isinstance(art.uuid, str) or not art.uuid or art.uuid in seen_uuids:
                art = replace(art, uuid=str(uuid4()))  # a reader's slip must not merge two
            seen_uuids.add(art.uuid)
            title = art.title if isinstance(art.title, str) and art.title.strip() else art.uuid
            self.titles[art.uuid] = title
            sha = text_sha256(art.text) if art.text is not None else art.sha256
            if sha in seen_articles:
                self.notes.append(f"“{_short(title)}”: the same text twice in the file; taken once")
                continue
            seen_articles.add(sha)
            if sha in by_sha:
                target: ArticleId | None = ArticleId(by_sha[sha][0])
            elif art.uuid in by_uuid:
                target = ArticleId(by_uuid[art.uuid][0])
                self.notes.append(f"“{_short(title)}”: matched by uuid, its text differs;"
                                  " its tags are re-anchored on the library's text")
            elif art.text is None or not art.text.strip():
                self.missing.append(art)
                continue
            else:
                target = None
                self.new_articles.append(self._clean_article(art, sha, title))
            if target is not None:
                self.matched[art.uuid] = target
                stored = get_article(self.db, target)
                text, title = stored.text, stored.title
                self.titles[art.uuid] = title
                mine = list_annotations(self.db, target)
            else:
                text, mine = art.text or "", []
            for tag in art.tags:
                if not isinstance(tag.uuid, str) or not tag.uuid:
                    tag = replace(tag, uuid=str(uuid4()))
                if tag.uuid in seen_tags:
                    self.notes.append(f"“{_short(title)}”: tag {tag.uuid} twice in the file;"
                                      " taken once")
                    continue
                seen_tags.add(tag.uuid)
                self._tag(tag, art.uuid, title, target, text, mine, taken)

    def _clean_article(self, art: BundleArticle, sha: str, title: str) -> BundleArticle:
        published = art.published
        if published is not None and not _is_day(published):
            self.notes.append(f"“{_short(title)}”: published date {published!r} is not"
                              " YYYY-MM-DD; left empty")
            published = None
        kind = art.content_type if art.content_type in ("text", "markdown", "html") else "text"
        return replace(art, sha256=sha, title=title, published=published, content_type=kind,
                       source=art.source if isinstance(art.source, str) else "",
                       memo=art.memo if isinstance(art.memo, str) else "", tags=())

    def _tag(self, tag: BundleTag, article_uuid: str, title: str, target: ArticleId | None,
             text: str, mine: list[Annotation], taken: dict[str, Annotation]) -> None:
        where = f"“{_short(title)}”: {tag.kind} tag “{_short(tag.quote)}”"
        if is_own_kind(tag.kind) and tag.kind in self.code_kinds:
            tag = replace(tag, kind=self.code_kinds[tag.kind])
        elif tag.kind not in KINDS:
            self.notes.append(f"{where}: kind {tag.kind!r} is not claim, actor or date; skipped")
            return
        tag = _clean_tag(tag, where, self.notes)
        tag = replace(tag, actor_uuid=self._link(tag.actor_uuid, where),
                      claimant_uuid=self._link(tag.claimant_uuid, where))
        found = anchor_tag(text, tag.start, tag.end, tag.quote, tag.prefix, tag.suffix)
        if found.start is None or found.end is None:
            self.unanchored.append(UnanchoredTag(title, tag.kind, tag.quote, found.reason))
            return
        planned = _placed(tag, text, article_uuid, target, found.start, found.end, found.moved)
        same = taken.get(tag.uuid)
        if same is not None and same.article_id == target:
            self._compare(planned, same, title, same_uuid=True)
            return
        if same is not None:  # that uuid names another tag of ours: keep theirs under a new one
            planned = replace(planned, fresh_uuid=True)
        on_span = [a for a in mine if a.kind == tag.kind and a.placed
                   and (a.start, a.end) == (planned.start, planned.end)]
        own = [a for a in on_span if tag.analyst is None or a.analyst == tag.analyst]
        for ann in own:
            if not self._differences(ann, planned):
                self.duplicates.append(replace(planned, mine_id=ann.id))
                return
        if own:
            self._compare(planned, own[0], title, same_uuid=False)
            return
        for ann in on_span:  # another analyst's reading of the same span
            if self._differences(ann, planned):
                self._compare(planned, ann, title, same_uuid=False, default="both")
                return
        self.new_tags.append(planned)

    def _compare(self, planned: PlannedTag, mine: Annotation, title: str, *, same_uuid: bool,
                 default: Resolution = "mine") -> None:
        diffs = self._differences(mine, planned)
        if not diffs:
            self.duplicates.append(replace(planned, mine_id=mine.id))
            return
        names = [d[0] for d in diffs]
        self.conflicts.append(Conflict(
            len(self.conflicts), title, mine, planned, tuple(names),
            tuple(d[1] for d in diffs), tuple(d[2] for d in diffs), default, same_uuid))

    def _differences(self, mine: Annotation, planned: PlannedTag) -> list[tuple[str, str, str]]:
        """(field, mine as shown, theirs as shown) for each COMPARED field that differs."""
        tag = planned.tag
        wanted = {i for i in (mine.actor_id, mine.claimant_id) if i is not None}
        if wanted - self.our_names.keys():  # read once per actor, not per comparison
            self.our_names.update(actor_names(self.db, wanted - self.our_names.keys()))
        ours = self.our_names

        def actor(theirs: str | None, my_id: int | None) -> tuple[bool, str, str]:
            resolved = self.actor_of.get(theirs) if theirs is not None else None
            same = (theirs is None and my_id is None) or (
                theirs is not None and resolved is not None and resolved == my_id)
            return same, ours.get(ActorId(my_id), "") if my_id is not None else "", (
                self.their_names.get(theirs, "") if theirs is not None else "")

        out: list[tuple[str, str, str]] = []
        pairs: dict[str, tuple[object, object]] = {
            "kind": (mine.kind, tag.kind),
            "span": (f"{mine.start}–{mine.end}", f"{planned.start}–{planned.end}"),
            "value": (mine.value, tag.value), "note": (mine.note, tag.note),
            "claim_date": (mine.claim_date, tag.claim_date), "status": (mine.status, tag.status),
            "reliability": (mine.reliability, tag.reliability),
            "credibility": (mine.credibility, tag.credibility),
            "granularity": (mine.granularity, tag.granularity),
            "date_method": (mine.date_method, tag.date_method)}
        links: dict[str, Callable[[], tuple[bool, str, str]]] = {
            "actor": lambda: actor(tag.actor_uuid, mine.actor_id),
            "claimant": lambda: actor(tag.claimant_uuid, mine.claimant_id)}
        # a file that does not say who tagged (ML JSON Lines) carries few fields: what it
        # leaves empty is not known, not a disagreement
        theirs_set = {"actor": tag.actor_uuid, "claimant": tag.claimant_uuid,
                      **{k: b for k, (_a, b) in pairs.items()}}
        for name in COMPARED:
            if tag.analyst is None and theirs_set[name] in (None, ""):
                continue
            if name in links:
                same, shown_mine, shown_theirs = links[name]()
                if not same:
                    out.append((name, shown_mine or "(none)", shown_theirs or "(none)"))
                continue
            a, b = pairs[name]
            if (a or None) != (b or None):
                out.append((name, "(none)" if a in (None, "") else str(a),
                            "(none)" if b in (None, "") else str(b)))
        return out

    def plan(self) -> MergePlan:
        self.actors()
        self.articles()
        for art in self.missing:
            self.notes.append(f"“{_short(self.titles[art.uuid])}”: not in the library and the"
                              f" file carries no text; its {len(art.tags)} tags are skipped")
        return MergePlan(self.bundle.origin, tuple(self.new_articles), self.matched, self.titles,
                         tuple(self.missing), tuple(self.new_tags), tuple(self.duplicates),
                         tuple(self.conflicts), self.same_actors, tuple(self.proposals),
                         tuple(self.new_actors), tuple(self.unanchored), tuple(self.notes),
                         self.code_kinds, tuple(self.new_codes),
                         code_names(self.db, self.new_codes))


def plan_merge(db: Database, bundle: Bundle) -> MergePlan:
    """What merging bundle into the library would do; reads only."""
    return _Planner(db, bundle).plan()
