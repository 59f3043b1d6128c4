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


# -- an index FTS5 cannot use: a shadow table gone, its structure record corrupt ---------

_SHADOW_DAMAGE = [
    "DROP TABLE articles_fts_idx",  # 'SQL logic error' on 'rebuild'
    "DROP TABLE articles_fts_data",  # 'vtable constructor failed': not even DROP TABLE works
    "DROP TABLE articles_fts_config",
    "DROP TABLE memo_fts_data",
    "DROP TABLE annotations_fts_data",
    "DROP TABLE alias_fts_docsize",
    # the document counts still agree: the first search finds it (not randomblob: some random
    # structure records read as an empty index, with no error at all)
    "UPDATE articles_fts_data SET block = x'ffffffffffffffff' WHERE id = 10",
]


def _rows(path):
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall()
                for t in ("articles", "annotations", "actors", "actor_aliases")}
    finally:
        conn.close()


@pytest.fixture
def tagged(library):
    from reader_app.services.tagging import tag
    from reader_app.storage.articles import get_article

    db = open_library(library)
    article = get_article(db, 3)
    tag(db, article, "actor", 0, 6)  # "Лавров": an actor, a tag
    from reader_app.storage.actors import set_aliases

    with db.conn:
        set_aliases(db, db.execute("SELECT id FROM actors").fetchone()[0], ["Министр"])
    db.close()
    return library


@pytest.mark.parametrize("damage", _SHADOW_DAMAGE)
def test_an_index_with_a_shadow_table_gone_or_corrupt_opens_and_searches(tagged, damage):
    before = _rows(tagged)
    _damage(tagged, damage)
    db = open_library(tagged)
    try:
        assert _found(db, "votes") == 30 and _found(db, "Лаврова") == 30
        assert _found(db, "desk") == 1 and _found(db, "Министр") == 1
        assert len(notices(db)) == 1 and "rebuilt" in notices(db)[0]
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        for table in ("articles_fts", "memo_fts", "alias_fts", "annotations_fts",
                      "actors_fts", "library_fts"):
            db.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
        assert check_search_indexes(db) == []
        assert _rows(tagged) == before  # nothing but the indexes changed
        # the triggers write to the new tables: a new memo, tag and article are found
        from reader_app.services.tagging import tag
        from reader_app.storage.articles import get_article

        with db.conn:
            db.execute("UPDATE articles SET memo = 'шойгу 🇺🇦' WHERE id = 2")
        assert _found(db, "шойгу") == 1
        tag(db, get_article(db, 5), "claim", 7, 11)  # "said"
        db.execute("UPDATE annotations SET note = 'перевірити' WHERE id = (SELECT max(id)"
                   " FROM annotations)")
        db.conn.commit()
        assert _found(db, "перевірити") == 1
        add_articles(db, [ImportedArticle("𝔘nicode", "Zelensky 😀 spoke", "z.txt")])
        assert _found(db, "Zelensky") == 1
        assert db.execute("SELECT v FROM articles_fts_config WHERE k = 'rank'").fetchone()[0] \
            == "bm25(10.0, 1.0)"
    finally:
        db.close()
    again = open_library(tagged)  # the schema is ours again: no foreign objects, no notice
    try:
        assert notices(again) == [] and _found(again, "votes") == 30
        assert notices(again) == []
    finally:
        again.close()


@pytest.mark.parametrize("damage", _SHADOW_DAMAGE[:3] + _SHADOW_DAMAGE[-1:])
def test_the_command_line_searches_a_library_with_a_shadow_table_gone(tagged, damage, capsys):
    from reader_app.cli import main

    _damage(tagged, damage)
    assert main(["search", "--db", str(tagged), "Лавров"]) == 0
    out, err = capsys.readouterr()
    assert "Report 3" in out and "rebuilt" in err and "error" not in err


def test_a_read_only_library_with_a_shadow_table_gone_says_so_plainly(library):
    _damage(library, "UPDATE articles_fts_data SET block = x'ffffffffffffffff' WHERE id = 10")
    before = library.read_bytes()
    db = open_library(library, read_only=True)
    try:
        from reader_app.services.search import SearchIndexDamaged

        with pytest.raises(SearchIndexDamaged, match="read-only: open a writable copy"):
            search_articles(db, SearchFilter(text="votes"))
    finally:
        db.close()
    assert library.read_bytes() == before  # never written


def _search_in_window(qtbot, window, text):
    panel = window.library_pane.search
    panel.field.setText(text)
    panel.search_now()
    qtbot.waitUntil(lambda: panel.settled, timeout=10_000)
    return panel


@pytest.mark.parametrize("damage", [
    "UPDATE articles_fts_data SET block = x'00' WHERE id NOT IN (1, 10)",  # malformed
    "UPDATE articles_fts_data SET block = x'ffffffffffffffff' WHERE id = 10",
    "DROP TABLE articles_fts_idx",  # SQL logic error
])
def test_window_search_on_a_damaged_index_of_a_writable_library_rebuilds_it(
        qtbot, library, damage):
    from gui_helpers import open_window

    window = open_window(qtbot, library)
    assert window.controller.notices == []
    _damage(library, damage)  # after the check on open passed
    panel = _search_in_window(qtbot, window, "Лаврова")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 30, timeout=10_000)
    assert "read-only" not in panel.empty_label.text()
    message = window.statusBar().currentMessage()
    assert "search index was damaged and has been rebuilt" in message, message
    assert len(window.controller.notices) == 1
    conn = sqlite3.connect(library)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
    finally:
        conn.close()
    # the next search reads the rebuilt index at once, with no second rebuild
    panel = _search_in_window(qtbot, window, "desk")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10_000)
    assert len(window.controller.notices) == 1


def test_window_search_on_a_damaged_index_of_a_read_only_library_says_so(qtbot, library,
                                                                          monkeypatch):
    import reader_app.gui.controller as controller_module
    from reader_app.gui.window.main_window import MainWindow

    _damage(library, "UPDATE articles_fts_data SET block = x'ffffffffffffffff' WHERE id = 10")
    before = library.read_bytes()
    monkeypatch.setattr(controller_module, "open_library",
                        lambda path: open_library(path, read_only=True))
    window = MainWindow(library)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.controller.read_only is not None
    panel = _search_in_window(qtbot, window, "votes")
    qtbot.waitUntil(lambda: "read-only" in panel.empty_label.text(), timeout=10_000)
    assert "open a writable copy" in panel.empty_label.text()
    assert panel.model.rowCount() == 0
    assert "open a writable copy" in window.statusBar().currentMessage()
    assert window.controller.notices == []
    assert library.read_bytes() == before  # never written
