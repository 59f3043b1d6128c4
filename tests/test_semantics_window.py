"""Analyst semantics in the whole window: the export dialog's table choice, the real sample
tagged end to end and exported, and screenshots of each left tab.

Set READER_APP_SCREENSHOTS to a folder to keep the PNGs (and look at them).
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest
from gui_helpers import tag_in_window as tag
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QTableView,
    QTabWidget,
)
from shared_sample import SAMPLES, Sample

from reader_app.app import create_window
from reader_app.gui.jobs.export_flow import ExportDialog
from reader_app.services.exporting import ExportFilters, export_csv_file
from reader_app.storage.database import open_library
from reader_app.storage.export_rows import (
    ACTOR_COLUMNS,
    ARTICLE_COLUMNS,
    CLAIM_COLUMNS,
    EXPORT_COLUMNS,
)


def read_csv(path) -> tuple[list[str], list[dict]]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], [dict(zip(rows[0], r)) for r in rows[1:]]


# -- the left tabs -------------------------------------------------------------------------


def test_the_left_tab_persists(qtbot, window, db_path):
    window.findChild(QTabWidget, "leftTabs").setCurrentWidget(window.claims_view)
    window.close()
    again = create_window(db_path)
    qtbot.addWidget(again)
    assert again.findChild(QTabWidget, "leftTabs").currentWidget() is again.claims_view


def test_export_filters_name_a_known_table():
    with pytest.raises(ValueError, match="unknown export table"):
        ExportFilters(table="everything")
    assert ExportFilters(table="actors", kinds=["claim"], article_ids=[1]).as_kwargs() == {}
    assert ExportFilters(table="claims", kinds=["claim"]).as_kwargs() == {
        "article_ids": None, "date_from": None, "date_to": None, "statuses": None,
        "claimant_ids": None, "grades": None}


# -- the export dialog ---------------------------------------------------------------------


def test_the_export_dialog_disables_filters_that_do_not_apply(qtbot, window):
    dialog = ExportDialog(window, current_article_id=1)
    qtbot.addWidget(dialog)
    combo = dialog.findChild(QComboBox, "exportTable")
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "All tags", "Claims only", "Actor list", "Article list"]
    dialog.use_dates.setChecked(True)
    combo.setCurrentIndex(combo.findData("claims"))
    assert not any(box.isEnabled() for box in dialog.kind_boxes.values())
    assert dialog.current_only.isEnabled() and dialog.date_from.isEnabled()
    assert dialog.filters().table == "claims"
    combo.setCurrentIndex(combo.findData("actors"))
    assert not dialog.current_only.isEnabled() and not dialog.all_articles.isEnabled()
    assert not dialog.use_dates.isEnabled() and not dialog.date_from.isEnabled()
    assert not dialog.scope_hint.isHidden()
    combo.setCurrentIndex(combo.findData("articles"))  # articles and dates apply, kinds not
    assert not any(box.isEnabled() for box in dialog.kind_boxes.values())
    assert dialog.current_only.isEnabled() and dialog.date_from.isEnabled()
    assert dialog.filters().table == "articles"
    combo.setCurrentIndex(combo.findData("annotations"))
    assert all(box.isEnabled() for box in dialog.kind_boxes.values())
    assert dialog.date_to.isEnabled() and dialog.scope_hint.isHidden()


def export_through_the_dialog(qtbot, window, monkeypatch, tmp_path, table: str) -> Path:
    """File > Export CSV… with the table chosen in the dialog, then read the file back."""
    path = tmp_path / f"{table}.csv"

    def run_dialog(dialog):
        combo = dialog.findChild(QComboBox, "exportTable")
        combo.setCurrentIndex(combo.findData(table))
        dialog.findChild(QCheckBox).setChecked(True)  # a kind box: ignored unless all tags
        return QDialog.DialogCode.Accepted

    offered = []
    monkeypatch.setattr(ExportDialog, "exec", run_dialog)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda _parent, _title, name, _filter: offered.append(name) or (str(path), ""))
    with qtbot.waitSignal(window.exports.export_finished, timeout=10_000) as finished:
        window.actions_.export_csv.trigger()
    assert finished.args[0].path == path
    assert Path(offered[0]).name == f"{table}.csv"
    return path


def test_export_claims_only_and_the_actor_list_from_the_dialog(
        qtbot, window, monkeypatch, tmp_path):
    tag(window, "actor", "Calderan", after="Tuesday, with")
    claim = tag(window, "claim", "holding a whole valley hostage")
    tag(window, "date", "Tuesday")
    header, rows = read_csv(export_through_the_dialog(qtbot, window, monkeypatch, tmp_path, "claims"))
    assert header == CLAIM_COLUMNS
    assert [(int(r["annotation_id"]), r["claimant"], r["status"]) for r in rows] == [
        (claim, "Calderan", "unverified")]
    header, rows = read_csv(export_through_the_dialog(qtbot, window, monkeypatch, tmp_path, "actors"))
    assert header == ACTOR_COLUMNS
    assert [(r["name"], r["mention_count"], r["claim_count"]) for r in rows] == [("Calderan", "1", "1")]
    header, rows = read_csv(
        export_through_the_dialog(qtbot, window, monkeypatch, tmp_path, "annotations"))
    assert header == EXPORT_COLUMNS and len(rows) == 3
    window.controller.set_article_memo(window.controller.current_article.id, "=desk: Київ 🇺🇦")
    header, rows = read_csv(
        export_through_the_dialog(qtbot, window, monkeypatch, tmp_path, "articles"))
    assert header == ARTICLE_COLUMNS
    assert [(r["memo"], r["claim_count"], r["actor_count"], r["date_count"]) for r in rows] == [
        ("'=desk: Київ 🇺🇦", "1", "1", "1")]


# -- the example articles, end to end (our own; the shared one when present) -------------------


@pytest.fixture(params=SAMPLES)
def case(request) -> Sample:
    return request.param


@pytest.fixture
def sample(qtbot, window, case):
    with qtbot.waitSignal(window.imports.import_finished, timeout=10_000) as finished:
        window.import_files([str(case.path)])
    (created,) = finished.args[0].created
    window.controller.open_article(created.article_id)
    assert window.controller.current_article.published == case.published
    return window


def test_the_example_article_tagged_and_exported(qtbot, sample, case, db_path, tmp_path):
    window, c = sample, sample.controller
    full = tag(window, "actor", case.person)
    text, after = case.speaker
    short = tag(window, "actor", text, after=after)
    assert c.annotation(short).actor_id == c.annotation(full).actor_id
    dates = {tag(window, "date", text, after=after): (value, granularity)
             for (text, after), value, granularity in case.dates}
    assert {i: (c.annotation(i).value, c.annotation(i).granularity) for i in dates} == dates
    quoted = case.speaker_claim[case.speaker_claim.index("“"):]  # the quotation alone
    described = tag(window, "claim", quoted)
    text, after = case.caller
    caller = tag(window, "actor", text, after=after)
    called = tag(window, "claim", case.caller_claim)
    titled = tag(window, "actor", case.titled)
    said = tag(window, "claim", case.titled_claim)
    claimants = {i: c.annotation(i).claimant_id for i in (described, called, said)}
    assert claimants == {described: c.annotation(full).actor_id,
                         called: c.annotation(caller).actor_id,
                         said: c.annotation(titled).actor_id}
    assert "Claimant" in window.statusBar().currentMessage()  # why, for the last tag

    db = open_library(db_path)
    try:
        export_csv_file(db, tmp_path / "all.csv", ExportFilters())
        export_csv_file(db, tmp_path / "claims.csv", ExportFilters(table="claims"))
        export_csv_file(db, tmp_path / "actors.csv", ExportFilters(table="actors"))
    finally:
        db.close()
    _, rows = read_csv(tmp_path / "all.csv")
    by_id = {int(r["annotation_id"]): r for r in rows}
    assert by_id[short]["value"] == case.person  # the canonical name, not the quote
    assert by_id[short]["actor_type"] == "person"
    assert {i: (by_id[i]["value"], by_id[i]["granularity"]) for i in dates} == dates
    assert by_id[described]["claimant"] == case.person
    _, claims = read_csv(tmp_path / "claims.csv")
    assert {r["quote"]: r["claimant"] for r in claims} == {
        quoted: case.person, case.caller_claim: case.caller[0], case.titled_claim: case.titled}
    _, actors = read_csv(tmp_path / "actors.csv")
    person = next(r for r in actors if r["name"] == case.person)
    assert (person["mention_count"], person["claim_count"]) == ("2", "1")


# -- screenshots of each left tab ----------------------------------------------------------------


def shots_dir(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("READER_APP_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_screenshots_of_each_left_tab(qtbot, window, tmp_path):
    window.resize(1440, 900)
    window.splitter.setSizes([340, 680, 420])  # about the first-start proportions
    for kind, quote, after in [("date", "Tuesday", None), ("date", "2021", None),
                               ("actor", "Calderan", "Tuesday, with"), ("actor", "Ostrovia", None),
                               ("claim", "holding a whole valley hostage", None),
                               ("actor", "Amara Velasquez-Dunn", None),
                               ("claim", "without a single concrete commitment.", None),
                               ("actor", "Rostenko", "According to"),
                               ("claim", ("is already releasing more water than the treaty "
                                          "Calderan itself proposed in 2021"), None)]:
        tag(window, kind, quote, after=after)
    claims = [a.id for a in window.controller.annotations() if a.kind == "claim"]
    window.controller.set_claim_fields(claims[0], status="corroborated", reliability="B",
                                       credibility=2)
    window.controller.set_claim_fields(claims[2], status="disputed", reliability="C",
                                       credibility=4)
    window.view.setTextCursor(QTextCursor(window.view.document()))
    tabs = window.findChild(QTabWidget, "leftTabs")
    folder = shots_dir(tmp_path)
    for index, name in enumerate(("library", "actors", "claims")):
        tabs.setCurrentIndex(index)
        if name == "actors":
            qtbot.waitUntil(lambda: window.actors_pane.model.rowCount() > 0, timeout=2000)
            window.actors_pane.select_actor(window.actors_pane.model.item(0).id)
        if name == "claims":
            qtbot.waitUntil(lambda: window.claims_view.model.rowCount() == 3, timeout=2000)
        qtbot.wait(50)
        image = window.grab().toImage()
        assert image.save(str(folder / f"semantics-{name}.png"))
        assert image.width() >= 1000
        table = tabs.currentWidget().findChild(QTableView)
        assert table.model().rowCount() > 0
        assert table.isVisible() and table.viewport().width() > 250
