"""Hypothesis strategies for interchange round trips: Bundles over hard Unicode texts."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import strategies as st

from reader_app.domain.interchange import Bundle, BundleActor, BundleArticle, BundleTag
from reader_app.domain.offsets import make_anchor, text_sha256

# Each piece on its own is a known trap: astral (+1 UTF-16 unit), flags and ZWJ sequences
# (several code points, one glyph), combining marks, RTL, CRLF and lone CR, NBSP, tab,
# characters str.splitlines breaks on, CJK Extension B.
PIECES = ["a", "Kyiv ", "said ", "🇺🇦", "𝕏", "👨‍👩‍👧", "e\u0301", "שלום ", "مرحبا", "Привет ",
          "\r\n", "\n", "\r", "\u00a0", "\t", "\u2028", "\x85", "𠀀", " ", ".", '"', "ar:{", "}"]
hard_text = st.lists(st.sampled_from(PIECES), min_size=1, max_size=30).map("".join)
short = st.one_of(st.none(), hard_text)
uuids = st.uuids().map(str)
stamps = st.one_of(st.none(), st.sampled_from(["2026-12-03T06:00:00.000+00:00", "2022-02-24"]))
ACTORS = [BundleActor("0b6f2a5e-0000-4000-8000-000000000001", "Kyiv", "state", None, ("Kiev",)),
          BundleActor("0b6f2a5e-0000-4000-8000-000000000002", "Ганна\tМаляр", "person",
                      "deputy\nminister", ()),
          BundleActor("0b6f2a5e-0000-4000-8000-000000000003", "𝕏 Corp 🇺🇦", "organization")]
actor_ids = st.one_of(st.none(), st.sampled_from([a.uuid for a in ACTORS]))


@st.composite
def tags_for(draw: st.DrawFn, text: str, kinds: tuple[str, ...] = ("claim", "actor", "date")
             ) -> list[BundleTag]:
    tags = []
    for _ in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        a = make_anchor(text, start, end)
        kind = draw(st.sampled_from(kinds))
        tags.append(BundleTag(
            uuid=draw(uuids), kind=kind, start=start, end=end, quote=a.quote, prefix=a.prefix,
            suffix=a.suffix,
            value=draw(st.one_of(st.none(), st.sampled_from(
                ["2022-02-24", "2022-W07", "2022-02-14/2022-02-20", "next week", ""]))),
            note=draw(st.one_of(short, st.just(""), st.just("x ar:{}"))),
            analyst=draw(st.one_of(st.none(), st.sampled_from(["ana", "Бо б"]))),
            created_at=draw(stamps), updated_at=draw(stamps),
            actor_uuid=draw(actor_ids) if kind == "actor" else None,
            claimant_uuid=draw(actor_ids) if kind == "claim" else None,
            claim_date=draw(st.one_of(st.none(), st.just("2022-02-24"))),
            claim_date_tag_uuid=draw(st.one_of(st.none(), uuids)),
            status=draw(st.one_of(st.none(), st.sampled_from(["disputed", "false"]))),
            reliability=draw(st.one_of(st.none(), st.sampled_from(["A", "F"]))),
            credibility=draw(st.one_of(st.none(), st.integers(1, 6))),
            granularity=draw(st.one_of(st.none(), st.just("day"))),
            date_method=draw(st.one_of(st.none(), st.just("rule")))))
    return tags


@st.composite
def bundles(draw: st.DrawFn, kinds: tuple[str, ...] = ("claim", "actor", "date")) -> Bundle:
    articles = []
    for _ in range(draw(st.integers(1, 3))):
        text = draw(hard_text)
        articles.append(BundleArticle(
            uuid=draw(uuids), title=draw(st.one_of(hard_text, st.just("../../etc/passwd"))),
            text=text, sha256=text_sha256(text), source=draw(st.sampled_from(["", "a.txt"])),
            published=draw(st.one_of(st.none(), st.just("2022-02-24"))),
            language=draw(st.one_of(st.none(), st.just("uk"))), memo=draw(st.just("") | hard_text),
            tags=tuple(draw(tags_for(text, kinds)))))
    return Bundle(tuple(articles), tuple(ACTORS))


def ordered(bundle: Bundle) -> Bundle:
    """The bundle as writers order it: articles by uuid, tags by span, kind, uuid; no origin."""
    return Bundle(tuple(replace(a, tags=tuple(sorted(
        a.tags, key=lambda t: (t.start, t.end, t.kind, t.uuid))))
        for a in sorted(bundle.articles, key=lambda a: a.uuid)),
        tuple(sorted(bundle.actors, key=lambda a: a.uuid)))
