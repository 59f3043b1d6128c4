"""An index with names added (actor_index_add) is the index built from all the names:
every table and the automaton's keys, over random additions to a library that has
people, bodies, Cyrillic names, table names and short forms; where it is not sure it
says so (None) rather than guess."""

from __future__ import annotations

import random

import pytest

from reader_app.domain.actor_finder import build_actor_index, find_actors
from reader_app.domain.actor_index import ActorIndex
from reader_app.domain.actor_index_add import added_names, extended_index
from reader_app.domain.actor_mentions import SOURCE_ALIAS, SOURCE_NAME, SOURCE_TABLE, KnownName

FIELDS = ("names", "persons", "kinds", "heads", "firsts", "stems", "generic", "actors",
          "bodies", "contextual", "person_by_id", "surnames")


def same_index(a: ActorIndex, b: ActorIndex) -> None:
    for field in FIELDS:
        assert getattr(a, field) == getattr(b, field), field
    assert a.automaton is not None and b.automaton is not None
    assert sorted(a.automaton.keys()) == sorted(b.automaton.keys())


BASE = [
    KnownName("Olena Marchuk", 1, "Olena Marchuk", "person", SOURCE_NAME),
    KnownName("National Reform Party", 2, "National Reform Party", "organization", SOURCE_NAME),
    KnownName("NRP", 2, "National Reform Party", "organization", SOURCE_ALIAS),
    KnownName("Danubia Grain Logistics", 3, "Danubia Grain Logistics", "organization",
              SOURCE_NAME),
    KnownName("Міністерство оборони України", 4, "Міністерство оборони України",
              "organization", SOURCE_NAME),
    KnownName("Верховна Рада", 5, "Верховна Рада", "organization", SOURCE_NAME),
    KnownName("Harbour Workers Union", 6, "Harbour Workers Union", "organization",
              SOURCE_NAME),
    KnownName("the ministry", 7, "Ministry of Ports", "organization", SOURCE_ALIAS),
    KnownName("Ministry of Ports", 7, "Ministry of Ports", "organization", SOURCE_NAME),
    KnownName("Ukraine", None, "Ukraine", "state", SOURCE_TABLE),
    KnownName("Kyiv", None, "Ukraine", "state", SOURCE_TABLE),
    KnownName("Russia", None, "Russia", "state", SOURCE_TABLE),
    KnownName("Moscow", None, "Russia", "state", SOURCE_TABLE),
    KnownName("Kremlin", None, "Russia", "state", SOURCE_TABLE),
]
# what may be added: new bodies and words, aliases, names that meet the index's keys
# (a short form, a noun, a table name, a surname, a Cyrillic word): some are sure, some not
CANDIDATES = [
    ("Velmora Trust", "organization"), ("Kestrel Watch", "organization"),
    ("Brannick Foundation", "organization"), ("harbour", "other"), ("budget", "other"),
    ("Quillon Society", "organization"), ("Tobruin Circle Party", "organization"),
    ("Russia", "state"), ("Moscow", "state"), ("Union", "organization"),
    ("National Reform", "organization"), ("Danubia", "organization"),
    ("Marchuk", "other"), ("Громада Світанок", "organization"), ("Olena", "other"),
    ("Senwick Forum Party", "organization"), ("Senwick Forum", "organization"),
    ("Ports", "other"), ("Zoë Holdings", "person"), ("Lars Udeh", "person"),
    ("Ministry", "organization"), ("Party", "organization"), ("Rail Agency", "organization"),
    ("Xu", "other"), ("Reform Party", "organization"), ("Keystone Valley Chemicals", "other"),
    ("Talia Brookwell", "person"), ("Desmond Quarry", "person"), ("Ivo Marchuk", "person"),
    ("Olena Strand", "person"), ("Mr Corin Ashby", "person"), ("Ines Halvorsen", "person"),
    ("Brookwell", "other"), ("Desmond", "other"), ("Al Quarry", "person"),
]


def _grown(rng: random.Random) -> tuple[list[KnownName], list[KnownName]]:
    names = list(BASE)
    next_id = 100
    added = []
    for text, kind in rng.sample(CANDIDATES, rng.randint(1, 3)):
        if rng.random() < 0.3:  # an alias of an actor the library has
            owner = rng.choice([n for n in names if n.actor_id is not None
                                and n.source == SOURCE_NAME])
            n = owner._replace(text=text, source=SOURCE_ALIAS)
        else:
            n = KnownName(text, next_id, text, kind, SOURCE_NAME)
            next_id += 1
        added.append(n)
    library = [n for n in names if n.actor_id is not None]
    table = [n for n in names if n.actor_id is None]
    at = rng.randint(0, len(library))
    return names, library[:at] + added + library[at:] + table


@pytest.mark.parametrize("seed", range(120))
def test_extended_index_is_the_built_one(seed: int) -> None:
    rng = random.Random(seed)
    before, after = _grown(rng)
    added = added_names(before, after)
    assert added is not None and len(after) - len(before) == len(added)
    old = build_actor_index(before)
    grown = extended_index(old, before, added)
    built = build_actor_index(after)
    if grown is not None:
        same_index(grown, built)
        text = " ".join(n.text for n in after) + ". The trust said the party would wait."
        assert find_actors(text, grown) == find_actors(text, built)


def test_it_is_used_for_new_bodies_and_refused_where_a_key_is_met() -> None:
    old = build_actor_index(BASE)
    new = KnownName("Velmora Trust", 100, "Velmora Trust", "organization", SOURCE_NAME)
    grown = extended_index(old, BASE, [new])
    assert grown is not None
    same_index(grown, build_actor_index([*BASE, new]))
    for text, kind in (("Moscow", "state"), ("National Reform", "organization"),
                       ("Ivo Marchuk", "person"), ("Olena Strand", "person"),
                       ("Громада", "organization")):
        met = KnownName(text, 101, text, kind, SOURCE_NAME)
        assert extended_index(old, BASE, [met]) is None, text


def test_it_is_used_for_new_people() -> None:
    old = build_actor_index(BASE)
    new = KnownName("Lars Udeh", 100, "Lars Udeh", "person", SOURCE_NAME)
    grown = extended_index(old, BASE, [new])
    assert grown is not None
    same_index(grown, build_actor_index([*BASE, new]))
    assert grown.persons[" udeh"] and grown.firsts[" lars"] and 100 in grown.contextual


def test_added_names_wants_the_old_names_in_their_order() -> None:
    assert added_names(BASE, BASE) is None
    assert added_names(BASE, BASE[1:] + BASE[:1]) is None
    extra = KnownName("Velmora Trust", 100, "Velmora Trust", "organization", SOURCE_NAME)
    assert added_names(BASE, [*BASE[:3], extra, *BASE[3:]]) == [extra]
