"""Date normalization for date tags: a tagged phrase + the article's dateline -> ISO 8601.

Rules for what news text means ("on Thursday" = the Thursday nearest the dateline, "Feb. 20"
= the nearest Feb. 20, "1997" = a year, "Feb. 13-19" = an interval) come first; dateparser is
the base for the rest. See DESIGN.md, "dateparser" landmine.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from reader_app.domain import date_context as ctx
from reader_app.domain import date_edges, date_fiscal, date_ordinals, date_parts
from reader_app.domain import date_words as w
from reader_app.domain.date_durations import is_duration
from reader_app.domain.date_fallback import dateparser_hit
from reader_app.domain.date_hemisphere import southern, swapped
from reader_app.domain.date_hits import Hit, reyear_after, reyear_before, shift_months, show
from reader_app.domain.date_holidays import holiday_days, holiday_of_year
from reader_app.domain.date_nth_weekday import nth_weekday
from reader_app.domain.date_periods import decade, weekend
from reader_app.domain.date_rules import MONTH_WORD, NEAREST, YEAR_WORD, resolve_single
from reader_app.domain.date_seasons import placed as season_placed
from reader_app.domain.date_seasons import season
from reader_app.domain.date_sequels import sequel_day
from reader_app.domain.date_sequels import shift as sequel_shift
from reader_app.domain.date_tense import FUTURE, PAST, tense_around
from reader_app.domain.iso_values import GRANULARITIES

__all__ = ["GRANULARITIES", "METHODS", "ResolvedDate", "resolve_date", "resolve_in_text"]

METHODS = ("absolute", "weekday", "relative", "week", "day-month", "year", "interval",
           "dateparser", "unresolved-undated", "unresolved", "duration")


@dataclass(frozen=True)
class ResolvedDate:
    value: str | None  # "2022-02-10" | "2022-W07" | "2022-02" | "1997" | "2022-02-14/2022-02-20"
    granularity: str | None  # one of GRANULARITIES, None when unresolved
    method: str  # one of METHODS
    explanation: str  # one sentence for the analyst


MAX_PHRASE = 200  # a date phrase is short; a whole tagged paragraph is not one
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_STARTS = w.alternation(["between", "from", "з", "із", "від", "між", "с", "со", "от", "между"])
_JOINS_AFTER_START = re.compile(
    r"\s+(?:and|to|until|till|through|thru|і|й|та|до|по|и|-)\s+")
_JOINS_BARE = re.compile(r"\s+(?:to|until|till|through|thru|-)\s+")
_START = re.compile(rf"(?:^|\s)(?:{_STARTS})\s+(?=\S)")
_YEAR_COMPANIONS = {*w.QUALIFIERS, "in", "the", "of", "year", "early", "mid", "late", "end",
                    "around", "circa", "у", "в", "рік", "року", "році", "р", "год", "года",
                    "году", "г"}
_QUALIFIER = re.compile(rf"^({w.alternation(w.QUALIFIERS)})\s+(?=\S)")


_SHORT_DECADE = re.compile(rf"(?<!\d)([2-9]0)-т?е\b(?!\s+(?:{w.alternation(w.MONTHS)})\b)")


def clean(phrase: str) -> str:
    """Lower-case, NFKC, one kind of apostrophe/dash, punctuation out, spaces collapsed."""
    s = unicodedata.normalize("NFKC", phrase).lower()
    s = re.sub(r"[’‘ʼ`´]", "'", s)
    s = re.sub(r"[‐‑‒–—―−]", " - ", s)
    s = re.sub(r"\b\d{1,2}:\d{2}(?::\d{2})?\b", " ", s)  # times of day
    s = date_ordinals.digits(s)  # "третього вересня" -> "3 вересня"
    s = _SHORT_DECADE.sub(r"\1 - е", s)  # "в 90-е": a decade, not "the 90th"
    s = re.sub(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th|-(?:го|ого|е|я|й|ге|те|му))\b", r"\1", s)
    s = re.sub(r"\bmid-", "mid ", s)
    s = re.sub(r"(?<![^\W\d_])'(?!\d0s\b)|'(?![^\W\d_]|\d0s\b)", " ", s)  # "'90s" stays
    s = re.sub(r"\.(?!\d)|(?<!\d)\.", " ", s)
    s = re.sub(r"(?<!\d)/|/(?![\dw])", " ", s)
    s = re.sub(r"-(?=[^\W\d_])(?!w\d)|(?<=[^\W\d_])-", " - ", s)
    s = re.sub(r"[^\w\s'./-]|_", " ", s)
    s = re.sub(r"^[\s./-]+|[\s./-]+$", "", s)  # "1998-", "May 5." : a trailing mark is no part
    return " ".join(s.split())


_clean = lru_cache(maxsize=8192)(clean)


def languages_for(phrase: str, language: str | None) -> tuple[str, ...]:
    """Languages to hand dateparser (from the phrase's script first, then the article's),
    plus the article's own language last."""
    lang = (language or "en").strip().lower().split("-")[0].split("_")[0] or "en"
    if _CYRILLIC.search(phrase):
        low = phrase.lower()
        if any(c in low for c in w.UK_ONLY_LETTERS):
            return ("uk", "ru", lang)
        if any(c in low for c in w.RU_ONLY_LETTERS) or lang == "ru":
            return ("ru", "uk", lang)
        return ((lang, "uk", "ru") if lang not in ("uk", "en") else ("uk", "ru")) + (lang,)
    return ("en" if lang in ("uk", "ru", "be", "bg", "sr", "mk", "kk") else lang, lang)


def _parse_dateline(dateline: str | None) -> date | None:
    try:
        return date.fromisoformat(dateline.strip()[:10]) if dateline else None
    except (ValueError, TypeError, AttributeError):
        return None


def _single(s: str, dl: date | None, langs: tuple[str, ...]) -> Hit | None:
    # langs[-1] is the article's own language (see languages_for): it decides 2/10 vs 10/2.
    hit = resolve_single(s, dl, month_first=langs[-1] == "en")
    if hit is not None and (hit.method != "year" or set(s.split()) <= _YEAR_COMPANIONS | {
            hit.value}):
        return hit
    # Nothing, or a year among words the rules do not know ("10. märz 2022"): ask dateparser.
    better = dateparser_hit(s, dl, langs[:-1])
    if hit is None or (better and better.first and better.granularity != "year"):
        return better
    return hit


def _borrow(end: str, other: str) -> str:
    """'19' in 'Feb. 13-19' borrows the other end's month (and year)."""
    bare = re.fullmatch(r"(\d{1,2})(?: (\d{4}))?", end)
    if bare is None:
        return end
    month, year = MONTH_WORD.search(other), YEAR_WORD.search(end) or YEAR_WORD.search(other)
    if month is None:
        month = re.search(rf"\b({w.alternation(w.MONTH_ABBREVIATIONS)})\b", other)
    return end if month is None else " ".join(
        x for x in (month.group(0), bare.group(1), year.group(0) if year else "") if x)


def _join(a: Hit, b: Hit) -> tuple[Hit, str, str] | None:
    if a.method == "unresolved" or b.method == "unresolved":
        return None
    if a.yearless and b.first is not None and (a.first is None or not b.yearless):
        a = reyear_before(a, b.last or b.first)
    if b.yearless and a.first is not None:
        b = reyear_after(b, a.first)
    if a.first is None or b.first is None:
        return Hit(None, "day", "interval", f"interval: {a.explanation}; {b.explanation}"), "", ""
    if (b.last or b.first) < a.first:
        return None
    return (Hit(a.first, "interval", "interval",
                f"Interval from {a.value} to {b.value} ({a.explanation}; {b.explanation})"),
            a.value or "", b.value or "")


def _interval(s: str, dl: date | None, langs: tuple[str, ...]) -> tuple[Hit, str, str] | None:
    period = decade(s, dl) or weekend(s, dl) or season(s, dl)
    if period is not None:
        return period
    s = re.sub(r"(?<![\d-])(\d{1,2}|\d{4})-(\d{1,2}|\d{4})(?![\d-])", r"\1 - \2", s)
    start = _START.search(s)
    body, joins = (s[start.end():], _JOINS_AFTER_START) if start else (s, _JOINS_BARE)
    pairs: list[tuple[str, ...]] = [
        (body[:j.start()], body[j.end():]) for j in joins.finditer(body)]
    if not pairs and re.fullmatch(r"[^\s/]+/[^\s/]+", s):
        pairs = [tuple(s.split("/"))]  # an ISO 8601 interval
    for left, right in pairs:
        left, right = _borrow(left, right), _borrow(right, left)
        a = _single(left, dl, langs)
        b = _single(right, dl, langs) if a else None
        joined = _join(a, b) if a and b else None
        if joined is not None:
            return joined
    return None


def _resolve(phrase: str, dl: date | None, langs: tuple[str, ...]) -> ResolvedDate:
    s = clean(phrase)
    shown = phrase.strip()[:60]
    if len(s) > MAX_PHRASE:
        return ResolvedDate(None, None, "unresolved",
                            f"Not read as a date: longer than {MAX_PHRASE} characters")
    if is_duration(s):
        return ResolvedDate(None, None, "duration",
                            f"'{shown}' is a length of time, not a date: left unresolved.")
    split = ctx.split_relative_year(s, dl) if dl is not None else None
    if split is not None:  # "March last year", "січні минулого року": the month of that year
        head, year, words = split
        own = _resolve(head, dl, langs)
        if own.method == "day-month" and own.granularity in ("day", "month"):
            found = _resolve(f"{head} {year}", dl, langs)
            if found.value is not None:
                return replace(found, method="relative",
                               explanation=f"{found.explanation[:-1]}; the year {year} "
                               f"comes from '{words}' after it.")
    part = date_parts.read(s)
    if part is not None:  # "the second half of 2026": its months
        return ResolvedDate(part[0], "interval", "interval", part[1])
    split_year = date_fiscal.read(s)
    if split_year is not None:  # "2024-25": two years as one
        return ResolvedDate(split_year[0], "interval", "interval", split_year[1])
    interval = _interval(s, dl, langs)
    hit: Hit | None
    if interval is not None:
        hit, start, end = interval
        if hit.first is not None:
            return ResolvedDate(f"{start}/{end}", "interval", "interval", hit.explanation + ".")
    else:
        qualifier = _QUALIFIER.match(s)
        hit = _single(s[qualifier.end():] if qualifier else s, dl, langs)
        if hit is not None and qualifier:
            hit = hit.with_note(f"'{qualifier.group(1)}' marks a bound of a period: this is "
                                "the bounding date itself")
    if hit is None or hit.method == "unresolved":
        why = hit.explanation if hit else "no date recognized"
        return ResolvedDate(None, None, "unresolved", f"Could not resolve '{shown}': {why}.")
    if hit.first is None:
        return ResolvedDate(None, None, "unresolved-undated",
                            f"The article has no dateline, so the relative date '{shown}' "
                            f"stays unresolved ({hit.explanation}).")
    return ResolvedDate(hit.value, hit.granularity, hit.method, hit.explanation + ".")


def resolve_date(phrase: str, dateline: str | None, language: str | None = "en") -> ResolvedDate:
    """Normalize a tagged date phrase against the article's ISO dateline ("YYYY-MM-DD").

    Never raises: anything it cannot read comes back with value None and method "unresolved".
    """
    try:
        text = str(phrase)
        return _resolve(text, _parse_dateline(dateline), languages_for(text, language))
    except Exception as exc:  # noqa: BLE001 - a tag must never crash the reader
        return ResolvedDate(None, None, "unresolved",
                            f"Could not resolve the phrase ({type(exc).__name__})")


@lru_cache(maxsize=8192)
def _cached(phrase: str, dateline: str | None, language: str | None) -> ResolvedDate:
    return resolve_date(phrase, dateline, language)


def resolve_in_text(text: str, start: int, end: int, dateline: str | None,
                    language: str | None = "en") -> ResolvedDate:
    """resolve_date for the span text[start:end], read with the words around it: a month
    coordinated with a later year borrows it ("March" in "March and April 2023"), a bare day
    its month ("3" in "on 3 and 5 May"), a weekday with no modifier follows its clause's tense
    ("said on Friday": the Friday before the dateline), "two days" before "ago" is a date and
    "in 50 years" outside a future clause a duration. Never raises."""
    try:
        text, start, end = str(text), max(0, start), min(len(text), end)
        south = swapped(text[start:end], language) if southern(text) else None
        if south is not None:  # "this winter" in a New Zealand story: June to August
            found = _in_text(text[:start] + south + text[end:], start, start + len(south),
                             dateline, language)
            if found.method == "interval":
                return replace(found, explanation=found.explanation.replace(
                    south.strip(), text[start:end].strip()).replace(
                    "as weather services count it", "as the southern hemisphere counts it"))
        return _in_text(text, start, end, dateline, language)
    except Exception as exc:  # noqa: BLE001 - a tag must never crash the reader
        return ResolvedDate(None, None, "unresolved",
                            f"Could not resolve the phrase ({type(exc).__name__})")


_FOUR_DIGITS = re.compile(r"\d{4}")


def _in_text(text: str, start: int, end: int, dateline: str | None,
             language: str | None) -> ResolvedDate:
    phrase = text[start:end]
    dl0 = _parse_dateline(dateline)
    counted = nth_weekday(phrase, dl0)
    if counted is not None and not _FOUR_DIGITS.search(phrase) and \
            tense_around(text, start, end)[0] == FUTURE:  # "пройдут в последнее воскресенье мая"
        counted = nth_weekday(phrase, dl0, 1)
    if counted is not None:  # "the last Monday in November"
        if counted[0] is None:
            return ResolvedDate(None, None, "unresolved", counted[1])
        return ResolvedDate(counted[0].isoformat(), "day", "day-month", counted[1])
    of_year = holiday_of_year(phrase)
    if of_year is not None:  # "Christmas 2021": its year is written
        return ResolvedDate(of_year.isoformat(), "day", "day-month",
                            f"'{phrase.strip()}' is a holiday of the year written: "
                            f"{of_year.isoformat()}.")
    if dl0 is not None and _LAST_YEARS.fullmatch(phrase.strip()):  # "прошлогодней засухи"
        return ResolvedDate(f"{dl0.year - 1:04d}", "year", "relative",
                            f"'{phrase.strip()}' is of last year: {dl0.year - 1}.")
    if _SPLIT_YEAR.search(phrase):  # "the 2026-27 budget": the year its country counts
        split_year = date_fiscal.read(clean(phrase), text, start, end)
        if split_year is not None:
            return ResolvedDate(split_year[0], "interval", "interval", split_year[1])
    if dl0 is not None and date_fiscal.RELATIVE.search(phrase):  # "this financial year"
        fiscal = date_fiscal.relative(phrase, text, dl0.year, dl0.month)
        if fiscal is not None:
            return ResolvedDate(fiscal[0], "interval", "relative", fiscal[1])
    night = _NIGHT.match(phrase) if "ноч" in phrase or "ніч" in phrase else None
    if night is not None:  # "в ночь с 3 на 4 октября": the two days the night joins
        nights = _night(text, start + night.start(2), end, int(night.group(1)), dateline,
                        language)
        if nights is not None:
            return nights
    edge = date_edges.split(phrase)
    if edge is not None:  # "наприкінці березня", "the end of the year": a part of a period
        edged = _edge(text, start, end, edge, dateline, language)
        if edged is not None:
            return edged
    step = sequel_shift(clean(phrase)) if _SEQUEL_WORDS.search(phrase) else None
    if step is not None:  # "the following day": from the day told before it
        sequel = sequel_day(text, start, end, dateline, language, step)
        if sequel is None:
            return ResolvedDate(None, None, "unresolved",
                                f"'{phrase.strip()}' counts from a day told before it, and its "
                                "paragraph names none.")
        return ResolvedDate(sequel[0], "day", "relative", sequel[1])
    if dl0 is not None and date_parts.ALONE.search(phrase.lower()) and not _FOUR_DIGITS.search(
            phrase):  # "the June quarter" is no month, "в первом квартале" needs its year
        part = _yearless_part(text, start, end, phrase, dl0)
        if part is not None:
            return part
    result = _cached(phrase, dateline, language)
    before = text[max(0, start - 12):start].lower()
    between = _BETWEEN_BEFORE.search(before) if "tween" in before or "між" in before or \
        "межд" in before else None
    if between and _PAIR.search(phrase) and result.method != "interval":
        # "warnings issued between [June and November]": the "between" before the tag joins
        joined = _cached(f"{between.group(1)} {phrase}", dateline, language)
        if joined.method == "interval":
            return joined
    if result.method == "unresolved":
        days = holiday_days(phrase, dl0) if dl0 is not None else None
        if dl0 is not None and days is not None:
            return _holiday(text, start, end, phrase, days, dl0)
    if (result.method == "interval" and result.value and dl0 is not None
            and not YEAR_WORD.search(phrase) and MONTH_WORD.search(_clean(phrase))):
        moved_interval = _interval_by_tense(text, start, end, result, dl0)
        if moved_interval is not None:  # "березень–квітень" in a past clause
            return moved_interval
    if result.method == "unresolved" and dl0 is not None:
        part = _yearless_part(text, start, end, phrase, dl0)
        if part is not None:  # "у другому кварталі", "во втором полугодии"
            return part
    if result.method == "unresolved" or result.method == "interval" and _THIS_SEASON.search(
            phrase):
        season_read = _season_by_tense(text, start, end, phrase, dateline)
        if season_read is not None:  # "взимку", "the spring", "цієї весни" in a past clause
            return season_read
    weekend_read = _weekend_by_tense(text, start, end, phrase, dateline, language, result)
    if weekend_read is not None:  # "talks collapsed over the weekend" on a Thursday
        return weekend_read
    if result.method == "duration":
        wider = ctx.amount_phrase(text, start, end)
        if wider is None:
            return result
        widened = _cached(wider, dateline, language)
        if widened.method in ("duration", "unresolved"):
            return result
        result, phrase = widened, wider
    dl = _parse_dateline(dateline)
    if result.method == "relative" and ctx.is_in_amount(_clean(phrase)):
        tense, cue = tense_around(text, start, end)
        if tense != FUTURE:
            why = f" ('{cue}')" if cue else ""
            return ResolvedDate(None, None, "duration",
                                f"'{phrase.strip()[:60]}' is read as a length of time, not a "
                                f"date: its clause is not in the future tense{why}.")
        return result
    if result.method == "unresolved" and ctx.is_bare_day(phrase):
        month = ctx.month_for_day(text, start, end)
        if month is None:
            return result
        found = _cached(f"{phrase} {month}", dateline, language)
        if found.value is None:
            return result
        return replace(found, explanation=f"{found.explanation[:-1]}; the month comes from "
                       f"the dates coordinated with it ('{month}').")
    if result.method == "day-month" and result.granularity in ("day", "month"):
        year = ctx.year_after(text, end)
        if year is not None:
            found = _cached(f"{phrase} {year}", dateline, language)
            if found.value is not None:
                return replace(found, explanation=f"{found.explanation[:-1]}; the year "
                               f"{year} comes from the dates coordinated with it.")
        if dl is not None and result.value is not None:
            relative = ctx.relative_year(text, start, end, dl)
            if relative is not None and _against_tense(text, start, end, relative[0], dl):
                relative = None  # "торік … відвідували, а у вересні їх буде": not last year's
            if relative is not None and len(result.value) >= 7:
                found = _cached(f"{phrase} {relative[0]}", dateline, language)
                if found.value is not None:
                    return replace(found, explanation=f"{found.explanation[:-1]}; the year "
                                   f"{relative[0]} comes from '{relative[1]}' in its sentence.")
            return _by_tense(text, start, end, result, dl)
        return result
    if result.method == "weekday" and (written := ctx.date_after(text, end)):
        found = _cached(f"{phrase} {written}", dateline, language)
        if found.value is not None and found.granularity == "day":
            return replace(found, explanation=f"{found.explanation[:-1]}; the date is written "
                           f"after the weekday ('{written}').")
    if (result.method == "weekday" and NEAREST in result.explanation and dl is not None
            and result.value is not None):
        placed = ctx.placed_weekday(text, start, end, result.value, dl)
        if placed is not None:
            return replace(result, value=placed[0], explanation=placed[1])
    return result


_NIGHT = re.compile(r"(?i)^\s*(?:(?:в|у)\s+)?(?:ніч|ночь)\s+(?:з|із|с|со)\s+(\d{1,2})\s+на\s+"
                    r"(\d{1,2}\s+\S)")


def _night(text: str, start: int, end: int, first_day: int, dateline: str | None,
           language: str | None) -> ResolvedDate | None:
    """The night from one day to the next: the interval of the two days."""
    found = _in_text(text, start, end, dateline, language)
    if found.value is None or found.granularity != "day":
        return None
    last = date.fromisoformat(found.value)
    first = last - timedelta(days=1)
    if first.day != first_day:
        return None
    return ResolvedDate(f"{first.isoformat()}/{last.isoformat()}", "interval", "interval",
                        f"The night from {first.isoformat()} to {last.isoformat()} "
                        f"({found.explanation.rstrip('.')}).")


def _edge(text: str, start: int, end: int, edge: tuple[str, str | None, int],
          dateline: str | None, language: str | None) -> ResolvedDate | None:
    """The beginning, middle, end or half of the month, year or week the phrase names after
    its part's words, that period read in its sentence as a phrase of its own would be."""
    part, bound, offset = edge
    rest = text[start + offset:end]
    dl = _parse_dateline(dateline)
    unit = clean(rest).removeprefix("the ")
    if unit in date_edges.BARE_UNITS:
        if dl is None:
            return ResolvedDate(None, None, "unresolved-undated",
                                f"The article has no dateline, so '{text[start:end].strip()}' "
                                "stays unresolved.")
        value, granularity = date_edges.bare_period(unit, dl)
        why = f"'{rest.strip()}' is the dateline's"
    else:
        found = _in_text(text, start + offset, end, dateline, language)
        if found.value is None or found.granularity not in ("month", "year", "week"):
            return None
        value, granularity, why = found.value, found.granularity, found.explanation
    read = date_edges.part_of(value, granularity, part, bound or date_edges.bound_before(
        text, start), dl)
    if read is None:
        return None
    return ResolvedDate(read[0], read[1], "interval" if read[1] == "interval" else "relative",
                        f"{read[2][:-1]} ({why.rstrip('.')}).")


# "last year's", "прошлогодний", "минулорічний", "торішній": an adjective of the year before
_LAST_YEARS = re.compile(r"(?i:last\s+year['’]s|(?:прошлогодн|минулорічн|торішн|торічн)[а-яіїє]{1,4})")
_SPLIT_YEAR = re.compile(r"[12]\d{3}\s*[-–—/]\s*\d{2}(?![\d./–—-])")  # not "2021-03-15"
_SEQUEL_WORDS = re.compile(  # the words date_sequels reads: a cheap test before clean()
    r"(?i)(?:following|next|previous)\s+day|day\s+(?:after|before)|(?:наступного|"
    r"попереднього)\s+дня|(?:следующий|другой|предыдущий)\s+день|напередодні|накануне")


_BETWEEN_BEFORE = re.compile(r"(?i)(?<!\w)(between|між|между)\s+$")
_PAIR = re.compile(r"(?i)\s(?:and|і|й|та|и)\s")
_DEADLINE = r"(?:by|before|until|till|к|ко|до)"  # a season after it is the next one
_DEADLINE_BEFORE = re.compile(rf"(?i)(?<!\w){_DEADLINE}\s+$")
_DEADLINE_FIRST = re.compile(rf"{_DEADLINE}\s")
_THIS_SEASON = re.compile(r"(?i)^\s*(?:this|цієї|цього|цим|цією|этой|этим|этого|этою)\s")


def _season_by_tense(text: str, start: int, end: int, phrase: str,
                     dateline: str | None) -> ResolvedDate | None:
    """A season with no year the analyst tagged, placed by its clause's tense."""
    dl = _parse_dateline(dateline)
    if dl is None:
        return None
    tense, cue = tense_around(text, start, end)
    s = clean(phrase)
    bound = _DEADLINE_BEFORE.search(text, max(0, start - 8), start)
    if bound is not None:  # "could not start work before the spring": as if tagged with it
        tense, cue = FUTURE, bound.group().strip()
    elif ctx.looks_ahead(text, start) or _DEADLINE_FIRST.match(s):
        tense, cue = FUTURE, cue or s.split()[0]
    elif re.match(r"(?:since|ще|еще|ещё|вже|уже)\s", s) or ctx.since_before(text, start):
        tense, cue = PAST, cue or s.split()[0]
    lean = {PAST: -1, FUTURE: 1}.get(tense or "", 0)
    found = season_placed(s, dl, lean)
    if found is None:
        return None
    hit, first, last = found
    how = f"; the clause is in the {tense} tense ('{cue}')" if tense else ""
    return ResolvedDate(f"{first}/{last}", "interval", "interval",
                        f"{hit.explanation}{how}.")


def _holiday(text: str, start: int, end: int, phrase: str, days: list[date],
             dl: date) -> ResolvedDate:
    """A holiday's day in the year its clause's tense asks for (the nearest without one)."""
    tense, cue = tense_around(text, start, end)
    if ctx.looks_ahead(text, start):  # "обіцяли до Нового року": the deadline to come
        tense, cue = FUTURE, text[max(0, start - 12):start].split()[-1]
    if tense == FUTURE:
        day = next(d for d in days if d >= dl)
    elif tense == PAST:
        day = [d for d in days if d <= dl + timedelta(days=1)][-1]
    else:
        day = min(days, key=lambda d: abs((d - dl).days))
    how = f"the clause is in the {tense} tense ('{cue}')" if tense else "the nearest one"
    return ResolvedDate(day.isoformat(), "day", "day-month",
                        f"'{phrase.strip()}' is a holiday: {day.isoformat()}, {how}, "
                        f"from the dateline {show(dl)}.")


def _against_tense(text: str, start: int, end: int, year: int, dl: date) -> bool:
    """A year before the dateline's for a date its own clause puts ahead, or after it for
    one the clause puts behind: the year word belongs to another clause."""
    if year == dl.year:
        return False
    tense = tense_around(text, start, end)[0]
    return tense == (FUTURE if year < dl.year else PAST)


def _yearless_part(text: str, start: int, end: int, phrase: str,
                   dl: date) -> ResolvedDate | None:
    """A half or quarter with no year: the dateline's year's, or the year before (a past
    clause, the part not begun by the dateline) or after (a future one, the part over)."""
    s = clean(phrase)
    found = date_parts.read_yearless(s, dl.year)
    if found is None:
        return None
    a, _, b = found[0].partition("/")
    first = date.fromisoformat(a + "-01")
    last = shift_months(date.fromisoformat(b + "-01"), 1) - timedelta(days=1)
    tense, cue = tense_around(text, start, end)
    year, why = dl.year, "the dateline's year"
    if tense == PAST and first > dl:
        year, why = dl.year - 1, f"the year before the dateline's, as the clause is past ('{cue}')"
    elif tense == FUTURE and last < dl:
        year, why = dl.year + 1, f"the year after the dateline's, as the clause is future ('{cue}')"
    found = date_parts.read_yearless(s, year)
    if found is None:
        return None
    return ResolvedDate(found[0], "interval", "interval",
                        f"{found[1][:-1]}; no year is written: {why}.")


def _interval_by_tense(text: str, start: int, end: int, result: ResolvedDate,
                       dl: date) -> ResolvedDate | None:
    """An interval of yearless months or days moved to the year its clause's tense asks."""
    a, _, b = (result.value or "").partition("/")
    if len(a) not in (7, 10) or len(a) != len(b):
        return None
    first = date.fromisoformat(a if len(a) == 10 else a + "-01")
    last = date.fromisoformat(b) if len(b) == 10 else shift_months(
        date.fromisoformat(b + "-01"), 1) - timedelta(days=1)
    moved = ctx.year_for_tense(text, start, end, first, last, dl)
    if moved is None:
        return None
    shift = moved[0] - first.year
    try:
        new = "/".join(f"{int(x[:4]) + shift:04d}{x[4:]}" for x in (a, b))
        for x in new.split("/"):
            date.fromisoformat(x if len(x) == 10 else x + "-01")
    except ValueError:  # February 29
        return None
    return replace(result, value=new, explanation=f"{result.explanation[:-1]}; but "
                   f"{moved[1]}, so {new}.")


def _by_tense(text: str, start: int, end: int, result: ResolvedDate, dl: date) -> ResolvedDate:
    """A yearless day or month moved to the year its clause's tense asks for."""
    value = result.value or ""
    first = date.fromisoformat(value if len(value) == 10 else value + "-01")
    last = first if len(value) == 10 else shift_months(first, 1) - timedelta(days=1)
    moved = ctx.year_for_tense(text, start, end, first, last, dl)
    if moved is None:
        return result
    year, why = moved
    new = f"{year:04d}{value[4:]}"
    try:
        date.fromisoformat(new if len(new) == 10 else new + "-01")
    except ValueError:  # February 29
        return result
    return replace(result, value=new, explanation=f"{result.explanation[:-1]}; but {why}, so "
                   f"{year}: {new}.")


_BARE_WEEKEND = re.compile(r"(?:(?:over|at|on|during)\s+)?(?:the\s+)?weekend", re.I)


def _weekend_by_tense(text: str, start: int, end: int, phrase: str, dateline: str | None,
                      language: str | None, result: ResolvedDate) -> ResolvedDate | None:
    """A bare "the weekend" is the nearest one, unless its clause's tense says which side:
    past -> the last weekend, future -> the coming one."""
    if result.value is None or _BARE_WEEKEND.fullmatch(phrase.strip()) is None or not dateline:
        return None
    tense, cue = tense_around(text, start, end)
    ahead = result.value[:10] > dateline[:10]
    word = "last" if tense == PAST and ahead else "this" if tense == FUTURE and not ahead else None
    if word is None:
        return None
    found = _cached(f"{word} weekend", dateline, language)
    if found.value is None:
        return None
    why = found.explanation.rstrip(".")
    return replace(found, explanation=f"{why}; the clause's tense ('{cue}') says which weekend.")
