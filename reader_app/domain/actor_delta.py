"""find_actors again after the library learned a few names, or after actor tags of actors
nothing else depends on, without reading the whole text again when that gives the same.

find_actors reads the automaton's matches in text order, then adds acronyms and "the
party" (finish_pass). A new name that shares no key with anything known, of an actor
whose mentions settle nothing later (no person, no name shared with another actor),
adds matches of its own and changes no other: the names' pass is the old one with the
new name's mentions put in, provided none of them comes near an old match (a known word
beside a name changes how that name reads). Anything else is read again from scratch
(None): the checks are made on what the full pass would see, the new automaton's
matches over the whole text, not guessed.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import Any, NamedTuple

from reader_app.domain.actor_finder import (
    KIND,
    ActorIndex,
    ActorMention,
    ActorPass,
    _Scan,
    finish_pass,
    read_match,
)
from reader_app.domain.actor_gender import surname_gender
from reader_app.domain.actor_surnames import SurnameContext

__all__ = ["pass_again"]

ActorSpan = tuple[int, int, int]
Match = tuple[int, int, str, int]
NEW_AT_MOST = 2000  # new names' matches put in one by one; more: the text read again


class Changes(NamedTuple):
    added: set[str]  # names' search keys the new index adds
    changed: set[str]  # names' keys whose entries changed (a state table name now linked)
    kinds: set[str]  # "the trust": nouns new to the automaton
    people: set[str] = set()  # surnames and first names of people new to the index
    new_people: frozenset[int] = frozenset()  # their ids


def _same_but(old: Mapping[Any, Any], new: Mapping[Any, Any], keys: AbstractSet[Any]) -> bool:
    """Is new old with these keys (and no other) added?"""
    return (len(new) == len(old) + len(keys) and not keys & old.keys()
            and all(new.get(k, keys) == v for k, v in old.items()))


def _people_added(old: ActorIndex, new: ActorIndex) -> tuple[set[str], frozenset[int]] | None:
    """(surname and first-name keys, ids) of the people the new index adds, when each is
    a new actor whose every key is new to the index: its mentions then settle only its
    own later ones (a surname, a first name alone ask after the people with that key);
    else None. (One with a Slavic ending is not taken: _other_form reads every person.)"""
    ids = frozenset(new.person_by_id.keys() - old.person_by_id.keys())
    surnames = {k for a in ids for k in new.surnames.get(a, ())}
    firsts = new.firsts.keys() - old.firsts.keys()
    if not (_same_but(old.person_by_id, new.person_by_id, ids)
            and _same_but(old.surnames, new.surnames, ids)
            and _same_but(old.persons, new.persons, surnames)
            and _same_but(old.firsts, new.firsts, firsts)
            and new.contextual == old.contextual | ids):
        return None
    if not ids:
        return set(), ids
    if any(a in old.actors or a in old.contextual for a in ids):
        return None
    if any(p.actor_id not in ids for k in surnames for p in new.persons[k]) or any(
            p.actor_id not in ids for k in firsts for p in new.firsts[k]):
        return None
    before = (old.names.keys() | old.persons.keys() | old.kinds.keys() | old.stems.keys()
              | old.generic.keys() | old.firsts.keys() | old.heads.keys())
    keys = surnames | firsts
    if any(k in before or k in new.kinds or k in new.heads or k in new.generic for k in keys):
        return None
    for a in ids:
        last = new.person_by_id[a].canonical.split()[-1:]
        if (not new.person_by_id[a].canonical.isascii() or not last
                or surname_gender(last[0]) is not None):
            return None
    return keys, ids


def _names_changed(old: ActorIndex, new: ActorIndex) -> Changes | None:
    """What the new index changed, when names, body nouns and new people are all it
    changed, each name of one actor that settles nothing later but its own mentions;
    else None."""
    if new is old:
        return Changes(set(), set(), set())
    added = new.names.keys() - old.names.keys()
    people = _people_added(old, new)
    if (people is None or len(new.names) - len(added) != len(old.names)
            or new.heads != old.heads or new.stems != old.stems or new.generic != old.generic
            or old.kinds.keys() - new.kinds.keys()):
        return None
    people_keys, new_people = people
    changed = {k for k, entries in old.names.items() if new.names[k] != entries}
    kinds = new.kinds.keys() - old.kinds.keys()
    before = (old.names.keys() | old.persons.keys() | old.stems.keys() | old.generic.keys()
              | old.firsts.keys() | old.heads.keys())
    if any(k in before or k in new.names for k in kinds):
        return None  # a noun that was a name, or the other way: read as a name first
    others = new.persons.keys() | new.firsts.keys() | new.kinds.keys() | new.heads.keys()
    for key in added | changed:
        if key in others or key in new.generic:
            return None
        for entries in (new.names[key], old.names.get(key, [])):
            if len(entries) > 1 or any(e.known.actor_id in new.contextual
                                       and e.known.actor_id not in new_people
                                       for e in entries):
                return None
    if any(k in kinds for k in people_keys):
        return None
    return Changes(added, changed, kinds, people_keys, new_people)


def _reads_beside(index: ActorIndex, match: Match) -> bool:
    """Does the match read the known word beside it? A state table's name does
    ("Denzel Washington" is no state, "Ukraine Russia talks" are two), and a surname
    (the first name before it); nothing else asks (ActorIndex.knows). A one-word key
    inside a longer word ("watched") is not read at all."""
    _start, end, key, _last = match
    if end == -1 and " " not in key[1:]:
        return False
    return key in index.persons or any(e.table for e in index.names.get(key, ()))


def _apart(text: str, lo: int, hi: int) -> bool:
    """Does the name ending at lo not read the one starting at hi, nor the other way? The
    word a name reads is the one right beside it (name_context): across one space
    (capitalised_word_before, longer_name_after), or after a full stop and one space,
    where only a one-letter initial ("J. Smith") is read as a word. A word between them,
    or anything else (a comma, two spaces, a line break), and neither reads the other."""
    if lo > hi:
        return False
    gap = text[lo:hi]
    if len(gap.split()) >= 2:
        return True
    if not gap or gap in (" ", "\u00a0"):
        return False
    if gap in (". ", ".\u00a0"):  # "Paris. Maren": "Paris." is no first name nor title
        return not (text[lo - 1:lo].isalpha() and not text[lo - 2:lo - 1].isalnum())
    return True


def _inside_new(copy: str, ours: list[tuple[int, str]], keys: set[str]) -> bool:
    """Is every occurrence of the new keys in copy within one of their matches (ours)?"""
    spans = [(last - len(key) + 1, last) for last, key in ours]
    lows = [a for a, _ in spans]
    for key in keys:  # every occurrence, overlapping ones too (str.find: a few keys)
        at = copy.find(key)
        while at >= 0:
            i = bisect_right(lows, at)
            if not i or spans[i - 1][1] < at + len(key) - 1:
                return False
            at = copy.find(key, at + 1)
    return True


def pass_again(text: str, old: ActorPass, index: ActorIndex,
               old_tagged: Sequence[ActorSpan], tagged: Sequence[ActorSpan]
               ) -> ActorPass | None:
    """find_actor_pass(text, index, tagged) from old (text's pass with old_tagged), or
    None when that cannot be told without reading the text again."""
    changes = _names_changed(old.actor_index, index)
    if changes is None or old.scan is None or index.automaton is None:
        return None
    if any(a in index.contextual and a not in changes.new_people
           for _, _, a in set(old_tagged) ^ set(tagged)):
        return None  # a tag that settles later surnames or shared names
    if not (changes.added or changes.changed or changes.kinds or changes.people):
        return old._replace(actor_index=index,
                            mentions=finish_pass(text, index, old.first, old.kinds, tagged))
    scan = old.scan
    new_keys = changes.added | changes.kinds | changes.people
    if new_keys:
        scan = _Scan(text, index.automaton, index.stems, old.scan.copy)
        raw = list(index.automaton.iter_long(scan.copy.text))
        if [h for h in raw if h[1] not in new_keys] != old.scan.raw:
            return None  # a new name swallowed an old match, or the other way
        ours = [h for h in raw if h[1] in new_keys]
        if len(ours) > NEW_AT_MOST or not _inside_new(scan.copy.text, ours, new_keys):
            return None  # a new name inside another match, which is read there
        scan.raw = raw
    found = old.found
    if new_keys:  # two runs in the order of their ends (no two end alike): one merge
        found = tuple(sorted((*found, *scan.mapped(ours)), key=_last))
    put = _put_in(text, old, index, scan, found, changes, tagged)
    if put is None:
        return None
    first, kinds = put
    return ActorPass(index, scan, found, first, kinds,
                     finish_pass(text, index, first, kinds, tagged))


def _last(m: Match) -> int:
    return m[3]


def _put_in(text: str, old: ActorPass, index: ActorIndex, scan: _Scan,
            found: tuple[Match, ...], changes: Changes, tagged: Sequence[ActorSpan]
            ) -> tuple[list[ActorMention], list[tuple[int, int, str]]] | None:
    """old.first with the mentions of the new names and people and of the changed names
    read again, and old.kinds with the new nouns; None where one comes near another
    match or mention."""
    first = list(old.first)
    starts = [m.start for m in first]
    kinds = list(old.kinds)
    found_starts = [m[0] for m in found]  # in text order, none overlapping
    added, changed = changes.added, changes.changed

    def end_of(i: int) -> int:
        if found[i][1] != -1:
            return found[i][1]
        last, key = scan.raw[i]  # a match that stops inside a word: where it stops
        return scan.copy.span(last - len(key) + 2, last + 1)[1]

    # asked only after the new people (see _names_changed): their tags, and their
    # mentions as they are put in, in text order as the names' pass reads them
    people = changes.people
    context = SurnameContext(tagged, index.surnames) if people else SurnameContext()
    keys = added | changed | changes.kinds | people
    if changed:
        at_keys = [i for i, m in enumerate(found) if m[2] in keys]
    else:  # the new keys' matches only: where their ends are
        lasts = [m[3] for m in found]
        at_keys = [j for j in (bisect_left(lasts, last) for last, key in scan.raw
                               if key in keys) if found[j][2] in keys]
    for i in at_keys:
        start, end, key, _last = found[i]
        stop = end_of(i)
        reach = stop
        at = bisect_left(starts, stop)  # mentions starting before the match ends
        if at and first[at - 1].end > start:
            gone = first[at - 1]
            if key not in changed or gone.start < start or gone.end > stop + 1 or (
                    " " in key[1:] and gone.end < stop) or (at > 1 and first[at - 2].end > start):
                return None  # not this match's own mention
            del first[at - 1]  # the old mention of a changed name goes
            del starts[at - 1]
            reach = max(reach, gone.end)
        elif key in changed and " " in key[1:]:
            return None  # it had no mention: the names inside it were read
        if (i and end_of(i - 1) > start) or (i + 1 < len(found) and found_starts[i + 1] < reach):
            return None
        if key in changes.kinds:
            if end == -1 and " " in key[1:]:
                return None  # the names inside it would be read
            if end != -1:
                kinds.insert(bisect_left(kinds, (start, end, key)), (start, end, key))
            continue
        mention = None
        if end != -1:
            mention = read_match(text, index, start, end, key, context, scan.memo)
            if mention is KIND:
                return None
        if mention is None and " " in key[1:]:
            return None  # the names inside it would be read: not worth it
        lo = start if mention is None else min(start, mention.start)
        hi = reach if mention is None else max(reach, mention.end)
        if (i and end_of(i - 1) > lo) or (i + 1 < len(found) and found_starts[i + 1] < hi):
            return None
        if (key in added or key in people) and text[start].isupper() and (
                (i and _reads_beside(index, found[i - 1])
                 and not _apart(text, end_of(i - 1), lo))
                or (i + 1 < len(found) and _reads_beside(index, found[i + 1])
                    and not _apart(text, hi, found_starts[i + 1]))):
            return None  # a capitalised known word beside a name changes how it reads
        if mention is None:
            continue
        at = bisect_left(starts, mention.start)
        if (at < len(first) and first[at].start < hi) or (at and first[at - 1].end > lo):
            return None
        starts.insert(at, mention.start)
        first.insert(at, mention)
        if mention.actor_id in changes.new_people:
            context.seen(mention.actor_id, mention.start)
    return first, kinds
