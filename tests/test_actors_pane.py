"""The Actors pane: its models on plain rows, then the real window driven as an analyst would,
with the library checked on a connection of our own."""

from __future__ import annotations

import sqlite3

import pytest
from gui_helpers import tag_in_window as tag
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QTableView, QTabWidget

from reader_app.domain.models import ActorSummary, Annotation, ImportedArticle, Mention
from reader_app.gui.lists.actor_model import ID_ROLE, ActorModel, MentionModel
from reader_app.storage.articles import add_article
from reader_app.storage.database import open_library

# -- the models on plain rows ------------------------------------------------------------


def summary(actor_id: int, name: str, type_: str = "person", aliases=(), mentions=0, claims=0):
    return ActorSummary(actor_id, f"uuid-{actor_id}", name, type_, None, tuple(aliases),
                        "2024-01-01", "2024-01-01", mentions, claims)


def mention(ann_id: int, kind: str, quote: str, title: str, published: str | None):
    ann = Annotation(ann_id, f"u{ann_id}", 1, kind, 0, len(quote), quote, "", "", None, None,
                     None, "t", "t", "sha")
    return Mention(ann, title, published)


ACTORS = [
    summary(1, "Sergei Lavrov", aliases=["Lavrov"], mentions=3, claims=2),
    summary(2, "Russia", "state", aliases=["Moscow", "Kremlin"], mentions=5),
    summary(3, "NATO", "organization", mentions=1, claims=1),
]


def column(model, col: int) -> list[str]:
    return [model.index(r, col).data() for r in range(model.rowCount())]


def test_actor_model_passes_the_model_tester(qtmodeltester):
    model = ActorModel()
    model.set_items(ACTORS)
    qtmodeltester.check(model)
    model.sort(ActorModel.MENTIONS, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    model.set_filter("mosc")
    qtmodeltester.check(model)


def test_actor_model_shows_types_aliases_and_counts_and_sorts_them():
    model = ActorModel()
    model.set_items(ACTORS)
    assert model.COLUMNS == ("Name", "Type", "Aliases", "Mentions", "Claims")
    assert column(model, ActorModel.NAME) == ["Sergei Lavrov", "Russia", "NATO"]  # as given
    assert column(model, ActorModel.ALIASES)[1] == "Moscow, Kremlin"
    assert column(model, ActorModel.TYPE)[2] == "organization"
    model.sort(ActorModel.MENTIONS, Qt.SortOrder.DescendingOrder)
    assert column(model, ActorModel.MENTIONS) == ["5", "3", "1"]
    model.sort(ActorModel.NAME)
    assert column(model, ActorModel.NAME) == ["NATO", "Russia", "Sergei Lavrov"]
    assert [model.index(r, 0).data(ID_ROLE) for r in range(3)] == [3, 2, 1]
    model.set_filter("KREM")  # an alias finds its actor
    assert column(model, ActorModel.NAME) == ["Russia"]
    assert model.row_of(2) == 0 and model.row_of(1) == -1


def test_mention_model_passes_the_model_tester(qtmodeltester):
    model = MentionModel()
    model.set_items([mention(7, "actor", "Lavrov", "Talks", "2022-02-09"),
                     mention(8, "claim", "like a mute\ntalking", "Talks", None)])
    qtmodeltester.check(model)
    assert column(model, MentionModel.AS) == ["mention", "claimant"]
    assert column(model, MentionModel.QUOTE)[1] == "like a mute ⏎ talking"
    model.sort(MentionModel.PUBLISHED)
    qtmodeltester.check(model)


# -- the pane in the window ------------------------------------------------------------------


def query(db_path, sql: str, params=()) -> list[tuple]:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


@pytest.fixture
def pane(qtbot, window):
    """The Actors tab, shown, after tagging the sample: Calderan twice, Ostrovia, a claim."""
    tag(window, "actor", "Calderan")
    tag(window, "actor", "Calderan", occurrence=1)
    tag(window, "actor", "Ostrovia")
    tag(window, "claim", "holding a whole valley hostage")  # Calderan accuses...: its claimant
    tabs = window.findChild(QTabWidget, "leftTabs")
    tabs.setCurrentWidget(window.actors_pane)
    qtbot.waitUntil(window.actors_pane.isVisible, timeout=2000)
    return window.actors_pane


def rows(pane) -> dict[str, tuple[str, str, str]]:
    """name -> (type, mentions, claims) as the table shows them."""
    model = pane.findChild(QTableView, "actorTable").model()
    return {model.index(r, 0).data(): tuple(model.index(r, c).data() for c in (1, 3, 4))
            for r in range(model.rowCount())}


def select(qtbot, pane, name: str) -> None:
    table = pane.findChild(QTableView, "actorTable")
    model = table.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == name)
    rect = table.visualRect(model.index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert pane.selected_actor().name == name


def test_the_pane_lists_actors_with_their_counts(qtbot, window, pane):
    assert window.findChild(QTableView, "libraryList") is not None  # still there, in its tab
    names = rows(pane)
    assert names["Calderan"][1:] == ("2", "1")
    assert names["Ostrovia"][1:] == ("1", "0")
    # a new tag while the pane shows updates the counts
    window.controller.open_article(window.controller.current_article.id)
    tag(window, "actor", "Ostrovia", occurrence=1)
    qtbot.waitUntil(lambda: rows(pane)["Ostrovia"][1] == "2", timeout=2000)


def test_filter_by_name(qtbot, pane):
    pane.filter_edit.setText("ostro")
    assert list(rows(pane)) == ["Ostrovia"]
    pane.filter_edit.clear()
    assert set(rows(pane)) == {"Calderan", "Ostrovia"}


def test_selecting_an_actor_lists_its_mentions_and_claims(qtbot, window, pane):
    select(qtbot, pane, "Calderan")
    mentions = pane.findChild(QTableView, "actorMentions").model()
    assert mentions.rowCount() == 3
    kinds = sorted(mentions.index(r, MentionModel.AS).data() for r in range(3))
    assert kinds == ["claimant", "mention", "mention"]
    assert "Calderan" in pane.mentions_label.text()


def test_rename_through_the_pane_and_undo(qtbot, window, pane, db_path, monkeypatch):
    select(qtbot, pane, "Ostrovia")
    monkeypatch.setattr(QInputDialog, "getText",
                        lambda *a, **k: ("Republic of Ostrovia", True))
    pane.actions_.actions["rename"].trigger()
    assert query(db_path, "SELECT name FROM actors WHERE name LIKE '%Ostrovia'") == [
        ("Republic of Ostrovia",)]
    qtbot.waitUntil(lambda: "Republic of Ostrovia" in rows(pane), timeout=2000)
    assert pane.selected_actor().name == "Republic of Ostrovia"  # the selection follows
    window.actions_.undo.trigger()
    assert query(db_path, "SELECT name FROM actors WHERE name LIKE '%Ostrovia'") == [("Ostrovia",)]
    qtbot.waitUntil(lambda: "Ostrovia" in rows(pane), timeout=2000)


def test_type_and_aliases_through_the_pane(qtbot, window, pane, db_path, monkeypatch):
    select(qtbot, pane, "Ostrovia")
    pane.actions_.types["state"].trigger()
    monkeypatch.setattr(QInputDialog, "getMultiLineText",
                        lambda *a, **k: ("Ostrovian government\n\n  Ostrovian side ", True))
    pane.actions_.actions["aliases"].trigger()
    (actor_id, actor_type), = query(db_path, "SELECT id, type FROM actors WHERE name = 'Ostrovia'")
    assert actor_type == "state"
    aliases = query(db_path, "SELECT alias FROM actor_aliases WHERE actor_id = ? ORDER BY id",
                    [actor_id])
    assert aliases == [("Ostrovian government",), ("Ostrovian side",)]
    qtbot.waitUntil(lambda: rows(pane)["Ostrovia"][0] == "state", timeout=2000)
    window.actions_.undo.trigger()  # the aliases
    window.actions_.undo.trigger()  # the type
    assert query(db_path, "SELECT count(*) FROM actor_aliases") == [(0,)]
    assert query(db_path, "SELECT type FROM actors WHERE id = ?", [actor_id]) != [("state",)]


def test_merge_through_the_pane_and_undo(qtbot, window, pane, db_path, monkeypatch):
    before = query(db_path, "SELECT id, actor_id, claimant_id FROM annotations ORDER BY id")
    ids = dict(query(db_path, "SELECT name, id FROM actors"))
    select(qtbot, pane, "Ostrovia")
    offered = []

    def choose(parent, title, label, items, current=0, editable=True, *rest, **kw):
        offered.extend(items)
        return next(i for i in items if i.startswith("Calderan")), True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    pane.actions_.actions["merge"].trigger()
    assert len(offered) == 1 and "Ostrovia" not in offered[0]  # never itself
    assert query(db_path, "SELECT name FROM actors") == [("Calderan",)]
    assert query(db_path, "SELECT alias FROM actor_aliases") == [("Ostrovia",)]
    assert {r[0] for r in query(db_path, "SELECT actor_id FROM annotations WHERE kind = 'actor'")} \
        == {ids["Calderan"]}
    qtbot.waitUntil(lambda: list(rows(pane)) == ["Calderan"], timeout=2000)
    assert rows(pane)["Calderan"][1] == "3"
    assert pane.selected_actor().name == "Calderan"

    window.actions_.undo.trigger()
    assert dict(query(db_path, "SELECT name, id FROM actors")) == ids  # same ids back
    assert query(db_path, "SELECT id, actor_id, claimant_id FROM annotations ORDER BY id") == before
    qtbot.waitUntil(lambda: set(rows(pane)) == {"Calderan", "Ostrovia"}, timeout=2000)


def test_delete_only_when_unused(qtbot, window, pane, db_path):
    select(qtbot, pane, "Ostrovia")
    delete = pane.actions_.actions["delete"]
    assert not delete.isEnabled()
    window.controller.delete_annotation(
        query(db_path, "SELECT n.id FROM annotations n JOIN actors x ON x.id = n.actor_id"
                       " WHERE x.name = 'Ostrovia'")[0][0])
    qtbot.waitUntil(lambda: rows(pane)["Ostrovia"][1] == "0", timeout=2000)
    select(qtbot, pane, "Ostrovia")
    assert delete.isEnabled()
    delete.trigger()
    assert query(db_path, "SELECT count(*) FROM actors WHERE name = 'Ostrovia'") == [(0,)]
    qtbot.waitUntil(lambda: "Ostrovia" not in rows(pane), timeout=2000)
    window.actions_.undo.trigger()
    assert query(db_path, "SELECT count(*) FROM actors WHERE name = 'Ostrovia'") == [(1,)]


def test_activating_a_mention_opens_its_article_and_selects_the_tag(qtbot, window, pane, db_path):
    first = window.controller.current_article
    db = open_library(db_path)
    other = add_article(db, ImportedArticle("Other", "Later, Ostrovia said no.", "o.txt")).article_id
    db.close()
    window.controller.add_imported([other])
    window.controller.open_article(other)
    far = tag(window, "actor", "Ostrovia")
    window.controller.open_article(first.id)
    qtbot.waitUntil(lambda: rows(pane)["Ostrovia"][1] == "2", timeout=2000)
    select(qtbot, pane, "Ostrovia")
    mentions = pane.findChild(QTableView, "actorMentions")
    row = next(r for r in range(mentions.model().rowCount())
               if mentions.model().index(r, 0).data(ID_ROLE) == far)
    rect = mentions.visualRect(mentions.model().index(row, MentionModel.QUOTE))
    qtbot.mouseClick(mentions.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(mentions.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.controller.current_article.id == other
    assert window.annotation_panel.selected_annotation_id() == far
    assert window.view.highlighted_ids(7, 8) == [far]
