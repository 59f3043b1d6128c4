"""Reading a library as an interchange Bundle: every field, links by uuid, damaged tags."""

from __future__ import annotations

from reader_app.domain.models import ImportedArticle
from reader_app.services.tagging import tag
from reader_app.storage.annotations import update_annotation
from reader_app.storage.articles import add_article, get_article
from reader_app.storage.bundle_read import read_bundle

TEXT = ("KYIV, 24 February 2022 — President 🇺🇦 Volodymyr Zelensky said on Thursday that"
        " 𝕏 “the army will hold”. Russia denied it.")


def _article(db, text=TEXT, title="Kyiv report"):
    result = add_article(db, ImportedArticle(title=title, text=text, source="wire.txt",
                                             published="2022-02-24"))
    return get_article(db, result.article_id)


def _span(text, quote):
    start = text.index(quote)
    return start, start + len(quote)


def test_a_whole_library_reads_with_links_by_uuid(db):
    art = _article(db)
    actor, _ = tag(db, art, "actor", *_span(TEXT, "Volodymyr Zelensky"), analyst="ana")
    date, _ = tag(db, art, "date", *_span(TEXT, "Thursday"), analyst="ana")
    claim, _ = tag(db, art, "claim", *_span(TEXT, "“the army will hold”"), analyst="ana")
    db.execute("UPDATE articles SET memo = 'check the wire' WHERE id = ?", [art.id])
    bundle = read_bundle(db, origin="mine")
    assert bundle.origin == "mine" and bundle.report == ()
    (out,) = bundle.articles
    assert (out.uuid, out.title, out.sha256, out.text, out.memo, out.published) == (
        art.uuid, art.title, art.sha256, TEXT, "check the wire", "2022-02-24")
    tags = {t.kind: t for t in out.tags}
    assert TEXT[tags["actor"].start:tags["actor"].end] == "Volodymyr Zelensky"
    assert tags["actor"].quote == "Volodymyr Zelensky" and tags["actor"].analyst == "ana"
    actors = {a.uuid: a for a in bundle.actors}
    assert actors[tags["actor"].actor_uuid].name == "Volodymyr Zelensky"
    assert tags["date"].value == "2022-02-24"
    assert tags["claim"].uuid == claim.annotation.uuid
    assert tags["claim"].claimant_uuid == tags["actor"].actor_uuid
    assert tags["claim"].claim_date_tag_uuid == date.annotation.uuid


def test_some_articles_carry_only_the_actors_they_use(db):
    art = _article(db)
    other = _article(db, "Mr Smith met the Mayor of Lviv.", "Other")
    tag(db, art, "actor", *_span(TEXT, "Russia"))
    tag(db, other, "actor", *_span(other.text, "Smith"))
    bundle = read_bundle(db, [other.id])
    assert [a.title for a in bundle.articles] == ["Other"]
    assert [a.name for a in bundle.actors] == ["Smith"]
    assert len(read_bundle(db).actors) == 2


def test_claim_fields_travel(db):
    art = _article(db)
    claim, _ = tag(db, art, "claim", *_span(TEXT, "Russia denied it"))
    update_annotation(db, claim.annotation.id, status="disputed", reliability="B", credibility=3)
    (t,) = read_bundle(db).articles[0].tags
    assert (t.status, t.reliability, t.credibility) == ("disputed", "B", 3)


def test_a_damaged_tag_is_reported_not_drifted(db):
    art = _article(db)
    new, _ = tag(db, art, "actor", *_span(TEXT, "Russia"))
    db.execute("UPDATE annotations SET quote = 'Ukraine' WHERE id = ?", [new.annotation.id])
    bundle = read_bundle(db)
    assert bundle.articles[0].tags == ()
    assert len(bundle.report) == 1 and "Kyiv report" in bundle.report[0]
