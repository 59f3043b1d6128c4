"""The report through Qt: the PDF (QTextDocument + QPdfWriter), a document that loads
nothing but its data: pictures, `reader-app report`, and File > Export Report…."""

from __future__ import annotations

import base64
import io

import pytest
from pypdf import PdfReader
from report_library import EVIL_ACTOR, HOSTILE, build_library

from reader_app import cli, entry
from reader_app.formats.report_html import report_html
from reader_app.services.report import report_data
from reader_app.storage.database import open_library


@pytest.fixture
def lib_path(tmp_path):
    path = tmp_path / "lib.sqlite"
    db = open_library(path)
    build_library(db, tmp_path)
    db.close()
    return path


def pdf_text(path) -> tuple[int, str]:
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), " ".join(p.extract_text() for p in reader.pages)


def test_pdf_has_pages_and_the_data_as_text(qapp, lib_path, tmp_path):
    from reader_app.gui.window.report_render import write_pdf

    db = open_library(lib_path)
    page = report_html(report_data(db), {})
    db.close()
    out = tmp_path / "r.pdf"
    pages = write_pdf(page, out)
    count, text = pdf_text(out)
    assert count == pages >= 1
    words = " ".join(text.split())
    assert "Mara Olsen" in words and "Chronology" in words and "2023-W11" in words
    assert "onmouseover" in words  # the hostile name printed as text
    assert out.read_bytes().count(b"/URI") == 0  # no link out of the PDF
    more = tmp_path / "more.pdf"  # many claims: more pages
    db = open_library(lib_path)
    data = report_data(db)
    db.close()
    big = data.__class__(data.scope, data.generated, data.actors * 10, data.chronology * 10,
                         0, data.articles)
    assert write_pdf(report_html(big, {}), more) > pages
    assert pdf_text(more)[0] > count


def test_the_document_refuses_anything_but_data_pictures(qapp):
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QColor, QImage, QTextDocument

    from reader_app.gui.window.report_render import ReportDocument, png_bytes

    image = QImage(4, 3, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    doc = ReportDocument()
    kind = QTextDocument.ResourceType.ImageResource.value


    url = "data:image/png;base64," + base64.b64encode(png_bytes(image)).decode()
    got = doc.loadResource(kind, QUrl(url))
    assert isinstance(got, QImage) and got.width() == 4
    for bad in ("file:///etc/passwd", "https://example.org/x.png", "qrc:/x.png", "x.png",
                "data:text/html;base64,PHNjcmlwdD4="):
        refused = doc.loadResource(kind, QUrl(bad))
        assert refused is not None and refused.isNull(), bad
    # a document with such an img: laid out without reading it
    doc.setHtml('<p>a<img src="file:///dev/zero">b</p>')
    assert doc.toPlainText().startswith("a")


def test_cli_writes_html_and_pdf(qapp, lib_path, tmp_path, capsys):
    out = tmp_path / "r.html"
    assert entry.main(["report", "--db", str(lib_path), "--output", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "Mara Olsen" in page and "Wrote the report" in capsys.readouterr().err
    for bad in HOSTILE:
        assert bad not in page
    pdf = tmp_path / "r.pdf"
    assert entry.main(["report", "--db", str(lib_path), "--status", "disputed",
                       "--output", str(pdf)]) == 0  # .pdf: the format follows the name
    count, text = pdf_text(pdf)
    words = " ".join(text.split())
    assert count >= 1 and "disputed" in words and "corroborated" not in words
    assert pdf.read_bytes().count(b"/Subtype /Image") >= 2  # the timeline and the network
    forced = tmp_path / "forced.out"
    assert entry.main(["report", "--db", str(lib_path), "--claimant", EVIL_ACTOR,
                       "--format", "pdf", "--output", str(forced)]) == 0
    assert forced.read_bytes().startswith(b"%PDF")


def test_cli_without_the_app_and_bad_arguments(lib_path, tmp_path, capsys):
    out = tmp_path / "r.html"
    assert cli.main(["report", "--db", str(lib_path), "--output", str(out)]) == 2
    assert "needs the app's entry point" in capsys.readouterr().err and not out.exists()
    assert entry.main(["report", "--db", str(lib_path), "--output", str(lib_path)]) == 2
    assert "is the library itself" in capsys.readouterr().err
    assert entry.main(["report", "--db", str(tmp_path / "none.sqlite"), "-o", str(out)]) == 1
    assert "no library" in capsys.readouterr().err
    assert entry.main(["report", "--db", str(lib_path)]) == 2  # --output is required
    assert entry.main(["report", "--db", str(lib_path), "--format", "doc", "-o", str(out)]) == 2


def test_pictures_come_from_the_views_when_they_exist(qapp, lib_path, tmp_path):
    from reader_app.gui.window.report_render import _picture_functions, render_pictures

    db = open_library(lib_path)
    try:
        pictures = render_pictures(db, None)
    finally:
        db.close()
    from PySide6.QtGui import QImage

    from reader_app.gui.window.report_render import PICTURE_SIZE

    assert set(pictures) == {"timeline", "network"} == set(_picture_functions())
    for png in pictures.values():
        image = QImage.fromData(png, "PNG")
        assert (image.width(), image.height()) == PICTURE_SIZE
    out = tmp_path / "r.html"
    assert entry.main(["report", "--db", str(lib_path), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.count('src="data:image/png;base64,') == len(pictures)


def test_file_export_report_writes_the_selected_articles(qtbot, lib_path, tmp_path,
                                                         monkeypatch):
    from gui_helpers import open_window
    from PySide6.QtCore import QItemSelectionModel
    from PySide6.QtWidgets import QDialog, QFileDialog

    from reader_app.gui.window.report_flow import ReportDialog

    window = open_window(qtbot, lib_path)
    action = window.findChild(type(window.actions_.quit), "exportReportAction")
    file_menu = window.menuBar().actions()[0].menu()
    assert action in file_menu.actions()
    out = tmp_path / "chosen.html"
    seen = {}

    def run(dialog):
        seen["search"] = dialog.search_only.isEnabled()
        dialog.whole_library.setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ReportDialog, "exec", run)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    action.trigger()
    qtbot.waitUntil(lambda: out.exists() and window.reports is not None
                    and not window.reports.running, timeout=10000)
    page = out.read_text(encoding="utf-8")
    assert "Mara Olsen" in page and "Ferry talks stall" in page and not seen["search"]
    assert f"Exported the report to {out}" in window.statusBar().currentMessage()

    pdf = tmp_path / "ferry.pdf"
    pane = window.library_pane
    ferry = next(r for r in range(pane.model.rowCount()) if pane.model.article_id(r) == 2)
    flags = QItemSelectionModel.SelectionFlag
    pane.table.selectionModel().select(pane.model.index(ferry, 0),
                                       flags.ClearAndSelect | flags.Rows)
    assert pane.selected_article_ids() == [2]

    def only_ferry(dialog):
        assert dialog.selected_only.isEnabled() and dialog.selected_only.text() == \
            "The selected article"
        dialog.selected_only.setChecked(True)
        dialog.as_pdf.setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ReportDialog, "exec", only_ferry)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf), ""))
    with qtbot.waitSignal(window.reports.report_finished, timeout=10000) as done:
        action.trigger()
    assert done.args == [pdf]
    words = " ".join(pdf_text(pdf)[1].split())
    assert "will not sail" in words and "will hold" not in words


def test_file_export_report_on_the_current_search(qtbot, lib_path, tmp_path, monkeypatch):
    from gui_helpers import open_window
    from PySide6.QtWidgets import QDialog, QFileDialog

    from reader_app.gui.window.report_flow import ReportDialog

    window = open_window(qtbot, lib_path)
    window.library_pane.search.field.setText("ferries")
    out = tmp_path / "search.html"

    def run(dialog):
        assert dialog.search_only.isEnabled()
        dialog.search_only.setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ReportDialog, "exec", run)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.export_report()  # builds the flow; the job reports through the event loop
    with qtbot.waitSignal(window.reports.report_finished, timeout=10000) as done:
        pass
    assert done.args == [out]
    page = out.read_text(encoding="utf-8")
    assert "search “ferries”: 1 article" in page and "will not sail" in page
    assert "will hold" not in page and 'src="data:image/png;base64,' in page
