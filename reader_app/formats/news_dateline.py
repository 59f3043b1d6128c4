"""The dateline a news article opens with: "KYIV, Tuesday 14 March 2023 — ...".

Read, never removed: the text stays as the file had it (offsets index it), only the
published date is taken. Strict on purpose (a wrong date shifts every relative date
in the article): only at the start of the text, or of the paragraph after a title
line, and only these shapes, each with a full date (day, month and year):

    PLACE[, PLACE] [(AGENCY)], [WEEKDAY[,]] DATE [(AGENCY)] END    KYIV, 14 March 2023 —
    PLACE (AGENCY) — [WEEKDAY[,]] DATE END                          KYIV (Reuters) — March 14, 2023 —
    [WEEKDAY[,]] DATE END                                           14 March 2023 / 2023-03-14 —

DATE is "D Month YYYY", "Month D, YYYY" (English, Ukrainian or Russian month names,
any case form, abbreviations too; Ukrainian "року"/"р." and Russian "года"/"г." may
follow the year) or ISO "YYYY-MM-DD"; END is a dash (—, –, or " - ") or the end of
the line. A date followed by a dash and another date is a range, not a dateline.
Only the first ~200 characters are looked at: this runs for every imported file.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from reader_app.domain.date_words import (
    MONTH_ABBREVIATIONS,
    MONTHS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAY_ABBREVIATIONS_ALONE,
    WEEKDAY_NAMES,
    WEEKDAYS,
    alternation,
)

__all__ = ["NewsDateline", "find_news_dateline"]

_HEAD = 200  # characters looked at, from each place a dateline may start
_FIRST_YEAR, _LAST_YEAR = 1800, 2199
_WEEKDAY_WORDS = {**WEEKDAYS, **WEEKDAY_ABBREVIATIONS, **WEEKDAY_ABBREVIATIONS_ALONE}
_MONTH_WORDS = {**MONTHS, **MONTH_ABBREVIATIONS}

_SPACE = " \t\u00a0"
_S = f"[{_SPACE}]"  # space within a line
_NOT_LETTER = r"(?![^\W\d_])"  # a word ends here ("Mar" is not "March" cut short)
_MONTH = rf"(?i:{alternation(_MONTH_WORDS)}){_NOT_LETTER}\.?"
_WEEKDAY = rf"(?i:{alternation(_WEEKDAY_WORDS)}){_NOT_LETTER}\.?"
_DAY_SUFFIX = r"(?:st|nd|rd|th)?"
_YEAR = r"(?P<{}>\d{{4}})(?!\d)(?:" + _S + r"+(?i:року|рік|р\.|года|г\.))?"
_DATE = (
    rf"(?:(?P<weekday>{_WEEKDAY}),?{_S}+)?"
    rf"(?:(?P<d1>\d{{1,2}}){_DAY_SUFFIX}\.?{_S}+(?P<m1>{_MONTH}),?{_S}+{_YEAR.format('y1')}"
    rf"|(?P<m2>{_MONTH}){_S}+(?P<d2>\d{{1,2}}){_DAY_SUFFIX},?{_S}+{_YEAR.format('y2')}"
    rf"|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})(?![\d-]))"
)
# A place: capitalised words (checked in code), with small lower-case joining words
# ("Rio de Janeiro", "Ростов-на-Дону" is one word); "St." and "D.C." keep their dots.
_WORD = r"[^\W\d_][\w'’.-]*"
_PLACE_PART = rf"{_WORD}(?:{_S}{_WORD}){{0,3}}"
_NOT_WEEKDAY = rf"(?!{_WEEKDAY},?{_S}+(?:\d|{_MONTH}))"  # "Tuesday, 14 March": no place
_AGENCY = rf"\({_WORD}(?:[{_SPACE}&/-]*{_WORD}){{0,3}}\)|/{_WORD}(?:{_S}{_WORD}){{0,2}}/"
_DASH = rf"(?:{_S}*[—–]|{_S}+--?(?={_S}))"
_END = rf"(?:{_S}+(?:{_AGENCY}))?(?P<end>{_DASH}|{_S}*(?=\n|\Z))"
_DATELINE = re.compile(
    rf"(?:(?P<place>{_NOT_WEEKDAY}{_PLACE_PART}(?:,{_S}+{_NOT_WEEKDAY}{_PLACE_PART}){{0,2}})"
    rf"(?:{_S}*(?P<agency>{_AGENCY}))?"
    rf"(?:,{_S}+|(?<=[)/]){_DASH}{_S}*))?"
    rf"{_DATE}{_END}"
)
# After the dash: another date means a range ("1 March 2023 – 5 March 2023").
_RANGE = re.compile(
    rf"{_S}*(?:\d{{1,2}}{_DAY_SUFFIX}\.?{_S}+{_MONTH}|{_MONTH}{_S}+\d{{1,2}}(?!\d)"
    r"|\d{4}-\d{2}-\d{2})"
)
# A year the dateline could hold (1800-2199, as _FIRST_YEAR.._LAST_YEAR), four digits alone.
_A_YEAR = re.compile("(?<![0-9])(?:1[89]|2[01])[0-9][0-9](?![0-9])")
_DIGIT = re.compile("[0-9]")  # a range's second date has one within 16 characters
_JOINING = frozenset("de da do del della di du la le upon on am an der im sur ob nad na".split())
# First words of lines that hold a date but are not a dateline ("By Jane Doe, 2 May 2023").
_NOT_PLACES = frozenset(
    "by on in at from since until till before after between updated published posted "
    "filed date dated issued released last as of for to and the a an see page "
    "в у з із від до на по с со от о об за про після после дата оновлено обновлено".split()
)


@dataclass(frozen=True)
class NewsDateline:
    """A dateline found at text[start:end] (end: after its dash, or at its line's end).
    published: the ISO date, None if the date cannot be (29 February 2023).
    warning: for the import report, None for a clean dateline."""

    start: int
    end: int
    body: int  # where the text after it starts (past the white space after end)
    published: str | None
    warning: str | None


def find_news_dateline(text: str, after_title: int | None = None) -> NewsDateline | None:
    """The news dateline at the start of text (after its leading white space), or
    else at after_title (where the paragraph after a title line starts), or None."""
    for start in (_skip_space(text, 0), after_title):
        if start is None:
            continue
        found = _read_at(text, start)
        if found is not None:
            return found
    return None


def _skip_space(text: str, pos: int) -> int:
    n = len(text)
    while pos < n and text[pos] in " \t\n\r\f\v\ufeff":
        pos += 1
    return pos


def _read_at(text: str, start: int) -> NewsDateline | None:
    head = text[start : start + _HEAD]
    cut = head.find("\n")
    whole_line = cut >= 0 or start + len(head) >= len(text)
    head = head[:cut] if cut >= 0 else head  # a dateline is one line
    if _A_YEAR.search(head) is None:  # no year, no dateline: the common case, cheaply
        return None
    m = _DATELINE.match(head)
    if m is None or not _is_place(m.group("place")):
        return None
    end = m.end("end")
    dash = bool(m.group("end").strip())
    if dash and _DIGIT.search(head, end, end + 16) and _RANGE.match(head, end):
        return None
    if not dash and not whole_line:
        return None  # the head ended, not the line
    year = int(m.group("y1") or m.group("y2") or m.group("iso")[:4])
    if not _FIRST_YEAR <= year <= _LAST_YEAR:
        return None  # "14 March 0023" is a typo or not a date; either way not a dateline
    line = head[: m.end()].rstrip(" \t\u00a0—–-")
    published, warning = _date_of(m, line)
    return NewsDateline(start, start + end, _skip_space(text, start + end), published, warning)


def _is_place(place: str | None) -> bool:
    """Capitalised words, not a preposition, byline or label: "By Jane Doe" is no place."""
    if place is None:
        return True
    words = place.replace(",", " ").split()
    if words[0].lower().strip(".") in _NOT_PLACES:
        return False
    return all(w[0].isupper() or w.lower() in _JOINING for w in words) and words[0][0].isupper()


def _date_of(m: re.Match[str], line: str) -> tuple[str | None, str | None]:
    """(ISO date or None, warning or None) for a matched dateline."""
    try:
        if m.group("iso"):
            date = _dt.date.fromisoformat(m.group("iso"))
        else:
            day, month, year = (m.group("d1"), m.group("m1"), m.group("y1")) if m.group("d1") \
                else (m.group("d2"), m.group("m2"), m.group("y2"))
            date = _dt.date(int(year), _MONTH_WORDS[month.lower().rstrip(".")], int(day))
    except ValueError:
        return None, f"impossible dateline {line!r} ignored; imported undated"
    weekday = m.group("weekday")
    if weekday:
        named = _WEEKDAY_WORDS[weekday.lower().rstrip(".")]
        if named != date.weekday():
            return date.isoformat(), (
                f"dateline {line!r}: {date.isoformat()} was a {WEEKDAY_NAMES[date.weekday()]},"
                f" not a {WEEKDAY_NAMES[named]}; the date is used")
    return date.isoformat(), None
