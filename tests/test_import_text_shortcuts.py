"""A plain-text file imports as it did before the shortcuts: the body cut out in one slice
(dateline_end + one strip span, not split_dateline + strip), and its UTF-8 taken from the
file's own bytes when they are exactly its text's (then hashed and stored as they are)."""

from __future__ import annotations

import dataclasses

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from reader_app.domain.models import ImportedArticle, with_utf8
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


def _title_first(data: bytes) -> bool:
    """A title line with the dateline after it: a shape the importer reads since the
    shortcuts were written (tests/test_dateline_after_title.py), so no 'before' here."""
    try:
        text, nuls = decode_counting_nuls(data)
    except DecodeError:
        return False
    text = repair_report(text.replace("\x00", "") if nuls else text)[0]
    return dateline.dateline_cut(text)[1] > 0


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


@settings(max_examples=300, deadline=None)
@given(_files())
def test_a_text_file_imports_as_before_and_its_hash_is_its_texts(data: bytes) -> None:
    assume(not _title_first(data))
    before = _body_as_before(data)
    try:
        article = importers.parse_article(data, "a.txt")
    except importers.ImportRefused:
        assert not before or not importers._VISIBLE.search(before)
        return
    assert article.text == before
    text = repair_report(decode_counting_nuls(data)[0])[0]
    assert dateline.split_dateline(text) == _split_as_before(text)
    if article.known_utf8 is not None:
        assert article.known_utf8 == article.text.encode()


def test_the_hash_comes_from_the_bytes_only_when_they_are_the_text() -> None:
    body = "Київ 😀 𠀀 e\u0301 talks. "
    plain = ["date 2022-02-09\nTitle\n\n" + body, "\u3000\u00a0date 2022-02-09 " + body,
             body + " " * 500, " \n\t" + body + "\n\n", "date 2022-13-45\n" + body]
    for text in plain:
        article = importers.parse_article(text.encode(), "a.txt")
        assert article.known_utf8 == article.text.encode(), repr(text)
    changed = ["date 2022-02-09\r\n" + body, body + "\r" + body, body + "\u2029" + body,
               body + "\x1a", "The minister’s plan — café".encode().decode("cp1252") + "\n\n" + body]
    for text in changed:
        article = importers.parse_article(text.encode(), "a.txt")
        assert article.known_utf8 is None, repr(text)
    assert "repaired" in article.warnings[0]  # the last one was mis-encoded, and mended
    for data in (("\ufeff" + body).encode(), body.encode("utf-16"),
                 "Café au lait, naïve déjà vu".encode("cp1252")):
        assert importers.parse_article(data, "a.txt").known_utf8 is None


def test_a_huge_file_with_long_white_space_runs_imports_as_before() -> None:
    body = "date 2022-02-09" + " \n" * 300_000 + "Київ 😀 talks. " * 50_000 + " \t\n\f\v" * 100_000
    data = body.encode()
    article = importers.parse_article(data, "a.txt")
    assert article.text == _body_as_before(data)
    assert article.known_utf8 == article.text.encode()
    assert article.published == "2022-02-09"


def test_a_replaced_text_never_keeps_the_old_bytes(db) -> None:
    article = with_utf8(ImportedArticle("T", "one", "a.txt"), b"one")
    other = dataclasses.replace(article, text="two")
    assert article.known_utf8 == b"one" and other.known_utf8 is None
    assert article == ImportedArticle("T", "one", "a.txt")  # not compared, not shown
    add_articles(db, [article, other])
    stored = dict(db.execute("SELECT text, sha256 FROM articles").fetchall())
    assert stored == {"one": text_sha256("one"), "two": text_sha256("two")}


_HARD = ["Київ 😀 👨\u200d👩\u200d👧 🇺🇦 𠀀 e\u0301 \u00a0\t«talks» (token1x)", "a",
         "\u200b\u2028 שלום 中文 (token2x)", "ab" * 400_000 + " (token3x)"]


def _stored(db) -> list[tuple]:
    return db.execute("SELECT title, text, typeof(text), length(text), hex(text), sha256,"
                      " language, published FROM articles ORDER BY id").fetchall()


def test_text_stored_from_its_bytes_is_the_same_text_value(db, tmp_path) -> None:
    """Each hard text imported from a file (bytes bound, CAST to TEXT) and the same article
    stored from its str: the same TEXT value, length, hash, and search hits."""
    from reader_app.storage.database import open_library
    from reader_app.storage.search import search

    for n, text in enumerate(_HARD):
        (tmp_path / f"{n}.txt").write_text(f"date 2022-02-09\nReport {n}\n\n{text}\n",
                                           encoding="utf-8")
    files = sorted(tmp_path.glob("*.txt"))
    from_bytes = [importers.read_article(f) for f in files]
    assert all(a.known_utf8 is not None for a in from_bytes)
    add_articles(db, from_bytes)
    plain = open_library(tmp_path / "plain.sqlite")
    try:
        add_articles(plain, [dataclasses.replace(a) for a in from_bytes])  # no bytes: str bound
        assert _stored(db) == _stored(plain)
        assert {r[2] for r in _stored(db)} == {"text"}
        for word in ("token1x", "token2x", "token3x", "Київ", "שלום"):
            assert [h.article_id for h in search(db, word)] == [
                h.article_id for h in search(plain, word)] != []
    finally:
        plain.close()


def test_a_utf16_library_is_given_the_text_as_str(tmp_path) -> None:
    """CAST(bytes AS TEXT) reads the library's encoding: a UTF-16 file gets the str."""
    from sqlite_utils import Database

    from reader_app.storage.migrations import migrations

    db = Database(tmp_path / "utf16.sqlite")
    db.execute("PRAGMA encoding = 'UTF-16le'")
    migrations.apply(db)
    (tmp_path / "a.txt").write_text("date 2022-02-09\nReport 1\n\n" + _HARD[0], encoding="utf-8")
    article = importers.read_article(tmp_path / "a.txt")
    assert article.known_utf8 is not None
    add_articles(db, [article])
    text, kind, digest = db.execute("SELECT text, typeof(text), sha256 FROM articles").fetchone()
    assert (text, kind, digest) == (article.text, "text", text_sha256(article.text))
    assert db.execute("PRAGMA encoding").fetchone()[0] == "UTF-16le"
