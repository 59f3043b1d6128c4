"""PDF and DOCX/ODT import time on a 200-page report (a script, not part of the test run).

    python benchmarks/bench_import_documents.py            # ~1-2 minutes
    python benchmarks/bench_import_documents.py --pages 50

The report (numbered sections of news prose, a running header and page numbers) is
written as PDF by three writers: the tests' hand-made one (tests/pdf_maker.py: one
text run per line), Qt's QPdfWriter through QTextDocument.print_ (PySide6, which the
app has: embedded font subsets, as office suites write), and fpdf2 if installed
(justified lines). Each PDF is read by pypdf's extract_text, by pdfminer.six's
extract_text if installed (pip install pdfminer.six), and by read_article, the
importer's whole path. The same report as .docx (python-docx) and .odt is read by
read_article. Each line: seconds, pages, characters out.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from docx_maker import odt
from pdf_maker import make_pdf

from reader_app.formats.importers import read_article

SENTENCES = (  # varied, so that no line repeats at the top of the pages as a running header would
    "In section {n}, officials in the port city said on Thursday that talks with the ferry union "
    "would resume next week, according to two people familiar with the plans. ",
    "The union's negotiators ({n}) declined to comment, and the mayor's office said a statement "
    "would follow. ",
    "Shipping agents said {n} sailings had been cancelled since Monday; the ministry did not reply. ",
)
SENTENCE = SENTENCES[0]
LINES_PER_PAGE = 40


def paragraphs(pages: int) -> list[str]:
    """About 40 lines of ~90 characters per page, in paragraphs of 3 sentences."""
    count = pages * LINES_PER_PAGE * 90 // (3 * len(SENTENCE))
    return ["".join(SENTENCES[(p + s) % 3].format(n=f"{p}.{s}") for s in range(3)) for p in range(count)]


def wrap(paragraph: str, width: int = 90) -> list[str]:
    lines, line = [], ""
    for word in paragraph.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line]


def hand_pdf(paras: list[str]) -> bytes:
    pages, page = [], []
    for para in paras:
        lines = wrap(para)
        if len(page) + len(lines) > LINES_PER_PAGE:
            pages.append("\n".join(page))
            page = []
        page += [*lines, ""]
    pages.append("\n".join(page))
    return make_pdf(pages, header="Ferry Union Review | Quarterly", footer="Page {n} of {total}",
                    info={"Title": "Ferry report", "CreationDate": "D:20240315"})


def qt_pdf(paras: list[str], path: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QPageSize, QPdfWriter, QTextDocument

    _app = QGuiApplication.instance() or QGuiApplication([])
    doc = QTextDocument()
    doc.setPlainText("\n".join(paras))
    writer = QPdfWriter(str(path))
    writer.setTitle("Ferry report")
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    doc.print_(writer)


def fpdf_pdf(paras: list[str], path: Path) -> bool:
    try:
        from fpdf import FPDF
    except ImportError:
        return False
    pdf = FPDF()
    pdf.set_auto_page_break(True, 20)
    pdf.add_page()
    pdf.set_font("helvetica", size=10)
    for para in paras:
        pdf.multi_cell(0, 5, para)
        pdf.ln(3)
    pdf.output(str(path))
    return True


def docx_bytes(paras: list[str]) -> bytes:
    import docx

    d = docx.Document()
    d.add_heading("Ferry report", 1)
    for n, para in enumerate(paras):
        if n % 20 == 0:
            d.add_heading(f"Section {n // 20}", 2)
        d.add_paragraph(para)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def timed(label: str, fn) -> None:
    started = time.perf_counter()
    try:
        pages, chars = fn()
        note = f"{pages} pages, {chars:,} chars" if pages else f"{chars:,} chars"
    except Exception as e:  # noqa: BLE001 - a benchmark line, not a crash
        note = f"failed: {type(e).__name__}: {e}"
    print(f"  {label:<34} {time.perf_counter() - started:7.2f} s   {note}", flush=True)


def pypdf_text(path: Path) -> tuple[int, int]:
    from pypdf import PdfReader

    reader = PdfReader(path)
    return len(reader.pages), sum(len(p.extract_text()) for p in reader.pages)


def pdfminer_text(path: Path) -> tuple[int, int]:
    from pdfminer.high_level import extract_text

    return 0, len(extract_text(str(path)))


def ours(path: Path) -> tuple[int, int]:
    return 0, len(read_article(path).text)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=200)
    args = parser.parse_args()
    paras = paragraphs(args.pages)
    try:
        import pdfminer  # noqa: F401
        have_pdfminer = True
    except ImportError:
        have_pdfminer = False
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = {}
        (folder / "hand.pdf").write_bytes(hand_pdf(paras))
        files["hand-written PDF"] = folder / "hand.pdf"
        qt_pdf(paras, folder / "qt.pdf")
        files["Qt QPdfWriter PDF"] = folder / "qt.pdf"
        if fpdf_pdf(paras, folder / "fpdf.pdf"):
            files["fpdf2 PDF"] = folder / "fpdf.pdf"
        for name, path in files.items():
            print(f"{name} ({path.stat().st_size / 2**20:.1f} MiB)")
            timed("pypdf extract_text", lambda p=path: pypdf_text(p))
            if have_pdfminer:
                timed("pdfminer.six extract_text", lambda p=path: pdfminer_text(p))
            timed("read_article (pypdf + layout)", lambda p=path: ours(p))
        (folder / "report.docx").write_bytes(docx_bytes(paras))
        body = "".join(f"<text:p>{p}</text:p>" for p in paras)
        (folder / "report.odt").write_bytes(odt(body))
        for name in ("report.docx", "report.odt"):
            path = folder / name
            print(f"{name} ({path.stat().st_size / 2**20:.1f} MiB, the same text)")
            timed("read_article", lambda p=path: ours(p))


if __name__ == "__main__":
    main()
