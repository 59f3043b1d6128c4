"""A date tagged inside a claim that has no date dates the claim (services/claim_dating),
by hand or by accepting a suggestion, and the undo of the tag takes the date away again."""

from __future__ import annotations

from reader_app.domain.models import ImportedArticle
from reader_app.services import suggesting, tagging
from reader_app.storage.annotations import get_annotation
from reader_app.storage.articles import add_article, get_article

TEXT = ("KHERSON — The regional governor said the ferry would sail again on Friday, and the"
        " mayor said the bridge would reopen on Monday or on Tuesday. Repairs began on Sunday.")


def article(db):
    return get_article(db, add_article(db, ImportedArticle("t", TEXT, "t.txt",
                                                            published="2023-03-15")).article_id)


def tag(db, art, kind, words):
    start = TEXT.index(words)
    return tagging.tag(db, art, kind, start, start + len(words), analyst="ana")


def claim_date(db, claim_id):
    found = get_annotation(db, claim_id)
    return found.claim_date, found.claim_date_annotation_id


def test_a_date_inside_an_undated_claim_dates_it_and_its_undo_undates_it(db):
    art = article(db)
    claim, _ = tag(db, art, "claim", "the bridge would reopen on Monday or on Tuesday")
    outer, _ = tag(db, art, "claim", "the mayor said the bridge would reopen on Monday or on"
                   " Tuesday")
    date, changes = tag(db, art, "date", "on Monday")
    assert date.dated_claims == (claim.annotation.id, outer.annotation.id)  # innermost first
    assert changes.explanation.startswith("Date of 2 claims set to 2023-03-20 from this")
    for c in (claim, outer):
        assert claim_date(db, c.annotation.id) == ("2023-03-20", date.annotation.id)
    assert {a.id for a in changes.tags_changed} == {claim.annotation.id, outer.annotation.id}
    assert set(changes.claims) >= {claim.annotation.id, outer.annotation.id}
    gone, undone = tagging.untag(db, date)
    for c in (claim, outer):
        assert claim_date(db, c.annotation.id) == (None, None)
    assert {a.id for a in undone.tags_changed} == {claim.annotation.id, outer.annotation.id}
    back, _ = tagging.retag(db, gone)
    assert back.annotation.id == date.annotation.id
    assert claim_date(db, claim.annotation.id) == ("2023-03-20", date.annotation.id)


def test_a_dated_claim_and_a_date_outside_are_left_alone(db):
    art = article(db)
    claim, _ = tag(db, art, "claim", "the bridge would reopen on Monday or on Tuesday")
    monday, first = tag(db, art, "date", "on Monday")
    assert first.explanation.startswith("Claim date set to 2023-03-20 from this date tag.")
    tuesday, second = tag(db, art, "date", "on Tuesday")
    assert tuesday.dated_claims == () and "Claim date" not in second.explanation
    assert claim_date(db, claim.annotation.id) == ("2023-03-20", monday.annotation.id)
    sunday, _ = tag(db, art, "date", "on Sunday")  # outside the claim
    assert sunday.dated_claims == ()
    other, _ = tag(db, art, "claim", "the ferry would sail again")
    had = claim_date(db, other.annotation.id)  # from its sentence, when it was tagged
    friday, _ = tag(db, art, "date", "on Friday")  # after that claim's end, not inside
    assert friday.dated_claims == () and claim_date(db, other.annotation.id) == had


def test_accepting_a_date_suggestion_inside_a_claim_dates_it(db):
    art = article(db)
    claim, _ = tag(db, art, "claim", "the bridge would reopen on Monday or on Tuesday")
    found = [s for s in suggesting.suggest(db, art.id) if s.kind == "date"
             and claim.annotation.start <= s.start and s.end <= claim.annotation.end]
    assert found
    new, changes = suggesting.accept(db, art, found[0], analyst="ana")
    assert claim_date(db, claim.annotation.id) == (new.annotation.value, new.annotation.id)
    assert "from this date tag" in changes.explanation
    tagging.untag(db, new)
    assert claim_date(db, claim.annotation.id) == (None, None)
    made, changes = suggesting.accept_all(db, art, found, analyst="ana")
    assert claim_date(db, claim.annotation.id)[1] == made[0].annotation.id
    assert "dated by them" in changes.explanation
    gone, _ = suggesting.untag_all(db, made)
    assert claim_date(db, claim.annotation.id) == (None, None)
    suggesting.retag_all(db, gone)
    assert claim_date(db, claim.annotation.id)[1] == made[0].annotation.id
