"""A claim takes its date only from a date tag in its own sentence(s): a nearer date tag in
the sentence before or after never becomes the claim's date."""

from __future__ import annotations

from gui_helpers import tag_in_window

from reader_app.domain.claims import sentence_span
from reader_app.domain.models import ImportedArticle
from reader_app.services.analysis import add_tag
from reader_app.storage.actors import create_actor
from reader_app.storage.articles import add_article, get_article
from reader_app.storage.database import open_library

NEXT_DOOR = ("Talks resume on Friday. Okafor said the port “will reopen soon.” "
             "The union meets on Monday.")
FAR_IN_ITS_SENTENCE = ("On Tuesday, after a long night in the harbour office with every union "
                       "delegate and both mediators present, Okafor said the port “will reopen "
                       "soon.” Friday is the deadline.")


def store(db, text: str):
    item = ImportedArticle("t", text, "t.txt", published="2023-10-18", language="en")
    return get_article(db, add_article(db, item).article_id)


def tag(db, article, kind: str, phrase: str):
    start = article.text.index(phrase)
    return add_tag(db, article, kind, start, start + len(phrase))


def test_the_sentence_span_of_a_claim_stops_at_its_sentence():
    start = NEXT_DOOR.index("“will")
    lo, hi = sentence_span(NEXT_DOOR, start, start + len("“will reopen soon.”"))
    assert NEXT_DOOR[lo:hi] == "Okafor said the port “will reopen soon.”"


def test_date_tags_in_the_sentences_next_to_a_claim_are_not_its_date(db):
    article = store(db, NEXT_DOOR)
    tag(db, article, "date", "Friday")
    tag(db, article, "date", "Monday")
    claim = tag(db, article, "claim", "“will reopen soon.”").annotation
    assert claim.claim_date is None and claim.claim_date_annotation_id is None


def test_the_date_in_its_sentence_wins_over_a_nearer_one_outside(db):
    article = store(db, FAR_IN_ITS_SENTENCE)
    tuesday = tag(db, article, "date", "Tuesday").annotation
    tag(db, article, "date", "Friday")  # 20 characters after the claim, next sentence
    claim = tag(db, article, "claim", "“will reopen soon.”")
    assert claim.annotation.claim_date == tuesday.value == "2023-10-17"
    assert claim.annotation.claim_date_annotation_id == tuesday.id
    assert "“Tuesday” in its sentence" in claim.explanation


def test_a_claim_over_two_sentences_takes_a_date_from_either(db):
    article = store(db, NEXT_DOOR)
    monday = tag(db, article, "date", "Monday").annotation
    claim = tag(db, article, "claim", "“will reopen soon.” The union meets on Monday.")
    assert claim.annotation.claim_date_annotation_id == monday.id


def test_in_the_window_a_claim_shows_only_its_own_sentences_date(qtbot, window, db_path):
    db = open_library(db_path)
    try:
        article_id = add_article(db, ImportedArticle(
            "t", FAR_IN_ITS_SENTENCE, "t.txt", published="2023-10-18")).article_id
    finally:
        db.close()
    window.controller.add_imported([article_id])
    window.controller.open_article(article_id)
    c = window.controller
    tag_in_window(window, "date", "Friday")
    claim = tag_in_window(window, "claim", "“will reopen soon.”")
    assert c.annotation(claim).claim_date is None  # Friday is in the next sentence
    tuesday = tag_in_window(window, "date", "Tuesday")
    again = tag_in_window(window, "claim", "Okafor said the port")
    assert c.annotation(again).claim_date_annotation_id == tuesday
    assert c.annotation(again).claim_date == "2023-10-17"


# --- issue 9: the claimant a new claim tag gets ------------------------------------------

PRONOUN = ("Harbour pilot Ana Sousa and the Nordhav Lines office spoke on Monday. She said "
           "the channel “will not be dredged this year.”")


def test_a_pronoun_claims_for_the_last_person_tagged_before_it(db):
    article = store(db, PRONOUN)
    sousa = tag(db, article, "actor", "Ana Sousa").annotation.actor_id
    create_actor(db, "Nordhav Lines", "organization")
    tag(db, article, "actor", "Nordhav Lines")  # an organisation: never "she"
    claim = tag(db, article, "claim", "“will not be dredged this year.”")
    assert claim.annotation.claimant_id == sousa
    assert "“She”" in claim.explanation and "“Ana Sousa”" in claim.explanation


def test_an_untagged_speaker_gives_no_claimant_from_the_next_sentence(db):
    article = store(db, "A port official said the cranes “stay idle.” Okafor told reporters "
                        "that talks had failed.")
    tag(db, article, "actor", "Okafor")
    claim = tag(db, article, "claim", "“stay idle.”")
    assert claim.annotation.claimant_id is None
    assert claim.explanation.startswith("No claimant proposed (its speaker")


def test_a_quotation_attributed_to_the_surname_of_a_person_tagged_before_is_theirs(db):
    from reader_app.domain.models import ImportedArticle
    from reader_app.services.analysis import add_tag
    from reader_app.storage.actors import get_actor
    from reader_app.storage.articles import add_article, get_article

    text = ("Foreign Minister Olena Marchuk met her counterpart on Monday. The talks were"
            " “like shouting into an empty hall,” Marchuk told reporters afterwards.")
    article = get_article(db, add_article(db, ImportedArticle("T", text, "t.txt",
                                                              "2022-02-09")).article_id)
    at = text.index("Olena Marchuk")
    add_tag(db, article, "actor", at, at + len("Olena Marchuk"))
    q = text.index("like shouting")
    claim = add_tag(db, article, "claim", q, text.index(",”", q)).annotation
    assert get_actor(db, claim.claimant_id).name == "Olena Marchuk"
