"""Other ways a tagged name may be written in the library: party forms, part of an
organisation's name, a spelling a letter or two off. Pure: callers fetch the candidates."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from reader_app.domain.actor_surnames import gender_pair
from reader_app.domain.actors import TITLE_WORDS, candidate_keys, match_key, name_tokens
from reader_app.domain.date_words import UK_ONLY_LETTERS
from reader_app.domain.word_forms import is_cyrillic, same_word

__all__ = ["closest_key", "kind_word", "name_variants", "names_state", "org_containing",
           "surname_of"]

_PARTY = ("party", "партія", "партии", "партія", "партия", "партії")
# words that say what kind of body it is, not which one: never enough to pick an organisation
_GENERIC = frozenset("""the of and for party ministry department office agency council committee
    government national state people's peoples democratic republican union movement front
    force forces army""".split())


# the same in Ukrainian and Russian, in any case (same_word): never enough alone either
_GENERIC_CYRILLIC = tuple("""партія партия міністерство министерство
    компанія компания уряд правительство рада совет комітет комитет служба агентство
    державний государственный національний национальный""".split())


def name_variants(quote: str) -> list[str]:
    """Match keys to try, in order: the quote, without a possessive, without "the", with
    and without "party" ("the Congress party" -> "congress party", "congress")."""
    keys: list[str] = []
    for key in candidate_keys(quote):
        words = key.split()
        forms = [words]
        if len(words) > 1 and words[0] in ("the", "a"):
            forms.append(words[1:])
        for w in list(forms):
            if len(w) > 1 and w[-1] in _PARTY:
                forms.append(w[:-1])
            elif w and w[-1] not in _PARTY and "'" not in w[-1]:
                forms.append([*w, "party"])
        for w in forms:
            k = " ".join(w)
            if k and k not in keys:
                keys.append(k)
    return keys


def surname_of(quote: str) -> str | None:
    """The surname a quote gives alone ("Lavrov", "Mr. Lavrov", "Lavrov’s"), else None."""
    words = name_tokens(candidate_keys(quote)[-1]) if candidate_keys(quote) else []
    while len(words) > 1 and words[0] in TITLE_WORDS:
        words = words[1:]
    return words[0] if len(words) == 1 and len(words[0]) > 2 else None


def org_containing(quote: str, orgs: Sequence[tuple[int, str]]) -> tuple[int, str] | None:
    """The one organisation whose name holds every telling word of the quote ("Reform
    Party" in "National Reform Party"; in any case: "Міністерстві енергетики" in
    "Міністерство енергетики України"); None when none or several do."""
    keys = name_variants(quote)
    words = [w for w in name_tokens(keys[1] if len(keys) > 1 else keys[0])
             if w not in _GENERIC]
    if not words or all(any(same_word(w, g) for g in _GENERIC_CYRILLIC) for w in words):
        return None
    hits = [(i, name) for i, name in orgs if all(
        any(same_word(w, n) for n in name_tokens(name)) for w in words)]
    ids = {i for i, _ in hits}
    return hits[0] if len(ids) == 1 else None


def closest_key(key: str, keys: Iterable[str]) -> str | None:
    """A known key a letter off (two for long names), never for short words: "zelenskyy"
    -> "zelensky", "sergey lavrov" -> "sergei lavrov". A name's other gender is a relative
    ("Oleksandra" is not "Oleksandr", "Petrova" not "Petrov")."""
    if len(key) < 5:
        return None
    limit = 1 if len(key) <= 8 else 2
    found = process.extractOne(key, list(keys), scorer=Levenshtein.distance,
                               score_cutoff=limit)  # a list: a mapping would compare values
    if found is None or found[1] == 0:
        return None
    other = found[0]
    if any(gender_pair(a, b) for a, b in zip(key.split(), str(other).split(), strict=False)):
        return None  # "Ivana Petrova" is a relative of "Ivan Petrov", not a spelling
    return str(other)


def kind_word(quote: str) -> str | None:
    """The match key of a quote that is one common noun ("the party", "партію"), else
    None: such a word names the body of that kind mentioned last."""
    words = [w for w in name_tokens(quote) if w not in ("the", "a", "this", "that", "its")]
    if len(words) != 1 or not quote.strip()[:1].islower() and quote.strip()[:3] != "the":
        return None
    word = words[0]
    # "суд", "рада": a Ukrainian or Russian body's word may have three letters
    return word if len(word) > 3 or len(word) == 3 and is_cyrillic(word) else None


def names_state(text: str, state_word: str) -> bool:
    """Does the text name the state whose name (in any case) ends a body's name
    ("Молдовы" of "Министерство сельского хозяйства Молдовы")? A word of the text that
    starts with its stem counts; a Ukrainian text speaks of Ukraine's bodies without
    naming it ("у Міністерстві енергетики промовчали")."""
    word = match_key(state_word)
    stem = word[:max(4, len(word) - 2)]  # a case ending may follow
    if not stem or stem.startswith("укра") and _ukrainian(text):
        return True
    return _starts_a_word(text, stem)


@lru_cache(maxsize=64)
def _starts_a_word(text: str, stem: str) -> bool:
    lowered = _lowered(text)
    i = lowered.find(stem)
    while i != -1:
        if i == 0 or not lowered[i - 1].isalnum():
            return True
        i = lowered.find(stem, i + 1)
    return False


@lru_cache(maxsize=4)
def _lowered(text: str) -> str:
    return text.casefold().replace("ё", "е")


@lru_cache(maxsize=4)
def _ukrainian(text: str) -> bool:
    return any(c in text for c in UK_ONLY_LETTERS + UK_ONLY_LETTERS.upper())
