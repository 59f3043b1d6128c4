"""The codebook as a REFI-QDA codebook (.qdc): export, import merged by name, hostile files
refused with one clear line, and the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
import xmlschema

from reader_app.cli import main
from reader_app.domain.interchange import BundleFormatError
from reader_app.formats.qdc import read_qdc
from reader_app.services import codebook
from reader_app.services.codebook_io import (
    export_codebook,
    import_codebook,
    redo_import,
    undo_import,
)
from reader_app.storage.codebook import list_codes
from reader_app.storage.database import open_library

SCHEMA = xmlschema.XMLSchema(Path(__file__).parent / "data" / "refi-qda" /
                             "codebook-structure.xsd")


def _codebook(db):
    weapon, _ = codebook.create(db, "Weapon system", colour="#8a4fd6",
                                description="arms & <kit> named in the text")
    codebook.create(db, "Drone", parent_id=weapon.id, key=3)
    codebook.create(db, "Lieu — Місце 📍")


def test_export_is_valid_and_import_into_another_library_keeps_the_tree(tmp_path, db):
    _codebook(db)
    out = tmp_path / "team.qdc"
    assert export_codebook(db, out) == 3
    SCHEMA.validate(out.read_text("utf-8"))
    other = open_library(tmp_path / "other.sqlite")
    try:
        codebook.create(other, "drone")  # the same name, another case: merged by name
        record, changes = import_codebook(other, out)
        assert changes.codebook
        assert record.summary() == "Imported team.qdc: 2 new codes, 1 already in the codebook"
        codes = {c.name: c for c in list_codes(other)}
        assert set(codes) == {"drone", "Weapon system", "Lieu — Місце 📍"}
        mine = {c.name: c for c in list_codes(db)}
        assert codes["Weapon system"].uuid == mine["Weapon system"].uuid
        assert codes["Weapon system"].colour == "#8a4fd6"
        assert codes["Weapon system"].description == "arms & <kit> named in the text"
        assert codes["Weapon system"].key is None  # keys are each analyst's own
        before = [tuple(r) for r in other.execute("SELECT * FROM codebook ORDER BY id")]
        undo_import(other, record)
        assert [c.name for c in list_codes(other)] == ["drone"]
        redo_import(other, record)
        assert [tuple(r) for r in other.execute("SELECT * FROM codebook ORDER BY id")] == before
        # a second import adds nothing
        again, _ = import_codebook(other, out)
        assert again.added.rows == () and again.matched == 3
    finally:
        other.close()


def test_a_foreign_codebook_tree_is_read(tmp_path):
    path = tmp_path / "maxqda.qdc"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="MAXQDA">'
        '<Codes><Code guid="{5D3A1F4E-0000-4000-8000-00000000A001}" name="Themes"'
        ' isCodable="false" color="#F0A">'
        '<Code guid="5d3a1f4e-0000-4000-8000-00000000a002" name="Energy" isCodable="true"'
        ' color="#12AB34"><Description>gas, oil</Description></Code></Code></Codes>'
        '</CodeBook>', "utf-8")
    themes, energy = read_qdc(path)
    assert (themes.uuid, themes.colour) == ("5d3a1f4e-0000-4000-8000-00000000a001", "")
    assert (energy.name, energy.colour, energy.description, energy.parent_uuid) == (
        "Energy", "#12ab34", "gas, oil", themes.uuid)


@pytest.mark.parametrize("content, reason", [
    ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><CodeBook/>', "DTD or entities"),
    ("<CodeBook", "not well-formed XML"),
    ('<Project xmlns="urn:QDA-XML:project:1.0" name="p"/>', "not a REFI-QDA codebook"),
    ('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="nope" name="x"'
     ' isCodable="true"/></Codes></CodeBook>', "no valid guid"),
    ('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"/>', "has no <Codes>"),
    ('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>'
     + "".join(f'<Code guid="00000000-0000-4000-8000-{n:012d}" name="c{n}" isCodable="true">'
               for n in range(150)) + "</Code>" * 150 + "</Codes></CodeBook>",
     "nested deeper"),
])
def test_hostile_files_are_refused_with_one_line(tmp_path, db, content, reason):
    path = tmp_path / "bad.qdc"
    path.write_text(content, "utf-8")
    with pytest.raises(BundleFormatError, match=reason) as e:
        import_codebook(db, path)
    assert str(e.value).startswith("bad.qdc: ") and "\n" not in str(e.value)
    assert list_codes(db) == []


def test_command_line_export_and_import(tmp_path, db_path, db, capsys):
    _codebook(db)
    db.close()
    out = tmp_path / "team.qdc"
    assert main(["codebook", "export", "--db", str(db_path), str(out)]) == 0
    assert "Exported 3 codes" in capsys.readouterr().err
    other = tmp_path / "other.sqlite"
    open_library(other).close()
    assert main(["codebook", "import", "--db", str(other), str(out)]) == 0
    assert "3 new codes" in capsys.readouterr().out
    bad = tmp_path / "bad.qdc"
    bad.write_text("<CodeBook", "utf-8")
    assert main(["codebook", "import", "--db", str(other), str(bad)]) == 1
    assert "bad.qdc: not well-formed XML" in capsys.readouterr().err
