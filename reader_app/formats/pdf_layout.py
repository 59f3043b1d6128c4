"""A PDF's text as pypdf places it (lines with their height and font size) -> the
reading text: paragraphs by the vertical gaps, words broken at line ends mended,
running headers, footers and page numbers dropped. No Qt, no SQL, no pypdf."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Line", "Page", "pdf_text"]

_PAGE_NUMBER = re.compile(
    r"^(?:(?:page|p\.|стр\.?|страница|сторінка)\s*)?[-–—(\[]?\s*(?:\d{1,4}|(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3}))"
    r"\s*[-–—)\]]?"
    r"(?:\s*(?:of|/|из|з)\s*\d{1,4})?$",
    re.I,
)
_DIGITS = re.compile(r"\d+")
_EDGE = 2  # lines at the top and at the bottom of a page that may be header/footer
_LOWER_START = re.compile(r"^[^\W\d_]", re.U)


@dataclass
class Line:
    y: float
    size: float
    text: str = ""


@dataclass
class Page:
    lines: list[Line] = field(default_factory=list)

    def add(self, text: str, y: float, size: float) -> None:
        last = self.lines[-1] if self.lines else None
        if last is not None and abs(last.y - y) <= max(last.size, size, 1.0) * 0.4:
            last.text += text
        else:
            self.lines.append(Line(y, size, text))


def _edge_key(line: Line) -> tuple[str, int]:
    """A line as a running header/footer is repeated: its numbers aside, at one height."""
    return _DIGITS.sub("#", line.text.casefold()), round(line.y / 3)


def _drop_running_lines(pages: list[Page]) -> None:
    """Remove page numbers at a page's top or bottom, and the lines that stand at the
    top or bottom of at least half the pages (three or more) at one height: the same
    text, or the same but for a number that counts the pages ("Report | 7")."""
    pitch = _pitch(pages)
    seen: dict[tuple[str, int], list[tuple[int, str]]] = {}
    for n, page in enumerate(pages):
        for line in _edges(page, pitch):
            seen.setdefault(_edge_key(line), []).append((n, line.text))
    need = max(3, (len(pages) + 1) // 2)
    running = {key for key, found in seen.items() if len(found) >= need and _repeats(found)}
    for page in pages:
        edge_ids = {id(line) for line in _edges(page, pitch)}
        page.lines = [
            line for line in page.lines
            if id(line) not in edge_ids
            or not (_is_page_number(line.text, len(pages)) or _edge_key(line) in running)
        ]


def _is_page_number(text: str, pages: int) -> bool:
    """"3", "- 3 -", "Page 3 of 12", "iv"; not a year ("2024" alone on a cover page)."""
    if not _PAGE_NUMBER.match(text):
        return False
    return all(int(d) <= pages + 100 for d in _DIGITS.findall(text))


def _repeats(found: list[tuple[int, str]]) -> bool:
    """The texts are one text, or differ only in a number that goes up with the page."""
    if len({text for _, text in found}) == 1:
        return True
    numbers = [[int(d) for d in _DIGITS.findall(text)] for _, text in found]
    if any(len(row) != len(numbers[0]) for row in numbers):
        return False
    for column in range(len(numbers[0])):
        offsets = {row[column] - page for row, (page, _) in zip(numbers, found, strict=True)}
        if len(offsets) == 1:
            return True
    return False


def _edges(page: Page, pitch: float) -> list[Line]:
    """The lines that stand apart at the top and at the bottom of a page (up to _EDGE
    each): set off from the text next to them by more than a paragraph gap, as a
    running header or footer is by the page's margin."""
    lines = sorted(page.lines, key=lambda line: -line.y)
    apart = 1.3 * pitch if pitch > 0 else 0.0
    found: list[Line] = []
    for order in (lines, lines[::-1]):
        for i in range(min(_EDGE, len(order) - 1)):
            if abs(order[i].y - order[i + 1].y) <= apart:
                break
            found.append(order[i])
    return found


def _pitch(pages: list[Page]) -> float:
    """The usual distance from one line to the next, over the whole document (a page
    of two paragraphs of one line each has no line pitch of its own): the lower
    quartile of the gaps, as a paragraph gap is rarer than a line gap."""
    gaps = [
        a.y - b.y
        for page in pages
        for a, b in zip(page.lines, page.lines[1:], strict=False)
        if 0 < a.y - b.y < 3 * max(a.size, b.size)
    ]
    if not gaps:
        return 0.0
    pitch = sorted(gaps)[len(gaps) // 4]
    if len(gaps) < 4:  # too few to tell line gaps from paragraph gaps: lines are ~1.2 sizes apart
        size = sorted(line.size for page in pages for line in page.lines)[0]
        pitch = min(pitch, 1.25 * size)
    return pitch


def _full_line(pages: list[Page]) -> int:
    """The length of a full line, in characters: the 90th percentile of the lines'."""
    lengths = sorted(len(line.text) for page in pages for line in page.lines)
    return lengths[len(lengths) * 9 // 10] if lengths else 0


_ENDS_SENTENCE = re.compile(r"[.!?:;…\"”»)]$")


def _paragraphs(page: Page, pitch: float, full: int) -> list[list[str]]:
    """A page's lines grouped into paragraphs by the vertical gaps between them, or,
    in text set without them, after a short line that ends a sentence."""
    paragraphs: list[list[str]] = []
    prev: Line | None = None
    for line in page.lines:
        short = prev is not None and len(prev.text) < 0.8 * full and _ENDS_SENTENCE.search(prev.text)
        if prev is None or short or _breaks(prev, line, pitch):
            paragraphs.append([])
        paragraphs[-1].append(line.text)
        prev = line
    return paragraphs


def _breaks(prev: Line, line: Line, pitch: float) -> bool:
    gap = prev.y - line.y
    if gap <= 0 or pitch <= 0:  # back up the page (a new column), or a single line
        return True
    if abs(prev.size - line.size) > 0.15 * max(prev.size, line.size):
        return True  # a heading starts or ends
    return gap > pitch * 1.3


def _join(lines: list[str], hyphenated: set[str], words: set[str]) -> str:
    """A paragraph's lines as one line; a word broken by a hyphen at a line end
    is mended ("gov-" + "ernment") unless the document writes it with a hyphen
    elsewhere; a hyphen before a capital or a digit stays ("Russia-" + "Ukraine")."""
    out = lines[0]
    for line in lines[1:]:
        out = _join_two(out, line, hyphenated, words)
    return out


_BROKEN = re.compile(r"(\w+)[-\u00ad]$")
_FIRST_WORD = re.compile(r"\w+")


def _join_two(out: str, line: str, hyphenated: set[str], words: set[str]) -> str:
    if out.endswith("\u00ad"):  # a soft hyphen: always a break inside a word
        return out[:-1] + line
    m = _BROKEN.search(out)
    if m is None or not out.endswith("-"):
        return f"{out} {line}"
    if not _LOWER_START.match(line) or not line[0].islower() or not m.group(1)[-1].isalpha():
        return out + line  # "Russia-" "Ukraine", "2021-" "2022": the hyphen is real
    nxt = _FIRST_WORD.match(line)
    head, tail = m.group(1).casefold(), nxt.group(0).casefold() if nxt else ""
    if f"{head}-{tail}" in hyphenated and f"{head}{tail}" not in words:
        return out + line  # "well-" "known", written "well-known" elsewhere
    return out[:-1] + line


_WORD_HYPHEN = re.compile(r"\w+-\w+")
_WORD = re.compile(r"\w+")


def pdf_text(pages: list[Page]) -> str:
    """The reading text of the pages: paragraphs split by blank lines, pages too,
    except when a page ends inside a sentence that the next one goes on with.
    Typographic ligatures (U+FB00-FB06: "ﬃ") are spelled out, as search needs."""
    _drop_running_lines(pages)  # before the line pitch is measured for paragraphs
    every = "\n".join(line.text for page in pages for line in page.lines)
    hyphenated = {w.casefold() for w in _WORD_HYPHEN.findall(every)}
    words = {w.casefold() for w in _WORD.findall(every)}
    pitch, full = _pitch(pages), _full_line(pages)
    paragraphs: list[str] = []
    carry: list[str] = []
    for page in pages:
        groups = _paragraphs(page, pitch, full)
        if carry and groups and _LOWER_START.match(groups[0][0]) and groups[0][0][0].islower():
            groups[0] = carry + groups[0]  # the sentence goes on over the page break
        elif carry:
            paragraphs.append(_join(carry, hyphenated, words))
        carry = groups.pop() if groups else []
        paragraphs += (_join(g, hyphenated, words) for g in groups)
    if carry:
        paragraphs.append(_join(carry, hyphenated, words))
    return "\n\n".join(p for p in paragraphs if p).translate(_LIGATURES)


_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
                            "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"})
