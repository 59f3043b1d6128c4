"""Re-anchoring a tag from elsewhere onto the library's text (domain/anchoring.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader_app.domain.anchoring import anchor_tag
from reader_app.domain.offsets import CONTEXT

HARD = ["🇺🇦", "𝕏", "👨‍👩‍👧", "𠀀", "é", "e\u0301", "שלום", "Київ", "\u00a0", "\t", "\r\n", "\n",
        "a", " ", "."]
texts = st.lists(st.sampled_from(HARD), min_size=1, max_size=40).map("".join)


def test_the_quote_at_its_offsets_stays_there():
    text = "🇺🇦 Kyiv said 𝕏 so"
    at = text.index("Kyiv")
    found = anchor_tag(text, at, at + 4, "Kyiv")
    assert (found.start, found.end, found.moved, found.reason) == (at, at + 4, False, "")


def test_a_quote_that_moved_is_found_once_with_its_context():
    old = "Kyiv said so. Kyiv said no."
    new = "🇺🇦 Intro 𝕏. " + old  # the text as the library stores it: everything shifted
    at = old.index("Kyiv", 5)
    found = anchor_tag(new, at, at + 4, "Kyiv", prefix="so. ", suffix=" said no")
    assert found.moved and new[found.start:found.end] == "Kyiv"
    assert found.start == new.index("Kyiv said no")


def test_a_quote_alone_at_one_place_is_found_without_context():
    found = anchor_tag("one 🇺🇦 two three", 0, 3, "two")
    assert (found.start, found.end, found.moved) == (7, 10, True)


def test_an_ambiguous_or_missing_quote_is_unanchored_with_a_reason():
    text = "Kyiv and Kyiv"
    twice = anchor_tag(text, 100, 104, "Kyiv")
    assert twice.start is None and not twice.placed
    assert twice.reason == "its quote occurs 2 times and its context does not tell which one"
    gone = anchor_tag(text, 0, 4, "Lviv")
    assert gone.reason == "its quote is not in the article's text" and gone.end is None
    assert anchor_tag(text, 0, 4, "").reason == "it has no quote to look for"
    # offsets of the wrong type are never trusted, whatever they are
    assert anchor_tag(text, "0", 4.0, "Kyiv and").start == 0


@given(texts, texts, texts, st.data())
def test_a_tag_lands_on_its_quote_whatever_was_inserted_before_it(before, quote, after, data):
    quote = "[" + quote + "]"  # brackets: the quote occurs once in the text
    old = before.replace("[", "").replace("]", "") + quote + after.replace("[", "").replace(
        "]", "")
    start = old.index(quote)
    end = start + len(quote)
    inserted = data.draw(texts).replace("[", "").replace("]", "")
    new = inserted + old
    found = anchor_tag(new, start, end, quote, old[max(0, start - CONTEXT):start],
                       old[end:end + CONTEXT])
    assert found.placed and new[found.start:found.end] == quote
    assert found.start == len(inserted) + start
    assert found.moved == (inserted != "")


@given(texts, st.integers(0, 50), st.integers(0, 50))
def test_a_placed_tag_always_fits_the_text(text, start, length):
    quote = text[start:start + length]
    found = anchor_tag(text, start, start + length, quote)
    if found.placed:
        assert text[found.start:found.end] == quote
    else:
        assert found.reason


def test_own_offsets_whose_context_differs_do_not_win_over_the_quote_with_its_context():
    old = "Kyiv 🇺🇦: Russia said X. Moscow: Russia said Y."
    new = "Moscow: Russia said Y. Kyiv 🇺🇦: Russia said X. "  # the same quotes, swapped
    at = old.index("Russia", 20)  # the Moscow one
    assert new[at:at + 6] == "Russia"  # its own offsets still hold the quote, the Kyiv one
    found = anchor_tag(new, at, at + 6, "Russia", old[max(0, at - CONTEXT):at],
                       old[at + 6:at + 6 + CONTEXT])
    assert (found.start, found.moved) == (new.index("Russia"), True)
    assert new[found.start - 8:found.start] == "Moscow: "


def test_own_offsets_with_a_context_that_matches_no_occurrence_better_are_unanchored():
    text = "x Kyiv y x Kyiv y"
    found = anchor_tag(text, 2, 6, "Kyiv", prefix="𝕏 ", suffix=" 🇺🇦")
    assert not found.placed
    assert found.reason == "its quote occurs 2 times and its context does not tell which one"
    # once in the text: there, whatever its context says, and not moved
    alone = anchor_tag("a Kyiv b", 2, 6, "Kyiv", prefix="𝕏 ", suffix=" 🇺🇦")
    assert (alone.start, alone.moved) == (2, False)


def test_a_context_cut_by_the_text_start_or_end_still_fits():
    text = "Kyiv 🇺🇦 Kyiv"
    found = anchor_tag(text, 0, 4, "Kyiv", prefix="", suffix=" 🇺🇦 Kyiv")
    assert (found.start, found.moved) == (0, False)
    last = anchor_tag(text, 8, 12, "Kyiv", prefix="Kyiv 🇺🇦 ", suffix="")  # a flag: 2 points
    assert (last.start, last.moved) == (8, False)


@given(texts, st.integers(0, 60), st.integers(1, 20))
def test_an_unchanged_text_keeps_every_tag_where_it_was(text, start, length):
    from reader_app.domain.offsets import make_anchor

    if start + length > len(text):
        return
    a = make_anchor(text, start, start + length)
    found = anchor_tag(text, start, start + length, a.quote, a.prefix, a.suffix)
    assert (found.start, found.end, found.moved) == (start, start + length, False)


def test_a_merge_of_a_changed_text_does_not_drift_to_another_occurrence(tmp_path, capsys):
    from merge_helpers import add, tag

    from reader_app.cli import main
    from reader_app.storage.database import open_library

    a = open_library(tmp_path / "a.sqlite")
    i = add(a, "Kyiv: Russia said X. Moscow: Russia said Y.", "t")
    tag(a, i, "actor", "Russia", "ann", nth=1)  # the Moscow one
    uuid = a.execute("SELECT uuid FROM articles").fetchone()[0]
    a.close()
    b = open_library(tmp_path / "b.sqlite")
    j = add(b, "Moscow: Russia said Y. Kyiv: Russia said X. ", "t")
    b.execute("UPDATE articles SET uuid = ? WHERE id = ?", [uuid, j])
    b.conn.commit()
    b.close()
    assert main(["export", "--db", str(tmp_path / "a.sqlite"), "--format", "w3c", "-o",
                 str(tmp_path / "a.jsonld")]) == 0
    assert main(["import", "--db", str(tmp_path / "b.sqlite"), str(tmp_path / "a.jsonld")]) == 0
    b = open_library(tmp_path / "b.sqlite")
    assert b.execute("SELECT start, end FROM annotations").fetchall() == [(8, 14)]
    b.close()
    capsys.readouterr()
