"""The intermediate result of one date rule, and small calendar helpers."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta

from reader_app.domain.date_words import WEEKDAY_NAMES

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")  # not calendar's: locale-free


@dataclass(frozen=True)
class Hit:
    """One date a rule found. ``first`` is None when it needs a dateline the article lacks
    (or, with method "unresolved", when the phrase names an impossible date)."""

    first: date | None
    granularity: str  # day | week | month | year
    method: str
    explanation: str
    yearless: tuple[int, int | None] | None = None  # (month, day) taken without a year

    @property
    def last(self) -> date | None:
        d = self.first
        if d is None:
            return None
        if self.granularity == "week":
            return d + timedelta(days=6)
        if self.granularity == "month":
            return d.replace(day=calendar.monthrange(d.year, d.month)[1])
        if self.granularity == "year":
            return date(d.year, 12, 31)
        return d

    @property
    def value(self) -> str | None:
        d = self.first
        if d is None:
            return None
        if self.granularity == "week":
            return iso_week(d)
        if self.granularity == "month":
            return f"{d.year:04d}-{d.month:02d}"
        if self.granularity == "year":
            return f"{d.year:04d}"
        return d.isoformat()

    def with_note(self, note: str) -> Hit:
        return replace(self, explanation=f"{self.explanation}; {note}")


def unresolved(explanation: str) -> Hit:
    return Hit(None, "day", "unresolved", explanation)


def show(d: date) -> str:
    """'Wed 2022-02-09' - how a dateline is named in explanations."""
    return f"{WEEKDAY_NAMES[d.weekday()][:3]} {d.isoformat()}"


def iso_week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def week_monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def shift_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def valid_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def nearest_year(month: int, day: int | None, ref: date) -> int | None:
    """The year (ref's or a neighbour) that puts (month, day) nearest to ref; a tie keeps
    ref's year. None for February 29 with no leap year among the three."""
    best: tuple[int, int, int] | None = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        if day is None:
            distance = abs((year * 12 + month) - (ref.year * 12 + ref.month))
        else:
            d = valid_day(year, month, day)
            if d is None:
                continue
            distance = abs((d - ref).days)
        key = (distance, abs(year - ref.year), year)
        best = key if best is None or key < best else best
    return None if best is None else best[2]


def yearless(month: int, day: int | None, year: int, why: str) -> Hit:
    """A day-month (or bare month) phrase placed in ``year``."""
    first = valid_day(year, month, 1 if day is None else day)
    if first is None:
        return unresolved(f"{yearless_label(month, day)} does not exist in {year}")
    return Hit(first, "month" if day is None else "day", "day-month", why, (month, day))


def yearless_label(month: int, day: int | None) -> str:
    return MONTH_NAMES[month - 1] + ("" if day is None else f" {day}")


def place_yearless(month: int, day: int | None, dl: date | None) -> Hit:
    label = yearless_label(month, day)
    if dl is None:
        return Hit(None, "month" if day is None else "day", "day-month",
                   f"{label} has no year", (month, day))
    year = nearest_year(month, day, dl)
    if year is None:
        return unresolved(f"{label} does not exist near {dl.year}")
    return yearless(month, day, year,
                    f"{label} has no year: took {year}, the nearest to the dateline {show(dl)}")


def reyear_after(hit: Hit, start: date) -> Hit:
    """Put a yearless interval end in the first year that does not end before ``start``."""
    month, day = hit.yearless or (1, None)
    for year in range(start.year, start.year + 9):
        moved = yearless(month, day, year, f"{yearless_label(month, day)} taken in {year}, "
                         f"the first year not before the interval's start")
        if moved.last is not None and moved.last >= start:
            return moved
    return hit


def reyear_before(hit: Hit, end: date) -> Hit:
    """Put a yearless interval start in the last year that does not begin after ``end``."""
    month, day = hit.yearless or (1, None)
    for year in range(end.year, end.year - 9, -1):
        moved = yearless(month, day, year, f"{yearless_label(month, day)} taken in {year}, "
                         f"the last year not after the interval's end")
        if moved.first is not None and moved.first <= end:
            return moved
    return hit
