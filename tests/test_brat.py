"""brat standoff export and import: exact round trips over hard Unicode, determinism, safe
file names, files from brat / INCEpTION written by hand, hostile folders."""

from __future__ import annotations

import os
import re
from dataclasses import replace

import pytest
from bundle_cases import ACTORS, bundles, ordered
from hypothesis import given, settings
from hypothesis import strategies as st

from reader_app.domain.interchange import Bundle, BundleArticle, BundleFormatError, BundleTag
from reader_app.domain.offsets import make_anchor, text_sha256
from reader_app.formats import brat_read
from reader_app.formats.brat import file_stems, read_brat, write_brat


def clean(bundle: Bundle) -> Bundle:
    return ordered(replace(bundle, origin="", report=()))


@settings(max_examples=60)
@given(bundles(), st.booleans())
def test_round_trip_is_exact(tmp_path_factory, bundle, normalizations):
    folder = tmp_path_factory.mktemp("brat")
    paths = write_brat(bundle, folder, normalizations=normalizations)
    assert all(p.parent == folder.resolve() for p in paths)
    back = read_brat(folder)
    assert back.report == ()
    for article in back.articles:
        assert (folder / f"{article_stem(paths, article)}.txt").read_bytes() == article.text.encode()
        for tag in article.tags:
            assert article.text[tag.start:tag.end] == tag.quote
    assert clean(back) == ordered(bundle)


def article_stem(paths, article):
    return next(p.stem for p in paths if p.suffix == ".txt"
                and p.read_bytes() == article.text.encode())


@settings(max_examples=30)
@given(bundles())
def test_writer_is_deterministic_and_a_re_export_is_identical(tmp_path_factory, bundle):
    one, two, three = (tmp_path_factory.mktemp(n) for n in ("one", "two", "three"))
    write_brat(bundle, one)
    write_brat(ordered(bundle), two)
    write_brat(read_brat(one), three)
    files = sorted(p.name for p in one.iterdir())
    for other in (two, three):
        assert sorted(p.name for p in other.iterdir()) == files
        for name in files:
            assert (other / name).read_bytes() == (one / name).read_bytes(), name


# The line shapes INCEpTION's brat reader accepts (it refuses any other line, N included).
INCEPTION_LINES = [
    re.compile(r"T[0-9]+\t[a-zA-Z0-9_][a-zA-Z0-9_\-]* [0-9]+ [0-9]+(;[0-9]+ [0-9]+)*\t.*"),
    re.compile(r"[AM][0-9]+\t[a-zA-Z_][a-zA-Z0-9_\-:]+ [TREN][0-9]+( .*)?"),
    re.compile(r"R[0-9]+\t[a-zA-Z0-9_][a-zA-Z0-9_-]+ [a-zA-Z][a-zA-Z0-9]+:[ET][0-9]+ "
               r"[a-zA-Z][a-zA-Z0-9]+:[ET][0-9]+\s*"),
    re.compile(r"#[0-9]+\t[a-zA-Z_][a-zA-Z0-9_\-]+ [ETR][0-9]+\t.*"),
]
# Java's "." stops at these; a line reader splits at them
JAVA_BREAKS = re.compile("[\n\r\x85\u2028\u2029]")


@settings(max_examples=40)
@given(bundles())
def test_without_normalizations_every_line_is_one_inception_reads(tmp_path_factory, bundle):
    folder = tmp_path_factory.mktemp("inception")
    paths = write_brat(bundle, folder, normalizations=False)
    for path in paths:
        if path.suffix != ".ann":
            continue
        content = path.read_text(encoding="utf-8")
        assert content == "" or content.endswith("\n")
        for line in content[:-1].split("\n") if content else []:
            assert not JAVA_BREAKS.search(line)
            assert any(p.fullmatch(line) for p in INCEPTION_LINES), line
    back = read_brat(folder)
    assert clean(back) == ordered(bundle)


def test_file_names_are_safe_and_unique():
    stems = file_stems(["../../etc/passwd", "A/B", "a_b", "CON", "", "..", "Київ 🇺🇦 2022",
                        "x" * 300, "a\\b", ".hidden"])
    assert len({s.casefold() for s in stems}) == len(stems)
    for s in stems:
        assert s and "/" not in s and "\\" not in s and not s.startswith(".") and len(s) <= 64
    assert stems[3] == "_CON" and stems[6] == "Київ_2022"


def _tag(text, uuid, kind, start, end, **kw):
    a = make_anchor(text, start, end)
    return BundleTag(uuid, kind, start, end, a.quote, a.prefix, a.suffix, **kw)


def test_a_multi_line_quote_is_written_as_fragments_and_the_claimant_as_a_relation(tmp_path):
    text = "Kyiv 🇺🇦 said:\r\n«war 𝕏»\non 2022-02-24"
    speaker = _tag(text, "u1", "actor", 0, 4, actor_uuid=ACTORS[0].uuid)
    claim = _tag(text, "u2", "claim", 5, 22, claimant_uuid=ACTORS[0].uuid, status="disputed",
                 reliability="B", credibility=2, note="line one\nline two")
    alone = _tag(text, "u3", "claim", 0, 2, claimant_uuid=ACTORS[1].uuid)
    date = _tag(text, "u4", "date", 26, 36, value="2022-02-24")
    article = BundleArticle("a-1", "Report", text, text_sha256(text),
                            tags=(speaker, claim, alone, date))
    write_brat(Bundle((article,), ACTORS), tmp_path)
    ann = (tmp_path / "Report.ann").read_text(encoding="utf-8").splitlines()
    assert "T3\tClaim 5 13;15 22\t🇺🇦 said: «war 𝕏»" in ann
    assert "R1\tClaimant Arg1:T3 Arg2:T2" in ann
    assert "N1\tReference T2 Actor:" + ACTORS[0].uuid + "\tKyiv" in ann
    assert "N2\tReference T4 ISO8601:2022-02-24\t2022-02-24" in ann
    assert {"A1\tStatus T3 disputed", "A2\tReliability T3 B", "A3\tCredibility T3 2"} <= set(ann)
    note = next(line for line in ann if line.startswith("#") and " T3\t" in line)
    assert note.startswith("#3\tAnnotatorNotes T3\tline one line two ar:{")
    lone = next(line for line in ann if line.startswith("#") and " T1\t" in line)
    assert f'"claimant":"{ACTORS[1].uuid}"' in lone  # no actor tag before it: in the notes
    conf = (tmp_path / "annotation.conf").read_text()
    assert "Claimant Arg1:Claim, Arg2:Actor" in conf and "[attributes]" in conf
    assert clean(read_brat(tmp_path / "Report.ann")).articles == ordered(
        Bundle((article,))).articles


FOREIGN_TXT = "Barack Obama met Acme Corp in Paris.\nHe said \"we agree\" on 12 May.\n"
FOREIGN_ANN = "\n".join([
    "T1\tPerson 0 12\tBarack Obama",
    "T2\tORG 17 26\tAcme Corp",
    "T3\tLOC 30 35\tParis",
    "T4\tClaim 45 55\t\"we agree\"",
    "T5\tDATE 59 65\t12 May",
    "T6\tGPE 30 35\tLondon",
    "T7\tPER 37 39\tHe",
    "T8\tClaim 7 12;17 21\tObama Acme",
    "R1\tClaimant Arg1:T4 Arg2:T7",
    "R2\tLocated Arg1:T2 Arg2:T3",
    "N1\tReference T1 Wikipedia:534366\tBarack Obama",
    "N2\tReference T5 ISO8601:2021-05-12\t12 May",
    "A1\tNegation T4",
    "A2\tStatus T4 corroborated",
    "#1\tAnnotatorNotes T2\tthe company",
    "E1\tMeeting:T1 Arg:T2",
    "",
])


def test_a_foreign_brat_document_maps_types_and_reports_the_rest(tmp_path):
    (tmp_path / "doc-1.txt").write_text(FOREIGN_TXT, encoding="utf-8")
    (tmp_path / "doc-1.ann").write_text(FOREIGN_ANN, encoding="utf-8")
    b = read_brat(tmp_path)
    (article,) = b.articles
    assert article.title == "doc-1" and article.text == FOREIGN_TXT
    assert article.sha256 == text_sha256(FOREIGN_TXT) and article.source == "doc-1.txt"
    assert read_brat(tmp_path).articles[0].uuid == article.uuid  # deterministic
    tags = {t.quote: t for t in article.tags}
    assert set(tags) == {"Barack Obama", "Acme Corp", '"we agree"', "12 May", "He",
                         "Obama met Acme", "Paris"}
    # a type of no kind of ours is an own code by that name
    (loc,) = b.codes
    assert loc.name == "LOC" and tags["Paris"].kind == loc.kind
    obama, acme, claim, date, he = (tags[q] for q in ("Barack Obama", "Acme Corp", '"we agree"',
                                                      "12 May", "He"))
    assert {obama.kind, acme.kind, he.kind} == {"actor"} and date.kind == "date"
    assert date.value == "2021-05-12" and acme.note == "the company"
    assert claim.kind == "claim" and claim.status == "corroborated"
    assert claim.claimant_uuid == he.actor_uuid is not None
    actors = {a.uuid: a for a in b.actors}
    assert actors[obama.actor_uuid].name == "Barack Obama"
    assert actors[acme.actor_uuid].type == "organization"
    assert (claim.prefix, claim.suffix) == (FOREIGN_TXT[13:45], FOREIGN_TXT[55:87])
    report = "\n".join(b.report)
    for expected in ("T6 reads 'London'", "relation 'Located", "Negation",
                     "kind 'E'", "T8 is discontinuous"):
        assert expected in report, expected


def test_a_kind_we_do_not_have_is_written_as_a_safe_type_and_read_back_as_reported(tmp_path):
    text = "Kyiv spoke."
    odd = _tag(text, "u9", "Ünknown kind", 0, 4, status="maybe")
    claim = _tag(text, "u8", "claim", 5, 10, status="maybe", credibility=9, reliability="Z")
    write_brat(Bundle((BundleArticle("a", "A", text, text_sha256(text), tags=(odd, claim)),)),
               tmp_path)
    assert "T1\t_nknown_kind 0 4\tKyiv" in (tmp_path / "A.ann").read_text(encoding="utf-8")
    b = read_brat(tmp_path)
    (tag,) = b.articles[0].tags
    assert (tag.uuid, tag.status, tag.credibility, tag.reliability) == ("u8", None, None, None)
    report = "\n".join(b.report)
    assert "kind 'Ünknown kind' is not claim, actor or date; skipped" in report
    assert "status 'maybe'" in report and "credibility 9" in report and "reliability 'Z'" in report


def test_an_inception_export_names_the_kind_in_an_attribute(tmp_path):
    (tmp_path / "doc.txt").write_text("Barack Obama spoke.", encoding="utf-8")
    (tmp_path / "doc.ann").write_text(
        "T1\tNamed_entity 0 12\tBarack Obama\nA1\tvalue T1 PER\n", encoding="utf-8")
    b = read_brat(tmp_path)
    (tag,) = b.articles[0].tags
    assert tag.kind == "actor" and b.report == ()
    assert b.actors[0].name == "Barack Obama" and b.actors[0].type == "person"


def test_a_single_ann_file_and_its_txt(tmp_path):
    (tmp_path / "a.txt").write_text("Kyiv spoke.", encoding="utf-8")
    (tmp_path / "a.ann").write_text("T1\tActor 0 4\tKyiv\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("other", encoding="utf-8")
    for path in (tmp_path / "a.ann", tmp_path / "a.txt"):
        (article,) = read_brat(path).articles
        assert article.tags[0].quote == "Kyiv"


@pytest.mark.parametrize("ann, reason", [
    ("T1 Claim 0 4 Kyiv", "no tab after the id"),
    ("T1\tClaim 0 4", "no text after the span"),
    ("T1\tClaim x 4\tKyiv", "is not two offsets"),
    ("T1\tClaim 4 4\t", "need 0 <= start < end"),
    ("T1\tClaim 0 400\tKyiv", "past the text's 11 characters"),
    ("T1\tClaim 0 99999999999999999999\tKyiv", "is not two offsets"),
    ("T1\tClaim 5 9;0 4\tx", "out of order"),
    ('T1\tClaim 0 4\tKyiv\n#1\tAnnotatorNotes T1\tar:{"uuid": 5}', "'uuid' is not a string"),
    ('T1\tClaim 0 4\tKyiv\n#1\tAnnotatorNotes T1\tar:{"span": [3, 1]}', "need 0 <= start"),
])
def test_hostile_ann_lines_are_one_line_naming_file_and_line(tmp_path, ann, reason):
    (tmp_path / "a.txt").write_text("Kyiv spoke.", encoding="utf-8")
    (tmp_path / "a.ann").write_text("\n" + ann + "\n", encoding="utf-8")
    with pytest.raises(BundleFormatError) as e:
        read_brat(tmp_path)
    message = str(e.value)
    assert message.startswith("a.ann line 2: ") and "\n" not in message
    assert reason in message


def test_hostile_folders(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_bytes(b"caf\xe9")
    (tmp_path / "a.ann").write_text("", encoding="utf-8")
    with pytest.raises(BundleFormatError, match=r"^a.txt: not UTF-8 \(byte 0xe9 at offset 3\)"):
        read_brat(tmp_path)
    (tmp_path / "a.txt").write_text("x" * 200, encoding="utf-8")
    monkeypatch.setattr(brat_read, "MAX_TEXT_BYTES", 100)
    with pytest.raises(BundleFormatError, match=r"^a.txt: text too large"):
        read_brat(tmp_path)
    monkeypatch.undo()
    (tmp_path / "reader-app.json").write_text('{"articles": [{"file": 3}]}', encoding="utf-8")
    with pytest.raises(BundleFormatError, match=r"^reader-app.json: 'file' is not a string"):
        read_brat(tmp_path)
    (tmp_path / "reader-app.json").write_text("{oops", encoding="utf-8")
    with pytest.raises(BundleFormatError, match=r"^reader-app.json: not valid JSON"):
        read_brat(tmp_path)
    (tmp_path / "reader-app.json").unlink()
    with pytest.raises(BundleFormatError, match=r"^nowhere: not a brat folder"):
        read_brat(tmp_path / "nowhere")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(BundleFormatError, match=r"^empty: no .ann files"):
        read_brat(empty)


def test_links_out_of_the_folder_are_not_followed(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("secret", encoding="utf-8")
    (outside / "secret.ann").write_text("T1\tActor 0 6\tsecret\n", encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    os.symlink(outside / "secret.ann", folder / "s.ann")
    os.symlink(outside / "secret.txt", folder / "s.txt")
    (folder / "lonely.ann").write_text("", encoding="utf-8")
    with pytest.raises(BundleFormatError, match=r"^in: no article could be read") as e:
        read_brat(folder)  # nothing read is an error, never an empty success
    assert "symbolic link" in str(e.value) and "no lonely.txt" in str(e.value)
    (folder / "kept.txt").write_text("Kyiv", encoding="utf-8")
    (folder / "kept.ann").write_text("T1\tActor 0 4\tKyiv\n", encoding="utf-8")
    b = read_brat(folder)
    assert [a.text for a in b.articles] == ["Kyiv"]
    assert any("symbolic link" in r for r in b.report)
    assert any("no lonely.txt" in r for r in b.report)


def test_the_claimant_relation_goes_to_the_nearest_actor_tag_before_the_claim(tmp_path):
    text = "Kyiv said, then Kyiv said: yes. Kyiv again."
    kyiv = ACTORS[0].uuid
    tags = (_tag(text, "a1", "actor", 0, 4, actor_uuid=kyiv),
            _tag(text, "a2", "actor", 16, 20, actor_uuid=kyiv),
            _tag(text, "a3", "actor", 32, 36, actor_uuid=kyiv),
            _tag(text, "c1", "claim", 27, 30, claimant_uuid=kyiv),
            _tag(text, "c2", "claim", 16, 26, claimant_uuid=kyiv))  # starts with its speaker
    write_brat(Bundle((BundleArticle("a", "A", text, text_sha256(text), tags=tags),), ACTORS),
               tmp_path)
    ann = (tmp_path / "A.ann").read_text(encoding="utf-8").splitlines()
    assert ann[1] == "T2\tActor 16 20\tKyiv" and ann[2].startswith("T3\tClaim 16 26")
    relations = [line for line in ann if line.startswith("R")]
    assert relations == ["R1\tClaimant Arg1:T3 Arg2:T2", "R2\tClaimant Arg1:T4 Arg2:T2"]


def test_edits_made_in_brat_count_and_manifest_names_open_nothing(tmp_path):
    text = "Kyiv said no. Minsk said yes."
    kyiv = _tag(text, "u1", "actor", 0, 4, actor_uuid=ACTORS[0].uuid)
    claim = _tag(text, "u2", "claim", 10, 12, status="disputed")
    article = BundleArticle("a", "A", text, text_sha256(text), tags=(kyiv, claim))
    write_brat(Bundle((article,), ACTORS), tmp_path)
    ann = tmp_path / "A.ann"
    content = ann.read_text(encoding="utf-8").replace("Status T2 disputed", "Status T2 false")
    ann.write_text(content + "T3\tActor 14 19\tMinsk\n", encoding="utf-8")  # as brat adds one
    manifest = tmp_path / "reader-app.json"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(
        '"file": "A"', '"file": "../../etc/passwd"'), encoding="utf-8")
    b = read_brat(tmp_path)
    (art,) = b.articles
    assert art.uuid != "a" and art.title == "A"  # the manifest no longer names this file
    old, edited, added = art.tags
    assert (old.uuid, old.actor_uuid) == ("u1", ACTORS[0].uuid)
    assert (edited.uuid, edited.status) == ("u2", "false")
    assert (added.kind, added.quote, added.analyst) == ("actor", "Minsk", None)
    assert {a.uuid: a.name for a in b.actors}[added.actor_uuid] == "Minsk"


def _articles(*texts):
    return Bundle(tuple(BundleArticle(f"u{i}", f"Report {i}", t, text_sha256(t),
                                      tags=(_tag(t, f"t{i}", "actor", 0, 4),))
                        for i, t in enumerate(texts)), ())


def test_a_non_empty_folder_that_is_not_our_export_is_refused(tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "mine.txt").write_text("the analyst's own notes", encoding="utf-8")
    with pytest.raises(ValueError, match=r"notes: the folder is not empty and is not an earlier"):
        write_brat(_articles("Kyiv 🇺🇦 said"), folder)
    assert sorted(p.name for p in folder.iterdir()) == ["mine.txt"]
    (folder / "reader-app.json").write_text('{"format": "something else"}', encoding="utf-8")
    with pytest.raises(ValueError, match="not an earlier brat export"):
        write_brat(_articles("Kyiv 🇺🇦 said"), folder)
    assert (folder / "mine.txt").read_text(encoding="utf-8") == "the analyst's own notes"


def test_a_later_export_into_our_own_folder_leaves_no_stale_pairs(tmp_path):
    folder = tmp_path / "out"
    write_brat(_articles("Kyiv one", "Kyiv two 𝕏", "Kyiv three"), folder)
    assert len(read_brat(folder).articles) == 3
    manifest = folder / "reader-app.json"  # names no file may have are passed over
    manifest.write_text(manifest.read_text("utf-8").replace(
        '"articles": [', '"articles": [{"file": "x\\u0000"}, {"file": "../up"}, 5, '),
        encoding="utf-8")
    (tmp_path / "up.txt").write_text("outside", encoding="utf-8")
    write_brat(_articles("Kyiv one"), folder)
    assert (tmp_path / "up.txt").read_text("utf-8") == "outside"
    assert sorted(p.name for p in folder.iterdir()) == [
        "Report_0.ann", "Report_0.txt", "annotation.conf", "reader-app.json"]
    assert [a.text for a in read_brat(folder).articles] == ["Kyiv one"]


def test_the_writer_never_writes_through_a_symbolic_link(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    folder = tmp_path / "out"
    write_brat(_articles("Kyiv one"), folder)
    for name in ("Report_0.txt", "reader-app.json.bak"):  # one listed by the manifest, one not
        (folder / name).unlink(missing_ok=True)
        (folder / name).symlink_to(victim)
    write_brat(_articles("Kyiv one"), folder)
    assert victim.read_text(encoding="utf-8") == "precious"
    assert not (folder / "Report_0.txt").is_symlink()
    assert (folder / "Report_0.txt").read_text(encoding="utf-8") == "Kyiv one"
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]
    # a symlink where the writer puts a file it has not listed is replaced, not written through
    (folder / "annotation.conf").unlink()
    (folder / "annotation.conf").symlink_to(victim)
    write_brat(_articles("Kyiv one"), folder)
    assert victim.read_text(encoding="utf-8") == "precious"


def test_a_symlinked_manifest_is_not_read(tmp_path):
    outside = tmp_path / "elsewhere"
    write_brat(_articles("Kyiv one"), outside)
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("Report_0.txt", "Report_0.ann"):
        (folder / name).write_bytes((outside / name).read_bytes())
    (folder / "reader-app.json").symlink_to(outside / "reader-app.json")
    b = read_brat(folder)
    assert b.articles[0].title == "Report_0"  # not the manifest's "Report 0"
    assert any("reader-app.json: a symbolic link, not followed" in r for r in b.report)
    with pytest.raises(ValueError, match="not an earlier brat export"):
        write_brat(_articles("Kyiv one"), folder)  # nor trusted as ours when writing


def test_the_command_line_refuses_a_foreign_folder_in_one_line(tmp_path, capsys):
    from reader_app.cli import main
    from reader_app.storage.database import open_library

    open_library(tmp_path / "l.sqlite").close()
    folder = tmp_path / "sym"
    folder.mkdir()
    (tmp_path / "victim.txt").write_text("precious", encoding="utf-8")
    (folder / "Report.txt").symlink_to(tmp_path / "victim.txt")
    assert main(["export", "--db", str(tmp_path / "l.sqlite"), "--format", "brat", "-o",
                 str(folder)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "sym: the folder is not empty" in err
    assert (tmp_path / "victim.txt").read_text(encoding="utf-8") == "precious"


def test_a_lone_surrogate_in_the_manifest_or_a_note_never_reaches_the_library(tmp_path):
    (tmp_path / "a.txt").write_text("Kyiv spoke.", encoding="utf-8")
    (tmp_path / "a.ann").write_text(
        'T1\tActor 0 4\tKyiv\n#1\tAnnotatorNotes T1\tsee ar:{"note": "x\\ud800"}\n',
        encoding="utf-8")
    (tag,) = read_brat(tmp_path).articles[0].tags  # not our JSON: the note as written
    assert tag.note == 'see ar:{"note": "x\\ud800"}'
    tag.note.encode("utf-8")
    (tmp_path / "reader-app.json").write_text(
        '{"articles": [{"file": "a", "title": "\\ud800"}]}', encoding="utf-8")
    with pytest.raises(BundleFormatError, match=r"^reader-app.json: not valid text \(a lone"):
        read_brat(tmp_path)


def test_suffixes_in_any_case_pair_up_for_telling_and_for_reading(tmp_path):
    from reader_app.formats.brat import is_brat_folder

    (tmp_path / "A.TXT").write_text("Kyiv 🇺🇦 spoke.", encoding="utf-8")
    (tmp_path / "A.Ann").write_text("T1\tActor 0 4\tKyiv\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Minsk", encoding="utf-8")
    (tmp_path / "b.ANN").write_text("T1\tActor 0 5\tMinsk\n", encoding="utf-8")
    assert is_brat_folder(tmp_path)
    assert sorted(a.text for a in read_brat(tmp_path).articles) == ["Kyiv 🇺🇦 spoke.", "Minsk"]
    for one in ("A.TXT", "A.Ann", "b.ANN"):
        (article,) = read_brat(tmp_path / one).articles
        assert article.text[article.tags[0].start:article.tags[0].end] == article.tags[0].quote
    (tmp_path / "c.TXT").write_text("no pair", encoding="utf-8")  # a .txt without its .ann
    assert not is_brat_folder(tmp_path)
    assert "c.TXT: no .ann beside it; not read" in read_brat(tmp_path).report
