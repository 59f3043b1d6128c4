"""Actor name matching: which known actor a tagged span names. Pure: no SQL, no Qt.

Names and aliases are stored exactly as typed; only their match keys are normalized.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence

__all__ = ["TITLE_WORDS", "guess_actor_type", "match_key", "name_from_quote", "name_tokens",
           "propose_actor"]

_APOSTROPHES = re.compile(r"[’‘ʼ`´]")
_POSSESSIVE = re.compile(r"'s$")  # "s'" needs no rule: match_key strips a final apostrophe
# Words that may precede a person's name in news and are not part of the name itself.
TITLE_WORDS = frozenset("""
    mr mrs ms miss dr prof sir dame lord lady president vice prime minister premier chancellor
    foreign defense defence deputy secretary general gen lt col adm admiral commander chief
    senator sen rep representative governor gov mayor ambassador spokesman spokeswoman
    spokesperson king queen prince princess pope sheikh emir former acting
    hon honourable honorable madam mme rev reverend mzee alhaji alhaja hajia engr
    пан пані панові пана пану паном господин госпожа господина госпожи господину господином
    госпоже госпожой
""".split())
_ORG_WORDS = frozenset("""
    ministry ministries department office agency council committee commission party union
    alliance bank company corporation corp inc ltd government parliament court administration
    kremlin embassy organization organisation institute foundation service services nato un
    congress movement front league assembly association coalition bloc society church
    university police chemicals energy group holdings industries systems airlines airways
    motors oil gas power pharmaceuticals technologies partners capital authority board
    trust fund railways utilities works homes ferries shipping lines systems studios
    logistics transit hydro steel mining foods solutions
    lithium resources minerals metals mines coal copper nickel uranium platinum cement dairy
    seafood fisheries timber lumber textiles telecom telecoms communications insurance
    securities investments properties construction engineering electric petroleum
    petrochemical petrochemicals exploration refining refinery limited plc llc pty gmbh
    network networks media press hospital hospitals school schools clinic academy
    служба міністерство партія рада комітет агентство компанія банк союз управління
    прокуратура суд уряд штаб посольство министерство партия совет комитет агентство
    компания управление правительство
    мережа сеть авіа авиа эйр адміністрація администрация мерія мэрия
    акимат маслихат хокимият
""".split())  # the last: Kazakh and Uzbek city and regional bodies as Russian news names them
ORG_WORDS = _ORG_WORDS  # the nouns that say a name is a body's
_ARMED_WORDS = frozenset("army navy forces force guard guards military troops brigade "
                         "regiment battalion division militia fleet command армія сили флот "
                         "бригада гвардія армия силы бригада гвардия".split())
_MEDIA_WORDS = frozenset("times post news tv television radio newspaper press reuters afp "
                         "tass bbc cnn journal gazette herald tribune magazine channel".split())
_STATE_WORDS = frozenset("republic kingdom federation states emirates".split())
_PLACE_WORDS = frozenset("the sea base river city region oblast island islands".split())


def _is_punctuation(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PS"


def match_key(text: str) -> str:
    """The key names are matched by: NFKC, casefold, one apostrophe, single spaces,
    surrounding punctuation stripped ("“Russia,”" and "russia" share a key)."""
    # "â€™" is ’ as UTF-8 read as Windows-1252 (a mis-encoded source)
    s = _APOSTROPHES.sub("'", unicodedata.normalize("NFKC", text.replace("â€™", "’")).casefold())
    s = " ".join(s.split())
    start, end = 0, len(s)
    while start < end and (_is_punctuation(s[start]) or s[start].isspace()):
        start += 1
    while end > start and (_is_punctuation(s[end - 1]) or s[end - 1].isspace()):
        end -= 1
    return s[start:end]


def name_tokens(text: str) -> list[str]:
    """The key's words, each without surrounding punctuation ("mr." -> "mr")."""
    return [t for t in (match_key(w) for w in match_key(text).split()) if t]


def _without_titles(tokens: list[str]) -> list[str]:
    i = 0
    while i < len(tokens) - 1 and tokens[i] in TITLE_WORDS:
        i += 1
    return tokens[i:]


def _without_possessive(key: str) -> str:
    return _POSSESSIVE.sub("", key)


def _pick(ids: Sequence[int], recent: Sequence[int]) -> tuple[int, bool]:
    """The candidate tagged most recently in the article, else the first; and whether
    that was a choice between several."""
    unique = list(dict.fromkeys(ids))
    for actor_id in reversed(recent):
        if actor_id in unique:
            return actor_id, len(unique) > 1
    return unique[0], len(unique) > 1


def _label(actor_id: int, names: Mapping[int, str] | None) -> str:
    return (names or {}).get(actor_id) or f"actor {actor_id}"


def propose_actor(
    quote: str,
    candidates_by_key: Mapping[str, list[int]],
    person_actors_in_article: Sequence[tuple[int, str]],
    *,
    names: Mapping[int, str] | None = None,
    recent: Sequence[int] = (),
) -> tuple[int | None, str]:
    """Which actor a newly tagged span names: (actor id, reason), or (None, reason) for a
    new actor named by the quote.

    candidates_by_key: match key of every known name and alias -> actor ids.
    person_actors_in_article: (id, name) of person actors tagged in the article, the most
    recent (nearest before the new tag) last. recent: ids of actors tagged in the article,
    most recent last; they settle ties. names: id -> canonical name, for the reason only.
    """
    key = match_key(quote)
    if not key:
        return None, "new actor"
    for candidate, how in zip(candidate_keys(quote), ("", "possessive of "), strict=False):
        ids = candidates_by_key.get(candidate)
        if ids:
            chosen, ambiguous = _pick(ids, recent)
            name = _label(chosen, names)
            reason = f"{how}{name}" if how else (
                f"name of {name}" if match_key(name) == candidate else f"alias of {name}")
            if ambiguous:
                which = "tagged most recently here" if chosen in recent else "the first"
                reason += f" ({which} of {len(set(ids))} actors with this name)"
            return chosen, reason
    tokens = _without_titles(name_tokens(_without_possessive(key)))
    surname = _person_match(tokens, person_actors_in_article)
    if surname is not None:
        return surname
    first = _first_name_match(tokens, person_actors_in_article)
    if first is not None:
        return first
    return None, "new actor"


def _first_name_match(tokens: list[str], persons: Sequence[tuple[int, str]]
                      ) -> tuple[int, str] | None:
    """A first name alone ("Daniel" after "Daniel Whitcombe"): the person tagged most
    recently in the article with that first name, when only one of them has it."""
    if len(tokens) != 1:
        return None
    hits = [(i, n) for i, n in persons if len(name_tokens(n)) > 1
            and _without_titles(name_tokens(n))[0] == tokens[0]]
    if len({i for i, _ in hits}) != 1:
        return None
    return hits[-1][0], f"first name of {hits[-1][1]} tagged earlier"


def candidate_keys(quote: str) -> list[str]:
    """The name keys a quote can match exactly, in order: itself, then without a
    possessive ("Russia’s" -> "russia"). Callers look up only these, not every actor."""
    key = match_key(quote)
    return [key, _without_possessive(key)] if key else []


_FEMININE_CASE_ENDS = ("овой", "евой", "иной", "ової", "евої", "іної", "овою", "евою", "іною",
                       "овій", "евій", "іній")


def _person_match(
    tokens: list[str], persons: Sequence[tuple[int, str]]
) -> tuple[int, str] | None:
    """A person tagged in the article whose surname (last word) the quote ends with, when
    one name's words contain the other's ("Lavrov", "Mr. Lavrov", "Sergei Lavrov")."""
    if not tokens:
        return None
    hits: list[tuple[int, str]] = []
    # "Сейтовой", "Громовою": a woman's surname in another case is her nominative's
    forms = [tokens[-1]] + [tokens[-1][:-len(e) + 2] + "а" for e in _FEMININE_CASE_ENDS
                            if tokens[-1].endswith(e) and len(tokens[-1]) > len(e) + 3]
    for actor_id, name in persons:
        words = _without_titles(name_tokens(name))
        for form in forms:
            quote_words = {*tokens[:-1], form}
            if words and words[-1] == form and (quote_words <= set(words)
                                                or set(words) <= quote_words):
                hits.append((actor_id, name))
                break
    if not hits:
        return None
    actor_id, name = hits[-1]
    what = "surname" if len(tokens) == 1 else "another form of the name"
    reason = f"{what} of {name} tagged earlier"
    others = {i for i, _ in hits} - {actor_id}
    if others:
        reason += f" (the most recent of {len(others) + 1} people with this surname)"
    return actor_id, reason


# Words of the names of exercises and operations ("Allied Resolve", "Steadfast Lantern",
# "Iron Shield"): capitalised like a person's name, never one
_OPERATION_WORDS = frozenset("""resolve shield storm lantern sentinel guardian trident spear
    sword thunder lightning dawn strike defender steadfast allied breeze response endeavour
    endeavor horizon dragon hammer anvil fury vigilance vigilant exercise operation drills
    shield""".split())
# The word before or after a name that says it is an exercise or an operation's
_OPERATION_CONTEXT = frozenset("""exercise exercises operation operations drills drill
    codenamed code-named manoeuvres maneuvers wargames games навчання операція операції
    учения операция операции""".split())


# A verb after a lone capitalised word that says a person speaks ("Wilk said", "Wilk told")
_SPEECH_VERBS = frozenset("""said says told tells added adds asked replied explained
    сказав сказала заявив заявила сказал заявил""".split())


def guess_actor_type(name: str, before: str = "", after: str = "") -> str:
    """A first guess for a new actor's type from its name and the words around it
    (`before`, `after`: the word on either side in the text); the analyst corrects it."""
    tokens = name_tokens(name)
    words = set(tokens)
    operation = words & _OPERATION_WORDS or {before.casefold(), after.casefold()} & \
        _OPERATION_CONTEXT
    if operation and not words & (_ORG_WORDS | _ARMED_WORDS | _MEDIA_WORDS):
        return "other"  # "Allied Resolve": an exercise, no person
    if words & _ARMED_WORDS:
        return "armed_force"
    if words & _MEDIA_WORDS:
        return "media"
    if words & _ORG_WORDS:
        return "organization"
    if words & _STATE_WORDS:
        return "state"
    if words & _PLACE_WORDS:
        return "other"
    raw = [w.strip(".,;:'’\"“”") for w in name.split()]
    titled = words & (TITLE_WORDS - {"foreign", "defense", "defence", "general", "former"})
    looks_like_name = 2 <= len(raw) <= 5 and all(
        w[:1].isupper() and not w.isupper() for w in raw if w)
    # "Wilk said": a surname alone; "the Kremlin said" has an organisation's word (above)
    surname_speaks = len(raw) == 1 and after.casefold() in _SPEECH_VERBS and \
        raw[0][:1].isupper() and not raw[0].isupper() and before.casefold() != "the"
    return "person" if titled or looks_like_name or surname_speaks else "other"


_EDGE_MARKS = "“”\"‘’'«»()[]{},;:!?"


def name_from_quote(quote: str) -> str:
    """A new actor's name from the tagged text: single spaces, no surrounding quotation
    marks or commas, no possessive ("Russia’s" -> "Russia"); inner characters untouched."""
    name = " ".join(quote.split()).strip(_EDGE_MARKS + " ")
    if name.endswith("â€™s") and len(name) > 4:  # ’ mis-encoded as Windows-1252
        name = name[:-4]
    if name[-2:] in ("'s", "’s") and len(name) > 2:
        name = name[:-2]
    return name.strip(_EDGE_MARKS + " ") or " ".join(quote.split())
