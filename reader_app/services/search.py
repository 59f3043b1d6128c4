"""Search the library: a query (domain/search_query.py for its syntax) and facets.

An article matches when its title and text match the whole query, or its memo does, or
one of its tags (quote or note) does, or an actor tagged in it matches by name, note or
alias. Facets combine with AND; facets without a query list the articles that meet
them, newest published first. Ranking is FTS5 bm25 with the title weighted ten times
the text; an article found another way ranks by that match's bm25.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar, overload

from sqlite_utils import Database

from reader_app.domain.search_query import (
    Query,
    SearchFilter,
    SpanFinder,
    excluded_expression,
    fts_expression,
    parse_query,
)
from reader_app.storage import search as store
from reader_app.storage.database import is_read_only
from reader_app.storage.search_health import add_notice, is_index_damage, rebuild_search_indexes

__all__ = ["ArticleHit", "RankedSearch", "ResultRows", "SearchFilter", "SearchIndexDamaged",
           "match_spans", "matching_article_ids", "repair_index", "search_articles",
           "search_ranked"]

SNIPPET_BEFORE = 60
SNIPPET_AFTER = 140
_HEAD = SNIPPET_BEFORE + SNIPPET_AFTER
_ONE_LINE = str.maketrans(dict.fromkeys("\n\r\t\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029", " "))
_T = TypeVar("_T")


class SearchIndexDamaged(ValueError):
    """The search index cannot be read and this connection cannot rebuild it (it is
    read-only): a writable connection to the library can (repair_index); the message is
    for the analyst when none can."""


@dataclass(frozen=True)
class ArticleHit:
    article_id: int
    title: str
    published: str | None
    hits: int  # matches in the title, text, memo and the notes of its matching tags
    snippet: str  # plain text around the first match in the text (else memo, note, title)
    marks: tuple[tuple[int, int], ...]  # code-point ranges inside snippet to highlight
    pending: bool = False  # ranked, but hits, snippet and marks not computed yet


def pending_hit(article_id: int) -> ArticleHit:
    """A ranked row whose details are not read yet."""
    return ArticleHit(article_id, "", None, 0, "", (), True)


class ResultRows(Sequence[ArticleHit]):
    """Every ranked row, best first: the detailed ones as they are, the others pending,
    made when asked for (a window asks only for the rows it paints)."""

    def __init__(self, ids: Sequence[int], detailed: Iterable[ArticleHit] = ()) -> None:
        self.ids = list(ids)
        self.detailed = {h.article_id: h for h in detailed}

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, index: int) -> ArticleHit: ...
    @overload
    def __getitem__(self, index: slice) -> list[ArticleHit]: ...
    def __getitem__(self, index: int | slice) -> ArticleHit | list[ArticleHit]:
        if isinstance(index, slice):
            return [self.detailed.get(i) or pending_hit(i) for i in self.ids[index]]
        i = self.ids[index]
        return self.detailed.get(i) or pending_hit(i)


class RankedSearch:
    """A search's answer in two steps: the ranked ids (what the MATCH gives), then each
    row's details (title, date, hits, snippet, marks), read and computed for the rows
    asked for. The window shows its first page before the rest is read."""

    def __init__(self, query: Query, found: Sequence[store.Ranked] | list[int] | None,
                 finder: SpanFinder | None = None) -> None:
        self._query = query
        self._finder = finder
        self._match = ""
        self._found: Sequence[store.Ranked | int] = found or []
        if isinstance(found, store.RankedIds):
            self.ids = found.ids
        else:
            self.ids = [r if isinstance(r, int) else r.id for r in self._found]

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def rows(self) -> ResultRows:
        """Every row, pending (details() gives them detailed)."""
        return ResultRows(self.ids)

    def details(self, db: Database, start: int = 0, stop: int | None = None
                ) -> list[ArticleHit]:
        """The rows [start, stop) with their details (an article deleted since it was
        ranked is left out)."""
        part = self._found[start:stop]
        if not part:
            return []
        if not self._query.groups:
            return _repairing(db, lambda: _listed(db, [i for i in part if isinstance(i, int)]))
        ranked = [r for r in part if isinstance(r, store.Ranked)]
        if self._finder is None:  # compiled once per search, for all its pages
            self._finder = SpanFinder(self._query)
        if not self._match:
            self._match = fts_expression(self._query)
        finder, match = self._finder, self._match
        return _repairing(db, lambda: _hits(db, finder, match, ranked))


def search_ranked(db: Database, flt: SearchFilter, limit: int = 500) -> RankedSearch:
    """The articles matching the filter, best first, at most `limit`, without their
    details (RankedSearch.details computes them). Errors as search_articles."""
    query = parse_query(flt.text)
    # the details' finder is built before the MATCH, while what it runs is still in the
    # CPU's caches: after a MATCH has been through the index it costs four times as much
    finder = SpanFinder(query) if query.groups else None
    return _repairing(db, lambda: RankedSearch(
        query, _find(db, flt, query, limit, texts=False, titles=True), finder))


def search_articles(db: Database, flt: SearchFilter, limit: int = 500) -> list[ArticleHit]:
    """The articles matching the filter, best first, at most `limit`. ValueError for a bad
    facet (a date, a grade, a status): its message is for the analyst. A damaged search
    index is rebuilt and the search run again (with a notice: storage.search_health)."""
    ranked = search_ranked(db, flt, limit)
    return ranked.details(db)


def matching_article_ids(db: Database, flt: SearchFilter) -> list[int]:
    """Every article matching the filter (best first): what an export of it holds."""
    query = parse_query(flt.text)

    def run() -> list[int]:
        found = _find(db, flt, query, None, texts=False, titles=False)
        return [r if isinstance(r, int) else r.id for r in found or ()]

    return _repairing(db, run)


def _repairing(db: Database, run: Callable[[], _T]) -> _T:
    try:
        return run()
    except sqlite3.DatabaseError as e:
        if not is_index_damage(e):
            raise
        if is_read_only(db) is not None:
            raise SearchIndexDamaged(READ_ONLY_DAMAGE) from None
    repair_index(db)
    return run()


READ_ONLY_DAMAGE = ("The search index of this library is damaged and the library is"
                    " read-only: open a writable copy once to rebuild it.")


def repair_index(db: Database) -> str:
    """Rebuild every search index of a writable library (a search found one damaged); the
    notice said, also kept in storage.search_health.notices(db). SearchIndexDamaged when
    the library is read-only."""
    if is_read_only(db) is not None:
        raise SearchIndexDamaged(READ_ONLY_DAMAGE)
    rebuilt = rebuild_search_indexes(db)
    notice = f"The search index was damaged and has been rebuilt ({', '.join(rebuilt)})."
    add_notice(db, notice)
    return notice


def match_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Code-point spans in `text` where the query's positive terms occur, in order (word
    forms as the search finds them: "Лаврова" marks "Лавров" and "Лавровим")."""
    return SpanFinder(parse_query(query)).spans(text)


def _find(db: Database, flt: SearchFilter, query: Query, limit: int | None, *,
          texts: bool, titles: bool) -> Sequence[store.Ranked] | list[int] | None:
    if flt.is_empty():
        return None
    facets = store.facets_of(db, flt)
    if facets.impossible:
        return None
    if not query.groups:
        if query.excluded or flt.has_facets():
            return store.listed_articles(db, facets, excluded_expression(query), limit)
        return None  # the text holds nothing searchable ("*", "💥", '""')
    return store.ranked(db, fts_expression(query), excluded_expression(query), facets, limit,
                        texts=texts, titles=titles)


def _listed(db: Database, ids: list[int]) -> list[ArticleHit]:
    texts = store.article_texts(db, ids, head=_HEAD)
    hits = []
    for article_id in ids:
        t = texts.get(article_id)
        if t is None:  # deleted since it was listed
            continue
        snippet, _marks = _cut(t.text, 0, 0, [])
        hits.append(ArticleHit(article_id, t.title, t.published, 0, snippet, ()))
    return hits


def _hits(db: Database, finder: SpanFinder, match: str, found: list[store.Ranked]
          ) -> list[ArticleHit]:
    by_tag = [r.id for r in found if r.tags]
    notes = store.matching_notes(db, match, by_tag) if by_tag else {}
    by_actor = [r.id for r in found if r.actor_tags]
    tagged = store.actor_tag_spans(db, match, by_actor) if by_actor else {}
    bodies = store.article_texts(db, [r.id for r in found], utf8=True)
    hits = []
    for r in found:
        body = bodies.get(r.id)
        if body is None:  # deleted since it was ranked: the library's change searches again
            continue
        in_text = finder.spans(body.text, body.raw)
        count = len(in_text) + finder.count(body.title) + finder.count(body.memo)
        note_list = notes.get(r.id, [])
        count += sum(finder.count(note) for note in note_list)
        if in_text:
            snippet, marks = _cut(body.text, *in_text[0], in_text)
        elif r.id in tagged:  # found through an actor's name, note or alias
            start, end = tagged[r.id]
            snippet, marks = _cut(body.text, start, end, [(start, end)])
        else:
            snippet, marks = _first_of(finder, [body.memo, *note_list, body.title])
        if not count:
            count = r.actor_tags
        hits.append(ArticleHit(r.id, body.title, body.published, count, snippet, marks))
    return hits


def _first_of(finder: SpanFinder, texts: list[str]
              ) -> tuple[str, tuple[tuple[int, int], ...]]:
    for text in texts:
        spans = finder.spans(text)
        if spans:
            return _cut(text, *spans[0], spans)
    return _cut(texts[-1] if texts else "", 0, 0, [])


def _cut(text: str, start: int, end: int, spans: list[tuple[int, int]]
         ) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The text around [start, end) on one line, at word boundaries, with the spans inside
    it as marks relative to the snippet."""
    lo = max(0, start - SNIPPET_BEFORE)
    hi = min(len(text), max(end, start + SNIPPET_AFTER))
    if lo > 0:
        space = text.find(" ", lo, start)
        lo = space + 1 if space >= 0 else lo
    if hi < len(text):
        space = text.rfind(" ", max(end, lo), hi)
        hi = space if space > end else hi
    head = "…" if lo > 0 else ""
    tail = "…" if hi < len(text) else ""
    body = text[lo:hi].replace("\n", " ").replace("\t", " ")
    if not body.isprintable():
        body = body.translate(_ONE_LINE)
    shift = len(head) - lo
    marks = tuple((max(a, lo) + shift, min(b, hi) + shift) for a, b in spans
                  if a < hi and b > lo)
    return head + body + tail, marks
