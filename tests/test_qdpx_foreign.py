"""read_qdpx on projects other tools write (QualCoder, MAXQDA, Taguette style), written by
hand here: nested codes mapped to kinds by name, actors from the codes below an actor code,
the rest kept as claim tags with the code path, and a report of what was not carried over."""

from __future__ import annotations

import io

from qdpx_helpers import SCHEMA, write_zip

from reader_app.domain.offsets import text_sha256
from reader_app.formats.qdpx_read import read_qdpx

REPORT = "Kyiv 🇺🇦 — Jane Doe of the Harbour Authority said on Thursday the strike is over.\n"
BOM_TEXT = "Ω Doe spoke.\n"
CRLF_TEXT = "Line one\r\nJane Doe here\r\n"
INLINE = "Inline 𝕏 text by the press about the Harbour Authority."


def _pos(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


def _sel(guid: str, text: str, word: str, *codes: str, desc: str = "", note: str = "",
         user: str = "") -> str:
    start, end = _pos(text, word)
    bare = guid.strip("{}")
    codings = "".join(
        f'<Coding guid="{bare[:-3]}{n:03d}"{user}><CodeRef targetGUID="{code}"/></Coding>'
        for n, code in enumerate(codes))
    desc = f"<Description>{desc}</Description>" if desc else ""
    note = f'<NoteRef targetGUID="{note}"/>' if note else ""
    return (f'<PlainTextSelection guid="{guid}" name="{word}" startPosition="{start}"'
            f' endPosition="{end}" creationDateTime="2021-03-04T10:00:00">{desc}{codings}{note}'
            f'</PlainTextSelection>')


C = {name: f"00000000-0000-4000-8000-0000000000{n:02d}" for n, name in enumerate(
    "actors person jane org harbour claims dates emotion anger press".split())}
U1 = "10000000-0000-4000-8000-000000000001"
QUALCODER = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="strike" origin="QualCoder 3.5"
         creatingUserGUID="{U1}">
 <Users><User guid="{U1}" name="colleague"/></Users>
 <CodeBook><Codes>
  <Code guid="{C['actors']}" name="Actors" isCodable="false">
   <Code guid="{C['person']}" name="Person" isCodable="false">
    <Code guid="{C['jane']}" name="Jane Doe" isCodable="true"><Description>Union leader</Description></Code>
   </Code>
   <Code guid="{C['org']}" name="Organisations" isCodable="false">
    <Code guid="{C['harbour']}" name="Harbour Authority" isCodable="true"/>
   </Code>
  </Code>
  <Code guid="{C['claims']}" name="CLAIMS" isCodable="true"/>
  <Code guid="{C['dates']}" name="Time" isCodable="true"/>
  <Code guid="{C['emotion']}" name="Emotion" isCodable="true">
   <Code guid="{C['anger']}" name="Anger" isCodable="true"/>
  </Code>
 </Codes></CodeBook>
 <Sources>
  <TextSource guid="20000000-0000-4000-8000-000000000001" name="Report.txt"
              plainTextPath="internal://report.txt">
   <Description>From the wire</Description>
   {_sel("30000000-0000-4000-8000-000000000001", REPORT, "Jane Doe", C['jane'],
         user=f' creatingUser="{U1}"')}
   {_sel("30000000-0000-4000-8000-000000000002", REPORT, "Harbour Authority", C['harbour'])}
   {_sel("30000000-0000-4000-8000-000000000003", REPORT, "the strike is over", C['claims'],
         C['anger'], desc="says it twice", note="40000000-0000-4000-8000-000000000001")}
   {_sel("30000000-0000-4000-8000-000000000004", REPORT, "Thursday", C['dates'])}
   {_sel("30000000-0000-4000-8000-000000000005", REPORT, "Kyiv", C['anger'])}
   <PlainTextSelection guid="30000000-0000-4000-8000-000000000006" startPosition="70"
                       endPosition="9000"><Coding guid="30000000-0000-4000-8000-000000000106">
    <CodeRef targetGUID="{C['claims']}"/></Coding></PlainTextSelection>
   <PlainTextSelection guid="30000000-0000-4000-8000-000000000007" startPosition="9"
                       endPosition="9"><Coding guid="30000000-0000-4000-8000-000000000107">
    <CodeRef targetGUID="{C['claims']}"/></Coding></PlainTextSelection>
  </TextSource>
  <TextSource guid="20000000-0000-4000-8000-000000000002" name="Bom.txt"
              plainTextPath="internal://bom.txt">
   {_sel("30000000-0000-4000-8000-000000000011", BOM_TEXT, "Doe", C['jane'])}
  </TextSource>
  <TextSource guid="20000000-0000-4000-8000-000000000003" name="Crlf.txt"
              plainTextPath="crlf.txt">
   {_sel("30000000-0000-4000-8000-000000000021", CRLF_TEXT, "Jane Doe", C['jane'])}
  </TextSource>
  <TextSource guid="20000000-0000-4000-8000-000000000004" name="Legacy.txt"
              plainTextPath="internal://legacy.txt"/>
  <TextSource guid="20000000-0000-4000-8000-000000000005" name="Elsewhere.txt"
              plainTextPath="C:\\Users\\colleague\\Elsewhere.txt"/>
  <PDFSource guid="20000000-0000-4000-8000-000000000006" name="Scan.pdf" path="internal://scan.pdf">
   <PDFSelection guid="30000000-0000-4000-8000-000000000031" page="1" firstX="1" firstY="1"
                 secondX="2" secondY="2"><Coding guid="30000000-0000-4000-8000-000000000131">
    <CodeRef targetGUID="{C['claims']}"/></Coding></PDFSelection>
  </PDFSource>
  <PictureSource guid="20000000-0000-4000-8000-000000000007" name="Photo.jpg" path="internal://p.jpg"/>
 </Sources>
 <Notes><Note guid="40000000-0000-4000-8000-000000000001" name="memo">
  <PlainTextContent>A coding memo.</PlainTextContent></Note></Notes>
 <Sets><Set guid="50000000-0000-4000-8000-000000000001" name="s"/></Sets>
</Project>
"""
# MAXQDA style: braced upper-case GUIDs, text inline, codes without a Users list
MAXQDA = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="m" origin="MAXQDA 2022">
 <CodeBook><Codes>
  <Code guid="{{A0000000-0000-4000-8000-00000000000A}}" name="Who" isCodable="true">
   <Code guid="{{A0000000-0000-4000-8000-00000000000B}}" name="Media" isCodable="true">
    <Code guid="{{A0000000-0000-4000-8000-00000000000C}}" name="The Press" isCodable="true"/>
   </Code>
  </Code>
 </Codes></CodeBook>
 <Sources>
  <TextSource guid="{{B0000000-0000-4000-8000-00000000000B}}" name="Inline">
   <PlainTextContent>{INLINE}</PlainTextContent>
   {_sel("{C0000000-0000-4000-8000-0000000000C1}", INLINE, "press",
         "{A0000000-0000-4000-8000-00000000000C}")}
   {_sel("{C0000000-0000-4000-8000-0000000000C2}", INLINE, "Harbour Authority",
         "{A0000000-0000-4000-8000-00000000000B}")}
  </TextSource>
 </Sources>
</Project>
"""


def test_the_hand_written_projects_are_valid_refi_qda():
    for qde in (QUALCODER, MAXQDA):
        SCHEMA.validate(io.BytesIO(qde.encode()))


def _read(tmp_path, qde: str, **files: bytes):
    members = {"project.qde": qde, **{f"sources/{k.replace('_', '.')}": v for k, v in files.items()}}
    return read_qdpx(write_zip(tmp_path / "colleague.qdpx", members))


def _qualcoder(tmp_path):
    return _read(tmp_path, QUALCODER, report_txt=REPORT.encode(),
                 bom_txt=b"\xef\xbb\xbf" + BOM_TEXT.encode(), crlf_txt=CRLF_TEXT.encode(),
                 legacy_txt="Café à Kyiv".encode("cp1252"))


def test_text_sources_become_articles_with_their_text_and_sha(tmp_path):
    bundle = _qualcoder(tmp_path)
    titles = [a.title for a in bundle.articles]
    assert titles == ["Report.txt", "Bom.txt", "Crlf.txt"]
    report = bundle.articles[0]
    assert report.text == REPORT and report.sha256 == text_sha256(REPORT)
    assert report.uuid == "20000000-0000-4000-8000-000000000001"
    assert report.memo == "From the wire"
    assert bundle.origin == "colleague.qdpx"


def test_nested_codes_map_to_kinds_and_actors(tmp_path):
    bundle = _qualcoder(tmp_path)
    actors = {a.name: a for a in bundle.actors}
    assert set(actors) == {"Jane Doe", "Harbour Authority"}  # Person / Organisations are categories
    assert actors["Jane Doe"].type == "person" and actors["Jane Doe"].note == "Union leader"
    assert actors["Harbour Authority"].type == "organization"
    tags = bundle.articles[0].tags
    by_quote = {(t.quote, t.kind): t for t in tags}
    jane = by_quote[("Jane Doe", "actor")]
    assert jane.actor_uuid == actors["Jane Doe"].uuid
    assert jane.analyst == "colleague"
    assert jane.created_at == "2021-03-04T10:00:00.000+00:00"
    assert by_quote[("Harbour Authority", "actor")].actor_uuid == actors["Harbour Authority"].uuid
    assert ("Thursday", "date") in by_quote  # "Time" is a date code
    for t in tags:
        assert REPORT[t.start:t.end] == t.quote


def test_codes_outside_our_kinds_are_own_codes_in_their_tree(tmp_path):
    bundle = _qualcoder(tmp_path)
    emotion, anger = (next(c for c in bundle.codes if c.name == n) for n in ("Emotion", "Anger"))
    assert emotion.uuid == C["emotion"].lower() and emotion.parent_uuid is None
    assert anger.uuid == C["anger"].lower() and anger.parent_uuid == emotion.uuid
    tags = bundle.articles[0].tags
    kyiv = next(t for t in tags if t.quote == "Kyiv")
    assert kyiv.kind == f"code:{anger.uuid}" and kyiv.note is None
    # the same span coded CLAIMS and Emotion > Anger: a claim tag and an Anger tag
    over = sorted((t for t in tags if t.quote == "the strike is over"), key=lambda t: t.kind)
    assert [t.kind for t in over] == ["claim", f"code:{anger.uuid}"]
    assert over[0].note == "says it twice\n\nA coding memo."
    assert not any("Emotion > Anger" in line for line in bundle.report)


def test_what_cannot_be_carried_is_reported_one_line_each(tmp_path):
    bundle = _qualcoder(tmp_path)
    report = bundle.report
    assert all("\n" not in line for line in report)
    joined = "\n".join(report)
    assert "positions 70-9000 do not fit the text" in joined
    assert "positions 9-9 do not fit the text" in joined
    assert "PDF source 'Scan.pdf' skipped: only text sources are read (1 coding not read)" in joined
    assert "picture source 'Photo.jpg' skipped" in joined
    assert "source 'Legacy.txt' skipped: sources/legacy.txt is not UTF-8" in joined
    assert "source 'Elsewhere.txt' skipped: its text file" in joined
    assert "'Bom.txt'" in joined and "byte-order mark" in joined
    assert "'Crlf.txt': line endings made \\n" in joined
    assert "colleague.qdpx: 1 sets not read" in joined


def test_a_bom_is_stripped_and_positions_count_from_after_it(tmp_path):
    bom = _qualcoder(tmp_path).articles[1]
    assert bom.text == BOM_TEXT  # no U+FEFF
    (tag,) = bom.tags
    assert tag.quote == "Doe"


def test_positions_that_counted_the_bom_are_recognised_by_the_selection_names(tmp_path):
    shifted = QUALCODER.replace('name="Doe" startPosition="2" endPosition="5"',
                                'name="Doe" startPosition="3" endPosition="6"')
    assert shifted != QUALCODER
    bundle = _read(tmp_path, shifted, report_txt=REPORT.encode(),
                   bom_txt=b"\xef\xbb\xbf" + BOM_TEXT.encode(), crlf_txt=CRLF_TEXT.encode())
    (tag,) = bundle.articles[1].tags
    assert tag.quote == "Doe"
    assert any("counted the BOM as a character" in line for line in bundle.report)


def test_crlf_sources_are_normalised_and_codings_moved_with_them(tmp_path):
    crlf = _qualcoder(tmp_path).articles[2]
    assert crlf.text == "Line one\nJane Doe here\n"
    (tag,) = crlf.tags
    assert tag.quote == "Jane Doe"


def test_maxqda_style_inline_text_and_braced_guids(tmp_path):
    bundle = _read(tmp_path, MAXQDA)
    (article,) = bundle.articles
    assert article.text == INLINE
    assert article.uuid == "b0000000-0000-4000-8000-00000000000b"
    (press,) = bundle.actors
    assert press.name == "The Press" and press.type == "media"
    kinds = {t.quote: (t.kind, t.actor_uuid) for t in article.tags}
    assert kinds == {"press": ("actor", press.uuid), "Harbour Authority": ("actor", None)}
    assert bundle.report == ()
