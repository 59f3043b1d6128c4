"""The importer's quick file-name split gives what PurePath gives, for any name."""

from __future__ import annotations

from pathlib import PurePath

from hypothesis import given, settings
from hypothesis import strategies as st

from reader_app.formats.importers import _name_parts, parse_article


def by_pathlib(label: str) -> tuple[str, str, str]:
    path = PurePath(label)
    return path.name or path.as_posix(), path.stem or path.as_posix(), path.suffix


@settings(max_examples=500)
@given(st.text(alphabet=st.sampled_from("ab./ x\\é"), min_size=1, max_size=12))
def test_name_parts_equal_pathlib(label: str) -> None:
    assert _name_parts(label) == by_pathlib(label)


def test_named_cases() -> None:
    for label in ["a.txt", "d/a.md", ".hidden", "a.", "a.tar.gz", "/x/y.", "..", "a/..",
                  "dir/", "<unnamed>", "x/.txt", "a..b", "a/./b.HTML"]:
        assert _name_parts(label) == by_pathlib(label), label


def test_the_suffix_still_picks_the_format() -> None:
    assert parse_article(b"# Title\n\nBody.", "folder/notes.MD").content_type == "markdown"
    assert parse_article(b"<p>Body.</p>", "x/page.htm").content_type == "html"
    assert parse_article(b"Body.", "x/.txt").content_type == "text"  # a hidden name, no suffix
