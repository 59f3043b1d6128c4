"""Tagging with meaning: actors matched or created, dates resolved, claimants proposed."""

from __future__ import annotations

import pytest
from shared_sample import SAMPLES, Sample

from reader_app.domain.models import ImportedArticle
from reader_app.services.analysis import (
    ANALYST_METHOD,
    add_tag,
    fields_for_date_correction,
    fields_for_new_tag,
    granularity_of,
    remove_new_tag,
    restore_new_tag,
)
from reader_app.storage.actors import create_actor, get_actor, list_actors
from reader_app.storage.annotations import (
    add_annotation,
    get_annotation,
    update_annotation,
)
from reader_app.storage.articles import NotFound, add_article, get_article
from reader_app.storage.export_rows import CLAIM_COLUMNS, iter_claim_rows

OWN_TEXT = (
    "date 2023-03-01 Kyiv — Officials said on Monday that the dam was damaged.\n\n"
    "According to Rostenko, the reservoir “will be empty within days.” "
    "The Defense Ministry denied it. “No strike took place,” the Defense Ministry said on "
    "Tuesday.\n"
)


def store(db, text: str, published: str | None, language: str | None = "en"):
    item = ImportedArticle("t", text, "t.txt", published=published, language=language)
    return get_article(db, add_article(db, item).article_id)


def span(article, phrase: str, after: str | None = None) -> tuple[int, int]:
    start = article.text.index(phrase, article.text.index(after) if after else 0)
    return start, start + len(phrase)


def tag(db, article, kind: str, phrase: str, after: str | None = None):
    return add_tag(db, article, kind, *span(article, phrase, after))


@pytest.fixture(params=SAMPLES)
def case(request) -> Sample:
    return request.param


@pytest.fixture
def sample(db, case):
    from reader_app.formats.importers import read_article

    article = get_article(db, add_article(db, read_article(case.path)).article_id)
    assert article.published == case.published
    return article


# --- on the example articles (our own; the shared one when present) -----------------------


def test_a_surname_after_the_full_name_is_the_same_actor(db, sample, case):
    full = tag(db, sample, "actor", case.person)
    assert full.created_actor is not None and full.created_actor.name == case.person
    assert full.created_actor.type == "person"
    short = tag(db, sample, "actor", *case.surname)
    assert short.created_actor is None
    assert short.annotation.actor_id == full.annotation.actor_id
    assert f"surname of {case.person}" in short.explanation
    assert len(list_actors(db)) == 1


def test_dates_resolve_against_the_dateline(db, sample, case):
    for phrase, value, granularity in case.dates:
        tagged = tag(db, sample, "date", *phrase)
        ann = tagged.annotation
        assert (ann.value, ann.granularity) == (value, granularity), phrase
        assert ann.date_method and ann.date_method != "unresolved"
        assert tagged.explanation


def test_a_surname_speaking_claims_what_it_describes(db, sample, case):
    speaker = tag(db, sample, "actor", *case.speaker)
    claim = tag(db, sample, "claim", case.speaker_claim)
    assert claim.annotation.claimant_id == speaker.annotation.actor_id
    assert claim.annotation.status == "unverified"
    assert f"Claimant: {case.speaker[0]}" in claim.explanation


def test_an_organisation_calling_it_something_claims_it(db, sample, case):
    caller = tag(db, sample, "actor", *case.caller)
    claim = tag(db, sample, "claim", case.caller_claim)
    assert claim.annotation.claimant_id == caller.annotation.actor_id


def test_a_titled_person_who_said_it_claims_it(db, sample, case):
    tag(db, sample, "actor", *case.caller)
    titled = tag(db, sample, "actor", case.titled)
    claim = tag(db, sample, "claim", case.titled_claim)
    assert claim.annotation.claimant_id == titled.annotation.actor_id
    assert tag(db, sample, "actor", *case.titled_surname).annotation.actor_id \
        == titled.annotation.actor_id


def test_a_ministry_quoted_after_its_claim(db, sample, case):
    for place in case.places:  # the second is nested in the ministry's tag
        tag(db, sample, "actor", *place)
    ministry = tag(db, sample, "actor", case.ministry)
    claim = tag(db, sample, "claim", case.ministry_claim)
    assert claim.annotation.claimant_id == ministry.annotation.actor_id


def test_a_claim_takes_the_date_tag_in_its_sentence(db, sample, case):
    actor = tag(db, sample, "actor", *case.dated_actor)
    day = tag(db, sample, "date", *case.dated_day)
    claim = tag(db, sample, "claim", case.dated_claim)
    # issue 9: narration with no speech verb ("X and Y began drills on <day>") gets no
    # claimant rather than a guess (this used to propose the actor it names)
    assert claim.annotation.claimant_id is None
    assert claim.annotation.claim_date == case.dated_value
    assert claim.annotation.claim_date_annotation_id == day.annotation.id
    update_annotation(db, claim.annotation.id, claimant_id=actor.annotation.actor_id)
    # the export follows the date tag when the analyst corrects it
    update_annotation(db, day.annotation.id, value="2021-12-31")
    row = dict(zip(CLAIM_COLUMNS, next(iter_claim_rows(db))))
    assert row["claim_date"] == "2021-12-31" and row["claimant"] == case.dated_actor[0]


# --- on a text of our own ---------------------------------------------------------------------


def test_known_names_and_aliases_link_without_creating(db):
    article = store(db, OWN_TEXT.split(" ", 2)[2], "2023-03-01")
    ukraine = create_actor(db, "Ukraine", "state", aliases=["Kyiv", "Kiev"])
    tagged = tag(db, article, "actor", "Kyiv")
    assert tagged.annotation.actor_id == ukraine.id and tagged.created_actor is None
    assert "alias of Ukraine" in tagged.explanation
    assert len(list_actors(db)) == 1


def test_claimants_by_according_to_and_by_attribution(db):
    article = store(db, OWN_TEXT.split(" ", 2)[2], "2023-03-01")
    rostenko = tag(db, article, "actor", "Rostenko")
    ministry = tag(db, article, "actor", "Defense Ministry", after="“No strike")
    claim1 = tag(db, article, "claim", "“will be empty within days.”")
    claim2 = tag(db, article, "claim", "“No strike took place,”")
    assert claim1.annotation.claimant_id == rostenko.annotation.actor_id
    assert claim2.annotation.claimant_id == ministry.annotation.actor_id
    # the ministry's first mention is not tagged, but its name is now known
    claim3 = tag(db, article, "claim", "The Defense Ministry denied it.")
    assert claim3.annotation.claimant_id == ministry.annotation.actor_id


def test_a_claim_with_no_actor_around(db):
    article = store(db, "Officials gave no details. The dam was damaged overnight.", None)
    claim = tag(db, article, "claim", "The dam was damaged overnight.")
    assert claim.annotation.claimant_id is None
    assert claim.explanation.startswith("No claimant proposed")


def test_an_undated_article_keeps_relative_dates_unresolved(db):
    article = store(db, "Talks resume on Thursday.", None)
    ann = tag(db, article, "date", "Thursday").annotation
    assert ann.value is None and ann.granularity is None
    assert ann.date_method == "unresolved-undated"


def test_fields_are_keyword_arguments_for_add_annotation(db):
    article = store(db, "Moscow said on Friday that talks failed.", "2022-02-09")
    fields, explanation, created, _ = fields_for_new_tag(db, article, "date", *span(article, "Friday"))
    # "said": past tense, so the Friday before the Wednesday dateline (issue 9)
    assert fields == {"value": "2022-02-04", "granularity": "day", "date_method": "weekday"}
    assert explanation and created is None
    ann = add_annotation(db, article.id, "date", *span(article, "Friday"), **fields)
    assert ann.value == "2022-02-04"


# --- undo and redo of a tag that created an actor ----------------------------------------------


def test_undo_deletes_the_actor_created_for_the_tag_and_redo_brings_both_back(db):
    article = store(db, "Minsk and Moscow held drills.", "2022-02-10")
    tagged = tag(db, article, "actor", "Minsk")
    actor = tagged.created_actor
    removed = remove_new_tag(db, tagged)
    with pytest.raises(NotFound):
        get_actor(db, actor.id)
    with pytest.raises(NotFound):
        get_annotation(db, tagged.annotation.id)
    again = restore_new_tag(db, removed)
    assert again.annotation == tagged.annotation
    assert get_actor(db, actor.id) == actor


def test_undo_keeps_an_actor_that_something_else_uses_now(db):
    article = store(db, "Minsk and Moscow held drills. Minsk said so.", "2022-02-10")
    first = tag(db, article, "actor", "Minsk")
    second = tag(db, article, "actor", "Minsk", after="drills.")
    assert second.annotation.actor_id == first.annotation.actor_id
    remove_new_tag(db, first)
    assert get_actor(db, first.created_actor.id).name == "Belarus"  # its capital (state table)


def test_a_failed_tag_leaves_no_actor_behind(db):
    article = store(db, "Minsk and Moscow held drills.", "2022-02-10")
    with pytest.raises(ValueError):
        add_tag(db, article, "actor", 0, 5, expected_quote="Moscow")
    assert list_actors(db) == []


# --- the analyst corrects a date -------------------------------------------------------------


def test_date_corrections():
    article = get_article_stub()
    assert fields_for_date_correction(article, "2022-W08") == {
        "value": "2022-W08", "granularity": "week", "date_method": ANALYST_METHOD}
    assert fields_for_date_correction(article, "Friday")["value"] == "2022-02-11"
    assert fields_for_date_correction(article, "")["value"] is None
    with pytest.raises(ValueError):
        fields_for_date_correction(article, "whenever")
    assert [granularity_of(v) for v in ("2022-02-10", "2022-W07", "2022-02", "1997",
                                        "2022-02-13/2022-02-19", "soon")] == [
        "day", "week", "month", "year", "interval", None]


def get_article_stub():
    from reader_app.domain.models import Article

    return Article(1, "u", "t", "s", "2022-02-09", "en", "x", "h", "text", (), "now")
