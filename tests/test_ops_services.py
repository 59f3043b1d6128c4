"""The service operations on a real library, no Qt: each returns the ChangeSet of the new
state, its inverse puts the library back exactly, refusals say why in the analyst's words."""

from __future__ import annotations

import pytest
from gui_helpers import LAVROV_STORY

from reader_app.domain.models import ImportedArticle
from reader_app.services import actor_ops, claim_ops, tagging
from reader_app.storage.actors import create_actor, get_actor, list_actors
from reader_app.storage.annotations import get_annotation, list_annotations
from reader_app.storage.articles import NotFound, add_article, get_article, tag_counts
from reader_app.storage.export_rows import CLAIM_COLUMNS, iter_claim_rows

TEXT = LAVROV_STORY
OTHER = "date 2022-03-01\nKyiv said on Monday that the talks were over.\n"


def store(db, text: str):
    item = ImportedArticle("t", text, "t.txt", published=text[5:15], language="en")
    return get_article(db, add_article(db, item).article_id)


@pytest.fixture
def article(db):
    return store(db, TEXT)


def tag(db, article, kind: str, words: str):
    start = article.text.index(words)
    new, _ = tagging.tag(db, article, kind, start, start + len(words), analyst="ana")
    return new.annotation


def snapshot(db, timestamps: bool = True) -> dict[str, list[tuple]]:
    """Every row of the tables a tag or actor operation writes (FTS shadows aside)."""
    out = {}
    for table in ("actors", "actor_aliases", "annotations"):
        columns = [c for c in db[table].columns_dict
                   if timestamps or c != "updated_at"]
        out[table] = db.execute(f"SELECT {', '.join(map(repr, columns))} FROM {table}"
                                " ORDER BY id").fetchall()
    return out


def claim_row(db, claim_id: int) -> dict:
    [row] = [dict(zip(CLAIM_COLUMNS, r, strict=True)) for r in iter_claim_rows(db) if r[0] == claim_id]
    return row


# -- tags -----------------------------------------------------------------------------------


def test_tagging_an_actor_says_the_tag_its_new_actor_and_the_counts(db, article):
    before = snapshot(db)
    start = TEXT.index("Sergei Lavrov")
    new, changes = tagging.tag(db, article, "actor", start, start + 13, analyst="ana",
                               expected_quote="Sergei Lavrov")
    ann = new.annotation
    assert changes.tags_added == [get_annotation(db, ann.id)]
    assert changes.tags_changed == changes.tags_removed == [] and changes.tag_fields == set()
    assert changes.counts == {article.id: (0, 1, 0)}
    [summary] = list_actors(db)
    assert changes.actors == {ann.actor_id: summary}
    assert (summary.name, summary.mention_count) == ("Sergei Lavrov", 1)
    assert changes.claims == {}
    assert "New actor: Sergei Lavrov" in changes.explanation
    after = snapshot(db)

    gone, undone = tagging.untag(db, new)
    assert snapshot(db) == before
    assert undone.tags_removed == [ann] and undone.counts == {article.id: (0, 0, 0)}
    assert undone.actors == {ann.actor_id: None}  # the actor made for it went with it
    assert undone.explanation == ""

    back, redone = tagging.retag(db, gone)
    assert snapshot(db) == after  # same ids, uuids, timestamps
    assert back.annotation == ann and redone.tags_added == [ann]
    assert redone.actors == {ann.actor_id: summary}
    assert redone.explanation == ""  # said once, when the tag was made


def test_tagging_a_claim_gives_its_row_and_its_claimants_counts(db, article):
    lavrov = tag(db, article, "actor", "Sergei Lavrov")
    tag(db, article, "date", "on Thursday")
    start = TEXT.index("the drills would end on Thursday")
    new, changes = tagging.tag(db, article, "claim", start, start + 32)
    claim = new.annotation
    assert claim.claimant_id == lavrov.actor_id
    row = claim_row(db, claim.id)
    assert changes.claims == {claim.id: row}
    assert (row["claimant"], row["claim_date"], row["status"]) == (
        "Sergei Lavrov", "2022-02-10", "unverified")
    assert changes.actors[lavrov.actor_id].claim_count == 1
    assert changes.counts == {article.id: (1, 1, 1)}


def test_correcting_a_date_carries_the_claims_that_show_it(db, article):
    date = tag(db, article, "date", "on Thursday")
    claim = tag(db, article, "claim", "the drills would end on Thursday")
    edit = claim_ops.plan_date_correction(db, date.id, "2022-W07")
    assert (edit.old["value"], edit.new["value"]) == ("2022-02-10", "2022-W07")
    before = snapshot(db, timestamps=False)

    old, changes = tagging.edit_tag(db, date.id, edit.new)
    assert old == edit.old
    assert changes.tags_changed == [get_annotation(db, date.id)]
    assert changes.tag_fields == {"value", "granularity", "date_method"}
    assert changes.claims == {claim.id: claim_row(db, claim.id)}
    assert changes.claims[claim.id]["claim_date"] == "2022-W07"
    assert changes.counts == {} and changes.actors == {}

    _, undone = tagging.edit_tag(db, date.id, old)
    assert snapshot(db, timestamps=False) == before
    assert undone.claims[claim.id]["claim_date"] == "2022-02-10"

    # a note says nothing to the claims
    _, noted = tagging.edit_tag(db, date.id, {"note": "checked"})
    assert noted.claims == {} and noted.tag_fields == {"note"}


def test_deleting_a_date_tag_carries_its_claims_and_restoring_puts_it_back(db, article):
    date = tag(db, article, "date", "on Thursday")
    claim = tag(db, article, "claim", "the drills would end on Thursday")
    tagging.edit_tag(db, date.id, {"value": "2022-02-11", "granularity": "day"})
    before = snapshot(db)

    gone, changes = tagging.delete_tag(db, date.id)
    assert changes.tags_removed == [gone] and gone.value == "2022-02-11"
    # the claim now shows the date it stored when it was made
    assert changes.claims == {claim.id: claim_row(db, claim.id)}
    assert changes.claims[claim.id]["claim_date"] == "2022-02-10"
    assert changes.counts == {article.id: (1, 0, 0)}

    back, restored = tagging.restore_tag(db, gone)
    assert snapshot(db) == before
    assert back == gone and restored.tags_added == [gone]
    assert restored.claims[claim.id]["claim_date"] == "2022-02-11"
    assert restored.counts == {article.id: (1, 0, 1)}


def test_a_claim_that_changes_kind_leaves_the_claims_list(db, article):
    claim = tag(db, article, "claim", "the drills would end on Thursday")
    old, changes = tagging.edit_tag(db, claim.id, {"kind": "date"})
    assert changes.claims == {claim.id: None}
    assert changes.counts == {article.id: (0, 0, 1)}
    _, back = tagging.edit_tag(db, claim.id, old)
    assert back.claims == {claim.id: claim_row(db, claim.id)}
    assert back.counts == {article.id: (1, 0, 0)}


def test_a_failed_edit_changes_nothing(db, article):
    claim = tag(db, article, "claim", "the drills would end on Thursday")
    before = snapshot(db)
    with pytest.raises(ValueError, match="status must be one of"):
        tagging.edit_tag(db, claim.id, {"status": "maybe"})
    with pytest.raises(NotFound):
        tagging.delete_tag(db, 9999)
    assert snapshot(db) == before


def test_a_tag_of_the_wrong_kind_is_refused_in_words(db, article):
    date = tag(db, article, "date", "on Thursday")
    with pytest.raises(ValueError, match="“on Thursday” is tagged date, not actor."):
        tagging.tag_of_kind(db, date.id, "actor")


# -- claims ---------------------------------------------------------------------------------


def test_claim_field_requests_are_checked(db, article):
    claim = tag(db, article, "claim", "the drills would end on Thursday")
    lavrov = create_actor(db, "Sergei Lavrov", "person")
    with pytest.raises(ValueError, match="A claim has no field kind."):
        claim_ops.plan_claim_fields(db, claim.id, {"kind": "date"})
    with pytest.raises(ValueError, match="is not a date"):
        claim_ops.plan_claim_fields(db, claim.id, {"claim_date": "2022-02-30"})
    assert claim_ops.plan_claim_fields(db, claim.id, {"status": "unverified"}) is None
    edit = claim_ops.plan_claim_fields(db, claim.id, {"claimant_id": lavrov.id, "status": ""})
    assert edit.new == {"claimant_id": lavrov.id, "status": None}
    assert edit.old == {"claimant_id": None, "status": "unverified"}
    assert edit.claimant_name == "Sergei Lavrov"

    _, changes = tagging.edit_tag(db, claim.id, edit.new)
    assert changes.actors == {lavrov.id: next(a for a in list_actors(db) if a.id == lavrov.id)}
    assert changes.actors[lavrov.id].claim_count == 1
    assert changes.claims[claim.id]["claimant"] == "Sergei Lavrov"
    _, undone = tagging.edit_tag(db, claim.id, edit.old)
    assert undone.actors[lavrov.id].claim_count == 0  # the claimant it left


def test_a_claims_date_tag_must_be_a_date_of_its_own_article(db, article):
    claim = tag(db, article, "claim", "the drills would end on Thursday")
    actor = tag(db, article, "actor", "Moscow")
    other = store(db, OTHER)
    monday = tag(db, other, "date", "on Monday")
    for not_its_date in (actor.id, monday.id):
        with pytest.raises(ValueError, match="from a date tag in its own article"):
            claim_ops.plan_claim_fields(db, claim.id, {"claim_date_annotation_id": not_its_date})
    thursday = tag(db, article, "date", "on Thursday")
    # a date tagged inside an undated claim dates it (claim_dating); take that back first
    assert get_annotation(db, claim.id).claim_date_annotation_id == thursday.id
    tagging.edit_tag(db, claim.id, {"claim_date": None, "claim_date_annotation_id": None})
    edit = claim_ops.plan_claim_fields(db, claim.id, {"claim_date_annotation_id": thursday.id,
                                                      "claim_date": "2022-02-10"})
    assert edit.new == {"claim_date_annotation_id": thursday.id, "claim_date": "2022-02-10"}


def test_a_date_correction_that_is_no_date_says_why(db, article):
    date = tag(db, article, "date", "on Thursday")
    with pytest.raises(ValueError):
        claim_ops.plan_date_correction(db, date.id, "whenever")
    with pytest.raises(ValueError, match="is not a date"):
        claim_ops.plan_date_correction(db, date.id, "2022-W54")
    assert claim_ops.plan_date_correction(db, date.id, "2022-02-10") is None
    friday = claim_ops.plan_date_correction(db, date.id, "Friday", article)
    assert friday.new["value"] == "2022-02-11"


# -- actors ---------------------------------------------------------------------------------


def test_relinking_to_a_new_name_creates_it_and_undo_removes_it(db, article):
    moscow = tag(db, article, "actor", "Moscow")
    assert actor_ops.plan_relink(db, moscow.id, moscow.actor_id, None) is None
    request = actor_ops.plan_relink(db, moscow.id, None, "  Russian   Federation ")
    assert (request.actor_id, request.new_name) == (None, "Russian Federation")
    before = snapshot(db, timestamps=False)

    done, changes = actor_ops.relink(db, request)
    new_id = done.actor_id
    assert done.created is not None and done.created.id == new_id and done.previous == moscow.actor_id
    assert changes.tags_changed == [get_annotation(db, moscow.id)]
    assert changes.tags_changed[0].actor_id == new_id and changes.tag_fields == {"actor_id"}
    assert changes.actors[new_id].mention_count == 1
    assert changes.actors[moscow.actor_id].mention_count == 0
    after = snapshot(db, timestamps=False)

    undone, back = actor_ops.unrelink(db, done)
    assert snapshot(db, timestamps=False) == before
    assert back.actors == {moscow.actor_id: back.actors[moscow.actor_id], new_id: None}
    assert back.actors[moscow.actor_id].mention_count == 1

    again, _ = actor_ops.relink_again(db, undone)
    assert snapshot(db, timestamps=False) == after  # the same actor id and uuid
    assert get_actor(db, new_id).uuid == done.created.uuid


def test_relinking_to_a_name_that_exists_links_that_actor(db, article):
    moscow = tag(db, article, "actor", "Moscow")
    # (not "Russia": tagging "Moscow" links to Russia itself, by the state table)
    russia = create_actor(db, "Russian Federation", "state")
    request = actor_ops.plan_relink(db, moscow.id, None, "russian federation")
    assert (request.actor_id, request.new_name, request.target_name) == (
        russia.id, None, "Russian Federation")
    unlink = actor_ops.plan_relink(db, moscow.id, None, "   ")
    assert (unlink.actor_id, unlink.new_name) == (None, None)
    with pytest.raises(NotFound):
        actor_ops.plan_relink(db, moscow.id, 9999, None)


def test_renaming_an_actor_carries_the_rows_of_its_claims(db, article):
    lavrov = tag(db, article, "actor", "Sergei Lavrov")
    claim = tag(db, article, "claim", "the drills would end on Thursday")
    assert claim.claimant_id == lavrov.actor_id
    with pytest.raises(ValueError, match="An actor's name cannot be empty."):
        actor_ops.plan_actor_edit(db, lavrov.actor_id, "name", " ")
    with pytest.raises(ValueError, match="Unknown actor type 'alien'."):
        actor_ops.plan_actor_edit(db, lavrov.actor_id, "type", "alien")
    assert actor_ops.plan_actor_edit(db, lavrov.actor_id, "note", "") is None
    edit = actor_ops.plan_actor_edit(db, lavrov.actor_id, "name", " S.  Lavrov ")
    assert edit.value == "S. Lavrov"
    before = snapshot(db, timestamps=False)

    old, changes = actor_ops.edit_actor(db, lavrov.actor_id, {"name": edit.value})
    assert old == {"name": "Sergei Lavrov"}
    assert changes.actors[lavrov.actor_id].name == "S. Lavrov"
    assert changes.claims == {claim.id: claim_row(db, claim.id)}
    assert changes.claims[claim.id]["claimant"] == "S. Lavrov"
    assert changes.tags_changed == []  # the tags themselves did not change

    _, undone = actor_ops.edit_actor(db, lavrov.actor_id, old)
    assert snapshot(db, timestamps=False) == before
    assert undone.claims[claim.id]["claimant"] == "Sergei Lavrov"
    _, noted = actor_ops.edit_actor(db, lavrov.actor_id, {"note": "minister"})
    assert noted.claims == {} and noted.actors[lavrov.actor_id].note == "minister"


def test_aliases_are_cleaned_and_their_previous_ones_undo(db, article):
    russia = create_actor(db, "Russia", "state", aliases=["Moscow"])
    assert actor_ops.plan_aliases(db, russia.id, [" Moscow "]) is None
    actor, cleaned = actor_ops.plan_aliases(db, russia.id, ["Kremlin", "  ", " the  Kremlin"])
    assert actor == russia and cleaned == ("Kremlin", "the Kremlin")
    previous, changes = actor_ops.set_aliases(db, russia.id, cleaned)
    assert previous == ("Moscow",)
    assert changes.actors[russia.id].aliases == cleaned and changes.claims == {}
    actor_ops.set_aliases(db, russia.id, previous)
    assert get_actor(db, russia.id).aliases == ("Moscow",)


def test_merging_carries_every_moved_tag_and_claim_and_undo_is_exact(db, article):
    lavrov = tag(db, article, "actor", "Sergei Lavrov")
    claim = tag(db, article, "claim", "the drills would end on Thursday")
    other = store(db, OTHER)
    minister = create_actor(db, "The Minister", "person", aliases=["FM"])
    elsewhere = tag(db, other, "actor", "Kyiv")
    actor_ops.relink(db, actor_ops.plan_relink(db, elsewhere.id, lavrov.actor_id, None))
    keep_before = get_actor(db, minister.id)
    with pytest.raises(ValueError, match="Pick two different actors to merge."):
        actor_ops.plan_merge(db, minister.id, minister.id)
    before = snapshot(db)

    record, changes = actor_ops.merge(db, minister.id, lavrov.actor_id)
    moved = {a.id: a for a in changes.tags_changed}
    assert set(moved) == {lavrov.id, elsewhere.id, claim.id}  # in both articles
    assert moved[lavrov.id] == get_annotation(db, lavrov.id)
    assert moved[lavrov.id].actor_id == moved[elsewhere.id].actor_id == minister.id
    assert moved[claim.id].claimant_id == minister.id
    assert changes.tag_fields == {"actor_id", "claimant_id"}
    assert changes.actors[lavrov.actor_id] is None
    kept = changes.actors[minister.id]
    assert (kept.mention_count, kept.claim_count) == (2, 1)
    assert kept.aliases == ("FM", "Sergei Lavrov")
    assert changes.claims == {claim.id: claim_row(db, claim.id)}
    assert changes.claims[claim.id]["claimant"] == "The Minister"
    assert changes.counts == {}

    undone = actor_ops.undo_merge(db, record)
    assert snapshot(db) == before  # ids, uuids, alias rows, timestamps
    assert get_actor(db, minister.id) == keep_before
    assert undone.actors[lavrov.actor_id].name == "Sergei Lavrov"
    assert {a.id: a.actor_id for a in undone.tags_changed if a.kind == "actor"} == {
        lavrov.id: lavrov.actor_id, elsewhere.id: lavrov.actor_id}
    assert undone.claims[claim.id]["claimant"] == "Sergei Lavrov"


def test_an_actor_in_use_is_not_deleted_and_an_unused_one_comes_back_exactly(db, article):
    moscow = tag(db, article, "actor", "Moscow")
    name = get_actor(db, moscow.actor_id).name
    with pytest.raises(ValueError, match=f"{name} is still used by tags or claims; relink"):
        actor_ops.plan_delete(db, moscow.actor_id)
    spare = create_actor(db, "Spare", "other", aliases=["S1", "S2"], note="n")
    assert actor_ops.plan_delete(db, spare.id) == spare
    before = snapshot(db)

    gone, changes = actor_ops.delete_actor(db, spare.id)
    assert gone == spare and changes.actors == {spare.id: None}
    back, restored = actor_ops.restore_actor(db, gone)
    assert snapshot(db) == before and back == spare
    assert restored.actors[spare.id].aliases == ("S1", "S2")


def test_counts_in_a_change_are_those_stored(db, article):
    tag(db, article, "actor", "Moscow")
    claim = tag(db, article, "claim", "the drills would end on Thursday")
    _, changes = tagging.delete_tag(db, claim.id)
    assert changes.counts == tag_counts(db, article.id) == {article.id: (0, 1, 0)}
    assert claim.id not in {a.id for a in list_annotations(db, article.id)}


def test_a_span_is_checked_before_it_is_tagged(db, article):
    start = article.text.index("Lavrov")
    assert tagging.plan_tag(db, article, "actor", start, start + 6) == "Lavrov"
    for kind, a, b, said in (("opinion", start, start + 6, "Unknown tag kind 'opinion'."),
                             ("actor", start, start, "Select some text to tag."),
                             ("actor", 0, len(article.text) + 1, "Select some text to tag."),
                             ("actor", start - 1, start, "Only white space is selected")):
        with pytest.raises(ValueError, match=said):
            tagging.plan_tag(db, article, kind, a, b)
    tag(db, article, "actor", "Sergei Lavrov")
    at = article.text.index("Sergei Lavrov")
    with pytest.raises(ValueError, match="Already tagged as actor: “Sergei Lavrov”"):
        tagging.plan_tag(db, article, "actor", at, at + len("Sergei Lavrov"))
    assert tagging.plan_tag(db, article, "claim", at, at + len("Sergei Lavrov"))  # other kind


def test_a_tag_edit_keeps_only_what_changes(db, article):
    ann = tag(db, article, "date", "on Thursday")
    assert tagging.plan_tag_edit(db, ann.id, {"note": "", "kind": "date"}) is None
    edit = tagging.plan_tag_edit(db, ann.id, {"note": "checked", "kind": "date"})
    assert edit is not None and (edit.old, edit.new) == ({"note": None}, {"note": "checked"})
    with pytest.raises(ValueError, match="Unknown tag kind 'opinion'"):
        tagging.plan_tag_edit(db, ann.id, {"kind": "opinion"})
    with pytest.raises(NotFound):
        tagging.plan_tag_edit(db, 10_000, {"note": "x"})
