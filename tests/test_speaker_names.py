"""The speaker a claim suggestion names when nobody is tagged yet (its reason line): the
person's name without possessor or title, the subject of "with X accusing" and of "X did
something after telling", and a pronoun read as the last speaker named before it."""

from __future__ import annotations

import pytest

from reader_app.domain.speech import find_claims


def _reasons(text: str) -> dict[str, str]:
    return {text[c.start:c.end]: c.reason for c in find_claims(text, [], {}, ())}


@pytest.mark.parametrize(("text", "claim", "speaker"), [
    ("Marvia's Trade Minister Oskar Lindqvist-Hale told reporters the offer had been "
     "withdrawn.", "the offer had been withdrawn", "“Oskar Lindqvist-Hale” (told)"),
    ("Talks broke down in Vienna, with Marvia accusing its neighbour of \"stealing the "
     "river\" for a decade.", "its neighbour of \"stealing the river\" for a decade",
     "“Marvia” (accusing)"),
    ("The delta's chief engineer, Colonel Ruth Abara, drew criticism after telling a radio "
     "station that \"the levees will hold.\"", "the levees will hold.",
     "“Ruth Abara” (telling)"),
    ("Mayor Dana Whitfield faced protests while insisting that the depot was safe.",
     "the depot was safe", "“Dana Whitfield” (insisting)"),
    ("Energy Minister Pavel Sorokin rejected the report. According to Sorokin, the plant "
     "\"is running at full capacity.\" He said inspectors would arrive on Monday.",
     "inspectors would arrive on Monday",
     "“He” (“Pavel Sorokin”, the last speaker named) (said)"),
])
def test_an_untagged_speaker_is_named_plainly(text, claim, speaker):
    assert _reasons(text)[claim] == f"reported speech: {speaker}, not a tagged or known actor" \
        or _reasons(text)[claim] == f"quoted speech: {speaker}, not a tagged or known actor"


def test_a_titles_possession_stays_whole():
    text = "The Prime Minister's Office said the visit was cancelled."
    assert "“The Prime Minister's Office”" in _reasons(text)["the visit was cancelled"] or \
        "“Prime Minister's Office”" in _reasons(text)["the visit was cancelled"]


def test_with_and_a_finite_verb_keeps_its_subject():
    text = "Officials with the port said the cranes were idle."
    assert _reasons(text)["the cranes were idle"].startswith(
        "reported speech: “Officials with the port” (said)")


def test_a_pronoun_with_nobody_before_it_still_says_so():
    text = "He said the ferry would sail at dawn."
    assert "(no person named before it)" in _reasons(text)["the ferry would sail at dawn"]
