"""Facts read from a plain-text article itself: its dateline, title, language.

The dateline is the inline ``date YYYY-MM-DD`` that opens many news files.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata

from reader_app.domain.date_words import RU_ONLY_LETTERS, UK_ONLY_LETTERS

__all__ = ["after_title_line", "dateline_cut", "dateline_end", "guess_language", "split_dateline",
           "text_title", "valid_iso_date"]

# Leading whitespace, "date" (any case, optional colon), spaces, the date, then
# the end of the text or whitespace (newline, or the body on the same line).
_DATELINE_AT = r"\s*(?P<line>date:?[ \t]+(?P<iso>\d{4}-\d{2}-\d{2}))(?=\s|\Z)"
_DATELINE = re.compile(r"\A" + _DATELINE_AT, re.IGNORECASE)
# The same, matched where a title line ends (match(text, pos): \A would not match there).
_DATELINE_AFTER_TITLE = re.compile(_DATELINE_AT, re.IGNORECASE)
# What is removed after a valid dateline. Deliberately not \s: a non-breaking
# space or other Unicode space after the date is body text, not layout.
_AFTER = re.compile(r"[ \t\n\r\f\v]*")


_ISO_START = re.compile(r"\s*(\d{4}-\d{2}-\d{2})")


def valid_iso_date(value: str) -> str | None:
    """The YYYY-MM-DD at the start of value if it is a real calendar date."""
    m = _ISO_START.match(value)
    if not m:
        return None
    try:
        return _dt.date.fromisoformat(m.group(1)).isoformat()
    except ValueError:
        return None


def split_dateline(text: str) -> tuple[str | None, str, str | None]:
    """Split a leading dateline off an article.

    Returns (published, body, warning):
    - no dateline: (None, text unchanged, None);
    - valid dateline: (ISO date, the text after the dateline and the whitespace
      that follows it, None). The dateline may be followed by a newline or by
      the body on the same line ("date 2022-02-09 Talks resumed ...").
    - impossible date ("date 2022-13-45"): (None, text unchanged, warning).
      The text is kept as-is on purpose: nothing the file said is lost, and the
      analyst can see (and tag) the odd dateline; the article is imported
      undated and the warning says so.
    """
    published, start, warning = dateline_end(text)
    return published, text[start:] if start else text, warning


def dateline_end(text: str) -> tuple[str | None, int, str | None]:
    """split_dateline as (published, where the body starts in text, warning), without
    copying the body: 0 when there is no valid dateline."""
    m = _DATELINE.match(text)
    if not m:
        return None, 0, None
    published = valid_iso_date(m.group("iso"))
    if published is None:
        warning = f"impossible dateline {m.group('line')!r} ignored; imported undated"
        return None, 0, warning
    rest = _AFTER.match(text, m.end())
    assert rest is not None  # the pattern matches the empty string
    return published, rest.end(), None


def dateline_cut(text: str) -> tuple[str | None, int, int, str | None]:
    """dateline_end, and also a dateline on the line after a title line:

        Harbour strike ends after nine days
        date 2026-07-01
        The dockers' union said ...

    Returns (published, cut_start, cut_end, warning): the article's text is
    text[:cut_start] + text[cut_end:] (the dateline and the white space after it
    cut out). cut_start is 0 for a dateline that opens the text; > 0 when a title
    line stands before it, and then text[:cut_start].strip() is the title (also for
    an impossible date, whose dateline is kept: cut_start == cut_end). Only the first
    non-empty line may stand before a dateline, and only a line text_title would
    take as a title: a `date` line deeper in the text is body text."""
    published, end, warning = dateline_end(text)
    if end or warning:
        return published, 0, end, warning
    start = _EDGE.match(text).end()  # type: ignore[union-attr]  # matches ""
    cut = text.find("\n", start, start + 512)  # a title line is at most 120
    if cut < 0 or not _is_title(text[start:cut].strip()):
        return None, 0, 0, None
    m = _DATELINE_AFTER_TITLE.match(text, cut + 1)
    if not m:
        return None, 0, 0, None
    published = valid_iso_date(m.group("iso"))
    line_start = m.start("line")
    if published is None:
        warning = f"impossible dateline {m.group('line')!r} ignored; imported undated"
        return None, line_start, line_start, warning
    rest = _AFTER.match(text, m.end())
    assert rest is not None  # the pattern matches the empty string
    return published, line_start, rest.end(), None


_EDGE = re.compile(r"[ \t\n\r\f\v]*")  # layout before the first line


# --- other cheap facts read from a plain-text article -------------------------

_TITLE_MAX = 120  # a first line longer than this is a paragraph, not a title
_SHORT_TITLE = 100  # first-sentence titles are cut here, at a word boundary
_SENTENCE = re.compile(r"(.{12,}?[.!?…])(?=\s|\Z)", re.S)  # 12+: skip "U.S." starts
_UK_ONLY, _RU_ONLY = UK_ONLY_LETTERS, RU_ONLY_LETTERS  # counted in lower-cased text


def text_title(text: str, fallback: str) -> str:
    """Title of a plain-text article (the title stays part of the text).

    A dateline kept in the text (an impossible one) is skipped first.

    1. The first line, if it looks like a title: at most 120 characters, has a
       letter or digit, does not end with . , ; : and is followed by a blank
       line (or is the only line). A hard-wrapped paragraph line is not.
    2. Else the first sentence of the first paragraph, shortened to ~100
       characters at a word boundary with "…".
    3. Else fallback (the file name stem).
    """
    m = _DATELINE.match(text)
    if m:
        text = text[_AFTER.match(text, m.end()).end() :]  # type: ignore[union-attr]
    line, _cut = _title_line(text)
    if line:
        return line
    end = text.find("\n\n")
    para = " ".join((text if end < 0 else text[:end]).split())
    m = _SENTENCE.match(para)
    sentence = (m.group(1) if m else para).removesuffix(".")
    return _shorten(sentence) if sentence.strip() else fallback


def after_title_line(text: str) -> int | None:
    """Where the text after its first line starts (past blank lines) when that line
    is the title by text_title's first rule; None when it is not. Only the first 512
    characters are read (a title line is at most 120): this runs for every import."""
    head = text[:512]
    line, cut = _title_line(head)
    if not line or cut < 0:
        return None
    pos = cut
    while pos < len(head) and head[pos] in " \t\n\r\f\v":
        pos += 1
    return pos if pos < len(head) else None


def _title_line(text: str) -> tuple[str, int]:
    """(the first line stripped, or "" when it is not a title; the index of the newline
    after it, -1 when there is none)."""
    # Slices found with find(): partition() and split() would copy the whole text.
    cut = text.find("\n")
    line = (text if cut < 0 else text[:cut]).strip()
    if _is_title(line) and not _line_after(text, cut).strip():
        return line, cut
    return "", cut


def _is_title(line: str) -> bool:
    """A stripped line short enough for a title, with a letter or digit, not ending
    as a sentence or a line that runs on does."""
    return bool(
        line
        and len(line) <= _TITLE_MAX
        and any(ch.isalnum() for ch in line)
        and not line.endswith((".", ",", ";", ":"))
    )


def _line_after(text: str, cut: int) -> str:
    """The line after the newline at cut ("" when cut is -1: no newline)."""
    if cut < 0:
        return ""
    end = text.find("\n", cut + 1)
    return text[cut + 1 : end if end >= 0 else len(text)]


def _shorten(s: str, limit: int = _SHORT_TITLE) -> str:
    if len(s) <= limit:
        return s
    cut = s.rfind(" ", 0, limit + 1)
    if cut < limit // 2:  # no usable word boundary (e.g. CJK): cut between characters
        cut = limit
        while cut > 1 and _joins(s[cut - 1], s[cut]):
            cut -= 1
    return s[:cut].rstrip(" ,;:-–—") + "…"


def _joins(before: str, ch: str) -> bool:
    """True when ch continues the character cluster before it."""
    o = ord(ch)
    return bool(
        unicodedata.combining(ch)
        or ch in "\u200d\ufe0e\ufe0f"
        or before == "\u200d"
        or 0x1F3FB <= o <= 0x1F3FF  # skin tones
        or (0x1F1E6 <= o <= 0x1F1FF and 0x1F1E6 <= ord(before) <= 0x1F1FF)  # flags
        or 0xDC00 <= o <= 0xDFFF
    )


# The language guess counts UTF-8 lead bytes: bytes.translate(None, delete) runs in C
# at memory speed, where str.isalpha over each character cost ~35 µs per article.
_ASCII_LETTERS = bytes(range(65, 91)) + bytes(range(97, 123))
_NOT = bytes(range(256))  # translate(None, _NOT minus some) keeps just those bytes


def _kept(*keep: bytes) -> bytes:
    """The bytes to delete so that only the bytes in keep remain."""
    wanted = b"".join(keep)
    return bytes(b for b in _NOT if b not in wanted)


# lead bytes: U+00C0-U+024F Latin-1 letters and Latin Extended (C3-C9), U+0400-U+052F
# Cyrillic (D0-D4), other scripts' letters (IPA..Greek CA-CF, Armenian..Syriac D5-DF,
# Indic..Hangul E0-E1, Kana..CJK..Hangul E3-ED). E2 (punctuation, symbols), EF
# (specials, fullwidth) and F0-F4 (emoji, mostly) are not letters.
_KEEP_LATIN = _kept(_ASCII_LETTERS, bytes(range(0xC3, 0xCA)))  # one pass for both
_CYRILLIC_LEADS = bytes(range(0xD0, 0xD5))
_KEEP_CYRILLIC_LEADS = _kept(_CYRILLIC_LEADS)
# Cyrillic and the other scripts in one pass: a text mostly Latin needs no third count
_KEEP_NON_LATIN_LEADS = _kept(_CYRILLIC_LEADS, bytes(range(0xCA, 0xD0)), bytes(range(0xD5, 0xE2)),
                              bytes(range(0xE3, 0xEE)))


def _count(raw: bytes, keep: bytes) -> int:
    return len(raw.translate(None, keep))


def guess_language(text: str) -> str | None:
    """A cheap guess: mostly Cyrillic -> "uk" if Ukrainian-only letters (і ї є ґ)
    outnumber Russian-only ones (ы э ъ ё), else "ru"; mostly Latin -> "en";
    anything else -> None. Only the first 1,000 characters are looked at, and their
    letters counted by script from UTF-8 lead bytes: this runs for every imported file."""
    raw = text[:1_000].encode("utf-8", "surrogatepass")
    latin = _count(raw, _KEEP_LATIN)  # in ASCII text, just the ASCII letters
    if raw.isascii():
        return "en" if latin else None
    letters = latin + _count(raw, _KEEP_NON_LATIN_LEADS)
    if latin * 2 > letters:  # then Cyrillic, a part of the rest, is not the most either
        return "en"
    cyrillic = _count(raw, _KEEP_CYRILLIC_LEADS)
    if cyrillic * 2 > letters:
        lower = text[:1_000].lower()
        uk = sum(lower.count(ch) for ch in _UK_ONLY)
        ru = sum(lower.count(ch) for ch in _RU_ONLY)
        return "uk" if uk and uk >= ru else "ru"
    return None
