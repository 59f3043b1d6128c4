"""A common noun that says what KIND of body was named before: "the company" for Keystone
Valley Chemicals, "the paper" for El Diario del Sur, "the alliance" for NATO, "партія" for
Рух відновлення. The noun is no word of the name, so the body must be one of that kind:
by a word of its name ("Movement" is a party's, "Logistics" a company's), by its type
(media), or because the text said so next to a mention ("the firm Danubia …",
"Keystone Valley Chemicals, a company that …", "компанія «Медтехсервіс»"). Pure Python.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from reader_app.domain.actors import match_key, name_tokens
from reader_app.domain.word_forms import is_cyrillic, same_word

__all__ = ["FIELDS", "TEXT_KINDS", "declared_near", "fits_kind", "in_field", "kind_of_noun"]

COMPANY, PARTY, MEDIA, BLOC, OFFICE = "company", "party", "media", "bloc", "office"
GROUP, POLICE, CHARITY, HOUSE = "group", "police", "charity", "legislature"
COURT = "court"
# the kinds "the group", "the force", "the charity" name: a body of the kind by its name or
# by what the text said of it next to a mention (the suggestions' finder asks these too)
TEXT_KINDS = (GROUP, POLICE, CHARITY, OFFICE, HOUSE, COURT)

_NOUNS = {
    **dict.fromkeys("""company firm operator manufacturer maker carrier supplier contractor
        developer producer miner utility airline lender insurer компанія компанії компанію
        компанією підприємство підприємства фірма фірми компания компании компанию компанией
        предприятие предприятия фирма фирмы оператор""".split(), COMPANY),
    **dict.fromkeys("""party партія партії партію партією партия партии партию партией""".split(),
                    PARTY),
    **dict.fromkeys("""paper newspaper daily tabloid outlet broadcaster magazine газета газети
        видання издание""".split(), MEDIA),
    **dict.fromkeys("alliance bloc блок альянс альянсу альянсі".split(), BLOC),
    # "Ведомство планирует …", "у відомстві додали": a ministry's or an agency's word
    **dict.fromkeys("""відомство відомства відомству відомстві відомством ведомство
        ведомства ведомству ведомстве ведомством""".split(), OFFICE),
    # a campaign's or a pressure group's word: "the group said", "according to the campaign"
    **dict.fromkeys("group campaign campaigners watchdog".split(), GROUP),
    # "the charity": a trust's or a foundation's word ("a food bank charity")
    **dict.fromkeys(["charity"], CHARITY),
    # "walked out of the House", "told the chamber": a legislature's word
    **dict.fromkeys(["house", "chamber"], HOUSE),
    # "the force": British for a police force
    **dict.fromkeys(["force"], POLICE),
    # "the court" for a tribunal, "the tribunal" for a court of arbitration
    **dict.fromkeys(["court", "tribunal"], COURT),
}
# what a company does, by words of its name: "the miner" is Kgotso Platinum, "the
# utility" Eskom Grid Reserve (prefixes of a name's match keys)
FIELDS = {
    "miner": ("mining", "mines", "minerals", "platinum", "gold", "coal", "copper", "diamond",
              "iron", "ore", "nickel", "lithium", "uranium", "resources"),
    "utility": ("grid", "power", "energy", "electric", "water", "utilit", "gas"),
    "airline": ("air", "airline", "airways", "aviation"),
    "lender": ("bank", "credit", "finance", "capital"),
    "insurer": ("insurance", "assurance", "mutual"),
}


def in_field(noun: str, name: str) -> bool:
    """Does the name say its body works in the trade the noun names ("the miner")?"""
    stems = FIELDS.get(noun.casefold())
    return stems is not None and any(w.startswith(stems) for w in match_key(name).split())


# words of a name that say its kind
_NAME_WORDS = {
    COMPANY: frozenset("""ltd inc plc llc corp corporation company co group holdings logistics
        chemicals systems homes works railways ferries airlines airways energy industries
        technologies motors oil gas transit shipping lines steel mining foods hydro solutions
        services lithium resources minerals metals mines coal copper nickel uranium platinum
        cement dairy seafood fisheries timber lumber textiles telecom telecoms communications
        insurance securities investments properties construction engineering electric
        petroleum petrochemical petrochemicals exploration refining limited pty gmbh""".split()),
    PARTY: frozenset("""party movement front union alliance bloc congress league coalition
        партія рух фронт союз блок партия движение""".split()),
    BLOC: frozenset("""alliance union treaty pact bloc nato eu альянс союз""".split()),
    OFFICE: frozenset("""ministry department agency service office committee inspectorate
        міністерство служба агентство комітет управління департамент інспекція
        министерство служба агентство комитет управление департамент инспекция""".split()),
    # "the group" for a holding company too ("Kgotso Platinum Holdings … the group said")
    GROUP: frozenset("group campaign coalition network action holdings".split()),
    POLICE: frozenset("police constabulary".split()),
    CHARITY: frozenset("trust foundation charity appeal".split()),
    HOUSE: frozenset("""assembly parliament senate congress legislature house chamber duma
        rada sejm""".split()),
    COURT: frozenset("court tribunal arbitration".split()),
}
# a public body's own words: its name is never a company's, whatever trade it names
_PUBLIC_BODY = frozenset("""department ministry agency authority commission council office
    bureau court government parliament administration regulator directorate""".split())
_STEMS = {COMPANY: ("компан", "підприєм", "фірм", "предприят", "фирм"),
          PARTY: ("парті", "парти"), OFFICE: ("відомств", "ведомств")}


def kind_of_noun(quote: str) -> str | None:
    """The kind a lone common noun ("the company", "партії") names, else None."""
    words = [w for w in name_tokens(quote) if w not in ("the", "a", "this", "that", "its")]
    if len(words) != 1:
        return None
    word = words[0]
    if word in _NOUNS:
        return _NOUNS[word]
    if is_cyrillic(word):
        return next((k for k, stems in _STEMS.items() if word.startswith(stems)), None)
    return None


def fits_kind(kind: str, name: str, actor_type: str, supranational: bool = False) -> bool:
    """Is the body called `name` (of `actor_type`) of that kind by its name or type?"""
    if kind == MEDIA:
        return actor_type == "media"
    if actor_type not in ("organization", "other"):
        return False
    if supranational:
        return kind == BLOC  # the EU is a union, not a party
    words = set(name_tokens(name))
    if kind == COMPANY and words & _PUBLIC_BODY:
        return False  # "Department of Mineral Resources": a trade's word, a state's body
    return bool(words & _NAME_WORDS.get(kind, frozenset())) or any(
        same_word(w, n) for w in words if is_cyrillic(w) for n in _NAME_WORDS.get(kind, ()))


_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def declared_near(text: str, mentions: Iterable[tuple[int, int]], kind: str) -> bool:
    """Did the text say next to one of the mentions that the body is of that kind: the
    noun among the three words before it ("the firm Danubia", "компанія «X»") or in an
    appositive right after it ("X, a company that …", "X, the state operator,")? A
    Cyrillic name in quotation marks is a company's unless said otherwise («Энергоком»)."""
    for start, end in mentions:
        if kind == COMPANY and is_cyrillic(text[start:start + 1]) and \
                text[start - 1:start] in ("«", "“", '"') and text[end:end + 1] in ("»", "”", '"'):
            return True
        before = _WORD.findall(text, max(0, start - 40), start)[-3:]
        after = text[end:end + 60]
        m = re.match(r"[»”\"]?\s*(?:\([^()]{1,12}\)\s*)?,\s*(?:a|an|the)\s+((?:[\w'’-]+\s+){0,2}"
                     r"[\w'’-]+)", after)
        tail = _WORD.findall(m.group(1)) if m else []
        if any(kind_of_noun(match_key(w)) == kind for w in (*before, *tail)):
            return True
    return False
