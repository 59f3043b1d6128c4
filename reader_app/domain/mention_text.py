"""A searchable copy of an article's text and the way back to its code points.

Names are found in a normalized copy: white space, brackets, quotation marks, apostrophes
(also the mis-encoded "â€™") and hyphens made spaces, NFKC, casefold, runs of spaces made
one, and a space in front. A name's search key is made the same way with a leading space,
so a key only matches at the start of a word. Offsets found in the copy map back to code
points of the original text (the offsets rule: stored offsets index article.text).

Most text needs no per-character work: NFKC-normal text whose casefold keeps its length maps
one to one, and only the runs of spaces shift offsets (looked up by bisection). A line that
is not (ß, ligatures, decomposed accents) is mapped character by character.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right

from reader_app.domain.actors import match_key

__all__ = ["SearchText", "search_key"]

# Made spaces, one for one, so a key with a leading space matches only at a word's start:
# white space, and what may stand right before a name: brackets, quotation marks,
# apostrophes ("Russia’s" -> "russia s"), hyphens, dashes and slashes. Full stops and commas
# stay (they follow names; "U.S." keeps its dots) so ". " does not become a run.
_BLANKS = "\n\t\r\x0b\x0c\xa0\u2002\u2003\u2007\u2009\u200a\u202f\u3000"
_MARKS = "([{}])“”\"«»„‘’'ʼ`´/-‐–—"
_MOJIBAKE = ("â€™", "â€˜", "â€œ", "â€\x9d")  # ’ ‘ “ ” as UTF-8 read as Windows-1252


def _spaced(text: str) -> str:
    for ch in _BLANKS + _MARKS:
        if ch in text:
            text = text.replace(ch, " ")
    if "â€" in text:
        for bad in _MOJIBAKE:
            text = text.replace(bad, "   ")
    return text


def _latin_folds() -> dict[int, str]:
    """Accented Latin letters -> their base letter, one for one ("ö" -> "o"): news writes
    "Engstrom" for "Engström". Cyrillic is left alone (й, ї are letters of their own)."""
    table = {}
    for cp in range(0xC0, 0x250):
        base = "".join(c for c in unicodedata.normalize("NFKD", chr(cp))
                       if not unicodedata.combining(c))
        if len(base) == 1 and base.isascii() and base.isalpha() and base != chr(cp):
            table[cp] = base.lower()
    return table


_FOLDS = _latin_folds()
_ACCENTED = re.compile("[" + "".join(map(chr, _FOLDS)) + "]")


def _unaccented(text: str) -> str:
    """text with _FOLDS applied; a regex finds the few accented letters (str.translate
    would look up every character of a long article)."""
    return _ACCENTED.sub(lambda m: _FOLDS[ord(m.group())], text)


def search_key(name: str) -> str:
    """The key a name is searched by: its match key spaced like the text, single spaces,
    accents off Latin letters, a leading space ("Guinea-Bissau" -> " guinea bissau",
    "U.S." -> " u.s", "Engström" -> " engstrom")."""
    key = " ".join(_spaced(match_key(name)).translate(_FOLDS).split())
    return " " + key if key else ""


def _clean(line: str) -> bool:
    if line.isascii():
        return True
    return unicodedata.is_normalized("NFKC", line) and len(line.casefold()) == len(line)


def _clusters(line: str) -> list[tuple[str, int]]:
    """(normalized text, code points taken) for each base character with its marks."""
    out: list[tuple[str, int]] = []
    i, n = 0, len(line)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(line[j]):
            j += 1
        out.append((unicodedata.normalize("NFKC", line[i:j]).casefold(), j - i))
        i = j
    return out


class SearchText:
    """text -> the normalized copy `.text` (with its leading space) and the map back."""

    def __init__(self, text: str) -> None:
        self.original = text
        # stage 1: spaces, case and compatibility forms; the map is None when it is one
        # to one (the usual case)
        self.starts: list[int] | None = None
        self.stops: list[int] | None = None
        spaced = _spaced(text)
        if _clean(spaced):
            folded = spaced.lower() if spaced.isascii() else _unaccented(spaced.casefold())
        else:
            folded = _unaccented(self._fold_by_line(spaced))
        # stage 2: runs of spaces -> one; (first copy position after a run, characters
        # dropped before it) for every run (str.find: a regex pass costs five times more)
        self.run_at: list[int] = []
        self.shift: list[int] = []
        parts: list[str] = []
        dropped, pos, n = 0, 0, len(folded)
        i = folded.find("  ")
        while i != -1:
            j = i + 2
            while j < n and folded[j] == " ":
                j += 1
            parts.append(folded[pos:i + 1])
            self.run_at.append(i - dropped + 1)
            dropped += j - i - 1
            self.shift.append(dropped)
            pos = j
            i = folded.find("  ", j)
        parts.append(folded[pos:])
        self.text = " " + "".join(parts)

    def _fold_by_line(self, text: str) -> str:
        parts: list[str] = []
        starts: list[int] = []
        stops: list[int] = []
        pos = 0
        for line in text.splitlines(keepends=True):
            if _clean(line):
                parts.append(line.lower() if line.isascii() else line.casefold())
                starts.extend(range(pos, pos + len(line)))
                stops.extend(range(pos + 1, pos + len(line) + 1))
            else:
                for folded, width in _clusters(line):
                    parts.append(folded)
                    starts.extend([pos] * len(folded))
                    stops.extend([pos + width] * len(folded))
                    pos += width
                continue
            pos += len(line)
        self.starts, self.stops = starts, stops
        return "".join(parts)

    def _folded(self, pos: int) -> int:
        """Position in the copy (without its leading space) -> position in the folded text."""
        k = bisect_right(self.run_at, pos)
        return pos + (self.shift[k - 1] if k else 0)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """A match [start, end) in `.text` -> code points [start, end) of the original."""
        a = self._folded(start - 1)
        b = self._folded(end - 2)  # the match's last character
        if self.starts is None or self.stops is None:
            return a, b + 1
        return self.starts[a], self.stops[b]
