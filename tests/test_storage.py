"""Library file, migrations and the repository (no Qt)."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader_app.domain.models import ImportedArticle
from reader_app.storage.annotations import (
    AnchorError,
    add_annotation,
    delete_annotation,
    get_annotation,
    list_annotations,
    restore_annotation,
    update_annotation,
)
from reader_app.storage.articles import (
    NotFound,
    add_article,
    add_articles,
    get_article,
    list_articles,
)
from reader_app.storage.database import (
    LibraryError,
    known_steps,
    open_library,
    schema_steps,
)
from reader_app.storage.search import fts_query, search

TEXT = "Moscow said on Thursday 😀 that 👨‍👩‍👧 talks with Kyiv 🇺🇦 failed.\nLavrov agreed."


def article(text=TEXT, **kw) -> ImportedArticle:
    return ImportedArticle(title=kw.pop("title", "Talks"), text=text, source="t.txt", **kw)


def test_new_library_has_every_step_wal_and_foreign_keys(db):
    assert set(schema_steps(db)) == known_steps()
    assert db.journal_mode == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert {"articles", "annotations", "articles_fts", "annotations_fts"} <= set(db.table_names())


def test_reopen_applies_nothing_new(db_path):
    open_library(db_path).close()
    db = open_library(db_path)
    assert len(schema_steps(db)) == len(known_steps())
    db.close()


def test_each_migration_step_on_its_own(tmp_path):
    from sqlite_utils import Database

    from reader_app.storage.migrations import migrations

    db = Database(tmp_path / "steps.sqlite")
    migrations.apply(db, stop_before="m002_full_text_search")
    assert "articles" in db.table_names() and "articles_fts" not in db.table_names()
    db["articles"].insert(
        {"uuid": "u", "title": "t", "source": "s", "text": "old text", "sha256": "x",
         "imported_at": "now"}
    )
    migrations.apply(db)
    assert db.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'old'").fetchall()


@pytest.mark.parametrize(
    "content",
    [b"hello, not a database", b"PK\x03\x04zipfile", b"\x00" * 200, b"date 2022-01-01 text"],
)
def test_non_sqlite_file_is_refused_and_untouched(tmp_path, content):
    path = tmp_path / "notes.sqlite"
    path.write_bytes(content)
    with pytest.raises(LibraryError, match="not a SQLite database"):
        open_library(path)
    assert path.read_bytes() == content
    assert not (tmp_path / "notes.sqlite-wal").exists()


def test_newer_schema_is_refused_and_untouched(db_path):
    db = open_library(db_path)
    db["_sqlite_migrations"].insert(
        {"migration_set": "reader_app", "name": "m999_from_the_future", "applied_at": "x"}
    )
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    before = db_path.read_bytes()
    with pytest.raises(LibraryError, match="newer version"):
        open_library(db_path)
    assert db_path.read_bytes() == before


def test_other_applications_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(LibraryError, match="another application"):
        open_library(path)
    assert path.read_bytes() == before


def test_missing_library_without_create(tmp_path):
    with pytest.raises(LibraryError, match="no such library"):
        open_library(tmp_path / "nope.sqlite", create=False)


def test_add_article_deduplicates_by_text(db):
    first = add_article(db, article())
    again = add_article(db, article(title="Other title"))
    assert first.created and not again.created and again.article_id == first.article_id
    stored = get_article(db, first.article_id)
    assert stored.text == TEXT and len(stored.sha256) == 64 and stored.uuid


def test_add_articles_batch_and_published_check(db):
    results = add_articles(db, [article(f"text {i}", published="2022-02-09") for i in range(5)])
    assert [r.created for r in results] == [True] * 5
    with pytest.raises(sqlite3.IntegrityError):
        add_articles(db, [article("fine"), article("bad date", published="09/02/2022")])
    # the whole batch rolled back: "fine" is not stored
    assert len(list_articles(db)) == 5


def test_annotation_offsets_invariant_with_hard_unicode(db):
    aid = add_article(db, article()).article_id
    for quote in ["Moscow", "😀", "👨‍👩‍👧", "Kyiv 🇺🇦", "failed.\nLavrov", "🇺🇦"]:
        start = TEXT.index(quote)
        ann = add_annotation(db, aid, "claim", start, start + len(quote))
        assert ann.quote == quote == TEXT[ann.start : ann.end]
        assert TEXT[: ann.start].endswith(ann.prefix) and TEXT[ann.end :].startswith(ann.suffix)


def test_annotation_rejects_bad_spans(db):
    aid = add_article(db, article()).article_id
    for start, end in [(-1, 3), (5, 5), (6, 2), (0, len(TEXT) + 1)]:
        with pytest.raises(AnchorError):
            add_annotation(db, aid, "date", start, end)
    with pytest.raises(AnchorError):
        add_annotation(db, aid, "actor", 0, 6, expected_quote="Kyiv")
    with pytest.raises(NotFound):
        add_annotation(db, 999, "actor", 0, 1)
    assert list_annotations(db, aid) == []


def test_update_delete_restore_same_row(db):
    aid = add_article(db, article()).article_id
    ann = add_annotation(db, aid, "actor", 0, 6, analyst="ana")
    edited = update_annotation(db, ann.id, note="**capital**", value="Russia")
    assert edited.note == "**capital**" and edited.value == "Russia"
    assert edited.uuid == ann.uuid and edited.created_at == ann.created_at
    with pytest.raises(ValueError):
        update_annotation(db, ann.id, start=3)
    gone = delete_annotation(db, ann.id)
    with pytest.raises(NotFound):
        get_annotation(db, ann.id)
    back = restore_annotation(db, gone)
    assert back == gone


def test_deleting_article_cascades(db):
    from reader_app.storage.articles import delete_article

    aid = add_article(db, article()).article_id
    add_annotation(db, aid, "actor", 0, 6)
    delete_article(db, aid)
    assert db.execute("SELECT count(*) FROM annotations").fetchone()[0] == 0


def test_list_articles_counts_sort_and_filter(db):
    a = add_article(db, article("one", title="Bravo 100%")).article_id
    add_article(db, article("two", title="alpha_1"))
    add_annotation(db, a, "claim", 0, 3)
    add_annotation(db, a, "actor", 0, 2)
    add_annotation(db, a, "actor", 1, 3)
    rows = list_articles(db, order_by="title")
    assert [r.title for r in rows] == ["alpha_1", "Bravo 100%"]
    assert (rows[1].claim_count, rows[1].actor_count, rows[1].date_count) == (1, 2, 0)
    assert [r.title for r in list_articles(db, search="100%")] == ["Bravo 100%"]
    assert [r.title for r in list_articles(db, search="_")] == ["alpha_1"]


def test_full_text_search_stays_in_sync(db):
    aid = add_article(db, article()).article_id
    ann = add_annotation(db, aid, "claim", 0, 6, note="Kremlin position")
    assert {h.annotation_id for h in search(db, "kreml")} == {ann.id}
    update_annotation(db, ann.id, note="changed")
    assert search(db, "kremlin") == []
    assert [h.article_id for h in search(db, "lavrov")] == [aid]
    assert search(db, '"NEAR(') == [] and fts_query("  ") == ""


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.text(
        alphabet=st.sampled_from(list("ab \n\tЖ😀🇺🇦👨\u200d👩𠀀é\u0301\u00a0ש")), min_size=1, max_size=80
    ),
    data=st.data(),
)
def test_invariant_holds_for_any_text(db, text, data):
    aid = add_article(db, article(text)).article_id
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    ann = add_annotation(db, aid, "claim", start, end)
    stored = get_article(db, aid).text
    assert stored == text
    assert stored[ann.start : ann.end] == ann.quote == get_annotation(db, ann.id).quote


def test_library_list_never_reads_article_texts(db):
    """With 100,000 articles the list must come from the covering index, not the texts:
    EXPLAIN the very statement list_articles runs."""
    add_article(db, article("one"))
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    try:
        list_articles(db, order_by="title")
        list_articles(db, search="x")
    finally:
        db.conn.set_trace_callback(None)
    listings = [s for s in statements if s.lstrip().startswith("SELECT a.id")]
    assert len(listings) == 2
    for sql in listings:
        plan = " ".join(str(r[-1]) for r in db.execute("EXPLAIN QUERY PLAN " + sql))
        assert "COVERING INDEX idx_articles_summary" in plan, plan


def test_list_articles_by_ids_counts_only_those(db):
    a = add_article(db, article("alpha beta")).article_id
    b = add_article(db, article("gamma delta")).article_id
    add_annotation(db, b, "actor", 0, 5)
    rows = list_articles(db, ids=[b])
    assert [(r.id, r.actor_count) for r in rows] == [(b, 1)]
    assert [r.id for r in list_articles(db, ids=[])] == []
    assert {r.id for r in list_articles(db, ids=[a, b, 999])} == {a, b}


def test_tag_counts_per_article(db):
    from reader_app.storage.articles import tag_counts

    a = add_article(db, article("alpha beta")).article_id
    b = add_article(db, article("gamma delta")).article_id
    add_annotation(db, a, "claim", 0, 5)
    add_annotation(db, a, "date", 6, 10)
    add_annotation(db, b, "actor", 0, 5)
    assert tag_counts(db) == {a: (1, 0, 1), b: (0, 1, 0)}
    assert tag_counts(db, b) == {b: (0, 1, 0)}


def test_find_annotation_by_exact_span(db):
    from reader_app.storage.annotations import find_annotation

    aid = add_article(db, article()).article_id
    ann = add_annotation(db, aid, "actor", 0, 6)
    assert find_annotation(db, aid, "actor", 0, 6) == ann
    assert find_annotation(db, aid, "claim", 0, 6) is None
    assert find_annotation(db, aid, "actor", 0, 5) is None


def test_list_annotations_near_reads_only_the_neighbourhood(db):
    from reader_app.storage.annotations import list_annotations_near

    text = "word " * 2000
    aid = add_article(db, article(text)).article_id
    near = add_annotation(db, aid, "date", 5000, 5004)
    add_annotation(db, aid, "date", 0, 4)  # far before
    add_annotation(db, aid, "actor", 5010, 5014)
    found = list_annotations_near(db, aid, 5000, 5004, "date", radius=100)
    assert [a.id for a in found] == [near.id]
    assert len(list_annotations_near(db, aid, 5000, 5004, radius=100)) == 2
