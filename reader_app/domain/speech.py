"""Claims in news text (first version: quoted speech followed by "X said")."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import NamedTuple


class ClaimMention(NamedTuple):
    start: int
    end: int
    claimant_id: int | None
    speaker_start: int | None
    speaker_end: int | None
    reason: str


_QUOTED = re.compile(r"[“\"]([^“”\"\n]{12,}?)[,.]?[”\"]\s*,?\s*(?:(?:said|says)\s+)?"
                     r"(?P<speaker>(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)\s+(?:said|says)?")


def find_claims(text: str, actor_spans: Sequence[tuple[int, int, int]],
                known: Mapping[str, int]) -> list[ClaimMention]:
    found = []
    for m in _QUOTED.finditer(text):
        s0, s1 = m.span("speaker")
        claimant = next((a for a0, a1, a in actor_spans if a0 <= s0 < a1 or s0 <= a0 < s1), None)
        found.append(ClaimMention(m.start(1), m.end(1), claimant, s0, s1,
                                  f"quoted speech of “{m.group('speaker')}”"))
    return found
