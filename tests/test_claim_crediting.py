"""A speaker tagged after the claim becomes its claimant (services/claim_crediting), by
hand, from the command line's path or by accepting a suggestion, and undo takes it away."""

from __future__ import annotations

from reader_app.domain.models import ImportedArticle
from reader_app.services import suggesting, tagging
from reader_app.storage.actors import actor_names
from reader_app.storage.annotations import get_annotation
from reader_app.storage.articles import add_article, get_article

TEXT = ("ODESA — “The corridor will stay open through the winter,” Olena Hrytsenko said on "
        "Tuesday. Port workers rejected Pavel Dorosh’s claims that the cranes were idle. "
        "“We loaded four ships this week,” Ihor Savchuk, the harbour master, told reporters.")


def article(db):
    return get_article(db, add_article(db, ImportedArticle("t", TEXT, "t.txt",
                                                            published="2024-05-08")).article_id)


def tag(db, art, kind, words):
    start = TEXT.index(words)
    return tagging.tag(db, art, kind, start, start + len(words), analyst="ana")


def claimant(db, claim):
    found = get_annotation(db, claim.annotation.id).claimant_id
    return None if found is None else actor_names(db, [found])[found]


def test_the_speaker_tagged_after_the_claim_becomes_its_claimant_and_undo_clears_it(db):
    art = article(db)
    claim, first = tag(db, art, "claim", "The corridor will stay open through the winter")
    assert claimant(db, claim) is None and "No claimant" in first.explanation
    speaker, changes = tag(db, art, "actor", "Olena Hrytsenko")
    assert speaker.credited_claims == (claim.annotation.id,)
    assert claimant(db, claim) == "Olena Hrytsenko"
    assert "Claimant of “The corridor will stay open through the…” set to Olena" \
        " Hrytsenko, who says it." in changes.explanation
    assert [a.id for a in changes.tags_changed] == [claim.annotation.id]
    assert claim.annotation.id in changes.claims
    gone, undone = tagging.untag(db, speaker)
    assert claimant(db, claim) is None
    assert [a.id for a in undone.tags_changed] == [claim.annotation.id]
    back, _ = tagging.retag(db, gone)
    assert back.annotation.id == speaker.annotation.id and claimant(db, claim) == "Olena Hrytsenko"


def test_a_claim_with_a_claimant_or_another_speaker_is_left_alone(db):
    art = article(db)
    savchuk, _ = tag(db, art, "actor", "Ihor Savchuk")
    ships, _ = tag(db, art, "claim", "We loaded four ships this week")
    assert claimant(db, ships) == "Ihor Savchuk"  # the usual order: the speaker came first
    cranes, _ = tag(db, art, "claim", "the cranes were idle")
    dorosh, said = tag(db, art, "actor", "Pavel Dorosh")  # rejected his claims: not his words
    assert dorosh.credited_claims == () and claimant(db, cranes) is None
    assert "Claimant" not in said.explanation
    corridor, _ = tag(db, art, "claim", "The corridor will stay open through the winter")
    again, _ = tag(db, art, "actor", "harbour master")  # not the corridor claim's speaker
    assert again.credited_claims == () and claimant(db, corridor) is None
    assert claimant(db, ships) == "Ihor Savchuk"


def test_accepting_the_speaker_as_a_suggestion_credits_the_claim_in_one_step(db):
    art = article(db)
    claim, _ = tag(db, art, "claim", "We loaded four ships this week")
    assert claimant(db, claim) is None  # nobody of that name in the library yet
    earlier = get_article(db, add_article(db, ImportedArticle(
        "e", "Ihor Savchuk runs the harbour.", "e.txt", published="2024-05-01")).article_id)
    tagging.tag(db, earlier, "actor", 0, len("Ihor Savchuk"))  # known to the library now
    found = [s for s in suggesting.suggest(db, art.id) if s.kind == "actor"
             and s.quote == "Ihor Savchuk"]
    assert found, "the known actor is suggested"
    made, changes = suggesting.accept_all(db, art, found, analyst="ana")
    assert claimant(db, claim) == "Ihor Savchuk"
    assert "1 claim given their claimant by them" in changes.explanation
    gone, _ = suggesting.untag_all(db, made)
    assert claimant(db, claim) is None
    suggesting.retag_all(db, gone)
    assert claimant(db, claim) == "Ihor Savchuk"
