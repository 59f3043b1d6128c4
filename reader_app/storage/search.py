"""Full-text search (FTS5) over the library: articles (title, text), tags (quote, note),
article memos, actors (name, note) and their aliases; the facets as SQL on articles `a`.

Every function takes an FTS5 expression made by domain.search_query (always valid) and
runs one statement. `ORDER BY rank` on articles_fts is bm25 with the title weighted ten
times the text (schema step m012)."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple, overload

from sqlite_utils import Database

from reader_app.domain.actors import match_key
from reader_app.domain.search_query import SearchFilter, date_bound, parse_grade
from reader_app.storage.rows import named_rows

Params = list[object]


@dataclass(frozen=True)
class Facets:
    """The facets of a filter as a condition on `articles a` (sql "" when there are none);
    `impossible` when one of them names nothing (an unknown actor): no article matches."""

    sql: str = ""  # its values as :f0, :f1...
    params: tuple[object, ...] = ()
    impossible: bool = False

    def named(self) -> dict[str, object]:
        return {f"f{i}": v for i, v in enumerate(self.params)}


def actor_ids(db: Database, name: str) -> list[int]:
    """Actors whose name or an alias is `name`, ignoring case."""
    key = match_key(name)
    return [r["id"] for r in named_rows(
        db, "SELECT id FROM actors WHERE name_key = ?"
        " UNION SELECT actor_id FROM actor_aliases WHERE alias_key = ?", [key, key])]


def _ids(values: Sequence[object]) -> str:
    return json.dumps(list(values))


def _int_ids(ids: Sequence[int]) -> str:
    """Article ids as a JSON array (json.dumps costs ~10x this for a page of them)."""
    return "[" + ",".join(map(str, map(int, ids))) + "]"


def facets_of(db: Database, flt: SearchFilter) -> Facets:
    """The filter's facets as SQL; ValueError for a bad date, grade, status or role."""
    where: list[str] = []
    params: Params = []
    if flt.published_from:
        where.append("a.published >= ?")
        params.append(date_bound(flt.published_from, last=False))
    if flt.published_to:
        where.append("a.published <= ?")
        params.append(date_bound(flt.published_to, last=True))
    if flt.actor_role not in ("any", "claimant"):
        raise ValueError(f"actor role must be 'any' or 'claimant', not {flt.actor_role!r}")
    bad = [s for s in flt.statuses if s not in ("unverified", "corroborated", "disputed", "false")]
    if bad:
        raise ValueError(f"not a claim status: {bad[0]!r}"
                         " (unverified, corroborated, disputed or false)")
    grades = [parse_grade(g) for g in flt.grades]
    if flt.source:
        if flt.source.isascii():
            where.append("a.source LIKE ? ESCAPE '\\'")
            params.append("%" + re.sub(r"([\\%_])", r"\\\1", flt.source) + "%")
        else:
            _add_casefold(db)
            where.append("instr(reader_casefold(a.source), ?) > 0")
            params.append(flt.source.casefold())
    if flt.kinds:
        where.append("a.id IN (SELECT article_id FROM annotations"
                     " WHERE kind IN (SELECT value FROM json_each(?)))")
        params.append(_ids(flt.kinds))
    if flt.analyst:
        where.append("a.id IN (SELECT article_id FROM annotations"
                     " WHERE analyst = ? COLLATE NOCASE)")
        params.append(flt.analyst)
    actors: list[int] | None = None
    if flt.actor and flt.actor.strip():
        actors = actor_ids(db, flt.actor)
        if not actors:
            return Facets(impossible=True)
    claim: list[str] = []
    if actors is not None and flt.actor_role == "claimant":
        claim.append("claimant_id IN (SELECT value FROM json_each(?))")
        params.append(_ids(actors))
    elif actors is not None:
        where.append("a.id IN (SELECT article_id FROM annotations WHERE actor_id IN"
                     " (SELECT value FROM json_each(?)) UNION SELECT article_id FROM"
                     " annotations WHERE claimant_id IN (SELECT value FROM json_each(?)))")
        params += [_ids(actors), _ids(actors)]
    if flt.statuses:
        claim.append("status IN (SELECT value FROM json_each(?))")
        params.append(_ids(flt.statuses))
    if grades:
        claim.append("(" + " OR ".join("(reliability = ? AND credibility = ?)"
                                       for _ in grades) + ")")
        params += [v for g in grades for v in g]
    if claim:
        # one claim meets them all: "claims by Lavrov, disputed" is a disputed claim of his
        where.append("a.id IN (SELECT article_id FROM annotations WHERE kind = 'claim' AND "
                     + " AND ".join(claim) + ")")
    return Facets(_numbered(" AND ".join(where), len(params)), tuple(params))


def _add_casefold(db: Database) -> None:
    db.conn.create_function("reader_casefold", 1,
                            lambda s: s.casefold() if isinstance(s, str) else s,
                            deterministic=True)


def _and(facets: Facets) -> str:
    return f" AND {facets.sql}" if facets.sql else ""


class Ranked(NamedTuple):
    """A matching article, best first; texts only when asked for. (A tuple: a ranking
    makes hundreds of these per search, at a third of a frozen dataclass's cost.)"""

    id: int
    score: float
    tags: bool  # one of its tags (quote or note) matches
    actor_tags: int  # its tags of an actor whose name, note or alias matches
    title: str = ""
    published: str | None = None
    text: str = ""
    memo: str = ""


class RankedIds(Sequence[Ranked]):
    """Articles ranked by their title and text alone (nothing else matched): their ids,
    each made a Ranked only when read (a search ranks up to 500 and details a dozen)."""

    def __init__(self, ids: list[int]) -> None:
        self.ids = ids

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, index: int) -> Ranked: ...
    @overload
    def __getitem__(self, index: slice) -> list[Ranked]: ...
    def __getitem__(self, index: int | slice) -> Ranked | list[Ranked]:
        if isinstance(index, slice):
            return [Ranked(i, 0.0, False, 0) for i in self.ids[index]]
        return Ranked(self.ids[index], 0.0, False, 0)


def ranked(db: Database, match: str, excluded: str, facets: Facets, limit: int | None,
           *, texts: bool = True, titles: bool = False) -> Sequence[Ranked]:
    """Articles whose title and text match (bm25, best first), or whose memo, one of whose
    tags (quote, note), or an actor tagged in which (name, note, alias) matches: one
    statement. `excluded` (an FTS5 expression, or "") keeps out the articles found the
    other ways whose title or text match it (`match` already excludes it itself).
    `texts`: with title, published, text and memo. `titles` (with a limit): the same rows
    in two cheaper statements (_ranked_by_parts), titles left to the details."""
    cond = _and(facets)
    join = " JOIN articles a ON a.id = {}" if facets.sql else ""
    shut = (" AND {} NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH :ex)"
            if excluded else "")
    lim = " LIMIT :n" if limit is not None else ""
    main_join = join.format("f.rowid")
    branches = [
        f"SELECT * FROM (SELECT f.rowid AS id, f.rank AS score, 0 AS tags, 0 AS actor_tags"
        f" FROM articles_fts f{main_join} WHERE articles_fts MATCH :m{cond} ORDER BY f.rank{lim})",
        "SELECT n.article_id, min(t.rank), 1, 0 FROM annotations_fts t JOIN annotations n"
        f" ON n.id = t.rowid{join.format('n.article_id')} WHERE annotations_fts MATCH :m{cond}"
        + shut.format("n.article_id") + " GROUP BY n.article_id",
        f"SELECT m.rowid, m.rank, 0, 0 FROM memo_fts m{join.format('m.rowid')}"
        f" WHERE memo_fts MATCH :m{cond}" + shut.format("m.rowid"),
        f"SELECT n.article_id, 0.0, 0, count(*) FROM annotations n{join.format('n.article_id')}"
        " WHERE (n.actor_id IN (SELECT id FROM matched_actors) OR n.claimant_id IN"
        f" (SELECT id FROM matched_actors)){cond}" + shut.format("n.article_id")
        + " GROUP BY n.article_id",
    ]
    titles = titles and not texts
    params: dict[str, object] = {"m": match}
    if excluded:
        params["ex"] = excluded
    if limit is not None:
        params["n"] = limit
    params.update(facets.named())
    if titles and not texts and limit is not None:
        return _ranked_by_parts(db, branches, params, limit)
    columns = (", a.title, a.published, a.text, a.memo" if texts
               else ", a.title, a.published" if titles else "")
    sql = (
        "WITH matched_actors(id) AS (SELECT rowid FROM actors_fts WHERE actors_fts MATCH :m"
        " UNION SELECT p.actor_id FROM alias_fts s JOIN actor_aliases p ON p.id = s.rowid"
        " WHERE alias_fts MATCH :m),"
        f" hit(id, score, tags, actor_tags) AS ({' UNION ALL '.join(branches)}),"
        " best(id, score, tags, actor_tags) AS (SELECT id, min(score), max(tags),"
        f" max(actor_tags) FROM hit GROUP BY id ORDER BY 2, 1{lim})"
        f" SELECT b.id, b.score, b.tags, b.actor_tags{columns} FROM best b"
        + (" JOIN articles a ON a.id = b.id" if texts or titles else "")
        + " ORDER BY b.score, b.id")
    rows = db.execute(sql, params).fetchall()
    if titles:
        return [Ranked(int(r[0]), float(r[1]), bool(r[2]), int(r[3]), r[4] or "", r[5])
                for r in rows]
    if not texts:
        return [Ranked(int(r[0]), float(r[1]), bool(r[2]), int(r[3])) for r in rows]
    return [Ranked(int(r[0]), float(r[1]), bool(r[2]), int(r[3]), r[4] or "", r[5],
                   r[6] or "", r[7] or "") for r in rows]


_ACTORS = ("WITH matched_actors(id) AS (SELECT rowid FROM actors_fts WHERE actors_fts MATCH :m"
           " UNION SELECT p.actor_id FROM alias_fts s JOIN actor_aliases p ON p.id = s.rowid"
           " WHERE alias_fts MATCH :m), ")


def _ranked_by_parts(db: Database, branches: list[str], params: dict[str, object],
                     limit: int) -> Sequence[Ranked]:
    """What the merged statement gives (best first, at most `limit`), in two statements:
    the tags, memo and actors (small indexes, cheap), then the articles MATCH run as the
    bare query is (FTS5 sorts by rank itself; a join or a GROUP BY around it costs up to
    a third more on a broad query). When nothing else matches, the MATCH's own order is
    the answer and its rank is not even asked for (ids only: titles come with the
    details); else both are merged here as the statement would."""
    others = db.execute(_ACTORS + "hit(id, score, tags, actor_tags) AS ("
                        + " UNION ALL ".join(branches[1:]) + ") SELECT id, min(score),"
                        " max(tags), max(actor_tags) FROM hit GROUP BY id", params).fetchall()
    main = branches[0].removeprefix("SELECT * FROM (").removesuffix(")")
    if not others:
        main = main.replace("f.rowid AS id, f.rank AS score, 0 AS tags, 0 AS actor_tags",
                            "f.rowid", 1)
        return RankedIds([r[0] for r in db.execute(main, params)])
    best: dict[int, tuple[float, bool, int]] = {
        int(r[0]): (float(r[1]), False, 0) for r in db.execute(main, params)}
    for r in others:
        i, score, tags, actor_tags = int(r[0]), float(r[1]), bool(r[2]), int(r[3])
        old = best.get(i)
        best[i] = (score, tags, actor_tags) if old is None else (
            min(old[0], score), old[1] or tags, max(old[2], actor_tags))
    order = sorted(best.items(), key=lambda item: (item[1][0], item[0]))[:limit]
    return [Ranked(i, score, tags, actor_tags) for i, (score, tags, actor_tags) in order]


def _numbered(sql: str, count: int) -> str:
    """`?` placeholders as :f0, :f1... (a facet repeats in every branch of a search)."""
    parts = sql.split("?")
    assert len(parts) == count + 1
    return "".join(p + (f":f{i}" if i < count else "") for i, p in enumerate(parts))


def listed_articles(db: Database, facets: Facets, excluded: str,
                    limit: int | None) -> list[int]:
    """Articles meeting the facets (and not matching `excluded`), newest published first."""
    where = [facets.sql] if facets.sql else []
    args = facets.named()
    if excluded:
        where.append("a.id NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH :ex)")
        args["ex"] = excluded
    sql = ("SELECT a.id FROM articles a" + (" WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY a.published IS NULL, a.published DESC, a.id DESC")
    if limit is not None:
        sql += " LIMIT :n"
        args["n"] = limit
    return [int(r[0]) for r in db.execute(sql, args)]


class ArticleTexts(NamedTuple):
    id: int
    title: str
    published: str | None
    text: str
    memo: str
    raw: bytes | None = None  # the text's UTF-8, when asked for


_MANY = 200  # ids bound one by one up to this many (a page); more go as one JSON array


def article_texts(db: Database, ids: Sequence[int], *, head: int | None = None,
                  utf8: bool = False) -> dict[int, ArticleTexts]:
    """Title, date, text (its first `head` code points if given) and memo of these
    articles; `utf8`: with the text's UTF-8 too (read as stored, decoded here: SQLite's
    own decoding costs more than ours, and a search's spans need the bytes)."""
    if utf8 and head is None and _stores_utf8(db) and len(ids) <= _MANY:
        return {int(r[0]): ArticleTexts(int(r[0]), r[1] or "", r[2], r[3].decode("utf-8"),
                                        r[4] or "", r[3])
                for r in db.execute(
                    "SELECT id, title, published, CAST(coalesce(text, '') AS BLOB), memo"
                    f" FROM articles WHERE id IN ({','.join('?' * len(ids))})",
                    [int(i) for i in ids])}
    text = f"substr(text, 1, {int(head)})" if head is not None else "text"
    return {int(r[0]): ArticleTexts(int(r[0]), r[1] or "", r[2], r[3] or "", r[4] or "")
            for r in db.execute(
                f"SELECT id, title, published, {text}, memo FROM articles"
                " WHERE id IN (SELECT value FROM json_each(?))", [_int_ids(ids)])}


def _stores_utf8(db: Database) -> bool:
    """Whether text is stored as UTF-8 (a library made elsewhere may be UTF-16: its
    text read as a blob would be UTF-16 bytes). Fixed at creation: asked once."""
    found = getattr(db, "reader_stores_utf8", None)
    if not isinstance(found, bool):
        row = db.execute("PRAGMA encoding").fetchone()
        found = bool(row) and str(row[0]).upper() == "UTF-8"
        db.reader_stores_utf8 = found  # type: ignore[attr-defined]
    return found


def matching_notes(db: Database, match: str, ids: Sequence[int]) -> dict[int, list[str]]:
    """The notes of these articles' tags whose quote or note matches."""
    found: dict[int, list[str]] = {}
    for r in db.execute(
            "SELECT n.article_id, n.note FROM annotations_fts t JOIN annotations n"
            " ON n.id = t.rowid WHERE annotations_fts MATCH ? AND n.note IS NOT NULL"
            " AND n.note != '' AND n.article_id IN (SELECT value FROM json_each(?))",
            [match, _int_ids(ids)]):
        found.setdefault(int(r[0]), []).append(str(r[1]))
    return found


def actor_tag_spans(db: Database, match: str, ids: Sequence[int]
                    ) -> dict[int, tuple[int, int]]:
    """In each of these articles, the first span tagged with an actor whose name, note or
    alias matches."""
    found: dict[int, tuple[int, int]] = {}
    for r in db.execute(
            "WITH matched_actors(id) AS (SELECT rowid FROM actors_fts WHERE actors_fts MATCH :m"
            " UNION SELECT p.actor_id FROM alias_fts s JOIN actor_aliases p ON p.id = s.rowid"
            ' WHERE alias_fts MATCH :m) SELECT article_id, min(start), "end" FROM annotations'
            " WHERE (actor_id IN (SELECT id FROM matched_actors)"
            " OR claimant_id IN (SELECT id FROM matched_actors))"
            " AND article_id IN (SELECT value FROM json_each(:ids)) GROUP BY article_id",
            {"m": match, "ids": _int_ids(ids)}):
        found[int(r[0])] = (int(r[1]), int(r[2]))
    return found


# -- the first search (kept for its callers): every word, the last as a prefix --

@dataclass(frozen=True)
class SearchHit:
    article_id: int
    annotation_id: int | None  # None: the hit is in the article's title or text
    title: str
    snippet: str


def fts_query(text: str) -> str:
    """Turn what an analyst types into a safe FTS5 query: every word must match,
    the last one as a prefix. Quotes keep FTS5 syntax characters inert."""
    words = re.findall(r"\w+", text, flags=re.UNICODE)
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def search(db: Database, text: str, limit: int = 200) -> list[SearchHit]:
    query = fts_query(text)
    if not query:
        return []
    hits = [
        SearchHit(r["id"], None, r["title"], r["snippet"])
        for r in named_rows(
            db,
            "SELECT a.id, a.title, snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet"
            " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
            " WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
            [query, limit],
        )
    ]
    hits += [
        SearchHit(r["article_id"], r["id"], r["title"], r["quote"])
        for r in named_rows(
            db,
            "SELECT n.article_id, n.id, a.title, n.quote"
            " FROM annotations_fts JOIN annotations n ON n.id = annotations_fts.rowid"
            " JOIN articles a ON a.id = n.article_id"
            " WHERE annotations_fts MATCH ? ORDER BY rank LIMIT ?",
            [query, limit],
        )
    ]
    return hits
