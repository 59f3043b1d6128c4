"""The beginning, middle, end or a half of a month, year or week: "наприкінці березня",
"в начале июня", "the end of the year", "early September", "з початку року", "by the middle of
next year". Read when the analyst tags the whole phrase; the finder suggests it whole when it
is no deadline ("на початку травня"), the period alone after one ("June" in "by the end of
June"), as analysts tag them (date_finder).

A month's beginning, middle and end are its thirds (days 1-10, 11-20, 21 to the last), as
Ukrainian and Russian count them (декада); a year's are its first, middle and last two months
(January-February, June-July, November-December); a week's are Monday-Tuesday,
Wednesday-Thursday and Friday-Sunday. A deadline at the end ("by the end of February", "к
концу месяца") is that same end, as analysts value it (days 21 to the last); of a year ("до
кінця року") its last month, December. At the beginning ("by the start of May") it is the
first day; "since the start of the year" ("з початку року",
"с начала года") runs from its first day to the dateline.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

# The words before the period, over lower-cased text (apostrophes as "'"); group "bound"
# holds a leading "by"/"до"/"з", the other groups say which part.
_EN = (r"(?:(?P<en_bound>by|until|till|before|since|from|towards?)\s+)?the\s+(?:very\s+)?"
       r"(?:(?P<en_start>beginning|start)|(?P<en_middle>middle)|(?P<en_end>end|close)"
       r"|(?P<en_half>first|second)\s+half)\s+of\s+(?:the\s+)?"
       r"|(?<![\w-])(?:(?P<en_early>early)|(?P<en_mid>mid)|(?P<en_late>late))(?:\s+|-)")
_UK_RU = (r"(?<![\w'])(?:(?P<bound>до|з|із|від|після|с|со|от|после|к|ко)\s+)?"
          r"(?:(?:на|у|в|во|під|под)\s+)?"
          r"(?:(?P<start>початку|початок|начале|начала|начало|началу)"
          r"|(?P<middle>середині|середину|середини|середина|посередині|середине|середины)"
          r"|(?P<end>кінці|кінця|кінець|наприкінці|прикінці|конце|конца|конец|концу)"
          r"|(?P<half>першій|першої|другій|другої|первой|второй)\s+половин[іиеы])\s+")
WHOLE = re.compile(rf"^(?:{_EN}|{_UK_RU})(?=\S)")
# A period named by its unit alone: "the end of the year", "кінця місяця", "конца недели"
BARE_UNITS = {"year": "year", "року": "year", "рік": "year", "года": "year", "год": "year",
              "month": "month", "місяця": "month", "місяць": "month", "месяца": "month",
              "месяц": "month", "week": "week", "тижня": "week", "тиждень": "week",
              "недели": "week", "неделю": "week"}
_DEADLINES = frozenset("by until till before towards toward до к ко".split())
_SINCE = frozenset("since from з із від с со от".split())
BOUND_BEFORE = re.compile(r"(?<!\w)(by|until|till|before|since|from|до|к|ко|з|із|від|с|со|от)\s+$")


def split(phrase: str) -> tuple[str, str | None, int] | None:
    """(part, bound, where the period begins) for a phrase that opens with a part's words:
    part is start/middle/end/half1/half2, bound "by"/"since"/None."""
    low = phrase.lower().lstrip()
    if low[:low.find(" ")].rstrip("-") not in _OPENERS and not low.startswith("mid-"):
        return None  # the cheap test: most tags open with no part's word
    low = phrase.lower().replace("’", "'").replace("ʼ", "'")
    m = WHOLE.match(low)
    if m is None:
        return None
    groups = {k: v for k, v in m.groupdict().items() if v}
    part = next(k.split("_")[-1] for k in groups if "bound" not in k)
    part = {"early": "start", "mid": "middle", "late": "end"}.get(part, part)
    if part == "half":
        word = groups.get("half") or groups.get("en_half") or ""
        part = "half1" if word.startswith(("first", "перш", "перв")) else "half2"
    bound_word = groups.get("bound") or groups.get("en_bound")
    return part, _bound(bound_word), m.end()


# every word a part's phrase can open with
_OPENERS = frozenset(
    "by until till before since from toward towards the early mid late до з із від після с со "
    "от после к ко на у в во під под початку початок начале начала начало началу середині "
    "середину середини середина посередині середине середины кінці кінця кінець наприкінці "
    "прикінці конце конца конец концу першій першої другій другої первой второй".split())


def _bound(word: str | None) -> str | None:
    if word in _DEADLINES:
        return "by"
    if word in _SINCE:
        return "since"
    return None


def bound_before(text: str, start: int) -> str | None:
    """'by' / 'since' for the word right before the phrase ("by the end of the year")."""
    m = BOUND_BEFORE.search(text.lower(), max(0, start - 8), start)
    return _bound(m.group(1)) if m else None


def _span(value: str, granularity: str) -> tuple[date, date] | None:
    """The first and last day of a month, year or week value."""
    if granularity == "month":
        y, m = int(value[:4]), int(value[5:7])
        return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])
    if granularity == "year":
        y = int(value[:4])
        return date(y, 1, 1), date(y, 12, 31)
    if granularity == "week":
        monday = date.fromisocalendar(int(value[:4]), int(value[6:8]), 1)
        return monday, monday + timedelta(days=6)
    return None


def bare_period(unit: str, dl: date) -> tuple[str, str]:
    """(value, granularity) of "the year", "місяця", "недели": the dateline's own."""
    kind = BARE_UNITS[unit]
    if kind == "year":
        return f"{dl.year:04d}", "year"
    if kind == "month":
        return f"{dl.year:04d}-{dl.month:02d}", "month"
    year, week, _ = dl.isocalendar()
    return f"{year:04d}-W{week:02d}", "week"


def part_of(value: str, granularity: str, part: str, bound: str | None,
            dl: date | None) -> tuple[str, str, str] | None:
    """(ISO value, granularity, explanation) of the part of a month, year or week value."""
    span = _span(value, granularity)
    if span is None:
        return None
    first, last = span
    if granularity == "month":
        thirds = {"start": (1, 10), "middle": (11, 20), "end": (21, last.day),
                  "half1": (1, 15), "half2": (16, last.day)}[part]
        a, b = first.replace(day=thirds[0]), first.replace(day=thirds[1])
        iso_a, iso_b = a.isoformat(), b.isoformat()
    elif granularity == "year":
        months = {"start": (1, 2), "middle": (6, 7), "end": (11, 12), "half1": (1, 6),
                  "half2": (7, 12)}[part]
        a = date(first.year, months[0], 1)
        b = date(first.year, months[1], calendar.monthrange(first.year, months[1])[1])
        iso_a, iso_b = f"{a:%Y-%m}", f"{b:%Y-%m}"
    else:
        days = {"start": (0, 1), "middle": (2, 3), "end": (4, 6), "half1": (0, 3),
                "half2": (4, 6)}[part]
        a, b = first + timedelta(days=days[0]), first + timedelta(days=days[1])
        iso_a, iso_b = a.isoformat(), b.isoformat()
    name = {"start": "beginning", "middle": "middle", "end": "end", "half1": "first half",
            "half2": "second half"}[part]
    if bound == "by" and part == "end" and granularity == "year":
        return f"{last.year:04d}-12", "month", (f"A deadline at the end of {value}: its last "
                                               f"month, December {last.year}.")
    if bound == "by" and part == "end":
        return f"{iso_a}/{iso_b}", "interval", (f"A deadline at the end of {value}: its end, "
                                                f"{iso_a} to {iso_b}.")
    if bound == "by" and part == "start":
        return first.isoformat(), "day", (f"A deadline at the beginning of {value}: its "
                                          f"first day, {first.isoformat()}.")
    if bound == "since" and dl is not None and first <= dl and part == "start":
        end = min(dl, last) if last < dl else dl
        return (f"{first.isoformat()}/{end.isoformat()}", "interval",
                f"Since the beginning of {value}: from {first.isoformat()} to "
                f"{'the dateline ' if end == dl else ''}{end.isoformat()}.")
    return f"{iso_a}/{iso_b}", "interval", f"The {name} of {value}: {iso_a} to {iso_b}."
