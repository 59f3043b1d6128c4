"""Seasons: "last summer", "the spring of 2023", "наступної весни", "летом 2023 года".

A season is the three months weather services count (northern hemisphere: spring is March
to May, winter December to February), so its value is a month interval. Only a season with
a year or a last/this/next word is a date; "in summer" alone names no particular one, and
"winter 2023" could be either end of that year, so it needs "winter 2022-23".
"""

from __future__ import annotations

import re
from datetime import date

from reader_app.domain import date_words as w
from reader_app.domain.date_hits import MONTH_NAMES, Hit, show

# season -> (first month, last month); winter's last month is in the next year
MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 2)}
WORDS: dict[str, str] = {word: season for season, words in {
    "spring": "spring весна весни весною навесні весні весной весны весне",
    "summer": "summer літо літа літом влітку улітку літі лето лета летом лету",
    "autumn": "autumn fall осінь осені осінню восени осенью осень осени",
    "winter": "winter зима зими зимою взимку узимку зимі зимой зимы зиме",
}.items() for word in words.split()}
# last/this/next as seasons take them: "минулого літа", "прошлым летом", "этой зимой"
SHIFTS: dict[str, int] = {**w.MODIFIERS, **{word: shift for shift, words in {
    -1: "минулим минулою прошлым прошлою",
    1: "наступним наступною следующим следующею будущим",
    0: "цим цією этим этою",
}.items() for word in words.split()}}
_YEAR_WORDS = r"(?:\s+(?:року|році|рік|р|года|году|год|г))?"
SEASON = re.compile(
    rf"(?:^|\s)(?:(?P<shift>{w.alternation(SHIFTS)})\s+)?(?:the\s+)?"
    rf"(?P<season>{w.alternation(WORDS)})"
    rf"(?:\s+(?:of\s+)?(?P<year>[12]\d{{3}})(?:\s*[-/]\s*(?P<next>\d{{2}}|[12]\d{{3}}))?"
    rf"{_YEAR_WORDS})?$")


def _months(season: str, year: int) -> tuple[date, date]:
    first, last = MONTHS[season]
    return date(year, first, 1), date(year + (last < first), last, 1)


# The words a bare season may come with: "before the spring", "к осени", "ще взимку"
_BARE = re.compile(
    rf"^(?:(?:in|the|by|before|until|till|since|during|through|over|early|late|ще|вже|уже|"
    rf"еще|ещё|к|ко|до|з|із|с|со|від|от|у|в|во|на|під|под|цієї|цього|этой|этим|этого|цим|"
    rf"цією|этою|this)\s+)*(?P<season>{w.alternation(WORDS)})$")


def placed(s: str, dl: date, lean: int) -> tuple[Hit, str, str] | None:
    """A season with no year or last/next ("взимку", "the spring", "цієї весни") the analyst
    tagged: the one under way at the dateline, else the last one before it (``lean`` -1, a
    past clause), the next one (+1, a future clause or a deadline), or the nearer (0)."""
    m = _BARE.match(s)
    if m is None:
        return None
    name = WORDS[m.group("season")]
    year = _around(name, dl, 0) if lean == 0 else _holding(name, dl)
    if year is None:
        year = _around(name, dl, lean)
    first, last = _months(name, year)
    where = {-1: "the last one before", 0: "the nearest to", 1: "the next one after"}[lean]
    if _holding(name, dl) == year:
        where = "the one under way at"
    months = f"{MONTH_NAMES[first.month - 1]} {first.year} to {MONTH_NAMES[last.month - 1]} " \
        f"{last.year}"
    hit = Hit(first, "interval", "interval", f"'{s}': {where} the dateline {show(dl)} "
              f"({months}, as weather services count it)")
    return hit, f"{first:%Y-%m}", f"{last:%Y-%m}"


def _holding(season: str, dl: date) -> int | None:
    """The year the season holding the dateline starts in, if the dateline is in one."""
    now = dl.year * 12 + dl.month - 1
    first = MONTHS[season][0] - 1
    return next((y for y in (dl.year - 1, dl.year) if y * 12 + first <= now <= y * 12 + first + 2),
                None)


def _around(season: str, dl: date, shift: int) -> int:
    """The year the season starts in: the latest one ended before the dateline's month
    (last), the first one starting after it (next), or (this) the one holding it, else
    the nearer of the one just ended and the one to come ("this winter" in March: the
    winter just past; in October: the one ahead)."""
    now = dl.year * 12 + dl.month - 1
    first = MONTHS[season][0] - 1
    starts = {y: y * 12 + first for y in range(dl.year - 2, dl.year + 2)}
    before = max(y for y, a in starts.items() if a + 2 < now)
    after = min(y for y, a in starts.items() if a > now)
    if shift < 0:
        return before
    if shift > 0:
        return after
    holding = [y for y, a in starts.items() if a <= now <= a + 2]
    if holding:
        return holding[0]
    return before if now - (starts[before] + 2) < starts[after] - now else after


def season(s: str, dl: date | None) -> tuple[Hit, str, str] | None:
    """(hit, first month, last month) of a season with a year or last/this/next in the
    cleaned phrase s; None when s is no such season."""
    m = SEASON.search(s)
    if m is None or not (m.group("shift") or m.group("year")):
        return None
    name = WORDS[m.group("season")]
    said = m.group(0).strip()
    if m.group("year"):
        year = int(m.group("year"))
        follow = m.group("next")
        if name == "winter":
            if follow is None or int(follow[-2:]) != (year + 1) % 100:
                return Hit(None, "month", "unresolved",
                           f"'{said}': say which winter (as in 'winter {year}-"
                           f"{(year + 1) % 100:02d}')"), "", ""
        elif follow is not None:
            return None  # "summer 2023-24" is no one season
        why = f"'{said}': the {name} of {year}" + (f"-{(year + 1) % 100:02d}"
                                                   if name == "winter" else "")
    else:
        if dl is None:
            return Hit(None, "month", "interval", f"'{said}'"), "", ""
        shift = SHIFTS[m.group("shift")]
        year = _around(name, dl, shift)
        where = {-1: "the last before", 0: "the one of", 1: "the first after"}[shift]
        why = f"'{said}': {where} the dateline {show(dl)}"
    first, last = _months(name, year)
    months = f"{MONTH_NAMES[first.month - 1]} to {MONTH_NAMES[last.month - 1]}" \
        if first.year == last.year else f"December {first.year} to February {last.year}"
    hit = Hit(first, "interval", "interval", f"{why} ({months}, as weather services count it)")
    return hit, f"{first:%Y-%m}", f"{last:%Y-%m}"
