"""The tense of the clause around a date: "said on Friday" is past, "will meet on Friday" future.

Only the words of the sentence around the date are read, and the tense cue nearest to it wins
("He said the talks will resume on Friday": "will resume" is nearer than "said"); a cue past a
comma counts as farther ("He will arrive on Friday, officials said"). English, Ukrainian and
Russian: auxiliaries and common news verbs, plus verb endings where they are reliable enough
(lower-case words of some length, minus a list of nouns that end alike).
"""

from __future__ import annotations

import re

from reader_app.domain import date_words as w
from reader_app.domain.date_verbs import CYRILLIC_PAST, ENGLISH_PAST, is_perfective_future
from reader_app.domain.speech_words import SPEECH

PAST, FUTURE, PRESENT = "past", "future", "present"  # present: a cue that there is no tense
WINDOW = 160  # characters each side: a clause, not a paragraph
CLAUSE_PENALTY = 80
# a cue across a quotation mark is the attribution's ("«… до кінця жовтня», — заявив"),
# not the tense of the quoted words the date is in
QUOTE_PENALTY = 200
_QUOTES = "«»“”\"„"


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_FUTURE = _set(
    "will won't shall would upcoming forthcoming "
    "буде будуть будемо буду будеш будете відбудеться відбудуться планує планують "
    "очікується очікуються заплановано запланована запланований заплановані призначено "
    "призначена збирається збираються "
    "плануємо плануєте плануємо планую плануєш "
    "будет будут буду будем будешь будете состоится состоятся планирует планируют намерен "
    "намерена намерено намерены ожидается ожидаются запланирован запланирована "
    "запланировано запланированы назначен назначена назначено назначены собирается "
    "собираются пройдет пройдёт пройдут начнется начнётся "
    # perfective verbs news uses for what is coming (their present form is a future)
    "проведе проведуть підпише підпишуть розгляне розглянуть прибуде прибудуть представить "
    "представлять оголосить оголосять почнеться почнуться завершиться завершаться "
    "зустрінеться зустрінуться відвідає відвідають виступить виступлять ухвалить ухвалять "
    "прийме приймуть набуде набудуть відкриється відкриються відкриє відкриють вилетить "
    "вилетять прилетить прилетять поїде поїдуть запустить запустять "
    "проведет проведёт проведут подпишет подпишут рассмотрит рассмотрят прибудет прибудут "
    "представит представят объявит объявят начнутся завершится завершатся откроется "
    "откроются вступит вступят встретится встретятся посетит посетят выступит выступят "
    "примет примут повысит понизит уйдет уйдёт уйдут вылетит вылетят прилетит прилетят "
    "откроет откроют запустит запустят отправится отправятся "
    "перейде перейдуть відновить відновлять перейдет перейдут возобновит возобновят "
    "прийде прийдуть замінить замінять отримає отримають придет придут заменит заменят "
    "получит получат "
    # making public, arriving, gathering, repeating: what an announcement says is coming
    "оприлюднить оприлюднять опублікує опублікують оприлюднимо приїде приїдуть зберуться "
    "збереться повторить повторять проголосує проголосують вийдуть вийде "
    "опубликует опубликуют обнародует обнародуют приедет приедут соберутся соберется "
    "соберётся повторит повторят проголосует проголосуют выйдут выйдет")
# "пообіцяли провести збори в четвер", "promised to vote on Friday": a promise is of what
# is to come
_PROMISES = _set("пообіцяв пообіцяла пообіцяли обіцяє обіцяють пообещал пообещала пообещали "
                 "обещает обещают promised promises pledged vowed")
# a promise being made, of what is ahead (not "в середу пообіцяв": the promise's own day)
_PROMISING = _set("обіцяє обіцяють обещает обещают promises")
# Before an infinitive, what is to happen: "должна открыться в декабре", "повинен завершитися"
_MODALS = _set("должен должна должно должны повинен повинна повинно повинні")
# "можуть повернутися в п'ятницю", "может открыться в мае": what can happen is ahead
_CAN = _set("може можуть можемо может могут можем")
_INFINITIVE_ENDINGS = ("ти", "тися", "тись", "ть", "ться", "чь", "чься")
# "could face shortages before Thanksgiving", "may vote on Friday" (not "could have")
_MAY = _set("could may might")
# English puts a future event in the present after a time word: "before the school year
# begins in September", "until the contract expires in May"
_TIME_WORDS = _set("before until till when once after unless")
_EVENT_VERBS = _set(
    "begins starts opens closes ends resumes returns expires arrives comes runs reopens "
    "meets sits convenes finishes lasts continues")
# "the season runs until May 31", "the ban lasts through June": what is scheduled
_EVENT_THEN = _set("in on until till through")
# "if needed", "as planned", "when asked": a participle with no subject, not a past tense
_BARE_PARTICIPLE_BEFORE = _set("if as when unless where")
_FUTURE_THEN_TO = _set(  # "... to" / "... for": "expected to", "plans to", "scheduled for"
    "going due set expected scheduled slated planned plans plan planning intends intend "
    "hopes hope aims aim wants want poised likely "
    # "hoped to start clearing the site this winter": an intention then, of what is ahead
    "hoped intended aimed wanted")
_FUTURE_ENDINGS_C = ("тиме", "тимуть", "тимемо", "тимете", "тимеш", "тиметься", "тимуться")
_PAST = _set(
    "was were had did didn't wasn't weren't hadn't ago said told met held went came took gave "
    "made left began won lost saw spoke wrote sent fled fell rose struck shot flew ran drove "
    "led brought bought sold paid built found kept felt thought heard stood became got broke "
    "chose drew froze hid knew rode sank stole swore threw woke wore withdrew arose sought "
    "taught overtook undertook "
    "було був була були было был была были")
_PAST_ENDINGS_UK = ("ав", "ив", "ув", "яв", "ов", "ала", "ила", "іла", "ула", "яла", "али",
                    "или", "іли", "ули", "яли", "ало", "ило", "іло", "уло", "яло")
# the Ukrainian endings a Russian past shares ("сказала", "решили"), for a sentence with no
# letter only Ukrainian has
_UK_AND_RU_PAST = ("ала", "ила", "ула", "яла", "али", "или", "ули", "яли", "ало", "ило", "уло",
                   "яло")
_PAST_ENDINGS_RU = ("ал", "ил", "ел", "ял", "ул", "ыл", "ала", "ила", "ела", "яла", "ула", "ыла",
                    "али", "или", "ели", "яли", "ули", "ыли", "ало", "ило", "ело", "яло", "уло")
_REFLEXIVE = ("ся", "сь")
_PRESENT = _set("is are am says say remains remain")
_PRESENT_ENDINGS_C = ("тся", "ться")
# Nouns and adjectives that end like past verbs.
_NOT_VERBS = _set(
    "генерал материал капитал сигнал канал финал идеал персонал арсенал трибунал журнал "
    "интервал потенциал потенціал фестиваль генерала правила правило могила сила сили школа "
    "школи села тіла крила глава глави начало начала сало масло ремесло число числа дело "
    "дела тело тела село мало мало много цілий вулиця улица правил рубил стол "
    "причал причали причалу причалів "
    "кілька декілька майже ніколи тоді коли тепер около "
    # nouns in -ал/-ел/-ил/-ул (and their genitive in -а), and Ukrainian genitive plurals in
    # -ав/-ов/-яв: "филиал", "квартала", "отдела", "держав", "справ", "заяв"
    "филиал филиала квартал квартала вокзал вокзала скандал скандала портал портала "
    "минерал ритуал мемориал сериал сериала провал провала завал подвал перевал накал "
    "отдел отдела раздел раздела предел предела пробел беспредел передел караул "
    "персонала материала капитала сигнала канала журнала трибунала арсенала финала "
    "держав справ заяв установ розмов основ підстав поправ вистав застав позов позову")
_DATE_WORDS = frozenset({*w.MODIFIERS, *w.UNITS, *w.MONTHS, *w.WEEKDAYS, *w.NUMBERS,
                         *w.RELATIVE_DAYS, *w.RELATIVE_YEARS, *w.AGO})
# "will be held", "would stay closed", "remained shut", "a deal is signed": a participle, not a
# past tense
_AUX_BEFORE_PARTICIPLE = _set("be being been get got stay stays remain remains is are am")
_ARTICLES = _set("the a an his her its their this that")
# "a closed hearing", "the revised plan": an -ed word after a determiner is an adjective
_DETERMINERS = _set("the a an his its their our my your these those")
# "it takes effect for the crop bought from April", "applies to cars registered from July": a
# past form after a preposition's noun, before "from", is a participle describing that noun
_OBJECT_PREPOSITIONS = _set("for to with against about over under")
_NOT_IN_OBJECT = _set("and or but that which who whom whose he she it they we i you there "
                      "not then also")


def _after_object(words: list[tuple[str, str]], i: int) -> bool:
    """Does words[i] follow a preposition and one to three lower-case words of its object?"""
    for k in range(i - 1, max(-1, i - 5), -1):
        raw, word = words[k]
        if word in _OBJECT_PREPOSITIONS:
            return k < i - 1
        if not raw.islower() or word in _NOT_IN_OBJECT or word in _PAST or word.endswith("ed"):
            return False
    return False


# "would pay by December and that lawmakers had approved": a second reported clause begins,
# with a tense of its own, as past a comma
_NEXT_CLAUSE = re.compile(r"(?<!\w)(?:and|but|or|і|й|та|а|але|и|но|или|або)\s+(?:that|що|что)(?!\w)",
                          re.IGNORECASE)
_UK_LETTERS = re.compile(f"[{w.UK_ONLY_LETTERS}{w.UK_ONLY_LETTERS.upper()}]")
# "will meet managers on Tuesday and has not ruled out a strike": a verb after an "and"
# that follows the date heads a predicate of its own
_AND_AFTER = re.compile(r"(?<!\w)(?:and|but)\s", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_][\w'’ʼ-]*")
# A sentence ends at . ! ? (not in "Feb." or "10.02."), a line break, or a semicolon.
# Nor in "7 p.m. Thursday": a clock time ends no sentence often enough to cut one there.
_SENTENCE_END = re.compile(
    r"(?<![A-Z][a-z])(?<![A-Z][a-z]{2})(?<!\d)(?<![ap]\.m)[.!?]+(?=\s)|[;\n]")


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    lo, hi = max(0, start - WINDOW), min(len(text), end + WINDOW)
    before = list(_SENTENCE_END.finditer(text, lo, start))
    after = _SENTENCE_END.search(text, end, hi)
    return (before[-1].end() if before else lo), (after.start() if after else hi)


def _cyrillic_past(word: str, ukrainian: bool = True) -> bool:
    """A past form by its ending; the Ukrainian masculine ones ("пішов", "сказав") only in
    a Ukrainian sentence ("технологов", "прав" are Russian nouns and adjectives)."""
    if word in _NOT_VERBS or len(word) < 5:
        return False
    stem = word[:-2] if word.endswith(_REFLEXIVE) else word
    return stem.endswith(_PAST_ENDINGS_RU) or (
        stem.endswith(_PAST_ENDINGS_UK) if ukrainian else stem.endswith(_UK_AND_RU_PAST))


_PAST_CLAUSE_OPENERS = _set("before until till after when because since so")
_ABSOLUTE = _set("included excluded excepted")
_PLANNED = _set("planned scheduled expected due set slated")


def _conditional_of_would(words: list[tuple[str, str]], i: int) -> bool:
    """Is words[i] a past form in an "if"/"unless" clause after "would" ("it would move if
    nothing was done by March"): a condition of what is to come, not a past."""
    for k in range(i - 1, max(-1, i - 7), -1):
        if words[k][1] in ("if", "unless"):
            return any(x[1] in ("would", "could") or x[1].endswith("'d")
                       for x in words[max(0, k - 15):k])
    return False


def _tense(words: list[tuple[str, str]], i: int,
           ukrainian: bool = False) -> tuple[str, str] | None:
    """The tense word i (with its neighbours) marks, and the cue as it reads (``ukrainian``:
    the sentence is Ukrainian, which some verb endings need to know)."""
    raw, word = words[i]
    nxt = words[i + 1][1] if i + 1 < len(words) else ""
    prev = words[i - 1][1] if i else ""
    if word in _FUTURE or word.endswith("'ll"):
        return FUTURE, raw
    if word in _FUTURE_THEN_TO and nxt in ("to", "for"):
        after = words[i + 2][1] if i + 2 < len(words) else ""
        if word != "due" or after not in _ARTICLES:  # "due to meet", not "due to the rain"
            return FUTURE, f"{raw} {nxt}"
    if word in ("is", "are", "am") and nxt.endswith("ing") and len(nxt) > 4:
        return FUTURE, f"{raw} {nxt}"  # "is meeting on Friday": an arrangement
    if word in ("is", "are") and nxt == "to":
        return FUTURE, f"{raw} to"
    if word in ("is", "are") and nxt in _PLANNED:
        return FUTURE, f"{raw} {nxt}"  # "a meeting is planned in two weeks"
    if word in ("має", "мають") and nxt == "намір":
        return FUTURE, f"{raw} намір"
    if word.endswith(_FUTURE_ENDINGS_C):
        return FUTURE, raw
    if raw.islower() and not word.isascii() and is_perfective_future(word, ukrainian):
        return FUTURE, raw  # "зростуть", "запрацює", "вырастут": a perfective's present
    if word in _CAN and nxt.endswith(_INFINITIVE_ENDINGS):
        return FUTURE, f"{raw} {words[i + 1][0]}"
    if word == "could" and any(x[1] in _PAST_CLAUSE_OPENERS for x in words[max(0, i - 3):i]):
        return None  # "waited on Wednesday before he could land": the past of "can"
    if word in _MAY and raw.islower() and nxt.isalpha() and nxt not in (
            "have", "not") and nxt not in _PAST:  # not the month: "in May ended"
        return FUTURE, f"{raw} {words[i + 1][0]}"
    if word in _EVENT_VERBS and any(x[1] in _TIME_WORDS for x in words[max(0, i - 5):i]):
        return FUTURE, raw
    if prev in _PROMISES and (word == "to" or not word.isascii()
                              and word.endswith(_INFINITIVE_ENDINGS)):
        return FUTURE, f"{words[i - 1][0]} {raw}"
    if word in _EVENT_VERBS and nxt in _EVENT_THEN and raw.islower():
        return FUTURE, f"{raw} {nxt}"  # "my contract ends in January": what is scheduled
    if word in _PROMISING:
        return FUTURE, raw  # "у міськраді обіцяють ще дві до 1 вересня": a promise is ahead
    if prev in _MODALS and not word.isascii():
        return FUTURE, f"{words[i - 1][0]} {raw}"  # "должна открыться": an infinitive ahead
    if word in _PRESENT or not word.isascii() and raw.islower() and word.endswith(
            _PRESENT_ENDINGS_C) and len(word) > 5:
        return PRESENT, raw  # "is", "начнутся", "проводиться": this clause has its own verb
    if prev in ("it", "he", "she") and word.endswith("s") and not word.endswith("ss") \
            and raw.islower() and word not in _PAST and word not in ("has", "does"):
        return PRESENT, raw  # "it applies", "she takes": this clause has its own verb
    if word in ("has", "have") and nxt == "been":
        return PAST, f"{raw} been"
    if word.isascii():
        if prev in ("is", "are") and word in _PLANNED:
            return FUTURE, f"{words[i - 1][0]} {raw}"  # "a meeting is planned in two weeks"
        if prev in _AUX_BEFORE_PARTICIPLE:
            return None  # "will be held", "to be signed": a participle
        if prev in _DETERMINERS and word not in _PAST:
            return None  # "a closed hearing": an adjective
        if word in _ABSOLUTE and i and (words[i - 1][0][:1].isupper()
                                        or words[i - 1][0][:1].isdigit()):
            return None  # "Christmas Day included", "July 4 excepted": no verb of a clause
        if nxt == "from" and (word in _PAST or word.endswith("ed")) and _after_object(words, i):
            return None  # "for the crop bought from April": a participle, a period to come
        if prev in _ADJECTIVE_AFTER and word.endswith("ed") and nxt.isalpha() and nxt.islower():
            return None  # "lots from mapped farms", "enough refrigerated containers"
        past = word in _PAST or word in ENGLISH_PAST
        if past or (len(word) > 3 and word.endswith("ed") and not word.endswith("eed")
                    and raw.islower()):
            if prev in _BARE_PARTICIPLE_BEFORE and not past:
                return None
            if _conditional_of_would(words, i):
                return FUTURE, "would"  # "would leave if nothing was done by March"
            return PAST, raw
        return None
    if word in _PAST or word in CYRILLIC_PAST:
        return PAST, raw
    return (PAST, raw) if raw.islower() and _cyrillic_past(word, ukrainian) else None


_THAT = _set("що что")
# "told reporters on Tuesday that the cap would …": past the date, "that" after a speech
# verb opens the report, whose tense is not the telling's
_THAT_AFTER = _set("that що что")
# "In a statement on Friday, NNPC said …": a date in a phrase that opens the sentence
# (no verb of its own) takes the tense of the clause after the comma
_OPENERS = _set("in at on during after following speaking addressing writing "
                "в у на під після во после")
_ADJECTIVE_AFTER = _set("from of with by enough more many some few several no")
# "…market from 30th December, the union has warned": the attribution after a comma, not
# the tense of the clause the date is in (unless the date opens it: "On Friday, she said")
_ATTRIBUTION = SPEECH - _set("is are")


def tense_around(text: str, start: int, end: int) -> tuple[str | None, str]:
    """(PAST | FUTURE | None, the cue) for the clause around text[start:end]."""
    lo, hi = _sentence(text, start, end)
    found = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text, lo, hi)]
    words = [(raw, raw.lower().replace("’", "'").replace("ʼ", "'")) for _, _, raw in found]
    ukrainian = _UK_LETTERS.search(text, lo, hi) is not None
    # the nearest cue on each side (distance only grows outward, so the first one found)
    first = next((i for i, (a, _, _) in enumerate(found) if a >= end), len(found))
    told = any(words[k][1] in _ATTRIBUTION for k in range(max(0, first - 7), first)
               if found[k][1] <= start)
    opened = bool(words) and words[0][1] in _OPENERS and "," not in text[lo:start]
    best: tuple[int, str, str] | None = None
    for order in (range(first - 1, -1, -1), range(first, len(found))):
        for i in order:
            if i < first and words[i][1] in _THAT and found[i][1] <= start:
                break  # "уточнив, що … у неділю": a report's tense is not what it reports
            if i >= first and told and words[i][1] in _THAT_AFTER:
                break
            if i >= first and first >= 3 and not opened and words[i][1] in _ATTRIBUTION \
                    and "," in text[end:found[i][0]]:
                break
            marked = _tense(words, i, ukrainian)
            if marked is None:
                continue
            a, b, _ = found[i]
            if start <= a < end and words[i][1] in _DATE_WORDS:
                continue  # the date's own words: "last", "минула", "недели"
            gap = "" if start <= a < end else text[b:start] if b <= start else text[end:a]
            distance = len(gap) + CLAUSE_PENALTY * (
                "," in gap or "—" in gap or _NEXT_CLAUSE.search(gap) is not None
                or a >= end and _AND_AFTER.search(gap) is not None) \
                + QUOTE_PENALTY * any(q in gap for q in _QUOTES)
            if best is None or distance < best[0]:
                best = (distance, *marked)
            break
    return (None, "") if best is None or best[1] == PRESENT else (best[1], best[2])
