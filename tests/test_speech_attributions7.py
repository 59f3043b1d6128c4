"""Attributions of the seventh round: a Q&A interview's answers are the interviewee's, a
headline's label before a colon is no speaker. Sentences written for these tests."""

from __future__ import annotations

from test_claimant_readings5 import _claimant

from reader_app.domain.actors import match_key
from reader_app.domain.speech import find_claims

INTERVIEW = ("Interview: \"We will not ration water\"\n\n"
             "Marta Quill has led the Lowland Canal Board since 2019. She spoke to us on "
             "Monday.\n\n"
             "Q: Will the canal run dry?\n\n"
             "A: Not this summer. The reservoirs are at 80 percent of their normal level. "
             "[smiles] We built two new pumps last spring.\n\n"
             "Q: And the farmers?\n\n"
             "A: They will get their full share until August.\n")


def _found(text: str, known: dict[str, int], persons: set[int]) -> list[tuple[str, int | None]]:
    names = {match_key(k): v for k, v in known.items()}
    return [(text[m.start:m.end], m.claimant_id) for m in find_claims(text, [], names, persons)]


def test_each_sentence_of_an_answer_is_the_interviewees_claim():
    found = _found(INTERVIEW, {"Marta Quill": 1, "Lowland Canal Board": 2}, {1})
    assert ("The reservoirs are at 80 percent of their normal level", 1) in found
    assert ("We built two new pumps last spring", 1) in found  # after the "[smiles]"
    assert ("They will get their full share until August", 1) in found
    assert not any("Will the canal" in claim for claim, _ in found)  # a question is no claim


def test_an_answer_claim_tagged_gets_the_interviewee_tagged_in_the_introduction():
    assert _claimant(INTERVIEW, "The reservoirs are at 80 percent of their normal level",
                     {"Marta Quill": 1}, {1}) == 1


def test_a_paragraph_opening_with_a_colon_label_is_no_answer_without_questions():
    text = ("Marta Quill has led the Lowland Canal Board since 2019.\n\n"
            "A: the first zone of the canal, B: the second zone.\n")
    assert _found(text, {"Marta Quill": 1}, {1}) == []


def test_a_headline_label_before_a_colon_is_no_speaker():
    found = find_claims(INTERVIEW, [], {match_key("Interview"): 5}, set())
    assert not any(m.claimant_id == 5 for m in found)
    text = "Analysis: \"The canal is older than the town itself\"\n"
    assert all(m.claimant_id is None for m in find_claims(text, [], {"analysis": 6}, set()))
