"""Every mention of a known actor in a text, found in one multi-pattern pass. Pure.

The index holds the search key (mention_text.search_key) of every known name and alias
and of the state table, plus the surnames of known people, in one Aho-Corasick automaton;
find_actors runs it once over a normalized copy of the text and maps what it finds back to
code points. Longest match wins, matches never overlap. Acronyms defined in the text
("National Reform Party (NRP)") name the same actor from there on (actor_acronyms).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from typing import NamedTuple

import ahocorasick

from reader_app.domain.actor_acronyms import acronym_mentions
from reader_app.domain.actor_mentions import (
    SOURCE_ALIAS,
    SOURCE_NAME,
    SOURCE_TABLE,
    ActorMention,
    KnownName,
    Person,
)
from reader_app.domain.actor_surnames import SurnameContext, surname_mention
from reader_app.domain.actors import TITLE_WORDS, match_key, name_tokens
from reader_app.domain.mention_text import SearchText, search_key
from reader_app.domain.name_context import in_dateline, longer_name_after, longer_name_before
from reader_app.domain.word_forms import ENDINGS, is_cyrillic, same_word, strip_ending, word_stem

__all__ = ["SOURCE_ALIAS", "SOURCE_NAME", "SOURCE_TABLE", "ActorIndex", "ActorMention",
           "KnownName", "build_actor_index", "find_actors", "same_word", "word_stem"]

_APOSTROPHES = "'’ʼ‘`´"
_ANY_CASE, _CAPITALISED, _CAPITALS = 0, 1, 2


class _Name(NamedTuple):
    """A known name with what matching it needs, worked out once when the index is built."""

    known: KnownName
    case: int  # _ANY_CASE | _CAPITALISED | _CAPITALS
    reason: str  # "alias of United States (state table)"
    dotted: bool  # ends with a full stop ("U.S."): the mention keeps it
    table: bool  # from the state table: not inside a longer capitalised name


def _case_rule(name: str) -> int:
    """An abbreviation in capitals ("US", "WHO") only matches capitals ("us", "who" are
    words); a capitalised name only a capitalised word ("turkey" is a bird)."""
    letters = [c for c in name if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters) and len(letters) <= 6:
        return _CAPITALS
    return _CAPITALISED if name[:1].isupper() else _ANY_CASE


def _entry(n: KnownName) -> _Name:
    what = "name of" if match_key(n.text) == match_key(n.canonical) else "alias of"
    where = " (state table)" if n.source == SOURCE_TABLE else ""
    reason = f"{what} {n.canonical}{where}"
    if not n.certain:
        reason += " (an ambiguous name)"
    if not any(c.isupper() for c in n.text):
        # "the ministry", "protesters": a description the analyst linked once names
        # another body in another article as often as the same one
        n = n._replace(certain=False)
        reason += " (a description rather than a name)"
    return _Name(n, _case_rule(n.text), reason, n.text.rstrip().endswith("."),
                 n.source == SOURCE_TABLE)


class ActorIndex:
    """Search keys of known names and surnames -> what they name. Build once, reuse."""

    def __init__(self, names: dict[str, list[_Name]], persons: dict[str, list[Person]],
                 kinds: dict[str, list[tuple[int, str, str]]] | None = None) -> None:
        self.names = names
        self.persons = persons
        self.kinds = kinds or {}  # "the party": key of the noun -> (id, canonical, type)
        self.automaton: ahocorasick.Automaton | None = None
        self.stems = _stems(names.keys() | persons.keys() | self.kinds.keys())
        keys = names.keys() | persons.keys() | self.kinds.keys() | self.stems.keys()
        self.knows = partial(_knows, names, self.stems)
        # actors whose mentions settle later ones: people (by surname) and actors that
        # share a name with another actor; other mentions need not be remembered
        self.contextual = {e.known.actor_id for es in names.values() if len(es) > 1
                           for e in es if e.known.actor_id is not None}
        self.person_by_id: dict[int, Person] = {}
        self.surnames: dict[int, list[str]] = {}  # actor id -> keys of its surname
        for key, people in persons.items():
            for person in people:
                self.person_by_id.setdefault(person.actor_id, person)
                self.surnames.setdefault(person.actor_id, []).append(key)
        self.contextual |= self.person_by_id.keys()
        if keys:
            automaton = ahocorasick.Automaton()
            for key in keys:
                automaton.add_word(key, key)
            automaton.make_automaton()
            self.automaton = automaton


def _stems(keys: Iterable[str]) -> dict[str, str]:
    """Search key of a stem -> the full key, for keys whose last word is Cyrillic."""
    keys = set(keys)
    stems: dict[str, str] = {}
    for key in keys:
        head, _, last = key.rpartition(" ")
        if len(last) < 4 or not is_cyrillic(last):
            continue
        stem = strip_ending(last)
        stem_key = f"{head} {stem}"
        stems.setdefault(stem_key, stem_key if stem_key in keys else key)
    return stems


def _knows(names: dict[str, list[_Name]], stems: dict[str, str], word: str) -> bool:
    """A word that is a known name as it stands or inflected ("України")."""
    key = search_key(word)
    if key in names:
        return True
    return any(key.endswith(e) and key[:-len(e)] in stems for e in ENDINGS)


def _person(name: KnownName) -> tuple[str, Person] | None:
    words = name_tokens(name.text)
    while len(words) > 1 and words[0] in TITLE_WORDS:
        words = words[1:]
    if len(words) < 2 or name.actor_id is None or len(words[-1]) < 2:
        return None
    return search_key(words[-1]), Person(name.actor_id, name.canonical, tuple(words[:-1]))


def build_actor_index(names: Iterable[KnownName]) -> ActorIndex:
    """One index over every name: the library's first (a table row whose canonical name or
    alias the library has links to the library's actor), then the table's."""
    names = list(names)
    library: dict[str, KnownName] = {}
    for n in names:
        if n.actor_id is not None:
            library.setdefault(match_key(n.text), n)
    by_key: dict[str, list[_Name]] = {}
    persons: dict[str, list[Person]] = {}
    kinds: dict[str, list[tuple[int, str, str]]] = {}
    for n in names:
        if n.actor_id is None:
            if match_key(n.text) in library and n.source == SOURCE_TABLE:
                continue  # the library's actor of that name wins
            own = library.get(match_key(n.canonical))
            if own is not None:
                n = n._replace(actor_id=own.actor_id, canonical=own.canonical,
                               actor_type=own.actor_type)
        key = search_key(n.text)
        if len(key) < 3:
            continue  # one letter names everything
        by_key.setdefault(key, []).append(_entry(n))
        if n.actor_type == "person":
            found = _person(n)
            if found is not None and all(p.actor_id != found[1].actor_id
                                         for p in persons.get(found[0], [])):
                persons.setdefault(found[0], []).append(found[1])
        noun = _kind_noun(n)
        if noun is not None and n.actor_id is not None:
            kind = kinds.setdefault(search_key(noun), [])
            if all(k[0] != n.actor_id for k in kind):
                kind.append((n.actor_id, n.canonical, n.actor_type))
    return ActorIndex(by_key, persons, kinds)


_BODIES = ("organization", "armed_force", "media")


def _kind_noun(n: KnownName) -> str | None:
    """The noun that says what kind of body a name is, which news uses alone for it
    later ("the party", "the authority"; "партія", "міністерстві"): an English name's last
    word, a Ukrainian or Russian name's first."""
    words = n.canonical.split()
    if n.actor_type not in _BODIES or len(words) < 2 or n.text != n.canonical:
        return None
    noun = match_key(words[0] if is_cyrillic(match_key(words[0])) else words[-1])
    return noun if len(noun) > 3 and noun.isalpha() else None


def _kind_mention(text: str, kinds: list[tuple[int, str, str]], start: int, end: int,
                  context: SurnameContext) -> ActorMention | None:
    """"the party" (English needs its "the"; Ukrainian and Russian have no articles): the
    body with that noun named or tagged most often before (the story's party, not one
    named in passing), the nearest on a tie; only "probably"."""
    if not text[start].islower():
        return None
    if not is_cyrillic(text[start]) and text[max(0, start - 4):start].casefold() != "the ":
        return None
    chosen = context.salient([k[0] for k in kinds], start)
    if chosen is None:
        return None
    actor_id, canonical, kind = next(k for k in kinds if k[0] == chosen)
    return ActorMention(start, end, actor_id, canonical, kind,
                        f"probably {canonical}: “{text[start:end]}” after it", False)


def _case_fits(rule: int, text: str, start: int, end: int) -> bool:
    if rule == _CAPITALS:
        return text[start:end].isupper()
    return rule == _ANY_CASE or text[start].isupper()


def _word_ends(text: str, start: int, end: int) -> int | None:
    """Where a match really ends: None when it stops inside a word ("Дар'я"); a possessive
    is left out of it."""
    if start >= 2 and text[start - 1] in _APOSTROPHES and text[start - 2].isalpha():
        return None
    if end < len(text) and text[end] in _APOSTROPHES:
        rest = text[end + 1:end + 3]
        if rest[:1].isalpha() and not (rest[:1] in "sS" and not rest[1:2].isalnum()):
            return None
    return end


def _name_mention(text: str, entries: list[_Name], start: int, end: int,
                  context: SurnameContext, knows: Callable[[str], bool]) -> ActorMention | None:
    if len(entries) == 1:  # the usual case, without a list
        fitting = entries if _case_fits(entries[0].case, text, start, end) else []
    else:
        fitting = [e for e in entries if _case_fits(e.case, text, start, end)]
    if any(e.table for e in fitting) and (
            longer_name_before(text, start, knows) or longer_name_after(text, end, knows)
            or in_dateline(text, start, end)):
        fitting = [e for e in fitting if not e.table]
    if not fitting:
        return None
    chosen = fitting[0]
    certain = chosen.known.certain
    reason = chosen.reason
    if len(fitting) > 1:
        actors = list(dict.fromkeys((e.known.actor_id, e.known.canonical) for e in fitting))
        certain = all(e.known.certain for e in fitting)
        if len(actors) > 1:
            seen = context.nearest([a for a, _ in actors if a is not None], start)
            if seen is not None:
                chosen = next(e for e in fitting if e.known.actor_id == seen)
                reason = (f"{chosen.reason} (tagged nearest before, of {len(actors)} actors"
                          " with this name)")
            else:
                certain = False
                reason = f"{chosen.reason} (the first of {len(actors)} actors with this name)"
    if not certain:
        reason = "probably " + reason
    if chosen.dotted and text[end:end + 1] == ".":
        end += 1  # "U.S." keeps its full stop
    n = chosen.known
    return ActorMention(start, end, n.actor_id, n.canonical, n.actor_type, reason, certain)


class _Scan:
    """Matches in the text's searchable copy, mapped back to code points."""

    def __init__(self, text: str, automaton: ahocorasick.Automaton,
                 stems: dict[str, str]) -> None:
        self.text = text
        self.copy = SearchText(text)
        self.automaton = automaton
        self.stems = stems

    def matches(self, start: int = 0, end: int | None = None, longest: bool = True
                ) -> list[tuple[int, int, str, int]]:
        """(start, end, key, last) of the matches in copy.text[start:end]: the longest
        ones, or all; end is None for a match that stops inside a word. The hot loop of
        suggesting: the map back to code points is inlined."""
        copy, text = self.copy, self.text
        t = copy.text
        n = len(t)
        run_at, shift, runs = copy.run_at, copy.shift, len(copy.run_at)
        starts, stops = copy.starts, copy.stops
        found: list[tuple[int, int, str, int]] = []
        hits = (self.automaton.iter_long if longest else self.automaton.iter)(
            t, start, n if end is None else end)
        stems, apostrophes, size = self.stems, _APOSTROPHES, len(text)
        add = found.append
        k = 0  # runs before the match's last character (matches come in order of ends)
        for last, key in hits:
            b = last - 1  # the last character, in the copy without its leading space
            while k < runs and run_at[k] <= b:
                k += 1
            while k and run_at[k - 1] > b:
                k -= 1
            a = b - len(key) + 2  # the first character
            j = k
            while j and run_at[j - 1] > a:
                j -= 1
            if j:
                a += shift[j - 1]
            if k:
                b += shift[k - 1]
            if starts is None or stops is None:
                first, stop = a, b + 1
            else:
                first, stop = starts[a], stops[b]
            whole = last + 1 >= n or not t[last + 1].isalnum()
            if whole and ((first > 1 and text[first - 1] in apostrophes) or (
                    stop < size and text[stop] in apostrophes)):
                whole = _word_ends(text, first, stop) is not None
            if key in stems and (not whole or stems[key] != key):
                stop, key, whole = self._inflected(first, stop, key, whole)
            add((first, stop if whole else -1, key, last))
        return found

    def _inflected(self, start: int, stop: int, key: str, whole: bool) -> tuple[int, str, bool]:
        """A Cyrillic stem's match with its case ending: (end, full key, True), else
        not a whole word."""
        text, j = self.text, stop
        while j < len(text) and text[j].isalpha():
            j += 1
        if text[stop:j].casefold() in ENDINGS:
            return j, self.stems[key], True
        return stop, key, whole and self.stems[key] == key

    def shorter(self, key: str, last: int) -> list[tuple[int, int, str, int]]:
        """Whole-word matches inside a longer one that did not fit ("Kyiv" in "Kyiv
        posted"), longest first at each start."""
        inside = [m for m in self.matches(last + 1 - len(key), last + 1, longest=False)
                  if m[1] != -1 and m[2] != key]
        inside.sort(key=lambda m: (m[0], -m[1]))
        return inside


def find_actors(text: str, index: ActorIndex,
                tagged: Sequence[tuple[int, int, int]] = ()) -> list[ActorMention]:
    """Every mention of a known actor, a known person's surname, a state and an acronym
    defined in the text, in text order, none overlapping. tagged: (start, end, actor_id)
    of this article's actor tags (they settle which of several people a surname means)."""
    context = SurnameContext(tagged, index.surnames)
    mentions: list[ActorMention] = []
    if index.automaton is None:
        return acronym_mentions(text, mentions)
    scan = _Scan(text, index.automaton, index.stems)
    names, persons, contextual = index.names, index.persons, index.contextual
    kinds: list[tuple[int, int, str]] = []  # "the party": after the names and acronyms
    taken = 0  # end of the last mention: matches never overlap
    todo = scan.matches()
    todo.reverse()  # a stack: the next match last
    while todo:
        start, end, key, last = todo.pop()
        if start < taken:
            continue
        mention = None
        if end != -1:
            entries = names.get(key)
            if entries is not None:
                e = entries[0]
                if len(entries) == 1 and not e.table and e.known.certain and not e.dotted and (
                        e.case == _ANY_CASE or text[start].isupper()) and e.case != _CAPITALS:
                    n = e.known  # the usual case, inlined
                    mention = ActorMention(start, end, n.actor_id, n.canonical, n.actor_type,
                                           e.reason, True)
                else:
                    mention = _name_mention(text, entries, start, end, context, index.knows)
            if mention is None and key in persons:
                mention = surname_mention(text, persons[key], key, start, end, context,
                                          index.knows, index.person_by_id)
            if mention is None and key in index.kinds:
                kinds.append((start, end, key))  # resolved once every name is known
                continue
        if mention is None or mention.start < taken:
            if " " in key[1:]:  # a longer name that did not fit: the names inside it
                todo.extend(reversed(scan.shorter(key, last)))
            continue
        if mention.actor_id in contextual:
            context.seen(mention.actor_id, mention.start)
        mentions.append(mention)
        taken = mention.end
    mentions = acronym_mentions(text, mentions)
    return _with_kinds(text, index, mentions, kinds, tagged) if kinds else mentions


def _with_kinds(text: str, index: ActorIndex, mentions: list[ActorMention],
                kinds: list[tuple[int, int, str]], tagged: Sequence[tuple[int, int, int]]
                ) -> list[ActorMention]:
    """The mentions with "the party" and the like resolved against all of them."""
    context = SurnameContext(tagged)
    for m in mentions:
        if m.actor_id is not None:
            context.seen(m.actor_id, m.start)
    starts = [m.start for m in mentions]
    added = []
    for start, end, key in kinds:
        i = bisect_right(starts, start)
        if i and mentions[i - 1].end > start:
            continue  # inside a name
        mention = _kind_mention(text, index.kinds[key], start, end, context)
        if mention is not None:
            added.append(mention)
    return sorted(mentions + added) if added else mentions
