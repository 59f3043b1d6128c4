"""The controller's actor, claim and date intents: each one undo step, checked in the database."""

from __future__ import annotations

from dataclasses import replace

import gui_helpers
import pytest
from gui_helpers import LAVROV_STORY

from reader_app.domain.models import ImportedArticle
from reader_app.services import actor_linking
from reader_app.storage.actors import create_actor, get_actor, list_actors
from reader_app.storage.annotations import get_annotation, list_annotations
from reader_app.storage.articles import NotFound, add_article


@pytest.fixture(autouse=True)
def _no_state_table(monkeypatch):
    """These tests use "Moscow" as a plain new actor; with the table of states (issue 9,
    tested in test_gaps_actors) tagging it would make the state Russia."""
    monkeypatch.setattr(actor_linking, "_state_table", lambda db: ({}, {}))

TEXT = LAVROV_STORY


@pytest.fixture
def article_id(db):
    article = ImportedArticle("Drills", TEXT, "drills.txt", published="2022-02-09", language="en")
    return add_article(db, article).article_id


@pytest.fixture
def ctrl(article_id, make_ctrl):
    return make_ctrl(article_id)


def tag(ctrl, kind: str, words: str):
    return gui_helpers.tag(ctrl, kind, words, TEXT)


def rows(db, table: str) -> list[tuple]:
    return db.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()


def test_surname_after_full_name_links_to_one_actor(ctrl, db, qtbot):
    with qtbot.waitSignal(ctrl.tag_explained) as explained:
        full = tag(ctrl, "actor", "Sergei Lavrov")
    assert "New actor: Sergei Lavrov" in explained.args[0]
    explanations = []
    ctrl.tag_explained.connect(explanations.append)
    with qtbot.waitSignal(ctrl.changed) as changed:
        short = tag(ctrl, "actor", "Lavrov")
    [summary] = changed.args[0].actors.values()  # the actor's row with its new count
    assert (summary.name, summary.mention_count) == ("Sergei Lavrov", 2)
    assert "surname of Sergei Lavrov" in explanations[0]
    assert short.actor_id == full.actor_id is not None
    [lavrov] = ctrl.actors()
    assert (lavrov.name, lavrov.type, lavrov.mention_count) == ("Sergei Lavrov", "person", 2)
    assert [m.annotation.quote for m in ctrl.mentions_of(lavrov.id)] == ["Sergei Lavrov", "Lavrov"]
    assert ctrl.errors == []


def test_an_alias_links_to_its_actor(ctrl, db):
    russia = create_actor(db, "Russia", "state", aliases=["Moscow"])
    moscow = tag(ctrl, "actor", "Moscow")
    assert moscow.actor_id == russia.id
    assert [a.name for a in ctrl.actors()] == ["Russia"]
    assert ctrl.actor(russia.id).aliases == ("Moscow",)


def test_undo_of_tagging_removes_the_actor_created_for_it(ctrl, db):
    ann = tag(ctrl, "actor", "Sergei Lavrov")
    actor = get_actor(db, ann.actor_id)
    ctrl.undo_stack.undo()
    assert list_actors(db) == [] and list_annotations(db, ann.article_id) == []
    ctrl.undo_stack.redo()
    assert get_actor(db, actor.id) == actor  # same id, uuid and timestamps
    assert get_annotation(db, ann.id) == ann


def test_relink_to_another_and_to_a_new_actor_and_undo(ctrl, db, qtbot):
    lavrov = tag(ctrl, "actor", "Sergei Lavrov")
    moscow = tag(ctrl, "actor", "Moscow")
    with qtbot.waitSignal(ctrl.changed) as changed:
        ctrl.relink_actor(moscow.id, lavrov.actor_id)
    changes = changed.args[0]
    assert [a.id for a in changes.tags_changed] == [moscow.id]
    assert {i: a.mention_count for i, a in changes.actors.items()} == {
        lavrov.actor_id: 2, moscow.actor_id: 0}
    assert get_annotation(db, moscow.id).actor_id == lavrov.actor_id
    assert ctrl.undo_stack.undoText() == "Link “Moscow” to Sergei Lavrov"
    ctrl.undo_stack.undo()
    assert get_annotation(db, moscow.id).actor_id == moscow.actor_id
    before = rows(db, "actors")
    ctrl.relink_actor(moscow.id, None, "  Russian  Federation ")
    created = get_actor(db, get_annotation(db, moscow.id).actor_id)
    assert (created.name, created.type) == ("Russian Federation", "state")
    ctrl.undo_stack.undo()
    assert rows(db, "actors") == before
    assert get_annotation(db, moscow.id).actor_id == moscow.actor_id
    ctrl.undo_stack.redo()
    assert get_actor(db, created.id) == created
    ctrl.relink_actor(lavrov.id, None, "russian federation")  # that name exists: no twin
    assert get_annotation(db, lavrov.id).actor_id == created.id
    assert len(ctrl.actors()) == 3 and ctrl.errors == []


def test_rename_retype_aliases_and_note_each_undo(ctrl, db):
    actor_id = tag(ctrl, "actor", "Moscow").actor_id
    before = get_actor(db, actor_id)
    ctrl.rename_actor(actor_id, "Russia")
    ctrl.set_actor_type(actor_id, "state")
    ctrl.set_actor_aliases(actor_id, ["Moscow", " the Kremlin ", ""])
    ctrl.set_actor_note(actor_id, "The state, as its capital stands for it.")
    after = get_actor(db, actor_id)
    assert (after.name, after.type, after.aliases) == ("Russia", "state", ("Moscow", "the Kremlin"))
    assert after.note.startswith("The state")
    assert ctrl.undo_stack.count() == 5
    assert ctrl.undo_stack.text(1) == "Rename Moscow to Russia"
    assert ctrl.undo_stack.text(2) == "Make Russia state"
    for _ in range(4):
        ctrl.undo_stack.undo()
    back = get_actor(db, actor_id)
    assert (back.name, back.type, back.aliases, back.note) == (
        before.name, before.type, before.aliases, before.note)
    ctrl.rename_actor(actor_id, "Moscow")  # unchanged: no step
    ctrl.set_actor_type(actor_id, "planet")
    ctrl.rename_actor(actor_id, "  ")
    assert len(ctrl.errors) == 2 and ctrl.undo_stack.index() == 1


def test_merge_and_undo_restore_both_actors_and_every_link_exactly(ctrl, db):
    tag(ctrl, "actor", "Sergei Lavrov")
    tag(ctrl, "actor", "Lavrov")
    moscow = tag(ctrl, "actor", "Moscow")
    ministry = tag(ctrl, "actor", "the ministry")
    claim = tag(ctrl, "claim", "the drills would end on Thursday")
    ctrl.set_actor_aliases(ministry.actor_id, ["MFA"])
    ctrl.set_claim_fields(claim.id, claimant_id=ministry.actor_id)
    before = {t: rows(db, t) for t in ("actors", "actor_aliases", "annotations")}
    changed = []
    ctrl.changed.connect(lambda c: changed.extend(c.tags_changed))
    ctrl.merge_actors(moscow.actor_id, ministry.actor_id)
    assert ctrl.undo_stack.undoText() == "Merge the ministry into Moscow"
    assert get_annotation(db, ministry.id).actor_id == moscow.actor_id
    assert get_annotation(db, claim.id).claimant_id == moscow.actor_id
    assert set(ctrl.actor(moscow.actor_id).aliases) == {"the ministry", "MFA"}
    assert {a.id for a in changed} == {ministry.id, claim.id}  # the tags that moved
    ctrl.undo_stack.undo()
    assert {t: rows(db, t) for t in before} == before
    ctrl.merge_actors(moscow.actor_id, moscow.actor_id)
    assert ctrl.errors == ["Pick two different actors to merge."]


def test_delete_actor_is_refused_while_in_use(ctrl, db):
    moscow = tag(ctrl, "actor", "Moscow")
    ctrl.delete_actor(moscow.actor_id)
    assert "still used" in ctrl.errors[-1]
    assert get_actor(db, moscow.actor_id)
    spare = create_actor(db, "Kremlin", "organization", aliases=["the Kremlin"])
    ctrl.delete_actor(spare.id)
    assert [a.name for a in ctrl.actors()] == ["Moscow"]
    ctrl.undo_stack.undo()
    assert get_actor(db, spare.id) == spare
    ctrl.delete_actor(9999)
    assert ctrl.errors[-1] == "That tag or actor no longer exists."


def test_claimant_is_proposed_and_claim_fields_change_with_undo(ctrl, db, qtbot):
    lavrov = tag(ctrl, "actor", "Sergei Lavrov")
    moscow = tag(ctrl, "actor", "Moscow")
    explanations = []
    ctrl.tag_explained.connect(explanations.append)
    with qtbot.waitSignal(ctrl.changed) as changed:
        claim = tag(ctrl, "claim", "the drills would end on Thursday")
    [row] = changed.args[0].claims.values()
    assert row["claimant"] == "Sergei Lavrov"
    assert "Claimant: Sergei Lavrov" in explanations[0]
    assert (claim.claimant_id, claim.status) == (lavrov.actor_id, "unverified")
    with qtbot.waitSignal(ctrl.changed) as changed:
        ctrl.set_claim_fields(claim.id, claimant_id=moscow.actor_id)
    assert changed.args[0].claims[claim.id]["claimant"] == "Moscow"
    assert ctrl.undo_stack.undoText() == (
        "Set claimant of claim “the drills would end on Thursday” to Moscow")
    ctrl.set_claim_fields(claim.id, status="disputed", reliability="B", credibility=2)
    got = get_annotation(db, claim.id)
    assert (got.claimant_id, got.status, got.reliability, got.credibility) == (
        moscow.actor_id, "disputed", "B", 2)
    [row] = ctrl.claim_rows()
    assert (row["claimant"], row["status"], row["reliability"], row["credibility"]) == (
        "Moscow", "disputed", "B", 2)
    assert ctrl.claim_rows("unverified") == [] and len(ctrl.claim_rows("disputed")) == 1
    assert [m.annotation.id for m in ctrl.claims_by(moscow.actor_id)] == [claim.id]
    ctrl.undo_stack.undo()
    ctrl.undo_stack.undo()
    got = get_annotation(db, claim.id)
    assert (got.claimant_id, got.status, got.reliability, got.credibility) == (
        lavrov.actor_id, "unverified", None, None)


def test_claim_fields_refusals_change_nothing(ctrl, db):
    claim = tag(ctrl, "claim", "the drills would end on Thursday")
    moscow = tag(ctrl, "actor", "Moscow")
    steps = ctrl.undo_stack.count()
    ctrl.set_claim_fields(claim.id, status="probably")
    ctrl.set_claim_fields(claim.id, credibility=9)
    ctrl.set_claim_fields(claim.id, colour="red")
    ctrl.set_claim_fields(moscow.id, status="disputed")
    ctrl.set_claim_fields(claim.id, status="unverified")  # unchanged: no step, no error
    assert len(ctrl.errors) == 4
    assert ctrl.undo_stack.count() == steps
    assert get_annotation(db, claim.id) == claim


def test_claim_date_from_a_date_tag_and_typed(ctrl, db):
    date = tag(ctrl, "date", "on Thursday")
    claim = tag(ctrl, "claim", "the drills would end on Thursday")
    assert (claim.claim_date, claim.claim_date_annotation_id) == ("2022-02-10", date.id)
    ctrl.set_claim_fields(claim.id, claim_date="2022-W07", claim_date_annotation_id=None)
    assert ctrl.undo_stack.undoText().endswith("to 2022-W07")
    assert ctrl.claim_rows()[0]["claim_date"] == "2022-W07"
    ctrl.undo_stack.undo()
    assert get_annotation(db, claim.id).claim_date_annotation_id == date.id


def test_date_resolves_against_the_dateline_and_can_be_corrected(ctrl, db, qtbot):
    with qtbot.waitSignal(ctrl.tag_explained) as explained:
        date = tag(ctrl, "date", "on Thursday")
    assert "the Thursday after the dateline" in explained.args[0]  # "would": future
    assert (date.value, date.granularity, date.date_method) == ("2022-02-10", "day", "weekday")
    ctrl.correct_date(date.id, "2022-02-11")
    got = get_annotation(db, date.id)
    assert (got.value, got.granularity, got.date_method) == ("2022-02-11", "day", "analyst")
    assert ctrl.undo_stack.undoText() == "Correct date “on Thursday” to 2022-02-11"
    ctrl.correct_date(date.id, "next week")  # a phrase is resolved like a new tag
    assert get_annotation(db, date.id).value == "2022-W07"
    ctrl.correct_date(date.id, "the other day, maybe")
    assert len(ctrl.errors) == 1
    ctrl.undo_stack.undo()
    ctrl.undo_stack.undo()
    back = get_annotation(db, date.id)  # value, granularity and method all back
    assert replace(back, updated_at=date.updated_at) == date


def test_open_annotation_opens_its_article_then_asks_for_a_reveal(ctrl, db, qtbot, article_id):
    ann = tag(ctrl, "actor", "Moscow")
    ctrl.close_article()
    events = []
    ctrl.article_opened.connect(lambda a: events.append(("opened", a.id)))
    ctrl.annotation_reveal_requested.connect(lambda i: events.append(("reveal", i)))
    ctrl.open_annotation(article_id, ann.id)
    assert events == [("opened", article_id), ("reveal", ann.id)]
    assert ctrl.current_article.id == article_id
    ctrl.open_annotation(9999, ann.id)
    assert ctrl.errors == ["That article is no longer in the library."]
    with pytest.raises(NotFound):
        ctrl.actor(9999)


@pytest.mark.parametrize("typed", ["2022-13-01", "2022-02-30", "2022-W54", "2022/2023/2024"])
def test_impossible_dates_are_refused(ctrl, db, typed):
    date = tag(ctrl, "date", "on Thursday")
    claim = tag(ctrl, "claim", "the drills would end on Thursday")
    ctrl.correct_date(date.id, typed)
    ctrl.set_claim_fields(claim.id, claim_date=typed, claim_date_annotation_id=None)
    assert len(ctrl.errors) == 2 and "is not a date" in ctrl.errors[1]
    assert get_annotation(db, date.id).value == "2022-02-10"


def test_quick_picks_of_one_field_merge_and_slow_ones_do_not(ctrl, db, monkeypatch):
    import reader_app.gui.commands.actors as actor_commands
    import reader_app.gui.commands.tags as commands

    clock = [100.0]
    for module in (commands, actor_commands):
        monkeypatch.setattr(module.time, "monotonic", lambda: clock[0])
    claim = tag(ctrl, "claim", "the drills would end on Thursday")
    moscow = tag(ctrl, "actor", "Moscow").actor_id
    steps = ctrl.undo_stack.count()
    for status in ("corroborated", "disputed"):
        ctrl.set_claim_fields(claim.id, status=status)
        clock[0] += 0.3
    ctrl.set_actor_type(moscow, "state")
    ctrl.set_actor_type(moscow, "organization")
    assert ctrl.undo_stack.count() == steps + 2
    assert ctrl.undo_stack.undoText() == "Make Moscow organization"
    clock[0] += 5
    ctrl.set_claim_fields(claim.id, status="false")
    ctrl.set_actor_type(moscow, "other")
    assert ctrl.undo_stack.count() == steps + 4
    ctrl.undo_stack.undo()
    ctrl.undo_stack.undo()
    ctrl.undo_stack.undo()
    assert get_annotation(db, claim.id).status == "disputed"
    ctrl.undo_stack.undo()
    assert get_annotation(db, claim.id).status == "unverified"
    assert ctrl.undo_stack.count() == steps + 4  # still there to redo
