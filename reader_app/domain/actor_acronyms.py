"""Acronyms a text defines: "the National Reform Party (NRP)" teaches NRP from there on, and
so does a hyphenated short name: "Maharashtra Metro Rail Corporation Limited (Maha-Metro)".

The name before the brackets is the known actor found there, or the words whose initials
spell the acronym (English capitalises each word, Ukrainian and Russian only the first:
"Служба безпеки України (СБУ)"). The acronym then names that actor, or the same new actor,
in the brackets and wherever it stands later in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Mapping

from reader_app.domain.actor_mentions import ActorMention
from reader_app.domain.actors import guess_actor_type, match_key

__all__ = ["acronym_mentions", "defined_acronyms"]

# 16 letters: "Мінсоцполітики"; a hyphen: a short name ("Maha-Metro")
_DEFINITION = re.compile(r"\(\s*([^\W\d_][^\W_]{1,15}(?:-[^\W\d_][^\W_]{1,15})?)\s*\)")
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
# little words an expansion may contain, with or without their initial in the acronym
_LINKS = frozenset("of the for and on in de du des la le al та і й з із у в для и по при за".split())
_STOPS = ",.;:!?()[]{}“”\"«»—–\n"


# Ukrainian and Russian shorten a ministry to "Мін-"/"Мин-" and the start of its field:
# "Міністерство енергетики" (Міненерго), "Министерство финансов" (Минфин)
_STUMP = re.compile(r"^(?:Мін|Мин)([а-яіїєґёэ']{3,})$")
_MINISTRY = ("міністерств", "министерств")


def _is_acronym(word: str) -> bool:
    capitals = sum(c.isupper() for c in word)
    return capitals >= 2 and capitals >= len(word) - 1 or _STUMP.match(word) is not None


def _title_case_acronym(text: str, bracket: int, word: str) -> bool:
    """"National Union of Smelter Workers (Nusw)": South African and British papers write
    some acronyms in title case; one that spells the words before it is one."""
    return (3 <= len(word) <= 6 and word[0].isupper() and word[1:].islower()
            and _expansion(text, len(text[:bracket].rstrip()), word.upper()) is not None)


def stump_fits(words: list[str], stump: str) -> bool:
    """Do the words ("Міністерство енергетики …") spell the ministry stump ("Міненерго")?"""
    m = _STUMP.match(stump)
    if m is None or len(words) < 2:
        return False
    field = match_key(m.group(1)).replace("э", "е")
    return match_key(words[0]).startswith(_MINISTRY) and match_key(words[1]).replace(
        "э", "е").startswith(field[:3])


def _initials_fit(words: list[str], acronym: str) -> bool:
    if _STUMP.match(acronym):
        return stump_fits(words, acronym)
    letters = match_key(acronym)
    every = "".join(match_key(w)[:1] for w in words)
    main = "".join(match_key(w)[:1] for w in words if match_key(w) not in _LINKS)
    if letters in (every, main) or _one_left_out(letters, main):
        return True
    # a state's name after the body's is often left out of it: "State Emergency Service of
    # Ukraine (SES)", "Державна служба надзвичайних ситуацій України (ДСНС)"
    keys = [match_key(w) for w in words]
    for cut in (1, 2):
        if len(words) <= cut + 1:
            continue
        if keys[-cut - 1] in _LINKS:
            head = keys[:-cut - 1]
        elif words[-cut][:1].isupper():
            head = keys[:-cut]
        else:
            continue
        head = [k for k in head if k not in _LINKS]
        initials = "".join(k[:1] for k in head)
        if len(head) >= 2 and (initials == letters or _one_left_out(letters, initials)):
            return True
    return False


def _one_left_out(letters: str, initials: str) -> bool:
    """An acronym of three letters or more may leave out its name's first word (a place:
    "Львівська обласна військова адміністрація (ОВА)") or its last ("Федеральное агентство
    по надзору за пищевой продукцией (ФАНП)")."""
    return len(letters) >= 3 and len(initials) == len(letters) + 1 and letters in (
        initials[1:], initials[:-1])


def _short_expansion(text: str, before: int, short: str) -> tuple[int, int] | None:
    """[start, end) of the capitalised words before `before` that a hyphenated short name
    shortens, each part the start of one of them in order: "Maharashtra Metro Rail
    Corporation Limited (Maha-Metro)"."""
    parts = [match_key(p) for p in short.split("-")]
    if len(parts) < 2 or not all(p[:1].isalpha() and len(p) >= 3 for p in parts) or not all(
            p[:1].isupper() for p in short.split("-")):
        return None
    lo = before
    while lo > 0 and before - lo < 160 and text[lo - 1] not in _STOPS:
        lo -= 1
    words = list(_WORD.finditer(text, lo, before))
    for n in range(len(parts), min(len(words), 8) + 1):
        chosen = [match_key(m.group()) for m in words[-n:]]
        if not words[-n].group()[:1].isupper() or not chosen[0].startswith(parts[0]):
            continue
        k = 0
        for word in chosen:
            if k < len(parts) and word.startswith(parts[k]):
                k += 1
        if k == len(parts):
            return words[-n].start(), words[-1].end()
    return None


def _expansion(text: str, before: int, acronym: str) -> tuple[int, int] | None:
    """[start, end) of the words before `before` whose initials spell the acronym."""
    lo = before
    while lo > 0 and before - lo < 160 and text[lo - 1] not in _STOPS:
        lo -= 1
    words = list(_WORD.finditer(text, lo, before))
    for n in range(1, min(len(words), len(acronym) + 4) + 1):
        chosen = [m.group() for m in words[-n:]]
        if (chosen[0][:1].isupper() and match_key(chosen[0]) not in _LINKS
                and _initials_fit(chosen, acronym)):
            return words[-n].start(), words[-1].end()
    return None


def defined_acronyms(text: str, mentions: list[ActorMention],
                     tagged: Mapping[int, ActorMention] | None = None
                     ) -> list[tuple[int, int, int, ActorMention]]:
    """(bracket start, acronym start, acronym end, what it names) of each definition.
    tagged: the article's actor tags by start, the known bodies an expansion may open with."""
    ends: dict[int, ActorMention] | None = None
    starts: dict[int, ActorMention] = {}
    found = []
    for m in _DEFINITION.finditer(text):
        acronym = m.group(1)
        before = m.start()
        while before > 0 and text[before - 1] in " \u00a0":
            before -= 1
        hyphenated = "-" in acronym
        if hyphenated:  # "(Maha-Metro)": a short name, the start of each word it keeps
            span = _short_expansion(text, before, acronym)
            if span is None:
                continue
        elif not _is_acronym(acronym) and not _title_case_acronym(text, m.start(), acronym):
            continue
        if ends is None:
            ends = {m.end: m for m in mentions}
            starts = {**(tagged or {}), **{m.start: m for m in mentions
                                           if m.actor_id is not None}}
        named = ends.get(before)
        if not hyphenated:
            span = _expansion(text, before, acronym)
        if named is not None and span is None and \
                match_key(text[named.start:named.end])[:1] != match_key(acronym)[:1]:
            named = None  # "Державна служба … України (ДСНС)": not Ukraine's
        known = starts.get(span[0]) if span is not None and (
            named is None or span[0] < named.start) else None
        if known is not None and known.end <= before:
            named = known  # the known body the words begin with, a state's name after it
        elif span is not None and (named is None or span[0] < named.start):
            # the words the acronym spells, not a shorter name at their end
            # ("Адміністрації морських портів України (АМПУ)" is not Ukraine)
            name = " ".join(text[span[0]:span[1]].split())
            # an expansion names a body; without a word that says so ("Party", "Union",
            # "Ministry") it may be a thing ("Unmanned Aerial Vehicle"): probably
            kind = guess_actor_type(name)
            sure = kind not in ("person", "other")
            named = ActorMention(span[0], span[1], None, name, kind if sure else "organization",
                                 ("" if sure else "probably ")
                                 + f"a new actor, defines the acronym {acronym}", sure)
        if named is None:
            continue
        found.append((m.start(), m.start(1), m.end(1), named))
    return found


# Ukrainian and Russian decline a stump or an acronym ending in a consonant: "по данным
# Минтранса", "у Мінфіні", "ЦИКу"
_CASE_ENDING = re.compile(r"(?:ами|ові|ом|ою|ой|ах|ам|ов|а|у|е|і|и|ы)(?!\w)")


def _later_uses(text: str, acronym: str, after: int) -> list[tuple[int, int]]:
    """(start, end) of each later use of the acronym, in a Cyrillic case ending too."""
    uses = []
    cyrillic = "\u0400" <= acronym[-1:] <= "\u04ff" and acronym[-1].lower() not in "аеиоуыэюяіїєо"
    i = text.find(acronym, after)
    while i != -1:
        j = i + len(acronym)
        if i == 0 or not text[i - 1].isalnum():
            if j == len(text) or not text[j].isalnum():
                uses.append((i, j))
            elif cyrillic and (ending := _CASE_ENDING.match(text, j)) is not None:
                uses.append((i, ending.end()))
        i = text.find(acronym, j)
    return uses


class _Placed:
    """Mentions that never overlap, by start, with the overlap test in log time: a
    hostile text can define an acronym thousands of times."""

    def __init__(self, mentions: list[ActorMention]) -> None:
        self.by_start = {m.start: m for m in mentions}
        self.starts = sorted(self.by_start)

    def get(self, start: int) -> ActorMention | None:
        return self.by_start.get(start)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end)  # mentions starting before end
        return bool(i) and self.by_start[self.starts[i - 1]].end > start

    def drop_inside(self, start: int, end: int) -> None:
        lo, hi = bisect_left(self.starts, start), bisect_left(self.starts, end)
        gone = [k for k in self.starts[lo:hi] if self.by_start[k].end <= end]
        for k in gone:
            del self.by_start[k]
            self.starts.remove(k)

    def put(self, m: ActorMention) -> None:
        if m.start not in self.by_start:
            insort(self.starts, m.start)
        self.by_start[m.start] = m


def acronym_mentions(text: str, mentions: list[ActorMention],
                     tagged: Mapping[int, ActorMention] | None = None) -> list[ActorMention]:
    """The mentions with each defined acronym's uses added (they replace a match of the
    same span: the text's own definition beats the library's reading), in text order.
    A use takes the acronym's definition nearest before it."""
    definitions = defined_acronyms(text, mentions, tagged)
    if not definitions:
        return mentions
    placed = _Placed(mentions)
    by_acronym: dict[str, list[tuple[int, ActorMention]]] = {}
    for _bracket, start, end, named in definitions:
        acronym = text[start:end]
        if placed.get(named.start) != named:
            placed.drop_inside(named.start, named.end)  # a state's name at the expansion's end
            if not placed.overlaps(named.start, named.end):
                placed.put(named)
        by_acronym.setdefault(acronym, []).append((start, named))
    for acronym, defined in by_acronym.items():
        starts = [d[0] for d in defined]
        for at, end in _later_uses(text, acronym, starts[0]):
            named = defined[bisect_left(starts, at + 1) - 1][1]  # the last defined before it
            reason = ("" if named.certain else "probably ") + (
                f"acronym of {named.canonical}, defined in the text")
            use = ActorMention(at, end, named.actor_id, named.canonical,
                               named.actor_type, reason, named.certain)
            old = placed.get(at)
            if (old is not None and old.end == use.end) or not placed.overlaps(at, use.end):
                placed.put(use)
    return sorted(placed.by_start.values())
