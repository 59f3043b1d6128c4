"""Article files (txt, md, html) -> ImportedArticle. No Qt, no SQL.

Every way a file can be unfit (missing, too big, binary, undecodable, empty)
ends as ImportRefused with a one-line message; nothing else escapes.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path, PurePath

import markdown

from reader_app.domain.models import ImportedArticle, StyleSpan
from reader_app.formats.dateline import guess_language, split_dateline, text_title, valid_iso_date
from reader_app.formats.decode import DecodeError, declared_charset, decode_bytes
from reader_app.formats.rendered import drop_prefix, render_html, sanitize_html

__all__ = [
    "MAX_FILE_BYTES",
    "SUPPORTED_SUFFIXES",
    "ImportRefused",
    "collect_paths",
    "parse_article",
    "read_article",
]

MAX_FILE_BYTES = 20 * 1024 * 1024  # documented limit: 20 MiB
SUPPORTED_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm")
_KIND = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
_EDGE_WS = " \t\n\f\v"  # trimmed around plain text; NBSP is content


class ImportRefused(Exception):
    """A file that is not imported; str(e) is one line: '<path>: refused: <reason>'."""

    path: str
    reason: str

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        self.path = os.fspath(path)
        self.reason = reason
        super().__init__(_one_line(f"{self.path}: refused: {reason}"))

    def __reduce__(self) -> tuple[type[ImportRefused], tuple[str, str]]:
        return (ImportRefused, (self.path, self.reason))  # picklable across processes


class _Unreadable(Exception):
    """Raised by the format importers; parse_article adds the file name."""


def read_article(path: str | os.PathLike[str]) -> ImportedArticle:
    """Read and parse one file. Raises ImportRefused, never OSError."""
    label = os.fspath(path)
    try:
        st = os.stat(label)
        if stat.S_ISDIR(st.st_mode):
            raise ImportRefused(label, "is a directory")
        if not stat.S_ISREG(st.st_mode):
            raise ImportRefused(label, "not a regular file")
        if st.st_size > MAX_FILE_BYTES:
            raise ImportRefused(label, _too_large(st.st_size))
        with open(label, "rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)  # a file may grow after stat()
    except OSError as e:
        raise ImportRefused(label, _os_reason(e)) from None
    except ValueError:  # e.g. a NUL character in the path
        raise ImportRefused(label, "invalid file name") from None
    return parse_article(data, label)


def parse_article(data: bytes, name: str | os.PathLike[str]) -> ImportedArticle:
    """Parse file contents; the suffix of name picks the format (unknown: text)."""
    label = os.fspath(name) or "<unnamed>"
    if len(data) > MAX_FILE_BYTES:
        raise ImportRefused(label, _too_large(len(data)))
    path = PurePath(label)
    kind = _KIND.get(path.suffix.lower(), "text")
    source, stem = path.name or label, path.stem or label
    try:
        if kind == "html":
            return _import_html(decode_bytes(data, declared_charset(data)), source, stem)
        text = decode_bytes(data)
        if kind == "markdown":
            return _import_markdown(text, source, stem)
        return _import_text(text, source, stem)
    except (DecodeError, _Unreadable) as e:
        raise ImportRefused(label, str(e)) from None
    except Exception as e:  # a parser bug on hostile input must not escape as-is
        raise ImportRefused(label, f"could not be read as {kind} ({type(e).__name__})") from e


def _import_text(text: str, source: str, stem: str) -> ImportedArticle:
    published, body, warning = split_dateline(text)
    body = body.strip(_EDGE_WS)
    if not body:
        raise _Unreadable("no text after the dateline")
    return ImportedArticle(
        title=text_title(body, stem),
        text=body,
        source=source,
        published=published,
        language=guess_language(body),
        content_type="text",
        warnings=(warning,) if warning else (),
    )


def _import_markdown(src: str, source: str, stem: str) -> ImportedArticle:
    published, src, warning = split_dateline(src)
    html = markdown.markdown(src, extensions=["extra", "sane_lists"])
    text, styles = render_html(sanitize_html(html))
    if not text:
        raise _Unreadable("no readable text")
    return ImportedArticle(
        title=_first_heading(text, styles) or text_title(text, stem),
        text=text,
        source=source,
        published=published,
        language=guess_language(text),
        content_type="markdown",
        styles=styles,
        warnings=(warning,) if warning else (),
    )


def _import_html(page: str, source: str, stem: str) -> ImportedArticle:
    meta = _HtmlMeta()
    meta.feed(page)
    meta.close()
    clean = sanitize_html(page, frozenset({"article", "main"}))
    text, styles = "", ()
    for tag in ("article", "main"):  # the story itself, not the page around it
        region = _inner(clean, tag)
        if region is not None:
            text, styles = render_html(region)
            if text:
                break
    if not text:
        text, styles = render_html(clean)
    if not text:
        raise _Unreadable("no readable text")
    warnings: list[str] = []
    published = next((d for d in map(valid_iso_date, meta.dates) if d), None)
    if published is None and meta.dates:
        warnings.append(f"impossible date {meta.dates[0]!r} in the page metadata ignored")
    if published is None:
        published, body, warning = split_dateline(text)
        warnings += [warning] if warning else []
        if published is not None:  # the dateline left the text: shift the styles
            text, styles = drop_prefix(text, styles, len(text) - len(body))
    lang = meta.lang.strip()[:2].lower() if meta.lang else ""
    title = " ".join(meta.title.split()) or _first_heading(text, styles)
    return ImportedArticle(
        title=title or text_title(text, stem),
        text=text,
        source=source,
        published=published,
        language=lang if lang.isalpha() and len(lang) == 2 else guess_language(text),
        content_type="html",
        styles=styles,
        warnings=tuple(warnings),
    )


class _HtmlMeta(HTMLParser):
    """<html lang>, <title>, and published-date candidates in priority order."""

    _DATE_KEYS = ("article:published_time", "date")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang: str | None = None
        self.title = ""
        self._in_title = False
        self._found: dict[str, str] = {}

    @property
    def dates(self) -> list[str]:
        order = (*self._DATE_KEYS, "time")
        return [self._found[k] for k in order if k in self._found]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): v or "" for k, v in attrs}
        if tag == "html" and self.lang is None:
            self.lang = a.get("lang")
        elif tag == "title" and not self.title:
            self._in_title = True
        elif tag == "meta":
            for key in (a.get("property", "").lower(), a.get("name", "").lower()):
                if key in self._DATE_KEYS and a.get("content"):
                    self._found.setdefault(key, a["content"])
        elif tag == "time" and a.get("datetime"):
            self._found.setdefault("time", a["datetime"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
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
    seen: set[Path] = set()
    for given in paths:
        root = Path(given)
        found = _walk(root) if root.is_dir() else [root]
        for p in found:
            if p not in seen:
                seen.add(p)
                result.append(p)
    return result


def _walk(root: Path) -> list[Path]:
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):  # does not follow dir symlinks
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for f in filenames:
            if not f.startswith(".") and f.lower().endswith(SUPPORTED_SUFFIXES):
                found.append(Path(dirpath, f))
    return sorted(found)


def _too_large(size: int) -> str:
    return f"file too large ({_size(size)}; the limit is {_size(MAX_FILE_BYTES)})"


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
