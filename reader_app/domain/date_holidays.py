"""Holidays as dates: "by Christmas", "over New Year", "before Thanksgiving", "на Різдво".
Pure Python.

A holiday names one day a year; which year follows the clause's tense, as for a yearless
day ("If the boat is not here by Christmas" in September is this December's).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta


def _fixed(month: int, day: int) -> Callable[[int], date]:
    return lambda year: date(year, month, day)


def _thanksgiving(year: int) -> date:
    """The fourth Thursday of November (the United States' Thanksgiving)."""
    first = date(year, 11, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 21)


def _easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _orthodox_easter(year: int) -> date:
    """Orthodox Easter Sunday (Meeus' Julian computus, 13 days on to the Gregorian
    calendar: right from 1900 to 2099). Ukraine kept it when Christmas moved in 2023."""
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    return date(year, month, day + 1) + timedelta(days=13)


# The first day of the Chinese lunar year (no formula short of an astronomical calendar)
_LUNAR_NEW_YEAR = {2018: (2, 16), 2019: (2, 5), 2020: (1, 25), 2021: (2, 12), 2022: (2, 1),
                   2023: (1, 22), 2024: (2, 10), 2025: (1, 29), 2026: (2, 17), 2027: (2, 6),
                   2028: (1, 26), 2029: (2, 13), 2030: (2, 3), 2031: (1, 23), 2032: (2, 11),
                   2033: (1, 31), 2034: (2, 19), 2035: (2, 8)}


def _listed(days: dict[int, tuple[int, int]]) -> Callable[[int], date | None]:
    """A holiday with no formula: its day in each year a table lists (None past it)."""
    def day(year: int) -> date | None:
        found = days.get(year)
        return None if found is None else date(year, *found)
    return day


_lunar_new_year = _listed(_LUNAR_NEW_YEAR)


# Diwali's main day (Lakshmi Puja) as India's national holiday list gives it: lunar, no formula
_DIWALI = {2018: (11, 7), 2019: (10, 27), 2020: (11, 14), 2021: (11, 4), 2022: (10, 24),
           2023: (11, 12), 2024: (10, 31), 2025: (10, 20), 2026: (11, 8), 2027: (10, 29),
           2028: (10, 17), 2029: (11, 5), 2030: (10, 26)}

_diwali = _listed(_DIWALI)


# phrase (lowercase, as written) -> the day in a given year. Russian "Рождество" is the
# Orthodox 7 January; Ukraine keeps 25 December since 2023.
_DAYS: dict[str, Callable[[int], date | None]] = {
    **dict.fromkeys(("christmas", "christmas day", "xmas"), _fixed(12, 25)),
    "christmas eve": _fixed(12, 24),
    "boxing day": _fixed(12, 26),
    **dict.fromkeys(("new year", "new year's day", "new year’s day", "new year's",
                     "new year’s"), _fixed(1, 1)),
    **dict.fromkeys(("new year's eve", "new year’s eve", "hogmanay"), _fixed(12, 31)),
    "valentine's day": _fixed(2, 14),
    "valentine’s day": _fixed(2, 14),
    "halloween": _fixed(10, 31),
    "thanksgiving": _thanksgiving,
    "thanksgiving day": _thanksgiving,
    **dict.fromkeys(("easter", "easter sunday"), _easter),
    **dict.fromkeys(("різдво", "різдва", "різдві"), _fixed(12, 25)),
    **dict.fromkeys(("великдень", "великодня", "великодні", "великоднем", "пасха", "пасхи",
                     "пасху", "пасхе", "пасхой"), _orthodox_easter),
    **dict.fromkeys(("день знань", "дня знань", "день знаний", "дня знаний", "дню знаний"),
                    _fixed(9, 1)),  # the first school day
    **dict.fromkeys(("рождество", "рождества", "рождеству"), _fixed(1, 7)),
    **dict.fromkeys(("diwali", "deepavali", "divali"), _diwali),
    **dict.fromkeys(("lunar new year", "chinese new year", "китайський новий рік",
                     "китайського нового року", "китайский новый год", "китайского нового года"),
                    _lunar_new_year),
    **dict.fromkeys(("новий рік", "нового року", "новому році", "новорічні свята"),
                    _fixed(1, 1)),
    **dict.fromkeys(("новый год", "нового года", "новому году", "новогодние праздники"),
                    _fixed(1, 1)),
}
_SPACES = re.compile(r"\s+")


def _key(phrase: str) -> str:
    key = _SPACES.sub(" ", phrase.strip().lower())
    for lead in ("the ", "на ", "до ", "в ", "у ", "к ", "по "):
        if key.startswith(lead) and key[len(lead):] in _DAYS:
            key = key[len(lead):]
    return key


def holiday_days(phrase: str, dl: date) -> list[date] | None:
    """The holiday's days in the dateline's year and the years either side, else None."""
    day = _DAYS.get(_key(phrase))
    if day is None:
        return None
    return [d for year in (dl.year - 1, dl.year, dl.year + 1) if (d := day(year)) is not None] \
        or None


_WITH_YEAR = re.compile(r"(?P<name>.+?),?\s+(?P<year>(?:1[89]|20)\d\d)(?:\s+(?:року|года|р\.|г\.))?")


def holiday_of_year(phrase: str) -> date | None:
    """"Christmas 2021", "Easter 2024", "Різдво 2023 року": that holiday of that year."""
    m = _WITH_YEAR.fullmatch(_SPACES.sub(" ", phrase.strip().lower()))
    day = _DAYS.get(_key(m.group("name"))) if m is not None else None
    return None if day is None or m is None else day(int(m.group("year")))


# In running text a holiday is a date after a word of time ("by Christmas", "over New
# Year", "перед Різдвом" is left to the analyst), not as a noun's modifier ("Christmas tree")
# (case-blind: a sentence may open with it, "By Christmas, the heads go home")
_TIME_BEFORE = (r"(?i:by|before|after|over|until|till|at|since|for|on|during|around|of|"
                r"до|на|після|после|к|под)")
_NAMES = (r"Christmas(?:\s+(?:Eve|Day))?|Boxing\s+Day|New\s+Year['’]s(?:\s+(?:Eve|Day))?|"
          r"New\s+Year|Hogmanay|Thanksgiving|Easter|Halloween|Valentine['’]s\s+Day|"
          r"Різдва|Різдво|Рождества|Рождеству|Рождество|Нового\s+року|Новий\s+рік|"
          r"Великдень|Великодня|Великодні|Великоднем|Пасха|Пасхи|Пасху|Пасхе|Пасхой|"
          r"День\s+знань|Дня\s+знань|День\s+знаний|Дня\s+знаний|Дню\s+знаний|"
          r"Нового\s+года|Новому\s+году|Новый\s+год|Lunar\s+New\s+Year|Chinese\s+New\s+Year|"
          r"Diwali|Deepavali")
HOLIDAY = re.compile(rf"(?<!\w){_TIME_BEFORE}\s+(?:the\s+)?(?P<name>(?:{_NAMES})"
                     r"(?:,?\s+(?:1[89]|20)\d\d(?!\d)(?:\s+(?:року|года)(?!\w))?)?)(?![\w'’])"
                     r"(?!\s+[a-zа-яіїєґ][\w'’-]*(?<!\bwhen)(?<!\band)(?<!\bor)(?<!\bbut)"
                     r"(?<!\bthe)(?<!\bas)(?<!\bif)(?<!\bis)(?<!\bwas)(?<!\bwill)(?<!\bto)"
                     r"(?<!\bin)(?<!\bon)(?<!\bat)(?<!\bfor)(?<!\bwith)(?<!\bi)(?<!\bwe)"
                     r"(?<!\bthey)(?<!\bhe)(?<!\bshe)(?<!\bit)(?<!\bthis)(?<!\blast)"
                     r"(?<!\bnext)(?!\w))")


# every HOLIDAY match holds one of the names, as they are written there (HOLIDAY tells
# case only in its words of time): a text with none has no holiday, and this pattern,
# which begins with a name's first letter, says so in a few ms per MB where HOLIDAY, which
# tries its words of time at every position, takes ~50
_ANY_NAME = re.compile(_NAMES)


def holiday_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each holiday named as a time in text ("by Christmas" -> "Christmas")."""
    if _ANY_NAME.search(text) is None:
        return []
    return [m.span("name") for m in HOLIDAY.finditer(text)]
