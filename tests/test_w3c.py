"""W3C Web Annotation export and import: exact round trips over hard Unicode, determinism,
JSON-LD that expands without losing a field, other tools' files, hostile files."""

from __future__ import annotations

import io
import json
from dataclasses import replace

import pytest
from bundle_cases import ACTORS, bundles, ordered
from hypothesis import assume, given, settings
from pyld import jsonld

from reader_app.domain.interchange import Bundle, BundleFormatError
from reader_app.formats import bundle_io, w3c_read
from reader_app.formats.w3c import NS, read_w3c, write_w3c


def dump(bundle: Bundle, lines: bool = False) -> str:
    out = io.StringIO()
    write_w3c(bundle, out, lines=lines)
    return out.getvalue()


def load(tmp_path, content: str | bytes, name: str = "anno.jsonld") -> Bundle:
    path = tmp_path / name
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return read_w3c(path)


def without_text(bundle: Bundle) -> Bundle:
    return replace(bundle, articles=tuple(replace(a, text=None) for a in bundle.articles))


def with_texts(bundle: Bundle, texts: dict[str, str]) -> Bundle:
    return replace(bundle, articles=tuple(replace(a, text=texts[a.uuid]) for a in bundle.articles),
                   origin="", report=())


@settings(max_examples=60)
@given(bundles())
def test_collection_round_trip_is_exact(tmp_path_factory, bundle):
    tmp = tmp_path_factory.mktemp("w3c")
    back = load(tmp, dump(bundle))
    assert back.report == ()
    texts = {a.uuid: a.text for a in bundle.articles}
    for article in back.articles:
        for tag in article.tags:  # offsets are code points of the article's text
            assert texts[article.uuid][tag.start:tag.end] == tag.quote
    assert ordered(with_texts(back, texts)) == ordered(bundle)


@settings(max_examples=40)
@given(bundles())
def test_json_lines_round_trip_keeps_tags_and_the_actors_they_name(tmp_path_factory, bundle):
    tmp = tmp_path_factory.mktemp("w3c")
    text = dump(bundle, lines=True)
    tagged = [a for a in bundle.articles if a.tags]
    assume(tagged)  # an article without tags has no line
    assert len(text.splitlines()) == sum(len(a.tags) for a in tagged)
    back = load(tmp, text, "anno.jsonl")
    texts = {a.uuid: a.text for a in bundle.articles}
    want = ordered(replace(bundle, articles=tuple(tagged)))
    assert ordered(with_texts(back, texts)).articles == want.articles
    named = {t.actor_uuid for a in tagged for t in a.tags} | {
        t.claimant_uuid for a in tagged for t in a.tags}
    assert {a.uuid for a in back.actors} == named - {None}
    assert set(back.actors) <= set(ACTORS)


@settings(max_examples=30)
@given(bundles())
def test_writer_is_deterministic_and_a_re_export_is_identical(tmp_path_factory, bundle):
    tmp = tmp_path_factory.mktemp("w3c")
    first = dump(bundle)
    assert dump(ordered(bundle)) == first  # the bundle's order does not matter
    texts = {a.uuid: a.text for a in bundle.articles}
    assert dump(with_texts(load(tmp, first), texts)) == first
    lines = dump(bundle, lines=True)
    if lines:  # no tags: no line
            assert dump(with_texts(load(tmp, lines, "x.jsonl"), texts), lines=True) == lines


# A JSON-LD context with the Web Annotation terms we use, mapped as the W3C vocabulary maps
# them (oa:, as:, dcterms:, foaf:), so expansion runs offline.
OA, AS = "http://www.w3.org/ns/oa#", "https://www.w3.org/ns/activitystreams#"
ID = {"@type": "@id"}
ANNO = {
    "oa": OA, "as": AS, "dcterms": "http://purl.org/dc/terms/", "foaf": "http://xmlns.com/foaf/0.1/",
    "dctypes": "http://purl.org/dc/dcmitype/", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "xsd": "http://www.w3.org/2001/XMLSchema#",
    "id": "@id", "type": "@type", "Annotation": "oa:Annotation", "Text": "dctypes:Text",
    "AnnotationCollection": "as:OrderedCollection", "AnnotationPage": "as:OrderedCollectionPage",
    "TextualBody": "oa:TextualBody", "SpecificResource": "oa:SpecificResource",
    "TextQuoteSelector": "oa:TextQuoteSelector", "TextPositionSelector": "oa:TextPositionSelector",
    "Person": "foaf:Person", "Software": "as:Application",
    "tagging": "oa:tagging", "commenting": "oa:commenting", "identifying": "oa:identifying",
    "body": {"@id": "oa:hasBody", **ID}, "target": {"@id": "oa:hasTarget", **ID},
    "source": {"@id": "oa:hasSource", **ID}, "selector": {"@id": "oa:hasSelector", **ID},
    "creator": {"@id": "dcterms:creator", **ID}, "generator": {"@id": "as:generator", **ID},
    "items": {"@id": "as:items", "@container": "@list", **ID}, "first": {"@id": "as:first", **ID},
    "motivation": {"@id": "oa:motivatedBy", "@type": "@vocab"},
    "purpose": {"@id": "oa:hasPurpose", "@type": "@vocab"},
    "created": {"@id": "dcterms:created", "@type": "xsd:dateTime"},
    "modified": {"@id": "dcterms:modified", "@type": "xsd:dateTime"},
    "total": {"@id": "as:totalItems", "@type": "xsd:nonNegativeInteger"},
    "startIndex": {"@id": "as:startIndex", "@type": "xsd:nonNegativeInteger"},
    "start": {"@id": "oa:start", "@type": "xsd:nonNegativeInteger"},
    "end": {"@id": "oa:end", "@type": "xsd:nonNegativeInteger"},
    "label": "rdfs:label", "name": "foaf:name", "value": "rdf:value", "language": "dcterms:language",
    "exact": "oa:exact", "prefix": "oa:prefix", "suffix": "oa:suffix",
}


def _loader(url, options=None):
    assert url == "http://www.w3.org/ns/anno.jsonld"
    return {"contextUrl": None, "documentUrl": url, "document": {"@context": ANNO}}


def _leaves(node, key=None):
    if isinstance(node, dict):
        for k, v in node.items():
            if k != "@context":
                yield from _leaves(v, k)
    elif isinstance(node, list):
        for v in node:
            yield from _leaves(v, key)
    elif key not in ("type", "purpose", "motivation") and node is not None:
        yield node


def _expanded_values(node):
    if isinstance(node, dict):
        for k, v in node.items():
            if k in ("@value", "@id"):
                yield v
            else:
                yield from _expanded_values(v)
    elif isinstance(node, list):
        for v in node:
            yield from _expanded_values(v)


@settings(max_examples=15)
@given(bundles())
def test_json_ld_expands_without_dropping_a_field(bundle):
    doc = json.loads(dump(bundle))
    expanded = jsonld.expand(doc, {"documentLoader": _loader})
    values = {str(v) for v in _expanded_values(expanded)}
    missing = [v for v in _leaves(doc) if str(v) not in values]
    assert missing == []  # an undefined term would vanish on expansion
    (collection,) = expanded
    assert collection["@type"] == [AS + "OrderedCollection"]
    annotations = collection[AS + "first"][0][AS + "items"][0]["@list"]
    assert len(annotations) == sum(len(a.tags) for a in bundle.articles)
    for a in annotations:
        assert a["@type"] == [OA + "Annotation"]
        target = a[OA + "hasTarget"][0]
        assert target[OA + "hasSource"][0]["@id"].startswith("urn:uuid:")
        assert {s["@type"][0] for s in target[OA + "hasSelector"]} == {
            OA + "TextQuoteSelector", OA + "TextPositionSelector"}
        assert any(NS + "TagData" in b.get("@type", []) for b in a[OA + "hasBody"])


def test_the_model_s_required_keys_are_there():
    bundle = next_bundle()
    doc = json.loads(dump(bundle))
    assert doc["@context"][0] == "http://www.w3.org/ns/anno.jsonld"
    assert {"id", "type"} <= doc.keys() and doc["type"] == "AnnotationCollection"
    page = doc["first"]
    assert page["type"] == "AnnotationPage" and page["id"].startswith("urn:uuid:")
    for item in page["items"]:
        assert {"id", "type", "body", "target"} <= item.keys() and item["type"] == "Annotation"
        assert item["target"]["selector"][1]["start"] < item["target"]["selector"][1]["end"]
    for line in dump(bundle, lines=True).splitlines():  # each line stands alone
        item = json.loads(line)
        assert item["@context"] == doc["@context"] and item["type"] == "Annotation"


def next_bundle() -> Bundle:
    from bundle_cases import BundleArticle, BundleTag, make_anchor, text_sha256

    text = "Kyiv 🇺🇦: «𝕏» said Malyar"
    a = make_anchor(text, 0, 4)
    tag = BundleTag("5a1d1d6c-1111-4111-8111-111111111111", "actor", 0, 4, a.quote, a.prefix,
                    a.suffix, actor_uuid=ACTORS[0].uuid)
    art = BundleArticle("5a1d1d6c-2222-4222-8222-222222222222", "T", text, text_sha256(text),
                        tags=(tag,))
    return Bundle((art,), ACTORS)


HYPOTHESIS_LIKE = [
    {"@context": "http://www.w3.org/ns/anno.jsonld", "id": "https://hypothes.is/a/abc",
     "type": "Annotation", "creator": "acct:ana@hypothes.is", "created": "2022-02-24T10:00:00Z",
     "body": [{"type": "TextualBody", "purpose": "tagging", "value": "Person"},
              {"type": "TextualBody", "value": "the minister"}],
     "target": [{"source": "https://example.org/news/1",
                 "selector": [{"type": "RangeSelector"},
                              {"type": "TextPositionSelector", "start": 10, "end": 16},
                              {"type": "TextQuoteSelector", "exact": "Malyar", "prefix": "said ",
                               "suffix": " on"}]}]},
    {"id": "urn:uuid:7d1b0c1e-3333-4333-8333-333333333333", "type": "Annotation",
     "bodyValue": "check this",
     "body": {"type": "TextualBody", "purpose": "tagging", "value": "highlight"},
     "target": {"source": "https://example.org/news/1",
                "selector": {"type": "TextQuoteSelector", "exact": "Kyiv"}}},
    {"type": "Annotation", "motivation": "commenting", "bodyValue": "a date, no position",
     "body": {"type": "TextualBody", "purpose": "tagging", "value": "DATE"},
     "target": {"source": "https://example.org/news/1",
                "selector": {"type": "TextQuoteSelector", "exact": "Thursday"}}},
]


def test_a_foreign_annotation_list_maps_tags_by_name_and_reports_the_rest(tmp_path):
    b = load(tmp_path, json.dumps(HYPOTHESIS_LIKE))
    (article,) = b.articles
    assert article.text is None and article.sha256 == "" and article.title == "https://example.org/news/1"
    person, highlight, date = article.tags
    (code,) = b.codes  # a tag of no kind of ours: an own code by that name
    assert (code.name, highlight.kind, highlight.quote) == ("highlight", code.kind, "Kyiv")
    assert (person.kind, person.start, person.end, person.quote) == ("actor", 10, 16, "Malyar")
    assert (person.prefix, person.suffix, person.note) == ("said ", " on", "the minister")
    assert person.analyst == "acct:ana@hypothes.is" and person.created_at == "2022-02-24T10:00:00Z"
    assert (date.kind, date.quote, date.start, date.end) == ("date", "Thursday", 0, 8)
    assert date.note == "a date, no position"
    report = "\n".join(b.report)
    assert "no sha256" in report and "no TextPositionSelector" in report


def test_a_bare_annotation_and_a_page_are_read_too(tmp_path):
    page = {"type": "AnnotationPage", "items": HYPOTHESIS_LIKE[:1]}
    assert load(tmp_path, json.dumps(page)).articles[0].tags[0].quote == "Malyar"
    assert load(tmp_path, json.dumps(HYPOTHESIS_LIKE[0])).articles[0].tags[0].kind == "actor"


def test_a_utf16_position_is_reported_and_the_quote_kept(tmp_path):
    item = json.loads(json.dumps(HYPOTHESIS_LIKE[0]))
    item["target"][0]["selector"][1].update(start=10, end=18)  # a JS tool counting units
    b = load(tmp_path, json.dumps(item))
    tag = b.articles[0].tags[0]
    assert (tag.start, tag.end) == (10, 16)
    assert any("spans 8 characters, its quote 6" in r for r in b.report)


@pytest.mark.parametrize("content, reason", [
    ("{\"type\": \"Annotation\",", "not valid JSON"),
    ("[1, 2]", "annotation 1: the annotation is not a JSON object"),
    ("42", "the document is not a JSON object"),
    ('{"type": "Thing"}', "not an Annotation"),
    ('{"type": "Annotation", "target": {"source": "urn:uuid:x", "selector": ['
     '{"type": "TextQuoteSelector", "exact": "a"}, {"type": "TextPositionSelector", '
     '"start": "5", "end": 6}]}}', "start is not an integer"),
    ('{"type": "Annotation", "target": {"source": "urn:uuid:x", "selector": ['
     '{"type": "TextQuoteSelector", "exact": "a"}, {"type": "TextPositionSelector", '
     '"start": 6, "end": 6}]}}', "need 0 <= start < end"),
    ('{"type": "Annotation", "target": {"source": "urn:uuid:x", "selector": ['
     '{"type": "TextQuoteSelector", "exact": "a"}, {"type": "TextPositionSelector", '
     '"start": -1, "end": NaN}]}}', "NaN is not a JSON number"),
    ('{"type": "Annotation", "target": {"source": 5}}', "the target has no source"),
    ('{"type": "Annotation", "target": {"source": "urn:uuid:x", "selector": {"type": '
     '"TextQuoteSelector", "exact": 5}}}', "'exact' is not a string"),
    ('{"type": "Annotation"}', "no target"),
    ("[" * 100_000, "nested too deeply"),
    ('{"type": "AnnotationCollection", "ar:articles": 5}', "'ar:articles' is neither"),
])
def test_hostile_json_is_one_line_naming_the_file(tmp_path, content, reason):
    with pytest.raises(BundleFormatError) as e:
        load(tmp_path, content, "bad.json")
    message = str(e.value)
    assert message.startswith("bad.json") and "\n" not in message
    assert reason in message


def test_json_lines_errors_name_the_line(tmp_path):
    good = json.dumps(HYPOTHESIS_LIKE[0])
    with pytest.raises(BundleFormatError, match=r"^bad.jsonl line 3: not valid JSON"):
        load(tmp_path, f"{good}\n{good}\n{{oops\n", "bad.jsonl")


def test_non_utf8_and_huge_files_are_refused(tmp_path, monkeypatch):
    with pytest.raises(BundleFormatError, match=r"^x.json: not UTF-8 \(byte 0xff"):
        load(tmp_path, b'[{"a": "\xff"}]', "x.json")
    monkeypatch.setattr(w3c_read, "MAX_JSON_BYTES", 100)
    monkeypatch.setattr(bundle_io, "MAX_LINES_BYTES", 1000)
    with pytest.raises(BundleFormatError, match=r"^big.json: file too large"):
        load(tmp_path, "[" + " " * 2000 + "]", "big.json")
    monkeypatch.setattr(bundle_io, "MAX_LINES_BYTES", 100_000)
    with pytest.raises(BundleFormatError, match=r"^big.json: too large for one JSON document"):
        load(tmp_path, "[\n" + " " * 2000 + "]", "big.json")
    line = json.dumps(HYPOTHESIS_LIKE[0])
    big = load(tmp_path, (line + "\n") * 3, "big.jsonl")  # JSON Lines: read line by line
    assert len(big.articles[0].tags) == 3
    with pytest.raises(BundleFormatError, match=r"^empty.json: empty file"):
        load(tmp_path, " \n", "empty.json")
    with pytest.raises(BundleFormatError, match=r"^missing.json: no such file"):
        read_w3c(tmp_path / "missing.json")


def test_values_outside_our_vocabularies_are_dropped_and_said(tmp_path):
    doc = json.loads(dump(next_bundle()))
    item = doc["first"]["items"][0]
    data = item["body"][-1]
    data.update({"ar:status": "maybe", "ar:credibility": 9, "ar:granularity": "decade"})
    data["ar:actor"]["ar:actorType"] = "alien"
    odd = json.loads(json.dumps(item))
    odd["id"] = "urn:uuid:5a1d1d6c-9999-4999-8999-999999999999"
    odd["body"][-1]["ar:kind"] = "emotion"
    doc["first"]["items"].append(odd)
    b = load(tmp_path, json.dumps(doc))
    (tag,) = b.articles[0].tags
    assert (tag.status, tag.credibility, tag.granularity) == (None, None, None)
    assert {a.uuid: a.type for a in b.actors}[ACTORS[0].uuid] == "state"  # the collection's
    report = "\n".join(b.report)
    for said in ("status 'maybe'", "credibility 9", "granularity 'decade'",
                 "kind 'emotion' is not claim, actor or date; skipped", "type 'alien'"):
        assert said in report, said


def test_a_line_whose_article_is_not_its_target_is_refused(tmp_path):
    (line,) = dump(next_bundle(), lines=True).splitlines()
    item = json.loads(line)
    item["ar:article"]["id"] = "urn:uuid:00000000-0000-4000-8000-000000000000"
    with pytest.raises(BundleFormatError, match="^x.jsonl line 2: annotation 2: its 'ar:article'"):
        load(tmp_path, line + "\n" + json.dumps(item) + "\n", "x.jsonl")


def test_a_lone_surrogate_is_refused_at_read_time_naming_file_and_line(tmp_path):
    exact = ('{"type": "Annotation", "target": {"source": "urn:uuid:x", "selector": '
             '{"type": "TextQuoteSelector", "exact": "Kyiv\\udc00"}}}')
    with pytest.raises(BundleFormatError,
                       match=r"^bad.jsonld: not valid text \(a lone surrogate \\udc00 at line 2 "):
        load(tmp_path, "[\n" + exact + "]", "bad.jsonld")
    good = json.dumps(HYPOTHESIS_LIKE[0])
    with pytest.raises(BundleFormatError, match=r"^bad.jsonl line 2: not valid text"):
        load(tmp_path, f"{good}\n{exact}\n", "bad.jsonl")
