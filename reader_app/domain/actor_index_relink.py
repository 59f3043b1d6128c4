"""An actor index after a state's table name became a library actor (an accepted
suggestion of a state), without building it again: what build_actor_index(new names)
gives, or None where that is not sure.

Accepting "Poland" (suggested from the state table) makes an actor of that name; the
table's names of Poland ("Warsaw", "Polish") then link to it. Every key stays the key it
was, only the entries of those keys say another actor: a state's name has no short form,
no "the party"-like noun and no head word, so nothing else in the index reads it, and the
automaton (the same keys) is kept. The entries of the keys the changed names stand under
are built again as build_actor_index builds them, and checked against the old index
built the same way (so no other name's short form hid under one of them).
tests/test_actor_index_relink.py compares with build_actor_index.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import partial

from reader_app.domain.actor_index import (
    ActorIndex,
    IndexedName,
    _capitalised_head,
    _case_forms,
    _cyrillic_short_names,
    _entry,
    _first_word,
    _kind_nouns,
    _knows,
    _short_form,
    actors_of,
    as_body,
    library_keys,
    linked,
    match_key,
    search_key,
    shared_names,
)
from reader_app.domain.actor_mentions import KnownName

__all__ = ["MAX_CHANGED", "relinked_index"]

MAX_CHANGED = 256  # names that differ (as removed plus added) for the relinking


def _main_entries(names: Sequence[KnownName], keys: set[str],
                  by_key: dict[str, list[IndexedName]]) -> dict[str, list[IndexedName]] | None:
    """build_actor_index's first reading of the names, for these keys only; None when
    one of them, as linked, is not a plain state's name."""
    library = library_keys(names)
    out: dict[str, list[IndexedName]] = {}
    for raw in names:
        key = search_key(raw.text)
        if key not in keys or len(key) < 3:
            continue
        n = linked(raw, library)
        if n is None:
            continue
        if not _plain_state(n, by_key):
            return None
        out.setdefault(key, []).append(_entry(n))
    return out


def _plain_state(n: KnownName, by_key: dict[str, list[IndexedName]]) -> bool:
    """A state's name that gives the index nothing but its own entry."""
    return (n.actor_type == "state" and not _kind_nouns(n) and _short_form(n) is None
            and _first_word(n) is None and _capitalised_head(n) is None
            and not _cyrillic_short_names(n, by_key) and not _case_forms(n, by_key))


def relinked_index(old: ActorIndex, old_names: Sequence[KnownName],
                   new_names: Sequence[KnownName]) -> ActorIndex | None:
    """build_actor_index(new_names) from old = build_actor_index(old_names) when the names
    that differ are states' and stand under keys the index has; else None."""
    if not old.names or old.automaton is None:
        return None
    before = [as_body(n) for n in old_names]
    after = [as_body(n) for n in new_names]
    a, b = Counter(before), Counter(after)
    changed = list((a - b) + (b - a))
    # each of a state's names goes once and comes back linked: the United States has 33
    # in the built-in table (66 changes); a few states at once still cost less than a
    # build (their keys' entries are read again in one pass over the names)
    if not changed or len(changed) > MAX_CHANGED:
        return None
    # the names whose reading a changed one can change: by its own name or its canonical
    # one (a table name links to the library's actor of its canonical name)
    near = {match_key(x) for n in changed for x in (n.text, n.canonical)}
    touched = [n for n in (*before, *after)
               if match_key(n.text) in near or match_key(n.canonical) in near]
    if not all(_plain_state(n, old.names) for n in (*changed, *touched)):
        return None
    keys = {search_key(n.text) for n in touched}
    was, now = _main_entries(before, keys, old.names), _main_entries(after, keys, old.names)
    if was is None or now is None:
        return None
    if (was.keys() != now.keys() or any(k not in old.names or old.names[k] != was[k]
                                         for k in keys if k in was)
            or any(k in old.names for k in keys - was.keys())):
        return None  # a key appears or goes, or other entries stand under one
    names = dict(old.names)
    names.update(now)
    index = ActorIndex.__new__(ActorIndex)
    index.names = names
    index.persons = old.persons
    index.kinds = old.kinds
    index.heads = old.heads
    index.firsts = old.firsts
    index.stems = old.stems
    index.generic = old.generic
    index.actors, index.bodies = actors_of(names)
    index.knows = partial(_knows, names, old.stems)
    index.contextual = shared_names(names) | old.person_by_id.keys()
    index.person_by_id = old.person_by_id
    index.surnames = old.surnames
    index.automaton = old.automaton  # the same keys
    return index
