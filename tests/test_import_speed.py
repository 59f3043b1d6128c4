"""The shortcuts that keep imports fast give the same answers as the slow way."""

from __future__ import annotations

import random
import sqlite3
import sys
import uuid
from pathlib import Path

import pytest

from reader_app.domain.models import ImportedArticle
from reader_app.formats import decode
from reader_app.services import importing
from reader_app.storage.articles import (
    IMPORT_CACHE_KIB,
    IMPORT_CHECKPOINT_PAGES,
    add_articles,
    batch_uuids,
    import_cache,
    import_checkpoints,
)

PIECES = ["a", " ", "\n", "\r", "\r\n", "\x01", "\x1a", "\x7f", "\x1f", "\x0e", "\t", "é",
          "\x85", "\x9f", "\u00a0", "😀", "\u2029", "Ж"]


def _slow_count(text: str) -> int:
    return len(decode._BAD_CONTROLS.findall(text))


def test_control_count_from_utf8_bytes_matches_the_regex():
    rng = random.Random(8)
    for _ in range(5000):
        raw = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 14))).encode()
        text, utf8 = decode._decode(raw, None)
        assert utf8
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if text.endswith("\x1a"):
            text = text[:-1]
        assert decode._bad_controls(text, raw) == _slow_count(text), raw


def test_control_heavy_utf8_file_is_still_refused():
    data = ("word " * 10 + "\x01\x02\x03" * 10).encode()
    try:
        decode.decode_bytes(data)
    except decode.DecodeError as e:
        assert "control characters" in e.reason
    else:
        raise AssertionError("accepted a file full of control characters")


def test_batch_uuids_are_distinct_version_7_and_ordered():
    first = batch_uuids(300)
    assert len(set(first)) == 300
    for text in first:
        u = uuid.UUID(text)
        assert (u.version, u.variant, str(u)) == (7, uuid.RFC_4122, text)
    assert first == sorted(first) or first[-1] < first[0]  # wraps at most once (2^-55)
    assert not set(first) & set(batch_uuids(300))


class _CountingConnection:
    """The library's connection, counting the row statements run on articles."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn, self.inserts = conn, 0

    def execute(self, sql: str, *args):
        self.inserts += sql.startswith("INSERT INTO articles (")
        return self.conn.execute(sql, *args)

    def executemany(self, sql: str, rows):
        rows = list(rows)
        self.inserts += len(rows) * sql.startswith("INSERT INTO articles (")
        return self.conn.executemany(sql, rows)

    def __getattr__(self, name: str):
        return getattr(self.conn, name)


def _counted_add(db, items) -> tuple[list, int]:
    real, counting = db.conn, _CountingConnection(db.conn)
    db.conn = counting
    try:
        return add_articles(db, items), counting.inserts
    finally:
        db.conn = real


def test_a_batch_is_stored_with_few_insert_statements_in_order(db) -> None:
    items = [ImportedArticle(title=f"Report {n}", text=f"Text {n % 40}.", source=f"{n}.txt")
             for n in range(120)]  # 80 duplicates of earlier items in the batch
    results, statements = _counted_add(db, items)
    assert statements == 1  # one statement, not one per row
    assert [r.created for r in results] == [True] * 40 + [False] * 80
    ids = [r.article_id for r in results[:40]]
    assert ids == sorted(ids) and len(set(ids)) == 40
    assert [r.article_id for r in results[40:]] == ids * 2
    assert [r.title for r in results] == [f"Report {n % 40}" for n in range(120)]


@pytest.mark.skipif(sys.version_info < (3, 11), reason="Connection.setlimit is Python 3.11+")
def test_a_batch_respects_the_variable_limit_of_the_sqlite_build(db) -> None:
    db.conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 35)  # 3 rows of 10 values
    items = [ImportedArticle(title=f"Report {n}", text=f"Text {n}.", source=f"{n}.txt")
             for n in range(8)]
    results, statements = _counted_add(db, items)
    assert statements == 3
    stored = db.execute("SELECT id, title FROM articles ORDER BY id").fetchall()
    assert [(r.article_id, r.title) for r in results] == [tuple(row) for row in stored]
    assert [t for _, t in stored] == [f"Report {n}" for n in range(8)]


def _cache_kib(db) -> int:
    size = db.execute("PRAGMA cache_size").fetchone()[0]
    return -size if size < 0 else size * db.execute("PRAGMA page_size").fetchone()[0] // 1024


@pytest.mark.parametrize("fails", [False, True])
def test_an_import_stores_with_a_bigger_page_cache_then_gives_it_back(
        db, tmp_path, monkeypatch, fails) -> None:
    for n in range(3):
        (tmp_path / f"{n}.txt").write_text(f"Report {n}\n\nTalks {n}.", encoding="utf-8")
    db.execute("PRAGMA cache_size = -2000")
    seen: list[tuple[int, int]] = []
    real = importing.add_articles

    def recording(db, items):
        seen.append((_cache_kib(db), db.execute("PRAGMA wal_autocheckpoint").fetchone()[0]))
        if fails:
            raise sqlite3.OperationalError("database or disk is full")
        return real(db, items)

    monkeypatch.setattr(importing, "add_articles", recording)
    report = importing.import_paths(db, [tmp_path])
    assert seen == [(IMPORT_CACHE_KIB, IMPORT_CHECKPOINT_PAGES)]
    assert bool(report.stopped) is fails and len(report.created) == (0 if fails else 3)
    assert db.execute("PRAGMA cache_size").fetchone()[0] == -2000
    assert db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000


def test_an_import_checkpoints_the_wal_it_grew_and_keeps_a_larger_interval(db, tmp_path) -> None:
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    for n in range(300):  # past 1,000 pages of WAL: SQLite's own interval would have copied
        (tmp_path / f"{n:03d}.txt").write_text(f"Report {n}\n\n" + f"Talks {n} resumed. " * 900,
                                               encoding="utf-8")
    report = importing.import_paths(db, [tmp_path])
    assert len(report.created) == 300
    # every page is in the library file itself (stat only: never open() the library)
    library = Path(db.execute("PRAGMA database_list").fetchone()[2])
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    assert library.stat().st_size == pages * db.execute("PRAGMA page_size").fetchone()[0]
    _busy, wal_pages, copied = db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    assert wal_pages > 1000 and copied == wal_pages  # one WAL, never restarted at 1,000 pages
    db.execute("PRAGMA wal_autocheckpoint = 9000")
    with import_checkpoints(db):
        assert db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 9000
    assert db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 9000


def test_a_connection_with_a_bigger_cache_keeps_it(db) -> None:
    db.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB * 2}")
    with import_cache(db):
        assert _cache_kib(db) == IMPORT_CACHE_KIB * 2
    assert _cache_kib(db) == IMPORT_CACHE_KIB * 2


def test_paragraph_separator_found_anywhere_in_plain_utf8():
    """The regex scan for U+2029 finds it where `in` did: start, end, next to the bytes
    its skip filter confuses (i, b, '"', é = C3 A9), and far into a big file."""
    body = 'bi"café i b ' * 50_000
    for text in ("a\u2029", "\u2029" + body, body + "\u2029", body[:7] + "\u2029" + body,
                 "é\u2029é", "\u2028\u2029\u202a", "😀\u2029"):
        assert decode.decode_bytes(text.encode()) == text.replace("\u2029", "\n"), text[:20]
    for text in (body, "\u2028 \u202a \u20a9 \xe2 \xa9", "é" * 1000):
        assert decode.decode_bytes(text.encode()) == text
