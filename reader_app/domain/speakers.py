"""Who speaks: the speaker phrase before or after a speech verb, read as an actor. Pure Python.

A speaker is a tagged actor, a known name, a pronoun resolved to the last person tagged
before it in its paragraph, an untagged name (claimant unknown, but its span is given so an
actor suggested there can be linked), or a common noun ("officials said": nobody to link).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Mapping, Sequence
from itertools import islice, pairwise
from typing import NamedTuple

from reader_app.domain.actor_gender import FEMALE, MALE, honorific_gender
from reader_app.domain.actors import match_key
from reader_app.domain.demonyms import VOICES, state_of
from reader_app.domain.kind_nouns import kind_of_noun
from reader_app.domain.speech_index import QUOTE
from reader_app.domain.speech_words import (
    AUXILIARIES,
    DAY_PREPOSITIONS,
    DETERMINERS,
    IMPERSONAL,
    NAME_LINKS,
    NEGATIONS,
    OBJECT_PRONOUNS,
    PREPOSITIONS,
    PRONOUNS,
    ROLE_PERSONS,
    THAT,
    TIME_MODIFIERS,
    TIME_UNITS,
    TIME_WORDS,
    TOLD_AFTER_NAME,
    VERB,
)

Span = tuple[int, int, int]  # (start, end, actor id) of an actor tag

_WORD = re.compile(r"[^\W\d_][\w'’.-]*|\d[\w.-]*")
# Between a tagged actor and its verb: "’s Defense Ministry", "’s foreign minister".
_POSSESSED = re.compile(r"['’]s(?:\s+[^\W\d_][\w'’.-]*){1,3}\s*")
_CONJUNCTIONS = frozenset("and but or nor yet so і й та а але чи и но или".split())
_AS = frozenset("as як как".split())
_ACRONYM_TAIL = re.compile(r"\s*\(\w[\w.&-]{0,12}\)\s*$")
_NAME_CLOSERS = frozenset(("»", "”", '"', "“", "’"))
_NAME_OPENERS = frozenset(("«", "“", '"', "„"))
_SUBORDINATORS = frozenset("""
    as while when after before because if since although though where whereas until once
    коли поки бо якщо хоча після когда пока потому если хотя после где
    """.split())
_PARTICIPLES = ("ing", "вши", "чи", "я")
# Russian gerunds in -в, written as Ukrainian past forms ("Шмигаль, який …, заявив, що"):
# read as gerunds only before a Russian "что" ("…, заявив, что …")
_SHORT_GERUNDS = frozenset("""заявив сообщив отметив подчеркнув добавив пояснив уточнив
    напомнив признав предупредив пообещав""".split())
_CLAUSE_NEXT = re.compile(r"\s*,?\s*что\b")
_SENTENCE_END = re.compile(r"[.!?…][”»\"]?\s")
_CLAUSE = ",;:—–()“”«»\"„"
MAX_WORDS = 8  # a speaker phrase is short: "Russia's Deputy Foreign Minister Sergei Ryabkov"
WINDOW = 160  # characters before a verb that can hold its subject (with an appositive)


class Speaker(NamedTuple):
    claimant_id: int | None
    start: int | None  # the named speaker (the antecedent of a pronoun); None: not named
    end: int | None
    label: str  # for a reason: “Okafor”, “he” (Okafor), the minister
    at: int = -1  # where the speaker phrase starts in the text (-1: unknown)


class Actors:
    """The article's actor tags and the library's names, read by position."""

    def __init__(self, spans: Sequence[Span], known: Mapping[str, int],
                 persons: Collection[int] = ()) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _, _ in self.spans]
        self._by_end: list[Span] | None = None
        self.ends: list[int] = []
        self.known = known
        self.has_known = bool(known)
        self.persons = frozenset(persons)

    def ending_at(self, pos: int) -> Span | None:
        """The longest tag ending exactly at pos."""
        if self._by_end is None:  # only the paragraph being read needs it
            self._by_end = sorted(self.spans, key=lambda sp: (sp[1], sp[1] - sp[0]))
            self.ends = [e for _, e, _ in self._by_end]
        i = bisect_right(self.ends, pos) - 1
        return self._by_end[i] if i >= 0 and self.ends[i] == pos else None

    def starting_in(self, lo: int, hi: int) -> list[Span]:
        return self.spans[bisect_left(self.starts, lo):bisect_left(self.starts, hi)]

    def last_person_before(self, pos: int, lo: int) -> Span | None:
        """The last person tagged in text[lo:pos]."""
        for sp in reversed(self.spans[bisect_left(self.starts, lo):bisect_left(self.starts, pos)]):
            if sp[2] in self.persons and sp[1] <= pos:
                return sp
        return None


def _quoted(text: str, start: int, end: int) -> str:
    return "“" + " ".join(text[start:end].split()) + "”"


def _words(text: str, lo: int, hi: int, limit: int | None = None) -> list[tuple[int, int]]:
    """The words in text[lo:hi], the first `limit` of them when given: a hostile text can
    be one sentence of a megabyte, and a speaker is read from a few words only."""
    found = _WORD.finditer(text, lo, hi)
    return [m.span() for m in (islice(found, limit) if limit is not None else found)]


# Cyrillic names are inflected where speech is reported: "за словами Зеленського", "по словам
# Пескова", "заявила Захаровой"; these endings give the nominative a library knows.
_CASE_ENDINGS = (("ого", "ий"), ("ого", "ой"), ("ої", "а"), ("ой", "а"), ("ою", "а"),
                 ("ові", ""), ("ову", ""), ("ом", ""), ("ым", ""), ("им", "ий"),
                 ("а", ""), ("а", "о"), ("и", "а"), ("ы", "а"), ("і", "а"), ("е", "а"),
                 ("я", "ь"), ("ю", "ь"), ("у", ""), ("у", "а"), ("ю", "я"))


def _nominatives(word: str) -> list[str]:
    out = [word]
    if word and "\u0400" <= word[-1] <= "\u04ff":
        out += [word[:-len(end)] + base for end, base in _CASE_ENDINGS
                if word.endswith(end) and len(word) > len(end) + 2]
    return out


def known_id(known: Mapping[str, int], name: str) -> int | None:
    """The actor a library name (or its inflected form) belongs to."""
    key = match_key(name)
    actor_id = known.get(key)
    if actor_id is not None or not key:
        return actor_id
    words = key.split()
    if len(words) > 3 or not words[-1] or not "\u0400" <= words[-1][-1] <= "\u04ff":
        return None
    forms = [""]
    for word in words:
        forms = [f"{f} {n}".strip() for f in forms for n in _nominatives(word)]
    return next((i for i in map(known.get, forms) if i is not None), None)


def _known_tail(text: str, words: Sequence[tuple[int, int]],
                actors: Actors) -> Speaker | None:
    """The longest known name ending the words ("Foreign Minister Sergei Lavrov"), else a
    known possessor in them ("Russia's Defense Ministry")."""
    if not actors.has_known:
        return None
    for i in range(len(words)):
        start, end = words[i][0], words[-1][1]
        actor_id = known_id(actors.known, text[start:end])
        if actor_id is not None:
            return Speaker(actor_id, start, end, _quoted(text, start, end), start)
    for j, (_s, e) in enumerate(words):
        if text[e - 2:e] in ("'s", "’s"):
            for i in range(j + 1):
                start = words[i][0]
                actor_id = actors.known.get(match_key(text[start:e - 2]))
                if actor_id is not None:
                    return Speaker(actor_id, start, e - 2, _quoted(text, start, e - 2), start)
    return None


def _name_tail(words: Sequence[tuple[int, int]], text: str) -> tuple[int, int] | None:
    """The capitalised words ending the phrase: an untagged name ("Tomas Brenner")."""
    i = len(words)
    while i > 0 and (text[words[i - 1][0]].isupper() or (
            i > 1 and i < len(words) and text[words[i - 1][0]:words[i - 1][1]] in NAME_LINKS
            and text[words[i - 2][0]].isupper())):  # "Ministry of Defence"
        i -= 1
    if i == len(words):
        return None
    if i > 0 and text[words[i - 1][0]:words[i - 1][1]].lower() in PREPOSITIONS:
        return None  # "officials in Odesa said": Odesa is not who speaks
    if text[words[i][0]:words[i][1]].lower() in DETERMINERS:  # "The Kremlin"
        i += 1
    return (words[i][0], words[-1][1]) if i < len(words) else None


def _name_label(text: str, lo: int, hi: int) -> str:
    """An untagged name for a reason, without its possessor and title: "Marvia's Trade
    Minister Oskar Lindqvist-Hale" is “Oskar Lindqvist-Hale” (not "the Prime Minister's
    Office", a title's possession)."""
    words = _words(text, lo, hi)
    for j in range(len(words) - 2, -1, -1):
        word = text[words[j][0]:words[j][1]]
        possessor = word.endswith(("'s", "’s")) and word[:-2].lower() not in ROLE_PERSONS
        if (possessor or word.lower() in ROLE_PERSONS or word.lower() in _RANKS) and all(
                text[s].isupper() for s, _ in words[j + 1:]):
            return _quoted(text, words[j + 1][0], hi)
    return _quoted(text, lo, hi)


# military and court titles before a name ("Colonel Ruth Abara"): not part of it
_RANKS = frozenset("colonel lieutenant admiral brigadier sergeant captain marshal judge".split())


def pronoun(text: str, start: int, end: int, actors: Actors) -> Speaker:
    """"he", "вона": the last person tagged before it in its paragraph, not one inside a
    quotation (a speaker talks about them) nor a possessor ("rejected Sedykh's claims")
    when someone else was named; with nobody in its paragraph ("According to him, …"
    opening one), the last person of the paragraph before."""
    word = text[start:end]
    paragraph = text.rfind("\n", 0, start) + 1
    person = _antecedent(text, paragraph, start, actors, word)
    if person is None and not _SENTENCE_END.search(text, paragraph, start):
        lo, hi = paragraph_before(text, paragraph)
        if hi > lo:
            person = _antecedent(text, lo, hi, actors, word)
    elif person is None and not actors.starting_in(paragraph, start):
        # "…,” the deputy minister stated. In his words, …": nobody is tagged in the
        # paragraph, so it goes on from the person tagged last in the one before (tags
        # only: a paragraph's suggestions depend on its own text and names)
        lo, hi = paragraph_before(text, paragraph)
        tagged = [sp for sp in actors.starting_in(lo, hi) if sp[2] in actors.persons]
        if tagged:
            person = tagged[-1]
    if person is None:
        person = _office_subject(text, paragraph, start, actors)
    if person is None:
        voice = _voice_before(text, paragraph, start, actors)
        if voice is not None:
            s, e, actor_id = voice
            return Speaker(actor_id, s, e, f"“{word}” (a spokesperson of {_quoted(text, s, e)})",
                           start)
        named = _earlier_subject(text, paragraph, start, actors)
        if named is not None and named.start is not None and named.end is not None:
            # nobody tagged or known, but a name spoke before it: "According to Sorokin, …
            # He said …" (no claimant to link, only the reason's words)
            return Speaker(None, named.start, named.end,
                           f"“{word}” ({named.label}, the last speaker named)", start)
        return Speaker(None, None, None, f"“{word}” (no person named before it)", start)
    s, e, actor_id = person
    return Speaker(actor_id, s, e, f"“{word}” ({_quoted(text, s, e)}, the last person named)",
                   start)


def _office_subject(text: str, lo: int, hi: int, actors: Actors) -> Span | None:
    """The person an office spoke as earlier in text[lo:hi] ("Директорка «X» заявила, …
    — сказала вона"): the last speech verb there whose subject is an office holder."""
    for hit in reversed(list(VERB.finditer(text, lo, hi))):
        words = _words(text, max(lo, hit.start() - 60), hit.start())
        if not any(text[s:e].lower() in ROLE_PERSONS for s, e in words[-4:]):
            continue
        found = before(text, lo, hit.start(), actors)
        if found is not None and found.start is not None and found.end is not None and \
                found.claimant_id in actors.persons:
            return found.start, found.end, found.claimant_id
    return None


_VOICES = frozenset("""spokesman spokeswoman spokesperson official representative adviser
    advisor source press речник речниця представник представниця представитель
    представительница""".split())


def _voice_before(text: str, lo: int, hi: int, actors: Actors) -> Span | None:
    """The last body whose spokesperson speaks in text[lo:hi] ("a Pentagon spokeswoman
    said. … she added"): the voice a pronoun stands for when no person is named."""
    for sp in reversed(actors.spans[bisect_left(actors.starts, lo):
                                    bisect_left(actors.starts, hi)]):
        after = _WORD.match(text, sp[1] + 1) if text[sp[1]:sp[1] + 1] == " " else None
        if after is not None and after.group().lower() in _VOICES:
            return sp
    return None


def paragraph_before(text: str, paragraph: int) -> tuple[int, int]:
    """The last paragraph with words before the one starting at `paragraph` (what a
    pronoun opening a paragraph reads: speech's paragraph cache keys on it too)."""
    hi = paragraph - 1
    while hi > 0 and text[hi - 1].isspace():
        hi -= 1
    return text.rfind("\n", 0, hi) + 1, max(0, hi)


_PRONOUN_GENDER = {"he": MALE, "she": FEMALE}


def _other_gender(text: str, sp: Span, word: str) -> bool:
    """Is the person at sp named with an honorific of the other gender than "he"/"she"
    ("she said" after "Mr Dale")?"""
    m = _WORD.match(text, sp[0])
    gender = honorific_gender(m.group()) if m is not None else None
    if gender is None:
        before_words = _WORD.findall(text, max(0, sp[0] - 6), sp[0])
        gender = honorific_gender(before_words[-1]) if before_words else None
    return gender is not None and word in _PRONOUN_GENDER and _PRONOUN_GENDER[word] != gender


def _antecedent(text: str, lo: int, hi: int, actors: Actors, word: str = "") -> Span | None:
    """The last person named in text[lo:hi] outside quotations, a possessor only when
    nobody else is, never one named as of the other gender ("Mr", "Ms") than word."""
    quoted = [m.span() for m in QUOTE.finditer(text, lo, hi)]
    candidates = [sp for sp in actors.spans[bisect_left(actors.starts, lo):
                                            bisect_left(actors.starts, hi)]
                  if sp[2] in actors.persons and sp[1] <= hi]
    named = _last_known_person(text, lo, hi, actors)
    if named is not None and not any(sp[0] == named[0] for sp in candidates):
        candidates.append(named)
        candidates.sort()
    outside = [sp for sp in candidates if not any(a < sp[0] and sp[1] < b for a, b in quoted)
               and not _other_gender(text, sp, word.lower())]
    plain = [sp for sp in outside if text[sp[1]:sp[1] + 2] not in ("'s", "’s")]
    chosen = plain or outside
    return chosen[-1] if chosen else None


_CAPITALISED = re.compile(r"[^\W\d_a-zа-яёіїєґ][\w'’-]*(?:\s+[^\W\d_a-zа-яёіїєґ][\w'’-]*){0,3}")


def _last_known_person(text: str, lo: int, hi: int, actors: Actors) -> Span | None:
    """The last known person's name in text[lo:hi] (a name the library knows, untagged here)."""
    if not actors.persons or not actors.has_known:
        return None
    last: Span | None = None
    for m in _CAPITALISED.finditer(text, lo, hi):
        words = _words(text, m.start(), m.end())
        for i in range(len(words)):  # "Energy Minister Herman Halushchenko": the known tail
            actor_id = known_id(actors.known, text[words[i][0]:m.end()])
            if actor_id is not None and actor_id in actors.persons:
                last = (words[i][0], m.end(), actor_id)
                break
    return last


_DOCUMENTS = frozenset("""statement statements report release post letter note filing
    announcement""".split())
_FROM = frozenset("from by of".split())


def phrase(text: str, lo: int, hi: int, actors: Actors) -> Speaker | None:
    """Read text[lo:hi] (trimmed) as a whole speaker phrase; None when it is not one."""
    while lo < hi and text[lo] in " \t\u00a0,—–-":
        lo += 1
    while hi > lo and text[hi - 1] in " \t\u00a0,":
        hi -= 1
    # MAX_WORDS + 2 words decide it: more before a preposition is no speaker (below)
    words = _words(text, lo, hi, MAX_WORDS + 2)
    if not words:
        return None
    first = text[words[0][0]:words[0][1]].lower()
    lowered = [text[s:e].lower() for s, e in words[:4]]
    for k in range(min(3, len(lowered) - 1)):
        if lowered[k] in _DOCUMENTS and lowered[k + 1] in _FROM and len(words) > k + 2 and \
                all(w in DETERMINERS for w in lowered[:k]):
            # "according to a statement from Unilever": the statement's author
            return phrase(text, words[k + 2][0], hi, actors)
    if first in DAY_PREPOSITIONS and len(words) > 2 and \
            text[words[1][0]:words[1][1]].lower() in TIME_WORDS:
        return phrase(text, words[1][1], hi, actors)  # "повідомили у четвер у міськраді"
    if first in TIME_WORDS and len(words) > 2 and lowered[1] in IMPERSONAL:
        return phrase(text, words[1][0], hi, actors)  # "сообщили сегодня в предприятии …"
    if first in IMPERSONAL and len(words) > 1:
        # "як повідомили в міністерстві", "сообщили в Кремле": the institution speaks
        inner = phrase(text, words[1][0], hi, actors)
        return inner or Speaker(None, None, None, _quoted(text, words[1][0], hi), words[1][0])
    # the speaker ends where the place or the time begins: "сказал Чебан на митинге",
    # "said Okafor in Brussels on Monday"
    cut = next((i for i in range(1, len(words))
                if text[words[i][0]:words[i][1]].lower() in PREPOSITIONS
                or text[words[i][0]:words[i][1]].lower() in TIME_WORDS
                or text[words[i][0]:words[i][1]].lower() in TOLD_AFTER_NAME), len(words))
    if cut < len(words) and not (text[words[cut][0]:words[cut][1]] in NAME_LINKS
                                 and text[words[cut - 1][0]].isupper()
                                 and cut + 1 < len(words) and text[words[cut + 1][0]].isupper()):
        words = words[:cut]
        hi = words[-1][1]
    if len(words) > MAX_WORDS or first in _CONJUNCTIONS or first in THAT:
        return None
    if first in PRONOUNS or (len(words) == 1 and first in OBJECT_PRONOUNS):
        return pronoun(text, *words[0], actors)  # "повідомив він", "according to him"
    # a tagged actor that starts the phrase ("said Kuleba, Ukraine's foreign minister"),
    # or the longest one in it
    tagged = [sp for sp in actors.starting_in(lo, hi) if sp[1] <= hi]
    if tagged:
        sp = max(tagged, key=lambda t: (t[0] == lo, t[1] - t[0]))
        return Speaker(sp[2], sp[0], sp[1], _quoted(text, sp[0], sp[1]), sp[0])
    known = _known_tail(text, words, actors)
    if known is not None:
        return known
    national = _national(text, words, actors)
    if national is not None:
        return national
    name = _name_tail(words, text)
    if name is not None:
        return Speaker(None, name[0], name[1], _name_label(text, *name), name[0])
    role = _role(text, words, actors) or _its(text, words, actors) or \
        _own_body(text, words, actors)
    if role is not None:
        return role
    # a common noun: "said the ministry's spokeswoman", "сказал глава ведомства"
    if len(words) <= 4 and (first in DETERMINERS or len(words) == 1):
        return _state_voice(text, words, actors) or Speaker(None, None, None,
                                                             _quoted(text, lo, hi), lo)
    return None


def before(text: str, lo: int, verb: int, actors: Actors) -> Speaker | None:
    """The speaker ending right before the verb at text[verb], in text[lo:verb]:
    "Okafor said", "Okafor, a senior figure in the party, told", "Russia's ministry said",
    "he has said". None when no subject stands there ("…, said Okafor")."""
    if verb - lo > WINDOW:  # a speaker phrase is short: read only the words next to the verb
        lo = text.find(" ", verb - WINDOW, verb) + 1 or verb - WINDOW
    words = _words(text, lo, verb)
    # "Okafor has also said", "Лавров в понедельник заявил": skip auxiliaries and the day
    while words and not text[words[-1][1]:verb].strip():
        word = text[words[-1][0]:words[-1][1]].lower()
        prev = text[words[-2][0]:words[-2][1]].lower() if len(words) > 1 else ""
        if text[words[-1][0]:words[-1][1]].rstrip(".") in _POST_NOMINALS and len(words) > 1:
            words.pop()  # "Joan Pike KC told": letters after a name are no part of it
            verb = words[-1][1] if words else verb
            continue
        if (word in TIME_WORDS and prev in DAY_PREPOSITIONS
                or word in TIME_UNITS and prev in TIME_MODIFIERS):
            words.pop()
        elif word in NEGATIONS:
            return None  # "Okafor did not say": nothing was said
        elif word not in AUXILIARIES and word not in TIME_WORDS:
            break
        verb = words[-1][0]
        words.pop()
    if not words:
        return None
    # "The Central Election Commission (CEC) said", "«Энергоком» сообщил": the acronym and
    # the quotation marks of a name belong to the subject
    acronym = _ACRONYM_TAIL.search(text, max(lo, verb - 24), verb)
    if acronym is not None:
        verb = acronym.start()
        words = [w for w in words if w[1] <= verb]
        if not words:
            return None
    end = words[-1][1]
    if text[end:verb].strip(" \t\u00a0"):  # punctuation between: "…, said Okafor"
        gap = text[end:verb].strip()
        if gap in _NAME_CLOSERS:
            verb = end
        elif gap.endswith(",") and all(c in _NAME_CLOSERS for c in gap[:-1]):
            end = text.index(",", end, verb)  # "…, яка очолює «Північ Транс», заявила"
        elif gap == ")," and "(" in text[max(lo, end - 30):end]:
            end += 1  # "Engström, who led the mission (OSCE), said"
        elif gap != ",":
            return None
    if text[end:verb].strip() == "," or text[end - 1:verb].strip() == "),":
        if _participle(text, verb):
            # "Kyiv rejected the claims, saying …": the subject of the verb before; "Лавров
            # открыл встречу, заявив, что …": the sentence's subject (not for "…,
            # говорится в заявлении", whose speaker follows)
            found = _earlier_subject(text, lo, end, actors)
            if found is None and not text[verb:verb + 30].split(None, 1)[0].endswith("ся"):
                found = _main_subject(text, lo, end, actors)
            return found
        return _appositive(text, lo, end, verb, actors)
    last = text[words[-1][0]:end]
    if _gerund(text, verb):
        if last.lower() in _SUBORDINATORS:
            # "General Kamau drew criticism after telling …": the sentence's subject
            return _main_subject(text, lo, words[-1][0], actors)
        with_at = _absolute_with(text, words)
        if with_at is not None:
            words = words[with_at:]  # "…, with Marvia accusing …": Marvia accuses
    if last.lower() in _AS:
        return None  # "as Okafor said", "як заявив Зеленський": the speaker follows
    if last.lower() in _CONJUNCTIONS:
        # "Marlow described them … and accused": the subject of the verb before
        return _earlier_subject(text, lo, words[-1][0], actors)
    if last.lower() in PRONOUNS:
        return pronoun(text, words[-1][0], end, actors)
    if last.lower() in _WHO or last.lower() in _WHICH:
        # "Kaisa Lehtonen, who said last Tuesday that …": the name the clause is about
        return _relative_head(text, lo, words[-1][0], last.lower() in _WHO, actors)
    if last.lower() in DETERMINERS or last[-2:] in ("'s", "’s"):
        return None  # "the claims", "Okafor's claims": a noun, not a verb
    sp = actors.ending_at(end)
    if sp is None:
        # "Russia's Defense Ministry said" with Russia tagged
        for cand in reversed(actors.starting_in(max(lo, end - 80), end)):
            tail = _POSSESSED.fullmatch(text, cand[1], verb)
            if tail is not None and cand[1] < end:
                if cand[2] in actors.persons and _ENTOURAGE.intersection(
                        w.lower() for w in _WORD.findall(text, cand[1], verb)):
                    # "Mr Heller's aides say": people around him, not he
                    return Speaker(None, None, None, _quoted(text, cand[0], verb), cand[0])
                sp = cand
                break
    if sp is not None and sp[0] >= lo:
        if sp[2] not in actors.persons:  # "Директорка «Поліської мережі» заявила": she
            lead = [w for w in words if w[0] < sp[0]][-2:]
            for k in range(len(lead)):
                holder = _office_holder(text, [*lead[k:], *(w for w in words
                                                           if sp[0] <= w[0] < sp[1])], actors)
                if holder is not None:
                    return holder
        return Speaker(sp[2], sp[0], sp[1], _quoted(text, sp[0], sp[1]),
                       _phrase_start(text, lo, sp[0]))
    return _subject(text, lo, words, actors)


def _participle(text: str, verb: int) -> bool:
    """Is the verb at text[verb] an adverbial participle ("saying", "заявивши", "заявляя",
    Russian "заявив" before "что" or a comma)?"""
    found = _WORD.match(text, verb)
    if found is None:
        return False
    word = found.group().lower()
    if word.endswith(_PARTICIPLES):
        return True
    return word in _SHORT_GERUNDS and bool(_CLAUSE_NEXT.match(text, found.end()))


def _gerund(text: str, verb: int) -> bool:
    """Is the speech verb at text[verb] an English "-ing" form ("telling", "accusing")?"""
    found = _WORD.match(text, verb)
    return found is not None and found.group().lower().endswith("ing")


def _absolute_with(text: str, words: Sequence[tuple[int, int]]) -> int | None:
    """Where the subject of "with X accusing" starts (the word after "with"), when "with"
    is among the last words before the verb and no clause break follows it."""
    for k in range(len(words) - 2, max(-1, len(words) - MAX_WORDS - 1), -1):
        if any(c in text[words[k][1]:words[k + 1][0]] for c in _CLAUSE):
            return None
        if text[words[k][0]:words[k][1]].lower() == "with":
            return k + 1
    return None


def _main_subject(text: str, lo: int, hi: int, actors: Actors) -> Speaker | None:
    """The subject of the sentence whose main clause ends at text[hi]: the capitalised
    words leading that clause ("Mayor Dana Whitfield faced protests while …"), else the
    name in an appositive before it ("Calderan's army chief, General Idris Kamau, drew …")."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, lo, hi)]
    start = ends[-1] if ends else lo
    cuts = [start] + [i + 1 for i in range(start, hi) if text[i] == ","] + [hi]
    pieces = [(a, b) for a, b in pairwise(cuts) if text[a:b].strip(" ,")]
    if not pieces:
        return None
    clause = _words(text, *pieces[-1])
    lead = 0
    while lead < len(clause) and (text[clause[lead][0]].isupper() or text[
            clause[lead][0]:clause[lead][1]].lower() in DETERMINERS):
        lead += 1
    if 0 < lead < len(clause) and any(text[s].isupper() for s, _ in clause[:lead]):
        return phrase(text, clause[0][0], clause[lead - 1][1], actors)
    for a, b in reversed(pieces[:-1]):
        found = phrase(text, a, b, actors)
        if found is not None and found.start is not None:
            return found
    return phrase(text, *pieces[0], actors) if len(pieces) > 1 else None


_ARTICLES = frozenset("the a an".split())
_TITLE_WORDS = 4  # "…, Deputy Foreign Minister Reyes said": the words a title may take


def _phrase_start(text: str, lo: int, start: int) -> int:
    """Where the speaker phrase of a tag at text[start] begins: before the title or
    honorific right before it ("did nothing, Mr Reyes insisted" with "Reyes" tagged), so
    the clause before it ends at the comma."""
    words = _words(text, max(lo, start - 60), start)
    at = start
    for s, e in reversed(words[-_TITLE_WORDS:]):
        word = text[s:e].lower()
        if text[e:at].strip() or word in PREPOSITIONS or word in _CONJUNCTIONS or \
                word in THAT or word in _SUBORDINATORS or word in DETERMINERS:
            if word in _ARTICLES and not text[e:at].strip():
                at = s  # "…, the [agency] pointed out": the article is the phrase's too
            break
        at = s
    return at


_WHICH = frozenset("which".split())
# letters after a person's name: "Joan Pike KC", "Leo Hart MP"
_POST_NOMINALS = frozenset("KC QC SC MP MEP MSP Jr Sr PhD OBE MBE CBE".split())
# the other forms of a relative pronoun, after a preposition: "through which", "через которую"
_RELATIVE_FORMS = frozenset("""which whom whose якого якої якому якій яким якою які яку
    якими яких которого которой которому котором которым которую которые которых которыми
    котрого котрої котрій котру""".split())


def _relative(text: str, words: Sequence[tuple[int, int]]) -> bool:
    """Do the words open a relative clause: "who heads …", "which runs …", "через которую …"?"""
    first = text[words[0][0]:words[0][1]].lower()
    if first in _WHO or first in _WHICH or first in _RELATIVE_FORMS:
        return True
    return len(words) > 1 and first in PREPOSITIONS and \
        text[words[1][0]:words[1][1]].lower() in _RELATIVE_FORMS
# Who speak about a person without being that person: "Mr Heller's aides say"
_ENTOURAGE = frozenset("""aides aide allies ally advisers adviser advisors advisor associates
    supporters critics friends colleagues opponents rivals entourage camp""".split())


def _relative_head(text: str, lo: int, pos: int, person: bool, actors: Actors) -> Speaker | None:
    """Who "who" (a person) or "which" (anything) right after a comma stands for: the person
    tagged last in the clause before the comma ("Energy Minister Elena Rusu of Romania, who
    said"), else the actor tagged right before it."""
    comma = text.rfind(",", lo, pos)
    if comma < 0 or text[comma + 1:pos].strip():
        return None
    head_end = _end_before(text, lo, comma)
    clause = max(lo, text.rfind(",", max(lo, head_end - WINDOW), head_end) + 1,
                 head_end - WINDOW)
    inside = [sp for sp in actors.starting_in(clause, head_end) if sp[1] <= head_end]
    people = [sp for sp in inside if sp[2] in actors.persons] if person else []
    sp = people[-1] if people else actors.ending_at(head_end)
    if sp is None:
        return None
    return Speaker(sp[2], sp[0], sp[1], _quoted(text, sp[0], sp[1]), sp[0])


def _state_voice(text: str, words: Sequence[tuple[int, int]],
                 actors: Actors) -> Speaker | None:
    """"Turkish officials", "a senior American diplomat", "the Uzbek foreign ministry": an
    official voice with a state's adjective speaks for that state (when the library knows
    it); "Turkish farmers" do not."""
    if not actors.has_known or len(words) > 6:
        return None
    found = [text[s:e] for s, e in words]
    if not any(w.lower() in VOICES for w in found):
        return None
    for w in found:
        state = state_of(w)
        actor_id = known_id(actors.known, state) if state else None
        if actor_id is not None:
            lo, hi = words[0][0], words[-1][1]
            return Speaker(actor_id, None, None, f"{_quoted(text, lo, hi)} (the voice of "
                           f"{state})", lo)
    return None


def _common_title(text: str, lo: int, hi: int) -> bool:
    """Is text[lo:hi] a short lowercase title before a name ("the economist ")?"""
    words = _WORD.findall(text, lo, hi)
    return 0 < len(words) <= 3 and all(w.islower() and w not in PREPOSITIONS
                                       for w in words) and \
        not any(c in text[lo:hi] for c in ",;:")


def _end_before(text: str, lo: int, pos: int) -> int:
    while pos > lo and text[pos - 1].isspace():
        pos -= 1
    return pos


# "the prosecution", "the defence": the counsel named for that side ("for the prosecution, X")
_SIDES = frozenset("prosecution defence defense".split())


def _role(text: str, words: Sequence[tuple[int, int]], actors: Actors) -> Speaker | None:
    """"the (deputy) minister", "міністр": an office alone stands for the last person named
    before it, as "he" does; None for anything else ("a minister", "the ministry")."""
    lowered = [text[s:e].lower() for s, e in words]
    if "of" in lowered[2:] and len(words) - lowered.index("of", 2) <= 3:
        words = words[:lowered.index("of", 2)]  # "the secretary of state", "the director of …"
    if not words or len(words) > 3:
        return None
    head = text[words[-1][0]:words[-1][1]].lower()
    first = text[words[0][0]:words[0][1]].lower()
    if head not in ROLE_PERSONS:
        return None
    cyrillic = "\u0400" <= head[:1] <= "\u04ff"
    if not (first == "the" or cyrillic and (len(words) == 1 or text[words[0][0]].islower())):
        return None
    if any(text[s].isupper() and state_of(text[s:e]) is None for s, e in words[1:]):
        return None  # "the Prime Minister Kier…": a name or title follows ("the Italian
        # diplomat": a nationality is no name)
    # the person introduced with that office ("Foreign Minister Taras Kovalenko"), else
    # the last person named, as for "he"
    pos = words[0][0]
    for sp in reversed(actors.spans[:bisect_left(actors.starts, pos)]):
        if sp[2] in actors.persons and sp[1] <= pos and _titled(text, sp[0], head):
            return Speaker(sp[2], sp[0], sp[1], f"“{text[words[0][0]:words[-1][1]]}” "
                           f"({_quoted(text, sp[0], sp[1])}, named with that office)", pos)
    if head in _SIDES:
        return None  # a side in court is its counsel, never just the last person named
    subject = _last_subject(text, text.rfind("\n", 0, pos) + 1, pos, actors)
    if subject is not None:
        s, e, actor_id = subject
        return Speaker(actor_id, s, e, f"“{text[words[0][0]:words[-1][1]]}” "
                       f"({_quoted(text, s, e)}, the last person who is a sentence's subject)",
                       pos)
    found = pronoun(text, words[-1][0], words[-1][1], actors)
    return found if found.claimant_id is not None else None


# "the Dutchman said", "the Romanian added": a nationality for a person, as "he" is
_NATIONALS = frozenset("""Dutchman Dutchwoman Frenchman Frenchwoman Englishman Englishwoman
    Irishman Irishwoman Scotsman Scotswoman Welshman Welshwoman Briton Swede Dane Finn Pole
    Turk Spaniard Scot""".split())


def _national(text: str, words: Sequence[tuple[int, int]], actors: Actors) -> Speaker | None:
    """"the Dutchman", "the German": the person a nationality stands for, the last person
    named before it (as for "he"); None for anything else, or when nobody was named."""
    if len(words) != 2 or text[words[0][0]:words[0][1]].lower() != "the":
        return None
    word = text[words[1][0]:words[1][1]]
    if word not in _NATIONALS and state_of(word) is None or not word[:1].isupper():
        return None
    found = pronoun(text, words[1][0], words[1][1], actors)
    return found._replace(at=words[0][0]) if found.claimant_id is not None else None


def _its(text: str, words: Sequence[tuple[int, int]], actors: Actors) -> Speaker | None:
    """"its delegation in Tbilisi said": a body's own voice (English "its" is never a
    person's), the body tagged last before it in its paragraph."""
    if not words or text[words[0][0]:words[0][1]].lower() != "its" or len(words) > 4:
        return None
    pos = words[0][0]
    paragraph = text.rfind("\n", 0, pos) + 1
    body = next((sp for sp in reversed(actors.spans[:bisect_left(actors.starts, pos)])
                 if sp[2] not in actors.persons and paragraph <= sp[0] and sp[1] <= pos), None)
    if body is None:
        return None
    return Speaker(body[2], body[0], body[1], f"“{text[pos:words[-1][1]]}” "
                   f"({_quoted(text, body[0], body[1])}, named before it)", pos)


# "сообщили в пресс-службе", "у пресслужбі компанії": a body's press office
_PRESS = ("пресс-служб", "пресслужб", "прес-служб")


def _own_body(text: str, words: Sequence[tuple[int, int]], actors: Actors) -> Speaker | None:
    """"в пресс-службе", "У пресслужбі компанії", "за даними компанії": a press office
    or a kind noun with no name stands for the body tagged last before it in its paragraph
    (not a person, not a state); None for anything else."""
    lowered = [text[s:e].lower() for s, e in words]
    if lowered and lowered[0] in IMPERSONAL:
        lowered = lowered[1:]
    press = bool(lowered) and lowered[0].startswith(_PRESS)
    rest = lowered[1:] if press else lowered
    if not (press and not rest or len(rest) == 1 and kind_of_noun(rest[0]) is not None):
        return None
    pos = words[0][0]
    paragraph = text.rfind("\n", 0, pos) + 1
    body = next((sp for sp in reversed(actors.spans[:bisect_left(actors.starts, pos)])
                 if sp[2] not in actors.persons and paragraph <= sp[0] and sp[1] <= pos
                 and state_of(text[sp[0]:sp[1]]) is None), None)
    if body is None:
        return None
    return Speaker(body[2], body[0], body[1], f"“{text[pos:words[-1][1]]}” "
                   f"({_quoted(text, body[0], body[1])}, named before it)", pos)


def _office_holder(text: str, words: Sequence[tuple[int, int]],
                   actors: Actors) -> Speaker | None:
    """"Директорка «Поліської мережі»", "the director of the port": an office heading the
    phrase, its body after it, is the person introduced with that office before ("директорка
    компанії Оксана Гнатюк"), not the body; None when nobody was."""
    if not 2 <= len(words) <= 5:
        return None
    first = text[words[0][0]:words[0][1]].lower()
    i = 1 if first == "the" else 0
    head = text[words[i][0]:words[i][1]].lower()
    if head not in ROLE_PERSONS or i + 1 >= len(words):
        return None
    nxt = text[words[i + 1][0]:words[i + 1][1]].lower()
    if "\u0400" <= head[:1] <= "\u04ff":
        if i or text[words[i + 1][0] - 1:words[i + 1][0]] not in (" ", "«", "“", '"'):
            return None
    elif i == 0 or nxt != "of":
        return None
    pos = words[0][0]
    for sp in reversed(actors.spans[:bisect_left(actors.starts, pos)]):
        if sp[2] in actors.persons and sp[1] <= pos and _titled(text, sp[0], head):
            return Speaker(sp[2], sp[0], sp[1], f"“{text[pos:words[-1][1]]}” "
                           f"({_quoted(text, sp[0], sp[1])}, named with that office)", pos)
    return None


def _last_subject(text: str, lo: int, hi: int, actors: Actors) -> Span | None:
    """The person who is the subject of the last sentence in text[lo:hi] that starts with
    one ("Zotov also commented on the statement by Finnish Foreign Minister Kaisa Lehtonen,
    who said …"; "Bellandi met Haraldsdottir"): an office ("the diplomat noted") goes on
    with the topic, not with the person named last in an object or after a preposition.
    None when the paragraph names only one person, or no sentence starts with one."""
    people = [sp for sp in actors.starting_in(lo, hi) if sp[2] in actors.persons and sp[1] <= hi]
    if len({sp[2] for sp in people}) < 2:
        return None
    starts = [lo] + [m.end() for m in _SENTENCE_END.finditer(text, lo, hi)]
    for start in reversed(starts):
        for sp in people:
            if sp[0] < start:
                continue
            lead = text[start:sp[0]]
            words = _WORD.findall(lead)
            if "," not in lead and len(words) <= 5 and all(
                    w[:1].isupper() or w.lower() in DETERMINERS or w[-2:] in ("'s", "’s")
                    for w in words):
                return sp
            break  # only the sentence's first person can be its subject
    return None


def _titled(text: str, start: int, office: str) -> bool:
    """Does one of the three words before a name hold the office ("Foreign Minister X",
    "міністр розвитку громад X")?"""
    words = _WORD.findall(text, max(0, start - 50), start)[-3:]
    return any(w.lower() == office or len(office) > 5 and w.lower()[:len(office) - 1]
               == office[:-1] for w in words)


def _earlier_subject(text: str, lo: int, hi: int, actors: Actors) -> Speaker | None:
    """The speaker of the last speech verb in text[lo:hi] that has one."""
    for earlier in reversed(list(VERB.finditer(text, lo, hi))):
        found = before(text, lo, earlier.start(), actors)
        if found is not None:
            return found
    return None


def _subject(text: str, lo: int, words: list[tuple[int, int]], actors: Actors) -> Speaker | None:
    """The noun phrase ending the words: a known name, an untagged name or a common noun."""
    # the subject starts after the last clause break: "In March, officials said"
    start = len(words) - 1
    while start > 0 and len(words) - start < MAX_WORDS:
        gap = text[words[start - 1][1]:words[start][0]]
        prev = text[words[start - 1][0]:words[start - 1][1]].lower()
        if any(c in gap for c in _CLAUSE) or prev in _CONJUNCTIONS or prev in THAT \
                or prev in _SUBORDINATORS:
            break
        start -= 1
    subject = words[start:]
    known = _known_tail(text, subject, actors)
    if known is not None:
        return known
    national = _national(text, subject, actors)
    if national is not None:
        return national
    name = _name_tail(subject, text)
    first_word = text[subject[0][0]:subject[0][1]].lower()
    if name is not None and len(subject) == 1 and first_word in ROLE_PERSONS:
        # "Директорка заявила", "Министр подчеркнул": an office capitalised only because
        # it opens the sentence stands for the last person named, as "she" does
        role = _role(text, subject, actors)
        if role is not None:
            return role
    if name is not None:
        return Speaker(None, name[0], name[1], _name_label(text, *name), name[0])
    holder = _office_holder(text, subject, actors)
    if holder is not None:
        return holder
    own = _its(text, subject, actors)
    if own is not None:
        return own
    # a tagged actor inside it speaks: "a Kremlin spokesman", "У Кремлі заявили"
    inside = [sp for sp in actors.starting_in(subject[0][0], subject[-1][1])
              if sp[1] <= subject[-1][1]]
    if len(inside) == 1:
        sp = inside[0]
        return Speaker(sp[2], sp[0], sp[1], _quoted(text, sp[0], sp[1]), subject[0][0])
    role = _role(text, subject, actors) or _own_body(text, subject, actors)
    if role is not None:
        return role
    # a common noun: "officials", "Officials in Odesa"; "Turkish officials": Turkey's
    if first_word in DETERMINERS or len(subject) <= 4:
        return _state_voice(text, subject, actors) or Speaker(
            None, None, None, _quoted(text, subject[0][0], subject[-1][1]), subject[0][0])
    return None


# relative pronouns that only a person takes (not "which", "що", "что")
_WHO = frozenset({"who", "whose", "whom", "який", "яка", "які", "котрий", "котра", "котрі",
                  "который", "которая", "которые", "кто"})


def _appositive(text: str, lo: int, comma_end: int, verb: int,
                actors: Actors) -> Speaker | None:
    """"Okafor, a senior figure in the party, told": the name before the appositive (which
    may hold commas of its own: "Шевчук, колишній капітан, який ходив Дунаєм, розповів")."""
    for common in (False, True):  # a name before any comma first, else a person's noun
        inner_start = comma_end
        for _ in range(3):
            inner_start = text.rfind(",", lo, inner_start)
            if inner_start < 0:
                break
            found = _before_appositive(text, lo, inner_start, comma_end, actors, common)
            if found is not None:
                return found
    return None


def _kind_before_mark(text: str, lo: int, start: int, end: int, comma: int) -> bool:
    """Is text[lo:comma] a body's kind noun, then its name in quotation marks ("компания
    «Кодру Вин»")? Not an agent after a participle ("опрошенные «Каспий Ньюс»")."""
    return all(c in _NAME_CLOSERS for c in text[end:comma]) and \
        text[lo:start].rstrip()[-1:] in _NAME_OPENERS and \
        kind_of_noun(text[lo:start].strip().rstrip("«“\"„")) is not None


# past participles without "-ed" that open an appositive: "An email from …, sent on 14
# April, warned", "a letter, written in May, said"
_IRREGULAR_PARTICIPLES = frozenset("""sent written seen shown given taken made held told
    known found left built brought bought kept put read heard drawn chosen spoken led paid
    set won cut run sworn""".split())


# "chief executive of Tusket Seafood", "head of sourcing at Hanseatic": a body named as
# the object of a preposition inside an appositive about a person named before it
_APPOSITIVE_PREPOSITIONS = frozenset("of at for from with з із у в при".split())
_RELATIVE_OPENERS = _WHO | {"which", "that", "що", "что", "яке", "котре", "которое"}


def _object_of_preposition(text: str, lo: int, start: int) -> bool:
    """Is the name at start the object of a preposition in an appositive ("…, chief
    executive of Tusket Seafood, …") that follows a comma?"""
    before = text[max(lo, start - 60):start]
    words = before.split()
    return bool(words) and words[-1].casefold() in _APPOSITIVE_PREPOSITIONS and \
        "," in before


def _in_relative_clause(text: str, lo: int, comma: int) -> bool:
    """Does the stretch before this comma, from the comma before it, open with a relative
    pronoun ("…, who runs sales for the family's brand, …")?"""
    prev = text.rfind(",", lo, comma)
    words = text[prev + 1:comma].split() if prev >= 0 else []
    return bool(words) and words[0].casefold() in _RELATIVE_OPENERS


def _before_appositive(text: str, lo: int, inner_start: int, comma_end: int,
                       actors: Actors, common: bool = False) -> Speaker | None:
    inner = _words(text, inner_start, comma_end, 21)
    if not inner or len(inner) > 20:
        return None
    # "The EU's foreign policy chief, Kaja Kallas, told": the name is the appositive; never
    # a relative clause's object ("X, which runs Hollow Dam, said": X says it)
    named = None if "," in text[inner_start + 1:comma_end] or _relative(text, inner) else \
        phrase(text, inner_start + 1, comma_end, actors)
    if named is not None and named.start is not None and named.end is not None and \
            named.end != comma_end and \
            _kind_before_mark(text, inner[0][0], named.start, named.end, comma_end):
        return named  # "…, компания «Кодру Вин», отвергла": the marks close the name
    if named is not None and named.start is not None and named.end == comma_end and (
            named.start <= inner[0][0] + 1 or _common_title(text, inner[0][0], named.start)):
        if _in_relative_clause(text, lo, inner_start):
            return None  # "Aroha Walker, who runs sales for the brand, Kaitaia Gold, said"
        return named  # "Her brother, the economist Thomas Brenner, argued"

    head_end = inner_start
    while head_end > lo and text[head_end - 1].isspace():
        head_end -= 1
    sp = actors.ending_at(head_end)
    if sp is None and text[head_end - 1:head_end] == ")":
        # "Lithuanian Railways (LTG), the state operator, said": the acronym or its name
        opening = text.rfind("(", max(lo, head_end - 16), head_end)
        if opening > lo:
            # "(LTG)", "(«АТ»)": the acronym without its quotation marks, or the name
            inner_end = head_end - 1
            while inner_end > opening + 1 and text[inner_end - 1] in _NAME_CLOSERS:
                inner_end -= 1
            before_paren = len(text[:opening].rstrip())
            while before_paren > lo and text[before_paren - 1] in _NAME_CLOSERS:
                before_paren -= 1
            sp = actors.ending_at(inner_end) or actors.ending_at(before_paren)
    if sp is not None and sp[0] >= lo:
        if _object_of_preposition(text, lo, sp[0]):
            return None  # "Pierre Comeau, chief executive of Tusket Seafood, a processor,"
        return Speaker(sp[2], sp[0], sp[1], _quoted(text, sp[0], sp[1]), sp[0])
    head = _words(text, max(lo, head_end - WINDOW), head_end)
    if not head:
        return None
    last = text[head[-1][0]:head[-1][1]]
    if last.isdigit() and len(last) <= 3 and text[:head[-1][0]].rstrip().endswith(","):
        return None  # "Jean Whitlow, 71, who lives …, said": an age, the name is before it
    if last.lower() in PRONOUNS:
        return pronoun(text, head[-1][0], head[-1][1], actors)
    opener = text[inner[0][0]:inner[0][1]].lower()
    if last[:1].islower() and not (common and (opener in _WHO or opener.endswith(
            ("ing", "ed")) or opener in _IRREGULAR_PARTICIPLES)):
        # "the port, a key hub, said": only a name takes an appositive here, or (common)
        # a noun that a relative clause about a person follows ("the minister, who …, said")
        # or a participle ("an EU official, speaking on condition of anonymity, said", "a
        # ministry official, asked about the delay, said")
        return None
    return _subject(text, lo, head, actors)
