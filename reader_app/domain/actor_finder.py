"""Every mention of a known actor in a text, found in one multi-pattern pass. Pure.

build_actor_index (actor_index) puts the search key of every known name and alias, of the
state table, of known people's surnames and of Ukrainian and Russian stems in one
Aho-Corasick automaton; find_actors runs it once over a normalized copy of the text
(mention_text) and maps what it finds back to code points. Longest match wins, matches
never overlap, a possessive stays out. Then, in text order: a surname is the person named
or tagged last with it, or a new person after another first name (actor_surnames); a
state's name inside a longer name or a dateline is not the state (name_context); an
acronym the text defines names the same actor from there on (actor_acronyms); "the party"
is probably the party the story names most; "the company", a first name alone or "Ради"
("Верховна Рада") only probably the one fitting actor the text named before.
find_actor_pass keeps what the answer was worked out from (ActorPass), for actor_delta.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import NamedTuple

import ahocorasick

from reader_app.domain.actor_acronyms import acronym_mentions
from reader_app.domain.actor_index import (
    ANY_CASE,
    CAPITALS,
    FIRST_WORD,
    NOT_COMPANY_WORDS,
    PARTY_WORDS,
    WITHOUT_STATE,
    ActorIndex,
    IndexedName,
    _stem_keys,
    build_actor_index,
    has_stem,
)
from reader_app.domain.actor_mentions import (
    SOURCE_ALIAS,
    SOURCE_NAME,
    SOURCE_TABLE,
    ActorMention,
    KnownName,
)
from reader_app.domain.actor_surnames import (
    SurnameContext,
    first_name_mention,
    surname_mention,
)
from reader_app.domain.actor_variants import names_state
from reader_app.domain.actors import match_key
from reader_app.domain.body_nouns import (
    declared_nouns,
    determined,
    english_determined,
    noun_mentions,
    noun_stands_alone,
    quoted_name,
    thing_named,
)
from reader_app.domain.kind_nouns import FIELDS, TEXT_KINDS, declared_near, fits_kind, in_field
from reader_app.domain.mention_text import SearchText, search_key
from reader_app.domain.name_context import (
    as_place,
    common_word,
    in_dateline,
    longer_name_after,
    longer_name_before,
    opens_sentence,
)
from reader_app.domain.word_forms import ENDINGS, is_cyrillic, same_word, word_stem

__all__ = ["SOURCE_ALIAS", "SOURCE_NAME", "SOURCE_TABLE", "ActorIndex", "ActorMention",
           "ActorPass", "KnownName", "build_actor_index", "find_actor_pass", "find_actors",
           "finish_pass", "same_word", "scanned_matches", "word_stem"]

_APOSTROPHES = "'’ʼ‘`´"
# "Министерство транспорта и коммуникаций Кыргызстана": a coordinated field and a state
# after a name: the name goes on, another body's
_NAME_GOES_ON = re.compile(r" (?:и|і|та|й) [^\W\d_]+ [A-ZА-ЯІЇЄҐЁ]")
# the cases of a noun in -ия/-ія past its stem ("ассоциац-ии", "асоціац-ією")
_IA_CASES = frozenset("ии ию ией ии ії ію ією".split())

_OFFICE_AFTER = re.compile(r" (?:Minister|Secretary|Commissioner|minister|secretary)(?!\w)")


def _kind_mention(text: str, kinds: list[tuple[int, str, str]], start: int, end: int,
                  context: SurnameContext) -> ActorMention | None:
    """"the party" (English needs a determiner: "the", "its", a name's possessive;
    Ukrainian and Russian have no articles): the body with that noun named or tagged most
    often before (the story's party, not one named in passing), the nearest on a tie;
    written with a capital only where it stands alone ("the Commission"); only "probably"."""
    if text[start].islower():
        if not (determined(text, start, end) if is_cyrillic(text[start])
                else english_determined(text, start, end)):
            return None
    elif not noun_stands_alone(text, start, end):
        return None
    chosen = context.salient([k[0] for k in kinds], start)
    if chosen is None:
        return None
    actor_id, canonical, kind = next(k for k in kinds if k[0] == chosen)
    return ActorMention(start, end, actor_id, canonical, kind,
                        f"probably {canonical}: “{text[start:end]}” after it", False)


def _fits(kind: str, body: tuple[str, str] | None, declared: bool = False,
          quoted: bool = False) -> bool:
    """A body of that kind: a party by its name, a company by a name that says it is
    nothing else, or either by the noun the text put before its name (declared); a name
    of unknown type the text puts in quotation marks ("«Енергоком»") or follows with
    "which" ("Kartli Asphalt, which won") is a body too (quoted)."""
    if body is None:
        return False
    if kind in TEXT_KINDS:  # "the group": by its name here; what the text said: _Quoted
        return body[1] in ("organization", "other") and fits_kind(kind, body[0], body[1])
    if kind == "state":
        return body[1] in ("state", "other")
    if kind == "organisation":
        return body[1] == "organization"
    if body[1] != "organization" and not ((declared or quoted) and body[1] in ("other", "person")):
        return False
    if declared:
        return True
    words = [w.strip("«»\"“”()").casefold() for w in body[0].split()]
    if kind == "party":
        return any(has_stem(w, PARTY_WORDS) for w in words)
    return not any(has_stem(w, NOT_COMPANY_WORDS) for w in words)


def _generic_mention(text: str, index: ActorIndex, kind: str, start: int, end: int,
                     context: SurnameContext, firsts: dict[str, list[tuple[int, int]]],
                     declared: dict[int, str], quoted: _Quoted) -> ActorMention | None:
    """"the company", "партію": the one body of that kind (a party by its name; a company:
    an organization whose name says it is nothing else) named or tagged before in this
    text, or of several the one named at least twice as often as any other; else no
    guess. Only "probably". firsts: per kind, (where first named, id) of the fitting
    bodies, worked out once per text."""
    if not (determined(text, start, end) or (
            kind in TEXT_KINDS and not is_cyrillic(text[start])
            and noun_stands_alone(text, start, end))):  # "told the House"
        return None
    if text[start:end].casefold() == "campaign" and _EVENT_BEFORE.search(text, 0, start):
        return None  # "spent $90,000 on the campaign": the campaigning, not the group
    fitting = firsts.get(kind)
    if fitting is None:
        fitting = firsts[kind] = context.first_seen(
            lambda a: _fits(kind, index.bodies.get(a) or index.actors.get(a),
                            declared.get(a) == kind, a in quoted)
            or (kind in TEXT_KINDS and _body_type(index, a) and quoted.said(a, kind)))
    before = bisect_right(fitting, (start, -1))
    if not before:
        return None
    if text[end:end + 2] in (" «", " \"", " “") and not _names_next(text, end + 2, index,
                                                                      fitting[:before]):
        return None  # "компания «Севан-Энерго»": the noun says what the name after it is
    actor_id, why = fitting[0][1], f"the one {kind} named before"
    field = _of_field(text[start:end], [a for _, a in fitting[:before]], index)
    if field is not None:  # "the miner", "the utility": the one company of that trade
        actor_id, why, before = field, f"the one {text[start:end].casefold()} named before", 1
    if before > 1:
        # several: the story's own one, named far more often than any other so far
        counts = sorted(((len(set(context.starts_before(a, start))), a) for _, a in
                         fitting[:before]), reverse=True)  # a tag is found as a name too
        if counts[0][0] < 3 or counts[0][0] < 2 * counts[1][0]:
            return None
        actor_id, why = counts[0][1], f"the {kind} the text names most"
    canonical, actor_type = index.bodies.get(actor_id) or index.actors[actor_id]
    return ActorMention(start, end, actor_id, canonical, actor_type,
                        f"probably {canonical}: “{text[start:end]}”, {why}", False)


def _of_field(noun: str, actor_ids: list[int], index: ActorIndex) -> int | None:
    """The one of actor_ids whose name says it works in the noun's trade, if the noun
    names one and exactly one does."""
    if noun.casefold() not in FIELDS:
        return None
    fits = [a for a in actor_ids
            if (body := index.bodies.get(a) or index.actors.get(a)) is not None
            and in_field(noun, body[0])]
    return fits[0] if len(fits) == 1 else None


# "on the campaign", "during the campaign": a campaign as an event
_EVENT_BEFORE = re.compile(r"\b(?:on|during|throughout|since|after|before|over|into|in) the $",
                           re.IGNORECASE)
# a noun in apposition right after a name: the name's description, not another mention
_APPOSITION = re.compile(r"[»”\"]?, (?:the|a|an) ")


def _opens(text: str, start: int) -> bool:
    """A name that opens its sentence, after "The" or not: the subject, which an
    appositive describes ("… the head of the RMA, the administration said" is no such)."""
    if text[max(0, start - 4):start] in ("The ", "the "):
        start -= 4
    return opens_sentence(text, start)


def _body_type(index: ActorIndex, actor_id: int) -> bool:
    """An actor the text may call "the group": an organisation or one of unknown type."""
    body = index.bodies.get(actor_id) or index.actors.get(actor_id)
    return body is not None and body[1] in ("organization", "other")


def _head_mention(text: str, bodies: list[tuple[int, str, str]], start: int, end: int,
                  context: SurnameContext) -> ActorMention | None:
    """"Ради" after "Верховна Рада": the capitalised word of a body's name, alone, is
    probably that body when the text named it before (not followed by another
    capitalised word: "Рада Європи" is another)."""
    if not text[start].isupper() or (text[end:end + 1] == " "
                                     and text[end + 1:end + 2].isupper()):
        return None
    chosen = context.salient([b[0] for b in bodies], start)
    if chosen is None:
        return None
    actor_id, canonical, kind = next(b for b in bodies if b[0] == chosen)
    if _named_before(text, text[start:end], context.starts_before(actor_id, start)[:1]):
        return None  # "озера Севан" before "движения «Зеленый Севан»": the lake, not the group
    return ActorMention(start, end, actor_id, canonical, kind,
                        f"probably {canonical}: “{text[start:end]}”, part of its name, after it",
                        False)


def _names_next(text: str, at: int, index: ActorIndex, fitting: list[tuple[int, int]]) -> bool:
    """Is the quoted name opening at `at` one of the fitting bodies named before?"""
    close = min((i for i in (text.find(q, at, at + 80) for q in "»\"”") if i > 0), default=-1)
    if close < 0:
        return False
    key = match_key(text[at:close])
    return any(match_key((index.bodies.get(a) or index.actors.get(a) or ("",))[0]) == key
               for _, a in fitting)


def _named_before(text: str, word: str, first: list[int]) -> bool:
    """Is the word (in any case) in the body's text before the body's first naming: then
    it names something of its own (the headline, the first line, is left out: it may
    shorten the body's name before the article names it in full)."""
    return bool(first) and _stem_before(text, word[:max(3, len(word) - 2)], first[0])


@lru_cache(maxsize=1024)
def _stem_before(text: str, stem: str, end: int) -> bool:
    """Once per text, stem and place: a long article's many uses of one head ask alike."""
    lo = text.find("\n") + 1
    return lo < end and re.compile(rf"(?<!\w){re.escape(stem)}").search(text, lo, end) is not None


def _case_fits(rule: int, text: str, start: int, end: int) -> bool:
    if rule == CAPITALS:
        return text[start:end].isupper()
    return rule == ANY_CASE or text[start].isupper()


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


def _table_context(text: str, start: int, end: int, knows: Callable[[str], bool],
                   memo: dict[tuple[int, int], tuple[bool, bool]]) -> tuple[bool, bool]:
    """(inside a longer name or a dateline, used as a place) for a state-table name at
    text[start:end]: the text alone decides, so it is worked out once per text (memo)."""
    found = memo.get((start, end))
    if found is None:
        found = memo[start, end] = (
            longer_name_before(text, start, knows) or longer_name_after(text, end, knows)
            or in_dateline(text, start, end) or text[end:end + 1] == "$",
            as_place(text, start, end))  # "US$18 million": a currency, not the state
    return found


def _name_mention(text: str, entries: list[IndexedName], start: int, end: int,
                  context: SurnameContext, knows: Callable[[str], bool],
                  memo: dict[tuple[int, int], tuple[bool, bool]]) -> ActorMention | None:
    if len(entries) == 1:  # the usual case, without a list
        fitting = entries if _case_fits(entries[0].case, text, start, end) else []
    else:
        fitting = [e for e in entries if _case_fits(e.case, text, start, end)]
    inside, place = (_table_context(text, start, end, knows, memo)
                     if any(e.table for e in fitting) else (False, False))
    if inside:
        fitting = [e for e in fitting if not e.table]
    if place and any(e.table for e in fitting):
        # "In Moscow, …": a state's other name (a capital, a seat) as a place is no actor;
        # the state's own name ("in Romania") still is
        # a body's seat only where it sets the scene ("In Brussels, the Commission …")
        word = start - 1
        while word > 0 and not text[word - 1].isspace():
            word -= 1
        scene = text[end:end + 1] == "," and opens_sentence(text, word)
        fitting = [e for e in fitting if not e.table or not e.known.seat
                   or (e.known.actor_type != "state" and not scene)]
    if (text[end:end + 1] == " " and text[end + 1:end + 2].isupper()) or (
            text[end:end + 1] == " " and _NAME_GOES_ON.match(text, end)):
        # "Міністерство енергетики Росії": without its state, the name is another's here;
        # "Danubia Bank" is not Danubia Grain Logistics
        fitting = [e for e in fitting if not e.reason.endswith((WITHOUT_STATE, FIRST_WORD))]
    if any(e.reason.endswith(WITHOUT_STATE) for e in fitting):
        # "Министерство сельского хозяйства" is Moldova's ministry of that name only in a
        # text that names Moldova: in a Kazakh story it is Kazakhstan's
        fitting = [e for e in fitting if not e.reason.endswith(WITHOUT_STATE)
                   or names_state(text, e.known.canonical.split()[-1])]
    if _OFFICE_AFTER.match(text, end):
        # "Labour Minister Raj Malhotra", "Energy Secretary": a portfolio, not a short name
        fitting = [e for e in fitting if e.known.certain]
    if any(e.reason.endswith(FIRST_WORD) for e in fitting) and (
            common_word(text, text[start:end]) or longer_name_before(text, start)
            or text[max(0, start - 5):start].casefold().split()[-1:] in (["the"], ["a"], ["an"])
            or in_dateline(text, start, end)):
        # a company's bare first word names it ("Danubia said"); "the Keystone board" is
        # some board of that name
        fitting = [e for e in fitting if not e.reason.endswith(FIRST_WORD)]
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
                reason = (f"{chosen.reason} (named or tagged nearest before, of {len(actors)} actors"
                          " with this name)")
            else:
                certain = False
                reason = f"{chosen.reason} (the first of {len(actors)} actors with this name)"
    if not certain and not reason.startswith("probably"):
        reason = "probably " + reason
    if chosen.dotted and text[end:end + 1] == ".":
        end += 1  # "U.S." keeps its full stop
    n = chosen.known
    return ActorMention(start, end, n.actor_id, n.canonical, n.actor_type, reason, certain)


class _Scan:
    """Matches in the text's searchable copy, mapped back to code points."""

    def __init__(self, text: str, automaton: ahocorasick.Automaton,
                 stems: dict[str, str], copy: SearchText | None = None) -> None:
        self.text = text
        self.copy = SearchText(text) if copy is None else copy
        self.automaton = automaton
        self.stems = stems
        self.memo: dict[tuple[int, int], tuple[bool, bool]] = {}  # see _table_context
        self.raw: list[tuple[int, str]] = []  # the automaton's (last, key) of matches()

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
        raw = self.raw.append if start == 0 and end is None and longest else None
        k = 0  # runs before the match's last character (matches come in order of ends)
        for last, key in hits:
            if raw is not None:
                raw((last, key))
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
            elif not whole:
                stop, key, whole = self._past_vowel(first, stop, key)
            add((first, stop if whole else -1, key, last))
        return found

    def mapped(self, hits: Sequence[tuple[int, str]]) -> list[tuple[int, int, str, int]]:
        """matches() for these (last, key) of the automaton's, a few, by bisection."""
        copy, text = self.copy, self.text
        t, n, size = copy.text, len(copy.text), len(text)
        run_at, shift, starts, stops = copy.run_at, copy.shift, copy.starts, copy.stops
        out = []
        for last, key in hits:
            b = last - 1
            a = b - len(key) + 2
            k, j = bisect_right(run_at, b), bisect_right(run_at, a)
            if j:
                a += shift[j - 1]
            if k:
                b += shift[k - 1]
            if starts is None or stops is None:
                first, stop = a, b + 1
            else:
                first, stop = starts[a], stops[b]
            whole = last + 1 >= n or not t[last + 1].isalnum()
            if whole and ((first > 1 and text[first - 1] in _APOSTROPHES) or (
                    stop < size and text[stop] in _APOSTROPHES)):
                whole = _word_ends(text, first, stop) is not None
            if key in self.stems and (not whole or self.stems[key] != key):
                stop, key, whole = self._inflected(first, stop, key, whole)
            elif not whole:
                stop, key, whole = self._past_vowel(first, stop, key)
            out.append((first, stop if whole else -1, key, last))
        return out

    def _past_vowel(self, start: int, stop: int, key: str) -> tuple[int, str, bool]:
        """A whole key inside a longer word that is its case form past its last vowel
        ("Коваленко" in "Коваленком", "Кличко" in "Кличком"): the automaton's longest
        match is the whole key, not the stem the case ending follows."""
        found = _stem_keys(key)
        if found is None or self.stems.get(found[0]) != key:
            return stop, key, False
        cut = len(key) - len(found[0])
        if self.text[stop - cut:stop].casefold() != key[-cut:]:
            return stop, key, False
        return self._inflected(start, stop - cut, found[0], False)

    def _inflected(self, start: int, stop: int, key: str, whole: bool) -> tuple[int, str, bool]:
        """A Cyrillic stem's match with its case ending: (end, full key, True), else
        not a whole word."""
        text, j = self.text, stop
        while j < len(text) and text[j].isalpha():
            j += 1
        ending = text[stop:j].casefold()
        if ending in ENDINGS or (ending in _IA_CASES and self.stems[key].endswith(("ия", "ія"))):
            return j, self.stems[key], True
        return stop, key, whole and self.stems[key] == key

    def shorter(self, key: str, last: int) -> list[tuple[int, int, str, int]]:
        """Whole-word matches inside a longer one that did not fit ("Kyiv" in "Kyiv
        posted"), longest first at each start."""
        inside = [m for m in self.matches(last + 1 - len(key), last + 1, longest=False)
                  if m[1] != -1 and m[2] != key]
        inside.sort(key=lambda m: (m[0], -m[1]))
        return inside


@lru_cache(maxsize=2)
def _scanned(text: str, index: ActorIndex) -> tuple[_Scan, tuple[tuple[int, int, str, int], ...]]:
    """The automaton's matches in a text, kept for the next call: suggesting runs after
    every tag over the same text, and only what the tags settle changes. (A str caches
    its hash, and the index is keyed by identity: the key costs nothing.)"""
    scan = _Scan(text, index.automaton, index.stems)
    return scan, tuple(scan.matches())


def scanned_matches(text: str, index: ActorIndex
                    ) -> tuple[_Scan, tuple[tuple[int, int, str, int], ...]]:
    """The automaton's matches in text as find_actor_pass works them out (its pass's scan
    and found), for a pass read back without them."""
    return _scanned(text, index)


class ActorPass(NamedTuple):
    """find_actors' answer with what it was worked out from, so that a few new names can
    be added to it (actor_delta) rather than the text read again."""

    actor_index: ActorIndex
    scan: _Scan | None  # None: the index had no automaton
    found: tuple[tuple[int, int, str, int], ...]  # the automaton's matches (_Scan.matches)
    first: list[ActorMention]  # the names' pass, before acronyms and "the party"
    kinds: list[tuple[int, int, str]]  # "the party" and the like, resolved after
    mentions: list[ActorMention]  # the answer


def find_actors(text: str, index: ActorIndex,
                tagged: Sequence[tuple[int, int, int]] = ()) -> list[ActorMention]:
    """Every mention of a known actor, a known person's surname, a state and an acronym
    defined in the text, in text order, none overlapping. tagged: (start, end, actor_id)
    of this article's actor tags (they settle which of several people a surname means)."""
    return find_actor_pass(text, index, tagged).mentions


def finish_pass(text: str, index: ActorIndex, first: list[ActorMention],
                kinds: list[tuple[int, int, str]],
                tagged: Sequence[tuple[int, int, int]]) -> list[ActorMention]:
    """The names' pass with acronyms defined in the text and "the party" added."""
    anchors = {}
    for start, end, actor_id in tagged:
        known = index.actors.get(actor_id)
        if known is not None:
            anchors[start] = ActorMention(start, end, actor_id, known[0], known[1], "", True)
    mentions = acronym_mentions(text, first, anchors)
    if kinds or "«" in text or "“" in text:  # quoted names: see body_nouns
        return _with_kinds(text, index, mentions, kinds, tagged)
    return mentions


def find_actor_pass(text: str, index: ActorIndex,
                    tagged: Sequence[tuple[int, int, int]] = ()) -> ActorPass:
    """find_actors, with what it was worked out from."""
    if index.automaton is None:
        return ActorPass(index, None, (), [], [], acronym_mentions(text, []))
    scan, found = _scanned(text, index)
    first, kinds = _names_pass(text, index, tagged, scan, found)
    return ActorPass(index, scan, found, first, kinds,
                     finish_pass(text, index, first, kinds, tagged))


KIND = ActorMention(-1, -1, None, "", "", "", False)  # read_match: "the party", read after


def read_match(text: str, index: ActorIndex, start: int, end: int, key: str,
               context: SurnameContext, memo: dict[tuple[int, int], tuple[bool, bool]]
               ) -> ActorMention | None:
    """What a whole-word match of key at text[start:end] names as the names' pass reads
    it: a name, a surname, a first name; KIND for a noun resolved after every name."""
    mention = None
    entries = index.names.get(key)
    if entries is not None:
        e = entries[0]
        if len(entries) == 1 and not e.table and e.known.certain and not e.dotted and (
                e.case == ANY_CASE or text[start].isupper()) and e.case != CAPITALS:
            n = e.known  # the usual case, inlined
            return ActorMention(start, end, n.actor_id, n.canonical, n.actor_type, e.reason,
                                True)
        mention = _name_mention(text, entries, start, end, context, index.knows, memo)
    if mention is None and key in index.persons:
        mention = surname_mention(text, index.persons[key], key, start, end, context,
                                  index.knows, index.person_by_id)
    if mention is None and key in index.firsts:
        mention = first_name_mention(text, index.firsts[key], start, end, context)
    if mention is None and (key in index.kinds or key in index.generic or key in index.heads):
        return KIND
    return mention


def _names_pass(text: str, index: ActorIndex, tagged: Sequence[tuple[int, int, int]],
                scan: _Scan, found: Sequence[tuple[int, int, str, int]]
                ) -> tuple[list[ActorMention], list[tuple[int, int, str]]]:
    context = SurnameContext(tagged, index.surnames)
    mentions: list[ActorMention] = []
    names, contextual = index.names, index.contextual
    kinds: list[tuple[int, int, str]] = []  # "the party": after the names and acronyms
    taken = 0  # end of the last mention: matches never overlap
    todo = list(reversed(found))  # a stack: the next match last
    while todo:
        start, end, key, last = todo.pop()
        if start < taken:
            continue
        mention = None
        if end != -1:
            entries = names.get(key)
            e = entries[0] if entries is not None and len(entries) == 1 else None
            if e is not None and not e.table and e.known.certain and not e.dotted and (
                    e.case == ANY_CASE or text[start].isupper()) and e.case != CAPITALS:
                n = e.known  # the usual case, inlined (as read_match has it)
                mention = ActorMention(start, end, n.actor_id, n.canonical, n.actor_type,
                                       e.reason, True)
            else:
                mention = read_match(text, index, start, end, key, context, scan.memo)
            if mention is KIND:
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
    return mentions, kinds


def _with_kinds(text: str, index: ActorIndex, mentions: list[ActorMention],
                kinds: list[tuple[int, int, str]], tagged: Sequence[tuple[int, int, int]]
                ) -> list[ActorMention]:
    """The mentions with "the party" and the like resolved against all of them."""
    spans = list(tagged)
    spans += [(m.start, m.end, m.actor_id) for m in mentions if m.actor_id is not None]
    nouns = declared_nouns(text, spans)
    if not kinds:  # what follows reads only the kinds (suggesting runs after every tag)
        added = _declared_mentions(text, index, nouns, spans, mentions) if nouns else []
        return sorted(mentions + added) if added else mentions
    context = SurnameContext(tagged)
    for m in mentions:
        if m.actor_id is not None:
            context.seen(m.actor_id, m.start)
    starts = [m.start for m in mentions]
    added = []
    firsts: dict[str, list[tuple[int, int]]] = {}
    declared = {a: index.generic[search_key(noun)] for noun, a in nouns.items()
                if search_key(noun) in index.generic}
    # a quoted name is a body; a company only if the text gave it no other noun
    # ("профсоюз «Единство»")
    other_kind = {a for noun, a in nouns.items() if has_stem(noun, NOT_COMPANY_WORDS)}
    quoted = _Quoted(text, spans, other_kind)
    for start, end, key in kinds:
        i = bisect_right(starts, start)
        if i and mentions[i - 1].end > start:
            continue  # inside a name
        if i and _APPOSITION.fullmatch(text, mentions[i - 1].end, start) and _opens(
                text, mentions[i - 1].start):
            continue  # "The Vale Independents, the group Birch leads, …": says what it is
        mention = None
        if key in index.kinds:
            mention = _kind_mention(text, index.kinds[key], start, end, context)
        if mention is None and key in index.generic:
            mention = _generic_mention(text, index, index.generic[key], start, end, context,
                                       firsts, declared, quoted)
        if mention is None and key in index.heads:
            mention = _head_mention(text, index.heads[key], start, end, context)
        if mention is not None:
            added.append(mention)
            if mention.actor_id is not None:  # "the Foundation" counts as naming it
                context.seen(mention.actor_id, mention.start)
    if nouns:
        added.extend(_declared_mentions(text, index, nouns, spans, mentions + added))
    return sorted(mentions + added) if added else mentions


class _Quoted:
    """The actors with a span in quotation marks or before "which", not given another
    kind by the text: asked for the few bodies "the company" may be, so each is looked at
    only when asked (the spans are every tag and mention)."""

    def __init__(self, text: str, spans: Sequence[tuple[int, int, int]],
                 other_kind: set[int]) -> None:
        self.text, self.spans, self.other_kind = text, spans, other_kind
        self.by_id: dict[int, list[tuple[int, int]]] | None = None
        self.memo: dict[int, bool] = {}

    def __contains__(self, actor_id: object) -> bool:
        if not isinstance(actor_id, int) or actor_id in self.other_kind:
            return False
        found = self.memo.get(actor_id)
        if found is None:
            if self.by_id is None:
                self.by_id = {}
                for s, e, a in self.spans:
                    self.by_id.setdefault(a, []).append((s, e))
            text = self.text
            found = self.memo[actor_id] = any(
                quoted_name(text, s, e) or thing_named(text, e)
                for s, e in self.by_id.get(actor_id, ()))
        return found


    def said(self, actor_id: int, kind: str) -> bool:
        """Did the text call the actor a body of that kind next to a mention of it ("the
        environmental group Rios Vivos", "X, a watchdog,")? (kind_nouns.declared_near)"""
        if self.by_id is None:
            self.by_id = {}
            for s, e, a in self.spans:
                self.by_id.setdefault(a, []).append((s, e))
        return declared_near(self.text, self.by_id.get(actor_id, ()), kind)


def _declared_mentions(text: str, index: ActorIndex, nouns: dict[str, int],
                       spans: Sequence[tuple[int, int, int]], found: list[ActorMention]
                       ) -> list[ActorMention]:
    """"профсоюза" after "профсоюз «Единство»": the noun the text put before a quoted name,
    alone later, is probably that body (found: the mentions so far, never overlapped)."""
    first: dict[int, int] = {}
    for start, _end, actor_id in sorted(spans):
        first.setdefault(actor_id, start)
    taken = sorted((m.start, m.end) for m in found)
    out = []
    for start, end, actor_id in noun_mentions(text, nouns, first):
        i = bisect_right(taken, (start, len(text)))
        if (i and taken[i - 1][1] > start) or (i < len(taken) and taken[i][0] < end):
            continue
        if not determined(text, start, end) or actor_id not in index.actors:
            continue
        canonical, actor_type = index.actors[actor_id]
        out.append(ActorMention(start, end, actor_id, canonical, actor_type,
                                f"probably {canonical}: “{text[start:end]}”, the noun the"
                                " text named it with", False))
    return out
