"""Durations and quantities of time ("50 years", "six weeks", "three hours", "п'ять років"):
a length of time, not a point in it, so never a date value.

"two days ago" and "in two days" are dates (the rules read them); "two days" alone is not.
"""

from __future__ import annotations

import re

from reader_app.domain import date_words as w

# Units of a length of time, every form news uses (days/weeks/months/years, and the units the
# date rules never resolve: hours, minutes, decades, centuries).
TIME_UNITS = frozenset({*w.UNITS, *(
    "hour hours minute minutes second seconds decade decades century centuries fortnight "
    "fortnights night nights millennium millennia "
    "година години годину годин хвилина хвилини хвилин секунд десятиліття десятиліть "
    "десятиріччя століття століть сторіччя ночі ночей діб доба добу тижнями днями роками "
    "час часа часов часу минута минуты минут секунды десятилетие десятилетия десятилетий "
    "век века веков столетие столетия столетий сутки суток ночь ночи неделями годами "
    "месяцами").split()})
_NUMBER_WORDS = frozenset({*w.NUMBERS, *(
    "zero eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty "
    "thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands "
    "dozen dozens several few many couple half and more than less fewer nearly almost about "
    "around some over under up to at least most the past last first final full whole "
    "entire another extra additional recent previous coming next following "
    "кілька декілька багато кількох декількох двох трьох чотирьох п'яти шести семи восьми "
    "дев'яти десяти двадцять тридцять сорок п'ятдесят сто півтора понад майже близько "
    "останні останніх перші перших наступні наступних цілих цілий протягом "
    "несколько много нескольких трех трёх четырех четырёх пяти шести семи восьми девяти "
    "десяти двадцать тридцать пятьдесят полтора более менее почти около последние "
    "последних первые первых следующие целых целый течение "
    "for over during within throughout після за на протягом впродовж упродовж понад "
    "течение").split()})
_NUMBERISH = re.compile(r"\d[\d,.]*|\d+-\w+|[^\W\d_]+(?:-[^\W\d_]+)?")
_IS_NUMBER = re.compile(r"\d[\d,.]*|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
                        r"-(?:one|two|three|four|five|six|seven|eight|nine)")


def is_duration(cleaned: str) -> bool:
    """True for a cleaned phrase (see dates.clean) that is a length of time and nothing else:
    a unit last, before it only numbers and quantity words, and at least one number or a
    plural unit ("50 years", "the past two weeks", "for decades"). "last week" is a date."""
    words = cleaned.split()
    if not words or words[-1] not in TIME_UNITS:
        return False
    rest = words[:-1]
    if rest and _CALENDAR_YEAR.fullmatch(rest[-1]) and words[-1] in _YEAR_CASES:
        return False  # "2019 році", "в 2019 году": the year itself
    if any(x not in _NUMBER_WORDS and not _IS_NUMBER.fullmatch(x) for x in rest):
        return False
    if w.UNITS.get(words[-1]) == "fortnight":
        return True  # "the last fortnight", "a fortnight": two weeks long, no calendar unit
    counted = any(_IS_NUMBER.fullmatch(x) or x in w.NUMBERS or x in _PLURAL_COUNTS for x in rest)
    if counted:
        return True
    # no number: only a unit that the date rules never read ("hours", "decades") is a duration;
    # "last week", "this year", "next month" are dates
    return not rest or words[-1] not in w.UNITS and not any(x in w.MODIFIERS for x in rest)


_CALENDAR_YEAR = re.compile(r"1\d{3}|20\d{2}|2100")
_YEAR_CASES = frozenset("рік року році роком год года году годом".split())
_PLURAL_COUNTS = frozenset(
    "several few many couple dozen dozens hundreds thousands кілька декілька багато кількох "
    "декількох двох трьох чотирьох п'яти несколько много нескольких трех трёх пяти".split())
