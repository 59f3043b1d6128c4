"""Merging another analyst's library: plan, apply, undo, redo (services/merging.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from merge_helpers import SHARED, alice_library, bob_library, dump, fts_sound, span

from reader_app.domain.interchange import Bundle, BundleArticle, BundleTag
from reader_app.domain.offsets import text_sha256
from reader_app.services import merge_apply, tagging
from reader_app.services.merging import (
    MergeChoices,
    apply_merge,
    describe_plan,
    plan_merge,
    redo_merge,
    undo_merge,
)
from reader_app.storage.backup import backup_library
from reader_app.storage.bundle_read import read_bundle
from reader_app.storage.database import open_library


@pytest.fixture
def two(tmp_path):
    mine = alice_library(tmp_path / "alice.db")
    other = bob_library(tmp_path / "bob.db")
    yield mine, other
    mine.close()
    other.close()


def rows(db, sql, params=()):
    return [tuple(r) for r in db.execute(sql, params)]


def test_merge_adds_everything_of_bobs_and_loses_nothing_of_alices(two):
    mine, other = two
    before = rows(mine, "SELECT * FROM annotations ORDER BY id")
    theirs = read_bundle(other)
    plan = plan_merge(mine, theirs)
    assert (len(plan.new_articles), len(plan.matched), len(plan.conflicts)) == (1, 2, 1)
    assert {p.theirs.name for p in plan.proposals} == {"Kuleba", "Russia"}
    result = apply_merge(mine, plan)
    assert (result.articles_added, result.tags_added, result.actors_added) == (1, 8, 0)
    # Alice's rows are untouched; every one of Bob's tags is there under his uuid, its
    # quote at its offsets in the stored text
    assert rows(mine, "SELECT * FROM annotations WHERE id <= ? ORDER BY id",
                [before[-1][0]]) == before
    for art in theirs.articles:
        for t in art.tags:
            start, end, quote, analyst = mine.execute(
                'SELECT start, "end", quote, analyst FROM annotations WHERE uuid = ?',
                [t.uuid]).fetchone()
            text = mine.execute("SELECT text FROM articles WHERE sha256 = ?",
                                [art.sha256]).fetchone()[0]
            assert text[start:end] == quote == t.quote and analyst == "bob"
    assert mine.execute("SELECT title FROM articles WHERE uuid = ?",
                        [theirs.articles[2].uuid]).fetchone()[0] == "Bob's own"
    assert rows(mine, "SELECT name FROM actors ORDER BY id") == [("Dmytro Kuleba",), ("Russia",)]
    fts_sound(mine)
    hit = rows(mine, "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'Brussels'")
    assert len(hit) == 1
    assert set(result.changes.counts) == {1, 2, 4}
    assert len(result.changes.articles_added) == 1


def test_claimant_actor_and_claim_date_links_are_mapped_to_the_librarys_ids(two):
    mine, other = two
    plan = plan_merge(mine, read_bundle(other))
    apply_merge(mine, plan, MergeChoices(default="both"))
    (kuleba,) = rows(mine, "SELECT id FROM actors WHERE name = 'Dmytro Kuleba'")
    # Bob's actor "Kuleba" was his own actor row: his tags now point at Alice's actor
    assert rows(mine, "SELECT DISTINCT actor_id FROM annotations WHERE analyst = 'bob'"
                      " AND kind = 'actor' AND quote = 'Kuleba'") == [kuleba]
    claimant, date_id = mine.execute(
        "SELECT claimant_id, claim_date_annotation_id FROM annotations WHERE analyst = 'bob'"
        " AND kind = 'claim' AND quote LIKE 'Russia had%'").fetchone()
    assert (claimant,) == kuleba
    b_claimant, b_date = other.execute(
        "SELECT claimant_id, claim_date_annotation_id FROM annotations WHERE kind = 'claim'"
        " AND quote LIKE 'Russia had%'").fetchone()
    assert b_claimant is not None and b_date is not None
    their_date_uuid = other.execute("SELECT uuid FROM annotations WHERE id = ?",
                                    [b_date]).fetchone()[0]
    assert mine.execute("SELECT uuid, analyst FROM annotations WHERE id = ?",
                        [date_id]).fetchone() == (their_date_uuid, "bob")
    assert "Kuleba" in [r[0] for r in rows(mine, "SELECT alias FROM actor_aliases")]


def test_a_rejected_actor_proposal_adds_their_actor_under_its_uuid(two):
    mine, other = two
    theirs = read_bundle(other)
    plan = plan_merge(mine, theirs)
    kuleba = next(p for p in plan.proposals if p.theirs.name == "Kuleba")
    apply_merge(mine, plan, MergeChoices(actors={kuleba.theirs.uuid: False}))
    new_id = mine.execute("SELECT id FROM actors WHERE uuid = ?",
                          [kuleba.theirs.uuid]).fetchone()[0]
    assert mine.execute("SELECT name FROM actors WHERE id = ?", [new_id]).fetchone() == (
        "Kuleba",)
    assert rows(mine, "SELECT DISTINCT actor_id FROM annotations WHERE analyst = 'bob'"
                      " AND quote = 'Kuleba'") == [(new_id,)]
    # accepted: Russia merged into ours, no second actor named Russia
    assert rows(mine, "SELECT count(*) FROM actors WHERE name = 'Russia'") == [(1,)]
    fts_sound(mine)


@pytest.mark.parametrize("how", ["mine", "theirs", "both"])
def test_each_resolution_of_a_same_span_conflict_does_what_it_says(two, how):
    mine, other = two
    plan = plan_merge(mine, read_bundle(other))
    (conflict,) = plan.conflicts
    assert conflict.fields == ("status",) and not conflict.same_uuid
    assert (conflict.mine_values, conflict.theirs_values) == (("unverified",), ("disputed",))
    assert conflict.default == "both"  # another analyst's reading: kept for agreement
    apply_merge(mine, plan, MergeChoices(conflicts={conflict.index: how}))
    claims = rows(mine, "SELECT analyst, status FROM annotations WHERE kind = 'claim'"
                        " AND quote LIKE 'Russia had%' ORDER BY id")
    assert claims == {"mine": [("alice", "unverified")], "theirs": [("alice", "disputed")],
                      "both": [("alice", "unverified"), ("bob", "disputed")]}[how].copy() \
        if how != "theirs" else [("bob", "disputed")]  # ours became their tag, in place
    fts_sound(mine)


def copy_of(db, path):
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return backup_library(db.conn.execute("PRAGMA database_list").fetchone()[2], path)


@pytest.mark.parametrize("how", ["mine", "theirs", "both"])
def test_the_same_tag_edited_on_both_sides_is_a_conflict_by_uuid(tmp_path, how):
    mine = alice_library(tmp_path / "alice.db")
    other = open_library(copy_of(mine, tmp_path / "copy.db"))
    claim_id = mine.execute("SELECT id FROM annotations WHERE kind = 'claim'").fetchone()[0]
    tagging.edit_tag(other, claim_id, {"note": "seen on video", "status": "corroborated"})
    tagging.edit_tag(mine, claim_id, {"note": "one source only"})
    plan = plan_merge(mine, read_bundle(other))
    assert not plan.new_tags and not plan.new_articles and len(plan.duplicates) == 4
    (conflict,) = plan.conflicts
    assert conflict.same_uuid and conflict.default == "mine"
    assert conflict.fields == ("note", "status")
    assert conflict.mine_values == ("one source only", "unverified")
    assert conflict.theirs_values == ("seen on video", "corroborated")
    before = dump(mine)
    result = apply_merge(mine, plan, MergeChoices(default=how))
    claims = rows(mine, "SELECT uuid, note, status FROM annotations WHERE kind = 'claim'"
                        " ORDER BY id")
    uuid = conflict.mine.uuid
    if how == "mine":
        assert claims == [(uuid, "one source only", "unverified")]
        assert dump(mine) == before
    elif how == "theirs":
        assert claims == [(uuid, "seen on video", "corroborated")]
        assert result.tags_changed == 1
    else:
        assert claims[0] == (uuid, "one source only", "unverified")
        assert claims[1][1:] == ("seen on video", "corroborated") and claims[1][0] != uuid
    undo_merge(mine, result.record)
    assert dump(mine) == before
    mine.close()
    other.close()


def test_undo_brings_back_the_exact_prior_state_and_redo_the_merge(two):
    mine, other = two
    before = dump(mine)
    plan = plan_merge(mine, read_bundle(other))
    kuleba = next(p for p in plan.proposals if p.theirs.name == "Kuleba")
    result = apply_merge(mine, plan, MergeChoices(default="theirs",
                                                  actors={kuleba.theirs.uuid: False}))
    after = dump(mine)
    assert after != before
    changes = undo_merge(mine, result.record)
    assert dump(mine) == before
    fts_sound(mine)
    assert len(changes.tags_removed) == result.tags_added
    assert changes.articles_removed == [a.id for a in result.changes.articles_added]
    redo_merge(mine, result.record)
    assert dump(mine) == after
    fts_sound(mine)
    undo_merge(mine, result.record)
    assert dump(mine) == before
    assert rows(mine, "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'Brussels'") == []


def test_merging_the_same_library_twice_adds_nothing_the_second_time(two):
    mine, other = two
    apply_merge(mine, plan_merge(mine, read_bundle(other)))
    once = dump(mine)
    again = plan_merge(mine, read_bundle(other))
    assert not (again.new_articles or again.new_tags or again.conflicts or again.new_actors)
    assert len(again.duplicates) == 8
    result = apply_merge(mine, again)
    assert dump(mine) == once
    assert result.tags_added == result.articles_added == result.tags_changed == 0


def test_planning_and_describing_change_nothing(two):
    mine, other = two
    before = dump(mine)
    lines = describe_plan(plan_merge(mine, read_bundle(other)))
    assert dump(mine) == before
    text = "\n".join(lines)
    assert "1 new article;" in text and "8 new tags (3 actor, 1 claim, 4 date)" not in text
    assert "7 new tags (3 actor, 1 claim, 3 date)" in text
    assert "status: mine “unverified” | theirs “disputed”" in text
    assert "actor “Kuleba” → ours “Dmytro Kuleba” (shares “Kuleba”)" in text


def test_a_new_uuid_on_the_same_analysts_span_with_the_same_values_is_a_duplicate(two):
    mine, _ = two
    theirs = read_bundle(mine)
    renamed = Bundle(tuple(replace(a, tags=tuple(replace(t, uuid=f"x-{t.uuid}") for t in a.tags))
                           for a in theirs.articles), theirs.actors, "renamed")
    plan = plan_merge(mine, renamed)
    assert not plan.new_tags and not plan.conflicts
    assert len(plan.duplicates) == sum(len(a.tags) for a in theirs.articles)


def test_tags_are_re_anchored_and_the_unanchorable_reported(two):
    mine, _ = two
    text = SHARED
    border = span(text, "near the border")
    tags = (
        BundleTag("t-ok", "claim", *span(text, "Foreign Minister"), "Foreign Minister"),
        # wrong offsets, quote once in the text: moved
        BundleTag("t-moved", "claim", border[0] + 5, border[1] + 5, "near the border"),
        # "Russia" twice, no context: which one cannot be told
        BundleTag("t-ambiguous", "claim", 0, 6, "Russia"),
        # twice, but the context says which
        BundleTag("t-context", "claim", 0, 6, "Kuleba", prefix="it, ", suffix=" added"),
        BundleTag("t-gone", "claim", 3, 9, "Moscow burns"),
    )
    bundle = Bundle((BundleArticle("w3c-1", "As W3C saw it", None, text_sha256(text),
                                   tags=tags),
                     BundleArticle("w3c-2", "Not here", None, "0" * 64,
                                   tags=(BundleTag("t-x", "claim", 0, 3, "abc"),))),
                    origin="notes.jsonld")
    plan = plan_merge(mine, bundle)
    placed = {p.tag.uuid: p for p in plan.new_tags}
    assert set(placed) == {"t-ok", "t-moved", "t-context"}
    assert placed["t-moved"].moved and (placed["t-moved"].start, placed["t-moved"].end) == border
    assert placed["t-context"].start == span(text, "Kuleba", 1)[0]
    assert {(u.quote, u.article_title) for u in plan.unanchored} == {
        ("Russia", "Shared"), ("Moscow burns", "Shared")}
    assert [a.uuid for a in plan.missing] == ["w3c-2"]
    text_lines = "\n".join(describe_plan(plan))
    assert "“Not here”: not in the library and the file carries no text" in text_lines
    assert "its quote occurs 2 times" in text_lines
    apply_merge(mine, plan)
    for uuid in placed:
        start, end, quote = mine.execute('SELECT start, "end", quote FROM annotations'
                                         " WHERE uuid = ?", [uuid]).fetchone()
        assert text[start:end] == quote


def test_values_the_library_refuses_are_dropped_with_a_line(two):
    mine, _ = two
    text = "A fresh article: Kuleba spoke.\n"
    bad = BundleTag("b-1", "claim", 0, 7, "A fresh", status="maybe", credibility=9,
                    claim_date="soon", reliability="Z")
    odd = BundleTag("b-2", "emotion", 0, 7, "A fresh")
    bundle = Bundle((BundleArticle("n-1", "Fresh", text, "ignored", published="yesterday",
                                   tags=(bad, odd)),), origin="odd.qdpx")
    plan = plan_merge(mine, bundle)
    notes = "\n".join(plan.notes)
    assert "claim_date, credibility, reliability, status dropped" in notes
    assert "kind 'emotion' is not claim, actor or date; skipped" in notes
    assert "published date 'yesterday' is not YYYY-MM-DD" in notes
    apply_merge(mine, plan)
    assert mine.execute("SELECT sha256, published FROM articles WHERE uuid = 'n-1'"
                        ).fetchone() == (text_sha256(text), None)
    assert rows(mine, "SELECT status, credibility FROM annotations WHERE uuid = 'b-1'") == [
        (None, None)]


def test_the_merge_is_one_transaction(two, monkeypatch):
    mine, other = two
    before = dump(mine)
    plan = plan_merge(mine, read_bundle(other))
    calls = []

    def failing(db, table, row):
        calls.append(table)
        if table == "annotations" and calls.count("annotations") == 3:
            raise RuntimeError("disk gone")
        return real(db, table, row)

    real = merge_apply.insert_row
    monkeypatch.setattr(merge_apply, "insert_row", failing)
    with pytest.raises(RuntimeError):
        apply_merge(mine, plan)
    assert dump(mine) == before
    fts_sound(mine)


def test_a_plan_made_stale_by_a_later_edit_is_refused(two):
    mine, other = two
    plan = plan_merge(mine, read_bundle(other))
    claim = plan.conflicts[0].mine
    tagging.edit_tag(mine, claim.id, {"note": "changed meanwhile"})
    before = dump(mine)
    with pytest.raises(ValueError, match="plan the merge again"):
        apply_merge(mine, plan)
    assert dump(mine) == before


def test_a_readers_missing_or_repeated_uuids_never_merge_two_things_into_one(two):
    mine, _ = two
    one, other = "First new text about Kyiv.\n", "Second new text about Lviv.\n"
    tags = (BundleTag("", "claim", 0, 5, "First"), BundleTag("", "claim", 6, 9, "new"))
    bundle = Bundle((BundleArticle("", "One", one, "", tags=tags),
                     BundleArticle("", "Two", other, "",
                                   tags=(BundleTag("", "claim", 0, 6, "Second"),))))
    plan = plan_merge(mine, bundle)
    assert len(plan.new_articles) == 2 and len(plan.new_tags) == 3
    result = apply_merge(mine, plan)
    assert (result.articles_added, result.tags_added) == (2, 3)
    uuids = [r[0] for r in mine.execute("SELECT uuid FROM annotations")]
    assert len(set(uuids)) == len(uuids) and "" not in uuids


def test_a_file_without_analysts_disagrees_only_on_what_it_carries(two):
    mine, _ = two
    start, end = span(SHARED, "Russia")
    plain = BundleTag("ml-1", "actor", start, end, "Russia")  # a span and a label: no actor
    valued = BundleTag("ml-2", "date", *span(SHARED, "Thursday"), "Thursday", value="2022-02-17")
    bundle = Bundle((BundleArticle("ml", "Shared", SHARED, "", tags=(plain, valued)),),
                    origin="spans.jsonl")
    plan = plan_merge(mine, bundle)
    assert [p.tag.uuid for p in plan.duplicates] == ["ml-1"]
    (conflict,) = plan.conflicts
    assert conflict.fields == ("value",) and conflict.default == "mine"
    assert (conflict.mine_values, conflict.theirs_values) == (("(none)",), ("2022-02-17",))
