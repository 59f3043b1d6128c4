"""Rules for one date in a cleaned (lower-case, normalized) phrase, tried in order.

Each rule returns a ``Hit``, or None when the phrase is not its kind. A rule that needs the
dateline returns a Hit with ``first=None`` when the article has none.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from reader_app.domain import date_words as w
from reader_app.domain.date_hits import (
    MONTH_NAMES,
    Hit,
    iso_week,
    place_yearless,
    shift_months,
    show,
    unresolved,
    valid_day,
    week_monday,
    yearless,
    yearless_label,
)
from reader_app.domain.date_periods import day_of_month

_ANY_MONTH = w.alternation({**w.MONTHS, **w.MONTH_ABBREVIATIONS})
_MONTH_WORDS = {**w.MONTHS, **w.MONTH_ABBREVIATIONS}
_YEAR = r"(?:\s+(\d{4})(?!\d))?"
DAY_MONTH = re.compile(rf"(?<![\d.,/-])(\d{{1,2}})\s+(?:of\s+)?({_ANY_MONTH})\b{_YEAR}")
MONTH_DAY = re.compile(rf"\b({_ANY_MONTH})\s+(\d{{1,2}})(?![\d.:/-]){_YEAR}")
MONTH_YEAR = re.compile(rf"\b({_ANY_MONTH})\s+(?:of\s+)?(\d{{4}})(?!\d)")
MONTH_WORD = re.compile(rf"\b({w.alternation(w.MONTHS)})\b")
YEAR_WORD = re.compile(r"(?<![\d.,/-])\b[12]\d{3}\b(?![\d.,/-])")

_NUMERIC = (  # (pattern, order of the groups: y m d / d m y / ambiguous, granularity)
    (re.compile(r"(?<![\d.])(\d{4})-w(\d{1,2})(?!\d)"), "yw", "week"),
    (re.compile(r"(?<![\d./-])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d./-])"), "ymd", "day"),
    (re.compile(r"(?<![\d./-])(\d{1,2})([.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d./-])"), "dmy", "day"),
    (re.compile(r"(?<![\d./-])(\d{1,2})(/)(\d{1,2})/(\d{4}|\d{2})(?![\d./-])"), "slash", "day"),
    (re.compile(r"(?<![\d./-])(\d{4})-(\d{2})(?![\d./-])"), "ym", "month"),
    (re.compile(r"(?<![\d./-])(\d{1,2})([./])(\d{1,2})(?![\d./-])"), "dm", "day"),  # no year
)

_WEEKDAY = re.compile(rf"\b({w.alternation({**w.WEEKDAYS, **w.WEEKDAY_ABBREVIATIONS})})\b")
_MODIFIER = w.MODIFIER
_MODIFIER_BEFORE = re.compile(rf"\b({_MODIFIER})\s+$")
_MODIFIER_AFTER = re.compile(r"^\s+(next|last)\b(?!\s+\w)")
_UNIT_MODIFIER = re.compile(rf"\b({_MODIFIER})\s+({w.alternation(w.UNITS)})\b")
_RELATIVE_DAY = re.compile(rf"\b({w.alternation(w.RELATIVE_DAYS)})\b")
_RELATIVE_YEAR = re.compile(rf"\b({w.alternation(w.RELATIVE_YEARS)})\b")
_N = rf"(\d{{1,3}}|{w.alternation(w.NUMBERS)})"
_UNIT = rf"({w.alternation(w.UNITS)})"
_AGO = re.compile(rf"(?:\b{_N}\s+)?\b{_UNIT}\s+(?:{w.alternation(w.AGO)})\b")
_LATER = re.compile(rf"\b(in|через)\s+(?:{_N}\s+)?{_UNIT}\b")

NEAREST = "nearest to the dateline"  # a weekday with no modifier (the tense may move it)

Rule = Callable[[str, "date | None"], "Hit | None"]


def _modifier(word: str) -> int:
    return w.modifier_shift(word)


def _year(text: str) -> int:
    year = int(text)
    return year if len(text) == 4 else (2000 + year if year < 70 else 1900 + year)


def weekday_note(s: str, day: date) -> str | None:
    """A warning when the phrase names a weekday that is not the date's."""
    m = _WEEKDAY.search(s)
    named = w.WEEKDAYS.get(m.group(1), w.WEEKDAY_ABBREVIATIONS.get(m.group(1))) if m else None
    if named is None or named == day.weekday():
        return None
    return (f"note: the phrase says {w.WEEKDAY_NAMES[named]} but {day.isoformat()} "
            f"is a {w.WEEKDAY_NAMES[day.weekday()]}")


def _absolute(first: date | None, granularity: str, s: str, what: str) -> Hit | None:
    if first is None:
        return unresolved(f"'{what}' is not a real date")
    hit = Hit(first, granularity, "absolute", "")
    kind = {"day": "date", "week": "ISO week"}.get(granularity, granularity)
    hit = replace(hit, explanation=f"Absolute {kind} {hit.value}")
    note = weekday_note(s, first) if granularity == "day" else None
    return hit.with_note(note) if note else hit


def numeric(s: str, dl: date | None, month_first: bool = True) -> Hit | None:
    """ISO dates/weeks/months, 10.02.2022, 2/10/2022 (month first in English articles)."""
    for pattern, order, _granularity in _NUMERIC:
        m = pattern.search(s)
        if m is None:
            continue
        g = m.groups()
        if order == "yw":
            try:
                first = date.fromisocalendar(int(g[0]), int(g[1]), 1)
            except ValueError:
                first = None
            return _absolute(first, "week", s, m.group(0).upper())
        if order == "ym":
            return _absolute(valid_day(int(g[0]), int(g[1]), 1), "month", s, m.group(0))
        if order == "ymd":
            y, mo, d = int(g[0]), int(g[2]), int(g[3])
        else:
            a, b = int(g[0]), int(g[2])
            us = g[1] == "/" and (month_first and a <= 12 or b > 12)
            mo, d = (a, b) if us else (b, a)
            if order == "dm":
                return place_yearless(mo, d, dl) if 1 <= mo <= 12 else None
            y = _year(g[3])
        return _absolute(valid_day(y, mo, d), "day", s, m.group(0))
    return None


def day_month(s: str, dl: date | None) -> Hit | None:
    found = [m for m in (DAY_MONTH.search(s), MONTH_DAY.search(s)) if m]
    if not found:
        return None
    m = min(found, key=lambda x: x.start())
    day, word = (m.group(1), m.group(2)) if m.re is DAY_MONTH else (m.group(2), m.group(1))
    month, day_number = _MONTH_WORDS[word], int(day)
    if m.group(3):
        return _absolute(valid_day(int(m.group(3)), month, day_number), "day", s, m.group(0))
    stated = phrase_year(s, m.end())
    if stated is not None:
        return in_phrase_year(month, day_number, stated, s)
    hit = place_yearless(month, day_number, dl)
    note = weekday_note(s, hit.first) if hit.first else None
    return hit.with_note(note) if note else hit


def month_year(s: str, dl: date | None) -> Hit | None:
    m = MONTH_YEAR.search(s)
    if m is None:
        return None
    first = valid_day(int(m.group(2)), _MONTH_WORDS[m.group(1)], 1)
    return _absolute(first, "month", s, m.group(0))


def relative_day(s: str, dl: date | None) -> Hit | None:
    m = _RELATIVE_DAY.search(s)
    if m is None:
        return None
    offset = w.RELATIVE_DAYS[m.group(1)]
    first = None if dl is None else dl + timedelta(days=offset)
    where = ("the dateline" if offset == 0 else
             f"{abs(offset)} day{'s' * (abs(offset) > 1)} {'after' if offset > 0 else 'before'}"
             " the dateline")
    return Hit(first, "day", "relative",
               f"'{m.group(1)}' is {where}" + (f" {show(dl)}" if dl else ""))


def amount(s: str, dl: date | None) -> Hit | None:
    m, sign = _AGO.search(s), -1
    if m is None:
        m, sign = _LATER.search(s), 1
        if m is None or (m.group(1) == "in" and m.group(2) is None):
            return None
        number, unit_word = m.group(2), m.group(3)
    else:
        number, unit_word = m.group(1), m.group(2)
    n = 1 if number is None else int(w.NUMBERS.get(number, number) or 0)
    unit = w.UNITS[unit_word]
    why = f"{n} {unit}{'s' * (n != 1)} {'after' if sign > 0 else 'before'} the dateline"
    if dl is None:
        return Hit(None, "day", "relative", why)
    if unit in ("day", "week", "fortnight"):
        days = {"day": 1, "week": 7, "fortnight": 14}[unit]
        return Hit(dl + timedelta(days=sign * n * days), "day",
                   "relative", f"{why} {show(dl)}")
    if unit == "month":
        return Hit(shift_months(dl, sign * n), "month", "relative", f"{why} {show(dl)}")
    return Hit(date(dl.year + sign * n, 1, 1), "year", "relative", f"{why} {show(dl)}")


def _unit_modifier(s: str) -> tuple[int, str, str] | None:
    m: re.Match[str] | None
    for m in _UNIT_MODIFIER.finditer(s):
        unit = w.UNITS[m.group(2)]
        if unit not in ("day", "fortnight") and m.group(1) != "past":
            return _modifier(m.group(1)), unit, m.group(0)
    m = _RELATIVE_YEAR.search(s)
    return (w.RELATIVE_YEARS[m.group(1)], "year", m.group(0)) if m else None


def weekday(s: str, dl: date | None) -> Hit | None:
    m = _WEEKDAY.search(s)
    wd = w.WEEKDAYS.get(m.group(1), w.WEEKDAY_ABBREVIATIONS.get(m.group(1))) if m else None
    if m is None and s in w.WEEKDAY_ABBREVIATIONS_ALONE:
        wd, m = w.WEEKDAY_ABBREVIATIONS_ALONE[s], re.match(r".+", s)
    if m is None or wd is None:
        return None
    name = w.WEEKDAY_NAMES[wd]
    unit = _unit_modifier(s[:m.start()] + " " + s[m.end():])
    if unit and unit[1] == "week":
        if dl is None:
            return Hit(None, "day", "weekday", f"{name} of '{unit[2]}'")
        first = week_monday(dl) + timedelta(days=7 * unit[0] + wd)
        return Hit(first, "day", "weekday",
                   f"{name} of '{unit[2]}' (the dateline {show(dl)} is in {iso_week(dl)})")
    before, after = _MODIFIER_BEFORE.search(s[:m.start()]), _MODIFIER_AFTER.search(s[m.end():])
    word = before.group(1) if before else after.group(1) if after else ""
    direction = _modifier(word) if word else 0
    if dl is None:
        return Hit(None, "day", "weekday", f"{word} {name}".strip())
    forward = (wd - dl.weekday()) % 7
    said = f"'{word} {m.group(0)}': the {name}"
    if direction > 0:
        offset, why = forward or 7, f"{said} after the dateline"
    elif direction < 0:
        offset, why = -((dl.weekday() - wd) % 7 or 7), f"{said} before the dateline"
    else:
        offset, why = (forward if forward <= 3 else forward - 7), f"{name} {NEAREST}"
    return Hit(dl + timedelta(days=offset), "day", "weekday", f"{why} {show(dl)}")


def unit_modifier(s: str, dl: date | None) -> Hit | None:
    found = _unit_modifier(s)
    if found is None:
        return None
    k, unit, text = found
    method = "week" if unit == "week" else "relative"
    if dl is None:
        return Hit(None, unit, method, f"'{text}'")
    if unit == "week":
        first = week_monday(dl) + timedelta(days=7 * k)
        return Hit(first, "week", method,
                   f"'{text}' relative to the dateline {show(dl)} (in {iso_week(dl)})")
    first = shift_months(dl, k) if unit == "month" else date(dl.year + k, 1, 1)
    return Hit(first, unit, method, f"'{text}' relative to the dateline {show(dl)}")


def bare_month(s: str, dl: date | None) -> Hit | None:
    month, found = None, None
    for m in MONTH_WORD.finditer(s):
        before = s[:m.start()].split()
        if m.group(1) != "may" or s == "may" or before and before[-1] in (
                "in", "of", "since", "until", "by", "early", "mid", "late", "from", "before",
                "after", "during", "through", "till", "end", "beginning", "start", "last",
                "next", "this", "past"):
            month, found = w.MONTHS[m.group(1)], m
            break
    if month is None:
        month = w.MONTH_ABBREVIATIONS.get(s)
    if month is None:
        return None
    modifier = _MODIFIER_BEFORE.search(s[:found.start()]) if found else None
    stated = phrase_year(s, found.end()) if found else None
    if stated is not None and modifier is None:
        return in_phrase_year(month, None, stated, s)
    if modifier is None or dl is None:
        return place_yearless(month, None, dl)
    k = _modifier(modifier.group(1))
    # "last March": the March before the dateline's month; "next March": the one after it
    year = dl.year
    if k < 0 and month >= dl.month:
        year -= 1
    elif k > 0 and month <= dl.month:
        year += 1
    where = "before" if k < 0 else "after" if k > 0 else "in the year of"
    return yearless(month, None, year, f"'{modifier.group(0).strip()} {MONTH_NAMES[month - 1]}'"
                    f": the {MONTH_NAMES[month - 1]} {where} the dateline {show(dl)}")


def phrase_year(s: str, after: int) -> int | None:
    """The year the phrase names after its month ("an August day in 2025"), if it names
    exactly one: that year counts, the dateline does not."""
    years = {m.group(0) for m in YEAR_WORD.finditer(s, after)}
    return int(years.pop()) if len(years) == 1 else None


def in_phrase_year(month: int, day: int | None, year: int, s: str) -> Hit:
    label = yearless_label(month, day)
    first = valid_day(year, month, 1 if day is None else day)
    if first is None:
        return unresolved(f"{label} does not exist in {year}")
    hit = Hit(first, "month" if day is None else "day", "absolute",
              f"{label} in {year}, the year the phrase names")
    note = weekday_note(s, first) if day is not None else None
    return hit.with_note(note) if note else hit


def bare_year(s: str, dl: date | None) -> Hit | None:
    m = YEAR_WORD.search(s)
    if m is None:
        return None
    year = m.group(0)
    return Hit(date(int(year), 1, 1), "year", "year", f"The bare year {year} stays a year")


RULES: tuple[Rule, ...] = (
    day_month, month_year, relative_day, amount, weekday, unit_modifier, bare_month, bare_year,
    day_of_month,
)


def resolve_single(s: str, dl: date | None, month_first: bool = True) -> Hit | None:
    """The first rule that recognizes the cleaned phrase ``s`` (no dateparser here)."""
    hit = numeric(s, dl, month_first)
    for rule in RULES:
        if hit is not None:
            break
        hit = rule(s, dl)
    return hit
