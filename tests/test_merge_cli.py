"""`reader-app merge` and reading OTHER (services/bundle_files.py), hostile files included."""

from __future__ import annotations

import re
import sqlite3

import pytest
from merge_helpers import alice_library, bob_library, dump

from reader_app.cli import main
from reader_app.domain.interchange import BundleFormatError
from reader_app.services.bundle_files import read_other
from reader_app.storage.database import open_library


@pytest.fixture
def paths(tmp_path):
    mine, other = tmp_path / "alice.db", tmp_path / "bob.db"
    alice_library(mine).close()
    bob_library(other).close()
    return mine, other


def state(path):
    db = open_library(path, create=False, read_only=True)
    try:
        return dump(db)
    finally:
        db.close()


def test_dry_run_prints_the_plan_and_changes_not_a_byte(paths, capsys):
    mine, other = paths
    before, other_before = mine.read_bytes(), other.read_bytes()
    assert main(["merge", "--db", str(mine), str(other), "--dry-run"]) == 0
    out, err = capsys.readouterr()
    assert "1 new article; 2 already in the library" in out
    assert "status: mine “unverified” | theirs “disputed”" in out
    assert mine.read_bytes() == before and other.read_bytes() == other_before


def test_merge_writes_and_a_second_merge_adds_nothing(paths, capsys):
    mine, other = paths
    other_before = other.read_bytes()
    assert main(["merge", "--db", str(mine), str(other), "--conflicts", "theirs"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("Merged bob.db: 1 article, 7 tags and 0 actors added, 1 tag"
                          " changed; 2 actors of the file matched to the library's.")
    assert "conflict 1" in err
    db = open_library(mine)
    assert [tuple(r) for r in db.execute(
        "SELECT analyst, status FROM annotations WHERE kind = 'claim' AND quote LIKE"
        " 'Russia had%'")] == [("bob", "disputed")]  # our row became Bob's tag
    db.close()
    once = state(mine)
    assert main(["merge", "--db", str(mine), str(other)]) == 0
    assert capsys.readouterr().out.startswith("Merged bob.db: 0 articles, 0 tags and 0 actors")
    assert state(mine) == once
    assert other.read_bytes() == other_before  # OTHER was only read


def test_actors_new_adds_their_actors_beside_ours(paths, capsys):
    mine, other = paths
    assert main(["merge", "--db", str(mine), str(other), "--actors", "new"]) == 0
    db = open_library(mine)
    names = sorted(r[0] for r in db.execute("SELECT name FROM actors"))
    db.close()
    assert names == ["Dmytro Kuleba", "Kuleba", "Russia", "Russia"]


def hostile(tmp_path, other):
    truncated = tmp_path / "truncated.db"
    truncated.write_bytes(other.read_bytes()[:8192])
    half = tmp_path / "half.sqlite"
    half.write_bytes(other.read_bytes()[: len(other.read_bytes()) // 2])
    text = tmp_path / "notes.db"
    text.write_text("not a database at all\n")
    foreign = tmp_path / "foreign.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.commit()
    conn.close()
    unknown = tmp_path / "report.docx"
    unknown.write_bytes(b"PK\x03\x04")
    fake = tmp_path / "colleague.qdpx"
    fake.write_bytes(b"no zip here")
    folder = tmp_path / "folder"  # a folder is read as brat's: this one holds nothing
    folder.mkdir()
    lines = tmp_path / "lines.jsonl"
    lines.write_text("{not json\n")
    return [truncated, half, text, foreign, unknown, fake, folder, lines, tmp_path / "gone.db"]


def test_hostile_other_files_are_one_line_errors_and_change_nothing(paths, tmp_path, capsys):
    mine, other = paths
    before = mine.read_bytes()
    for bad in [*hostile(tmp_path, other), mine]:
        status = main(["merge", "--db", str(mine), str(bad)])
        err = capsys.readouterr().err
        assert status == 1, bad
        assert err.count("\n") == 1 and bad.name in err and "Traceback" not in err, err
        assert mine.read_bytes() == before
    assert "is the open library itself" in (lambda: (
        main(["merge", "--db", str(mine), str(mine)]), capsys.readouterr().err))()[1]


def test_read_other_refuses_the_library_itself_and_names_the_file(paths, tmp_path):
    mine, other = paths
    with pytest.raises(BundleFormatError, match=r"^alice\.db: this is the open library itself"):
        read_other(mine, mine)
    link = tmp_path / "alias.db"
    link.symlink_to(mine)
    with pytest.raises(BundleFormatError, match="open library itself"):
        read_other(link, mine)
    for bad in hostile(tmp_path, other):
        with pytest.raises(BundleFormatError, match=f"^{re.escape(bad.name)}( line [0-9]+)?: "):
            read_other(bad, mine)
    bundle = read_other(other, mine)
    assert bundle.origin == "bob.db" and len(bundle.articles) == 3


def test_a_library_saved_under_any_name_is_found_by_its_header(paths, tmp_path):
    _, other = paths
    renamed = tmp_path / "bob-export.bin"
    renamed.write_bytes(other.read_bytes())
    assert len(read_other(renamed).articles) == 3


def _articles(path):
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        conn.close()


def test_a_folder_of_articles_with_a_stray_ann_file_imports_its_articles(tmp_path, capsys):
    from reader_app.services.bundle_files import is_interchange_path

    folder = tmp_path / "mix"
    folder.mkdir()
    (folder / "a.txt").write_text("An article text.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Another article.\n", encoding="utf-8")
    (folder / "stray.ann").write_text("", encoding="utf-8")
    assert not is_interchange_path(folder)
    (folder / "a.ANN").write_text("", encoding="utf-8")  # b.txt still has no .ann
    assert not is_interchange_path(folder)
    (folder / "b.Ann").write_text("", encoding="utf-8")  # every .txt has its .ann: brat
    assert is_interchange_path(folder)
    for p in (folder / "a.ANN", folder / "b.Ann"):
        p.unlink()
    library = tmp_path / "mix.sqlite"
    assert main(["import", "--db", str(library), str(folder)]) == 0
    assert _articles(library) == 2
    capsys.readouterr()


def test_a_brat_folder_that_brings_nothing_is_an_error(tmp_path, capsys):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "x.txt").write_text("hello world", encoding="utf-8")
    folder = tmp_path / "links"
    folder.mkdir()
    (folder / "x.ann").write_text("T1\tActor 0 5\thello\n", encoding="utf-8")
    (folder / "x.txt").symlink_to(outside / "x.txt")
    library = tmp_path / "l.sqlite"
    assert main(["import", "--db", str(library), str(folder)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "links: no article could be read" in err
    assert "symbolic link" in err


def test_upper_case_brat_suffixes_are_read(tmp_path, capsys):
    folder = tmp_path / "up"
    folder.mkdir()
    (folder / "X.TXT").write_text("hello world", encoding="utf-8")
    (folder / "X.ANN").write_text("T1\tActor 0 5\thello\n", encoding="utf-8")
    library = tmp_path / "up.sqlite"
    assert main(["import", "--db", str(library), str(folder)]) == 0
    assert _articles(library) == 1
    assert len(read_other(folder / "X.ANN").articles[0].tags) == 1
    assert read_other(folder).articles[0].text == "hello world"
    capsys.readouterr()
