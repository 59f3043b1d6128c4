"""DOCX import: paragraphs, headings, lists, tables, strong/em and safe links as display
styles; tracked changes and comments kept out of the text; hostile packages refused."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx_maker import docx_xml, zipped
from hypothesis import given, settings
from hypothesis import strategies as st

from reader_app.formats.importers import ImportRefused, parse_article, read_article
from reader_app.services.importing import import_paths
from reader_app.storage.articles import get_article


def add_link(paragraph, url: str, text: str) -> None:
    part = paragraph.part
    rel = part.relate_to(url, docx.opc.constants.RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def saved(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def report_docx(title: str = "") -> bytes:
    d = docx.Document()
    d.core_properties.title = title
    d.add_heading("Kyiv briefing 🇺🇦", 1)
    p = d.add_paragraph("The ")
    p.add_run("mayor").bold = True
    p.add_run(" said the 𝕏 bridge reopens on ")
    p.add_run("Monday").italic = True
    p.add_run(". Read ")
    add_link(p, "https://example.org/bridge", "the notice")
    p.add_run(" or ")
    add_link(p, "javascript:alert(1)", "this")
    p.add_run(" and ")
    add_link(p, "file:///etc/passwd", "that")
    p.add_run(".")
    d.add_heading("Details", 2)
    d.add_paragraph("first point", style="List Bullet")
    d.add_paragraph("second point", style="List Bullet")
    d.add_paragraph("one", style="List Number")
    d.add_paragraph("two", style="List Number")
    t = d.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "Actor", (0, 1): "Statement", (1, 0): "Мэр", (1, 1): "Мост откроют"}.items():
        t.cell(r, c).text = text
    line = d.add_paragraph("Line one")
    line.add_run().add_break(WD_BREAK.LINE)
    line.add_run("line two.")
    return saved(d)


def spans(article, style):
    return [article.text[s.start : s.end] for s in article.styles if s.style == style]


def test_headings_lists_tables_emphasis_and_links():
    a = parse_article(report_docx(), "brief.docx")
    assert a.text == (
        "Kyiv briefing 🇺🇦\n\n"
        "The mayor said the 𝕏 bridge reopens on Monday. Read the notice or this and that.\n\n"
        "Details\n\n"
        "• first point\n• second point\n\n"
        "1. one\n2. two\n\n"
        "Actor | Statement\nМэр | Мост откроют\n\n"
        "Line one\nline two."
    )
    assert spans(a, "h1") == ["Kyiv briefing 🇺🇦"] and spans(a, "h2") == ["Details"]
    assert spans(a, "strong") == ["mayor", "Actor", "Statement"]  # the header row is strong
    assert spans(a, "em") == ["Monday"]
    assert spans(a, "li") == ["first point", "second point", "one", "two"]
    links = [(a.text[s.start : s.end], s.href) for s in a.styles if s.style == "link"]
    assert links == [("the notice", "https://example.org/bridge")]  # javascript: and file: are no links
    assert a.title == "Kyiv briefing 🇺🇦" and a.content_type == "html"
    assert all(0 <= s.start < s.end <= len(a.text) for s in a.styles)


def test_the_title_from_the_core_properties():
    assert parse_article(report_docx(title="Bridge notice"), "b.docx").title == "Bridge notice"


def test_a_dateline_in_the_text_wins_over_the_file_dates():
    d = docx.Document()  # python-docx's template says it was created on 2013-12-23
    d.add_paragraph("KYIV, 14 March 2023 — The bridge reopened.")
    assert parse_article(saved(d), "k.docx").published == "2023-03-14"
    d = docx.Document()
    d.add_paragraph("date 2022-02-09")
    d.add_paragraph("Talks resume on Thursday.")
    a = parse_article(saved(d), "t.docx")
    assert (a.published, a.text) == ("2022-02-09", "Talks resume on Thursday.")
    undated = docx.Document()
    undated.add_paragraph("No dateline here.")
    import datetime as dt
    undated.core_properties.created = dt.datetime(2024, 5, 2, 9, 30)
    assert parse_article(saved(undated), "u.docx").published == "2024-05-02"


def test_the_template_creation_date_is_not_the_published_date():
    d = docx.Document()
    d.add_paragraph("An article body without a date line, about events 🇺🇦.")
    assert d.core_properties.created.isoformat() == "2013-12-23T23:15:00+00:00"  # the template's
    assert parse_article(saved(d), "tpl.docx").published is None
    d.core_properties.author, d.core_properties.last_modified_by = "Olena", "Olena"
    assert parse_article(saved(d), "tpl2.docx").published is None  # the stamp, whoever edited it


def para(inner: str) -> str:
    return f"<w:p>{inner}</w:p>"


def run(text: str, tag: str = "w:t") -> str:
    return f'<w:r><{tag} xml:space="preserve">{text}</{tag}></w:r>'


def test_tracked_changes_and_comments_stay_out_of_the_text():
    body = para(
        run("The minister ")
        + '<w:del w:id="1" w:author="Ed" w:date="2024-01-01T00:00:00Z">'
        + run("never ", "w:delText") + "</w:del>"
        + '<w:ins w:id="2" w:author="Ed" w:date="2024-01-01T00:00:00Z">' + run("firmly ") + "</w:ins>"
        + '<w:commentRangeStart w:id="0"/>' + run("said so")
        + '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>'
        + '<w:moveFrom w:id="3" w:author="Ed">' + run(" (moved away)") + "</w:moveFrom>"
        + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run(".")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    comments = ('<?xml version="1.0" encoding="UTF-8"?><w:comments xmlns:w="http://schemas.openxmlformats.org/'
                'wordprocessingml/2006/main"><w:comment w:id="0" w:author="Ed"><w:p><w:r><w:t>SECRET NOTE'
                "</w:t></w:r></w:p></w:comment></w:comments>")
    data = docx_xml(body)
    with zipfile.ZipFile(io.BytesIO(data), "a") as z:
        z.writestr("word/comments.xml", comments)
    a = parse_article(data, "changes.docx")
    assert a.text == "The minister firmly said so."


def test_hidden_text_and_compatibility_fallbacks_are_not_doubled():
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    body = para(run("Shown ") + '<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden </w:t></w:r>'
                + f'<mc:AlternateContent xmlns:mc="{mc}"><mc:Choice Requires="w14">{run("once")}</mc:Choice>'
                + f"<mc:Fallback>{run('once')}</mc:Fallback></mc:AlternateContent>")
    assert parse_article(docx_xml(body), "mc.docx").text == "Shown once"


def table(*rows: str) -> str:
    return "<w:tbl>" + "".join(rows) + "</w:tbl>"


def test_rows_and_cells_deleted_with_tracked_changes_stay_out():
    deleted = '<w:del w:id="1" w:author="Ed" w:date="2024-01-01T00:00:00Z"/>'
    body = para(run("Body 🇺🇦.")) + table(
        f"<w:tr><w:tc>{para(run('Мэр'))}</w:tc><w:tc><w:tcPr><w:cellDel w:id=\"2\"/></w:tcPr>"
        f"{para(run('DELETED CELL'))}</w:tc></w:tr>",
        f"<w:tr><w:trPr>{deleted}</w:trPr><w:tc>{para(run('DELETED ROW'))}</w:tc></w:tr>",
        f"<w:tr><w:tc>{para(run('kept'))}<w:del w:id=\"3\">{para(run('DELETED BLOCK'))}</w:del></w:tc></w:tr>")
    assert parse_article(docx_xml(body), "delrow.docx").text == "Body 🇺🇦.\n\nМэр\nkept"


def test_text_boxes_are_left_out_in_the_body_and_in_cells_alike():
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    box = f"<w:txbxContent>{para(run('TEXT BOX'))}</w:txbxContent>"
    anchored = (f'<w:r><mc:AlternateContent xmlns:mc="{mc}"><mc:Choice Requires="wps"><w:drawing>{box}'
                f"</w:drawing></mc:Choice><mc:Fallback><w:pict>{box}</w:pict></mc:Fallback>"
                "</mc:AlternateContent></w:r>")
    body = para(run("Body 𝕏.") + anchored) + table(f"<w:tr><w:tc>{para(run('Cell') + anchored)}</w:tc></w:tr>")
    assert parse_article(docx_xml(body), "tb_cell.docx").text == "Body 𝕏.\n\nCell"


def test_bold_switched_off_and_tabs():
    body = para('<w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>plain</w:t></w:r>'
                '<w:r><w:tab/><w:rPr><w:b/></w:rPr><w:t>bold</w:t></w:r>')
    a = parse_article(docx_xml(body), "b.docx")
    assert a.text == "plain bold" and spans(a, "strong") == ["bold"]


HOSTILE = {
    "not a zip": b"Just some text that was renamed to .docx\n",
    "a zip without a document": zipped({"hello.txt": "hi"}),
    "garbage XML": docx_xml("<w:p><w:r><w:t>unclosed"),
    "empty": b"",
    "truncated": report_docx()[:3000],
    "deep nesting": docx_xml("<w:sdt><w:sdtContent>" * 1000 + "</w:sdtContent></w:sdt>" * 1000),
    "a spreadsheet": zipped({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"}),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_packages_are_refused_in_one_line(name):
    with pytest.raises(ImportRefused) as e:
        parse_article(HOSTILE[name], "bad.docx")
    assert str(e.value).startswith("bad.docx: refused: ") and "\n" not in str(e.value)


def test_a_zip_bomb_is_refused_before_it_inflates():
    bomb = zipped({"[Content_Types].xml": "x", "word/document.xml": b" " * (40 * 2**20)})
    assert len(bomb) < 200_000
    with pytest.raises(ImportRefused, match="zip bomb"):
        parse_article(bomb, "bomb.docx")


def test_entities_are_never_expanded_nor_fetched(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    xxe = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    a = parse_article(docx_xml(para(run("Before &xxe; after")), prolog=xxe), "xxe.docx")
    assert a.text == "Before after"
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    bomb = f'<!DOCTYPE w:document [<!ENTITY l0 "lol">{laughs}]>'
    try:
        a = parse_article(docx_xml(para(run("Before &l9; after")), prolog=bomb), "laughs.docx")
    except ImportRefused as e:  # libxml2 may refuse the amplification outright
        assert str(e).startswith("laughs.docx: refused: ")
    else:
        assert "lol" not in a.text


def test_a_txt_named_docx_on_disk_is_refused(tmp_path):
    fake = tmp_path / "notes.docx"
    fake.write_text("These are notes.", encoding="utf-8")
    with pytest.raises(ImportRefused, match=r"notes\.docx: refused: not a DOCX \(not a zip archive\)"):
        read_article(fake)


def test_import_paths_stores_what_the_reader_shows(db, tmp_path):
    (tmp_path / "brief.docx").write_bytes(report_docx())
    (tmp_path / "fake.docx").write_bytes(b"plain text")
    report = import_paths(db, [tmp_path])
    assert len(report.created) == 1 and len(report.refused) == 1 and "fake.docx" in report.refused[0]
    stored = get_article(db, report.created[0].article_id)
    assert stored.text == parse_article(report_docx(), "brief.docx").text
    link = next(s for s in stored.styles if s.style == "link")
    assert stored.text[link.start : link.end] == "the notice"


PIECE = st.sampled_from(["abc", "XYZ.", "é", "e\u0301", "Ж", "𝕏", "🇺🇦", "👨\u200d👩\u200d👧", "a\u00a0b",
                         "שלום", "𠀀", "&lt;", "<b>"])
TEXT = st.lists(st.lists(PIECE, min_size=1, max_size=3).map("".join), min_size=1, max_size=6).map(" ".join)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(TEXT, st.booleans()), min_size=1, max_size=6))
def test_runs_round_trip_with_styles_in_range(paragraphs):
    """Paragraphs of hard Unicode come back one per paragraph, as written; a bold run's span
    covers exactly its text."""
    d = docx.Document()
    for text, bold in paragraphs:
        p = d.add_paragraph("» ")
        p.add_run(text).bold = bold
    a = parse_article(saved(d), "h.docx")
    assert a.text == "\n\n".join("» " + text for text, _ in paragraphs)
    strong = [a.text[s.start : s.end] for s in a.styles if s.style == "strong"]
    assert strong == [text for text, bold in paragraphs if bold]
