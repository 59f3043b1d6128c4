"""What the words around a date phrase add to it: a coordinated month's year ("March and April
2023"), a bare day's month ("3 and 5 May"), the tense that places a weekday, and the "ago" or
"in" that makes a quantity of time a date."""

from __future__ import annotations

import re
from datetime import date, timedelta

from reader_app.domain import date_words as w
from reader_app.domain.date_hits import show
from reader_app.domain.date_tense import FUTURE, PAST, tense_around

LOOK = 80  # characters read after / before the phrase for a coordinated year or month

_MONTH = rf"(?:{w.alternation({**w.MONTHS, **w.MONTH_ABBREVIATIONS})})\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th|-(?:го|е|я))?"
_AND = r"(?:,|and|or|&|to|through|until|till|і|й|та|або|и|или|до|по|[-–—])"
_ITEM = rf"(?:{_MONTH}(?:\s+{_DAY}(?!\d))?|{_DAY}(?:\s+(?:of\s+)?{_MONTH})?)"
# after a yearless month or day: "... and April 2023", ", 5 and 6 May 2023"
YEAR_AFTER = re.compile(rf"(?:\s*{_AND}\s*{_ITEM}(?![\w]))+,?\s+([12]\d{{3}})(?!\d)",
                        re.IGNORECASE)
# after a bare day: "... and 5 May [2023]"
MONTH_AFTER = re.compile(
    rf"(?:\s*{_AND}\s*{_DAY})*\s*{_AND}\s*{_DAY}\s+(?:of\s+)?({_MONTH})(?!\w)"
    rf"(?:,?\s+([12]\d{{3}})(?!\d))?", re.IGNORECASE)
# before a bare day: "March 3 and " (the month of "5" in "March 3 and 5")
MONTH_BEFORE = re.compile(
    rf"({_MONTH})\s+{_DAY}(?:\s*{_AND}\s*{_DAY})*\s*{_AND}\s*$", re.IGNORECASE)
_AGO_AFTER = re.compile(rf"\s+({w.alternation(w.AGO)})(?!\w)", re.IGNORECASE)
_IN_BEFORE = re.compile(r"(?<!\w)(in|через)\s+$", re.IGNORECASE)
_IN_AMOUNT = re.compile(rf"^(?:in|через) .*\b(?:{w.alternation(w.UNITS)})$")
_BARE_DAY = re.compile(rf"^{_DAY}$", re.IGNORECASE)


def year_after(text: str, end: int) -> str | None:
    """The year a month or day coordinated with later ones takes ("March" in "March and
    April 2023" -> "2023")."""
    m = YEAR_AFTER.match(text, end, min(len(text), end + LOOK))
    return m.group(1) if m else None


def month_for_day(text: str, start: int, end: int) -> str | None:
    """A bare day number's month (and year) from its neighbours: "3" in "on 3 and 5 May 2023"
    -> "May 2023", "5" in "March 3 and 5" -> "March"."""
    m = MONTH_AFTER.match(text, end, min(len(text), end + LOOK))
    if m:
        return " ".join(x for x in m.groups() if x)
    b = MONTH_BEFORE.search(text, max(0, start - LOOK), start)
    if b and b.end() == start:
        year = YEAR_AFTER.match(text, end, min(len(text), end + LOOK))
        return b.group(1) + (f" {year.group(1)}" if year else "")
    return None


def is_bare_day(phrase: str) -> bool:
    return _BARE_DAY.match(phrase.strip()) is not None


def amount_phrase(text: str, start: int, end: int) -> str | None:
    """'two days' read with the 'ago' after it or the 'in' before it, else None."""
    ago = _AGO_AFTER.match(text, end)
    if ago:
        return f"{text[start:end]} {ago.group(1)}"
    before = _IN_BEFORE.search(text, max(0, start - 12), start)
    return f"{before.group(1)} {text[start:end]}" if before else None


def is_in_amount(cleaned: str) -> bool:
    """'in three weeks', 'через 2 дні': a date only when the clause speaks of the future."""
    return _IN_AMOUNT.match(cleaned) is not None


_AHEAD_BEFORE = re.compile(r"(?<!\w)(for|by|until|till|до|к|ко)\s+$", re.IGNORECASE)
_AHEAD_ALWAYS = frozenset(("for", "by"))


# "had reached the windows by New Year": the past perfect tells of a deadline already passed
_PLUPERFECT = re.compile(r"(?<!\w)had(?:n't|\s+not)?\s+(?:\w+\s+)?(?:been\s+)?[a-z]+(?:ed|en|t)"
                         r"(?!\w)[^.!?;\n]*$", re.IGNORECASE)


def looks_ahead(text: str, start: int) -> bool:
    """Does a deadline word stand right before text[start] ("by", "until", "до", "к"), in a
    clause that is not in the past perfect?"""
    return _AHEAD_BEFORE.search(text, max(0, start - 12), start) is not None and (
        _PLUPERFECT.search(text, max(0, start - 120), start) is None)


def placed_weekday(text: str, start: int, end: int, value: str,
                   dl: date) -> tuple[str, str] | None:
    """(value, explanation) for a weekday with no modifier, placed by the tense of its clause:
    past -> on or before the dateline, future -> on or after it; None when the clause has none."""
    tense, cue = tense_around(text, start, end)
    ahead = _AHEAD_BEFORE.search(text, max(0, start - 12), start) if looks_ahead(
        text, start) else None
    if ahead is not None and (tense != PAST or ahead.group(1).lower() in _AHEAD_ALWAYS):
        # "a rally for Sunday", "register by Friday", "зареєструватися до п'ятниці":
        # a day looked forward to
        tense, cue = FUTURE, ahead.group(1)
    if tense is None:
        return None
    wd = date.fromisoformat(value).weekday()
    name = w.WEEKDAY_NAMES[wd]
    if tense == PAST:
        # the latest on or before the day after the dateline: a dateline can be a day behind
        # the story (time zones, a later version), so "launched on Thursday" in a story dated
        # Wednesday is the next day, "said on Friday" with a Tuesday dateline the Friday before
        day = dl + timedelta(days=1) - timedelta(days=(dl.weekday() + 1 - wd) % 7)
        where = ("the dateline itself" if day == dl else "the day after the dateline"
                 if day > dl else f"the {name} before the dateline")
    else:
        assert tense == FUTURE
        day = dl + timedelta(days=(wd - dl.weekday()) % 7)
        where = "the dateline itself" if day == dl else f"the {name} after the dateline"
    if tense == PAST and day > dl:  # past tense, yet after the dateline: say why
        return day.isoformat(), (f"{name}: {where} {show(dl)}; the clause is in the past "
                                 f"tense ('{cue}'), and a dateline can be a day behind the "
                                 "story it heads.")
    return day.isoformat(), (f"{name}: {where} {show(dl)}, as the clause is in the {tense} "
                             f"tense ('{cue}').")


# "since" only looks back; so do "ще з", "еще с" ("already since"). The bare Ukrainian and
# Russian "з", "від", "с" mean "from": the start of a period that can lie ahead ("школи
# перейдуть на дистанційне навчання з 22 грудня", "рейсы возобновятся с 1 апреля").
_SINCE_BEFORE = re.compile(r"(?<!\w)(since|ще\s+з|ще\s+із|еще\s+с|ещё\s+с|еще\s+со|ещё\s+со)\s+$",
                           re.IGNORECASE)
_FROM_BEFORE = re.compile(r"(?<!\w)(з|із|від|с|со|начиная\s+с|починаючи\s+з)\s+$",
                          re.IGNORECASE)
# A "from" date this close ahead is the coming one (a change announced for next month);
# further ahead with no future verb in its clause, it is the start of a period under way
# ("Програма діє з березня" in October: since March)
NEAR_START = 45
# "He said work would start in March": "would" reports a future, not a condition
_REPORTED_WOULD = re.compile(
    r"(?<!\w)(?:said|says|told|added|announced|insisted|stressed|promised|pledged|expected|"
    r"confirmed|predicted|conceded|acknowledged|admitted|warned|argued|claimed|agreed|noted|"
    r"explained|estimated|forecast|believed|hoped|feared|suggested|signalled|signaled|"
    r"indicated)(?!\w)[^.!?;\n]{0,80}?(?<!\w)would(?!\w)[^.!?;\n]*$", re.IGNORECASE)
FAR = 90  # days: a yearless date this far on the wrong side of the dateline for its tense
# A future clause about a month or day already over by more than this is next year's
# ("должна открыться в декабре", dateline in February)
GONE = 7


def since_before(text: str, start: int) -> bool:
    """Does "since" (or "ще з", "еще с") stand right before text[start]?"""
    return _SINCE_BEFORE.search(text, max(0, start - 20), start) is not None


def year_for_tense(text: str, start: int, end: int, first: date, last: date,
                   dl: date) -> tuple[int, str] | None:
    """(year, why) when the yearless date placed nearest to the dateline (first..last) is on
    the wrong side of it: after it behind "since", far after it in a past-tense clause
    ("Prices peaked in August", dateline in March), far before it in a future one."""
    since = _SINCE_BEFORE.search(text, max(0, start - 20), start)
    if since and first > dl:
        return first.year - 1, f"'{since.group(1)}' looks back from the dateline"
    tense, cue = tense_around(text, start, end)
    since = _FROM_BEFORE.search(text, max(0, start - 20), start)
    if since and tense != FUTURE and (first - dl).days > NEAR_START:
        return first.year - 1, (f"'{since.group(1)}' starts a period, more than {NEAR_START} "
                                "days ahead and its clause not in the future tense: one "
                                "under way")
    if tense == PAST and (first - dl).days > FAR:
        return first.year - 1, f"the clause is in the past tense ('{cue}')"
    reported = cue.lower() != "would" or _REPORTED_WOULD.search(
        text, max(0, start - 200), start) is not None
    # a reported "would" ("said Germany would pay by December") is as sure a future as
    # "will"; only a bare, perhaps conditional "would" needs the date far behind
    if tense == FUTURE and reported and (dl - last).days > GONE:
        return first.year + 1, f"the clause is in the future tense ('{cue}')"
    return None


# A weekday named with its date: "Thursday, Feb. 10", "у четвер, 10 лютого", "Friday (March 3)"
DATE_AFTER = re.compile(
    rf",?\s+\(?((?:{_MONTH}\s+{_DAY}(?!\d)|{_DAY}\s+(?:of\s+)?{_MONTH})(?:,?\s+[12]\d{{3}}(?!\d))?)",
    re.IGNORECASE)


def date_after(text: str, end: int) -> str | None:
    """The date written right after a weekday, if any."""
    m = DATE_AFTER.match(text, end, min(len(text), end + LOOK))
    return m.group(1) if m else None


# A year named relative to the dateline in the date's sentence: "В прошлом году проезд
# подорожал дважды — в марте и в сентябре", "in March last year", "минулого року в травні"
_RELATIVE_YEAR = re.compile(
    r"(?<!\w)(?:(?P<en>last|this|next)\s+year"
    r"|(?P<uk>позаминулого|минулого|цього|наступного)\s+року|(?P<uk2>торік)"
    r"|(?:у|в)\s+(?P<uk3>минулому|цьому|наступному)\s+році"
    r"|(?:в|во)\s+(?P<ru>позапрошлом|прошлом|этом|текущем|следующем)\s+году"
    r"|(?P<ru2>позапрошлого|прошлого|этого|текущего|следующего)\s+года)(?!\w)",
    re.IGNORECASE)
_OFFSETS = {"last": -1, "this": 0, "next": 1, "позаминулого": -2, "минулого": -1, "цього": 0,
            "наступного": 1, "торік": -1, "минулому": -1, "цьому": 0, "наступному": 1,
            "позапрошлом": -2, "прошлом": -1, "этом": 0, "текущем": 0, "следующем": 1,
            "позапрошлого": -2, "прошлого": -1, "этого": 0, "текущего": 0, "следующего": 1}
# ", and it takes effect from April": a clause with a subject of its own after the relative
# year's, whose year it does not share ("в прошлом году …, а в феврале" shares it: a contrast
# within that year)
# ", and that the firm made a profit in June", ", і що …", ", и что …": a second reported
# clause, with a time of its own
_NEW_CLAUSE = re.compile(r",\s+(?:(?:and|but|while|whereas)\s+(?:it|he|she|they|we|that)\s"
                         r"|(?:и|і|й|та|а|но|але)\s+(?:что|що)\s)", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.!?\n](?=\s)|[\n;]")  # ";" joins two sentences


def relative_year(text: str, start: int, end: int, dl: date) -> tuple[int, str] | None:
    """(year, the words) when the sentence of a yearless month names its year relative to
    the dateline: before it anywhere in the sentence (the nearest), or right after it."""
    after = _RELATIVE_YEAR.match(text, end + 1, min(len(text), end + 30)) \
        if text[end:end + 1] == " " else None
    found = after
    if found is None:
        lo = max(0, start - 300)
        breaks = list(_SENTENCE_BREAK.finditer(text, lo, start))
        lo = breaks[-1].end() if breaks else lo
        found = None
        for m in _RELATIVE_YEAR.finditer(text, lo, start):
            found = m
        if found is not None and _NEW_CLAUSE.search(text, found.end(), start):
            return None
    if found is None:
        return None
    word = next(g for g in found.groups() if g).lower()
    return dl.year + _OFFSETS[word], found.group().strip()


def split_relative_year(phrase: str, dl: date) -> tuple[str, int, str] | None:
    """(the month or day, its year, the year's words) for a phrase that names its year
    relative to the dateline after the month: "March last year", "январе прошлого года",
    "5 березня минулого року" -> ("March", 2025, "last year")."""
    s = phrase.strip()
    for m in _RELATIVE_YEAR.finditer(s):
        if m.end() == len(s) and m.start() > 0 and s[m.start() - 1].isspace():
            head = s[:m.start()].strip()
            word = next(g for g in m.groups() if g).lower()
            return head, dl.year + _OFFSETS[word], m.group().strip()
    return None
