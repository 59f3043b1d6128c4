"""A saved web page's article: its main text and metadata, found by trafilatura.

trafilatura (with htmldate) drops navigation, related links, ads, cookie banners
and comments, and reads title, author and site from the page's JSON-LD, OpenGraph
and meta tags. Its date (htmldate) is not used: with no date metadata htmldate
guesses from any <time> or "Updated ..." on the page, a sidebar story's or the
footer's; the importer reads the page's own date metadata instead (ld_published).
Its output here is HTML (headings, lists, bold, links, tables), which the caller
passes through the app's own sanitiser and renderer:
nothing trafilatura writes is trusted or shown as markup. The page it sees has
been through bound_depth already (nesting bounded, long runs of "&" broken).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date

from reader_app.domain.models import StyleSpan
from reader_app.formats.rendered import CancelCheck, bound_depth, render_html, sanitize_html

__all__ = [
    "MAX_EXTRACT_CHARS", "MainText", "PageText", "extract_main", "ld_published", "main_text",
    "page_source",
    "without_heavy_parts",
]

# trafilatura cannot be cancelled: ~0.6 s per MB on a well-formed page, up to ~1.5 s
# per MB on a page of thousands of unclosed <div>s (measured, README). A bigger page
# is imported by the plain importer (linear, cancellable), with a warning.
MAX_EXTRACT_CHARS = 2 * 1024 * 1024  # of the page less its scripts, styles and data: URIs
# Nesting trafilatura sees (real pages nest 15-35 deep): deeper start tags are dropped,
# their text kept. Its per-element checks cost more the deeper a page is.
_EXTRACT_DEPTH = 60
_MAX_ELEMENTS = 200_000  # lxml tree size past which trafilatura is not asked
# trafilatura's own MIN_EXTRACTED_SIZE: below it, it dumps the whole page's text as one
# paragraph ("baseline"), nav and all; the plain importer does better with a fragment.
MIN_MAIN_CHARS = 250

# trafilatura logs every page it cannot extract as a warning; the importer reports instead.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


@dataclass(frozen=True)
class PageText:
    """The article of a page as the reader shows it."""

    text: str
    styles: tuple[StyleSpan, ...]
    title: str
    author: str
    site: str


def main_text(page: str, should_cancel: CancelCheck = None) -> PageText | None:
    """extract_main, sanitised and rendered; None when it finds no readable text
    (or trafilatura fails on the page: the plain importer still can read it)."""
    try:
        main = extract_main(page)
    except Exception:  # noqa: BLE001 - a third-party parser on hostile input
        return None
    if main is None:
        return None
    text, styles = render_html(sanitize_html(main.html, should_cancel=should_cancel), should_cancel)
    if len(text) < MIN_MAIN_CHARS:
        return None
    return PageText(text, styles, main.title, main.author, main.site)


@dataclass(frozen=True)
class MainText:
    html: str  # trafilatura's HTML of the main text: unsanitised, sanitize_html it
    title: str
    author: str
    site: str


def extract_main(page: str) -> MainText | None:
    """The page's article, or None when trafilatura finds no main text in it
    (a short fragment that is all article: the caller's plain importer does it)."""
    page = without_heavy_parts(page)
    if len(page) > MAX_EXTRACT_CHARS or "<" not in page:
        return None
    # Imported here: trafilatura pulls in lxml, justext and htmldate (~0.3 s), which a
    # library of plain-text files never needs.
    from lxml import etree
    from trafilatura import bare_extraction
    from trafilatura.htmlprocessing import convert_to_html
    from trafilatura.settings import Document
    from trafilatura.utils import load_html

    tree = load_html(bound_depth(page, max_depth=_EXTRACT_DEPTH))
    if tree is None or _too_big(tree):
        return None
    dates = {"extensive_search": False, "original_date": True,
             "max_date": date.today().isoformat()}
    doc = bare_extraction(
        tree, output_format="python", with_metadata=True, include_formatting=True,
        include_links=True, include_tables=True, include_images=False, include_comments=False,
        date_extraction_params=dates,
    )
    if not isinstance(doc, Document) or doc.body is None or not len(doc.body):
        return None
    body = doc.body
    for element in body.iter("list"):  # trafilatura's own HTML makes every list a <ul>
        if element.get("rend") == "ol":
            element.tag = "ol"
    html = etree.tostring(convert_to_html(body), encoding="unicode")
    return MainText(
        html=html,
        title=_one_line(doc.title),
        author=_one_line(doc.author),
        site=_one_line(doc.sitename),
    )


_HEAVY_START = re.compile(r"<(script|style|svg)\b", re.I)
_LD_JSON = re.compile(r"[^<>]*application/ld\+json", re.I)
_DATA_URI = re.compile(r"""(?i)\b(src|href|srcset)\s*=\s*(["'])data:[^"']*\2""")


def without_heavy_parts(page: str) -> str:
    """page without <script> elements but JSON-LD, <style> and <svg> (an unclosed one:
    to the end), and with data: URIs emptied: what a saved page is mostly made of, and
    nothing trafilatura keeps. One forward scan."""
    parts: list[str] = []
    pos = 0
    while (m := _HEAVY_START.search(page, pos)) is not None:
        parts.append(page[pos : m.start()])
        pos = _end_of(page, m)
        if _LD_JSON.match(page, m.end()):  # JSON-LD: the page's metadata, kept
            parts.append(page[m.start() : pos])
    parts.append(page[pos:])
    return _DATA_URI.sub(r"\1=\2\2", "".join(parts))


def _end_of(page: str, m: re.Match[str]) -> int:
    close = re.compile(rf"</{m.group(1)}\s*>", re.I).search(page, m.end())
    return len(page) if close is None else close.end()


_LD_SCRIPT = re.compile(r"<script\b[^<>]*application/ld\+json[^<>]*>", re.I)
_SCRIPT_END = re.compile(r"</script", re.I)
_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"\\]{1,64})"')
_MAX_LD = 1024 * 1024  # characters of one JSON-LD block read


def ld_published(page: str) -> str | None:
    """The datePublished of the page's JSON-LD (schema.org NewsArticle and the like), as
    written; the first of its first 20 blocks that has one. Read by pattern: the blocks
    are often not valid JSON (trailing commas, comments), and only this string is wanted."""
    for n, m in enumerate(_LD_SCRIPT.finditer(page)):
        if n >= 20:
            break
        close = _SCRIPT_END.search(page, m.end(), m.end() + _MAX_LD)
        found = _LD_DATE.search(page, m.end(), close.start() if close else m.end() + _MAX_LD)
        if found is not None:
            return found.group(1).strip()
    return None


def _too_big(tree: object) -> bool:
    return any(n >= _MAX_ELEMENTS for n, _ in enumerate(tree.iter()))  # type: ignore[attr-defined]


def _one_line(value: object) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def page_source(file_name: str, site: str, author: str) -> str:
    """The source stored for a page: "Site — Author (file.html)"; the file name alone
    when the page names neither."""
    parts = [p for p in (site, author) if p]
    return f"{' — '.join(parts)} ({file_name})" if parts else file_name
