"""Days of the month written as ordinal words: "третього вересня", "двадцять першого жовтня",
"двадцать пятого октября", "перше травня", "the third of October", "November first".

``digits`` rewrites them as numbers for the date rules ("третього вересня" -> "3 вересня");
``LEAD`` and ``TAIL`` find them around a month word for the finder.
"""

from __future__ import annotations

import re

from reader_app.domain import date_words as w

_UK = {"перш": 1, "друг": 2, "трет": 3, "четверт": 4, "п'ят": 5, "шост": 6, "сьом": 7,
       "восьм": 8, "дев'ят": 9, "десят": 10, "одинадцят": 11, "дванадцят": 12,
       "тринадцят": 13, "чотирнадцят": 14, "п'ятнадцят": 15, "шістнадцят": 16,
       "сімнадцят": 17, "вісімнадцят": 18, "дев'ятнадцят": 19, "двадцят": 20, "тридцят": 30}
_RU = {"перв": 1, "втор": 2, "трет": 3, "четверт": 4, "четвёрт": 4, "пят": 5, "шест": 6,
       "седьм": 7, "восьм": 8, "девят": 9, "десят": 10, "одиннадцат": 11, "двенадцат": 12,
       "тринадцат": 13, "четырнадцат": 14, "пятнадцат": 15, "шестнадцат": 16,
       "семнадцат": 17, "восемнадцат": 18, "девятнадцат": 19, "двадцат": 20, "тридцат": 30}
_EN = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
       "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
       "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
       "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
       "thirtieth": 30}
# the genitive and the nominative neuter a date takes: "третього", "третє", "третьего", "третье"
ORDINALS: dict[str, int] = {
    **{stem + end: n for stem, n in _UK.items() for end in ("ого", "ього", "е", "є")},
    **{stem + end: n for stem, n in _RU.items() for end in ("ого", "ьего", "ое", "ье")},
    **_EN}
_TENS = {"двадцять": 20, "тридцять": 30, "двадцать": 20, "тридцать": 30, "twenty": 20,
         "thirty": 30}
_ORD = w.alternation(ORDINALS)
_MONTH = w.alternation(w.MONTHS)
_NUMBER = rf"(?:(?P<tens>{w.alternation(_TENS)})[\s-]+)?(?P<unit>{_ORD})"
# before a month ("the third of October" needs its "of"), or after one ("November first")
BEFORE = re.compile(rf"(?<![\w']){_NUMBER}(?=\s+(?:of\s+)?(?:{_MONTH})(?!\w))")
_EN_MONTH = w.alternation(x for x in w.MONTHS if x.isascii())
AFTER = re.compile(rf"\b(?P<month>{_EN_MONTH})\s+{_NUMBER}(?![\w'-])")
LEAD = re.compile(rf"(?<![\w']){_NUMBER}\s+(?:of\s+)?$")
TAIL = re.compile(rf"\s+{_NUMBER}(?![\w'-])")


_WORDS = re.compile(r"[^\W\d_][\w']*")


def value(m: re.Match[str]) -> int | None:
    """The day a match of _NUMBER names (None when it is no day: "twenty tenth")."""
    unit = ORDINALS[m.group("unit")]
    tens = _TENS.get(m.group("tens") or "", 0)
    if tens and unit >= 10:
        return None
    day = tens + unit
    return day if 1 <= day <= 31 else None


def _english_ok(m: re.Match[str], s: str) -> bool:
    """An English ordinal before a month needs "of": "the first of May", not "first May"."""
    return not m.group("unit").isascii() or s.startswith(" of", m.end())


def digits(s: str) -> str:
    """The lower-case phrase with ordinal days before or after a month as numbers."""
    def before(m: re.Match[str]) -> str:
        day = value(m)
        return str(day) if day is not None and _english_ok(m, s) else m.group(0)

    def after(m: re.Match[str]) -> str:
        day = value(m)
        if day is None or not m.group("unit").isascii():
            return m.group(0)
        return f"{m.group('month')} {day}"

    if not any(x in ORDINALS for x in _WORDS.findall(s)):
        return s  # the cheap test: most phrases hold no ordinal word
    return AFTER.sub(after, BEFORE.sub(before, s))
