"""What the codebook window tests share: a story with places and aircraft, rows read
back on a fresh connection, a code added through the dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reader_app.domain.models import ImportedArticle
from reader_app.storage.articles import add_article
from reader_app.storage.database import open_library

TEXT = ("date 2031-04-02\nThe ferry reached Tromsø harbour at dawn, and a Hawk drone 🛩 "
        "circled the old lighthouse twice before the fog came in.\n")


def open_story(window, db_path):
    db = open_library(db_path)
    try:
        article_id = add_article(db, ImportedArticle("Ferry", TEXT, "ferry.txt")).article_id
    finally:
        db.close()
    window.controller.add_imported([article_id])
    window.controller.open_article(article_id)
    return article_id


def rows(db_path, sql):
    db = open_library(db_path)
    try:
        return [tuple(r) for r in db.execute(sql).fetchall()]
    finally:
        db.close()


def add_code(qtbot, dialog, name):
    dialog.new_name.setText(name)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
