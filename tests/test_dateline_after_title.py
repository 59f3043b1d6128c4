"""A `date` line on the line after a title line: "Title\\ndate 2026-07-01\\nBody".

Read as when the dateline opens the file: the article is dated, the title is the title
line, and the dateline is cut out of the stored text (the title stays in it).
"""

from __future__ import annotations

import codecs
import hashlib

import pytest

from reader_app.formats.dateline import dateline_cut
from reader_app.formats.importers import parse_article
from reader_app.services.importing import import_paths

TITLE = "Harbour strike ends after nine days"
BODY = "The dockers\u2019 union said on Tuesday that cranes would turn again by Friday."
TITLE_FIRST = f"{TITLE}\ndate 2026-07-01\n{BODY}\n"


def test_title_first_text_is_dated_and_titled() -> None:
    a = parse_article(TITLE_FIRST.encode(), "harbour.txt")
    assert (a.published, a.title, a.warnings) == ("2026-07-01", TITLE, ())
    assert a.text == f"{TITLE}\n{BODY}"  # the dateline line is gone, nothing else
    assert "2026-07-01" not in a.text


def test_offsets_into_the_stored_text_hold() -> None:
    a = parse_article(TITLE_FIRST.encode(), "harbour.txt")
    quote = "cranes would turn again"
    start = a.text.index(quote)
    assert a.text[start : start + len(quote)] == quote
    assert a.known_utf8 is None or a.known_utf8 == a.text.encode("utf-8")


@pytest.mark.parametrize(
    "raw",
    [
        TITLE_FIRST.replace("\n", "\r\n").encode(),
        codecs.BOM_UTF8 + TITLE_FIRST.encode(),
        codecs.BOM_UTF8 + TITLE_FIRST.replace("\n", "\r\n").encode(),
        TITLE_FIRST.replace("\n", "\r\n").encode("utf-16"),  # Python writes a BOM first
    ],
    ids=["crlf", "bom", "bom-crlf", "utf16-bom"],
)
def test_crlf_and_bom_variants(raw: bytes) -> None:
    a = parse_article(raw, "harbour.txt")
    assert (a.published, a.title) == ("2026-07-01", TITLE)
    assert a.text == f"{TITLE}\n{BODY}"


def test_blank_lines_around_the_dateline_and_leading_layout() -> None:
    text = f"\n  {TITLE}  \n\nDate: 2026-07-01\n\n\n{BODY}\n"
    a = parse_article(text.encode(), "harbour.txt")
    assert (a.published, a.title) == ("2026-07-01", TITLE)
    assert a.text == f"{TITLE}  \n\n{BODY}"


def test_dateline_and_body_on_one_line_after_the_title() -> None:
    a = parse_article(f"{TITLE}\ndate 2026-07-01 {BODY}".encode(), "harbour.txt")
    assert (a.published, a.text) == ("2026-07-01", f"{TITLE}\n{BODY}")


@pytest.mark.parametrize("title", ["2026-06-30", "30 June 2026", "KYIV, 30 June 2026"])
def test_a_title_that_looks_like_a_date(title: str) -> None:
    """The `date` line says when: a title shaped like a date (or a news dateline)
    is still the title, and kept in the text."""
    a = parse_article(f"{title}\ndate 2026-07-01\n{BODY}\n".encode(), "harbour.txt")
    assert (a.published, a.title, a.warnings) == ("2026-07-01", title, ())
    assert a.text == f"{title}\n{BODY}"


def test_a_dateline_in_the_middle_is_body_text() -> None:
    text = (f"{TITLE}\n\n{BODY}\ndate 2026-07-01\n"
            "Shipping agents expect the backlog to clear within a fortnight.\n")
    a = parse_article(text.encode(), "harbour.txt")
    assert a.published is None
    assert a.title == TITLE
    assert a.text == text.strip()


def test_a_dateline_after_a_paragraph_line_is_body_text() -> None:
    """Only a title line may stand before the dateline: a sentence may not."""
    text = f"{BODY}\ndate 2026-07-01\nCranes turned.\n"
    a = parse_article(text.encode(), "harbour.txt")
    assert a.published is None and a.text == text.strip()


def test_a_dateline_on_the_third_line_is_body_text() -> None:
    text = f"{TITLE}\nBy a staff reporter\ndate 2026-07-01\n{BODY}\n"
    a = parse_article(text.encode(), "harbour.txt")
    assert a.published is None and a.text == text.strip()


def test_impossible_dateline_after_a_title_warns_and_keeps_all() -> None:
    text = f"{TITLE}\ndate 2026-13-01\n{BODY}\n"
    a = parse_article(text.encode(), "harbour.txt")
    assert a.published is None
    assert a.warnings == ("impossible dateline 'date 2026-13-01' ignored; imported undated",)
    assert (a.title, a.text) == (TITLE, text.strip())


def test_title_and_dateline_only() -> None:
    a = parse_article(f"{TITLE}\ndate 2026-07-01\n\n".encode(), "harbour.txt")
    assert (a.published, a.title, a.text) == ("2026-07-01", TITLE, TITLE)


def test_markdown_title_first() -> None:
    a = parse_article(TITLE_FIRST.encode(), "harbour.md")
    assert (a.published, a.title) == ("2026-07-01", TITLE)
    assert a.text == f"{TITLE}\n\n{BODY}"  # the title stays its own paragraph


def test_markdown_heading_first_with_crlf_and_bom() -> None:
    src = f"# {TITLE}\r\ndate 2026-07-01\r\n\r\n{BODY}\r\n"
    a = parse_article(codecs.BOM_UTF8 + src.encode(), "harbour.md")
    assert (a.published, a.title) == ("2026-07-01", TITLE)
    assert a.text == f"{TITLE}\n\n{BODY}"


def test_markdown_dateline_in_the_middle_is_body_text() -> None:
    a = parse_article(f"# {TITLE}\n\n{BODY}\ndate 2026-07-01\n".encode(), "harbour.md")
    assert a.published is None
    assert "date 2026-07-01" in a.text


def test_markdown_code_fence_is_no_title() -> None:
    a = parse_article(b"```text\ndate 2026-07-01\n```\n\nCranes turned.\n", "harbour.md")
    assert a.published is None
    assert a.text.startswith("date 2026-07-01")


def test_dateline_cut_positions() -> None:
    published, cut, end, warning = dateline_cut(TITLE_FIRST)
    assert (published, warning) == ("2026-07-01", None)
    assert TITLE_FIRST[:cut] == f"{TITLE}\n"
    assert TITLE_FIRST[cut:end] == "date 2026-07-01\n"
    # the dateline opening the text: cut_start 0, as dateline_end
    assert dateline_cut(f"date 2026-07-01\n{TITLE}") == ("2026-07-01", 0, 16, None)
    assert dateline_cut(f"{TITLE}\n\n{BODY}") == (None, 0, 0, None)


def test_stored_article_is_dated_titled_and_hashed_from_its_text(db, tmp_path) -> None:
    (tmp_path / "harbour.txt").write_bytes(TITLE_FIRST.replace("\n", "\r\n").encode())
    report = import_paths(db, [tmp_path])
    assert len(report.created) == 1 and not report.warnings
    row = db.execute("SELECT title, published, text, sha256 FROM articles").fetchone()
    assert tuple(row[:3]) == (TITLE, "2026-07-01", f"{TITLE}\n{BODY}")
    assert row[3] == hashlib.sha256(row[2].encode("utf-8")).hexdigest()
