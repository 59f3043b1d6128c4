"""Ukrainian and Russian words in their cases: one name, many endings ("Лавров", "Лаврова",
"Лаврову"; "Україна", "України"). Pure string rules, no dictionary: a stem and a list of
the case endings of nouns and adjectives; anything else after the stem is another word
("український" is not "Україна")."""

from __future__ import annotations

from reader_app.domain.actors import match_key

__all__ = ["ENDINGS", "is_adjective", "is_cyrillic", "same_word", "strip_ending", "word_stem"]

# endings a name's base form may end with, stripped to find its stem
_STRIP = ("ий", "ій", "ый", "ой", "ія", "ия", "ья", "а", "я", "о", "й", "ь", "е", "и", "і", "ы")
# case endings that may follow a stem
ENDINGS = frozenset("""а я у ю і ї и ы е є о ом ем єм ём ою ею ой ей ів ов ев ам ям ами ями
    ах ях ові еві єві ого ому ім им ий ій ым ых их ими ої ую юю ая ее ие ые ему ьому ього
    """.split())
_SOFT_ENDS = ("й", "ь")
_BY_LENGTH = sorted(ENDINGS | set(_STRIP), key=len, reverse=True)


def is_cyrillic(word: str) -> bool:
    return bool(word) and all("\u0400" <= c <= "\u04ff" for c in word)


def strip_ending(word: str) -> str:
    """A base form's stem ("україна" -> "україн", "лавров" stays): at least 3 letters."""
    return next((word[:-len(e)] for e in _STRIP if word.endswith(e) and len(word) - len(e) >= 3),
                word)


def same_word(a: str, b: str) -> bool:
    """Two match keys of one word, in any case ("партия"/"партию", "рада"/"ради")."""
    if a == b:
        return True
    if not (is_cyrillic(a) and is_cyrillic(b)):
        return False
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    # a nominative's last "й" or "ь" is no stem letter: "ліцей"/"ліцею", "учитель"/"учителя"
    return n >= 3 and all(not rest or rest in ENDINGS or rest in _SOFT_ENDS for rest in (a[n:], b[n:]))


def word_stem(word: str) -> str:
    """A Cyrillic word without its case ending ("Мороза" -> "мороз"), any other word as
    its match key without a possessive: what a library look-up by fragment searches."""
    key = match_key(word).removesuffix("'s")
    if is_cyrillic(key):
        for ending in _BY_LENGTH:
            if key.endswith(ending) and len(key) - len(ending) >= 3:
                return key[:-len(ending)]
    return key


# Nominative endings of Ukrainian and Russian adjectives: a body's name opens with them
# ("Верховна", "Національна", "Транскаспийская", "Державне") before its noun.
_ADJECTIVE_ENDS = ("ий", "ій", "ый", "ой", "ая", "яя", "ое", "ее", "ька", "ська", "цька", "кова",
                   "гова", "това", "не", "ське", "цьке", "ні", "ські", "ые",
                   "ские", "цкие")
_VOWELS = "аеєиіїоуюяыэёй"


def is_adjective(word: str) -> bool:
    """A Ukrainian or Russian adjective in the nominative, by its ending (a match key):
    "-на" only after a consonant ("Верховна", "обласна"; "країна", "сторона" are nouns),
    "-ке" only after a vowel ("велике", "широке"; "оценке", "поставке" are nouns)."""
    if not is_cyrillic(word) or len(word) <= 3:
        return False
    return word.endswith(_ADJECTIVE_ENDS) or (word.endswith("на") and word[-3] not in _VOWELS) \
        or (word.endswith("ке") and word[-3] in _VOWELS)
