"""Rules for named periods: weekends, decades, and "the 10th" (a day of a nearby month)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from reader_app.domain import date_words as w
from reader_app.domain.date_hits import Hit, shift_months, show, valid_day, week_monday

Period = tuple[Hit, str, str]  # the interval's hit, its start value, its end value

_MODIFIER = w.MODIFIER
_WEEKEND = re.compile(rf"(?:\b({_MODIFIER})\s+)?\b(weekend|вихідних|вихідні|выходных|выходные)\b")
_DECADE = re.compile(r"(?<![\d.,/-])\b([12]\d{2}0)(?:s|\s-\s(?:х|ті|і|е|ые|ых))\b")
_SHORT_DECADE = re.compile(r"(?<![\w'’])['’]([1-9]0|00)s\b")
# "у 90-х", "в 90-е годы", "20-ті роки": the latest such decade over by the dateline
_SHORT_CYRILLIC = re.compile(r"(?<![\d.,/-])\b([1-9]0)\s-\s(?:х|ті|і|е|ые|ых)\b")
# "в семидесятые", "у дев'яності": a decade by its word, the latest such one over by the
# dateline. Zero ("нулевые") is left out: "нулевые пошлины" are zero duties.
_DECADE_STEMS = {"двадцат": 20, "тридцат": 30, "сороков": 40, "пятидесят": 50,
                 "шестидесят": 60, "семидесят": 70, "восьмидесят": 80, "девяност": 90}
_DECADE_STEMS_UK = {"двадцят": 20, "тридцят": 30, "сороков": 40, "п'ятдесят": 50,
                    "шістдесят": 60, "сімдесят": 70, "вісімдесят": 80, "дев'яност": 90}
DECADE_WORDS = {**{stem + end: n for stem, n in _DECADE_STEMS.items()
                   for end in ("ые", "ых", "ым", "ыми")},
                **{stem + end: n for stem, n in _DECADE_STEMS_UK.items()
                   for end in ("і", "их", "им", "ими")}}
_DECADE_WORD = re.compile(rf"(?<![\w'])({w.alternation(DECADE_WORDS)})(?![\w'])")
_DAY_OF_MONTH = re.compile(r"(?:on\s+)?the\s+(\d{1,2})|(\d{1,2})\s+числа")  # "20-го числа"


def _period(first: date, last: date, why: str) -> Period:
    return Hit(first, "interval", "interval", why), first.isoformat(), last.isoformat()


def weekend(s: str, dl: date | None) -> Period | None:
    """'over the weekend' = the nearest one (Mon-Wed: the last, Thu-Fri: the coming one);
    'this weekend' = the coming (or current) one; 'last'/'next weekend' = strictly before/after."""
    m = _WEEKEND.search(s)
    if m is None:
        return None
    word = m.group(1) or ""
    k = w.modifier_shift(word) if word else None
    said = m.group(0)
    if dl is None:
        return Hit(None, "day", "interval", f"'{said}'"), "", ""
    saturday = week_monday(dl) + timedelta(days=5)
    if k is not None and k < 0:
        saturday -= timedelta(days=7)
        why = f"'{said}': the weekend before the dateline {show(dl)}"
    elif k is not None and k > 0:
        saturday += timedelta(days=7 if dl >= saturday else 0)
        why = f"'{said}': the weekend after the dateline {show(dl)}"
    elif k == 0:
        why = f"'{said}': the weekend of the dateline's week ({show(dl)})"
    else:
        saturday -= timedelta(days=7 if dl.weekday() <= 2 else 0)
        why = f"'{said}': the weekend nearest to the dateline {show(dl)}"
    return _period(saturday, saturday + timedelta(days=1), why)


def decade(s: str, dl: date | None) -> Period | None:
    m = _DECADE.search(s)
    if m is not None:
        start = int(m.group(1))
        why = f"The {start}s: a decade"
    elif (m := _SHORT_CYRILLIC.search(s)) is not None:
        if dl is None:
            return Hit(None, "year", "interval", f"{m.group(0)} has no century without a"
                       " dateline"), "", ""
        start = (dl.year // 100) * 100 + int(m.group(1))
        if start + 9 >= dl.year:
            start -= 100
        why = (f"{m.group(0).replace(' ', '')}: the {start}s, the latest such decade over by "
               f"the dateline {show(dl)}")
    elif (m := _DECADE_WORD.search(s)) is not None:
        if dl is None:
            return Hit(None, "year", "interval", f"'{m.group(0)}' has no century without a"
                       " dateline"), "", ""
        start = (dl.year // 100) * 100 + DECADE_WORDS[m.group(1)]
        if start + 9 >= dl.year:
            start -= 100
        why = (f"'{m.group(0)}': the {start}s, the latest such decade over by the dateline "
               f"{show(dl)}")
    else:  # "the '90s": the latest such decade that began by the dateline
        m = _SHORT_DECADE.search(s)
        if m is None:
            return None
        if dl is None:
            return Hit(None, "year", "interval", f"{m.group(0)} has no century without a"
                       " dateline"), "", ""
        start = (dl.year // 100) * 100 + int(m.group(1))
        if start > dl.year:
            start -= 100
        why = f"{m.group(0)}: the {start}s, the latest such decade by the dateline {show(dl)}"
    return (Hit(date(start, 1, 1), "interval", "interval", why),
            f"{start:04d}", f"{start + 9:04d}")


def day_of_month(s: str, dl: date | None) -> Hit | None:
    """'on the 10th': day 10 of the dateline's month or a neighbouring one, whichever is nearer."""
    m = _DAY_OF_MONTH.fullmatch(s)
    if m is None or not 1 <= int(m.group(1) or m.group(2)) <= 31:
        return None
    day = int(m.group(1) or m.group(2))
    if dl is None:
        return Hit(None, "day", "day-month", f"the {day}th has no month")
    months = (shift_months(dl, k) for k in (-1, 0, 1))
    candidates = [d for d in (valid_day(x.year, x.month, day) for x in months) if d]
    first = min(candidates, key=lambda d: (abs((d - dl).days), d.month != dl.month))
    return Hit(first, "day", "day-month",
               f"Day {day} of the month nearest to the dateline {show(dl)}")
