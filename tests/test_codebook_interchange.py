"""Own codes leave and come back: CSV names them, every interchange format carries them (code
tree and colours where the format has a place), and importing merges them into the codebook."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import pytest
from qdpx_helpers import SCHEMA

from reader_app.cli import main
from reader_app.domain.models import ImportedArticle
from reader_app.services import codebook, tagging
from reader_app.storage.articles import add_article, get_article
from reader_app.storage.codebook import list_codes
from reader_app.storage.database import open_library

TEXT = ("date 2031-04-02\nThe ferry reached Tromsø harbour 🛳 at dawn; a Hawk drone circled "
        "the lighthouse before officials in Bergen said so on Friday.\n")


def _library(path):
    db = open_library(path)
    art = get_article(db, add_article(db, ImportedArticle(
        "Ferry", TEXT, "ferry.txt", published="2031-04-02")).article_id)
    place, _ = codebook.create(db, "Location", key=1, colour="#d62f8c",
                               description="where it happened")
    weapon, _ = codebook.create(db, "Weapon system", key=2)
    drone, _ = codebook.create(db, "Drone", parent_id=weapon.id, colour="#0f9fb3")
    for kind, words in ((place.kind, "Tromsø harbour 🛳"), (drone.kind, "Hawk drone"),
                        (place.kind, "Bergen"), ("actor", "officials in Bergen"),
                        ("date", "on Friday")):
        start = TEXT.index(words)
        tagging.tag(db, art, kind, start, start + len(words), analyst="ana")
    db.close()
    return path


def _tags_by_code(path):
    db = open_library(path)
    try:
        names = {c.kind: c.name for c in list_codes(db)}
        rows = db.execute('SELECT kind, quote FROM annotations ORDER BY start').fetchall()
        return sorted((names.get(k, k), q) for k, q in rows), {
            c.name: c for c in list_codes(db)}
    finally:
        db.close()


EXPECTED = sorted([("Location", "Tromsø harbour 🛳"), ("Drone", "Hawk drone"),
                   ("Location", "Bergen"), ("actor", "officials in Bergen"),
                   ("date", "on Friday")])


def test_csv_kind_column_names_the_code(tmp_path):
    mine = _library(tmp_path / "mine.sqlite")
    out = tmp_path / "tags.csv"
    assert main(["export", "--db", str(mine), "-o", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig"))))
    assert sorted((r["kind"], r["quote"]) for r in rows) == EXPECTED


@pytest.mark.parametrize("fmt,name", [("qdpx", "p.qdpx"), ("brat", "brat"), ("jsonl", "ml.jsonl"),
                                      ("w3c", "lines.jsonl")])
def test_each_format_brings_own_codes_into_an_empty_library(tmp_path, fmt, name):
    mine = _library(tmp_path / "mine.sqlite")
    other = tmp_path / "other.sqlite"
    out = tmp_path / name
    if fmt == "w3c":  # W3C does not carry the text: the article must be there first
        assert main(["export", "--db", str(mine), "--format", "qdpx", "-o",
                     str(tmp_path / "a.qdpx")]) == 0
        assert main(["import", "--db", str(other), str(tmp_path / "a.qdpx")]) == 0
        db = open_library(other)
        db.execute("DELETE FROM annotations")
        db.execute("DELETE FROM codebook")
        db.conn.commit()
        db.close()
    assert main(["export", "--db", str(mine), "--format", fmt, "-o", str(out)]) == 0
    assert main(["import", "--db", str(other), str(out)]) == 0
    tags, codes = _tags_by_code(other)
    assert tags == EXPECTED
    if fmt in ("qdpx", "w3c", "brat"):  # these carry the tree and the colours
        assert codes["Drone"].parent_id == codes["Weapon system"].id
        assert codes["Location"].colour == "#d62f8c"
        assert codes["Location"].description == "where it happened"
        _, mine_codes = _tags_by_code(mine)
        assert codes["Location"].uuid == mine_codes["Location"].uuid
    # importing the same file again adds nothing: the codes are matched
    assert main(["import", "--db", str(other), str(out)]) == 0
    assert _tags_by_code(other)[0] == EXPECTED
    assert len(_tags_by_code(other)[1]) == len(codes)


def test_qdpx_has_own_codes_in_the_tree_and_stays_valid(tmp_path):
    mine = _library(tmp_path / "mine.sqlite")
    out = tmp_path / "p.qdpx"
    assert main(["export", "--db", str(mine), "--format", "qdpx", "-o", str(out)]) == 0
    with zipfile.ZipFile(out) as zf:
        project = zf.read("project.qde")
    SCHEMA.validate(project.decode("utf-8"))
    text = project.decode("utf-8")
    assert 'name="Weapon system"' in text and 'color="#D62F8C"' in text
    weapon = text.index('name="Weapon system"')
    assert text.index('name="Drone"') > weapon  # nested under it


def test_foreign_labels_become_own_codes_by_name(tmp_path):
    path = tmp_path / "doccano.jsonl"
    text = "Convoy seen near Tartu; officials said."
    path.write_text(json.dumps({"text": text, "label": [[0, 6, "Vehicle"], [17, 22, "GPE"],
                                                        [24, 33, "Vehicle"]]}) + "\n", "utf-8")
    target = tmp_path / "t.sqlite"
    assert main(["import", "--db", str(target), str(path)]) == 0
    tags, codes = _tags_by_code(target)
    assert tags == [("Vehicle", "Convoy"), ("Vehicle", "officials"), ("actor", "Tartu")]
    assert list(codes) == ["Vehicle"]


def test_command_line_kind_takes_an_own_code_by_name(tmp_path, capsys):
    mine = _library(tmp_path / "mine.sqlite")
    out = tmp_path / "places.csv"
    assert main(["export", "--db", str(mine), "--kind", "location", "-o", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig"))))
    assert sorted(r["quote"] for r in rows) == ["Bergen", "Tromsø harbour 🛳"]
    assert {r["kind"] for r in rows} == {"Location"}
    start = TEXT.index("lighthouse")
    assert main(["tag", "--db", str(mine), "--article", "1", "--kind", "Drone", "--start",
                 str(start), "--end", str(start + 10)]) == 0
    tags, _ = _tags_by_code(mine)
    assert ("Drone", "lighthouse") in tags
    assert main(["search", "--db", str(mine), "--kind", "Weapon system"]) == 0
    capsys.readouterr()
    assert main(["export", "--db", str(mine), "--kind", "Nowhere", "-o", str(out)]) == 2
    assert "'Nowhere': not claim, actor, date nor a code" in capsys.readouterr().err
