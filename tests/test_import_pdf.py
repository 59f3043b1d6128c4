"""PDF import: text layer to one article; paragraphs, hyphenation, running headers and
footers, metadata, and every unfit PDF refused in one line naming the file."""

from __future__ import annotations

import io
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pdf_maker import encrypt, make_pdf, raw_pdf

from reader_app.formats.importers import ImportRefused, parse_article, read_article
from reader_app.formats.pdf_import import NO_TEXT_LAYER, pdf_date
from reader_app.services.importing import import_paths
from reader_app.storage.articles import get_article

BODY = (
    "The Russia-Ukraine talks resumed in Geneva, and the gov-\n"
    "ernment delegation said the corridor would open.\n"
    "\n"
    "A second paragraph runs over two lines and ends\n"
    "here with a full stop.\n"
)


def pdf(pages: list[str], **kw) -> bytes:
    return make_pdf(pages, **kw)


def test_paragraphs_lines_and_hyphenation():
    a = parse_article(pdf(["Ceasefire report\n\n" + BODY]), "r.pdf")
    assert a.text == (
        "Ceasefire report\n\n"
        "The Russia-Ukraine talks resumed in Geneva, and the government delegation said the corridor"
        " would open.\n\n"
        "A second paragraph runs over two lines and ends here with a full stop."
    )
    assert a.title == "Ceasefire report"
    assert a.content_type == "text" and a.styles == ()


@pytest.mark.parametrize(("lines", "joined"), [
    ("the gov-\nernment said", "the government said"),
    ("the Russia-\nUkraine war", "the Russia-Ukraine war"),  # a capital: the hyphen is real
    ("in 2021-\n2022 it grew", "in 2021-2022 it grew"),
    ("a well-known fact and a well-\nknown one", "a well-known fact and a well-known one"),  # seen elsewhere
    ("soft\u00ad\nhyphen", "softhyphen"),
    ("a dash -\nthen more", "a dash - then more"),  # a dash after a space is no broken word
    ("пере-\nговоры начались", "переговоры начались"),
])
def test_hyphen_at_a_line_end(lines, joined):
    assert parse_article(pdf([lines]), "h.pdf").text == joined


def test_running_headers_footers_and_page_numbers_are_dropped():
    words = ["one", "two", "three", "four", "five"]
    pages = [f"Section {n * n} opens here.\nIt goes on for a while.\n\nIts paragraph {w}." for n, w in zip(range(1, 6), words)]
    a = parse_article(pdf(pages, header="ACME Research | Quarterly 2024", footer="Page {n} of {total}"), "q.pdf")
    assert "ACME" not in a.text and "Page" not in a.text
    assert a.text.split("\n\n")[:3] == [
        "Section 1 opens here. It goes on for a while.", "Its paragraph one.",
        "Section 4 opens here. It goes on for a while."]
    # the same line at the top of every page is a running header, numbers aside when they count pages
    counted = parse_article(pdf(pages, header="Quarterly | {n}"), "c.pdf")
    assert "Quarterly" not in counted.text and counted.text.count("Section") == 5
    bare = parse_article(pdf(["One page of text.", "Another page of text."], footer="{n}"), "b.pdf")
    assert bare.text == "One page of text.\n\nAnother page of text."


def test_a_sentence_goes_on_over_a_page_break():
    a = parse_article(pdf(["The minister said that the", "talks would resume.\n\nNew paragraph."]), "p.pdf")
    assert a.text == "The minister said that the talks would resume.\n\nNew paragraph."


def test_title_and_date_from_the_metadata():
    info = {"Title": "Kyiv: the winter report", "CreationDate": "D:20240315120000+02'00'"}
    a = parse_article(pdf(["Some text that is long enough."], info=info), "m.pdf")
    assert (a.title, a.published) == ("Kyiv: the winter report", "2024-03-15")


def test_a_dateline_in_the_text_wins_over_the_creation_date():
    """A news page printed to PDF is created the day it was printed, not published."""
    info = {"CreationDate": "D:20261203"}
    a = parse_article(pdf(["date 2022-02-09\nTalks resume\n\nThe talks resume."], info=info), "p.pdf")
    assert a.published == "2022-02-09" and a.text.startswith("Talks resume")
    news = parse_article(pdf(["KYIV, 14 March 2023 — The bridge reopened."], info=info), "n.pdf")
    assert news.published == "2023-03-14"


def test_without_metadata_the_dateline_rules_apply():
    a = parse_article(pdf(["date 2022-02-09\nTalks resume\n\nThe talks resume on Thursday."]), "d.pdf")
    assert a.published == "2022-02-09" and a.text.startswith("Talks resume")
    news = parse_article(pdf(["KYIV, 14 March 2023 — The bridge reopened."]), "n.pdf")
    assert news.published == "2023-03-14"
    junk = parse_article(pdf(["Plain words."], info={"Title": "Microsoft Word - draft.docx"}), "j.pdf")
    assert junk.title == "Plain words"  # as text_title gives it for a .txt


@pytest.mark.parametrize(("line", "dropped"), [
    ("3", True), ("- 12 -", True), ("Page 3 of 12", True), ("iv", True), ("xiv", True), ("стр. 3", True),
    ("[7]", True), ("mix", False), ("did", False), ("Annex", False), ("2024 budget", False), ("2024", False)])
def test_page_numbers_at_the_foot_of_a_page(line, dropped):
    a = parse_article(pdf(["The text of the page.", "More text here."], footer=line), "n.pdf")
    assert (line not in a.text) == dropped


@pytest.mark.parametrize(("value", "iso"), [
    ("D:20240315120000+02'00'", "2024-03-15"), ("D:2024", None), ("20230101", "2023-01-01"),
    ("D:20241345", None), ("", None), ("garbage", None)])
def test_pdf_dates(value, iso):
    assert pdf_date(value) == iso


def test_hard_unicode_survives_and_offsets_index_the_stored_text():
    line = "Flag 🇺🇦, 𝕏 and 𠀀; Кириллица; e\u0301; NBSP\u00a0here 👨‍👩‍👧 tab\tjoined"
    a = parse_article(pdf([line]), "u.pdf")
    assert a.text == line.replace("\t", " ")  # PDF spacing is visual: runs of blanks are one space
    assert a.text.index("Кириллица") == line.index("Кириллица")
    # PDFs store right-to-left text in visual order; the text reads in logical order
    assert parse_article(pdf(["עברית"[::-1]]), "rtl.pdf").text == "עברית"


def test_many_distinct_characters_across_fonts():
    chars = "".join(chr(c) for c in range(0x410, 0x450)) + "".join(chr(c) for c in range(0x4E00, 0x4F00))
    a = parse_article(pdf([chars]), "cjk.pdf")
    assert a.text == chars


def test_no_text_layer_is_refused():
    blank = raw_pdf([
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        "<< /Length 22 >>\nstream\n0 0 595 842 re f\nendstream",
    ])
    with pytest.raises(ImportRefused) as e:
        parse_article(blank, "scan.pdf")
    assert str(e.value) == f"scan.pdf: refused: {NO_TEXT_LAYER}"


def test_scanned_pages_among_text_pages_are_named_in_a_warning():
    blank = raw_pdf([
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ])
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for part in (pdf(["Page one has text."]), blank, pdf(["Page three has text."])):
        writer.append(PdfReader(io.BytesIO(part)))
    out = io.BytesIO()
    writer.write(out)
    a = parse_article(out.getvalue(), "mixed.pdf")
    assert a.text == "Page one has text.\n\nPage three has text."
    assert a.warnings == ("1 of 3 pages has no text layer (scanned?): 2; run OCR for their text",)


def test_a_text_layer_of_unmapped_glyphs_is_refused_and_a_few_are_reported():
    with pytest.raises(ImportRefused, match="its text layer cannot be read"):
        parse_article(pdf(["\ue001\ue002\ue003 \ue004\ue005 ab"]), "glyphs.pdf")
    a = parse_article(pdf(["Mostly readable text with one \ue001 glyph."]), "few.pdf")
    assert a.warnings == ("1 character of the text layer could not be read (kept as they came: shown as boxes)",)


def test_encrypted_with_the_empty_password_opens():
    a = parse_article(encrypt(pdf([BODY]), ""), "open.pdf")
    assert "government delegation" in a.text


@pytest.mark.parametrize("algorithm", ["AES-128", "RC4-128", "AES-256"])
def test_encrypted_with_a_password_is_refused(algorithm):
    with pytest.raises(ImportRefused) as e:
        parse_article(encrypt(pdf([BODY]), "secret", algorithm), "locked.pdf")
    assert str(e.value).startswith("locked.pdf: refused: encrypted: it needs a password")


LOOPS = {
    "pages that are their own kid": [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Count 1 /Kids [2 0 R] >>",
    ],
    "a length that refers to itself": [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        "<< /Length 4 0 R >>\nstream\nBT ET\nendstream",
    ],
    "a form that draws itself": [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        " /Resources << /XObject << /X 5 0 R >> >> >>",
        "<< /Length 7 >>\nstream\n/X Do\n\nendstream",
        "<< /Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /XObject << /X 5 0 R >> >>"
        " /Length 5 >>\nstream\n/X Do\nendstream",
    ],
    "a root that is not a catalog": ["1 0 R"],
}


@pytest.mark.parametrize("name", LOOPS)
def test_reference_loops_are_refused_quickly(name):
    started = time.monotonic()
    with pytest.raises(ImportRefused) as e:
        parse_article(raw_pdf(LOOPS[name]), "loop.pdf")
    assert time.monotonic() - started < 10
    assert str(e.value).startswith("loop.pdf: refused: ") and "\n" not in str(e.value)


@pytest.mark.parametrize("data", [
    b"%PDF-1.7\n" + bytes(range(256)) * 40,
    b"%PDF-1.4\n1 0 obj << /Type /Catalog",
    b"",
    b"plain words that are not a PDF at all",
])
def test_garbage_is_refused_in_one_line(data):
    with pytest.raises(ImportRefused) as e:
        parse_article(data, "bad.pdf")
    assert str(e.value).startswith("bad.pdf: refused: ") and "\n" not in str(e.value)


def test_a_truncated_pdf_is_refused_or_read_but_never_escapes():
    whole = pdf([BODY] * 4)
    for cut in (len(whole) // 4, len(whole) // 2, len(whole) - 40):
        try:
            article = parse_article(whole[:cut], "cut.pdf")
        except ImportRefused as e:
            assert str(e).startswith("cut.pdf: refused: ")
        else:
            assert "Russia-Ukraine" in article.text


def test_the_size_limit_is_50_mib(tmp_path):
    big = tmp_path / "big.pdf"
    with big.open("wb") as f:
        f.truncate(50 * 2**20 + 1)
    with pytest.raises(ImportRefused, match="file too large .*the limit is 50.0 MiB"):
        read_article(big)


def test_import_paths_stores_the_pdf_as_the_reader_shows_it(db, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "report.pdf").write_bytes(pdf(["Winter report 🇺🇦\n\n" + BODY], info={"Title": "Winter"}))
    (folder / "scan.pdf").write_bytes(raw_pdf(LOOPS["a root that is not a catalog"]))
    report = import_paths(db, [folder])
    assert len(report.created) == 1 and len(report.refused) == 1
    assert "scan.pdf" in report.refused[0]
    stored = get_article(db, report.created[0].article_id)
    assert stored.title == "Winter" and stored.source == "report.pdf"
    assert stored.text.startswith("Winter report 🇺🇦\n\nThe Russia-Ukraine talks")
    assert "government" in stored.text and "gov-" not in stored.text


def test_cancel_stops_between_pages():
    from reader_app.formats.importers import ImportCancelled

    calls = []

    def should_cancel() -> bool:
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(ImportCancelled):
        parse_article(pdf(["Page one.", "Page two.", "Page three.", "Page four."]), "c.pdf", should_cancel)
    assert len(calls) == 3


def test_too_many_pages_are_refused(monkeypatch):
    from reader_app.formats import pdf_import

    monkeypatch.setattr(pdf_import, "MAX_PDF_PAGES", 3)
    with pytest.raises(ImportRefused, match=r"long\.pdf: refused: too many pages \(4; the limit is 3\)"):
        parse_article(pdf(["a", "b", "c", "d"]), "long.pdf")


WORD = st.text(st.sampled_from("abcxyzАБВжщ𝕏🇺é0123456789"), min_size=1, max_size=9).filter(
    lambda w: not w[0].isdigit())


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(WORD, min_size=1, max_size=8), min_size=1, max_size=6))
def test_lines_of_a_paragraph_join_into_its_words(lines):
    """However a paragraph is broken into lines, its words come back in order, one space apart."""
    text = "\n".join(" ".join(words) for words in lines)
    a = parse_article(pdf([text]), "words.pdf")
    assert a.text == " ".join(" ".join(words) for words in lines)


def test_a_pdf_written_by_qt_reads_back(qapp, tmp_path):
    """A real writer's output (embedded font subsets, Qt's page numbers at the foot)."""
    from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

    paragraphs = [f"Paragraph {n}: the Russia-Ukraine talks resumed in Geneva on Thursday, officials said, "
                  "and the delegations agreed to meet again next week. Кириллица тоже." for n in range(40)]
    doc = QTextDocument()
    doc.setPlainText("\n".join(paragraphs))
    path = tmp_path / "qt.pdf"
    writer = QPdfWriter(str(path))
    writer.setTitle("Geneva talks")
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    doc.print_(writer)
    a = read_article(path)
    assert a.title == "Geneva talks"
    assert a.text.split("\n\n") == paragraphs  # Qt's page numbers dropped, lines joined


def test_the_command_line_imports_a_folder_of_mixed_documents(db_path, tmp_path, capsys):
    from docx_maker import docx_xml, odt

    from reader_app.cli import main
    from reader_app.storage.articles import list_articles
    from reader_app.storage.database import open_library

    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a.pdf").write_bytes(pdf([BODY], info={"CreationDate": "D:20240102"}))
    (folder / "b.docx").write_bytes(docx_xml("<w:p><w:r><w:t>Minsk announced drills.</w:t></w:r></w:p>"))
    (folder / "c.odt").write_bytes(odt("<text:p>KYIV, 14 March 2023 — The bridge reopened.</text:p>"))
    (folder / "d.txt").write_text("Lavrov agreed to meet Blinken.\n", encoding="utf-8")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\ngarbage")
    assert main(["import", "--db", str(db_path), str(folder)]) == 1
    out, err = capsys.readouterr()
    assert "Imported 4 articles, 1 refused." in out
    assert err.count("broken.pdf") == 1 and "Traceback" not in err
    db = open_library(db_path)
    try:
        dates = {a.source: a.published for a in list_articles(db)}
    finally:
        db.close()
    assert dates == {"a.pdf": "2024-01-02", "b.docx": None, "c.odt": "2023-03-14", "d.txt": None}
