"""What the binary document importers (PDF, DOCX, ODT) share: their limits, their
refusal, and the last step from (text, styles, metadata) to an ImportedArticle with
the same dateline and title rules as the text importer. No Qt, no SQL."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable

from reader_app.domain.models import ImportedArticle, StyleSpan
from reader_app.formats.dateline import (
    after_title_line,
    guess_language,
    split_dateline,
    text_title,
)
from reader_app.formats.news_dateline import find_news_dateline
from reader_app.formats.rendered import drop_prefix

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "MAX_DOCUMENT_TEXT",
    "MAX_ZIP_MEMBER_BYTES",
    "DocumentUnreadable",
    "check_zip",
    "finish_article",
    "first_h1",
    "meta_title",
    "why",
]

MAX_DOCUMENT_BYTES = 50 * 1024 * 1024  # a PDF/DOCX/ODT file (images make them big)
MAX_DOCUMENT_TEXT = 20 * 1024 * 1024  # characters of text taken from one document
MAX_ZIP_MEMBER_BYTES = 32 * 1024 * 1024  # one part of a DOCX/ODT, inflated
MAX_ZIP_TOTAL_BYTES = 200 * 1024 * 1024  # all of its parts, inflated
MAX_ZIP_MEMBERS = 10_000
_MAX_RATIO = 200  # uncompressed / compressed beyond this (and 1 MiB): a zip bomb
_TEMPLATE_TITLES = re.compile(
    r"^(untitled|document\d*|word document|microsoft word - .*|.*\.(docx?|odt|pdf|rtf))$", re.I
)


class DocumentUnreadable(Exception):
    """A document that cannot be imported; str(e) is the reason, one line
    (parse_article adds the file name)."""


def check_zip(data: bytes, required: str, kind: str) -> zipfile.ZipFile:
    """The DOCX/ODT zip, after its directory is checked: no more than MAX_ZIP_MEMBERS
    parts, none inflating past MAX_ZIP_MEMBER_BYTES or far past its compressed
    size, MAX_ZIP_TOTAL_BYTES in all (the readers inflate every part they open; a
    directory that lies about sizes gets a CRC error, not more bytes)."""
    kind = f"{'an' if kind[0] in 'AEIOU' else 'a'} {kind}"
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise DocumentUnreadable(f"not {kind} (not a zip archive)") from None
    if len(infos) > MAX_ZIP_MEMBERS:
        raise DocumentUnreadable(f"{len(infos):,} parts in the archive: refused")
    total = 0
    for info in infos:
        size = info.file_size
        total += size
        bomb = size > 2**20 and size > _MAX_RATIO * max(info.compress_size, 1)
        if size > MAX_ZIP_MEMBER_BYTES or bomb:
            name = info.filename[:80]
            raise DocumentUnreadable(f"{name!r} inflates to {size:,} bytes: refused as a zip bomb")
    if total > MAX_ZIP_TOTAL_BYTES:
        raise DocumentUnreadable(f"the archive inflates to {total:,} bytes: refused as a zip bomb")
    if required not in archive.namelist():
        raise DocumentUnreadable(f"not {kind} (no {required} in the archive)")
    return archive


def why(e: Exception) -> str:
    """A reader's error in a few words: malformed XML says where, others their kind."""
    if isinstance(e, SyntaxError):  # lxml's XMLSyntaxError: "Opening and ending tag mismatch..."
        detail = re.sub(r", use XML_PARSE_HUGE option|\s*\(<string>, line \d+\)", "", str(e))
        detail = " ".join(detail.split())[:100]
        return f"malformed XML: {detail}" if detail else "malformed XML"
    return f"damaged: {type(e).__name__}"


def meta_title(title: str | None) -> str:
    """A title from the file's metadata, or "" for none or a template's ("Untitled",
    "Microsoft Word - report.docx", a file name)."""
    title = " ".join((title or "").split())
    return "" if _TEMPLATE_TITLES.match(title) else title[:500]


def finish_article(
    text: str,
    styles: tuple[StyleSpan, ...],
    *,
    source: str,
    stem: str,
    content_type: str,
    title: str = "",
    meta_date: str | None = None,
    text_date_first: bool = False,
    warnings: tuple[str, ...] = (),
    first_heading: Callable[[str, tuple[StyleSpan, ...]], str | None] | None = None,
) -> ImportedArticle:
    """The article from a document's reading text. published: meta_date, else a
    `date YYYY-MM-DD` line opening the text (removed, as in a .txt) or a news
    dateline ("KYIV, 14 March 2023 — ", kept); text_date_first: a dateline in the
    text wins over meta_date (a Word file's dates are often its template's)."""
    if not text.strip():
        raise DocumentUnreadable("no readable text")
    notes = list(warnings)
    published = None if text_date_first else meta_date
    titled = text
    if published is None:
        found, body, warning = split_dateline(text)
        notes += [warning] if warning else []
        if found is not None:
            text, styles = drop_prefix(text, styles, len(text) - len(body))
            if not text.strip():
                raise DocumentUnreadable("no text after the dateline")
            published, titled = found, text
        elif warning is None:
            news = find_news_dateline(text, after_title_line(text))
            if news is not None:
                published = news.published
                notes += [news.warning] if news.warning else []
                opens = news.start != after_title_line(text) and news.body < len(text)
                titled = text[news.body :] if opens else text
    if published is None:
        published = meta_date
    heading = first_heading(text, styles) if first_heading else None
    return ImportedArticle(
        title=meta_title(title) or heading or text_title(titled, stem),
        text=text,
        source=source,
        published=published,
        language=guess_language(text),
        content_type=content_type,
        styles=styles,
        warnings=tuple(notes),
    )


def first_h1(text: str, styles: tuple[StyleSpan, ...]) -> str | None:
    """The first heading's text (h1, else any level), as a title."""
    for level in ("h1", "h2", "h3", "h4", "h5", "h6"):
        for span in styles:
            if span.style == level:
                title = " ".join(text[span.start : span.end].split())
                if title:
                    return title[:500]
    return None
