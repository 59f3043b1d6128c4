"""A weekday counted in its month: "the last Monday in November", "the second Tuesday of
March 2026", "в последнее воскресенье мая", "у першу неділю червня". Pure Python.

With no year, the month is the one its clause's tense points to, else the nearest."""

from __future__ import annotations

import calendar
import re
from datetime import date

from reader_app.domain import date_words as w

__all__ = ["COUNTED", "nth_weekday"]

# ordinal -> which (1-5, -1 the last), in English and the accusative of Ukrainian and Russian
_ORDINALS = {
    **dict.fromkeys("first 1st перший першу перше первый первую первое".split(), 1),
    **dict.fromkeys("second 2nd другий другу друге второй вторую второе".split(), 2),
    **dict.fromkeys("third 3rd третій третю третє третий третью третье".split(), 3),
    **dict.fromkeys("fourth 4th четвертий четверту четверте четвертый четвертую четвертое "
                    "четвёртый четвёртую четвёртое".split(), 4),
    **dict.fromkeys("fifth 5th п'ятий п'яту п'яте пятый пятую пятое".split(), 5),
    **dict.fromkeys("last final останній останню останнє последний последнюю последнее"
                    .split(), -1),
}
_PHRASE = re.compile(
    rf"^(?:(?:on|in|the|на|в|во|у)\s+)*(?:the\s+)?(?P<nth>{w.alternation(_ORDINALS)})\s+"
    rf"(?P<day>{w.alternation(w.WEEKDAYS)})\s+(?:(?:in|of)\s+)?(?P<month>{w.alternation(w.MONTHS)})"
    r"(?:,?\s+(?P<year>[12]\d{3}))?(?:\s+(?:року|года|р\.|г\.))?$")


# In running text: an ordinal, a weekday, "in"/"of" and a month (the finder widens a weekday
# or a month it found to this)
COUNTED = re.compile(
    rf"(?i)(?<![\w'’])(?:the\s+)?(?:{w.alternation(_ORDINALS)})\s+(?:{w.alternation(w.WEEKDAYS)})"
    rf"\s+(?:(?:in|of)\s+)?(?:{w.alternation(w.MONTHS)})(?:,?\s+[12]\d{{3}})?(?![\w'’])")


def _day(year: int, month: int, weekday: int, nth: int) -> date | None:
    days = [d for d in range(1, calendar.monthrange(year, month)[1] + 1)
            if date(year, month, d).weekday() == weekday]
    if nth == -1:
        return date(year, month, days[-1])
    return date(year, month, days[nth - 1]) if nth <= len(days) else None


def nth_weekday(phrase: str, dl: date | None, lean: int = 0) -> tuple[date | None, str] | None:
    """(the day, an explanation) for such a phrase, else None; (None, why) for a fifth
    Monday the month does not have, or no year and no dateline. lean, with no year: -1 the
    last such day before the dateline (a past clause), 1 the next (a future one), 0 the
    nearest."""
    m = _PHRASE.match(" ".join(phrase.lower().replace("’", "'").replace("ʼ", "'").split()))
    if m is None:
        return None
    nth, weekday, month = _ORDINALS[m.group("nth")], w.WEEKDAYS[m.group("day")], \
        w.MONTHS[m.group("month")]
    if m.group("year"):
        found = _day(int(m.group("year")), month, weekday, nth)
        how = "the year written"
    elif dl is not None:
        options = [d for y in (dl.year - 1, dl.year, dl.year + 1)
                   if (d := _day(y, month, weekday, nth)) is not None]
        if lean:
            options = [d for d in options if (d - dl).days * lean >= 0]
        found = min(options, key=lambda d: abs((d - dl).days)) if options else None
        how = {-1: "the last before", 0: "the nearest to", 1: "the next after"}[lean] + \
            f" the dateline {dl.isoformat()}"
    else:
        return None, f"'{phrase.strip()}': a weekday of a month, but no year and no dateline."
    if found is None:
        return None, f"'{phrase.strip()}': that month has no such weekday."
    which = "last" if nth == -1 else ("first", "second", "third", "fourth", "fifth")[nth - 1]
    return found, (f"'{phrase.strip()}': the {which} {w.WEEKDAY_NAMES[weekday]} of "
                   f"{calendar.month_name[month]} {found.year} ({how}): {found.isoformat()}.")
