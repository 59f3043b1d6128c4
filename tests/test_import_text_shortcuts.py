"""A plain-text file imports as it did before the shortcuts: the body cut out in one slice
(dateline_end + one strip span, not split_dateline + strip), and its sha256 taken from the
file's own bytes when they are exactly its text's UTF-8."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from reader_app.domain.models import ImportedArticle, with_utf8_sha256
from reader_app.domain.offsets import text_sha256
from reader_app.formats import dateline, importers
from reader_app.formats.decode import DecodeError, decode_counting_nuls
from reader_app.formats.mojibake import repair_report
from reader_app.storage.articles import add_articles

_EDGE = importers._EDGE_WS


def _split_as_before(text: str) -> tuple[str | None, str, str | None]:
    """split_dateline as it was written before dateline_end."""
    m = dateline._DATELINE.match(text)
    if not m:
        return None, text, None
    published = dateline.valid_iso_date(m.group("iso"))
    if published is None:
        return None, text, f"impossible dateline {m.group('line')!r} ignored; imported undated"
    rest = dateline._AFTER.match(text, m.end())
    assert rest is not None
    return published, text[rest.end() :], None


def _body_as_before(data: bytes) -> str | None:
    """The text _import_text stored before: decoded, NULs out, repaired, dateline split
    off, stripped. None: refused."""
    try:
        text, nuls = decode_counting_nuls(data)
    except DecodeError:
        return None
    text = repair_report(text.replace("\x00", "") if nuls else text)[0]
    return _split_as_before(text)[1].strip(_EDGE)


_PIECES = ["date 2022-02-09", "date 2022-13-45", "DATE: 2021-12-31", "date\t2020-02-29",
           "date 2022-02-09x", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\r", "\f", "\v",
           "\u2029", "\u2028", "\x1a", "\u00a0", "\u3000", "\u200b", "é", "e\u0301", "😀",
           "👨\u200d👩\u200d👧", "🇺🇦", "𠀀", "Київ", "Москва", "שלום", "Title", "Talks resumed.",
           "Ã©", "â€™", "word", "٢٠٢٢-٠٢-٠٩", "\x01"]


@st.composite
def _files(draw: st.DrawFn) -> bytes:
    text = "".join(draw(st.lists(st.sampled_from(_PIECES), max_size=25)))
    text += " " * draw(st.sampled_from([0, 1, 63, 64, 65, 200]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16"]))
    return text.encode(encoding)


@settings(max_examples=600, deadline=None)
@given(_files())
def test_a_text_file_imports_as_before_and_its_hash_is_its_texts(data: bytes) -> None:
    before = _body_as_before(data)
    try:
        article = importers.parse_article(data, "a.txt")
    except importers.ImportRefused:
        assert not before or not importers._VISIBLE.search(before)
        return
    assert article.text == before
    text = repair_report(decode_counting_nuls(data)[0])[0]
    assert dateline.split_dateline(text) == _split_as_before(text)
    if article.known_sha256 is not None:
        assert article.known_sha256 == text_sha256(article.text)


def test_the_hash_comes_from_the_bytes_only_when_they_are_the_text() -> None:
    body = "Київ 😀 𠀀 e\u0301 talks. "
    plain = ["date 2022-02-09\nTitle\n\n" + body, "\u3000\u00a0date 2022-02-09 " + body,
             body + " " * 500, " \n\t" + body + "\n\n", "date 2022-13-45\n" + body]
    for text in plain:
        article = importers.parse_article(text.encode(), "a.txt")
        assert article.known_sha256 == text_sha256(article.text), repr(text)
    changed = ["date 2022-02-09\r\n" + body, body + "\r" + body, body + "\u2029" + body,
               body + "\x1a", "The minister’s plan — café".encode().decode("cp1252") + "\n\n" + body]
    for text in changed:
        article = importers.parse_article(text.encode(), "a.txt")
        assert article.known_sha256 is None, repr(text)
    assert "repaired" in article.warnings[0]  # the last one was mis-encoded, and mended
    for data in (("\ufeff" + body).encode(), body.encode("utf-16"),
                 "Café au lait, naïve déjà vu".encode("cp1252")):
        assert importers.parse_article(data, "a.txt").known_sha256 is None


def test_a_huge_file_with_long_white_space_runs_imports_as_before() -> None:
    body = "date 2022-02-09" + " \n" * 300_000 + "Київ 😀 talks. " * 50_000 + " \t\n\f\v" * 100_000
    data = body.encode()
    article = importers.parse_article(data, "a.txt")
    assert article.text == _body_as_before(data)
    assert article.known_sha256 == text_sha256(article.text)
    assert article.published == "2022-02-09"


def test_a_replaced_text_never_keeps_the_old_hash(db) -> None:
    article = with_utf8_sha256(ImportedArticle("T", "one", "a.txt"), b"one")
    other = dataclasses.replace(article, text="two")
    assert article.known_sha256 == text_sha256("one") and other.known_sha256 is None
    assert article == ImportedArticle("T", "one", "a.txt")  # not compared, not shown
    add_articles(db, [article, other])
    stored = dict(db.execute("SELECT text, sha256 FROM articles").fetchall())
    assert stored == {"one": text_sha256("one"), "two": text_sha256("two")}
