"""Word .docx -> one article with the display styles Markdown and HTML get. No Qt, no SQL.

python-docx opens the package (its lxml parser resolves no entities and reads no
network), and gives the styles, the core properties and the links' targets. The
body is walked in document order and written as plain HTML (escaped text; headings,
list items, tables, strong/em, links), which render_html turns into the text and
style spans, so offsets and styles follow the same rules as an .html import.
Tracked changes: text inside w:del / w:moveFrom is left out, w:ins reads as it
stands, rows and cells deleted with tracked changes are left out; comments live in
their own part and only leave markers in the body. Text boxes (w:txbxContent, drawn
over the page) are not read, in the body or in table cells.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime, timezone
from html import escape
from typing import Any

from reader_app.domain.models import ImportedArticle
from reader_app.formats.documents import (
    MAX_DOCUMENT_TEXT,
    DocumentUnreadable,
    check_zip,
    finish_article,
    first_h1,
    why,
)
from reader_app.formats.rendered import CancelCheck, ImportCancelled, _Checker, render_html

__all__ = ["read_docx"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_HEADING = re.compile(r"^(?:heading|заголовок|überschrift|titre)\s*([1-6])$", re.I)
_SKIPPED = {f"{_W}{t}" for t in "del moveFrom delText instrText commentReference footnoteReference "
            "endnoteReference pPr rPr tblPr trPr tcPr sectPr".split()} | {
    # markup compatibility: a Choice and its Fallback hold the same text twice
    "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"}

# content controls and inserted blocks hold paragraphs
_CONTAINERS = {f"{_W}{t}" for t in ("sdt", "sdtContent", "customXml", "ins")}


def read_docx(
    data: bytes, source: str, stem: str, should_cancel: CancelCheck = None
) -> ImportedArticle:
    """One article from a .docx. Raises DocumentUnreadable (the reason) or ImportCancelled."""
    import docx  # python-docx: imported only when a .docx comes
    from docx.opc.exceptions import PackageNotFoundError

    check_zip(data, "word/document.xml", "DOCX")
    try:
        document = docx.Document(io.BytesIO(data))
        walker = _Walker(document, _Checker(should_cancel))
        html = walker.body(document.element.body)
        props = document.core_properties
        title, created = props.title or "", props.created
        if created is not None and _utc(created) == _TEMPLATE_CREATED:
            created = None  # a template's date, not the document's: better none than wrong
    except (DocumentUnreadable, ImportCancelled):
        raise
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, TypeError,
            AttributeError, IndexError, SyntaxError, OSError) as e:  # lxml's errors are SyntaxErrors
        raise DocumentUnreadable(f"not a readable DOCX ({why(e)})") from None
    text, styles = render_html(html, should_cancel)
    if len(text) > MAX_DOCUMENT_TEXT:
        raise DocumentUnreadable(
            f"too much text ({len(text):,} characters; the limit is {MAX_DOCUMENT_TEXT:,})")
    meta_date = created.date().isoformat() if created is not None else None
    return finish_article(
        text, styles, source=source, stem=stem, content_type="html", title=title,
        meta_date=meta_date, text_date_first=True, first_heading=first_h1,
    )


class _Walker:
    """The document body as HTML, in document order."""

    def __init__(self, document: Any, check: _Checker) -> None:
        self._check = check
        self._rels = document.part.rels
        self._styles = _style_kinds(document)
        self._numbering = _numbering(document)
        self._out: list[str] = []
        self._list: str | None = None  # the open <ul>/<ol>

    def body(self, body: Any) -> str:
        self._blocks(body)
        self._end_list()
        return "".join(self._out)

    def _blocks(self, parent: Any) -> None:
        for child in parent:
            self._check.tick()
            if child.tag == f"{_W}p":
                self._paragraph(child)
            elif child.tag == f"{_W}tbl":
                self._end_list()
                self._table(child)
            elif child.tag in _CONTAINERS:
                self._blocks(child)  # content controls and inserted blocks hold paragraphs

    def _paragraph(self, p: Any) -> None:
        kind, ordered = self._kind(p)
        inline = self._inline(p)
        if kind == "li":
            tag = "ol" if ordered else "ul"
            if self._list != tag:
                self._end_list()
                self._out.append(f"<{tag}>")
                self._list = tag
            self._out.append(f"<li>{inline}</li>")
            return
        self._end_list()
        if inline.strip():
            self._out.append(f"<{kind}>{inline}</{kind}>")

    def _end_list(self) -> None:
        if self._list:
            self._out.append(f"</{self._list}>")
            self._list = None

    def _kind(self, p: Any) -> tuple[str, bool]:
        """("h1".."h6" | "li" | "p", whether a list item is numbered)."""
        style_id = _val(p.find(f"{_W}pPr/{_W}pStyle"))
        heading, style_list = self._styles.get(style_id or "") or _by_id(style_id)
        if heading:
            return heading, False
        level = _val(p.find(f"{_W}pPr/{_W}outlineLvl"))
        if level is not None and level.isdigit() and int(level) < 6:
            return f"h{int(level) + 1}", False
        num = p.find(f"{_W}pPr/{_W}numPr")
        num_id = _val(num.find(f"{_W}numId")) if num is not None else style_list
        if num_id and num_id != "0":
            ilvl = _val(num.find(f"{_W}ilvl")) if num is not None else None
            return "li", self._numbering.get((num_id, ilvl or "0"), False)
        return "p", False

    def _inline(self, parent: Any) -> str:
        parts: list[str] = []
        for child in parent:
            tag = child.tag
            if tag in _SKIPPED:
                continue
            if tag == f"{_W}r":
                parts.append(self._run(child))
            elif tag == f"{_W}hyperlink":
                inner = self._inline(child)
                href = self._target(child.get(f"{_R}id"))
                parts.append(f'<a href="{escape(href)}">{inner}</a>' if href else inner)
            elif isinstance(tag, str):  # w:ins, w:smartTag, w:fldSimple, w:sdt...: their runs
                parts.append(self._inline(child))
        return "".join(parts)

    def _run(self, r: Any) -> str:
        self._check.tick()
        text: list[str] = []
        for child in r:
            tag = child.tag
            if tag == f"{_W}t":  # an unexpanded entity is a child node: its tail is text
                text.append(escape((child.text or "") + "".join(e.tail or "" for e in child)))
            elif tag == f"{_W}tab":
                text.append("\t")
            elif tag in (f"{_W}br", f"{_W}cr"):
                text.append("<br>")
            elif tag == f"{_W}noBreakHyphen":
                text.append("\u2011")
        out = "".join(text)
        props = r.find(f"{_W}rPr")
        if not out or (props is not None and _on(props.find(f"{_W}vanish"))):
            return ""  # hidden text is not shown in Word either
        if props is not None and _on(props.find(f"{_W}i")):
            out = f"<em>{out}</em>"
        if props is not None and _on(props.find(f"{_W}b")):
            out = f"<strong>{out}</strong>"
        return out

    def _target(self, rel_id: str | None) -> str | None:
        rel = self._rels.get(rel_id) if rel_id else None
        if rel is None or not getattr(rel, "is_external", False):
            return None
        return str(rel.target_ref)  # render_html keeps http, https and mailto only

    def _table(self, tbl: Any) -> None:
        self._out.append("<table>")
        for n, tr in enumerate(_rows(tbl)):
            cells = []
            for tc in _cells(tr):
                text = " ".join(self._cell_text(tc))
                cells.append(f"<th>{text}</th>" if n == 0 and text else f"<td>{text}</td>")  # th: strong
            self._out.append(f"<tr>{''.join(cells)}</tr>")
        self._out.append("</table>")

    def _cell_text(self, parent: Any) -> list[str]:
        """A cell's paragraphs, from its own blocks as the body reads them: no text boxes,
        no deleted blocks, a table inside the cell once, flattened into it."""
        out: list[str] = []
        for child in parent:
            self._check.tick()
            if child.tag == f"{_W}p":
                inline = self._inline(child)
                if inline.strip():
                    out.append(inline)
            elif child.tag == f"{_W}tbl":
                for tr in _rows(child):
                    for tc in _cells(tr):
                        out += self._cell_text(tc)
            elif child.tag in _CONTAINERS:
                out += self._cell_text(child)
        return out


def _rows(tbl: Any) -> list[Any]:
    """The table's rows, less those deleted with tracked changes (w:trPr/w:del)."""
    return [tr for tr in tbl.findall(f"{_W}tr") if tr.find(f"{_W}trPr/{_W}del") is None]


def _cells(tr: Any) -> list[Any]:
    """The row's cells, less those deleted with tracked changes (w:tcPr/w:cellDel)."""
    return [tc for tc in tr.findall(f"{_W}tc") if tc.find(f"{_W}tcPr/{_W}cellDel") is None]


# python-docx's default.docx carries this creation time into every file it makes. Its
# author "python-docx" alone is no sign: a program may set a real created date after.
_TEMPLATE_CREATED = datetime(2013, 12, 23, 23, 15, tzinfo=timezone.utc)


def _utc(when: datetime) -> datetime:
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)


def _by_id(style_id: str | None) -> tuple[str | None, str | None]:
    """A style the styles part does not define: Word's own ids ("Heading1") still say a level."""
    m = _HEADING.match(re.sub(r"(\d)$", r" \1", style_id or ""))
    return (f"h{m.group(1)}" if m else None), None


def _val(el: Any) -> str | None:
    return None if el is None else el.get(f"{_W}val")


def _on(el: Any) -> bool:
    """A toggle property (w:b, w:i) that is present and not switched off."""
    return el is not None and (el.get(f"{_W}val") or "true").lower() not in ("0", "false", "off")


def _style_kinds(document: Any) -> dict[str, tuple[str | None, str | None]]:
    """style id -> (heading tag or None, the numId its paragraphs are listed under or None)."""
    kinds: dict[str, tuple[str | None, str | None]] = {}
    for style in document.styles.element.findall(f"{_W}style"):
        style_id = style.get(f"{_W}styleId") or ""
        name = _val(style.find(f"{_W}name")) or ""
        m = _HEADING.match(name.strip())
        heading = f"h{m.group(1)}" if m else ("h1" if name.strip().lower() == "title" else None)
        kinds[style_id] = (heading, _val(style.find(f"{_W}pPr/{_W}numPr/{_W}numId")))
    return kinds


def _numbering(document: Any) -> dict[tuple[str, str], bool]:
    """(numId, level) -> numbered (True) or bulleted (False)."""
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return {}
    formats: dict[str, dict[str, bool]] = {}
    for abstract in numbering.findall(f"{_W}abstractNum"):
        levels = {
            lvl.get(f"{_W}ilvl") or "0": _val(lvl.find(f"{_W}numFmt")) not in (None, "bullet", "none")
            for lvl in abstract.findall(f"{_W}lvl")
        }
        formats[abstract.get(f"{_W}abstractNumId") or ""] = levels
    found: dict[tuple[str, str], bool] = {}
    for num in numbering.findall(f"{_W}num"):
        levels = formats.get(_val(num.find(f"{_W}abstractNumId")) or "", {})
        for ilvl, numbered in levels.items():
            found[(num.get(f"{_W}numId") or "", ilvl)] = numbered
    return found
