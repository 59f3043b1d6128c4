"""ISO 8601 values of date tags: what is a real day, week, month, year or interval.

The one check used wherever a value comes in (typed in the editor, stored, a claim's
date), so none of them accepts 2022-02-30 or 2022-W54 while another refuses it.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

# What a date tag's value can be: a day, an ISO week, a month, a year or an interval.
GRANULARITIES = ("day", "week", "month", "year", "interval")

_PART_SHAPE = r"(\d{4})(?:-W(\d{2})|-(\d{2})(?:-(\d{2}))?)?"
_PART = re.compile(_PART_SHAPE)
# The shape of a value (for an input mask); iso_granularity checks the calendar too.
ISO_VALUE_SHAPE = rf"{_PART_SHAPE}(?:/{_PART_SHAPE})?"
_GRANULARITY = {(False, False, False): "year", (False, True, False): "month",
                (False, True, True): "day", (True, False, False): "week"}
_ISO_SHAPE = re.compile(r"\d{4}[\dW/-]*")  # what an analyst types when typing ISO


def _part_granularity(part: str) -> str | None:
    m = _PART.fullmatch(part)
    if m is None:
        return None
    year, week, month, day = m.groups()
    try:  # every day it covers must be a real date (no year 0, no week ending in 10000)
        _first_and_last_day(part)
    except (ValueError, OverflowError):
        return None
    return _GRANULARITY[(bool(week), bool(month), bool(day))]


def _first_and_last_day(part: str) -> tuple[date, date]:
    """The days a real part covers (2022-02 -> Feb 1 and Feb 28)."""
    m = _PART.fullmatch(part)
    assert m is not None  # callers pass parts of the right shape
    year, week, month, day = m.groups()
    if week:
        return (date.fromisocalendar(int(year), int(week), 1),
                date.fromisocalendar(int(year), int(week), 7))
    if day:
        one = date(int(year), int(month), int(day))
        return one, one
    if month:
        last = calendar.monthrange(int(year), int(month))[1]  # 9999-12 too: no day after
        return date(int(year), int(month), 1), date(int(year), int(month), last)
    return date(int(year), 1, 1), date(int(year), 12, 31)


def _is_reversed(parts: list[str]) -> bool:
    """An interval that ends before it starts (2022-03-01/2022-02-01)."""
    return _first_and_last_day(parts[0])[0] > _first_and_last_day(parts[1])[1]


def iso_granularity(value: str) -> str | None:
    """day / week / month / year / interval of a real ISO 8601 value, else None
    (an interval must not end before it starts)."""
    parts = value.split("/")
    if len(parts) > 2 or any(_part_granularity(p) is None for p in parts):
        return None
    if len(parts) == 2:
        return None if _is_reversed(parts) else "interval"
    return _part_granularity(parts[0])


def looks_like_iso(value: str) -> bool:
    """Typed as an ISO value (digits, W, -, /), whether or not it is a real date."""
    return bool(_ISO_SHAPE.fullmatch(value))


def not_a_date(value: str) -> str:
    parts = value.split("/")
    if len(parts) == 2 and all(_part_granularity(p) for p in parts) and _is_reversed(parts):
        return (f"“{value}” is not a date: the interval ends before it starts; type the"
                " earlier date first, such as 2022-02-14/2022-02-20.")
    return (f"“{value}” is not a date; type one such as 2022-02-10, 2022-W07,"
            " 2022-02, 2022 or 2022-02-14/2022-02-20.")


def iso_extent(value: str) -> tuple[date, date] | None:
    """The first and last day a real ISO value covers (2022-W07 -> Feb 14 and Feb 20,
    2022-02-14/2022-03 -> Feb 14 and Mar 31); None if it is not a real value."""
    if iso_granularity(value) is None:
        return None
    parts = value.split("/")
    return _first_and_last_day(parts[0])[0], _first_and_last_day(parts[-1])[1]
