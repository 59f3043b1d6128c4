"""`reader-app search` and the export's facets, through the real command line."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reader_app.cli import main
from reader_app.domain.models import ImportedArticle
from reader_app.services import tagging
from reader_app.storage.actors import create_actor
from reader_app.storage.articles import add_article, get_article
from reader_app.storage.database import open_library

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = [
    ("Lavrov on the drills", "date 2022-02-09\nSergei Lavrov said the drills would end."
                             " Critics spoke of vote theft 🇺🇦.\n", "tass.txt"),
    ("Голосування", "date 2022-02-20\nЛавров заявив, що голосування було чесним; votes"
                    " counted.\n", "Укрінформ.txt"),
    ("Drills over", "date 2022-03-05\nThe ministry said the drills were over.\n", "reuters.txt"),
]


@pytest.fixture
def library(db_path):
    db = open_library(db_path)
    ids = []
    for title, text, source in ARTICLES:
        item = ImportedArticle(title, text, source, published=text[5:15])
        ids.append(add_article(db, item).article_id)
    lavrov = create_actor(db, "Sergei Lavrov", "person", aliases=["Лавров"])
    for article_id, words, status in ((ids[0], "the drills would end", "disputed"),
                                      (ids[2], "the drills were over", "corroborated")):
        article = get_article(db, article_id)
        start = article.text.index(words)
        new, _ = tagging.tag(db, article, "claim", start, start + len(words), analyst="ana")
        tagging.edit_tag(db, new.annotation.id, {"claimant_id": lavrov.id, "status": status,
                                                 "reliability": "B", "credibility": 2})
    db.close()
    return db_path, ids


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def jsonl(out):
    return [json.loads(line) for line in out.splitlines()]


def test_jsonl_best_first_with_fields(capsys, library):
    path, ids = library
    code, out, err = run(capsys, "search", "--db", path, "drills", "--format", "jsonl")
    assert code == 0 and err == ""
    rows = jsonl(out)
    assert sorted(r["article_id"] for r in rows) == [ids[0], ids[2]]
    assert set(rows[0]) == {"article_id", "title", "published", "hits", "snippet"}
    # the title hit ranks first: "Drills over" has drills in its title and text
    assert rows[0]["article_id"] == ids[2] and rows[0]["hits"] == 2
    assert "drills" in rows[0]["snippet"] and "[" not in rows[0]["snippet"]


def test_text_format_cyrillic_forms_and_no_match(capsys, library):
    path, ids = library
    code, out, _ = run(capsys, "search", "--db", path, "Лаврова")
    assert code == 0
    first = out.splitlines()[0].split("\t")
    assert first[0] == str(ids[1]) and first[1] == "2022-02-20" and first[2] == "1 hit"
    code, out, err = run(capsys, "search", "--db", path, '"vote theft"', "NEAR(", "^x:")
    assert code == 0 and out == "" and "No article matches" in err


def test_facets_claims_by_lavrov_february_disputed(capsys, library):
    path, ids = library
    code, out, _ = run(capsys, "search", "--db", path, "--claimant", "sergei lavrov",
                       "--from", "2022-02", "--to", "2022-02", "--status", "disputed",
                       "--format", "jsonl")
    assert code == 0 and [r["article_id"] for r in jsonl(out)] == [ids[0]]
    code, out, _ = run(capsys, "search", "--db", path, "--actor", "Лавров", "--format", "jsonl")
    assert [r["article_id"] for r in jsonl(out)] == [ids[2], ids[0]]  # newest first
    code, out, _ = run(capsys, "search", "--db", path, "drills", "--source", "REUTERS",
                       "--grade", "b2", "--kind", "claim", "--analyst", "ana",
                       "--format", "jsonl")
    assert [r["article_id"] for r in jsonl(out)] == [ids[2]]
    code, out, _ = run(capsys, "search", "--db", path, "--format", "jsonl", "--", "-drills")
    assert [r["article_id"] for r in jsonl(out)] == [ids[1]]
    code, out, _ = run(capsys, "search", "--db", path, "drills", "--limit", "1",
                       "--format", "jsonl")
    assert len(jsonl(out)) == 1


def test_text_format_facets_alone_print_no_hit_count(capsys, library):
    path, ids = library
    code, out, _ = run(capsys, "search", "--db", path, "--actor", "Лавров")
    rows = [line.split("\t") for line in out.splitlines() if not line.startswith("\t")]
    assert code == 0 and [r[0] for r in rows] == [str(ids[2]), str(ids[0])]
    assert {r[2] for r in rows} == {"-"}  # nothing was searched for: no "0 hits"
    code, out, _ = run(capsys, "search", "--db", path, "--", "-drills")
    assert [line.split("\t")[2] for line in out.splitlines()
            if not line.startswith("\t")] == ["-"]


@pytest.mark.parametrize("argv, message", [
    (["--from", "2022-02-30"], "not a date: '2022-02-30'"),
    (["--to", "last week"], "not a date"),
    (["--from", "2022-03", "--to", "2022-02"], "is after --to"),
    (["--grade", "Z9"], "not an Admiralty grade"),
    (["--actor", "a", "--claimant", "b"], "not allowed with"),
    (["--limit", "0", "x"], "--limit must be from 1 to"),
    ([], "give a query or a facet"),
])
def test_bad_input_is_one_line_and_exit_2(capsys, library, argv, message):
    path, _ = library
    code, out, err = run(capsys, "search", "--db", path, *argv)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err and "Traceback" not in err


def test_export_facets_select_the_articles(capsys, library, tmp_path):
    path, ids = library
    out_file = tmp_path / "claims.csv"
    code, _, err = run(capsys, "export", "--db", path, "--table", "claims", "--claimant",
                       "Sergei Lavrov", "--grade", "B2", "--query", "drills", "--to", "2022-02-28",
                       "-o", out_file)
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out_file.read_text(encoding="utf-8-sig"))))
    assert [int(r["article_id"]) for r in rows] == [ids[0]]
    code, out, err = run(capsys, "export", "--db", path, "--source", "укрінформ")
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
    assert rows == []  # that article has no tags
    assert "1 article matches the filters but holds no annotations" in err
    code, out, err = run(capsys, "export", "--db", path, "--query", "zzqxv", "-o", out_file)
    assert code == 0 and "Exported 0 annotations to" in err
    assert "(no article matches the filters)" in err
    code, _, err = run(capsys, "export", "--db", path, "--query", "drills", "-o", out_file)
    assert "Exported 2 annotations" in err and "match" not in err  # rows: no excuse needed
    code, out, _ = run(capsys, "export", "--db", path, "--analyst", "ana", "--article", ids[2])
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
    assert {int(r["article_id"]) for r in rows} == {ids[2]}
    code, _, err = run(capsys, "export", "--db", path, "--table", "actors", "--actor", "x")
    assert code == 2 and "does not apply to --table actors" in err


def test_search_rebuilds_a_missing_index_with_a_notice(capsys, library):
    path, ids = library
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE articles_fts")
    conn.commit()
    conn.close()
    code, out, err = run(capsys, "search", "--db", path, "drills", "--format", "jsonl")
    assert code == 0 and len(jsonl(out)) == 2
    assert err.startswith("notice: The search index was missing or damaged and has been rebuilt")


def test_real_entry_point(library):
    path, ids = library
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(
        [sys.executable, "-m", "reader_app", "search", "--db", str(path), "голосуванні",
         "--format", "jsonl"], capture_output=True, text=True, timeout=60, cwd=ROOT, env=env,
        encoding="utf-8")
    assert result.returncode == 0, result.stderr
    assert [json.loads(x)["article_id"] for x in result.stdout.splitlines()] == [ids[1]]
    bad = subprocess.run(
        [sys.executable, "-m", "reader_app", "search", "--db", str(path), "--from", "2022-13-01"],
        capture_output=True, text=True, timeout=60, cwd=ROOT, env=env, encoding="utf-8")
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "not a date" in bad.stderr


@pytest.mark.parametrize("limit", ["0", "-3", "1000001", "99999999999999999999"])
def test_a_limit_out_of_range_is_one_clear_line(capsys, library, limit):
    code, out, err = run(capsys, "search", "--db", str(library[0]), "--limit", limit, "Lavrov")
    assert code == 2 and out == ""
    assert "--limit must be from 1 to 1,000,000" in err and "Traceback" not in err


def test_a_query_may_start_with_an_excluded_word(capsys, library):
    path, ids = library
    code, out, _ = run(capsys, "search", "--db", path, "--format", "jsonl", "-vote", "drills")
    assert code == 0 and [h["article_id"] for h in jsonl(out)] == [ids[2]]
    code, out, _ = run(capsys, "search", "--db", path, "--format", "jsonl", "drills", "-vote")
    assert code == 0 and [h["article_id"] for h in jsonl(out)] == [ids[2]]
    code, _, err = run(capsys, "search", "--db", path, "drills", "--limt", "5")  # a typo
    assert code == 2 and "unrecognized arguments: --limt 5" in err
