"""A code's name as stored: what every menu, tooltip and file shows of it (no Qt)."""

from __future__ import annotations

import pytest

from reader_app.domain.codebook import check_name


@pytest.mark.parametrize("given, stored", [
    ("A\x01B", "AB"),  # a control character no .qdc can carry
    ("\u202eevil", "evil"),  # an override would turn "Tag as … (1)" around
    ("Ort \u2067شارع\u2069", "Ort شارع"),  # an isolate; the Arabic itself stays
    ("tab\there\nand line", "tab here and line"),
    ("Zoë 👨\u200d👩\u200d👧", "Zoë 👨\u200d👩\u200d👧"),  # a ZWJ joins: kept
    ("  <b>R&D</b>  ", "<b>R&D</b>"),
])
def test_names_keep_what_is_shown_and_lose_controls(given, stored):
    assert check_name(given) == stored


def test_a_name_of_controls_only_is_refused():
    with pytest.raises(ValueError, match="needs a name"):
        check_name("\u202e\x01\u2066")


def test_default_colours_go_round_the_palette_again(db):
    from reader_app.domain.codebook import DEFAULT_PALETTE
    from reader_app.services import codebook

    n = len(DEFAULT_PALETTE)
    made = [codebook.create(db, f"Code {i}")[0].colour for i in range(2 * n + 2)]
    assert made[:n] == list(DEFAULT_PALETTE)
    assert made[n:2 * n] == list(DEFAULT_PALETTE)  # not the first colour for every one
    assert made[2 * n:] == list(DEFAULT_PALETTE[:2])


def test_imported_codes_go_round_the_palette_too(db, tmp_path):
    import uuid

    from reader_app.domain.codebook import DEFAULT_PALETTE
    from reader_app.services import codebook
    from reader_app.services.codebook_io import import_codebook

    codes = "".join(f'<Code guid="{uuid.uuid4()}" name="Imported {i}" isCodable="true"/>'
                    for i in range(12))
    path = tmp_path / "many.qdc"
    path.write_text(f'<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>{codes}</Codes>'
                    "</CodeBook>", encoding="utf-8")
    import_codebook(db, path)
    colours = [c.colour for c in sorted(codebook.codes(db), key=lambda c: c.id)]
    assert colours == [*DEFAULT_PALETTE, *DEFAULT_PALETTE[:3]]


def test_names_clash_whatever_the_script_s_case(db):
    from reader_app.services import codebook

    city, _ = codebook.create(db, "Місто")
    codebook.create(db, "Émile")
    for taken in ("місто", "émile", "МІСТО"):
        with pytest.raises(ValueError, match="already a code"):
            codebook.create(db, taken)
    other, _ = codebook.create(db, "Село")
    with pytest.raises(ValueError, match="already a code"):
        codebook.edit(db, other.id, name="місто")
    codebook.edit(db, city.id, name="МІСТО")  # its own name in another case: fine


def test_an_imported_code_matches_a_local_one_whatever_the_case(db, tmp_path):
    import uuid

    from reader_app.services import codebook
    from reader_app.services.codebook_io import import_codebook

    city, _ = codebook.create(db, "Місто", key=1)
    path = tmp_path / "team.qdc"
    path.write_text('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>'
                    f'<Code guid="{uuid.uuid4()}" name="місто" isCodable="true">'
                    f'<Code guid="{uuid.uuid4()}" name="Район" isCodable="true"/></Code>'
                    "</Codes></CodeBook>", encoding="utf-8")
    record, _ = import_codebook(db, path)
    assert record.matched == 1
    assert {(c.name, c.parent_id) for c in codebook.codes(db)} == {
        ("Місто", None), ("Район", city.id)}


def test_command_line_kind_finds_a_code_whatever_the_case(db, db_path, capsys):
    import json

    from reader_app.cli import main
    from reader_app.domain.models import ImportedArticle
    from reader_app.services import codebook
    from reader_app.storage.articles import add_article

    text = "Колона пройшла через Місто на світанку.\n"
    article_id = add_article(db, ImportedArticle("Колона", text, "k.txt")).article_id
    codebook.create(db, "Місто")
    start = text.index("Місто")
    assert main(["tag", "--db", str(db_path), "--article", str(article_id), "--kind",
                 "місто", "--start", str(start), "--end", str(start + 5)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["kind"], out["quote"]) == ("Місто", "Місто")
