"""Each paragraph runs in its own direction (issue 14): an Arabic or Hebrew line never turns
the English paragraphs around it right to left. Through the real window, with tags made
on both sides of the right-to-left line landing on the right code points."""

from __future__ import annotations

from gui_helpers import open_window, select_quote
from PySide6.QtCore import Qt

from reader_app.domain.models import ImportedArticle
from reader_app.gui.article.document import first_strong_direction
from reader_app.storage.annotations import list_annotations
from reader_app.storage.articles import add_article
from reader_app.storage.database import open_library

LTR, RTL = Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft
# an emoji before the Arabic line: one code point, two UTF-16 units (offsets must map)
TEXT = (
    "🙂 وزير الخارجية يزور عمان اليوم\n"
    "The foreign minister arrived in Amman on Monday, the ministry said.\n"
    "«שלום» was the first word of the Hebrew reply from Jerusalem.\n"
    "2024 — 17:30\n"
    "The talks ended late, an aide said, and Tuesday was kept free.\n"
)


def _library(db_path):
    db = open_library(db_path)
    try:
        return add_article(db, ImportedArticle("Amman talks", TEXT, "amman.txt")).article_id
    finally:
        db.close()


def test_first_strong_character_decides():
    assert first_strong_direction("(123) said") == LTR
    assert first_strong_direction("«שלום» was") == RTL
    assert first_strong_direction("— 2024 —") is None


def test_each_block_keeps_its_own_direction_in_the_window(qtbot, db_path):
    article_id = _library(db_path)
    window = open_window(qtbot, db_path)
    window.controller.open_article(article_id)
    qtbot.waitUntil(lambda: window.view.article is not None and window.view.article.id == article_id)
    doc = window.view.document()
    block, found = doc.begin(), []
    while block.isValid() and block.text():
        found.append(block.textDirection())
        block = block.next()
    # the neutral "2024 — 17:30" line follows the Hebrew-led line before it
    assert found == [RTL, LTR, RTL, RTL, LTR]
    # the English paragraph right after the Arabic line is laid out from the left edge
    english = doc.findBlockByNumber(1)
    arabic = doc.findBlockByNumber(0)
    assert english.layout().lineAt(0).naturalTextRect().left() < 1
    assert arabic.layout().lineAt(0).naturalTextRect().left() > 1  # pushed to the right


def test_tags_around_the_rtl_line_keep_their_offsets(qtbot, db_path):
    article_id = _library(db_path)
    window = open_window(qtbot, db_path)
    window.controller.open_article(article_id)
    qtbot.waitUntil(lambda: window.view.article is not None and window.view.article.id == article_id)
    for kind, quote in (("actor", "عمان"), ("date", "Monday"), ("actor", "Jerusalem"),
                        ("date", "Tuesday")):
        select_quote(window, quote)
        window.tag_selection(kind)
    db = open_library(db_path)
    try:
        tags = list_annotations(db, article_id)
    finally:
        db.close()
    assert sorted(t.quote for t in tags) == sorted(["عمان", "Monday", "Jerusalem", "Tuesday"])
    for t in tags:
        assert TEXT[t.start:t.end] == t.quote
