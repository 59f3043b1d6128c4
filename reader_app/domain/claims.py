"""Claims: statuses, the Admiralty code, sentences and who makes a claim. Pure Python.

Offsets are code points into the article text, like annotation offsets.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Mapping, Sequence

from reader_app.domain.actors import match_key
from reader_app.domain.models import CLAIM_STATUSES
from reader_app.domain.offsets import trim_span

__all__ = ["CLAIM_STATUSES", "CREDIBILITY", "RELIABILITY", "propose_claimant",
           "sentence_at", "sentence_span", "split_sentences"]

# The Admiralty (NATO) system: how reliable the source is, how credible the information.
RELIABILITY: dict[str, str] = {
    "A": "Completely reliable",
    "B": "Usually reliable",
    "C": "Fairly reliable",
    "D": "Not usually reliable",
    "E": "Unreliable",
    "F": "Reliability cannot be judged",
}
CREDIBILITY: dict[int, str] = {
    1: "Confirmed by other sources",
    2: "Probably true",
    3: "Possibly true",
    4: "Doubtful",
    5: "Improbable",
    6: "Truth cannot be judged",
}

# A period after these does not end a sentence ("Jan. 26", "Dr. Smith", "U.S. troops").
_ABBREVIATIONS = frozenset("""
    mr mrs ms dr prof sr jr st mt ft gen lt col maj capt cmdr adm sgt cpl pvt gov sen rep
    pres rev hon sec amb no nos vol vs approx est dept inc corp ltd co bros
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
""".split())
_END = re.compile(r"[.!?…]+[”\"’'»)\]]*(?=\s)|[。！？]+[」』”]*")
_OPENERS = "“\"‘'«([„¿¡"
_LINE = re.compile(r"[^\n]+")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w.]*)$")


def _ends_sentence(text: str, dot: int, after: int, stop: int) -> bool:
    """Is the punctuation at text[dot] (white space up to after) a boundary in its line?"""
    nxt = after
    while nxt < stop and text[nxt] in _OPENERS:
        nxt += 1
    if nxt >= stop:
        return True
    first = text[nxt]
    if not (first.isupper() or first.isdigit() or (first.isalpha() and not first.islower())):
        return False  # "the U.S. and NATO", "…,” he said"
    if text[dot] != ".":
        return True
    word = _WORD_BEFORE.search(text, max(0, dot - 20), dot)
    if word is None:
        return True
    token = word.group(1)
    if token.lower() in _ABBREVIATIONS:
        return False
    # initials and dotted abbreviations: "J. K. Rowling", "U.S. officials", "U.K. diplomats"
    return not (len(token) == 1 and token.isupper()) and "." not in token


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, white space trimmed. A line break always ends one;
    closing quotes stay with the sentence they close."""
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        cut, stop = line.span()
        for m in _END.finditer(text, cut, stop):
            after = m.end()
            while after < stop and text[after] in " \t\u00a0":
                after += 1
            if _ends_sentence(text, m.start(), after, stop):
                spans.append((cut, m.end()))
                cut = after
        spans.append((cut, stop))
    return [(s, e) for s, e in (trim_span(text, s, e) for s, e in spans) if e > s]


def sentence_at(sentences: Sequence[tuple[int, int]], pos: int) -> int:
    """Index of the sentence holding pos (or the nearest one before it); -1 if none."""
    return bisect_right(sentences, pos, key=lambda s: s[0]) - 1


# Sentences further from a claim never matter (annotations.NEAR, the tags a proposal
# sees, covers the same window).
BEFORE, AFTER = 4000, 2000


def sentences_near(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences around text[start:end], in article offsets."""
    lo = max(0, start - BEFORE)
    return [(s + lo, e + lo) for s, e in split_sentences(text[lo:end + AFTER])]


# Verbs that attribute speech or a stance to who comes before them: "X said", "NATO calling".
_VERBS = (r"said|says|saying|told|tells|added|adds|stated|claimed|claims|announced|wrote|"
          r"warned|insisted|argued|noted|declared|tweeted|posted|alleged|asserted|reported|"
          r"denied|described|describes|called|calls|calling|stressed|urged|accused|dismissed|"
          r"denounced|responded|replied|confirmed|admitted|believes|thinks|criticized|"
          r"criticised|condemned|rejected|blamed|welcomed|praised")
_NAME = r"[^\W\d_][\w'’.-]*"
_WORD = re.compile(_NAME)
_CLOSERS = ",”\"’»—–"
# Between a quotation and its attribution: punctuation, "said", "the", "Russia's".
_GAP = re.compile(rf"[\s,”\"’'»—–-]*(?P<verb>(?:said|says|added|wrote|told)\s+)?"
                  rf"(?:(?:the|a|an)\s+)?(?:{_NAME}['’]s\s+)?")
_SPEAKER_TAIL = re.compile(rf"(?:['’]s)?(?:\s+{_NAME}){{0,3}}?\s+(?:{_VERBS})\b")
_ACCORDING = re.compile(r"according\s+to\s+(?:the\s+)?$", re.IGNORECASE)
_KNOWN_SPEAKER = re.compile(
    rf"according\s+to\s+(?:the\s+)?(?P<after>{_NAME}(?:\s+{_NAME}){{0,5}})"
    rf"|(?P<before>{_NAME}(?:\s+{_NAME}){{0,5}})(?:['’]s(?:\s+{_NAME}){{1,3}})?\s+(?:{_VERBS})\b",
    re.IGNORECASE)

Span = tuple[int, int, int]  # (start, end, actor id) of an actor tag


def _is_speaker(text: str, span: Span, lo: int, hi: int) -> bool:
    """Does the tagged actor speak inside text[lo:hi]: "X said", "X's ministry told
    reporters", "according to X"?"""
    start, end, _ = span
    return bool(_SPEAKER_TAIL.match(text, end, hi)) or bool(
        _ACCORDING.search(text, max(lo, start - 20), start))


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
    """The tagged actor in text[lo:hi] starting at or before limit, a speaker first."""
    found = [sp for sp in spans if lo <= sp[0] <= limit and sp[0] < hi]
    speaking = [sp for sp in found if _is_speaker(text, sp, lo, hi)]
    last: Sequence[Span | None] = speaking or found or [None]
    return last[-1]


def _quoted(text: str, span: Span) -> str:
    return "“" + " ".join(text[span[0]:span[1]].split()) + "”"


def propose_claimant(
    text: str,
    claim_start: int,
    claim_end: int,
    actor_spans: Sequence[Span],
    known_names: Mapping[str, int] | None = None,
) -> tuple[int | None, str]:
    """Who makes the claim text[claim_start:claim_end]: (actor id or None, reason).

    In order: an attribution right after the claim (`“…,” the Defense Ministry said`);
    the tagged actor nearest before the claim (or its opening quotation mark) in its
    sentence, speakers first; a known name speaking in that sentence; the tagged actor
    nearest the end of the previous sentence; a speaker in a sentence next to it.
    actor_spans: the article's actor tags; known_names: match key -> actor id.
    """
    known = known_names or {}
    sentences = sentences_near(text, claim_start, claim_end)
    here = sentence_at(sentences, claim_start)
    if here < 0:
        return None, "no sentence around the claim"
    s_start, s_end = sentences[here]
    last = max(here, sentence_at(sentences, max(claim_start, claim_end - 1)))
    e_end = max(sentences[last][1], claim_end)
    spans = sorted(actor_spans)

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
    # 2. nearest tagged actor before the claim or its quotation mark, in its sentence
    opening = re.search(r"[“\"«„]", text[claim_start:claim_end])
    anchor = claim_start + opening.start() if opening else claim_start
    span = _nearest(text, spans, s_start, s_end, anchor)
    if span is not None:
        return span[2], f"{_quoted(text, span)} is tagged just before it in its sentence"
    for actor_id, start, end in _known_speakers(text, s_start, e_end, known):
        return actor_id, f"“{text[start:end]}” speaks in the claim's sentence"
    # 3. the previous sentence
    if here > 0:
        p_start, p_end = sentences[here - 1]
        span = _nearest(text, spans, p_start, p_end, p_end)
        if span is not None:
            return span[2], f"{_quoted(text, span)} is tagged in the sentence before"
    # 4. a speaker in a sentence next to the claim
    for i, where in ((here - 1, "sentence before"), (last + 1, "next sentence")):
        if 0 <= i < len(sentences):
            n_start, n_end = sentences[i]
            for span in spans:
                if n_start <= span[0] < n_end and _is_speaker(text, span, n_start, n_end):
                    return span[2], f"{_quoted(text, span)} speaks in the {where}"
            for actor_id, start, end in _known_speakers(text, n_start, n_end, known):
                return actor_id, f"“{text[start:end]}” speaks in the {where}"
    return None, "no actor tagged near the claim"


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentences text[start:end] lies in, as one (start, end) span."""
    sentences = sentences_near(text, start, end)
    first = sentence_at(sentences, start)
    last = sentence_at(sentences, max(start, end - 1))
    if first < 0:
        return start, end
    return min(start, sentences[first][0]), max(end, sentences[last][1])
