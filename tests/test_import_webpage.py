"""Saved web pages: trafilatura's main text, the page's metadata, the plain importer as the
fallback, and the hostile pages (huge, deeply nested, scripts and frames)."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest
from lxml import html as lxml_html

from reader_app.domain.models import LINK_SCHEMES, STYLE_NAMES, ImportedArticle
from reader_app.formats import importers, webpage
from reader_app.formats.importers import parse_article, read_article
from reader_app.formats.rendered import render_html, sanitize_html

PAGES = Path(__file__).parent / "data" / "webpages"
NAMES = sorted(p.name for p in PAGES.glob("*.html"))


def norm(s: str) -> str:
    return " ".join(s.split())


def truth(path: Path) -> tuple[list[str], list[str]]:
    """(article paragraphs, boilerplate text pieces) as the page marks them (data-measure)."""
    tree = lxml_html.fromstring(path.read_bytes())
    boiler = [norm(t) for el in tree.xpath('//*[@data-measure="boilerplate"]')
              for t in el.xpath(".//text()") if len(norm(t)) > 2]
    paras = [norm(el.text_content()) for body in tree.xpath('//*[@data-measure="body"]')
             for el in body.xpath(".//p|.//li|.//h2|.//td|.//th")
             if not el.xpath('ancestor-or-self::*[@data-measure="boilerplate"]')]
    return [p for p in paras if p], boiler


def assert_offsets(a: ImportedArticle) -> None:
    for s in a.styles:
        assert 0 <= s.start < s.end <= len(a.text), s
        assert s.style in STYLE_NAMES
        assert s.href is None or s.href.split(":", 1)[0] in LINK_SCHEMES


def plain_import(data: bytes, name: str, monkeypatch: pytest.MonkeyPatch) -> ImportedArticle:
    with monkeypatch.context() as m:
        m.setattr(importers, "main_text", lambda *a, **k: None)
        return parse_article(data, name)


@pytest.mark.parametrize("name", NAMES)
def test_every_article_paragraph_and_almost_no_boilerplate(name: str, monkeypatch) -> None:
    paras, boiler = truth(PAGES / name)
    a = read_article(PAGES / name)
    out = norm(a.text)
    assert [p for p in paras if p not in out] == []
    kept = [b for b in boiler if b in out]
    plain_kept = [b for b in boiler if b in norm(plain_import((PAGES / name).read_bytes(), name,
                                                              monkeypatch).text)]
    # at most a kicker ("Briefing paper · Housing programme") or an inline "Lire aussi: ..."
    assert sum(len(b.split()) for b in kept) <= 12, kept
    assert len(kept) <= len(plain_kept)
    for junk in ("cookie", "Cookie", "Advertisement", "Copyright", "Subscribe", "Comments"):
        assert junk not in a.text, junk
    assert a.content_type == "html" and a.warnings == ()
    assert_offsets(a)


@pytest.mark.parametrize(
    ("name", "title", "source", "published", "language"),
    [
        ("ledger-ferry-strike.html", "Ferry crews walk out as wage talks collapse",
         "The Northern Ledger — Ingrid Halvorsen (ledger-ferry-strike.html)", "2023-10-18", "en"),
        ("harbour-wire-grain-exports.html",
         "Grain exports resume from southern port after three-week halt",
         "Harbour Daily Wire — Daniel Okafor (harbour-wire-grain-exports.html)", "2024-02-07", "en"),
        ("fieldnotes-river-survey.html", "What the river survey found this spring",
         "Field Notes from the Delta — Ruth Ambrose (fieldnotes-river-survey.html)", "2024-05-21", "en"),
        ("civic-institute-housing-brief.html", "Briefing: who is waiting for social housing?",
         "Institute for Civic Analysis — Leila Haddad; Marcus Webb (civic-institute-housing-brief.html)",
         "2024-09-03", "en"),
        ("gazette-du-port-budget.html", "Le conseil régional adopte un budget de crise pour les ports",
         "La Gazette du Port — Élodie Marchand (gazette-du-port-budget.html)", "2024-11-28", "fr"),
    ],
)
def test_metadata_from_json_ld_opengraph_and_meta(name, title, source, published, language) -> None:
    a = read_article(PAGES / name)
    assert (a.title, a.source, a.published, a.language) == (title, source, published, language)


def test_structure_survives_as_display_styles() -> None:
    a = read_article(PAGES / "civic-institute-housing-brief.html")
    spans = {(s.style, a.text[s.start : s.end]) for s in a.styles}
    assert ("h2", "Key findings") in spans
    assert ("li", "The median wait for a family home rose from 14 months to 26 months.") in spans
    assert "\n2. The median wait for a family home" in a.text  # an <ol> stays numbered
    assert "Region | 2019 | 2024 | Change\nCoastal north | 18,400 | 27,900 | +52%\n" in a.text
    assert ("strong", "Region") in spans and ("strong", "Change") in spans


ARTICLE = "".join(
    f"<p>Paragraph {i}: the harbour authority said on Tuesday that the ferry talks would "
    f"resume next week, after the union asked for a mediator to join them.</p>" for i in range(6))


def page(body: str, head: str = "") -> str:
    return (f"<!DOCTYPE html><html lang='en'><head><title>Quay talks</title>{head}</head><body>"
            f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<article><h1>Quay talks</h1>{body}</article><footer>About us</footer></body></html>")


def test_nothing_from_the_page_is_markup_scripts_and_frames_are_gone() -> None:
    hostile = (
        "<script>document.write('<p>INJECTED</p>')</script>"
        "<iframe srcdoc='<p>FRAMED</p>' src='https://evil.example/'></iframe>"
        "<p onclick='steal()'>Escaped &lt;b&gt;not bold&lt;/b&gt; &amp; &lt;img src=x&gt; "
        "text, with a <a href='javascript:alert(1)'>bad link</a>, a "
        "<a href='file:///etc/passwd'>file link</a> and a <a href='https://ok.example/'>good one</a>.</p>"
        "<img src='file:///dev/zero'><object data='x.swf'>OBJECT</object><style>p{}</style>"
    )
    a = parse_article(page(ARTICLE + hostile).encode(), "q.html")
    assert "Paragraph 5" in a.text
    for bad in ("INJECTED", "FRAMED", "OBJECT", "steal", "passwd", "document.write", "p{}"):
        assert bad not in a.text
    assert "Escaped <b>not bold</b> & <img src=x> text" in a.text  # shown as text, not styled
    assert not [s for s in a.styles if s.style == "strong"]
    assert [s.href for s in a.styles if s.style == "link"] == ["https://ok.example/"]
    assert_offsets(a)


def test_a_fragment_that_is_all_article_goes_to_the_plain_importer() -> None:
    a = parse_article(b"<p>The port reopened, <b>officials</b> said.</p>", "frag.html")
    assert a.text == "The port reopened, officials said." and a.source == "frag.html"


def test_when_trafilatura_fails_the_plain_importer_reads_the_page(monkeypatch) -> None:
    def broken(page: str) -> None:
        raise RuntimeError("parser bug")

    monkeypatch.setattr(webpage, "extract_main", broken)
    a = parse_article(page(ARTICLE).encode(), "q.html")
    assert a.text.startswith("Quay talks\n\nParagraph 0") and "Home" not in a.text  # <article>


def test_a_page_too_large_for_trafilatura_is_imported_whole_with_a_warning(monkeypatch) -> None:
    calls: list[int] = []
    real = webpage.extract_main
    monkeypatch.setattr(webpage, "extract_main", lambda p: calls.append(len(p)) or real(p))
    big = page(ARTICLE * (webpage.MAX_EXTRACT_CHARS // len(ARTICLE) + 2))
    start = time.perf_counter()
    a = parse_article(big.encode(), "big.html")
    assert time.perf_counter() - start < 10
    assert any("page too large to find its article" in w for w in a.warnings)
    assert a.text.count("Paragraph 5") > 1000
    # scripts and inline images do not count: the same article with 3 MB of them is found
    heavy = page(ARTICLE, "<script>" + "var x = 1;\n" * 300_000 + "</script>"
                 "<img src='data:image/png;base64," + "A" * 1_000_000 + "'>")
    b = parse_article(heavy.encode(), "heavy.html")
    assert b.warnings == () and "var x" not in b.text and "Home" not in b.text


def test_deep_nesting_is_bounded_before_trafilatura_sees_the_page() -> None:
    deep = page("<div>" * 100_000 + ARTICLE + "</div>" * 100_000)
    start = time.perf_counter()
    a = parse_article(deep.encode(), "deep.html")
    assert time.perf_counter() - start < 20
    assert "Paragraph 0" in a.text and "Paragraph 5" in a.text
    assert_offsets(a)
    unclosed = page("<div><span>" * 50_000 + ARTICLE)
    b = parse_article(unclosed.encode(), "unclosed.html")
    assert "Paragraph 5" in b.text


def test_without_heavy_parts_is_one_forward_scan() -> None:
    assert webpage.without_heavy_parts("a<script>x</script>b<STYLE>y</style >c<svg><p>z</svg>d") == "abcd"
    assert webpage.without_heavy_parts("a<script>never closed") == "a"
    ld = '<script type="application/ld+json">{"@type": "NewsArticle"}</script>'
    assert webpage.without_heavy_parts(f"a<script>x</script>{ld}b") == f"a{ld}b"  # metadata kept
    assert webpage.without_heavy_parts("<img src=\"data:image/png;base64,AAAA\">") == '<img src="">'
    start = time.perf_counter()
    webpage.without_heavy_parts("<script>" * 200_000)
    assert time.perf_counter() - start < 2


def test_the_rendered_text_is_what_the_sanitised_html_renders() -> None:
    main = webpage.extract_main((PAGES / "ledger-ferry-strike.html").read_text("utf-8"))
    assert main is not None
    a = read_article(PAGES / "ledger-ferry-strike.html")
    assert (a.text, a.styles) == render_html(sanitize_html(main.html))


def test_page_source_names_site_and_author_and_keeps_the_file() -> None:
    assert webpage.page_source("p.html", "", "") == "p.html"
    assert webpage.page_source("p.html", "Site", "") == "Site (p.html)"
    assert webpage.page_source("p.html", "", "Ann") == "Ann (p.html)"


def test_a_saved_page_and_an_eml_through_the_window(qtbot, window, db_path, tmp_path, monkeypatch) -> None:
    from email import policy
    from email.message import EmailMessage

    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda *a, **k: None))
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "ledger.html").write_bytes((PAGES / "ledger-ferry-strike.html").read_bytes())
    m = EmailMessage()
    m["From"] = "Press Office <press@port.example>"
    m["Subject"] = "=?utf-8?q?Port_reopens_=F0=9F=87=BA=F0=9F=87=A6?="
    m["Date"] = "Mon, 13 Mar 2023 18:00:00 +0000"
    m.set_content("<p>The <b>authority</b> said &lt;b&gt;no&lt;/b&gt; <script>x()</script>to "
                  "<a href='https://port.example/'>tugs</a>.</p>", subtype="html")
    m.add_attachment(b"%PDF-1.4", maintype="application", subtype="pdf", filename="plan.pdf")
    (folder / "tip.eml").write_bytes(m.as_bytes(policy=policy.SMTP))
    with qtbot.waitSignal(window.imports.import_finished, timeout=30_000) as finished:
        window.import_files([str(folder / "ledger.html"), str(folder / "tip.eml")])
    report = finished.args[0]
    assert len(report.created) == 2 and not report.refused
    shown = {}
    for result in report.created:
        article = window.controller.open_article(result.article_id)
        qtbot.waitUntil(lambda a=article: window.view.document().toRawText()
                        .replace("\u2029", "\n") == a.text, timeout=10_000)
        shown[article.title] = (article, window.view.document().toRawText().replace("\u2029", "\n"))
        assert window.view.warning is None
    page, page_view = shown["Ferry crews walk out as wage talks collapse"]
    assert page.source == "The Northern Ledger — Ingrid Halvorsen (ledger.html)"
    assert "cookies" not in page_view and "Comments (3)" not in page_view
    assert "Mara Olsen, who leads the seafarers' branch" in page_view
    mail, mail_view = shown["Port reopens 🇺🇦"]
    assert mail_view == "The authority said <b>no</b> to tugs."  # markup shown as text
    assert mail.published == "2023-03-13"
    conn = sqlite3.connect(db_path)
    try:
        memo = conn.execute("SELECT memo FROM articles WHERE id = ?", (mail.id,)).fetchone()[0]
    finally:
        conn.close()
    assert memo.endswith("Attachments (not imported):\n- plan.pdf (application/pdf, 8 bytes)")


def mhtml(page_html: str) -> bytes:
    """A page as a browser's "Save as MHTML" writes it: quoted-printable HTML, then its images."""
    import quopri

    body = quopri.encodestring(page_html.encode("utf-8")).replace(b"\n", b"\r\n")
    return (
        b"From: <Saved by Blink>\r\nSnapshot-Content-Location: https://ledger.example/ferry\r\n"
        b"Subject: Ferry crews walk out\r\nDate: Wed, 18 Oct 2023 07:00:00 -0000\r\n"
        b"MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n"
        b"\tboundary=\"----MultipartBoundary--x1y2z3----\"\r\n\r\n"
        b"------MultipartBoundary--x1y2z3----\r\nContent-Type: text/html\r\n"
        b"Content-ID: <frame-1@mhtml.blink>\r\nContent-Transfer-Encoding: quoted-printable\r\n"
        b"Content-Location: https://ledger.example/ferry\r\n\r\n" + body + b"\r\n"
        b"------MultipartBoundary--x1y2z3----\r\nContent-Type: image/png\r\n"
        b"Content-Transfer-Encoding: base64\r\nContent-Location: https://ledger.example/logo.png\r\n\r\n"
        b"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==\r\n"
        b"------MultipartBoundary--x1y2z3------\r\n"
    )


def test_a_saved_mhtml_page_is_read_like_the_html_page() -> None:
    source = (PAGES / "ledger-ferry-strike.html").read_text("utf-8")
    a = parse_article(mhtml(source), "ledger.mhtml")
    b = read_article(PAGES / "ledger-ferry-strike.html")
    assert (a.text, a.styles, a.title, a.published) == (b.text, b.styles, b.title, b.published)
    assert a.source == "The Northern Ledger — Ingrid Halvorsen (ledger.mhtml)"
    with pytest.raises(importers.ImportRefused, match="no HTML page"):
        parse_article(b"MIME-Version: 1.0\r\nContent-Type: image/png\r\n\r\n\x89PNG", "x.mht")


def _dated_page(head: str = "", article_extra: str = "") -> bytes:
    para = "<p>" + "The council met on Tuesday to debate the new budget, which critics call unfair 🇺🇦. " * 3
    return (f"<html><head><title>Story</title>{head}</head><body><nav><a href=/>Home</a></nav>"
            f"<article><h1>Council budget</h1>{(para + '</p>') * 3}{article_extra}</article>"
            "<aside><h3>Related</h3><ul><li><a href='/2015/03/03/old-story'>Old story</a> "
            "<time datetime='2015-03-03'>March 3, 2015</time></li></ul></aside>"
            "<footer>© 2019 Example News. Updated 2019-04-01</footer></body></html>").encode()


def test_a_sidebar_time_or_a_footer_update_is_never_the_pages_date() -> None:
    assert parse_article(_dated_page(), "undated.html").published is None
    ld = '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-05-06"}</script>'
    assert parse_article(_dated_page(ld), "ld.html").published == "2024-05-06"
    og = '<meta property="og:published_time" content="2024-05-07T09:00:00Z">'
    assert parse_article(_dated_page(og), "og.html").published == "2024-05-07"
    shown = "<p>Filed <time datetime='2024-05-08'>8 May 2024</time> from the town hall.</p>"
    assert parse_article(_dated_page(article_extra=shown), "shown.html").published == "2024-05-08"
