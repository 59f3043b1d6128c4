"""Export streams: memory does not grow with the number of rows, rows come a chunk at a
time, a stream closed early ends its query, and chunked defusing finds every dangerous cell."""

from __future__ import annotations

import csv
import io
import tracemalloc

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader_app.domain.models import ImportedArticle
from reader_app.formats.csv_export import defuse, write_csv
from reader_app.services.exporting import ExportFilters, export_csv_file
from reader_app.storage.articles import add_article
from reader_app.storage.export_rows import EXPORT_COLUMNS, RowStream, iter_export_rows

TAGS = """
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
INSERT INTO annotations (uuid, article_id, kind, start, "end", quote, prefix, suffix, note,
                         created_at, updated_at, text_sha256)
SELECT 'u' || i, 1, 'claim', 0, 4, 'word', printf('%.60c', 'p'), printf('%.60c', 's'),
       CASE WHEN i % 50 = 0 THEN '=note ' || i END, 'now', 'now', 'h' FROM n
"""


def library_with(db, tags: int):
    add_article(db, ImportedArticle(title="T", text="word " * 20, source="s"))
    db.execute(TAGS, [tags])
    db.conn.commit()
    return db


def peak_export_bytes(db, path) -> int:
    tracemalloc.start()
    try:
        export_csv_file(db, path, ExportFilters())
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_export_memory_is_flat_in_the_number_of_rows(tmp_path) -> None:
    from reader_app.storage.database import open_library

    peaks = {}
    for n in (3_000, 30_000):
        db = library_with(open_library(tmp_path / f"{n}.sqlite"), n)
        try:
            peaks[n] = peak_export_bytes(db, tmp_path / f"{n}.csv")
        finally:
            db.close()
        assert (tmp_path / f"{n}.csv").read_bytes().count(b"\r\n") == n + 1
    # ten times the rows, the same peak (one chunk of rows, whatever the total)
    assert peaks[30_000] < peaks[3_000] * 1.3 + 200_000, peaks


def test_rows_reach_the_writer_a_chunk_at_a_time(db) -> None:
    library_with(db, 5_000)
    rows = iter_export_rows(db)
    sizes = []
    fetch = rows.fetchmany

    def counted(size: int):
        batch = fetch(size)
        sizes.append(len(batch))
        return batch

    rows.fetchmany = counted  # type: ignore[method-assign]
    out = io.StringIO(newline="")
    assert write_csv(rows, EXPORT_COLUMNS, out) == 5_000
    assert sizes == [2048, 2048, 904, 0]
    assert out.getvalue().count("'=note") == 100


def test_a_row_stream_is_an_iterator_and_closes_early(db) -> None:
    library_with(db, 10)
    rows = iter_export_rows(db)
    assert isinstance(rows, RowStream)
    first = next(rows)
    assert first[EXPORT_COLUMNS.index("annotation_uuid")] == "u1"
    assert len(list(rows)) == 9
    again = iter_export_rows(db)
    next(again)
    again.close()
    assert list(again) == [] and again.fetchmany(5) == []


def test_a_stream_never_started_runs_no_query(db) -> None:
    library_with(db, 3)
    rows = iter_export_rows(db, kinds=["claim"])
    db.execute("DELETE FROM annotations")
    assert list(rows) == []  # the query ran at the first next(), after the delete


def test_the_export_connection_gets_its_mmap_setting_back(db, tmp_path) -> None:
    library_with(db, 3)
    before = db.execute("PRAGMA mmap_size").fetchone()[0]
    export_csv_file(db, tmp_path / "out.csv", ExportFilters())
    assert db.execute("PRAGMA mmap_size").fetchone()[0] == before


CELLS = st.one_of(
    st.none(), st.integers(-10, 10), st.floats(allow_nan=False), st.binary(max_size=3),
    st.text(alphabet=st.sampled_from("=+-@\t\r\x00a, \"\n😀"), max_size=6),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(CELLS, min_size=3, max_size=3), max_size=40))
def test_chunked_defusing_equals_defusing_each_cell(rows) -> None:
    """Chunked defusing changes exactly the cells defuse() changes, NULs, numbers and
    blobs among them, and writes what writing each defused cell would."""
    expected = io.StringIO(newline="")
    write_csv([[defuse(v) for v in row] for row in rows], ["a", "b", "c"], expected, raw=True)
    got = io.StringIO(newline="")
    write_csv([tuple(row) for row in rows], ["a", "b", "c"], got)
    assert got.getvalue() == expected.getvalue()


@pytest.mark.parametrize("first", ["=", "+", "-", "@", "\t", "\r"])
def test_a_dangerous_cell_beside_nul_characters_is_found(first) -> None:
    """A NUL inside a cell or beside it does not hide a dangerous cell."""
    rows = [("a\x00" + first + "b", "x"), (first + "c", "\x00"), ("ok", first)]
    out = io.StringIO(newline="")
    write_csv(rows, ["p", "q"], out)
    back = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    assert back[1:] == [["a\x00" + first + "b", "x"], ["'" + first + "c", "\x00"],
                        ["ok", "'" + first]]
