"""Where claims can change when the library learned new names: find_claims looks a
speaker's name up in the library's names, so a paragraph that holds none of the new
names reads as it did. (Paragraphs whose actor spans changed are read again too; see
suggesting._claims_patched.)"""

from __future__ import annotations

import re
from collections.abc import Mapping

import ahocorasick

from reader_app.domain.actor_finder import ActorPass
from reader_app.domain.mention_text import search_key

__all__ = ["where_names_changed"]

AT_MOST = 64  # places; more: claims are read again over the whole text


def where_names_changed(actor_pass: ActorPass, old_speakers: Mapping[str, int],
                        speakers: Mapping[str, int], old_canonical: Mapping[int, object],
                        canonical: Mapping[int, object]) -> list[int] | None:
    """Code points in the text where a name that now gives another actor (or none) is
    written, by its longest word; None when that cannot be told (a name in another case
    than the nominative is looked up too: only Latin-script names are told) or when
    too many, or when an actor's own name changed."""
    if actor_pass.scan is None or any(canonical.get(a) != v for a, v in old_canonical.items()):
        return None
    keys = {k for k in speakers.keys() | old_speakers.keys()
            if speakers.get(k) != old_speakers.get(k)}
    if any(not k.isascii() for k in keys):
        return None
    words = set()
    for k in keys:
        # its longest run of letters: spaced and folded in the text's copy as in the key
        longest = max(re.findall(r"\w+", k), key=len, default="")
        word = search_key(longest).strip()
        if not word:
            return None
        words.add(word)
    if not words:
        return []
    tiny = ahocorasick.Automaton()
    for word in words:
        tiny.add_word(word, word)
    tiny.make_automaton()
    copy = actor_pass.scan.copy
    found: list[int] = []
    for last, word in tiny.iter(copy.text):
        found.append(copy.span(last - len(word) + 1, last + 1)[0])
        if len(found) > AT_MOST:
            return None
    return found
