"""A known person's surname in running text: which person, or a new one with that surname.

"Lavrov" alone is Sergei Lavrov when he is the only Lavrov in the library, or the Lavrov
tagged (or named) nearest before when several people share the surname; with no such
context it is not linked at all. A surname after another first name is someone else
("Olena Petrenko" is not Mykola Petrenko): relatives are never merged. A first name one
or two letters off ("Sergey" for "Sergei") is only "probably" the same person.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Callable, Iterable, Mapping, Sequence

from rapidfuzz.distance import Levenshtein

from reader_app.domain.actor_gender import (
    FEMALE,
    apposition_gender,
    cue_after,
    cue_before,
    first_name_gender,
    surname_case_gender,
    surname_gender,
)
from reader_app.domain.actor_mentions import ActorMention, Person
from reader_app.domain.actor_seniority import ELDER, age_cue, seniority
from reader_app.domain.actors import match_key
from reader_app.domain.name_context import (
    common_word,
    first_name_before,
    is_initial,
    not_first_name,
    opens_sentence,
)
from reader_app.domain.word_forms import is_cyrillic, same_word

__all__ = ["SurnameContext", "close_spelling", "first_name_mention", "surname_mention"]


# The endings a Ukrainian or Russian first name takes in its other cases, after its
# nominative's last letter when that is й, ь, а, я or о ("Андрій" -> "Андрієм", "Юлия" ->
# "Юлией", "Петро" -> "Петра"), or after the whole name ("Олег" -> "Олегом")
_FIRST_CASES = frozenset(
    "а я у ю е є і ї и ы ом ем єм ой ей ою ею єю ові еві єві ію ії ією ия ие ии ию ией"
    .split())


def first_name_form(word: str, first: str) -> bool:
    """A first name's match key in another case of a known one's ("дмитрию" of
    "дмитрий", "олегом" of "олег"); Cyrillic only."""
    if word == first:
        return True
    if not (is_cyrillic(word) and is_cyrillic(first)) or len(first) < 3:
        return False
    base = first[:-1] if first[-1] in "йьаяо" else first
    return word.startswith(base) and word[len(base):] in _FIRST_CASES


_GENDER_ENDINGS = (("", "a"), ("", "а"), ("ий", "а"), ("ій", "я"), ("ый", "ая"), ("ой", "ая"),
                   ("o", "a"))


def gender_pair(a: str, b: str) -> bool:
    """The male and female forms of one name ("Ivan"/"Ivana", "Petrov"/"Petrova",
    "Зеленський"/"Зеленська"): relatives, never one person's spelling variants."""
    for male, female in _GENDER_ENDINGS:
        for x, y in ((a, b), (b, a)):
            if x.endswith(male) and y.endswith(female) and (
                    x[:len(x) - len(male)] == y[:len(y) - len(female)]):
                return True
    return False


def close_spelling(a: str, b: str) -> bool:
    """Two words a letter (two for long words) apart: a spelling variant, not a new name."""
    if a == b or min(len(a), len(b)) < 4 or gender_pair(a, b):
        return False
    return Levenshtein.distance(a, b, score_cutoff=2) <= (1 if len(b) <= 7 else 2)


class SurnameContext:
    """Where actors were tagged or named so far, to tell people with one surname apart."""

    def __init__(self, tagged: Sequence[tuple[int, int, int | None]] = (),
                 surnames: Mapping[int, Sequence[str]] | None = None) -> None:
        self._at: dict[int, list[int]] = {}
        for start, _end, actor_id in tagged:
            if actor_id is not None:
                self._at.setdefault(actor_id, []).append(start)
        for starts in self._at.values():
            starts.sort()
        self._new: dict[str, list[tuple[int, str]]] = {}  # surname -> (start, new person)
        # Read in text order (find_actors): per surname, the person named or tagged last so
        # far, kept up to date as the reading moves on; a surname a hundred people share
        # costs one look-up, not a hundred.
        self._surnames = surnames or {}  # actor id -> keys of its surname
        self._events = sorted((s, a) for s, _e, a in tagged if a is not None)
        self._next = 0
        self._last: dict[str, tuple[int, int]] = {}  # surname key -> (position, actor id)

    def _apply(self, pos: int, actor_id: int) -> None:
        for key in self._surnames.get(actor_id, ()):
            current = self._last.get(key)
            if current is None or pos >= current[0]:
                self._last[key] = (pos, actor_id)

    def _advance(self, pos: int) -> None:
        events = self._events
        while self._next < len(events) and events[self._next][0] < pos:
            self._apply(*events[self._next])
            self._next += 1

    def last_with_surname(self, key: str, pos: int) -> tuple[int, int] | None:
        """(position, actor id) of the person with that surname named or tagged last
        before pos; for readings in text order (pos never goes back)."""
        self._advance(pos)
        return self._last.get(key)

    def seen(self, actor_id: int, start: int) -> None:
        starts = self._at.setdefault(actor_id, [])
        if not starts or starts[-1] <= start:
            starts.append(start)  # the usual case: found in text order
        else:
            insort(starts, start)
        if self._surnames:
            self._advance(start)
            self._apply(start, actor_id)

    def seen_new(self, surname: str, canonical: str, start: int) -> None:
        insort(self._new.setdefault(surname, []), (start, canonical))

    def last_before(self, actor_id: int, pos: int) -> int | None:
        starts = self._at.get(actor_id, [])
        i = bisect_left(starts, pos)
        return starts[i - 1] if i else None

    def starts_before(self, actor_id: int, pos: int) -> list[int]:
        starts = self._at.get(actor_id, [])
        return starts[:bisect_left(starts, pos)]

    def first_seen(self, keep: Callable[[int], bool]) -> list[tuple[int, int]]:
        """(where first named or tagged, id) of the actors keep accepts, in text order."""
        return sorted((starts[0], a) for a, starts in self._at.items() if starts and keep(a))

    def nearest(self, actor_ids: Sequence[int], pos: int) -> int | None:
        """The actor among actor_ids tagged or named nearest before pos, else None."""
        best: tuple[int, int] | None = None
        for actor_id in actor_ids:
            at = self.last_before(actor_id, pos)
            if at is not None and (best is None or at > best[0]):
                best = (at, actor_id)
        return best[1] if best else None

    def salient(self, actor_ids: Sequence[int], pos: int) -> int | None:
        """The actor among actor_ids named or tagged most often before pos (the subject
        of the story), the nearest of them on a tie; None when none is."""
        best: tuple[int, int, int] | None = None  # (count, last position, id)
        for actor_id in actor_ids:
            starts = self._at.get(actor_id, [])
            count = bisect_left(starts, pos)
            if count and (best is None or (count, starts[count - 1]) > best[:2]):
                best = (count, starts[count - 1], actor_id)
        return best[2] if best else None

    def new_before(self, surname: str, pos: int) -> tuple[int, str] | None:
        found = [n for n in self._new.get(surname, []) if n[0] < pos]
        return found[-1] if found else None


def _with_first_name(text: str, persons: list[Person], surname: str, end: int,
                     fstart: int, word: str, context: SurnameContext) -> ActorMention:
    key = match_key(word.rstrip("."))
    if is_initial(word):
        same = [p for p in persons if p.first and p.first[0][:1] == key]
    else:
        same = [p for p in persons if key in p.first]
        if not same:  # "з Андрієм Сибігою", "Дмитрию Пескову": the first name's case
            same = [p for p in persons if p.first and first_name_form(key, p.first[0])]
    if len(same) == 1:
        p = same[0]
        return ActorMention(fstart, end, p.actor_id, p.canonical, "person",
                            f"another form of the name of {p.canonical}", True)
    close = [p for p in persons if any(close_spelling(key, f) for f in p.first)]
    if len(close) == 1:
        p = close[0]
        return ActorMention(fstart, end, p.actor_id, p.canonical, "person",
                            f"probably {p.canonical} (first name spelled “{word}”)", False)
    name = " ".join(text[fstart:end].split())
    context.seen_new(surname, name, fstart)
    others = ", ".join(p.canonical for p in persons)
    return ActorMention(fstart, end, None, name, "person",
                        f"new person: same surname as {others}, another first name", True)


def _a_first_name_of(word: str, persons: Iterable[Person]) -> bool:
    key = match_key(word)
    return any(key == f or first_name_form(key, f) for p in persons for f in p.first)


def surname_mention(text: str, persons: list[Person], surname: str, start: int, end: int,
                    context: SurnameContext, knows: Callable[[str], bool] = lambda w: False,
                    by_id: Mapping[int, Person] | None = None) -> ActorMention | None:
    """What text[start:end], a known person's surname (any key for it: `surname`), names
    here (None: cannot tell). knows: is a word a known name ("України Зеленський": a
    state's name before a surname is not a first name). by_id: every known person, when
    the context reads the text in order and knows who has which surname."""
    if not text[start].isupper():
        return None  # "the field" is not Anna Field: surnames are written with a capital
    first = first_name_before(text, start)
    if first is not None and knows(first[1]) and not _a_first_name_of(first[1], persons):
        first = None  # "України Зеленський"; but "Ігоря Ткачука" is Ігор Ткачук's own name
    if (first is not None and "\u0400" <= first[1][0] <= "\u04ff"
            and opens_sentence(text, first[0])
            and not any(same_word(match_key(first[1]), f) or first_name_form(
                match_key(first[1]), f) for p in persons for f in p.first)):
        # "Комітет Литвин ...": Ukrainian and Russian capitalise a sentence's first word,
        # so it may be a first name or not; a common word (one the text also writes in
        # lower case, or an institution's noun) is not, and the surname stands alone
        if not common_word(text, first[1]):
            return None
        first = None
    if first is not None:
        return _with_first_name(text, persons, surname, end, *first, context)
    many = len(persons) > 1  # one Person per actor (build_actor_index)
    gender = surname_case_gender(text[start:end])
    if gender is not None and by_id is not None and not any(
            surname_gender(p.canonical) == gender for p in persons):
        # "Сейтовой" matched Сейтов's key: the woman's form of it is Сейтова
        other = _other_form(surname, gender, by_id.values(), context, start)
        if other is not None:
            return ActorMention(start, end, other.actor_id, other.canonical, "person",
                                f"surname of {other.canonical}: its ending is a woman's or "
                                "a man's, as that person's is", True)
    if by_id is not None and not any(context.last_before(p.actor_id, start) is not None
                                     for p in persons):
        # "По словам Алимова" after Рустам Алимов, before any Гульнора Алимова is named:
        # the case form of the surname of the one named before
        declined = _declined_form_of(text[start:end], by_id.values(), context, start)
        if declined is not None:
            return ActorMention(start, end, declined.actor_id, declined.canonical, "person",
                                f"a case form of the surname of {declined.canonical}, "
                                "named before", True)
    if many:
        by_form = _by_surname_form(text[start:end], persons)
        if by_form is not None:
            return ActorMention(start, end, by_form.actor_id, by_form.canonical, "person",
                                f"surname of {by_form.canonical}: its ending is a woman's "
                                "or a man's, as that person's is", True)
    if by_id is not None:
        last = context.last_with_surname(surname, start)
        chosen, at = (last[1], last[0]) if last else (None, -1)
    else:
        chosen = context.nearest([p.actor_id for p in persons], start)
        at = -1 if chosen is None else (context.last_before(chosen, start) or -1)
    new = context.new_before(surname, start)
    if new is not None and (chosen is None or new[0] > at):
        return ActorMention(start, end, None, new[1], "person",
                            f"surname of {new[1]}, named just before", True)
    if chosen is None and many:
        return None  # several people have it and none is named here: do not guess
    person = (by_id[chosen] if by_id is not None and chosen is not None else
              next(p for p in persons if p.actor_id == (chosen or persons[0].actor_id)))
    here = [p for p in persons if context.last_before(p.actor_id, start) is not None] if (
        many and chosen is not None) else []
    if len(here) > 1:
        cue = age_cue(text, start, end)
        elder = None if cue is None else seniority(
            text, [(p.actor_id, context.starts_before(p.actor_id, start)) for p in here], cue[0])
        if cue is not None and elder is not None:
            p = next(q for q in here if q.actor_id == elder)
            word = "elder" if cue[0] == ELDER else "younger"
            return ActorMention(start, cue[1], p.actor_id, p.canonical, "person",
                                f"surname of {p.canonical}, the {word} of {len(here)} people"
                                " with it here, by what the text says of their ages", True)
        return _among_relatives(text, here, start, end, context)
    if many:
        reason = (f"surname of {person.canonical}, named or tagged nearest before"
                  f" ({len(persons)} people in the library have it)")
    elif chosen is not None:
        reason = f"surname of {person.canonical}, named earlier"
    else:
        reason = f"surname of {person.canonical} (the only person in the library with it)"
    return ActorMention(start, end, person.actor_id, person.canonical, "person", reason, True)


# Case endings a man's Slavic surname takes ("Алимова", "Алимову", "Алимовым", "Шевченка")
_CASE_ENDINGS = ("ым", "им", "ом", "ові", "а", "у", "е", "і")


def _declined_form_of(word: str, people: Iterable[Person], context: SurnameContext,
                      pos: int) -> Person | None:
    """The one person named before pos whose surname the word is a case form of."""
    key = match_key(word)
    if not is_cyrillic(key[:1]):
        return None
    bases = {key[:-len(e)] for e in _CASE_ENDINGS if key.endswith(e) and len(key) > len(e) + 2}
    fits = [p for p in people if p.canonical.split()
            and match_key(p.canonical.split()[-1]) in bases
            and context.last_before(p.actor_id, pos) is not None]
    return fits[0] if len(fits) == 1 else None


def _other_form(key: str, gender: str, people: Iterable[Person], context: SurnameContext,
                pos: int) -> Person | None:
    """The one person whose surname is the other gender's form of key ("сейтов" ->
    Сейтова for a woman), named before pos when several are, if any."""
    key = key.strip()
    want = key + "а" if gender == FEMALE else key[:-1] if key.endswith("а") else ""
    if not want:
        return None
    fits = [p for p in people if match_key(p.canonical.split()[-1]) == want]
    here = [p for p in fits if context.last_before(p.actor_id, pos) is not None]
    fits = here or fits
    return fits[0] if len(fits) == 1 else None


def _by_surname_form(word: str, persons: Sequence[Person]) -> Person | None:
    """The one person whose surname's gender the inflected word's ending shows, if any."""
    gender = surname_case_gender(word)
    if gender is None:
        return None
    fits = [p for p in persons if surname_gender(p.canonical) == gender]
    return fits[0] if len(fits) == 1 else None


_NAME_AT = re.compile(r"[^\W\d_][\w'’-]*(?:\s+[^\W\d_a-zа-яёіїєґ][\w'’-]*)*")


def _gender(text: str, person: Person, context: SurnameContext, pos: int) -> str | None:
    """What the text says so far of a person's gender: a title or a kinship noun at one
    of its mentions, else its Cyrillic first name; None when nothing, or both."""
    said = {cue_before(text, at) for at in context.starts_before(person.actor_id, pos)}
    # "Donald MacNeil, a fisherman,": the noun of the apposition after the name
    said |= {apposition_gender(text, m.end()) for at in context.starts_before(
        person.actor_id, pos) if (m := _NAME_AT.match(text, at)) is not None}
    said.discard(None)
    if len(said) == 1:
        return said.pop()
    return first_name_gender(person.first) if not said else None


def _among_relatives(text: str, here: list[Person], start: int, end: int,
                     context: SurnameContext) -> ActorMention:
    """A surname two people named in this text share (a brother and a sister): the one
    its title, the pronoun after it or its verb's gender fits, when only one does; else
    only probably the one named last."""
    cue = cue_before(text, start) or cue_after(text, end)
    if cue is not None:
        genders = {p.actor_id: _gender(text, p, context, start) for p in here}
        fits = [p for p in here if genders[p.actor_id] in (None, cue)]
        if len(fits) == 1:
            p = fits[0]
            return ActorMention(start, end, p.actor_id, p.canonical, "person",
                                f"surname of {p.canonical}, the only one of {len(here)} people"
                                " with it here that fits “he”/“she”, the title or the verb",
                                True)
        same = [p for p in fits if genders[p.actor_id] == cue]
        if len(same) == 1:  # the others' gender is not known
            p = same[0]
            return ActorMention(start, end, p.actor_id, p.canonical, "person",
                                f"probably {p.canonical}: of {len(here)} people with this"
                                " surname here, the one known to fit the title or pronoun",
                                False)
        # "Ms Holmgaard": not the father named last, when the text says he is a man
        here = fits or here
    p = max(here, key=lambda q: context.last_before(q.actor_id, start) or -1)
    return ActorMention(start, end, p.actor_id, p.canonical, "person",
                        f"probably {p.canonical}: the one of {len(here)} people with this"
                        " surname named last", False)


def first_name_mention(text: str, persons: list[Person], start: int, end: int,
                       context: SurnameContext) -> ActorMention | None:
    """A first name alone ("Daniel offers anger"): probably the one person with it named
    or tagged before in this text; not when a capitalised word before or after makes it
    part of another name, nor a word the text also writes in lower case ("Will")."""
    if not text[start].isupper():
        return None
    here = [p for p in persons if context.last_before(p.actor_id, start) is not None]
    if len(here) != 1:
        return None
    word = text[start:end]
    if (_capitalised_after(text, end) or first_name_before(text, start) is not None
            or not_first_name(word) or common_word(text, word)):
        return None
    p = here[0]
    return ActorMention(start, end, p.actor_id, p.canonical, "person",
                        f"probably {p.canonical}: the one person named here with this first"
                        " name", False)


def _capitalised_after(text: str, end: int) -> bool:
    return text[end:end + 1] in (" ", "\u00a0") and text[end + 1:end + 2].isupper()
