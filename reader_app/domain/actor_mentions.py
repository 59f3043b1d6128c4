"""The records actor finding works with: names it knows, people by surname, mentions."""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["SOURCE_ALIAS", "SOURCE_NAME", "SOURCE_TABLE", "ActorMention", "KnownName",
           "Person"]

SOURCE_NAME = "name"  # an actor's canonical name in the library
SOURCE_ALIAS = "alias"  # one of its aliases
SOURCE_TABLE = "state table"  # the built-in (or the library's edited) table of states


class KnownName(NamedTuple):
    text: str  # as written in the library or the table
    actor_id: int | None  # None: not in the library yet (a state table row)
    canonical: str
    actor_type: str
    source: str  # SOURCE_NAME | SOURCE_ALIAS | SOURCE_TABLE
    certain: bool = True  # False: an ambiguous name ("?Georgia"), only ever "probably"
    seat: bool = False  # a state table's capital or seat ("@Moscow"): as a place, no actor


class ActorMention(NamedTuple):
    start: int  # code points into the text; text[start:end] is the mention
    end: int
    actor_id: int | None  # None: a new actor named `canonical`
    canonical: str
    actor_type: str
    reason: str
    certain: bool


class Person(NamedTuple):
    """A known person, found by surname."""

    actor_id: int
    canonical: str
    first: tuple[str, ...]  # match keys of the words before the surname
