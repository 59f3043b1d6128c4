"""The article memo column (schema step m011) and its search index, kept by triggers."""

from __future__ import annotations

from reader_app.domain.models import ImportedArticle
from reader_app.storage.articles import add_article, delete_article


def _memo_hits(db, query):
    return [r[0] for r in db.execute(
        "SELECT rowid FROM memo_fts WHERE memo_fts MATCH ? ORDER BY rowid", [query]).fetchall()]


def test_memo_defaults_empty_and_import_indexes_nothing(db):
    a = add_article(db, ImportedArticle("Title", "Body text", "a.txt")).article_id
    assert db.execute("SELECT memo FROM articles WHERE id = ?", [a]).fetchone()[0] == ""
    assert db.execute("SELECT count(*) FROM memo_fts_docsize").fetchone()[0] == 0


def test_memo_update_and_delete_keep_the_index(db):
    a = add_article(db, ImportedArticle("Title", "Body text", "a.txt")).article_id
    b = add_article(db, ImportedArticle("Other", "Other body", "b.txt")).article_id
    with db.conn:
        db.execute("UPDATE articles SET memo = ? WHERE id = ?", ["Лавров *обіцяв* 🇺🇦 check", a])
        db.execute("UPDATE articles SET memo = ? WHERE id = ?", ["check later", b])
    assert _memo_hits(db, "лавров") == [a]
    assert _memo_hits(db, "check") == [a, b]
    with db.conn:
        db.execute("UPDATE articles SET memo = '' WHERE id = ?", [a])
    assert _memo_hits(db, "лавров") == []
    assert _memo_hits(db, "check") == [b]
    delete_article(db, b)
    assert _memo_hits(db, "check") == []
    db.execute("INSERT INTO memo_fts(memo_fts) VALUES ('integrity-check')")
