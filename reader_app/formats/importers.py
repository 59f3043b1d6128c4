"""Article files (txt, md, html) -> ImportedArticle. No Qt, no SQL.

Every way a file can be unfit (missing, too big, binary, undecodable, empty,
only invisible characters) ends as ImportRefused with a one-line message that
names the file printably; nothing else escapes but ImportCancelled, raised when
should_cancel() says stop while a file is read. Every importer is linear in the
size of its input: Markdown goes through markdown-it-py (CommonMark, linear by
design, nesting capped), HTML through nh3 with nesting bounded first, and the
page metadata is read from nh3's well-formed output, never by Python's
HTMLParser from the raw page (which is quadratic on runs of unclosed tags).
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace
from html.parser import HTMLParser
from operator import itemgetter
from pathlib import Path, PurePath

import nh3
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from mdit_py_plugins.footnote import footnote_plugin

from reader_app.domain.models import ImportedArticle, StyleSpan, with_utf8
from reader_app.formats.dateline import (
    after_title_line,
    dateline_cut,
    guess_language,
    split_dateline,
    text_title,
    valid_iso_date,
)
from reader_app.formats.decode import DecodeError, declared_charset, decode_text
from reader_app.formats.documents import MAX_DOCUMENT_BYTES, DocumentUnreadable
from reader_app.formats.docx_import import read_docx
from reader_app.formats.eml import MailError, import_eml, mhtml_page
from reader_app.formats.mojibake import may_hold_telltale, repair_report
from reader_app.formats.news_dateline import find_news_dateline
from reader_app.formats.odt_import import read_odt
from reader_app.formats.pdf_import import read_pdf
from reader_app.formats.rendered import (
    DROPPED_TAGS,
    CancelCheck,
    ImportCancelled,
    _Checker,
    bound_depth,
    drop_prefix,
    render_html,
    sanitize_html,
)
from reader_app.formats.webpage import (
    MAX_EXTRACT_CHARS,
    ld_published,
    main_text,
    page_source,
    without_heavy_parts,
)

__all__ = [
    "MAX_FILE_BYTES",
    "SUPPORTED_SUFFIXES",
    "ImportCancelled",
    "ImportRefused",
    "collect_paths",
    "printable_name",
    "parse_article",
    "read_article",
]

MAX_FILE_BYTES = 20 * 1024 * 1024  # documented limit: 20 MiB
SUPPORTED_SUFFIXES = (
    ".txt", ".text", ".md", ".markdown", ".html", ".htm", ".eml", ".mhtml", ".mht", ".pdf", ".docx",
    ".odt")
# Binary documents, read from their bytes (no text decoding); up to MAX_DOCUMENT_BYTES (50 MiB).
_DOCUMENTS = {".pdf": read_pdf, ".docx": read_docx, ".odt": read_odt}
_KIND = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
         ".eml": "eml", ".mhtml": "mhtml", ".mht": "mhtml"}
_EDGE_WS = " \t\n\f\v"  # trimmed around plain text; NBSP is content


class ImportRefused(Exception):
    """A file that is not imported; str(e) is one line: '<path>: refused: <reason>'."""

    path: str
    reason: str

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        self.path = printable_name(path)
        self.reason = reason
        super().__init__(_one_line(f"{self.path}: refused: {reason}"))

    def __reduce__(self) -> tuple[type[ImportRefused], tuple[str, str]]:
        return (ImportRefused, (self.path, self.reason))  # picklable across processes


class _Unreadable(Exception):
    """Raised by the format importers; parse_article adds the file name."""


def printable_name(path: str | os.PathLike[str] | bytes) -> str:
    """A file name as text that can be shown, printed and stored: bytes that are
    not UTF-8 (surrogate-escaped by Python, e.g. "\\udce9") become "\\xe9", and
    control characters are escaped ("\\n")."""
    raw = os.fsencode(path)
    text = raw.decode("utf-8", "backslashreplace")
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


def read_article(
    path: str | os.PathLike[str], should_cancel: CancelCheck = None,
    refuse: Collection[tuple[int, int]] = (),
) -> ImportedArticle:
    """Read and parse one file. Raises ImportRefused (never OSError) or ImportCancelled.
    refuse: (st_dev, st_ino) of files never to open (the library's own: reading one
    with plain file I/O would drop SQLite's locks on it), checked with the one stat()."""
    label = os.fspath(path)
    try:
        st = os.stat(label)
        if refuse and (st.st_dev, st.st_ino) in refuse:
            raise ImportRefused(label, "is this library's own file; it cannot be imported")
        if stat.S_ISDIR(st.st_mode):
            raise ImportRefused(label, "is a directory")
        if not stat.S_ISREG(st.st_mode):
            raise ImportRefused(label, "not a regular file")
        limit = _limit(label)
        if st.st_size > limit:
            raise ImportRefused(label, _too_large(st.st_size, limit))
        data = _read_file(label, st.st_size, limit)
    except OSError as e:
        raise ImportRefused(label, _os_reason(e)) from None
    except ValueError:  # e.g. a NUL character in the path
        raise ImportRefused(label, "invalid file name") from None
    return parse_article(data, label, should_cancel)


# A plain descriptor: a file object's fstat(), buffer and close cost a third of the I/O.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)


def _limit(name: str) -> int:
    """The size limit for a file of this name (binary documents carry images)."""
    dot = name.rfind(".")
    return MAX_DOCUMENT_BYTES if name[dot:].lower() in _DOCUMENTS else MAX_FILE_BYTES


def _read_file(label: str, size: int, limit: int = MAX_FILE_BYTES) -> bytes:
    """The file's bytes, sized by stat(): read(MAX + 1) would allocate 20 MiB per file.
    One read() returns a regular file's size bytes, with no second call to see the end;
    a file that grew after stat() is read on, up to the limit."""
    fd = os.open(label, _OPEN_FLAGS)
    try:
        want = min(size, limit) + 1
        data = os.read(fd, want)
        if len(data) < want - 1:  # a short read: the rest, or the end
            data += _read_up_to(fd, want - len(data))
        if len(data) > size:
            data += _read_up_to(fd, limit + 1 - len(data))
        return data
    finally:
        os.close(fd)


def _read_up_to(fd: int, size: int) -> bytes:
    parts = []
    while size > 0 and (part := os.read(fd, size)):
        parts.append(part)
        size -= len(part)
    return b"".join(parts)


def parse_article(
    data: bytes, name: str | os.PathLike[str], should_cancel: CancelCheck = None
) -> ImportedArticle:
    """Parse file contents; the suffix of name picks the format (unknown: text)."""
    label = os.fspath(name) or "<unnamed>"
    if len(data) > (limit := _limit(label)):
        raise ImportRefused(label, _too_large(len(data), limit))
    printable = printable_name(label)
    source, stem, suffix = _name_parts(printable)
    document = _DOCUMENTS.get(suffix.lower())
    kind = suffix.lower()[1:] if document else _KIND.get(suffix.lower(), "text")
    warnings: list[str] = []
    if printable != label and source != PurePath(label).name:
        warnings.append(f"the file name is not plain UTF-8 text; stored as {source!r}")
    try:
        if document is not None:  # bytes: PDF, DOCX, ODT carry their own encodings
            article = document(data, source, stem, should_cancel)
            _check_visible(article.text)
            return replace(article, warnings=(*warnings, *article.warnings))
        if kind == "eml":  # bytes: each MIME part has its own charset
            article = import_eml(data, source, stem, should_cancel)
            _check_visible(article.text)
            return replace(article, warnings=(*warnings, *article.warnings))
        if kind == "mhtml":  # a saved page in MIME: its HTML part is the page
            data, kind = mhtml_page(data).encode("utf-8"), "html"
        text, nuls, utf8, exact = decode_text(
            data, declared_charset(data) if kind == "html" else None)
        text = _without_nul(text, nuls, warnings)
        if not utf8 or may_hold_telltale(data):  # plain UTF-8: the bytes say (~15x faster)
            text, repaired = repair_report(text, should_cancel)
            warnings += [repaired] if repaired else []
            exact = exact and repaired is None
        if kind == "html":
            article = _import_html(text, source, stem, should_cancel)
        elif kind == "markdown":
            article = _import_markdown(text, source, stem, should_cancel)
        else:
            article = _import_text(text, source, stem, data if exact else None)
        _check_visible(article.text)
    except (DecodeError, _Unreadable, MailError, DocumentUnreadable) as e:
        raise ImportRefused(label, str(e)) from None
    except ImportCancelled:
        raise
    except Exception as e:  # a parser bug on hostile input must not escape as-is
        raise ImportRefused(label, f"could not be read as {kind} ({type(e).__name__})") from e
    if warnings:
        article = replace(article, warnings=(*warnings, *article.warnings))
    return article


def _name_parts(label: str) -> tuple[str, str, str]:
    """(name, stem, suffix) as PurePath gives them (name or stem empty: the whole path),
    without building one for a plain "folder/file.ext" (this runs for every file)."""
    name = label.rpartition("/")[2]
    if os.sep != "/" or not name or name in (".", "..") or (os.altsep and os.altsep in label):
        path = PurePath(label)
        name, stem, suffix = path.name, path.stem, path.suffix
        return name or path.as_posix(), stem or path.as_posix(), suffix
    dot = name.rfind(".")
    if 0 < dot < len(name) - 1:
        return name, name[:dot], name[dot:]
    return name, name, ""


def _without_nul(text: str, nuls: int, warnings: list[str]) -> str:
    """U+0000 (only a UTF-16/32 file can hold one: NUL bytes elsewhere mean binary)
    is removed: Qt and C libraries end strings there, so the text after it could be
    neither shown nor tagged. Removed before parsing, so offsets index the result.
    nuls: how many text holds."""
    if not nuls:
        return text
    warnings.append(f"{nuls} NUL character{'s' if nuls != 1 else ''} (U+0000) removed")
    return text.replace("\x00", "")


# White space and characters that show nothing on their own: format controls
# (zero-width space/joiners, bidi marks, BOM, soft hyphen, tags...), variation
# selectors and the Hangul/Braille fillers. A text made only of these is blank.
_INVISIBLE = (
    r"\s\x00-\x1f\x7f-\x9f\xad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f"
    r"\u200b-\u200f\u202a-\u202e\u2060-\u206f\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0"
    r"\ufff0-\ufffb\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff"
)
_VISIBLE = re.compile(f"[^{_INVISIBLE}]")


def _check_visible(text: str) -> None:
    if not _VISIBLE.search(text):
        raise _Unreadable("blank: no visible text (only invisible characters such as zero-width spaces)")


def _import_text(text: str, source: str, stem: str, utf8: bytes | None = None) -> ImportedArticle:
    """utf8: text's exact UTF-8 (the file's bytes) when at hand: the body's part of it
    goes with the article (ImportedArticle.known_utf8)."""
    published, cut, start, warning = dateline_cut(text)
    title = text[:cut].strip() if cut else None  # a title line before the dateline
    if start > cut > 0:  # the dateline stood after a title line: cut out of the middle (rare)
        body = (text[:cut] + text[start:]).strip(_EDGE_WS)
        utf8 = None  # not one slice of the file's bytes: storage encodes body itself
    else:
        start = 0 if cut else start  # an impossible dateline after a title: all is kept
        start, end = _strip_span(text, start)
        if start == end:
            raise _Unreadable("no text after the dateline")
        body = text[start:end]  # one copy, where slicing the dateline off and strip() made two
    warnings: tuple[str, ...] = (warning,) if warning else ()
    titled = body
    if published is None and warning is None:
        published, warnings, titled = _news_dateline(body)
    article = ImportedArticle(
        title=title or text_title(titled, stem),
        text=body,
        source=source,
        published=published,
        language=guess_language(body),
        content_type="text",
        warnings=warnings,
    )
    if utf8 is None:
        return article
    # What was cut off is the dateline (short) and, at the end, _EDGE_WS (ASCII: a byte each)
    head = len(text[:start].encode("utf-8", "surrogatepass"))
    return with_utf8(article, utf8[head : len(utf8) - (len(text) - end)])


_EDGE_RUN = re.compile(f"[{re.escape(_EDGE_WS)}]*")
_TAIL = 64  # characters looked at for trailing white space before strip() is asked to


def _strip_span(text: str, start: int) -> tuple[int, int]:
    """(lo, hi) with text[lo:hi] == text[start:].strip(_EDGE_WS), found without copying
    the text (unless it ends in more than _TAIL characters of white space)."""
    lo = _EDGE_RUN.match(text, start).end()  # type: ignore[union-attr]  # matches ""
    tail = text[max(lo, len(text) - _TAIL) :]
    kept = len(tail.rstrip(_EDGE_WS))
    if kept or len(tail) == len(text) - lo:
        return lo, len(text) - len(tail) + kept
    return lo, lo + len(text[lo:].rstrip(_EDGE_WS))


def _news_dateline(text: str) -> tuple[str | None, tuple[str, ...], str]:
    """(published, warnings, the text to take the title from) for an undated article
    from the news dateline it opens with ("KYIV, 14 March 2023 — ..."), which stays in
    the text. The title is taken after a dateline that opens the text (a dateline is
    no title), as text_title skips a kept `date` line."""
    after_title = after_title_line(text)
    found = find_news_dateline(text, after_title)
    if found is None:
        return None, (), text
    warnings = (found.warning,) if found.warning else ()
    opens = found.start != after_title and found.body < len(text)
    return found.published, warnings, text[found.body :] if opens else text


def _inline_with_cancel(state: StateCore) -> None:
    """markdown-it's core "inline" rule, checking should_cancel between blocks."""
    check: _Checker = state.env.get("check") or _Checker(None)
    for token in state.tokens:
        if token.type == "inline":
            check.tick()
            if token.children is None:
                token.children = []
            state.md.inline.parse(token.content, state.md, state.env, token.children)


def _block_cancel(state, start_line: int, end_line: int, silent: bool) -> bool:
    """A block rule that matches nothing: it only checks should_cancel as blocks start."""
    check = state.env.get("check")
    if check is not None:
        check.tick()
    return False


def _inline_cancel(state, silent: bool) -> bool:
    """An inline rule that matches nothing: checks should_cancel at markup characters
    (one paragraph can be the whole file)."""
    check = state.env.get("check")
    if check is not None:
        check.tick()
    return False


class _Markdown(MarkdownIt):
    def validateLink(self, url: str) -> bool:  # noqa: N802 - markdown-it's name
        return True  # nh3 and render_html decide which links stay


def _footnote_mark(
    _renderer: object, tokens: Sequence[Token], idx: int, _options: OptionsDict, _env: EnvType
) -> str:
    """ "[1]" each time footnote 1 is cited (not "[1:1]"), as plain text: no <sup>, no link."""
    return f"[{tokens[idx].meta['id'] + 1}]"


def _markdown_parser() -> MarkdownIt:
    # CommonMark with tables (GFM) and footnotes (fenced code is CommonMark's); raw HTML
    # passes (nh3 sanitizes it); nesting capped at 20. A footnote is cited as "[1]" and
    # listed at the end as "1. its text" (no back-reference arrows).
    md = _Markdown("commonmark", {"maxNesting": 20}).enable("table").use(footnote_plugin)
    md.add_render_rule("footnote_ref", _footnote_mark)
    md.add_render_rule("footnote_anchor", lambda *_args: "")
    md.core.ruler.at("inline", _inline_with_cancel)
    md.block.ruler.before("table", "cancel_check", _block_cancel)
    md.inline.ruler.before("text", "cancel_check", _inline_cancel)
    return md


_MARKDOWN = _markdown_parser()
# markdown-it is linear, but each inline markup character costs ~30 µs (emphasis,
# brackets, entities): past this many, a file would take minutes to render and is
# imported as plain text instead (its source as written), with a warning.
MARKDOWN_MARKUP_BUDGET = 250_000
_MARKUP_CHARS = "*_[]!<&`\\"


def _markup_count(src: str) -> int:
    return sum(map(src.count, _MARKUP_CHARS))


def _import_markdown(
    src: str, source: str, stem: str, should_cancel: CancelCheck = None
) -> ImportedArticle:
    marks = _markup_count(src)
    if marks > MARKDOWN_MARKUP_BUDGET:
        article = _import_text(src, source, stem)
        note = (f"too much Markdown markup to render ({marks:,} markup characters; the limit is "
                f"{MARKDOWN_MARKUP_BUDGET:,}): imported as plain text, as written")
        return replace(article, warnings=(note, *article.warnings))
    published, cut, rest, warning = dateline_cut(src)
    if cut and not src.lstrip().startswith(("```", "~~~")):  # a fence's first line is no title
        # after a title line: a blank line in its place keeps the title its own paragraph
        src = src[:cut] + "\n" + src[rest:]
    elif cut:
        published, warning = None, None
    else:
        src = src[rest:]
    check = _Checker(should_cancel)
    html = _MARKDOWN.render(src, {"check": check})
    check.now()
    text, styles = render_html(sanitize_html(html, should_cancel=should_cancel), should_cancel)
    if not text:
        raise _Unreadable("no readable text")
    warnings: tuple[str, ...] = (warning,) if warning else ()
    titled = text
    if published is None and warning is None:  # read from the rendered text: offsets index it
        published, warnings, titled = _news_dateline(text)
    return ImportedArticle(
        title=_first_heading(text, styles) or text_title(titled, stem),
        text=text,
        source=source,
        published=published,
        language=guess_language(text),
        content_type="markdown",
        styles=styles,
        warnings=warnings,
    )


def _import_html(
    page: str, source: str, stem: str, should_cancel: CancelCheck = None
) -> ImportedArticle:
    in_ld = ld_published(page)
    page = bound_depth(page, should_cancel)  # once, for every parser after it
    meta = _read_meta(page, should_cancel)
    main = main_text(page, should_cancel)
    if main is not None:  # trafilatura found the article in the page around it
        text, styles = main.text, main.styles
        meta.title = main.title or meta.title
        source = page_source(source, main.site, main.author)
    else:
        text, styles = _whole_page(page, should_cancel)
    # The page's own date metadata only, then a <time> shown in the article's text:
    # never a sidebar story's <time> or a footer's "Updated ...".
    dates = [*([in_ld] if in_ld else []), *meta.dates, *meta.story_times(whole_page=main is None)]
    warnings: list[str] = []
    if main is None and len(page) > MAX_EXTRACT_CHARS:
        size = len(without_heavy_parts(page))
        if size > MAX_EXTRACT_CHARS:
            warnings.append(f"page too large to find its article in ({_size(size)} of HTML; the limit"
                            f" is {_size(MAX_EXTRACT_CHARS)}): all of it was imported")
    published = next((d for d in map(valid_iso_date, dates) if d), None)
    if published is None and dates:
        warnings.append(f"impossible date {dates[0]!r} in the page metadata ignored")
    titled = text
    if published is None:
        published, body, warning = split_dateline(text)
        warnings += [warning] if warning else []
        if published is not None:  # the dateline left the text: shift the styles
            text, styles = drop_prefix(text, styles, len(text) - len(body))
            if not text.strip():
                raise _Unreadable("no text after the dateline")
            titled = text
        elif warning is None:
            published, news_warnings, titled = _news_dateline(text)
            warnings += news_warnings
    lang = meta.lang.strip()[:2].lower() if meta.lang else ""
    title = " ".join(meta.title.split()) or _first_heading(text, styles)
    return ImportedArticle(
        title=title or text_title(titled, stem),
        text=text,
        source=source,
        published=published,
        language=lang if lang.isalpha() and len(lang) == 2 else guess_language(text),
        content_type="html",
        styles=styles,
        warnings=tuple(warnings),
    )


def _whole_page(page: str, should_cancel: CancelCheck) -> tuple[str, tuple[StyleSpan, ...]]:
    """The plain importer: <article> or <main> if the page has one, else all of <body>."""
    clean = sanitize_html(page, frozenset({"article", "main"}), should_cancel)
    for tag in ("article", "main"):  # the story itself, not the page around it
        region = _inner(clean, tag)
        if region is not None:
            text, styles = render_html(region, should_cancel)
            if text:
                return text, styles
    text, styles = render_html(clean, should_cancel)
    if not text:
        raise _Unreadable("no readable text")
    return text, styles


_HTML_LANG = re.compile(r"""<html\b[^<>]*?\blang\s*=\s*["']?([A-Za-z0-9-]*)""", re.I)
_META_TAGS = {"title", "meta", "time", "article", "main"}  # aside, nav, footer: dropped
_META_ATTRIBUTES = {"meta": {"property", "name", "content"},
                    "time": {"datetime", "class", "itemprop", "pubdate"}, "*": set()}


def _read_meta(page: str, should_cancel: CancelCheck) -> _HtmlMeta:
    """<html lang> from the page's first 4 KiB; <title>, <meta> and <time> from
    nh3's output for those tags alone (well-formed, so HTMLParser stays linear).
    page has been through bound_depth."""
    lang = _HTML_LANG.search(page[:4096])
    skeleton = nh3.clean(
        page,
        tags=_META_TAGS,
        clean_content_tags=set(DROPPED_TAGS - {"title", "head"}),
        attributes=_META_ATTRIBUTES,
        link_rel=None,
    )
    meta = _HtmlMeta(_Checker(should_cancel))
    meta.lang = lang.group(1) if lang else None
    meta.feed(skeleton)
    meta.close()
    return meta


class _HtmlMeta(HTMLParser):
    """<title>, and published-date candidates in priority order."""

    _DATE_KEYS = ("article:published_time", "og:published_time", "date", "time published")

    def __init__(self, check: _Checker) -> None:
        super().__init__(convert_charrefs=True)
        self._check = check
        self.lang: str | None = None
        self.title = ""
        self._in_title = False
        self._found: dict[str, str] = {}
        self._times: list[tuple[str, str]] = []  # (datetime, "article" | "main" | "")
        self._open = {"article": 0, "main": 0}
        self._seen_article = False
        self._open_main_seen = False

    @property
    def dates(self) -> list[str]:
        """The date metadata (<meta>, a <time> marked as the published date), in priority order."""
        return [self._found[k] for k in self._DATE_KEYS if k in self._found]

    def story_times(self, whole_page: bool) -> list[str]:
        """<time>s in the story itself: its <article> (not one nested in it, as a comment is),
        else its <main>, else (whole_page: all of <body> is the article) any; never one in
        an <aside>, <nav> or <footer> (nh3 dropped those)."""
        if not self._seen_article and not self._open_main_seen and whole_page:
            return [when for when, _ in self._times]
        where = "article" if self._seen_article else "main"
        return [when for when, inside in self._times if inside == where]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check.tick()
        a = {k.lower(): v or "" for k, v in attrs}
        if tag == "title" and not self.title:
            self._in_title = True
        elif tag == "meta":
            for key in (a.get("property", "").lower(), a.get("name", "").lower()):
                if key in self._DATE_KEYS and a.get("content"):
                    self._found.setdefault(key, a["content"])
        elif tag in self._open:
            self._open[tag] += 1
            self._seen_article = self._seen_article or tag == "article"
            self._open_main_seen = self._open_main_seen or tag == "main"
        elif tag == "time" and a.get("datetime") and len(self._times) < 100:
            # marked as the page's own date: microdata, hAtom ("entry-date published"), pubdate
            if (a.get("itemprop", "").lower() == "datepublished" or "pubdate" in a
                    or "published" in a.get("class", "").lower().split()):
                self._found.setdefault("time published", a["datetime"])
            o = self._open
            inside = "article" if o["article"] == 1 else "main" if o["main"] and not o["article"] else ""
            self._times.append((a["datetime"], inside))

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in self._open and self._open[tag]:
            self._open[tag] -= 1

    def handle_data(self, data: str) -> None:
        self._check.tick()
        if self._in_title:
            self.title += data


def _inner(clean: str, tag: str) -> str | None:
    """Inner HTML of the first top-level <tag> in nh3 output (which writes
    attribute-free tags and escapes "<" in text, so a regex is exact here)."""
    start, depth = None, 0
    for m in re.finditer(rf"<(/?){tag}>", clean):
        if not m.group(1):
            if depth == 0:
                start = m.end()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                return clean[start : m.start()]
    return clean[start:] if start is not None else None


def _first_heading(text: str, styles: tuple[StyleSpan, ...]) -> str | None:
    for span in styles:
        if span.style == "h1":
            title = " ".join(text[span.start : span.end].split())
            if title:
                return title
    return None


def collect_paths(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Files to import: folders expanded recursively (sorted; supported suffixes
    only; hidden files and folders skipped); files named explicitly are kept
    whatever their suffix (missing ones too, so read_article can say why)."""
    result: list[Path] = []
    seen: set[Path] | None = None  # made at the second path: one folder's files are distinct
    for given in paths:
        root = Path(given)
        found = _walk(root) if root.is_dir() else [root]
        if seen is None:
            if not result:
                result = found
                continue
            seen = set(result)
        for p in found:
            if p not in seen:
                seen.add(p)
                result.append(p)
    return result


def _walk(root: Path) -> list[Path]:
    """In the order of Path's own comparison (by parts; case-folded on Windows). Each
    folder's Path and key are made once and its files joined to them: a Path parsed
    and a key made from the whole path, per file, cost ~7 µs a file."""
    found: list[tuple[tuple[str, ...], Path]] = []
    for dirpath, dirnames, filenames in os.walk(root):  # does not follow dir symlinks
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        folder = Path(dirpath)
        key = tuple(map(os.path.normcase, folder.parts))
        for f in filenames:
            if not f.startswith(".") and f.lower().endswith(SUPPORTED_SUFFIXES):
                found.append(((*key, os.path.normcase(f)), folder / f))
    found.sort(key=itemgetter(0))
    return [path for _key, path in found]


def _too_large(size: int, limit: int = MAX_FILE_BYTES) -> str:
    return f"file too large ({_size(size)}; the limit is {_size(limit)})"


def _size(n: int) -> str:
    return f"{n / 2**20:.1f} MiB" if n >= 2**20 else f"{n} bytes"


def _os_reason(e: OSError) -> str:
    if isinstance(e, FileNotFoundError):
        return "no such file"
    if isinstance(e, PermissionError):
        return "permission denied"
    if isinstance(e, IsADirectoryError):
        return "is a directory"
    return f"cannot read ({e.strerror or type(e).__name__})"


def _one_line(s: str) -> str:
    return re.sub(r"[\r\n\u2028\u2029]+", " ", s)
