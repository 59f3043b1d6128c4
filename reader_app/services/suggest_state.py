"""What suggesting kept of its last article, to redo only what a change can affect.

The window asks for an article's suggestions after every tag, untag or reject; most of
the work (the actor finder's pass, the claims of every paragraph) gives what it gave
before. One entry, for one connection and one article: a window works on one article.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from reader_app.domain.actor_finder import ActorMention
from reader_app.domain.suggestions import Suggestion

Span = tuple[int, int]
ActorSpan = tuple[int, int, int]
# what find_claims reads: actor spans, stand-in names (id below zero), persons
ClaimInputs = tuple[list[ActorSpan], dict[int, tuple[str | None, str | None]], set[int]]


def change_stamp(db: Database) -> tuple[int, int]:
    """Changes the moment anything is written to the library: PRAGMA data_version for
    other connections' commits (the window writes on its own, other programs on theirs),
    total_changes for this connection's own rows."""
    version = db.conn.execute("PRAGMA data_version").fetchone()[0]
    return int(version), db.conn.total_changes


@dataclass
class Group:
    """One kind's suggestions: every one the finder gave, and those free of its tags."""

    found: list[Suggestion]  # before free_of
    apart: bool  # domain.suggestions.apart(found): free_of only filters
    taken: list[Span]
    rejected: set[Span]
    free: list[Suggestion]  # free_of(found, taken, rejected)


@dataclass
class Kept:
    """One article's inputs and results at one change stamp."""

    conn: object  # the connection (held, so no other one gets its identity)
    article_id: int
    stamp: tuple[int, int]
    text: str
    published: str | None
    language: str | None
    known: object  # the LibraryNames the results were computed with (compared by identity)
    tagged: tuple[ActorSpan, ...]  # the actor tags with an actor, as find_actors took them
    raw_actors: list[ActorMention]  # find_actors' answer for them
    raw_dates: tuple[object, ...]
    claim_inputs: ClaimInputs
    actor: Group
    date: Group
    claim: Group
    result: list[Suggestion]


_kept: list[Kept] = []  # at most one


def kept_for(db: Database, article_id: int) -> Kept | None:
    """The kept state of this article on this connection, current or not."""
    found = _kept[0] if _kept else None
    if found is None or found.conn is not db.conn or found.article_id != article_id:
        return None
    return found


def keep(state: Kept) -> None:
    _kept[:] = [state]


def forget() -> None:
    _kept.clear()


__all__ = ["ClaimInputs", "Group", "Kept", "change_stamp", "forget", "keep", "kept_for"]
