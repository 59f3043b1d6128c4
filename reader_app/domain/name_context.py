"""The words around a name in running text: is it part of a longer name, a first name?

English capitalises names, so a capitalised word right before or after a known name usually
makes it part of another name ("Denzel Washington", "Washington Post", "Olena Petrenko"),
unless that word is one that news capitalises anyway: titles, institutions, sentence
openers, weekdays and months. Ukrainian and Russian capitalise only a name's first word, so
the same test holds there with their own openers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from reader_app.domain.actors import TITLE_WORDS, match_key
from reader_app.domain.speech_words import SPEECH

__all__ = ["as_place", "capitalised_word_before", "common_word", "first_name_before",
           "in_dateline", "is_initial", "not_first_name", "opens_sentence",
           "longer_name_after", "longer_name_before"]

# Capitalised in English news for reasons other than being part of a name.
_OPENERS = frozenset("""
    a an the in on at of for to from by with as and or but nor so yet if when while after
    before since until because although though whereas meanwhile however then also now
    today yesterday tomorrow tonight earlier later both neither either not only even still
    already last next this that these those here there where why how what who which whose
    it its his her their our my your we they he she i you all some many most every each no
    any according during despite against between among under over into about across amid
    without within via like unlike including instead thus hence indeed officially
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december
    і й та а але й що як коли після до під час у в на за від з із про для проте також
    вчора сьогодні завтра тоді тепер нині офіційний офіційна офіційно водночас
    и но что как когда после до при во на за от из про для однако также вчера сегодня
    завтра тогда теперь официальный официальная официально
""".split())
# Titles: before a surname they are not a first name; before a state's name in English they
# make it a person's name ("Colonel Washington", "Mr. Jordan").
_TITLES = frozenset("""
    colonel lieutenant major captain sergeant marshal brigadier judge justice bishop
    archbishop patriarch metropolitan rabbi father cardinal imam chairman chairwoman chair
    director commissioner inspector detective officer lawmaker mp speaker envoy coach ceo
    professor doctor sister brother mother aunt uncle son daughter wife husband
    президент президента прем'єр-міністр прем'єр міністр міністра голова речник речниця посол
    генерал полковник депутат депутатка мер пан пані спікер секретар командувач очільник
    глава министр председатель представитель господин госпожа мэр спикер секретарь
    командующий премьер премьер-министр
    директор директорка гендиректор гендиректорка заступник заступниця керівник керівниця
    міністерка радник радниця помічник помічниця лікар лікарка професорка адвокат адвокатка
    юрист юристка журналіст журналістка активіст активістка аналітик аналітикиня експерт
    експертка прокурор прокурорка суддя губернатор сенатор дипломат фермер фермерка
    підприємець підприємиця бізнесмен бізнесменка інженер інженерка вчителька вчитель
    директора заместитель замглавы советник советница руководитель помощник помощница врач
    профессор юристка журналист журналистка активист активистка аналитик эксперт прокурор
    судья дипломат предприниматель бизнесмен инженер учитель учительница пресс-секретарь
    прес-секретар омбудсман омбудсмен
""".split())
# Capitalised after a state's name without making it another name ("U.S. President").
_INSTITUTIONS = frozenset("""
    ministry ministries ministers department government cabinet parliament congress senate
    army navy forces air military troops embassy embassies officials official authorities
    administration state states border guard guards intelligence security council court
    delegation envoy envoys mission foreign defense defence interior justice treasury
    president prime premier secretary minister chancellor ambassador spokesman spokeswoman
    national federal central supreme general armed special
    міністерство міністр уряд президент парламент посольство
    министерство министр правительство президент парламент посольство
""".split()) | TITLE_WORDS | _TITLES

_NOT_FIRST_NAMES = _OPENERS | _TITLES | TITLE_WORDS
_NOT_AFTER = _OPENERS | _INSTITUTIONS
_IN_WORD = "'’.-"


def _nothing(word: str) -> bool:
    return False
_AFTER = re.compile(r"^[ \u00a0]([^\W\d_][\w'’\-]*)")
_LOOK = 48  # characters looked at around a name


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def capitalised_word_before(text: str, start: int) -> tuple[int, str] | None:
    """(start, word) of the capitalised word just before start, one space between."""
    if start < 2 or text[start - 1] not in " \u00a0" or not (
            text[start - 2].isalpha() or text[start - 2] == "."):
        return None  # the usual case, decided at once
    lo = max(0, start - _LOOK)
    i = text.rfind(" ", lo, start - 1) + 1
    if i == 0 and lo > 0:
        return None  # no word boundary near: a long run of letters, not a name
    if not text[i].isupper():
        newline = text.rfind("\n", i, start - 1)
        if newline == -1 or not text[newline + 1].isupper():
            return None
        i = newline + 1
    word = text[i:start - 1]
    if not all(c.isalnum() or c in _IN_WORD for c in word):
        return None
    return i, word


# Sentence-opening nouns of Ukrainian and Russian news that are no first names: the bodies
# and roles a surname follows ("Комітет Литвин", "Фракція Гнатюка", "Депутат Чебан").
_COMMON_OPENERS = frozenset("""
    комітет комітету фракція фракції партія уряд суд міністерство відомство служба рада
    депутат депутатка посадовець речник речниця міністр прокурор слідство компанія
    комитет комитета фракция партия правительство суд министерство ведомство служба совет
    депутат чиновник представитель министр прокурор следствие компания
""".split())


def common_word(text: str, word: str) -> bool:
    """A capitalised word that the text also writes in lower case, or a noun news opens a
    sentence with: a common word, not a first name."""
    return match_key(word) in _COMMON_OPENERS or _in_lower_case(text, word)


@lru_cache(maxsize=256)
def _in_lower_case(text: str, word: str) -> bool:
    """(Kept per text and word: a name repeated a thousand times in a long text would
    otherwise scan it a thousand times; a str caches its hash.)"""
    low = word.lower()
    i = text.find(low)
    while i != -1:
        end = i + len(low)
        if (i == 0 or not text[i - 1].isalpha()) and (end >= len(text) or not text[end].isalpha()):
            return True
        i = text.find(low, end)
    return False


def not_first_name(word: str) -> bool:
    """A title, an opener, a weekday or a month: capitalised, but never a first name."""
    return match_key(word) in _NOT_FIRST_NAMES or match_key(word) in _COMMON_OPENERS


def is_initial(word: str) -> bool:
    """"M." or "M": an initial standing for a first name."""
    core = word.rstrip(".")
    return len(core) == 1 and core.isupper()


def first_name_before(text: str, start: int) -> tuple[int, str] | None:
    """The capitalised word before a surname when it reads as a first name or an initial
    (not a title, an opener, a weekday or a month), else None."""
    found = capitalised_word_before(text, start)
    if found is None:
        return None
    _, word = found
    if word.endswith(".") and not is_initial(word):
        return None  # the end of a sentence, or a title ("Mr.")
    if word.isupper() and not is_initial(word):
        return None
    if match_key(word.rstrip(".")) in _NOT_FIRST_NAMES:
        return None
    return found


def longer_name_before(text: str, start: int, knows: Callable[[str], bool] = _nothing) -> bool:
    """A capitalised word right before a name that is part of it ("Denzel Washington"),
    or an English title ("Mr. Jordan"); knows(word): a known name next to it is not
    ("Ukraine Russia talks")."""
    found = capitalised_word_before(text, start)
    if found is None:
        return False
    if match_key(found[1].rstrip(".")) in _TITLES | TITLE_WORDS:
        return not "\u0400" <= text[start] <= "\u04ff"  # "Президент України" is the state
    found = first_name_before(text, start)
    if found is None or knows(found[1]):
        return False
    # "Реакція Москви": Ukrainian and Russian capitalise a sentence's first word, and names
    return not ("\u0400" <= text[start] <= "\u04ff" and opens_sentence(text, found[0]))


def opens_sentence(text: str, pos: int) -> bool:
    """The word at pos starts a sentence (or the text, a line, a quotation)."""
    i = pos - 1
    while i >= 0 and text[i] in " \u00a0\t":
        i -= 1
    return i < 0 or text[i] in "\n.!?…«»\"“”:;—–("


def longer_name_after(text: str, end: int, knows: Callable[[str], bool] = _nothing) -> bool:
    """A capitalised word right after a name that continues it ("Washington Post")."""
    if text[end:end + 1] not in (" ", "\u00a0") or not text[end + 1:end + 2].isupper():
        return False
    if "\u0400" <= text[end - 1] <= "\u04ff":
        return False  # Ukrainian and Russian capitalise a name's first word only
    m = _AFTER.match(text[end:end + _LOOK])
    if m is None:
        return False
    word = m.group(1)
    return match_key(word) not in _NOT_AFTER and not knows(word)


def in_dateline(text: str, start: int, end: int) -> bool:
    """A name in capitals at the start of a line, before a dash or a comma: a dateline's
    place ("KYIV, Ukraine — ...", "MOSCOW (Reuters) -"), not an actor."""
    if text[start - 2:start] != ", " and not text[start:end].isupper():
        return False  # the usual case, decided at once
    line = text.rfind("\n", max(0, start - _LOOK), start) + 1
    if line == 0 and start > _LOOK:
        return False
    head = text[line:start]
    if text[start:end].isupper() and (not head or _PLACES_LINE.fullmatch(head)):
        # "N'DJAMENA / GENEVA, 19 June": a joint statement's places, then the day
        also = _PLACES_LINE.match(text, end)
        if (also is not None or head) and _DAY_AFTER.match(
                text, end if also is None else also.end()):
            return True
    if not text[start:end].isupper() and not (head.endswith(", ") and head[:-2].isupper()):
        return False  # "KYIV, Ukraine —": the country after the place is the dateline's too
    if head and not (head.endswith(", ") and head[:-2].isupper()):
        return False
    rest = text[end:end + 40]
    if not head and rest[:2] == ". " and text[start:end].isupper() and text[start:end].isalpha():
        return True  # "КИШИНЁВ. Правительство ...": the Russian and Ukrainian style
    if not head and text[start:end].isupper() and _DAY_AFTER.match(rest):
        return True  # "КИЇВ, 15 травня.", "VILNIUS, Feb 16": the place, then the day
    return rest[:1] in (",", " ") and any(d in rest for d in ("—", "–", " - ", "(Reuters)",
                                                               "(AP)", "(AFP)"))


# more places in capitals, each after a slash (before or after the one looked at)
_PLACES_LINE = re.compile(r"(?:\s*/\s*[A-ZА-ЯІЇЄҐЁ][A-ZА-ЯІЇЄҐЁ'’. -]*?)+(?=,)"
                          r"|(?:[A-ZА-ЯІЇЄҐЁ][A-ZА-ЯІЇЄҐЁ'’. -]*?\s*/\s*)+")
_DAY_AFTER = re.compile(r",\s*(?:\d{1,2}\s+[^\W\d_]{3,}|[^\W\d_]{3,}\.?\s+\d{1,2})(?!\d)")


# Where a capital is a place, not its government. English: after "in", "at", "near" …
# ("In Moscow, the spokeswoman said", "talks in central Tbilisi"); "pressure from
# Washington" and "a note to Moscow" mean the government, and so do "officials in
# Washington". Ukrainian and Russian front a locative for the government ("У Кремлі
# заявили", "В Анкарі запевняють"): there only a locative that closes its clause is the
# place ("провів переговори у Вашингтоні.").
_PLACE_PREPOSITIONS = frozenset("in at near outside around across inside".split())
_PLACE_ADJECTIVES = frozenset("central northern southern eastern western downtown greater".split())
_GOVERNMENT_PEOPLE = frozenset("""official officials diplomat diplomats source sources authorities
    leader leaders lawmakers policymakers politicians government envoy envoys negotiator
    negotiators minister ministers""".split())
_GOVERNMENT_VOICES = _GOVERNMENT_PEOPLE | frozenset("""spokesman spokeswoman spokesperson
    aide adviser advisor insider""".split())
_LOCATIVES = frozenset("у в во на біля около".split())
# a journey's end ("a plane to Accra") is a place; "a note to Moscow" is the government
_DESTINATION = frozenset("to into до в у".split())
_TRAVEL = frozenset("""plane planes flight flights trip trips train trains ferry ferries road
    roads route routes journey journeys bus buses rail rails sail sailed flew travel travelled
    race races stage stages tour tours convoy convoys march marches
    traveled рейс рейси рейсы рейсів рейсов поїзд поїзди поезд поезда поїздка поездка дорога
    дорогу потяг""".split())
_CLAUSE_ENDS = re.compile(r"\s*(?:[.,;:!?)]|$)")
# a route's start and end ("from Iasi to Chisinau", "з Бишкека до Стамбула")
_ROUTE_FROM = frozenset("from з із зі від из от".split())
_ROUTE_TO = re.compile(r"\s+(?:to|до|в|у)\s+[^\W\d_]*[A-ZА-ЯІЇЄҐЁ]")


def _route_end(words: list[str]) -> bool:
    """The three words before a capital are "from <Place> to": it ends a route."""
    return (len(words) == 3 and words[0] in _ROUTE_FROM and words[2] in _DESTINATION
            and words[1].isalpha())
# "the Kyiv desk", "a Moscow court": a capital before a common noun names a place
# "the Minsk talks", "the Vilnius summit": the place of an event; "London-based": a compound
_PLACE_NOUN_AFTER = re.compile(r"\s+(?:desk|bureau|office|court|correspondent|metro|"
                               r"region|oblast|suburbs?|streets?|residents?|airport|"
                               r"summit|talks|conference|agreements?|accords?)\b"
                               r"|[-‑](?:based|born|bound|registered|headquartered)\b")


# a part of a city before its name in the genitive ("в центр Риги", "на околицях Києва")
_CITY_PARTS = frozenset("""centre center outskirts suburbs heart streets downtown центр центре
    центра центру центрі центром околиці околицях околицями окраина окраине окраинах
    окраины передмісті передмістя пригороде пригородах пригороді вулицях вулицями улицах
    улицами""".split())
# what a word before "у Києві" ends with when it is a verb ("заявили в Кремлі": the
# government), and the little words that start a clause ("і в Баку")
_VERB_LIKE = ("ли", "ла", "ло", "ся", "сь", "ть", "ет", "ит", "ут", "ют", "ат", "ят", "є",
              "ив", "ів", "ав", "ил", "ал", "ел", "ыл", "ул")
_CLAUSE_WORDS = frozenset("""і й та а але й також вже ще теж навіть и но также уже еще тоже
    даже что що""".split())


def _noun_before_locative(word: str) -> bool:
    """A Ukrainian or Russian noun right before "у Києві" ("на бирже в Астане", "офіс у
    Варшаві"): the capital is where that thing is, a place."""
    return (word.isalpha() and word.islower() and "\u0400" <= word[0] <= "\u04ff"
            and word not in _CLAUSE_WORDS and not word.endswith(_VERB_LIKE))


def as_place(text: str, start: int, end: int) -> bool:
    """Does a capital at text[start:end] stand for the place rather than the government?
    (Called for every state-table mention: a few words are split off, no regex search.)"""
    if _PLACE_NOUN_AFTER.match(text, end):
        return True
    if not start or not text[start - 1].isspace():
        return False
    words = [w.casefold() for w in text[max(0, start - 40):start].split()[-3:]]
    if not words:
        return False
    if words[-1] in _CITY_PARTS or words[-1] == "of" and len(words) > 1 and (
            words[-2] in _CITY_PARTS):
        return True  # "в центр Риги", "the outskirts of Kyiv": a part of the city
    if words[-1] in _LOCATIVES:
        if len(words) > 1 and words[-2] in SPEECH:
            return False  # "заявили в Кремле", "повідомили в Києві": the government speaks
        return bool(_CLAUSE_ENDS.match(text, end)) or (
            len(words) > 1 and _noun_before_locative(words[-2]))
    if len(words) > 1 and words[-1] in _DESTINATION and words[-2].strip(",") in _TRAVEL:
        return True  # "on a plane to Accra", "рейси до Варшави": where one goes
    if _route_end(words) or (words[-1] in _ROUTE_FROM and _ROUTE_TO.match(text, end)):
        return True  # "from Iasi to Chisinau", "from Chisinau to Iasi": a route's ends
    if words[-1] in ("a", "an") and text[end:end + 1] != "-":
        # "a Copenhagen private equity firm": a thing of that place; "a Kremlin
        # spokesman", "a Moscow official" speak for the government
        after = text[end:end + 40].split()[:1]
        return not after or after[0].strip(",;:.").casefold() not in _GOVERNMENT_VOICES
    if len(words) > 1 and words[-1] in _PLACE_ADJECTIVES:
        words.pop()
    if words[-1] not in _PLACE_PREPOSITIONS:
        return False
    return len(words) < 2 or words[-2].strip(",;:") not in _GOVERNMENT_PEOPLE
