"""The reader-app command line, run in-process (plus one real subprocess)."""

from __future__ import annotations

import csv
import io
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import reader_app.cli as cli
from reader_app import __version__
from reader_app.cli import main
from reader_app.storage.annotations import add_annotation
from reader_app.storage.articles import article_count, list_articles
from reader_app.storage.database import open_library
from reader_app.storage.export_rows import EXPORT_COLUMNS

GOOD = {
    "talks.txt": "date 2022-02-09 Moscow said on Thursday that talks with Kyiv 🇺🇦 failed.\n",
    "sub/drills.md": "date 2022-02-10\n# Drills\n\nMinsk announced drills.\n",
    "sub/deep/undated.txt": "Lavrov agreed to meet Blinken.\n",
}
BAD = {"binary.txt": b"\x00\x01\x02\x03 not text", "empty.txt": b""}


@pytest.fixture
def folder(tmp_path) -> Path:
    root = tmp_path / "in"
    for name, text in GOOD.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    for name, data in BAD.items():
        (root / name).write_bytes(data)
    return root


@pytest.fixture
def tagged(db_path, folder) -> Path:
    """A library with the good articles and a few annotations."""
    assert main(["import", "--db", str(db_path), str(folder)]) == 1
    db = open_library(db_path)
    for a in list_articles(db, order_by="id"):
        text = db.execute("SELECT text FROM articles WHERE id = ?", [a.id]).fetchone()[0]
        for kind, word in (("actor", text.split()[0]), ("claim", text.split()[-1])):
            start = text.index(word)
            add_annotation(db, a.id, kind, start, start + len(word), note="-note")
    db.close()
    return db_path


def no_traceback(err: str) -> bool:
    return "Traceback" not in err and all(
        line.startswith(("reader-app: error:", "warning:")) or ": " in line
        for line in err.splitlines()
    )


def read_csv(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline="")))


# --- import ------------------------------------------------------------------------------


def test_import_a_folder_with_good_and_bad_files(db_path, folder, capsys):
    missing = folder / "missing.txt"
    assert main(["import", "--db", str(db_path), str(folder), str(missing)]) == 1
    out, err = capsys.readouterr()
    assert "Imported 3 articles, 3 refused." in out
    for name in [*BAD, "missing.txt"]:
        assert sum(name in line for line in err.splitlines()) == 1, err
    assert no_traceback(err)
    db = open_library(db_path)
    assert article_count(db) == 3
    assert {a.published for a in list_articles(db)} == {"2022-02-09", "2022-02-10", None}
    db.close()


def test_reimport_reports_duplicates_and_adds_nothing(db_path, folder, capsys):
    good_only = [str(folder / name) for name in GOOD]
    assert main(["--db", str(db_path), "import", *good_only]) == 0
    capsys.readouterr()
    assert main(["import", *good_only, "--db", str(db_path)]) == 0
    out, err = capsys.readouterr()
    assert "Imported 0 articles, 3 already present." in out
    assert err.count("already in the library") == 3 and "(article " in err
    db = open_library(db_path)
    assert article_count(db) == 3
    db.close()


def test_import_uses_the_env_library_by_default(tmp_path, folder, monkeypatch, capsys):
    monkeypatch.setenv("READER_APP_DB", str(tmp_path / "env.sqlite"))
    assert main(["import", str(folder / "talks.txt")]) == 0
    assert (tmp_path / "env.sqlite").exists()


def test_no_progress_line_when_not_a_terminal(db_path, folder, capsys):
    main(["import", "--db", str(db_path), str(folder)])
    assert "\r" not in capsys.readouterr().err


# --- export ------------------------------------------------------------------------------


def test_export_csv_to_a_file_with_filters(tagged, tmp_path, capsys):
    capsys.readouterr()
    target = tmp_path / "out" / "claims.csv"
    target.parent.mkdir()
    args = ["export", "--db", str(tagged), "--format", "csv", "--output", str(target),
            "--kind", "claim", "--from", "2022-02-09", "--to", "2022-02-10"]
    assert main(args) == 0
    out, err = capsys.readouterr()
    assert out == "" and err.strip() == f"Exported 2 annotations to {target}"
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = read_csv(data.decode("utf-8"))
    assert list(rows[0]) == EXPORT_COLUMNS
    assert {r["kind"] for r in rows} == {"claim"} and len(rows) == 2
    assert {r["note"] for r in rows} == {"'-note"}
    assert [p.name for p in target.parent.iterdir()] == ["claims.csv"]  # no temp file left


def test_export_to_stdout_by_article_and_raw(tagged, capsys):
    capsys.readouterr()
    assert main(["--db", str(tagged), "export", "--format", "csv", "--article", "1", "--raw"]) == 0
    out, err = capsys.readouterr()
    assert err == "" and not out.startswith("\ufeff")
    rows = read_csv(out)
    assert {r["article_id"] for r in rows} == {"1"} and len(rows) == 2
    assert {r["note"] for r in rows} == {"-note"}
    assert main(["export", "--db", str(tagged), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("\ufeff") and len(read_csv(out)) == 6


@pytest.mark.parametrize(
    "extra, message",
    [
        (["--from", "2022-02-30"], "invalid date '2022-02-30'"),
        (["--to", "09/02/2022"], "invalid date '09/02/2022'"),
        (["--from", "2022-03-01", "--to", "2022-02-01"], "is after --to"),
        (["--article", "99"], "no article 99"),
        (["--kind", "claims"], "--kind 'claims': not claim, actor, date nor a code"),
    ],
)
def test_bad_export_options_are_one_line_errors(tagged, capsys, extra, message):
    capsys.readouterr()
    assert main(["export", "--db", str(tagged), "--format", "csv", *extra]) != 0
    out, err = capsys.readouterr()
    assert out == "" and len(err.splitlines()) == 1
    assert err.startswith("reader-app: error: ") and message in err


def test_unknown_format_and_missing_library(tmp_path, capsys):
    assert main(["export", "--db", str(tmp_path / "lib.sqlite"), "--format", "xml"]) == 2
    assert "invalid choice: 'xml'" in capsys.readouterr().err
    assert main(["export", "--db", str(tmp_path / "none.sqlite"), "--format", "csv"]) == 1
    err = capsys.readouterr().err
    assert err == f"reader-app: error: no library at {tmp_path / 'none.sqlite'}\n"
    assert not (tmp_path / "none.sqlite").exists()


def test_export_into_a_missing_folder_fails_cleanly(tagged, tmp_path, capsys):
    capsys.readouterr()
    target = tmp_path / "nowhere" / "x.csv"
    assert main(["export", "--db", str(tagged), "--format", "csv", "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"reader-app: error: cannot write {target}") and err.count("\n") == 1


# --- libraries that must not be touched -----------------------------------------------------


def newer_schema_library(path: Path) -> Path:
    open_library(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
                 " VALUES ('reader_app', 'm999_from_the_future', '2030-01-01')")
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("kind", ["not sqlite", "newer schema"])
@pytest.mark.parametrize("command", ["import", "export"])
def test_a_foreign_library_is_refused_and_left_unchanged(tmp_path, folder, capsys, kind, command):
    if kind == "not sqlite":
        lib = tmp_path / "notes.sqlite"
        lib.write_bytes(b"Dear diary,\n" * 100)
    else:
        lib = newer_schema_library(tmp_path / "future.sqlite")
    before = lib.read_bytes()
    args = (["import", "--db", str(lib), str(folder)] if command == "import"
            else ["export", "--db", str(lib), "--format", "csv"])
    assert main(args) == 1
    out, err = capsys.readouterr()
    assert out == "" and len(err.splitlines()) == 1 and str(lib) in err
    assert ("not a SQLite database" if kind == "not sqlite" else "newer version") in err
    assert lib.read_bytes() == before
    # The read-only check of a WAL library may leave empty -wal/-shm files; nothing else.
    sidecars = {lib.name + "-wal", lib.name + "-shm"}
    assert {p.name for p in tmp_path.iterdir()} - sidecars == {"in", lib.name}


# --- the rest ------------------------------------------------------------------------------


def test_version_and_help(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"reader-app {__version__}\n"
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "import" in out and "export" in out and "--db" in out
    assert main(["export", "--help"]) == 0
    assert "--raw" in capsys.readouterr().out


def test_no_command_opens_the_window_with_the_files(tmp_path):
    calls = []
    status = main(["--db", str(tmp_path / "x.sqlite"), "a.txt", "b.md"],
                  run_gui=lambda db, files: calls.append((db, files)) or 0)
    assert status == 0 and calls == [(str(tmp_path / "x.sqlite"), ["a.txt", "b.md"])]
    main([], run_gui=lambda db, files: calls.append((db, files)) or 0)
    assert calls[-1] == (None, [])


def test_cli_alone_never_opens_qt(capsys):
    assert main(["article.txt"]) == 2  # the window is wired in by reader_app.entry
    assert capsys.readouterr().err.startswith("reader-app: error: no window")


def test_interrupt_exits_130_with_one_line(db_path, folder, capsys, monkeypatch):
    def interrupted(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "import_paths", interrupted)
    assert main(["import", "--db", str(db_path), str(folder)]) == 130
    assert capsys.readouterr().err == "reader-app: error: interrupted\n"


def test_a_closed_pipe_on_stdout_exits_quietly(tagged, capsys, monkeypatch):
    class ClosedPipe(io.RawIOBase):
        def writable(self):
            return True

        def write(self, b):
            raise BrokenPipeError(32, "Broken pipe")

    fake = io.TextIOWrapper(io.BufferedWriter(ClosedPipe()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", fake)
    status = main(["export", "--db", str(tagged), "--format", "csv"])
    monkeypatch.undo()
    assert status == 141 and capsys.readouterr().err == ""


def test_python_m_reader_app_version_without_qt():
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "reader_app", "--version"],
        capture_output=True, text=True, timeout=60,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert result.returncode == 0
    assert result.stdout == f"reader-app {__version__}\n"
    imported = result.stderr  # -X importtime lists every module imported
    assert "PySide6" not in imported and "reader_app.gui" not in imported


# --- export --table claims / actors ---------------------------------------------------------


@pytest.fixture
def analysed(tagged) -> Path:
    """The tagged library with actors linked and claimants set."""
    from reader_app.storage.actors import create_actor, link_annotation, set_claimant

    db = open_library(tagged)
    moscow = create_actor(db, "Moscow", "state", aliases=["Kremlin", "=RU"])
    minsk = create_actor(db, "Minsk")
    for ann_id, kind, article_id in db.execute(
            "SELECT id, kind, article_id FROM annotations ORDER BY id").fetchall():
        actor = moscow if article_id == 1 else minsk
        if kind == "actor":
            link_annotation(db, ann_id, actor.id)
        else:
            set_claimant(db, ann_id, actor.id)
    db.execute("UPDATE annotations SET status = 'disputed' WHERE kind = 'claim' AND article_id = 1")
    db.conn.commit()
    db.close()
    return tagged


def test_export_the_actor_list(analysed, tmp_path, capsys):
    from reader_app.storage.export_rows import ACTOR_COLUMNS

    capsys.readouterr()
    target = tmp_path / "actors.csv"
    assert main(["export", "--db", str(analysed), "--format", "csv", "--table", "actors",
                 "-o", str(target)]) == 0
    assert capsys.readouterr().err.strip() == f"Exported 2 actors to {target}"
    rows = read_csv(target.read_text(encoding="utf-8-sig"))
    assert list(rows[0]) == ACTOR_COLUMNS
    assert [(r["name"], r["type"], r["aliases"], r["mention_count"], r["claim_count"])
            for r in rows] == [("Minsk", "other", "", "2", "2"),
                               ("Moscow", "state", "Kremlin | =RU", "1", "1")]
    assert main(["export", "--db", str(analysed), "--format", "csv", "--table", "actors",
                 "--raw"]) == 0
    assert "Kremlin | =RU" in capsys.readouterr().out


def test_export_claims_only_with_filters(analysed, capsys):
    from reader_app.storage.export_rows import CLAIM_COLUMNS

    capsys.readouterr()
    assert main(["export", "--db", str(analysed), "--format", "csv", "--table", "claims"]) == 0
    rows = read_csv(capsys.readouterr().out)
    assert list(rows[0]) == CLAIM_COLUMNS and len(rows) == 3
    assert {r["claimant"] for r in rows} == {"Moscow", "Minsk"}
    assert main(["export", "--db", str(analysed), "--format", "csv", "--table", "claims",
                 "--status", "disputed", "--article", "1"]) == 0
    rows = read_csv(capsys.readouterr().out)
    assert [(r["article_id"], r["claimant"], r["status"]) for r in rows] == [
        ("1", "Moscow", "disputed")]


def test_annotations_stay_the_default_table_with_the_new_columns(analysed, capsys):
    capsys.readouterr()
    assert main(["export", "--db", str(analysed), "--format", "csv", "--kind", "actor"]) == 0
    rows = read_csv(capsys.readouterr().out)
    assert list(rows[0]) == EXPORT_COLUMNS
    assert {(r["value"], r["actor_type"]) for r in rows} == {("Moscow", "state"),
                                                              ("Minsk", "other")}


@pytest.mark.parametrize(("table", "extra", "flag"), [
    ("actors", ["--kind", "actor"], "--kind"),
    ("actors", ["--article", "1"], "--article"),
    ("actors", ["--from", "2022-02-09"], "--from"),
    ("claims", ["--kind", "claim"], "--kind"),
    ("annotations", ["--status", "disputed"], "--status"),
])
def test_filters_that_do_not_apply_to_a_table_are_refused(analysed, capsys, table, extra, flag):
    capsys.readouterr()
    assert main(["export", "--db", str(analysed), "--format", "csv", "--table", table,
                 *extra]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err == f"reader-app: error: {flag} does not apply to --table {table}\n"
