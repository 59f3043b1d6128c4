"""Claims in news text: quoted and reported speech, with who says it. Pure Python.

Spans, in code points into the text:
- quoted speech: the words inside the quotation marks, without the marks, white space and a
  closing comma or dash ("“We will not retreat,” Okafor said" -> `We will not retreat`);
  end punctuation written inside the marks (. ? ! …) stays.
- reported speech: the reported clause, from after "that"/"що"/"что" (or the verb, or "told
  reporters") to the end of the sentence, without its final period and without the
  attribution ("Okafor said that the port will reopen." -> `the port will reopen`;
  "The port will reopen, Okafor said." -> `The port will reopen`).
A quotation inside a reported clause is part of that claim, not one of its own. Quotations of
one or two words with no attribution are scare quotes, not claims; narration with no speech
verb is never a claim.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Iterator, Mapping, Sequence
from typing import NamedTuple

from reader_app.domain import speakers
from reader_app.domain.sentences import split_sentences
from reader_app.domain.speakers import Actors, Span, Speaker
from reader_app.domain.speech_words import ACCORDING, AUDIENCE, SPEECH, THAT, VERB

__all__ = ["Attribution", "ClaimMention", "attribution_for", "find_claims",
           "next_sentence_speaker"]


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
    how: str  # "quoted" | "reported" | "according" | "stance"
    words: int  # words in the claim


_QUOTE = re.compile(r"“([^“”\n]*)”|«([^«»\n]*)»|„([^„“”\n]*)[“”]|\"([^\"\n]*)\"")
_WORD = re.compile(r"\w+")
_GLUE = re.compile(r"[\s,.!?…]*(?:[—–-]+\s*)?")
_THAT = re.compile(r"[^.!?;:“”«»\"„\n]{0,60}?(?<!\w)(?:that|що|что)(?!\w)\s*", re.IGNORECASE)
_TOLD = frozenset("told tells telling".split())
_NO_GAP = re.compile(r"[“”«»\"„.;:!?]")
_CLAUSE_END = re.compile(r"[,.;:!?—–\n]")
_LEAD = " \t\u00a0:,—–-"
_TRAIL = " \t\u00a0,;:—–-"
SCARE = 2  # a quotation of this many words or fewer needs an attribution to be a claim
SHORT = 2  # a reported clause needs more words than this to be suggested


def _count(text: str, lo: int, hi: int) -> int:
    return len(_WORD.findall(text, lo, hi))


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


class _Paragraph:
    """One paragraph's sentences and quotations."""

    def __init__(self, text: str, lo: int, hi: int) -> None:
        self.sentences = [(s + lo, e + lo) for s, e in split_sentences(text[lo:hi])]
        self.starts = [s for s, _ in self.sentences]
        self.quotes = [m for m in _QUOTE.finditer(text, lo, hi)]

    def sentence(self, pos: int) -> tuple[int, int]:
        i = max(0, bisect_right(self.starts, pos) - 1)
        return self.sentences[i] if self.sentences else (pos, pos)

    def quoted(self, pos: int) -> bool:
        return any(q.start() < pos < q.end() - 1 for q in self.quotes)


def _verb_speaker(text: str, s0: int, verb: re.Match[str], actors: Actors,
                  ) -> tuple[Speaker | None, bool]:
    """The speaker of a verb in the sentence starting at s0, and whether it follows the
    verb ("…, said Okafor", "— заявив Зеленський")."""
    found = speakers.before(text, s0, verb.start(), actors)
    if found is not None:
        return found, False
    stop = _CLAUSE_END.search(text, verb.end(), min(len(text), verb.end() + 120))
    hi = stop.start() if stop else min(len(text), verb.end() + 120)
    return speakers.phrase(text, verb.end(), hi, actors), True


def _quoted(text: str, par: _Paragraph, q: re.Match[str], actors: Actors,
            ) -> Attribution | None:
    group = next(i for i in range(1, 5) if q.start(i) >= 0)
    lo, hi = _trim(text, q.start(group), q.end(group), period=False)
    if hi <= lo:
        return None
    words = _count(text, lo, hi)
    # 1. an attribution right after it: "“…,” Okafor said", "«…», — заявив Зеленський"
    s_start, s_end = par.sentence(q.end() - 1)
    p = _GLUE.match(text, q.end()).end()
    glued = text[q.end(group) - 1] in ",!?…—–-." or any(c in text[q.end():p] for c in ",—–-")
    verb = VERB.search(text, p, min(s_end, p + 100)) if glued else None
    if verb is not None and verb.group().lower() in SPEECH and \
            not _NO_GAP.search(text, p, verb.start()):
        if p == verb.start():
            stop = _CLAUSE_END.search(text, verb.end(), s_end)
            found = speakers.phrase(text, verb.end(), stop.start() if stop else s_end, actors)
        else:
            found = speakers.before(text, p, verb.start(), actors)
        if found is not None:
            return Attribution(lo, hi, found, verb.start(), "quoted", words)
    # 2. an attribution before it in its sentence: "Okafor said: “…”", "Okafor: “…”", or a
    #    verb whose clause holds it ("Nordhav calling it a “reckless gamble”")
    s_start, _ = par.sentence(q.start())
    verbs = [v for v in VERB.finditer(text, s_start, q.start()) if not par.quoted(v.start())]
    for v in reversed(verbs):
        found, _after = _verb_speaker(text, s_start, v, actors)
        if found is not None:
            return Attribution(lo, hi, found, v.start(), "quoted", words)
    colon = text.rfind(":", s_start, q.start())
    if colon > s_start and not text[colon + 1:q.start()].strip():
        found = speakers.phrase(text, s_start, colon, actors)
        if found is not None and found.start is not None:
            return Attribution(lo, hi, found, colon, "quoted", words)
    # 3. a whole quoted sentence after "Okafor said:" ends the sentence before
    if words > SCARE and not text[s_start:q.start()].strip():
        before = [s for s in par.sentences if s[1] <= q.start()]
        if before and text[before[-1][1] - 1] == ":":
            b0, b1 = before[-1]
            verbs = [v for v in VERB.finditer(text, b0, b1) if not par.quoted(v.start())]
            if verbs:
                found, _after = _verb_speaker(text, b0, verbs[-1], actors)
                if found is not None:
                    return Attribution(lo, hi, found, verbs[-1].start(), "quoted", words)
        if words > 3 and text[hi - 1] in ".!?…":
            return Attribution(lo, hi, Speaker(None, None, None, "nobody named"), q.start(),
                               "quoted", words)
    return None


def _reported(text: str, par: _Paragraph, verb: re.Match[str], actors: Actors,
              ) -> Attribution | None:
    s0, s1 = par.sentence(verb.start())
    found, after = _verb_speaker(text, s0, verb, actors)
    if found is None:
        return None
    word = verb.group().lower()
    stance = word not in SPEECH
    at = verb.start() if after or found.at < 0 else found.at
    lead = text[s0:at].rstrip().rstrip("”»“\"’")
    # "The port will reopen, Okafor said." / "…, said Okafor."
    trailing = lead.endswith((",", "—", "–")) and _count(text, s0, at) >= 3
    p = verb.end()
    if after:
        stop = _CLAUSE_END.search(text, p, s1)
        p = stop.start() if stop else s1
    rest = _THAT.match(text, p, s1)
    if rest is not None:
        c0 = rest.end()
    else:
        c0 = p
        if word in _TOLD:  # "told reporters", "told the BBC"
            m = re.match(r"\s+(?:the\s+)?(\w+)", text[p:s1])
            if m and (m.group(1).lower() in AUDIENCE or m.group(1)[:1].isupper()):
                c0 = p + m.end()
    if trailing and (after or rest is None and _count(text, c0, s1) <= 4):
        lo, hi = _trim(text, s0, at, period=False)
    else:
        lo, hi = _trim(text, c0, s1, period=True)
        if stance:
            return None
    if hi <= lo or _one_quotation(text, lo, hi):
        return None  # empty, or a quotation: the quotation is the claim
    return Attribution(lo, hi, found, verb.start(), "stance" if stance else "reported",
                       _count(text, lo, hi))


def _one_quotation(text: str, lo: int, hi: int) -> bool:
    q = _QUOTE.match(text, lo)
    return q is not None and q.end() >= hi


def _according(text: str, par: _Paragraph, m: re.Match[str], actors: Actors,
               ) -> Attribution | None:
    s0, s1 = par.sentence(m.start())
    stop = _CLAUSE_END.search(text, m.end(), s1)
    hi = stop.start() if stop else s1
    found = speakers.phrase(text, m.end(), hi, actors)
    if found is None:
        return None
    lead = text[s0:m.start()].rstrip()
    if lead.endswith((",", "—", "–")) and _count(text, s0, m.start()) >= 3:
        lo, end = _trim(text, s0, s0 + len(lead), period=False)  # "…, according to X."
    elif not lead:
        lo, end = _trim(text, hi, s1, period=True)  # "According to X, …"
    else:
        lo, end = _trim(text, s0, s1, period=True)  # "The dam, according to X, broke."
    if end <= lo:
        return None
    return Attribution(lo, end, found, m.start(), "according", _count(text, lo, end))


def _paragraph_attributions(text: str, lo: int, hi: int, actors: Actors,
                            ) -> Iterator[Attribution]:
    par = _Paragraph(text, lo, hi)
    for q in par.quotes:
        att = _quoted(text, par, q, actors)
        if att is not None:
            yield att
    for verb in VERB.finditer(text, lo, hi):
        if not par.quoted(verb.start()):
            att = _reported(text, par, verb, actors)
            if att is not None:
                yield att
    for m in ACCORDING.finditer(text, lo, hi):
        if not par.quoted(m.start()):
            att = _according(text, par, m, actors)
            if att is not None:
                yield att


def _paragraphs(text: str, lo: int = 0, hi: int | None = None) -> Iterator[tuple[int, int]]:
    hi = len(text) if hi is None else hi
    start = text.rfind("\n", 0, lo) + 1
    while start < hi:
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        yield start, end
        start = end + 1


_TRIGGER = re.compile(rf"{VERB.pattern}|{ACCORDING.pattern}|[“«„\"]", re.IGNORECASE)


def find_claims(text: str, actor_spans: Sequence[Span], known: Mapping[str, int],
                persons: Collection[int] = ()) -> list[ClaimMention]:
    """Quoted and reported speech in text, in text order, each with its speaker.

    actor_spans: ((start, end, actor id), ...) of the article's actor tags; known: match key
    of a library name -> actor id; persons: the actor ids that are people (for "he said").
    """
    actors = Actors(actor_spans, known, persons)
    found: list[Attribution] = []
    pos = 0
    while (m := _TRIGGER.search(text, pos)) is not None:  # only paragraphs with speech
        lo = text.rfind("\n", 0, m.start()) + 1
        hi = text.find("\n", m.start())
        hi = len(text) if hi < 0 else hi
        found.extend(a for a in _paragraph_attributions(text, lo, hi, actors) if _worth(a))
        pos = hi + 1
    found.sort(key=lambda a: (a.start, -a.end))
    out: list[ClaimMention] = []
    reach = -1
    for a in found:
        if a.start < reach:
            continue  # inside a claim already found (a quotation in a reported clause)
        reach = a.end
        out.append(ClaimMention(a.start, a.end, a.speaker.claimant_id, a.speaker.start,
                                a.speaker.end, _reason(text, a)))
    return out


def _worth(a: Attribution) -> bool:
    if a.how == "quoted":
        return a.words > SCARE or a.speaker.label != "nobody named"
    return a.words > SHORT


def _reason(text: str, a: Attribution) -> str:
    verb = _WORD.match(text, a.verb_start)
    said = verb.group() if verb else text[a.verb_start]
    what = {"quoted": "quoted speech", "reported": "reported speech",
            "according": "reported speech"}.get(a.how, "quoted view")
    if a.speaker.label == "nobody named":
        return f"{what}; no speaker named in its sentence"
    unknown = "" if a.speaker.claimant_id is not None else ", not a tagged or known actor"
    return f"{what}: {a.speaker.label} ({said}){unknown}"


def attribution_for(text: str, start: int, end: int, actor_spans: Sequence[Span],
                    known: Mapping[str, int], persons: Collection[int] = (),
                    ) -> Attribution | None:
    """The attribution in its paragraph that best covers the claim text[start:end]."""
    actors = Actors(actor_spans, known, persons)
    best: tuple[int, Attribution] | None = None
    for lo, hi in _paragraphs(text, start, max(start + 1, end)):
        for a in _paragraph_attributions(text, lo, hi, actors):
            overlap = min(end, a.end) - max(start, a.start)
            if start <= a.verb_start < end:
                overlap = max(overlap, 1)  # "Okafor said the port…" tagged whole
            if overlap > 0 and (best is None or overlap > best[0]):
                best = (overlap, a)
    return best[1] if best else None


# "That is the plan, Lavrov said": a sentence that points back at the one before it
_ANAPHORS = frozenset("that this it such so these those це так таке саме это такое".split())


def next_sentence_speaker(text: str, lo: int, hi: int, actor_spans: Sequence[Span],
                          known: Mapping[str, int], persons: Collection[int] = (),
                          ) -> Speaker | None:
    """The speaker of text[lo:hi] when it only attributes the sentence before it:
    "That is the plan, Lavrov told reporters.", "Це неприйнятно, — додав він." """
    actors = Actors(actor_spans, known, persons)
    par = _Paragraph(text, lo, hi)
    for verb in VERB.finditer(text, lo, hi):
        att = _reported(text, par, verb, actors)
        if att is not None and att.end <= att.verb_start and att.words <= 6:
            first = _WORD.match(text, att.start)
            if first is not None and first.group().lower() in _ANAPHORS:
                return att.speaker
    return None
