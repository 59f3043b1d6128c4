"""A day told from the day before it in the story: "charged on 3 March and freed the following
day", "the day before", "наступного дня", "накануне". It counts from the last date of its
paragraph before it (which must be a day), never from the dateline: with no day told before
it, it stays unread."""

from __future__ import annotations

import re
from datetime import date, timedelta

# over a cleaned phrase (dates.clean)
SEQUEL = re.compile(
    r"(?:the |на )?(?:(?P<next>following|next|наступного|следующий|другой) (?:day|дня|день)"
    r"|(?P<prev>previous|попереднього|предыдущий) (?:day|дня|день)"
    r"|the day (?P<dir>after|before)|(?P<eve>напередодні|накануне))")
LOOK = 400  # characters back, within the paragraph


def shift(cleaned: str) -> int | None:
    """+1 / -1 for a phrase that is a day after / before the one told before it."""
    m = SEQUEL.fullmatch(cleaned)
    if m is None:
        return None
    return 1 if m.group("next") or m.group("dir") == "after" else -1


def day_before(text: str, start: int, dateline: str | None,
               language: str | None) -> tuple[date, str] | None:
    """(the day, its phrase) of the last date in the paragraph before text[start], if that
    date is a day."""
    from reader_app.domain.date_finder import scan  # the finder imports dates, which imports us
    from reader_app.domain.dates import resolve_in_text

    lo = max(0, start - LOOK)
    paragraph = text.rfind("\n", lo, start)
    lo = paragraph + 1 if paragraph >= 0 else lo
    for _kind, a, b in reversed(scan(text[lo:start])):
        found = resolve_in_text(text, lo + a, lo + b, dateline, language)
        if found.method in ("unresolved", "duration"):
            continue
        if found.granularity != "day" or found.value is None:
            return None
        return date.fromisoformat(found.value), text[lo + a:lo + b]
    return None


def sequel_day(text: str, start: int, end: int, dateline: str | None,
               language: str | None, step: int) -> tuple[str, str] | None:
    """(ISO day, explanation) for a sequel phrase at text[start:end], or None."""
    before = day_before(text, start, dateline, language)
    if before is None:
        return None
    day = before[0] + timedelta(days=step)
    where = "after" if step > 0 else "before"
    return day.isoformat(), (f"'{text[start:end].strip()}': the day {where} "
                             f"'{before[1].strip()}' ({before[0].isoformat()}), told just "
                             f"before it: {day.isoformat()}.")
