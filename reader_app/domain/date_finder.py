"""Temporal expressions in a text (first version: absolute dates, weekdays, relative days)."""

from __future__ import annotations

import re
from typing import NamedTuple

from reader_app.domain.dates import resolve_date


class DateMention(NamedTuple):
    start: int
    end: int
    value: str | None
    granularity: str | None
    method: str
    explanation: str


_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_PATTERN = re.compile(
    rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?"
    r"|(?:(?:last|next|this)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|yesterday|today|tomorrow|\d{4}-\d{2}-\d{2})\b", re.IGNORECASE)


def find_dates(text: str, dateline: str | None, language: str | None) -> list[DateMention]:
    found = []
    for m in _PATTERN.finditer(text):
        resolved = resolve_date(m.group(), dateline, language)
        if resolved.value is not None:
            found.append(DateMention(m.start(), m.end(), resolved.value, resolved.granularity,
                                     resolved.method, resolved.explanation))
    return found
