"""Text from articles and library files reaches Qt as plain text only (issue 7, "Trust").

Qt renders a string that looks like HTML as rich text in a QLabel, a tooltip or a
message box: a title `<img src="file:///dev/zero">` made the window read /dev/zero and
abort; naming a FIFO hung it at start. Every widget that shows a title, quote, note,
kind, actor name or file name must show the raw string.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from gui_helpers import open_window, tag_in_window
from PySide6.QtCore import QEvent, QUrl
from PySide6.QtGui import QColor, QHelpEvent, QImage, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtGui import Qt as QtGui_Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QTableView, QToolTip

from reader_app.domain.models import ImportedArticle, StyleSpan
from reader_app.gui.article.view import ArticleView
from reader_app.gui.panels.annotation_editor import NotePreview
from reader_app.gui.shared.plain_text import literal_html, message_box, tip
from reader_app.storage.articles import add_article
from reader_app.storage.database import open_library

PlainText = QtGui_Qt.TextFormat.PlainText
TITLE = '<img src="file:///nonexistent-probe.png"> <b>bold</b> &lt;i&gt;'
QUOTE = "<b>Calderan</b>"
NOTE = '<img src="file:///dev/zero"> and <i>italic</i>'
TEXT = (
    "A dateline first, so the title label is shown.\n"
    f"The minister {QUOTE} said the talks would resume &amp; that is all.\n"
)


def rendered(text: str, fmt=QtGui_Qt.TextFormat.AutoText) -> str:
    """What Qt shows for text in a widget of format fmt (AutoText: Qt guesses)."""
    rich = fmt == QtGui_Qt.TextFormat.RichText or (
        fmt == QtGui_Qt.TextFormat.AutoText and QtGui_Qt.mightBeRichText(text))
    if not rich:
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toRawText().replace("\u2029", "\n").replace("\u2028", "\n")


def label_shows(label: QLabel, raw: str) -> bool:
    return rendered(label.text(), label.textFormat()) == raw


def store(db_path, item: ImportedArticle) -> int:
    db = open_library(db_path)
    try:
        return add_article(db, item).article_id
    finally:
        db.close()


@pytest.fixture
def hostile(qtbot, db_path):
    """The real window on a library whose article title, quote, note and actor name hold
    markup, with an actor tag and a claim tag on the quote, and the tag's note set."""
    store(db_path, ImportedArticle(title=TITLE, text=TEXT, source="<u>file</u>.txt"))
    window = open_window(qtbot, db_path)
    qtbot.waitUntil(lambda: window.controller.current_article is not None, timeout=3000)
    actor_id = tag_in_window(window, "actor", QUOTE)
    claim_id = tag_in_window(window, "claim", "said the talks would resume")
    window.controller.edit_annotation(actor_id, note=NOTE)
    return window, actor_id, claim_id


def cell_tooltip(qtbot, table: QTableView, row: int, column: int) -> str:
    """The tooltip the table shows over a cell (through Qt's own ToolTip event)."""
    QToolTip.hideText()
    table.scrollTo(table.model().index(row, column))
    rect = table.visualRect(table.model().index(row, column))
    pos = rect.center()
    event = QHelpEvent(QEvent.Type.ToolTip, pos, table.viewport().mapToGlobal(pos))
    QApplication.sendEvent(table.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    return QToolTip.text()


def test_title_and_meta_labels_are_plain_text(hostile):
    window, _, _ = hostile
    header = window.header
    assert header.title_label.isVisible()
    assert header.title_label.textFormat() == PlainText
    assert header.title_label.text() == TITLE
    assert header.meta_label.textFormat() == PlainText
    assert "<u>file</u>.txt" in header.meta_label.text()


def test_every_label_in_the_window_shows_its_raw_text(hostile):
    window, actor_id, _ = hostile
    window.annotation_panel.select_annotation(actor_id)
    window.left_tabs.setCurrentWidget(window.actors_pane)
    window.actors_pane.refresh()
    assert window.actors_pane.model.rowCount() == 1
    window.actors_pane.table.selectRow(0)
    editor = window.annotation_panel.editor
    rich = {editor.kind_label, window.actors_pane.mentions_label}  # escape what they show
    labels = [lbl for lbl in window.findChildren(QLabel) if lbl.text() and lbl not in rich]
    assert any(TITLE in lbl.text() for lbl in labels)
    for label in labels:  # each shows exactly its text
        assert rendered(label.text(), label.textFormat()) == label.text(), label.objectName()
    assert rendered(editor.kind_label.text(), editor.kind_label.textFormat()) == "■ Actor"
    mentions = window.actors_pane.mentions_label
    assert rendered(mentions.text(), mentions.textFormat()).startswith(f"{QUOTE}:")


def test_kind_label_renders_an_escaped_kind(hostile):
    window, actor_id, _ = hostile
    editor = window.annotation_panel.editor
    window.annotation_panel.select_annotation(actor_id)
    assert rendered(editor.kind_label.text(), editor.kind_label.textFormat()) == "■ Actor"
    from dataclasses import replace

    editor._set_kind(replace(editor.shown, kind="<b>x</b>"))  # a library file's kind
    assert rendered(editor.kind_label.text(), editor.kind_label.textFormat()) == "■ <b>x</b>"


def test_table_tooltips_show_raw_text(qtbot, hostile):
    window, actor_id, _ = hostile
    library = window.findChild(QTableView, "libraryList")
    assert rendered(cell_tooltip(qtbot, library, 0, 0)) == TITLE
    panel = window.annotation_panel
    panel.select_annotation(actor_id)
    from reader_app.gui.lists.annotation_model import NOTE as NOTE_COLUMN
    from reader_app.gui.lists.annotation_model import QUOTE as QUOTE_COLUMN

    row = panel.model.row_of(actor_id) if hasattr(panel.model, "row_of") else 0
    assert rendered(cell_tooltip(qtbot, panel.table, row, QUOTE_COLUMN)) == QUOTE
    assert rendered(cell_tooltip(qtbot, panel.table, row, NOTE_COLUMN)) == NOTE
    window.left_tabs.setCurrentWidget(window.actors_pane)
    window.actors_pane.refresh()
    window.actors_pane.table.selectRow(0)
    mentions = window.actors_pane.mentions
    qtbot.waitUntil(lambda: mentions.model().rowCount() >= 1, timeout=2000)
    assert rendered(cell_tooltip(qtbot, mentions, 0, 0)) == TITLE
    assert rendered(cell_tooltip(qtbot, window.actors_pane.table, 0, 0)) == QUOTE
    window.left_tabs.setCurrentWidget(window.claims_view)
    window.claims_view.refresh()
    claims = window.claims_view.table
    qtbot.waitUntil(lambda: claims.model().rowCount() == 1, timeout=2000)
    assert TITLE in rendered(cell_tooltip(qtbot, claims, 0, 0))


def test_link_tooltip_in_the_article_is_plain(qtbot, db_path):
    href = 'https://example.org/?q=<img src="file:///dev/zero">'
    text = "Intro.\nA link here.\n"
    store(db_path, ImportedArticle(title="Links", text=text, source="l.html",
                                   content_type="html",
                                   styles=(StyleSpan(9, 13, "link", href),)))
    window = open_window(qtbot, db_path)
    qtbot.waitUntil(lambda: window.controller.current_article is not None, timeout=3000)
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(11)  # inside "link"
    fmt = QTextCharFormat(cursor.charFormat())
    assert fmt.isAnchor() and fmt.anchorHref() == href
    assert rendered(fmt.toolTip()) == href


def test_tip_and_literal_html_show_the_raw_string():
    for raw in ("<b>x</b>", "a &lt; b", "<img src='file:///dev/zero'>", "two\nlines <i>",
                "plain"):
        assert rendered(tip(raw)) == raw
        assert rendered(literal_html(raw)) == raw
    assert tip(None) is None and tip("") == ""


def test_message_boxes_are_plain_text(qtbot):
    box = message_box(None, QMessageBox.Icon.Critical, "Export failed", "<b>x</b>.csv",
                      "<img src='file:///dev/zero'>")
    qtbot.addWidget(box)
    assert box.textFormat() == PlainText
    for label in box.findChildren(QLabel):
        assert label.textFormat() == PlainText or not label.text()


# -- loadResource ---------------------------------------------------------------------------


@pytest.fixture
def probe_png(tmp_path) -> Path:
    path = tmp_path / "probe.png"
    image = QImage(50, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    assert image.save(str(path))
    return path


@pytest.mark.parametrize("widget", [NotePreview, ArticleView])
def test_load_resource_refuses_files_with_an_empty_resource(qtbot, widget, probe_png):
    view = widget()
    qtbot.addWidget(view)
    url = QUrl.fromLocalFile(str(probe_png))
    for kind in QTextDocument.ResourceType.ImageResource, QTextDocument.ResourceType.HtmlResource:
        result = view.loadResource(kind.value, url)
        assert result is not None  # None lets Qt load the file itself
        if kind == QTextDocument.ResourceType.ImageResource:
            assert isinstance(result, QImage) and result.width() <= 1
        else:
            assert len(result) == 0


def test_note_preview_never_loads_an_image_from_disk(qtbot, probe_png):
    preview = NotePreview()
    qtbot.addWidget(preview)
    preview.resize(300, 200)
    preview.show()
    for name in (str(probe_png), QUrl.fromLocalFile(str(probe_png)).toString()):
        preview.show_markdown(f"![x]({name})")
        preview.document().documentLayout().documentSize()
        preview.grab()
        loaded = preview.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(name))
        size = loaded.size().toTuple() if loaded is not None else (0, 0)
        assert size != (50, 40), f"{name} was read from disk"


# -- hostile titles that name a FIFO or /dev/zero -------------------------------------------

_CHILD = textwrap.dedent("""
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication
    from reader_app.app import create_window
    from reader_app.domain.models import ImportedArticle
    from reader_app.storage.articles import add_article
    from reader_app.storage.database import open_library
    db_path, target = sys.argv[1], sys.argv[2]
    hostile = f'<img src="file://{target}"> <img src="{target}">'
    db = open_library(db_path)
    add_article(db, ImportedArticle(title=hostile, text="Dateline.\\nBody text.\\n",
                                    source=hostile, content_type="html"))
    db.close()
    app = QApplication([])
    window = create_window(db_path)
    window.show()
    for _ in range(20):
        app.processEvents()
    window.grab()
    window.close()
    print("OK", flush=True)
""")


@pytest.mark.parametrize("target", ["fifo", "/dev/zero"])
def test_a_title_naming_a_fifo_or_dev_zero_opens(tmp_path, target):
    if target == "fifo":
        target = str(tmp_path / "pipe")
        os.mkfifo(target)
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "cfg"), XDG_DATA_HOME=str(tmp_path / "d"))
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(tmp_path / "lib.sqlite"), target],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    try:
        out, err = child.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        pytest.fail(f"the window hung on a title naming {target}")
    assert child.returncode == 0 and "OK" in out, err[-2000:]


# -- export: success and failure say what happened ------------------------------------------


def test_export_reports_success_in_the_status_bar(qtbot, hostile, tmp_path):
    from reader_app.services.exporting import ExportFilters

    window, _, _ = hostile
    path = tmp_path / "out.csv"
    with qtbot.waitSignal(window.exports.export_finished, timeout=10_000):
        window.exports.export_to(path, ExportFilters())
    assert window.statusBar().currentMessage() == f"Exported 2 tags to {path}"


def test_a_failed_export_names_the_file_the_reason_and_what_to_do(qtbot, hostile, tmp_path):
    from reader_app.services.exporting import ExportFilters

    window, _, _ = hostile
    path = tmp_path / "missing folder" / "<b>out<i>.csv"
    with qtbot.waitSignal(window.exports.export_finished, timeout=10_000) as done:
        window.exports.export_to(path, ExportFilters())
    assert done.args == [None]
    box = window.findChild(QMessageBox, "exportFailedBox")
    assert box is not None and box.isVisible()
    assert box.textFormat() == PlainText
    assert box.windowTitle() == "Export failed"
    assert "<b>out<i>.csv" in box.text()  # the file, literally
    assert "Reason:" in box.informativeText() and "export again" in box.informativeText()
    for label in box.findChildren(QLabel):
        assert label.textFormat() == PlainText or not label.text()
    assert not window.statusBar().currentMessage().startswith("Exported")
    box.close()
