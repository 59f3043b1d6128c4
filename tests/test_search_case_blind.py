"""SpanFinder's spans without lowering whole texts (domain/case_blind.py) are exactly what
lowering them gives: the reference below is the previous SpanFinder.spans, kept verbatim."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader_app.domain.case_blind import CaseBlindFinder, upper_variants
from reader_app.domain.search_query import (
    _FEW_TERMS,
    SpanFinder,
    _anchored,
    _compiled,
    _disjoint,
    fold,
    parse_query,
)


def reference_spans(finder: SpanFinder, text: str) -> list[tuple[int, int]]:
    terms = [pair for t in finder._all for pair in _anchored(t)]
    if not text or not terms:
        return []
    low = text.lower()
    if len(low) != len(text) or (not text.isascii() and finder._folding.search(text)):
        chosen = finder._all
        if len(chosen) > _FEW_TERMS:
            folded = fold(text)
            chosen = tuple(t for t in chosen
                           if any(lit in folded for lit in (t.stems or t.tokens[:1])))
        slow = _compiled(chosen)
        return [m.span() for m in slow.finditer(text) if m.end() > m.start()] if slow else []
    found: list[tuple[int, int]] = []
    for first, pattern in terms:
        pos = low.find(first)
        while pos >= 0:
            if pos == 0 or not low[pos - 1].isalnum():
                m = pattern.match(low, pos)
                if m:
                    found.append(m.span())
            pos = low.find(first, pos + 1)
    if len(terms) > 1:
        found = _disjoint(found)
    else:
        found.sort()
    return found


def test_upper_variants_are_every_character_whose_lower_case_is_it():
    expected: dict[str, set[str]] = {}
    for cp in range(sys.maxunicode + 1):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        x = chr(cp)
        low = x.lower()
        if low != x and len(low) == 1:
            expected.setdefault(low, set()).add(x)
    assert all(upper_variants(c) == xs for c, xs in expected.items())
    assert upper_variants("k") == {"K", "\u212a"}
    assert upper_variants("1") == set()


def test_a_capital_anywhere_in_a_word_is_found_and_positions_are_code_points():
    def starts(literals: list[str], text: str) -> list[list[int]] | None:
        return CaseBlindFinder(literals).starts(text, text.encode("utf-8"))

    text = "Заява: ЛАВРОВ, лАвРоВ та VoTe; voters 😀 VOTE"
    assert starts(["лавров", "vote"], text) == [[7, 15], [25, 31, 40]]
    assert text.lower()[25:29] == "vote" == text.lower()[40:44]
    assert text.lower()[15:21] == "лавров"
    # Ѐ-Џ and А-Я fold in other UTF-8 leads than their lower case
    assert starts(["ёж", "ря"], "ЁЖ Ёж РЯ рЯ") == [[0, 3], [6, 9]]
    # the Kelvin sign lowers to k but is longer in UTF-8; Σ and İ: left to str.lower
    assert starts(["kyiv"], "Ёж \u212ayiv") is None
    assert starts(["kyiv"], "Ёж Kyiv") == [[3]]
    assert starts(["x"], "ΟΔΟΣ x") is None
    assert starts(["x"], "İx ж") is None


LONG = " жовтень" * 40  # texts of an article's length take the case-blind path
WORDS = ["vote", "votes", "Voted", "VOTING", "theft", "kyiv", "Kyiv", "\u212aYIV", "Лавров",
         "ЛАВРОВА", "лавровим", "Лаврова", "ёлка", "елка", "Ёлку", "Зеленський", "ЗЕЛЕНСЬКИЙ",
         "straße", "STRAẞE", "ΟΔΟΣ", "οδος", "ωμ", "\u2126μ", "ångström", "\u212bngström",
         "θ", "ϴ", "e-mail", "don't", "İstanbul", "istanbul", "café", "x\u0303y", "𠀀", "🇺🇦"]
SEPARATORS = [" ", "  ", ", ", ".", "_", "-", "\n", "’", "—", "\u00a0", "'"]
QUERIES = ["vote", "votes", '"vote theft"', "lavr*", "Лаврова", "kyiv", "ёлка", "straße",
           "οδος", "ωμ", "ångström", "θ", "e-mail", "зеленський", "vote OR лавров",
           '"лавров лаврова"', '"kyiv kyiv"', "vot* -theft", "café", "ΟΔΟΣ"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=14),
       st.sampled_from(QUERIES))
def test_spans_are_those_of_the_lowered_text(parts, query):
    text = "".join(w + s for w, s in parts)
    finder = SpanFinder(parse_query(query))
    for variant in (text, text + " ж", LONG + text, text + LONG, LONG + text + LONG):
        assert finder.spans(variant) == reference_spans(finder, variant)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("vVoOtTeEhHfFkK\u212aлЛаАвВрРоОёЁ ,._-'’ΣσςİθϴßẞΩω"
                                             "\u2126\u212bÅå\u0303😀ж1")), max_size=40),
       st.sampled_from(QUERIES))
def test_spans_of_random_characters_are_those_of_the_lowered_text(text, query):
    finder = SpanFinder(parse_query(query))
    for variant in (text, LONG + text + LONG):
        assert finder.spans(variant) == reference_spans(finder, variant)


TRICKY = [("Київ \u212aYIV kyiv", "kyiv"), ("ΟΔΟΣ'ΟΔΟΣ οδος", "οδος"), ("ΟΔΟΣ'ΟΔΟΣ", "ΟΔΟΣ"),
          ("İstanbul istanbul", "istanbul"), ("STRAẞE straße", "straße"),
          ("\u2126μ ωμ", "ωμ"), ("\u212bngström ångström", "ångström"), ("ϴ θ", "θ"),
          ("café CAFÉ cafe\u0301", "café"), ("Лавров 😀 ЛАВРОВА лавровим", "Лаврова"),
          ("vote—theft VOTE_THEFT vote\u00a0theft", '"vote theft"')]


@pytest.mark.parametrize(("text", "query"), TRICKY)
def test_characters_whose_lower_case_is_special_give_the_lowered_texts_spans(text, query):
    finder = SpanFinder(parse_query(query))
    for variant in (text, LONG + text, text + LONG, LONG + text + LONG):
        assert finder.spans(variant) == reference_spans(finder, variant)
        assert finder.spans(variant), variant[:40]
