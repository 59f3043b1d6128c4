"""W3C, brat and JSON Lines over a real library's Bundle (storage.bundle_read): tagged through
the tagging service, so actors, claimants and date values are the app's own."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest

from reader_app.domain.models import ImportedArticle
from reader_app.formats.brat import read_brat, write_brat
from reader_app.formats.ml_jsonl import read_jsonl, write_jsonl
from reader_app.formats.w3c import read_w3c, write_w3c
from reader_app.services.tagging import edit_tag, tag
from reader_app.storage.articles import add_article, get_article
from reader_app.storage.bundle_read import read_bundle

KYIV = ("KYIV, 24 February 2022 — President 🇺🇦 Volodymyr Zelensky said on Thursday that\r\n"
        "“the army 𝕏 will\nhold”. Russia denied it on Friday; שלום e\u0301.")
WORDS = [("actor", "Volodymyr Zelensky"), ("date", "Thursday"), ("claim", "“the army 𝕏 will\nhold”"),
         ("actor", "Russia"), ("date", "Friday"), ("claim", "denied it")]


@pytest.fixture
def bundle(db):
    art = get_article(db, add_article(db, ImportedArticle(
        title="Kyiv ⟨report⟩ / ../", text=KYIV, source="kyiv.txt",
        published="2022-02-24")).article_id)
    ids = {}
    for kind, quote in WORDS:
        start = art.text.index(quote)
        new, _ = tag(db, art, kind, start, start + len(quote), analyst="ана")
        ids[quote] = new.annotation.id
    edit_tag(db, ids["denied it"], {"status": "disputed", "reliability": "B", "credibility": 3,
                                    "note": "two\nlines\tand a tab"})
    b = read_bundle(db)
    assert b.report == () and len(b.articles[0].tags) == len(WORDS)
    return b


def _sorted(b):
    return replace(b, origin="", report=(), articles=tuple(
        replace(a, tags=tuple(sorted(a.tags, key=lambda t: (t.start, t.end, t.kind, t.uuid))))
        for a in sorted(b.articles, key=lambda a: a.uuid)),
        actors=tuple(sorted(b.actors, key=lambda a: a.uuid)))


def test_the_library_s_tags_carry_what_the_formats_must_carry(bundle):
    tags = {t.quote: t for t in bundle.articles[0].tags}
    assert tags["Volodymyr Zelensky"].actor_uuid and tags["Thursday"].value
    assert tags["denied it"].status == "disputed"


@pytest.mark.parametrize("lines", [False, True])
def test_w3c_round_trip_and_re_export_are_identical(bundle, tmp_path, lines):
    out = io.StringIO()
    write_w3c(bundle, out, lines=lines)
    path = tmp_path / ("x.jsonl" if lines else "x.jsonld")
    path.write_text(out.getvalue(), encoding="utf-8")
    back = read_w3c(path)
    assert back.report == ()
    text = {a.uuid: a.text for a in bundle.articles}
    restored = replace(back, articles=tuple(replace(a, text=text[a.uuid]) for a in back.articles))
    assert _sorted(restored).articles == _sorted(bundle).articles
    again = io.StringIO()
    write_w3c(restored, again, lines=lines)
    assert again.getvalue() == out.getvalue()


@pytest.mark.parametrize("normalizations", [True, False])
def test_brat_round_trip_is_exact(bundle, tmp_path, normalizations):
    folder = tmp_path / "brat"  # tmp_path holds the library: brat refuses a foreign folder
    write_brat(bundle, folder, normalizations=normalizations)
    (txt,) = folder.glob("*.txt")
    assert txt.read_bytes() == KYIV.encode() and txt.parent == folder.resolve()
    back = read_brat(folder)
    assert back.report == ()
    assert _sorted(back) == _sorted(bundle)


def test_json_lines_carries_text_and_spans(bundle, tmp_path):
    out = tmp_path / "ml.jsonl"
    with out.open("w", encoding="utf-8") as f:
        write_jsonl(bundle, f)
    (article,) = read_jsonl(out).articles
    (want,) = bundle.articles
    assert (article.uuid, article.text, article.sha256) == (want.uuid, want.text, want.sha256)
    assert sorted((t.start, t.end, t.kind, t.quote) for t in article.tags) == sorted(
        (t.start, t.end, t.kind, t.quote) for t in want.tags)
