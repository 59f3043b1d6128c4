"""Tag counts per article kept by triggers (schema step m008) always equal a real count."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader_app.domain.models import ImportedArticle
from reader_app.storage.annotations import (
    add_annotation,
    delete_annotation,
    restore_annotation,
    update_annotation,
)
from reader_app.storage.articles import add_article, delete_article, tag_counts
from reader_app.storage.database import open_library
from reader_app.storage.migrations import migrations

TEXT = "alpha beta gamma delta epsilon zeta eta theta iota kappa " * 3


def counted(db):
    return {r[0]: (r[1], r[2], r[3]) for r in db.execute(
        "SELECT article_id, sum(kind = 'claim'), sum(kind = 'actor'), sum(kind = 'date')"
        " FROM annotations GROUP BY article_id") if any(r[1:])}


ops = st.lists(st.tuples(st.sampled_from(["add", "delete", "restore", "rekind"]),
                         st.integers(0, 1), st.sampled_from(["claim", "actor", "date"]),
                         st.integers(0, 40)), max_size=40)


@settings(max_examples=25)
@given(ops)
def test_counts_follow_every_write(tmp_path_factory, steps):
    db = open_library(tmp_path_factory.mktemp("c") / "lib.sqlite")
    ids = [add_article(db, ImportedArticle(f"A{n}", f"{n} {TEXT}", f"{n}.txt", None)).article_id
           for n in range(2)]
    live, gone = [], []
    for op, which, kind, pos in steps:
        if op == "add":
            start = pos + 2
            live.append(add_annotation(db, ids[which], kind, start, start + 3))
        elif op == "delete" and live:
            gone.append(delete_annotation(db, live.pop(pos % len(live)).id))
        elif op == "restore" and gone and gone[-1].id not in {a.id for a in live}:
            live.append(restore_annotation(db, gone.pop()))
        elif op == "rekind" and live:
            ann = live.pop(pos % len(live))
            live.append(update_annotation(db, ann.id, kind=kind) or ann)
        assert tag_counts(db) == counted(db)
    for article_id in ids:
        assert tag_counts(db, article_id) == {k: v for k, v in counted(db).items()
                                              if k == article_id}
    db.close()


def test_another_tools_insert_and_an_article_deletion_keep_counts_exact(db):
    article_id = add_article(db, ImportedArticle("A", TEXT, "a.txt", None)).article_id
    add_annotation(db, article_id, "claim", 0, 5)
    db.execute('INSERT INTO annotations (uuid, article_id, kind, start, "end", quote,'
               " created_at, updated_at, text_sha256) VALUES ('x', ?, 'date', 6, 10, 'beta',"
               " 'now', 'now', 'sha')", [article_id])
    assert tag_counts(db, article_id) == {article_id: (1, 0, 1)}
    delete_article(db, article_id)
    assert tag_counts(db) == {} and db.execute("SELECT count(*) FROM tag_counts").fetchone()[0] == 0


def test_a_library_from_before_m008_gets_its_counts(db_path):
    from sqlite_utils import Database

    old = Database(db_path)
    migrations.apply(old, stop_before="m008_tag_counts")
    article_id = add_article(old, ImportedArticle("A", TEXT, "a.txt", None)).article_id
    for kind, start in (("actor", 0), ("actor", 6), ("date", 11), ("claim", 17)):
        old.execute('INSERT INTO annotations (uuid, article_id, kind, start, "end", quote,'
                    " created_at, updated_at, text_sha256) VALUES (?, ?, ?, ?, ?, ?, 'n', 'n',"
                    " 's')", [f"u{start}", article_id, kind, start, start + 4,
                              TEXT[start:start + 4]])
    old.close()
    db = open_library(db_path)
    assert tag_counts(db) == {article_id: (1, 2, 1)}
    db.close()
