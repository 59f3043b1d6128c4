"""Every export of a fixed, varied library is byte for byte what the export wrote before
it streamed batches (expectations recorded from that code), through each way out:
write_csv over the row functions, the service's atomic file and standard output.
The service's files are its pure path (READER_APP_PURE_EXPORT=1): the sqlite3 shell's
quote more cells and read back the same (tests/test_csv_export_shell.py)."""

from __future__ import annotations

import hashlib
import io
import sys

import pytest

from reader_app.formats.csv_export import open_csv_output, write_csv
from reader_app.services.exporting import TABLES, ExportFilters, export_csv_file
from reader_app.services.shell_export import PURE_ENV
from reader_app.storage.database import open_library

TEXT = ("date line kept\r\n=SUM(A1) said Lavrov, \"quoted\"; -5 degrees\n+1 @home\t"
        "tab 😀 👨‍👩‍👧 🇺🇦 𠀀 Київ NBSP\u00a0here é\u0301 עברית end.")
ARTICLES = [
    # id, uuid, title, source, published, text
    (1, "a-1", "=HYPERLINK(\"x\")", "-source.txt", "2022-02-09", TEXT),
    (2, "=tampered", "Plain, title \"q\"", "s2.md", None, "Second\ntext with\r\nlines."),
    (3, "a-3", "\tTabbed", "@s3", "2022-03-01", "Third text 😀 here."),
]
ACTORS = [
    # id, uuid, name, name_key, type, note
    (1, "x-1", "Lavrov", "lavrov", "person", "=note"),
    (2, "x-2", "-NATO", "nato", "organization", None),
    (3, "x-3", "Київ", "київ", "state", "multi\nline, \"note\""),
]
ALIASES = [(1, 1, "Sergei Lavrov", "sergei lavrov"), (2, 1, "+Lavrov", "lavrov2"),
           (3, 3, "Kyiv", "kyiv")]
STAMP = "2024-03-13T10:00:00.000+00:00"


def _annotations() -> list[tuple]:
    """(id, uuid, article_id, kind, start, end, note, value, analyst, actor_id, claimant_id,
    claim_date, claim_date_annotation_id, status, reliability, credibility, granularity,
    date_method, created_at)"""
    rows = []
    spans = [(1, 0, 9), (1, 15, 23), (1, 24, 30), (1, 50, 61), (1, 62, 70), (1, 71, 80),
             (1, 80, 95), (2, 0, 6), (2, 7, 20), (3, 0, 5), (3, 11, 19), (1, 5, 40)]
    kinds = ["claim", "actor", "date", "claim", "actor", "date", "claim", "actor", "claim",
             "date", "claim", "custom"]
    notes = [None, "=cmd|' /C calc'!A0", "line1\nline2", "", "\r\nCRLF first", "-", "+x",
             "@sum", "\tt", "comma, and \"quotes\"", None, "😀"]
    for i, ((art, s, e), kind, note) in enumerate(zip(spans, kinds, notes), 1):
        actor = (i % 3) + 1 if kind == "actor" else None
        claimant = 1 if kind == "claim" and i % 2 else (3 if kind == "claim" else None)
        date_link = 3 if kind == "claim" and i < 5 else None
        value = {"date": "2022-02-10", "actor": None, "custom": "=v"}.get(kind)
        rows.append((i, f"n-{i}" if i != 6 else "+tampered-uuid", art, kind, s, e, note, value,
                     "=analyst" if i == 2 else "ana", actor, claimant,
                     "2022-W07" if kind == "claim" else None, date_link,
                     ["unverified", "disputed", None][i % 3] if kind == "claim" else None,
                     "B" if kind == "claim" else None, 3 if kind == "claim" else None,
                     "week" if kind == "date" else None, "-rule" if kind == "date" else None,
                     STAMP if i != 4 else "=2024"))
    return rows


def build_library(path):
    db = open_library(path)
    with db.atomic():
        for id_, uuid, title, source, published, text in ARTICLES:
            db.execute("INSERT INTO articles (id, uuid, title, source, published, language, text,"
                       " sha256, imported_at) VALUES (?,?,?,?,?,'en',?,?,?)",
                       [id_, uuid, title, source, published, text, f"sha-{id_}", STAMP])
        for row in ACTORS:
            db.execute("INSERT INTO actors (id, uuid, name, name_key, type, note, created_at,"
                       " updated_at) VALUES (?,?,?,?,?,?,?,?)", [*row, STAMP, STAMP])
        for row in ALIASES:
            db.execute("INSERT INTO actor_aliases (id, actor_id, alias, alias_key)"
                       " VALUES (?,?,?,?)", row)
        texts = {a[0]: a[5] for a in ARTICLES}
        for (i, uuid, art, kind, s, e, note, value, analyst, actor, claimant, cdate, clink,
             status, rel, cred, gran, method, created) in _annotations():
            text = texts[art]
            db.execute(
                "INSERT INTO annotations (id, uuid, article_id, kind, start, \"end\", quote,"
                " prefix, suffix, value, note, analyst, created_at, updated_at, text_sha256,"
                " actor_id, claimant_id, claim_date, claim_date_annotation_id, status,"
                " reliability, credibility, granularity, date_method)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [i, uuid, art, kind, s, e, text[s:e], text[max(s - 32, 0):s], text[e:e + 32],
                 value, note, analyst, created, STAMP, f"sha-{art}", actor, claimant, cdate,
                 clink, status, rel, cred, gran, method])
    return db


MANY = """
WITH RECURSIVE seq(i) AS (SELECT 100 UNION ALL SELECT i + 1 FROM seq WHERE i < 5099)
INSERT INTO annotations (id, uuid, article_id, kind, start, "end", quote, note, value,
                         created_at, updated_at, text_sha256, status)
SELECT i, 'm-' || i, 3, CASE i % 3 WHEN 0 THEN 'claim' WHEN 1 THEN 'actor' ELSE 'date' END,
       i % 10, i % 10 + 3, substr('Third text 😀 here.', i % 10 + 1, 3),
       CASE WHEN i % 7 = 0 THEN '=n' || i WHEN i % 11 = 0 THEN 'a,"b"' || char(10) || 'c' END,
       CASE WHEN i % 13 = 0 THEN '-' || i END, ?, ?, 'sha-3',
       CASE WHEN i % 3 = 0 AND i % 2 = 0 THEN 'disputed' END
FROM seq
"""


def build_big_library(path):
    """The fixed library and 5,000 more tags: several batches, dangerous cells among them."""
    db = build_library(path)
    with db.atomic():
        db.execute(MANY, [STAMP, STAMP])
    return db


# sha256 and size of each export as the code before streaming wrote it.
EXPECTED = {
    ('annotations', False): ('40b7721a7c5cda32b1879b0732899eb6ff241270564c218bfd8fc876e94abb08', 3142),
    ('annotations', True): ('d916ec85c26a753d2f089204b74f921f0145e9fcb595a090dccf78eae80ecc5b', 3102),
    ('claims', False): ('3c52dded62bc6aa5826957339e97d9d303113fbdd02b29d21ca9a9731c46b048', 1100),
    ('claims', True): ('05832207346e7745ee40b531f11977d017e5a31385d5364a2b73f98cd9ff845f', 1085),
    ('actors', False): ('6e438aa8ee8b50b5cbf03210cff085e68218c20755d5bdcc2244c71614819342', 418),
    ('actors', True): ('9473edf1ae3aeca8491aa1664660b812743c6a5627bedddcf6d4f6db2feb2523', 413),
    # the article list came after streaming: recorded from its first code
    ('articles', False): ('a8686a79beced76db628e215b4e176be9f919cea9feff6b712c2ba54b1b6f2f0', 382),
    ('articles', True): ('43c7683301b6b0f90c7c13a22d5d4bbb3e7f988f9a077751ae1f39cd4378ddb6', 374),
    ('big annotations', False): ('322c362a8ab1f5e96614637aaef7e32239bb22b271ff1a78c62b7eb730b35192', 690729),
    ('big annotations', True): ('a9d71c3b9699228a4522d52b122c6d6b4314379d36da3e80726062bd4fc33533', 679590),
    ('big claims', False): ('5901fa4eaf98ee309722b965a20039fe8c9afbeb636c43f8fa9c981c947800bf', 212790),
    ('big claims', True): ('106c1990dd21a9321bc7d33555478eceb23830fa2a032fdb134af4130001b9c5', 209205),
}


def _digest(data: bytes) -> tuple[str, int]:
    return hashlib.sha256(data).hexdigest(), len(data)


@pytest.fixture
def library(tmp_path):
    db = build_library(tmp_path / "golden.sqlite")
    yield db
    db.close()


@pytest.mark.parametrize("raw", [False, True], ids=["excel", "raw"])
@pytest.mark.parametrize("table", list(TABLES))
def test_write_csv_output_is_unchanged(library, tmp_path, table, raw) -> None:
    spec = TABLES[table]
    out = tmp_path / "out.csv"
    with open_csv_output(out, raw) as f:
        n = write_csv(spec.rows(library), spec.columns, f, raw=raw)
    assert n == spec.count(library)
    assert _digest(out.read_bytes()) == EXPECTED[table, raw]


@pytest.mark.parametrize("raw", [False, True], ids=["excel", "raw"])
@pytest.mark.parametrize("table", list(TABLES))
def test_export_csv_file_output_is_unchanged(library, tmp_path, monkeypatch, table, raw) -> None:
    monkeypatch.setenv(PURE_ENV, "1")
    out = tmp_path / "out.csv"
    export_csv_file(library, out, ExportFilters(table=table), raw=raw)
    assert _digest(out.read_bytes()) == EXPECTED[table, raw]


@pytest.mark.parametrize("raw", [False, True], ids=["excel", "raw"])
def test_standard_output_is_unchanged(library, monkeypatch, raw) -> None:
    buffer = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(buffer, encoding="utf-8"))
    spec = TABLES["annotations"]
    with open_csv_output("-", raw) as f:
        write_csv(spec.rows(library), spec.columns, f, raw=raw)
    assert _digest(buffer.getvalue()) == EXPECTED["annotations", raw]


@pytest.mark.parametrize("raw", [False, True], ids=["excel", "raw"])
@pytest.mark.parametrize("table", ["annotations", "claims"])
def test_many_rows_across_batches_are_unchanged(tmp_path, monkeypatch, table, raw) -> None:
    monkeypatch.setenv(PURE_ENV, "1")
    db = build_big_library(tmp_path / "big.sqlite")
    try:
        out = tmp_path / "out.csv"
        export_csv_file(db, out, ExportFilters(table=table), raw=raw)
    finally:
        db.close()
    assert _digest(out.read_bytes()) == EXPECTED["big " + table, raw]


if __name__ == "__main__":  # prints EXPECTED for the code as it is now
    import tempfile
    from pathlib import Path
    with tempfile.TemporaryDirectory() as tmp:
        db = build_library(Path(tmp) / "golden.sqlite")
        for table, spec in TABLES.items():
            for raw in (False, True):
                out = Path(tmp) / "out.csv"
                with open_csv_output(out, raw) as f:
                    write_csv(spec.rows(db), spec.columns, f, raw=raw)
                print(f"    ({table!r}, {raw}): {_digest(out.read_bytes())!r},")
        db.close()
        db = build_big_library(Path(tmp) / "big.sqlite")
        for table in ("annotations", "claims"):
            spec = TABLES[table]
            for raw in (False, True):
                out = Path(tmp) / "out.csv"
                with open_csv_output(out, raw) as f:
                    write_csv(spec.rows(db), spec.columns, f, raw=raw)
                print(f"    ('big {table}', {raw}): {_digest(out.read_bytes())!r},")
        db.close()
