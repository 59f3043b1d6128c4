"""Sloppy selection edges: the span a tag takes from what the analyst selected.

The rule (code points in, code points out; text[start:end] is the quote):

1. White space, format characters (ZWSP, BOM, LRM...) and punctuation go at both ends:
   ", where his films were banned" -> "where his films were banned". Kept at an end:
   "?", "!" and an opening "¿", "¡" (they change what the words say), "%"-like signs
   after a digit ("12%"), "#"/"@" before a word (#NoWar, @kyiv), and the full stop of
   an abbreviation or initial ("U.S.", "John F.").
2. Quotation marks and brackets at an end stay only when their partner is inside the
   span: “…” / "…" / «…» / „…“ around a quoted claim stay; "“The drills will end" loses
   its lone “. An apostrophe inside a word (don’t) is never a quotation mark.
3. A bracket the span opens and does not close, or closes without opening, inside it,
   marks where the selection overshot: the span is cut there and keeps the part outside
   the bracket: "NEW DELHI (Reuters" -> "NEW DELHI", "Reuters) Modi said" -> "Modi said".
   (A bracket at the very end is only trimmed: "(Reuters" -> "Reuters".) Quotation marks
   are not cut inside: a quotation running over paragraphs opens each one anew.
4. Then the span is widened to whole words (offsets.snap_to_words) and trimmed again.
5. Last, an end inside a character as the reader sees it (an emoji's ZWJ sequence, skin
   tone, flag pair or tag sequence 🏴󠁧󠁢󠁳󠁣󠁴󠁿, a combining mark) is widened to the whole of it.

A span that trims to nothing (or to marks only, "()") is (start, start): the caller says
so and tags nothing.
"""

from __future__ import annotations

import re
import unicodedata

from reader_app.domain.offsets import snap_to_words

# opener -> the characters that may close it (English, German, Polish, Swedish, French...)
PAIRS: dict[str, str] = {
    "“": "”", "„": "“”", "”": "”", "«": "»", "»": "«»", "‹": "›", "›": "‹›",
    "‘": "’", "‚": "‘’", "’": "’", '"': '"', "'": "'", "「": "」", "『": "』",
    "(": ")", "[": "]", "{": "}", "（": "）", "【": "】", "［": "］",
}
BRACKETS: dict[str, str] = {"(": ")", "[": "]", "{": "}", "（": "）", "【": "】", "［": "］"}
CLOSERS = frozenset("".join(PAIRS.values()))
_BRACKET_CLOSERS = frozenset(BRACKETS.values())
MARKS = frozenset(PAIRS) | CLOSERS  # quotation marks and brackets
_MARK_RE = re.compile("[" + re.escape("".join(sorted(MARKS))) + "]")
_BRACKET_RE = re.compile("[" + re.escape("".join(sorted({*BRACKETS, *_BRACKET_CLOSERS}))) + "]")
_KEPT_AT_END = frozenset("?!‽؟")
_KEPT_AT_START = frozenset("¿¡")
_AFTER_DIGIT = frozenset("%‰‱′″")
_BEFORE_WORD = frozenset("#@")
_APOSTROPHES = frozenset("'’")


def tidy_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span a tag over a selection of text[start:end] takes (the module's rule);
    (s, s) when nothing is left."""
    start, end = max(0, start), min(len(text), end)
    start, end = trim_edges(text, start, end)
    if start >= end:
        return start, start
    for _ in range(8):  # rules 4 and 5 widen; settled in a step or two
        before = (start, end)
        snapped = snap_to_words(text, start, end)
        if snapped != (start, end):  # widened: its new ends are looked at again
            start, end = trim_edges(text, *snapped)
            if start >= end:
                return start, start
        start, end = whole_graphemes(text, start, end)
        if (start, end) == before:
            break
    return start, end


_ZWJ = "\u200d"


def _continues(ch: str) -> bool:
    """ch belongs to the character before it: a mark, variation selector, skin tone,
    ZWJ or emoji tag (the tags of 🏴󠁧󠁢󠁳󠁣󠁴󠁿 are format characters, junk elsewhere)."""
    cp = ord(ch)
    return (ch == _ZWJ or unicodedata.category(ch) in ("Mn", "Me", "Mc")
            or 0x1F3FB <= cp <= 0x1F3FF or 0xE0020 <= cp <= 0xE007F)


def _joins(ch: str) -> bool:
    """ch can carry what follows it (a letter, an emoji, a mark): not a quotation mark,
    bracket, space or punctuation, which a stray skin tone after them never joins."""
    return ch not in MARKS and (_wordy(ch) or _continues(ch))


def _regional(ch: str) -> bool:
    return 0x1F1E6 <= ord(ch) <= 0x1F1FF


def whole_graphemes(text: str, start: int, end: int) -> tuple[int, int]:
    """Rule 5: neither end splits a user-perceived character."""
    before = None
    while before != (start, end):  # a flag's pair can sit in a ZWJ sequence: again
        before = (start, end)
        while start > 0 and (_continues(text[start]) or text[start - 1] == _ZWJ) \
                and _joins(text[start - 1]):
            start -= 1
        if _regional(text[start]):
            run = start
            while run > 0 and _regional(text[run - 1]):
                run -= 1
            start -= (start - run) % 2  # flags pair up from the run's start
        while end < len(text) and (_continues(text[end]) or text[end - 1] == _ZWJ) \
                and _joins(text[end - 1]):
            end += 1
        if end < len(text) and _regional(text[end]) and _regional(text[end - 1]):
            run = end - 1
            while run > 0 and _regional(text[run - 1]):
                run -= 1
            end += (end - run) % 2
    return start, end


def trim_edges(text: str, start: int, end: int) -> tuple[int, int]:
    """Rules 1-3 until nothing changes."""
    while start < end:
        before = (start, end)
        start, end = _trim_ends(text, start, end)
        if start < end:
            start, end = _cut_at_brackets(text, start, end)
        if (start, end) == before:
            break
    if not any(_wordy(text[i]) for i in range(start, end)):
        return start, start  # marks and punctuation only, "()" or "“…”"
    return start, end


def _wordy(ch: str) -> bool:
    return ch.isalnum() or unicodedata.category(ch)[0] in "SM"


def _trim_ends(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end:
        ends_on_mark = text[start] in MARKS or text[end - 1] in MARKS
        paired = _paired(text, start, end) if ends_on_mark else set()
        moved = False
        if _drops_first(text, start, end, paired):
            start, moved = start + 1, True
        if start < end and _drops_last(text, start, end, paired):
            end, moved = end - 1, True
        if not moved:
            break
    return start, end


def _junk(ch: str) -> bool:
    """White space, a format character or punctuation (not a quotation mark/bracket)."""
    if ch.isspace():
        return True
    category = unicodedata.category(ch)
    return category == "Cf" or (category.startswith("P") and ch not in MARKS)


def _drops_first(text: str, start: int, end: int, paired: set[int]) -> bool:
    ch = text[start]
    if ch in MARKS:
        return start not in paired
    if ch in _KEPT_AT_START:
        return False
    if ch in _BEFORE_WORD and start + 1 < end and text[start + 1].isalnum():
        return False
    return _junk(ch)


def _drops_last(text: str, start: int, end: int, paired: set[int]) -> bool:
    last = end - 1
    ch = text[last]
    if ch in MARKS:
        return last not in paired
    if ch in _KEPT_AT_END:
        return False
    if ch in _AFTER_DIGIT and last > start and text[last - 1].isdigit():
        return False
    if ch == "." and _abbreviation_before(text, start, last):
        return False
    return _junk(ch)


def _abbreviation_before(text: str, start: int, dot: int) -> bool:
    """The full stop at `dot` ends an initial ("F.") or a dotted abbreviation ("U.S.")."""
    i = dot
    while i > start and text[i - 1].isalpha():
        i -= 1
    letters = dot - i
    if letters == 0:
        return False
    single = letters == 1 and (i == start or not text[i - 1].isalnum())
    return single or (letters == 1 and i - 1 > start and text[i - 1] == ".")


def _is_apostrophe(text: str, i: int, start: int, end: int) -> bool:
    """A ’ or ' between two letters (don’t, O'Brien) is part of a word."""
    return (text[i] in _APOSTROPHES and start < i < end - 1
            and text[i - 1].isalpha() and text[i + 1].isalpha())


def _at_line_start(text: str, start: int, i: int) -> bool:
    """Only white space lies between the line's start (or the span's) and i."""
    line = max(text.rfind("\n", start, i) + 1, start)
    return line > start and (line == i or text[line:i].isspace())


def _paired(text: str, start: int, end: int) -> set[int]:
    """Positions of the quotation marks and brackets in the span that have their partner
    in it. A quotation opened again at a paragraph's start continues the one the
    paragraph before left open (news style): it is paired if that quotation closes."""
    stack: list[int] = []
    paired: set[int] = set()
    continues: dict[int, int] = {}  # a paragraph's opening mark -> the mark it continues
    for found in _MARK_RE.finditer(text, start, end):  # the marks only: a 1 MB span is quick
        i, ch = found.start(), found.group()
        if _is_apostrophe(text, i, start, end):
            continue
        top = stack[-1] if stack else None
        if top is not None and ch in PAIRS.get(text[top], ""):
            paired.update((stack.pop(), i))
        elif top is not None and text[top] == ch and ch not in BRACKETS \
                and _at_line_start(text, start, i):
            continues[i] = top
        elif ch in PAIRS:
            stack.append(i)
    paired.update(i for i, opener in continues.items() if opener in paired)
    return paired


def _cut_at_brackets(text: str, start: int, end: int) -> tuple[int, int]:
    """Rule 3 (brackets only): cut after the last bracket closed but never opened and
    before the first one left open. Run after _trim_ends, so neither is at an end."""
    stack: list[int] = []
    unopened = -1
    for found in _BRACKET_RE.finditer(text, start, end):
        i, ch = found.start(), found.group()
        if ch in BRACKETS:
            stack.append(i)
        elif stack and BRACKETS[text[stack[-1]]] == ch:
            stack.pop()
        else:
            unopened, stack = i, []  # what came before it is cut away
    new_start = unopened + 1 if unopened >= 0 else start
    new_end = stack[0] if stack else end
    return (new_start, new_end) if new_start < new_end else (start, end)
