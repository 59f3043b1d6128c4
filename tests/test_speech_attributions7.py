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


def test_verbs_of_conceding_complaining_and_refuting_report_speech():
    text = "At the hearing, Tom Reyes accepted that the forms had been signed late."
    assert _claimant(text, "the forms had been signed late", {"Tom Reyes": 1}, {1}) == 1
    text = "Фермер Олег Ким пожаловался, что зерно гниёт на складах."
    assert _claimant(text, "зерно гниёт на складах", {"Олег Ким": 1}, {1}) == 1
    text = "Власти Литвы опровергли, что граница закрыта."
    assert _claimant(text, "граница закрыта", {"Литвы": 3}) == 3


def test_spoke_of_attributes_the_quotation_after_it():
    text = "At the launch the city council spoke of a \"turning point for the harbour\"."
    assert _claimant(text, "\"turning point for the harbour\"", {"city council": 2}) == 2


def test_a_relative_clause_between_subject_and_verb_is_skipped():
    tags = {"Lakeside Water Board": 1, "Hollow Dam": 2}
    text = ("The Lakeside Water Board, which runs Hollow Dam, said on Monday that the "
            "spillway would be rebuilt.")
    assert _claimant(text, "the spillway would be rebuilt", tags) == 1
    tags = {"Ana Torres": 1, "Growers' Guild": 2}
    text = ("Ana Torres, who heads the Growers' Guild, welcomed the plan but warned that it "
            "was \"far too small\".")
    assert _claimant(text, "it was \"far too small\"", tags, {1}) == 1
    text = ("Инна Белова, которая руководит отделом «Север Транс», отметила, что документы "
            "готовы.")
    assert _claimant(text, "документы готовы", {"Инна Белова": 1, "Север Транс": 2}, {1}) == 1


def test_an_abbreviations_period_before_that_keeps_the_attribution():
    text = ("Norcross Mills, which tested the beams, said in a report dated Oct. 3 that the "
            "beams could crack.")
    assert _claimant(text, "the beams could crack", {"Norcross Mills": 1}) == 1
    found = find_claims(text, [(0, 14, 1)], {}, set())
    assert [(text[m.start:m.end], m.claimant_id) for m in found] == [
        ("the beams could crack", 1)]


def test_letters_after_a_name_are_no_part_of_the_speaker():
    text = ("For the claimants, Joan Pike KC told the tribunal that the contract had been "
            "void.")
    assert _claimant(text, "the contract had been void", {"Joan Pike": 1}, {1}) == 1
    text = "Leo Hart MP told the committee that the budget was short."
    assert _claimant(text, "the budget was short", {"Leo Hart": 1}, {1}) == 1


def test_she_is_never_a_man_named_mr():
    text = ("Joan Pike told the tribunal that Mr Dale had lied. In 2020, Mr Dale sold the "
            "shares, she said.")
    assert _claimant(text, "In 2020, Mr Dale sold the shares",
                     {"Joan Pike": 1, "Mr Dale": 2}, {1, 2}) == 1


def test_an_office_with_of_is_the_person_named_with_it():
    text = ("Germany's minister of state for culture, Hans Roth, opened the hall. The "
            "minister of state said the roof would be replaced in May.")
    assert _claimant(text, "the roof would be replaced in May",
                     {"Hans Roth": 1, "Germany": 3}, {1}) == 1


def _spans(text: str, tagged: str | None = None) -> list[tuple[str, int | None]]:
    tags = [] if tagged is None else [(text.index(tagged), text.index(tagged) + len(tagged), 1)]
    return [(text[m.start:m.end], m.claimant_id) for m in find_claims(text, tags, {}, {1})]


def test_a_quotation_after_a_dateline_is_the_claim_without_the_dateline():
    text = "GDANSK — “The ferry will sail again in April,” Marek Zielny said on Friday."
    assert _spans(text, "Marek Zielny") == [("The ferry will sail again in April", 1)]


def test_a_quotation_after_an_adverb_and_comma_is_the_claim_without_the_adverb():
    text = "Marek Zielny spoke first. Later, “We have no money left for the pier,” he said."
    assert _spans(text, "Marek Zielny") == [("We have no money left for the pier", 1)]


def test_a_quotation_inside_the_reported_clause_stays_part_of_it():
    text = "The minister promised “a full inquiry into the fire”, Marek Zielny said."
    assert _spans(text, "Marek Zielny") == [
        ("The minister promised “a full inquiry into the fire”", 1)]


def test_the_sentence_before_a_source_line_is_the_sources_claim():
    text = ("ХАРКІВ, 3 травня. Трамваї повернуться на Сумську вулицю до кінця червня. Про це "
            "у вівторок повідомив директор депо Олег Шевчук.")
    assert ("Трамваї повернуться на Сумську вулицю до кінця червня", 1) in _spans(
        text, "Олег Шевчук")
    text = ("ОМСК, 3 мая. Новый мост через Иртыш откроют в сентябре. Об этом сообщил мэр "
            "города Иван Седов.")
    assert ("Новый мост через Иртыш откроют в сентябре", 1) in _spans(text, "Иван Седов")


def test_one_who_has_been_told_says_nothing():
    text = "Karl Brandt, who chairs the board, said he had been told of the sale by letter."
    assert _spans(text, "Karl Brandt") == [("he had been told of the sale by letter", 1)]


def test_a_station_told_is_a_whole_name_not_part_of_a_claim():
    text = ("Lena Ford spoke at noon. “The pool will stay shut,” she told Valley Sound Radio "
            "yesterday.")
    assert _spans(text, "Lena Ford") == [("The pool will stay shut", 1)]


def test_a_bare_clause_whose_verb_comes_soon_after_its_subject_is_reported_speech():
    text = ("Mayor Ruth Lamb, who took office in 2022, said work on the pier would start in "
            "May.")
    assert _spans(text, "Ruth Lamb") == [("work on the pier would start in May", 1)]
    text = "Ruth Lamb said goodbye to the crowd and left."
    assert _spans(text, "Ruth Lamb") == []


def test_a_side_in_court_is_the_counsel_named_for_it():
    text = ("Opening the case for the prosecution, Joan Pike told the jury about the deals. "
            "According to the prosecution, the money went to a bank in Jersey.")
    assert _claimant(text, "the money went to a bank in Jersey", {"Joan Pike": 1}, {1}) == 1
    text = ("For the defence, Joan Pike called two witnesses. The defence said the money was "
            "a loan.")
    assert _claimant(text, "the money was a loan", {"Joan Pike": 1}, {1}) == 1
    # never the last person named (here the defendant)
    text = "Mr Dale, 50, denies fraud. The prosecution says the money was stolen."
    assert _claimant(text, "the money was stolen", {"Mr Dale": 2}, {2}) is None


def test_an_instruction_to_do_something_is_no_claim():
    text = "Judge Ann Cole warned jurors on Monday not to discuss the case."
    assert _spans(text, "Ann Cole") == []
    text = "Ann Cole warned residents to stay indoors."
    assert _spans(text, "Ann Cole") == []
    # a noun's aim before the clause's own verb is no instruction
    text = "Ann Cole said talks to end the strike had failed."
    assert _spans(text, "Ann Cole") == [("talks to end the strike had failed", 1)]
    text = "Ann Cole said the deal suited its plans to expand."
    assert _spans(text, "Ann Cole") == [("the deal suited its plans to expand", 1)]


def test_a_contrasting_clause_with_its_own_speaker_ends_the_reported_clause():
    text = ("The ministry said that the bridge was safe, although Ada Reed admitted that the "
            "cables had rusted.")
    at = text.index("Ada Reed")
    found = find_claims(text, [(4, 12, 2), (at, at + 8, 1)], {}, {1})
    assert [(text[m.start:m.end], m.claimant_id) for m in found] == [
        ("the bridge was safe", 2), ("the cables had rusted", 1)]
    text = "The ministry said the bridge was safe, while repairs continued."
    found = find_claims(text, [(4, 12, 2)], {}, set())
    assert [text[m.start:m.end] for m in found] == ["the bridge was safe, while repairs continued"]
