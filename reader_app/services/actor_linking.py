"""Which actor a new actor tag names when its text is not a known name as it stands.

Tried in order after the exact name, its possessive and a surname tagged in the article
(domain.actors.propose_actor): an acronym the article defines, the elder or younger of two
relatives ("Орлов-старший"), a state's side ("Эстонские власти"), the party forms ("the
Congress party"), the table of states (other names, capitals: "Washington" -> United
States), a surname only one person in the library has, part of one organisation's name, the
story's state for a lone "правительство", and a spelling a letter or two off a known name
("probably X").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from sqlite_utils import Database

from reader_app.domain.actor_acronyms import defined_acronyms, stump_fits
from reader_app.domain.actor_finder import (
    ActorIndex,
    KnownName,
    build_actor_index,
    find_actors,
    same_word,
    word_stem,
)
from reader_app.domain.actor_mentions import ActorMention
from reader_app.domain.actor_seniority import ELDER, age_cue, seniority
from reader_app.domain.actor_variants import (
    closest_key,
    kind_word,
    name_variants,
    names_state,
    org_containing,
    surname_of,
)
from reader_app.domain.actors import TITLE_WORDS, match_key, name_from_quote, name_tokens
from reader_app.domain.body_nouns import declared_nouns
from reader_app.domain.date_words import UK_ONLY_LETTERS
from reader_app.domain.demonyms import side_of
from reader_app.domain.kind_nouns import PARTY, declared_near, fits_kind, in_field, kind_of_noun
from reader_app.domain.models import ActorId, Article
from reader_app.domain.name_context import longer_name_after, longer_name_before, opens_sentence
from reader_app.domain.word_forms import ENDINGS, is_cyrillic
from reader_app.services.state_names import state_table
from reader_app.storage.actors import (
    actor_names,
    actor_tag_positions,
    actor_types,
    known_actor_keys,
    names_containing,
    organizations_with_word,
    persons_with_surname,
)
from reader_app.storage.annotations import list_annotations_starting

_NAME_LINKS = frozenset("of the for and on in та і й з у в для и по при".split())


class Link(NamedTuple):
    actor_id: int | None  # None: create the actor below
    reason: str
    new_name: str | None = None
    new_type: str | None = None
    new_aliases: tuple[str, ...] = ()


@lru_cache(maxsize=2)
def _by_key(names: tuple[KnownName, ...]
            ) -> tuple[dict[str, KnownName], dict[str, list[str]]]:
    table: dict[str, KnownName] = {}
    keys: dict[str, list[str]] = {}
    for name in names:
        table.setdefault(match_key(name.text), name)
        keys.setdefault(name.canonical, []).append(match_key(name.text))
    return table, keys


def _state_table(db: Database) -> tuple[dict[str, KnownName], dict[str, list[str]]]:
    """The library's table of states (its edited copy, else the built-in one): match key
    -> its row's name; canonical -> the keys of all its names."""
    return _by_key(tuple(state_table(db)))


def _name(db: Database, actor_id: int) -> str:
    return actor_names(db, [actor_id])[ActorId(actor_id)]


def _known(db: Database, key: str) -> tuple[int, str] | None:
    ids = known_actor_keys(db, [key]).get(key)
    if not ids:
        return None
    return ids[0], _name(db, ids[0])


def _tagged_mentions(db: Database, article: Article, hi: int) -> list[ActorMention]:
    """The article's actor tags before hi as mentions (what an acronym may follow)."""
    tags = list_annotations_starting(db, article.id, 0, hi, "actor")
    names = actor_names(db, {a.actor_id for a in tags if a.actor_id is not None})
    return [ActorMention(a.start, a.end, a.actor_id, names[ActorId(a.actor_id)], "", "tagged",
                         True) for a in tags if a.actor_id is not None]


def _acronym(db: Database, article: Article, quote: str, at: int) -> Link | None:
    acronym = quote.strip()
    tagged = _tagged_mentions(db, article, at)
    # a tag where the spelled words begin is the body they name ("… продукцией России (ФАНП)")
    definitions = defined_acronyms(article.text, [], {m.start: m for m in tagged})
    if not any(article.text[s:e] == acronym for _, s, e, _ in definitions):
        # "Lithuanian Railways (LTG)": no initials spell it, the name tagged before does
        definitions = defined_acronyms(article.text, tagged)
    for _, start, end, named in definitions:
        if article.text[start:end] != acronym:
            continue
        if named.actor_id is not None:
            return Link(named.actor_id, f"acronym of {named.canonical}, defined in the article")
        found = _known(db, match_key(named.canonical)) or _organization(db, named.canonical)
        if found is not None:
            return Link(found[0], f"acronym of {found[1]}, defined in the article")
        return Link(None, f"acronym of {named.canonical}, defined in the article",
                    named.canonical, named.actor_type, (acronym,))
    return _initials_of_tagged(db, article, acronym, at)


def _initials_of_tagged(db: Database, article: Article, acronym: str, at: int) -> Link | None:
    """An acronym the article never defines that spells the initials of one body tagged
    before, all of them or all but a leading place's ("ОВА" for "Чернігівська обласна
    військова адміністрація")."""
    letters = match_key(acronym)
    if not (2 <= len(acronym) <= 6 and acronym.isupper() and acronym.isalpha()):
        return None
    fits: dict[int, str] = {}
    for m in _tagged_mentions(db, article, at):
        words = [w for w in name_tokens(m.canonical) if w not in _NAME_LINKS]
        initials = "".join(w[:1] for w in words)
        if len(words) >= 2 and (initials == letters or (
                len(words) >= 4 and initials[1:] == letters)):
            fits[m.actor_id or 0] = m.canonical
    if len(fits) != 1:
        return None
    actor_id, name = next(iter(fits.items()))
    return Link(actor_id, f"initials of {name}, tagged before")


@lru_cache(maxsize=2)
def _table_index(names: tuple[KnownName, ...]) -> ActorIndex:
    return build_actor_index(names)


_WINDOW = 400  # characters before a tag the finder reads (surnames tagged just before)


def _target(text: str, start: int, end: int) -> tuple[int, int]:
    """The name inside a tag: without surrounding quotation marks, commas and possessive."""
    quote = text[start:end]
    name = name_from_quote(quote)
    at = quote.find(name)
    return (start + at, start + at + len(name)) if name and at != -1 else (start, end)


def _after_titles(text: str, start: int, end: int) -> int:
    """Where the name in text[start:end] begins after its titles ("Mzee", "господином")."""
    for m in re.finditer(r"\S+", text[start:end]):
        if match_key(m.group()).rstrip(".") not in TITLE_WORDS:
            return start + m.start()
    return start


def _library_state(db: Database, canonical: str) -> tuple[int, str] | None:
    """The library's actor for a state of the table, under any of the table's names."""
    _, keys = _state_table(db)
    wanted = keys.get(canonical, [match_key(canonical)])
    known = known_actor_keys(db, wanted)
    ids = [known[k][0] for k in wanted if k in known]
    return (ids[0], _name(db, ids[0])) if ids else None


def _found(db: Database, article: Article, start: int, end: int) -> Link | None:
    """What the actor finder reads in the tag, in its place in the article: inflected
    names ("Мороза", "Москви"), a surname after another first name, a state's name not
    inside a longer one. Library names sharing a word stem with the tag, then the table."""
    lo, hi = max(0, start - _WINDOW), min(len(article.text), end + 80)
    window = article.text[lo:hi]
    tagged = [(s - lo, s - lo + 1, a) for a, s in actor_tag_positions(db, article.id, lo, start)]
    s0, e0 = _target(article.text, start, end)
    # "Орлов-старший": the surname before the hyphen is a word of its own
    stems = {word_stem(w) for w in re.split(r"[\s‑-]+", article.text[s0:e0]) if w}
    rows = {row for stem in stems if len(stem) >= 3 for row in names_containing(db, stem)}
    library = build_actor_index(KnownName(text, actor_id, canonical, kind, source)
                                for actor_id, text, canonical, kind, source in sorted(rows))
    table, _ = _state_table(db)
    starts = {s0, _after_titles(article.text, s0, e0)}  # "господином Лаптевым"
    for index in (library, _table_index(tuple(table.values()))):
        for m in find_actors(window, index, tagged):
            if m.start + lo not in starts or m.end + lo not in (e0, end):
                continue
            if m.actor_id is not None:
                return Link(m.actor_id, m.reason)
            if m.actor_type in ("state", "organization", "media") and index is not library:
                own = _library_state(db, m.canonical)
                if own is not None:
                    return Link(own[0], m.reason.replace(m.canonical, own[1]))
            return Link(None, m.reason, m.canonical, m.actor_type)
    return None


def relative_by_age(db: Database, article: Article, start: int, end: int) -> Link | None:
    """"Орлов-старший", "the elder Lavoie": of the people tagged here with the surname,
    the one the whole text makes the elder (or the younger)."""
    text = article.text
    s0, e0 = _target(text, start, end)
    head = re.split(r"[‑-]", text[s0:e0])[0]  # "Орлов" of "Орлов-старший"
    words = head.split()
    cue = age_cue(text, s0, s0 + len(head)) if words else None
    if cue is None:
        return None
    key = match_key(words[-1])
    starts: dict[int, list[int]] = {}
    for actor_id, at in actor_tag_positions(db, article.id, 0, start):
        starts.setdefault(actor_id, []).append(at)
    types = actor_types(db, list(starts))
    names = actor_names(db, list(starts))
    kin = [a for a in starts if types.get(a) == "person" and any(
        same_word(key, w) or w == key for w in name_tokens(names.get(ActorId(a), ""))[-1:])]
    if len(kin) == 1 and cue[0] == ELDER:
        # "лікар Микола Гнатюк … 72-річний Гнатюк-старший": the one of the family tagged so
        # far (a text says "the elder" of him because a younger one comes later); not for
        # "the younger", who is often the one not named yet
        (only,) = kin
        return Link(only, f"probably {names[ActorId(only)]}: “{text[s0:e0]}”, the one person"
                    " tagged here with that surname")
    if len(kin) < 2:
        return None
    chosen = seniority(text, [(a, starts[a]) for a in kin], cue[0])
    if chosen is None:
        return None
    word = "elder" if cue[0] == ELDER else "younger"
    return Link(chosen, f"surname of {names[ActorId(chosen)]}, the {word} of {len(kin)} people"
                " tagged here with it, by what the text says of their ages")


def _state_side(db: Database, quote: str) -> Link | None:
    """"российской стороне", "Эстонские власти": the state its adjective names."""
    canonical = side_of(quote)
    if canonical is None:
        return None
    table, _ = _state_table(db)
    row = table.get(match_key(canonical))
    own = _library_state(db, canonical)
    reason = f"“{quote.strip()}”: the government or side of {canonical}"
    if own is not None:
        return Link(own[0], reason)
    return Link(None, reason, canonical, row.actor_type if row is not None else "state")


# A lone noun for a state's government ("the Government", "правительство", "уряд"), after
# its adjectives ("the federal government"): stems, since Cyrillic nouns inflect (not "the
# State", "держава": a story's own state, which a foreign one may outnumber in the tags)
_GOVERNMENT = ("government", "country", "authorities", "правительств", "уряд", "власт")
_GOVERNMENT_ADJECTIVES = frozenset("the its this federal national central".split())
# a Ukrainian text's own: "уряд", "держава", "влада" in their cases
_UKRAINIAN_HOME = ("уряд", "держав", "влад")
_UKRAINIAN_LETTERS = re.compile(f"[{UK_ONLY_LETTERS}{UK_ONLY_LETTERS.upper()}]")
_STATE_ADJECTIVE = re.compile(r"\w+(?:ськ|цьк|зьк)\w{1,3}\s+$", re.IGNORECASE)


def _home_state(db: Database, article: Article, quote: str, start: int) -> Link | None:
    """"правительство", "the Government": probably the state tagged before in the article
    far more often than any other (the story's own). Linked, as a spelling a letter off is
    (see _spelling): a wrong link is one click to relink, a new actor "Government" a
    duplicate that someone has to find and merge."""
    words = [w for w in name_tokens(quote) if w not in _GOVERNMENT_ADJECTIVES]
    if len(words) != 1 or not words[0].startswith((*_GOVERNMENT, *_UKRAINIAN_HOME)):
        return None
    before = sorted((s, a) for a, s in actor_tag_positions(db, article.id, hi=start))
    if not before:
        return None
    states = {a for a, t in actor_types(db, list({a for _, a in before})).items() if t == "state"}
    ukraine = _library_state(db, "Ukraine")
    if (words[0].startswith(_UKRAINIAN_HOME) and _UKRAINIAN_LETTERS.search(article.text)
            and ukraine is not None and ukraine[0] in {a for _, a in before}
            and not _STATE_ADJECTIVE.search(article.text, max(0, start - 16), start)):
        # a Ukrainian text's own government and state: "уряд", "держава" (another's has its
        # adjective, "російський уряд", or its seat, "Кремль"), whoever is tagged more
        return Link(ukraine[0], f"probably {ukraine[1]}: “{quote.strip()}” in a Ukrainian "
                    "text, its own state's")
    if not words[0].startswith(_GOVERNMENT):
        return None
    counts: dict[int, tuple[int, int]] = {}
    for at, actor_id in before:
        if actor_id in states:
            n, _ = counts.get(actor_id, (0, 0))
            counts[actor_id] = (n + 1, at)
    ranked = sorted(counts, key=lambda a: counts[a], reverse=True)
    if not ranked or counts[ranked[0]][0] < 2 or (
            len(ranked) > 1 and counts[ranked[0]][0] < 2 * counts[ranked[1]][0]):
        return None  # a story of two states: which one's government is not the text's to say
    chosen = ranked[0]
    return Link(chosen, f"probably {_name(db, chosen)}: “{quote.strip()}”, the government of"
                " the state tagged at least twice as often before as any other")


def _variant(db: Database, quote: str) -> Link | None:
    for key in name_variants(quote)[1:]:
        found = _known(db, key)
        if found is not None:
            return Link(found[0], f"another form of the name of {found[1]}")
    return None


def _state(db: Database, article: Article, quote: str, start: int, end: int) -> Link | None:
    table, keys = _state_table(db)

    def in_table(word: str) -> bool:
        return match_key(word) in table

    if (longer_name_before(article.text, start, in_table)
            or longer_name_after(article.text, end, in_table)):
        return None  # "Denzel Washington", "Washington Post": not the state
    row = next((table[k] for k in name_variants(quote) if k in table), None)
    if row is None:
        return None
    how = "name" if match_key(row.text) == match_key(row.canonical) else f"“{row.text}” is a name"
    probably = "" if row.certain else "probably "
    # the library's actor for that state, under its canonical name or any other of its names
    known = known_actor_keys(db, keys[row.canonical])
    ids = [known[k][0] for k in keys[row.canonical] if k in known]
    found = (ids[0], _name(db, ids[0])) if ids else None
    if found is not None:
        return Link(found[0], f"{probably}{how} of {found[1]} (state table)")
    return Link(None, f"{probably}{how} of {row.canonical} (state table)", row.canonical,
                row.actor_type)


def _surname(db: Database, quote: str) -> Link | None:
    surname = surname_of(quote)
    if surname is None:
        return None
    people = [(i, n) for i, n in persons_with_surname(db, surname)
              if name_tokens(n)[-1:] == [surname]]
    if len({i for i, _ in people}) == 1:
        return Link(people[0][0], f"surname of {people[0][1]}, the only person in the"
                    " library with it")
    return None


def _organization(db: Database, quote: str) -> tuple[int, str] | None:
    """The one organisation whose name holds the quote's words, in any case."""
    words = [w for w in name_tokens(name_variants(quote)[-1]) if len(w) > 3]
    if not words:
        return None
    return org_containing(quote, organizations_with_word(db, word_stem(max(words, key=len))))


def _ministry_stump(db: Database, quote: str) -> Link | None:
    """"Минтранса", "Мінфін": the one ministry in the library whose field the stump spells
    (the article need not define it: the short form is the usual one in news)."""
    word = quote.strip()
    fits = {i: name for stem in ("міністерств", "министерств")
            for i, name in organizations_with_word(db, stem)
            if any(stump_fits(name.split()[k:], word) for k in range(len(name.split())))}
    if len(fits) != 1:
        return None
    actor_id, name = next(iter(fits.items()))
    return Link(actor_id, f"“{word}” is the short form of {name}")


def _declared_noun(db: Database, article: Article, quote: str, start: int) -> Link | None:
    """"профсоюза" after "профсоюз «Единство»": the noun the text put before a quoted name,
    alone later, names that body (as the suggestions read it: body_nouns.declared_nouns)."""
    word = quote.strip()
    if " " in word or not is_cyrillic(word[:1]):
        return None
    tags = list_annotations_starting(db, article.id, 0, start, "actor")
    spans = [(a.start, a.end, a.actor_id) for a in tags if a.actor_id is not None]
    key = match_key(word)
    for noun, actor_id in declared_nouns(article.text, spans).items():
        if key[:3] == noun[:3] and same_word(key, noun):
            return Link(actor_id, f"“{word}”: {_name(db, actor_id)}, the noun the text "
                        "named it with")
    return None


# Ukrainian and Russian contract a council: "міськрада" is the city council ("міська рада")
_COUNCIL_STUMPS = {"міськрад": ("міськ", "рад"), "облрад": ("обласн", "рад"),
                   "райрад": ("районн", "рад"), "горсовет": ("городск", "совет"),
                   "облсовет": ("областн", "совет"), "райсовет": ("районн", "совет")}


def _council_stump(db: Database, article: Article, quote: str) -> Link | None:
    """"міськради" for "Львівська міська рада": the one council of that level in the
    library, the one tagged in this article first when several are."""
    key = match_key(quote.strip())
    stems = next((v for k, v in _COUNCIL_STUMPS.items() if key.startswith(k)), None)
    if stems is None:
        return None
    fits = {i: name for i, name in organizations_with_word(db, stems[1])
            if any(w.startswith(stems[0]) for w in name_tokens(name))
            and any(w.startswith(stems[1]) for w in name_tokens(name))}
    here = {a for a, _ in actor_tag_positions(db, article.id)} & fits.keys()
    chosen = here if here else fits.keys()
    if len(chosen) != 1:
        return None
    actor_id = next(iter(chosen))
    return Link(actor_id, f"“{quote.strip()}” is the short form of {fits[actor_id]}")


def _spells_compound(key: str, tokens: list[str]) -> bool:
    """Is key two neighbouring words of a name run together, the first cut short
    ("автопарку": "автобусный парк", "міськради": "міська рада")?"""
    for first, second in zip(tokens, tokens[1:], strict=False):
        for cut in range(3, min(len(first) - 1, 8) + 1):
            rest = key[cut:]
            if key[:cut] == first[:cut] and len(rest) >= 3 and (
                    same_word(rest, second) or rest[:4] == second[:4] and len(second) >= 4
                    or _cut_short(rest, second)):
                return True
    return False


def _cut_short(rest: str, word: str) -> bool:
    """"міну" of "Кабміну": the word's first three letters or more, then a case ending."""
    return any(rest[:k] == word[:k] and (rest[k:] == "" or rest[k:] in ENDINGS)
               for k in range(3, min(len(rest), len(word) - 1) + 1))


def _compound_of_tagged(db: Database, article: Article, quote: str, start: int) -> Link | None:
    """A Ukrainian or Russian compound of two words of a body's name tagged before in the
    article ("автопарку" after "Карагандинский автобусный парк"): that body, if only one."""
    word = quote.strip()
    if " " in word or not is_cyrillic(word[:1]) or len(word) < 6:
        return None
    key = match_key(word)
    ids = list(dict.fromkeys(a for a, _ in actor_tag_positions(db, article.id, hi=start)))
    names = actor_names(db, ids)
    types = actor_types(db, ids)
    fits = [a for a in ids if types[a] != "person"
            and _spells_compound(key, name_tokens(names[ActorId(a)]))]
    if len(fits) != 1:
        return None
    return Link(fits[0], f"“{word}”: {names[ActorId(fits[0])]} in a short compound")


def _part_of_name(db: Database, quote: str, text: str = "") -> Link | None:
    found = _organization(db, quote)
    if found is None or _foreign_state(db, found[1], quote, text):
        return None
    return Link(found[0], f"part of the name of {found[1]}")


def _foreign_state(db: Database, name: str, quote: str, text: str) -> bool:
    """Does the organisation's name end with a state ("Министерство сельского хозяйства
    Молдовы") that the quote leaves out and the text never names? Then the words are
    another state's body of that name, not this one."""
    words = name.split()
    if not text or len(words) < 2:
        return False
    table, _ = _state_table(db)
    row = table.get(match_key(words[-1]))
    if row is None or row.seat or match_key(words[-1]) in name_tokens(quote):
        return False
    return not names_state(text, words[-1])


_ANAPHORA_DEPTH = 12  # distinct actors looked back at for "the party"


def _kind_anaphora(db: Database, article: Article, quote: str, start: int) -> Link | None:
    """"the party" / "партію": the actor tagged nearest before whose name has that word,
    else one of the kind the noun names ("the company", "the paper", "the alliance")."""
    if quote.strip()[:1].isupper() and " " not in quote.strip() and (
            opens_sentence(article.text, start)
            or article.text[max(0, start - 4):start] in ("the ", "The ")):
        # "Фонд профінансував", "Партія заявила", "the Government", "told the House":
        # the noun itself
        quote = quote.lower()
    noun = kind_word(quote)
    if noun is None:
        return None
    before = sorted((s, a) for a, s in actor_tag_positions(db, article.id, hi=start))
    everyone = list(dict.fromkeys(a for _, a in reversed(before)))
    recent = everyone[:_ANAPHORA_DEPTH]
    names = actor_names(db, everyone)
    fits = _named_by(noun, recent, names)
    how_kind = ""
    if not fits:
        fits = _of_kind(db, article, quote, start, recent, names)
        how_kind = ", of that kind"
    if not fits:
        # "ліцею" long after "ліцеєм № 212": a word of a body's name still names it when
        # no body named since has that word or kind
        fits = _named_by(noun, everyone[_ANAPHORA_DEPTH:], names)
        how_kind = ""
    if not fits:
        return None
    # the one tagged most often before (the story's party, not one named in passing),
    # the nearest on a tie (max keeps the first of equals: recent is nearest first)
    counts = {a: sum(1 for _, b in before if b == a) for a in fits}
    chosen = max(fits, key=lambda a: counts[a])
    how = "tagged most often before" if len(fits) > 1 else "tagged before"
    return Link(chosen, f"“{quote.strip()}”: {names[ActorId(chosen)]}{how_kind}, {how}")


def _named_by(noun: str, actor_ids: list[int], names: dict[ActorId, str]) -> list[int]:
    """The actors with the noun as a word of their name, or as a short compound's last
    part ("комбінат" of "Полтавський хлібокомбінат")."""
    return [a for a in actor_ids
            if any(same_word(noun, w) or _compound_tail(noun, w)
                   for w in name_tokens(names.get(ActorId(a), "")))]


def _compound_tail(noun: str, word: str) -> bool:
    return (is_cyrillic(word) and len(noun) >= 6 and len(word) >= len(noun) + 3
            and any(same_word(noun, word[i:]) for i in range(3, len(word) - len(noun) + 3)))


def _of_kind(db: Database, article: Article, quote: str, start: int, recent: list[int],
             names: dict[ActorId, str]) -> list[int]:
    """The recent actors of the kind a noun names, by their name or type or by what the
    text said of them; the nearest only (a kind noun points at the last one named)."""
    kind = kind_of_noun(quote)
    if kind is None or not recent:
        return []
    noun = quote.strip().split()[-1]
    trade = [a for a in recent if in_field(noun, names.get(ActorId(a), ""))]
    if len(trade) == 1:
        return trade  # "the miner": the one body whose name says it mines
    types = actor_types(db, recent)
    table, keys = _state_table(db)
    tags = [a for a in list_annotations_starting(db, article.id, 0, start, "actor")
            if a.actor_id in types]
    for actor_id in recent:
        name = names.get(ActorId(actor_id), "")
        row = table.get(match_key(name))
        supranational = row is not None and row.actor_type == "organization"
        mentions = [(a.start, a.end) for a in tags if a.actor_id == actor_id]
        if kind != PARTY and fits_kind(PARTY, name, types[actor_id], supranational):
            continue  # a party's name says so ("Рух відновлення"), whatever its quotes
        if fits_kind(kind, name, types[actor_id], supranational) or (
                types[actor_id] in ("organization", "media", "other")
                and declared_near(article.text, mentions, kind)):
            return [actor_id]
    return []


def _spelling(db: Database, quote: str) -> Link | None:
    # Linked, with "probably" in the reason, rather than a new actor "did you mean X?":
    # a variant a letter off a known name is nearly always a transliteration of it
    # (Zelensky/Zelenskyy, Sergei/Sergey), a wrong link is one click to relink in the tag
    # editor, while a new actor is a duplicate that someone has to find and merge.
    # Relatives stay apart (closest_key refuses the other gender's first name).
    keys = known_actor_keys(db)
    key = name_variants(quote)[1] if len(name_variants(quote)) > 1 else match_key(quote)
    other = closest_key(match_key(quote), keys) or closest_key(key, keys)
    surname = surname_of(quote)
    if other is None and surname is not None:  # "Zelenskyy" for "Volodymyr Zelensky"
        last_words: dict[str, set[int]] = {}
        for k, ids in keys.items():
            if " " in k:
                last_words.setdefault(k.rsplit(" ", 1)[1], set()).update(ids)
        near = closest_key(surname, last_words)
        if near is not None and len(last_words[near]) == 1:
            actor_id = next(iter(last_words[near]))
            name = _name(db, actor_id)
            return Link(actor_id, f"probably {name}: “{quote.strip()}” is spelled a letter"
                        " or two off")
    if other is None:
        return None
    actor_id = keys[other][0]
    name = _name(db, actor_id)
    return Link(actor_id, f"probably {name}: “{quote.strip()}” is spelled a letter or two off")


def link_unknown_name(db: Database, article: Article, start: int, end: int) -> Link | None:
    """The actor a tag's text names by another form of a name, else None (a new actor)."""
    quote = article.text[start:end]
    if not match_key(quote):
        return None
    return (_acronym(db, article, quote, start) or relative_by_age(db, article, start, end)
            or _state_side(db, quote) or _variant(db, quote)
            or _found(db, article, start, end) or _kind_anaphora(db, article, quote, start)
            or _state(db, article, quote, start, end) or _surname(db, quote)
            or _ministry_stump(db, quote) or _council_stump(db, article, quote)
            or _declared_noun(db, article, quote, start)
            or _compound_of_tagged(db, article, quote, start)
            or _part_of_name(db, quote, article.text) or _home_state(db, article, quote, start)
            or _spelling(db, quote))
