"""The tag editor shows a date's whole explanation in a 1024 x 700 window: the
word-wrapped label was squeezed to two lines of its three or four, the rest cut off."""

from __future__ import annotations

from gui_helpers import LAVROV_STORY, open_window, select_quote
from PySide6.QtWidgets import QLabel

from reader_app.domain.models import ImportedArticle
from reader_app.storage.articles import add_article


def test_the_date_explanation_is_as_tall_as_its_lines(qtbot, db, db_path):
    add_article(db, ImportedArticle("Drills", LAVROV_STORY, "drills.txt", "2022-02-09", "en"))
    win = open_window(qtbot, db_path)
    win.resize(1024, 700)
    qtbot.waitUntil(lambda: win.width() == 1024)
    select_quote(win, "the drills would end on Thursday")
    win.tag_selection("claim")
    select_quote(win, "Thursday")
    win.tag_selection("date")
    label = win.findChild(QLabel, "dateResolution")
    qtbot.waitUntil(lambda: label.isVisible() and "Thursday" in label.text())
    needed = label.heightForWidth(label.width())
    assert needed > 2 * label.fontMetrics().lineSpacing()  # the case: three lines or more
    qtbot.waitUntil(lambda: label.height() >= needed)
