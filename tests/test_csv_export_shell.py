"""The sqlite3 shell path of export_csv_file (services/shell_export.py) writes files that
read back (csv module) exactly as the pure path's do, on hostile and tampered libraries,
with every filter; it never writes the library; cancel, failures and the switch."""

from __future__ import annotations

import csv
import hashlib
import logging
import os
import shutil
import sqlite3
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_export_golden import EXPECTED, build_big_library, build_library

from reader_app.services import exporting, shell_export
from reader_app.services.exporting import ExportCancelled, ExportFilters, export_csv_file
from reader_app.services.shell_export import PURE_ENV, shell_command
from reader_app.services.shell_sql import bind_literals, sql_literal
from reader_app.storage.database import open_library

SHELL = shutil.which("sqlite3")
needs_shell = pytest.mark.skipif(SHELL is None, reason="no sqlite3 shell on PATH")

HOSTILE = ["=1+1", "+x", "-y", "@z", "\tt", "\rr", "a\nb", "a\r\nb", 'q"q""', "c,d", "😀𠀀 🇺🇦",
           "עברית שלום", "\x01\x1f\x7f\x1b[31m", "", " ", "'", "=", "line\n=cmd", "é\u0301",
           "\u202eRTL override", "x" * 3000]
TEXT_COLUMNS = {
    "annotations": ["uuid", "kind", "quote", "prefix", "suffix", "value", "note", "analyst",
                    "created_at", "updated_at", "claim_date", "status", "reliability",
                    "granularity", "date_method"],
    "articles": ["uuid", "title", "source", "published"],
    "actors": ["uuid", "name", "type", "note"],
}


def tamper(path, *statements):
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA ignore_check_constraints = ON")
        for sql, params in statements:
            conn.execute(sql, params)
        conn.commit()
    finally:
        conn.close()


def make_hostile(path):
    """The golden library and 5,000 more tags, then a hostile value in every text column of
    every row (formulas, newlines, quotes, astral, RTL, control characters, empty), and
    text where integers belong."""
    build_big_library(path).close()
    statements = []
    for table, columns in TEXT_COLUMNS.items():
        for j, column in enumerate(columns):
            # one of HOSTILE by row and column, some rows as they were; uuids stay unique
            value = "? || id" if column == "uuid" else "?"
            cases = " ".join(f"WHEN {i} THEN {value}" for i in range(len(HOSTILE)))
            statements.append((
                f'UPDATE {table} SET "{column}" = CASE (id + {j}) % {len(HOSTILE) + 3} {cases}'
                f' ELSE "{column}" END'
                # most tags keep their kind, so actors and claimants are still joined
                + (" WHERE id % 4 = 0" if column == "kind" else ""), HOSTILE))
    statements.append(('UPDATE annotations SET start = ?, "end" = ? WHERE id % 7 = 0',
                       ["=1+1", "-3"]))
    statements.append(("UPDATE annotations SET credibility = ? WHERE id % 5 = 0", ["-4"]))
    tamper(path, *statements)


DANGER = set("=+-@\t\r")


def read_rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def shell_only(monkeypatch):
    """The pure path may not run: a test that passes went through the shell."""
    def refuse(*args, **kwargs):
        raise AssertionError("the pure path ran")
    monkeypatch.setattr(exporting, "write_csv", refuse)


def export_both(db, tmp_path, monkeypatch, filters, raw):
    pure, fast = tmp_path / "pure.csv", tmp_path / "shell.csv"
    with monkeypatch.context() as m:
        m.setenv(PURE_ENV, "1")
        n_pure = export_csv_file(db, pure, filters, raw=raw)
    with monkeypatch.context() as m:
        shell_only(m)
        n_shell = export_csv_file(db, fast, filters, raw=raw)
    assert n_shell == n_pure
    return pure, fast


FILTERS = [
    ExportFilters(),
    ExportFilters(kinds=["claim", "date"]),
    ExportFilters(kinds=[]),
    ExportFilters(kinds=["it's", "=1+1"]),
    ExportFilters(article_ids=[1, 3]),
    ExportFilters(date_from="2022-02-01", date_to="2022-02-28"),
    ExportFilters(date_from="2022-03-01' OR 1=1 --"),
    ExportFilters(table="claims"),
    ExportFilters(table="claims", statuses=["disputed", None], article_ids=[1, 2, 3]),
    ExportFilters(table="claims", statuses=["\rr"], date_to="2022-12-31"),
]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    path = tmp_path_factory.mktemp("hostile") / "hostile.sqlite"
    make_hostile(path)
    return path


@needs_shell
@pytest.mark.parametrize("raw", [False, True], ids=["excel", "raw"])
@pytest.mark.parametrize("filters", FILTERS, ids=range(len(FILTERS)))
def test_the_shell_writes_the_rows_the_pure_path_writes(hostile, tmp_path, monkeypatch,
                                                         filters, raw):
    db = open_library(hostile)
    try:
        pure, fast = export_both(db, tmp_path, monkeypatch, filters, raw)
    finally:
        db.close()
    assert read_rows(fast) == read_rows(pure)
    if filters in (ExportFilters(), ExportFilters(table="claims")):
        assert len(read_rows(pure)) > 100
    # the same start (BOM or not) and CRLF rows; the shell quotes more, so bytes differ
    assert fast.read_bytes()[:3] == pure.read_bytes()[:3] == (b"annot" if raw else b"\xef\xbb\xbf")[:3]
    assert fast.read_bytes().endswith(b"\r\n")


@needs_shell
def test_the_hostile_library_really_is_hostile(hostile, tmp_path, monkeypatch):
    """Formulas reached every text column of the raw export, and none is live in the
    Excel-safe one (the test above compares them with the pure path)."""
    db = open_library(hostile)
    try:
        shell_only(monkeypatch)
        export_csv_file(db, tmp_path / "raw.csv", ExportFilters(), raw=True)
        export_csv_file(db, tmp_path / "safe.csv", ExportFilters())
    finally:
        db.close()
    header, *rows = read_rows(tmp_path / "raw.csv")
    live = {header[i] for row in rows for i, c in enumerate(row) if c[:1] in DANGER}
    assert {"annotation_uuid", "article_title", "article_published", "quote", "start", "end",
            "claimant", "actor_type", "status", "credibility"} <= live
    with open(tmp_path / "safe.csv", encoding="utf-8-sig", newline="") as f:
        safe = list(csv.reader(f))[1:]
    # numbers are never touched (credibility -4 is stored as an integer)
    assert not [c for row in safe for c in row if c[:1] in DANGER and not c.lstrip("-").isdigit()]
    assert "-4" in {c for row in safe for c in row}


@needs_shell
@pytest.mark.parametrize("raw", [False, True], ids=["excel", "raw"])
@pytest.mark.parametrize("table", ["annotations", "claims"])
def test_the_golden_libraries_read_back_the_same_through_the_shell(tmp_path, monkeypatch,
                                                                    table, raw):
    for name, build in (("golden", build_library), ("big", build_big_library)):
        db = build(tmp_path / f"{name}.sqlite")
        try:
            pure, fast = export_both(db, tmp_path, monkeypatch, ExportFilters(table=table), raw)
        finally:
            db.close()
        key = (table if name == "golden" else f"big {table}", raw)
        digest = hashlib.sha256(pure.read_bytes()).hexdigest(), pure.stat().st_size
        assert digest == EXPECTED[key]
        assert read_rows(fast) == read_rows(pure)


TAMPERED = {
    "blob": ("UPDATE annotations SET note = X'00FF41' WHERE id = 3", []),
    "blob in a join": ("UPDATE actors SET name = X'4142' WHERE id = 1", []),
    "real": ("UPDATE annotations SET credibility = 0.30000000000000004 WHERE id = 1", []),
    "big real": ("UPDATE annotations SET credibility = 1.5e300 WHERE id = 2", []),
    "NUL in a title": ("UPDATE articles SET title = ? WHERE id = 1", ["be\x00fore"]),
    "NUL in a note": ("UPDATE annotations SET note = ? WHERE id = 6", ["a\x00b"]),
    "blob in an article": ("UPDATE articles SET source = X'00' WHERE id = 2", []),
    "invalid UTF-8": ("UPDATE annotations SET quote = CAST(X'61FF62' AS TEXT) WHERE id = 4",
                      []),
    "cut UTF-8": ("UPDATE annotations SET analyst = CAST(X'D0' AS TEXT) WHERE id = 5", []),
}


def _outcome(db, path, filters, raw):
    try:
        n = export_csv_file(db, path, filters, raw=raw)
    except Exception as e:  # noqa: BLE001 - the pure path's failure is the reference
        return type(e), None
    return n, read_rows(path)


@needs_shell
@pytest.mark.parametrize("raw", [False, True], ids=["excel", "raw"])
@pytest.mark.parametrize("case", list(TAMPERED))
def test_cells_the_shell_cannot_write_leave_the_export_to_the_pure_path(
        tmp_path, monkeypatch, caplog, case, raw):
    """A blob, a real, a NUL or invalid UTF-8: the export is the pure path's (the same rows,
    or the same failure), and when the cell is in the export the log says the shell was not
    used (the claims may not hold it: the shell writes them)."""
    path = tmp_path / "tampered.sqlite"
    build_library(path).close()
    tamper(path, TAMPERED[case])
    db = open_library(path)
    try:
        for table in ("annotations", "claims"):
            filters = ExportFilters(table=table)
            with monkeypatch.context() as m:
                m.setenv(PURE_ENV, "1")
                expected = _outcome(db, tmp_path / "pure.csv", filters, raw)
            caplog.clear()
            with caplog.at_level(logging.INFO, logger=exporting.__name__):
                got = _outcome(db, tmp_path / "shell.csv", filters, raw)
            assert got == expected
            if table == "annotations":
                assert "exported without the sqlite3 shell" in caplog.text
    finally:
        db.close()


@needs_shell
def test_cancel_stops_the_shell_and_leaves_no_file(tmp_path, monkeypatch):
    build_big_library(tmp_path / "big.sqlite").close()
    started = []
    real_popen = subprocess.Popen

    def recording_popen(*args, **kwargs):
        started.append(real_popen(*args, **kwargs))
        return started[-1]

    monkeypatch.setattr(shell_export.subprocess, "Popen", recording_popen)
    shell_only(monkeypatch)
    out = tmp_path / "out" / "cancelled.csv"
    out.parent.mkdir()
    db = open_library(tmp_path / "big.sqlite")
    try:
        with pytest.raises(ExportCancelled):
            export_csv_file(db, out, ExportFilters(), should_cancel=lambda: True)
    finally:
        db.close()
    assert list(out.parent.iterdir()) == []
    assert len(started) == 1 and started[0].returncode is not None  # killed and reaped


@needs_shell
def test_progress_runs_up_to_the_total(tmp_path, monkeypatch):
    db = build_big_library(tmp_path / "big.sqlite")
    seen = []
    try:
        shell_only(monkeypatch)
        n = export_csv_file(db, tmp_path / "out.csv", ExportFilters(),
                            progress=lambda done, total, _: seen.append((done, total)))
    finally:
        db.close()
    assert n == 5012 and seen and seen[-1] == (n, n)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert {t for _, t in seen} == {n}


@needs_shell
def test_the_shell_never_writes_the_library(tmp_path, monkeypatch):
    """Read-only: the library and its write-ahead log keep their bytes, and no file joins
    them (a -shm's reader marks may change: any reader sets them). The folder and file
    names need quoting in the URI the shell opens."""
    folder = tmp_path / "lib ?#%20 Київ"
    folder.mkdir()
    path = folder / "library #1?.sqlite"
    db = build_library(path)
    try:
        names = sorted(p.name for p in folder.iterdir())
        before = {p.name: p.read_bytes() for p in folder.iterdir() if not p.name.endswith("-shm")}
        shell_only(monkeypatch)
        assert export_csv_file(db, tmp_path / "out.csv", ExportFilters()) == 12
        assert sorted(p.name for p in folder.iterdir()) == names
        assert {p.name: p.read_bytes() for p in folder.iterdir()
                if not p.name.endswith("-shm")} == before
    finally:
        db.close()


def _fake_shell(folder, body):
    script = folder / "sqlite3"
    script.write_text(f"#!{sys.executable}\nimport sys\n{body}\n", encoding="utf-8")
    script.chmod(0o755)
    return folder


@pytest.mark.parametrize("body", [
    "sys.stdin.read(); sys.stderr.write('Error: no such function: json_each\\n'); sys.exit(1)",
    "sys.stdin.read(); sys.stdout.write('1,2\\r\\n'); sys.stderr.write('warning\\n')",
    # rows and a probe row that does not read back (a shell that escapes control chars)
    "sys.stdin.read(); sys.stdout.write('a,b\\r\\nreader-app-shell-probe,^A\\r\\n3\\r\\n')",
    "sys.stdin.read(); sys.exit(0)",
    "sys.exit(3)",
], ids=["fails", "stderr", "probe", "silent", "no-read"])
def test_a_shell_that_fails_leaves_the_export_to_the_pure_path(tmp_path, monkeypatch, caplog,
                                                               body):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    monkeypatch.setenv("PATH", f"{_fake_shell(bin_dir, body)}{os.pathsep}{os.environ['PATH']}")
    assert shell_command() == str(bin_dir / "sqlite3")
    db = build_library(tmp_path / "golden.sqlite")
    try:
        with caplog.at_level(logging.INFO, logger=exporting.__name__):
            n = export_csv_file(db, tmp_path / "out.csv", ExportFilters())
    finally:
        db.close()
    assert n == 12
    digest = hashlib.sha256((tmp_path / "out.csv").read_bytes()).hexdigest()
    assert digest == EXPECTED["annotations", False][0]
    assert "exported without the sqlite3 shell" in caplog.text
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.csv")] == []


def test_the_switch_turns_the_shell_off(monkeypatch):
    monkeypatch.setenv(PURE_ENV, "1")
    assert shell_command() is None
    monkeypatch.setenv(PURE_ENV, "0")
    assert shell_command() == shutil.which("sqlite3")
    monkeypatch.delenv(PURE_ENV)
    assert shell_command() == shutil.which("sqlite3")


# -- literals ------------------------------------------------------------------------------

@given(st.one_of(st.text(st.characters(blacklist_categories=["Cs"])),
                 st.integers(-2**63, 2**63 - 1)))
def test_a_literal_reads_back_as_its_value(value):
    conn = sqlite3.connect(":memory:")
    try:
        assert conn.execute("SELECT " + sql_literal(value)).fetchone()[0] == value
    finally:
        conn.close()


@needs_shell
def test_literals_survive_the_shell_line_reader():
    values = ["it's", "''", "a\r\nb", "x\r", "\x00", "tab\there", "-- no comment", "; DROP",
              "😀 Київ", "back\\slash", '"dq"']
    sql = "SELECT " + ", ".join(f"hex(CAST({sql_literal(v)} AS BLOB))" for v in values) + ";\n"
    done = subprocess.run([SHELL, "-init", os.devnull, "-batch", "-csv", ":memory:"],
                          input=sql.encode(), capture_output=True, check=True)
    got = done.stdout.decode().strip().split(",")
    assert [bytes.fromhex(h).decode("utf-8") for h in got] == values


@pytest.mark.parametrize("bad", [1.5, b"x", None, True, "\ud800"])
def test_only_str_and_int_become_literals(bad):
    with pytest.raises(ValueError):
        sql_literal(bad)


def test_binding_needs_one_parameter_per_placeholder():
    assert bind_literals("a = ? AND b = ?", ["x'y", 3]) == "a = 'x''y' AND b = 3"
    with pytest.raises(ValueError):
        bind_literals("a = ?", [])
    with pytest.raises(ValueError):
        bind_literals("a = ?", [1.5])


def test_the_pure_path_keeps_its_memory_flat_too(tmp_path, monkeypatch):
    """tests/test_export_stream.py checks the default path (the shell's, where there is
    one); the same check on the pure path."""
    import test_export_stream

    monkeypatch.setenv(PURE_ENV, "1")
    test_export_stream.test_export_memory_is_flat_in_the_number_of_rows(tmp_path)
