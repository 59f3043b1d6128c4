"""The Claims view: its model on plain rows, then the real window with claims tagged in it."""

from __future__ import annotations

import pytest
from gui_helpers import tag_in_window as tag
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QTableView, QTabWidget

from reader_app.domain.models import ImportedArticle
from reader_app.gui.lists.actor_model import ID_ROLE
from reader_app.gui.lists.claim_model import ClaimModel, evaluation
from reader_app.storage.articles import add_article
from reader_app.storage.database import open_library


def claim(ann_id: int, quote: str, claimant=None, status="unverified", reliability=None,
          credibility=None, title="Talks", published="2022-02-09", claim_date=None) -> dict:
    return {"annotation_id": ann_id, "article_id": 1, "article_title": title,
            "article_published": published, "quote": quote, "claimant_id": None,
            "claimant": claimant, "claim_date": claim_date, "status": status,
            "reliability": reliability, "credibility": credibility}


ROWS = [
    claim(1, "like a mute talking to a deaf person", "Sergei Lavrov", "disputed", "B", 2,
          claim_date="2022-02-10"),
    claim(2, "dangerous moment", "NATO", "corroborated", "A", 1),
    claim(3, "psychological pressure", None),
    claim(4, "lessons from the Cold War", "Ben Wallace", "false", None, 5, title="Other"),
]


def column(model, col: int) -> list[str]:
    return [model.index(r, col).data() for r in range(model.rowCount())]


def test_claim_model_passes_the_model_tester(qtmodeltester):
    model = ClaimModel()
    model.set_items(ROWS)
    qtmodeltester.check(model)
    model.sort(ClaimModel.EVALUATION)
    qtmodeltester.check(model)
    model.set_status_filter("disputed")
    qtmodeltester.check(model)


def test_claim_model_shows_the_admiralty_code_and_filters():
    model = ClaimModel()
    model.set_items(ROWS)
    assert column(model, ClaimModel.EVALUATION) == ["B2", "A1", "", "?5"]
    assert "Usually reliable" in model.index(0, ClaimModel.EVALUATION).data(Qt.ItemDataRole.ToolTipRole)
    assert column(model, ClaimModel.CLAIMANT) == ["Sergei Lavrov", "NATO", "", "Ben Wallace"]
    assert column(model, ClaimModel.CLAIM_DATE)[0] == "2022-02-10"
    model.sort(ClaimModel.EVALUATION)
    assert column(model, ClaimModel.EVALUATION) == ["A1", "B2", "?5", ""]
    model.sort(ClaimModel.STATUS)  # the workflow's order
    assert column(model, ClaimModel.STATUS) == ["unverified", "corroborated", "disputed", "false"]
    model.set_status_filter("false")
    assert [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())] == [4]
    model.set_status_filter(None)
    model.set_filter("lavrov")  # the claimant
    assert column(model, ClaimModel.QUOTE) == ["like a mute talking to a deaf person"]
    model.set_filter("other")  # the article
    assert column(model, ClaimModel.QUOTE) == ["lessons from the Cold War"]
    assert evaluation({"reliability": "C", "credibility": None}) == "C?"


# -- in the window -------------------------------------------------------------------------


@pytest.fixture
def tagged(window):
    """Two claims on the sample, each after its speaker's actor tag."""
    tag(window, "actor", "Calderan", occurrence=1)
    valley = tag(window, "claim", "holding a whole valley hostage")
    tag(window, "actor", "Amara Velasquez-Dunn")
    commitment = tag(window, "claim", "without a single concrete commitment.")
    return {"valley": valley, "commitment": commitment}


def show_claims(qtbot, window):
    window.findChild(QTabWidget, "leftTabs").setCurrentWidget(window.claims_view)
    qtbot.waitUntil(window.claims_view.isVisible, timeout=2000)
    return window.findChild(QTableView, "claimTable")


def shown(table) -> dict[int, dict[str, str]]:
    model = table.model()
    return {model.index(r, 0).data(ID_ROLE): {name: model.index(r, c).data()
                                              for c, name in enumerate(model.COLUMNS)}
            for r in range(model.rowCount())}


def test_the_claims_view_lists_claims_with_claimant_and_status(qtbot, window, tagged):
    table = show_claims(qtbot, window)
    rows = shown(table)
    assert rows[tagged["valley"]]["Claimant"] == "Calderan"
    assert rows[tagged["commitment"]]["Claimant"] == "Amara Velasquez-Dunn"
    assert {r["Status"] for r in rows.values()} == {"unverified"}
    assert window.findChild(QLabel, "claimCount").text() == "2 claims"
    # the analyst evaluates one: the view follows the controller's ChangeSet
    window.controller.set_claim_fields(tagged["valley"], status="disputed", reliability="B",
                                       credibility=2)
    qtbot.waitUntil(lambda: shown(table)[tagged["valley"]]["Evaluation"] == "B2", timeout=2000)
    assert shown(table)[tagged["valley"]]["Status"] == "disputed"
    window.actions_.undo.trigger()
    qtbot.waitUntil(lambda: shown(table)[tagged["valley"]]["Evaluation"] == "", timeout=2000)


def test_filter_by_status_and_text(qtbot, window, tagged):
    table = show_claims(qtbot, window)
    window.controller.set_claim_fields(tagged["commitment"], status="corroborated")
    qtbot.waitUntil(lambda: shown(table)[tagged["commitment"]]["Status"] == "corroborated",
                    timeout=2000)
    combo = window.findChild(QComboBox, "claimStatusFilter")
    combo.setCurrentIndex(combo.findData("corroborated"))
    assert list(shown(table)) == [tagged["commitment"]]
    assert window.findChild(QLabel, "claimCount").text() == "1 of 2 claims"
    combo.setCurrentIndex(combo.findData(None))
    window.claims_view.filter_edit.setText("velasquez")  # a claimant
    assert list(shown(table)) == [tagged["commitment"]]
    window.claims_view.filter_edit.setText("varna dam")  # the article's title
    assert set(shown(table)) == set(tagged.values())


def test_a_renamed_claimant_shows_in_the_claims_view(qtbot, window, tagged):
    table = show_claims(qtbot, window)
    calderan = window.controller.annotation(tagged["valley"]).claimant_id
    window.controller.rename_actor(calderan, "Republic of Calderan")
    qtbot.waitUntil(lambda: shown(table)[tagged["valley"]]["Claimant"] == "Republic of Calderan",
                    timeout=2000)


def test_activating_a_claim_opens_its_article_and_selects_it(qtbot, window, tagged, db_path):
    table = show_claims(qtbot, window)
    db = open_library(db_path)
    other = add_article(db, ImportedArticle("Other", "Nothing to see.", "o.txt")).article_id
    db.close()
    window.controller.add_imported([other])
    window.controller.open_article(other)
    model = table.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(ID_ROLE) == tagged["valley"])
    pos = table.visualRect(model.index(row, ClaimModel.CLAIMANT)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert window.controller.current_article.id != other
    assert window.annotation_panel.selected_annotation_id() == tagged["valley"]
    ann = window.controller.annotation(tagged["valley"])
    assert window.view.highlighted_ids(ann.start, ann.end) == [tagged["valley"]]
