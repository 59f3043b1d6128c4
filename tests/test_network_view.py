"""The Actor network tab in the real window: its items against the library, filters,
clicks through to the Actors tab and to the claims, exports, the report's picture."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from gui_helpers import open_window
from network_library import build
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from reader_app.domain.search_query import SearchFilter
from reader_app.gui.views.network_export import export_network
from reader_app.gui.views.network_picture import network_picture
from reader_app.gui.views.network_scene import node_radius
from reader_app.services.actor_network import CLAIMS_ABOUT, CO_MENTION
from reader_app.storage.database import open_library


@pytest.fixture
def lib(db_path):
    db = open_library(db_path)
    try:
        return build(db)
    finally:
        db.close()


@pytest.fixture
def net(qtbot, db_path, lib):
    win = open_window(qtbot, db_path)
    win.resize(1500, 950)
    win.left_tabs.setCurrentIndex(win.NETWORK_TAB)
    view = win.findChild(type(win.network_view), "actorNetworkView")
    assert view is win.network_view
    qtbot.waitUntil(view.is_loaded)
    return win, view


def settled(qtbot, view) -> None:
    """The answer to the last change has arrived (the loader's thread reads and lays out)."""
    qtbot.waitUntil(view.is_loaded)


def edge_set(view):
    return {(e.source, e.target, e.kind): e.weight for e in view.edges}


def click(qtbot, view, item):
    point = view.canvas.mapFromScene(item.mapToScene(item.boundingRect().center())
                                     if hasattr(item, "actor_id")
                                     else item.middle)
    qtbot.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_the_tab_draws_every_actor_and_claims_about_edge(net, lib):
    win, view = net
    assert win.left_tabs.tabText(win.NETWORK_TAB) == "Network"
    assert set(view.nodes) == {lib.rostenko, lib.group, lib.ministry, lib.watch}
    assert view.nodes[lib.group].name == "<b>Northern Group</b>"
    assert view.nodes[lib.watch].radius == node_radius(1) < view.nodes[lib.group].radius
    assert edge_set(view) == {(lib.rostenko, lib.group, CLAIMS_ABOUT): 2,
                              (lib.rostenko, lib.ministry, CLAIMS_ABOUT): 1,
                              (lib.ministry, lib.rostenko, CLAIMS_ABOUT): 1,
                              (lib.ministry, lib.group, CLAIMS_ABOUT): 1}
    heavy = next(e for e in view.edges if e.weight == 2)
    light = next(e for e in view.edges if e.weight == 1)
    assert heavy.pen().widthF() > light.pen().widthF()
    assert view.nodes[lib.rostenko].brush().color() != view.nodes[lib.ministry].brush().color()
    labels = {i.text() for i in view.scene.items() if hasattr(i, "text")}
    assert "<b>Northern Group</b>" in labels  # plain text, markup shown as typed
    assert view.info.text() == "4 actors, 4 edges"


def test_filters_in_the_view(net, qtbot, lib):
    _win, view = net
    before = {n: item.pos() for n, item in view.nodes.items()}
    view.co_mention.setChecked(True)
    settled(qtbot, view)
    assert edge_set(view)[lib.rostenko, lib.group, CO_MENTION] == 3
    assert edge_set(view)[lib.ministry, lib.watch, CO_MENTION] == 1
    assert {n: item.pos() for n, item in view.nodes.items()} == before  # same places
    view.min_weight.setValue(3)
    settled(qtbot, view)
    assert edge_set(view) == {(lib.rostenko, lib.group, CO_MENTION): 3}
    view.min_weight.setValue(1)
    view.co_mention.setChecked(False)
    view.date_to.setText("2022-02")
    view.date_to.editingFinished.emit()
    settled(qtbot, view)
    assert set(view.nodes) == {lib.rostenko, lib.group, lib.ministry}
    assert {n: item.pos() for n, item in view.nodes.items()} == {
        n: before[n] for n in view.nodes}
    view.date_to.clear()
    view.search_edit.setText("Hearing")
    view.search_edit.editingFinished.emit()
    settled(qtbot, view)
    assert set(edge_set(view)) == {(lib.ministry, lib.rostenko, CLAIMS_ABOUT),
                                   (lib.ministry, lib.group, CLAIMS_ABOUT)}
    view.date_from.setText("Feb 2022")
    view.date_from.editingFinished.emit()
    assert view.info.text().startswith("Not a date: Feb 2022")


def test_clicking_a_node_selects_the_actor_in_the_actors_tab(net, qtbot, lib):
    win, view = net
    click(qtbot, view, view.nodes[lib.ministry])
    assert win.actors_pane.selected_actor().id == lib.ministry
    click(qtbot, view, view.nodes[lib.watch])
    assert win.actors_pane.selected_actor().id == lib.watch
    assert win.left_tabs.currentIndex() == win.NETWORK_TAB  # the network stays in view


def test_clicking_an_edge_lists_its_claims_and_a_claim_opens_at_the_tag(net, qtbot, lib):
    win, view = net
    edge = next(e for e in view.edges if (e.source, e.target) == (lib.rostenko, lib.group))
    click(qtbot, view, edge)
    listed = [view.claim_list.item(i) for i in range(view.claim_list.count())]
    assert [i.data(Qt.ItemDataRole.UserRole) for i in listed] == [
        (lib.first, lib.claims["moved"]), (lib.first, lib.claims["left"])]
    assert listed[0].text() == "“the <b>Northern Group</b> moved at night” — Night move"
    assert view.info.text() == "Claims by Olena Rostenko about <b>Northern Group</b>: 2"
    other = next(e for e in view.edges if (e.source, e.target) == (lib.ministry, lib.group))
    click(qtbot, view, other)
    item = view.claim_list.item(0)
    assert item.data(Qt.ItemDataRole.UserRole) == (lib.second, lib.claims["lied"])
    rect = view.claim_list.visualItemRect(item)
    qtbot.mouseClick(view.claim_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: win.controller.current_article.id == lib.second)
    assert win.annotation_panel.selected_annotation_id() == lib.claims["lied"]


def test_a_tag_made_in_the_window_shows_in_the_network(net, qtbot, lib):
    from gui_helpers import tag_in_window

    win, view = net
    win.controller.open_article(lib.second)
    qtbot.waitUntil(lambda: win.controller.spans_complete)
    new = tag_in_window(win, "actor", "Hearing")
    actor = next(a for a in win.controller.annotations() if a.id == new).actor_id
    qtbot.waitUntil(lambda: actor in view.nodes)
    assert view.graph.nodes[actor]["mentions"] == 1 and len(view.nodes) == 5


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "svg", "png"])
def test_exports_write_files_that_read_back(net, tmp_path, fmt, lib):
    _win, view = net
    path = tmp_path / f"net.{fmt}"
    export_network(fmt, path, view.graph, view.scene)
    assert path.stat().st_size > 200
    if fmt in ("graphml", "gexf"):
        graph = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(path)
        assert {graph.nodes[n]["name"] for n in graph} >= {"<b>Northern Group</b>", "𝕏 Watch"}
    elif fmt == "svg":
        root = ET.parse(path).getroot()
        assert root.tag.endswith("svg")
        assert "&lt;b&gt;Northern Group" in path.read_text(encoding="utf-8")
    else:
        image = QImage(str(path))
        assert not image.isNull() and max(image.width(), image.height()) == 2400


def test_network_picture_for_the_report(qtbot, db_path, lib):
    db = open_library(db_path)
    try:
        image = network_picture(db, None, 640, 400)
        assert (image.width(), image.height()) == (640, 400)
        colours = {image.pixel(x, y) for x in range(0, 640, 8) for y in range(0, 400, 8)}
        assert len(colours) > 5  # nodes and edges drawn, not a blank
        empty = network_picture(db, SearchFilter(text="nothing-matches-this"), 200, 100)
        # "No actors in this selection." on the page colour, as the timeline's picture says
        assert len({empty.pixel(x, y) for x in range(0, 200, 2) for y in range(0, 100, 2)}) > 2
    finally:
        db.close()
