"""Word tables for date normalization: English, Ukrainian and Russian (lower case).

Only the words the rules in ``date_rules`` need; everything else is left to dateparser.
"""

from __future__ import annotations

import re


def _table(groups: dict[int, str]) -> dict[str, int]:
    return {word: key for key, words in groups.items() for word in words.split()}


# Full month names in every case form the rules meet (nominative, genitive, locative, and
# the Russian dative of a deadline: "к сентябрю"; not "маю", which is also Ukrainian "I have")
MONTHS: dict[str, int] = _table({
    1: "january січень січня січні січнем январь января январе январю январём январем",
    2: "february лютий лютого лютому февраль февраля феврале февралю февралём февралем",
    3: "march березень березня березні березнем март марта марте марту мартом",
    4: "april квітень квітня квітні квітнем апрель апреля апреле апрелю апрелем",
    5: "may травень травня травні травнем май мая мае маем",
    6: "june червень червня червні червнем июнь июня июне июню июнем",
    7: "july липень липня липні липнем июль июля июле июлю июлем",
    8: "august серпень серпня серпні серпнем август августа августе августу августом",
    9: "september вересень вересня вересні вереснем сентябрь сентября сентябре сентябрю "
       "сентябрём сентябрем",
    10: "october жовтень жовтня жовтні жовтнем октябрь октября октябре октябрю октябрём "
        "октябрем",
    11: "november листопад листопада листопаді листопадом ноябрь ноября ноябре ноябрю "
        "ноябрём ноябрем",
    12: "december грудень грудня грудні груднем декабрь декабря декабре декабрю декабрём "
        "декабрем",
})
# Abbreviations: accepted next to a day number, or as the whole phrase.
MONTH_ABBREVIATIONS: dict[str, int] = _table({
    1: "jan січ янв", 2: "feb лют фев февр", 3: "mar бер", 4: "apr квіт апр",
    6: "jun черв июн", 7: "jul лип июл", 8: "aug серп авг", 9: "sep sept вер сен сент",
    10: "oct жовт окт", 11: "nov лист ноя нояб", 12: "dec груд дек",
})

# Weekdays (0 = Monday) in nominative and accusative/genitive forms.
WEEKDAYS: dict[str, int] = _table({
    0: "monday понеділок понеділка понеділку понеділком понедельник понедельника понедельнику "
       "понедельником",
    1: "tuesday вівторок вівторка вівторку вівторком вторник вторника вторнику вторником",
    2: "wednesday середа середу середи середі середою среда среду среды среде средой",
    3: "thursday четвер четверга четвергу четвергом четверг",
    4: "friday п'ятниця п'ятницю п'ятниці п'ятницею пятница пятницу пятницы пятнице пятницей",
    5: "saturday субота суботу суботи суботі суботою суббота субботу субботы субботе субботой",
    6: "sunday неділя неділю неділі неділею воскресенье воскресенья воскресенью воскресеньем",
})
WEEKDAY_ABBREVIATIONS: dict[str, int] = _table({
    0: "mon", 1: "tue tues", 2: "wed", 3: "thu thur thurs", 4: "fri",
})
# Also English words: accepted only when they are the whole phrase.
WEEKDAY_ABBREVIATIONS_ALONE: dict[str, int] = {"sat": 5, "sun": 6}
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Modifiers before a weekday or a week/month/year word: -1 before, +1 after, 0 this one.
MODIFIERS: dict[str, int] = _table({
    -1: "last past previous минулого минулої минулий минулу минула минулому минулій "
        "прошлый прошлую прошлой прошлого прошлое прошлом прошедший прошедшую прошедшей",
    1: "next coming following наступного наступної наступний наступну наступна наступному "
       "наступній найближчий найближчу найближчого найближчої следующий следующую "
       "следующей следующего следующем следующая будущий будущую будущей будущего будущем "
       "ближайший ближайшую ближайшего ближайшей",
    0: "this current цього цієї цей цю ця цьому цій поточного поточному поточний "
       "нинішнього нинішньому нинішній нинішня нинішню "
       "этот эту этой этого этом эта текущий текущей текущем текущего нынешнего нынешнем "
       "нынешний нынешней нынешнюю",
    -2: "позаминулого позаминулої позаминулий позаминулу позаминулому позаминулій "
        "позапрошлого позапрошлой позапрошлый позапрошлую позапрошлом",
})
MULTIWORD_MODIFIERS: dict[str, int] = {"this coming": 1, "this past": -1, "this last": -1}

# Units for "next week", "3 days ago" ... : days, weeks, months, years.
UNITS: dict[str, str] = {word: unit for unit, words in {
    "day": "day days день дні днів дня дней",
    "week": "week weeks тиждень тижня тижні тижнів тижнем неделя неделю недели неделе "
            "недель неделей",
    "month": "month months місяць місяця місяці місяців місяцем месяц месяца месяце месяцев "
             "месяцем",
    "year": "year years рік року році роки років роком год года году лет годом",
    "fortnight": "fortnight fortnights",  # two weeks: "a fortnight ago" is a day
}.items() for word in words.split()}

# Day offsets from the dateline.
RELATIVE_DAYS: dict[str, int] = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "yesterday": -1, "last night": -1, "tomorrow": 1,
    "the day before yesterday": -2, "day before yesterday": -2,
    "the day after tomorrow": 2, "day after tomorrow": 2,
    "сьогодні": 0, "вчора": -1, "учора": -1, "завтра": 1, "позавчора": -2, "післязавтра": 2,
    "сегодня": 0, "вчера": -1, "позавчера": -2, "послезавтра": 2,
}
# Whole-word relative years with no modifier word.
RELATIVE_YEARS: dict[str, int] = {"торік": -1, "минулоріч": -1, "цьогоріч": 0, "нинішньоріч": 0}

NUMBERS: dict[str, int] = _table({
    1: "a an one один одна одну один", 2: "two два дві две", 3: "three три",
    4: "four чотири четыре", 5: "five п'ять пять", 6: "six шість шесть",
    7: "seven сім семь", 8: "eight вісім восемь", 9: "nine дев'ять девять",
    10: "ten десять", 11: "eleven", 12: "twelve",
})
AGO = ("ago", "тому", "назад")
IN = ("in", "через")

# Leading words that bound a period; the date itself is still what is resolved.
QUALIFIERS: tuple[str, ...] = (
    "no later than", "not later than", "as of", "starting", "beginning", "since", "until",
    "till", "til", "by", "before", "after", "from", "through",
    "не пізніше", "починаючи з", "після", "до", "з", "із", "від",
    "не позднее", "начиная с", "после", "с", "со", "от",
)

UK_ONLY_LETTERS = "іїєґ"
RU_ONLY_LETTERS = "ыэъё"


def alternation(words: object) -> str:
    """A regex alternation of words, longest first (so 'sept' beats 'sep')."""
    items = sorted(set(words), key=len, reverse=True)  # type: ignore[call-overload]
    return "|".join(re.escape(w) for w in items)


MODIFIER = alternation([*MODIFIERS, *MULTIWORD_MODIFIERS])  # "next", "this coming", "минулого"…


def modifier_shift(word: str) -> int:
    """-1 / 0 / +1 for a modifier word ("last", "this", "next"), 0 when unknown."""
    return MULTIWORD_MODIFIERS.get(word, MODIFIERS.get(word, 0))
