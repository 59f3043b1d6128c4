"""The last open article is remembered per library (issue 14): ids repeat across
libraries, so library B must never open "article 2" because it was last open in A."""

from __future__ import annotations

from gui_helpers import open_window
from PySide6.QtCore import QSettings

from reader_app.domain.models import ImportedArticle
from reader_app.storage.articles import add_article
from reader_app.storage.database import open_library


def _library(path, prefix):
    db = open_library(path)
    try:
        return [add_article(db, ImportedArticle(f"{prefix} {n}", f"{prefix} story number {n}.\n",
                                                f"{prefix}{n}.txt")).article_id for n in range(3)]
    finally:
        db.close()


def _open(qtbot, path):
    window = open_window(qtbot, path)
    qtbot.waitUntil(lambda: window.controller.current_article is not None)
    return window


def _close(window):
    window.close()


def test_each_library_opens_its_own_last_article(qtbot, tmp_path):
    a_path, b_path = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    a_ids, b_ids = _library(a_path, "Alpha"), _library(b_path, "Bravo")
    assert a_ids == b_ids  # the same ids in both: the case that went wrong

    window = _open(qtbot, b_path)
    b_first = window.controller.current_article.id  # what B opens with nothing remembered
    _close(window)
    QSettings().clear()

    window = _open(qtbot, a_path)
    a_pick = next(i for i in a_ids if i != b_first)
    window.controller.open_article(a_pick)
    _close(window)

    window = _open(qtbot, b_path)
    assert window.controller.current_article.id == b_first  # not A's last
    b_pick = next(i for i in b_ids if i not in (b_first, a_pick))
    window.controller.open_article(b_pick)
    assert window.controller.current_article.title.startswith("Bravo")
    _close(window)

    window = _open(qtbot, a_path)
    assert window.controller.current_article.id == a_pick
    assert window.controller.current_article.title.startswith("Alpha")
    _close(window)
    window = _open(qtbot, b_path)
    assert window.controller.current_article.id == b_pick
    _close(window)


def test_a_damaged_setting_opens_the_first_article(qtbot, db_path):
    _library(db_path, "Alpha")
    QSettings().setValue("lastArticleByLibrary", "{not json")
    window = _open(qtbot, db_path)
    assert window.controller.current_article.title.startswith("Alpha")
