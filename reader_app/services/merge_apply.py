"""Applying a merge plan in one transaction, and undoing it exactly.

apply_merge writes what the plan and the analyst's choices say; its MergeRecord holds every
row the merge added (as stored, all columns) and each changed tag's columns before and
after, so undo_merge deletes exactly those rows and puts the changed values back, and
redo_merge puts the very same rows (ids, uuids) back again.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from typing import Any

from sqlite_utils import Database

from reader_app.domain.actors import match_key
from reader_app.domain.interchange import BundleActor
from reader_app.domain.models import Annotation, ArticleId
from reader_app.services.changes import ChangeSet
from reader_app.services.merge_codes import add_codes
from reader_app.services.merge_types import (
    Conflict,
    MergeChoices,
    MergePlan,
    MergeRecord,
    MergeResult,
    PlannedTag,
)
from reader_app.services.readback import describe
from reader_app.storage.annotations import get_annotations
from reader_app.storage.article_rows import TableRows
from reader_app.storage.articles import list_articles
from reader_app.storage.clock import new_uuid, now_iso
from reader_app.storage.merge_rows import (
    add_aliases,
    articles_by_sha,
    delete_rows,
    insert_row,
    put_rows,
    row_values,
    snapshot_rows,
    update_row,
    uuids_taken,
)
from reader_app.storage.transaction import write

STALE = "the library changed since this merge was planned; plan the merge again"


_LINKED = {"actor": "actor_id", "claimant": "claimant_id"}
_PLAIN = ("kind", "value", "note", "claim_date", "status", "reliability", "credibility",
          "granularity", "date_method")


class _Apply:
    def __init__(self, db: Database, plan: MergePlan, choices: MergeChoices) -> None:
        self.db, self.plan, self.choices = db, plan, choices
        self.stamp = now_iso()
        self.actor_ids: dict[str, int] = dict(plan.same_actors)
        self.new_actors: list[int] = []
        self.aliases: list[int] = []
        self.touched: set[int] = set()
        self.article_of: dict[str, int] = dict(plan.matched)
        self.new_articles: list[int] = []
        self.tag_ids: dict[str, int] = {}  # their tag uuid -> ours (for claim date links)
        self.inserted: list[tuple[int, PlannedTag]] = []
        self.changed: list[tuple[int, dict[str, object], dict[str, object], PlannedTag]] = []
        self.new_codes: list[int] = []

    def check_fresh(self) -> None:
        plan, db = self.plan, self.db
        if articles_by_sha(db, [a.sha256 for a in plan.new_articles]) or uuids_taken(
                db, "articles", [a.uuid for a in plan.new_articles]):
            raise ValueError(STALE)
        gone = set(plan.matched.values()) - {s.id for s in list_articles(
            db, ids=plan.matched.values())}
        if gone:
            raise ValueError(STALE)
        for c in plan.conflicts:
            try:
                if row_values(db, "annotations", c.mine.id, ["updated_at"])["updated_at"] \
                        != c.mine.updated_at:
                    raise ValueError(STALE)
            except LookupError:
                raise ValueError(STALE) from None

    def add_actors(self) -> None:
        for p in self.plan.proposals:
            if self.choices.accepts(p):
                self.actor_ids[p.theirs.uuid] = p.mine_id
                added = add_aliases(self.db, p.mine_id, [p.theirs.name, *p.theirs.aliases])
                if added:
                    self.aliases += added
                    self.touched.add(p.mine_id)
            else:
                self._new_actor(p.theirs)
        for actor in self.plan.new_actors:
            self._new_actor(actor)

    def _new_actor(self, actor: BundleActor) -> None:
        uuid = actor.uuid if not uuids_taken(self.db, "actors", [actor.uuid]) else new_uuid()
        actor_id = insert_row(self.db, "actors", {
            "uuid": uuid, "name": actor.name, "name_key": match_key(actor.name),
            "type": actor.type, "note": actor.note, "created_at": self.stamp,
            "updated_at": self.stamp})
        self.actor_ids[actor.uuid] = actor_id
        self.new_actors.append(actor_id)
        self.aliases += add_aliases(self.db, actor_id, list(actor.aliases))

    def add_articles(self) -> None:
        for art in self.plan.new_articles:
            styles = json.dumps([[s.start, s.end, s.style, s.href] for s in art.styles]) \
                if art.styles else "[]"
            self.article_of[art.uuid] = article_id = insert_row(self.db, "articles", {
                "uuid": art.uuid, "title": art.title, "source": art.source,
                "published": art.published, "language": art.language, "text": art.text,
                "sha256": art.sha256, "content_type": art.content_type, "styles": styles,
                "imported_at": self.stamp, "memo": art.memo})
            self.new_articles.append(article_id)

    def _links(self, p: PlannedTag) -> dict[str, object]:
        t = p.tag
        return {"actor_id": self.actor_ids.get(t.actor_uuid) if t.actor_uuid else None,
                "claimant_id": self.actor_ids.get(t.claimant_uuid) if t.claimant_uuid else None}

    def add_tags(self) -> None:
        shas = dict(self.db.execute(
            "SELECT id, sha256 FROM articles WHERE id IN (SELECT value FROM json_each(?))",
            [json.dumps(sorted(set(self.article_of.values())))]).fetchall())
        for p in self.plan.duplicates:  # ours stands: a claim dated by theirs points at ours
            if p.mine_id is not None:
                self.tag_ids[p.tag.uuid] = p.mine_id
        add = list(self.plan.new_tags)
        for c in self.plan.conflicts:
            self.tag_ids.setdefault(c.theirs.tag.uuid, c.mine.id)
            how = self.choices.resolution(c)
            if how == "both":
                add.append(c.theirs)
            elif how == "theirs":
                self._take_theirs(c)
        both = self._both()
        taken = uuids_taken(self.db, "annotations", [p.tag.uuid for p in add])
        for p in add:
            t = p.tag
            article_id = self.article_of[p.article_uuid]
            uuid = t.uuid if not (p.fresh_uuid or p in both or t.uuid in taken) else new_uuid()
            taken.add(uuid)
            row = {"uuid": uuid, "article_id": article_id, "kind": t.kind, "start": p.start,
                   "end": p.end, "quote": p.quote, "prefix": p.prefix, "suffix": p.suffix,
                   "value": t.value, "note": t.note, "analyst": t.analyst,
                   "created_at": t.created_at or self.stamp,
                   "updated_at": t.updated_at or self.stamp, "text_sha256": shas[article_id],
                   **self._links(p), "claim_date": t.claim_date, "status": t.status,
                   "reliability": t.reliability, "credibility": t.credibility,
                   "granularity": t.granularity, "date_method": t.date_method}
            tag_id = insert_row(self.db, "annotations", row)
            self.tag_ids[t.uuid] = tag_id
            self.inserted.append((tag_id, p))
        self._claim_dates()

    def _both(self) -> set[PlannedTag]:
        # a conflict's "both" of the same uuid: theirs is added beside ours, under a new uuid
        return {c.theirs for c in self.plan.conflicts
                if c.same_uuid and self.choices.resolution(c) == "both"}

    def _take_theirs(self, c: Conflict) -> None:
        p, t = c.theirs, c.theirs.tag
        values: dict[str, object] = {}
        for name in c.fields:
            if name == "span":
                values.update(start=p.start, end=p.end, quote=p.quote, prefix=p.prefix,
                              suffix=p.suffix)
            elif name in _LINKED:
                values[_LINKED[name]] = self._links(p)[_LINKED[name]]
            elif name in _PLAIN:
                values[name] = getattr(t, name)
        # our row becomes their tag: their uuid and analyst too, so merging the same file
        # again finds it by uuid (the same tag: nothing to add)
        if t.uuid != c.mine.uuid and not p.fresh_uuid and not uuids_taken(
                self.db, "annotations", [t.uuid]):
            values["uuid"] = t.uuid
        if t.analyst is not None and t.analyst != c.mine.analyst:
            values["analyst"] = t.analyst
        values["updated_at"] = self.stamp
        before = row_values(self.db, "annotations", c.mine.id, list(values))
        update_row(self.db, "annotations", c.mine.id, values)
        self.changed.append((c.mine.id, before, values, p))

    def _claim_dates(self) -> None:
        """A claim's date tag, named by their uuid, linked to the library's id of that tag
        (added now, or found already there)."""
        for uuid in {p.tag.claim_date_tag_uuid for _, p in self.inserted + [
                (i, p) for i, _, _, p in self.changed] if p.tag.claim_date_tag_uuid}:
            if uuid not in self.tag_ids:
                row = self.db.execute("SELECT id FROM annotations WHERE uuid = ?",
                                      [uuid]).fetchone()
                if row is not None:
                    self.tag_ids[uuid] = row[0]
        for tag_id, p in self.inserted:
            link = self.tag_ids.get(p.tag.claim_date_tag_uuid or "")
            if link is not None:
                update_row(self.db, "annotations", tag_id, {"claim_date_annotation_id": link})
        for i, (tag_id, before, after, p) in enumerate(self.changed):
            if "claim_date" in after:
                link = self.tag_ids.get(p.tag.claim_date_tag_uuid or "")
                before = {**before, **row_values(self.db, "annotations", tag_id,
                                                 ["claim_date_annotation_id"])}
                after = {**after, "claim_date_annotation_id": link}
                update_row(self.db, "annotations", tag_id, {"claim_date_annotation_id": link})
                self.changed[i] = (tag_id, before, after, p)

    def record(self) -> MergeRecord:
        db = self.db
        return MergeRecord(
            self.plan.origin, snapshot_rows(db, "actors", self.new_actors),
            snapshot_rows(db, "actor_aliases", self.aliases),
            snapshot_rows(db, "articles", self.new_articles),
            snapshot_rows(db, "annotations", [i for i, _ in self.inserted]),
            tuple((i, b, a) for i, b, a, _ in self.changed), tuple(sorted(self.touched)),
            snapshot_rows(db, "codebook", self.new_codes))


def apply_merge(db: Database, plan: MergePlan,
                choices: MergeChoices | None = None) -> MergeResult:
    """Merge as planned, in one transaction (nothing written if anything fails);
    ValueError when the library changed since the plan was made."""
    choices = choices or MergeChoices()
    with write(db):
        run = _Apply(db, plan, choices)
        run.check_fresh()
        run.add_actors()
        run.new_codes = add_codes(db, plan.new_codes, plan.code_kinds)
        run.add_articles()
        run.add_tags()
        record = run.record()
        befores = {c.mine.id: c.mine for c in plan.conflicts}
        changes = _changes(db, record, befores)
        merged = sum(1 for p in plan.proposals if choices.accepts(p))
        return MergeResult(changes, record, len(run.new_articles), len(run.inserted),
                           len(run.changed), len(run.new_actors), merged)


def _ids(rows: TableRows) -> list[int]:
    at = rows.columns.index("id") if rows.columns else 0
    return [int(r[at]) for r in rows.rows]  # type: ignore[call-overload]  # our INTEGER ids


def _changes(db: Database, record: MergeRecord, befores: Mapping[Any, Annotation]) -> ChangeSet:
    """The ChangeSet of a merge just written (or redone)."""
    added = get_annotations(db, _ids(record.annotations))
    afters: dict[int, Annotation] = {
        a.id: a for a in get_annotations(db, [i for i, _, _ in record.changed])}
    pairs = [(befores.get(i, afters[i]), afters[i]) for i, _, _ in record.changed if i in afters]
    fields = {c for _, _, a in record.changed for c in a}
    changes = describe(db, added=added, changed=pairs, fields=fields,
                       actors=[*_ids(record.actors), *record.touched_actors])
    changes.articles_added = list_articles(db, ids=_ids(record.articles))
    changes.codebook = bool(record.codes and record.codes.rows)
    return changes


def undo_merge(db: Database, record: MergeRecord) -> ChangeSet:
    """Remove exactly what the merge added and put back what it changed."""
    with write(db):
        removed = get_annotations(db, _ids(record.annotations))
        changed_now = {a.id: a for a in get_annotations(db, [i for i, _, _ in record.changed])}
        try:
            delete_rows(db, "annotations", _ids(record.annotations))
            for tag_id, before, _after in record.changed:
                update_row(db, "annotations", tag_id, before)
            delete_rows(db, "articles", _ids(record.articles))
            delete_rows(db, "actor_aliases", _ids(record.aliases))
            delete_rows(db, "actors", _ids(record.actors))
            if record.codes is not None:  # subcodes first: a parent is still referred to
                delete_rows(db, "codebook", sorted(_ids(record.codes), reverse=True))
        except sqlite3.IntegrityError as e:
            raise ValueError(f"the merge cannot be undone: the library changed since ({e})"
                             ) from None
        restored = {a.id: a for a in get_annotations(db, list(changed_now))}
        pairs = [(changed_now[i], restored[i]) for i in changed_now if i in restored]
        fields = {c for _, b, _ in record.changed for c in b}
        changes = describe(db, removed=removed, changed=pairs, fields=fields,
                           actors=[*_ids(record.actors), *record.touched_actors])
        for article_id in _ids(record.articles):
            changes.counts.pop(ArticleId(article_id), None)
        changes.articles_removed = [ArticleId(i) for i in _ids(record.articles)]
        changes.codebook = bool(record.codes and record.codes.rows)
        return changes


def redo_merge(db: Database, record: MergeRecord) -> ChangeSet:
    """The merge again after undo_merge: the same rows, ids and uuids."""
    with write(db):
        befores = {a.id: a for a in get_annotations(db, [i for i, _, _ in record.changed])}
        try:
            put_rows(db, record.actors)
            put_rows(db, record.aliases)
            if record.codes is not None:
                put_rows(db, record.codes)
            put_rows(db, record.articles)
            put_rows(db, record.annotations)
            for tag_id, _before, after in record.changed:
                update_row(db, "annotations", tag_id, after)
        except sqlite3.IntegrityError as e:
            raise ValueError(f"the merge cannot be redone: the library changed since ({e})"
                             ) from None
        return _changes(db, record, befores)
