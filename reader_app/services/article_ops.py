"""Article operations: delete (with its tags), retitle, edit the source and the memo, re-date.

plan_* check a request and raise ValueError / NotFound with a message for the analyst
(None: nothing would change); the operations write, each in one transaction, and return
what their inverse takes with the ChangeSet of the new state. Inverses put the library
back exactly: a deleted article comes back with the same rows, ids and uuids (its tags,
their links and claim fields, its rejections); a re-dated article's date tags get back
the very values they had.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlite_utils import Database

from reader_app.domain.dates import resolve_in_text
from reader_app.domain.models import Annotation, ArticleId
from reader_app.services.analysis import ANALYST_METHOD
from reader_app.services.changes import ChangeSet
from reader_app.services.readback import describe
from reader_app.storage.annotations import get_annotations, list_annotations
from reader_app.storage.article_rows import (
    ArticleSnapshot,
    article_fields,
    put_article,
    set_article_fields,
    set_date_values,
    take_article,
)
from reader_app.storage.articles import NotFound, get_article, list_articles
from reader_app.storage.clock import now_iso
from reader_app.storage.transaction import write

EDITABLE = ("title", "source", "memo")  # what edit_article sets as given (published: redate)
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


# -- checking what the analyst typed --------------------------------------------------------


def clean_title(title: str | None) -> str:
    """A title as typed, its ends trimmed; ValueError when nothing is left."""
    cleaned = (title or "").strip()
    if not cleaned:
        raise ValueError("An article's title cannot be empty; type a title.")
    return cleaned


def clean_published(published: str | None) -> str | None:
    """A published date as typed: a real ISO day (YYYY-MM-DD), or None for empty (undated);
    ValueError otherwise."""
    typed = (published or "").strip()
    if not typed:
        return None
    try:
        if not _ISO_DAY.fullmatch(typed):
            raise ValueError
        date.fromisoformat(typed)
    except ValueError:
        raise ValueError(f"“{typed[:40]}” is not a date: type the published date as YYYY-MM-DD"
                         " (for example 2022-02-10), or leave it empty for an undated"
                         " article.") from None
    return typed


def _cleaned(field: str, value: str | None) -> str | None:
    if field == "title":
        return clean_title(value)
    if field == "source":
        return (value or "").strip()
    if field == "memo":
        return value or ""
    if field == "published":
        return clean_published(value)
    raise ValueError(f"An article has no field {field}.")


@dataclass(frozen=True)
class ArticleEdit:
    """A checked request to change one field of an article."""

    article_id: ArticleId
    title: str  # the article's title now, for the undo step's words
    field: str
    old: str | None
    new: str | None


def plan_article_edit(db: Database, article_id: int, field: str,
                      value: str | None) -> ArticleEdit | None:
    """title, source, memo or published, cleaned and checked; None when it is the value
    the article has."""
    new = _cleaned(field, value)
    stored = article_fields(db, article_id, ("title", field))
    old = stored[field]
    if old == new:
        return None
    title = stored["title"]
    return ArticleEdit(ArticleId(article_id), title if isinstance(title, str) else str(title),
                       field, old if old is None or isinstance(old, str) else str(old), new)


def _article_changed(db: Database, article_id: int, changes: ChangeSet | None = None) -> ChangeSet:
    out = changes if changes is not None else ChangeSet()
    out.articles_changed = list_articles(db, ids=[article_id])
    return out


# -- title, source, memo ----------------------------------------------------------------------


def edit_article(db: Database, article_id: int,
                 values: dict[str, str | None]) -> tuple[dict[str, object], ChangeSet]:
    """Set title / source / memo (each cleaned and checked as plan_article_edit does);
    returns the values they had, so edit_article with those undoes it."""
    bad = set(values) - set(EDITABLE)
    if bad:
        raise ValueError(f"cannot edit {', '.join(sorted(bad))} here")
    cleaned = {k: _cleaned(k, v) for k, v in values.items()}
    with write(db):
        old = article_fields(db, article_id, tuple(cleaned))
        set_article_fields(db, article_id, dict(cleaned))
        return old, _article_changed(db, article_id)


def retitle(db: Database, article_id: int, title: str) -> tuple[dict[str, object], ChangeSet]:
    return edit_article(db, article_id, {"title": title})


def set_source(db: Database, article_id: int, source: str) -> tuple[dict[str, object], ChangeSet]:
    return edit_article(db, article_id, {"source": source})


def set_memo(db: Database, article_id: int, text: str) -> tuple[dict[str, object], ChangeSet]:
    """The article's memo (Markdown text, stored as typed; empty: no memo)."""
    return edit_article(db, article_id, {"memo": text})


def article_memo(db: Database, article_id: int) -> str:
    value = article_fields(db, article_id, ("memo",))["memo"]
    return value if isinstance(value, str) else ""


# -- the published date and the dates resolved against it ---------------------------------


DateValues = tuple[object, ...]  # storage.article_rows.DATE_FIELDS of one tag


@dataclass(frozen=True)
class Redated:
    """What undoing a change of published date needs: the date before and each re-resolved
    tag's values before (storage DATE_FIELDS: value, granularity, date_method, updated_at)."""

    article_id: ArticleId
    published: str | None  # before
    new_published: str | None
    tags: tuple[tuple[int, DateValues], ...]


def _from_rules(ann: Annotation, text: str, dateline: str | None, language: str | None) -> bool:
    """The tag's value is what the date rules give its phrase against this dateline:
    not a value the analyst typed or corrected by hand."""
    if ann.damage is not None or ann.date_method == ANALYST_METHOD:
        return False
    was = resolve_in_text(text, ann.start, ann.end, dateline, language)
    return (was.value, was.granularity) == (ann.value, ann.granularity)


def set_published(db: Database, article_id: int,
                  published: str | None) -> tuple[Redated, ChangeSet]:
    """Set (or clear) the published date; the article's date tags whose value came from
    the date rules are resolved again against the new dateline (a value the analyst typed
    or corrected is left as it is). Inverse: undo_published."""
    new_published = clean_published(published)
    with write(db):
        article = get_article(db, article_id)
        before: list[tuple[int, DateValues]] = []
        after: list[tuple[int, DateValues]] = []
        stamp = now_iso()
        tags = list_annotations(db, article_id, "date")
        for ann in tags:
            if not _from_rules(ann, article.text, article.published, article.language):
                continue
            now = resolve_in_text(article.text, ann.start, ann.end, new_published,
                                  article.language)
            if (now.value, now.granularity, now.method) == (
                    ann.value, ann.granularity, ann.date_method):
                continue
            before.append((ann.id, (ann.value, ann.granularity, ann.date_method, ann.updated_at)))
            after.append((ann.id, (now.value, now.granularity, now.method, stamp)))
        set_article_fields(db, article_id, {"published": new_published})
        set_date_values(db, after)
        redated = Redated(ArticleId(article_id), article.published, new_published,
                          tuple(before))
        moved = {i for i, _ in before}
        return redated, _redate_changes(db, article_id, [a for a in tags if a.id in moved])


def undo_published(db: Database, redated: Redated) -> ChangeSet:
    """The published date and every re-resolved tag's values exactly as before."""
    with write(db):
        befores = get_annotations(db, [i for i, _ in redated.tags])
        set_article_fields(db, redated.article_id, {"published": redated.published})
        set_date_values(db, list(redated.tags))
        return _redate_changes(db, redated.article_id, befores)


def _redate_changes(db: Database, article_id: int, befores: Sequence[Annotation]) -> ChangeSet:
    afters = {a.id: a for a in get_annotations(db, [b.id for b in befores])}
    pairs = [(b, afters[b.id]) for b in befores if b.id in afters]
    changes = describe(db, changed=pairs, fields={"value", "granularity", "date_method"})
    changes.suggestions_stale.add(ArticleId(article_id))  # suggested dates follow the dateline
    return _article_changed(db, article_id, changes)


# -- delete and restore -------------------------------------------------------------------


def delete_articles(db: Database,
                    article_ids: Iterable[int]) -> tuple[list[ArticleSnapshot], ChangeSet]:
    """Delete articles with their tags and rejections, in one transaction; returns what
    restore_articles puts back (NotFound, and nothing deleted, if one is not there)."""
    ids = list(dict.fromkeys(int(i) for i in article_ids))
    with write(db):
        found = {s.id for s in list_articles(db, ids=ids)}
        missing = [i for i in ids if ArticleId(i) not in found]
        if missing:  # before anything is deleted
            raise NotFound(f"article {missing[0]} not found")
        gone_tags: list[Annotation] = []
        snapshots = []
        for article_id in ids:
            gone_tags += list_annotations(db, article_id)
            snapshots.append(take_article(db, article_id))
        changes = describe(db, removed=gone_tags)
        for article_id in ids:
            changes.counts.pop(ArticleId(article_id), None)
        changes.articles_removed = [ArticleId(i) for i in ids]
        return snapshots, changes


def delete_article(db: Database, article_id: int) -> tuple[ArticleSnapshot, ChangeSet]:
    (snapshot,), changes = delete_articles(db, [article_id])
    return snapshot, changes


def restore_articles(db: Database, snapshots: Sequence[ArticleSnapshot]) -> ChangeSet:
    """Undo delete_articles: the same rows, ids and uuids come back."""
    with write(db):
        for snapshot in snapshots:
            put_article(db, snapshot)
        ids = [s.article_id for s in snapshots]
        back_tags = [a for i in ids for a in list_annotations(db, i)]
        changes = describe(db, added=back_tags)
        by_id = {s.id: s for s in list_articles(db, ids=ids)}
        changes.articles_added = [by_id[ArticleId(i)] for i in ids if ArticleId(i) in by_id]
        return changes


def restore_article(db: Database, snapshot: ArticleSnapshot) -> ChangeSet:
    return restore_articles(db, [snapshot])


def plan_delete(db: Database, article_ids: Iterable[int]) -> list[tuple[ArticleId, str]]:
    """The articles a delete request is about, (id, title) in the order given; NotFound
    for one that is not in the library."""
    ids = list(dict.fromkeys(int(i) for i in article_ids))
    if not ids:
        raise ValueError("Select the articles to delete first.")
    titles = {s.id: s.title for s in list_articles(db, ids=ids)}
    missing = [i for i in ids if ArticleId(i) not in titles]
    if missing:
        raise NotFound(f"article {missing[0]} not found")
    return [(ArticleId(i), titles[ArticleId(i)]) for i in ids]
