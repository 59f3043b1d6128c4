"""Halves and quarters of a named year: "the second half of 2026", "Q3 2025", "у другій
половині 2026 року", "в первом квартале 2025 года" -> the months they cover, as an interval.

The finder reads the part's words as a longer form of the year it found (they come before
it); this module gives the value of the whole phrase.
"""

from __future__ import annotations

import re

_ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "final": 4, "last": 4,
    "перш": 1, "друг": 2, "трет": 3, "четверт": 4, "перв": 1, "втор": 2, "четвёрт": 4,
}
# the words before the year, over lower-cased text (the finder's) or a cleaned phrase
LEAD = re.compile(
    r"(?:(?:the\s+)?(first|1st|second|2nd|third|3rd|fourth|4th|final|last)\s+(half|quarter)"
    r"\s+of\s+"
    r"|(h[12]|q[1-4])\s+"
    r"|(перш|друг|трет|четверт|перв|втор|четвёрт)(?:ій|ому|ої|ий|ого|ом|ой|ая|ый|ое|ьому|ьої|ього|ьем|ьей|ьего)\s+"
    r"(половин[іаеуы]|квартал[іуае]?|півріччі|півріччя|полугоди[еия])\s+"
    r"|(i{1,3}|iv|і{1,3}|іv)\s+(квартал[іуае]?|кв|півріччя|півріччі|полугоди[еия])\s+)$")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "і": 1, "іі": 2, "ііі": 3, "іv": 4}  # Latin, Cyrillic


def lead_start(low: str, start: int) -> int | None:
    """Where a half's or quarter's words begin right before a year at ``start``, or None."""
    m = LEAD.search(low, max(0, start - 40), start)
    return m.start() if m else None


def read(cleaned: str) -> tuple[str, str] | None:
    """(ISO interval, explanation) for a half or quarter of a year, None for anything else."""
    year = re.search(r"[12]\d{3}", cleaned)
    if year is None:
        return None
    m = LEAD.search(cleaned.lower(), 0, year.start())
    if m is None or cleaned[:m.start()].strip(" ,.").lower() not in ("", "in", "у", "в", "во"):
        return None
    return _months(m, int(year.group()))


# A half or quarter with no year after it, as the finder meets it (over lower-cased text):
# "в первом квартале", "за перше півріччя", "the third quarter", "Q2", "the June quarter" (the
# quarter that ends in June, as Australian and New Zealand news count). "The last quarter"
# is the one before, not the fourth: left out.
ALONE = re.compile(
    r"(?<![\w'])(?:(?:the\s+)?(?:(first|second|third|fourth|1st|2nd|3rd|4th)"
    r"|(march|june|september|december))\s+quarter(?!\s+(?:of|century|final|mile|inch))"
    r"|(q[1-4])"
    r"|(перш|друг|трет|четверт|перв|втор|четвёрт)"
    r"(?:ій|ому|ої|ий|ого|ом|ой|ая|ый|ое|ьому|ьої|ього|ьем|ьей|ьего|е|ее)\s+"
    r"(квартал[іуае]?|півріччі|півріччя|полугоди[еия])"
    r"|(i{1,3}|iv|і{1,3}|іv)\s+(квартал[іуае]?|кв\.?|півріччя|півріччі"
    r"|полугоди[еия]))(?!\w)")
_QUARTER_ENDS = {"march": 1, "june": 2, "september": 3, "december": 4}


def read_yearless(cleaned: str, year: int) -> tuple[str, str] | None:
    """(ISO interval, explanation) for a half or quarter named without its year, taken in
    ``year`` (the dateline's, or the one its clause's tense asks for)."""
    low = cleaned.lower()
    m = LEAD.search(low + " ")
    if m is not None and low[:m.start()].strip() in ("", "in", "у", "в", "во", "за", "the"):
        return _months(m, year)
    alone = ALONE.search(low)
    if alone is None or low[:alone.start()].strip() not in (
            "", "in", "during", "over", "for", "у", "в", "во", "за"):
        return None
    return _alone(alone, year)


def _alone(m: re.Match[str], y: int) -> tuple[str, str] | None:
    if m.group(1):  # "the third quarter"
        n, part = _ORDINALS[m.group(1)], "quarter"
    elif m.group(2):  # "the June quarter"
        n, part = _QUARTER_ENDS[m.group(2)], "quarter"
    elif m.group(3):  # "Q2"
        n, part = int(m.group(3)[1]), "quarter"
    elif m.group(4):
        n = _ORDINALS[m.group(4)]
        part = "quarter" if m.group(5).startswith("квартал") else "half"
    else:
        n = _ROMAN[m.group(6)]
        part = "quarter" if m.group(7).startswith("кв") else "half"
    return _interval(part, n, y)


def _interval(part: str, n: int, y: int) -> tuple[str, str] | None:
    """(ISO interval, explanation) of the n-th half or quarter of year y."""
    months = 6 if part == "half" else 3
    if n * months > 12:
        return None
    first, last = (n - 1) * months + 1, n * months
    value = f"{y}-{first:02d}/{y}-{last:02d}"
    return value, f"The {part} {n} of {y}: months {first} to {last}, {value}."


def _months(m: re.Match[str], y: int) -> tuple[str, str] | None:
    if m.group(6):  # "II квартал", "I півріччя"
        kind = m.group(7)
        part, n = ("quarter" if kind.startswith("кв") else "half"), _ROMAN[m.group(6)]
    elif m.group(3):  # "H2", "Q3"
        part, n = ("half" if m.group(3)[0] == "h" else "quarter"), int(m.group(3)[1])
    elif m.group(1):
        part, n = m.group(2), _ORDINALS[m.group(1)]
    else:
        kind = m.group(5)
        part, n = ("quarter" if kind.startswith("квартал") else "half"), _ORDINALS[m.group(4)]
    return _interval(part, n, y)
