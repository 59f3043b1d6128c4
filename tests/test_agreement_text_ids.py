"""The agreement table's heading names the compared articles' ids as ids, not as a stray number."""
from __future__ import annotations

from pathlib import Path

import pytest

from reader_app import cli


def test_heading_labels_the_article_ids(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "ferry.txt"
    article.write_text("Ferry service cut\n\nHarbour chief Lina Vesk said on Friday that the ferry"
                       " would stop.\n", encoding="utf-8")
    db = str(tmp_path / "lib.sqlite")
    assert cli.main(["import", "--db", db, str(article)]) == 0
    text = article.read_text(encoding="utf-8").rstrip("\n")
    for analyst, kind, words in (("ann", "actor", "Lina Vesk"), ("bo", "date", "Friday")):
        start = text.index(words)
        assert cli.main(["tag", "--db", db, "--article", "1", "--kind", kind, "--start",
                         str(start), "--end", str(start + len(words)), "--analyst", analyst]) == 0
    capsys.readouterr()
    assert cli.main(["agreement", "--db", db]) == 0
    heading = capsys.readouterr().out.splitlines()[0]
    assert heading == "ann (A, reference) vs bo (B): 1 shared article(s) (ids 1)"
