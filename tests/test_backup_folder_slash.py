"""`reader-app backup NEW/` (a folder that does not exist yet) never writes a file named NEW."""
from __future__ import annotations

from pathlib import Path

import pytest

from reader_app import cli


@pytest.fixture
def library(tmp_path: Path) -> Path:
    article = tmp_path / "quay.txt"
    article.write_text("Quay repairs delayed\n\nThe port of Bergvik said on Monday that repairs"
                       " would take until spring.\n", encoding="utf-8")
    db = tmp_path / "lib.sqlite"
    assert cli.main(["import", "--db", str(db), str(article)]) == 0
    return db


def test_backup_into_missing_folder_with_slash_is_refused(
        library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "copies"
    assert cli.main(["backup", "--db", str(library), f"{target}/"]) != 0
    assert not target.exists()
    assert "copies" in capsys.readouterr().err


def test_backup_into_existing_folder_with_slash(library: Path, tmp_path: Path) -> None:
    target = tmp_path / "copies"
    target.mkdir()
    assert cli.main(["backup", "--db", str(library), f"{target}/"]) == 0
    assert (target / "lib.sqlite").is_file()
