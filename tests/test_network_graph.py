"""The actor network against a library built through the real services: nodes, edges,
weights, filters, layout stability, GraphML/GEXF round trips."""

from __future__ import annotations

import sqlite3
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from network_library import build

from reader_app.domain.search_query import SearchFilter
from reader_app.services.actor_network import (
    CLAIMS_ABOUT,
    CO_MENTION,
    MIN_GAP,
    NetworkFilter,
    build_network,
    edge_claims,
    layout,
    network_filter,
    write_gexf,
    write_graphml,
    xml_safe,
)
from reader_app.services.actor_ops import edit_actor


@pytest.fixture
def lib(db):
    return build(db)


def edges(graph):
    return {(u, v, k): w for u, v, k, w in graph.edges(keys=True, data="weight")}


def test_nodes_are_actors_with_their_mentions_and_types(db, lib):
    graph = build_network(db)
    assert dict(graph.nodes(data="mentions")) == {
        lib.rostenko: 4, lib.group: 4, lib.ministry: 4, lib.watch: 1}
    assert graph.nodes[lib.rostenko]["name"] == "Olena Rostenko"
    assert graph.nodes[lib.rostenko]["type"] == "person"
    assert graph.nodes[lib.group]["name"] == "<b>Northern Group</b>"


def test_claims_about_go_from_the_claimant_to_each_actor_inside_the_claim(db, lib):
    graph = build_network(db)
    assert edges(graph) == {
        (lib.rostenko, lib.group, CLAIMS_ABOUT): 2,  # "moved", "left"
        (lib.rostenko, lib.ministry, CLAIMS_ABOUT): 1,  # "knew"
        (lib.ministry, lib.rostenko, CLAIMS_ABOUT): 1,  # "lied": both actors inside it
        (lib.ministry, lib.group, CLAIMS_ABOUT): 1,
    }
    c = lib.claims
    assert graph[lib.rostenko][lib.group][CLAIMS_ABOUT]["claims"] == [c["moved"], c["left"]]
    assert edge_claims(graph, lib.ministry, lib.rostenko) == sorted([c["knew"], c["lied"]])


def test_co_mention_counts_sentences_naming_both(db, lib):
    graph = build_network(db, NetworkFilter(co_mention=True))
    co = {(u, v): w for (u, v, k), w in edges(graph).items() if k == CO_MENTION}
    assert co == {(lib.rostenko, lib.group): 3, (lib.rostenko, lib.ministry): 2,
                  (lib.group, lib.ministry): 2, (lib.ministry, lib.watch): 1}


def test_a_claimant_change_moves_the_edge(db, lib):
    from reader_app.services.tagging import edit_tag

    edit_tag(db, lib.claims["knew"], {"claimant_id": lib.watch})
    graph = build_network(db)
    assert (lib.rostenko, lib.ministry, CLAIMS_ABOUT) not in edges(graph)
    assert edges(graph)[lib.watch, lib.ministry, CLAIMS_ABOUT] == 1


def test_date_range_is_on_the_published_date(db, lib):
    graph = build_network(db, NetworkFilter(date_from="2022-02-01", date_to="2022-02-28"))
    assert set(graph) == {lib.rostenko, lib.group, lib.ministry}  # Watch is only in March
    assert dict(graph.nodes(data="mentions"))[lib.ministry] == 2
    assert set(edges(graph)) == {(lib.rostenko, lib.group, CLAIMS_ABOUT),
                                 (lib.rostenko, lib.ministry, CLAIMS_ABOUT)}
    assert len(build_network(db, NetworkFilter(date_from="2022-03-02"))) == 0


def test_article_set_from_a_search(db, lib):
    flt = network_filter(db, SearchFilter(text="Hearing"))
    assert flt.article_ids == frozenset({lib.second})
    graph = build_network(db, flt)
    assert dict(graph.nodes(data="mentions")) == {
        lib.rostenko: 1, lib.group: 1, lib.ministry: 2, lib.watch: 1}
    assert set(edges(graph)) == {(lib.ministry, lib.rostenko, CLAIMS_ABOUT),
                                 (lib.ministry, lib.group, CLAIMS_ABOUT)}
    assert network_filter(db, SearchFilter()).article_ids is None


def test_minimum_weight_drops_light_edges_and_lone_actors(db, lib):
    graph = build_network(db, NetworkFilter(min_weight=2))
    assert edges(graph) == {(lib.rostenko, lib.group, CLAIMS_ABOUT): 2}
    assert set(graph) == {lib.rostenko, lib.group}
    graph = build_network(db, NetworkFilter(min_weight=2, co_mention=True))
    assert set(edges(graph)) == {(lib.rostenko, lib.group, CLAIMS_ABOUT),
                                 (lib.rostenko, lib.group, CO_MENTION),
                                 (lib.rostenko, lib.ministry, CO_MENTION),
                                 (lib.group, lib.ministry, CO_MENTION)}


def test_layout_is_the_same_twice_and_keeps_staying_nodes(db, lib):
    graph = build_network(db, NetworkFilter(co_mention=True))
    first = layout(graph)
    assert first == layout(build_network(db, NetworkFilter(co_mention=True)))
    assert len({tuple(round(c, 3) for c in p) for p in first.values()}) == len(graph)
    smaller = build_network(db, NetworkFilter(date_to="2022-02-28"))
    kept = layout(smaller, first)
    assert kept == {n: first[n] for n in smaller}
    # back to all: the nodes that stayed do not move, the one that came back is placed
    again = layout(graph, kept)
    assert {n: again[n] for n in kept} == kept
    assert set(again) == set(graph)
    assert all(abs(c) < 10 for p in again.values() for c in p)


def read_back(path, reader):
    graph = reader(path)
    nodes = {graph.nodes[n]["name"]: graph.nodes[n] for n in graph}
    links = {(graph.nodes[u]["name"], graph.nodes[v]["name"], d["kind"]): d["weight"]
             for u, v, d in graph.edges(data=True)}
    return nodes, links


@pytest.mark.parametrize(("writer", "reader"), [(write_graphml, nx.read_graphml),
                                                (write_gexf, nx.read_gexf)])
def test_graphml_and_gexf_round_trip(db, lib, tmp_path, writer, reader):
    edit_actor(db, lib.watch, {"name": "𝕏 \"Watch\" \x01\x0b<i>&amp;"})
    graph = build_network(db, NetworkFilter(co_mention=True))
    path = tmp_path / "net.xml"
    writer(graph, path)
    ET.parse(path)  # well-formed XML 1.0
    nodes, links = read_back(path, reader)
    assert set(nodes) == {"Olena Rostenko", "<b>Northern Group</b>", "Ministry",
                          "𝕏 \"Watch\" <i>&amp;"}  # control characters stripped, rest as is
    assert nodes["Ministry"]["type"] == "organization"
    assert int(nodes["Ministry"]["mentions"]) == 4
    want = {(graph.nodes[u]["name"], graph.nodes[v]["name"], k): w
            for (u, v, k), w in edges(graph).items()}
    want = {(xml_safe(a), xml_safe(b), k): w for (a, b, k), w in want.items()}
    assert {k: int(w) for k, w in links.items()} == want


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(min_size=1, max_size=30))
def test_any_actor_name_survives_graphml_and_gexf(db, lib, tmp_path, name):
    try:
        edit_actor(db, lib.watch, {"name": name})
    except (ValueError, sqlite3.IntegrityError):  # a name storage refuses (blank; a NUL
        assume(False)                             # first: SQLite's length() stops there)
    stored = build_network(db).nodes[lib.watch]["name"]
    for writer, reader in ((write_graphml, nx.read_graphml), (write_gexf, nx.read_gexf)):
        writer(build_network(db), tmp_path / "n.xml")
        back = reader(tmp_path / "n.xml")
        assert back.nodes[str(lib.watch)]["name"] == xml_safe(stored)


def test_strongest_keeps_the_most_mentioned_and_linked_actors(db, lib):
    from reader_app.services.actor_network import strongest

    graph = build_network(db)
    assert strongest(graph) is graph
    top = strongest(graph, 2)
    # Rostenko: 4 mentions + 4 claims (weighted degree); Ministry 4 + 3; Group 4 + 3
    assert set(top) == {lib.rostenko, lib.group}
    assert edges(top) == {(lib.rostenko, lib.group, CLAIMS_ABOUT): 2}
    assert len(graph) == 4  # the full graph is untouched


SMALL_GRAPHS = {
    "three in a row": ([1, 2, 3], [(1, 2), (2, 3)]),
    "a triangle and a lone actor": ([1, 2, 3, 4], [(1, 2), (2, 3), (3, 1)]),
    "a star of five": ([1, 2, 3, 4, 5], [(1, 2), (1, 3), (1, 4), (1, 5)]),
    "five apart": ([1, 2, 3, 4, 5], []),
    "two pairs": ([1, 2, 3, 4], [(1, 2), (3, 4)]),
}


def small(nodes, edges, mentions=30):
    graph = nx.MultiDiGraph()
    for n in nodes:
        graph.add_node(n, name=f"Actor number {n}", type="person", mentions=mentions)
    for u, v in edges:
        graph.add_edge(u, v, key=CLAIMS_ABOUT, kind=CLAIMS_ABOUT, weight=1, claims=[])
    return graph


@pytest.mark.parametrize("shape", sorted(SMALL_GRAPHS))
def test_a_small_network_is_drawn_without_overlaps_and_stays_put(qtbot, shape):
    from PySide6.QtWidgets import QGraphicsScene, QGraphicsSimpleTextItem

    from reader_app.gui.views.network_scene import build_scene

    graph = small(*SMALL_GRAPHS[shape])
    pos = layout(graph)
    assert layout(graph) == pos  # the same graph, the same drawing
    assert layout(graph, pos) == pos  # redrawn from its places: nothing moves
    scene = QGraphicsScene()
    nodes, _edges = build_scene(scene, graph, pos, dark=False)
    items = list(nodes.values())
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            gap = (a.pos() - b.pos()).manhattanLength() / 2 ** 0.5  # a lower bound of the distance
            assert gap > a.radius + b.radius + 10, (a.name, b.name)
    labels = [i for i in scene.items() if isinstance(i, QGraphicsSimpleTextItem)]
    assert len(labels) == len(items)
    for label in labels:  # no label over another actor's circle
        others = [n for n in items if n.name != label.text()]
        assert not any(label.sceneBoundingRect().intersects(n.sceneBoundingRect()) for n in others)
    # a new actor joins: the others keep their places exactly, the newcomer keeps away
    graph.add_node(9, name="Newcomer", type="state", mentions=3)
    graph.add_edge(9, 1, key=CLAIMS_ABOUT, kind=CLAIMS_ABOUT, weight=1, claims=[])
    grown = layout(graph, pos)
    assert {n: grown[n] for n in pos} == pos
    assert all(((grown[9][0] - x) ** 2 + (grown[9][1] - y) ** 2) ** 0.5 >= MIN_GAP - 1e-9
               for n, (x, y) in pos.items())


def test_no_actor_or_one_actor_is_laid_out_too():
    assert layout(nx.MultiDiGraph()) == {}
    assert layout(small([7], [])) == {7: (0.0, 0.0)}
