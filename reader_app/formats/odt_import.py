"""OpenDocument .odt -> one article with the display styles Markdown and HTML get.
No Qt, no SQL.

The ODF XML is read directly with lxml (kept up to date, and installed for
python-docx anyway), with the parser python-docx uses: no entities resolved, no
network, lxml's size limits on. odfpy (last release 2020) would parse the same
XML through its own SAX handler to give an object tree this walk needs no more
of. As for .docx, the body is written as escaped HTML and rendered by
render_html. Tracked changes (text:tracked-changes: the deleted text lives
there) and comments (office:annotation) are left out.
"""

from __future__ import annotations

import zipfile
from html import escape
from typing import Any

from reader_app.domain.models import ImportedArticle
from reader_app.formats.dateline import valid_iso_date
from reader_app.formats.documents import (
    MAX_DOCUMENT_TEXT,
    DocumentUnreadable,
    check_zip,
    finish_article,
    first_h1,
    why,
)
from reader_app.formats.rendered import CancelCheck, ImportCancelled, _Checker, render_html

__all__ = ["read_odt"]

_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "xlink": "http://www.w3.org/1999/xlink",
    "dc": "http://purl.org/dc/elements/1.1/",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
}
_ODT_MIME = b"application/vnd.oasis.opendocument.text"


def _q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{_NS[prefix]}}}{local}"


_SKIPPED = {_q(n) for n in (
    "text:tracked-changes office:annotation office:annotation-end text:note-citation "
    "text:bookmark-ref text:sequence-decls text:table-of-content-source".split()
)}
_DELETION = _q("text:deletion")
_CELL_CONTAINERS = {_q(n) for n in (
    "text:list text:list-item text:list-header text:section text:soft-page-break".split())}


def _rows(table: Any) -> list[Any]:
    """The table's own rows (not those of a table inside one of its cells), in order."""
    rows: list[Any] = []
    for child in table:
        if child.tag == _q("table:table-row"):
            rows.append(child)
        elif child.tag in (_q("table:table-header-rows"), _q("table:table-rows"),
                           _q("table:table-row-group")):
            rows += _rows(child)
    return rows


def _parser() -> Any:
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def read_odt(
    data: bytes, source: str, stem: str, should_cancel: CancelCheck = None
) -> ImportedArticle:
    """One article from an .odt. Raises DocumentUnreadable (the reason) or ImportCancelled."""
    from lxml import etree

    archive = check_zip(data, "content.xml", "ODT")
    try:
        names = archive.namelist()
        if "mimetype" in names and archive.read("mimetype").strip() != _ODT_MIME:
            raise DocumentUnreadable("not an ODF text document (its mimetype says otherwise)")
        content = etree.fromstring(archive.read("content.xml"), _parser())
        meta = etree.fromstring(archive.read("meta.xml"), _parser()) if "meta.xml" in names else None
        styles = etree.fromstring(archive.read("styles.xml"), _parser()) if "styles.xml" in names else None
        walker = _Walker(_Checker(should_cancel), _text_styles(content, styles), _numbered(content, styles))
        body = content.find(f"{_q('office:body')}/{_q('office:text')}")
        if body is None:
            raise DocumentUnreadable("not an ODF text document (no office:text in content.xml)")
        html = walker.blocks(body)
    except (DocumentUnreadable, ImportCancelled):
        raise
    except (etree.XMLSyntaxError, zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError) as e:
        raise DocumentUnreadable(f"not a readable ODT ({why(e)})") from None
    text, text_styles = render_html(html, should_cancel)
    if len(text) > MAX_DOCUMENT_TEXT:
        raise DocumentUnreadable(
            f"too much text ({len(text):,} characters; the limit is {MAX_DOCUMENT_TEXT:,})")
    title, created = _meta(meta)
    return finish_article(
        text, text_styles, source=source, stem=stem, content_type="html", title=title,
        meta_date=created, text_date_first=True, first_heading=first_h1,
    )


def _meta(meta: Any) -> tuple[str, str | None]:
    if meta is None:
        return "", None
    title = meta.findtext(f".//{_q('dc:title')}") or ""
    created = meta.findtext(f".//{_q('meta:creation-date')}") or meta.findtext(f".//{_q('dc:date')}")
    return title, valid_iso_date(created.strip()[:10]) if created else None


def _text_styles(content: Any, styles: Any) -> dict[str, tuple[bool, bool]]:
    """style name -> (bold, italic), from the automatic and the named text styles."""
    found: dict[str, tuple[bool, bool]] = {}
    for root in (styles, content):
        if root is None:
            continue
        for style in root.iter(_q("style:style")):
            props = style.find(_q("style:text-properties"))
            if props is None:
                continue
            weight = props.get(_q("fo:font-weight")) or ""
            bold = weight == "bold" or (weight.isdigit() and int(weight) >= 600)
            italic = props.get(_q("fo:font-style")) in ("italic", "oblique")
            found[style.get(_q("style:name")) or ""] = (bold, italic)
    return found


def _numbered(content: Any, styles: Any) -> set[str]:
    """The list styles whose first level is numbered (the others are bulleted)."""
    found = set()
    for root in (styles, content):
        if root is None:
            continue
        for style in root.iter(_q("text:list-style")):
            first = next((c for c in style if isinstance(c.tag, str)), None)
            if first is not None and first.tag == _q("text:list-level-style-number"):
                found.add(style.get(_q("style:name")) or "")
    return found


class _Walker:
    def __init__(
        self, check: _Checker, styles: dict[str, tuple[bool, bool]], numbered: set[str]
    ) -> None:
        self._check = check
        self._styles = styles
        self._numbered = numbered

    def blocks(self, parent: Any, ordered: bool = False) -> str:
        out: list[str] = []
        for child in parent:
            self._check.tick()
            tag = child.tag
            if tag in _SKIPPED:
                continue
            if tag == _q("text:h"):
                level = child.get(_q("text:outline-level")) or "1"
                n = min(max(int(level), 1), 6) if level.isdigit() else 1
                out.append(f"<h{n}>{self.inline(child)}</h{n}>")
            elif tag == _q("text:p"):
                inline = self.inline(child)
                out.append(f"<p>{inline}</p>" if inline.strip() else "")
            elif tag == _q("text:list"):
                out.append(self._list(child))
            elif tag == _q("table:table"):
                out.append(self._table(child))
            elif tag in (_q("text:section"), _q("text:list-header"), _q("text:soft-page-break")):
                out.append(self.blocks(child))
        return "".join(out)

    def _list(self, lst: Any) -> str:
        tag = "ol" if lst.get(_q("text:style-name")) in self._numbered else "ul"
        items = []
        for item in lst:
            if item.tag in (_q("text:list-item"), _q("text:list-header")):
                inner = "".join(
                    self._list(c) if c.tag == _q("text:list") else self.inline(c) for c in item
                )
                items.append(f"<li>{inner}</li>")
        return f"<{tag}>{''.join(items)}</{tag}>"

    def _table(self, table: Any) -> str:
        rows = []
        for n, row in enumerate(_rows(table)):
            cells = []
            for cell in row.findall(_q("table:table-cell")):
                text = " ".join(self._cell_text(cell))
                cells.append(f"<th>{text}</th>" if n == 0 and text else f"<td>{text}</td>")  # th: strong
            rows.append(f"<tr>{''.join(cells)}</tr>")
        return f"<table>{''.join(rows)}</table>"

    def _cell_text(self, parent: Any) -> list[str]:
        """The paragraphs of a cell, from its own blocks only: not a comment's or a note's
        paragraphs, and a table inside the cell once, flattened into it."""
        out: list[str] = []
        for child in parent:
            self._check.tick()
            tag = child.tag
            if tag in _SKIPPED or not isinstance(tag, str):
                continue
            if tag in (_q("text:p"), _q("text:h")):
                inline = self.inline(child)
                if inline.strip():
                    out.append(inline)
            elif tag == _q("table:table"):
                for row in _rows(child):
                    for cell in row.findall(_q("table:table-cell")):
                        out += self._cell_text(cell)
            elif tag in _CELL_CONTAINERS:
                out += self._cell_text(child)
        return out

    def inline(self, el: Any) -> str:
        self._check.tick()
        parts = [escape(el.text or "")]
        for child in el:
            tag = child.tag
            if tag not in _SKIPPED and isinstance(tag, str):
                parts.append(self._inline_child(child))
            parts.append(escape(child.tail or ""))
        return "".join(parts)

    def _inline_child(self, child: Any) -> str:
        tag = child.tag
        if tag == _q("text:s"):
            count = child.get(_q("text:c")) or "1"
            return " " * min(int(count), 100) if count.isdigit() else " "
        if tag == _q("text:tab"):
            return "\t"
        if tag == _q("text:line-break"):
            return "<br>"
        if tag in (_DELETION, _q("text:change"), _q("text:change-start"), _q("text:change-end")):
            return ""
        inner = self.inline(child)
        if tag == _q("text:a"):
            href = child.get(_q("xlink:href"))
            return f'<a href="{escape(href)}">{inner}</a>' if href else inner
        if tag == _q("text:span"):
            bold, italic = self._styles.get(child.get(_q("text:style-name")) or "", (False, False))
            inner = f"<em>{inner}</em>" if italic and inner else inner
            return f"<strong>{inner}</strong>" if bold and inner else inner
        if tag == _q("text:note"):
            return ""  # a footnote's body is not part of the sentence it hangs on
        return inner
