"""What agreement reads: who tagged which article, and the analysts' tags of an article."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from sqlite_utils import Database

from reader_app.domain.agreement import TagSpan
from reader_app.domain.models import KINDS
from reader_app.storage.annotations import list_annotations
from reader_app.storage.articles import as_text


def tagging_analysts(db: Database, article_ids: Iterable[int] | None = None,
                     ) -> dict[int, tuple[str, set[str]]]:
    """Article id -> (title, the analysts with at least one tag in it), for the articles
    asked for (all when None) that exist; an article nobody named has tagged has an empty
    set. Tags without an analyst belong to nobody here."""
    where, params = "", []
    if article_ids is not None:
        where = " WHERE a.id IN (SELECT value FROM json_each(?))"
        params.append("[" + ",".join(str(int(i)) for i in article_ids) + "]")
    found: dict[int, tuple[str, set[str]]] = {}
    for article_id, title, analyst in db.execute(
            "SELECT a.id, a.title, n.analyst FROM articles a LEFT JOIN annotations n"
            " ON n.article_id = a.id AND n.analyst IS NOT NULL AND n.analyst != ''"
            f"{where} GROUP BY a.id, n.analyst ORDER BY a.id", params):
        names = found.setdefault(article_id, (as_text(title) or "", set()))[1]
        name = as_text(analyst)  # as the tags read it (a tampered file may hold a number)
        if name:
            names.add(name)
    return found


def article_length(db: Database, article_id: int) -> int:
    """The article's length in code points (Python's len: SQLite's length() stops at NUL)."""
    row = db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
    return len(as_text(row[0]) or "") if row else 0


def agreement_tags(db: Database, article_id: int, analysts: Collection[str]) -> list[TagSpan]:
    """The analysts' tags of the app's kinds in an article, each verified against the text
    (list_annotations); a tag that no longer fits its text and whose quote cannot be placed
    is left out, one whose quote moved counts where it now lies."""
    return [
        TagSpan(ann.analyst, ann.article_id, ann.kind, ann.start, ann.end,
                actor=ann.actor_id, date_value=ann.value if ann.kind == "date" else None,
                claimant=ann.claimant_id, status=ann.status, reliability=ann.reliability,
                credibility=ann.credibility)
        for ann in list_annotations(db, article_id)
        if ann.analyst is not None and ann.analyst in analysts and ann.kind in KINDS
        and ann.placed]
