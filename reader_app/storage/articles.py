"""Articles: add (deduplicated by text sha256), get, list."""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass

from sqlite_utils import Database

from reader_app.domain.models import (
    LINK_SCHEMES,
    STYLE_NAMES,
    Article,
    ArticleId,
    ArticleSummary,
    ImportedArticle,
    StyleSpan,
)
from reader_app.domain.offsets import text_sha256, utf8_sha256
from reader_app.storage.clock import now_iso
from reader_app.storage.rows import named_row, named_rows
from reader_app.storage.transaction import write


class NotFound(LookupError):
    pass


@dataclass(frozen=True)
class AddResult:
    article_id: ArticleId
    title: str
    created: bool  # False: the same text was already in the library


def add_articles(db: Database, items: Iterable[ImportedArticle]) -> list[AddResult]:
    """Store many articles in one transaction; duplicates (same sha256) are skipped.

    Set-wise on purpose (one multi-row INSERT, one search-index insert per batch):
    per-row statements and per-row trigger inserts made big imports several times
    slower. The search index is filled with the batch, before its commit.
    """
    items = list(items)
    if any(not item.text for item in items):
        raise ValueError("an article needs text")
    digests = [text_sha256(item.text) if item.known_utf8 is None
               else utf8_sha256(item.known_utf8) for item in items]
    stamp = now_iso()
    uuids = batch_uuids(len(items))
    as_utf8 = _utf8_library(db)
    rows = [_row(item, digest, stamp, uuid, as_utf8)
            for digest, item, uuid in zip(digests, items, uuids, strict=True)]
    with write(db):
        _begin_bulk(db)
        # The write lock is held: every row the INSERT adds gets an id past the largest
        # one now (AUTOINCREMENT, m013), and no other writer adds any. The batch's rows
        # are then a range of ids: no lookup of 200 hashes in the sha256 index, no list
        # of ids for the search indexes.
        last = db.execute("SELECT max(id) FROM articles").fetchone()[0] or 0
        # An article already stored (or earlier in this batch) is left alone.
        _insert_rows(db, rows)
        at = {uuid: n for n, uuid in enumerate(uuids)}
        added = db.execute("SELECT id, uuid FROM articles WHERE id > ?", [last]).fetchall()
        stored = {digests[n]: (id_, items[n].title, uuid)
                  for id_, uuid in added if (n := at.get(uuid)) is not None}
        db.execute('INSERT INTO articles_fts (rowid, "title", "text") SELECT id, title, text'
                   " FROM articles WHERE id > ?", [last])
        db.execute("INSERT INTO library_fts (rowid, title, source) SELECT id, title, source"
                   " FROM articles WHERE id > ?", [last])
        db.execute("DELETE FROM bulk_import")
        if len(stored) < len(set(digests)):  # some were already in the library
            stored.update(_ids_by_sha(db, [d for d in digests if d not in stored]))
    results, seen = [], set()
    for digest, uuid in zip(digests, uuids, strict=True):
        id_, title, stored_uuid = stored[digest]
        created = stored_uuid == uuid and digest not in seen
        seen.add(digest)
        results.append(AddResult(ArticleId(id_), title, created))
    return results


_INSERT = ("INSERT INTO articles (uuid, title, source, published, language, text, sha256,"
           " content_type, styles, imported_at{}) VALUES {} ON CONFLICT (sha256) DO NOTHING")
_COLUMNS = 11  # with the memo (m011), which is left out when no article of a batch has one
# The text may come as its UTF-8 bytes (ImportedArticle.known_utf8): CAST makes them the
# same TEXT value the str would have been (in a UTF-8 library), and leaves a str as it is.
_PLACES = ["?"] * _COLUMNS
_PLACES[5] = "CAST(? AS TEXT)"


def _insert_rows(db: Database, rows: list[list[str | bytes | None]]) -> None:
    """Many rows per INSERT statement, in order. Not executemany: with the search
    triggers on the table, each statement runs as a sub-transaction of its own, and one
    statement per row took twice as long (10,000 articles: 0.39 s, not 0.20 s)."""
    memo = any(row[-1] for row in rows)
    columns = _COLUMNS if memo else _COLUMNS - 1
    one = "(" + ",".join(_PLACES[:columns]) + ")"
    per = _rows_per_statement(db)
    for start in range(0, len(rows), per):
        part = rows[start : start + per]
        db.conn.execute(_INSERT.format(", memo" if memo else "", ",".join([one] * len(part))),
                        [value for row in part for value in row[:columns]])


def _rows_per_statement(db: Database) -> int:
    getlimit = getattr(db.conn, "getlimit", None)  # both Python 3.11+
    which = getattr(sqlite3, "SQLITE_LIMIT_VARIABLE_NUMBER", None)
    limit = getlimit(which) if getlimit and which is not None else 999  # 999: the oldest
    return max(1, min(500, limit // _COLUMNS))


IMPORT_CACHE_KIB = 16 * 1024


@contextmanager
def import_cache(db: Database) -> Iterator[None]:
    """At least 16 MiB of page cache on this connection while many batches are stored,
    then the size it had. SQLite's default 2 MiB holds less than one batch's pages:
    10,000 articles re-read 200 MB of index and search-index pages, 90 MB with this."""
    before = int(db.execute("PRAGMA cache_size").fetchone()[0])
    page = int(db.execute("PRAGMA page_size").fetchone()[0])
    if (-before if before < 0 else before * page // 1024) >= IMPORT_CACHE_KIB:
        yield
        return
    db.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
    try:
        yield
    finally:
        with suppress(sqlite3.Error):
            db.execute(f"PRAGMA cache_size = {before}")


IMPORT_CHECKPOINT_PAGES = 4000


@contextmanager
def import_checkpoints(db: Database) -> Iterator[None]:
    """While many batches are stored: the WAL copied into the library every 4,000 pages
    (16 MiB at 4 KiB pages), not SQLite's 1,000, then the interval it had and one
    checkpoint, so the import leaves no more WAL behind than it found room for. Each
    checkpoint copies again the pages every batch touches (index and search-index
    pages) and syncs the file: storing 10,000 articles took ~5 % less CPU."""
    before = int(db.execute("PRAGMA wal_autocheckpoint").fetchone()[0])
    if before <= 0 or before >= IMPORT_CHECKPOINT_PAGES:  # off, or already as large
        yield
        return
    db.execute(f"PRAGMA wal_autocheckpoint = {IMPORT_CHECKPOINT_PAGES}")
    try:
        yield
    finally:
        with suppress(sqlite3.Error):
            db.execute(f"PRAGMA wal_autocheckpoint = {before}")
            if not db.conn.in_transaction:
                db.execute("PRAGMA wal_checkpoint(PASSIVE)")


def _begin_bulk(db: Database) -> None:
    """Inside the batch's transaction: stand the insert triggers aside (schema step m006).
    A row left by someone else's writer would have kept articles from the search
    indexes: rebuild them then."""
    if db.execute("DELETE FROM bulk_import").rowcount:
        db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
        db.execute("INSERT INTO library_fts (library_fts) VALUES ('rebuild')")
    db.execute("INSERT INTO bulk_import (id) VALUES (1)")


def _ids_by_sha(db: Database, digests: list[str]) -> dict[str, tuple[int, str, str]]:
    """sha256 -> (id, title, uuid) of the stored articles among digests."""
    if not digests:
        return {}
    rows = db.execute(
        "SELECT sha256, id, title, uuid FROM articles"
        " WHERE sha256 IN (SELECT value FROM json_each(?))",
        [json.dumps(digests)],
    )
    return {sha: (id_, title, uuid) for sha, id_, title, uuid in rows}


def batch_uuids(n: int) -> list[str]:
    """n distinct time-ordered UUIDs (version 7, RFC 9562: a millisecond timestamp, then
    74 random bits), counting up within the batch: the unique index on articles.uuid
    then takes each batch at its end, where random uuid4s touched a page per row."""
    ms = time.time_ns() // 1_000_000 & (1 << 48) - 1
    rand_a = int.from_bytes(os.urandom(2), "big") & 0xFFF
    head = ms << 80 | 0x7 << 76 | rand_a << 64 | 0b10 << 62
    start = int.from_bytes(os.urandom(8), "big") >> 2  # 62 random bits
    out = []
    for i in range(n):
        h = f"{head | (start + i) & (1 << 62) - 1:032x}"
        out.append(f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}")
    return out


def _utf8_library(db: Database) -> bool:
    """Whether the library keeps its text as UTF-8 (CAST of bytes to TEXT reads them in
    the library's encoding; a file made elsewhere may be UTF-16)."""
    return str(db.execute("PRAGMA encoding").fetchone()[0]).upper() == "UTF-8"


def _row(item: ImportedArticle, digest: str, stamp: str, uuid: str,
         as_utf8: bool = False) -> list[str | bytes | None]:
    styles = json.dumps([[s.start, s.end, s.style, s.href] for s in item.styles]) \
        if item.styles else "[]"
    # Binding the str would encode it again (~4 µs for 3 KB with an emoji in it).
    text = item.known_utf8 if as_utf8 and item.known_utf8 is not None else item.text
    return [uuid, item.title, item.source, item.published, item.language, text,
            digest, item.content_type, styles, stamp, item.memo]


def add_article(db: Database, item: ImportedArticle) -> AddResult:
    return add_articles(db, [item])[0]


_ARTICLE_COLS = (
    "id, uuid, title, source, published, language, text, sha256, content_type, styles, imported_at"
)


def get_article(db: Database, article_id: int) -> Article:
    row = named_row(db, f"SELECT {_ARTICLE_COLS} FROM articles WHERE id = ?", [article_id])
    if row is None:
        raise NotFound(f"article {article_id} not found")
    text = as_text(row["text"]) or ""
    return Article(ArticleId(row["id"]), as_text(row["uuid"]) or "", as_text(row["title"]) or "",
                   as_text(row["source"]) or "", as_text(row["published"]),
                   as_text(row["language"]), text, as_text(row["sha256"]) or "",
                   as_text(row["content_type"]) or "text",
                   parse_styles(row["styles"], len(text)), as_text(row["imported_at"]) or "")


SUMMARY_COLUMNS = "a.id, a.title, a.source, a.published, a.imported_at"


def summaries_of(db: Database, rows: Sequence[sqlite3.Row],
                 counts: dict[int, tuple[int, int, int]] | None = None) -> list[ArticleSummary]:
    """Library rows from rows of SUMMARY_COLUMNS (by name), with their tag counts
    (counted for just these rows unless given)."""
    if counts is None:
        counts = tag_counts(db, article_ids=[r["id"] for r in rows]) if rows else {}
    own = code_counts(db, [r["id"] for r in rows]) if rows else {}
    return [ArticleSummary(ArticleId(r["id"]), as_text(r["title"]) or "",
                           as_text(r["source"]) or "", as_text(r["published"]),
                           as_text(r["imported_at"]) or "", *counts.get(r["id"], (0, 0, 0)),
                           own.get(r["id"], 0))
            for r in rows]


def code_counts(db: Database, article_ids: Iterable[int]) -> dict[int, int]:
    """Tags of own codes per article (those with any), kept by the tag_counts triggers."""
    return {r[0]: r[1] for r in db.execute(
        "SELECT article_id, codes FROM tag_counts WHERE codes > 0 AND article_id IN"
        " (SELECT value FROM json_each(?))", [json.dumps([int(i) for i in article_ids])])}


def as_text(value: object) -> str | None:
    """A column the schema declares TEXT, as text whatever a tampered file holds in it
    (a number, a blob): widgets and exports then never meet a value of the wrong type."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def parse_styles(raw: object, length: int) -> tuple[StyleSpan, ...]:
    """The style spans stored with an article, keeping only the sound ones.

    The library file may have been edited by someone else: anything that is not a JSON
    list of [start, end, style, href] with whole-number offsets inside the text, a known
    style and an http/https/mailto link is dropped, so the article still opens (shown
    plainer) instead of failing.
    """
    if not isinstance(raw, str):
        return ()
    try:
        items = json.loads(raw)
    except (ValueError, RecursionError):
        return ()
    if not isinstance(items, list):
        return ()
    return tuple(span for item in items if (span := _style_span(item, length)) is not None)


def _style_span(item: object, length: int) -> StyleSpan | None:
    if not isinstance(item, list) or len(item) not in (3, 4):
        return None
    start, end, style = item[:3]
    href = item[3] if len(item) == 4 else None
    if type(start) is not int or type(end) is not int or not 0 <= start < end <= length:
        return None
    if not isinstance(style, str) or style not in STYLE_NAMES:
        return None
    if href is not None and not (style == "link" and _safe_href(href)):
        href = None
    return StyleSpan(start, end, style, href)


def _safe_href(href: object) -> bool:
    if not isinstance(href, str) or ":" not in href:
        return False
    return href.split(":", 1)[0].strip().lower() in LINK_SCHEMES


def article_count(db: Database) -> int:
    return int(db.execute("SELECT count(*) FROM articles").fetchone()[0])


_SORTS = {
    "title": "a.title COLLATE NOCASE",
    "published": "a.published",
    "source": "a.source COLLATE NOCASE",
    "imported_at": "a.imported_at",
    "id": "a.id",
}


def like_pattern(search: str) -> str:
    """A LIKE pattern (ESCAPE '\\') matching search as a plain substring."""
    return "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def list_articles(
    db: Database,
    *,
    search: str | None = None,
    ids: Iterable[int] | None = None,
    order_by: str = "imported_at",
    descending: bool = False,
    limit: int | None = None,
) -> list[ArticleSummary]:
    """Library rows with tag counts. search filters on title/source (substring), ids on
    the article ids. Never reads article texts (a covering index serves the list)."""
    clauses, params = [], []
    if search:
        clauses.append("(a.title LIKE ? ESCAPE '\\' OR a.source LIKE ? ESCAPE '\\')")
        params += [like_pattern(search)] * 2
    if ids is not None:
        clauses.append("a.id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps([int(i) for i in ids]))
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    order = _SORTS[order_by] + (" DESC" if descending else "") + ", a.id"
    sql = (
        f"SELECT {SUMMARY_COLUMNS} FROM articles a"
        f" INDEXED BY idx_articles_summary {where} ORDER BY {order}"
    )
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    rows = list(named_rows(db, sql, params))
    # the whole library: one scan of the tag index; a few rows: count just those
    return summaries_of(db, rows, tag_counts(db) if not (clauses or limit) else None)


def tag_counts(
    db: Database, article_id: int | None = None, *, article_ids: Iterable[int] | None = None
) -> dict[int, tuple[int, int, int]]:
    """(claims, actors, dates) per article with tags: one article, some articles, or
    (neither given) every article. Read from tag_counts, which triggers keep (m008)."""
    where, params = "", list[object]()
    if article_id is not None:
        where, params = "WHERE article_id = ?", [article_id]
    elif article_ids is not None:
        where, params = "WHERE article_id IN (SELECT value FROM json_each(?))", [
            json.dumps([int(i) for i in article_ids])]
    rows = named_rows(db, "SELECT article_id, claims, actors, dates FROM tag_counts"
                          f" {where}", params)
    found: dict[int, tuple[int, int, int]] = {}
    for r in rows:
        counts = (r["claims"], r["actors"], r["dates"])
        if any(counts):
            found[r["article_id"]] = counts
    return found


def delete_article(db: Database, article_id: int) -> None:
    """Remove an article and (by cascade) its annotations."""
    with write(db):
        db.execute("DELETE FROM articles WHERE id = ?", [article_id])
