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
    CONSTRAINED_COLUMNS,
    DANGEROUS_FIRST,
    FREE_TEXT_COLUMNS,
    open_csv_output,
    write_csv,
)
from reader_app.storage.annotations import add_annotation
from reader_app.storage.articles import add_article, get_article
from reader_app.storage.export_rows import (
    ACTOR_COLUMNS,
    ARTICLE_COLUMNS,
    CLAIM_COLUMNS,
    EXPORT_COLUMNS,
    count_export_rows,
    iter_claim_rows,
    iter_export_rows,
)

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


TABLES = {"annotations": EXPORT_COLUMNS, "claims": CLAIM_COLUMNS, "actors": ACTOR_COLUMNS,
          "articles": ARTICLE_COLUMNS}


@pytest.mark.parametrize("table", TABLES)
def test_every_exported_column_is_classified_once(table):
    """A new text column must be declared free text (defused) or constrained, never neither."""
    for column in TABLES[table]:
        assert (column in FREE_TEXT_COLUMNS) != (column in CONSTRAINED_COLUMNS), column


@pytest.mark.parametrize(("table", "column"), [
    (table, column) for table, columns in TABLES.items() for column in columns
    if column in FREE_TEXT_COLUMNS])
def test_every_free_text_column_is_protected(table, column):
    columns = TABLES[table]
    row = [1] * len(columns)
    row[columns.index(column)] = "=1+1"
    assert read_back(to_csv([row], columns))[1][columns.index(column)] == "'=1+1"


def test_every_free_text_column_is_in_some_export():
    assert {c for columns in TABLES.values() for c in columns} >= FREE_TEXT_COLUMNS


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
    with pytest.raises(RuntimeError), open_csv_output(path) as out:
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
    assert any(r["quote"] == "👨‍👩‍👧" for r in rows)


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
    # one 2,048-row chunk of 29 columns is ~3.4 MB; all 20,000 rows as tuples take ~16 MB
    assert peak < 4_000_000


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


# --- analyst semantics: actors, claims and their columns ----------------------------------------

ORIGINAL_COLUMNS = [
    "annotation_id", "annotation_uuid", "article_id", "article_uuid", "article_title",
    "article_published", "article_source", "kind", "start", "end", "quote", "prefix", "suffix",
    "value", "note", "analyst", "created_at", "updated_at",
]


@pytest.fixture
def semantic_library(db):
    from reader_app.storage.actors import create_actor

    text = "On Thursday Lavrov said talks were useless. Moscow agreed."
    article_id = add_article(db, ImportedArticle("Talks", text, "t.txt",
                                                 published="2022-02-09")).article_id
    lavrov = create_actor(db, "Sergei Lavrov", "person", aliases=["Lavrov", "+7 Lavrov"],
                          note="Foreign minister")
    russia = create_actor(db, "=Russia", "state", aliases=["@kremlin", "Moscow"])

    def at(word):
        start = text.index(word)
        return start, start + len(word)

    date = add_annotation(db, article_id, "date", *at("Thursday"), value="2022-02-10",
                          granularity="day", date_method="weekday")
    add_annotation(db, article_id, "actor", *at("Lavrov"), actor_id=lavrov.id, value="typed")
    add_annotation(db, article_id, "actor", *at("Moscow"), actor_id=russia.id)
    add_annotation(db, article_id, "claim", *at("talks were useless"), claimant_id=lavrov.id,
                   claim_date="2022-02-10", claim_date_annotation_id=date.id, status="disputed",
                   reliability="B", credibility=3)
    add_annotation(db, article_id, "claim", *at("Moscow agreed."), claimant_id=russia.id,
                   claim_date="2022-W06")
    return db, lavrov, russia, date


def test_new_columns_come_after_the_original_ones_in_their_order():
    assert EXPORT_COLUMNS[: len(ORIGINAL_COLUMNS)] == ORIGINAL_COLUMNS
    assert EXPORT_COLUMNS[len(ORIGINAL_COLUMNS):] == [
        "actor_id", "actor_uuid", "actor_type", "claimant_id", "claimant", "claim_date",
        "status", "reliability", "credibility", "granularity", "date_method"]


def test_annotation_rows_carry_actors_claimants_and_dates(semantic_library):
    db, lavrov, russia, date = semantic_library
    rows = {r["quote"]: r for r in exported(db)}
    actor = rows["Lavrov"]
    assert (actor["value"], actor["actor_id"], actor["actor_uuid"], actor["actor_type"]) == (
        "Sergei Lavrov", lavrov.id, lavrov.uuid, "person")
    assert rows["Moscow"]["value"] == "=Russia"
    claim = rows["talks were useless"]
    assert (claim["claimant"], claim["claimant_id"], claim["claim_date"], claim["status"],
            claim["reliability"], claim["credibility"]) == (
        "Sergei Lavrov", lavrov.id, "2022-02-10", "disputed", "B", 3)
    assert claim["actor_id"] is None and claim["value"] is None
    assert rows["Moscow agreed."]["claim_date"] == "2022-W06"
    when = rows["Thursday"]
    assert (when["value"], when["granularity"], when["date_method"]) == (
        "2022-02-10", "day", "weekday")
    assert when["claimant"] is None and when["actor_type"] is None


def test_renaming_an_actor_changes_the_exported_value(semantic_library):
    from reader_app.storage.actors import update_actor

    db, lavrov, _, _ = semantic_library
    update_actor(db, lavrov.id, name="Sergey Lavrov")
    rows = {r["quote"]: r for r in exported(db)}
    assert rows["Lavrov"]["value"] == rows["talks were useless"]["claimant"] == "Sergey Lavrov"


def test_a_claim_date_follows_its_date_tag_until_that_is_deleted(semantic_library):
    from reader_app.storage.annotations import delete_annotation, update_annotation

    db, _, _, date = semantic_library
    update_annotation(db, date.id, value="2022-02-11")
    assert {r["quote"]: r for r in exported(db)}["talks were useless"]["claim_date"] == \
        "2022-02-11"
    delete_annotation(db, date.id)
    assert {r["quote"]: r for r in exported(db)}["talks were useless"]["claim_date"] == \
        "2022-02-10"


def test_actor_rows(semantic_library):
    from reader_app.storage.export_rows import count_actor_rows, iter_actor_rows

    db, lavrov, russia, _ = semantic_library
    rows = iter_actor_rows(db)
    assert isinstance(rows, Iterator)
    got = [dict(zip(ACTOR_COLUMNS, r)) for r in rows]
    assert [r["name"] for r in got] == ["=Russia", "Sergei Lavrov"]
    assert got[1] == {
        "actor_id": lavrov.id, "actor_uuid": lavrov.uuid, "name": "Sergei Lavrov",
        "type": "person", "aliases": "Lavrov | +7 Lavrov", "note": "Foreign minister",
        "mention_count": 1, "claim_count": 1, "created_at": lavrov.created_at,
        "updated_at": lavrov.updated_at}
    assert (got[0]["mention_count"], got[0]["claim_count"]) == (1, 1)
    assert count_actor_rows(db) == 2
    back = read_back(to_csv(iter_actor_rows(db), ACTOR_COLUMNS))
    assert back[1][ACTOR_COLUMNS.index("name")] == "'=Russia"
    assert back[1][ACTOR_COLUMNS.index("aliases")] == "'@kremlin | Moscow"
    assert back[2][ACTOR_COLUMNS.index("aliases")] == "Lavrov | +7 Lavrov"  # only a leading +


def test_claim_rows_and_their_filters(semantic_library):
    from reader_app.storage.export_rows import count_claim_rows

    db, lavrov, russia, _ = semantic_library

    def claims(**filters):
        return [dict(zip(CLAIM_COLUMNS, r)) for r in iter_claim_rows(db, **filters)]

    got = claims()
    assert [r["quote"] for r in got] == ["talks were useless", "Moscow agreed."]
    assert (got[0]["claimant"], got[0]["claimant_type"], got[1]["claimant_type"]) == (
        "Sergei Lavrov", "person", "state")
    assert [r["quote"] for r in claims(statuses=["disputed"])] == ["talks were useless"]
    assert [r["quote"] for r in claims(statuses=[None])] == ["Moscow agreed."]
    assert claims(statuses=[]) == [] and claims(article_ids=[99]) == []
    assert claims(date_from="2022-02-10") == []
    assert count_claim_rows(db) == 2 and count_claim_rows(db, statuses=["disputed"]) == 1
    back = read_back(to_csv(iter_claim_rows(db), CLAIM_COLUMNS))
    assert back[2][CLAIM_COLUMNS.index("claimant")] == "'=Russia"
