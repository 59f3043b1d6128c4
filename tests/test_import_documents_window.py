"""A PDF and a DOCX imported through the real window's Import action: stored, listed,
and shown exactly as stored (the offsets rule), then tagged."""

from __future__ import annotations

import sqlite3

from docx_maker import docx_xml
from gui_helpers import tag_in_window
from pdf_maker import make_pdf
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

DOCX_BODY = (
    '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Bridge notice 🇺🇦</w:t></w:r></w:p>'
    "<w:p><w:r><w:t xml:space=\"preserve\">The </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>mayor</w:t></w:r>"
    '<w:r><w:t xml:space="preserve"> said the 𝕏 bridge reopens on Monday.</w:t></w:r></w:p>'
)


def test_import_a_pdf_and_a_docx_from_the_import_action(qtbot, window, tmp_path, db_path, monkeypatch):
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(make_pdf(["Winter report 🇺🇦\n\nThe Russia-Ukraine talks resumed, and the gov-\n"
                              "ernment said the corridor opens on Friday."], info={"Title": "Winter report"}))
    docx = tmp_path / "notice.docx"
    docx.write_bytes(docx_xml(DOCX_BODY))
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"%PDF-1.4\n%%EOF\n")
    chosen = [str(pdf), str(docx), str(bad)]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: (chosen, "")))
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda *a, **k: None))
    with qtbot.waitSignal(window.imports.import_finished, timeout=20_000) as finished:
        window.findChild(QAction, "importAction").trigger()  # File > Import Articles…
    report = finished.args[0]
    assert len(report.created) == 2 and len(report.refused) == 1 and "scan.pdf" in report.refused[0]
    box = window.findChild(QMessageBox, "importReport")
    assert box is not None and "scan.pdf" in box.detailedText()
    box.close()
    for created in report.created:
        window.controller.open_article(created.article_id)
        qtbot.waitUntil(lambda: window.controller.spans_complete)
        article = window.controller.current_article
        assert window.view.warning is None  # shown exactly as stored
        assert window.view.document().toRawText().replace("\u2029", "\n") == article.text
    pdf_id, docx_id = (r.article_id for r in report.created)
    window.controller.open_article(pdf_id)
    qtbot.waitUntil(lambda: window.controller.spans_complete)
    start = window.controller.current_article.text.index("government")
    tag_in_window(window, "actor", "government")
    conn = sqlite3.connect(db_path)
    try:
        rows = conn.execute(
            'SELECT n.article_id, n.start, n."end", n.quote, substr(a.text, n.start + 1, n."end" - n.start)'
            " FROM annotations n JOIN articles a ON a.id = n.article_id").fetchall()
        titles = dict(conn.execute("SELECT id, title FROM articles").fetchall())
    finally:
        conn.close()
    assert (pdf_id, start, start + 10, "government", "government") in rows
    assert titles[pdf_id] == "Winter report" and titles[docx_id] == "Bridge notice 🇺🇦"
