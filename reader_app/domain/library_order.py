"""What the library list's filter matches and how its orders compare rows (no SQL).

The storage pages (storage/library_query.py) and the window's model (inserting a new
article where the order puts it) must agree on both, so both use these.
"""

from __future__ import annotations

from reader_app.domain.models import ArticleSummary


def sort_value(summary: ArticleSummary, order_by: str) -> str | int:
    """The value a row sorts by under order_by, as SQLite compares it (NOCASE folds
    ASCII letters only; a missing date sorts first, like NULL)."""
    if order_by == "title":
        return nocase(summary.title)
    if order_by == "source":
        return nocase(summary.source)
    if order_by == "published":
        return summary.published or ""
    if order_by in ("claims", "actors", "dates", "codes"):
        return int(getattr(summary, order_by[:-1] + "_count"))
    return 0


_ASCII_LOWER: dict[int, int] = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}


def nocase(text: str) -> str:
    return text.translate(_ASCII_LOWER)


def matches(summary: ArticleSummary, search: str) -> bool:
    """What the filter means: search (casefolded) is inside the title or the source."""
    needle = search.strip().casefold()
    return not needle or needle in summary.title.casefold() or needle in summary.source.casefold()
