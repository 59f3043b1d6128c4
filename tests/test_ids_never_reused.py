"""A deleted article's (or tag's) id never goes to a new row, so undoing the delete always
brings back the same rows: schema step m013 (AUTOINCREMENT, made in place)."""

from __future__ import annotations

from reader_app.domain.models import ImportedArticle
from reader_app.services import article_ops
from reader_app.storage.annotations import add_annotation
from reader_app.storage.articles import add_article, add_articles, get_article
from reader_app.storage.database import open_library

TEXTS = ("Talks in Київ 🇺🇦 resumed on Friday.", "Лавров заявил, что переговоры возможны.",
         "A third report, imported later.")


def test_an_import_after_deleting_the_newest_article_leaves_the_undo_possible(db):
    first = add_article(db, ImportedArticle("A", TEXTS[0], "a.txt")).article_id
    second = add_article(db, ImportedArticle("B", TEXTS[1], "b.txt")).article_id
    tag = add_annotation(db, second, "actor", 0, 6)
    snapshots, _ = article_ops.delete_articles(db, [second])
    third = add_articles(db, [ImportedArticle("C", TEXTS[2], "c.txt")])[0].article_id
    assert third > second  # not the freed id
    newer_tag = add_annotation(db, first, "date", 29, 35)
    assert newer_tag.id > tag.id
    article_ops.restore_articles(db, snapshots)
    back = get_article(db, second)
    assert (back.title, back.text) == ("B", TEXTS[1])
    row = db.execute("SELECT id, uuid, quote FROM annotations WHERE article_id = ?",
                     [second]).fetchone()
    assert (row[0], row[1], row[2]) == (tag.id, tag.uuid, "Лавров")


def test_a_new_library_has_the_step_and_a_sound_schema(db_path):
    db = open_library(db_path)
    ids = [r.article_id for r in add_articles(db, [ImportedArticle(t[:5], t, f"{n}.txt")
                                                   for n, t in enumerate(TEXTS)])]
    for table in ("articles", "annotations", "rejections"):
        sql = db.execute("SELECT sql FROM sqlite_master WHERE name = ?", [table]).fetchone()[0]
        assert "id INTEGER PRIMARY KEY AUTOINCREMENT" in sql
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'articles'").fetchone()[0] \
        == max(ids)
    db.close()


def test_a_library_from_before_the_step_keeps_its_rows_and_stops_reusing_ids(tmp_path):
    from sqlite_utils import Database

    from reader_app.storage import migrations as m

    path = tmp_path / "old.sqlite"
    # the library as an older version left it: every step before m013, none from it on
    db = Database(path)
    m.migrations.apply(db, stop_before="m013_ids_never_reused")
    for n, t in enumerate(TEXTS):
        db.execute("INSERT INTO articles (uuid, title, source, text, sha256, imported_at)"
                   " VALUES (?, ?, ?, ?, ?, '2030-01-01')", [f"u{n}", t[:5], f"{n}.txt", t, f"s{n}"])
    db.conn.commit()
    db.close()
    db = open_library(path)  # the step runs again
    assert [r[0] for r in db.execute("SELECT title FROM articles ORDER BY id")] == \
        [t[:5] for t in TEXTS]
    newest = db.execute("SELECT max(id) FROM articles").fetchone()[0]
    db.execute("DELETE FROM articles WHERE id = ?", [newest])
    db.conn.commit()
    again = add_article(db, ImportedArticle("New", "A new text, never seen.", "n.txt")).article_id
    assert again == newest + 1
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()
