"""A library (or some of its articles) read as an interchange Bundle: what every export format
writes and what a merge takes from another analyst's library."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from sqlite_utils import Database

from reader_app.domain.interchange import Bundle, BundleActor, BundleArticle, BundleCode, BundleTag
from reader_app.domain.models import Annotation
from reader_app.storage.annotations import list_annotations
from reader_app.storage.articles import as_text, get_article
from reader_app.storage.codebook import list_codes
from reader_app.storage.rows import named_rows


def read_bundle(db: Database, article_ids: Iterable[int] | None = None, *,
                origin: str = "",
                progress: Callable[[int, int], None] | None = None) -> Bundle:
    """These articles (all, in id order, when None) with their tags, and the actors: every
    actor of the library when it is read whole, else those the tags point at.

    A tag whose quote no longer sits at its offsets (someone edited the file) leaves where
    its quote moved to, or is left out with a line in the report: never at a drifted place.
    progress(done, total) is called after each article.
    """
    whole = article_ids is None
    ids = _all_ids(db) if article_ids is None else list(dict.fromkeys(article_ids))
    report: list[str] = []
    used: set[int] = set()
    articles = []
    for art in _articles(db, ids, report, used):
        articles.append(art)
        if progress is not None:
            progress(len(articles), len(ids))
    return Bundle(tuple(articles), tuple(_actors(db, None if whole else used)), origin,
                  tuple(report), bundle_codes(db))


def _all_ids(db: Database) -> list[int]:
    return [row[0] for row in db.execute("SELECT id FROM articles ORDER BY id")]


def _articles(db: Database, ids: list[int], report: list[str],
              used: set[int]) -> Iterator[BundleArticle]:
    """The articles; the ids of the actors their tags point at are added to used."""
    actor_uuids = dict(db.execute("SELECT id, uuid FROM actors").fetchall())
    for article_id in ids:
        art = get_article(db, article_id)
        memo_row = db.execute("SELECT memo FROM articles WHERE id = ?", [article_id]).fetchone()
        anns = list_annotations(db, article_id)
        tag_uuids: dict[int, str] = {a.id: a.uuid for a in anns}
        outside = {a.claim_date_annotation_id for a in anns
                   if a.claim_date_annotation_id is not None} - tag_uuids.keys()
        tag_uuids.update(_tag_uuids(db, outside))
        tags = []
        for ann in anns:
            if not ann.placed:
                report.append(f"“{art.title}”: {ann.kind} tag “{_short(ann.quote)}” left out:"
                              f" {ann.damage.reason if ann.damage else 'not in the text'}")
                continue
            tags.append(_tag(ann, actor_uuids, tag_uuids, art.text))
            used.update(i for i in (ann.actor_id, ann.claimant_id) if i is not None)
        yield BundleArticle(
            uuid=art.uuid, title=art.title, text=art.text, sha256=art.sha256, source=art.source,
            published=art.published, language=art.language,
            memo=(as_text(memo_row[0]) if memo_row else None) or "",
            content_type=art.content_type, styles=art.styles, tags=tuple(tags))


def _tag_uuids(db: Database, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    return dict(db.execute(f"SELECT id, uuid FROM annotations WHERE id IN ({marks})",
                           list(ids)).fetchall())


def _tag(ann: Annotation, actor_uuids: dict[int, str], tag_uuids: dict[int, str],
         text: str) -> BundleTag:
    quote = text[ann.start:ann.end]  # where it sits now (a moved quote is the same text)
    return BundleTag(
        uuid=ann.uuid, kind=ann.kind, start=ann.start, end=ann.end, quote=quote,
        prefix=ann.prefix, suffix=ann.suffix, value=ann.value, note=ann.note,
        analyst=ann.analyst, created_at=ann.created_at, updated_at=ann.updated_at,
        actor_uuid=actor_uuids.get(ann.actor_id) if ann.actor_id is not None else None,
        claimant_uuid=(actor_uuids.get(ann.claimant_id)
                       if ann.claimant_id is not None else None),
        claim_date=ann.claim_date,
        claim_date_tag_uuid=(tag_uuids.get(ann.claim_date_annotation_id)
                             if ann.claim_date_annotation_id is not None else None),
        status=ann.status, reliability=ann.reliability, credibility=ann.credibility,
        granularity=ann.granularity, date_method=ann.date_method)


def _actors(db: Database, used: set[int] | None) -> Iterator[BundleActor]:
    aliases: dict[int, list[str]] = {}
    for row in db.execute("SELECT actor_id, alias FROM actor_aliases ORDER BY id"):
        aliases.setdefault(row[0], []).append(as_text(row[1]) or "")
    for row in named_rows(db, "SELECT id, uuid, name, type, note FROM actors ORDER BY id"):
        if used is not None and row["id"] not in used:
            continue
        yield BundleActor(uuid=as_text(row["uuid"]) or "", name=as_text(row["name"]) or "",
                          type=as_text(row["type"]) or "other", note=as_text(row["note"]),
                          aliases=tuple(aliases.get(row["id"], ())))


def _short(text: str, limit: int = 40) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= limit else one_line[:limit - 1] + "…"


def bundle_codes(db: Database) -> tuple[BundleCode, ...]:
    """The codebook, parents before their subcodes (every code: the codebook is small)."""
    codes = list_codes(db)
    uuids = {c.id: c.uuid for c in codes}
    out: list[BundleCode] = []
    placed: set[int | None] = {None}
    todo = codes
    while todo:
        ready = [c for c in todo if c.parent_id in placed or c.parent_id not in uuids]
        if not ready:  # a cycle someone wrote into the file: the rest at the top
            ready = todo
        for c in ready:
            out.append(BundleCode(c.uuid, c.name, c.colour, c.description,
                                  uuids.get(c.parent_id) if c.parent_id is not None and c.parent_id in placed
                                  else None))
            placed.add(c.id)
        todo = [c for c in todo if c.id not in placed]
    return tuple(out)
