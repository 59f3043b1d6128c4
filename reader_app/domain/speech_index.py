"""Where speech may be, found in one pass: speech verbs, "according to"s and quotations.
Pure Python. Also the names a paragraph looked up, so a paragraph read before can be trusted
while each of those names still gives the same actor.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from reader_app.domain.speech_words import TRIGGERS, VERB_KIND

QUOTE = re.compile(r"“([^“”\n]*)”|«([^«»\n]*)»|„([^„“”\n]*)[“”]|\"([^\"\n]*)\"")


class Hit:
    """A speech verb or "according to" found by the automaton (read like a re.Match)."""

    __slots__ = ("_end", "_start", "_word")

    def __init__(self, start: int, end: int, word: str) -> None:
        self._start, self._end, self._word = start, end, word

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self) -> str:
        return self._word


def hits(text: str, lo: int, hi: int) -> tuple[list[Hit], list[Hit]]:
    """(speech verbs, "according to"s) in text[lo:hi], whole words only, in text order."""
    verbs: list[Hit] = []
    according: list[Hit] = []
    for last, (size, kind) in TRIGGERS.iter(text, lo, hi):
        start, end = last + 1 - size, last + 1
        if (start > 0 and _word_char(text[start - 1])) or (end < len(text)
                                                              and _word_char(text[end])):
            continue
        if kind == VERB_KIND and text[start].isupper() and _in_name(text, start):
            continue  # "the United States will", "Member States": a name, no verb
        (verbs if kind == VERB_KIND else according).append(Hit(start, end, text[start:end]))
    return verbs, according


def _in_name(text: str, start: int) -> bool:
    """Does a capitalised word at start follow a capitalised word in its line?"""
    i = start
    while i > 0 and text[i - 1] in " \u00a0":
        i -= 1
    if i == start or i == 0:
        return False
    j = i
    while j > 0 and _word_char(text[j - 1]):
        j -= 1
    return j < i and text[j].isupper()


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "_'’-"


Triggers = tuple[list[Hit], list[Hit], list[re.Match[str]], tuple[list[int], ...]]
_last_text: list[tuple[str, Triggers]] = []


def triggers(text: str) -> Triggers:
    """Speech verbs, "according to"s, quotations and their starts in the text (of the last
    text again: the same article is read after every tag)."""
    if _last_text and _last_text[0][0] == text:
        if _last_text[0][0] is not text:  # the next call with this one is told by identity
            _last_text[:] = [(text, _last_text[0][1])]
        return _last_text[0][1]
    verbs, according = hits(text, 0, len(text))
    quotes = list(QUOTE.finditer(text))
    starts = ([h.start() for h in verbs], [h.start() for h in according],
              [m.start() for m in quotes])
    found = (verbs, according, quotes, starts)
    _last_text[:] = [(text, found)]
    return found


class Lookups(Mapping[str, int]):
    """The library's names, noting each name looked up (a cached paragraph is good as long
    as every name it looked up still gives the same actor)."""

    def __init__(self, known: Mapping[str, int]) -> None:
        self.known = known
        self.seen: dict[str, int | None] = {}

    def get(self, key: str, default: Any = None) -> Any:
        value = self.known.get(key)
        self.seen[key] = value
        return default if value is None else value

    def __getitem__(self, key: str) -> int:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return int(value)

    def __iter__(self) -> Iterator[str]:
        return iter(self.known)

    def __len__(self) -> int:
        return len(self.known)
