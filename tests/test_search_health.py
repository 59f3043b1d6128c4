"""A library whose search index is missing or damaged opens, rebuilt, with a notice."""

from __future__ import annotations

import sqlite3

import pytest

from reader_app.domain.models import ImportedArticle
from reader_app.services.search import SearchFilter, search_articles
from reader_app.storage.articles import add_articles
from reader_app.storage.database import open_library
from reader_app.storage.search_health import check_search_indexes, notices


@pytest.fixture
def library(db_path):
    db = open_library(db_path)
    add_articles(db, [ImportedArticle(f"Report {i}", f"Лавров said the votes number {i} 🇺🇦.",
                                      f"{i}.txt") for i in range(30)])
    with db.conn:
        db.execute("UPDATE articles SET memo = 'desk check' WHERE id = 1")
    assert notices(db) == [] and check_search_indexes(db) == []
    db.close()
    return db_path


def _damage(path, *statements):
    conn = sqlite3.connect(path)
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()


def _found(db, text):
    return len(search_articles(db, SearchFilter(text=text)))


@pytest.mark.parametrize("statements, rebuilt", [
    (["DROP TABLE articles_fts"], "articles_fts"),
    (["INSERT INTO articles_fts(articles_fts) VALUES ('delete-all')"], "articles_fts"),
    (["DROP TABLE memo_fts", "DROP TRIGGER memo_fts_update"], "memo_fts"),
    (["DROP TABLE alias_fts"], "alias_fts"),
    (["INSERT INTO annotations (uuid, article_id, kind, start, \"end\", quote, created_at,"
      " updated_at, text_sha256) VALUES ('u', 1, 'claim', 0, 6, 'Лавров', 'now', 'now', 'x')",
      "INSERT INTO annotations_fts(annotations_fts) VALUES ('delete-all')"], "annotations_fts"),
])
def test_missing_or_emptied_index_is_rebuilt_on_open(library, statements, rebuilt):
    _damage(library, *statements)
    db = open_library(library)
    try:
        assert len(notices(db)) == 1 and "rebuilt" in notices(db)[0] and rebuilt in notices(db)[0]
        assert _found(db, "votes") == 30 and _found(db, "Лаврова") == 30
        assert _found(db, "desk") == 1
        assert check_search_indexes(db) == []
        for table in ("articles_fts", "memo_fts", "alias_fts", "annotations_fts"):
            db.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
        # the triggers work again: a new memo is found
        with db.conn:
            db.execute("UPDATE articles SET memo = 'шойгу' WHERE id = 2")
        assert _found(db, "шойгу") == 1
        # title weighting came back with the table
        assert db.execute("SELECT v FROM articles_fts_config WHERE k = 'rank'").fetchone()[0] \
            == "bm25(10.0, 1.0)"
    finally:
        db.close()
    again = open_library(library)
    assert notices(again) == []  # repaired once, for good
    again.close()


def test_corrupt_index_found_by_a_search_is_rebuilt_then(library):
    # the document counts still agree: only reading the index shows the damage
    _damage(library, "UPDATE articles_fts_data SET block = x'ffffffff' || substr(block, 5) WHERE id > 10")
    db = open_library(library)
    try:
        assert notices(db) == []
        assert _found(db, "votes") == 30
        assert len(notices(db)) == 1 and "damaged" in notices(db)[0]
    finally:
        db.close()


def test_a_healthy_library_gets_no_notice(db):
    assert notices(db) == []


def test_damaged_index_of_a_read_only_library_is_one_clear_message(library):
    _damage(library, "UPDATE articles_fts_data SET block = x'ffffffff' || substr(block, 5) WHERE id > 10")
    db = open_library(library, read_only=True)
    try:
        with pytest.raises(ValueError, match="damaged and the library is read-only"):
            search_articles(db, SearchFilter(text="votes"))
    finally:
        db.close()


def test_the_window_says_what_opening_repaired(qtbot, library):
    from gui_helpers import open_window

    _damage(library, "DROP TABLE articles_fts")
    window = open_window(qtbot, library)
    message = window.statusBar().currentMessage()
    assert "search index" in message and "rebuilt" in message
    assert window.controller.notices == [message]
