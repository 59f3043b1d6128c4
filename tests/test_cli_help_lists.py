"""The command line's --help names every command and every export table (a newcomer reads it)."""
from __future__ import annotations

import argparse

import pytest

from reader_app import cli


def _commands() -> dict[str, argparse.ArgumentParser]:
    parser = cli._command_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def test_top_level_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--help"]) == 0
    listed = {line.split()[0] for line in capsys.readouterr().out.split("commands:")[1].splitlines()
              if line.startswith("  ") and not line.startswith("   ")}
    assert set(_commands()) <= listed


def test_every_command_has_a_description() -> None:
    missing = [name for name, p in _commands().items() if not p.description]
    assert missing == []


def test_export_help_names_every_table() -> None:
    export = _commands()["export"]
    table = next(a for a in export._actions if a.dest == "table")
    for name in table.choices or ():
        assert name in (table.help or ""), name
        assert name.rstrip("s") in (export.description or ""), name


@pytest.mark.parametrize(("words", "cut", "said"), [
    ("Tromsø harbour, ", "Tromsø harbour", "(trimmed, as the window does)"),
    ("romsø harbou", "Tromsø harbour", "(widened to whole words, as the window does)"),
    ("romsø harbour, ", "Tromsø harbour", "(trimmed and widened to whole words, as the window does)"),
])
def test_tag_says_what_it_did_to_the_span(tmp_path, capsys: pytest.CaptureFixture[str],
                                          words: str, cut: str, said: str) -> None:
    text = "Tromsø harbour, the port said, reopened on Sunday."
    article = tmp_path / "port.txt"
    article.write_text(f"Port reopens\n\n{text}\n", encoding="utf-8")
    db = str(tmp_path / "lib.sqlite")
    assert cli.main(["import", "--db", db, str(article)]) == 0
    start = len("Port reopens\n\n") + text.index(words)
    capsys.readouterr()
    assert cli.main(["tag", "--db", db, "--article", "1", "--kind", "actor", "--start",
                     str(start), "--end", str(start + len(words))]) == 0
    out = capsys.readouterr()
    assert f'"quote": "{cut}"' in out.out
    assert said in out.err


def test_an_unknown_kind_names_the_codebook_s_codes(tmp_path, capsys) -> None:
    from reader_app.services import codebook
    from reader_app.storage.database import open_library

    path = tmp_path / "lib.sqlite"
    db = open_library(path)
    codebook.create(db, "Place")
    codebook.create(db, "Weapon system")
    db.close()
    assert cli.main(["export", "--db", str(path), "--kind", "Plaice", "--output", "-"]) == 2
    err = capsys.readouterr().err
    assert "'Plaice'" in err and "its codes: Place, Weapon system" in err
