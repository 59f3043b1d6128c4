"""Who makes a claim, in the constructions the fifth round of evaluation asked for: "In his
words", "In her view", "X, who said … that", an office that goes on with the last sentence
subject, a colon after "puts it", "говорится в заявлении", "йдеться в повідомленні", a
capitalised "States" that is no verb, an acronym in «» before an appositive, a person's
aides, "the economist X" as an appositive, a state's adjective on an official voice, a
month between a subject and its verb, a pronoun opening a paragraph with no tag."""

from __future__ import annotations

from reader_app.domain.actors import match_key
from reader_app.domain.claims import propose_claimant


def _claimant(text: str, claim: str, tags: dict[str, int], persons=frozenset(), known=None):
    start = text.index(claim)
    spans = []
    for quote, actor_id in tags.items():
        at = text.find(quote)
        while at != -1:
            if not any(s <= at < e for s, e, _ in spans):
                spans.append((at, at + len(quote), actor_id))
            at = text.find(quote, at + len(quote))
    names = {match_key(k): v for k, v in (known or {}).items()}
    return propose_claimant(text, start, start + len(claim), sorted(spans), names, persons)[0]


def test_in_his_words_and_in_her_view_are_the_person_named_before():
    text = ("Harbour master Olu Bankole inspected the quay on Monday. In his words, the "
            "cranes are older than the port itself.")
    assert _claimant(text, "the cranes are older than the port itself", {"Olu Bankole": 1},
                     {1}) == 1
    text = "Ines Duarte chairs the board. In her view, the tender was rushed."
    assert _claimant(text, "the tender was rushed", {"Ines Duarte": 2}, {2}) == 2


def test_in_his_words_after_a_paragraph_with_no_tag_goes_back_one_paragraph():
    text = ("Deputy Mayor Karel Novak spoke to reporters.\n\n"
            "“We are out of money,” the deputy mayor said. In his words, the budget is gone.")
    assert _claimant(text, "the budget is gone", {"Karel Novak": 1}, {1}) == 1


def test_who_said_that_is_the_person_before_the_comma():
    text = ("The plan was backed by Transport Minister Lena Ostrova of Latvia, who said on "
            "Friday that the line would open in May.")
    assert _claimant(text, "the line would open in May",
                     {"Lena Ostrova": 1, "Latvia": 2}, {1}) == 1


def test_which_said_that_is_the_body_before_the_comma():
    text = "Funds come from the Nordic Bank, which said that the loan was approved."
    assert _claimant(text, "the loan was approved", {"Nordic Bank": 3}) == 3


def test_an_office_goes_on_with_the_last_sentence_subject_not_the_last_name():
    text = ("Ambassador Rune Holm met the trade minister, Ada Kim, on Tuesday. Holm later "
            "spoke about a letter by Ada Kim. “Nothing has been agreed,” the diplomat noted.")
    assert _claimant(text, "“Nothing has been agreed,”", {"Rune Holm": 1, "Holm": 1,
                                                          "Ada Kim": 2}, {1, 2}) == 1


def test_a_colon_after_puts_it_introduces_the_claim():
    text = "As the fisherman Tam Ruddock puts it: the harbour “has been forgotten”."
    assert _claimant(text, "the harbour “has been forgotten”", {"Tam Ruddock": 1}, {1}) == 1


def test_govoritsya_and_yidetsya_give_the_document_s_author():
    text = "«Тарифы не изменятся до лета», — говорится в заявлении мэрии."
    assert _claimant(text, "«Тарифы не изменятся до лета»", {"мэрии": 4}) == 4
    text = "«Ремонт завершено», — йдеться в повідомленні компанії «Водоканал»."
    assert _claimant(text, "«Ремонт завершено»", {"Водоканал": 5}) == 5


def test_a_capitalised_states_after_a_name_is_no_speech_verb():
    text = ("Envoy Mara Lind is speaking now. She says the United States will send ten "
            "trucks and that the first would cross on Monday.")
    assert _claimant(text, "the first would cross on Monday", {"Mara Lind": 1,
                                                               "United States": 2}, {1}) == 1


def test_an_acronym_in_guillemets_before_an_appositive_speaks():
    text = ("Компания «Север Трансит» («СТ»), которая возит 9 000 человек в день, сообщила, "
            "что новые вагоны прибыли.")
    assert _claimant(text, "новые вагоны прибыли", {"Север Трансит": 6, "СТ": 6}) == 6


def test_a_person_s_aides_are_not_that_person():
    text = "Mr Varga's aides say privately that the premier is tired."
    assert _claimant(text, "the premier is tired", {"Mr Varga": 1}, {1}) is None


def test_a_common_title_before_the_name_in_an_appositive():
    text = ("Her cousin, the historian Piet Aalders, argued in a lecture in May that the "
            "archive had been sold.")
    assert _claimant(text, "the archive had been sold", {"Piet Aalders": 1}, {1}) == 1


def test_a_state_s_adjective_makes_an_official_voice_the_state_s():
    known = {"Poland": 7}
    text = "Polish officials told reporters that the border would stay open."
    assert _claimant(text, "the border would stay open", {}, known=known) == 7
    text = "Polish farmers told reporters that the border would stay open."
    assert _claimant(text, "the border would stay open", {}, known=known) is None


def test_a_month_between_the_subject_and_its_verb():
    text = "Министерство финансов в марте предложило снизить налог на топливо."
    assert _claimant(text, "снизить налог на топливо", {"Министерство финансов": 8}) == 8
