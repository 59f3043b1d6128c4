"""Claims: statuses, the Admiralty code, sentences and who makes a claim. Pure Python.

Offsets are code points into the article text, like annotation offsets.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping, Sequence

from reader_app.domain.actors import match_key
from reader_app.domain.admiralty import CREDIBILITY, RELIABILITY
from reader_app.domain.models import CLAIM_STATUSES
from reader_app.domain.sentences import (
    AFTER,
    BEFORE,
    sentence_at,
    sentences_near,
    split_sentences,
)
from reader_app.domain.speech import NOBODY, attribution_for, next_sentence_speaker, verb_subject
from reader_app.domain.speech_words import CLAIM_NOUNS, DETERMINERS, VERB_WORDS

__all__ = ["AFTER", "BEFORE", "CLAIM_STATUSES", "CREDIBILITY", "RELIABILITY", "propose_claimant",
           "sentence_at", "sentence_span", "sentences_near", "split_sentences"]

# Verbs that attribute speech or a stance to who comes before them: "X said", "NATO calling".
_VERBS = VERB_WORDS
_NAME = r"[^\W\d_][\w'’.-]*"
_WORD = re.compile(_NAME)
_CLOSERS = ",”\"’»—–"
# Between a quotation and its attribution: punctuation, "said", "the", "Russia's".
_GAP = re.compile(rf"[\s,”\"’'»—–-]*(?P<verb>(?:said|says|added|wrote|told)\s+)?"
                  rf"(?:(?:the|a|an)\s+)?(?:{_NAME}['’]s\s+)?")
# "X said", "X's ministry said"; never "X's claims" (a noun: "rejected X's claims")
_SPEAKER_TAIL = re.compile(rf"(?:['’]s(?:\s+{_NAME}){{1,3}}?|(?:\s+{_NAME}){{0,3}}?)"
                           rf"\s+(?:{_VERBS})(?!\w)", re.IGNORECASE)
_ACCORDING = re.compile(r"according\s+to\s+(?:the\s+)?$", re.IGNORECASE)
_KNOWN_SPEAKER = re.compile(
    rf"according\s+to\s+(?:the\s+)?(?P<after>{_NAME}(?:\s+{_NAME}){{0,5}})"
    rf"|(?P<before>{_NAME}(?:\s+{_NAME}){{0,5}})(?:['’]s(?:\s+{_NAME}){{1,3}})?"
    rf"\s+(?:{_VERBS})(?!\w)",
    re.IGNORECASE)
# ", напомнил Колесов, …", ", нагадала міністерка Гордієнко, …": verb, title, then the name
_INSIDE_VERB = re.compile(rf"[,—–]\s*(?:{_VERBS})(?:\s+{_NAME}){{0,3}}?\s+$", re.IGNORECASE)
_COMMA_ONLY = re.compile(r"\s*[,—–]\s*")
# "rejected Moscow's claims that …": the clause is a claim the sentence reports, not its own
_DISPUTED = re.compile(rf"(?:['’]s|\b(?:his|her|their|its))\s+(?:{'|'.join(CLAIM_NOUNS)})"
                       r"\s+(?:that|що|что)\s*$", re.IGNORECASE)


def _nouns_only(text: str, lo: int, hi: int) -> bool:
    """Is the "verb" ending text[lo:hi] a noun: "X's claims", "the claims were"?"""
    words = [w.lower() for w in _WORD.findall(text, lo, hi)]
    return len(words) >= 2 and (words[0].endswith(("'s", "’s")) and len(words) == 2 or any(
        w in CLAIM_NOUNS or w in DETERMINERS for w in words[1:-1]))


Span = tuple[int, int, int]  # (start, end, actor id) of an actor tag


def _is_speaker(text: str, span: Span, lo: int, hi: int) -> bool:
    """Does the tagged actor speak inside text[lo:hi]: "X said", "X's ministry told
    reporters", "according to X"?"""
    start, end, _ = span
    tail = _SPEAKER_TAIL.match(text, end, hi)
    if tail is not None and not _nouns_only(text, start, tail.end()):
        return True
    return bool(_ACCORDING.search(text, max(lo, start - 20), start))


def _attribution_gap(text: str, claim_end: int, pos: int) -> re.Match[str] | None:
    """The text between a quoted claim and the name after it, if it is only an
    attribution's glue (`,” the `, `,” said `)."""
    if claim_end == pos or not (text[claim_end - 1] in _CLOSERS or text[claim_end] in _CLOSERS):
        return None
    gap = _GAP.fullmatch(text, claim_end, pos)
    return gap if gap is not None and pos - claim_end <= 40 else None


def _known_speakers(
    text: str, lo: int, hi: int, known: Mapping[str, int]
) -> Iterator[tuple[int, int, int]]:
    """Known actor names in speech constructions in text[lo:hi]: (actor id, start, end)."""
    if not known:
        return
    for m in _KNOWN_SPEAKER.finditer(text, lo, hi):
        group = "after" if m.group("after") else "before"
        if group == "before" and _nouns_only(text, m.start(), m.end()):
            continue
        words = [(w.start(), w.end()) for w in _WORD.finditer(text, m.start(group), m.end(group))]
        # "Russian Foreign Minister Sergei Lavrov said": the longest known tail before a verb,
        # or the longest known head after "according to"
        parts = ([(i, len(words)) for i in range(len(words))] if group == "before"
                 else [(0, i) for i in range(len(words), 0, -1)])
        # "Russia's Defense Ministry said": also the possessor on its own
        parts += [(i, j + 1) for j, (_s, e) in enumerate(words) if text[e - 2:e] in ("'s", "’s")
                  for i in range(j + 1)]
        for a, b in parts:
            start, end = words[a][0], words[b - 1][1]
            key = match_key(text[start:end])
            actor_id = known.get(key)
            if actor_id is None and key.endswith("'s"):
                end -= 2
                actor_id = known.get(key[:-2])
            if actor_id is not None:
                yield actor_id, start, end
                break


def _nearest(text: str, spans: Sequence[Span], lo: int, hi: int, limit: int) -> Span | None:
    """The last tagged actor speaking in text[lo:hi] and starting at or before limit."""
    found = [sp for sp in spans if lo <= sp[0] <= limit and sp[0] < hi]
    speaking = [sp for sp in found if _is_speaker(text, sp, lo, hi)]
    return speaking[-1] if speaking else None


def _quoted(text: str, span: Span) -> str:
    return "“" + " ".join(text[span[0]:span[1]].split()) + "”"


def propose_claimant(
    text: str,
    claim_start: int,
    claim_end: int,
    actor_spans: Sequence[Span],
    known_names: Mapping[str, int] | None = None,
    persons: Collection[int] = (),
) -> tuple[int | None, str]:
    """Who makes the claim text[claim_start:claim_end]: (actor id or None, reason).

    First the speech around it (speech.attribution_for): the speaker of the quotation or
    reported clause it lies in, read as a tagged actor, a known name or a pronoun (the last
    person tagged before it in the paragraph); a speaker that is none of these gives no
    claimant rather than a guess from another sentence. With no speech around it: a tagged
    actor speaking just after or before it in its sentence, a known name speaking there, a
    tagged actor speaking in the sentence before, a speaker attributing the next sentence
    ("That is the plan, Lavrov said"). Narration with no speech verb gets no claimant.
    actor_spans: the article's actor tags; known_names: match key -> actor id; persons: the
    actor ids that are people.
    """
    known = known_names or {}
    if _DISPUTED.search(text, max(0, claim_start - 40), claim_start):
        return None, "the sentence reports it as someone's disputed claim"
    found = attribution_for(text, claim_start, claim_end, actor_spans, known, persons)
    if found is None or found.speaker.claimant_id is None:
        sentences = sentences_near(text, claim_start, claim_end)
        here = sentence_at(sentences, claim_start)
        lo = sentences[here][0] if here >= 0 else max(0, claim_start - 200)
        who = verb_subject(text, lo, claim_start, actor_spans, known, persons)
        if who is not None:
            return who.claimant_id, f"{who.label} says it (the verb before it)"
    if found is not None:
        who = found.speaker
        if who.claimant_id is not None:
            return who.claimant_id, f"{who.label} says it"
        if who.label == NOBODY:
            return None, "a quotation with no speaker named"
        return None, f"its speaker, {who.label}, is not a tagged or known actor"
    return _nearby(text, claim_start, claim_end, sorted(actor_spans), known, persons)


def _nearby(text: str, claim_start: int, claim_end: int, spans: Sequence[Span],
            known: Mapping[str, int], persons: Collection[int]) -> tuple[int | None, str]:
    sentences = sentences_near(text, claim_start, claim_end)
    here = sentence_at(sentences, claim_start)
    if here < 0:
        return None, "no sentence around the claim"
    s_start, s_end = sentences[here]
    last = max(here, sentence_at(sentences, max(claim_start, claim_end - 1)))
    e_end = max(sentences[last][1], claim_end)

    # 0. an inverted attribution inside the sentence, right before the claim: "В соседней
    # Латвии, напомнил Колесов, такой налог отменили"
    for inside in spans:
        if s_start <= inside[0] and inside[1] <= claim_start and _COMMA_ONLY.fullmatch(
                text, inside[1], claim_start) and _INSIDE_VERB.search(
                text, max(s_start, inside[0] - 80), inside[0]):
            return inside[2], f"{_quoted(text, inside)} is quoted as saying it, mid-sentence"
    # 1. attribution right after the claim
    span: Span | None
    for span in sorted(spans, key=lambda sp: (sp[0], -sp[1])):  # nested: the longer first
        if (claim_end <= span[0] < e_end
                and (gap := _attribution_gap(text, claim_end, span[0]))
                and (gap.group("verb") or _is_speaker(text, span, claim_end, e_end))):
            return span[2], f"{_quoted(text, span)} is quoted as saying it"
    for actor_id, start, end in _known_speakers(text, claim_end, e_end, known):
        if _attribution_gap(text, claim_end, start):
            return actor_id, f"“{text[start:end]}” is quoted as saying it"
    # 2. a tagged actor speaking before the claim or its quotation mark, in its sentence
    opening = re.search(r"[“\"«„]", text[claim_start:claim_end])
    anchor = claim_start + opening.start() if opening else claim_start
    span = _nearest(text, spans, s_start, s_end, anchor)
    if span is not None:
        return span[2], f"{_quoted(text, span)} speaks just before it in its sentence"
    for actor_id, start, end in _known_speakers(text, s_start, e_end, known):
        return actor_id, f"“{text[start:end]}” speaks in the claim's sentence"
    # 3. the sentence before, when it ends by introducing it ("Okafor said:")
    if here > 0 and text[sentences[here - 1][1] - 1] == ":":
        p_start, p_end = sentences[here - 1]
        span = _nearest(text, spans, p_start, p_end, p_end)
        if span is not None:
            return span[2], f"{_quoted(text, span)} introduces it in the sentence before"
        for actor_id, start, end in _known_speakers(text, p_start, p_end, known):
            return actor_id, f"“{text[start:end]}” introduces it in the sentence before"
    # 4. the next sentence only when it attributes what comes before it ("…, Lavrov said")
    if last + 1 < len(sentences):
        n_start, n_end = sentences[last + 1]
        who = next_sentence_speaker(text, n_start, n_end, spans, known, persons)
        if who is not None and who.claimant_id is not None:
            return who.claimant_id, f"{who.label} says it in the next sentence"
    return None, "no speaker near the claim"


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentences text[start:end] lies in, as one (start, end) span."""
    sentences = sentences_near(text, start, end)
    first = sentence_at(sentences, start)
    last = sentence_at(sentences, max(start, end - 1))
    if first < 0:
        return start, end
    return min(start, sentences[first][0]), max(end, sentences[last][1])
