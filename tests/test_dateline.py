"""split_dateline, text_title and guess_language."""

from __future__ import annotations

import pytest
from shared_sample import SAMPLES, Sample

from reader_app.formats.dateline import guess_language, split_dateline, text_title


def test_dateline_on_its_own_line() -> None:
    assert split_dateline("date 2023-03-14\n\nEnvoys met again.") == ("2023-03-14", "Envoys met again.", None)


def test_dateline_on_the_same_line_as_the_body() -> None:
    assert split_dateline("date 2023-03-14   Envoys met again.") == ("2023-03-14", "Envoys met again.", None)


def test_dateline_after_leading_whitespace() -> None:
    assert split_dateline(" \n\t date 2023-03-14 Envoys met.") == ("2023-03-14", "Envoys met.", None)


@pytest.mark.parametrize("word", ["Date", "DATE", "date:"])
def test_dateline_case_insensitive(word: str) -> None:
    assert split_dateline(f"{word} 2022-02-09\nBody") == ("2022-02-09", "Body", None)


@pytest.mark.parametrize(
    "text",
    [
        "Envoys met again on date 2023-03-14.",  # not leading
        "date 2023-03-145 is not a date",
        "date 2023-3-14 short month",
        "dates 2023-03-14 plural",
        "date\n2023-03-14 split over lines",
        "",
    ],
)
def test_no_dateline(text: str) -> None:
    assert split_dateline(text) == (None, text, None)


@pytest.mark.parametrize("iso", ["2022-13-45", "2023-02-29", "2022-00-10", "0000-01-01"])
def test_impossible_dateline_keeps_text_and_warns(iso: str) -> None:
    text = f"date {iso}\nEnvoys met again."
    published, body, warning = split_dateline(text)
    assert published is None
    assert body == text  # nothing is lost
    assert warning == f"impossible dateline 'date {iso}' ignored; imported undated"


def test_leap_day_is_possible() -> None:
    assert split_dateline("date 2024-02-29 Leap.")[0] == "2024-02-29"


def test_dateline_alone_leaves_an_empty_body() -> None:
    assert split_dateline("date 2023-03-14\n") == ("2023-03-14", "", None)


def test_nbsp_after_dateline_is_body_text() -> None:
    assert split_dateline("date 2023-03-14 \u00a0Body")[1] == "\u00a0Body"


@pytest.mark.parametrize("sample", SAMPLES)
def test_example_article_file(sample: Sample) -> None:
    text = sample.path.read_text(encoding="utf-8")
    published, body, warning = split_dateline(text)
    assert published == sample.published
    assert body.startswith(sample.opening)
    assert warning is None


# --- titles -----------------------------------------------------------------


def test_title_is_a_short_first_line_followed_by_a_blank_line() -> None:
    text = "Harbour cranes idle as strike enters week two\n\nDock workers stayed home."
    assert text_title(text, "stem") == "Harbour cranes idle as strike enters week two"


def test_title_that_is_a_question() -> None:
    assert text_title("Will the ferry run?\n\nNobody knows.", "stem") == "Will the ferry run?"


def test_only_line_is_the_title() -> None:
    assert text_title("Storm warning for the coast", "stem") == "Storm warning for the coast"


def test_first_line_ending_with_a_period_is_not_a_title() -> None:
    text = "The council voted on Tuesday. It was close.\n\nMore text."
    assert text_title(text, "stem") == "The council voted on Tuesday"


def test_hard_wrapped_first_line_is_not_a_title() -> None:
    text = "The council voted on Tuesday to close the old bridge\nto heavy lorries. Traffic moved."
    assert text_title(text, "stem") == "The council voted on Tuesday to close the old bridge to heavy lorries"


def test_long_first_sentence_is_cut_at_a_word_boundary() -> None:
    sentence = "Negotiators from both delegations " + "worked late into the night " * 6 + "and left."
    title = text_title(sentence, "stem")
    assert title.endswith("…")
    assert len(title) <= 101
    assert sentence.startswith(title[:-1])
    assert title[-2] != " "


def test_long_unbroken_text_is_cut_between_characters() -> None:
    text = "👨‍👩‍👧" * 60  # no spaces, no sentence end; must not split a ZWJ cluster
    title = text_title(text, "stem")
    assert title.endswith("…")
    assert title[:-1] == "👨‍👩‍👧" * (len(title[:-1]) // 5)


def test_title_skips_a_kept_impossible_dateline() -> None:
    assert text_title("date 2022-13-45 Boats stayed in port. More.", "stem") == "Boats stayed in port"


def test_title_falls_back_to_stem() -> None:
    assert text_title("   ", "my-file") == "my-file"


# --- language -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The envoys met again on Thursday.", "en"),
        ("Посли знову зустрілися в четвер, і це було важливо.", "uk"),
        ("Послы снова встретились в четверг, и это было важно.", "ru"),
        ("使節は木曜日に再び会った。", None),
        ("12345 — 678", None),
    ],
)
def test_guess_language(text: str, lang: str | None) -> None:
    assert guess_language(text) == lang
