"""Is a person in running text a man or a woman? Cues news gives around a name: a title
("Ms Whitcombe", "пані Литвин"), a kinship noun ("his sister, Clare ..."), the subject
pronoun later in the sentence ("Whitcombe said he ..."), a Ukrainian or Russian past verb
right after the name ("Чебан заявив", "Грекова заявила") and a Cyrillic first name's
ending. Used only to tell apart people who share a surname."""

from __future__ import annotations

import re

from reader_app.domain.word_forms import is_cyrillic

__all__ = ["MALE", "FEMALE", "cue_after", "cue_before", "first_name_gender",
           "honorific_gender", "mention_gender", "person_gender"]

MALE, FEMALE = "m", "f"

_BEFORE = {
    **dict.fromkeys("""mr mr. sir lord king prince brother father husband son uncle nephew
        grandson grandfather пан брат батько чоловік син дядько онук господин брат отец муж
        сын дядя внук mzee alhaji пана пану паном господина господину господином""".split(),
                    MALE),
    **dict.fromkeys("""mrs mrs. ms ms. miss lady dame queen princess sister mother wife
        daughter aunt niece granddaughter grandmother widow пані сестра мати дружина донька
        дочка тітка онука вдова госпожа сестра мать жена дочь тётя внучка alhaja hajia
        madam госпожи госпоже госпожой""".split(), FEMALE),
}
# subject pronouns, and "his" (only ever a man's; "her" and "him" are as often another's)
_PRONOUNS = {"he": MALE, "his": MALE, "she": FEMALE, "він": MALE, "вона": FEMALE, "он": MALE,
             "она": FEMALE}
_WORD = re.compile(r"[^\W\d_]+(?:[’'][^\W\d_]+)?")
_SENTENCE_END = re.compile(r"[.!?…](?:\s|$)|\n")
# Cyrillic first names that end like a woman's and are a man's
_MALE_IN_A = frozenset("микола ілля илья никита кузьма фома лука савва данила".split())


def cue_before(text: str, start: int) -> str | None:
    """A title or kinship noun among the two words before a name ("his sister, Clare")."""
    words = text[max(0, start - 30):start].split()[-2:]
    for word in reversed(words):
        gender = _BEFORE.get(word.strip(",;:—–(").casefold())
        if gender is not None:
            return gender
    return None


# The apposition after a name says what the person is: "Donald MacNeil, a fisherman,",
# "Erik Lunde, the minister's brother," (a gendered noun: kin, a title, "-man"/"-woman")
_APPOSITION = re.compile(r",\s+(?:a|an|the|his|her|their|[\w'’.-]+['’]s)\s+([^,.;:!?()\n]{1,60})")
_NOT_MAN = frozenset("human german roman ottoman shaman".split())


_HONORIFICS = frozenset("""mr mrs ms miss sir lord lady dame пан пані господин госпожа mzee
    alhaji alhaja hajia madam""".split())


def honorific_gender(word: str) -> str | None:
    """The gender an honorific gives ("Ms", "Mr.", "пані"); None for any other word."""
    low = word.casefold().rstrip(".")
    return _BEFORE.get(low) if low in _HONORIFICS else None


def _noun_gender(word: str) -> str | None:
    low = word.casefold()
    if low.endswith(("woman", "women")):
        return FEMALE
    if low.endswith("man") and len(low) > 5 and word.islower() and low not in _NOT_MAN:
        return MALE
    gender = _BEFORE.get(low)
    return gender if gender is not None and not low.endswith(".") and \
        low not in _HONORIFICS else None


def apposition_gender(text: str, end: int) -> str | None:
    """The gender the noun in a name's apposition gives ("…, a fisherman,"), else None."""
    m = _APPOSITION.match(text, end)
    if m is None:
        return None
    found = {g for w in _WORD.findall(m.group(1)) if (g := _noun_gender(w)) is not None}
    return found.pop() if len(found) == 1 else None


def cue_after(text: str, end: int) -> str | None:
    """A gendered noun in the apposition after the name, a subject pronoun (or "his") later
    in the sentence, or a Cyrillic past verb right after the name."""
    apposition = apposition_gender(text, end)
    if apposition is not None:
        return apposition
    stop = _SENTENCE_END.search(text, end)
    rest = text[end:stop.start() if stop else min(len(text), end + 200)]
    words = _WORD.findall(rest)
    if words and is_cyrillic(words[0]) and words[0].islower():
        verb = words[0]
        if verb.endswith(("ла", "лася", "лась")):
            return FEMALE
        if verb.endswith(("ив", "ів", "ав", "ув", "ил", "ал", "ел", "ыл", "вся", "лся")):
            return MALE
    for word in words:
        gender = _PRONOUNS.get(word.casefold())
        if gender is not None:
            return gender
    return None


def first_name_gender(first: tuple[str, ...]) -> str | None:
    """A Cyrillic first name's gender by its ending ("Оксана", "Тарас"); None otherwise."""
    if not first or not is_cyrillic(first[0]) or len(first[0]) < 3:
        return None
    name = first[0]
    if name.endswith(("а", "я")) and name not in _MALE_IN_A:
        return FEMALE
    return MALE


# Case endings only one gender's form of a Slavic surname takes: "Сейтовой", "Петренкової"
# is a woman's (Сейтова), "Сейтовым", "Сейтовим" a man's (Сейтов)
_FEMININE_CASES = ("овой", "евой", "ёвой", "иной", "ыной", "ової", "евої", "іної", "овою",
                   "евою", "іною", "овій", "евій", "іній", "ской", "цкой", "ської", "цької",
                   "ською", "цькою", "ській", "цькій")
_MASCULINE_CASES = ("овым", "евым", "ёвым", "иным", "ыным", "овим", "евим", "іним", "ским",
                    "цким", "ським", "цьким", "ского", "цкого", "ського", "цького")
_FEMININE_NAMES = ("ова", "ева", "ёва", "ина", "ына", "ская", "цкая", "ська", "цька")
_MASCULINE_NAMES = ("ов", "ев", "ёв", "ин", "ын", "ский", "цкий", "ський", "цький")


def surname_case_gender(word: str) -> str | None:
    """The gender an inflected Slavic surname's ending shows ("Сейтовой": a woman's)."""
    low = word.lower()
    if low.endswith(_FEMININE_CASES):
        return FEMALE
    if low.endswith(_MASCULINE_CASES):
        return MALE
    return None


def surname_gender(name: str) -> str | None:
    """The gender of a Slavic surname in the nominative ("Сейтова", "Petrova": a woman's)."""
    last = name.split()[-1].lower() if name.split() else ""
    if last.endswith(_FEMININE_NAMES) and len(last) > 4:
        return FEMALE
    if last.endswith(_MASCULINE_NAMES) and len(last) > 3:
        return MALE
    return None


def mention_gender(text: str, start: int, end: int) -> str | None:
    """A mention's gender from its own title ("Ms Okoye"), the words before it ("her
    brother Daniel …") or a pronoun later in its sentence ("Whitcombe said he …")."""
    words = text[start:end].split()
    if len(words) > 1:
        title = _BEFORE.get(words[0].strip(",;:").casefold())
        if title is not None:
            return title
    if len(words) == 1 and is_cyrillic(words[0][:1]):
        by_case = surname_case_gender(words[0].strip(",;:.»«"))
        if by_case is not None:  # "Сейтовой": the woman of the family
            return by_case
    return cue_before(text, start) or cue_after(text, end)


def person_gender(text: str, name: str, mentions: list[tuple[int, int]]) -> str | None:
    """A person's gender: a Cyrillic first name's, else the first cue at a mention."""
    words = name.split()
    found = surname_gender(name) if len(words) > 1 and is_cyrillic(words[-1][:1]) else None
    if found is None and len(words) > 1:
        found = first_name_gender(tuple(words[:1]))
    for start, end in mentions:
        if found is not None:
            break
        found = mention_gender(text, start, end)
    return found
