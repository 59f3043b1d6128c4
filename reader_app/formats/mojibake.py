"""Repair text that was double-encoded (UTF-8 read as Windows-1252, then saved again as
UTF-8: "menâ€”Donald"), with ftfy, and only that.

ftfy runs with every fixer off but the encoding fix: quotes stay curly, ligatures,
full-width letters, line breaks, control characters, HTML entities and Unicode
normalization are left as they are, so text that is fine comes back identical.
restore_byte_a0 and decode_inconsistent_utf8 are off too: with them, a legitimate
"â€" followed by a space became "†". So a line is repaired only when all of it reads
back as UTF-8 (a line that mixes mojibake with fine non-Latin-1 text stays as it is).
ftfy only sees the lines that hold a telltale pair (a UTF-8 lead byte read as cp1252,
then a continuation byte read as cp1252); fine text costs one regex scan in C (ftfy
itself takes ~0.5 s on 1 MB of fine text). Consecutive such lines go to ftfy together
(ftfy still judges each line), in chunks well under its max_decode_length, where it would
cut a long line anywhere: a longer line is cut at a space or ">" first. A chunk ftfy cannot
repair as a whole is halved until the lines that can be repaired are.
"""

from __future__ import annotations

import re
from typing import Any

from reader_app.formats.rendered import CancelCheck, ImportCancelled

__all__ = ["PARTLY_REPAIRED", "REPAIRED", "may_hold_telltale", "repair_mojibake", "repair_report"]

REPAIRED = "repaired mis-encoded text (UTF-8 that had been read as Windows-1252)"
PARTLY_REPAIRED = ("partly repaired mis-encoded text (UTF-8 that had been read as Windows-1252):"
                   " some of it still looks mis-encoded")
_CHUNK = 100_000  # characters per ftfy call; its max_decode_length is 1,000,000
_CUT = re.compile("[ >]")

# A UTF-8 lead byte C2-F4 seen as cp1252 (U+00C2-U+00F4), then a continuation byte
# 80-BF seen as cp1252: its punctuation and letters for 80-9F (C1 controls where cp1252
# has no character, as browsers decode them), U+00A0-U+00BF for A0-BF.
_TELLTALE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030"
    "\u2039\u203a\u20ac\u2122]"
)


# The same telltale in UTF-8 bytes: a file read as plain UTF-8 holds a telltale pair only
# if its bytes hold this. The pattern opens with a literal byte, which the regex engine
# finds with a fast scan. The second character's encodings are grouped by their leading
# bytes, one byte class each (7 branches): one branch per character (93) cost ~4 µs per
# 3 KB article with accented letters (each C3 byte tried them all), ~1.6 µs grouped.
_SECOND_CHARS = [*range(0x80, 0xC0), 0x152, 0x153, 0x160, 0x161, 0x178, 0x17D, 0x17E, 0x192,
                 0x2C6, 0x2DC, 0x2013, 0x2014, 0x2018, 0x2019, 0x201A, 0x201C, 0x201D, 0x201E,
                 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203A, 0x20AC, 0x2122]


def _utf8_alternatives(chars: list[int]) -> bytes:
    """A bytes pattern matching exactly the UTF-8 encodings of chars."""
    ends: dict[bytes, list[int]] = {}
    for c in chars:
        raw = chr(c).encode()
        ends.setdefault(raw[:-1], []).append(raw[-1])
    return b"|".join(re.escape(lead) + b"[" + b"".join(re.escape(bytes([b])) for b in last) + b"]"
                     for lead, last in ends.items())


_TELLTALE_UTF8 = re.compile(  # U+00C2-U+00F4 is C3 82-C3 B4
    rb"\xc3[\x82-\xb4](?:" + _utf8_alternatives(_SECOND_CHARS) + b")"
)


def may_hold_telltale(utf8: bytes) -> bool:
    """False when text decoded from these UTF-8 bytes surely holds no telltale pair
    (then repair_report would change nothing): one fast scan of the bytes."""
    return _TELLTALE_UTF8.search(utf8) is not None


def repair_mojibake(text: str, should_cancel: CancelCheck = None) -> tuple[str, bool]:
    """(text with its double-encoded lines repaired, whether anything changed)."""
    fixed, warning = repair_report(text, should_cancel)
    return fixed, warning is not None


def repair_report(text: str, should_cancel: CancelCheck = None) -> tuple[str, str | None]:
    """(text repaired, None | REPAIRED | PARTLY_REPAIRED when some telltale is left)."""
    if _TELLTALE.search(text) is None:
        return text, None
    lines = text.split("\n")
    bad = [i for i, line in enumerate(lines) if _TELLTALE.search(line) is not None]
    repairer = _Repairer(lines, should_cancel)
    for group in _groups(lines, bad, "\r" not in text):
        repairer.group(group)
    if not repairer.changed:
        return text, None
    left = any(_TELLTALE.search(lines[i]) is not None for i in bad)
    return "\n".join(lines), PARTLY_REPAIRED if left else REPAIRED


def _groups(lines: list[str], bad: list[int], can_join: bool) -> list[list[int]]:
    """The bad lines in runs of neighbours, each run under _CHUNK characters."""
    groups: list[list[int]] = []
    size = 0
    for i in bad:
        if can_join and groups and groups[-1][-1] == i - 1 and size + len(lines[i]) < _CHUNK:
            groups[-1].append(i)
            size += len(lines[i]) + 1
        else:
            groups.append([i])
            size = len(lines[i]) + 1
    return groups


def _direct(text: str) -> str | None:
    """text read back as UTF-8 in one step, when all of it can be and no telltale is left."""
    try:
        direct = text.encode("sloppy-windows-1252").decode("utf-8")
    except UnicodeError:
        return None
    return direct if len(direct) < len(text) and _TELLTALE.search(direct) is None else None


class _Repairer:
    def __init__(self, lines: list[str], should_cancel: CancelCheck) -> None:
        import ftfy.bad_codecs  # noqa: F401 - registers "sloppy-windows-1252"
        from ftfy import TextFixerConfig  # imported only when a file needs it

        self.lines = lines
        self.changed = False
        self._cancel = should_cancel
        self._config = TextFixerConfig(
            unescape_html=False, remove_terminal_escapes=False, fix_encoding=True,
            restore_byte_a0=False, replace_lossy_sequences=False, decode_inconsistent_utf8=False,
            fix_c1_controls=False, fix_latin_ligatures=False, fix_character_width=False,
            uncurl_quotes=False, fix_line_breaks=False, fix_surrogates=False,
            remove_control_chars=False, normalization=None,
            explain=True,  # ftfy 6.3 without it turns a lone "â€ " into "†" all the same
        )

    def _fix(self, piece: str) -> str:
        from ftfy import fix_text

        if self._cancel is not None and self._cancel():
            raise ImportCancelled("import cancelled")
        fixed: Any = fix_text(piece, self._config)
        return fixed if isinstance(fixed, str) else piece

    def group(self, group: list[int]) -> None:
        """Lines joined by "\r" (not in the text; ftfy splits only at "\n"), all repaired
        at once, or halved until each half can be."""
        if len(group) == 1:
            self._line(group[0])
            return
        joined = "\r".join(self.lines[i] for i in group)
        fixed = _direct(joined)  # ftfy judges ~1 s per MB: a sample of the lines is enough
        if fixed is None or not self._agrees(group, fixed.split("\r")):
            fixed = self._fix(joined)
        parts = fixed.split("\r")
        if fixed != joined and "\n" not in fixed and len(parts) == len(group):
            for i, part in zip(group, parts, strict=True):
                self.lines[i] = part
            self.changed = True
            return
        half = len(group) // 2
        self.group(group[:half])
        self.group(group[half:])

    def _agrees(self, group: list[int], direct: list[str]) -> bool:
        """Whether ftfy repairs a few of the lines, spread over the group, as _direct did."""
        step = max(1, len(group) // 8)
        return all(self._fix(self.lines[group[k]]) == direct[k] for k in range(0, len(group), step))

    def _piece(self, piece: str) -> str:
        """A piece of a line: read back at once if ftfy repairs its first ~2,000 characters
        (cut at a space) the same way."""
        direct = _direct(piece) if len(piece) > 8_000 else None
        if direct is not None:
            cut = piece.find(" ", 2_000) + 1 or len(piece)
            if self._fix(piece[:cut]) == _direct(piece[:cut]):
                return direct
        return self._fix(piece)

    def _line(self, i: int) -> None:
        line = self.lines[i]
        pieces = []
        pos = 0
        while len(line) - pos > _CHUNK:  # cut after a space or ">", not inside a character
            cut = max((m.end() for m in _CUT.finditer(line, pos + _CHUNK // 2, pos + _CHUNK)), default=0)
            end = cut or pos + _CHUNK
            pieces.append(line[pos:end])
            pos = end
        pieces.append(line[pos:])
        out = []
        for piece in pieces:
            fixed = self._piece(piece) if _TELLTALE.search(piece) else piece
            out.append(fixed if "\n" not in fixed else piece)
        new = "".join(out)
        if new != line:
            self.lines[i] = new
            self.changed = True
