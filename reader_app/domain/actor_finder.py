"""Mentions of known actors in a text, in one multi-pattern pass (first version: names
and aliases only; surnames, acronyms and the state table come with the actor rules)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

import ahocorasick

from reader_app.domain.actors import match_key


class KnownName(NamedTuple):
    text: str  # a name or alias as written
    actor_id: int | None  # None: not in the library yet (the state table)
    canonical: str
    actor_type: str
    source: str  # "name" | "alias" | "state table"


class ActorMention(NamedTuple):
    start: int
    end: int
    actor_id: int | None
    canonical: str
    actor_type: str
    reason: str
    certain: bool


class ActorIndex:
    def __init__(self, names: Iterable[KnownName]) -> None:
        self.automaton = ahocorasick.Automaton()
        count = 0
        for name in names:
            key = match_key(name.text)
            if key and key not in self.automaton:
                self.automaton.add_word(key, (len(key), name))
                count += 1
        self.size = count
        if count:
            self.automaton.make_automaton()


def build_actor_index(names: Iterable[KnownName]) -> ActorIndex:
    return ActorIndex(names)


def _normalized(text: str) -> tuple[str, list[int]]:
    """text casefolded, one space per white-space run; and each char's source offset."""
    out: list[str] = []
    back: list[int] = []
    space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if not space:
                out.append(" ")
                back.append(i)
            space = True
            continue
        space = False
        folded = "'" if ch in "’‘ʼ" else ch.casefold()
        out.extend(folded)
        back.extend([i] * len(folded))
    back.append(len(text))
    return "".join(out), back


def find_actors(text: str, index: ActorIndex,
                tagged: Sequence[tuple[int, int, int]] = ()) -> list[ActorMention]:
    if not index.size:
        return []
    norm, back = _normalized(text)
    found: list[tuple[int, int, KnownName]] = []
    for last, (length, name) in index.automaton.iter(norm):
        first = last - length + 1
        if (first > 0 and norm[first - 1].isalnum()) or (
                last + 1 < len(norm) and norm[last + 1].isalnum()):
            continue
        found.append((first, last + 1, name))
    found.sort(key=lambda f: (f[0], -f[1]))
    mentions: list[ActorMention] = []
    reach = -1
    for first, stop, name in found:
        if first < reach:
            continue
        reach = stop
        start, end = back[first], back[stop - 1] + 1
        how = {"name": "name of", "alias": "alias of"}.get(name.source, f"{name.source}:")
        mentions.append(ActorMention(start, end, name.actor_id, name.canonical,
                                     name.actor_type, f"{how} {name.canonical}", True))
    return mentions
