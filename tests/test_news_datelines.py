"""News datelines at import ("KYIV, Tuesday 14 March 2023 — ..."): read, never removed."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader_app.formats.importers import parse_article, read_article
from reader_app.formats.news_dateline import find_news_dateline
from reader_app.services.importing import import_paths
from reader_app.services.suggesting import suggest
from reader_app.storage.articles import get_article

BODY = " Foreign Minister Dmytro Kuleba said talks with Beijing were useful. He spoke for an hour."

# (first words of the article, the published date they give)
DATELINES = [
    # en: CITY, [Weekday] D Month YYYY —
    ("KYIV, Tuesday 14 March 2023 —", "2023-03-14"),
    ("KYIV, 14 March 2023 —", "2023-03-14"),
    ("Kyiv, Tuesday, 14 March 2023 –", "2023-03-14"),
    ("KYIV, 14 March 2023 -", "2023-03-14"),
    ("KYIV, 14th March 2023 —", "2023-03-14"),
    ("KYIV, Tue 14 Mar 2023 —", "2023-03-14"),
    # en: CITY, [Weekday,] Month D, YYYY —
    ("WASHINGTON, March 14, 2023 —", "2023-03-14"),
    ("WASHINGTON, Tuesday, March 14, 2023 —", "2023-03-14"),
    ("NEW YORK, Sept. 5, 2023 —", "2023-09-05"),
    ("ST. PETERSBURG, Fla., March 14, 2023 —", "2023-03-14"),
    ("Rio de Janeiro, 14 March 2023 —", "2023-03-14"),
    ("KRAMATORSK, Ukraine, March 14, 2023 —", "2023-03-14"),
    # CITY (Agency) — Month D, YYYY; an agency after the date
    ("KYIV (Reuters) — March 14, 2023 —", "2023-03-14"),
    ("KYIV (Reuters) - March 14, 2023 -", "2023-03-14"),
    ("KRAMATORSK, Ukraine (AP) — Tuesday, March 14, 2023 —", "2023-03-14"),
    ("PARIS (AFP) — 14 March 2023 —", "2023-03-14"),
    ("KYIV, 14 March 2023 (Reuters) —", "2023-03-14"),
    # the date alone on the first line, ISO at the start
    ("14 March 2023\n", "2023-03-14"),
    ("March 14, 2023\n", "2023-03-14"),
    ("Tuesday, 14 March 2023\n", "2023-03-14"),
    ("2023-03-14\n", "2023-03-14"),
    ("2023-03-14 —", "2023-03-14"),
    # uk
    ("КИЇВ, 14 березня 2023 —", "2023-03-14"),
    ("КИЇВ, вівторок, 14 березня 2023 —", "2023-03-14"),
    ("Київ, 14 березня 2023 року —", "2023-03-14"),
    ("ЛЬВІВ, 1 лютого 2024 р. —", "2024-02-01"),
    ("КИЇВ (Укрінформ) — 14 березня 2023 —", "2023-03-14"),
    ("КИЇВ, 14 березня 2023 /Укрінформ/ —", "2023-03-14"),
    ("14 березня 2023 року\n", "2023-03-14"),
    # ru (genitive month names)
    ("МОСКВА, 2 марта 2023 —", "2023-03-02"),
    ("МОСКВА, четверг, 2 марта 2023 —", "2023-03-02"),
    ("Ростов-на-Дону, 2 марта 2023 года —", "2023-03-02"),
    ("САНКТ-ПЕТЕРБУРГ, 2 мая 2023 г. —", "2023-05-02"),
    ("МОСКВА (ТАСС) — 2 марта 2023 —", "2023-03-02"),
    ("2 марта 2023\n", "2023-03-02"),
]


@pytest.mark.parametrize(("opening", "published"), DATELINES)
def test_news_dateline_dates_the_article_and_leaves_the_text(opening: str, published: str) -> None:
    text = opening + BODY
    a = parse_article(text.encode("utf-8"), "story.txt")
    assert a.published == published
    assert a.text == text  # nothing removed: offsets index the file's text
    assert a.warnings == ()


@pytest.mark.parametrize(("opening", "published"), DATELINES)
def test_news_dateline_in_markdown_and_html(opening: str, published: str) -> None:
    # a Markdown line break is a space once rendered: the date alone needs a paragraph
    md = parse_article(f"{opening.replace(chr(10), chr(10) * 2)}{BODY}".encode(), "story.md")
    assert md.published == published and md.warnings == ()
    assert md.text.startswith(opening.strip())
    page = f"<html><body><p>{opening}{BODY}</p></body></html>".replace("\n", "</p><p>")
    html = parse_article(page.encode(), "story.html")
    assert html.published == published and html.warnings == ()


def test_after_a_title_line() -> None:
    text = "Kuleba: talks with Beijing useful\n\nKYIV, Tuesday 14 March 2023 —" + BODY
    a = parse_article(text.encode(), "story.txt")
    assert (a.published, a.title, a.text) == ("2023-03-14", "Kuleba: talks with Beijing useful", text)
    md = parse_article(("# Kuleba: talks useful\n\nМОСКВА, 2 марта 2023 — Министр заявил.").encode(),
                       "story.md")
    assert (md.published, md.title) == ("2023-03-02", "Kuleba: talks useful")


def test_not_after_a_line_that_is_no_title() -> None:
    # a hard-wrapped first paragraph: its second line starts with a date, but no dateline
    text = ("Officials in the capital confirmed that the talks, which were to begin on\n"
            "14 March 2023 — a Tuesday — were postponed.")
    assert parse_article(text.encode(), "story.txt").published is None


def test_title_leaves_out_a_dateline_that_opens_the_text() -> None:
    text = "KYIV, Tuesday 14 March 2023 — Foreign Minister Dmytro Kuleba said talks went on. More."
    a = parse_article(text.encode(), "story.txt")
    assert a.title == "Foreign Minister Dmytro Kuleba said talks went on"
    assert a.text == text
    alone = parse_article(b"14 March 2023\n\nHarbour strike ends\n\nThe boats sailed.", "s.txt")
    assert alone.title == "Harbour strike ends"


def test_weekday_that_contradicts_the_date_warns_and_keeps_the_date() -> None:
    a = parse_article("KYIV, Monday 14 March 2023 —".encode() + BODY.encode(), "story.txt")
    assert a.published == "2023-03-14"
    assert a.warnings == ("dateline 'KYIV, Monday 14 March 2023': 2023-03-14 was a Tuesday,"
                          " not a Monday; the date is used",)
    ru = parse_article("МОСКВА, пятница, 2 марта 2023 — Министр заявил.".encode(), "s.txt")
    assert ru.published == "2023-03-02"
    assert ru.warnings == ("dateline 'МОСКВА, пятница, 2 марта 2023': 2023-03-02 was a Thursday,"
                           " not a Friday; the date is used",)


def test_the_warning_reaches_the_import_report(tmp_path: Path, db) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "odd.txt").write_text("КИЇВ, понеділок, 14 березня 2023 — Міністр заявив.",
                                             encoding="utf-8")
    report = import_paths(db, [tmp_path / "in"])
    assert len(report.created) == 1
    assert report.warnings == ["odd.txt: dateline 'КИЇВ, понеділок, 14 березня 2023': 2023-03-14"
                               " was a Tuesday, not a Monday; the date is used"]


@pytest.mark.parametrize("opening", ["KYIV, 29 February 2023 —", "29 February 2023\n",
                                     "МОСКВА, 29 февраля 2023 —", "2023-02-29 —",
                                     "KYIV, 31 April 2023 —"])
def test_impossible_date_is_refused_with_a_warning(opening: str) -> None:
    text = opening + BODY
    a = parse_article(text.encode(), "story.txt")
    assert a.published is None and a.text == text
    line = opening.rstrip(" —\n")
    assert a.warnings == (f"impossible dateline {line!r} ignored; imported undated",)


def test_leap_day_of_a_leap_year() -> None:
    assert parse_article(b"KYIV, 29 February 2024 - Talks.", "s.txt").published == "2024-02-29"


def test_date_line_form_is_unchanged() -> None:
    a = parse_article("date 2023-03-14\nKYIV, Monday 2 March 2020 — Talks.".encode(), "s.txt")
    assert a.published == "2023-03-14"  # the `date` line wins; the next line is body text
    assert a.text == "KYIV, Monday 2 March 2020 — Talks."  # only the `date` line is split off
    assert a.warnings == ()
    odd = parse_article(b"date 2022-13-45\n14 March 2023\n\nBody.", "s.txt")
    assert odd.published is None
    assert odd.warnings == ("impossible dateline 'date 2022-13-45' ignored; imported undated",)


def test_html_metadata_date_wins() -> None:
    page = ('<html><head><meta property="article:published_time" content="2023-03-15">'
            "</head><body><p>KYIV, Monday 14 March 2023 — Talks.</p></body></html>")
    a = parse_article(page.encode(), "p.html")
    assert a.published == "2023-03-15" and a.warnings == ()


def test_stored_text_is_the_file_text(tmp_path: Path, db) -> None:
    text = "КИЇВ, 14 березня 2023 — Міністр 🇺🇦 заявив\u00a0вчора, що переговори тривають."
    path = tmp_path / "in" / "kyiv.txt"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    assert read_article(path).text == text
    report = import_paths(db, [path.parent])
    article = get_article(db, report.created[0].article_id)
    assert article.text == text and article.published == "2023-03-14"


@pytest.mark.parametrize(("text", "word", "value"), [
    ("KYIV, Tuesday 14 March 2023 — Foreign Minister Dmytro Kuleba said yesterday that talks "
     "would resume.", "yesterday", "2023-03-13"),
    ("МОСКВА, 2 марта 2023 — Министр иностранных дел заявил вчера, что переговоры продолжатся.",
     "вчера", "2023-03-01"),
    ("КИЇВ, 14 березня 2023 року — Міністр закордонних справ заявив учора, що переговори тривають.",
     "учора", "2023-03-13"),
    ("Kuleba speaks\n\nWASHINGTON, March 14, 2023 — He said talks resume tomorrow.",
     "tomorrow", "2023-03-15"),
])
def test_relative_dates_resolve_against_the_dateline(tmp_path: Path, db, text: str, word: str,
                                                     value: str) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(text, encoding="utf-8")
    article_id = import_paths(db, [tmp_path / "in"]).created[0].article_id
    found = {s.quote: s.value for s in suggest(db, article_id, ["date"])}
    assert found[word] == value


# Realistic first lines that are not datelines: nothing may be read from them.
NOT_DATELINES = [
    "Foreign Minister Dmytro Kuleba said on 2 March 2023 that talks would continue.",
    "On 2 March 2023, the foreign ministers met in Delhi.",
    "KYIV, March 14 (Reuters) - Ukraine's foreign minister said on Tuesday that talks resumed.",
    "KYIV, 2 March — the talks resumed after a week.",
    "МОСКВА, 2 марта. /ТАСС/. Министр иностранных дел России заявил, что переговоры идут.",
    "КИЇВ, 14 березня. /Укрінформ/. Міністр закордонних справ заявив про нові переговори.",
    "KYIV, Tuesday — Foreign Minister Dmytro Kuleba said talks would resume.",
    "14 March 2023 was the day the talks collapsed.",
    "14 березня 2023 року Міністр закордонних справ України заявив про переговори.",
    "В понедельник, 2 марта 2023 года, министр заявил о переговорах.",
    "March 2023: a timeline of the talks",
    "1 March 2023 – 5 March 2023: monthly summary of the talks",
    "2023-03-14 – 2023-03-20 weekly digest",
    "2023-03-14 14:00:00,123 INFO importer started",
    "2023-03-14-report-final",
    "By Olena Petrenko, March 14, 2023",
    "Updated 14 March 2023 — 10:45",
    "Published: March 14, 2023",
    "Kyiv, 2023 — a year in review",
    "Mariupol, the city besieged since March 2022, is still without water.",
    "KYIV, 14 March — Ukraine said on Tuesday, 14 March 2023 that talks resumed.",
    "March 14, 2023, Kuleba said, was a turning point.",
    "LONDON — Britain's foreign secretary said on 14 March 2023 that sanctions would follow.",
    "12 March 2023\t45.3\t12.1",
    "Between 2 March 2023 and 5 March 2023 the ministers met three times.",
]


def test_there_are_at_least_twenty_negatives() -> None:
    assert len(NOT_DATELINES) >= 20


@pytest.mark.parametrize("line", NOT_DATELINES)
def test_not_a_dateline(line: str) -> None:
    text = f"{line}\nThe ministers met again yesterday. More talks are planned."
    assert find_news_dateline(text) is None
    a = parse_article(text.encode(), "story.txt")
    assert (a.published, a.warnings, a.text) == (None, (), text)


@pytest.mark.parametrize("text", ["KYIV, 14 March 23 — Talks.", "KYIV, 14 March 0023 — Talks.",
                                  "KYIV, 14 March 20233 — Talks.", "KYIV, Tuesday 14 March — Talks.",
                                  "March 14\n\nTalks."])
def test_no_full_year_no_dateline(text: str) -> None:
    a = parse_article(text.encode(), "s.txt")
    assert (a.published, a.warnings) == (None, ())


def test_only_the_opening_is_read() -> None:
    filler = "x" * 300
    assert find_news_dateline(f"{filler}\n\nKYIV, 14 March 2023 — Talks.") is None
    # a place so long that the line runs past what is read: not a dateline
    assert find_news_dateline("K" * 195 + ", 14 March 2023 — Talks.") is None
