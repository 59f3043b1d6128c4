"""read_qdpx on hostile or broken files: one BundleFormatError line naming the file and the
reason, never a traceback, a hang or a file read from outside the archive."""

from __future__ import annotations

import struct

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from qdpx_helpers import make_tag, members, qdpx_bytes, write_zip

from reader_app.domain.interchange import Bundle, BundleActor, BundleArticle, BundleFormatError
from reader_app.domain.offsets import text_sha256
from reader_app.formats.qdpx_read import read_qdpx

HEAD = '<?xml version="1.0" encoding="utf-8"?>\n'
GOOD_SOURCE = ('<Sources><TextSource guid="20000000-0000-4000-8000-000000000001" name="a"'
               ' plainTextPath="{path}"/></Sources>')


def _project(body: str = "", ns: str = "urn:QDA-XML:project:1.0") -> str:
    return f'{HEAD}<Project xmlns="{ns}" name="p" origin="Other 1">{body}</Project>'


def _refused(path, *words: str) -> str:
    with pytest.raises(BundleFormatError) as err:
        read_qdpx(path)
    message = str(err.value)
    assert "\n" not in message
    assert message.startswith(f"{path.name}: ")
    for word in words:
        assert word in message
    return message


def test_not_a_zip(tmp_path):
    path = tmp_path / "notes.qdpx"
    path.write_text("just some text")
    _refused(path, "not a zip")


def test_missing_file(tmp_path):
    _refused(tmp_path / "gone.qdpx", "cannot be read")


def test_zip_without_project(tmp_path):
    _refused(write_zip(tmp_path / "empty.qdpx", {"sources/a.txt": "x"}), "no project.qde")


def test_zip_bomb_by_ratio_is_refused_before_inflating(tmp_path):
    path = write_zip(tmp_path / "bomb.qdpx", {"project.qde": _project(),
                                              "sources/zeros.txt": b"\0" * (8 * 2**20)})
    _refused(path, "sources/zeros.txt", "zip bomb")


def test_zip_declaring_more_than_the_cap_is_refused(tmp_path):
    path = write_zip(tmp_path / "huge.qdpx", {"project.qde": _project()})
    data = bytearray(path.read_bytes())
    central = data.index(b"PK\x01\x02")
    struct.pack_into("<I", data, central + 24, 0xFFFFFFF0)  # uncompressed size: ~4 GB
    path.write_bytes(bytes(data))
    _refused(path, "MB", "refused")


def test_member_larger_than_it_declares_is_refused(tmp_path):
    path = write_zip(tmp_path / "liar.qdpx", {"project.qde": _project()})
    data = bytearray(path.read_bytes())
    central = data.index(b"PK\x01\x02")
    struct.pack_into("<I", data, central + 24, 10)  # declares 10 bytes, holds more
    path.write_bytes(bytes(data))
    _refused(path, "project.qde is damaged")


@pytest.mark.parametrize("text_path", ["../../etc/passwd", "internal://../../etc/passwd",
                                       "sources/../../x.txt", "..\\..\\x.txt"])
def test_path_traversal_in_plain_text_path(tmp_path, text_path):
    (tmp_path / "x.txt").write_text("outside")
    qde = _project(GOOD_SOURCE.format(path=text_path))
    path = write_zip(tmp_path / "sub.qdpx", {"project.qde": qde})
    _refused(path, "leaves the project folder")


BILLION_LAUGHS = HEAD + """<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<Project xmlns="urn:QDA-XML:project:1.0" name="&lol4;"/>"""
EXTERNAL = HEAD + """<!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<Project xmlns="urn:QDA-XML:project:1.0" name="&x;"/>"""
DTD_ONLY = HEAD + '<!DOCTYPE Project SYSTEM "http://example.invalid/p.dtd">\n' \
    '<Project xmlns="urn:QDA-XML:project:1.0" name="p"/>'


@pytest.mark.parametrize("qde", [BILLION_LAUGHS, EXTERNAL, DTD_ONLY], ids=["laughs", "external", "dtd"])
def test_entities_and_dtds_are_refused(tmp_path, qde):
    _refused(write_zip(tmp_path / "ent.qdpx", {"project.qde": qde}), "DTD or entities")


def test_malformed_xml_names_the_line(tmp_path):
    qde = HEAD + '<Project xmlns="urn:QDA-XML:project:1.0" name="p">\n<Sources>\n</Project>'
    _refused(write_zip(tmp_path / "bad.qdpx", {"project.qde": qde}), "not well-formed XML (line 4)")


def test_wrong_namespace(tmp_path):
    qde = _project(ns="urn:QDA-XML:codebook:1.0")
    _refused(write_zip(tmp_path / "ns.qdpx", {"project.qde": qde}), "not a REFI-QDA project",
             "urn:QDA-XML:codebook:1.0")


def test_no_namespace(tmp_path):
    qde = HEAD + '<Project name="p"/>'
    _refused(write_zip(tmp_path / "nons.qdpx", {"project.qde": qde}), "no namespace")


def test_binary_project_file(tmp_path):
    _refused(write_zip(tmp_path / "bin.qdpx", {"project.qde": b"\xff\xfe\x00garbage"}),
             "project.qde")


def test_encrypted_member_is_refused(tmp_path):
    path = write_zip(tmp_path / "enc.qdpx", {"project.qde": _project()})
    data = bytearray(path.read_bytes())
    for sig, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):  # set the "encrypted" bit
        at = data.index(sig)
        struct.pack_into("<H", data, at + flag_at, 1)
    path.write_bytes(bytes(data))
    _refused(path, "project.qde is encrypted")


def test_absurdly_deep_code_tree(tmp_path):
    depth = 5000  # a recursive walk would overflow the stack
    codes = "".join(f'<Code guid="00000000-0000-4000-8000-{n:012d}" name="c{n}" isCodable="true">'
                    for n in range(depth)) + "</Code>" * depth
    qde = _project(f"<CodeBook><Codes>{codes}</Codes></CodeBook>")
    _refused(write_zip(tmp_path / "deep.qdpx", {"project.qde": qde}), "nested deeper than")


def test_absolute_and_url_paths_are_reported_not_read(tmp_path):
    body = ('<Sources>'
            '<TextSource guid="20000000-0000-4000-8000-000000000001" name="a" plainTextPath="/etc/passwd"/>'
            '<TextSource guid="20000000-0000-4000-8000-000000000002" name="b" plainTextPath="file:///etc/passwd"/>'
            '</Sources>')
    bundle = read_qdpx(write_zip(tmp_path / "abs.qdpx", {"project.qde": _project(body)}))
    assert bundle.articles == ()
    assert len(bundle.report) == 2 and all("is not inside abs.qdpx" in r for r in bundle.report)


_SAMPLE_TEXT = "Kyiv 🇺🇦 — Ganna Malyar said on Thursday that the drills are a bluff.\n"


def _sample_qdpx() -> bytes:
    actor = BundleActor("0c8a0b50-2b8e-4a55-9d1e-1f3c6f1d2a01", "Ganna Malyar", "person")
    t = _SAMPLE_TEXT
    tags = (make_tag(t, "5f0e7a52-6a43-4b7e-9a55-0a1b2c3d4e01", "actor", 10, 22, actor_uuid=actor.uuid),
            make_tag(t, "5f0e7a52-6a43-4b7e-9a55-0a1b2c3d4e02", "claim", 46, 69, status="disputed",
                     reliability="B", credibility=2, note="n\nx", analyst="anna"))
    article = BundleArticle(uuid="9d7c1e44-1111-4222-8333-444455556666", title="t", text=t,
                            sha256=text_sha256(t), memo="m", tags=tags)
    return qdpx_bytes(Bundle(articles=(article,), actors=(actor,)))


SAMPLE = _sample_qdpx()
SAMPLE_QDE = members(SAMPLE)["project.qde"]


def _no_crash(path) -> None:
    try:
        bundle = read_qdpx(path)
    except BundleFormatError as e:
        assert "\n" not in str(e) and str(e).startswith(f"{path.name}: ")
        return
    for article in bundle.articles:
        for tag in article.tags:
            assert 0 <= tag.start < tag.end <= len(article.text)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(at=st.lists(st.tuples(st.integers(0, len(SAMPLE_QDE) - 1), st.integers(0, 255)),
                   min_size=1, max_size=4))
def test_a_damaged_project_xml_is_read_or_refused_in_one_line(tmp_path, at):
    qde = bytearray(SAMPLE_QDE)
    for pos, byte in at:
        qde[pos] = byte
    _no_crash(write_zip(tmp_path / "fuzz.qdpx", {"project.qde": bytes(qde)}))


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(at=st.lists(st.tuples(st.integers(0, len(SAMPLE) - 1), st.integers(0, 255)),
                   min_size=1, max_size=4))
def test_a_damaged_zip_is_read_or_refused_in_one_line(tmp_path, at):
    data = bytearray(SAMPLE)
    for pos, byte in at:
        data[pos] = byte
    path = tmp_path / "fuzz.qdpx"
    path.write_bytes(bytes(data))
    _no_crash(path)


def test_a_member_name_with_a_line_break_still_gives_one_line(tmp_path):
    path = write_zip(tmp_path / "names.qdpx", {"my\nproject.qde": "<oops"})
    _refused(path, "not well-formed")


def test_a_lone_surrogate_in_a_description_line_is_kept_as_plain_text() -> None:
    from reader_app.formats.qdpx_common import parse_lines

    assert parse_lines('note: "fine \\ud83d\\ude00"') == [("note", "fine 😀")]
    # half a character could never be written as UTF-8: the line is free text, not our value
    assert parse_lines('note: "bad \\ud800"') is None
