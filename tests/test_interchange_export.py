"""File > Export As and `reader-app export --format qdpx|w3c|brat|jsonl`: what leaves the
library is what is in it, read back with each format's own reader."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from reader_app.cli import main
from reader_app.domain.models import ImportedArticle
from reader_app.formats.brat import read_brat
from reader_app.formats.ml_jsonl import read_jsonl
from reader_app.formats.qdpx_read import read_qdpx
from reader_app.formats.w3c import read_w3c
from reader_app.services import interchange
from reader_app.services.tagging import tag
from reader_app.storage.annotations import add_annotation
from reader_app.storage.articles import add_article, get_article
from reader_app.storage.bundle_read import read_bundle
from reader_app.storage.database import open_library

KYIV = ("KYIV, 24 February 2022 — President 🇺🇦 Volodymyr Zelensky said on Thursday that"
        " “the army 𝕏 will hold”.\nRussia denied it on Friday.")
MINSK = "MINSK, 10 February 2022 — Belarus announced drills with Russia on Monday."
WORDS = {KYIV: [("actor", "Volodymyr Zelensky"), ("date", "Thursday"),
                ("claim", "“the army 𝕏 will hold”"), ("actor", "Russia")],
         MINSK: [("actor", "Belarus"), ("date", "Monday")]}


@pytest.fixture
def library(db_path):
    db = open_library(db_path)
    for title, text in (("Kyiv ⟨report⟩", KYIV), ("Minsk drills", MINSK)):
        art = get_article(db, add_article(db, ImportedArticle(
            title=title, text=text, source=f"{title}.txt", published="2022-02-24")).article_id)
        for kind, quote in WORDS[text]:
            start = text.index(quote)
            tag(db, art, kind, start, start + len(quote), analyst="ana")
    db.close()
    return db_path


def _spans(bundle, texts=None):
    """{sha256: sorted (kind, start, end, quote)} of a bundle's tags."""
    return {a.sha256: sorted((t.kind, t.start, t.end, t.quote) for t in a.tags)
            for a in bundle.articles}


def _mine(db_path):
    db = open_library(db_path)
    try:
        return read_bundle(db)
    finally:
        db.close()


READERS = {"qdpx": read_qdpx, "w3c": read_w3c, "jsonl": read_jsonl}


@pytest.mark.parametrize("fmt,name", [("qdpx", "out.qdpx"), ("w3c", "out.jsonld"),
                                      ("w3c", "out.jsonl"), ("jsonl", "ml.jsonl")])
def test_each_file_format_carries_every_tag(library, tmp_path, capsys, fmt, name):
    out = tmp_path / name
    assert main(["export", "--db", str(library), "--format", fmt, "--output", str(out)]) == 0
    assert "Exported 2 articles with 6 tags" in capsys.readouterr().err
    back = READERS[fmt](out)
    assert _spans(back) == _spans(_mine(library))


def test_w3c_json_lines_has_one_annotation_per_line(library, tmp_path):
    out = tmp_path / "tags.jsonl"
    assert main(["export", "--db", str(library), "--format", "w3c", "-o", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len([json.loads(line) for line in lines if '"Annotation"' in line]) == 6


def test_brat_writes_a_folder_that_reads_back(library, tmp_path):
    folder = tmp_path / "brat"
    assert main(["export", "--db", str(library), "--format", "brat", "-o", str(folder)]) == 0
    assert len(list(folder.glob("*.ann"))) == 2 and len(list(folder.glob("*.txt"))) == 2
    assert _spans(read_brat(folder)) == _spans(_mine(library))


def test_kinds_and_articles_select_what_leaves(library, tmp_path):
    out = tmp_path / "dates.jsonl"
    assert main(["export", "--db", str(library), "--format", "jsonl", "--kind", "date",
                 "--article", "2", "-o", str(out)]) == 0
    back = read_jsonl(out)
    assert [a.text for a in back.articles] == [MINSK]
    assert [(t.kind, t.quote) for t in back.articles[0].tags] == [("date", "Monday")]


def test_a_facet_selects_articles(library, tmp_path):
    out = tmp_path / "zel.jsonld"
    assert main(["export", "--db", str(library), "--format", "w3c", "--actor", "Volodymyr Zelensky",
                 "-o", str(out)]) == 0
    assert {len(a.tags) for a in read_w3c(out).articles} == {4}


def test_text_formats_go_to_standard_output(library, capsys):
    assert main(["export", "--db", str(library), "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["text"] for line in lines] == [KYIV, MINSK]


@pytest.mark.parametrize("fmt", ["qdpx", "brat"])
def test_a_zip_or_folder_never_goes_to_standard_output(library, capsys, fmt):
    assert main(["export", "--db", str(library), "--format", fmt]) == 2
    assert "give --output" in capsys.readouterr().err


@pytest.mark.parametrize("flag", [["--table", "claims"], ["--raw"], ["--status", "disputed"]])
def test_csv_only_options_are_refused(library, capsys, flag):
    assert main(["export", "--db", str(library), "--format", "w3c", *flag]) == 2
    assert "does not apply" in capsys.readouterr().err


def test_a_failed_export_leaves_the_previous_file(library, tmp_path, monkeypatch, capsys):
    out = tmp_path / "project.qdpx"
    out.write_bytes(b"the analyst's previous export")

    def broken(bundle, stream):
        stream.write(b"PK half a zip")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(interchange, "write_qdpx", broken)
    assert main(["export", "--db", str(library), "--format", "qdpx", "-o", str(out)]) == 1
    assert "No space left" in capsys.readouterr().err
    assert out.read_bytes() == b"the analyst's previous export"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_qdpx_from_the_library_is_a_zip_with_project_and_sources(library, tmp_path):
    out = tmp_path / "p.qdpx"
    assert main(["export", "--db", str(library), "--format", "qdpx", "-o", str(out)]) == 0
    names = zipfile.ZipFile(io.BytesIO(out.read_bytes())).namelist()
    assert "project.qde" in names and len([n for n in names if n.startswith("sources/")]) == 2


# -- the window ------------------------------------------------------------------------


def test_file_export_as_writes_the_open_article(qtbot, library, tmp_path, monkeypatch):
    from gui_helpers import open_window
    from PySide6.QtWidgets import QDialog, QFileDialog

    from reader_app.gui.jobs.interchange_flow import InterchangeDialog

    window = open_window(qtbot, library)
    window.controller.open_article(1)
    menu = window.findChild(type(window.menuBar().actions()[0].menu()), "exportAsMenu")
    names = [a.objectName() for a in menu.actions()]
    assert names == ["exportQdpxAction", "exportW3cAction", "exportBratAction",
                     "exportJsonlAction"]
    out = tmp_path / "open.jsonld"
    chosen = {}

    def run(dialog):
        dialog.current_only.setChecked(True)
        dialog.kind_boxes["date"].setChecked(False)
        chosen["title"] = dialog.windowTitle()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(InterchangeDialog, "exec", run)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    with qtbot.waitSignal(window.interchange.export_finished, timeout=10000):
        menu.actions()[1].trigger()
    assert chosen["title"].startswith("Export W3C")
    (art,) = read_w3c(out).articles
    assert sorted(t.quote for t in art.tags) == sorted(
        q for k, q in WORDS[KYIV] if k != "date")
    assert "Exported 1 article with 3 tags" in window.statusBar().currentMessage()


def test_file_analyst_name_sets_who_new_tags_are_by(qtbot, library, monkeypatch):
    from gui_helpers import open_window, tag_in_window
    from PySide6.QtWidgets import QInputDialog

    from reader_app.storage.annotations import get_annotation

    window = open_window(qtbot, library)
    names = iter(["  Bea   Okafor ", ""])

    def run(dialog):
        assert dialog.textValue() == window.controller.analyst
        dialog.setTextValue(next(names))
        return True

    monkeypatch.setattr(QInputDialog, "exec", run)
    window.findChild(type(window.actions_.quit), "analystNameAction").trigger()
    assert window.controller.analyst == "Bea Okafor"
    assert "Bea Okafor" in window.statusBar().currentMessage()
    window.controller.open_article(2)
    tagged = tag_in_window(window, "actor", "Russia")
    db = open_library(library)
    assert get_annotation(db, tagged).analyst == "Bea Okafor"
    db.close()
    monkeypatch.setenv("READER_APP_ANALYST", "desk-7")
    window.actions_.analyst_name.trigger()  # empty: back to the default
    assert window.controller.analyst == "desk-7"


def test_brat_for_inception_has_no_normalisation_lines(library, tmp_path, capsys):
    plain, inception = tmp_path / "brat", tmp_path / "inception"
    assert main(["export", "--db", str(library), "--format", "brat", "-o", str(plain)]) == 0
    assert main(["export", "--db", str(library), "--format", "brat", "--for-inception",
                 "-o", str(inception)]) == 0
    lines = [line for p in plain.glob("*.ann") for line in p.read_text("utf-8").splitlines()]
    assert any(line.startswith("N") for line in lines)
    lines = [line for p in inception.glob("*.ann") for line in p.read_text("utf-8").splitlines()]
    assert lines and not any(line.startswith("N") for line in lines)
    assert _spans(read_brat(inception)) == _spans(_mine(library))
    assert main(["export", "--db", str(library), "--format", "w3c", "--for-inception"]) == 2
    assert "brat only" in capsys.readouterr().err


def test_the_dialog_starts_on_the_articles_selected_in_the_list(qtbot, library):
    from gui_helpers import open_window

    from reader_app.gui.jobs.interchange_flow import InterchangeDialog

    window = open_window(qtbot, library)
    several = InterchangeDialog(window, "qdpx", 1, [1, 2])
    assert several.selected_only.isChecked() and several.article_ids() == [1, 2]
    assert not several.for_inception.isVisibleTo(several)  # brat only
    alone = InterchangeDialog(window, "brat", 1, [1])  # the open one is the selected one
    assert alone.all_articles.isChecked() and alone.article_ids() is None
    assert alone.for_inception.isVisibleTo(alone)
    alone.current_only.setChecked(True)
    assert alone.article_ids() == [1]


def test_brat_from_the_window_into_a_busy_folder_goes_into_a_subfolder(qtbot, library, tmp_path,
                                                                      monkeypatch):
    from gui_helpers import open_window
    from PySide6.QtWidgets import QDialog, QFileDialog

    from reader_app.gui.jobs.interchange_flow import InterchangeDialog
    from reader_app.services.interchange import BRAT_SUBFOLDER

    documents = tmp_path / "Documents"
    documents.mkdir()
    (documents / "letter.txt").write_text("mine, not an export", "utf-8")
    window = open_window(qtbot, library)
    monkeypatch.setattr(InterchangeDialog, "exec", lambda d: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(documents))
    for _ in range(2):  # the second time the subfolder holds our export: it is replaced
        with qtbot.waitSignal(window.interchange.export_finished, timeout=10000) as done:
            window.export_as("brat")
        assert done.args[0] is not None
    assert (documents / "letter.txt").read_text("utf-8") == "mine, not an export"
    assert sorted(p.name for p in documents.iterdir()) == [BRAT_SUBFOLDER, "letter.txt"]
    assert _spans(read_brat(documents / BRAT_SUBFOLDER)) == _spans(_mine(library))


def test_json_lines_counts_what_it_writes_when_two_analysts_tagged_one_span(library, tmp_path,
                                                                            capsys):
    db = open_library(library)
    try:
        art = get_article(db, 2)  # Minsk: "Belarus" tagged by ana; bo tags it too
        start = MINSK.index("Belarus")
        add_annotation(db, art.id, "actor", start, start + len("Belarus"), analyst="bo")
    finally:
        db.close()
    out = tmp_path / "ml.jsonl"
    assert main(["export", "--db", str(library), "--format", "jsonl", "--output", str(out)]) == 0
    err = capsys.readouterr().err
    entities = sum(len(json.loads(line)["entities"]) for line in out.read_text("utf-8").splitlines())
    assert entities == 6
    assert "Exported 2 articles with 6 tags" in err  # what the file holds, not 7
    assert "warning: 1 tag shares a span and kind with another tag" in err
    # a format that keeps every tag counts all seven
    assert main(["export", "--db", str(library), "--format", "w3c", "--output",
                 str(tmp_path / "all.jsonld")]) == 0
    assert "with 7 tags" in capsys.readouterr().err
