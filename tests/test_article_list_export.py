"""The article list export: one row per article with its tag counts and memo (the memo is
on no tag row), Excel-safe like every other table, through the service and the command line."""

from __future__ import annotations

import csv
import io

from reader_app.cli import main
from reader_app.domain.models import ImportedArticle
from reader_app.services.exporting import ExportFilters, export_csv_file
from reader_app.storage.annotations import add_annotation
from reader_app.storage.articles import add_article
from reader_app.storage.database import open_library
from reader_app.storage.export_rows import ARTICLE_COLUMNS, count_article_rows, iter_article_rows

MEMO = "=HYPERLINK(\"x\")\n**Київ** 🇺🇦 second line"


def library(path):
    db = open_library(path)
    first = add_article(db, ImportedArticle("=cmd|' /C calc'!A0", "Talks in Київ 🇺🇦 resumed.",
                                            "one.txt", published="2022-02-09")).article_id
    second = add_article(db, ImportedArticle("Undated note", "Nothing dated here.",
                                             "two.txt")).article_id
    add_annotation(db, first, "actor", 9, 13)
    add_annotation(db, first, "date", 0, 5)
    add_annotation(db, first, "claim", 0, 13)
    db.execute("UPDATE articles SET memo = ? WHERE id = ?", [MEMO, first])
    db.conn.commit()
    return db, first, second


def test_rows_carry_counts_and_memo_and_filter_like_the_tag_export(tmp_path):
    db, first, second = library(tmp_path / "lib.sqlite")
    rows = [dict(zip(ARTICLE_COLUMNS, r, strict=True)) for r in iter_article_rows(db)]
    assert [r["article_id"] for r in rows] == [first, second]
    assert rows[0]["memo"] == MEMO and rows[1]["memo"] == ""
    assert (rows[0]["claim_count"], rows[0]["actor_count"], rows[0]["date_count"]) == (1, 1, 1)
    assert (rows[1]["claim_count"], rows[1]["actor_count"], rows[1]["date_count"]) == (0, 0, 0)
    assert rows[0]["article_published"] == "2022-02-09" and rows[1]["article_published"] is None
    # a date range drops undated articles, as the tag export does
    assert [r[0] for r in iter_article_rows(db, date_from="2022-01-01")] == [first]
    assert [r[0] for r in iter_article_rows(db, article_ids=[second])] == [second]
    assert count_article_rows(db, article_ids=[]) == 0
    assert count_article_rows(db) == 2


def test_the_file_is_excel_safe_and_keeps_the_memo_whole(tmp_path):
    db, first, _ = library(tmp_path / "lib.sqlite")
    out = tmp_path / "articles.csv"
    assert export_csv_file(db, out, ExportFilters(table="articles")) == 2
    got = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert list(got[0]) == ARTICLE_COLUMNS
    assert got[0]["article_title"] == "'=cmd|' /C calc'!A0"
    assert got[0]["memo"] == "'" + MEMO  # defused, and its line break kept inside the cell
    raw = tmp_path / "raw.csv"
    export_csv_file(db, raw, ExportFilters(table="articles"), raw=True)
    assert list(csv.DictReader(io.StringIO(raw.read_text(encoding="utf-8"))))[0]["memo"] == MEMO


def test_command_line_writes_the_article_list(tmp_path, capsys):
    db, first, second = library(tmp_path / "lib.sqlite")
    db.close()
    out = tmp_path / "a.csv"
    code = main(["export", "--db", str(tmp_path / "lib.sqlite"), "--table", "articles",
                 "--article", str(second), "--output", str(out)])
    assert code == 0, capsys.readouterr().err
    got = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert [int(r["article_id"]) for r in got] == [second]
    code = main(["export", "--db", str(tmp_path / "lib.sqlite"), "--table", "articles",
                 "--kind", "claim"])
    err = capsys.readouterr().err
    assert code == 2 and "--kind does not apply to --table articles" in err
