"""Claimant round 8: speech the readers missed, each rule on sentences of its own.

Denials of a named claim ("rejected the union's claims that P"), a body's name in quotation
marks as an appositive, irregular participles opening an appositive, a source line with
where and when before its verb, a title before a tagged surname, a second speech verb
after "and", "show that" and "pointed out"."""

from __future__ import annotations

import pytest

from reader_app.domain.claims import propose_claimant
from reader_app.domain.speech import find_claims


def _marked(marked: str) -> tuple[str, list[tuple[int, int, int]]]:
    """Text with [name] marking actor tags: each distinct name gets an id from 1."""
    ids: dict[str, int] = {}
    out, spans, i = "", [], 0
    while (open_at := marked.find("[", i)) >= 0:
        close = marked.index("]", open_at)
        out += marked[i:open_at]
        name = marked[open_at + 1:close]
        spans.append((len(out), len(out) + len(name), ids.setdefault(name, len(ids) + 1)))
        out += name
        i = close + 1
    return out + marked[i:], spans


def _claims(text, spans, persons=()):
    return {text[c.start:c.end]: c.claimant_id for c in find_claims(text, spans, {}, persons)}


@pytest.mark.parametrize(("marked", "claim"), [
    ("The [union] rejected the minister's claims that the strike was illegal.",
     "rejected the minister's claims that the strike was illegal"),
    ("The [guild] dismissed suggestions from the ministry that safety came first, noting "
     "that the road had been open for years.",
     "dismissed suggestions from the ministry that safety came first"),
    ("Компанія «[Агроліс]» відкинула звинувачення фермерів у змові з трейдерами.",
     "відкинула звинувачення фермерів у змові з трейдерами"),
    ("[Профсоюз] отверг обвинения министра в срыве переговоров.",
     "отверг обвинения министра в срыве переговоров"),
])
def test_a_denial_of_a_named_claim_is_the_deniers_claim_verb_and_all(marked, claim):
    text, spans = _marked(marked)
    assert _claims(text, spans).get(claim) == 1


def test_a_denial_needs_what_it_denies():
    text, spans = _marked("The [union] rejected the claims.")
    assert _claims(text, spans) == {}


def test_a_bodys_name_in_quotation_marks_after_its_kind_is_the_appositive():
    text, spans = _marked("Крупнейший перевозчик региона, компания «[Южный Путь]», отвергла "
                          "обвинения депутатов в завышении тарифов.")
    assert propose_claimant(text, text.index("отвергла"), len(text) - 1, spans)[0] == 1


def test_a_name_in_quotation_marks_after_a_participle_is_no_appositive():
    text, spans = _marked("Цены выросли. Экономисты, опрошенные «[Деловой Вестник]», считают, "
                          "что инфляция замедлится к осени.")
    claim = text.index("инфляция")
    assert propose_claimant(text, claim, len(text) - 1, spans)[0] is None


def test_an_irregular_participle_opens_an_appositive():
    text, spans = _marked("A letter from a [Kestrel Foods] lawyer, sent on 2 May, warned that "
                          "the recall would cost millions.")
    assert _claims(text, spans).get("the recall would cost millions") == 1


def test_a_source_line_may_say_where_and_when_before_its_verb():
    text, spans = _marked("Новий ринок відкриють у вересні після ремонту даху. Про це у вівторок "
                          "на засіданні виконкому повідомив міський голова [Петро Ковальчук].")
    claim = text.index("Новий")
    assert propose_claimant(text, claim, text.index("."), spans, persons={1})[0] == 1


def test_a_title_before_a_tagged_surname_ends_the_clause_before_it():
    text, spans = _marked("The council ignored the warnings for a decade, Mr [Hale] insisted.")
    assert _claims(text, spans, {1}).get("The council ignored the warnings for a decade") == 1


def test_a_second_speech_verb_after_and_says_a_clause_of_its_own():
    text, spans = _marked("[Ruth Ames] conceded that fares would rise in spring, and admitted "
                          "that the new trains were late.")
    found = _claims(text, spans, {1})
    assert found.get("fares would rise in spring") == 1
    assert found.get("the new trains were late") == 1


def test_and_before_a_passive_participle_ends_nothing():
    text, spans = _marked("[Ruth Ames] said the fares, and the cuts announced by the board, "
                          "would hurt commuters.")
    assert "the fares, and the cuts announced by the board, would hurt commuters" in \
        _claims(text, spans, {1})


def test_show_that_reports_a_claim_and_show_how_does_not():
    text, spans = _marked("Survey results show that most residents oppose the plan. The "
                          "mayor's record shows how hard it is: he lost.")
    found = _claims(text, spans)
    assert "most residents oppose the plan" in found
    assert not any("he lost" in claim for claim in found)


def test_pointed_out_attributes_the_clause_before_it():
    text, spans = _marked("The route was changed twice after public meetings, the [agency] "
                          "pointed out, and the bridge is now wider.")
    assert _claims(text, spans).get("The route was changed twice after public meetings") == 1


def test_states_is_speech_only_with_that():
    text, spans = _marked("The drills will test how fast forces reach the three Baltic states, "
                          "the [alliance] said in a statement. The [charter] states that "
                          "members must pay.")
    found = _claims(text, spans)
    assert found.get("members must pay") == 2
    assert not any(claim.startswith("the alliance said") for claim in found)


@pytest.mark.parametrize("said", ["the Dutchman said", "said the Dutchman", "the German said"])
def test_a_nationality_after_a_name_is_that_person(said):
    text, spans = _marked(f"Her coach, [Kees Hartman], was blunt. “This race was a bridge,” "
                          f"{said}.")
    assert _claims(text, spans, {1}).get("This race was a bridge") == 1
