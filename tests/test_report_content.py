"""The report's data and HTML (no Qt): claims per actor, chronology, articles, the selection,
and everything from the library escaped in one self-contained file."""

from __future__ import annotations

import base64
import html
import re
import struct
import zlib
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from report_library import (
    EVIL_ACTOR,
    EVIL_NOTE,
    EVIL_QUOTE,
    EVIL_TITLE,
    HOSTILE,
    build_library,
)

from reader_app.domain.report import ReportActor, ReportArticle, ReportClaim, ReportData
from reader_app.domain.search_query import SearchFilter
from reader_app.formats.report_html import report_html
from reader_app.services.report import date_key, report_data

OUR_TAGS = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "a",
            "table", "tr", "th", "td", "br", "span", "img"}
OUR_ATTRS = {"lang", "charset", "class", "href", "id", "name", "alt", "src", "width"}


class _Markup(HTMLParser):
    """The tags, attributes and text of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_data(self, data):
        self.text.append(data)


def markup(page: str) -> _Markup:
    parser = _Markup()
    parser.feed(page)
    parser.close()
    return parser


def assert_only_our_markup(page: str) -> _Markup:
    parsed = markup(page)
    for tag, attrs in parsed.tags:
        assert tag in OUR_TAGS, tag
        for name, value in attrs:
            assert name in OUR_ATTRS, (tag, name)
            if name in ("href", "src"):  # no URL but our anchors and our pictures
                assert re.fullmatch(r"#[a-z]+|data:image/png;base64,[A-Za-z0-9+/=]+",
                                    value or ""), value
            else:
                assert ":" not in (value or "") or tag == "img", (tag, name, value)
    # outside the text, no reference to anything: strip the text and look at the markup left
    bare = page
    for chunk in sorted(set(parsed.text), key=len, reverse=True):
        if chunk.strip():
            bare = bare.replace(html.escape(chunk, quote=True), "")
    for scheme in ("http://", "https://", "file:", "javascript:"):
        assert scheme not in bare, scheme
    return parsed


@pytest.fixture
def library(db, tmp_path):
    return db, build_library(db, tmp_path)


def test_claims_by_actor_with_date_status_grade_and_article(library):
    db, ids = library
    data = report_data(db)
    assert data.scope == "the whole library: 2 articles"
    assert [a.name for a in data.actors] == [EVIL_ACTOR, "Mara Olsen"]
    assert [a.type for a in data.actors] == ["organization", "person"]
    evil, olsen = data.actors
    (c,) = evil.claims
    assert (c.quote, c.claim_date, c.status, c.grade, c.note) == (
        EVIL_QUOTE, "2023-W11", "false", "E5", EVIL_NOTE)
    assert (c.article_title, c.article_published, c.article_source) == (EVIL_TITLE, None,
                                                                         "dam.txt")
    got = [(c.annotation_id, c.claim_date, c.status, c.grade, c.article_source)
           for c in olsen.claims]
    assert got == [(ids["hold"], "2023-03-14", "disputed", "B2", "dam.txt"),
                   (ids["strike"], None, "unverified", None, "dam.txt"),
                   (ids["sail"], "2023-03-01/2023-03-05", "corroborated", "A1", "ferry.md")]
    assert olsen.claims[2].quote == "the ferries “will not sail”"
    assert olsen.claims[2].article_published == "2023-03-10"


def test_chronology_by_claim_date_undated_left_out(library):
    db, ids = library
    data = report_data(db)
    # the interval starts 03-01, ISO week 11 of 2023 on Monday 03-13, then the day 03-14
    assert [c.annotation_id for c in data.chronology] == [ids["sail"], ids["evil_claim"],
                                                         ids["hold"]]
    assert data.undated == 1
    assert date_key("2023-W11") < date_key("2023-03-14") < date_key("2023-W12")
    assert date_key("2023") < date_key("2023-01-01/2023-01-05") < date_key("2023-02")


def test_articles_oldest_first_undated_last(library):
    db, ids = library
    assert report_data(db).articles == (
        ReportArticle(ids["ferry"], "Ferry talks stall", "2023-03-10", "ferry.md", 1),
        ReportArticle(ids["dam"], EVIL_TITLE, None, "dam.txt", 3))


def test_the_selection_by_search_facets_and_by_article(library):
    db, ids = library
    disputed = report_data(db, SearchFilter(statuses=("disputed",)))
    assert [c.annotation_id for a in disputed.actors for c in a.claims] == [ids["hold"]]
    assert [a.article_id for a in disputed.articles] == [ids["dam"]]
    assert "status: disputed" in disputed.scope
    by_olsen = report_data(db, SearchFilter(actor="mara olsen", actor_role="claimant"))
    assert [a.name for a in by_olsen.actors] == ["Mara Olsen"]
    graded = report_data(db, SearchFilter(grades=("A1",)))
    assert [c.annotation_id for a in graded.actors for c in a.claims] == [ids["sail"]]
    ferry = report_data(db, article_ids=[ids["ferry"]])
    assert [c.annotation_id for a in ferry.actors for c in a.claims] == [ids["sail"]]
    assert ferry.scope == "1 chosen article: 1 article"
    words = report_data(db, SearchFilter(text="ferries"))
    assert [a.article_id for a in words.articles] == [ids["ferry"]]
    nothing = report_data(db, SearchFilter(text="zzzunfound"))
    assert nothing.actors == () and nothing.articles == ()
    assert "No claims in the selection" in report_html(nothing, {})


def test_the_page_escapes_everything_from_the_library(library):
    db, _ = library
    page = report_html(report_data(db), {})
    for bad in HOSTILE:
        assert bad not in page, bad
    parsed = assert_only_our_markup(page)
    text = "".join(parsed.text)
    for shown in (EVIL_TITLE, EVIL_QUOTE, EVIL_NOTE, EVIL_ACTOR, "Ferry talks stall"):
        assert shown in text  # shown literally, as text
    # from the hostile Markdown article only its text came in: nothing of its markup
    assert "alert('x')" not in text and "photo" not in text and "example.org" not in text


def _png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body)))
    rows = b"".join(b"\x00" + b"\x80" * width * 3 for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2,
                                                              0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def test_pictures_are_data_uris_and_only_pngs(library):
    db, _ = library
    png = _png(3, 2)
    page = report_html(report_data(db), {"timeline": png, "network": b"<svg onload=x()>"})
    assert_only_our_markup(page)
    (src,) = re.findall(r'src="data:image/png;base64,([^"]+)"', page)
    assert base64.b64decode(src) == png
    assert "Timeline of the selection" in page and "Actor network" not in page
    assert "onload" not in page


text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=150, deadline=None)
@given(name=text, quote=text, note=text, title=text, source=text, kind=text)
def test_any_text_stays_text(name, quote, note, title, source, kind):
    claim = ReportClaim(1, quote, "2023-01-01", kind, "B2", note or None, name, 1, title,
                        None, source)
    data = ReportData(title, "now", (ReportActor(1, name, kind, (claim,)),), (claim,), 0,
                      (ReportArticle(1, title, None, source, 1),))
    page = report_html(data, {})
    parsed = assert_only_our_markup(page)
    shown = "".join(parsed.text)
    for value in (name, quote, title, source):
        assert value.replace("\r\n", "\n").replace("\r", "\n") in shown.replace("\r\n", "\n") \
            .replace("\r", "\n")
