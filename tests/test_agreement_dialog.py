"""File > Agreement… in the real window: choose the pair and the scope, read the tables,
copy and save the CSV."""

from __future__ import annotations

import csv

import pytest
from agreement_library import build
from gui_helpers import open_window
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QLabel, QTableView

from reader_app.domain.models import ImportedArticle
from reader_app.gui.window.agreement_dialog import KIND_HEADERS, TextTable
from reader_app.services.agreement import agreement
from reader_app.storage.articles import add_article
from reader_app.storage.database import open_library


def _library(db_path, **kw):
    db = open_library(db_path)
    try:
        return build(db, **kw)
    finally:
        db.close()


def _open_dialog(qtbot, window):
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    action = window.findChild(QAction, "agreementAction")
    assert action in file_menu.actions()
    action.trigger()
    qtbot.waitUntil(lambda: window.findChild(QDialog, "agreementDialog") is not None)
    dialog = window.findChild(QDialog, "agreementDialog")
    qtbot.waitExposed(dialog)
    return dialog


def _cells(view: QTableView) -> list[list[str]]:
    model = view.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def _expected(db_path, pair, ids=None):
    db = open_library(db_path)
    try:
        return agreement(db, pair, ids).pairs[0]
    finally:
        db.close()


def test_dialog_from_the_file_menu_shows_the_pairs_figures(qtbot, db_path, tmp_path):
    _library(db_path, third=True)
    window = open_window(qtbot, db_path)
    dialog = _open_dialog(qtbot, window)
    a = dialog.findChild(QComboBox, "analystACombo")
    b = dialog.findChild(QComboBox, "analystBCombo")
    assert [a.itemText(i) for i in range(a.count())] == ["ann", "bob", "cat"]
    a.setCurrentText("bob")
    b.setCurrentText("ann")
    kinds = _cells(dialog.findChild(QTableView, "agreementKindTable"))
    assert [row[0] for row in kinds] == ["claim", "actor", "date"]
    claim = dict(zip(KIND_HEADERS, kinds[0]))
    # bob is the reference: 4 claims by bob, 3 by ann, 3 exact matches
    # P = 3/3 (ann's), R = 3/4 (bob's), F1 = 2*3/7 = 0.857
    assert (claim["Spans A"], claim["Spans B"]) == ("4", "3")
    assert (claim["Exact P"], claim["Exact R"], claim["Exact F1"]) == ("1.000", "0.750", "0.857")
    expected = _expected(db_path, ("bob", "ann"))
    for row, k in zip(kinds, expected.kinds):
        assert row[9] == f"{k.kappa.kappa.value:.3f}"
        assert row[6] == f"{k.overlap.f1.value:.3f}"
    # actor kappa from its 2x2 table: 2*(13*174)/((13)(174) + (23)(184)) = 0.697 (ann as A);
    # kappa is symmetric, so the same with bob as A
    assert kinds[1][9] == "0.697"
    alphas = {row[0]: row for row in _cells(dialog.findChild(QTableView, "agreementAlphaTable"))}
    assert alphas["status"][2:] == ["nominal", "3", "0.545", ""]  # 6/11
    assert alphas["reliability"][2:] == ["ordinal", "3", "0.444", ""]  # 4/9
    assert alphas["date value"][4] == "n/a" and "same value" in alphas["date value"][5]
    alpha_model = dialog.findChild(QTableView, "agreementAlphaTable").model()
    assert "same value" in alpha_model.index(1, 4).data(0x03)  # ToolTipRole: the reason
    skipped = dialog.findChild(QLabel, "agreementSkipped").text()
    assert "Talks (only ann tagged it)" in skipped
    # Copy puts the CSV on the clipboard; Save CSV… writes the same rows, Excel-safe
    dialog.copy_button.click()
    copied = QApplication.clipboard().text()
    assert copied.splitlines()[0] == "analyst_a,analyst_b,kind,measure,value,n,note"
    target = tmp_path / "agreement.csv"
    dialog.save_csv(str(target))
    rows = list(csv.DictReader(target.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0]["analyst_a"] == "bob"
    assert {(r["kind"], r["measure"]): r["value"] for r in rows}["claim", "exact_recall"] == "0.75"
    dialog.reject()


def test_scope_the_open_article(qtbot, db_path):
    one, two = _library(db_path)
    window = open_window(qtbot, db_path)
    window.controller.open_article(two)
    dialog = _open_dialog(qtbot, window)
    scope = dialog.findChild(QComboBox, "agreementScope")
    assert scope.count() == 2
    scope.setCurrentIndex(1)  # the open article: only ann tagged it
    message = dialog.findChild(QLabel, "agreementMessage").text()
    assert "no article in common" in message
    # an article only one analyst tagged is not compared: no spans counted, listed as skipped
    assert _cells(dialog.findChild(QTableView, "agreementKindTable"))[1][1:3] == ["0", "0"]
    assert "Talks (only ann tagged it)" in dialog.findChild(QLabel, "agreementSkipped").text()
    window.controller.open_article(one)
    scope.setCurrentIndex(0)
    assert "both tagged 1 article" in dialog.findChild(QLabel, "agreementMessage").text()
    # the same analyst twice is refused in words, not computed
    dialog.findChild(QComboBox, "analystBCombo").setCurrentText("ann")
    assert "two different" in dialog.findChild(QLabel, "agreementMessage").text()
    assert not dialog.copy_button.isEnabled()
    dialog.reject()


@pytest.mark.parametrize("names", [(), ("ann",)])
def test_fewer_than_two_analysts_says_so(qtbot, db_path, names):
    db = open_library(db_path)
    aid = add_article(db, ImportedArticle("One", "Putin spoke.", "one.txt")).article_id
    for name in names:
        db.execute("INSERT INTO annotations (uuid, article_id, kind, start, \"end\", quote,"
                   " prefix, suffix, analyst, created_at, updated_at, text_sha256)"
                   " SELECT 'u1', id, 'actor', 0, 5, 'Putin', '', ' spoke.', ?, 'x', 'x', sha256"
                   " FROM articles WHERE id = ?", [name, aid])
    db.conn.commit()
    db.close()
    window = open_window(qtbot, db_path)
    dialog = _open_dialog(qtbot, window)
    text = dialog.findChild(QLabel, "agreementMessage").text()
    assert "needs two analysts" in text
    assert ("only ann has" in text) if names else ("nobody has" in text)
    assert not dialog.findChild(QComboBox, "analystACombo").isEnabled()
    assert _cells(dialog.findChild(QTableView, "agreementKindTable")) == []
    dialog.reject()


def test_text_table_passes_the_model_tester(qtmodeltester):
    model = TextTable(("x", "y"))
    model.set_cells([[("a", None), ("1", "why")], [("b", None), ("n/a", "<b>bold</b>")]])
    qtmodeltester.check(model)
