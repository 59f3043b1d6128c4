"""The tag editor by kind, as real widgets driven by keyboard, checked in the database."""

from __future__ import annotations

import gui_helpers
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel

from reader_app.domain.models import ImportedArticle
from reader_app.gui.lists.annotation_model import VALUE, AnnotationModel
from reader_app.services import actor_linking
from reader_app.storage.actors import create_actor, get_actor
from reader_app.storage.annotations import get_annotation
from reader_app.storage.articles import add_article


@pytest.fixture(autouse=True)
def _no_state_table(monkeypatch):
    """These tests use "Moscow" as a plain new actor; with the table of states (issue 9,
    tested in test_gaps_actors) tagging it would make the state Russia."""
    monkeypatch.setattr(actor_linking, "_state_table", lambda db: ({}, {}))

TEXT = (
    "date 2022-02-09\n"
    "MOSCOW — Russian Foreign Minister Sergei Lavrov said the drills would end on Thursday.\n"
    "Lavrov added that the troops would return next week, according to the ministry.\n"
    "Moscow denied any plan to attack Ukraine.\n"
)
UNDATED = "Officials said the convoy would arrive on Friday.\n"


@pytest.fixture
def ids(db):
    dated = ImportedArticle("Drills", TEXT, "drills.txt", published="2022-02-09", language="en")
    undated = ImportedArticle("Convoy", UNDATED, "convoy.txt", language="en")
    return [add_article(db, a).article_id for a in (dated, undated)]


@pytest.fixture
def ctrl(ids, make_ctrl):
    return make_ctrl()


@pytest.fixture
def panel(qtbot, ctrl, ids):
    return gui_helpers.open_panel(qtbot, ctrl, ids[0], 460, 760)


def tag(ctrl, kind: str, words: str, text: str = TEXT):
    return gui_helpers.tag(ctrl, kind, words, text)


def enter(qtbot, widget, text: str) -> None:
    """Replace the text of a line edit (or an editable combo's) by typing, then Enter."""
    widget.setFocus()
    target = widget.lineEdit() if isinstance(widget, QComboBox) else widget
    target.selectAll()
    qtbot.keyClick(target, Qt.Key.Key_Delete)
    qtbot.keyClicks(target, text)
    qtbot.keyClick(target, Qt.Key.Key_Return)


def choose(qtbot, combo, data) -> None:
    """Pick an item of a closed combo box with the arrow keys, as the analyst would."""
    combo.setFocus()
    target = combo.findData(data)
    assert target >= 0, data
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    for _ in range(abs(target - combo.currentIndex())):
        qtbot.keyClick(combo, key)
    assert combo.currentIndex() == target


def value_cell(panel, ann_id: int) -> str:
    return panel.model.index(panel.model.row_of(ann_id), VALUE).data()


def test_actor_tag_shows_its_actor_and_relinks_by_typing(qtbot, panel, ctrl, db):
    fields = panel.editor.actor_fields
    lavrov = tag(ctrl, "actor", "Sergei Lavrov")
    surname = tag(ctrl, "actor", "Lavrov")
    assert surname.actor_id == lavrov.actor_id
    assert fields.actor_combo.currentText() == "Sergei Lavrov"
    assert fields.type_combo.currentData() == "person"
    moscow = tag(ctrl, "actor", "Moscow")
    panel.select_annotation(surname.id)
    enter(qtbot, fields.actor_combo, "moscow")  # an existing actor, any case
    assert get_annotation(db, surname.id).actor_id == moscow.actor_id
    assert value_cell(panel, surname.id) == "Moscow"
    enter(qtbot, fields.actor_combo, "Russian Federation")  # a new actor
    created = get_annotation(db, surname.id).actor_id
    assert get_actor(db, created).name == "Russian Federation"
    assert fields.actor_combo.currentText() == "Russian Federation"
    assert fields.actor_combo.findText("Russian Federation") >= 0
    fields.actor_combo.lineEdit().selectAll()
    qtbot.keyClicks(fields.actor_combo.lineEdit(), "Xyz")  # typed, then left without Enter
    fields.aliases_edit.setFocus()
    qtbot.waitUntil(lambda: fields.actor_combo.currentText() == "Russian Federation")
    ctrl.undo_stack.undo()
    ctrl.undo_stack.undo()
    assert get_annotation(db, surname.id).actor_id == lavrov.actor_id
    assert fields.actor_combo.currentText() == "Sergei Lavrov"
    assert fields.actor_combo.findText("Russian Federation") < 0  # the created actor went
    assert ctrl.errors == []


def test_actor_type_and_aliases_change_the_actor_with_undo(qtbot, panel, ctrl, db):
    fields = panel.editor.actor_fields
    moscow = tag(ctrl, "actor", "Moscow")
    steps = ctrl.undo_stack.count()
    choose(qtbot, fields.type_combo, "state")  # four arrow keys from "other"
    assert get_actor(db, moscow.actor_id).type == "state"
    assert ctrl.undo_stack.count() == steps + 1  # one step, named after the last pick
    assert ctrl.undo_stack.undoText() == "Make Moscow state"
    enter(qtbot, fields.aliases_edit, "Russia, the Kremlin, russia")
    assert get_actor(db, moscow.actor_id).aliases == ("Russia", "the Kremlin")
    assert fields.aliases_edit.text() == "Russia, the Kremlin"  # as stored
    assert ctrl.undo_stack.undoText() == "Change aliases of Moscow"
    ctrl.undo_stack.undo()
    assert fields.aliases_edit.text() == ""
    ctrl.undo_stack.undo()
    assert fields.type_combo.currentData() == "other"
    ctrl.rename_actor(moscow.actor_id, "Russia")  # e.g. from the Actors pane
    assert fields.actor_combo.currentText() == "Russia"
    assert value_cell(panel, moscow.id) == "Russia"


def test_claimant_is_proposed_then_changed_in_the_combo_with_undo(qtbot, panel, ctrl, db):
    fields = panel.editor.claim_fields
    lavrov = tag(ctrl, "actor", "Sergei Lavrov")
    moscow = tag(ctrl, "actor", "Moscow")
    claim = tag(ctrl, "claim", "the drills would end on Thursday")
    assert panel.selected_annotation_id() == claim.id
    assert fields.claimant_combo.currentData() == lavrov.actor_id
    assert fields.claimant_combo.itemText(0) == "(nobody)"
    choose(qtbot, fields.claimant_combo, moscow.actor_id)
    assert get_annotation(db, claim.id).claimant_id == moscow.actor_id
    assert value_cell(panel, claim.id) == "Moscow · unverified"
    ctrl.undo_stack.undo()
    assert get_annotation(db, claim.id).claimant_id == lavrov.actor_id
    assert fields.claimant_combo.currentData() == lavrov.actor_id


def test_status_reliability_and_credibility_with_undo(qtbot, panel, ctrl, db):
    fields = panel.editor.claim_fields
    tag(ctrl, "actor", "Sergei Lavrov")
    claim = tag(ctrl, "claim", "the drills would end on Thursday")
    assert fields.reliability_combo.itemText(2) == "B - Usually reliable"
    assert fields.credibility_combo.itemText(2) == "2 - Probably true"
    choose(qtbot, fields.status_combo, "disputed")
    choose(qtbot, fields.reliability_combo, "B")
    choose(qtbot, fields.credibility_combo, 2)
    got = get_annotation(db, claim.id)
    assert (got.status, got.reliability, got.credibility) == ("disputed", "B", 2)
    assert value_cell(panel, claim.id) == "Sergei Lavrov · disputed · B2"
    tip = panel.model.index(panel.model.row_of(claim.id), VALUE).data(
        Qt.ItemDataRole.ToolTipRole)
    assert tip == ("Sergei Lavrov · disputed · B2\n"
                   "Source B: Usually reliable; information 2: Probably true")
    ctrl.undo_stack.undo()
    ctrl.undo_stack.undo()
    assert fields.reliability_combo.currentText() == "(not evaluated)"
    assert value_cell(panel, claim.id) == "Sergei Lavrov · disputed"
    ctrl.undo_stack.undo()
    assert fields.status_combo.currentData() == "unverified"
    assert get_annotation(db, claim.id).status == "unverified"


def test_claim_date_from_a_date_tag_or_typed(qtbot, panel, ctrl, db):
    fields = panel.editor.claim_fields
    thursday = tag(ctrl, "date", "on Thursday")
    claim = tag(ctrl, "claim", "the drills would end on Thursday")
    assert fields.date_combo.currentData() == thursday.id  # proposed from its sentence
    assert fields.date_combo.currentText() == "2022-02-10 — “on Thursday”"
    enter(qtbot, fields.date_combo, "2022-W07")
    got = get_annotation(db, claim.id)
    assert (got.claim_date, got.claim_date_annotation_id) == ("2022-W07", None)
    assert fields.date_combo.currentText() == "2022-W07"
    next_week = tag(ctrl, "date", "next week")
    panel.select_annotation(claim.id)
    choose(qtbot, fields.date_combo, next_week.id)  # a date tag added since is listed
    got = get_annotation(db, claim.id)
    assert (got.claim_date, got.claim_date_annotation_id) == ("2022-W07", next_week.id)
    ctrl.correct_date(thursday.id, "2022-02-11")  # a corrected date tag shows its new value
    panel.select_annotation(claim.id)
    assert fields.date_combo.itemText(fields.date_combo.findData(thursday.id)).startswith(
        "2022-02-11")
    enter(qtbot, fields.date_combo, "soon")
    assert "is not a date" in ctrl.errors[-1]
    assert fields.date_combo.currentData() == next_week.id  # back to what is stored


def test_date_value_resolution_and_correction_with_undo(qtbot, panel, ctrl, db):
    fields = panel.editor.date_fields
    thursday = tag(ctrl, "date", "on Thursday")
    assert fields.value_edit.text() == "2022-02-10"
    # the explanation is the one tagging gave: the tag read in its sentence
    assert fields.how_label.text() == (
        "Day · Thursday: the Thursday after the dateline Wed 2022-02-09, as the clause is in"
        " the future tense ('would').")
    enter(qtbot, fields.value_edit, "2022-02-11")
    got = get_annotation(db, thursday.id)
    assert (got.value, got.granularity, got.date_method) == ("2022-02-11", "day", "analyst")
    assert fields.how_label.text() == "Day · typed by the analyst"
    ctrl.undo_stack.undo()
    assert fields.value_edit.text() == "2022-02-10"
    fields.value_edit.clear()
    qtbot.keyClicks(fields.value_edit, "Friday")  # the validator keeps letters out
    assert fields.value_edit.text() == ""
    week = tag(ctrl, "date", "next week")
    assert value_cell(panel, week.id) == "2022-W07 (week)"
    assert fields.how_label.text().startswith("Week · 'next week' relative to the dateline")


def test_an_unresolved_date_says_why(qtbot, panel, ctrl, ids):
    ctrl.open_article(ids[1])
    friday = tag(ctrl, "date", "on Friday", UNDATED)
    assert friday.value is None
    assert value_cell(panel, friday.id) == "unresolved"
    how = panel.editor.date_fields.how_label.text()
    assert how.startswith("Unresolved · The article has no dateline")


def test_the_rows_shown_follow_the_kind_and_have_mnemonics(qtbot, panel, ctrl):
    editor = panel.editor
    form = editor.layout()
    shown = {}
    for kind, words in (("actor", "Moscow"), ("date", "on Thursday"),
                        ("claim", "the drills would end on Thursday")):
        panel.select_annotation(tag(ctrl, kind, words).id)
        shown[kind] = [w.objectName() for g in editor.groups.values() for w in g._rows
                       if w.isVisibleTo(editor)]
        for widget in editor.groups[kind]._rows:
            label = form.labelForField(widget)
            assert isinstance(label, QLabel)
            if not isinstance(widget, QLabel):  # a field: Alt+letter reaches it
                assert "&" in label.text() and label.buddy() is widget
    assert shown == {
        "actor": ["actorCombo", "actorTypeCombo", "actorAliases"],
        "date": ["dateValue", "dateResolution"],
        "claim": ["claimantCombo", "claimDateCombo", "claimStatusCombo",
                  "claimReliabilityCombo", "claimCredibilityCombo"],
    }
    panel.focus_editor()
    qtbot.waitUntil(editor.claim_fields.claimant_combo.hasFocus)


def test_no_command_is_pushed_while_one_runs(qtbot, panel, ctrl, db):
    moscow = tag(ctrl, "actor", "Moscow")
    fields = panel.editor.actor_fields
    fields.aliases_edit.setText("Russia")
    steps = ctrl.undo_stack.count()
    ctrl.running_command = True
    try:
        panel.commit_pending_edit()
        fields.type_combo.activated.emit(1)
    finally:
        ctrl.running_command = False
    assert ctrl.undo_stack.count() == steps
    panel.commit_pending_edit()
    assert get_actor(db, moscow.actor_id).aliases == ("Russia",)


def test_value_column_texts_and_model_sanity(qtbot, ctrl, ids, db, qtmodeltester):
    create_actor(db, "Russia", "state", aliases=["Moscow"])
    ctrl.open_article(ids[0])
    model = AnnotationModel(ctrl)
    moscow = tag(ctrl, "actor", "Moscow")
    week = tag(ctrl, "date", "next week")
    claim = tag(ctrl, "claim", "Moscow denied any plan to attack Ukraine")
    ctrl.set_claim_fields(claim.id, reliability="C")
    texts = {model.index(r, 1).data(): model.index(r, VALUE).data()
             for r in range(model.rowCount())}
    assert texts == {"Moscow": "Russia", "next week": "2022-W07 (week)",
                     "Moscow denied any plan to attack Ukraine": "Russia · unverified · C"}
    changed = []
    model.dataChanged.connect(lambda a, b, _r: changed.append((a.row(), b.row(), a.column())))
    ctrl.rename_actor(moscow.actor_id, "Russian Federation")
    assert model.index(model.row_of(moscow.id), VALUE).data() == "Russian Federation"
    assert all(column == VALUE for *_rows, column in changed) and changed
    assert model.index(model.row_of(week.id), VALUE).data(Qt.ItemDataRole.ToolTipRole) == (
        "2022-W07 (week)\nweek, resolved by the week rule")
    qtmodeltester.check(model)
