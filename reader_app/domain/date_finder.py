"""Every temporal expression the date rules read, found in an article's text (en/uk/ru).

One compiled pattern finds the candidates in one pass; each distinct phrase is resolved once
(dates.resolve_in_text, cached), with the words around it (tense, coordinated years). Spans
are what an analyst tags: the modifier is in ("last Friday"), a leading "on"/"in" is not;
an interval keeps its "from"/"between" (they make it one). Durations ("50 years") and plain
numbers ("2000 troops", "£2023") are never suggested.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from reader_app.domain import date_ordinals, date_parts
from reader_app.domain import date_seasons as seasons
from reader_app.domain import date_words as w
from reader_app.domain.date_edges import BOUND_BEFORE
from reader_app.domain.date_holidays import holiday_spans
from reader_app.domain.date_nth_weekday import COUNTED
from reader_app.domain.date_periods import DECADE_WORDS
from reader_app.domain.dates import resolve_in_text
from reader_app.domain.word_forms import is_adjective

__all__ = ["DateMention", "find_dates"]


class DateMention(NamedTuple):
    start: int  # code points into the text; text[start:end] is the phrase
    end: int
    value: str | None  # ISO value as for a date tag (None: an undated article's relative date)
    granularity: str | None
    method: str
    explanation: str


def trie(words: object, top: bool = False) -> str:
    """A regex for the words as a prefix tree: sre tries a plain alternation word by word,
    a tree letter by letter (several times faster on a long list). ``top``: no outer group,
    so a pattern made of it alone lets sre skip to the letters that can start a word."""
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in sorted(set(words)):  # type: ignore[call-overload]
        node = root
        for c in word:
            node = node.setdefault(c, {})
        node[""] = {}

    def build(node: dict, top: bool = False) -> str:  # type: ignore[type-arg]
        branches = [(r"\s+" if c == " " else re.escape(c)) + build(node[c])
                    for c in sorted(node) if c]
        if not branches:
            return ""
        if top:
            return "|".join(branches)
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root, top) if top else f"(?:{build(root)})"


def _words(words: object) -> str:
    """The words as one group (apostrophes are all "'" in the scanned text)."""
    return trie(words)


# Word edges that keep "п'ятницю" whole but let a possessive follow ("Monday's vote").
_B, _E = r"(?<![\w'])", r"(?!\w|'(?!s(?!\w)))"
_FULL = _words(w.MONTHS)
_MON = rf"(?:{_FULL}|(?:{_words(w.MONTH_ABBREVIATIONS)})\.?)"
_WD = rf"(?:{_words(w.WEEKDAYS)}|(?:mon|tues?|wed|thu(?:rs?)?|fri)\.)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|-?(?:го|е|я))?(?![\d\w])"
_YEAR = r"[12]\d{3}(?![\d\w])"
_YEAR_WORD = r"(?:\s+(?:року|році|рік|года|году|год|р\.|г\.))?"
_MOD = _words([*w.MODIFIERS, *w.MULTIWORD_MODIFIERS])
_UNIT = _words(w.UNITS)
_WEEK_UNIT = _words([k for k, v in w.UNITS.items() if v == "week"])
_N = rf"(?:\d{{1,3}}|{_words(w.NUMBERS)})"
_REL_DAY = _words([*w.RELATIVE_DAYS, *w.RELATIVE_YEARS, "earlier today", "later today"])
_START = _words(["between", "from", "з", "із", "від", "між", "с", "со", "от", "между"])
_JOIN = r"(?:and|to|until|till|through|thru|і|й|та|до|по|и|[-–—])"
_DM = rf"(?:{_MON}\s+{_DAY}|{_DAY}\s+(?:of\s+)?{_MON})"  # "Feb. 10", "10 February"
_ATOM = (rf"(?:{_DM}(?:,?\s+{_YEAR}{_YEAR_WORD})?|{_MON}\s+(?:of\s+)?{_YEAR}|{_MON}|{_YEAR}"
         rf"|{_WD}|{_DAY})")
# "March last year", "березні минулого року", "январе прошлого года": one date
_REL_YEAR = (r"(?:(?:last|this|next)\s+year|(?:позаминулого|минулого|цього|наступного)\s+року"
             r"|(?:позапрошлого|прошлого|этого|текущего|следующего)\s+года)")
_WEEKEND = r"(?:weekend|вихідних|вихідні|выходных|выходные)"
_SEASON = _words(seasons.WORDS)
_DECADE_WORD = _words(DECADE_WORDS)
_SEASON_SHIFT = _words(seasons.SHIFTS)
_SEASON_YEAR = rf"\s+(?:of\s+)?{_YEAR}(?:\s*[-/]\s*(?:\d{{2}}(?!\d)|{_YEAR}))?{_YEAR_WORD}"

PATTERN = re.compile(rf"""{_B}(?:
  (?P<span>{_START}\s+{_ATOM}\s+{_JOIN}\s+{_ATOM})
| (?P<iso>\d{{4}}-(?:w\d{{2}}|\d{{2}}-\d{{2}}|\d{{2}})(?![\d\w-])
     |\d{{1,2}}(?P<sep>[./])\d{{1,2}}(?P=sep)\d{{4}}(?![\d\w])
     |(?:0[1-9]|[12]\d|3[01])\.(?:0[1-9]|1[0-2])\.\d{{2}}(?![\d\w]|\.\d))
| (?P<dash>(?:{_DM}|{_DAY}|{_YEAR})\s*[-–—]\s*(?:{_DM}|{_DAY}|{_YEAR})(?:,?\s+{_YEAR})?)
| (?P<date>(?:{_WD},?\s+)?{_DM}(?:,?\s+{_YEAR}{_YEAR_WORD})?)
| (?P<day>{_DAY}(?=(?:\s*(?:,|and|or|і|й|та|и)\s*{_DAY})+\s+(?:of\s+)?{_MON}))
| (?P<month_year>{_MON}\s+(?:of\s+)?{_YEAR}{_YEAR_WORD})
| (?P<month_rel>{_FULL}\s+{_REL_YEAR})
| (?P<relative>{_REL_DAY})
| (?P<sequel>the\s+day\s+(?:after|before)(?=\s*[,.;:!?)—–]|\s*$)|напередодні|накануне)
| (?P<ago>(?:{_N}\s+)?{_UNIT}\s+(?:{_words(w.AGO)}))
| (?P<later>in\s+{_N}\s+{_UNIT}|через\s+(?:{_N}\s+)?{_UNIT})
| (?P<weekend>(?:{_MOD}\s+)?{_WEEKEND})
| (?P<season>{_SEASON_SHIFT}\s+(?:the\s+)?{_SEASON}(?:{_SEASON_YEAR})?|(?:the\s+)?{_SEASON}{_SEASON_YEAR})
| (?P<modified>(?:(?:earlier|later)\s+)?{_MOD}\s+(?:{_WD}|{_UNIT}|{_FULL}))
| (?P<weekday>{_WD}(?:\s+(?:{_MOD})\s+(?:{_WEEK_UNIT}))?)
| (?P<decade>[12]\d{{2}}0(?:s|-(?:ті|х|і|е|ые|ых|ies))|(?<![\w'’])['’](?:[1-9]0|00)s
     |[2-9]0-(?:ті|х|е|ые|ых)(?!\w)(?!\s+(?:клас|курс))|{_DECADE_WORD}(?!\s+числ))
| (?P<year>(?:mid-)?{_YEAR}(?:-(?:го|му|м|й)(?!\w))?{_YEAR_WORD})
| (?P<month>{_FULL})
){_E}""", re.VERBOSE)  # over lower-cased text (see _scanned)

# Longer readings of what PATTERN found, tried after it (an alternative in PATTERN would cost
# every match attempt): "March" + " to May", "2024-25" + " financial year", "the following day"
_MONTHS_TAIL = re.compile(rf"\s*(?:to|through|thru|till|until|[-–—])\s*{_FULL}"
                          rf"(?:,?\s+{_YEAR}{_YEAR_WORD})?{_E}")
_SPLIT_AT = re.compile(rf"([12]\d{{3}})\s*[-–/]\s*(\d{{2}})(?![\d\w/.-])"
                       rf"(?:\s+(?:financial|fiscal|tax)\s+year{_E})?")
_SEQUEL_MODIFIED = re.compile(r"(?:following|next|previous|наступного|попереднього|следующий"
                              r"|другой)\s+(?:day|дня|день)")


def _longer(low: str, kind: str, start: int, end: int) -> tuple[str, int, int]:
    """(kind, start, end) of the longer reading of a match, or the match itself."""
    if kind == "month":
        m = _MONTHS_TAIL.match(low, end)
        return ("months", start, m.end()) if m else (kind, start, end)
    if kind in ("iso", "dash", "year") and low[start:start + 4].isdigit():
        m = _SPLIT_AT.match(low, start)
        if m and int(m.group(2)) == (int(m.group(1)) + 1) % 100:
            return "split", start, m.end()  # "2024-25": the second year follows the first
        part = date_parts.lead_start(low, start) if kind == "year" else None
        if part is not None:  # "the second half of 2026", "у першому кварталі 2025 року"
            return "part", part, end
        return kind, start, end
    if kind == "modified" and _SEQUEL_MODIFIED.fullmatch(low, start, end):
        lead = "the " if low.startswith("the ", max(0, start - 4)) else "на " if low.startswith(
            "на ", max(0, start - 3)) else ""
        return "sequel", start - len(lead), end
    return kind, start, end


# Words before a bare four-digit number that make it a year, and after it.
_YEAR_BEFORE = frozenset(
    "in since by until till from before after during the early mid late end start "
    "beginning around circa year and or to through between spring summer autumn fall "
    "winter election elections season fiscal у в з із до від по після між с со по от после "
    "перед між between".split())
_YEAR_NEXT = frozenset(
    "election elections census budget olympics season campaign war crisis invasion "
    "revolution summit referendum vote law agreement accord deal report survey games "
    "cup championship uprising protests protest floods earthquake attack attacks "
    "presidential parliamentary general local midterm midterms world".split())
_QUANTITIES = frozenset(
    "million millions billion billions thousand thousands percent per people troops soldiers "
    "men women children residents workers tonnes tons kilometres kilometers miles metres "
    "meters dollars euros pounds hryvnias roubles rubles seats votes cases "
    "мільйон мільйона мільйонів мільярд мільярда мільярдів тисяч тисячі тисяча відсотків "
    "відсотка людей осіб військових гривень доларів євро рублів кілометрів тонн "
    "миллион миллиона миллионов миллиард миллиарда миллиардов тысяч тысячи тысяча "
    "процентов процента человек людей военных рублей долларов евро гривен километров тонн".split())
_PERIODS = frozenset(
    "end start beginning middle half part spring summer autumn fall winter course rest "
    "elections election".split())
_JOINS = frozenset("and or to through until і та й и до по або или".split())
_YEAR_JOINED = re.compile(r"\s*[12]\d{3}(?![\d\w])")
_AFTER_OLD_YEAR = frozenset(
    "the a an and or when as it he she they there this that its his her their after before "
    "during but was were is until till and to".split())
_DAY_NAMES_BEFORE = frozenset(
    "black good super bloody cyber easter palm ash holy maundy shrove giving".split())
_DAY_NAMES_AFTER = frozenset("Times Telegraph Express Mirror Post Herald Independent".split())
# "restore Sunday hours", "Saturday trading", "a Monday shift": a weekday describing a noun,
# a kind of day, not one day (after a preposition it stays a day: "on Sunday mornings")
_WEEKDAY_AS_ADJECTIVE = frozenset(
    "hours opening openings trading shopping service services shift shifts schedule "
    "timetable timetables closures closure collections collection deliveries markets "
    "market lunch lunches school classes papers paper editions edition roast worship "
    "mass sittings sitting surcharge surcharges fares rates".split())
_WEEKDAY_DAY_BEFORE = frozenset("on by until till from since last next this that".split())
_MONEY_OR_SIGN = "£$€₴₽¥#№+-–—/"
_MAY_BEFORE = frozenset(
    "in of since until by early mid late from before after during through till end "
    "beginning start last next this "
    "the a an its their his her our".split())  # "the May budget": no modal after "the"
# "profit for 2025 had been": after "for", a year before a verb, not before a noun ("for 1950
# fans"); a punctuation mark after it is a year already
_AFTER_FOR_YEAR = frozenset(
    "had has have was were is are will would could should may might did does".split())
# "on a weekend", "on a Sunday", "any Friday": no particular day
_GENERIC = frozenset("a an any one".split())
# "среда" is also a medium or surroundings: "окружающей среды", "в среде экспертов"
_WEDNESDAY_ADJECTIVES = frozenset({*w.MODIFIERS, "ту", "эту", "этой", "той",
                                   "ближайшую", "ближайшей", "любую", "любой", "одну"})


def _environment(before: str, word: str) -> bool:
    return word == "среде" and before in ("в", "во") or (
        (is_adjective(before) or len(before) > 4 and before.endswith(("ей", "ую", "ой")))
        and before not in _WEDNESDAY_ADJECTIVES and before not in _EVERY)
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\W*$")
_WORD_AFTER = re.compile(r"\s*([^\W\d_]+|\S)?")


def _word_before(text: str, start: int) -> str:
    m = _WORD_BEFORE.search(text, max(0, start - 20), start)
    return m.group(1).lower() if m else ""


_NAME_WORD = re.compile(r"([^\W\d_][\w'’-]*) $")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-zа-яіїєґё][^\W\d_]{3,}")


def _in_name(text: str, start: int, end: int) -> bool:
    """Is a capitalised "Today"/"Сьогодні" the last word of a name ("USA Today", «Полісся
    Сьогодні»)? A capitalised word right before it, mid-sentence, in a line that is not
    written in title case (a headline capitalises every word)."""
    if not text[start:start + 1].isupper():
        return False
    before = _NAME_WORD.search(text, max(0, start - 40), start)
    if before is None or not before.group(1)[:1].isupper():
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    return _LOWER_WORD.search(line) is not None


# A street, square or avenue named for a date, its month capitalised as a name is
# ("по набережной 11 Ноября", "на вулиці 8 Березня", "ул. 1 Мая")
_STREET_DATE = re.compile(
    r"(?<![^\W\d_])(?:улиц[аеыу]|улицей|ул\.|набережн(?:ая|ой|ую)|площад(?:ь|и|ью)|пл\.|"
    r"проспект[аеу]?|просп\.|переул(?:ок|ка|ке)|бульвар[аеу]?|шоссе|"
    r"вулиц(?:я|і|ю|ею)|вул\.|набережн(?:а|ій|у)|площ(?:а|і|у|ею)|провул(?:ок|ка|ку)|"
    r"проспект(?:і|ом)?|бульвар(?:і|ом)?)\s+\d{1,2}\s+[А-ЯІЇЄҐЁ][а-яіїєґё]+$")


def _street_date(text: str, start: int, end: int) -> bool:
    """Is a day and a capitalised Cyrillic month the name of a street after its noun?"""
    if text[start:end].isascii():
        return False
    m = _STREET_DATE.search(text, max(0, start - 30), end)
    return m is not None and m.end() == end


def _keep(text: str, kind: str, start: int, end: int) -> bool:
    """Filters a pattern cannot say: a bare number that is not a year, a month word that
    is a verb ("march", "may"), an interval of two bare numbers."""
    phrase = text[start:end]
    if kind in ("span", "dash"):
        return re.search(rf"(?i){_MON}|{_WD}|{_YEAR}.*{_YEAR}|{_START}\s+{_YEAR}", phrase) \
            is not None and not (start and text[start - 1] in _MONEY_OR_SIGN)
    if kind == "weekday":  # "every Sunday": a routine; "Black Friday", "Sunday Times": names
        before = _word_before(text, start)
        if phrase[:4].lower() == "сред" and _environment(before.lower(), phrase.lower()):
            return False
        after = _WORD_AFTER.match(text, end)
        return before not in _EVERY and before not in _GENERIC and not (
            before in _DAY_NAMES_BEFORE and text[
            start - len(before) - 1:start - 1].istitle()) and not (
            after and (after.group(1) or "") in _DAY_NAMES_AFTER) and not (
            after and (after.group(1) or "") in _WEEKDAY_AS_ADJECTIVE
            and before not in _WEEKDAY_DAY_BEFORE)
    if kind == "months":  # "March to May": both capitalised in English ("may to march" is no date)
        words = re.findall(r"[^\W\d_]+", phrase)
        if phrase.isascii():
            return all(x[0].isupper() for x in words if x.lower() in w.MONTHS)
        return re.search(r"\s*[-–—]\s*", phrase) is not None
    if kind == "weekend":
        return _word_before(text, start) not in _GENERIC or phrase.lower() != "weekend"
    if kind == "relative":
        return not _in_name(text, start, end)
    if kind == "month_rel":  # the month word is read as a bare month would be
        return _keep(text, "month", start, start + len(phrase.split()[0]))
    if kind == "month":
        if phrase.isascii() and not phrase[0].isupper():
            return False  # "to march", "they may"
        if not phrase.isascii() and phrase[0].isupper() and (
                start and text[max(0, start - 20):start].rstrip()[-1:] not in ".!?…\n«\"“—–:" or
                text[end:end + 2][:1] == " " and text[end + 1:end + 2].isupper()):
            return False  # "Марта Ковальчук": a Cyrillic month is written in lower case
        return phrase.lower() != "may" or _word_before(text, start) in _MAY_BEFORE
    if kind == "year":
        if start and text[start - 1] in _MONEY_OR_SIGN or phrase[:4].isdigit() and not \
                1000 <= int(phrase[:4]) <= 2100:
            return False
        if phrase[-1] in "рг." or " " in phrase or not phrase[0].isdigit():
            return True  # "2019 року", "2020 р.", "mid-2021"
        after = _WORD_AFTER.match(text, end)
        if after is None:  # never: the pattern matches the empty string too
            return True
        nxt = after.group(1) or ""
        if nxt in ("%", "-", "–") or nxt[:1].isdigit():
            return False
        nxt = nxt.lower()
        if nxt in _QUANTITIES:
            return False  # "в 1500 миллионов", "in 2000 troops"
        if not nxt[:1].isalpha():
            return True  # "in 2019.", "2019," "(2019)", end of text
        before = _word_before(text, start)
        if int(phrase[:4]) < 1900 and nxt.isalpha() and nxt not in _AFTER_OLD_YEAR \
                and nxt not in _YEAR_NEXT:
            return False  # "in 1500 villages"; "in 1648 the treaty" stays a year
        if before == "of":  # "the summer of 2019", not "a crew of 1500"
            return _word_before(text, start - 1 - len(before)) in _PERIODS
        if before == "for":
            return nxt in _AFTER_FOR_YEAR or nxt in _YEAR_NEXT or nxt in _AFTER_OLD_YEAR
        return (before in _YEAR_BEFORE or nxt in _YEAR_NEXT
                or nxt in _JOINS and _YEAR_JOINED.match(text, after.end()) is not None)
    return True


# The words every date expression contains one of (or a number): the scan looks for these
# first, then tries PATTERN at the anchor and at the starts of the two words before it
# ("between 2019", "two days ago", "this coming Friday").
_CORE = sorted({*w.MONTHS, *w.MONTH_ABBREVIATIONS, *w.WEEKDAYS, *w.WEEKDAY_ABBREVIATIONS,
                *w.UNITS, *(x.split()[-1] for x in w.RELATIVE_DAYS), *w.RELATIVE_YEARS,
                "weekend", "вихідних", "вихідні", "выходных", "выходные", *seasons.WORDS, *DECADE_WORDS,
                "напередодні", "накануне"},
               key=len, reverse=True)
# Words an expression may start with before its anchor ("between 2019", "two days ago").
_LEADS = frozenset({
    *(x.split()[0] for x in w.MODIFIERS), *(x.split()[0] for x in w.MULTIWORD_MODIFIERS),
    *seasons.SHIFTS, *w.NUMBERS, "between", "from", "з", "із", "від", "між", "с", "со", "от", "между", "in",
    "через", "earlier", "later", "the", "day", "this", "на"})
# The character before the anchor comes first: sre then skips in C to the few characters
# (spaces, brackets, quotes, dashes) that can precede a date, and tries the words only there.
_BEFORE_ANCHOR = "\\s(«\"“'‘—–-"
ANCHOR = re.compile(rf"[{_BEFORE_ANCHOR}](?:{trie(_CORE)}|\d+[^\W\d_]*){_E}")
_UNFILTERED = frozenset({"iso", "date", "day", "month_year", "ago", "later", "sequel", "split",
                         "modified", "decade", "season"})
_LONGER = frozenset({"month", "iso", "dash", "year", "modified"})
_EVERY = frozenset("every each кожного кожної кожну кожен кожний каждый каждую каждое "
                   "каждого каждой".split())


_OPENERS = frozenset("\"“«(‘'")


def _scanned(text: str) -> str:
    """The text lower-cased with one apostrophe, code point for code point (offsets hold)."""
    low = text.lower()
    if len(low) != len(text):  # "İ" lower-cases to two code points
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low.replace("’", "'").replace("ʼ", "'")


def scan(text: str) -> list[tuple[str, int, int]]:
    """(kind, start, end) of every candidate expression, in text order, not overlapping."""
    low = _scanned(text)
    found: list[tuple[str, int, int]] = []
    done = 0
    match, keep_all, leads, rfind = PATTERN.match, _UNFILTERED, _LEADS, low.rfind
    for a in ANCHOR.finditer(" " + low):  # the space: an anchor at the very start
        i = a.start()  # the anchor's start in low (one before it in " " + low)
        if i < done:
            continue
        c = low[i - 1] if i else " "
        starts = [i]
        if c == "-":  # "mid-2021"
            starts.insert(0, rfind(" ", max(done, i - 12), i) + 1)
        elif c == "'" and i > done:  # "the '90s"
            starts.insert(0, i - 1)
        elif c == " ":  # up to two lead words before the anchor ("this coming Friday")
            # a lead word may open a line: "\n\nNext week, …"
            j = max(rfind(" ", max(done, i - 16), i - 1), rfind("\n", max(done, i - 16), i - 1))
            if low[j + 1:j + 2] in _OPENERS and low[j + 2:i - 1] in leads:
                j += 1  # '"Ten years ago': a quotation opens before the lead word
            if low[j + 1:i - 1] in leads:
                starts.insert(0, j + 1)
                k = max(rfind(" ", max(done, j - 16), j), rfind("\n", max(done, j - 16), j))
                if j > 0 and low[k + 1:j] in leads:
                    starts.insert(0, k + 1)
        for s in starts:
            m = match(low, s)
            if m is not None and m.end() > i:
                kind = m.lastgroup or ""
                start, end = m.span(kind)
                if kind in _LONGER:
                    kind, start, end = _longer(low, kind, start, end)
                if kind == "date" and _street_date(text, start, end):
                    continue
                if kind in keep_all or _keep(text, kind, start, end):
                    if kind in ("month", "month_year", "month_rel"):
                        start, end = _ordinal_day(low, start, end, done)
                    elif kind == "date" and (night := _NIGHT.search(
                            low, max(done, start - 30), start)) is not None:
                        start = night.start()  # "в ночь с 3 на 4 октября"
                    found.append((kind, start, end))
                    done = end
                    break
        else:
            day = _DAY_NUMBER.match(low, i)  # "20-го числа": a day of a month near the dateline
            if day is not None:
                found.append(("day_number", i, day.end()))
                done = day.end()
    return found


_NIGHT = re.compile(r"(?<!\w)(?:ніч|ночь)\s+(?:з|із|с|со)\s+\d{1,2}\s+на\s+$")
_DAY_NUMBER = re.compile(r"(?:[12]\d|3[01]|0?[1-9])-?го\s+числа(?!\w)")


def _ordinal_day(low: str, start: int, end: int, done: int) -> tuple[int, int]:
    """The month's span widened to an ordinal day word before it ("третього вересня", "the
    third of October") or, in English, after it ("November first")."""
    lead = date_ordinals.LEAD.search(low, max(done, start - 40), start)
    if lead is not None and date_ordinals.value(lead) is not None and (
            not lead.group("unit").isascii() or lead.group(0).rstrip().endswith(" of")):
        return lead.start(), end
    tail = date_ordinals.TAIL.match(low, end)
    if tail is not None and low[start:end].isascii() and tail.group("unit").isascii() and \
            date_ordinals.value(tail) is not None:
        return start, tail.end()
    return start, end


_PART_WORDS = re.compile(r"(?i)quarter|квартал|півріч|полугод")


# A part of the period before it that is no deadline ("на початку травня", "в конце апреля",
# "the first half of December", "mid-February"): analysts tag it with the period. After
# "by"/"до"/"к" (a deadline) the period alone is tagged as often, and stays so.
_EDGE_BEFORE = re.compile(
    r"(?:(?<![\w-])(?:the\s+(?:very\s+)?(?:beginning|start|middle|end|close|(?:first|second)"
    r"\s+half)\s+of\s+(?:the\s+)?)"
    r"|(?<![\w'’])(?:(?:на|у|в|во)\s+)?(?:початку|начале|середині|середине|кінці|конце)\s+"
    r"|(?<![\w'’])(?:наприкінці|прикінці)\s+"
    r"|(?<![\w-])mid-)$", re.IGNORECASE)


# a cheap test before COUNTED: an ordinal word a counted weekday needs
_COUNTED_HINT = re.compile(r"(?i)(?<!\w)(?:first|second|third|fourth|fifth|last|final|1st|2nd|"
                           r"3rd|4th|5th|перш|друг|трет|четверт|п'ят|пят|останн|последн|перв|"
                           r"втор)")


def _with_edge(text: str, start: int) -> int:
    """Where a date's span starts with the part of its period said before it, if any."""
    m = _EDGE_BEFORE.search(text, max(0, start - 40), start)
    if m is None or BOUND_BEFORE.search(text[max(0, m.start() - 12):m.start()].lower()):
        return start
    return m.start()


def find_dates(text: str, dateline: str | None, language: str | None) -> list[DateMention]:
    """Every date expression in ``text`` with its resolved value, in text order; offsets are
    code points, ``text[m.start:m.end]`` is the phrase. Durations and phrases the rules
    cannot read are left out; an undated article's relative dates come with value None."""
    found: list[DateMention] = []
    spans = scan(text)
    holidays = holiday_spans(text)
    # "Christmas 2021": the holiday with its year is one date, not the year alone
    dated = [(s, e) for s, e in holidays if any(c.isdigit() for c in text[s:e])]
    spans = [x for x in spans if not any(s <= x[1] and x[2] <= e for s, e in dated)]
    taken = [(s, e) for _k, s, e in spans]
    spans += [("holiday", s, e) for s, e in holidays
              if not any(s < b and a < e for a, b in taken)]
    taken = [(s, e) for _k, s, e in spans]
    # "в первом квартале", "the June quarter": a part of a year with no year after it
    parts = [m.span() for m in date_parts.ALONE.finditer(_scanned(text)) if "quarter" in
             m.group() or not m.group().isascii()] if _PART_WORDS.search(text) else []
    if parts:  # "the June quarter" holds the month the scan found in it
        spans = [x for x in spans if not any(s <= x[1] and x[2] <= e for s, e in parts)]
        taken = [(s, e) for _k, s, e in spans]
        spans += [("part", s, e) for s, e in parts if not any(s < b and a < e for a, b in taken)]
    # "the last Monday in November": one day, not "last Monday" and "November"
    counted = [m.span() for m in COUNTED.finditer(text)] if _COUNTED_HINT.search(text) else []
    if counted:
        spans = [x for x in spans if not any(s <= x[1] and x[2] <= e for s, e in counted)
                 and not any(x[1] < e and s < x[2] for s, e in counted)]
        spans += [("counted", s, e) for s, e in counted]
    spans.sort(key=lambda x: x[1])
    for _kind, start, end in spans:
        start = _with_edge(text, start)
        r = resolve_in_text(text, start, end, dateline, language)
        if r.method in ("unresolved", "duration"):
            continue
        found.append(DateMention(start, end, r.value, r.granularity, r.method, r.explanation))
    return found
