"""The search box's query language (domain/search_query.py): parsed without ever failing,
always a valid FTS5 expression, word forms in English, Russian and Ukrainian."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader_app.domain.search_query import (
    SpanFinder,
    Term,
    date_bound,
    fold,
    fts_expression,
    parse_grade,
    parse_query,
    tokens,
    word_stem,
)
from reader_app.services.search import match_spans


@pytest.fixture(scope="module")
def fts():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(x)")
    conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row')")
    conn.executemany("INSERT INTO t VALUES (?)", [
        ("Sergei Lavrov said the votes were counted",), ("Лавров заявил, что Лаврова ждут",),
        ("Зеленський зустрівся з Лавровим у Києві",), ("vote theft and e-mail don't",),
        ("Café naïve İstanbul x̃y 𠀀 emoji 🇺🇦 here",),
    ])
    yield conn
    conn.close()


def test_words_phrases_exclusions_or_prefix():
    q = parse_query('Lavrov "vote theft" -drills kyiv OR kiev lavr*')
    assert [[t.label for t in g] for g in q.groups] == [
        ["lavrov"], ["vote theft"], ["kyiv", "kiev"], ["lavr*"]]
    assert [t.label for t in q.excluded] == ["drills"]
    expr = fts_expression(q)
    assert expr == ('("lavrov"* AND "vote theft" AND ("kyiv"* OR "kiev"*) AND "lavr"*)'
                    ' NOT "drill"*')


@pytest.mark.parametrize("text, labels", [
    ("OR", [["or"]]),  # nothing to join: the word itself
    ("a OR", [["a"]]),  # typed mid-query: joins nothing yet
    ("OR b", [["b"]]),
    ("kyiv OR -kiev", [["kyiv"]]),
    ("Lavrov's Lavrov’s allies' don't", [["lavrov"], ["allies"], ["don t"]]),
    ("a or b", [["a"], ["or"], ["b"]]),  # lower case is a word
    ('"unclosed phrase', [["unclosed phrase"]]),
    ("NEAR(a b)", [["near a"], ["b"]]),
    ("title:foo ^bar", [["title foo"], ["bar"]]),
    ("e-mail don't", [["e mail"], ["don t"]]),
    ("💥 * ^ ( ) :", []),
    ("- -", []),
])
def test_anything_else_is_literal(text, labels):
    assert [[t.label for t in g] for g in parse_query(text).groups] == labels


def test_only_exclusions_have_no_expression():
    q = parse_query("-lavrov")
    assert q.groups == () and [t.label for t in q.excluded] == ["lavrov"]
    assert fts_expression(q) == ""


_PIECES = list('"()*^:-+ {}[],.\'\\') + ["OR", "NOT", "AND", "NEAR", "💥", "🇺🇦", "ʼ", "Лавр",
                                         "é", "\u0301", "𠀀", "\x00", "\t", "ё", " OR ", "a"]


@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join) | st.text(max_size=40))
def test_any_string_makes_a_valid_fts_expression(fts, text):
    expr = fts_expression(parse_query(text))
    if expr:
        fts.execute("SELECT rowid FROM t WHERE t MATCH ?", [expr]).fetchall()
    match_spans("Sergei Lavrov 🇺🇦 said, Лавров", text)  # never raises either


def test_tokens_fold_as_unicode61(fts):
    indexed = {r[0] for r in fts.execute("SELECT term FROM v")}
    text = "Café naïve İstanbul x̃y 𠀀 emoji 🇺🇦 here Лавров заявил"
    assert set(tokens(text)) <= indexed
    assert fold("ÉCOLE Ёлка") == "ecole ёлка"


@pytest.mark.parametrize("query, finds, misses", [
    ("votes", ["voted", "votes", "voting", "vote"], ["devoted"]),
    ("sanctioned", ["sanctions", "sanction"], []),
    ("happy", ["happy", "happiness"], []),
    ("Лаврова", ["Лавров", "Лаврова", "Лавровим", "Лаврову"], ["Лавр"]),
    ("выборов", ["выборы", "выборах"], []),
    ("України", ["Україна", "Україні", "Україною"], []),
    ("голосуванні", ["голосування", "голосуванням"], []),
    ("Зеленського", ["Зеленський", "Зеленському"], []),
    ("ёлки", ["ёлка", "ёлкой"], []),
])
def test_word_forms(fts, query, finds, misses):
    q = parse_query(query)
    expr = fts_expression(q)
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE w USING fts5(x)")
    for word in finds + misses:
        conn.execute("INSERT INTO w VALUES (?)", [f"the {word} here"])
    found = {r[0] for r in conn.execute("SELECT x FROM w WHERE w MATCH ?", [expr])}
    assert found == {f"the {w} here" for w in finds}
    for word in finds:  # the reader marks the same words the index found
        assert match_spans(f"x {word}.", query) == [(2, 2 + len(word))]
    for word in misses:
        assert match_spans(f"x {word}.", query) == []


def test_short_words_are_exact():
    assert parse_query("war").groups == ((Term(("war",)),),)
    assert word_stem("news") == "news"


def test_match_spans_code_points_with_astral_and_phrases():
    text = "🇺🇦 👨‍👩‍👧 Лавров said: “vote\ntheft”, VOTE theft! Café cafe"
    spans = match_spans(text, '"vote theft" лавров* cafe')
    assert [text[a:b] for a, b in spans] == ["Лавров", "vote\ntheft", "VOTE theft", "Café", "cafe"]
    assert match_spans(text, "-лавров") == []


def test_span_finder_agrees_fast_and_slow():
    finder = SpanFinder(parse_query("votes lavr*"))
    plain = "Lavrov voted; the votes of LAVROVA"
    accented = plain + " é"
    assert finder.spans(plain) == finder.spans(accented)


def test_grades_and_dates():
    assert parse_grade("b2") == ("B", 2)
    with pytest.raises(ValueError, match="Admiralty grade"):
        parse_grade("G7")
    assert date_bound("2022-02", last=True) == "2022-02-28"
    assert date_bound("2024-02", last=True) == "2024-02-29"
    assert date_bound("2022", last=False) == "2022-01-01"
    for bad in ("2022-02-30", "yesterday", "2022-13", "22-01-01"):
        with pytest.raises(ValueError, match="not a date"):
            date_bound(bad, last=False)


def test_combining_marks_in_cyrillic_text_are_folded_as_the_index_does():
    text = "Ла\u0301вров и Лавров"  # a stress mark, as dictionaries print it
    assert match_spans(text, "Лаврова") == [(0, 7), (10, 16)]
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(x)")
    conn.execute("INSERT INTO t VALUES (?)", ["Ла\u0301вров"])
    assert conn.execute("SELECT count(*) FROM t WHERE t MATCH ?",
                        [fts_expression(parse_query("Лаврова"))]).fetchone()[0] == 1


def test_or_chains_make_one_group():
    q = parse_query("kyiv OR kiev OR київ drills -war OR peace")
    assert [[t.label for t in g] for g in q.groups] == [["kyiv", "kiev", "київ"], ["drills"],
                                                       ["peace"]]
    assert [t.label for t in q.excluded] == ["war"]


def test_the_quick_folding_check_never_misses_a_character_that_folds():
    from reader_app.domain.search_query import _COMBINING, _NEEDS_FOLDING

    latin = SpanFinder(parse_query("cafe"))
    cyrillic = SpanFinder(parse_query("Лаврова"))
    for cp in range(0x2000):  # every character the folding changes is below U+1F00
        ch = chr(cp)
        if _NEEDS_FOLDING.match(ch):
            assert latin._needs_folding("Лавров " + ch), hex(cp)
        if _COMBINING.match(ch):
            assert cyrillic._needs_folding("Лавров " + ch), hex(cp)
    assert not latin._needs_folding("Лавров — «каф» 🇺🇦 cafe")
    assert not cyrillic._needs_folding("Лавров Café")  # no Latin term: Latin letters stay


def test_folded_matches_in_a_cyrillic_text_are_found_and_counted():
    text = "Кафе «Café» і CAFÉ, cafe\u0301 та кафе; Ла\u0301вровим Лаврова"
    assert [text[a:b] for a, b in match_spans(text, "cafe")] == ["Café", "CAFÉ", "cafe\u0301"]
    assert [text[a:b] for a, b in match_spans(text, "Лаврова")] == ["Ла\u0301вровим", "Лаврова"]
    assert [text[a:b] for a, b in match_spans(text, '"та кафе"')] == ["та кафе"]
