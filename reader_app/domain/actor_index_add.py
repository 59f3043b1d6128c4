"""An actor index with a few names added, without building it again: what
build_actor_index(old names + new names) gives, or None where that is not sure.

build_actor_index reads every name in turn, and a later name meets what earlier ones put
in (a key taken first wins, a table name links to a library actor of that name, a
Cyrillic name's short forms look up its last word). A new library name that has no
Cyrillic letter and whose keys (its own, its short forms, its "the trust"-like noun; a
new person's surname and first name) are all new to the index and to one another adds
only its own entries: each one goes where nothing was, and no earlier name's reading
asks for it. Anything else is built again (None). tests/test_actor_index_add.py compares
with build_actor_index.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import NamedTuple

import ahocorasick

from reader_app.domain.actor_index import (
    _BODIES,
    FIRST_WORD,
    ActorIndex,
    IndexedName,
    _entry,
    _first_word,
    _kind_nouns,
    _knows,
    _person,
    _short_form,
    as_body,
    match_key,
    search_key,
)
from reader_app.domain.actor_mentions import SOURCE_TABLE, KnownName, Person

__all__ = ["added_names", "extended_index"]


def added_names(old: Sequence[KnownName], new: Sequence[KnownName]) -> list[KnownName] | None:
    """The names of new that old has not, when new is old with names put in (in any
    place, the rest in the same order); else None."""
    if len(new) <= len(old):
        return None
    added, i = [], 0
    for n in new:
        if i < len(old) and n == old[i]:
            i += 1
        else:
            added.append(n)
    return added if i == len(old) else None


def _has_cyrillic(text: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in text)


def _all_keys(index: ActorIndex) -> set[str]:
    """Every key the automaton holds (ActorIndex.__init__'s union)."""
    return (index.names.keys() | index.persons.keys() | index.kinds.keys()
            | index.stems.keys() | index.generic.keys() | index.firsts.keys()
            | index.heads.keys())


def extended_index(old: ActorIndex, old_names: Sequence[KnownName],
                   added: Sequence[KnownName]) -> ActorIndex | None:
    """build_actor_index([*old_names, *added]) (added anywhere among the library's
    names) from old = build_actor_index(old_names), or None when that is not sure."""
    if not added or not old.names:
        return None
    taken = _all_keys(old)
    library = {match_key(n.text) for n in old_names if n.actor_id is not None}
    # a table name links to the library's actor of its canonical name (build_actor_index)
    # (and a table name the library has is left out of it)
    table = {match_key(x) for n in old_names if n.actor_id is None
             for x in (n.canonical, n.text)}
    # a Cyrillic name's short forms ask whether its last word is a known key
    # (is_cyrillic(first word) there; its first letter here, which says no less)
    lasts = {search_key(n.text.split()[-1]) for n in old_names
             if "\u0400" <= n.text.lstrip()[:1] <= "\u04ff"}
    names = dict(old.names)
    kinds = dict(old.kinds)
    actors = dict(old.actors)
    bodies = dict(old.bodies)
    people = _People(dict(old.persons), dict(old.firsts), set(old.contextual),
                     dict(old.person_by_id), dict(old.surnames))
    new_keys: set[str] = set()

    def put(key: str) -> bool:
        if key in taken or key in new_keys or key in lasts:
            return False
        new_keys.add(key)
        return True

    for raw in added:
        n = as_body(raw)
        if (n.actor_id is None or n.source == SOURCE_TABLE
                or _has_cyrillic(n.text) or _has_cyrillic(n.canonical)):
            return None
        if n.actor_type == "person" and (
                n.actor_id in old.actors or n.actor_id in old.person_by_id
                or not n.text.isascii()):
            return None  # a new person only (an alias of one reads its other names)
        own = match_key(n.text)
        if own in library or own in table:
            return None
        library.add(own)
        key = search_key(n.text)
        if len(key) < 3 or not put(key):
            return None
        names[key] = [_entry(n)]
        if n.actor_type == "person" and not _put_person(n, people, put):
            return None
        for noun in _kind_nouns(n):
            if not put(search_key(noun)):
                return None
            kinds[search_key(noun)] = [(n.actor_id, n.canonical, n.actor_type)]
        for form, why in ((_short_form(n), "(part of its name)"),
                          (_first_word(n), FIRST_WORD)):
            if form is None:
                continue
            if not put(search_key(form)):
                return None
            entry = _entry(n._replace(text=form, certain=False))
            names[search_key(form)] = [entry._replace(reason=f"probably {n.canonical} {why}")]
        value = (n.canonical, n.actor_type)
        if actors.setdefault(n.actor_id, value) != value:
            return None
        if n.actor_type in _BODIES and bodies.setdefault(n.actor_id, value) != value:
            return None
    return _index(old, names, kinds, actors, bodies, people, taken | new_keys)


class _People(NamedTuple):
    """The index's people, as ActorIndex keeps them (copies, to put new ones in)."""

    persons: dict[str, list[Person]]
    firsts: dict[str, list[Person]]
    contextual: set[int]
    person_by_id: dict[int, Person]
    surnames: dict[int, list[str]]


def _put_person(n: KnownName, people: _People, put: Callable[[str], bool]) -> bool:
    """A new person's surname and first name, as build_actor_index and ActorIndex put
    them, when both keys are new (put); else False."""
    found = _person(n)
    if found is None:
        return True  # one word: its name alone
    surname, person = found
    if not put(surname):
        return False
    people.persons[surname] = [person]
    people.person_by_id[person.actor_id] = person
    people.surnames[person.actor_id] = [surname]
    people.contextual.add(person.actor_id)
    if person.first and len(person.first[0]) > 2 and person.first[0].isalpha():
        first = search_key(person.first[0])
        if not put(first):
            return False
        people.firsts[first] = [person]
    return True


def _index(old: ActorIndex, names: dict[str, list[IndexedName]],
           kinds: dict[str, list[tuple[int, str, str]]], actors: dict[int, tuple[str, str]],
           bodies: dict[int, tuple[str, str]], people: _People, keys: set[str]) -> ActorIndex:
    """old with these names, nouns, actors and people (the rest shared: nothing else
    changed)."""
    index = ActorIndex.__new__(ActorIndex)
    index.names = names
    index.persons = people.persons
    index.kinds = kinds
    index.heads = old.heads
    index.firsts = people.firsts
    index.stems = old.stems
    index.generic = old.generic
    index.actors = actors
    index.bodies = bodies
    index.knows = partial(_knows, names, old.stems)
    index.contextual = people.contextual
    index.person_by_id = people.person_by_id
    index.surnames = people.surnames
    automaton = ahocorasick.Automaton()
    for key in keys:
        automaton.add_word(key, key)
    automaton.make_automaton()
    index.automaton = automaton
    return index
