"""Double-encoded text (UTF-8 read as Windows-1252, saved again as UTF-8) is repaired at
import, with a warning; text that is fine is never changed."""

from __future__ import annotations

import time

import ftfy.bad_codecs  # noqa: F401 - registers "sloppy-windows-1252", as browsers decode
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader_app.formats.importers import ImportRefused, parse_article
from reader_app.formats.mojibake import PARTLY_REPAIRED, REPAIRED, repair_mojibake, repair_report
from reader_app.formats.rendered import ImportCancelled

STORY = (
    "Two men—Donald J. Trump and “the mayor”—met on Tuesday.\n\n"
    "The café on the quay stayed open; Zelenskyy’s aide said “no comment”. 🇺🇦\n"
)


def mis_encode(text: str) -> str:
    """What happened to the analyst's article: its UTF-8 bytes read as Windows-1252."""
    return text.encode("utf-8").decode("sloppy-windows-1252")


def test_the_issue_example_is_repaired() -> None:
    assert mis_encode("two men—Donald") == "two menâ€”Donald"
    assert repair_mojibake("two menâ€”Donald J. Trump") == ("two men—Donald J. Trump", True)


@pytest.mark.parametrize(
    ("name", "wrap"),
    [
        ("a.txt", lambda s: s),
        ("a.md", lambda s: "# Ferry talks\n\n" + s),
        ("a.html", lambda s: f"<html><body><p>{s}</p></body></html>"),
    ],
)
def test_every_text_format_is_repaired_with_a_warning(name, wrap) -> None:
    a = parse_article(mis_encode(wrap(STORY)).encode("utf-8"), name)
    good = parse_article(wrap(STORY).encode("utf-8"), name)
    assert a.text == good.text and a.title == good.title and a.styles == good.styles
    assert "â€" not in a.text and "men—Donald" in a.text
    assert REPAIRED in a.warnings and a.warnings[0].startswith("repaired mis-encoded text")
    assert good.warnings == ()


FINE = [
    "Plain ASCII with 'straight' quotes and -- dashes.",
    "Curly “quotes”, ‘single’, an em dash — and an ellipsis …",
    "Пороми стоять у порту, сказала Мара Ольсен. Ёжик, щи, ї, є, ґ.",
    "Emoji 😀, a family 👨‍👩‍👧, a flag 🇺🇦, 𝕏 and CJK Extension B 𠀀.",
    "Combining e\u0301 and a\u0308; NBSP\u00a0here; a tab\tthere.",
    "Ligature ﬁ, full-width ＡＢＣ, HTML &amp; entities &lt;b&gt; stay as written.",
    "naïve façade Ångström ÆØÅ São Paulo Ñandú déjà « vu » à l’école.",
    "Le prix: 5 â€ la pièce — a legitimate â€ sequence stays.",
    "مرحبا بالعالم — שלום עולם",
    "Mixed line: Привіт and menâ€”Donald stays (not all of it reads back as UTF-8).",
    "C1 control \u0085 and a DEL\u007f, control chars are not ours to remove.",
]


@pytest.mark.parametrize("text", FINE)
def test_fine_text_is_never_changed(text: str) -> None:
    assert repair_mojibake(text) == (text, False)
    if "\x7f" in text:
        return  # a short text with two controls is refused as "not text", as before
    a = parse_article(text.encode("utf-8"), "fine.txt")
    assert a.text == text.strip() and REPAIRED not in a.warnings


def test_only_the_mis_encoded_lines_change() -> None:
    text = "Привіт, світ!\n" + mis_encode("menâ€”no: men—Donald") + "\nLe prix: 5 â€ la pièce\r"
    fixed, changed = repair_mojibake(text)
    assert changed
    assert fixed.split("\n") == ["Привіт, світ!", "menâ€”no: men—Donald", "Le prix: 5 â€ la pièce\r"]


WORDS = ["men—Donald", "café", "Zelenskyy’s", "“quoted”", "Привіт", "порту", "🇺🇦", "😀", "𝕏",
         "naïve", "Ångström", "déjà", "€5", "…", "Trump", "the", "said"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=30))
def test_mis_encoded_words_round_trip(words: list[str]) -> None:
    text = " ".join(words)
    fixed, changed = repair_mojibake(mis_encode(text))
    assert fixed == text
    assert changed == (mis_encode(text) != text)
    assert repair_mojibake(text) == (text, False)


def test_a_lone_mis_encoded_cjk_extension_b_character_is_a_known_limit() -> None:
    # "𠀀" read as cp1252 is "ð\xa0€€", which ftfy cannot tell from Latin text on its own;
    # with any other mis-encoded character on the line it is repaired with the rest.
    assert repair_mojibake(mis_encode("said 𠀀 the")) == (mis_encode("said 𠀀 the"), False)
    assert repair_mojibake(mis_encode("café 𠀀")) == ("café 𠀀", True)


def test_a_short_mis_encoded_text_full_of_c1_controls_is_not_refused_as_binary() -> None:
    text = mis_encode("“Yes,” he said.”")  # each ” ends in byte 9D: U+009D when read as cp1252
    assert "\x9d" in text
    assert parse_article(text.encode("utf-8"), "q.txt").text == "“Yes,” he said.”"
    with pytest.raises(ImportRefused, match="control characters"):
        parse_article("\x9d\x9d\x9d real junk".encode(), "junk.txt")


def test_fine_megabyte_costs_one_scan_and_a_broken_one_is_repaired_in_seconds() -> None:
    line = "Two men—Donald J. Trump said “no” — café. Привіт. 🇺🇦\n"
    fine = line * (2**20 // len(line))
    start = time.perf_counter()
    assert repair_mojibake(fine) == (fine, False)
    assert time.perf_counter() - start < 0.1
    broken = mis_encode(fine)
    start = time.perf_counter()
    assert repair_mojibake(broken) == (fine, True)
    assert time.perf_counter() - start < 10


def test_a_line_longer_than_ftfys_limit_is_repaired_all_through() -> None:
    fine = "The two men—Donald J. Trump and “others” said café 🇺🇦. " * 25_000  # one 1.4 M-char line
    fixed, warning = repair_report(mis_encode(fine))
    assert fixed == fine and warning == REPAIRED


def test_200000_mis_encoded_lines_are_quick_and_cancellable() -> None:
    fine = "The two men—Donald J. Trump and “others” said café.\n" * 200_000
    start = time.perf_counter()
    assert repair_report(mis_encode(fine)) == (fine, REPAIRED)
    assert time.perf_counter() - start < 8
    calls: list[int] = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(ImportCancelled):
        repair_report(mis_encode(fine), cancel)


def test_what_is_left_mis_encoded_is_reported_as_partly_repaired() -> None:
    mixed = mis_encode("café — fine") + "\n" + mis_encode("Ð¿Ð¾Ñ€Ñ‚ — ") + "порт"
    fixed, warning = repair_report(mixed)
    assert fixed.startswith("café — fine\n") and warning == PARTLY_REPAIRED


def test_fine_lines_that_would_read_back_are_left_to_ftfys_judgement() -> None:
    for fine in ("Ô… Dieu", "CAFÉ™ brand", "Ô… Dieu\nCAFÉ™ brand\nNAÏVE… yes"):
        assert repair_mojibake(fine) == (fine, False)
