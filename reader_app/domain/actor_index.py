"""The index find_actors searches with: every known name's search key, the surnames of
known people, Ukrainian and Russian stems, and the nouns that stand for a body ("the
party"), in one Aho-Corasick automaton. Built once for a library, reused for every text."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache, partial
from itertools import product
from typing import NamedTuple

import ahocorasick

from reader_app.domain.actor_mentions import SOURCE_TABLE, KnownName, Person
from reader_app.domain.actors import ORG_WORDS, TITLE_WORDS, name_tokens
from reader_app.domain.actors import match_key as _match_key
from reader_app.domain.mention_text import search_key as _search_key
from reader_app.domain.word_forms import (
    ENDINGS,
    is_adjective,
    is_cyrillic,
    same_word,
    strip_ending,
)

# An index is built again whenever the library's names change (a new actor, an alias):
# the keys of names and of their words are the same as last time but for the new ones,
# so they are worked out once (pure functions of short strings).
match_key = lru_cache(maxsize=1 << 17)(_match_key)
search_key = lru_cache(maxsize=1 << 17)(_search_key)

__all__ = ["ANY_CASE", "CAPITALS", "WITHOUT_STATE", "ActorIndex", "IndexedName",
           "build_actor_index", "has_stem"]
ANY_CASE, CAPITALISED, CAPITALS = 0, 1, 2


class IndexedName(NamedTuple):
    """A known name with what matching it needs, worked out once when the index is built."""

    known: KnownName
    case: int  # ANY_CASE | CAPITALISED | CAPITALS
    reason: str  # "alias of United States (state table)"
    dotted: bool  # ends with a full stop ("U.S."): the mention keeps it
    table: bool  # from the state table: not inside a longer capitalised name


def _case_rule(name: str) -> int:
    """An abbreviation in capitals ("US", "WHO") only matches capitals ("us", "who" are
    words); a capitalised name only a capitalised word ("turkey" is a bird)."""
    letters = [c for c in name if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters) and len(letters) <= 6:
        return CAPITALS
    words = name.split()
    if len(words) > 1 and is_cyrillic(words[0]) and any(w[:1].isupper() for w in words[1:]):
        return ANY_CASE  # "акимате Караганды": the common noun may go in lower case
    return CAPITALISED if name[:1].isupper() else ANY_CASE


@lru_cache(maxsize=1 << 15)
def _entry(n: KnownName) -> IndexedName:
    what = "name of" if match_key(n.text) == match_key(n.canonical) else "alias of"
    where = " (state table)" if n.source == SOURCE_TABLE else ""
    reason = f"{what} {n.canonical}{where}"
    if not n.certain:
        reason += " (an ambiguous name)"
    if not any(c.isupper() for c in n.text):
        # "the ministry", "protesters": a description the analyst linked once names
        # another body in another article as often as the same one
        n = n._replace(certain=False)
        reason += " (a description rather than a name)"
    return IndexedName(n, _case_rule(n.text), reason, n.text.rstrip().endswith("."),
                 n.source == SOURCE_TABLE)


class ActorIndex:
    """Search keys of known names and surnames -> what they name. Build once, reuse."""

    def __init__(self, names: dict[str, list[IndexedName]], persons: dict[str, list[Person]],
                 kinds: dict[str, list[tuple[int, str, str]]] | None = None,
                 heads: dict[str, list[tuple[int, str, str]]] | None = None) -> None:
        self.names = names
        self.persons = persons
        self.kinds = kinds or {}  # "the party": key of the noun -> (id, canonical, type)
        self.heads = heads or {}  # "Ради": key of a capitalised word -> (id, canonical, type)
        self.automaton: ahocorasick.Automaton | None = None
        # a known person's first name alone ("Daniel" after "Daniel Whitcombe")
        self.firsts: dict[str, list[Person]] = {}
        for people in persons.values():
            for p in people:
                if p.first and len(p.first[0]) > 2 and p.first[0].isalpha():
                    first = self.firsts.setdefault(search_key(p.first[0]), [])
                    if p not in first:
                        first.append(p)
        self.stems = _stems(names.keys() | persons.keys() | self.kinds.keys()
                            | self.firsts.keys() | self.heads.keys())
        # "the company", "партію": generic nouns, which body they may stand for
        self.generic = GENERIC_NOUNS if names else {}
        self.actors, self.bodies = actors_of(names)
        keys = (names.keys() | persons.keys() | self.kinds.keys() | self.stems.keys()
                | self.generic.keys() | self.firsts.keys() | self.heads.keys())
        self.knows = partial(_knows, names, self.stems)
        # actors whose mentions settle later ones: people (by surname) and actors that
        # share a name with another actor; other mentions need not be remembered
        self.contextual = shared_names(names)
        self.person_by_id: dict[int, Person] = {}
        self.surnames: dict[int, list[str]] = {}  # actor id -> keys of its surname
        for key, people in persons.items():
            for person in people:
                self.person_by_id.setdefault(person.actor_id, person)
                self.surnames.setdefault(person.actor_id, []).append(key)
        self.contextual |= self.person_by_id.keys()
        if keys:
            automaton = ahocorasick.Automaton()
            for key in keys:
                automaton.add_word(key, key)
            automaton.make_automaton()
            self.automaton = automaton


def actors_of(names: dict[str, list[IndexedName]]
              ) -> tuple[dict[int, tuple[str, str]], dict[int, tuple[str, str]]]:
    """(every actor, the bodies among them): id -> (canonical name, type), the last
    entry of an id winning."""
    actors = {e.known.actor_id: (e.known.canonical, e.known.actor_type)
              for es in names.values() for e in es if e.known.actor_id is not None}
    bodies = {e.known.actor_id: (e.known.canonical, e.known.actor_type)
              for es in names.values() for e in es
              if e.known.actor_id is not None and e.known.actor_type in _BODIES}
    return actors, bodies


def shared_names(names: dict[str, list[IndexedName]]) -> set[int]:
    """The actors that share a name with another entry."""
    return {e.known.actor_id for es in names.values() if len(es) > 1
            for e in es if e.known.actor_id is not None}


def _stems(keys: Iterable[str]) -> dict[str, str]:
    """Search key of a stem -> the full key, for keys whose last word is Cyrillic. In
    the keys' sorted order: where two keys share a stem the first wins, whatever else
    the index holds (a set's order would change with every name added)."""
    keys = set(keys)
    stems: dict[str, str] = {}
    for key in sorted(keys):
        found = _stem_keys(key)
        if found is None:
            continue
        stem_key, fleeting = found
        stems.setdefault(stem_key, stem_key if stem_key in keys else key)
        if fleeting is not None:
            stems.setdefault(fleeting, key)
    return stems


# a body's head noun shorter than a stem needs, used alone later ("суда", "суду")
_SHORT_HEADS = frozenset(("суд",))


@lru_cache(maxsize=1 << 17)
def _stem_keys(key: str) -> tuple[str, str | None] | None:
    """(key of the stem, key without a fleeting vowel) of a key whose last word is
    Cyrillic, else None."""
    head, _, last = key.rpartition(" ")
    if (len(last) < 4 and last not in _SHORT_HEADS) or not is_cyrillic(last):
        return None
    fleeting = _without_fleeting_vowel(last)
    return f"{head} {strip_ending(last)}", None if fleeting is None else f"{head} {fleeting}"


def _without_fleeting_vowel(word: str) -> str | None:
    """The stem a Ukrainian or Russian noun's other cases take when its last vowel drops
    ("Кравець" -> "Кравця", "Садок" -> "Садка", "Песок" -> "Песка"); "є" after a vowel
    leaves its "й" ("Коломієць" -> "Коломійця")."""
    if word.endswith("ець") and len(word) > 4 and word[-4] not in "аеєиіїоуюя":
        return word[:-3] + "ц"
    if word.endswith("єць") and len(word) > 4:
        return word[:-3] + "йц"  # "Коломієць" -> "Коломійця"
    if word.endswith(("ок", "ек")) and len(word) > 4 and word[-3] not in "аеєиіїоуюяйь":
        return word[:-2] + "к"
    return None


def _knows(names: dict[str, list[IndexedName]], stems: dict[str, str], word: str) -> bool:
    """A word that is a known name as it stands or inflected ("України")."""
    key = search_key(word)
    if key in names:
        return True
    return any(key.endswith(e) and key[:-len(e)] in stems for e in ENDINGS)


# a regnal or family number after the surname ("Kweku Ansah IV", "Henry Ford II", "Jr.")
_AFTER_SURNAME = frozenset("ii iii iv v vi vii viii jr jr. sr sr. junior senior".split())


@lru_cache(maxsize=1 << 15)
def _person(name: KnownName) -> tuple[str, Person] | None:
    words = name_tokens(name.text)
    while len(words) > 1 and words[0] in TITLE_WORDS:
        words = words[1:]
    while len(words) > 2 and words[-1] in _AFTER_SURNAME:
        words = words[:-1]  # "Ansah" is Kweku Ansah IV's surname
    if len(words) < 2 or name.actor_id is None or len(words[-1]) < 2:
        return None
    return search_key(words[-1]), Person(name.actor_id, name.canonical, tuple(words[:-1]))


def library_keys(names: Iterable[KnownName]) -> dict[str, KnownName]:
    """match key -> the library's first name or alias with it (as_body'd names)."""
    library: dict[str, KnownName] = {}
    for n in names:
        if n.actor_id is not None:
            library.setdefault(match_key(n.text), n)
    return library


def _same_form(a: str, b: str) -> bool:
    """One Cyrillic word in two cases, a soft sign's too ("кремль"/"кремле")."""
    return same_word(a, b) or same_word(a.removesuffix("ь"), b.removesuffix("ь"))


def _library_form(key: str, library: dict[str, KnownName]) -> bool:
    """A table's Cyrillic name that is a library name in another case ("Кремле" for a
    library's "Кремль", "Польщею" for its "Польща"): the library's actor, not the table's
    state (the library's own forms find it)."""
    if not is_cyrillic(key):
        return False
    words = key.split()
    forms = _library_stems(library)
    return any(len(other) == len(words) and all(map(_same_form, other, words))
               for other in forms.get((len(words), words[0][:3]), ()))


_STEMS_OF: dict[int, tuple[dict[str, KnownName], dict[tuple[int, str], list[list[str]]]]] = {}


def _library_stems(library: dict[str, KnownName]) -> dict[tuple[int, str], list[list[str]]]:
    """The library's Cyrillic keys by word count and first three letters (once a library)."""
    held = _STEMS_OF.get(id(library))
    if held is not None and held[0] is library:
        return held[1]
    forms: dict[tuple[int, str], list[list[str]]] = {}
    for key in library:
        if is_cyrillic(key):
            words = key.split()
            forms.setdefault((len(words), words[0][:3]), []).append(words)
    _STEMS_OF.clear()
    _STEMS_OF[id(library)] = (library, forms)
    return forms


def linked(n: KnownName, library: dict[str, KnownName]) -> KnownName | None:
    """A name as the index takes it: a table name the library has, in any case, is left
    out (None), one whose canonical name the library has is that actor's."""
    if n.actor_id is None:
        if n.source == SOURCE_TABLE and (match_key(n.text) in library
                                         or _library_form(match_key(n.text), library)):
            return None  # the library's actor of that name wins
        own = library.get(match_key(n.canonical))
        if own is not None:
            return n._replace(actor_id=own.actor_id, canonical=own.canonical,
                              actor_type=own.actor_type)
    return n


def build_actor_index(names: Iterable[KnownName]) -> ActorIndex:
    """One index over every name: the library's first (a table row whose canonical name or
    alias the library has links to the library's actor), then the table's."""
    names = [as_body(n) for n in names]
    library = library_keys(names)
    by_key: dict[str, list[IndexedName]] = {}
    persons: dict[str, list[Person]] = {}
    person_ids: dict[str, set[int]] = {}  # per surname key, the ids in persons (a set: a
    # surname thousands of people share is looked up once per name, not once per person)
    kinds: dict[str, list[tuple[int, str, str]]] = {}
    for raw in names:
        n = linked(raw, library)
        if n is None:
            continue
        key = search_key(n.text)
        if len(key) < 3:
            continue  # one letter names everything
        by_key.setdefault(key, []).append(_entry(n))
        if n.actor_type == "person":
            found = _person(n)
            if found is not None and found[1].actor_id not in person_ids.setdefault(
                    found[0], set()):
                person_ids[found[0]].add(found[1].actor_id)
                persons.setdefault(found[0], []).append(found[1])
        actor_id = n.actor_id
        if actor_id is None:
            continue
        for noun in _kind_nouns(n):
            kind = kinds.setdefault(search_key(noun), [])
            if all(k[0] != actor_id for k in kind):
                kind.append((actor_id, n.canonical, n.actor_type))
    def probably(n: KnownName, form: str | None, why: str) -> None:
        """A shorter form of a name, where nothing else has that key: only "probably" it."""
        if form is not None and search_key(form) not in by_key:
            entry = _entry(n._replace(text=form, certain=False))
            by_key[search_key(form)] = [entry._replace(reason=f"probably {n.canonical} {why}")]

    for n in names:
        probably(n, _short_form(n), "(part of its name)")
    for n in names:
        for form in _cyrillic_short_names(n, by_key):
            probably(n, form, "(a short form of its name)")
    for n in names:
        probably(n, _first_word(n), FIRST_WORD)
    for n in names:
        for form, whole in _case_forms(n, by_key):
            if search_key(form) not in by_key:
                entry = _entry(n._replace(text=form, certain=n.certain and whole))
                what = "(in another case)" if whole else WITHOUT_STATE
                by_key[search_key(form)] = [entry._replace(
                    reason=f"{'' if whole else 'probably '}{n.canonical} {what}")]
    heads: dict[str, list[tuple[int, str, str]]] = {}
    for n in names:
        head = _capitalised_head(n)
        if head is not None and n.actor_id is not None and search_key(head) not in by_key:
            found_heads = heads.setdefault(search_key(head), [])
            if all(h[0] != n.actor_id for h in found_heads):
                found_heads.append((n.actor_id, n.canonical, n.actor_type))
    return ActorIndex(by_key, persons, kinds, heads)


# Case endings of a Ukrainian or Russian body's first word, a noun ("Міністерство" ->
# "Міністерства", "Міністерству", "Міністерстві", "Міністерством"): the multi-word name's
# last-word stems do not reach it.
_NOUN_ENDINGS = ("а", "у", "і", "ом", "ою", "ем", "ові", "и", "е", "ой", "ей", "ю", "ї", "я",
                 "ям", "єю", "ею", "ії", "ію", "ією", "ии", "ию", "ией")
# The cases of a Ukrainian or Russian adjective by its nominative ending: genitive,
# dative, accusative, instrumental, locative (both languages, each slot a set):
# "Львівська міська рада" -> "Львівської міської ради", "Транскаспийской ... компании".
_ADJECTIVE_CASES = (
    ("ая", ({"ой"}, {"ой"}, {"ую"}, {"ой", "ою"}, {"ой"})),
    ("яя", ({"ей"}, {"ей"}, {"юю"}, {"ей", "ею"}, {"ей"})),
    ("ый", ({"ого"}, {"ому"}, {"ый"}, {"ым"}, {"ом"})),
    ("ой", ({"ого"}, {"ому"}, {"ой"}, {"ым"}, {"ом"})),
    ("ий", ({"ого"}, {"ому"}, {"ий"}, {"им"}, {"ому", "ім", "ом"})),
    ("ій", ({"ього"}, {"ьому"}, {"ій"}, {"ім"}, {"ьому", "ім"})),
    ("ое", ({"ого"}, {"ому"}, {"ое"}, {"ым"}, {"ом"})),
    ("ее", ({"его"}, {"ему"}, {"ее"}, {"им"}, {"ем"})),
    ("ые", ({"ых"}, {"ым"}, {"ые"}, {"ыми"}, {"ых"})),
    ("ие", ({"их"}, {"им"}, {"ие"}, {"ими"}, {"их"})),
    ("а", ({"ої"}, {"ій"}, {"у"}, {"ою"}, {"ій"})),
    ("е", ({"ого"}, {"ому"}, {"е"}, {"им"}, {"ому", "ім"})),
    ("і", ({"их"}, {"им"}, {"і"}, {"ими"}, {"их"})),
)
# Ukrainian and Russian contract "міська рада" to "міськрада" and the like.
_CONTRACTIONS = {("міська", "рада"): "міськрада", ("обласна", "рада"): "облрада",
                 ("районна", "рада"): "райрада", ("сільська", "рада"): "сільрада",
                 ("городской", "совет"): "горсовет", ("областной", "совет"): "облсовет",
                 ("автобусный", "парк"): "автопарк", ("автобусний", "парк"): "автопарк"}


WITHOUT_STATE = "(without the state, in another case)"  # the reason's end: see find_actors


# "Міністерство оборони" -> "Міноборони"; these nouns are cut shorter ("Мінфін")
_MINISTRY_CUTS = {"фінансів": "фін", "енергетики": "енерго", "юстиції": "юст",
                  "транспорту": "транс", "финансов": "фин", "энергетики": "энерго",
                  "юстиции": "юст", "транспорта": "транс"}
_MINISTRY = {"міністерство": "Мін", "министерство": "Мин"}
_LINK_WORDS = frozenset("і й та и з із".split())


def _cyrillic_short_names(n: KnownName, by_key: dict[str, list[IndexedName]]) -> list[str]:
    """What Ukrainian and Russian news call a body for short without defining it: its
    initials with and without the state at its end ("Міністерство закордонних справ
    України" -> "МЗСУ", "МЗС"; "Служба безпеки України" -> "СБУ"), and a ministry's
    contraction ("Міністерство оборони України" -> "Міноборони")."""
    words = [w for w in n.text.split() if match_key(w) not in _LINK_WORDS]
    if (n.actor_type not in (*_BODIES, "other") or len(words) < 2 or n.actor_id is None
            or not is_cyrillic(words[0]) or n.text.isupper()):
        return []
    forms = []
    with_state = search_key(words[-1]) in by_key and words[-1][:1].isupper()
    for part in [words] + ([words[:-1]] if with_state and len(words) > 2 else []):
        initials = "".join(w[0] for w in part).upper()
        if len(initials) >= 3:
            forms.append(initials)
    prefix = _MINISTRY.get(match_key(words[0]))
    if prefix and (len(words) == 2 or (len(words) == 3 and with_state)):
        second = match_key(words[1])
        forms.append(prefix + _MINISTRY_CUTS.get(second, second))
    elif prefix:
        # "… Республики Казахстан": the state's formal name is two words, the field before it
        cut = -2 if with_state and len(words) > 3 and match_key(words[-2]) in _REPUBLIC else -1
        field = [match_key(w) for w in (words[1:cut] if with_state else words[1:])]
        stump = None
        adjective = is_adjective(field[0]) if field else False
        adjective = adjective or field[:1] != [] and field[0].endswith(_GENITIVE_ADJECTIVE)
        if len(field) >= 2 and not adjective:
            stump = prefix + field[0]  # "Міністерство розвитку громад …" -> "Мінрозвитку"
        elif len(field) == 2:  # "сельского хозяйства" -> "Минсельхоз"
            stump = prefix + _syllable(field[0]) + _syllable(field[1])
        if stump is not None:
            forms.append(stump.lower())  # any case: "минсельхоза" in running text too
    return forms


_REPUBLIC = frozenset("республики республіки республика республіка".split())
_VOWELS = "аеєиіїоуюяыэё"
_GENITIVE_ADJECTIVE = ("ого", "его", "ої", "ьої", "ой", "ей", "их", "ых", "іх")


def _syllable(word: str) -> str:
    """A word's first syllable as Ukrainian and Russian cut it in a compound: through its
    first vowel and the consonant after it ("сельского" -> "сель", "хозяйства" -> "хоз")."""
    i = next((k for k, c in enumerate(word) if c in _VOWELS), len(word) - 1) + 2
    return word[:i + 1] if word[i:i + 1] == "ь" else word[:i]


# The cases of a Ukrainian or Russian noun by its nominative ending (genitive, dative,
# accusative, instrumental, locative, both languages): "служба" -> "служби", "службі",
# "службу", "службою"; "Міністерство" -> "Міністерства", "Міністерству" ...
_NOUN_CASES = (
    ("ія", ({"ії"}, {"ії"}, {"ію"}, {"ією"}, {"ії"})),
    ("ия", ({"ии"}, {"ии"}, {"ию"}, {"ией"}, {"ии"})),
    ("а", ({"и", "і", "ы"}, {"і", "е"}, {"у"}, {"ою", "ой"}, {"і", "е"})),
    ("я", ({"і", "и"}, {"і", "е"}, {"ю"}, {"ею", "ей", "єю"}, {"і", "е"})),
    ("о", ({"а"}, {"у", "ові"}, {"о"}, {"ом"}, {"і", "у", "е"})),
    ("е", ({"а", "я"}, {"у", "ю"}, {"е"}, {"ем", "ям"}, {"і", "е"})),
    ("ь", ({"я", "і"}, {"ю", "еві"}, {"ь"}, {"ем", "ю"}, {"і", "е"})),
    ("й", ({"я"}, {"ю", "еві"}, {"й"}, {"ем"}, {"ї", "і", "е"})),
    ("", ({"у", "а"}, {"у", "ові"}, {""}, {"ом"}, {"і", "у", "е"})),
)


# A plural noun after plural adjectives ("Повітряні сили" -> "Повітряних сил", "Воздушным
# силам", "Сухопутних військ"): the genitive often drops the ending, or takes -ів/-ов/-ей
_PLURAL_CASES = ({"", "ів", "ов", "ей"}, {"ам", "ям"}, {"и", "і", "ы"}, {"ами", "ями"},
                 {"ах", "ях"})
_PLURAL_ADJECTIVES = ("ні", "ві", "кі", "ькі", "ії", "ые", "ие")


def _noun_cases(word: str, plural: bool = False) -> list[list[str]]:
    if plural and word.endswith(("и", "і", "ы", "а", "я")) and len(word) > 3:
        return [[word[:-1] + e for e in sorted(case)] for case in _PLURAL_CASES]
    for ending, cases in _NOUN_CASES:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            stem = word[:len(word) - len(ending)]
            return [[stem + e for e in sorted(case)] for case in cases]
    return [[word]] * 5


def _adjective_cases(word: str) -> list[list[str]]:
    for ending, cases in _ADJECTIVE_CASES:
        if word.endswith(ending):
            return [[word[:-len(ending)] + e for e in sorted(case)] for case in cases]
    return [[word]] * 5


def _city_council(words: list[str]) -> str | None:
    """"Київська міська рада" -> "Київрада": a city's council by the city's name."""
    keys = [match_key(w) for w in words]
    if len(keys) == 3 and keys[1:] == ["міська", "рада"] and keys[0].endswith("ська"):
        return words[0][:-4] + "рада"
    return None


def _contracted(words: list[str]) -> list[str] | None:
    keys = [match_key(w) for w in words]
    for i in range(len(words) - 1):
        short = _CONTRACTIONS.get((keys[i], keys[i + 1]))
        if short is not None:
            return [*words[:i], short, *words[i + 2:]]
    return None


def _case_forms(n: KnownName, by_key: dict[str, list[IndexedName]]) -> list[tuple[str, bool]]:
    """A Cyrillic body's name in the other cases: its leading adjectives and its noun
    inflected together ("Міністерстві охорони здоров'я", "Львівської міської ради"),
    also contracted ("Львівської міськради"); and, when it ends with a known name ("...
    України"), the same without it (news drops the state once it is clear): (form, the
    whole name)."""
    words = n.text.split()
    if (n.actor_type not in (*_BODIES, "other") or len(words) < 2 or n.actor_id is None
            or not is_cyrillic(words[0]) or len(words[0]) < 3):
        return []
    forms: dict[str, bool] = {}
    contracted = _contracted(words)
    city = _city_council(words)
    for ws in [words] + ([contracted] if contracted else []) + ([[city]] if city else []):
        lead = 0
        while lead < len(ws) - 1 and is_adjective(match_key(ws[lead])):
            lead += 1
        head = ws[lead]
        nouns = sorted({strip_ending(head) + e for e in _NOUN_ENDINGS} | {head})
        adjectives = [_adjective_cases(w) for w in ws[:lead]]
        rest = [ws[lead + 1:]]
        if len(ws) > lead + 2 and search_key(ws[-1]) in by_key and ws[-1][:1].isupper():
            rest.append(ws[lead + 1:-1])
        combos: list[tuple[tuple[str, ...], list[str]]] = [(tuple(ws[:lead]), [head])]
        if not lead:
            combos.append(((), nouns))
        cases = _noun_cases(head, bool(lead) and match_key(ws[lead - 1]).endswith(
            _PLURAL_ADJECTIVES))
        for case in range(5 if lead else 0):
            # the noun in the adjectives' case only: a library of thousands of names
            # must not grow an automaton of every ending on every word
            for adjs in product(*(a[case] for a in adjectives)):
                combos.append((adjs, cases[case]))
        for i, tail in enumerate(rest):
            for adjs, heads in combos:
                for noun in heads:
                    form = " ".join([*adjs, noun, *tail])
                    if form != n.text:
                        forms.setdefault(form, i == 0)
    return list(forms.items())


@lru_cache(maxsize=1 << 15)
def _capitalised_head(n: KnownName) -> str | None:
    """Ukrainian and Russian capitalise only a name's first word; a later word written with
    a capital is a name in itself, which news uses alone ("Рада" for "Верховна Рада",
    "Суд" for "Конституційний Суд України")."""
    words = n.text.split()
    if n.actor_type not in _BODIES or len(words) < 2 or not is_cyrillic(words[0]):
        return None
    later = [w for w in words[1:] if w[:1].isupper() and is_cyrillic(w) and len(w) > 2]
    if not is_adjective(match_key(words[0])):
        return None  # "Акимат Караганды": a city in the genitive, not the body's noun
    return later[0] if len(later) == 1 and later[0] == words[1] else None


# What news drops from a body's name after naming it once: "the Labour Party" ->
# "Labour", "Keystone Valley Chemicals" -> "Keystone Valley"
_DROPPED_ALONE = frozenset("party movement front bloc".split())


@lru_cache(maxsize=1 << 15)
def _short_form(n: KnownName) -> str | None:
    """A body's name without its last word, when that leaves a name: capitalised words
    only, two at least, or one before "Party"-like words. Latin script only (Ukrainian
    and Russian put the noun first and inflect)."""
    words = n.text.split()
    if n.actor_type not in _BODIES or len(words) < 2 or not n.text.isascii():
        return None
    head = words[:-1]
    if head[0] in ("The", "the") or not all(w[:1].isupper() and w.isalpha() for w in head):
        return None
    if len(head) == 1 and (words[-1].casefold() not in _DROPPED_ALONE or len(head[0]) < 4):
        return None
    return " ".join(head)


_BODIES = ("organization", "armed_force", "media")
FIRST_WORD = "(the first word of its name)"  # the reason's end: see find_actors
# endings of English adjectives ("National", "European", "Civic", "Federal"): a name's
# first word so ending says what the body is, not which one
_ADJECTIVE_TAILS = ("an", "ish", "ese", "ic", "al", "ive", "ern", "ed", "ing")


@lru_cache(maxsize=1 << 15)
def _first_word(n: KnownName) -> str | None:
    """A company's name by its first word alone ("Danubia" for "Danubia Grain
    Logistics"), as news shortens it: a capitalised word of four letters or more that is
    no adjective, of a Latin-script company name (a body whose name says it is nothing
    else, not a party's or a ministry's)."""
    words = n.text.split()
    if n.actor_type != "organization" or len(words) < 2 or not n.text.isascii():
        return None
    first = words[0]
    if (len(first) < 4 or not first.isalpha() or not first[0].isupper() or first.isupper()
            or first.casefold().endswith(_ADJECTIVE_TAILS) or first in ("The", "New")):
        return None
    keys = [match_key(w) for w in words]
    if any(has_stem(k, NOT_COMPANY_WORDS) for k in keys):
        return None
    return first

# Generic nouns news uses for a body named before, in their cases (explicit forms: the
# stems of "компанія" and "партія" do not take their endings) -> the kind of body.
GENERIC_NOUNS: dict[str, str] = {
    **{search_key(w): "company" for w in """company firm компанія компанії компанію
        компанією компаніях компания компании компанию компанией підприємство підприємства
        підприємству підприємстві підприємством предприятие предприятия предприятию
        предприятии предприятием""".split()},
    # what a company does, which news calls it by ("the operator", "перевізник")
    **{search_key(w): "company" for w in """operator carrier airline utility lender insurer miner
        developer contractor manufacturer retailer оператор оператора оператору оператором
        операторі операторе перевізник перевізника перевізнику перевізником перевізнику
        перевозчик перевозчика перевозчику перевозчиком перевозчике підрядник підрядника
        підряднику підрядником подрядчик подрядчика подрядчику подрядчиком подрядчике
        забудовник забудовника забудовнику забудовником застройщик застройщика
        застройщику застройщиком виробник виробника виробнику виробником производитель
        производителя производителю производителем supplier постачальник постачальника
        постачальнику постачальником поставщик поставщика поставщику поставщиком
        поставщике""".split()},
    search_key("state"): "state",
    # the kinds kind_nouns knows by a body's name or the text's word for it
    **{search_key(w): "group" for w in "group campaign watchdog".split()},
    search_key("force"): "police",  # British for a police force
    search_key("charity"): "charity",
    **{search_key(w): "legislature" for w in ("house", "chamber")},
    **{search_key(w): "court" for w in ("court", "tribunal")},  # "the court" for a tribunal
    # "в заявлении ведомства": a ministry's or an agency's word
    **{search_key(w): "office" for w in """відомство відомства відомству відомстві
        відомством ведомство ведомства ведомству ведомстве ведомством""".split()},
    # any body that is an organisation ("the organisation")
    **{search_key(w): "organisation" for w in """organisation organization
        організація організації організацію організацією организация организации
        организацию организацией""".split()},
    **{search_key(w): "party" for w in """party партія партії партію партією партия
        партии партию партией""".split()},
}
# Words of a body's name that say it is a party (or a movement, a front, a bloc), and
# that it is something else than a company: prefixes of match keys.
PARTY_WORDS = ("party", "movement", "front", "bloc", "парті", "парти", "фронт", "рух",
               "блок", "движен")
NOT_COMPANY_WORDS = PARTY_WORDS + (
    "union", "alliance", "bank", "банк", "authority", "agency", "commission", "committee", "council",
    "court", "tribunal", "ministry", "department", "parliament", "assembly", "government", "office",
    "service", "police", "army", "forces", "bureau", "institute", "university", "school",
    "administration", "municipal", "district", "county",  # a place's own body
    "nations", "organi", "federat", "associat", "foundat", "programme", "fund", "mission",
    "організац", "организац", "асоціац", "ассоциац", "фонд", "місі", "мисси", "об'єдн", "объедин",
    "союз", "рад", "совет", "коміт", "комит", "мініст", "минист", "агент", "служб", "суд",
    "парламент", "уряд", "правительств", "адміністр", "администр", "коміс", "комис",
    "управлін", "управлен", "відомств", "ведомств", "інститут", "институт", "університет",
    "университет", "профсоюз", "профспіл", "спілк", "газет", "телекан", "журнал", "видан",
    "издан", "редакц")


# The nouns news calls the great alliances by after naming them ("the bloc", "the
# alliance"; "альянс" in its cases)
_EPITHETS = {
    "european union": ("bloc", "union"),
    "nato": ("alliance", "альянс", "альянсу", "альянсі", "альянсом", "альянса", "альянсе"),
}


def has_stem(word: str, stems: tuple[str, ...]) -> bool:
    """A word that starts with one of the stems; a short one ("суд", "рад") only with a
    case ending after it ("суду", "ради"; not "судоходная", "радіо")."""
    return any(word.startswith(stem) and (len(stem) > 4 or not is_cyrillic(stem)
                                          or word == stem or word[len(stem):] in ENDINGS)
               for stem in stems)


@lru_cache(maxsize=1 << 15)
def _kind_nouns(n: KnownName) -> list[str]:
    """The noun that says what kind of body a name is, which news uses alone for it
    later ("the party", "the authority"; "партія", "міністерстві"): an English name's last
    word, or the word before "of" ("Ministry of Transport"); a Ukrainian or Russian name's
    first word after its adjectives ("Львівська міська рада" -> "рада", "міськрада");
    the epithets of the great alliances ("the bloc")."""
    words = [match_key(w) for w in n.canonical.split()]
    if " ".join(words) in _EPITHETS and n.text == n.canonical:
        return list(_EPITHETS[" ".join(words)])
    if len(words) < 2 or n.text != n.canonical or n.actor_type not in (
            *_BODIES, "other" if is_cyrillic(words[0]) else "organization"):
        return []
    if is_cyrillic(words[0]):
        if all(w[:1].isupper() for w in n.canonical.split()) and not ORG_WORDS & set(words):
            return []  # "Нова Слобожанщина", "Батьки Салтівки": a proper name, no kind noun
            # ("Акимат Караганды" keeps "акимат")
        found = [w for w in words if not is_adjective(w)]
        nouns = [found[0] if found else words[-1]]
        contracted = _contracted(words)
        if contracted:  # "міськрада" as well as "рада"
            nouns.append(next(w for w in contracted if not is_adjective(w)))
    else:
        nouns = [words[words.index("of") - 1] if "of" in words[1:] else words[-1]]
        if nouns[0] != words[-1] and words[-1] in _BODY_HEADS:
            nouns.append(words[-1])  # "Horn of Africa Food Fund": "the fund" as well
    # "суд" is the one short head a body's name has ("Харьюский уездный суд")
    return [w for w in nouns if (len(w) > 3 or w in _SHORT_HEADS) and w.isalpha()]


# the last words that make a name a body's whatever "of" stands before them
_BODY_HEADS = frozenset("""fund trust authority agency commission council committee union
    alliance corporation association foundation institute federation board bank service
    coalition network""".split())


# The last word of many company names: what the firm does or is ("Danubia Grain
# Logistics", "Norsk Hydro"). A library actor typed "person" or "other" (the app's first
# guess from a name of capitalised words) with such a last word is a company.
_COMPANY_TAILS = frozenset("""logistics grain hydro shipping mining metals steel foods farms
    agro telecom airlines airways holdings group partners capital industries systems
    technologies solutions services construction engineering transport trading pharma
    pharmaceuticals motors energy power oil gas chemicals insurance ventures labs electric
    electronics textiles lines freight cargo terminals media networks resources petroleum
    refining fertilizers cement plc ltd inc llc corp gmbh""".split())


@lru_cache(maxsize=1 << 15)
def as_body(n: KnownName) -> KnownName:
    """A name typed as a person or as "other" whose last word says it is a company."""
    words = n.canonical.split()
    if (n.actor_type in ("person", "other") and len(words) > 1
            and match_key(words[-1]).strip(".") in _COMPANY_TAILS):
        return n._replace(actor_type="organization")
    return n


