"""Trust in the library file: confirmed tags reach the disk, other processes never make a
write fail, foreign schema never runs, read-only and full disks say what is wrong."""

from __future__ import annotations

import multiprocessing as mp
import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from reader_app.domain.models import ImportedArticle
from reader_app.storage.annotations import add_annotation
from reader_app.storage.articles import add_article
from reader_app.storage.backup import backup_library
from reader_app.storage.database import (
    ForeignSchema,
    LibraryError,
    is_read_only,
    known_steps,
    open_library,
    schema_steps,
)
from reader_app.storage.errors import advice
from reader_app.storage.foreign_schema import foreign_objects
from reader_app.storage.migrations import migrations
from reader_app.storage.transaction import LibraryBusy, begin_immediate, write

TEXT = "Kyiv said on Monday that talks with Warsaw resumed; Vilnius agreed on Friday."


def _article(db, text: str = TEXT) -> int:
    return add_article(db, ImportedArticle(title="Talks", text=text, source="t.txt")).article_id


def _count_elsewhere(path: Path) -> int:
    """What another program (the sqlite3 shell, `reader-app export`) sees: a new process."""
    code = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]);"
            "print(c.execute('select count(*) from annotations').fetchone()[0]); c.close()")
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True,
                         text=True, check=True)
    return int(out.stdout)


# -- confirmed tags reach the disk ------------------------------------------------------------

def _tag_check_tag(db_path: Path, between) -> tuple[int, int]:
    db = open_library(db_path)
    article_id = _article(db)
    add_annotation(db, article_id, "actor", 0, 4)
    add_annotation(db, article_id, "date", 13, 19)
    between()  # e.g. a job opens the library (what an in-window import does)
    assert _count_elsewhere(db_path) == 2  # another program reads the library meanwhile
    add_annotation(db, article_id, "actor", 38, 44)
    here = db.execute("select count(*) from annotations").fetchone()[0]
    elsewhere = _count_elsewhere(db_path)
    db.close()
    return here, elsewhere


def test_plain_file_access_would_lose_a_confirmed_tag(db_path):
    """The landmine itself, so the test below can fail: a plain open()/close() of the
    library releases the window connection's locks and the third tag never reaches disk."""
    def plain_read():
        with open(db_path, "rb") as f:
            f.read(16)

    here, elsewhere = _tag_check_tag(db_path, plain_read)
    assert here == 3 and elsewhere != 3


def test_opening_the_library_again_keeps_every_confirmed_tag(db_path):
    def job_opens_library():
        open_library(db_path).close()
        open_library(db_path, create=False).close()

    assert _tag_check_tag(db_path, job_opens_library) == (3, 3)


def test_library_code_never_opens_the_library_file_itself():
    """Every access to the library, -wal and -shm goes through SQLite."""
    root = Path(__file__).resolve().parents[1] / "reader_app" / "storage"
    for source in root.glob("*.py"):
        text = source.read_text(encoding="utf-8")
        assert ".open(\"rb\")" not in text and "open(path" not in text, source


# -- no "database is locked" ------------------------------------------------------------------

def _writer(db_path: str, article_id: int, rounds: int, queue) -> None:
    db = open_library(db_path)
    errors = 0
    for i in range(rounds):
        try:
            with write(db):  # read, then write: a plain BEGIN fails here at once
                n = db.execute("select count(*) from annotations").fetchone()[0]
                add_annotation(db, article_id, "actor", 0, 4, note=f"{os.getpid()} {i} {n}")
        except sqlite3.Error:
            errors += 1
    db.close()
    queue.put(errors)


def test_two_processes_reading_then_writing_never_fail(db_path):
    db = open_library(db_path)
    article_id = _article(db)
    db.close()
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    procs = [ctx.Process(target=_writer, args=(str(db_path), article_id, 60, queue))
             for _ in range(3)]
    for p in procs:
        p.start()
    errors = [queue.get(timeout=60) for _ in procs]
    for p in procs:
        p.join(timeout=30)
    assert errors == [0, 0, 0]
    assert _count_elsewhere(db_path) == 180


def test_write_waits_for_a_long_writer_then_succeeds(db_path):
    db = open_library(db_path)
    article_id = _article(db)
    other = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    threading.Timer(0.7, lambda: other.execute("COMMIT")).start()
    started = time.monotonic()
    with write(db):
        db.execute("select count(*) from annotations").fetchone()
        add_annotation(db, article_id, "actor", 0, 4)
    assert time.monotonic() - started >= 0.5
    other.close()
    db.close()


def test_a_lock_held_too_long_is_a_clear_busy_error(db_path):
    db = open_library(db_path)
    db.execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(LibraryBusy, match="busy: another program"):
            begin_immediate(db, pauses=(0.01, 0.01))
        assert not db.conn.in_transaction
    finally:
        other.execute("ROLLBACK")
        other.close()
        db.close()


def test_nested_writes_are_savepoints_and_an_error_rolls_back_all(db):
    article_id = _article(db)
    with pytest.raises(RuntimeError), write(db):
        add_annotation(db, article_id, "actor", 0, 4)
        with write(db):
            add_annotation(db, article_id, "date", 13, 19)
        raise RuntimeError("boom")
    assert db.execute("select count(*) from annotations").fetchone()[0] == 0
    assert not db.conn.in_transaction


def _opener(db_path: str, barrier, queue) -> None:
    barrier.wait()
    try:
        db = open_library(db_path)
        queue.put(sorted(schema_steps(db)))
        db.close()
    except Exception as e:  # noqa: BLE001 - the test reports it
        queue.put(f"{type(e).__name__}: {e}")


@pytest.mark.parametrize("old", [True, False], ids=["old-library", "new-library"])
def test_processes_opening_one_library_at_once_all_succeed(tmp_path, old):
    db_path = tmp_path / "lib.sqlite"
    if old:  # a library from the first release: every later step is pending
        from sqlite_utils import Database

        first = Database(db_path)
        migrations.apply(first, stop_before="m002_full_text_search")
        first.close()
    ctx = mp.get_context("spawn")
    barrier, queue = ctx.Barrier(6), ctx.Queue()
    procs = [ctx.Process(target=_opener, args=(str(db_path), barrier, queue)) for _ in range(6)]
    for p in procs:
        p.start()
    results = [queue.get(timeout=60) for _ in procs]
    for p in procs:
        p.join(timeout=30)
    assert results == [sorted(known_steps())] * 6


# -- foreign triggers and views ---------------------------------------------------------------

def _plant(db_path: Path, sql: str) -> bytes:
    conn = sqlite3.connect(db_path)
    conn.execute(sql)
    conn.commit()
    conn.execute("PRAGMA journal_mode = DELETE")  # one file, so bytes can be compared
    conn.close()
    return db_path.read_bytes()


@pytest.mark.parametrize("sql, described", [
    ("CREATE TRIGGER steal AFTER INSERT ON annotations BEGIN "
     "DELETE FROM annotations WHERE id = new.id; END", "trigger 'steal' on 'annotations'"),
    ("CREATE TRIGGER articles_ai AFTER UPDATE ON articles BEGIN "
     "UPDATE articles SET title = 'PWNED' WHERE id = new.id; END", "trigger 'articles_ai'"),
    ("CREATE VIEW peek AS SELECT quote FROM annotations", "view 'peek'"),
], ids=["new-trigger", "trigger-under-our-name", "view"])
def test_foreign_schema_is_refused_and_the_file_untouched(db_path, sql, described):
    db = open_library(db_path)
    _article(db)
    db.close()
    if "articles_ai" in sql:  # replace our own trigger by one of the same name
        conn = sqlite3.connect(db_path)
        conn.execute("DROP TRIGGER articles_ai")
        conn.commit()
        conn.close()
    before = _plant(db_path, sql)
    with pytest.raises(ForeignSchema, match=described) as info:
        open_library(db_path)
    assert str(db_path) in str(info.value) and "remove" in str(info.value).lower()
    assert db_path.read_bytes() == before
    assert not Path(f"{db_path}-wal").exists() and not Path(f"{db_path}-shm").exists()


def test_removing_foreign_schema_after_consent_stops_it_running(db_path):
    db = open_library(db_path)
    article_id = _article(db)
    db.close()
    _plant(db_path, "CREATE TRIGGER steal AFTER INSERT ON annotations BEGIN "
                    "DELETE FROM annotations WHERE id = new.id; END")
    db = open_library(db_path, drop_foreign=True)
    add_annotation(db, article_id, "actor", 0, 4)
    assert db.execute("select count(*) from annotations").fetchone()[0] == 1
    names = {r[0] for r in db.execute("select name from sqlite_master where type='trigger'")}
    assert "steal" not in names and "articles_ai" in names  # ours stay
    db.close()
    open_library(db_path).close()  # now opens without complaint


def test_cli_repair_removes_foreign_schema(db_path, capsys):
    from reader_app.cli import main

    open_library(db_path).close()
    _plant(db_path, "CREATE VIEW peek AS SELECT quote FROM annotations")
    assert main(["export", "--db", str(db_path)]) == 1
    assert "view 'peek'" in capsys.readouterr().err
    assert main(["repair", "--db", str(db_path), "--remove-foreign-schema"]) == 0
    assert "removed view 'peek'" in capsys.readouterr().err
    assert main(["export", "--db", str(db_path), "-o", str(db_path.with_suffix(".csv"))]) == 0


def test_refused_wal_database_gains_no_side_files(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = sorted(os.listdir(tmp_path))
    with pytest.raises(LibraryError, match="another application"):
        open_library(path)
    assert sorted(os.listdir(tmp_path)) == before


# -- read-only libraries, full disks, clear messages ------------------------------------------

def _mount_tmpfs(where: Path, size: str) -> None:
    where.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small file system needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                          capture_output=True)
    if done.returncode:
        pytest.skip(f"cannot mount tmpfs here: {done.stderr.decode().strip()}")


@pytest.fixture
def small_disk(tmp_path):
    where = tmp_path / "disk"
    _mount_tmpfs(where, "1m")
    yield where
    subprocess.run(["umount", "-l", str(where)], check=False)


def _make_library(path: Path) -> int:
    db = open_library(path)
    article_id = _article(db)
    add_annotation(db, article_id, "actor", 0, 4)
    db.close()  # the last connection: WAL folded in, -wal and -shm removed
    return article_id


def test_library_on_read_only_medium_opens_read_only_and_exports(small_disk, tmp_path):
    lib = small_disk / "lib.sqlite"
    _make_library(lib)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    db = open_library(lib)
    assert is_read_only(db) is not None
    assert "read-only" in is_read_only(db).reason
    assert db.execute("select count(*) from annotations").fetchone()[0] == 1
    with pytest.raises(sqlite3.OperationalError), write(db):
        add_annotation(db, 1, "date", 13, 19)
    db.close()
    from reader_app.cli import main

    out = tmp_path / "tags.csv"
    assert main(["export", "--db", str(lib), "-o", str(out)]) == 0
    assert "Kyiv" in out.read_text(encoding="utf-8-sig")


def test_read_only_library_can_be_asked_for(db_path):
    _make_library(db_path)
    db = open_library(db_path, read_only=True)
    assert is_read_only(db).reason == "opened read-only on request"
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        db.execute("DELETE FROM annotations")
    db.close()
    assert is_read_only(open_library(db_path)) is None


def test_full_disk_says_the_disk_is_full(small_disk):
    lib = small_disk / "lib.sqlite"
    article_id = _make_library(lib)
    db = open_library(lib)
    with pytest.raises(sqlite3.OperationalError) as info:
        for i in range(10_000):
            with write(db):
                add_annotation(db, article_id, "claim", 0, 20, note="x" * 4000 + str(i))
    assert advice(info.value).startswith("the disk is full")
    db.close()
    db = open_library(lib)  # nothing confirmed before the failure was lost or damaged
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("select count(*) from annotations").fetchone()[0] >= 1
    db.close()


def test_folder_that_cannot_be_created_is_named(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(LibraryError, match="cannot create the library folder"):
        open_library(blocker / "sub" / "lib.sqlite")


@pytest.mark.parametrize("name, expected", [
    ("SQLITE_FULL", "the disk is full"),
    ("SQLITE_READONLY_DIRECTORY", "read-only"),
    ("SQLITE_IOERR_SHORT_READ", "input/output error"),
    ("SQLITE_CORRUPT", "damaged"),
])
def test_advice_names_the_reason(name, expected):
    error = sqlite3.OperationalError("some text")
    error.sqlite_errorname = name
    assert expected in advice(error)


# -- backup -----------------------------------------------------------------------------------

def _keep_tagging(db_path: str, seconds: float, queue) -> None:
    db = open_library(db_path)
    article_id = db.execute("select min(id) from articles").fetchone()[0]
    n, end = 0, time.monotonic() + seconds
    while time.monotonic() < end:
        add_annotation(db, article_id, "actor", 0, 4, note=str(n))
        n += 1
    db.close()
    queue.put(n)


def test_backup_while_another_process_tags_is_consistent(db_path, tmp_path):
    _make_library(db_path)
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    tagger = ctx.Process(target=_keep_tagging, args=(str(db_path), 3.0, queue))
    tagger.start()
    time.sleep(1.0)
    copies = [backup_library(db_path, tmp_path / f"copy{i}.sqlite") for i in range(3)]
    written = queue.get(timeout=60)
    tagger.join(timeout=30)
    counts = []
    for copy in copies:
        db = open_library(copy)
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        counts.append(db.execute("select count(*) from annotations").fetchone()[0])
        db.close()
    assert counts == sorted(counts) and counts[0] >= 1 and counts[-1] <= written + 1
    assert not list(tmp_path.glob(".*.part"))


def test_backup_refuses_the_library_itself_and_cli_reports(db_path, tmp_path, capsys):
    from reader_app.cli import main

    _make_library(db_path)
    with pytest.raises(LibraryError, match="is the library itself"):
        backup_library(db_path, db_path)
    folder = tmp_path / "backups"
    folder.mkdir()
    assert main(["backup", "--db", str(db_path), str(folder)]) == 0
    assert f"to {folder / db_path.name}" in capsys.readouterr().err
    copy = open_library(folder / db_path.name)
    assert copy.execute("select count(*) from annotations").fetchone()[0] == 1
    copy.close()
    assert main(["backup", "--db", str(db_path), str(tmp_path / "nowhere" / "x.sqlite")]) == 1
    assert "no such folder" in capsys.readouterr().err


# -- review: schema beyond triggers, our own objects restored, library files refused ------------

def _rewrite_table_sql(db_path: Path, table: str, old: str, new: str) -> None:
    conn = sqlite3.connect(db_path)
    (sql,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", [table]).fetchone()
    assert old in sql
    (version,) = conn.execute("PRAGMA schema_version").fetchone()
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = ?", [sql.replace(old, new), table])
    conn.execute(f"PRAGMA schema_version = {version + 1}")
    conn.execute("PRAGMA writable_schema = OFF")
    conn.commit()
    conn.close()


def test_a_changed_table_definition_opens_read_only_and_exports(db_path, tmp_path):
    """A foreign key planted with ON DELETE CASCADE would delete claims with a date tag."""
    _make_library(db_path)
    _rewrite_table_sql(db_path, "annotations", "claim_date_annotation_id INTEGER",
                       "claim_date_annotation_id INTEGER REFERENCES annotations(id) "
                       "ON DELETE CASCADE")
    db = open_library(db_path)
    reason = is_read_only(db).reason
    assert "annotations" in reason and "changed outside Analyst Reader" in reason
    db.close()
    from reader_app.cli import main

    assert main(["export", "--db", str(db_path), "-o", str(tmp_path / "out.csv")]) == 0
    db = open_library(db_path, drop_foreign=True)  # nothing to remove safely: still read-only
    assert is_read_only(db) is not None
    db.close()
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    error = ForeignSchema(db_path, foreign_objects(conn, known_steps()))
    conn.close()
    assert not error.removable and "restore the library from a backup" in str(error)


def test_a_planted_unique_index_is_foreign_and_removable(db_path):
    article_id = _make_library(db_path)
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE UNIQUE INDEX one_tag_per_article ON annotations(article_id)")
    conn.commit()
    conn.close()
    with pytest.raises(ForeignSchema, match="index 'one_tag_per_article' on 'annotations'"):
        open_library(db_path)
    db = open_library(db_path, drop_foreign=True)
    add_annotation(db, article_id, "date", 13, 19)  # the index would have refused it
    db.close()


def test_replacing_our_own_trigger_puts_ours_back_and_search_finds_new_articles(db_path):
    from reader_app.storage.search import search

    _make_library(db_path)
    conn = sqlite3.connect(db_path)
    conn.execute("DROP TRIGGER articles_ai")
    conn.execute("CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN SELECT 1; END")
    conn.commit()
    conn.close()
    db = open_library(db_path, drop_foreign=True)
    names = {r[0] for r in db.execute("select name from sqlite_master where type='trigger'")}
    assert "articles_ai" in names
    _article(db, "Reykjavik hosted the envoys on Tuesday.")
    assert search(db, "Reykjavik")
    db.close()
    open_library(db_path).close()  # ours again: nothing foreign left


def test_nothing_writes_to_or_replaces_the_library_files(db_path, tmp_path, capsys):
    from reader_app.cli import main

    _make_library(db_path)
    db = open_library(db_path)  # the window's connection: -wal and -shm exist now
    before = db_path.read_bytes()
    for target in (db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
        with pytest.raises(LibraryError, match="is the library itself"):
            backup_library(db_path, target)
        assert main(["export", "--db", str(db_path), "-o", str(target)]) == 2
        assert "is the library itself" in capsys.readouterr().err
    link = tmp_path / "another-name.sqlite"
    link.symlink_to(db_path)
    with pytest.raises(LibraryError, match="is the library itself"):
        backup_library(db_path, link)
    assert db_path.read_bytes() == before
    db.close()


def test_backup_and_repair_check_without_upgrading(tmp_path, capsys):
    from sqlite_utils import Database

    from reader_app.cli import main

    old = tmp_path / "old.sqlite"
    first = Database(old)
    migrations.apply(first, stop_before="m003_actors_and_claims")
    first.close()
    assert main(["repair", "--db", str(old), "--remove-foreign-schema"]) == 0
    assert main(["backup", "--db", str(old), str(tmp_path / "copy.sqlite")]) == 0
    for path in (old, tmp_path / "copy.sqlite"):
        conn = sqlite3.connect(path)
        steps = {r[0] for r in conn.execute("select name from _sqlite_migrations")}
        conn.close()
        assert "m003_actors_and_claims" not in steps  # the copy is the library as it was


def test_busy_is_told_apart_from_a_lock_inside_one_connection():
    from reader_app.storage.transaction import is_busy

    busy = sqlite3.OperationalError("database is locked")
    busy.sqlite_errorname = "SQLITE_BUSY"
    table_locked = sqlite3.OperationalError("database table is locked")
    table_locked.sqlite_errorname = "SQLITE_LOCKED"
    assert is_busy(busy) and not is_busy(table_locked)


def test_importing_the_library_itself_is_refused_without_opening_it(db_path, tmp_path):
    from reader_app.services.importing import import_paths

    _make_library(db_path)
    db = open_library(db_path)  # the window's connection
    (tmp_path / "note.txt").write_text("Riga hosted the talks on Monday.", encoding="utf-8")
    dropped = [db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm"), tmp_path / "note.txt"]
    report = import_paths(db, dropped)  # the library and its side files dropped on the window
    own = [line for line in report.refused if "this library's own file" in line]
    assert len(own) == 3 and any(str(db_path) in line for line in own)
    assert db.execute("select count(*) from articles").fetchone()[0] == 2
    add_annotation(db, 1, "date", 13, 19)
    assert _count_elsewhere(db_path) == 2
    db.close()
