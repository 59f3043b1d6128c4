"""Undo steps through the real controller and QUndoStack: edits merge only when they are
the same field of the same tag (or actor), and each step's ChangeSet reaches the window's
signals once."""

from __future__ import annotations

import ast
from pathlib import Path

import gui_helpers
import pytest
from gui_helpers import LAVROV_STORY

import reader_app.gui.commands as commands_package
from reader_app.domain.models import ImportedArticle
from reader_app.storage.actors import create_actor, get_actor
from reader_app.storage.annotations import get_annotation
from reader_app.storage.articles import add_article

TEXT = LAVROV_STORY


@pytest.fixture
def ctrl(db, make_ctrl):
    item = ImportedArticle("Drills", TEXT, "drills.txt", published="2022-02-09", language="en")
    return make_ctrl(add_article(db, item).article_id)


@pytest.fixture
def clock(monkeypatch):
    """The commands' clock, stopped: picks happen in 'quick succession' unless moved on."""
    import reader_app.gui.commands.actors as actor_commands
    import reader_app.gui.commands.tags as tag_commands

    now = [100.0]
    for module in (tag_commands, actor_commands):
        monkeypatch.setattr(module.time, "monotonic", lambda: now[0])
    return now


def tag(ctrl, kind: str, words: str):
    return gui_helpers.tag(ctrl, kind, words, TEXT)


def test_typing_into_two_tags_makes_two_undo_steps(ctrl, db):
    moscow, ukraine = tag(ctrl, "actor", "Moscow"), tag(ctrl, "actor", "Ukraine")
    steps = ctrl.undo_stack.count()
    ctrl.edit_annotation(moscow.id, note="capital")
    ctrl.edit_annotation(ukraine.id, note="target")  # the same field, another tag
    assert ctrl.undo_stack.count() == steps + 2
    ctrl.undo_stack.undo()
    assert (get_annotation(db, moscow.id).note, get_annotation(db, ukraine.id).note) == (
        "capital", None)
    ctrl.undo_stack.undo()
    assert get_annotation(db, moscow.id).note is None


def test_typing_into_one_tag_is_one_undo_step(ctrl, db):
    moscow = tag(ctrl, "actor", "Moscow")
    steps = ctrl.undo_stack.count()
    for note in ("c", "ca", "capital"):
        ctrl.edit_annotation(moscow.id, note=note)
    ctrl.edit_annotation(moscow.id, value="MOSCOW")  # another field: a step of its own
    assert ctrl.undo_stack.count() == steps + 2
    ctrl.undo_stack.undo()
    ctrl.undo_stack.undo()
    assert get_annotation(db, moscow.id).note is None


def test_quick_picks_on_two_claims_make_two_undo_steps(ctrl, db, clock):
    first = tag(ctrl, "claim", "the drills would end on Thursday")
    second = tag(ctrl, "claim", "Moscow denied any plan to attack Ukraine")
    steps = ctrl.undo_stack.count()
    ctrl.set_claim_fields(first.id, status="disputed")
    ctrl.set_claim_fields(second.id, status="false")  # at once, but another claim
    assert ctrl.undo_stack.count() == steps + 2
    assert ctrl.undo_stack.undoText() == (
        "Set status of claim “Moscow denied any plan to attack Ukraine” to false")
    ctrl.undo_stack.undo()
    assert (get_annotation(db, first.id).status, get_annotation(db, second.id).status) == (
        "disputed", "unverified")


def test_quick_type_picks_merge_for_one_actor_only(ctrl, db, clock):
    russia = create_actor(db, "Russia", "state")
    kyiv = create_actor(db, "Kyiv", "other")
    steps = ctrl.undo_stack.count()
    ctrl.set_actor_type(russia.id, "organization")
    ctrl.set_actor_type(russia.id, "armed_force")  # the same actor: one step
    ctrl.set_actor_type(kyiv.id, "state")  # at once, but another actor
    assert ctrl.undo_stack.count() == steps + 2
    ctrl.undo_stack.undo()
    assert (get_actor(db, russia.id).type, get_actor(db, kyiv.id).type) == (
        "armed_force", "other")
    ctrl.undo_stack.undo()
    assert get_actor(db, russia.id).type == "state"


def test_a_rename_says_actors_and_claims_once_and_a_note_only_actors(ctrl, db, qtbot):
    lavrov = tag(ctrl, "actor", "Sergei Lavrov")
    claim = tag(ctrl, "claim", "the drills would end on Thursday")
    said = []
    ctrl.changed.connect(said.append)
    ctrl.rename_actor(lavrov.actor_id, "S. Lavrov")
    [renamed] = said  # one change set per step
    assert renamed.actors[lavrov.actor_id].name == "S. Lavrov"
    assert renamed.claims[claim.id]["claimant"] == "S. Lavrov"  # its row shows the name
    assert not (renamed.tags_added or renamed.tags_changed or renamed.tags_removed)
    said.clear()
    ctrl.set_actor_note(lavrov.actor_id, "minister")
    [noted] = said
    assert noted.actors[lavrov.actor_id].note == "minister" and not noted.claims
    said.clear()
    ctrl.undo_stack.undo()
    ctrl.undo_stack.undo()
    assert len(said) == 2 and not said[0].claims
    assert said[1].claims[claim.id]["claimant"] == "Sergei Lavrov"
    assert get_actor(db, lavrov.actor_id).name == "Sergei Lavrov"


def test_a_merge_says_the_open_articles_moved_tags(ctrl, db):
    lavrov = tag(ctrl, "actor", "Sergei Lavrov")
    claim = tag(ctrl, "claim", "the drills would end on Thursday")
    minister = create_actor(db, "The Minister", "person")
    said = []
    ctrl.changed.connect(said.append)
    ctrl.merge_actors(minister.id, lavrov.actor_id)
    [merged] = said
    assert {a.id: (a.actor_id, a.claimant_id) for a in merged.tags_changed} == {
        lavrov.id: (minister.id, None), claim.id: (None, minister.id)}
    assert merged.actors[lavrov.actor_id] is None  # folded into the minister
    said.clear()
    ctrl.undo_stack.undo()
    [unmerged] = said
    assert {a.id: (a.actor_id, a.claimant_id) for a in unmerged.tags_changed} == {
        lavrov.id: (lavrov.actor_id, None), claim.id: (None, lavrov.actor_id)}


def test_a_refused_request_leaves_no_step_and_says_why(ctrl, db):
    moscow = tag(ctrl, "actor", "Moscow")
    steps = ctrl.undo_stack.count()
    ctrl.delete_actor(moscow.actor_id)
    ctrl.set_claim_fields(moscow.id, status="false")
    assert ctrl.undo_stack.count() == steps
    assert "is still used by tags or claims" in ctrl.errors[0]
    assert ctrl.errors[1] == "“Moscow” is tagged actor, not claim."


def test_commands_do_not_import_the_controller():
    """Not even for type hints: commands are typed against commands.host.CommandHost."""
    for path in Path(commands_package.__file__).parent.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import)
                     for a in n.names}
        assert not {m for m in imported if m and "controller" in m}, path.name
