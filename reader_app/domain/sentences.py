"""Sentences of an article: where they start and end. Pure Python.

Offsets are code points into the article text, like annotation offsets.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from reader_app.domain.offsets import trim_span

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
