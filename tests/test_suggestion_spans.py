"""Which mentions become suggestions: none over a tag of the kind, none rejected, none
overlapping another; checked against the plain definition."""

from __future__ import annotations

from typing import NamedTuple

from hypothesis import given
from hypothesis import strategies as st

from reader_app.domain.suggestions import Suggestion, by_position, free_of


class M(NamedTuple):
    start: int
    end: int


spans = st.tuples(st.integers(0, 60), st.integers(1, 8)).map(lambda p: (p[0], p[0] + p[1]))


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


@given(st.lists(spans, max_size=30), st.lists(spans, max_size=15), st.data())
def test_free_of_keeps_exactly_what_the_definition_keeps(mentions, taken, data):
    rejected = set(data.draw(st.lists(st.sampled_from(mentions), max_size=5))) if mentions \
        else set()
    found = free_of([M(*m) for m in mentions], taken, rejected)
    expected, last = [], None
    for m in sorted(mentions, key=lambda m: (m[0], -m[1])):
        if m in rejected or any(overlaps(m, t) for t in taken):
            continue
        if last is not None and m[0] < last[1]:
            continue
        expected.append(m)
        last = m
    assert [(m.start, m.end) for m in found] == expected


def test_kinds_merge_in_text_order_and_say_what_they_store():
    a = Suggestion("actor", 0, 6, "Russia", "alias", None, "Russia", "state")
    d = Suggestion("date", 0, 6, "Monday", "weekday", value="2022-02-07")
    c = Suggestion("claim", 3, 20, "x" * 17, "said", claimant_name="Olena Marchuk")
    assert by_position([[a], [d], [c]]) == [a, d, c]
    assert a.stores() == "Russia (new actor)" and d.stores() == "2022-02-07"
    assert c.stores() == "claimant Olena Marchuk"
    assert a._replace(certain=False, actor_id=3).stores() == "probably Russia"


def test_a_new_tag_drops_the_suggestions_of_its_kind_it_overlaps():
    from reader_app.domain.suggestions import drop_covered

    a = Suggestion("actor", 0, 6, "Russia", "alias")
    d = Suggestion("date", 0, 6, "Monday", "weekday")
    b = Suggestion("actor", 10, 16, "Kyivan", "alias")
    assert drop_covered([a, d, b], [("actor", 5, 7)]) == [d, b]
    assert drop_covered([a, d, b], [("actor", 6, 10)]) == [a, d, b]


def test_covered_at_finds_by_bisection_what_a_pass_over_every_suggestion_finds():
    import random

    from reader_app.domain.suggestions import covered_at, longest_span

    rng = random.Random(5)
    for _ in range(300):
        found = []
        for _ in range(rng.randrange(0, 40)):
            start = rng.randrange(0, 200)
            long = rng.random() < 0.1  # a claim: a whole sentence
            found.append(Suggestion(rng.choice(("actor", "date", "claim")), start,
                                    start + rng.randrange(1, 120 if long else 9), "q", "r"))
        found.sort(key=lambda s: (s.start, s.end))
        tags = [(rng.choice(("actor", "date", "claim")), a, a + rng.randrange(1, 30))
                for a in (rng.randrange(0, 220) for _ in range(rng.randrange(1, 4)))]
        every = [n for n, s in enumerate(found)
                 if any(k == s.kind and a < s.end and s.start < b for k, a, b in tags)]
        assert covered_at(found, tags, longest_span(found)) == every


def test_the_view_drops_a_suggestion_by_its_span_and_kind_long_or_short():
    from reader_app.gui.article.highlights import LONG, SpanIndex

    spans = [(0, 6, 0, "actor", "Russia"), (0, 6, 1, "date", "Monday"),
             (10, 16, 2, "actor", "Kyivan"), (3, 3 + LONG + 5, 3, "claim", "x" * (LONG + 5))]
    index = SpanIndex(spans)
    assert index.get(1) == spans[1]  # the id map is built: discard keeps it in step
    index.discard(0, 6, "date")
    assert len(index) == 3 and index.overlapping(0, 7) == [spans[0], spans[3]]
    index.discard(3, 3 + LONG + 5, "claim")  # kept aside as a long span
    index.discard(10, 16, "date")  # no such suggestion: nothing goes
    assert len(index) == 2 and index.overlapping(0, 20) == [spans[0], spans[2]]
    assert index.get(1) is None and index.get(3) is None and index.get(2) == spans[2]
