"""CSV export: Excel-safe cells, exact raw mode, streaming rows and filters (no Qt)."""

from __future__ import annotations

import csv
import io
import tracemalloc
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader_app.domain.models import ImportedArticle
from reader_app.formats.csv_export import (
    DANGEROUS_FIRST,
    FREE_TEXT_COLUMNS,
    open_csv_output,
    write_csv,
)
from reader_app.storage.annotations import add_annotation
from reader_app.storage.articles import add_article, get_article
from reader_app.storage.export_rows import EXPORT_COLUMNS, count_export_rows, iter_export_rows

BOM = b"\xef\xbb\xbf"
QUOTE = EXPORT_COLUMNS.index("quote")
NUMERIC = ("annotation_id", "article_id", "start", "end")


def to_csv(rows, columns=EXPORT_COLUMNS, raw=False) -> str:
    out = io.StringIO(newline="")
    write_csv(rows, columns, out, raw=raw)
    return out.getvalue()


def read_back(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def row_with(**cells) -> tuple:
    base = dict.fromkeys(EXPORT_COLUMNS, "x")
    base.update(annotation_id=1, article_id=2, start=3, end=4)
    base.update(cells)
    return tuple(base[c] for c in EXPORT_COLUMNS)


# --- CSV injection -----------------------------------------------------------------------


@pytest.mark.parametrize("first", ["=", "+", "-", "@", "\t", "\r"])
def test_each_dangerous_first_character_is_prefixed(first):
    cell = first + "HYPERLINK(1)"
    header, row = read_back(to_csv([row_with(quote=cell)]))
    assert row[QUOTE] == "'" + cell


@pytest.mark.parametrize("first", sorted(DANGEROUS_FIRST))
def test_raw_mode_keeps_dangerous_cells_exact(first):
    cell = first + "SUM(A1)"
    assert read_back(to_csv([row_with(quote=cell)], raw=True))[1][QUOTE] == cell


@pytest.mark.parametrize("column", sorted(FREE_TEXT_COLUMNS))
def test_every_free_text_column_is_protected(column):
    i = EXPORT_COLUMNS.index(column)
    assert read_back(to_csv([row_with(**{column: "=1+1"})]))[1][i] == "'=1+1"


def test_a_quote_that_really_starts_with_a_minus():
    quote = "-5 degrees overnight, forecasters said"
    assert read_back(to_csv([row_with(quote=quote)]))[1][QUOTE] == "'" + quote
    assert read_back(to_csv([row_with(quote=quote)], raw=True))[1][QUOTE] == quote


def test_numbers_are_never_prefixed():
    row = row_with(start=-1, end=-2, annotation_id=-3, article_id=7, value=-4)
    got = read_back(to_csv([row]))[1]
    for name, expected in [("start", "-1"), ("end", "-2"), ("annotation_id", "-3"),
                           ("value", "-4")]:
        assert got[EXPORT_COLUMNS.index(name)] == expected


def test_safe_cells_and_none_pass_unchanged():
    row = row_with(quote="Lavrov said", note=None, value="", analyst="a=b")
    got = read_back(to_csv([row]))[1]
    assert got[QUOTE] == "Lavrov said"
    assert got[EXPORT_COLUMNS.index("note")] == ""
    assert got[EXPORT_COLUMNS.index("analyst")] == "a=b"


def test_embedded_newlines_quotes_and_commas_round_trip():
    tricky = 'He said "no",\r\nthen, later:\n"yes"\r'
    for raw in (False, True):
        text = to_csv([row_with(quote=tricky, note="a,b")], raw=raw)
        assert text.endswith("\r\n")
        assert read_back(text)[1][QUOTE] == tricky


CELL = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"))


@settings(max_examples=200, deadline=None)
@given(st.lists(CELL, min_size=8, max_size=8), st.integers(-(2**63), 2**63 - 1))
def test_round_trip_of_arbitrary_text(cells, number):
    free = [c for c in EXPORT_COLUMNS if c in FREE_TEXT_COLUMNS]
    row = row_with(start=number, **dict(zip(free, cells)))
    raw_back = read_back(to_csv([row], raw=True))[1]
    safe_back = read_back(to_csv([row]))[1]
    for name, cell in zip(free, cells):
        i = EXPORT_COLUMNS.index(name)
        assert raw_back[i] == cell
        expected = "'" + cell if cell[:1] in DANGEROUS_FIRST else cell
        assert safe_back[i] == expected
    assert raw_back[EXPORT_COLUMNS.index("start")] == str(number)
    assert safe_back[EXPORT_COLUMNS.index("start")] == str(number)


def test_write_csv_counts_rows_and_reports_progress():
    seen: list[int] = []
    out = io.StringIO(newline="")
    rows = (row_with(annotation_id=i) for i in range(5000))
    assert write_csv(rows, EXPORT_COLUMNS, out, progress=seen.append) == 5000
    assert seen and seen[-1] == 5000 and seen == sorted(seen)
    assert len(read_back(out.getvalue())) == 5001


# --- files and stdout ----------------------------------------------------------------------


def test_bom_in_excel_mode_and_not_in_raw_mode(tmp_path):
    for raw, starts_with_bom in ((False, True), (True, False)):
        path = tmp_path / f"out-{raw}.csv"
        with open_csv_output(path, raw) as out:
            write_csv([row_with(quote="Kyiv 🇺🇦")], EXPORT_COLUMNS, out, raw=raw)
        data = path.read_bytes()
        assert data.startswith(BOM) is starts_with_bom
        assert data.count(BOM) == int(starts_with_bom)
        assert b"\r\n" in data and b"\r\r\n" not in data
        assert "Kyiv 🇺🇦" in data.decode("utf-8-sig")


def test_stdout_gets_the_bom_too_unless_raw(capsysbinary):
    for raw in (False, True):
        with open_csv_output("-", raw) as out:
            write_csv([row_with()], EXPORT_COLUMNS, out, raw=raw)
        data = capsysbinary.readouterr().out
        assert data.startswith(BOM) is not raw
        assert data.rstrip(b"\r\n").count(b"\r\n") == 1  # header + one row, no \r\r\n


def test_a_failed_export_leaves_no_file_and_keeps_the_old_one(tmp_path):
    path = tmp_path / "out.csv"
    path.write_text("old export")
    with pytest.raises(RuntimeError):
        with open_csv_output(path) as out:
            out.write("half a row")
            raise RuntimeError("disk full")
    assert path.read_text() == "old export"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


# --- rows from the library ------------------------------------------------------------------

TEXTS = [
    "Moscow said 😀 on Thursday that talks with Kyiv 🇺🇦 failed.\r\nLavrov agreed.",
    "-5 degrees: 👨‍👩‍👧 families fled =SUM(A1) as 𠀀 e\u0301 NBSP\u00a0here.",
    "Undated note about Kyiv and Minsk.",
]
DATES = ["2022-02-09", "2022-02-10", None]


@pytest.fixture
def library(db):
    ids = []
    for text, published in zip(TEXTS, DATES):
        item = ImportedArticle(title=text[:10], text=text, source="t.txt", published=published)
        ids.append(add_article(db, item).article_id)
    for article_id, text in zip(ids, TEXTS):
        for kind, word in (("actor", "Kyiv"), ("claim", text.split()[0]), ("date", "Thursday"),
                           ("actor", "👨‍👩‍👧"), ("claim", "𠀀 e\u0301")):
            start = text.find(word)
            if start >= 0:
                add_annotation(db, article_id, kind, start, start + len(word), note="=note")
    return ids


def exported(db, **filters) -> list[dict]:
    return [dict(zip(EXPORT_COLUMNS, row)) for row in iter_export_rows(db, **filters)]


def test_rows_stream_from_an_iterator(db, library):
    rows = iter_export_rows(db)
    assert isinstance(rows, Iterator) and not isinstance(rows, (list, tuple))
    assert len(next(rows)) == len(EXPORT_COLUMNS)


def test_rows_are_ordered_by_article_then_start(db, library):
    keys = [(r["article_id"], r["start"]) for r in exported(db)]
    assert keys == sorted(keys) and len(keys) == count_export_rows(db)


def test_every_quote_is_the_article_text_at_its_offsets(db, library, tmp_path):
    path = tmp_path / "all.csv"
    with open_csv_output(path, raw=True) as out:
        written = write_csv(iter_export_rows(db), EXPORT_COLUMNS, out, raw=True)
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert written == len(rows) == count_export_rows(db) > 0
    texts = {i: get_article(db, i).text for i in library}
    for r in rows:
        assert texts[int(r["article_id"])][int(r["start"]) : int(r["end"])] == r["quote"]
    assert any("👨‍👩‍👧" == r["quote"] for r in rows)


def test_filter_by_kind(db, library):
    assert {r["kind"] for r in exported(db, kinds=["actor"])} == {"actor"}
    assert {r["kind"] for r in exported(db, kinds=["claim", "date"])} == {"claim", "date"}
    assert exported(db, kinds=[]) == []
    assert count_export_rows(db, kinds=["actor"]) == len(exported(db, kinds=["actor"]))


def test_filter_by_article(db, library):
    rows = exported(db, article_ids=[library[1]])
    assert rows and {r["article_id"] for r in rows} == {library[1]}
    assert exported(db, article_ids=[]) == []


def test_filter_by_date_is_inclusive_and_drops_undated(db, library):
    def articles(**f):
        return {r["article_id"] for r in exported(db, **f)}

    assert articles(date_from="2022-02-09", date_to="2022-02-09") == {library[0]}
    assert articles(date_from="2022-02-10") == {library[1]}
    assert articles(date_to="2022-02-10") == {library[0], library[1]}
    assert articles() == set(library)
    assert count_export_rows(db, date_from="2022-02-11") == 0


def test_export_does_not_hold_the_rows_in_memory(db):
    db.execute("INSERT INTO articles (uuid, title, source, text, sha256, imported_at)"
               " VALUES ('u', 't', 's', ?, 'h', 'now')", ["word " * 200])
    db.execute(
        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 19999)"
        " INSERT INTO annotations (uuid, article_id, kind, start, \"end\", quote, prefix,"
        " suffix, created_at, updated_at, text_sha256)"
        " SELECT 'a' || i, 1, 'claim', 0, 4, 'word', printf('%.60c', 'p'), printf('%.60c', 's'),"
        " 'now', 'now', 'h' FROM n"
    )
    db.conn.commit()
    tracemalloc.start()
    try:
        out = open_null()
        assert write_csv(iter_export_rows(db), EXPORT_COLUMNS, out) == 20000
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 3_000_000  # all 20,000 rows as tuples would be well over 10 MB


def open_null() -> io.TextIOWrapper:
    class Sink(io.RawIOBase):
        def writable(self):
            return True

        def write(self, b):
            return len(b)

    return io.TextIOWrapper(io.BufferedWriter(Sink()), encoding="utf-8", newline="")


def test_an_abandoned_row_iterator_survives_the_database_closing(db_path, tmp_path):
    from reader_app.storage.database import open_library

    db = open_library(db_path)
    add_article(db, ImportedArticle(title="t", text="Kyiv said", source="t.txt"))
    add_annotation(db, 1, "actor", 0, 4)
    add_annotation(db, 1, "claim", 5, 9)
    rows = iter_export_rows(db)
    next(rows)
    db.close()
    rows.close()  # finalising after close must not raise (e.g. after `| head`)
