"""The article search index stays exact with set-wise batch filling (schema step m006):
after a batch, after a crash or kill inside one, with another process writing meanwhile,
and for a library made before the step."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlite_utils import Database

from reader_app.domain.models import ImportedArticle
from reader_app.domain.offsets import text_sha256
from reader_app.services import importing
from reader_app.services.importing import import_paths
from reader_app.storage.articles import add_articles
from reader_app.storage.database import open_library
from reader_app.storage.foreign_schema import foreign_objects
from reader_app.storage.migrations import migrations
from reader_app.storage.search import search

ROOT = str(Path(__file__).resolve().parents[1])


def article(n: int, word: str = "ceasefire") -> ImportedArticle:
    return ImportedArticle(title=f"Report {n}", text=f"Talks on the {word} resumed (token{n}x).",
                           source=f"{n}.txt")


def assert_index_exact(path: Path) -> None:
    """integrity-check passes, no bulk row is left, and the index holds every article
    with its own title and text (rowid for rowid)."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")
        assert conn.execute("SELECT count(*) FROM bulk_import").fetchone()[0] == 0
        ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]
        for id_ in ids:  # every article found by its own unique word, under its own rowid
            hits = conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?",
                                [f'"token{_n(conn, id_)}x"']).fetchall()
            assert hits == [(id_,)], id_
        total = conn.execute("SELECT count(*) FROM articles_fts_docsize").fetchone()[0]
        assert total == len(ids)
        # the library filter's index too: every article by its title, under its own rowid
        conn.execute("INSERT INTO library_fts (library_fts, rank) VALUES ('integrity-check', 1)")
        for id_ in ids:
            hits = conn.execute("SELECT rowid FROM library_fts WHERE title = ?",
                                [f"Report {_n(conn, id_)}"]).fetchall()
            assert (id_,) in hits, id_
        assert conn.execute("SELECT count(*) FROM library_fts_docsize").fetchone()[0] == len(ids)
    finally:
        conn.close()


def _n(conn: sqlite3.Connection, id_: int) -> str:
    return conn.execute("SELECT substr(title, 8) FROM articles WHERE id = ?", [id_]).fetchone()[0]


def test_a_batch_is_indexed_and_found(db, db_path) -> None:
    results = add_articles(db, [article(n) for n in range(30)] + [article(3)])
    assert [r.created for r in results] == [True] * 30 + [False]
    assert results[3].article_id == results[30].article_id
    assert {h.article_id for h in search(db, "ceasefire")} == {r.article_id for r in results}
    assert [h.title for h in search(db, "token7x")] == ["Report 7"]
    assert_index_exact(db_path)


def test_an_import_of_files_is_searchable(db, db_path, tmp_path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(importing.CHUNK * 2 + 20):  # three write transactions
        (folder / f"{n:03d}.txt").write_text(f"date 2022-02-09\nReport {n}\n\nDrills (token{n}x)."
                                             " began near Minsk.", encoding="utf-8")
    report = import_paths(db, [folder])
    assert len(report.created) == importing.CHUNK * 2 + 20
    assert len(search(db, "Minsk", limit=1000)) == importing.CHUNK * 2 + 20
    assert_index_exact(db_path)


def test_the_trigger_still_indexes_a_plain_insert(db, db_path) -> None:
    """Another tool's INSERT (no bulk row) is indexed by the trigger, as before m006."""
    add_articles(db, [article(1)])
    db.execute("INSERT INTO articles (uuid, title, source, text, sha256, imported_at)"
               " VALUES ('u-2', 'Report 2', 's', 'Other text (token2x).', 'h2', 'now')")
    assert [h.title for h in search(db, "token2x")] == ["Report 2"]
    assert_index_exact(db_path)


@pytest.mark.parametrize("statement", [
    "INSERT INTO bulk_import", "SELECT max(id)", "INSERT INTO articles (", "SELECT id, uuid",
    "INSERT INTO articles_fts", "INSERT INTO library_fts", "DELETE FROM bulk_import",
    "SELECT sha256"])
@pytest.mark.parametrize("after", [0, 3])
def test_an_error_anywhere_inside_a_batch_leaves_the_index_exact(
        db, db_path, statement, after) -> None:
    """The batch (with one article already stored) is interrupted inside each of its
    statements in turn."""
    add_articles(db, [article(n) for n in range(5)])
    current, calls = [""], [0]

    def trace(sql: str) -> None:
        current[0] = sql

    def stop() -> int:
        if not current[0].lstrip().startswith(statement):
            return 0
        calls[0] += 1
        return int(calls[0] > after)

    db.conn.set_trace_callback(trace)
    db.conn.set_progress_handler(stop, 1)
    try:
        with pytest.raises(sqlite3.OperationalError, match="interrupt"):
            add_articles(db, [article(n) for n in range(5, 60)] + [article(2)])
    finally:
        db.conn.set_progress_handler(None, 0)
        db.conn.set_trace_callback(None)
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
    add_articles(db, [article(99)])  # and the next batch works
    assert_index_exact(db_path)


def test_a_kill_inside_a_batch_leaves_the_index_exact(db_path) -> None:
    db = open_library(db_path)
    add_articles(db, [article(n) for n in range(5)])
    db.close()
    # The child kills itself (SIGKILL: no cleanup at all) once the bulk row is written.
    child = textwrap.dedent(f"""
        import os, signal, sys
        sys.path.insert(0, {ROOT!r})
        from reader_app.domain.models import ImportedArticle
        from reader_app.storage.articles import add_articles
        from reader_app.storage.database import open_library
        db = open_library({str(db_path)!r})
        def trace(sql):
            if "INSERT INTO articles_fts" in sql and "SELECT" in sql:
                os.kill(os.getpid(), signal.SIGKILL)
        db.conn.set_trace_callback(trace)
        add_articles(db, [ImportedArticle(title=f"Report {{n}}", source="s",
                          text=f"Talks (token{{n}}x).") for n in range(5, 50)])
    """)
    done = subprocess.run([sys.executable, "-c", child], capture_output=True, check=False)
    assert done.returncode == -signal.SIGKILL, done.stderr
    db = open_library(db_path)
    try:
        assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
        add_articles(db, [article(70)])
    finally:
        db.close()
    assert_index_exact(db_path)


WRITER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], timeout=30, isolation_level=None)
for n in range(1000, 1000 + int(sys.argv[2])):
    conn.execute("INSERT INTO articles (uuid, title, source, text, sha256, imported_at)"
                 " VALUES (?, ?, 's', ?, ?, 'now')",
                 [f"w-{n}", f"Report {n}", f"Written by another program (token{n}x).", f"w{n}"])
    time.sleep(0.005)
"""


def test_another_process_writing_during_an_import_is_indexed(db, db_path, tmp_path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(400):
        (folder / f"{n:03d}.txt").write_text(f"Report {n}\n\nTalks (token{n}x) on {'x' * 2000}.",
                                             encoding="utf-8")
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(db_path), "60"])
    try:
        report = import_paths(db, [folder])
    finally:
        assert writer.wait(timeout=60) == 0
    assert len(report.created) == 400
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 460
    assert [h.title for h in search(db, "token1042x")] == ["Report 1042"]
    assert_index_exact(db_path)


def test_a_bulk_row_left_by_another_writer_is_healed(db, db_path) -> None:
    """Someone else committed a bulk row (the trigger then stands aside for everyone):
    the next batch clears it and rebuilds the index."""
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("INSERT INTO bulk_import (id) VALUES (7)")
    other.execute("INSERT INTO articles (uuid, title, source, text, sha256, imported_at)"
                  " VALUES ('u-5', 'Report 5', 's', 'Stray (token5x).', 'h5', 'now')")
    other.close()
    assert search(db, "token5x") == []
    add_articles(db, [article(1)])
    assert [h.title for h in search(db, "token5x")] == ["Report 5"]
    assert_index_exact(db_path)


def test_a_library_from_before_m006_is_upgraded_and_trusted(db_path) -> None:
    old = Database(db_path)
    migrations.apply(old, stop_before="m006_bulk_article_search")
    old.execute("INSERT INTO articles (uuid, title, source, text, sha256, imported_at)"
                " VALUES ('u-1', 'Report 1', 's', 'Old text (token1x).', 'h1', 'now')")
    old.conn.commit()
    old.close()
    db = open_library(db_path)
    try:
        steps = {name for (name,) in db.execute("SELECT name FROM _sqlite_migrations")}
        assert "m006_bulk_article_search" in steps
        assert foreign_objects(db.conn, steps) == []
        add_articles(db, [article(2)])
        assert [h.title for h in search(db, "token1x")] == ["Report 1"]
        assert [h.title for h in search(db, "token2x")] == ["Report 2"]
    finally:
        db.close()
    assert_index_exact(db_path)


def test_a_row_the_table_refuses_mid_statement_leaves_nothing_then_is_refused_alone(
        db, db_path) -> None:
    """A CHECK failure in the middle of a batch's multi-row INSERT: the whole batch rolls
    back (no row, no index entry), and the import then stores the others one by one."""
    add_articles(db, [article(n) for n in range(3)])
    bad = ImportedArticle(title="Report 50", text="Bad date (token50x).", source="50.txt",
                          published="2022-2-9")  # not YYYY-MM-DD: the table's CHECK refuses it
    batch = [article(n) for n in range(10, 40)] + [bad] + [article(n) for n in range(40, 60)]
    with pytest.raises(sqlite3.IntegrityError):
        add_articles(db, batch)
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
    assert search(db, "token20x") == []
    assert_index_exact(db_path)
    report = importing.ImportReport()
    importing._store(db, [(item.source, item) for item in batch], report)
    assert len(report.created) == 50
    assert [line.split(":")[0] for line in report.refused] == ["50.txt"]
    assert [h.title for h in search(db, "token20x")] == ["Report 20"]
    assert_index_exact(db_path)


def _row_of(db, item: ImportedArticle) -> tuple[int, str]:
    return db.execute("SELECT id, title FROM articles WHERE sha256 = ?",
                      [text_sha256(item.text)]).fetchone()


def test_a_batch_finds_its_rows_by_id_range_wherever_the_ids_stand(db, db_path) -> None:
    """The batch's rows are the ids past the largest before it: with gaps left by deletes,
    an id set far ahead by another tool, the id counter (sqlite_sequence) emptied, and
    duplicates in the batch and in the library, each result names its own stored row."""
    def hard(n: int, extra: str = "") -> ImportedArticle:
        return ImportedArticle(title=f"Report {n}", source=f"{n}.txt",
                               text=f"Київ 😀 👨‍👩‍👧 🇺🇦 𠀀 e\u0301 (token{n}x){extra}")

    add_articles(db, [hard(n) for n in range(4)])
    db.execute("DELETE FROM articles WHERE id = 4")  # a gap at the end (AUTOINCREMENT skips it)
    db.execute("INSERT INTO articles (id, uuid, title, source, text, sha256, imported_at)"
               " VALUES (1000000, 'u-far', 'Report 50', 's', 'far (token50x)', 'h50', 'now')")
    for counter in ("kept", "emptied"):
        if counter == "emptied":
            db.execute("DELETE FROM sqlite_sequence")
        base = 100 if counter == "kept" else 200
        items = [hard(base), hard(1), hard(base + 1, " " + "word " * 200_000), hard(base),
                 hard(2), hard(base + 2)]
        results = add_articles(db, items)
        assert [r.created for r in results] == [True, False, True, False, False, True]
        for item, result in zip(items, results, strict=True):
            assert (result.article_id, result.title) == _row_of(db, item)
        assert results[0].article_id > 1000000
        assert results[0].article_id == results[3].article_id
    assert add_articles(db, [hard(1), hard(1)])[1].created is False  # duplicates only
    assert_index_exact(db_path)
