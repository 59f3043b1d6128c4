"""The analyst's own codes (kinds beyond claim, actor and date): a tree, as REFI-QDA codes.

A tag of an own code stores the code's stable key in annotations.kind: "code:" + the
code's uuid. A rename then touches one codebook row (not every tag), and exports name the
code by its current name while interchange formats keep its uuid as the code's guid, so a
round trip or a team's shared codebook finds the same code again.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NewType

CodeId = NewType("CodeId", int)
OWN_PREFIX = "code:"
BUILT_IN_NAMES = frozenset({"claim", "actor", "date"})
KEYS = range(1, 10)  # the reading widget's keys 1..9
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
# Distinct hues that are none of the built-in kinds' amber, blue and green (and tell apart
# from each other, in light and dark): the default colours, in the order they are offered.
DEFAULT_PALETTE: tuple[str, ...] = (
    "#d62f8c", "#8a4fd6", "#e0562b", "#0f9fb3", "#9c6b1f", "#5e6ad2", "#c2185b", "#6d8b00",
    "#b34700")


@dataclass(frozen=True)
class Code:
    id: CodeId
    uuid: str
    name: str
    colour: str  # "#rrggbb"
    key: int | None  # 1..9 or None
    description: str
    parent_id: CodeId | None
    created_at: str
    updated_at: str

    @property
    def kind(self) -> str:
        """What annotations.kind holds for a tag of this code."""
        return own_kind(self.uuid)


def own_kind(uuid: str) -> str:
    return OWN_PREFIX + uuid


def is_own_kind(kind: str) -> bool:
    return kind.startswith(OWN_PREFIX)


def uuid_of_kind(kind: str) -> str:
    if not is_own_kind(kind):
        raise ValueError(f"{kind!r} is not an own code")
    return kind[len(OWN_PREFIX):]


def check_name(name: str) -> str:
    """The name as stored (trimmed); ValueError with the analyst's message."""
    clean = " ".join(_shown_only(name).split())
    if not clean:
        raise ValueError("A code needs a name.")
    if len(clean) > 200:
        raise ValueError("A code's name is at most 200 characters.")
    if clean.casefold() in BUILT_IN_NAMES:
        raise ValueError(f"{clean!r} is a built-in kind; choose another name.")
    return clean


_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _shown_only(name: str) -> str:
    """Without control characters (a file's \x01 the .qdc cannot carry) and bidi
    overrides, which would turn the rest of every menu item and tooltip naming the code
    around ("Tag as \u202eevil (1)" reads "Tag as )1( live")."""
    return "".join(" " if ch in "\t\n\r\f\v" else ch for ch in name
                   if not (unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v")
                   and ch not in _BIDI_CONTROLS)


def check_colour(colour: str) -> str:
    if not _COLOUR.match(colour):
        raise ValueError(f"A colour is written #rrggbb, not {colour!r}.")
    return colour.lower()


def check_key(key: int | None) -> int | None:
    if key is not None and key not in KEYS:
        raise ValueError("A code's key is one of 1 to 9.")
    return key


def next_colour(used: Sequence[str]) -> str:
    """The first default colour no code has yet; once each is taken, the one the fewest
    codes have (used: every code's colour, repeats included), so the palette goes round
    again instead of giving every further code the first colour."""
    for colour in DEFAULT_PALETTE:
        if colour not in used:
            return colour
    return min(DEFAULT_PALETTE, key=lambda c: (used.count(c), DEFAULT_PALETTE.index(c)))


def descendants(codes: list[Code], code_id: int) -> set[int]:
    """The ids under code_id (not itself), at any depth."""
    children: dict[int | None, list[int]] = {}
    for c in codes:
        children.setdefault(c.parent_id, []).append(c.id)
    found: set[int] = set()
    todo = list(children.get(code_id, []))
    while todo:
        i = todo.pop()
        if i not in found:
            found.add(i)
            todo.extend(children.get(i, []))
    return found
