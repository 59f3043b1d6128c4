"""An index after a state's table name became a library actor (actor_index_relink) is the
index built from all the names: every table and the automaton's keys, and what the finder
finds with it; where it is not sure it says so (None) rather than guess."""

from __future__ import annotations

import random

import pytest
from test_actor_index_add import BASE, same_index

from reader_app.domain.actor_finder import build_actor_index, find_actors
from reader_app.domain.actor_index_relink import relinked_index
from reader_app.domain.actor_mentions import SOURCE_ALIAS, SOURCE_NAME, SOURCE_TABLE, KnownName
from reader_app.services.state_names import _builtin

TABLE = [
    KnownName("Poland", None, "Poland", "state", SOURCE_TABLE),
    KnownName("Warsaw", None, "Poland", "state", SOURCE_TABLE),
    KnownName("Польща", None, "Poland", "state", SOURCE_TABLE),
    KnownName("Варшава", None, "Poland", "state", SOURCE_TABLE),
    KnownName("France", None, "France", "state", SOURCE_TABLE),
    KnownName("Paris", None, "France", "state", SOURCE_TABLE),
    KnownName("the Elysee", None, "France", "state", SOURCE_TABLE),
    KnownName("Georgia", None, "Georgia", "state", SOURCE_TABLE),
    KnownName("Tbilisi", None, "Georgia", "state", SOURCE_TABLE),
]
STATES = ("Poland", "France", "Georgia", "Ukraine", "Russia")


def merged(library: list[KnownName], table: list[KnownName]) -> list[KnownName]:
    """What suggesting._merged gives: the library's names, then the table's, a table name
    the library has left out, one of a state the library has linked to it."""
    keys = {n.text.casefold() for n in library}
    by_canonical = {n.canonical.casefold(): n for n in library if n.source == SOURCE_NAME}
    out = list(library)
    for entry in table:
        if entry.text.casefold() in keys:
            continue
        actor = by_canonical.get(entry.canonical.casefold())
        out.append(entry if actor is None else entry._replace(
            actor_id=actor.actor_id, canonical=actor.canonical, actor_type=actor.actor_type))
    return out


def _names(rng: random.Random) -> tuple[list[KnownName], list[KnownName]]:
    library = [n for n in BASE if n.actor_id is not None]
    table = [n for n in BASE if n.actor_id is None] + TABLE
    state = rng.choice(STATES)
    kind = rng.choice(("state", "state", "state", "organization", "person"))
    new = [KnownName(state, 100, state, kind, SOURCE_NAME)]
    if rng.random() < 0.3:  # and an alias at once (two accepts merged in one change)
        new.append(KnownName(rng.choice(("Warsaw", "Paris", "Tbilisi", "Polska")), 100, state,
                             kind, SOURCE_ALIAS))
    if rng.random() < 0.2:  # a second state too
        other = rng.choice([s for s in STATES if s != state])
        new.append(KnownName(other, 101, other, "state", SOURCE_NAME))
    return merged(library, table), merged(library + new, table)


@pytest.mark.parametrize("seed", range(60))
def test_relinked_index_is_the_built_one(seed: int) -> None:
    before, after = _names(random.Random(seed))
    old = build_actor_index(before)
    relinked = relinked_index(old, before, after)
    built = build_actor_index(after)
    if relinked is not None:
        same_index(relinked, built)
        text = " ".join(n.text for n in after) + ". In Warsaw, Poland said Paris would wait."
        assert find_actors(text, relinked) == find_actors(text, built)


def test_it_is_used_for_a_state_and_refused_for_other_kinds() -> None:
    library = [n for n in BASE if n.actor_id is not None]
    table = [n for n in BASE if n.actor_id is None] + TABLE
    before = merged(library, table)
    old = build_actor_index(before)
    after = merged([*library, KnownName("Poland", 100, "Poland", "state", SOURCE_NAME)], table)
    relinked = relinked_index(old, before, after)
    assert relinked is not None
    same_index(relinked, build_actor_index(after))
    assert relinked.automaton is old.automaton  # the same keys
    assert relinked.names[" warsaw"][0].known.actor_id == 100
    for kind in ("organization", "person"):
        other = merged([*library, KnownName("Poland", 100, "Poland", kind, SOURCE_NAME)], table)
        assert relinked_index(old, before, other) is None, kind
    new_key = merged([*library, KnownName("Polska", 100, "Poland", "state", SOURCE_NAME)],
                     table)
    assert relinked_index(old, before, new_key) is None  # a key the index has not


@pytest.mark.parametrize("state", ["United States", "Russia", "United Kingdom"])
def test_a_state_with_many_table_names_is_relinked(state: str) -> None:
    # the built-in table's largest states: the United States has 33 names, each goes once
    # and comes back linked (66 changes); refused before, the index was built in full
    library = [n for n in BASE if n.actor_id is not None]
    table = list(_builtin())  # the built-in state table
    before = merged(library, table)
    after = merged([*library, KnownName(state, 100, state, "state", SOURCE_NAME)], table)
    old = build_actor_index(before)
    relinked = relinked_index(old, before, after)
    assert relinked is not None
    built = build_actor_index(after)
    same_index(relinked, built)
    assert relinked.automaton is old.automaton
    text = ("Washington and the U.S. said Moscow, Russia and the Kremlin would wait; "
            "London and Britain agreed, as did the White House and Сполучені Штати.")
    assert find_actors(text, relinked) == find_actors(text, built)
