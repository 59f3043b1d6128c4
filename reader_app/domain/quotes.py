"""Quotes of tagged text as messages, menus and undo steps show them: one line, short."""

from __future__ import annotations


def short_quote(quote: str, limit: int = 40) -> str:
    """A quote fit for a menu item: one line, at most limit characters."""
    one_line = " ".join(quote.split())
    return one_line if len(one_line) <= limit else one_line[: limit - 1].rstrip() + "…"


_OPENING, _CLOSING = "\"'“‘«„", "\"'”’»"


def quoted(quote: str, limit: int = 40) -> str:
    """A quote in “…” for messages and menu items. When the text itself is a quotation,
    its own marks are dropped, so a tagged claim never reads ““like this,””."""
    inner = quote.strip()
    if len(inner) > 1 and inner[0] in _OPENING and inner[-1] in _CLOSING:
        inner = inner[1:-1].rstrip(",;:")
    return f"“{short_quote(inner, limit)}”"
