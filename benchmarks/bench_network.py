"""The actor network on a big library: 3,000 actors, 20,000 claims with a claimant and two
actors tagged inside each (60,000 actor tags), in 1,000 articles.

    PYTHONPATH=. QT_QPA_PLATFORM=offscreen python benchmarks/bench_network.py [--repeat 3]

Prints the time (best of --repeat, wall clock) of each step the tab takes: reading the graph
(claims about; with co-mention), picking the 250 actors the tab draws, their layout, the
layout after a filter (kept positions), the scene, and network_picture (the report's image);
then the GUI thread's share of a reload in the real tab (the read and the layout run on its
loader thread) against the same run's old way (all of it on the GUI thread).

Measured (2 cores shared with other jobs, load 4-5): the GUI thread busy 0.68 s per reload,
0.19x the same run's 3.5 s when the read and the layout ran on it too (what is left is
building the scene of 250 nodes and 7,096 edges: 0.84 s, was 1.5 s before its geometry went
to numpy); reload to drawn 2.25 s; a small graph's stress layout (40 actors) 0.1-0.2 s.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reader_app.domain.actors import match_key
from reader_app.domain.models import ImportedArticle
from reader_app.services.actor_network import NetworkFilter, build_network, layout, strongest
from reader_app.storage.articles import add_articles
from reader_app.storage.database import open_library

ACTORS, CLAIMS, PER_ARTICLE = 3000, 20_000, 20
NOW = "2026-01-01T00:00:00Z"
TYPES = ["person", "state", "organization", "armed_force", "media", "other"]


def best(repeat: int, work):  # type: ignore[no-untyped-def]
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - started)
    return min(times), result


def make_library(path: Path, rng: random.Random) -> None:
    db = open_library(path)
    names = [f"Actor{i:04d} {rng.choice('ABCDEFGH')}{rng.randint(10, 99)}" for i in range(ACTORS)]
    with db.atomic():
        db["actors"].insert_all(
            {"id": i + 1, "uuid": str(uuid.uuid4()), "name": n, "name_key": match_key(n),
             "type": rng.choice(TYPES), "created_at": NOW, "updated_at": NOW}
            for i, n in enumerate(names))
    weights = [1 / (i + 1) ** 0.8 for i in range(ACTORS)]  # a few actors in many claims
    pick = lambda: rng.choices(range(ACTORS), weights)[0]  # noqa: E731
    items, tags = [], []
    for a in range(CLAIMS // PER_ARTICLE):
        text, spans = "", []
        for _ in range(PER_ARTICLE):
            who, x, y = pick(), pick(), pick()
            head = f"{names[who]} said that "
            claim = f"{names[x]} met {names[y]} in the capital"
            start = len(text) + len(head)
            spans.append((who, len(text), x, start, y, start + len(names[x]) + 5, start,
                          start + len(claim)))
            text += head + claim + ". "
        day = f"2022-{1 + a % 12:02d}-{1 + a % 28:02d}"
        items.append(ImportedArticle(f"Article {a}", text, f"a{a}.txt", published=day))
        tags.append((text, spans))
    ids = [r.article_id for r in add_articles(db, items)]
    rows = []
    for article_id, (text, spans) in zip(ids, tags, strict=True):
        for who, at, x, xs, y, ys, cs, ce in spans:
            for actor, s in ((who, at), (x, xs), (y, ys)):
                rows.append(_row(article_id, "actor", s, s + len(names[actor]), text,
                                 actor_id=actor + 1))
            rows.append(_row(article_id, "claim", cs, ce, text, claimant_id=who + 1))
    with db.atomic():
        db["annotations"].insert_all(rows, batch_size=2000)
    db.close()


def _row(article_id: int, kind: str, start: int, end: int, text: str, **more: int) -> dict:
    return {"uuid": str(uuid.uuid4()), "article_id": article_id, "kind": kind, "start": start,
            "end": end, "quote": text[start:end], "created_at": NOW, "updated_at": NOW,
            "text_sha256": "-", **more}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "library.sqlite"
        started = time.perf_counter()
        make_library(path, random.Random(5))
        print(f"library: {ACTORS:,} actors, {CLAIMS:,} claims, {3 * CLAIMS:,} actor tags"
              f" ({time.perf_counter() - started:.1f} s to build)")
        db = open_library(path)
        took, graph = best(args.repeat, lambda: build_network(db))
        print(f"graph (claims about): {took * 1000:.0f} ms, {len(graph):,} nodes,"
              f" {graph.number_of_edges():,} edges")
        took, co = best(args.repeat, lambda: build_network(db, NetworkFilter(co_mention=True)))
        print(f"graph with co-mention: {took * 1000:.0f} ms, {co.number_of_edges():,} edges")
        took, shown = best(args.repeat, lambda: strongest(graph))
        print(f"the {len(shown)} strongest actors (what the tab draws): {took * 1000:.0f} ms")
        took, pos = best(args.repeat, lambda: layout(shown))
        print(f"first layout (spring, {len(shown)} nodes, {shown.number_of_edges():,} edges):"
              f" {took * 1000:.0f} ms")
        heavy = strongest(build_network(db, NetworkFilter(min_weight=3)))
        took, _ = best(args.repeat, lambda: layout(heavy, pos))
        print(f"layout after min weight 3 ({len(heavy)} nodes, {len(set(heavy) - set(pos))} new):"
              f" {took * 1000:.0f} ms")
        half = strongest(build_network(db, NetworkFilter(date_to="2022-06-31")))
        took, _ = best(args.repeat, lambda: layout(half, pos))
        print(f"layout after a date range ({len(half)} nodes, {len(set(half) - set(pos))} new):"
              f" {took * 1000:.0f} ms")

        from PySide6.QtWidgets import QApplication, QGraphicsScene

        from reader_app.gui.views.network_picture import network_picture
        from reader_app.gui.views.network_scene import build_scene

        app = QApplication.instance() or QApplication([])
        scene = QGraphicsScene()
        took, _ = best(args.repeat, lambda: build_scene(scene, shown, pos, False))
        print(f"scene ({len(shown):,} nodes, {shown.number_of_edges():,} edges): {took * 1000:.0f} ms")
        took, _ = best(args.repeat, lambda: network_picture(db, None, 1200, 800))
        print(f"network_picture 1200x800 (read + layout + draw): {took * 1000:.0f} ms")
        small = strongest(graph, 40)
        took, _ = best(args.repeat, lambda: layout(small))
        print(f"first layout of a small graph (stress layout, {len(small)} nodes): {took * 1000:.0f} ms")
        db.close()
        freeze_before, freeze_after, total = window_freeze(path, args.repeat)
        print(f"longest GUI-thread stall of a reload in the tab: {freeze_after * 1000:.0f} ms"
              f" ({freeze_after / freeze_before:.2f}x the {freeze_before * 1000:.0f} ms of reading"
              f" and laying out on the GUI thread, as before); reload to drawn {total * 1000:.0f} ms")
        del app


def window_freeze(path: Path, repeat: int) -> tuple[float, float, float]:
    """How long the GUI thread is busy for one reload of the tab (the longest call it
    makes): the old way (read, layout and scene in one call) and the tab's (reload() hands
    the read and the layout to the loader thread; the answer's slot builds the scene);
    and reload() to the scene built, the tab's way."""
    from PySide6.QtCore import QEventLoop, QTimer

    from reader_app.gui.controller import LibraryController
    from reader_app.gui.views.network_scene import build_scene
    from reader_app.gui.views.network_view import ActorNetworkView
    from reader_app.services.actor_network import load_network

    slot_times: list[float] = []
    answered = ActorNetworkView._on_loader_loaded

    def timed_slot(self, generation, loaded):  # type: ignore[no-untyped-def]
        began = time.perf_counter()
        answered(self, generation, loaded)
        slot_times.append(time.perf_counter() - began)

    ActorNetworkView._on_loader_loaded = timed_slot  # connected by __init__, below
    controller = LibraryController(path)
    view = ActorNetworkView(controller)
    view.resize(900, 700)

    def old_way() -> None:
        loaded = load_network(controller.db, None, date_from=None, date_to=None, min_weight=1,
                              co_mention=False, previous={})
        build_scene(view.scene, loaded.shown, loaded.positions, False)

    before = best(repeat, old_way)[0]
    stalls, totals = [], []
    for _ in range(repeat):
        view._positions = {}  # a first layout each time, as the old way's
        slot_times.clear()
        began = time.perf_counter()
        view.reload()
        handed = time.perf_counter() - began
        loop = QEventLoop()

        def check(loop=loop) -> None:
            if view.is_loaded():
                loop.quit()
            else:
                QTimer.singleShot(5, check)

        QTimer.singleShot(5, check)
        loop.exec()
        totals.append(time.perf_counter() - began)
        stalls.append(max([handed, *slot_times]))
    view.stop_loading()
    controller.close()
    ActorNetworkView._on_loader_loaded = answered
    return before, min(stalls), min(totals)


if __name__ == "__main__":
    main()
