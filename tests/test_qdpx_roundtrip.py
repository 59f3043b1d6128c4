"""Bundle -> .qdpx -> Bundle gives the same Bundle (apart from origin, which names the file
read), over hard Unicode; and every selection, read by plain zip + XML, is text[start:end] in
code points of the source file."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from qdpx_helpers import SCHEMA, Q, make_tag, members, qdpx_bytes

from reader_app.domain.interchange import Bundle, BundleActor, BundleArticle
from reader_app.domain.models import StyleSpan
from reader_app.domain.offsets import text_sha256
from reader_app.formats.qdpx_read import read_qdpx

HARD = ["🇺🇦", "𝕏", "👨‍👩‍👧", "e\u0301", "שלום", "مرحبا", "Привет", "\u00a0", "\t", "\n", "𠀀",
        "\u200f", "a", " ", "Z", "\ufeff", "\u2029", "<&>", '"']
CR = ["\r\n", "\r"]


def _texts(extra: list[str]) -> st.SearchStrategy[str]:
    piece = st.one_of(st.sampled_from(HARD + extra), st.text(min_size=1, max_size=3))
    return st.lists(piece, min_size=1, max_size=25).map("".join)


_free = st.one_of(st.none(), st.text(max_size=12), st.sampled_from(["", " x", '"q', "a\nb"]))
_uuid = st.one_of(st.uuids().map(str), st.uuids().map(lambda u: str(u).upper()),
                  st.text(min_size=1, max_size=8))
_stamp = st.one_of(st.none(), st.sampled_from(["2026-12-03T06:13:57.123+00:00",
                                                "2026-12-03T06:13:57Z", "yesterday"]))


@st.composite
def bundles(draw, with_cr: bool = True) -> Bundle:
    actors = tuple(BundleActor(uuid=draw(_uuid), name=draw(st.sampled_from(
        ["Putin", "putin", "Claim", "Малярка 🇺🇦", "", "A\nB"])),
        type=draw(st.sampled_from(["person", "state", "other"])), note=draw(_free),
        aliases=tuple(draw(st.lists(st.text(max_size=5), max_size=2))))
        for _ in range(draw(st.integers(0, 3))))
    articles = []
    for _ in range(draw(st.integers(1, 2))):
        text = draw(_texts(CR if with_cr else []))
        text = text if with_cr else text.replace("\r", "x")
        tags = []
        for _ in range(draw(st.integers(0, 5))):
            start = draw(st.integers(0, len(text) - 1))
            end = draw(st.integers(start + 1, len(text)))
            kind = draw(st.sampled_from(["claim", "actor", "date"]))
            actor = draw(st.sampled_from([None] + [a.uuid for a in actors])) if kind != "date" else None
            tags.append(make_tag(
                text, draw(_uuid), kind, start, end, value=draw(_free), note=draw(_free),
                analyst=draw(st.sampled_from([None, "anna", "boris", "ü\x01"])),
                created_at=draw(_stamp), updated_at=draw(_stamp),
                actor_uuid=actor if kind == "actor" else None,
                claimant_uuid=actor if kind == "claim" else None,
                status=draw(st.sampled_from([None, "disputed"])),
                reliability=draw(st.sampled_from([None, "A", "F"])),
                credibility=draw(st.sampled_from([None, 1, 6])),
                claim_date=draw(st.sampled_from([None, "2022-W07"])),
                granularity=draw(st.sampled_from([None, "week"])),
                date_method=draw(st.sampled_from([None, "analyst"]))))
        styles = (StyleSpan(0, len(text), "p"), StyleSpan(0, 1, "link", "https://x.org")) \
            if draw(st.booleans()) else ()
        articles.append(BundleArticle(
            uuid=draw(_uuid), title=draw(st.text(max_size=10)), text=text,
            sha256=text_sha256(text), source=draw(st.sampled_from(["", "wire.txt"])),
            published=draw(st.sampled_from([None, "2022-02-09"])),
            language=draw(st.sampled_from([None, "uk"])), memo=draw(st.text(max_size=10)),
            content_type="html" if styles else "text", styles=styles, tags=tuple(tags)))
    return Bundle(articles=tuple(articles), actors=actors)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(bundle=bundles())
def test_round_trip_is_exact(tmp_path, bundle):
    data = qdpx_bytes(bundle)
    SCHEMA.validate(io.BytesIO(members(data)["project.qde"]))
    path = tmp_path / "round.qdpx"
    path.write_bytes(data)
    back = read_qdpx(path)
    assert back.report == ()
    assert replace(back, origin="") == bundle
    assert back.origin == "round.qdpx"


@settings(max_examples=100)
@given(bundle=bundles(with_cr=False))
def test_each_selection_is_its_quote_in_code_points_of_the_source_file(bundle):
    files = members(qdpx_bytes(bundle))
    root = ET.fromstring(files["project.qde"])
    for article, source in zip(bundle.articles, root.iter(f"{Q}TextSource")):
        raw = files["sources/" + source.get("plainTextPath").removeprefix("internal://")]
        text = raw.decode("utf-8")  # strict: no BOM added, nothing else
        assert text == article.text
        sels = source.findall(f"{Q}PlainTextSelection")
        assert [text[int(s.get("startPosition")):int(s.get("endPosition"))] for s in sels] \
            == [t.quote for t in article.tags]


def test_a_tag_on_the_second_half_of_a_crlf_round_trips(tmp_path):
    text = "ab\r\ncd"
    tags = (make_tag(text, "5f0e7a52-6a43-4b7e-9a55-0a1b2c3d4e01", "claim", 3, 5),  # "\nc"
            make_tag(text, "5f0e7a52-6a43-4b7e-9a55-0a1b2c3d4e02", "claim", 2, 3))  # "\r"
    article = BundleArticle(uuid="9d7c1e44-1111-4222-8333-444455556666", title="t", text=text,
                            sha256=text_sha256(text), tags=tags)
    bundle = Bundle(articles=(article,))
    path = tmp_path / "crlf.qdpx"
    path.write_bytes(qdpx_bytes(bundle))
    assert replace(read_qdpx(path), origin="") == bundle
