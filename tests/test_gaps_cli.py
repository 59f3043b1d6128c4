"""The CLI's --from/--to take a real YYYY-MM-DD and nothing else: trailing junk, a time,
the basic form or spaces are refused with one line naming the value, and nothing is written."""

from __future__ import annotations

import csv
import io

import pytest

from reader_app.cli import main
from reader_app.domain.models import ImportedArticle
from reader_app.storage.annotations import add_annotation
from reader_app.storage.articles import add_article
from reader_app.storage.database import open_library


@pytest.fixture
def library(db_path):
    db = open_library(db_path)
    try:
        for day in ("2022-02-09", "2022-02-10", "2022-02-11"):
            text = f"Talks on {day}."
            article_id = add_article(db, ImportedArticle(f"On {day}", text, f"{day}.txt",
                                                         published=day)).article_id
            add_annotation(db, article_id, "date", text.index(day), text.index(day) + len(day))
    finally:
        db.close()
    return db_path


@pytest.mark.parametrize("flag", ["--from", "--to"])
@pytest.mark.parametrize("value", ["2022-02-10junk", "2022-02-10 ", " 2022-02-10",
                                   "2022-02-10T00:00", "20220210", "2022-02-1O"])
def test_a_date_with_anything_around_it_is_refused(library, tmp_path, capsys, flag, value):
    out = tmp_path / "out.csv"
    capsys.readouterr()
    status = main(["export", "--db", str(library), "--format", "csv", flag, value,
                   "-o", str(out)])
    stdout, err = capsys.readouterr()
    assert status == 2 and stdout == "" and not out.exists()
    assert len(err.splitlines()) == 1 and f"invalid date {value!r}" in err


def test_a_plain_date_is_taken_as_it_is(library, capsys):
    capsys.readouterr()
    assert main(["export", "--db", str(library), "--format", "csv",
                 "--from", "2022-02-10", "--to", "2022-02-10"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff"))))
    assert [r["quote"] for r in rows] == ["2022-02-10"]
