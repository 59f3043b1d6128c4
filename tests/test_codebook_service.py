"""Own codes: the codebook table, its service operations and their exact inverses (no Qt)."""

from __future__ import annotations

import pytest

from reader_app.domain.codebook import DEFAULT_PALETTE, is_own_kind
from reader_app.domain.models import ImportedArticle
from reader_app.services import codebook, tagging
from reader_app.storage.annotations import get_annotation, list_annotations
from reader_app.storage.articles import add_article, get_article, tag_counts
from reader_app.storage.codebook import list_codes, tags_of_code

TEXT = ("date 2031-04-02\nThe ferry reached Tromsø harbour at dawn, and a Hawk drone 🛩 "
        "circled the old lighthouse twice before the fog came in.\n")


def rows(db) -> dict[str, list[tuple]]:
    return {t: [tuple(r) for r in db.execute(f"SELECT * FROM {t} ORDER BY id").fetchall()]
            for t in ("codebook", "annotations")}


@pytest.fixture
def article(db):
    item = ImportedArticle("Ferry", TEXT, "ferry.txt", published="2031-04-02", language="en")
    return get_article(db, add_article(db, item).article_id)


def tag(db, article, kind, words):
    start = article.text.index(words)
    new, _ = tagging.tag(db, article, kind, start, start + len(words), analyst="ana")
    return new.annotation


def test_create_gives_distinct_default_colours_and_refuses_clashes(db):
    place, _ = codebook.create(db, "Location", key=1)
    weapon, changes = codebook.create(db, "Weapon system", key=2, parent_id=None)
    assert changes.codebook and not changes.is_empty()
    assert place.colour == DEFAULT_PALETTE[0] and weapon.colour == DEFAULT_PALETTE[1]
    assert is_own_kind(place.kind) and place.kind.endswith(place.uuid)
    for bad, message in ((dict(name="location"), "already a code"),
                         (dict(name="Claim"), "built-in"),
                         (dict(name="Event", key=1), "Key 1"),
                         (dict(name="Event", colour="red"), "#rrggbb"),
                         (dict(name="  "), "needs a name")):
        with pytest.raises(ValueError, match=message):
            codebook.create(db, **bad)
    assert [c.name for c in list_codes(db)] == ["Location", "Weapon system"]


def test_own_code_tags_are_plain_spans_counted_apart(db, article):
    place, _ = codebook.create(db, "Location", key=1)
    ann = tag(db, article, place.kind, "Tromsø harbour")
    assert ann.kind == place.kind and ann.actor_id is None and ann.claim_date is None
    assert article.text[ann.start:ann.end] == ann.quote == "Tromsø harbour"
    tag(db, article, "actor", "Hawk drone")
    assert tag_counts(db, article.id)[article.id] == (0, 1, 0)
    assert db.execute("SELECT codes FROM tag_counts").fetchone()[0] == 1
    with pytest.raises(ValueError, match="Already tagged as Location"):
        tagging.plan_tag(db, article, place.kind, ann.start, ann.end)
    with pytest.raises(ValueError, match="Unknown tag kind"):
        tagging.plan_tag(db, article, "code:no-such-code", ann.start, ann.end)


def test_edit_and_put_back_restore_the_row_exactly(db):
    place, _ = codebook.create(db, "Location", key=1)
    theme, _ = codebook.create(db, "Theme")
    before = rows(db)
    old, _ = codebook.edit(db, place.id, name="Place", colour="#123456", key=5,
                           parent_id=theme.id, description="where it happened")
    now = list_codes(db)[0]
    assert (now.name, now.colour, now.key, now.parent_id) == ("Place", "#123456", 5, theme.id)
    codebook.put_back(db, old)
    assert rows(db) == before
    codebook.edit(db, place.id, parent_id=theme.id)
    with pytest.raises(ValueError, match="under itself"):
        codebook.edit(db, theme.id, parent_id=place.id)


def test_merge_moves_every_tag_and_undo_puts_back_the_same_rows(db, article):
    place, _ = codebook.create(db, "Location")
    site, _ = codebook.create(db, "Site")
    sub, _ = codebook.create(db, "Harbour", parent_id=place.id)
    a = tag(db, article, place.kind, "Tromsø harbour")
    b = tag(db, article, place.kind, "old lighthouse")
    before = rows(db)
    removed, changes = codebook.merge(db, place.id, site.id)
    assert {t.id for t in changes.tags_changed} == {a.id, b.id}
    assert changes.counts[article.id] == (0, 0, 0) and changes.codebook
    assert get_annotation(db, a.id).kind == site.kind
    assert [c.name for c in list_codes(db)] == ["Harbour", "Site"]
    assert list_codes(db)[0].parent_id == site.id  # the subcode followed
    assert tags_of_code(db, site) == 2
    back = codebook.unremove(db, removed)
    assert rows(db) == before
    assert db.execute("SELECT codes FROM tag_counts").fetchall() == db.execute(
        "SELECT count(*) FROM annotations WHERE kind GLOB 'code:*'").fetchall() == [(2,)]
    assert {t.kind for t in back.tags_changed} == {place.kind}
    with pytest.raises(ValueError, match="itself"):
        codebook.merge(db, site.id, site.id)
    del sub


def test_delete_in_use_asks_for_a_target(db, article):
    place, _ = codebook.create(db, "Location")
    event, _ = codebook.create(db, "Event")
    tag(db, article, place.kind, "Tromsø harbour")
    with pytest.raises(ValueError, match="used by 1 tag"):
        codebook.delete(db, place.id)
    before = rows(db)
    removed, _ = codebook.delete(db, place.id, move_to=event.id)
    assert [a.kind for a in list_annotations(db, article.id)] == [event.kind]
    codebook.unremove(db, removed)
    assert rows(db) == before
    unused, _ = codebook.create(db, "Unused")
    gone, _ = codebook.delete(db, unused.id)
    codebook.unremove(db, gone)
    assert [c.name for c in list_codes(db)] == ["Event", "Location", "Unused"]


def test_delete_moves_subcodes_up_and_create_undoes(db):
    top, _ = codebook.create(db, "Theme")
    mid, _ = codebook.create(db, "Energy", parent_id=top.id)
    low, _ = codebook.create(db, "Gas", parent_id=mid.id)
    before = rows(db)
    removed, _ = codebook.delete(db, mid.id)
    assert {c.name: c.parent_id for c in list_codes(db)} == {"Gas": top.id, "Theme": None}
    codebook.unremove(db, removed)
    assert rows(db) == before
    codebook.uncreate(db, low)
    codebook.recreate(db, low)
    assert rows(db) == before


def test_tag_edit_to_an_own_kind(db, article):
    place, _ = codebook.create(db, "Location")
    ann = tag(db, article, "claim", "circled the old lighthouse")
    edit = tagging.plan_tag_edit(db, ann.id, {"kind": place.kind})
    assert edit is not None and edit.new == {"kind": place.kind}
