"""A full name tagged after its surname alone ("Wilk said ...", then "Marta Wilk, the
harbour master") links to the one-word actor and gives it the full name; undo puts the
old name back exactly (services/surname_first)."""

from __future__ import annotations

from reader_app.domain.actors import guess_actor_type
from reader_app.domain.models import ImportedArticle
from reader_app.services import tagging
from reader_app.storage.actors import get_actor
from reader_app.storage.annotations import get_annotation
from reader_app.storage.articles import add_article, get_article

TEXT = ("GDANSK — Wilk said the port would reopen on Monday. “The cranes are working again,” "
        "Wilk told reporters. Marta Wilk, the harbour master, thanked the crews. Jan Wilk, "
        "her brother, runs the ferry line. Kowalczyk was not asked, according to Nowak.")


def article(db, text=TEXT, name="t"):
    return get_article(db, add_article(db, ImportedArticle(name, text, f"{name}.txt",
                                                            published="2024-05-08")).article_id)


def tag(db, art, kind, words, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = art.text.index(words, start + 1)
    return tagging.tag(db, art, kind, start, start + len(words), analyst="ana")


def actor_rows(db):
    return [tuple(r) for r in db.execute("SELECT id, name, type FROM actors ORDER BY id")]


def test_a_surname_that_speaks_is_a_person():
    assert guess_actor_type("Wilk", "", "said") == "person"
    assert guess_actor_type("Wilk", "", "told") == "person"
    assert guess_actor_type("Wilk", "", "runs") == "other"
    assert guess_actor_type("Kremlin", "the", "said") == "organization"
    assert guess_actor_type("NATO", "", "said") == "organization"
    assert guess_actor_type("IMF", "", "said") == "other"  # capitals: an acronym, no name


def test_the_full_name_links_to_the_surname_tagged_first_and_undo_restores_it(db):
    art = article(db)
    wilk, said = tag(db, art, "actor", "Wilk")
    assert actor_rows(db) == [(wilk.annotation.actor_id, "Wilk", "person")]
    claim, _ = tag(db, art, "claim", "The cranes are working again")
    assert get_annotation(db, claim.annotation.id).claimant_id == wilk.annotation.actor_id
    before = get_actor(db, wilk.annotation.actor_id)
    marta, changes = tag(db, art, "actor", "Marta Wilk")
    assert marta.annotation.actor_id == wilk.annotation.actor_id
    assert actor_rows(db) == [(wilk.annotation.actor_id, "Marta Wilk", "person")]
    assert get_actor(db, marta.annotation.actor_id).aliases == ("Wilk",)
    assert "the surname Wilk tagged before in this article" in changes.explanation
    assert changes.actors[wilk.annotation.actor_id].name == "Marta Wilk"
    assert claim.annotation.id in changes.claims  # its row shows the new claimant name
    after = get_actor(db, wilk.annotation.actor_id)
    gone, undone = tagging.untag(db, marta)
    assert get_actor(db, wilk.annotation.actor_id) == before
    assert undone.actors[wilk.annotation.actor_id].name == "Wilk"
    assert claim.annotation.id in undone.claims
    tagging.retag(db, gone)
    assert get_actor(db, wilk.annotation.actor_id) == after
    tagging.untag(db, gone)
    assert get_actor(db, wilk.annotation.actor_id) == before


def test_a_relative_of_the_same_surname_stays_another_person(db):
    art = article(db)
    wilk, _ = tag(db, art, "actor", "Wilk")
    tag(db, art, "actor", "Marta Wilk")
    jan, _ = tag(db, art, "actor", "Jan Wilk")
    assert jan.annotation.actor_id != wilk.annotation.actor_id
    assert [n for _, n, _ in actor_rows(db)] == ["Marta Wilk", "Jan Wilk"]


def test_a_surname_guessed_other_still_takes_the_full_name(db):
    text = "Kowalczyk was not asked, according to Nowak. Later Piotr Nowak spoke."
    art = article(db, text)
    nowak, _ = tag(db, art, "actor", "Nowak")
    assert actor_rows(db)[0][1:] == ("Nowak", "other")
    piotr, _ = tag(db, art, "actor", "Piotr Nowak")
    assert piotr.annotation.actor_id == nowak.annotation.actor_id
    assert actor_rows(db) == [(nowak.annotation.actor_id, "Piotr Nowak", "person")]


def test_a_surname_tagged_in_other_articles_is_linked_but_not_renamed(db):
    other = article(db, "Wilk said the ferry was late.", "o")
    first, _ = tag(db, other, "actor", "Wilk")
    art = article(db)
    wilk, _ = tag(db, art, "actor", "Wilk")
    assert wilk.annotation.actor_id == first.annotation.actor_id
    marta, changes = tag(db, art, "actor", "Marta Wilk")
    assert marta.annotation.actor_id == first.annotation.actor_id
    assert actor_rows(db) == [(first.annotation.actor_id, "Wilk", "person")]
    assert "tagged in other articles too" in changes.explanation
    assert marta.renamed is None
