"""Re-anchoring a tag that comes from elsewhere (a colleague's library, a W3C file) onto an
article's text as this library stores it. Pure: no I/O.

The order is the one DESIGN.md asks for: the tag's own offsets when the quote, its prefix and
its suffix are there; else the quote with its prefix and suffix at exactly one place
(offsets.locate_unique, the rule the library applies to damaged tags: AnchorDamage.moved);
else nowhere, with a reason. Never the nearest guess, nor the quote at its old offsets when
the text around it is another (in a changed text that is another occurrence: a silent drift).
"""

from __future__ import annotations

from dataclasses import dataclass

from reader_app.domain.offsets import MAX_CANDIDATES, locate_unique, span_fits


@dataclass(frozen=True)
class Anchoring:
    """Where a tag lands in the text: start/end (None: nowhere), whether it moved from its
    own offsets, and why it could not be placed (empty when it was)."""

    start: int | None
    end: int | None
    moved: bool = False
    reason: str = ""

    @property
    def placed(self) -> bool:
        return self.start is not None


def _occurrences(text: str, quote: str) -> int:
    n, i = 0, text.find(quote)
    while i != -1 and n <= MAX_CANDIDATES:
        n += 1
        i = text.find(quote, i + 1)
    return n


def _context_fits(text: str, start: object, end: object, prefix: str, suffix: str) -> bool:
    """The stored prefix and suffix are the text's around start/end (shorter ones where the
    writer's text began or ended near the span)."""
    assert isinstance(start, int) and isinstance(end, int)
    return (text[max(0, start - len(prefix)):start] == prefix
            and text[end:end + len(suffix)] == suffix)


def anchor_tag(text: str, start: object, end: object, quote: str, prefix: str = "",
               suffix: str = "") -> Anchoring:
    """Place a tag (start, end, quote, prefix, suffix as its writer saw them) in text."""
    if not isinstance(quote, str) or not quote:
        return Anchoring(None, None, reason="it has no quote to look for")
    prefix, suffix = prefix or "", suffix or ""
    own = span_fits(text, start, end, quote)
    if own and _context_fits(text, start, end, prefix, suffix):
        assert isinstance(start, int) and isinstance(end, int)
        return Anchoring(start, end)
    # the quote alone at its offsets is not enough: in a changed text another occurrence
    # may be the one its context names (a silent drift otherwise)
    found = locate_unique(text, quote, prefix, suffix)
    if found is not None:
        return Anchoring(found[0], found[1], moved=found != (start, end))
    n = _occurrences(text, quote)
    if n == 0:
        reason = "its quote is not in the article's text"
    elif n > MAX_CANDIDATES:
        reason = f"its quote occurs more than {MAX_CANDIDATES} times in the text"
    else:
        reason = f"its quote occurs {n} times and its context does not tell which one"
    return Anchoring(None, None, reason=reason)
