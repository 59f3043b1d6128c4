"""When a common noun stands for a body the text named: "the party", "Dumitrescu's party",
"a ministry spokeswoman", "the Commission"; "Міністерство на запит не відповіло"; and the
noun a Ukrainian or Russian text puts before a name in quotation marks ("компанія
«Медтехсервіс»", "профсоюза «Единство»"), which it uses alone for that body later.
Pure string rules over the words around the noun."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from reader_app.domain.actors import match_key
from reader_app.domain.name_context import opens_sentence
from reader_app.domain.speech_words import SPEECH
from reader_app.domain.word_forms import is_adjective, is_cyrillic, same_word

__all__ = ["declared_nouns", "determined", "english_determined", "noun_mentions", "noun_stands_alone",
           "quoted_name", "thing_named"]

# What a body's people and papers are called after "a": "a ministry spokeswoman" is the
# ministry's, "a ministry" alone is any ministry.
_ROLE_NOUNS = frozenset("""spokesman spokeswoman spokesperson spokespeople official officials
    source sources statement statements representative representatives lawyer lawyers
    document documents adviser advisers advisor employee employees member members
    press letter report memo website""".split())
_QUOTES = "\"“”«»‘’'("
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")


def _word_before(text: str, start: int) -> str:
    words = text[max(0, start - 40):start].split()
    return words[-1].strip(_QUOTES) if words and text[start - 1:start].isspace() else ""


def _word_after(text: str, end: int) -> str:
    m = _WORD.match(text, end + 1) if text[end:end + 1] == " " else None
    return m.group() if m else ""


# "the museum in Accra": a place after the noun says which one, another than the one named
# (a month or a weekday is a time: "contacted the force in June")
_PLACED_AFTER = re.compile(r" (?:in|at) (?:the )?(?!(?:January|February|March|April|May|June|"
                           r"July|August|September|October|November|December|Monday|Tuesday|"
                           r"Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-Z]")


def english_determined(text: str, start: int, end: int) -> bool:
    """An English noun that names a definite body: after "the" or "its", after a name's
    possessive ("Abashidze’s party"), or after "a" with a role noun ("a ministry
    spokeswoman"); not "his party", "a party", "the museum in Accra"."""
    word = _word_before(text, start)
    key = word.casefold()
    if key in ("the", "its"):
        return _PLACED_AFTER.match(text, end) is None
    if key[-2:] in ("'s", "’s") and word[:1].isupper() and len(word) > 3:
        return True
    return key in ("a", "an") and _word_after(text, end).casefold() in _ROLE_NOUNS


# Ukrainian and Russian words after a sentence's first noun that make it the subject, not
# the start of another body's name ("Міністерство фінансів", "Партия регионов"): a verb's
# endings (past, present, reflexive) and a short adjective's ("намерена", "готова").
_VERB_ENDS = ("ла", "ли", "ло", "ся", "сь", "ть", "є", "ає", "ує", "ить", "ет", "ут", "ют",
              "ат", "ят", "ит", "ена", "ено", "ана", "ова", "на", "не", "ал", "ил", "ел", "ыл",
              "ул", "ял", "ав", "ив", "ув", "яв")  # not "ів": "фінансів" is a genitive
_LITTLE = frozenset("""на за до від про та і й а але не вже ще теж також лише тільки поки
    уже еще тоже также только пока и но по при для""".split())


_GENITIVE_ENDS = ("а", "я", "и", "і", "ї", "ів", "ов", "ев", "ей", "ої", "ої", "их", "ых", "ого",
                  "ення", "ання", "ия", "ія")


def _another_body_after(text: str, end: int) -> bool:
    """A Ukrainian or Russian noun in the genitive right after a lower-case body noun:
    the two are another body's name ("рада громади"), not the body named before."""
    after = _word_after(text, end)
    key = after.casefold()
    return (is_cyrillic(after) and after.islower() and key not in _LITTLE
            and not key.endswith(_VERB_ENDS) and key.endswith(_GENITIVE_ENDS))


def noun_stands_alone(text: str, start: int, end: int) -> bool:
    """A capitalised noun that is the body itself, not the start of another name: English
    "the Commission" (no capitalised word or "of" after it), a Ukrainian or Russian
    sentence's first word before a verb or a little word ("Міністерство на запит ...")."""
    after = _word_after(text, end)
    if is_cyrillic(text[start]):
        if not opens_sentence(text, start):
            return False
        key = after.casefold()
        # or a noun that is no genitive ("Компанию суд обязал …": the object first)
        return bool(after) and after.islower() and (
            key in _LITTLE or key.endswith(_VERB_ENDS)
            or not key.endswith(_GENITIVE_ENDS + _ADJECTIVE_ENDINGS))
    if text[start:end].isupper() or after[:1].isupper():
        return False
    return after not in ("of", "on", "for", "in") and english_determined(text, start, end)


def quoted_name(text: str, start: int, end: int) -> bool:
    """A name in quotation marks: Ukrainian and Russian write a company's, a party's or a
    paper's name so («Енергоком»), never a person's or a state's."""
    return text[start - 1:start] in ("«", "“", "\"") and text[end:end + 1] in ("»", "”", "\"")


_WHICH = re.compile(r",? which\b")


def thing_named(text: str, end: int) -> bool:
    """A name followed by "which" ("Kartli Asphalt, which won the tender"): English says
    "who" of a person, so this is a body, whatever type a first guess gave it."""
    return text[end:end + 1] in (",", " ") and _WHICH.match(text, end) is not None


_CYRILLIC_QUOTED = re.compile("[«“\"][\u0400-\u04ff]")


@lru_cache(maxsize=4)
def _cyrillic_quoted(text: str) -> bool:
    """Does a quotation mark open a Cyrillic word anywhere (quoted_name, is_cyrillic)?
    Once per text: a str keeps its hash."""
    return _CYRILLIC_QUOTED.search(text) is not None


# A quoted name in apposition to a noun stays in the nominative ("компанії «Поліська
# мережа»"); one whose first word takes an oblique adjective ending agrees with the word
# before as its dependent ("Директорка «Поліської мережі»": the director of it, not it)
# (not "ой", "ей": "Большой", "Прометей" are nominative)
_OBLIQUE = ("ої", "ого", "ому", "ою", "ую", "юю", "ым", "ых", "ими", "ыми")
# time words before a name head no apposition ("Минулого року «X» втратила")
_TIME_NOUNS = frozenset("""року році рік роки років года году год лет тижня тиждень
    неделе неделю недели місяця месяца дня день днях""".split())


def _apposition(text: str, start: int, key: str) -> bool:
    first = text[start:start + 40].split(maxsplit=1)[:1]
    return key not in _TIME_NOUNS and not (
        first and first[0].casefold().rstrip("»”\",.").endswith(_OBLIQUE))


def declared_nouns(text: str, spans: Iterable[tuple[int, int, int]]) -> dict[str, int]:
    """Match key of the lower-case noun right before a quoted Ukrainian or Russian name ->
    the actor: "компанія «Медтехсервіс»" says what Медтехсервіс is. A noun that two
    actors share is left out (either may be meant later)."""
    if not _cyrillic_quoted(text):
        return {}  # no quoted Cyrillic name anywhere: no span is one
    found: dict[str, int] = {}
    shared: set[str] = set()
    for start, end, actor_id in spans:
        if not quoted_name(text, start, end) or not is_cyrillic(text[start:start + 1]):
            continue
        word = _word_before(text, start - 1) if text[start - 2:start - 1] == " " else ""
        key = match_key(word)
        if key in SPEECH:
            continue  # "заявила «Айастан Медиа»": told the outlet, no noun for it
        if not is_cyrillic(key) or len(key) < 4 or not word.islower() and not opens_sentence(
                text, text.rfind(word, 0, start)) or not _apposition(text, start, key):
            continue
        if found.setdefault(key, actor_id) != actor_id:
            shared.add(key)
    return {k: a for k, a in found.items() if k not in shared}


def noun_mentions(text: str, nouns: dict[str, int], after: dict[int, int]
                  ) -> list[tuple[int, int, int]]:
    """(start, end, actor id) of each later lone use of a declared noun in any case
    ("профсоюза", "компанії"): lower case, or opening a sentence before its verb
    ("Профсоюз опубликовал"); not itself before a quoted name. after: actor id -> where
    it was first named."""
    out = []
    for m in _WORD.finditer(text):
        word = m.group()
        if not is_cyrillic(word[:1]) or not (
                word.islower() or (word[1:].islower()
                                   and noun_stands_alone(text, m.start(), m.end()))):
            continue
        key = match_key(word)
        for noun, actor_id in nouns.items():
            if key[:3] == noun[:3] and same_word(key, noun) and m.start() > after[actor_id]:
                if text[m.end():m.end() + 2] not in (" «", " \"", " “"):
                    out.append((m.start(), m.end(), actor_id))
                break
    return out


_ADJECTIVE_ENDINGS = ("ий", "ій", "ый", "ой", "ого", "ому", "ої", "ою", "ій", "ая", "яя",
                      "ую", "юю", "ее", "ые", "их", "ых", "ими", "ыми")
_DEMONSTRATIVES = frozenset("""ця цієї цю цією цій цей цього цьому ця та тієї ту тією той
    эта этой эту этого этому тот та той ту того тому даними словами данным словам""".split())
# what follows "the state" when it is the subject ("the state would pay"), not an
# adjective ("the state budget")
_STATE_VERBS = frozenset("""would will has had is was must should can could may might does did
    says said pays paid plans wants owns runs spends""".split())


def determined(text: str, start: int, end: int) -> bool:
    """A generic noun that stands for a body named before: English after "the", "its", a
    name's possessive or "a" with a role noun (not "his party": a person's), "the state"
    only as a subject; a Ukrainian or Russian lower-case noun without an adjective before
    it ("логістичної компанії" is some other company, a demonstrative aside), or one
    capitalised at a sentence's start that stands alone."""
    if not text[start].islower():
        return is_cyrillic(text[start]) and noun_stands_alone(text, start, end)
    words = text[max(0, start - 24):start].split()
    if not text[start - 1:start].isspace() or not words:
        return is_cyrillic(text[start]) and not words
    if not is_cyrillic(text[start]):
        if text[start:end] == "state" and not (
                _word_after(text, end).casefold() in _STATE_VERBS
                or text[end:end + 1] in (",", ".", ";")):
            return False
        return english_determined(text, start, end)
    if _another_body_after(text, end):
        return False  # "рада громади", "служба доставки": the noun of another body's name
    word = words[-1].strip("\"“”«»‘'(—–-").casefold()
    if word in _CONCEPTS:
        return False  # "идея консорциума": a body still to be made, not one acting
    if word in _POSSESSIVES:
        return False  # "его компания", "її партія": the body of the person, not the one named
    return not (is_cyrillic(word) and (word.endswith(_ADJECTIVE_ENDINGS) or is_adjective(word))
                and word not in _DEMONSTRATIVES)


_POSSESSIVES = frozenset("""його її їх їхня їхній їхнє їхні свою свій своя своєї свого
    его ее её их свой своя своё свою своей своего""".split())
# nouns of a plan before a body's noun in the genitive: the body is an idea there
_CONCEPTS = frozenset("""идея идею идеи ідея ідею ідеї создание создания створення
    концепция концепцию концепція концепцію проект проекта проєкт проєкту""".split())
