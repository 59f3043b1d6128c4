"""Article operations on a real library, no Qt: delete and restore put back the very rows
(ids, uuids, links, claim fields, rejections), the search indexes and tag counts follow;
retitle / source / published / memo return what undo needs; refusals say why."""

from __future__ import annotations

import pytest

from reader_app.domain.models import ImportedArticle
from reader_app.services import actor_ops, article_ops, claim_ops, tagging
from reader_app.storage.actors import list_actors
from reader_app.storage.annotations import get_annotation
from reader_app.storage.articles import NotFound, add_article, get_article, tag_counts
from reader_app.storage.rejections import add_rejection

# astral (emoji, CJK Extension B) and Cyrillic before the tags, so code points and UTF-16
# units differ where the tags sit
TEXT = ("date 2022-02-09\n"
        "Київ 🇺🇦 𠀀 — Sergei Lavrov said yesterday that the troops met on Friday and would"
        " leave on 12 February 2022.\n"
        "“The drills are over,” Lavrov said.\n")
TITLE = "Лавров 😀 𠀀 said yesterday"
OTHER = "date 2022-03-01\nKyiv said on Monday that the talks were over.\n"


def store(db, text: str, title: str = TITLE, source: str = "wire.txt"):
    item = ImportedArticle(title, text[16:], source, published=text[5:15], language="en")
    return get_article(db, add_article(db, item).article_id)


def tag(db, article, kind: str, words: str):
    start = article.text.index(words)
    new, _ = tagging.tag(db, article, kind, start, start + len(words), analyst="ana")
    return new.annotation


def rows(db, table: str, where: str = "", params=()) -> list[tuple]:
    return db.execute(f"SELECT * FROM {table} {where} ORDER BY rowid", list(params)).fetchall()


def everything(db) -> dict[str, list[tuple]]:
    return {t: rows(db, t) for t in ("articles", "annotations", "rejections", "actors",
                                     "actor_aliases", "tag_counts")}


def fts_hits(db, table: str, query: str) -> list[int]:
    return [r[0] for r in db.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH ?"
                                     " ORDER BY rowid", [query])]


@pytest.fixture
def tagged(db):
    """An article with an actor, two dates, a claim with claimant and date, a rejection."""
    article = store(db, TEXT)
    lavrov = tag(db, article, "actor", "Sergei Lavrov")
    yesterday = tag(db, article, "date", "yesterday")
    friday = tag(db, article, "date", "on Friday")
    claim = tag(db, article, "claim", "The drills are over")
    tagging.edit_tag(db, claim.id, {"status": "disputed", "reliability": "B", "credibility": 2,
                                    "claim_date_annotation_id": yesterday.id,
                                    "claim_date": yesterday.value,
                                    "claimant_id": lavrov.actor_id})
    tagging.edit_tag(db, lavrov.id, {"note": "**Міністр** 🐻"})
    assert article.text.startswith("Київ")
    add_rejection(db, article.id, "actor", 0, 4, "Київ")
    return article, lavrov, yesterday, friday, claim


# -- delete and restore -------------------------------------------------------------------


def test_delete_then_restore_brings_back_identical_rows_uuids_and_links(db, tagged):
    article, lavrov, *_ , claim = tagged
    other = store(db, OTHER, title="Other", source="o.txt")
    tag(db, other, "actor", "Kyiv")
    before = everything(db)
    uuids = {r[0] for r in db.execute("SELECT uuid FROM annotations WHERE article_id = ?",
                                      [article.id])}
    assert len(uuids) == 4

    snapshot, changes = article_ops.delete_article(db, article.id)
    assert rows(db, "articles", "WHERE id = ?", [article.id]) == []
    assert rows(db, "annotations", "WHERE article_id = ?", [article.id]) == []
    assert rows(db, "rejections", "WHERE article_id = ?", [article.id]) == []
    assert article.id not in tag_counts(db)
    assert tag_counts(db)[other.id] == (0, 1, 0)  # the other article untouched
    assert changes.articles_removed == [article.id]
    assert {t.id for t in changes.tags_removed} == {lavrov.id, claim.id, *(
        t.id for t in changes.tags_removed if t.kind == "date")}
    assert len(changes.tags_removed) == 4
    assert article.id not in changes.counts
    assert changes.claims[claim.id] is None  # the claims list drops it
    # the actor stays (library-wide), its mention count drops
    assert changes.actors[lavrov.actor_id].mention_count == 0
    with pytest.raises(NotFound):
        get_article(db, article.id)

    back = article_ops.restore_article(db, snapshot)
    assert everything(db) == before  # every row, every column, the same ids
    assert {r[0] for r in db.execute("SELECT uuid FROM annotations WHERE article_id = ?",
                                     [article.id])} == uuids
    assert [s.id for s in back.articles_added] == [article.id]
    assert back.articles_added[0].title == TITLE
    assert back.counts[article.id] == (1, 1, 2)
    assert back.actors[lavrov.actor_id].mention_count == 1
    assert back.claims[claim.id]["status"] == "disputed"
    restored = get_annotation(db, claim.id)
    assert (restored.claimant_id, restored.reliability, restored.credibility) == (
        lavrov.actor_id, "B", 2)


def test_search_indexes_follow_delete_and_undo(db, tagged):
    article, lavrov, *_ = tagged
    assert fts_hits(db, "articles_fts", "drills") == [article.id]
    assert fts_hits(db, "annotations_fts", "Міністр") == [lavrov.id]
    assert fts_hits(db, "library_fts", '"Лавров"') == [article.id]
    snapshot, _ = article_ops.delete_article(db, article.id)
    assert fts_hits(db, "articles_fts", "drills") == []
    assert fts_hits(db, "annotations_fts", "Міністр") == []
    assert fts_hits(db, "library_fts", '"Лавров"') == []
    article_ops.restore_article(db, snapshot)
    assert fts_hits(db, "articles_fts", "drills") == [article.id]
    assert fts_hits(db, "annotations_fts", "Міністр") == [lavrov.id]
    assert fts_hits(db, "library_fts", '"Лавров"') == [article.id]
    # the indexes hold nothing stale: SQLite's own check of an external-content index
    for table in ("articles_fts", "library_fts"):
        db.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")


def test_delete_many_is_one_transaction_and_a_missing_one_deletes_nothing(db, tagged):
    article = tagged[0]
    other = store(db, OTHER, title="Other", source="o.txt")
    before = everything(db)
    with pytest.raises(NotFound):
        article_ops.delete_articles(db, [article.id, other.id, 9999])
    assert everything(db) == before
    snapshots, changes = article_ops.delete_articles(db, [article.id, other.id])
    assert changes.articles_removed == [article.id, other.id]
    assert rows(db, "articles") == []
    article_ops.restore_articles(db, snapshots)
    assert everything(db) == before


def test_restore_after_the_same_text_came_back_says_why_and_changes_nothing(db, tagged):
    article = tagged[0]
    snapshot, _ = article_ops.delete_article(db, article.id)
    store(db, TEXT, title="again")
    before = everything(db)
    with pytest.raises(ValueError, match="cannot come back"):
        article_ops.restore_article(db, snapshot)
    assert everything(db) == before


def test_a_merged_actor_still_counts_right_after_delete_and_restore(db, tagged):
    article, lavrov, *_ = tagged
    other = store(db, OTHER, title="Other", source="o.txt")
    kyiv = tag(db, other, "actor", "Kyiv")
    _, _ = actor_ops.merge(db, lavrov.actor_id, kyiv.actor_id)
    snapshot, _ = article_ops.delete_article(db, article.id)
    counts = {a.id: a.mention_count for a in list_actors(db)}
    assert counts[lavrov.actor_id] == 1  # Kyiv's tag, merged in
    article_ops.restore_article(db, snapshot)
    counts = {a.id: a.mention_count for a in list_actors(db)}
    assert counts[lavrov.actor_id] == 2


# -- title, source, memo ----------------------------------------------------------------------


def test_retitle_and_source_return_the_old_values_and_search_follows(db, tagged):
    article = tagged[0]
    old, changes = article_ops.retitle(db, article.id, "  Заява 🇺🇦 𠀀 Lavrov  ")
    assert old == {"title": TITLE}
    assert get_article(db, article.id).title == "Заява 🇺🇦 𠀀 Lavrov"
    assert [s.title for s in changes.articles_changed] == ["Заява 🇺🇦 𠀀 Lavrov"]
    assert changes.articles_changed[0].claim_count == 1  # a whole row, counts and all
    assert fts_hits(db, "library_fts", '"Заява"') == [article.id]
    assert fts_hits(db, "library_fts", '"Лавров"') == []
    article_ops.retitle(db, article.id, old["title"])
    assert get_article(db, article.id).title == TITLE
    old, changes = article_ops.set_source(db, article.id, "https://example.org/😀")
    assert old == {"source": "wire.txt"}
    assert get_article(db, article.id).source == "https://example.org/😀"


@pytest.mark.parametrize("title", ["", "   ", "\n\t", None])
def test_an_empty_title_is_refused_with_a_message(db, tagged, title):
    article = tagged[0]
    with pytest.raises(ValueError, match="title cannot be empty"):
        article_ops.retitle(db, article.id, title)
    with pytest.raises(ValueError, match="title cannot be empty"):
        article_ops.plan_article_edit(db, article.id, "title", title)
    assert get_article(db, article.id).title == TITLE


def test_plan_says_none_when_nothing_changes_and_notfound_for_no_article(db, tagged):
    article = tagged[0]
    assert article_ops.plan_article_edit(db, article.id, "title", f" {TITLE} ") is None
    assert article_ops.plan_article_edit(db, article.id, "published", "2022-02-09") is None
    edit = article_ops.plan_article_edit(db, article.id, "published", "")
    assert (edit.old, edit.new) == ("2022-02-09", None)
    with pytest.raises(NotFound):
        article_ops.plan_article_edit(db, 9999, "title", "x")


# -- the published date ---------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["2022-02-30", "2022-2-10", "10/02/2022", "20220210",
                                   "2022-02-10T00:00", "yesterday", "２０２２-02-10"])
def test_a_published_date_must_be_a_real_iso_day(db, tagged, typed):
    article = tagged[0]
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        article_ops.set_published(db, article.id, typed)
    assert get_article(db, article.id).published == "2022-02-09"


def test_redating_re_resolves_relative_dates_and_undo_restores_them_exactly(db, tagged):
    article, _, yesterday, friday, claim = tagged
    assert (yesterday.value, friday.value) == ("2022-02-08", "2022-02-04")
    fixed = tag(db, article, "date", "12 February 2022")
    before = rows(db, "annotations", "WHERE kind = 'date'")

    redated, changes = article_ops.set_published(db, article.id, "2022-03-01")  # a Tuesday
    assert get_article(db, article.id).published == "2022-03-01"
    assert get_annotation(db, yesterday.id).value == "2022-02-28"
    assert get_annotation(db, friday.id).value == "2022-02-25"  # "met on Friday": the one before
    assert get_annotation(db, fixed.id).value == "2022-02-12"  # absolute: as it was
    assert {t.id for t in changes.tags_changed} == {yesterday.id, friday.id}
    assert changes.articles_changed[0].published == "2022-03-01"
    # the claim dated by "yesterday" shows the new date in the claims list
    assert changes.claims[claim.id]["claim_date"] == "2022-02-28"
    assert redated.published == "2022-02-09"

    back = article_ops.undo_published(db, redated)
    assert rows(db, "annotations", "WHERE kind = 'date'") == before  # updated_at too
    assert get_article(db, article.id).published == "2022-02-09"
    assert {t.id for t in back.tags_changed} == {yesterday.id, friday.id}


def test_clearing_the_date_leaves_relative_dates_unresolved_and_setting_it_resolves(db, tagged):
    article, _, yesterday, *_ = tagged
    article_ops.set_published(db, article.id, "")
    assert get_article(db, article.id).published is None
    ann = get_annotation(db, yesterday.id)
    assert (ann.value, ann.date_method) == (None, "unresolved-undated")
    article_ops.set_published(db, article.id, " 2024-01-01 ")
    assert get_annotation(db, yesterday.id).value == "2023-12-31"


def test_a_value_the_analyst_typed_is_never_overwritten(db, tagged):
    article, _, yesterday, friday, _ = tagged
    typed = claim_ops.plan_date_correction(db, yesterday.id, "2022-01-15")  # typed by hand
    tagging.edit_tag(db, yesterday.id, typed.new)
    tagging.edit_tag(db, friday.id, {"value": "2021-12-24"})  # edited, the method left as was
    redated, changes = article_ops.set_published(db, article.id, "2023-06-06")
    assert get_annotation(db, yesterday.id).value == "2022-01-15"
    assert get_annotation(db, yesterday.id).date_method == "analyst"
    assert get_annotation(db, friday.id).value == "2021-12-24"
    assert changes.tags_changed == [] and redated.tags == ()


# -- the memo -----------------------------------------------------------------------------------


def test_memo_is_kept_as_typed_searchable_and_comes_back_with_a_deleted_article(db, tagged):
    article = tagged[0]
    assert article_ops.article_memo(db, article.id) == ""
    memo = "# Перевірити\n\n- *Lavrov* said **yesterday** 🇺🇦 𠀀\n<script>x</script>\n"
    old, changes = article_ops.set_memo(db, article.id, memo)
    assert old == {"memo": ""}
    assert article_ops.article_memo(db, article.id) == memo  # Markdown text, byte for byte
    assert [s.id for s in changes.articles_changed] == [article.id]
    assert fts_hits(db, "memo_fts", "Перевірити") == [article.id]
    snapshot, _ = article_ops.delete_article(db, article.id)
    assert fts_hits(db, "memo_fts", "Перевірити") == []
    article_ops.restore_article(db, snapshot)
    assert article_ops.article_memo(db, article.id) == memo
    assert fts_hits(db, "memo_fts", "Перевірити") == [article.id]
    article_ops.set_memo(db, article.id, old["memo"])
    assert fts_hits(db, "memo_fts", "Перевірити") == []
    # memo_fts holds only non-empty memos (m011), so only its own consistency is checked
    db.execute("INSERT INTO memo_fts(memo_fts) VALUES ('integrity-check')")


def test_changes_merge_keeps_the_latest_row_of_an_edited_article_and_drops_a_deleted_one(
        db, tagged):
    article = tagged[0]
    _, renamed = article_ops.retitle(db, article.id, "Один")
    _, again = article_ops.retitle(db, article.id, "Два")
    assert [s.title for s in renamed.merge(again).articles_changed] == ["Два"]
    _, gone = article_ops.delete_article(db, article.id)
    merged = again.merge(gone)
    assert merged.articles_changed == [] and merged.articles_removed == [article.id]
    assert not merged.is_empty()


def test_library_search_follows_delete_undo_retitle_memo_and_redate(db, tagged):
    from reader_app.services.search import SearchFilter, search_articles

    article = tagged[0]
    other = store(db, OTHER, title="Other", source="o.txt")

    def found(text: str = "", **facets) -> list[int]:
        return [h.article_id for h in search_articles(db, SearchFilter(text=text, **facets))]

    assert found("drills") == [article.id]
    assert found("Міністр") == [article.id]  # a tag's note
    snapshot, _ = article_ops.delete_article(db, article.id)
    assert found("drills") == [] and found("Міністр") == []
    article_ops.restore_article(db, snapshot)
    assert found("drills") == [article.id] and found("Міністр") == [article.id]
    article_ops.retitle(db, article.id, "Перемовини 🇺🇦")
    assert found('"Перемовини"') == [article.id]
    article_ops.set_memo(db, article.id, "перевірити *джерело*")
    assert found("джерело") == [article.id]
    article_ops.set_published(db, article.id, "2023-05-05")
    assert found(published_from="2023-05-01", published_to="2023-05-31") == [article.id]
    assert other.id not in found("drills")
