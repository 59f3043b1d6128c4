"""The automatic backup's "Backed up" note, a few seconds after a library opens, goes
only into an empty status bar: it replaced what the analyst's first tag had just said
("No claimant proposed …"), which was then lost."""

from __future__ import annotations

from gui_helpers import LAVROV_STORY, open_window, select_quote

from reader_app.domain.models import ImportedArticle
from reader_app.gui.jobs.auto_backup import BACKED_UP
from reader_app.storage.articles import add_article


def _window(qtbot, db, db_path):
    add_article(db, ImportedArticle("Drills", LAVROV_STORY, "drills.txt", "2022-02-09", "en"))
    return open_window(qtbot, db_path)


def test_a_backup_keeps_the_tags_explanation(qtbot, db, db_path, tmp_path):
    win = _window(qtbot, db, db_path)
    select_quote(win, "Thursday")
    win.tag_selection("date")
    said = win.statusBar().currentMessage()
    assert "Thursday" in said
    win.auto_backup.finished.emit(tmp_path / "copy.sqlite")
    assert win.statusBar().currentMessage() == said


def test_a_backup_is_said_in_an_empty_status_bar(qtbot, db, db_path, tmp_path):
    win = _window(qtbot, db, db_path)
    win.statusBar().clearMessage()
    win.auto_backup.finished.emit(tmp_path / "copy.sqlite")
    assert win.statusBar().currentMessage() == BACKED_UP


def test_a_failed_backup_is_said_whatever_is_shown(qtbot, db, db_path):
    win = _window(qtbot, db, db_path)
    win.statusBar().showMessage("Tagged.")
    win.auto_backup.failed.emit("disk full")
    assert "disk full" in win.statusBar().currentMessage()
