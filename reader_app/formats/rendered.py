"""Sanitized HTML -> (canonical text, style spans).

The text is what a reader sees, laid out like a plain-text article: blocks are
paragraphs separated by one blank line (items of one list, and rows of one
table, by a line break), inline white space collapses as in a
browser (verbatim inside <pre>), <br> is "\n", list items get "• " or "1. ",
table cells are joined by " | " (header cells are strong), <hr> is just a
paragraph break. Spans are
code-point offsets into that text and cover content only: never the list
marker, never the white space around an element. Empty elements get no span.

Everything here is linear in the size of the page, whatever the page: nesting
deeper than MAX_DEPTH is flattened before the HTML parser sees it (html5ever's
tree building, like every HTML5 parser's, scans the stack of open elements, so
100,000 nested <div>s would take minutes), and a long job checks its
should_cancel callback every few thousand steps (raising ImportCancelled).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from html.parser import HTMLParser
from typing import TypedDict

import nh3

from reader_app.domain.models import StyleSpan

__all__ = [
    "ALLOWED_TAGS",
    "MAX_DEPTH",
    "CancelCheck",
    "ImportCancelled",
    "bound_depth",
    "drop_prefix",
    "render_html",
    "sanitize_html",
]

CancelCheck = Callable[[], bool] | None
MAX_DEPTH = 200  # open elements kept; deeper start tags (and their end tags) are dropped
_CHECK_EVERY = 4096  # parser steps between two should_cancel() calls


class ImportCancelled(Exception):
    """should_cancel() said stop while a file was being read."""


class _CleanOptions(TypedDict):
    """The keyword arguments sanitize_html passes to nh3.clean."""

    tags: set[str]
    clean_content_tags: set[str]
    attributes: dict[str, set[str]]
    url_schemes: set[str]
    link_rel: str | None


class _Checker:
    """Calls should_cancel every _CHECK_EVERY ticks; raises ImportCancelled."""

    __slots__ = ("_cancel", "_n")

    def __init__(self, should_cancel: CancelCheck) -> None:
        self._cancel = should_cancel
        self._n = 0

    def tick(self) -> None:
        self._n += 1
        if self._n >= _CHECK_EVERY:
            self._n = 0
            self.now()

    def now(self) -> None:
        if self._cancel is not None and self._cancel():
            raise ImportCancelled("import cancelled")

ALLOWED_TAGS = frozenset(
    "p br h1 h2 h3 h4 h5 h6 strong b em i code pre blockquote ul ol li a hr "
    "table thead tbody tr th td".split()
)
# Removed together with their content (not just unwrapped).
DROPPED_TAGS = frozenset(
    "script style noscript template head title nav footer aside form iframe "
    "object embed svg math textarea select button".split()
)
URL_SCHEMES = frozenset({"http", "https", "mailto"})
# What render_html skips on unsanitized input; not <head>, whose end tag is optional.
_SKIP = DROPPED_TAGS - {"head"}

_BLOCKS = frozenset(
    "p h1 h2 h3 h4 h5 h6 li blockquote pre tr hr ul ol table thead tbody div "
    "section article main header dl dt dd figure figcaption address details summary".split()
)
_VOID = frozenset("br hr img meta link input wbr area base col embed source track param".split())
_STYLE = {"b": "strong", "i": "em", "th": "strong"} | {
    t: t for t in "strong em code pre blockquote li p h1 h2 h3 h4 h5 h6".split()
}
_COLLAPSE = re.compile(r"[ \t\n\f]+")  # HTML white space; NBSP is not in it


def sanitize_html(
    html: str, extra_tags: frozenset[str] = frozenset(), should_cancel: CancelCheck = None
) -> str:
    """nh3 with the app's allow-list: no img, only href on a, and only
    absolute http/https/mailto URLs (relative ones like "#fn:1" are dropped).
    Nesting is bounded first (bound_depth), which keeps nh3 linear."""
    html = bound_depth(html, should_cancel)
    options: _CleanOptions = {
        "tags": set(ALLOWED_TAGS | extra_tags),
        "clean_content_tags": set(DROPPED_TAGS),
        "attributes": {"a": {"href"}, "*": set()},  # "*": no default lang/title
        "url_schemes": set(URL_SCHEMES),
        "link_rel": None,
    }
    try:
        return nh3.clean(html, url_relative="deny", **options)
    except TypeError:  # older nh3 without url_relative; render_html drops them anyway
        return nh3.clean(html, **options)


def render_html(html: str, should_cancel: CancelCheck = None) -> tuple[str, tuple[StyleSpan, ...]]:
    """Render (already sanitized) HTML to its reading text and style spans."""
    r = _Renderer(_Checker(should_cancel))
    r.feed(html)
    r.close()
    return r.result()


# --- nesting bound -------------------------------------------------------------
# Tags that never nest in a parsed tree however they are written: void elements,
# and those whose end tag is optional (a new <li> or <p> closes the open one).
# They are not counted; every other start tag opens a level until its end tag.
_UNCOUNTED = _VOID | frozenset(
    "p li dt dd option optgroup tr td th thead tbody tfoot caption colgroup rb rt rp rtc "
    "html head body".split()
)
# Elements whose content is raw text: tags inside them are not tags.
_RAW_TEXT = frozenset("script style textarea title xmp iframe noembed noframes noscript".split())
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^<>]*>?|<!--")
_TEXT_MARK = re.compile("[&<]")
_RUN_BREAK = 256  # "&" or "<" in one text run before a <wbr> breaks it


def bound_depth(html: str, should_cancel: CancelCheck = None, max_depth: int = MAX_DEPTH) -> str:
    """html made cheap to parse, in one forward scan (linear in len(html)):
    start tags beyond MAX_DEPTH open elements are dropped (their end tags too),
    and a <wbr> (which the sanitizer removes again, changing no text) is put in
    text after every _RUN_BREAK "&" or "<": html5ever appends each character
    reference to the text node before it, which is quadratic in a single text
    node of 100,000 "&amp;"s. A page with neither comes back unchanged."""
    if html.count("<") <= max_depth and html.count("&") < _RUN_BREAK:
        return html
    check = _Checker(should_cancel)
    depth = 0
    open_count: dict[str, int] = {}  # counted open elements by name
    dropped: dict[str, int] = {}  # start tags dropped, by name, whose end tag goes too
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement), in order
    run = 0  # "&" and "<" in text since the last break
    pos, n = 0, len(html)
    search = _TAG.search

    def text(start: int, end: int) -> None:
        nonlocal run
        if end <= start:
            return
        found = html.count("&", start, end) + html.count("<", start, end)
        if run + found < _RUN_BREAK:
            run += found
            return
        marks = _TEXT_MARK.finditer(html, start, end)
        first = _RUN_BREAK - run - 1  # index of the mark that completes the run
        for mark in itertools.islice(marks, first, None, _RUN_BREAK):
            check.now()
            edits.append((mark.start(), mark.start(), "<wbr>"))
        run = (run + found) % _RUN_BREAK

    while pos < n:
        m = search(html, pos)
        if m is None:
            break
        check.tick()
        text(pos, m.start())
        pos = m.end()
        if m.group(0) == "<!--":
            end = html.find("-->", pos)
            pos = n if end < 0 else end + 3
            continue
        closing, name = m.group(1), m.group(2).lower()
        if name in _UNCOUNTED:
            continue
        if closing:
            if dropped.get(name):
                dropped[name] -= 1
                edits.append((*m.span(), ""))
            elif open_count.get(name):
                open_count[name] -= 1
                depth -= 1
            continue
        if name in _RAW_TEXT:  # skip to its end tag (unclosed: the rest is its text)
            end_tag = re.compile(rf"</{name}\b", re.I).search(html, pos)
            pos = n if end_tag is None else end_tag.start()
            continue
        if m.group(0).endswith("/>"):
            continue  # self-closing foreign element (svg); nothing stays open
        if depth >= max_depth:
            dropped[name] = dropped.get(name, 0) + 1
            edits.append((*m.span(), ""))
        else:
            depth += 1
            open_count[name] = open_count.get(name, 0) + 1
    text(pos, n)
    if not edits:
        return html
    parts: list[str] = []
    last = 0
    for start, end, replacement in edits:
        parts += (html[last:start], replacement)
        last = end
    parts.append(html[last:])
    return "".join(parts)


def drop_prefix(
    text: str, styles: tuple[StyleSpan, ...], n: int
) -> tuple[str, tuple[StyleSpan, ...]]:
    """Remove text[:n] and move the spans with it (spans left empty go)."""
    moved = (StyleSpan(max(s.start - n, 0), s.end - n, s.style, s.href) for s in styles)
    return text[n:], tuple(s for s in moved if s.start < s.end)


def _safe_href(href: str | None) -> str | None:
    if not href:
        return None
    scheme = href.split(":", 1)[0].strip().lower() if ":" in href else ""
    return href.strip() if scheme in URL_SCHEMES else None


class _List:
    """An open <ul>/<ol> and the items it has numbered so far."""

    __slots__ = ("items", "tag")

    def __init__(self, tag: str) -> None:
        self.tag = tag
        self.items = 0


class _Renderer(HTMLParser):
    def __init__(self, check: _Checker | None = None) -> None:
        super().__init__(convert_charrefs=True)
        self._check = check or _Checker(None)
        self._started = 0  # self._open[:_started] have a start; the rest do not yet
        self._ignored: dict[str, int] = {}  # start tags beyond MAX_DEPTH, by name
        self._out: list[str] = []
        self._pos = 0  # code points written so far
        self._break = 0  # newlines owed before the next content (2 = new paragraph)
        self._ws = ""  # white space owed before the next content in this block
        self._prefix = ""  # list marker owed to the next content
        self._fresh = True  # nothing but a marker since the last paragraph break
        self._open: list[list] = []  # [tag, style, href, start|None, order]
        self._spans: list[tuple[int, int, int, str, str | None]] = []
        self._lists: list[_List] = []
        self._cells = 0  # cells seen in the current table row
        self._rows = 0  # rows ended in the innermost open table: the next one follows on the next line
        self._pre = 0  # depth of <pre>
        self._pre_start = False  # drop one newline right after <pre>
        self._last_closed = ""  # the last element ended (list items follow each other closely)
        self._skip = 0  # depth inside dropped elements (unsanitized input)
        self._order = 0

    # --- structure -------------------------------------------------------
    def _paragraph(self) -> None:
        if not self._fresh:
            self._break = max(self._break, 2)
        self._fresh = True
        self._ws = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check.tick()
        if tag in _SKIP:
            self._skip += tag not in _VOID
            return
        if self._skip:
            return
        if len(self._open) >= MAX_DEPTH and tag not in _VOID:
            self._ignored[tag] = self._ignored.get(tag, 0) + 1  # (sanitize_html bounds it first)
            return
        if tag == "br":
            if self._pos:
                self._break += 1
            self._ws = ""
            return
        if tag in _BLOCKS:
            self._paragraph()
        if tag in ("ul", "ol"):
            self._lists.append(_List(tag))
        elif tag == "li":
            if self._last_closed == "li" and self._break == 2:
                self._break = 1  # items of one list on consecutive lines, as a reader sets them
            kind = self._lists[-1] if self._lists else _List("ul")
            kind.items += 1
            self._prefix = "• " if kind.tag == "ul" else f"{kind.items}. "
        elif tag == "tr":
            self._cells = 0
            if self._rows and self._break == 2:
                self._break = 1
        elif tag == "table":
            self._rows = 0
        elif tag in ("td", "th"):
            self._cells += 1
            if self._cells > 1 and not self._fresh:
                self._ws = " | "
        elif tag == "pre":
            self._pre += 1
            self._pre_start = True
        if tag in _VOID:
            return
        style = _STYLE.get(tag)
        href = _safe_href(dict(attrs).get("href")) if tag == "a" else None
        if tag == "a" and href:
            style = "link"
        self._order += 1
        self._open.append([tag, style, href, None, self._order])

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skip = max(0, self._skip - 1)
            return
        if self._skip or tag in _VOID:
            return
        if self._ignored.get(tag):
            self._ignored[tag] -= 1
            return
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i][0] == tag:
                for rec in reversed(self._open[i:]):
                    self._close(rec)
                del self._open[i:]
                self._started = min(self._started, i)
                break

    def _close(self, rec: list) -> None:
        tag, style, href, start, order = rec
        self._last_closed = tag
        if style and start is not None and start < self._pos:
            self._spans.append((order, start, self._pos, style, href))
        if tag in ("ul", "ol") and self._lists:
            self._lists.pop()
        elif tag == "tr":
            self._rows += 1
        elif tag == "table":
            self._rows = 0
        elif tag == "pre":
            self._pre = max(0, self._pre - 1)
        if tag in _BLOCKS:
            self._paragraph()
            self._prefix = ""

    # --- text ------------------------------------------------------------
    def handle_data(self, data: str) -> None:
        self._check.tick()
        if self._skip or not data:
            return
        data = data.replace("\r\n", "\n").replace("\r", "\n").replace("\u2029", "\n")
        if self._pre:
            if self._pre_start and data.startswith("\n"):
                data = data[1:]
            self._pre_start = False
            body = data.rstrip(" \t\n\f")
            if body:
                self._emit(body)
            self._ws += data[len(body) :] if body else data
            return
        parts = _COLLAPSE.split(data)
        for n, part in enumerate(parts):
            if n and not self._fresh and not self._ws:
                self._ws = " "  # a white-space run separated part n-1 and part n
            if part:
                self._emit(part)

    def _emit(self, text: str) -> None:
        head = ""
        if self._pos:
            head = "\n" * self._break if self._break else self._ws
            if self._break and self._pre:
                head += self._ws.lstrip("\n")  # indentation of a <pre> line
        elif self._pre:
            head = self._ws.lstrip("\n")
        head += self._prefix
        self._break, self._ws, self._prefix = 0, "", ""
        if head:
            self._write(head)
        for rec in self._open[self._started :]:  # only those opened since the last text
            rec[3] = self._pos
        self._started = len(self._open)
        self._write(text)
        self._fresh = False

    def _write(self, s: str) -> None:
        self._out.append(s)
        self._pos += len(s)

    def result(self) -> tuple[str, tuple[StyleSpan, ...]]:
        for rec in reversed(self._open):
            self._close(rec)
        self._open.clear()
        raw = "".join(self._out)
        text = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        spans = []
        for _, start, end, style, href in sorted(self._spans):
            s = min(max(start - lead, 0), len(text))
            e = min(max(end - lead, 0), len(text))
            if s < e:
                spans.append(StyleSpan(s, e, style, href))
        return text, tuple(spans)
