"""Seasons south of the equator: "this winter" in a New Zealand story is June to August.

A text that names southern places often enough (Australia, New Zealand, South Africa,
Argentina, Chile and their cities) counts its seasons the southern way. The season word is
swapped for the northern one of the same months ("winter" -> "summer"), which the
northern rules then read. Pure Python.
"""

from __future__ import annotations

import re
from functools import lru_cache

_SOUTH = re.compile(
    r"\b(?:Australian?s?|New Zealand(?:ers?)?|Aotearoa|Kiwis?|Māori|Maori|South Africans?"
    r"|Argentin(?:a|e|ian|ians)|Chile(?:an|ans)?|Uruguay(?:an)?|Paraguay(?:an)?|Namibian?"
    r"|Botswana|Lesotho|Eswatini|Zimbabwe(?:an)?|Zambian?|Mozambique|Madagascar|Mauritius"
    r"|Fiji(?:an)?|Samoan?|Tongan?|Canberra|Sydney|Melbourne|Brisbane|Perth|Adelaide|Hobart"
    r"|Darwin|Queensland|New South Wales|Tasmanian?|Auckland|Wellington|Christchurch"
    r"|Northland|Waikato|Otago|Pretoria|Johannesburg|Cape Town|Durban|Gauteng|Buenos Aires"
    r"|Montevideo|Patagonia|Австрал\w*|Нов\w+ Зеланд\w*|Аргентин\w*|Чили|Чилі|ПАР|ЮАР)\b")
_CUES = 3  # southern names a text needs before its seasons are southern

# a southern season word -> the northern word of the same months, per language
_SWAP = {
    "en": {"summer": "winter", "winter": "summer", "spring": "autumn", "autumn": "spring",
           "fall": "spring"},
    "uk": {"літо": "зима", "зима": "літо", "літа": "зими", "зими": "літа", "влітку": "взимку",
           "взимку": "влітку", "улітку": "узимку", "узимку": "улітку", "весна": "осінь",
           "осінь": "весна", "весни": "осені", "осені": "весни", "навесні": "восени",
           "восени": "навесні"},
    "ru": {"лето": "зима", "зима": "лето", "лета": "зимы", "зимы": "лета", "летом": "зимой",
           "зимой": "летом", "весна": "осень", "осень": "весна", "весной": "осенью",
           "осенью": "весной", "весны": "осени", "осени": "весны"},
}
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=8)
def southern(text: str) -> bool:
    """Does the text count its seasons south of the equator?"""
    return sum(1 for _ in zip(range(_CUES), _SOUTH.finditer(text), strict=False)) >= _CUES


def swapped(phrase: str, language: str | None) -> str | None:
    """The phrase with its season word for the northern one of the same months, or None
    when it holds none ("this winter" -> "this summer")."""
    words = _SWAP.get(language or "en", _SWAP["en"])
    for m in _WORD.finditer(phrase):
        word = m.group()
        other = words.get(word.lower())
        if other is not None:
            if word[:1].isupper():
                other = other.capitalize()
            return phrase[:m.start()] + other + phrase[m.end():]
    return None
