"""Which of two relatives sharing a surname "the elder Lavoie" or "Орлов-старший" means: the
one the text makes the parent ("his daughter, Megan Hollis" makes Megan the younger) or
gives the greater age ("54-летнего Вадима Орлова", "Annie Lavoie, 31,"). Pure Python."""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["ELDER", "YOUNGER", "age_cue", "seniority"]

ELDER, YOUNGER = 1, -1

# "Орлов-старший", "Дьяченко-молодшого", "Арутюнян-младшая": the suffix is part of the span
_SUFFIX = re.compile(r"[-‑](старш|младш|молодш)[а-яіїє]{1,3}\b")
_BEFORE = {"elder": ELDER, "older": ELDER, "senior": ELDER, "younger": YOUNGER,
           "junior": YOUNGER}

# words before a name that make its person the younger ("his daughter, Megan Hollis",
# "младший брат") or the elder ("his father, Ray", "Старший брат директора, Тофик")
_YOUNGER_WORDS = frozenset("""son sons daughter daughters grandson granddaughter stepson
    stepdaughter younger youngest син сина сину сином донька доньки доньку донькою дочка
    дочки дочку онук онука онучка молодший молодша молодшого сын сына сыну сыном дочь
    дочери дочерью внук внука внучка младший младшая младшего""".split())
_ELDER_WORDS = frozenset("""father mother dad mum mom grandfather grandmother elder older
    eldest батько батька батьком мати матері дід діда баба старший старша старшого отец
    отца отцом мать матери дед деда бабушка старшая старшего""".split())
# "29-летний Максим Орлов", "54-летнего", "62-річний": an age before the name
_AGE_BEFORE = re.compile(r"(\d{1,3})[-‑](?:летн|річн)[а-яіїє]{1,3}\s+$")
# "Annie Lavoie, 31,": an age right after the name
_AGE_AFTER = re.compile(r",\s(\d{1,3}),")
_NAME = re.compile(r"[^\W\d_][\w'’-]*(?:\s+[^\W\d_a-zа-яёіїєґ][\w'’-]*)*")


def age_cue(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(ELDER or YOUNGER, the span's end with a Cyrillic suffix) when the words at a
    surname say which relative it is; None when they do not."""
    m = _SUFFIX.match(text, end)
    if m is not None:
        return (YOUNGER if m.group(1) != "старш" else ELDER), m.end()
    words = text[max(0, start - 20):start].split()[-1:]
    if words and words[0].casefold() in _BEFORE:
        return _BEFORE[words[0].casefold()], end
    return None


def _rank_at(text: str, start: int) -> float | None:
    """What the words at one mention say of the person's age: an age in years, or a
    kinship noun before it (a child ranks below, a parent above anyone with an age)."""
    head = text[max(0, start - 40):start]
    for word in reversed(head.split()[-3:]):
        key = word.strip(",;:—–(").casefold()
        if key in ("of", "від"):
            break  # "the father of Megan Hollis" says nothing of Megan's age
        if key in _YOUNGER_WORDS:
            return -1.0
        if key in _ELDER_WORDS:
            return 1000.0
    m = _AGE_BEFORE.search(head)
    if m is not None:
        return float(m.group(1))
    name = _NAME.match(text, start)
    m = _AGE_AFTER.match(text, name.end()) if name is not None else None
    return float(m.group(1)) if m is not None else None


def seniority(text: str, people: Iterable[tuple[int, Iterable[int]]], cue: int) -> int | None:
    """Of (actor id, its mentions' starts) pairs, the elder (cue ELDER) or the younger one
    by what the text says at the mentions; None unless exactly one is known to be."""
    ranks: dict[int, float] = {}
    unknown: list[int] = []
    for actor_id, starts in people:
        found = [r for r in (_rank_at(text, s) for s in starts) if r is not None]
        if found:
            ranks[actor_id] = max(found) if cue == ELDER else min(found)
        else:
            unknown.append(actor_id)
    if not ranks:
        return None
    if len(ranks) == 1 and len(unknown) == 1:
        # one is a child ("his daughter, Megan"): the elder is the other; one a parent: him
        (known, rank), = ranks.items()
        is_child = rank < 0 or 0 <= rank < 18
        if is_child:
            return known if cue == YOUNGER else unknown[0]
        if rank >= 1000:
            return known if cue == ELDER else unknown[0]
        return None
    if unknown:
        return None
    best = max(ranks.values()) if cue == ELDER else min(ranks.values())
    chosen = [a for a, r in ranks.items() if r == best]
    return chosen[0] if len(chosen) == 1 else None
