"""In the window: "Marta Wilk" tagged after "Wilk said" is the same actor, now named
"Marta Wilk", and her claim's row says so; Ctrl+Z puts "Wilk" back in one step."""

from __future__ import annotations

import sqlite3

import pytest
from gui_helpers import select
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from reader_app.domain.models import ImportedArticle
from reader_app.storage.articles import add_article
from reader_app.storage.database import open_library

STORY = ("date 2024-05-08\nGDANSK - Wilk said, “The cranes are working again.” Marta Wilk,"
         " the harbour master, thanked the crews.\n")


def actors(db_path) -> list[tuple]:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("SELECT a.name, a.type, group_concat(l.alias) FROM actors a LEFT"
                            " JOIN actor_aliases l ON l.actor_id = a.id GROUP BY a.id"
                            " ORDER BY a.id").fetchall()
    finally:
        conn.close()


def claim_id(db_path) -> int:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("SELECT id FROM annotations WHERE kind = 'claim'").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def story(qtbot, window):
    db = open_library(window.db_path)
    try:
        article_id = add_article(db, ImportedArticle("Gdansk", STORY, "g.txt", "2024-05-08")).article_id
    finally:
        db.close()
    window.controller.add_imported([article_id])
    window.controller.open_article(article_id)
    qtbot.waitUntil(lambda: window.controller.spans_complete)
    return window


def tag_text(qtbot, window, kind: str, quote: str) -> None:
    i = STORY.index(quote)
    select(window, i, i + len(quote))
    window.activateWindow()
    window.view.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(window.view.hasFocus, timeout=2000)
    qtbot.keyClick(window.view, kind[0])


def test_the_full_name_renames_the_surname_actor_and_undo_puts_it_back(qtbot, story):
    window = story
    tag_text(qtbot, window, "actor", "Wilk")
    tag_text(qtbot, window, "claim", "The cranes are working again")
    assert actors(window.db_path) == [("Wilk", "person", None)]
    tag_text(qtbot, window, "actor", "Marta Wilk")
    assert actors(window.db_path) == [("Marta Wilk", "person", "Wilk")]
    assert "the surname Wilk tagged before in this article" in window.statusBar().currentMessage()
    window.annotation_panel.select_annotation(claim_id(window.db_path))
    combo = window.findChild(QComboBox, "claimantCombo")
    qtbot.waitUntil(lambda: combo.isVisible() and combo.currentText() == "Marta Wilk")
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert actors(window.db_path) == [("Wilk", "person", None)]
    window.annotation_panel.select_annotation(claim_id(window.db_path))
    qtbot.waitUntil(lambda: combo.isVisible() and combo.currentText() == "Wilk")
