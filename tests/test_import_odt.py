"""ODT import: the ODF XML read directly: headings, lists, tables, strong/em, safe links;
tracked changes and comments kept out; hostile packages refused in one line."""

from __future__ import annotations

import pytest
from docx_maker import odt, zipped

from reader_app.formats.importers import ImportRefused, parse_article, read_article
from reader_app.services.importing import import_paths
from reader_app.storage.articles import get_article

STYLES = (
    '<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/>'
    "</style:style>"
    '<style:style style:name="T2" style:family="text"><style:text-properties fo:font-style="italic"/>'
    "</style:style>"
)
BODY = (
    '<text:h text:outline-level="1">Odesa port 🇺🇦</text:h>'
    '<text:p>The <text:span text:style-name="T1">harbour master</text:span> said the 𝕏 port'
    ' reopens on <text:span text:style-name="T2">Monday</text:span>.<text:s text:c="3"/>See'
    ' <text:a xlink:href="https://example.org/port">the notice</text:a> and'
    ' <text:a xlink:href="javascript:alert(1)">this</text:a>.</text:p>'
    '<text:h text:outline-level="2">Details</text:h>'
    '<text:list text:style-name="L1"><text:list-item><text:p>first point</text:p></text:list-item>'
    "<text:list-item><text:p>second point</text:p></text:list-item></text:list>"
    "<table:table><table:table-row><table:table-cell><text:p>Actor</text:p></table:table-cell>"
    "<table:table-cell><text:p>Statement</text:p></table:table-cell></table:table-row>"
    "<table:table-row><table:table-cell><text:p>Мэр</text:p></table:table-cell>"
    "<table:table-cell><text:p>Порт откроют</text:p></table:table-cell></table:table-row></table:table>"
    "<text:p>Line one<text:line-break/>line two.</text:p>"
)


def spans(article, style):
    return [article.text[s.start : s.end] for s in article.styles if s.style == style]


def test_headings_lists_tables_emphasis_and_links():
    a = parse_article(odt(BODY, automatic_styles=STYLES), "port.odt")
    assert a.text == (
        "Odesa port 🇺🇦\n\n"
        "The harbour master said the 𝕏 port reopens on Monday. See the notice and this.\n\n"
        "Details\n\n"
        "• first point\n• second point\n\n"
        "Actor | Statement\nМэр | Порт откроют\n\n"
        "Line one\nline two."
    )
    assert spans(a, "h1") == ["Odesa port 🇺🇦"] and spans(a, "h2") == ["Details"]
    assert spans(a, "strong") == ["harbour master", "Actor", "Statement"]
    assert spans(a, "em") == ["Monday"]
    assert [(a.text[s.start : s.end], s.href) for s in a.styles if s.style == "link"] == [
        ("the notice", "https://example.org/port")]
    assert a.title == "Odesa port 🇺🇦" and a.content_type == "html"


def test_numbered_lists_by_their_list_style():
    styles = ('<text:list-style style:name="L2"><text:list-level-style-number text:level="1"'
              ' style:num-format="1"/></text:list-style>'
              '<text:list-style style:name="L3"><text:list-level-style-bullet text:level="1"'
              ' text:bullet-char="•"/></text:list-style>')
    items = "<text:list-item><text:p>one</text:p></text:list-item><text:list-item><text:p>two</text:p></text:list-item>"
    body = f'<text:list text:style-name="L2">{items}</text:list><text:list text:style-name="L3">{items}</text:list>'
    a = parse_article(odt(body, automatic_styles=styles), "l.odt")
    assert a.text == "1. one\n2. two\n\n• one\n• two"


def test_title_and_date_from_meta_and_the_dateline_first():
    meta = "<dc:title>Port notice</dc:title><meta:creation-date>2024-05-02T09:00:00</meta:creation-date>"
    a = parse_article(odt("<text:p>Port reopens.</text:p>", meta=meta), "m.odt")
    assert (a.title, a.published) == ("Port notice", "2024-05-02")
    dated = parse_article(odt("<text:p>ODESA, 14 March 2023 — Port reopens.</text:p>", meta=meta), "d.odt")
    assert dated.published == "2023-03-14"


def test_tracked_changes_comments_and_notes_stay_out():
    body = (
        "<text:tracked-changes><text:changed-region text:id=\"c1\"><text:deletion>"
        "<office:change-info><dc:creator>Ed</dc:creator></office:change-info>"
        "<text:p>never </text:p></text:deletion></text:changed-region>"
        "<text:changed-region text:id=\"c2\"><text:insertion><office:change-info>"
        "<dc:creator>Ed</dc:creator></office:change-info></text:insertion></text:changed-region>"
        "</text:tracked-changes>"
        '<text:p>The minister <text:change text:change-id="c1"/><text:change-start text:change-id="c2"/>'
        'firmly <text:change-end text:change-id="c2"/>said so'
        "<office:annotation><dc:creator>Ed</dc:creator><text:p>SECRET NOTE</text:p></office:annotation>"
        '<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>'
        "<text:note-body><text:p>A footnote.</text:p></text:note-body></text:note>.</text:p>"
    )
    assert parse_article(odt(body), "c.odt").text == "The minister firmly said so."



def test_comments_notes_and_nested_tables_in_cells_stay_out_or_appear_once():
    def table(rows: str) -> str:
        return f"<table:table>{rows}</table:table>"

    def row(*cells: str) -> str:
        return "<table:table-row>" + "".join(
            f"<table:table-cell>{c}</table:table-cell>" for c in cells) + "</table:table-row>"

    cell = (
        "<text:p>Мэр 🇺🇦<office:annotation><dc:creator>Ed</dc:creator><text:p>SECRET NOTE</text:p>"
        '</office:annotation><text:note text:note-class="footnote"><text:note-citation>1'
        "</text:note-citation><text:note-body><text:p>FOOTNOTE</text:p></text:note-body></text:note></text:p>"
        + table(row("<text:p>inner</text:p>"))
    )
    body = ("<text:p>Body.</text:p>"
            + table("<table:table-header-rows>" + row("<text:p>Actor</text:p>") + "</table:table-header-rows>"
                    + row(cell)))
    a = parse_article(odt(body), "cells.odt")
    assert a.text == "Body.\n\nActor\nМэр 🇺🇦 inner"
    assert spans(a, "strong") == ["Actor"]


HOSTILE = {
    "not a zip": b"plain text renamed to .odt",
    "no content": zipped({"mimetype": "application/vnd.oasis.opendocument.text"}),
    "a spreadsheet": odt("<text:p>x</text:p>", mimetype="application/vnd.oasis.opendocument.spreadsheet"),
    "broken XML": zipped({"content.xml": "<office:document-content><unclosed"}),
    "deep nesting": odt("<text:span>" * 1000 + "deep" + "</text:span>" * 1000),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_packages_are_refused_in_one_line(name):
    with pytest.raises(ImportRefused) as e:
        parse_article(HOSTILE[name], "bad.odt")
    assert str(e.value).startswith("bad.odt: refused: ") and "\n" not in str(e.value)


def test_entities_are_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    prolog = f'<!DOCTYPE office:document-content [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    a = parse_article(odt("<text:p>Before &xxe; after</text:p>", prolog=prolog), "x.odt")
    assert a.text == "Before after"


def test_a_zip_bomb_is_refused(tmp_path):
    path = tmp_path / "bomb.odt"
    path.write_bytes(zipped({"mimetype": "x", "content.xml": b"<a>" + b" " * (40 * 2**20) + b"</a>"}))
    with pytest.raises(ImportRefused, match="bomb.odt: refused: .*zip bomb"):
        read_article(path)


def test_import_paths_stores_what_the_reader_shows(db, tmp_path):
    (tmp_path / "port.odt").write_bytes(odt(BODY, automatic_styles=STYLES))
    report = import_paths(db, [tmp_path])
    stored = get_article(db, report.created[0].article_id)
    assert stored.text.startswith("Odesa port 🇺🇦\n\nThe harbour master")
    bold = next(s for s in stored.styles if s.style == "strong")
    assert stored.text[bold.start : bold.end] == "harbour master"
