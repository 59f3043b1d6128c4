"""ISO 8601 values of date tags: what is a real day, week, month, year or interval.

The one check used wherever a value comes in (typed in the editor, stored, a claim's
date), so none of them accepts 2022-02-30 or 2022-W54 while another refuses it.
"""

from __future__ import annotations

import re
from datetime import date

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
    try:
        if week:
            date.fromisocalendar(int(year), int(week), 1)
        elif month:
            date(int(year), int(month), int(day or 1))
    except ValueError:
        return None
    return _GRANULARITY[(bool(week), bool(month), bool(day))]


def iso_granularity(value: str) -> str | None:
    """day / week / month / year / interval of a real ISO 8601 value, else None."""
    parts = value.split("/")
    if len(parts) > 2 or any(_part_granularity(p) is None for p in parts):
        return None
    return "interval" if len(parts) == 2 else _part_granularity(parts[0])


def looks_like_iso(value: str) -> bool:
    """Typed as an ISO value (digits, W, -, /), whether or not it is a real date."""
    return bool(_ISO_SHAPE.fullmatch(value))


def not_a_date(value: str) -> str:
    return (f"“{value}” is not a date; type one such as 2022-02-10, 2022-W07,"
            " 2022-02, 2022 or 2022-02-14/2022-02-20.")
