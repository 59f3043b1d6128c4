"""read_article / parse_article / collect_paths: formats, metadata, refusals."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shared_sample import SAMPLES, Sample

from reader_app.formats import importers
from reader_app.formats.importers import (
    SUPPORTED_SUFFIXES,
    ImportRefused,
    collect_paths,
    parse_article,
    read_article,
)

STORY = (
    "date 2023-03-14\n"
    "Ferry talks stall in the harbour town\n"
    "\n"
    "Union leader Mara Olsen said on Tuesday that \u201cno boat will sail\u201d until wages rise.\r\n"
    "\r\n"
    "The operator plans to meet again on Thursday.\n"
)


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    p = tmp_path / name
    p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return p


def refused(path_or_data: Path | bytes, name: str = "bad.bin") -> ImportRefused:
    with pytest.raises(ImportRefused) as info:
        if isinstance(path_or_data, bytes):
            parse_article(path_or_data, name)
        else:
            read_article(path_or_data)
    err = info.value
    assert "\n" not in str(err) and str(err) == f"{err.path}: refused: {err.reason}"
    return err


# --- plain text ------------------------------------------------------------------


def test_text_article(tmp_path: Path) -> None:
    a = read_article(write(tmp_path, "ferry.txt", STORY))
    assert a.published == "2023-03-14"
    assert a.title == "Ferry talks stall in the harbour town"
    assert a.text.startswith("Ferry talks stall in the harbour town\n\nUnion leader")  # title stays
    assert a.text.endswith("on Thursday.")
    assert "\r" not in a.text
    assert (a.source, a.content_type, a.language, a.styles, a.warnings) == ("ferry.txt", "text", "en", (), ())


@pytest.mark.parametrize("sample", SAMPLES)
def test_example_article(sample: Sample) -> None:
    a = read_article(sample.path)
    assert a.published == sample.published
    assert a.text.startswith(sample.opening)
    assert a.title.startswith(sample.opening) and len(a.title) <= 101
    assert a.language == "en" and a.source == sample.path.name
    assert a.warnings == ()


def test_impossible_dateline_imports_undated_with_warning() -> None:
    a = parse_article(b"date 2022-13-45\nHarbour news\n\nBoats stayed in port.", "odd.txt")
    assert a.published is None
    assert a.text.startswith("date 2022-13-45\nHarbour news")
    assert a.warnings == ("impossible dateline 'date 2022-13-45' ignored; imported undated",)
    assert a.title == "Harbour news"  # the kept dateline is not the title


def test_title_falls_back_to_first_sentence() -> None:
    a = parse_article(b"Boats stayed in port today. More later.", "x.txt")
    assert a.title == "Boats stayed in port today"


@pytest.mark.parametrize(
    "text",
    [
        "emoji 😀 here",
        "zwj 👨‍👩‍👧 here",
        "flag 🇺🇦 here",
        "ext-B 𠀀 here",
        "combining e\u0301 here",
        "rtl שלום مرحبا here",
        "nbsp a\u00a0b and\ttab here",
    ],
)
def test_unicode_survives_byte_exact(text: str) -> None:
    assert parse_article(text.encode(), "u.txt").text == text
    assert parse_article(codecs.BOM_UTF16_BE + text.encode("utf-16-be"), "u.txt").text == text


@pytest.mark.parametrize(
    ("text", "lang"),
    [("Посли знову зустрілися в четвер.", "uk"), ("Послы снова встретились в четверг.", "ru")],
)
def test_language_guess_for_cyrillic(text: str, lang: str) -> None:
    assert parse_article(text.encode(), "c.txt").language == lang


def test_unknown_suffix_text_is_imported_as_text() -> None:
    a = parse_article(b"Plain notes\n\nwith words.", "notes.log")
    assert a.content_type == "text" and a.title == "Plain notes"


def test_unknown_suffix_binary_is_refused() -> None:
    assert "binary" in refused(b"\x89PNG\r\n\x1a\n....", "picture.dat").reason


def test_only_a_dateline_is_refused() -> None:
    assert "no text" in refused(b"date 2023-03-14\n\n", "d.txt").reason


# --- markdown -------------------------------------------------------------------


def test_markdown_article() -> None:
    src = (
        "date 2023-03-14\n\n# Ferry talks stall\n\nUnion leader **Mara Olsen** spoke.\n\n"
        "<script>alert('x')</script>\n\n<img src=\"file:///etc/passwd\">\n\n"
        "![photo](file:///etc/passwd) [evil](javascript:alert(1)) [site](https://example.org/news)\n\n"
        "- first\n- second\n"
    )
    a = parse_article(src.encode(), "story.md")
    assert a.content_type == "markdown" and a.published == "2023-03-14"
    assert a.title == "Ferry talks stall"
    assert a.text.startswith("Ferry talks stall\n\nUnion leader Mara Olsen spoke.")
    for bad in ("alert", "passwd", "<", "photo", "javascript", "date 2023"):
        assert bad not in a.text
    assert "• first\n• second" in a.text
    styles = {(s.style, a.text[s.start : s.end], s.href) for s in a.styles}
    assert ("strong", "Mara Olsen", None) in styles
    assert ("link", "site", "https://example.org/news") in styles
    assert not any(s.style == "link" and s.href != "https://example.org/news" for s in a.styles)
    assert all(0 <= s.start < s.end <= len(a.text) for s in a.styles)


def test_markdown_without_h1_uses_text_title() -> None:
    a = parse_article(b"Short note\n\nBody of the note here.", "n.markdown")
    assert a.title == "Short note" and a.content_type == "markdown"


def test_markdown_impossible_dateline() -> None:
    a = parse_article(b"date 2023-02-30\n\nBody text.", "n.md")
    assert a.published is None and a.warnings and a.text.startswith("date 2023-02-30")


# --- html -----------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="uk-UA"><head><meta charset="utf-8">
<meta property="article:published_time" content="2023-03-14T09:30:00+02:00">
<title> Поромні  переговори &amp; страйк </title>
<style>p { color: red }</style><script>document.write("<p>injected</p>")</script>
</head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<aside>Most read</aside>
<article><h1>Поромні переговори</h1>
<p>Лідерка профспілки <b>Мара Ольсен</b> сказала, що <a href="https://example.org/x">пороми</a> не вийдуть.</p>
<noscript>Enable JS</noscript><form><input value="q"><button>Go</button></form>
<img src="file:///etc/passwd"><a href="javascript:alert(1)">клік</a>
</article>
<footer>© Example</footer>
</body></html>"""


def test_html_article() -> None:
    a = parse_article(PAGE.encode(), "page.html")
    assert a.content_type == "html" and a.language == "uk" and a.published == "2023-03-14"
    assert a.title == "Поромні переговори & страйк"
    assert a.text.startswith("Поромні переговори\n\nЛідерка профспілки Мара Ольсен")
    for bad in ("Home", "Most read", "injected", "color", "Enable JS", "Go", "©", "passwd", "document"):
        assert bad not in a.text
    styles = {(s.style, a.text[s.start : s.end], s.href) for s in a.styles}
    assert ("h1", "Поромні переговори", None) in styles
    assert ("strong", "Мара Ольсен", None) in styles
    assert ("link", "пороми", "https://example.org/x") in styles
    assert [s.href for s in a.styles if s.style == "link"] == ["https://example.org/x"]


@pytest.mark.parametrize(
    ("head", "published"),
    [
        ('<meta name="date" content="2021-07-01">', "2021-07-01"),
        ('<meta name="DATE" content="2021-07-01T00:00">', "2021-07-01"),
        ("", "2020-01-02"),  # from <time datetime>
    ],
)
def test_html_dates(head: str, published: str) -> None:
    page = (
        f"<html><head>{head}</head><body>"
        "<p>Posted <time datetime='2020-01-02T10:00Z'>Jan 2</time></p></body></html>"
    )
    assert parse_article(page.encode(), "p.htm").published == published


def test_html_impossible_meta_date_warns_and_falls_back_to_dateline() -> None:
    page = '<meta name="date" content="2021-02-30"><main><p>date 2021-03-01 The <b>body</b>.</p></main>'
    a = parse_article(page.encode(), "p.html")
    assert a.published == "2021-03-01"
    assert a.text == "The body."
    assert any("2021-02-30" in w for w in a.warnings)
    assert {(s.style, a.text[s.start : s.end]) for s in a.styles} == {("p", "The body."), ("strong", "body")}


def test_html_without_article_uses_body_and_h1_title() -> None:
    page = "<html><body><nav>menu</nav><h1>Quay news</h1><p>Boats idle.</p></body></html>"
    a = parse_article(page.encode(), "q.html")
    assert (a.text, a.title, a.language) == ("Quay news\n\nBoats idle.", "Quay news", "en")


def test_html_in_legacy_charset() -> None:
    page = '<html><head><meta charset="windows-1251"></head><p>Пороми стоять у порту.</p></html>'
    assert parse_article(page.encode("cp1251"), "p.html").text == "Пороми стоять у порту."


def test_html_with_no_readable_text_is_refused() -> None:
    assert "no readable text" in refused(b"<script>var a = 1;</script><style></style>", "s.html").reason


# --- refusals --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "word"),
    [
        (b"", "empty"),
        (b" \n\t\n", "empty"),
        (b"abc\x00def", "NUL"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (bytes(range(256)) * 8, "binary"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "undecodable"),
    ],
)
def test_hostile_bytes(data: bytes, word: str) -> None:
    err = refused(data, "bad.bin")
    assert word in err.reason and err.path == "bad.bin"
    assert str(err).startswith("bad.bin: refused: ")


def test_exact_message_for_nul_bytes() -> None:
    assert str(refused(b"a\x00b", "bad.bin")) == "bad.bin: refused: binary file (NUL bytes)"


def test_over_the_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importers, "MAX_FILE_BYTES", 16)
    assert parse_article(b"sixteen bytes ok", "ok.txt").text == "sixteen bytes ok"
    assert "too large" in refused(b"seventeen bytes!!", "big.txt").reason
    assert "too large" in refused(write(tmp_path, "big.txt", "x" * 17)).reason


def test_refusal_pickles() -> None:
    import pickle

    err = pickle.loads(pickle.dumps(ImportRefused("x.txt", "empty file")))
    assert (err.path, err.reason, str(err)) == ("x.txt", "empty file", "x.txt: refused: empty file")


def test_declared_text_transform_charset_is_ignored() -> None:
    page = b'<meta charset="unicode_escape"><p>a\\nb \xe9t\xe9</p>'
    assert parse_article(page, "p.html").text == "a\\nb \u00e9t\u00e9"


def test_documented_limit() -> None:
    assert importers.MAX_FILE_BYTES == 20 * 1024 * 1024


def test_directory(tmp_path: Path) -> None:
    assert refused(tmp_path).reason == "is a directory"


def test_missing_file(tmp_path: Path) -> None:
    err = refused(tmp_path / "nope.txt")
    assert err.reason == "no such file" and err.path.endswith("nope.txt")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read anything")
def test_permission_denied(tmp_path: Path) -> None:
    p = write(tmp_path, "secret.txt", "hidden words")
    p.chmod(0)
    try:
        assert refused(p).reason == "permission denied"
    finally:
        p.chmod(0o600)


def test_permission_denied_on_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def deny(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    path = write(tmp_path, "locked.txt", "words")
    monkeypatch.setattr(importers.os, "open", deny)  # works as root too
    assert refused(path).reason == "permission denied"


def test_invalid_path() -> None:
    assert refused(Path("bad\0name.txt")).reason == "invalid file name"


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null")
def test_not_a_regular_file() -> None:
    assert refused(Path("/dev/null")).reason == "not a regular file"


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300), st.sampled_from(["a.txt", "a.md", "a.html", "a.bin", "noext", ""]))
def test_parse_article_raises_only_import_refused(data: bytes, name: str) -> None:
    try:
        a = parse_article(data, name)
    except ImportRefused as e:
        assert "\n" not in str(e)
        return
    edge = " \t\n\f\v" if a.content_type == "text" else None  # plain text keeps NBSP & co.
    assert a.text and a.text == a.text.strip(edge) and "\r" not in a.text and "\u2029" not in a.text
    assert all(0 <= s.start < s.end <= len(a.text) for s in a.styles)


# --- collect_paths ----------------------------------------------------------------


def test_collect_paths(tmp_path: Path) -> None:
    names = ["b.txt", "a.md", "sub/c.HTML", "sub/deeper/d.htm", "skip.rtf"]
    hidden = [".hidden.txt", ".git/e.txt", "sub/.cache/f.md"]
    for rel in names + hidden:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        write(tmp_path, rel, "words")
    explicit = write(tmp_path, "explicit.weird", "words")
    got = collect_paths([tmp_path, explicit, tmp_path / "missing.txt", tmp_path / "b.txt"])
    rel = [p.relative_to(tmp_path).as_posix() for p in got]
    assert rel == ["a.md", "b.txt", "sub/c.HTML", "sub/deeper/d.htm", "explicit.weird", "missing.txt"]
    assert all(isinstance(p, Path) for p in got)


def test_collect_paths_sorts_as_paths_do_and_lists_each_file_once(tmp_path: Path) -> None:
    """By parts, not as strings ("a/z.txt" before "a-b.txt", which a string sort puts
    first), folder by folder; a file given again, or inside a folder given twice, once."""
    names = ["a/z.txt", "a-b.txt", "a.txt", "a/b/c.txt", "a/b.txt", "B.txt", "b/a.txt",
             "é.txt", "e.txt", "a b.txt", "a/b-c/d.txt"]
    for rel in names:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        write(tmp_path, rel, "words")
    every = sorted(tmp_path / rel for rel in names)
    assert collect_paths([tmp_path]) == every
    assert collect_paths([tmp_path / "a.txt", tmp_path, tmp_path / "a"]) == [
        tmp_path / "a.txt", *(p for p in every if p != tmp_path / "a.txt")]
    assert collect_paths([tmp_path / "empty-missing", tmp_path, tmp_path]) == [
        tmp_path / "empty-missing", *every]


def test_supported_suffixes() -> None:
    assert SUPPORTED_SUFFIXES == (
        ".txt", ".text", ".md", ".markdown", ".html", ".htm", ".eml", ".mhtml", ".mht", ".pdf",
        ".docx", ".odt")


def test_a_file_read_in_short_pieces_is_read_whole(tmp_path: Path, monkeypatch) -> None:
    """read() may return less than asked (a network share, a signal): the rest is read."""
    text = "date 2022-02-09\nTalks resumed.\n\n" + "Officials met again in Minsk. " * 300
    path = write(tmp_path, "short.txt", text)
    real = os.read
    monkeypatch.setattr(importers.os, "read", lambda fd, n: real(fd, min(n, 1000)))
    article = read_article(path)
    assert article.published == "2022-02-09"
    assert article.text == text.split("\n", 1)[1].strip()


def test_a_file_that_grew_after_stat_is_read_on_up_to_the_limit(
        tmp_path: Path, monkeypatch) -> None:
    path = write(tmp_path, "growing.txt", "Talks resumed.")
    real_stat = os.stat
    monkeypatch.setattr(importers.os, "stat", lambda p: os.stat_result(
        (*real_stat(p)[:6], 5, *real_stat(p)[7:])))  # st_size said 5
    assert read_article(path).text == "Talks resumed."
    monkeypatch.setattr(importers, "MAX_FILE_BYTES", 10)
    assert refused(path).reason.startswith("file too large")
