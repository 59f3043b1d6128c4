"""Every format through the command line, library to library: export, import into another
library, export again. What comes back is what left (the issue's round trip)."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader_app.cli import main
from reader_app.domain.interchange import Bundle
from reader_app.domain.models import ImportedArticle
from reader_app.services.merging import MergeChoices, apply_merge, plan_merge
from reader_app.services.tagging import tag
from reader_app.storage.annotations import update_annotation
from reader_app.storage.articles import add_article, get_article
from reader_app.storage.bundle_read import read_bundle
from reader_app.storage.database import open_library

TEXTS = [
    ("Kyiv report", "KYIV, 24 February 2022 — President 🇺🇦 Volodymyr Zelensky said on Thursday"
     " that “the army 𝕏 will hold”.\r\nRussia denied it on Friday; שלום e\u0301 done."),
    ("Minsk drills", "MINSK, 10 February 2022 — Belarus announced drills with Russia on"
     " Monday, said Aliaksandr Lukashenka."),
]
TAGS = {0: [("actor", "Volodymyr Zelensky"), ("date", "Thursday"),
            ("claim", "“the army 𝕏 will hold”"), ("actor", "Russia"), ("date", "Friday")],
        1: [("actor", "Belarus"), ("date", "Monday"), ("actor", "Aliaksandr Lukashenka"),
            ("claim", "Belarus announced drills with Russia")]}


def _library(path, analyst="ana"):
    db = open_library(path)
    for n, (title, text) in enumerate(TEXTS):
        art = get_article(db, add_article(db, ImportedArticle(
            title=title, text=text, source=f"{title}.txt", published="2022-02-24")).article_id)
        for kind, quote in TAGS[n]:
            start = text.index(quote)
            new, _ = tag(db, art, kind, start, start + len(quote), analyst=analyst)
            if kind == "claim":
                update_annotation(db, new.annotation.id, status="disputed", reliability="C",
                                  credibility=3, note="check = the wire")
    db.close()
    return path


def _same_articles(source, target):
    """target gets source's articles (same uuids, as a merge brings them) and no tag."""
    src = open_library(source)
    bare = read_bundle(src)
    src.close()
    bare = Bundle(tuple(replace(a, tags=()) for a in bare.articles), (), "articles")
    db = open_library(target)
    apply_merge(db, plan_merge(db, bare), MergeChoices())
    db.close()
    return target


def _without_times(text):
    return re.sub(r'"(created|modified|created_at|updated_at)": "[^"]*"', r'"\1": "-"', text)


def test_w3c_export_import_export_is_identical_apart_from_timestamps(tmp_path):
    mine = _library(tmp_path / "mine.sqlite")
    other = _same_articles(mine, tmp_path / "other.sqlite")
    first, second = tmp_path / "first.jsonld", tmp_path / "second.jsonld"
    assert main(["export", "--db", str(mine), "--format", "w3c", "-o", str(first)]) == 0
    assert main(["import", "--db", str(other), str(first)]) == 0
    assert main(["export", "--db", str(other), "--format", "w3c", "-o", str(second)]) == 0
    one, two = first.read_text("utf-8"), second.read_text("utf-8")
    assert len(json.loads(one)["first"]["items"]) == 9
    assert _without_times(one) == _without_times(two)


@pytest.mark.parametrize("fmt,name", [("qdpx", "p.qdpx"), ("brat", "brat"), ("jsonl", "ml.jsonl"),
                                      ("w3c", "lines.jsonl")])
def test_each_format_brings_every_span_into_an_empty_library(tmp_path, fmt, name, capsys):
    mine = _library(tmp_path / "mine.sqlite")
    other = tmp_path / "other.sqlite"
    if fmt == "w3c":  # W3C does not carry the text: the articles must be there
        _same_articles(mine, other)
    out = tmp_path / name
    assert main(["export", "--db", str(mine), "--format", fmt, "-o", str(out)]) == 0
    assert main(["import", "--db", str(other), str(out)]) == 0
    assert "9 tags" in capsys.readouterr().out

    def spans(path):
        db = open_library(path)
        try:
            return {a.sha256: sorted((t.kind, t.start, t.end, t.quote) for t in a.tags)
                    for a in read_bundle(db).articles}
        finally:
            db.close()

    assert spans(other) == spans(mine)
    assert main(["import", "--db", str(other), str(out)]) == 0  # again: nothing new
    assert "0 tags" in capsys.readouterr().out


CLAIMS = ("SELECT n.quote, n.status, n.reliability, n.credibility, n.note, c.name, n.analyst"
          " FROM annotations n LEFT JOIN actors c ON c.id = n.claimant_id"
          " WHERE n.kind = 'claim' ORDER BY n.quote")


def test_claim_fields_and_links_survive_qdpx_and_w3c(tmp_path):
    mine = _library(tmp_path / "mine.sqlite")
    db = open_library(mine)
    expected = db.execute(CLAIMS).fetchall()
    db.close()
    assert [row[5] for row in expected] == ["Belarus", "Volodymyr Zelensky"]  # the claimants
    for fmt, name in (("qdpx", "p.qdpx"), ("w3c", "a.jsonld")):
        other = tmp_path / f"{fmt}.sqlite"
        if fmt == "w3c":
            _same_articles(mine, other)
        out = tmp_path / name
        assert main(["export", "--db", str(mine), "--format", fmt, "-o", str(out)]) == 0
        assert main(["import", "--db", str(other), str(out)]) == 0
        db = open_library(other)
        rows = db.execute(CLAIMS).fetchall()
        db.close()
        assert rows == expected, fmt


def test_a_broken_annotation_file_is_one_line_and_changes_nothing(tmp_path, capsys):
    mine = _library(tmp_path / "mine.sqlite")
    before = mine.read_bytes()
    bad = tmp_path / "colleague.qdpx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    assert main(["import", "--db", str(mine), str(bad)]) == 1
    err = capsys.readouterr().err
    assert "colleague.qdpx" in err and "Traceback" not in err
    assert mine.read_bytes() == before


PIECES = st.sampled_from(list("ab ,.\n") + ["𝕏", "🇺🇦", "e\u0301", "ш", "ש", "\r\n"])
WORDS = st.lists(PIECES, min_size=1, max_size=6).map("".join)


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(WORDS, min_size=3, max_size=12),
       fmt=st.sampled_from(["qdpx", "brat", "jsonl"]))
def test_any_text_round_trips_its_offsets(tmp_path_factory, words, fmt):
    folder = tmp_path_factory.mktemp("rt")
    text = "Start " + " ".join(words) + " end."
    db = open_library(folder / "mine.sqlite")
    art = get_article(db, add_article(db, ImportedArticle("T", text, "t.txt")).article_id)
    spans = []
    pos = 0
    for w in words:  # a code tag on each word that is not white space only
        start = text.index(w, pos)
        pos = start + len(w)
        if w.strip() and (start, start + len(w)) not in spans:
            spans.append((start, start + len(w)))
    for start, end in spans[:5]:
        db.execute('INSERT INTO annotations (uuid, article_id, kind, start, "end", quote,'
                   " created_at, updated_at, text_sha256) VALUES (lower(hex(randomblob(16))),"
                   " ?, 'date', ?, ?, ?, 'now', 'now', ?)",
                   [art.id, start, end, text[start:end], art.sha256])
    db.conn.commit()
    db.close()
    out = folder / ("x.qdpx" if fmt == "qdpx" else "brat" if fmt == "brat" else "x.jsonl")
    assert main(["export", "--db", str(folder / "mine.sqlite"), "--format", fmt, "-o",
                 str(out)]) == 0
    assert main(["import", "--db", str(folder / "other.sqlite"), str(out)]) == 0
    other = open_library(folder / "other.sqlite")
    (back,) = read_bundle(other).articles
    other.close()
    assert back.text == text
    assert sorted((t.start, t.end) for t in back.tags) == sorted(spans[:5])
    assert all(back.text[t.start:t.end] == t.quote for t in back.tags)


# -- the window: File > Import Articles… and a drop take annotation files too ----------


def test_the_window_imports_annotation_files_through_the_merge_review(qtbot, tmp_path,
                                                                     monkeypatch):
    from gui_helpers import open_window
    from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
    from PySide6.QtGui import QDropEvent
    from PySide6.QtWidgets import QFileDialog, QPlainTextEdit, QPushButton

    mine = _library(tmp_path / "mine.sqlite")
    qdpx, ml = tmp_path / "colleague.qdpx", tmp_path / "ml.jsonl"
    assert main(["export", "--db", str(mine), "--format", "qdpx", "-o", str(qdpx)]) == 0
    assert main(["export", "--db", str(mine), "--format", "jsonl", "--kind", "actor",
                 "-o", str(ml)]) == 0
    target = tmp_path / "target.sqlite"
    open_library(target).close()
    window = open_window(qtbot, target)
    db = window.controller.db
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(qdpx)], ""))
    window.actions_.import_files.trigger()
    qtbot.waitUntil(lambda: window.merges is not None and window.merges.dialog is not None)
    summary = window.merges.dialog.findChild(QPlainTextEdit, "mergeSummary").toPlainText()
    assert summary.startswith("Merging colleague.qdpx:") and "9 new tags" in summary
    window.merges.dialog.findChild(QPushButton, "mergeButton").click()
    qtbot.waitUntil(lambda: window.merges.dialog is None)
    tagged = db.execute("SELECT count(*) FROM annotations").fetchone()[0]
    assert tagged == 9
    assert "Merged colleague.qdpx" in window.statusBar().currentMessage()
    window.actions_.undo.trigger()  # one step: the whole import goes
    assert db.execute("SELECT count(*) FROM annotations").fetchone()[0] == 0
    window.actions_.redo.trigger()
    assert db.execute("SELECT count(*) FROM annotations").fetchone()[0] == 9
    # the tag table says who made each tag (its Kind cell's tooltip)
    from reader_app.gui.lists.annotation_model import KIND
    from reader_app.gui.panels.annotation_panel import AnnotationPanel

    window.controller.open_article(db.execute(
        "SELECT id FROM articles WHERE title = 'Kyiv report'").fetchone()[0])
    model = window.findChild(AnnotationPanel).model
    qtbot.waitUntil(lambda: model.rowCount() == 5)
    assert model.index(0, KIND).data(Qt.ItemDataRole.ToolTipRole).endswith(" by ana")
    # a drop of an annotation file and an article together: the article imports, the
    # annotation file is shown for review
    article = tmp_path / "new.txt"
    article.write_text("Lviv — The mayor of Lviv said on Tuesday that the bridge is open.\n",
                       "utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(ml)), QUrl.fromLocalFile(str(article))])
    drop = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.imports.import_finished, timeout=20000) as done:
        window.dropEvent(drop)
    assert len(done.args[0].created) == 1  # the article; not the annotation file
    qtbot.waitUntil(lambda: window.merges.dialog is not None)
    summary = window.merges.dialog.findChild(QPlainTextEdit, "mergeSummary").toPlainText()
    assert summary.startswith("Merging ml.jsonl:")
    window.merges.dialog.reject()
    qtbot.waitUntil(lambda: window.merges.dialog is None)
    assert db.execute("SELECT count(*) FROM annotations").fetchone()[0] == 9
