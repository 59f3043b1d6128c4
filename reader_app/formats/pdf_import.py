"""PDF (its text layer) -> one plain-text article, through pypdf. No Qt, no SQL.

pypdf gives each run of text with its position; runs at one height make a line,
a gap taller than the page's usual line pitch (or a change of font size) starts a
paragraph, and lines inside a paragraph are joined (a word hyphenated across a
line break is mended). Lines repeated at the top or bottom of most pages (running
headers and footers) and page numbers ("3", "Page 3 of 12", "- 3 -") are dropped.
The layout rules are in pdf_layout.py. pypdf over pdfminer.six: 4 to 17 times as
fast on a 200-page report, but for PDFs written a run per word (README-part).
"""

from __future__ import annotations

import io
import logging
import re

from reader_app.domain.models import ImportedArticle
from reader_app.formats.dateline import valid_iso_date
from reader_app.formats.documents import (
    MAX_DOCUMENT_TEXT,
    DocumentUnreadable,
    finish_article,
)
from reader_app.formats.pdf_layout import Page, pdf_text
from reader_app.formats.rendered import CancelCheck, ImportCancelled

__all__ = ["MAX_PDF_PAGES", "NO_TEXT_LAYER", "pdf_date", "read_pdf"]

MAX_PDF_PAGES = 3000
NO_TEXT_LAYER = "no text layer (scanned PDF): run OCR first"
_SPACES = re.compile(r"[ \t\r\f\v\u3000]+")  # NBSP is content and stays
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")


def read_pdf(
    data: bytes, source: str, stem: str, should_cancel: CancelCheck = None
) -> ImportedArticle:
    """One article from a PDF's text layer. Raises DocumentUnreadable (the reason)
    or ImportCancelled."""
    from pypdf import PdfReader  # a second or so of imports, only when a PDF comes
    from pypdf.errors import DependencyError, FileNotDecryptedError, LimitReachedError, PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings are about hostile bytes
    if b"%PDF-" not in data[:1024]:
        raise DocumentUnreadable("not a PDF (no %PDF- header)")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except DependencyError:
                raise DocumentUnreadable("encrypted with a cipher this installation cannot read") from None
            if not opened:
                raise DocumentUnreadable(
                    "encrypted: it needs a password; save an unprotected copy and import that")
        count = len(reader.pages)
        if count > MAX_PDF_PAGES:
            raise DocumentUnreadable(f"too many pages ({count:,}; the limit is {MAX_PDF_PAGES:,})")
        pages = [_read_page(reader.pages[i], should_cancel) for i in range(count)]
        info = _info(reader)
    except (DocumentUnreadable, ImportCancelled):
        raise
    except FileNotDecryptedError:
        raise DocumentUnreadable("encrypted: it needs a password") from None
    except LimitReachedError:
        raise DocumentUnreadable("a part inflates past pypdf's limit: a decompression bomb") from None
    except NotImplementedError as e:
        raise DocumentUnreadable(f"uses a PDF feature that cannot be read ({_one(e)})") from None
    except (PyPdfError, RecursionError, ValueError, KeyError, TypeError, AttributeError,
            IndexError, OSError, AssertionError, ZeroDivisionError) as e:
        raise DocumentUnreadable(f"not a readable PDF ({_why(e, PyPdfError)})") from None
    blank = [n for n, page in enumerate(pages, 1) if not page.lines]
    text = pdf_text(pages)
    if not text:
        raise DocumentUnreadable(NO_TEXT_LAYER)
    if len(text) > MAX_DOCUMENT_TEXT:
        raise DocumentUnreadable(
            f"too much text ({len(text):,} characters; the limit is {MAX_DOCUMENT_TEXT:,})")
    return finish_article(
        text, (), source=source, stem=stem, content_type="text",
        title=info.get("/Title", ""), meta_date=pdf_date(info.get("/CreationDate", "")),
        text_date_first=True,  # /CreationDate is when the PDF was made: "print to PDF" day
        warnings=_unread(text) + _blank_pages(blank, len(pages)),
    )


_UNMAPPED = re.compile("[\ue000-\uf8ff\ufffd]")  # private-use glyph codes, replacement marks
_MIN_UNMAPPED = 0.3


def _unread(text: str) -> tuple[str, ...]:
    """A text layer written with fonts that say not which character a glyph is comes out as
    private-use codes: mostly such, it is refused; a few, the analyst is told."""
    unmapped = len(_UNMAPPED.findall(text))
    if not unmapped:
        return ()
    if unmapped > _MIN_UNMAPPED * len(text.replace(" ", "").replace("\n", "")):
        raise DocumentUnreadable("its text layer cannot be read (fonts without a Unicode map): run OCR first")
    noun = "character" if unmapped == 1 else "characters"
    return (f"{unmapped:,} {noun} of the text layer could not be read (kept as they came: shown as boxes)",)


def _blank_pages(blank: list[int], total: int) -> tuple[str, ...]:
    """Pages without text in a PDF with text: scanned pages, whose words are missing."""
    if not blank:
        return ()
    shown = ", ".join(map(str, blank[:10])) + (" …" if len(blank) > 10 else "")
    verb = "has" if len(blank) == 1 else "have"
    return (f"{len(blank)} of {total} pages {verb} no text layer (scanned?): {shown};"
            " run OCR for their text",)


def _why(e: Exception, pdf_error: type[Exception]) -> str:
    """pypdf's own message for what it found; a Python error deep in it means damage."""
    if not isinstance(e, pdf_error):
        return f"damaged or truncated: {type(e).__name__}"
    detail = _one(e)
    return f"damaged or truncated: {detail}" if detail else "damaged or truncated"


def _one(e: Exception) -> str:
    return " ".join(str(e).split())[:120].rstrip(".")


def _read_page(page: object, should_cancel: CancelCheck) -> Page:
    if should_cancel is not None and should_cancel():
        raise ImportCancelled("import cancelled")
    out = Page()

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        text = _CONTROLS.sub("", text)
        if not text.strip():
            if out.lines and text and not out.lines[-1].text.endswith(" "):
                out.lines[-1].text += " " if "\n" not in text else ""
            return
        # the text matrix times the current transformation: where the run sits on the page
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = abs(tm[2] * cm[1] + tm[3] * cm[3]) or 1.0
        out.add(text.replace("\n", " "), y, float(size or 1) * scale)

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    for line in out.lines:
        line.text = _SPACES.sub(" ", line.text).strip()
    low, high = _visible(page)
    # text drawn outside the page is not shown (Qt repeats a block cut by a page break there)
    out.lines = [line for line in out.lines if line.text and low <= line.y <= high]
    return out


def _visible(page: object) -> tuple[float, float]:
    """The heights a page shows (its crop box), with a margin for rounding."""
    try:
        box = page.cropbox  # type: ignore[attr-defined]
        low, high = sorted((float(box.bottom), float(box.top)))
    except Exception:  # noqa: BLE001 - a broken box is no reason to lose the text
        return float("-inf"), float("inf")
    return low - 2, high + 2


def _info(reader: object) -> dict[str, str]:
    try:
        meta = reader.metadata  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - a broken /Info is no reason to refuse the text
        return {}
    if not meta:
        return {}
    found = {}
    for key in ("/Title", "/CreationDate"):
        try:
            value = meta.get(key)
        except Exception:  # noqa: BLE001 - as above
            continue
        if isinstance(value, str):
            found[key] = _CONTROLS.sub("", value)
    return found


_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?")


def pdf_date(value: str) -> str | None:
    """ISO YYYY-MM-DD of a PDF date ("D:20240315120000+02'00'"), or None."""
    m = _PDF_DATE.match(value.strip())
    if not m or not m.group(3):
        return None
    return valid_iso_date(f"{m.group(1)}-{m.group(2)}-{m.group(3)}")
