"""Offsets: Python code points <-> UTF-16 units, anchors and re-anchoring.

Stored offsets are code points into the article text. Qt counts UTF-16 code
units; every astral character (> U+FFFF) takes two units. OffsetMap is the ONE
place where the two are converted.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

CONTEXT = 32  # characters of prefix/suffix stored with each annotation
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


def text_sha256(text: str) -> str:
    return utf8_sha256(text.encode("utf-8", "surrogatepass"))


def utf8_sha256(utf8: bytes) -> str:
    """text_sha256 of the text whose UTF-8 this is (a file's bytes, not decoded again)."""
    return hashlib.sha256(utf8).hexdigest()


class OffsetMap:
    """Converts positions in one text between code points and UTF-16 units."""

    def __init__(self, text: str) -> None:
        # code-point indexes of astral characters, in order
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        # their UTF-16 unit positions (first unit of the pair)
        self._astral_units = [i + n for n, i in enumerate(self._astral)]
        self.length = len(text)
        self.utf16_length = len(text) + len(self._astral)

    def to_utf16(self, pos: int) -> int:
        pos = max(0, min(pos, self.length))
        return pos + bisect_left(self._astral, pos)

    def to_code_point(self, unit: int) -> int:
        """UTF-16 unit -> code point; a unit inside a surrogate pair snaps
        back to the start of that character."""
        unit = max(0, min(unit, self.utf16_length))
        n = bisect_right(self._astral_units, unit - 1)  # pairs starting before unit
        if n and self._astral_units[n - 1] == unit - 1:
            # unit points at the low surrogate: snap to the pair's start
            return unit - 1 - (n - 1)
        return unit - n


@dataclass(frozen=True)
class Anchor:
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str


def make_anchor(text: str, start: int, end: int) -> Anchor:
    if not 0 <= start < end <= len(text):
        raise ValueError(f"span {start}:{end} is outside a text of {len(text)} characters")
    return Anchor(
        start,
        end,
        text[start:end],
        text[max(0, start - CONTEXT) : start],
        text[end : end + CONTEXT],
    )


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span so it neither starts nor ends with white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "_'’-" or 0x300 <= ord(ch) <= 0x36F


_APOSTROPHES = "'’ʼ"


def _possessive_at(text: str, pos: int) -> bool:
    """An English possessive starts at pos: "’s" / "'s" / the mis-encoded "â€™s" before a
    non-letter, or a plural's bare apostrophe ("the Okafors’ lawyer")."""
    if text.startswith("â€™", pos):
        pos += 2
    elif pos >= len(text) or text[pos] not in _APOSTROPHES:
        return False
    after = text[pos + 1:pos + 3]
    if after[:1] in ("s", "S"):
        return not (after[1:2].isalnum() or after[1:2] in "'’")
    return not after[:1].isalnum()


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span that starts or ends inside a word to whole words. A selection that
    ends exactly before a possessive keeps it out ("Ganna Malyar" in "Ganna Malyar's
    claim"); one that ends inside the word takes the whole word as written."""
    while 0 < start < len(text) and _is_word_char(text[start - 1]) and _is_word_char(text[start]):
        start -= 1
    if _possessive_at(text, end):
        return start, end
    while (0 < end < len(text) and _is_word_char(text[end - 1]) and _is_word_char(text[end])
           and not text.startswith("â€™", end)):  # a mis-encoded ’ is never part of a word
        end += 1
    return start, end


def reanchor(text: str, anchor: Anchor) -> tuple[int, int] | None:
    """Find where an anchor's quote now lies in text.

    Exact position first; else the occurrence whose prefix and suffix match
    best, ties going to the nearest to the old position. None when the quote
    is gone: the caller must say so, never guess.
    """
    q = anchor.quote
    if not q:
        return None
    if text[anchor.start : anchor.end] == q:
        return anchor.start, anchor.end
    best: tuple[int, int, int] | None = None  # (score, -distance, start)
    i = text.find(q)
    while i != -1:
        before = text[max(0, i - len(anchor.prefix)) : i]
        after = text[i + len(q) : i + len(q) + len(anchor.suffix)]
        score = _common_suffix(before, anchor.prefix) + _common_prefix(after, anchor.suffix)
        key = (score, -abs(i - anchor.start), i)
        if best is None or key > best:
            best = key
        i = text.find(q, i + 1)
    if best is None:
        return None
    return best[2], best[2] + len(q)


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):  # up to the shorter one
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])


MAX_CANDIDATES = 1000  # occurrences of a quote looked at before calling it ambiguous


def span_fits(text: str, start: object, end: object, quote: object) -> bool:
    """start/end are whole numbers inside text and text[start:end] is the quote."""
    return (type(start) is int and type(end) is int and 0 <= start < end <= len(text)
            and text[start:end] == quote)


def locate_unique(text: str, quote: str, prefix: str = "", suffix: str = ""
                  ) -> tuple[int, int] | None:
    """Where a quote now lies when that is beyond doubt, else None.

    One occurrence: there. Several: the one whose prefix and suffix match strictly
    better than every other's. A tie (or more than MAX_CANDIDATES occurrences) is
    ambiguous: the caller must flag the tag, never pick one (reanchor() would guess
    the nearest).
    """
    if not quote or not isinstance(quote, str):
        return None
    scores: list[tuple[int, int]] = []  # (score, start)
    i = text.find(quote)
    while i != -1:
        if len(scores) >= MAX_CANDIDATES:
            return None
        before = text[max(0, i - len(prefix)) : i]
        after = text[i + len(quote) : i + len(quote) + len(suffix)]
        scores.append((_common_suffix(before, prefix) + _common_prefix(after, suffix), i))
        i = text.find(quote, i + 1)
    if not scores:
        return None
    if len(scores) > 1:
        scores.sort(reverse=True)
        if scores[0][0] == scores[1][0]:
            return None
    start = scores[0][1]
    return start, start + len(quote)
