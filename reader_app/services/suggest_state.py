"""What suggesting kept of its last article, and what a change leaves of it.

The window asks for an article's suggestions after every tag, untag or reject; most of
the work (the actor finder's pass, the claims of every paragraph) gives what it gave
before. One entry, for one connection and one article: a window works on one article.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from sqlite_utils import Database

from reader_app.domain.actor_finder import ActorIndex, ActorMention, ActorPass
from reader_app.domain.date_finder import DateMention
from reader_app.domain.suggestions import (
    Suggestion,
    apart,
    back_again,
    by_position,
    free_of,
    narrowed,
)

Span = tuple[int, int]
ActorSpan = tuple[int, int, int]
# what find_claims reads: actor spans, stand-in names (id below zero), persons
ClaimInputs = tuple[list[ActorSpan], dict[int, tuple[str | None, str | None]], set[int]]
# paragraph start -> the names its claims looked up, with what each gave
Lookups = dict[int, dict[str, int | None]]


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
    raw_dates: tuple[DateMention, ...]
    claim_inputs: ClaimInputs
    actor: Group
    date: Group
    claim: Group
    result: list[Suggestion]
    actor_pass: ActorPass  # raw_actors with what they were worked out from (actor_delta)
    lookups: Lookups  # of the paragraphs claim.found was read from (speech.find_claims_in)
    saved: bool = False  # written beside the library (suggest_cache) as it is


def changed_tags(old: Kept, tagged: Sequence[tuple[int, int, int]]
                  ) -> set[tuple[int, int, int]] | None:
    """The actor tags added or removed since old (None when one is doubled)."""
    new = set(tagged)
    before = set(old.tagged)
    if len(new) != len(tagged) or len(before) != len(old.tagged):
        return None
    return new ^ before


def tags_on_own_mentions(old: Kept, changed: set[tuple[int, int, int]], index: ActorIndex,
                         persons: frozenset[int]) -> bool:
    """Do the new or removed actor tags leave the finder's answers as they were? A
    person's tag does where the finder named that person already: it tells the reading of
    later surnames what that mention told it. A body that shares no name and no "the
    party"-like noun with another actor is only looked up by those nouns, which ask
    whether it was named before: its tag does where the finder named it there or before.
    Nothing before a tag depends on it, the mention it covers included, so the same holds
    when one goes. (tests/test_suggest_incremental.py checks this against find_actors.)"""
    if not changed:
        return True
    found = {(m.start, m.end): m.actor_id for m in old.raw_actors}
    shared = {a for group in (*index.kinds.values(), *index.heads.values()) if len(group) > 1
              for a, _, _ in group}
    first: dict[int | None, int] = {}
    for s, e, a in changed:
        if found.get((s, e), -1) == a and (a in persons or (
                a not in index.contextual and a not in shared)):
            continue
        if a in persons or a in index.contextual or a in shared:
            return False
        if not first:
            for m in reversed(old.raw_actors):
                first[m.actor_id] = m.start
        if first.get(a, s) >= s:
            return False
    return True


def same_claim_inputs(old: Kept, actors: list[Suggestion], tagged: set[tuple[int, int, int]],
                       changed: set[tuple[int, int, int]]) -> bool:
    """Did the actor tags only take the place of suggestions of the same actors at the
    same spans, or give it back (an untag)? Then find_claims reads the same actor spans."""
    now = {id(x): x for x in actors}
    before = {id(x): x for x in old.actor.free}
    came = [x for k, x in now.items() if k not in before]
    gone = [x for k, x in before.items() if k not in now]
    if any(x.actor_id is None for x in (*came, *gone)) or len(came) + len(gone) != len(changed):
        return False  # a stand-in came or went: its name and id are read too
    added = {t for t in changed if t in tagged}
    return ({(x.start, x.end, x.actor_id) for x in gone} == added
            and {(x.start, x.end, x.actor_id) for x in came} == changed - added)


def regrouped(found: list[Suggestion], taken: list[tuple[int, int]],
           rejected: set[tuple[int, int]], old: Group | None
           ) -> tuple[Group, list[Suggestion] | None]:
    """free_of(found, taken, rejected), from old's answer when only a few tags or
    rejections came or went: (the group, the suggestions it has that old's had not, or
    None when it was computed from scratch)."""
    if old is not None and found is not old.found and old.apart and apart(found):
        # most suggestions are old's own (actor_delta): what came is found by identity
        group, _ = regrouped(found, taken, rejected, _carried(found, old))
        return group, None
    if old is not None and found is old.found:
        if taken == old.taken and rejected == old.rejected:
            return old, []
        if old.apart:
            before, now = set(old.taken), set(taken)
            free = narrowed(old.free, now - before, rejected - old.rejected)
            back = None if free is None else back_again(
                found, taken, rejected, list(before - now), old.rejected - rejected)
            if free is not None and back is not None:
                if back:
                    free = sorted([*free, *back], key=lambda x: x.start)
                return Group(found, True, taken, rejected, free), back
    apart_ = old.apart if old is not None and found is old.found else apart(found)
    return Group(found, apart_, taken, rejected, free_of(found, taken, rejected)), None


def _carried(found: list[Suggestion], old: Group) -> Group:
    """old as it would be had found been its suggestions: those found has of old's own
    (the same objects) are free as they were, the others as free_of tells."""
    ids = list(map(id, found))  # map in C: found is every suggestion of its kind
    had = set(map(id, old.found))
    kept = set(map(id, old.free))
    new = [s for s, i in zip(found, ids, strict=True) if i not in had]
    kept.update(map(id, free_of(new, old.taken, old.rejected)))
    free = [s for s, i in zip(found, ids, strict=True) if i in kept]
    return Group(found, True, old.taken, old.rejected, free)


_ORDER = {"actor": 0, "date": 1, "claim": 2}  # by_position's order of kinds


INSERT_AT_MOST = 64  # suggestions put in place one by one; more: merged again


def merged_again(old: Kept, groups: tuple[Group, ...],
                  came: list[list[Suggestion] | None]) -> list[Suggestion]:
    """by_position(groups) from old's result when each group lost some suggestions and
    has a few new ones (came; None: not known, found by identity here): with every group
    apart(), the merge is sorted by its key and no two share one, so the result is old's
    less the lost, the new ones put in their place."""
    if not all(g.apart for g in groups):
        return by_position([g.free for g in groups])
    new: list[Suggestion] = []
    for group, before, c in zip(groups, (old.actor, old.date, old.claim), came, strict=True):
        if c is None:
            had = {id(s) for s in before.free}
            c = [s for s in group.free if id(s) not in had]
        new.extend(c)
        if len(new) > INSERT_AT_MOST:
            return by_position([g.free for g in groups])
    left = {id(s) for g in groups for s in g.free}
    result = [s for s in old.result if id(s) in left]
    for s in new:
        key = (s.start, s.end, _ORDER[s.kind])
        result.insert(bisect_left(result, key, key=lambda x: (x.start, x.end, _ORDER[x.kind])),
                      s)
    return result


_kept: list[Kept] = []  # at most one


def kept_for(db: Database, article_id: int | None) -> Kept | None:
    """The kept state of this article (None: of any) on this connection, current or not."""
    found = _kept[0] if _kept else None
    if found is None or found.conn is not db.conn or article_id not in (None,
                                                                         found.article_id):
        return None
    return found


def keep(state: Kept) -> None:
    _kept[:] = [state]


def forget() -> None:
    _kept.clear()


__all__ = ["ClaimInputs", "Group", "Kept", "Lookups", "change_stamp", "changed_tags", "forget", "keep",
           "kept_for", "merged_again", "regrouped", "same_claim_inputs", "tags_on_own_mentions"]
