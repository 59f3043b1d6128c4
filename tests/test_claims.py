"""Claims: sentences, proposing the claimant, the Admiralty code and the claim fields."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader_app.domain.claims import (
    CLAIM_STATUSES,
    CREDIBILITY,
    RELIABILITY,
    propose_claimant,
    sentence_span,
    split_sentences,
)
from reader_app.domain.models import ImportedArticle
from reader_app.storage.actors import create_actor, delete_actor
from reader_app.storage.annotations import (
    EDITABLE,
    add_annotation,
    delete_annotation,
    get_annotation,
    restore_annotation,
    update_annotation,
)
from reader_app.storage.articles import NotFound, add_article


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


# --- sentences ---------------------------------------------------------------------------


def test_abbreviations_do_not_end_sentences():
    text = ("The U.S. and NATO replied on Jan. 26 to Moscow. Dr. Orlova of the U.N. agreed. "
            "Gen. Petrov met Mr. Hale on Feb. 3. Talks resume in 2023. J. K. Rowling wrote.")
    assert sentences(text) == [
        "The U.S. and NATO replied on Jan. 26 to Moscow.",
        "Dr. Orlova of the U.N. agreed.",
        "Gen. Petrov met Mr. Hale on Feb. 3.",
        "Talks resume in 2023.",
        "J. K. Rowling wrote.",
    ]


def test_quotes_stay_with_their_sentence():
    text = ("“We will not be moved,” the minister said. «C'est fini.» Le ministre est parti. "
            "He asked: “Why now?” Nobody answered… Then she left!")
    assert sentences(text) == [
        "“We will not be moved,” the minister said.",
        "«C'est fini.»",
        "Le ministre est parti.",
        "He asked: “Why now?”",
        "Nobody answered…",
        "Then she left!",
    ]


def test_line_breaks_end_sentences_and_offsets_are_code_points():
    text = "Kyiv 🇺🇦 said no\n\nFeb. 10: What to know\n  Moscow 👨‍👩‍👧 said yes.  "
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "Kyiv 🇺🇦 said no", "Feb. 10: What to know", "Moscow 👨‍👩‍👧 said yes."]
    assert spans[2][0] == text.index("Moscow")
    assert split_sentences("") == split_sentences(" \n\n ") == []
    assert sentences("中国很大。我们很好！") == ["中国很大。", "我们很好！"]


@given(st.text())
def test_sentences_are_ordered_trimmed_and_inside_the_text(text):
    spans = split_sentences(text)
    for (_, e), (s2, _) in zip(spans, spans[1:]):
        assert e <= s2
    for s, e in spans:
        assert 0 <= s < e <= len(text)
        assert text[s:e] == text[s:e].strip()


def test_sentence_span_covers_a_claim_over_two_sentences():
    text = "First one here. Second “starts. Third” ends. Last."
    start, end = text.index("starts"), text.index("ends")
    assert text[slice(*sentence_span(text, start, end))] == "Second “starts. Third” ends."


# --- the claimant --------------------------------------------------------------------------

RUSSIA, MINISTRY, LAVROV, ROSTENKO, NATO = 1, 2, 3, 4, 5


def spans_of(text: str, *tagged: tuple[str, int]) -> list[tuple[int, int, int]]:
    """(start, end, actor id) of each (word, actor id); "word#2" tags the second one."""
    out = []
    for word, actor_id in tagged:
        word, _, nth = word.partition("#")
        start = -1
        for _ in range(int(nth or 1)):
            start = text.index(word, start + 1)
        out.append((start, start + len(word), actor_id))
    return out


def claimant(text: str, claim: str, tagged=(), known=None) -> int | None:
    start = text.index(claim)
    return propose_claimant(text, start, start + len(claim), spans_of(text, *tagged), known)[0]


def test_the_actor_just_before_the_claim_in_its_sentence():
    text = ("Talks between Britain and Russia were tense. Lavrov described them as "
            "“like talking to a wall,” and left early.")
    assert claimant(text, "Lavrov described them as “like talking to a wall,”",
                    [("Russia", RUSSIA), ("Lavrov", LAVROV)]) == LAVROV
    assert claimant(text, "“like talking to a wall,”",
                    [("Russia", RUSSIA), ("Lavrov", LAVROV)]) == LAVROV


def test_the_speaker_is_preferred_among_actors_before_the_claim():
    text = ("NATO calling the drills a “dangerous moment” and Kyiv said it saw "
            "“pure provocation.”")
    tagged = [("NATO", NATO), ("Kyiv", 7)]
    assert claimant(text, "“dangerous moment”", tagged) == NATO
    assert claimant(text, "“pure provocation.”", tagged) == 7
    text = "Lavrov criticized Britain for being “unprepared” for the meeting."
    assert claimant(text, "Britain for being “unprepared”",
                    [("Lavrov", LAVROV), ("Britain", 8)]) == LAVROV


def test_attribution_after_the_quote():
    text = ("Russia and Belarus began drills on Thursday. The drills will center on "
            "“repelling external aggression,” the Defense Ministry said in a statement.")
    tagged = [("Russia", RUSSIA), ("Defense Ministry", MINISTRY)]
    assert claimant(text, "“repelling external aggression,”", tagged) == MINISTRY
    # "Russia's Defense Ministry said" with only Russia tagged
    text2 = text.replace("the Defense Ministry", "Russia's Defense Ministry")
    assert claimant(text2, "“repelling external aggression,”", [("Russia#2", RUSSIA)]) == RUSSIA
    text3 = "“We are ready,” said Lavrov, smiling."
    assert claimant(text3, "“We are ready,”", [("Lavrov", LAVROV)]) == LAVROV
    # an actor after the claim that is not its attribution is not the claimant
    text4 = "Kyiv called it “a threat” and Lavrov said nothing."
    assert claimant(text4, "“a threat”", [("Kyiv", 7), ("Lavrov", LAVROV)]) == 7


def test_according_to():
    text = ("The dam was damaged overnight. According to Rostenko, the reservoir "
            "“will be empty within days.”")
    assert claimant(text, "“will be empty within days.”", [("Rostenko", ROSTENKO)]) == ROSTENKO
    # not tagged here, but a known actor name
    assert claimant(text, "“will be empty within days.”", [],
                    known={"rostenko": ROSTENKO}) == ROSTENKO


def test_narration_in_the_sentence_before_gives_no_claimant():
    # issue 9: narration with no speech verb gets no claimant rather than a wrong one (this
    # test used to expect Moscow, taken from the sentence before)
    text = ("Moscow has massed troops near the border. The buildup is purely defensive. "
            "Analysts disagree.")
    assert claimant(text, "The buildup is purely defensive.", [("Moscow", RUSSIA)]) is None
    assert claimant(text, "Analysts disagree.", [("Moscow", RUSSIA)]) is None
    # a sentence that introduces it does give its speaker
    text = "Moscow said:\nThe buildup is purely defensive."
    assert claimant(text, "The buildup is purely defensive.", [("Moscow", RUSSIA)]) == RUSSIA


def test_known_names_in_speech_constructions():
    text = ("Talks failed. The convoy “was never attacked,” Russia's Defense Ministry said. "
            "Others doubt it.")
    known = {"russia": RUSSIA, "defense ministry": MINISTRY}
    assert claimant(text, "“was never attacked,”", [], known) == MINISTRY
    assert claimant(text, "“was never attacked,”", [], {"russia": RUSSIA}) == RUSSIA
    text = "Russian Foreign Minister Sergei Lavrov told reporters the talks were “useless.”"
    assert claimant(text, "“useless.”", [], {"sergei lavrov": LAVROV}) == LAVROV
    # a known name that does not speak is not proposed
    text = "Protesters gathered outside the Russia embassy. “Go home” was the chant."
    assert claimant(text, "“Go home”", [], {"russia": RUSSIA}) is None


def test_a_speaker_in_the_next_sentence():
    text = "Troops will withdraw by Friday. That is the plan, Lavrov told reporters."
    assert claimant(text, "Troops will withdraw by Friday.", [("Lavrov", LAVROV)]) == LAVROV


def test_no_actor_at_all():
    text = "The war games are set to run until Feb. 20. Tensions rose further."
    assert claimant(text, "The war games are set to run until Feb. 20.") is None
    actor_id, reason = propose_claimant(text, 0, 5, [])
    assert actor_id is None and reason


def test_reasons_name_the_actor():
    text = "Lavrov said the talks were “useless.”"
    start = text.index("“useless")
    actor_id, reason = propose_claimant(text, start, len(text), spans_of(text, ("Lavrov", 3)))
    assert actor_id == 3 and "“Lavrov”" in reason


# --- Admiralty code, statuses and the claim fields on annotations ----------------------------


def test_admiralty_code_constants():
    assert list(RELIABILITY) == list("ABCDEF")
    assert RELIABILITY["A"] == "Completely reliable" and "cannot be judged" in RELIABILITY["F"]
    assert list(CREDIBILITY) == [1, 2, 3, 4, 5, 6]
    assert CREDIBILITY[1] == "Confirmed by other sources" and "cannot be judged" in CREDIBILITY[6]
    assert CLAIM_STATUSES == ("unverified", "corroborated", "disputed", "false")


@pytest.fixture
def claim_setup(db):
    text = "On Thursday Lavrov said the talks were useless."
    article_id = add_article(db, ImportedArticle("t", text, "t.txt")).article_id
    lavrov = create_actor(db, "Sergei Lavrov", "person")
    date = add_annotation(db, article_id, "date", 3, 11, value="2022-02-10", granularity="day",
                          date_method="weekday")
    return db, article_id, lavrov, date


def test_a_claim_with_every_field_survives_delete_and_restore(claim_setup):
    db, article_id, lavrov, date = claim_setup
    claim = add_annotation(db, article_id, "claim", 12, 47, claimant_id=lavrov.id,
                           claim_date="2022-02-10", claim_date_annotation_id=date.id,
                           status="disputed", reliability="B", credibility=3, note="**n**")
    assert (claim.claimant_id, claim.status, claim.reliability, claim.credibility) == (
        lavrov.id, "disputed", "B", 3)
    gone = delete_annotation(db, claim.id)
    assert gone == claim
    assert restore_annotation(db, gone) == claim
    assert get_annotation(db, claim.id) == claim


def test_a_restored_claim_keeps_the_link_to_a_deleted_date_tag(claim_setup):
    db, article_id, lavrov, date = claim_setup
    claim = add_annotation(db, article_id, "claim", 12, 47, claim_date_annotation_id=date.id)
    deleted_date = delete_annotation(db, date.id)
    assert get_annotation(db, claim.id).claim_date_annotation_id == date.id  # not rewritten
    restore_annotation(db, delete_annotation(db, claim.id))
    restore_annotation(db, deleted_date)
    assert get_annotation(db, claim.id).claim_date_annotation_id == date.id


def test_restoring_a_tag_whose_actor_is_gone_is_refused_clearly(claim_setup):
    db, article_id, _, _ = claim_setup
    temp = create_actor(db, "Temp")
    mention = add_annotation(db, article_id, "actor", 12, 18, actor_id=temp.id)
    gone = delete_annotation(db, mention.id)
    delete_actor(db, temp.id)
    with pytest.raises(NotFound, match=f"actor {temp.id}"):
        restore_annotation(db, gone)


@pytest.mark.parametrize(("field", "bad", "message"), [
    ("status", "maybe", "status must be one of unverified"),
    ("reliability", "G", "reliability must be a letter A to F"),
    ("reliability", "a", "reliability must be a letter A to F"),
    ("credibility", 7, "credibility must be a number 1 to 6"),
    ("credibility", "3", "credibility must be a number 1 to 6"),
    ("credibility", True, "credibility must be a number 1 to 6"),
    ("granularity", "decade", "granularity must be one of day"),
    ("claim_date", "next week", "claim date must be an ISO 8601 value"),
    ("claimant_id", 999, "actor 999 not found"),
    ("claim_date_annotation_id", 999, "date tag 999 not found"),
])
def test_bad_claim_fields_are_refused_with_a_clear_message(claim_setup, field, bad, message):
    db, article_id, _, _ = claim_setup
    with pytest.raises((ValueError, LookupError), match=message):
        add_annotation(db, article_id, "claim", 12, 47, **{field: bad})
    claim = add_annotation(db, article_id, "claim", 12, 47)
    with pytest.raises((ValueError, LookupError), match=message):
        update_annotation(db, claim.id, **{field: bad})
    assert get_annotation(db, claim.id) == claim


@pytest.mark.parametrize("value", ["2022-02-10", "2022-W07", "2022-02", "1997",
                                   "2022-02-13/2022-02-19"])
def test_claim_dates_take_every_iso_shape(claim_setup, value):
    db, article_id, _, _ = claim_setup
    claim = add_annotation(db, article_id, "claim", 12, 47)
    assert update_annotation(db, claim.id, claim_date=value).claim_date == value


def test_every_new_field_is_editable(claim_setup):
    db, article_id, lavrov, date = claim_setup
    assert {"actor_id", "claimant_id", "claim_date", "claim_date_annotation_id", "status",
            "reliability", "credibility", "granularity", "date_method"} <= set(EDITABLE)
    claim = add_annotation(db, article_id, "claim", 12, 47)
    edited = update_annotation(db, claim.id, status="corroborated", reliability="A",
                               credibility=1, claimant_id=lavrov.id)
    assert (edited.status, edited.reliability, edited.credibility, edited.claimant_id) == (
        "corroborated", "A", 1, lavrov.id)
    cleared = update_annotation(db, claim.id, status=None, reliability=None, credibility=None)
    assert (cleared.status, cleared.reliability, cleared.credibility) == (None, None, None)


@given(st.text(alphabet=st.sampled_from(list("ab AB.,“”\"'’\nsaid according to Lavrov")),
               max_size=200),
       st.lists(st.tuples(st.integers(0, 200), st.integers(1, 20), st.integers(1, 5)),
                max_size=6),
       st.integers(0, 199), st.integers(1, 60))
def test_propose_claimant_never_fails(text, raw_spans, start, length):
    if not text:
        return
    start = min(start, len(text) - 1)
    end = min(len(text), start + length)
    spans = [(min(s, len(text) - 1), min(len(text), min(s, len(text) - 1) + n), i)
             for s, n, i in raw_spans]
    actor_id, reason = propose_claimant(text, start, end, spans, {"lavrov": 9})
    assert reason and (actor_id is None or actor_id in {i for *_, i in spans} | {9})


# --- issue 9: claimant proposals on unseen news -------------------------------------------

OKAFOR, MARLOW, UNION, KYIV, MOSCOW, ZELENSKY, PESKOV = 21, 22, 23, 24, 25, 26, 27


def proposed(text: str, claim: str, tagged=(), known=None, persons=()) -> int | None:
    start = text.index(claim)
    return propose_claimant(text, start, start + len(claim), spans_of(text, *tagged), known,
                            persons)[0]


def test_more_speech_verbs_name_the_speaker():
    for verb in ("writes", "explained", "notes", "added", "insisted", "denied", "argued",
                 "announced", "warned", "claimed"):
        text = f"Marlow {verb} that the cranes were never part of the dispute."
        assert proposed(text, "the cranes were never part of the dispute",
                        [("Marlow", MARLOW)]) == MARLOW, verb
    text = "The cranes were never part of the dispute, according to Marlow."
    assert proposed(text, "The cranes were never part of the dispute",
                    [("Marlow", MARLOW)]) == MARLOW


def test_an_appositive_does_not_hide_the_speaker():
    text = ("Talks resumed at noon. Okafor, a senior figure in the governing party, told "
            "reporters the strike “cannot go on.”")
    tagged = [("Okafor", OKAFOR), ("governing party", UNION)]
    assert proposed(text, "“cannot go on.”", tagged) == OKAFOR
    assert proposed(text, "the strike “cannot go on.”", tagged) == OKAFOR


def test_a_pronoun_is_the_last_person_named_before_it_in_the_paragraph():
    text = ("Ilse Marlow met the union on Monday and Okafor joined later. He said the port "
            "would reopen. “We are close,” she added.\nHe said nothing else.")
    tagged = [("Ilse Marlow", MARLOW), ("union", UNION), ("Okafor", OKAFOR)]
    persons = {MARLOW, OKAFOR}
    assert proposed(text, "the port would reopen", tagged, persons=persons) == OKAFOR
    # the last person named, whatever the pronoun (the app knows no genders)
    assert proposed(text, "We are close", tagged, persons=persons) == OKAFOR
    # without knowing who is a person, a pronoun gives no claimant rather than a guess
    assert proposed(text, "the port would reopen", tagged) is None
    # Ukrainian and Russian
    text = "Зеленський прибув до Харкова. Він заявив, що місто вистоїть."
    assert proposed(text, "місто вистоїть", [("Зеленський", ZELENSKY)],
                    persons={ZELENSKY}) == ZELENSKY
    text = "Песков провёл брифинг. Он сказал, что решение ещё не принято."
    assert proposed(text, "решение ещё не принято", [("Песков", PESKOV)],
                    persons={PESKOV}) == PESKOV


def test_rejected_claims_are_not_their_authors_speech():
    text = "Kyiv rejected Moscow's claims, saying the strike had hit a school."
    tagged = [("Kyiv", KYIV), ("Moscow", MOSCOW)]
    assert proposed(text, "the strike had hit a school", tagged) == KYIV
    assert proposed(text, text, tagged) == KYIV
    text = "The ministry dismissed Okafor's allegations as “pure fiction.”"
    assert proposed(text, "“pure fiction.”", [("ministry", UNION), ("Okafor", OKAFOR)]) == UNION
    assert proposed(text, "“pure fiction.”", [("Okafor", OKAFOR)]) is None
    # the clause of a claim the sentence disputes is nobody's it can name for sure
    text = "Kyiv rejected Moscow's claims that the drills were defensive."
    assert proposed(text, "the drills were defensive", tagged) is None


def test_narration_gets_no_claimant():
    text = ("Marlow arrived at the port at dawn. Two tankers dropped anchor off Gull Point. "
            "The union blocked the gate.")
    tagged = [("Marlow", MARLOW), ("union", UNION)]
    assert proposed(text, "Two tankers dropped anchor off Gull Point.", tagged) is None
    assert proposed(text, "The union blocked the gate.", tagged) is None


def test_an_untagged_speaker_is_not_replaced_by_a_speaker_in_the_next_sentence():
    # the known weakness: the true speaker (the harbour master) is not tagged, Okafor speaks
    # in the next sentence
    text = ("The harbour master said the channel would stay closed. Okafor told reporters "
            "that the talks had failed.")
    assert proposed(text, "the channel would stay closed", [("Okafor", OKAFOR)]) is None
    text = "“The channel stays closed,” a port official said. Okafor said nothing."
    assert proposed(text, "“The channel stays closed,”", [("Okafor", OKAFOR)]) is None
    # a quotation of its own, with nobody named, does not borrow the next sentence's speaker
    text = "The tide turned at six.\n“Nobody told us anything.” Okafor said the port was open."
    assert proposed(text, "“Nobody told us anything.”", [("Okafor", OKAFOR)]) is None


def test_inflected_names_after_za_slovamy_and_po_slovam():
    text = "За словами Зеленського, обстріл тривав три години."
    assert proposed(text, "обстріл тривав три години", [],
                    known={"зеленський": ZELENSKY}) == ZELENSKY
    text = "По словам Пескова, Кремль не получал предложений."
    assert proposed(text, "Кремль не получал предложений", [],
                    known={"песков": PESKOV}) == PESKOV
