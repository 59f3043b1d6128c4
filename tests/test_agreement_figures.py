"""Agreement figures on small cases, each checked against arithmetic done by hand (comments)."""

from __future__ import annotations

import math
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader_app.domain.agreement import TagSpan, kind_agreement, match_overlapping
from reader_app.domain.agreement_alpha import alpha, compare


def spans(analyst, *pairs, kind="claim", article=1, **attrs):
    return [TagSpan(analyst, article, kind, s, e, **attrs) for s, e in pairs]


def figures(a, b, length=20, kind="claim"):
    return kind_agreement({1: length}, a, b, kind)[0]


def test_identical_tagging_gives_f1_one_and_kappa_one():
    k = figures(spans("A", (2, 7), (10, 12)), spans("B", (2, 7), (10, 12)))
    assert k.exact.matches == k.overlap.matches == 2
    assert k.exact.f1.value == k.exact.precision.value == k.exact.recall.value == 1.0
    assert k.overlap.f1.value == 1.0
    # 20 characters: 7 tagged by both, 13 by neither; p_o = 1, p_e = .35^2 + .65^2 = .545
    assert (k.kappa.both, k.kappa.a_only, k.kappa.b_only, k.kappa.neither) == (7, 0, 0, 13)
    assert k.kappa.expected.value == pytest.approx(0.35**2 + 0.65**2)
    assert k.kappa.kappa.value == 1.0


def test_disjoint_tagging():
    k = figures(spans("A", (0, 5)), spans("B", (10, 15)))
    assert k.exact.matches == k.overlap.matches == 0
    assert k.exact.f1.value == k.overlap.f1.value == 0.0
    # both 0, A only 5, B only 5, neither 10 of 20: p_o = 10/20 = .5
    # p_A = p_B = 5/20 = .25: p_e = .25*.25 + .75*.75 = .625; kappa = (.5 - .625)/.375 = -1/3
    assert (k.kappa.both, k.kappa.a_only, k.kappa.b_only, k.kappa.neither) == (0, 5, 5, 10)
    assert k.kappa.kappa.value == pytest.approx(-1 / 3)


def test_partial_overlap_and_kappa_from_a_two_by_two_table():
    # A: [0,8). B: [0,6) and [10,12). Length 20.
    k = figures(spans("A", (0, 8)), spans("B", (0, 6), (10, 12)))
    # exact: no span has the same start and end -> 0 matches, P = 0/2, R = 0/1, F1 = 0/3
    assert k.exact.matches == 0 and k.exact.f1.value == 0.0
    # overlapping: A[0,8) overlaps B[0,6) (6 characters), not B[10,12): 1 match
    # P = 1/2 (B's spans), R = 1/1 (A's), F1 = 2*1/(1+2) = 2/3
    assert k.overlap.matches == 1
    assert k.overlap.precision.value == 0.5 and k.overlap.recall.value == 1.0
    assert k.overlap.f1.value == pytest.approx(2 / 3)
    # 2x2 table: both = [0,6) = 6; A only = [6,8) = 2; B only = [10,12) = 2; neither = 10
    #   p_o = (6 + 10)/20 = .8; p_A = 8/20 = .4, p_B = 8/20 = .4
    #   p_e = .4*.4 + .6*.6 = .52; kappa = (.8 - .52)/(1 - .52) = .28/.48 = 7/12
    kap = k.kappa
    assert (kap.both, kap.a_only, kap.b_only, kap.neither, kap.characters) == (6, 2, 2, 10, 20)
    assert kap.observed.value == pytest.approx(0.8) and kap.expected.value == pytest.approx(0.52)
    assert kap.kappa.value == pytest.approx(7 / 12)


def test_precision_and_recall_take_a_as_the_reference_and_f1_is_symmetric():
    a, b = spans("A", (0, 8)), spans("B", (0, 6), (10, 12))
    ab, ba = figures(a, b), figures(b, a)
    assert (ab.overlap.precision.value, ab.overlap.recall.value) == (0.5, 1.0)
    assert (ba.overlap.precision.value, ba.overlap.recall.value) == (1.0, 0.5)
    assert ab.overlap.f1 == ba.overlap.f1 and ab.kappa.kappa == ba.kappa.kappa


def test_one_analysts_overlapping_tags_of_a_kind_count_each_character_once():
    # A: [0,8) and [4,10): characters 0..9 are "claim" for A (10, not 8 + 6 = 14). B: [0,10).
    k = figures(spans("A", (0, 8), (4, 10)), spans("B", (0, 10)))
    assert (k.kappa.both, k.kappa.a_only, k.kappa.b_only, k.kappa.neither) == (10, 0, 0, 10)
    assert k.kappa.kappa.value == 1.0
    # spans still count one by one: B's span matches one of A's two (the larger overlap, 8)
    # overlap P = 1/1, R = 1/2, F1 = 2/3
    assert k.overlap.matches == 1 and k.overlap.f1.value == pytest.approx(2 / 3)


def test_greedy_matching_prefers_the_exact_span_on_equal_overlap():
    a = spans("A", (0, 10))
    b = spans("B", (0, 20), (0, 10))
    # both of B's spans overlap A's by 10; the smaller union (10, exact) wins over 20
    assert [(y.start, y.end) for _, y in match_overlapping(a, b)] == [(0, 10)]
    # one to one: A's span is taken, B's [0,20) stays unmatched
    assert figures(a, b).overlap.f1.value == pytest.approx(2 * 1 / 3)


def test_spans_in_different_articles_never_match():
    a = spans("A", (0, 5), article=1)
    b = spans("B", (0, 5), article=2)
    k = kind_agreement({1: 10, 2: 10}, a, b, "claim")[0]
    assert k.exact.matches == k.overlap.matches == 0
    # 20 characters over two articles: A only 5, B only 5, neither 10 -> as in disjoint
    assert k.kappa.kappa.value == pytest.approx(-1 / 3)


def test_astral_characters_count_as_one_character():
    text = "𝕏𝕏𝕏𝕏ab"  # 6 code points (10 UTF-16 units)
    assert len(text) == 6
    k = figures(spans("A", (0, 2)), spans("B", (0, 3)), length=len(text))
    # both 2, A only 0, B only 1, neither 3, n = 6: p_o = 5/6; p_A = 2/6, p_B = 3/6
    # p_e = 1/3*1/2 + 2/3*1/2 = 1/2; kappa = (5/6 - 1/2)/(1/2) = 2/3
    # (counted in UTF-16 units it would be (.8 - .48)/.52 = 0.615...)
    assert (k.kappa.both, k.kappa.b_only, k.kappa.neither) == (2, 1, 3)
    assert k.kappa.kappa.value == pytest.approx(2 / 3)


def test_undefined_figures_are_none_with_a_reason_never_nan():
    k = figures([], [])
    for f in (k.exact.f1, k.exact.precision, k.exact.recall, k.overlap.f1, k.kappa.kappa):
        assert f.value is None and f.reason
    assert "neither analyst tagged" in k.kappa.kappa.reason
    assert k.kappa.kappa.text().startswith("n/a (")
    # A tagged, B did not: F1 = 0 and recall = 0 are defined; precision (0 of B's 0) is not
    k = figures(spans("A", (0, 3)), [])
    assert k.exact.f1.value == 0.0 and k.exact.recall.value == 0.0
    assert k.exact.precision.value is None and "B tagged no claim" in k.exact.precision.reason
    # every character tagged by both: p_e = 1, kappa undefined
    k = figures(spans("A", (0, 20)), spans("B", (0, 20)))
    assert k.kappa.kappa.value is None and "every character" in k.kappa.kappa.reason
    # no characters at all
    assert kind_agreement({}, [], [], "date")[0].kappa.kappa.value is None


def test_alpha_nominal_by_hand():
    # units (a,a) (a,b) (b,b) (b,b): n = 8 values, n_a = 3, n_b = 5
    # coincidences: o_ab = o_ba = 1 (unit 2); the rest agree
    # alpha = 1 - (n-1) * sum_{c!=k} o_ck / sum_{c!=k} n_c n_k = 1 - 7*2/(2*3*5) = 16/30
    units, fig = alpha([("a", "a"), ("a", "b"), ("b", "b"), ("b", "b")], "nominal")
    assert units == 4 and fig.value == pytest.approx(16 / 30)


def test_alpha_ordinal_by_hand_for_credibility_and_reliability():
    # units (1,2) (2,2) (3,3): n_1 = 1, n_2 = 3, n_3 = 2, n = 6
    # ordinal distance d(c,k) = (sum_{g=c..k} n_g - (n_c + n_k)/2)^2:
    #   d(1,2) = (4 - 2)^2 = 4; d(1,3) = (6 - 1.5)^2 = 20.25; d(2,3) = (5 - 2.5)^2 = 6.25
    # observed: o_12 = o_21 = 1 -> sum o*d = 2*4 = 8
    # expected: sum n_c n_k d = 2*(1*3*4 + 1*2*20.25 + 3*2*6.25) = 2*90 = 180
    # alpha = 1 - (n-1) * 8 / 180 = 1 - 40/180 = 7/9
    units, fig = alpha([(1, 2), (2, 2), (3, 3)], "ordinal", (1, 2, 3, 4, 5, 6))
    assert units == 3 and fig.value == pytest.approx(7 / 9)
    # the same with letters: A < B < C are ranks, not text
    assert alpha([("A", "B"), ("B", "B"), ("C", "C")], "ordinal", tuple("ABCDEF"))[1].value \
        == pytest.approx(7 / 9)
    # ordinal is not nominal: nominal alpha on the same units
    #   = 1 - 5*2/(2*(1*3 + 1*2 + 3*2)) = 1 - 10/22 = 6/11
    assert alpha([(1, 2), (2, 2), (3, 3)], "nominal")[1].value == pytest.approx(6 / 11)


def test_alpha_undefined_cases():
    assert alpha([], "nominal")[0] == 0 and alpha([], "nominal")[1].value is None
    # a value missing on one side: not pairable
    units, fig = alpha([("a", None), (None, "b")], "nominal")
    assert units == 0 and fig.value is None and "both analysts" in fig.reason
    # one value only: no variation, expected disagreement 0
    units, fig = alpha([("x", "x"), ("x", "x")], "nominal")
    assert units == 2 and fig.value is None and "same value" in fig.reason
    with pytest.raises(ValueError, match="ordinal scale"):
        alpha([("A", "Z")], "ordinal", tuple("ABCDEF"))


def test_compare_pairs_attributes_of_overlap_matched_spans():
    a = [TagSpan("ann", 1, "claim", 0, 10, status="unverified", credibility=1),
         TagSpan("ann", 1, "claim", 20, 30, status="disputed", credibility=2),
         TagSpan("ann", 1, "actor", 40, 45, actor=7)]
    b = [TagSpan("bob", 1, "claim", 2, 10, status="unverified", credibility=2),
         TagSpan("bob", 1, "claim", 20, 30, status="disputed", credibility=2),
         TagSpan("bob", 1, "actor", 40, 45, actor=7),
         TagSpan("cat", 1, "claim", 0, 10, status="false")]  # another analyst: ignored
    pair = compare("ann", "bob", {1: 50}, a + b)
    by_name = {x.attribute.name: x for x in pair.attributes}
    # status: (u,u) (d,d): perfect agreement with variation -> alpha 1
    assert by_name["status"].units == 2 and by_name["status"].alpha.value == 1.0
    # credibility (1,2) (2,2): n_1 = 1, n_2 = 3; d(1,2) = (4 - 2)^2 = 4
    # alpha = 1 - 3*(2*4) / (2*1*3*4) = 1 - 24/24 = 0
    assert by_name["credibility"].alpha.value == pytest.approx(0.0)
    # actor: one unit, one value -> undefined
    assert by_name["actor"].alpha.value is None
    assert by_name["reliability"].units == 0
    for x in pair.attributes:
        assert x.alpha.value is None or math.isfinite(x.alpha.value)


# -- against a brute force: every character labelled one by one -----------------------------

TEXT_CHARS = "ab 𝕏🇺🇦𠀀é\u0301\n\u05d0"  # astral, flag (two code points), combining, RTL, newline


@st.composite
def tagged_text(draw):
    text = draw(st.text(alphabet=TEXT_CHARS, min_size=1, max_size=40))
    n = len(text)

    def some_spans(analyst):
        pairs = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(1, n)), max_size=5))
        return [TagSpan(analyst, 1, "claim", s, max(s + 1, e) if e > s else s + 1)
                for s, e in pairs if s < n]
    return text, some_spans("A"), some_spans("B")


@given(tagged_text())
def test_kappa_equals_labelling_each_code_point(case):
    text, a, b = case
    n = len(text)  # code points: what offsets count
    label_a = [any(t.start <= i < t.end for t in a) for i in range(n)]
    label_b = [any(t.start <= i < t.end for t in b) for i in range(n)]
    table = Counter(zip(label_a, label_b))
    k = kind_agreement({1: n}, a, b, "claim")[0].kappa
    assert (k.both, k.a_only, k.b_only, k.neither) == (
        table[True, True], table[True, False], table[False, True], table[False, False])
    p_o = (table[True, True] + table[False, False]) / n
    p_a, p_b = sum(label_a) / n, sum(label_b) / n
    p_e = p_a * p_b + (1 - p_a) * (1 - p_b)
    if math.isclose(p_e, 1):
        assert k.kappa.value is None and k.kappa.reason
    else:
        assert k.kappa.value == pytest.approx((p_o - p_e) / (1 - p_e))
    # exact matches: a one-to-one count of equal (start, end)
    assert kind_agreement({1: n}, a, b, "claim")[0].exact.matches == sum(
        (Counter((t.start, t.end) for t in a) & Counter((t.start, t.end) for t in b)).values())


@given(tagged_text())
def test_overlap_matching_is_one_to_one_and_the_greedy_of_all_pairs(case):
    _, a, b = case
    pairs = match_overlapping(a, b)
    assert all(x.start < y.end and y.start < x.end for x, y in pairs)
    assert len({id(x) for x, _ in pairs}) == len({id(y) for _, y in pairs}) == len(pairs)
    # the same greedy (same order) over every pair, without the index: as many matches
    every = sorted((-(min(x.end, y.end) - max(x.start, y.start)),
                    max(x.end, y.end) - min(x.start, y.start), x.start, y.start, i, j)
                   for i, x in enumerate(a) for j, y in enumerate(b)
                   if x.start < y.end and y.start < x.end)
    used_a, used_b = set(), set()
    for *_, i, j in every:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
    assert len(pairs) == len(used_a)
