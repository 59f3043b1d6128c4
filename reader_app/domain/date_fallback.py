"""dateparser as the base for what the rules do not cover.

Always with the article's language and RELATIVE_BASE = the dateline (at noon, so "3 hours ago"
stays on the dateline's day). An undated article never lets dateparser read the machine's
clock: the phrase is parsed against two far-apart fixed bases, and a result that moves with the
base is relative, so it stays unresolved.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from reader_app.domain.date_hits import Hit, show, week_monday

_PROBES = (datetime(2003, 3, 12, 12), datetime(2017, 9, 20, 12))
_WORTH_PARSING = re.compile(r"[^\W\d_]{3,}|\d[./-]\d")
MAX_LENGTH = 60
_TODAY = re.compile(r"(?<!\w)(?:today|tonight|now|this\s+(?:morning|afternoon|evening)|сьогодні|"
                    r"зараз|нині|наразі|сегодня|сейчас|ныне)(?!\w)", re.IGNORECASE)
_GRANULARITY = {"time": "day", "day": "day", "week": "week", "month": "month", "year": "year"}


@lru_cache(maxsize=64)
def _parser(languages: tuple[str, ...], base: datetime, prefer: str) -> Any:
    from dateparser.data import language_order  # slow import: only when no rule matched
    from dateparser.date import DateDataParser

    known = [code for code in languages if code in language_order] or ["en"]
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": prefer,
                "RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first"}
    return DateDataParser(languages=known, settings=settings)


def _parse(text: str, languages: tuple[str, ...], base: datetime,
           prefer: str = "current_period") -> tuple[date, str] | None:
    data = _parser(languages, base, prefer).get_date_data(text)
    if data.date_obj is None:
        return None
    granularity = _GRANULARITY.get(data.period or "day", "day")
    d = data.date_obj.date()
    if granularity == "week":
        d = week_monday(d)
    elif granularity == "month":
        d = d.replace(day=1)
    elif granularity == "year":
        d = date(d.year, 1, 1)
    return d, granularity


def dateparser_hit(text: str, dl: date | None, languages: tuple[str, ...]) -> Hit | None:
    """What dateparser makes of ``text``; None when nothing (or not worth trying)."""
    if len(text) > MAX_LENGTH or not _WORTH_PARSING.search(text):
        return None
    label = f"dateparser ({', '.join(languages)})"
    if dl is None:
        found = [_parse(text, languages, base) for base in _PROBES]
        if found[0] is None or found[1] is None:
            return None
        if found[0] != found[1]:
            return Hit(None, found[0][1], "dateparser", f"{label} reads it as relative")
        return Hit(found[0][0], found[0][1], "dateparser", f"Parsed by {label}")
    base = datetime(dl.year, dl.month, dl.day, 12)
    result = _parse(text, languages, base)
    if result is None:
        return None
    d, granularity = result
    if d == dl and granularity == "day" and not _TODAY.search(text):
        return None  # dateparser hands back its base for words it cannot place ("the '90s")
    if granularity == "day":
        # A weekday in a language the rules do not know: the nearest one, not last week's.
        around = [r[0] for p in ("past", "future") if (r := _parse(text, languages, base, p))]
        if len(around) == 2 and around[0] != around[1] and d in around:
            d = min(around, key=lambda c: (abs((c - dl).days), c < dl))
    return Hit(d, granularity, "dateparser",
               f"Parsed by {label} relative to the dateline {show(dl)}")
