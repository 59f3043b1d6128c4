"""The actor network: who makes claims about whom, and who is named beside whom.

Nodes are actor ids with name, type and mentions (actor tags linked to the actor). Edges
are keyed by kind in one MultiDiGraph:
  "claims_about": claimant -> each other actor tagged inside the claim's span; weight = the
                  number of claims, `claims` = their ids.
  "co_mention":   lower id -> higher id, two actors tagged in one sentence; weight = the
                  number of sentences (only when asked for).
The scope (articles, published dates) is the export's: see storage/network_rows.py.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import numpy as np
from sqlite_utils import Database

from reader_app.domain.search_query import SearchFilter
from reader_app.domain.sentences import sentence_at, split_sentences
from reader_app.services.search import matching_article_ids
from reader_app.storage.network_rows import (
    actor_mentions,
    article_actor_tags,
    claim_summaries,
    claim_targets,
)

CLAIMS_ABOUT, CO_MENTION = "claims_about", "co_mention"
Position = tuple[float, float]
SEED = 12  # a fixed seed: the same graph is always drawn the same way


@dataclass(frozen=True)
class NetworkFilter:
    """Which part of the library the network shows. Dates are ISO days on the article's
    published date, inclusive; article_ids None means every article."""

    article_ids: frozenset[int] | None = None
    date_from: str | None = None
    date_to: str | None = None
    min_weight: int = 1
    co_mention: bool = False


def network_filter(db: Database, search: SearchFilter | None = None, *,
                   date_from: str | None = None, date_to: str | None = None,
                   min_weight: int = 1, co_mention: bool = False,
                   article_ids: Collection[int] | None = None) -> NetworkFilter:
    """A NetworkFilter on the articles a search matches (all articles for None or an empty
    search), within article_ids if given (the articles chosen for a report)."""
    ids = None
    if search is not None and not search.is_empty():
        ids = frozenset(matching_article_ids(db, search))
    if article_ids is not None:
        chosen = frozenset(int(i) for i in article_ids)
        ids = chosen if ids is None else ids & chosen
    return NetworkFilter(ids, date_from or None, date_to or None, max(1, min_weight), co_mention)


def build_network(db: Database, flt: NetworkFilter | None = None) -> nx.MultiDiGraph:
    """The network of the actors in scope. With min_weight above 1, edges lighter than it
    go and so do the actors left without any edge."""
    flt = flt or NetworkFilter()
    scope = (flt.article_ids, flt.date_from, flt.date_to)
    graph = nx.MultiDiGraph()
    for actor_id, name, kind, mentions in actor_mentions(db, *scope):
        graph.add_node(actor_id, name=name, type=kind, mentions=mentions)
    claims: dict[tuple[int, int], list[int]] = defaultdict(list)
    for claim_id, claimant, target in claim_targets(db, *scope):
        if claimant != target and target in graph and claimant in graph:
            claims[claimant, target].append(claim_id)
    for (u, v), ids in sorted(claims.items()):
        graph.add_edge(u, v, key=CLAIMS_ABOUT, kind=CLAIMS_ABOUT, weight=len(ids), claims=ids)
    if flt.co_mention:
        for (u, v), count in sorted(_co_mentions(db, scope).items()):
            if u in graph and v in graph:
                graph.add_edge(u, v, key=CO_MENTION, kind=CO_MENTION, weight=count, claims=[])
    if flt.min_weight > 1:
        light = [(u, v, k) for u, v, k, w in graph.edges(keys=True, data="weight")
                 if w < flt.min_weight]
        graph.remove_edges_from(light)
        graph.remove_nodes_from([n for n in list(graph) if graph.degree(n) == 0])
    return graph


def _co_mentions(db: Database, scope: tuple[frozenset[int] | None, str | None, str | None],
                 ) -> dict[tuple[int, int], int]:
    counts: dict[tuple[int, int], int] = defaultdict(int)
    for _article, text, tags in article_actor_tags(db, *scope):
        sentences = split_sentences(text)
        by_sentence: dict[int, set[int]] = defaultdict(set)
        for start, _end, actor in tags:
            by_sentence[sentence_at(sentences, start)].add(actor)
        for actors in by_sentence.values():
            ordered = sorted(actors)
            for i, u in enumerate(ordered):
                for v in ordered[i + 1:]:
                    counts[u, v] += 1
    return counts


SHOWN = 250  # actors drawn at most: more is a hairball, and the layout grows as n²


def strongest(graph: nx.MultiDiGraph, limit: int = SHOWN) -> nx.MultiDiGraph:
    """graph itself if it has at most limit actors, else (a copy of) the part with the limit
    actors of most mentions plus edge weight (ties: lower id)."""
    if len(graph) <= limit:
        return graph
    strength = dict(graph.degree(weight="weight"))
    ranked = sorted(graph, key=lambda n: (-(graph.nodes[n]["mentions"] + strength[n]), n))
    return graph.subgraph(sorted(ranked[:limit])).copy()


def edge_claims(graph: nx.MultiDiGraph, u: int, v: int) -> list[int]:
    """The ids of the claims u makes about v and v makes about u."""
    ids: list[int] = []
    for a, b in ((u, v), (v, u)):
        data = graph.get_edge_data(a, b, CLAIMS_ABOUT)
        if data:
            ids.extend(data["claims"])
    return sorted(ids)


SMALL = 40  # up to this many actors: a stress layout (even spacing; its cost grows as n²)
MIN_GAP = 0.5  # layout units (about 110 px in the scene) kept between any two actors


def layout(graph: nx.MultiDiGraph, previous: Mapping[int, Position] | None = None,
           ) -> dict[int, Position]:
    """Positions in about [-1, 1]². Deterministic (fixed seed, nodes in id order). Nodes
    already in `previous` keep their places exactly; only new ones are laid out, around
    them. A small graph gets a stress layout, Kamada-Kawai's aim (its parts side by side,
    not flung to the corners as a spring layout flings a lone actor), and no two actors
    come nearer than MIN_GAP."""
    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph))
    simple.add_edges_from(sorted(graph.edges()))
    kept = {n: previous[n] for n in simple if previous and n in previous}
    if kept and len(kept) == len(simple):
        return {n: (float(x), float(y)) for n, (x, y) in kept.items()}
    # unweighted: weights would pull a busy pair into one spot and hide its labels
    if kept:
        pos = nx.spring_layout(simple, pos=dict(kept), fixed=list(kept), seed=SEED,
                               weight=None, method="force")
    elif len(simple) <= SMALL:
        pos = _stress(simple)
    else:  # "force": the "energy" method networkx picks from 500 nodes on took 29 s for 3,000
        pos = nx.spring_layout(simple, seed=SEED, weight=None, method="force")
    placed = {int(n): (float(x), float(y)) for n, (x, y) in pos.items()}
    if len(simple) <= SMALL:
        placed = separate(placed, set(kept), MIN_GAP)
    return placed


def _stress(simple: nx.Graph, rounds: int = 400) -> dict[int, tuple[float, float]]:
    """Kamada-Kawai's aim (distances on the page proportional to path lengths) reached by
    stress majorization in numpy, from a circle: deterministic, a few ms for 40 actors
    (networkx's kamada_kawai_layout took 0.1-1.8 s for 5-40 here). Actors in separate
    parts of the graph sit half a step further apart than the farthest connected pair."""
    nodes = sorted(simple)
    n = len(nodes)
    if n < 2:
        return {int(u): (0.0, 0.0) for u in nodes}
    lengths = dict(nx.all_pairs_shortest_path_length(simple))
    far = 0.5 + max(1, max((d for row in lengths.values() for d in row.values()), default=1))
    dist = np.array([[float(lengths[u].get(v, far)) for v in nodes] for u in nodes])
    np.fill_diagonal(dist, 1.0)
    weight = dist ** -2.0
    np.fill_diagonal(weight, 0.0)
    angles = 2 * np.pi * np.arange(n) / n
    pos = np.column_stack([np.cos(angles), np.sin(angles)]) * far / 2
    for _ in range(rounds):
        diff = pos[:, None, :] - pos[None, :, :]
        apart = np.maximum(np.sqrt((diff ** 2).sum(axis=2)), 1e-9)
        # each actor moves to where every other actor, at its path length, would put it
        wanted = pos[None, :, :] + dist[:, :, None] * diff / apart[:, :, None]
        new = (weight[:, :, None] * wanted).sum(axis=1) / weight.sum(axis=1)[:, None]
        done = float(np.abs(new - pos).max()) < 1e-5
        pos = new
        if done:
            break
    pos -= pos.mean(axis=0)
    pos /= max(1e-9, float(np.abs(pos).max()))
    return {int(u): (float(x), float(y)) for u, (x, y) in zip(nodes, pos.tolist(), strict=True)}


def separate(pos: dict[int, Position], fixed: set[int], gap: float,
             rounds: int = 60) -> dict[int, Position]:
    """pos with every pair at least gap apart, moving only the nodes not in fixed (two
    fixed ones stay as they are): pairs too near are pushed apart along their line, a
    deterministic few rounds."""
    pos = dict(pos)
    nodes = sorted(pos)
    for _ in range(rounds):
        moved = False
        for i, u in enumerate(nodes):
            for v in nodes[i + 1:]:
                (ux, uy), (vx, vy) = pos[u], pos[v]
                dx, dy = vx - ux, vy - uy
                d = (dx * dx + dy * dy) ** 0.5
                if d >= gap or (u in fixed and v in fixed):
                    continue
                if d < 1e-9:  # one spot: apart along a fixed direction
                    dx, dy, d = 1.0, 0.0, 1.0
                push = (gap - d) / d
                share = 0.5 if u not in fixed and v not in fixed else 1.0
                if u not in fixed:
                    pos[u] = (ux - dx * push * share, uy - dy * push * share)
                if v not in fixed:
                    pos[v] = (vx + dx * push * share, vy + dy * push * share)
                moved = True
        if not moved:
            break
    return pos


# XML 1.0 cannot carry these at all (not even as character references).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """text as an XML file gives it back: no control characters, line ends as \\n (XML
    parsers turn a CR into LF)."""
    return _NOT_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _for_export(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with only the exported attributes, their text XML-safe: node name (also as
    Gephi's label), type, mentions; edge kind, weight."""
    out = nx.MultiDiGraph()
    for n, data in graph.nodes(data=True):
        name = xml_safe(data["name"])
        out.add_node(n, label=name, name=name, type=data["type"], mentions=int(data["mentions"]))
    for u, v, k, data in graph.edges(keys=True, data=True):
        out.add_edge(u, v, key=k, kind=data["kind"], weight=int(data["weight"]))
    return out


def write_graphml(graph: nx.MultiDiGraph, path: str | Path) -> None:
    nx.write_graphml(_for_export(graph), str(path), encoding="utf-8")


def write_gexf(graph: nx.MultiDiGraph, path: str | Path) -> None:
    nx.write_gexf(_for_export(graph), str(path), encoding="utf-8")


def claim_list(db: Database, claim_ids: list[int]) -> list[tuple[int, int, int, str, str]]:
    """(claim id, article id, start, quote, article title) of an edge's claims, by article
    and start."""
    return claim_summaries(db, claim_ids)


@dataclass(frozen=True)
class LoadedNetwork:
    """What the tab draws: the whole network (what GraphML/GEXF get), the part drawn and
    every place ever given (an actor a filter hid comes back to its place)."""

    full: nx.MultiDiGraph
    shown: nx.MultiDiGraph
    positions: dict[int, Position]


def load_network(db: Database, search: SearchFilter | None, *, date_from: str | None,
                 date_to: str | None, min_weight: int, co_mention: bool,
                 previous: Mapping[int, Position]) -> LoadedNetwork:
    """Read and lay out the network in one call (the tab's loader thread runs it)."""
    flt = network_filter(db, search, date_from=date_from, date_to=date_to,
                         min_weight=min_weight, co_mention=co_mention)
    full = build_network(db, flt)
    shown = strongest(full)
    positions = dict(previous)
    positions.update(layout(shown, previous))
    return LoadedNetwork(full, shown, positions)
