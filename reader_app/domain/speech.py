"""Claims in news text: quoted and reported speech, with who says it. Pure Python.

Spans, in code points into the text:
- quoted speech: the words inside the quotation marks, without the marks, white space and a
  closing comma or dash ("“We will not retreat,” Okafor said" -> `We will not retreat`);
  end punctuation written inside the marks (. ? ! …) stays.
- reported speech: the reported clause, from after "that"/"що"/"что" (or the verb, or "told
  reporters") to the end of the sentence, without its final period and without the
  attribution ("Okafor said that the port will reopen." -> `the port will reopen`;
  "The port will reopen, Okafor said." -> `The port will reopen`); an attribution inside
  the sentence ("The port, she said, had offered …", "The dam, according to X, broke") keeps
  the whole sentence, the one contiguous span that holds the claim.
A quotation inside a reported clause is part of that claim, not one of its own. Quotations of
one or two words with no attribution are scare quotes, not claims; narration with no speech
verb is never a claim.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterator, Mapping, Sequence
from functools import lru_cache
from itertools import islice
from typing import NamedTuple

from reader_app.domain import speakers
from reader_app.domain.sentences import split_sentences
from reader_app.domain.speakers import Actors, Span, Speaker
from reader_app.domain.speech_index import QUOTE, Hit, Lookups, hits, triggers
from reader_app.domain.speech_interview import (
    STAGE,
    answer_body,
    answer_starts,
    interviewee,
    question_start,
)
from reader_app.domain.speech_words import (
    AUDIENCE,
    BARE,
    CIRCUMSTANCE,
    CLAUSE_STARTS,
    DETERMINERS,
    KICKERS,
    NOT_A_CLAUSE,
    OBJECT_PRONOUNS,
    REJECTED,
    REJECTIONS,
    SPEECH,
    THAT,
    TIME_WORDS,
    VERB_WORDS,
)

__all__ = ["Attribution", "ClaimMention", "attribution_for", "find_claims", "find_claims_in",
           "next_sentence_speaker", "verb_subject"]


class ClaimMention(NamedTuple):
    start: int
    end: int
    claimant_id: int | None  # the speaker's actor id when it is a tagged or known actor
    speaker_start: int | None  # the named speaker in the text (a pronoun's antecedent)
    speaker_end: int | None
    reason: str


class Attribution(NamedTuple):
    """Who says text[start:end], and how the text says so."""

    start: int
    end: int
    speaker: Speaker
    verb_start: int  # the speech verb, "according to" or the colon
    how: str  # "quoted" | "reported" | "according" | "answer"
    words: int  # words in the claim
    said: str = ""  # the verb or phrase, for the reason


_WORD = re.compile(r"\w+")
_GLUE = re.compile(r"[\s,.!?…]*(?:[—–-]+\s*)?")
# What opens the reported clause after its verb: "said on Tuesday that", "заявив, що",
# "told the chamber:"
# (an abbreviation's period may stand there: "said in a report dated Oct. 3 that")
_THAT = re.compile(r"(?:[^.!?;:“”«»\"„\n]|(?<=\s[A-Z][a-z])\.|(?<=\s[A-Z][a-z]{2})\.){0,60}?"
                   r"(?<!\w)(?:that|що|что)(?!\w)\s*"
                   r"|[^.!?;:“”«»\"„\n]{0,40}:\s*", re.IGNORECASE)
_TOLD = frozenset("told tells telling".split())
# only with "that": "Test reports show that"; "states" is mostly a noun ("the three Baltic
# states, the alliance said")
_SHOWS = frozenset("show shows showed states".split())

# a clause's verb that tells its subject came before it ("work … would begin")
_FINITE = frozenset("would will could can should may might must had has have is are was were"
                    .split())
_NOT_BEFORE_VERB = frozenset("to that which who whom whose and or but".split())
_TOLD_WHOM = re.compile(r"\s+(?:the\s+)?(\w+)")
_NAME_GOES_ON = re.compile(r"(?:\s+[^\W\d_a-zа-яёіїєґ][\w'’-]*)*")
# states of mind written like a passive: "is convinced that" is the speaker's view
_STATES = frozenset("convinced confident".split())
_IN_GERUND = re.compile(r"(?<!\w)in\s+$", re.IGNORECASE)
_PASSIVE = re.compile(r"(?<!\w)(?:been|being|was|were|be|is|are|get|got)\s+$", re.IGNORECASE)
# "…, но, по данным профсоюза, его не подписали": after a conjunction the phrase heads the
# clause that follows it, not the one before
_LEAD_CONJUNCTION = re.compile(r"(?<!\w)(?:but|and|yet|а|але|і|та|но|и|однако)\s*,?\s*$",
                               re.IGNORECASE)
# verbs that name a thing after a comma ("the exercise, called X,"), never "…, called Okafor"
_NAMING = frozenset("called dubbed named termed labelled labeled branded".split())
_AS = frozenset("as як как".split())
# "Об этом сообщил губернатор X: …", "Про це також заявив X: …": the speaker follows the verb
_ABOUT_IT = re.compile(r"\s*(?:Об|об|Про|про)\s+(?:этом|це|цьому)(?:\s+(?:же|ж|также|також|"
                       r"и|і|й|тоже|теж))?\s*", re.IGNORECASE)
_LEAD_DETERMINER = re.compile(r"\s(?:the|a|an)\s*$", re.IGNORECASE)
_NO_GAP = re.compile(r"[“”«»\"„;:!?]")  # a period here is no sentence end ("Ms. Beck")
_CLAUSE_END = re.compile(r"[,.;:!?—–\n]")
_LEAD = " \t\u00a0:,—–-"
_TRAIL = " \t\u00a0,;:—–-"
INSIDE = 80  # a verb this close before a quotation attributes it ("calling it a “…”")
NOBODY = "nobody named"
SCARE = 2  # a quotation of this many words or fewer needs an attribution to be a claim
SHORT = 1  # a reported clause needs more words than this ("said so", "denied it")


COUNT_CAP = 50  # word counts are only compared with small numbers: stop counting there


_TAIL = 200  # characters of a sentence before a verb that its checks read
_LONG = 2000  # no clause of news runs longer without a comma: look no further back


def _end_of_lead(text: str, lo: int, hi: int) -> int:
    """hi moved back over white space, not before lo (text[lo:hi].rstrip() without the copy)."""
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return hi


def _count(text: str, lo: int, hi: int) -> int:
    """Words in text[lo:hi], up to COUNT_CAP (a hostile sentence can be a megabyte)."""
    return sum(1 for _ in islice(_WORD.finditer(text, lo, hi), COUNT_CAP))


def _trim(text: str, lo: int, hi: int, *, period: bool) -> tuple[int, int]:
    while lo < hi and text[lo] in _LEAD:
        lo += 1
    while hi > lo and (text[hi - 1] in _TRAIL or (period and text[hi - 1] == "."
                                                 and not _dotted(text, lo, hi))):
        hi -= 1
    return lo, hi


def _dotted(text: str, lo: int, hi: int) -> bool:
    """Does text[lo:hi] end in an abbreviation ("U.S.") whose period must stay?"""
    word = text[max(lo, hi - 8):hi - 1].rsplit(None, 1)[-1:] or [""]
    return "." in word[0]


@lru_cache(maxsize=1 << 14)
def _sentences(paragraph: str) -> tuple[tuple[int, int], ...]:
    """split_sentences of a paragraph, kept: after a new name the paragraphs it stands
    in are read again, their text as it was."""
    return tuple(split_sentences(paragraph))


class _Paragraph:
    """One paragraph's sentences, quotations and speech verbs."""

    def __init__(self, text: str, lo: int, hi: int,
                 found: tuple[list[Hit], list[Hit]] | None = None,
                 quotes: list[re.Match[str]] | None = None) -> None:
        self.lo, self.hi = lo, hi
        self.sentences = [(s + lo, e + lo) for s, e in _sentences(text[lo:hi])]
        self.starts = [s for s, _ in self.sentences]
        self.quotes = list(QUOTE.finditer(text, lo, hi)) if quotes is None else quotes
        self.verbs, self.according = hits(text, lo, hi) if found is None else found
        self.verb_starts = [v.start() for v in self.verbs]

    def verbs_in(self, lo: int, hi: int) -> list[Hit]:
        return self.verbs[bisect_left(self.verb_starts, lo):bisect_left(self.verb_starts, hi)]

    def first_verb(self, lo: int, hi: int) -> Hit | None:
        i = bisect_left(self.verb_starts, lo)
        return self.verbs[i] if i < len(self.verbs) and self.verbs[i].start() < hi else None

    def sentence(self, pos: int) -> tuple[int, int]:
        i = max(0, bisect_right(self.starts, pos) - 1)
        return self.sentences[i] if self.sentences else (pos, pos)

    def quoted(self, pos: int) -> bool:
        return any(q.start() < pos < q.end() - 1 for q in self.quotes)


def _verb_speaker(text: str, s0: int, verb: Hit, actors: Actors,
                  ) -> tuple[Speaker | None, bool]:
    """The speaker of a verb in the sentence starting at s0, and whether it follows the
    verb ("…, said Okafor", "— заявив Зеленський")."""
    about = _ABOUT_IT.fullmatch(text, s0, verb.start()) is not None
    found = None if about else speakers.before(text, s0, verb.start(), actors)
    if found is not None:
        return found, False
    # the speaker after the verb only where an inverted attribution can stand: at the start,
    # after a comma or a dash, or after "as"/"як"/"как" or "Об этом"/"Про це"
    lead = text[max(s0, verb.start() - 12):verb.start()].rstrip()
    if lead and not about and not lead.endswith((",", "—", "–", ":", "”", "»", '"')) and \
            lead.rsplit(None, 1)[-1].lower() not in _AS:
        return None, False
    if verb.group().lower() in _NAMING:
        return None, False  # "The exercise, called Steadfast Lantern, will": a name, no speaker
    stop = _CLAUSE_END.search(text, verb.end(), min(len(text), verb.end() + 120))
    hi = stop.start() if stop else min(len(text), verb.end() + 120)
    return _after_verb(text, verb.end(), hi, actors), True


def _after_verb(text: str, lo: int, hi: int, actors: Actors) -> Speaker | None:
    """The speaker phrase text[lo:hi] after an inverted verb; an office there is the
    tagged name right after its comma ("said the foreign minister, Jane Doe.")."""
    found = speakers.phrase(text, lo, hi, actors)
    # an office read as the last person named ("the minister") yields to the name too
    stands_in = found is not None and found.start is not None and found.start < lo
    if (found is None or found.claimant_id is None or stands_in) and text[hi:hi + 1] == ",":
        named = _APPOSED.match(text, hi)
        tagged = actors.starting_in(named.end(), named.end() + 1) if named else []
        if tagged and _NAME_ENDS.match(text, tagged[0][1]):
            sp = tagged[0]
            return Speaker(sp[2], sp[0], sp[1], f"“{text[sp[0]:sp[1]]}”", sp[0])
    return found


def _quoted(text: str, par: _Paragraph, q: re.Match[str], actors: Actors,
            depth: int = 0) -> Attribution | None:
    group = next(i for i in range(1, 5) if q.start(i) >= 0)
    lo, hi = _trim(text, q.start(group), q.end(group), period=False)
    if hi <= lo:
        return None
    words = _count(text, lo, hi)
    # 1. an attribution right after it: "“…,” Okafor said", "«…», — заявив Зеленський"
    s_start, s_end = par.sentence(q.end() - 1)
    glue = _GLUE.match(text, q.end())
    p = glue.end() if glue else q.end()
    glued = text[q.end(group) - 1] in ",!?…—–-." or any(c in text[q.end():p] for c in ",—–-")
    verb = par.first_verb(p, min(s_end, p + 100)) if glued else None
    if verb is not None and verb.group().lower() in SPEECH and \
            not _NO_GAP.search(text, p, verb.start()):
        if p == verb.start():
            reach = min(s_end, verb.end() + _TAIL)  # the speaker's name: a few words
            stop = _CLAUSE_END.search(text, verb.end(), reach)
            found = _after_verb(text, verb.end(), stop.start() if stop else reach, actors)
        else:
            found = speakers.before(text, p, verb.start(), actors)
        if found is not None:
            return Attribution(lo, hi, found, verb.start(), "quoted", words, verb.group())
    # 2. an attribution before it in its sentence: "Okafor said: “…”", "Okafor: “…”", or a
    #    verb whose clause holds it ("Nordhav calling it a “reckless gamble”")
    s_start, _ = par.sentence(q.start())
    near = max(s_start, q.start() - INSIDE)
    verbs = [v for v in par.verbs_in(near, q.start()) if not par.quoted(v.start())]
    for v in reversed(verbs):
        found, _after = _verb_speaker(text, s_start, v, actors)
        if found is not None:
            return Attribution(lo, hi, found, v.start(), "quoted", words, v.group())
    colon = text.rfind(":", s_start, q.start())
    if colon > s_start and not text[colon + 1:q.start()].strip():
        found = speakers.phrase(text, s_start, colon, actors)
        kicker = " ".join(text[s_start:colon].split()).lower() in KICKERS
        if found is not None and found.start is not None and not kicker:
            return Attribution(lo, hi, found, colon, "quoted", words)
    # 3. a whole quoted sentence goes on from the speech in the sentence before it:
    #    “We lost two years,” Hrytsenko said. “A plan like this …” / Okafor said: / …
    if words > SCARE and not text[s_start:q.start()].strip() and depth < 3:
        before = [s for s in par.sentences if s[1] <= q.start()]
        if before:
            b0, b1 = before[-1]
            found_before = _speech_in(text, par, b0, b1, actors, depth + 1)
            if found_before is not None:
                return Attribution(lo, hi, found_before.speaker, found_before.verb_start,
                                   "quoted", words, f"{found_before.said}, the sentence before")
        if words > 3 and text[hi - 1] in ".!?…":
            return Attribution(lo, hi, Speaker(None, None, None, NOBODY), q.start(),
                               "quoted", words)
    return None


def _speech_in(text: str, par: _Paragraph, lo: int, hi: int, actors: Actors,
               depth: int) -> Attribution | None:
    """The last attributed speech in the sentence text[lo:hi], its speaker named."""
    found: list[Attribution] = []
    for q in par.quotes:
        if lo <= q.start() < hi:
            att = _quoted(text, par, q, actors, depth)
            if att is not None and att.speaker.label != NOBODY:
                found.append(att)
    for verb in par.verbs_in(lo, hi):
        if not par.quoted(verb.start()) and verb.group().lower() in SPEECH:
            att = _reported(text, par, verb, actors)
            if att is not None:
                found.append(att)
    return max(found, key=lambda a: a.verb_start) if found else None


def _reported(text: str, par: _Paragraph, verb: Hit, actors: Actors,
              ) -> Attribution | None:
    s0, s1 = par.sentence(verb.start())
    if verb.group().lower().endswith("ing") and _IN_GERUND.search(text, s0, verb.start()):
        return None  # "sent to the HPEA in writing": a manner, not someone writing
    if verb.group().lower() not in _STATES and _PASSIVE.search(
            text, max(s0, verb.start() - 12), verb.start()):
        return None  # "he had been told of it": the one told, not the one telling
    found, after = _verb_speaker(text, s0, verb, actors)
    if found is None:
        return None
    word = verb.group().lower()
    if not after and word in REJECTIONS:
        denied = _denial(text, par, verb, s1)
        if denied is not None:  # "X rejected Y's claims that P": X's claim, verb and all
            return Attribution(verb.start(), denied, found, verb.start(), "reported",
                               _count(text, verb.start(), denied), verb.group())
    stance = word not in SPEECH
    at = verb.start() if after or found.at < 0 else found.at
    # only its end is asked about: the tail, not a sentence that may be a megabyte long
    lead = _LEAD_DETERMINER.sub("", text[max(s0, at - _TAIL):at]).rstrip().rstrip("”»“\"’")
    # "The port will reopen, Okafor said." / "…, said Okafor."
    trailing = lead.endswith((",", "—", "–")) and _count(text, s0, at) >= 3
    p = verb.end()
    if after:
        stop = _CLAUSE_END.search(text, p, min(s1, p + _TAIL))  # past the speaker's name
        p = stop.start() if stop else s1
    rest = _THAT.match(text, p, s1)
    if rest is not None and par.first_verb(p, rest.end()) is not None:
        rest = None  # "said in a statement, adding that …": that "that" is adding's
    if word in _SHOWS and (rest is None or rest.group().rstrip().endswith(":")):
        return None  # "reports show that P" is P, said; "shows how …:" is no speech
    if rest is not None:
        c0 = rest.end()
    else:
        c0 = p
        if word in _TOLD:  # "told reporters", "told the BBC"; never "told a rally"
            m = _TOLD_WHOM.match(text, p, s1)
            if m and m.group(1)[:1].isupper():
                name = _NAME_GOES_ON.match(text, m.end(), s1)  # "told Pennine Radio"
                c0 = name.end() if name else m.end()
            elif m and m.group(1).lower() in AUDIENCE:
                c0 = m.end()
            elif not trailing:
                return None
            else:
                c0 = s1  # "“…,” he tells the room": the room hears it, says nothing
    # "В соседней Эстонии, напомнил Калниньш, похожую доплату ввели …": a short lead, the
    # inverted attribution, then the clause (not "…, said Okafor, the union's leader")
    next_word = _WORD.search(text, c0, s1)
    inside = after and trailing and text[c0:s1].lstrip()[:1] == "," and \
        _count(text, s0, at) <= _SHORT_LEAD and _count(text, c0, s1) > _SHORT_LEAD and \
        next_word is not None and next_word.group().lower() not in _RELATIVES
    if inside or lead.endswith(",") and not trailing and rest is None \
            and text[c0:s1].lstrip()[:1] == "," and _count(text, c0, s1) >= 2:
        lo, hi = _trim(text, s0, s1, period=True)  # "The port, she said, had offered …"
    elif trailing and (after or rest is None and _nothing_said(text, c0, s1)):
        lo, hi = _trim(text, s0, at, period=False)
    else:
        lo, hi = _trim(text, c0, s1, period=True)
        if stance or (rest is None and not after and not _bare_clause(text, word, lo, hi)):
            return None
        hi = _next_speaker(text, par, lo, hi)
    if hi <= lo or _one_quotation(text, lo, hi) or _led_quotation(text, par, lo, hi):
        return None  # empty, or a quotation: the quotation is the claim
    return Attribution(lo, hi, found, verb.start(), "reported", _count(text, lo, hi),
                       verb.group())


_SHORT_LEAD = 4  # words before a mid-sentence attribution, and more after it
_RELATIVES = frozenset("who which whose where що який яка які где который которая которые"
                       .split())
_APPOSED = re.compile(r",\s*")
_NAME_ENDS = re.compile(r"\s*(?:[.,;!?]|$)")
_NOUN_WORDS = 6  # "rejected the alliance's claims": the noun comes within these words


def _denial(text: str, par: _Paragraph, verb: Hit, s1: int) -> int | None:
    """Where a denial of a named claim ends ("rejected the alliance's claims that P",
    "відкинув закиди депутатів, що P", "отвергла обвинения фермеров в сговоре"): its
    sentence's end, or a comma before another speech verb ("…, noting that"); None when no
    claim noun follows the verb, or nothing follows the noun ("rejected the claims")."""
    words = list(islice(_WORD.finditer(text, verb.end(), s1), _NOUN_WORDS))
    noun = next((w for w in words if w.group().lower() in REJECTED), None)
    if noun is None or _CLAUSE_END.search(text, verb.end(), noun.start()):
        return None
    hi = s1
    for v in par.verbs_in(noun.end(), s1):
        lead = _end_of_lead(text, noun.end(), v.start())
        if text[lead - 1] == ",":
            hi = lead - 1
            break
    hi = _trim(text, verb.start(), _next_speaker(text, par, verb.start(), hi), period=True)[1]
    return hi if _count(text, noun.end(), hi) >= 2 else None


# ", although Ms Colville conceded that …": another speaker's clause ends this one
_CONTRAST = re.compile(r",\s+(?:although|though|while|whereas|but|хоча|тоді\s+як|хотя|тогда\s+как)"
                       r"\s+", re.IGNORECASE)


def _next_speaker(text: str, par: _Paragraph, lo: int, hi: int) -> int:
    """Where a reported clause text[lo:hi] ends: before a contrasting clause with a speech
    verb of its own ("…, although X conceded that …"), else at hi."""
    for m in _CONTRAST.finditer(text, lo, hi):
        verb = par.first_verb(m.end(), min(hi, m.end() + 60))
        if verb is not None and verb.group().lower() in SPEECH and \
                not _CLAUSE_END.search(text, m.end(), verb.start()):
            return _trim(text, lo, m.start(), period=False)[1]
    # "…, and acknowledged that …", "…, and said the fund …": a second speech verb a few
    # words after "and" says a clause of its own ("…, and the sanctions announced by …"
    # is a passive, no speech)
    for m in _AND.finditer(text, lo, hi):
        verb = par.first_verb(m.end(), min(hi, m.end() + _AND_REACH))
        if verb is not None and verb.group().lower() in SPEECH and \
                not _CLAUSE_END.search(text, m.end(), verb.start()) and \
                not _BY.match(text, verb.end()):
            return _trim(text, lo, m.start(), period=False)[1]
    return hi


_AND = re.compile(r",\s+(?:and|і|та|и)\s+", re.IGNORECASE)
_AND_REACH = 24  # "and also said", "and Mr Reyes said": the verb is a few words on
_BY = re.compile(r"\s+(?:by|від|з боку|со стороны)\s", re.IGNORECASE)


def _nothing_said(text: str, lo: int, hi: int) -> bool:
    """Is what follows a verb only where and when ("said on Monday", "said in a statement")?"""
    start = _trim(text, lo, hi, period=True)[0] if text[lo:hi].strip()[:1] != "," else hi
    first = _WORD.match(text, start)
    return first is None or first.start() >= hi or first.group().lower() in CIRCUMSTANCE \
        or first.group().lower() in TIME_WORDS


def _bare_clause(text: str, verb: str, lo: int, hi: int) -> bool:
    """Can text[lo:hi], right after the verb with no "that", be what was said?"""
    if verb not in BARE:
        return False
    if verb.startswith("accus"):  # "accused the union of …", not "accused the minister"
        return " of " in text[lo:hi]
    first = _WORD.match(text, lo)
    if first is None:
        return True
    word = first.group()
    if _directive(text, lo, hi):
        return False  # "warned residents not to travel": an instruction, not a claim
    # a clause starts with its subject: "the port", "it", "Ukraine", "prices", "two ships";
    # not "claims majority as …" (a headline's object)
    return word.lower() not in NOT_A_CLAUSE and (
        not word.islower() or word in DETERMINERS or word in CLAUSE_STARTS
        or word.endswith("s") or word[0].isdigit() or _finite_soon(text, lo, hi))


def _directive(text: str, lo: int, hi: int) -> bool:
    """Does an infinitive come before any finite verb in the clause's first words
    ("residents to stay indoors", "jurors this week not to read")?"""
    words = [w.group() for w in islice(_WORD.finditer(text, lo, hi), 12)]
    for i, word in enumerate(words[:7]):
        if word.lower() in _FINITE or word.lower() in THAT or i and len(word) > 4 \
                and word.endswith("ed"):
            return False  # a verb of the clause's own first ("the link fitted its plans to")
        if i and word == "to" and i + 1 < len(words) and words[i + 1].islower():
            # "talks to end the strike had failed": a finite verb after it, a noun's aim
            return not any(w.lower() in _FINITE for w in words[i + 2:])
    return False


def _finite_soon(text: str, lo: int, hi: int) -> bool:
    """Does a clause's verb come within its first words, with no preposition or relative
    word before it ("said work on the design would begin")? Then its subject came first."""
    for i, w in enumerate(islice(_WORD.finditer(text, lo, hi), 6)):
        word = w.group().lower()
        if i and word in _FINITE:
            return True
        if i and (word in _NOT_BEFORE_VERB or word in NOT_A_CLAUSE):
            return False
    return False


def _led_quotation(text: str, par: _Paragraph, lo: int, hi: int) -> bool:
    """Does text[lo:hi] end with a quotation that only a dateline or an adverb set off by
    punctuation leads ("ODESA — “…,”", "Earlier, “…,”")? Then the quotation is the claim."""
    for q in par.quotes:
        if lo < q.start() and q.end() == hi:
            lead = _end_of_lead(text, lo, q.start())
            return lead > lo and text[lead - 1] in ",:—–-"
    return False


def _one_quotation(text: str, lo: int, hi: int) -> bool:
    q = QUOTE.match(text, lo)
    return q is not None and q.end() >= hi


def _according(text: str, par: _Paragraph, m: Hit, actors: Actors,
               ) -> Attribution | None:
    s0, s1 = par.sentence(m.start())
    inside = next((w for w in _WORD.finditer(text, m.start(), m.end())
                   if w.group().lower() in OBJECT_PRONOUNS), None)
    if inside is not None:  # "за його словами", "по её мнению"
        hi = m.end()
        found: Speaker | None = speakers.pronoun(text, inside.start(), inside.end(), actors)
    else:
        reach = min(s1, m.end() + _TAIL)  # a speaker's name is short; a sentence may not be
        stop = _CLAUSE_END.search(text, m.end(), reach)
        hi = stop.start() if stop else reach
        found = speakers.phrase(text, m.end(), hi, actors)
    if found is None:
        return None
    lead_end = _end_of_lead(text, s0, m.start())
    lead = text[max(s0, lead_end - _TAIL):lead_end]  # its end is what is asked about
    clause = max(text.rfind(",", max(s0, m.start() - _LONG), m.start()), s0)
    if par.verbs_in(clause, m.start()):
        return None  # "…, передає Укрінформ з посиланням на ОВА": the verb attributes it
    opens_clause = _LEAD_CONJUNCTION.search(lead) is not None and text[hi:hi + 1] == ","
    if lead.endswith((",", "—", "–")) and _count(text, s0, m.start()) >= 3 and not opens_clause:
        lo, end = _trim(text, s0, lead_end, period=False)  # "…, according to X."
    elif not lead or text[hi:hi + 1] == ",":
        lo, end = _trim(text, hi, s1, period=True)  # "According to X, …", "При этом, по его…"
    else:
        lo, end = _trim(text, s0, s1, period=True)  # "The dam, according to X, broke."
    if end <= lo:
        return None
    return Attribution(lo, end, found, m.start(), "according", _count(text, lo, end),
                       " ".join(m.group().lower().split()))


def _paragraph_attributions(text: str, par: _Paragraph, actors: Actors,
                            ) -> Iterator[Attribution]:
    for q in par.quotes:
        att = _quoted(text, par, q, actors)
        if att is not None:
            yield att
    for verb in par.verbs:
        if not par.quoted(verb.start()):
            att = _reported(text, par, verb, actors)
            if att is not None:
                yield att
    for m in par.according:
        if not par.quoted(m.start()):
            att = _according(text, par, m, actors)
            if att is not None:
                yield att
    yield from _answers(text, par, actors)
    yield from _sourced(text, par, actors)


def _answers(text: str, par: _Paragraph, actors: Actors) -> Iterator[Attribution]:
    """Each sentence of a Q&A answer ("A: We drilled 400 boreholes."), the interviewee's."""
    body = answer_body(text, par.lo, par.hi)
    if body is None:
        return
    who = interviewee(text, actors) or Speaker(None, None, None, "the interviewee")
    for s, e in par.sentences:
        lo = max(s, body)
        # "… it is. [laughs] We drilled …": a transcript's note parts two sentences
        for stage in [*STAGE.finditer(text, lo, e), None]:
            hi = e if stage is None else stage.start()
            c0, c1 = _trim(text, lo, hi, period=True)
            words = _count(text, c0, c1)
            if words > SCARE:
                yield Attribution(c0, c1, who, par.lo, "answer", words, "Q&A answer")
            if stage is not None:
                lo = stage.end()


def _paragraphs(text: str, lo: int = 0, hi: int | None = None) -> Iterator[tuple[int, int]]:
    hi = len(text) if hi is None else hi
    start = text.rfind("\n", 0, lo) + 1
    while start < hi:
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        yield start, end
        start = end + 1


def find_claims(text: str, actor_spans: Sequence[Span], known: Mapping[str, int],
                persons: Collection[int] = ()) -> list[ClaimMention]:
    """Quoted and reported speech in text, in text order, each with its speaker.

    actor_spans: ((start, end, actor id), ...) of the article's actor tags; known: match key
    of a library name -> actor id; persons: the actor ids that are people (for "he said").
    One pass of an automaton finds the speech verbs, one regex the quotations; only the
    paragraphs holding one of them are read further, and a paragraph read before with the
    same tags and names is not read again (suggestions are remade after every tag).
    """
    return find_claims_in(text, 0, len(text), actor_spans, known, persons)


def find_claims_in(text: str, lo: int, hi: int, actor_spans: Sequence[Span],
                   known: Mapping[str, int], persons: Collection[int] = (),
                   looked: dict[int, dict[str, int | None]] | None = None
                   ) -> list[ClaimMention]:
    """find_claims' claims of the paragraphs that hold text[lo:hi] (lo and hi in one or
    several whole paragraphs), read as find_claims reads them: a paragraph's claims come
    from its own text and the actor spans starting in it, so a tag changes only its own
    paragraph's. actor_spans: those starting in these paragraphs at least. looked, when
    given, gets each paragraph read (by its start) with the names it looked up and what
    they gave: its claims stay as they are while each still gives the same."""
    actors = Actors(actor_spans, known, persons)
    verbs, according, quotes, starts = triggers(text)
    found: list[ClaimMention] = []
    size = len(text)
    first = text.rfind("\n", 0, lo) + 1
    v, a, q = (bisect_left(starts[0], first), bisect_left(starts[1], first),
               bisect_left(starts[2], first))
    answers = answer_starts(text, first)  # a Q&A answer holds speech with no verb at all
    k = 0
    while True:
        pos = min(starts[0][v] if v < len(verbs) else size,
                  starts[1][a] if a < len(according) else size,
                  starts[2][q] if q < len(quotes) else size,
                  answers[k] if k < len(answers) else size)
        if pos >= size:
            break
        p_lo = text.rfind("\n", 0, pos) + 1
        if p_lo > hi:
            break
        p_hi = text.find("\n", pos)
        p_hi = size if p_hi < 0 else p_hi
        v2, a2, q2 = (bisect_left(starts[0], p_hi, v), bisect_left(starts[1], p_hi, a),
                      bisect_left(starts[2], p_hi, q))
        seen, claims = _read_paragraph(text, p_lo, p_hi, actors,
                                       (verbs[v:v2], according[a:a2]), quotes[q:q2])
        found.extend(claims)
        if looked is not None:
            looked[p_lo] = seen
        v, a, q = v2, a2, q2
        k = bisect_left(answers, p_hi, k)
    return found


_Cached = tuple[dict[str, int | None], list[ClaimMention]]
_CACHE: dict[tuple[object, ...], _Cached] = {}
CACHE_SIZE = 50_000  # paragraphs


def _read_paragraph(text: str, lo: int, hi: int, actors: Actors,
                    hits: tuple[list[Hit], list[Hit]], quotes: list[re.Match[str]],
                    ) -> _Cached:
    """The claims worth suggesting in the paragraph text[lo:hi], in text order, after
    the names looked up for them (each with what it gave)."""
    spans = actors.starting_in(lo, hi)
    # the paragraph where it was (the text does not change between tags) with the one
    # before it (a pronoun opening it reads that one's names: another article, or another
    # version of this one, can hold the same paragraph at the same place after another),
    # its tags, names
    persons = actors.persons
    before = speakers.paragraph_before(text, lo)[0] if lo else lo
    # an answer's speaker is named in the introduction before the questions
    intro = text[:question_start(text)] if answer_body(text, lo, hi) is not None else ""
    key = (lo, before, text[before:hi], bool(actors.known), tuple(spans),
           tuple(i in persons for _s, _e, i in spans), intro)
    cached = _CACHE.get(key)
    if cached is not None and all(actors.known.get(k) == v for k, v in cached[0].items()):
        return cached
    lookups = Lookups(actors.known)
    local = Actors(spans, lookups, actors.persons)
    par = _Paragraph(text, lo, hi, hits, quotes)
    found = sorted((x for x in _paragraph_attributions(text, par, local) if _worth(x)),
                   key=lambda x: (x.start, -x.end))
    out: list[ClaimMention] = []
    reach = -1
    tagged = {(a, b) for a, b, _ in spans}
    for x in found:
        if x.start < reach:
            continue  # inside a claim already found (a quotation in a reported clause)
        if x.how == "quoted" and ((x.start, x.end) in tagged or _a_name(text[x.start:x.end])):
            continue  # "заявила «Айастан Медиа»": a name in quotation marks, not words said
        reach = x.end
        out.append(ClaimMention(x.start, x.end, x.speaker.claimant_id, x.speaker.start,
                                x.speaker.end, _reason(text, x)))
    if len(_CACHE) >= CACHE_SIZE:
        _CACHE.clear()
    _CACHE[key] = (lookups.seen, out)
    return lookups.seen, out


def _a_name(quoted: str) -> bool:
    """Two to four words, each capitalised: a body's or an outlet's name ("Нова
    Слобожанщина"), not a sentence someone said."""
    words = quoted.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() and w[1:2].islower() for w in words)


def _worth(a: Attribution) -> bool:
    if a.how in ("quoted", "answer"):
        return a.words > SCARE or a.speaker.label != NOBODY
    return a.words > SHORT


def _reason(text: str, a: Attribution) -> str:
    said = a.said or text[a.verb_start]
    what = {"quoted": "quoted speech", "reported": "reported speech",
            "according": "reported speech", "answer": "an interview's answer"}.get(a.how, "quoted view")
    if a.speaker.label == NOBODY:
        return f"{what}; no speaker named in its sentence"
    unknown = "" if a.speaker.claimant_id is not None else ", not a tagged or known actor"
    return f"{what}: {a.speaker.label} ({said}){unknown}"


def attribution_for(text: str, start: int, end: int, actor_spans: Sequence[Span],
                    known: Mapping[str, int], persons: Collection[int] = (),
                    ) -> Attribution | None:
    """The attribution in its paragraph that best covers the claim text[start:end]."""
    actors = Actors(actor_spans, known, persons)
    best: tuple[tuple[int, int], Attribution] | None = None
    for lo, hi in _paragraphs(text, start, max(start + 1, end)):
        for a in _paragraph_attributions(text, _Paragraph(text, lo, hi), actors):
            overlap = min(end, a.end) - max(start, a.start)
            if start <= a.verb_start < end:
                overlap = max(overlap, 1)  # "Okafor said the port…" tagged whole
            # on a tie the attribution that fits the claim best: "X кажуть, що A, а Y
            # запевняє, що B" gives B to Y, whose clause starts where B does
            fit = (overlap, -abs(a.start - start) - abs(a.end - end))
            if overlap > 0 and (best is None or fit > best[0]):
                best = (fit, a)
    return best[1] if best else None


_VERB_BEFORE = re.compile(rf"(?<![\w'’-])({VERB_WORDS})(?:\s+(?:that|що|что))?[\s,:]*$",
                          re.IGNORECASE)
_VERB_AT = re.compile(rf"({VERB_WORDS})(?![\w'’-])", re.IGNORECASE)


def verb_subject(text: str, lo: int, start: int, actor_spans: Sequence[Span],
                 known: Mapping[str, int], persons: Collection[int] = ()) -> Speaker | None:
    """Who a claim text[start:…] is said by when its span starts with its verb ("denied
    doing the minister any favours") or right after one that takes an object ("today
    announced a partnership …"): the verb's subject in the sentence from lo."""
    actors = Actors(actor_spans, known, persons)
    at = _VERB_AT.match(text, start)
    verb = at.start() if at is not None else -1
    if at is None:
        m = _VERB_BEFORE.search(text, max(lo, start - 60), start)
        if m is None:
            return None
        verb = m.start(1)
    found = speakers.before(text, lo, verb, actors)
    return found if found is not None and found.claimant_id is not None else None


# A sentence that only names the source of the one before it (agency style); where and
# when may stand before its verb ("Про це в четвер на сесії міської ради повідомив …")
_SOURCE_LINE = re.compile(
    r"(?:(?:This|That|It)\s+(?:was|has\s+been|is)\s+(?:\w+\s+){0,2}?(?:reported|stated|"
    r"announced|said|confirmed|written|posted)\s+(?:\w+\s+){0,3}?by"
    r"|Про\s+це\s+(?:\w+\s+){0,8}?(?:повідомив|повідомила|повідомили|повідомило|заявив|"
    r"заявила|заявили|написав|написала|розповів|розповіла|сказав|сказала|інформує|пише)"
    r"|Об\s+этом\s+(?:\w+\s+){0,8}?(?:сообщил|сообщила|сообщили|сообщило|заявил|заявила|"
    r"заявили|написал|написала|рассказал|рассказала|сказал|сказала|пишет))(?!\w)")


def _source_speaker(text: str, lo: int, hi: int, actors: Actors) -> Speaker | None:
    """Who a source line names in text[lo:hi] (after "Про це повідомив"): the last person
    tagged there, else the first actor tagged, else the words read as a speaker."""
    inside = actors.starting_in(lo, hi)
    people = [sp for sp in inside if sp[2] in actors.persons and sp[1] <= hi]
    if people or inside:
        sp = people[-1] if people else inside[0]
        return Speaker(sp[2], sp[0], sp[1], _quoted_words(text, sp[0], sp[1]), sp[0])
    return speakers.phrase(text, lo, hi, actors)


def _sourced(text: str, par: _Paragraph, actors: Actors) -> Iterator[Attribution]:
    """The sentence before a source line ("… . Об этом сообщил директор X."): X's claim."""
    for i, (s0, s1) in enumerate(par.sentences):
        if not i or not text.startswith(_SOURCE_OPENERS, s0):
            continue
        source = _SOURCE_LINE.match(text, s0, s1)
        if source is None:
            continue
        found = _source_speaker(text, source.end(), s1, actors)
        lo, hi = _trim(text, *par.sentences[i - 1], period=True)
        words = _count(text, lo, hi)
        if found is not None and words > SCARE:
            yield Attribution(lo, hi, found, s0, "reported", words, source.group())


_SOURCE_OPENERS = ("This", "That", "It", "Про", "Об")


def _quoted_words(text: str, start: int, end: int) -> str:
    return "“" + " ".join(text[start:end].split()) + "”"


# "That is the plan, Lavrov said": a sentence that points back at the one before it
_ANAPHORS = frozenset("that this it such so these those це так таке саме это такое".split())


def next_sentence_speaker(text: str, lo: int, hi: int, actor_spans: Sequence[Span],
                          known: Mapping[str, int], persons: Collection[int] = (),
                          ) -> Speaker | None:
    """The speaker of text[lo:hi] when it only attributes the sentence before it:
    "That is the plan, Lavrov told reporters.", "Це неприйнятно, — додав він." """
    actors = Actors(actor_spans, known, persons)
    source = _SOURCE_LINE.match(text, lo, hi)
    if source is not None:  # "Про це повідомив міністр … Ничипорук", "This was reported by …"
        return _source_speaker(text, source.end(), hi, actors)
    par = _Paragraph(text, lo, hi)
    for verb in par.verbs:
        att = _reported(text, par, verb, actors)
        if att is not None and att.end <= att.verb_start and att.words <= 6:
            first = _WORD.match(text, att.start)
            if first is not None and first.group().lower() in _ANAPHORS:
                return att.speaker
    return None
