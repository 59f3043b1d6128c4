"""JSON Lines for machine learning: round trips over hard Unicode, determinism, doccano and
spaCy shapes written by hand, hostile lines."""

from __future__ import annotations

import io
import json
from dataclasses import replace

import pytest
from bundle_cases import bundles
from hypothesis import given, settings

from reader_app.domain.interchange import Bundle, BundleFormatError
from reader_app.domain.offsets import text_sha256
from reader_app.formats import bundle_io
from reader_app.formats.ml_jsonl import read_jsonl, write_jsonl


def dump(bundle: Bundle) -> str:
    out = io.StringIO()
    write_jsonl(bundle, out)
    return out.getvalue()


def load(tmp_path, content: str | bytes, name: str = "data.jsonl") -> Bundle:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return read_jsonl(path)


def spans(bundle: Bundle) -> dict[str, set[tuple[int, int, str, str]]]:
    return {a.uuid: {(t.start, t.end, t.kind, t.quote) for t in a.tags} for a in bundle.articles}


@settings(max_examples=60)
@given(bundles())
def test_round_trip_keeps_articles_and_spans(tmp_path_factory, bundle):
    text = dump(bundle)
    assert len(text.split("\n")) == len(bundle.articles) + 1  # no raw line break inside a line
    for ch in "\u2028\u2029\x85":
        assert ch not in text
    back = load(tmp_path_factory.mktemp("j"), text)
    assert back.report == ()
    assert spans(back) == spans(bundle)
    by_uuid = {a.uuid: a for a in bundle.articles}
    for a in back.articles:
        want = by_uuid[a.uuid]
        assert (a.title, a.text, a.sha256, a.published, a.source) == (
            want.title, want.text, want.sha256, want.published, want.source)
        for t in a.tags:
            assert a.text[t.start:t.end] == t.quote
            assert a.text[max(0, t.start - 32):t.start] == t.prefix


@settings(max_examples=30)
@given(bundles())
def test_writer_is_deterministic(tmp_path_factory, bundle):
    first = dump(bundle)
    assert dump(replace(bundle, articles=bundle.articles[::-1])) == first
    back = load(tmp_path_factory.mktemp("j"), first)
    assert dump(back) == first  # read back and written again: the same bytes


def test_offsets_are_code_points_not_utf16_units(tmp_path):
    text = "🇺🇦 𝕏 said: Kyiv"
    assert len(text) == 15 and len(text.encode("utf-16-le")) // 2 == 18
    line = json.dumps({"text": text, "entities": [[11, 15, "GPE"]]})
    (article,) = load(tmp_path, line).articles
    assert article.tags[0].quote == "Kyiv" and article.tags[0].kind == "actor"
    assert json.loads(dump(Bundle((article,))))["entities"] == [[11, 15, "ACTOR"]]
    with pytest.raises(BundleFormatError, match="past the text's 15 characters"):
        load(tmp_path, json.dumps({"text": text, "entities": [[14, 18, "GPE"]]}))  # UTF-16


def test_doccano_shapes_and_unknown_labels(tmp_path):
    lines = [
        {"id": 7, "text": "Putin said on Monday that", "label": [[0, 5, "PER"], [14, 20, "DATE"],
                                                                [6, 10, "VERB"]]},
        {"id": 8, "text": "Acme Corp denied it.",
         "entities": [{"id": 1, "label": "ORG", "start_offset": 0, "end_offset": 9},
                      {"id": 2, "label": "CLAIM", "start_offset": 10, "end_offset": 19}],
         "relations": [{"from_id": 2, "to_id": 1, "type": "claimant"}],
         "meta": {"source": "wire", "published": "2022-02-24"}},
        {"data": "old doccano", "label": []},
    ]
    b = load(tmp_path, "\n".join(json.dumps(x) for x in lines) + "\n\n")
    first, second, third = b.articles
    (verb,) = b.codes  # a label of no kind of ours: an own code by that name
    assert verb.name == "VERB"
    assert [(t.kind, t.quote) for t in first.tags] == [("actor", "Putin"), ("date", "Monday"),
                                                       (verb.kind, "said")]  # as listed
    assert [(t.kind, t.quote) for t in second.tags] == [("actor", "Acme Corp"), ("claim", "denied it")]
    assert (second.source, second.published) == ("wire", "2022-02-24")
    assert third.text == "old doccano" and third.tags == ()
    assert first.sha256 == text_sha256(first.text)
    assert load(tmp_path, "\n".join(json.dumps(x) for x in lines)).articles[0].uuid == first.uuid
    assert any("relation" in r for r in b.report)


@pytest.mark.parametrize("line, reason", [
    ("{oops", "not valid JSON"),
    ("[1, 2]", "the line is not a JSON object"),
    ('{"text": 5}', "no 'text' string"),
    ('{"text": "abc", "entities": 5}', "'entities' is not a list"),
    ('{"text": "abc", "entities": [[0, 2]]}', "neither [start, end, label]"),
    ('{"text": "abc", "entities": [[0, 2, 5]]}', "label is not a string"),
    ('{"text": "abc", "entities": [["0", 2, "DATE"]]}', "start is not an integer"),
    ('{"text": "abc", "entities": [[0.5, 2, "DATE"]]}', "start is not an integer"),
    ('{"text": "abc", "entities": [[true, 2, "DATE"]]}', "start is not an integer"),
    ('{"text": "abc", "entities": [[2, 2, "DATE"]]}', "need 0 <= start < end"),
    ('{"text": "abc", "entities": [[-1, 2, "DATE"]]}', "need 0 <= start < end"),
    ('{"text": "abc", "entities": [[0, 4, "DATE"]]}', "past the text's 3 characters"),
    ('{"text": "abc", "entities": [[0, 1e999, "DATE"]]}', "end is not an integer"),
    ('{"text": "abc", "entities": [[0, ' + "9" * 5000 + ', "DATE"]]}', "not valid JSON"),
    ('{"text": "abc", "meta": {"source": 5}}', "'source' is not a string"),
    ("[" * 100_000, "nested too deeply"),
    ('{"text": "he\\ud800llo"}', "a lone surrogate \\ud800 at column 13"),
    ('{"text": "abc", "meta": {"source": "\\uDE00\\ud83d"}}', "lone surrogate \\ude00"),
    ('{"text": "a\\\\\\ud83d\\u0041"}', "lone surrogate \\ud83d"),
])
def test_hostile_lines_name_file_and_line(tmp_path, line, reason):
    good = json.dumps({"text": "fine"})
    with pytest.raises(BundleFormatError) as e:
        load(tmp_path, f"{good}\n{line}\n", "bad.jsonl")
    message = str(e.value)
    assert message.startswith("bad.jsonl line 2: ") and "\n" not in message
    assert reason in message


def test_non_utf8_huge_and_empty_files(tmp_path, monkeypatch):
    with pytest.raises(BundleFormatError, match=r"^x.jsonl line 2: not UTF-8 \(byte 0xff\)"):
        load(tmp_path, b'{"text": "a"}\n{"text": "\xff"}\n', "x.jsonl")
    with pytest.raises(BundleFormatError, match=r"^e.jsonl: no article"):
        load(tmp_path, "\n\n", "e.jsonl")
    monkeypatch.setattr(bundle_io, "MAX_LINE_BYTES", 50)
    with pytest.raises(BundleFormatError, match=r"^long.jsonl line 1: line longer than"):
        load(tmp_path, json.dumps({"text": "x" * 100}), "long.jsonl")
    monkeypatch.setattr(bundle_io, "MAX_LINES_BYTES", 10)
    with pytest.raises(BundleFormatError, match=r"^big.jsonl: file too large"):
        load(tmp_path, json.dumps({"text": "x" * 20}), "big.jsonl")
    with pytest.raises(BundleFormatError, match=r"^gone.jsonl: "):
        read_jsonl(tmp_path / "gone.jsonl")


def test_an_escaped_pair_is_one_character_and_a_lone_half_changes_nothing(tmp_path, capsys):
    from reader_app.cli import main
    from reader_app.storage.database import open_library

    (article,) = load(tmp_path, '{"text": "\\ud83d\\ude00 a\\\\ud800 \\uD835\\uDD4F"}\n',
                      "ok.jsonl").articles
    assert article.text == "😀 a\\ud800 𝕏"
    bad = tmp_path / "sur.jsonl"
    bad.write_text('{"text":"he\\ud800llo","entities":[[0,2,"actor"]]}\n', encoding="utf-8")
    library = tmp_path / "l.sqlite"
    open_library(library).close()
    before = library.read_bytes()
    for args in (["merge", "--db", str(library), str(bad), "--dry-run"],
                 ["import", "--db", str(library), str(bad)]):
        assert main(args) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "sur.jsonl line 1: not valid text (a lone" in err
        assert "UnicodeEncodeError" not in err
    assert library.read_bytes() == before
