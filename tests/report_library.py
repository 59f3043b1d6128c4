"""A library for the report tests, built through the real services: two actors (one with a
hostile name), claims with claimants, dates, statuses, grades and a hostile note, a hostile
plain-text article, undated (title and quote are markup) and the hostile Markdown article."""

from __future__ import annotations

from pathlib import Path

from reader_app.services.importing import import_paths
from reader_app.services.tagging import edit_tag, tag
from reader_app.storage.actors import create_actor
from reader_app.storage.articles import get_article

EVIL_TITLE = '<img src="file:///etc/passwd"> <script>alert(1)</script> Dam “talks”'
EVIL_QUOTE = '<a href="javascript:alert(1)">click</a> see https://evil.example/x'
EVIL_NOTE = '</td></table><iframe src="http://evil.example/"></iframe> & "quoted"'
EVIL_ACTOR = '<b onmouseover="steal()">Evil</b> & Co 🇺🇦'
PLAIN = (f"{EVIL_TITLE}\n\nKyiv — Olsen said the dam “will hold”. "
         f"Then: {EVIL_QUOTE}. Later Olsen said “no strike took place”.\n")
MARKDOWN = (
    "date 2023-03-10\n\n# Ferry talks stall\n\nUnion leader **Mara Olsen** spoke.\n\n"
    "<script>alert('x')</script>\n\n<img src=\"file:///etc/passwd\">\n\n"
    "![photo](file:///etc/passwd) [evil](javascript:alert(1)) [site](https://example.org/news)\n\n"
    "Olsen said the ferries “will not sail”.\n")
# markup from the data that must not survive as markup (escaped, it is only text)
HOSTILE = ('<img src="file', "<script", "<iframe", '<a href="javascript', "<b ", 'onmouseover="',
           "https://example.org")


def build_library(db, folder: Path) -> dict[str, int]:
    """The library; returns the ids the tests check by name."""
    (folder / "dam.txt").write_text(PLAIN, encoding="utf-8")
    (folder / "ferry.md").write_text(MARKDOWN, encoding="utf-8")
    report = import_paths(db, [folder / "dam.txt", folder / "ferry.md"])
    assert len(report.created) == 2, report
    dam, ferry = (get_article(db, i) for i in sorted(r.article_id for r in report.created))
    olsen = create_actor(db, "Mara Olsen", "person")
    evil = create_actor(db, EVIL_ACTOR, "organization", note=EVIL_NOTE)

    def claim(article, phrase: str, **fields) -> int:
        start = article.text.index(phrase)
        new, _ = tag(db, article, "claim", start, start + len(phrase))
        edit_tag(db, new.annotation.id, fields)
        return new.annotation.id

    ids = {"dam": dam.id, "ferry": ferry.id, "olsen": olsen.id, "evil": evil.id}
    ids["hold"] = claim(dam, "the dam “will hold”", claimant_id=olsen.id, status="disputed",
                        reliability="B", credibility=2, claim_date="2023-03-14",
                        claim_date_annotation_id=None)
    ids["evil_claim"] = claim(dam, EVIL_QUOTE, claimant_id=evil.id, status="false",
                        reliability="E", credibility=5, claim_date="2023-W11",
                        note=EVIL_NOTE, claim_date_annotation_id=None)
    ids["strike"] = claim(dam, "no strike took place", claimant_id=olsen.id,
                          status="unverified", claim_date=None, claim_date_annotation_id=None)
    ids["sail"] = claim(ferry, "the ferries “will not sail”", claimant_id=olsen.id,
                        status="corroborated", reliability="A", credibility=1,
                        claim_date="2023-03-01/2023-03-05", claim_date_annotation_id=None)
    return ids
