"""write_qdpx: project.qde valid against REFI-QDA's Project.xsd, sources as plain UTF-8,
the Claim / Actor > actors / Date code tree, positions in code points."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import pytest
from qdpx_helpers import SCHEMA, Q, make_tag, members, qdpx_bytes

from reader_app.domain.interchange import Bundle, BundleActor, BundleArticle
from reader_app.domain.offsets import text_sha256

TEXT = "date 2022-02-09\nKyiv 🇺🇦 — Ganna Malyar said the 𝕏 drills begin on Thursday.\nשלום é\n"
MALYAR = BundleActor("0c8a0b50-2b8e-4a55-9d1e-1f3c6f1d2a01", "Ganna Malyar", "person",
                    note="Deputy minister", aliases=("Malyar",))
TWIN = BundleActor("0c8a0b50-2b8e-4a55-9d1e-1f3c6f1d2a02", "ganna malyar", "person")
CLASH = BundleActor("legacy-actor-7", "Date", "other")


def _bundle(text: str = TEXT) -> Bundle:
    s = text.index("Ganna")
    claim_start = text.index("the 𝕏")
    thu = text.index("Thursday")
    tags = (
        make_tag(text, "5f0e7a52-6a43-4b7e-9a55-0a1b2c3d4e01", "actor", s, s + 12,
                 actor_uuid=MALYAR.uuid, analyst="anna", created_at="2026-12-01T10:00:00.000+00:00"),
        make_tag(text, "5f0e7a52-6a43-4b7e-9a55-0a1b2c3d4e02", "claim", claim_start, thu + 8,
                 claimant_uuid=MALYAR.uuid, status="disputed", reliability="B", credibility=3,
                 claim_date="2022-02-10", note="Two lines\nof note", analyst="boris"),
        make_tag(text, "not a guid", "date", thu, thu + 8, value="2022-02-10",
                 granularity="day", date_method="weekday", analyst="anna"),
    )
    article = BundleArticle(uuid="9d7c1e44-1111-4222-8333-444455556666", title="Drills <b>begin</b>",
                            text=text, sha256=text_sha256(text), source="wire.txt",
                            published="2022-02-09", language="en", memo="Check the date.",
                            tags=tags)
    return Bundle(articles=(article,), actors=(MALYAR, TWIN, CLASH))


def _project(data: bytes) -> ET.Element:
    return ET.fromstring(members(data)["project.qde"])


def test_project_validates_against_the_schema_and_names_its_origin():
    data = qdpx_bytes(_bundle())
    qde = members(data)["project.qde"]
    SCHEMA.validate(io.BytesIO(qde))  # raises on the first violation
    root = ET.fromstring(qde)
    assert root.tag == f"{Q}Project"
    assert root.get("origin", "").startswith("Analyst Reader")


def test_an_empty_bundle_is_still_a_valid_project():
    SCHEMA.validate(io.BytesIO(members(qdpx_bytes(Bundle()))["project.qde"]))


def test_code_tree_has_claim_actor_date_with_one_unique_code_per_actor():
    root = _project(qdpx_bytes(_bundle()))
    top = root.findall(f"{Q}CodeBook/{Q}Codes/{Q}Code")
    assert [c.get("name") for c in top] == ["Claim", "Actor", "Date"]
    actors = [c.get("name") for c in top[1].findall(f"{Q}Code")]
    # "ganna malyar" and "Date" would clash (QualCoder keeps one code per name)
    assert actors == ["Ganna Malyar", "ganna malyar (2)", "Date (2)"]
    names = [c.get("name").casefold() for c in root.iter(f"{Q}Code")]
    assert len(names) == len(set(names))
    # the actor's own guid is its uuid; a uuid the schema refuses gets a derived GUID
    assert top[1].findall(f"{Q}Code")[0].get("guid") == MALYAR.uuid
    assert top[1].findall(f"{Q}Code")[2].get("guid") != CLASH.uuid


def test_users_come_from_the_analysts_and_code_each_coding():
    root = _project(qdpx_bytes(_bundle()))
    users = {u.get("guid"): u.get("name") for u in root.iter(f"{Q}User")}
    assert sorted(users.values()) == ["anna", "boris"]
    for sel in root.iter(f"{Q}PlainTextSelection"):
        coding = sel.find(f"{Q}Coding")
        assert users[coding.get("creatingUser")] in ("anna", "boris")


def test_source_file_is_utf8_without_bom_and_positions_are_code_points():
    bundle = _bundle()
    files = members(qdpx_bytes(bundle))
    root = ET.fromstring(files["project.qde"])
    source = root.find(f"{Q}Sources/{Q}TextSource")
    path = source.get("plainTextPath")
    assert path == f"internal://{source.get('guid')}.txt"
    raw = files["sources/" + path.removeprefix("internal://")]
    assert not raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8")
    assert text == TEXT
    sels = source.findall(f"{Q}PlainTextSelection")
    quotes = [text[int(s.get("startPosition")):int(s.get("endPosition"))] for s in sels]
    assert quotes == [t.quote for t in bundle.articles[0].tags]
    # the flag before the name counts one character per code point, as Python does
    assert int(sels[0].get("startPosition")) == TEXT.index("Ganna")
    assert len(TEXT[:TEXT.index("Ganna")].encode("utf-16-le")) // 2 == TEXT.index("Ganna") + 2


def test_claim_fields_are_readable_lines_in_the_description_and_the_note_a_memo():
    root = _project(qdpx_bytes(_bundle()))
    claim = root.findall(f"{Q}Sources/{Q}TextSource/{Q}PlainTextSelection")[1]
    lines = claim.findtext(f"{Q}Description").split("\n")
    assert "claimant: Ganna Malyar" in lines
    assert "status: disputed" in lines
    assert "grade: B3" in lines
    assert "claim date: 2022-02-10" in lines
    assert 'note: "Two lines\\nof note"' in lines
    ref = claim.find(f"{Q}NoteRef").get("targetGUID")
    note = next(n for n in root.iter(f"{Q}Note") if n.get("guid") == ref)
    assert note.findtext(f"{Q}PlainTextContent") == "Two lines\nof note"


def test_crlf_text_is_written_with_newlines_and_positions_follow():
    text = "One\r\nTwo 🇺🇦\r\nThree\rFour\n"
    tags = (make_tag(text, "5f0e7a52-6a43-4b7e-9a55-0a1b2c3d4e09", "claim", text.index("Three"),
                     text.index("Four") + 4),)
    article = BundleArticle(uuid="9d7c1e44-1111-4222-8333-444455556667", title="CRLF",
                            text=text, sha256=text_sha256(text), tags=tags)
    files = members(qdpx_bytes(Bundle(articles=(article,))))
    SCHEMA.validate(io.BytesIO(files["project.qde"]))
    written = files[next(n for n in files if n.startswith("sources/"))].decode("utf-8")
    assert written == "One\nTwo 🇺🇦\nThree\nFour\n"
    sel = ET.fromstring(files["project.qde"]).find(f".//{Q}PlainTextSelection")
    assert written[int(sel.get("startPosition")):int(sel.get("endPosition"))] == "Three\nFour"


def test_names_and_notes_with_characters_xml_cannot_hold_still_validate():
    text = "Bad \x01 char\x0b and \ufffe in text"
    tags = (make_tag(text, "5f0e7a52-6a43-4b7e-9a55-0a1b2c3d4e10", "claim", 0, 3,
                     note="ctl \x02 note", analyst="an\x03alyst"),)
    article = BundleArticle(uuid="x", title="Title \x07 bell", text=text, sha256=text_sha256(text),
                            memo="memo \x1f", tags=tags)
    bundle = Bundle(articles=(article,), actors=(BundleActor("y", "Name\x08", "other"),))
    SCHEMA.validate(io.BytesIO(members(qdpx_bytes(bundle))["project.qde"]))


def test_the_same_bundle_gives_the_same_bytes():
    assert qdpx_bytes(_bundle()) == qdpx_bytes(_bundle())


def test_an_article_without_text_is_refused():
    article = BundleArticle(uuid="x", title="W3C only", text=None, sha256="0" * 64)
    with pytest.raises(ValueError, match="no text"):
        qdpx_bytes(Bundle(articles=(article,)))
