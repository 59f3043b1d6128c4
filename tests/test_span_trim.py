"""The sloppy-edge rule (domain/span_trim.py): punctuation, lone quotation marks and
brackets at the ends go; balanced quotation marks stay; offsets are code points."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader_app.domain.span_trim import tidy_span, trim_edges


def tidied(selected: str, before: str = "", after: str = "") -> str:
    """What a selection of `selected` (between `before` and `after`) tags."""
    text = before + selected + after
    start, end = tidy_span(text, len(before), len(before) + len(selected))
    assert 0 <= start <= end <= len(text)
    return text[start:end]


@pytest.mark.parametrize("selected, expected", [
    (", where his films were banned", "where his films were banned"),
    ("Kyiv, ", "Kyiv"),
    (" ; Kyiv —", "Kyiv"),
    ("…the talks", "the talks"),
    ("Зеленський,", "Зеленський"),
    ("\u00a0Kyiv\u00a0", "Kyiv"),  # NBSP is white space
    ("\u200bKyiv\ufeff", "Kyiv"),  # format characters go too
    ("Inc.", "Inc"),
    ("the end.", "the end"),
])
def test_punctuation_and_space_go_at_both_ends(selected, expected):
    assert tidied(selected) == expected


@pytest.mark.parametrize("selected", [
    "U.S.", "the U.S.", "John F.", "12%", "3‰", "#NoWar", "@kyiv_post", "Why?", "¿Por qué?",
    "Stop!",
])
def test_what_belongs_to_the_words_stays(selected):
    assert tidied(selected) == selected


@pytest.mark.parametrize("selected", [
    "“The drills will end.”",
    '"The drills will end."',
    "«Nous partons demain»",
    "„Wir kommen morgen“",
    "„Idziemy jutro”",
    "»Vi går i morgon»",
    "‘We will stay’",
    "(Reuters)",
    "[sic]",
    "“We will,” he said",
    "he said, “we will.”",
    "“We don’t know,” she said, “and we won’t guess.”",
])
def test_balanced_quotation_marks_and_brackets_stay(selected):
    assert tidied(selected) == selected


@pytest.mark.parametrize("selected, expected", [
    ("“The drills will end", "The drills will end"),
    ("The drills will end.”", "The drills will end"),
    ('"Kyiv', "Kyiv"),
    ("Kyiv'", "Kyiv"),
    ("the Okafors’", "the Okafors"),
    ("«Kyiv", "Kyiv"),
    ("Kyiv»,", "Kyiv"),
    ("(Reuters", "Reuters"),
    ("Reuters)", "Reuters"),
    ("(Reuters) -", "(Reuters)"),
    ("“Kyiv”.”", "“Kyiv”"),
])
def test_a_lone_mark_at_an_end_goes(selected, expected):
    assert tidied(selected) == expected


@pytest.mark.parametrize("selected, expected", [
    ("NEW DELHI (Reuters", "NEW DELHI"),
    ("Reuters) Modi said", "Modi said"),
    ("said (in a statement", "said"),
    ("a) the talks (b", "the talks"),
    ("NEW DELHI (Reuters) - Rahul Gandhi", "NEW DELHI (Reuters) - Rahul Gandhi"),
])
def test_a_bracket_crossed_inside_cuts_the_span_there(selected, expected):
    assert tidied(selected) == expected


def test_a_quotation_over_paragraphs_keeps_its_marks():
    selected = "“The first paragraph.\n\n“The second one.”"
    assert tidied(selected) == selected
    assert tidied("“The first paragraph.\n\n“The second") == "The first paragraph.\n\n“The second"


def test_apostrophes_inside_words_are_not_quotation_marks():
    assert tidied("‘We don’t know’") == "‘We don’t know’"
    assert tidied("don’t know’") == "don’t know"
    assert tidied("O'Brien'") == "O'Brien"


@pytest.mark.parametrize("selected", [", ", " — ", "“", "()", "...", "\u00a0\t\n", ""])
def test_nothing_left_is_an_empty_span_at_the_start(selected):
    text = "Kyiv" + selected + "said"
    assert tidy_span(text, 4, 4 + len(selected)) in {(i, i) for i in range(4, 5 + len(selected))}
    start, end = tidy_span(text, 4, 4 + len(selected))
    assert start == end


# -- code points, hard Unicode on its own ---------------------------------------------------

HARD = [
    ("emoji_before", "😀 said: ", ", Kyiv agreed,", " today", "Kyiv agreed"),
    ("emoji_itself", "talks ", "😀,", " resumed", "😀"),
    ("zwj", "A family ", "“👨\u200d👩\u200d👧”.", " left", "“👨\u200d👩\u200d👧”"),
    # an end inside an emoji sequence takes the whole of it, never half a character
    ("zwj_broken", "A family ", "👨\u200d", "👩 left", "👨\u200d👩"),
    ("tag_flag", "", "Fans waved 🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",
     " at", "Fans waved 🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"),
    ("half_flag", "in 🇺", "🇦", " Kyiv", "🇺🇦"),
    ("half_flag_start", "in ", "🇺", "🇦 Kyiv", "🇺🇦"),
    ("skin_tone", "ok ", "👍", "🏽 then", "👍🏽"),
    ("flag", "in ", "(🇺🇦", " Kyiv", "🇺🇦"),
    ("flag_after", "🇺🇦🇺🇦 ", "Kyiv,", " said", "Kyiv"),
    ("combining", "The ", "cafe\u0301.", " owner", "cafe\u0301"),
    ("combining_quote", "", "«cafe\u0301»", "", "«cafe\u0301»"),
    ("cyrillic", "Він сказав: ", "«Київ вистоїть», —", " заявив", "«Київ вистоїть»"),
    ("cjk_ext_b", "𠀀 ", "(𠀀字", ")", "𠀀字"),
    ("nbsp", "About", "\u00a010\u00a0000 troops,", " moved", "10\u00a0000 troops"),
]


@pytest.mark.parametrize("before, selected, after, expected", [h[1:] for h in HARD],
                         ids=[h[0] for h in HARD])
def test_hard_unicode_offsets_are_code_points(before, selected, after, expected):
    text = before + selected + after
    start, end = tidy_span(text, len(before), len(before) + len(selected))
    assert text[start:end] == expected
    assert start == text.index(expected, len(before) - 1 if before else 0)


def test_a_start_inside_an_emoji_sequence_moves_to_its_first_character():
    text = "A family 👨\u200d👩 left"
    inside = text.index("👩")
    assert text[slice(*tidy_span(text, inside, len(text)))] == "👨\u200d👩 left"
    assert text[slice(*tidy_span(text, inside - 1, len(text)))] == "👨\u200d👩 left"


@pytest.mark.parametrize("text, start, end", [
    ("a\u200daa", 0, 1),  # a ZWJ between letters, then the word goes on
    ("“🏽””", 1, 4),  # a stray skin tone after a quotation mark joins nothing
    ("\u200d🇺🇺", 2, 3),  # a flag's pair after a ZWJ
])
def test_tagging_a_tidy_span_again_takes_the_same_span(text, start, end):
    s, e = tidy_span(text, start, end)
    assert s < e and tidy_span(text, s, e) == (s, e)


# -- properties ------------------------------------------------------------------------------

ALPHABET = st.sampled_from(list("ab .,;:—“”„«»\"'’()[]!?%\n\u00a0") +
                           ["😀", "🇺", "🇦", "\u0301", "\u200d", "К", "🏽", "🏴", "\U000e0067",
                            "\U000e007f"])


@given(text=st.lists(ALPHABET, max_size=30).map("".join), data=st.data())
def test_a_tidy_span_fits_and_is_stable(text, data):
    i = data.draw(st.integers(0, len(text)))
    j = data.draw(st.integers(i, len(text)))
    start, end = trim_edges(text, i, j)
    assert i <= start <= end <= j  # trimming never widens
    assert trim_edges(text, start, end) == (start, end)
    if start < end:
        assert not text[start].isspace() and not text[end - 1].isspace()
        assert text[start] not in ",.;:—" and text[end - 1] not in ",;:—"
    s, e = tidy_span(text, i, j)
    assert 0 <= s <= e <= len(text)
    if s < e:  # tagging the tidy span again takes the same span
        assert tidy_span(text, s, e) == (s, e)
