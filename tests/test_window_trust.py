"""The window on a library it must not trust blindly or cannot change: foreign schema asks
first, a read-only library says so and still exports, backups from the menu, and tags
made while the window's own import runs all reach the disk."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest
from gui_helpers import open_window, select_quote, tag_in_window
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from reader_app.app import create_window
from reader_app.gui.jobs.library_flow import OpenDeclined
from reader_app.storage.database import open_library


def _answer_box(qtbot, button_text: str | None, seen: list[str]) -> None:
    """When the next message box shows, record its text and press a button."""
    def answer():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        assert box.textFormat() == Qt.TextFormat.PlainText
        for button in box.buttons():
            if button_text is None and box.buttonRole(button) == QMessageBox.ButtonRole.RejectRole:
                button.click()
                return
            if button_text is not None and button.text() == button_text:
                button.click()
                return
        raise AssertionError(f"no button {button_text!r}")

    QTimer.singleShot(20, answer)


def _plant_trigger(db_path) -> None:
    open_library(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TRIGGER \"<b>steal</b>\" AFTER INSERT ON annotations BEGIN "
                 "DELETE FROM annotations WHERE id = new.id; END")
    conn.commit()
    conn.close()


def test_foreign_trigger_declined_leaves_the_library_unopened(qtbot, db_path):
    _plant_trigger(db_path)
    seen: list[str] = []
    _answer_box(qtbot, None, seen)
    with pytest.raises(OpenDeclined):
        create_window(db_path)
    assert "<b>steal</b>" not in seen[0] and "trigger(s)" in seen[0] and "index(es)" in seen[0]
    conn = sqlite3.connect(db_path)
    assert conn.execute("select count(*) from sqlite_master where name='<b>steal</b>'").fetchone()
    conn.close()


def test_foreign_trigger_removed_on_consent_then_tags_are_kept(qtbot, db_path):
    _plant_trigger(db_path)
    seen: list[str] = []
    _answer_box(qtbot, "Remove and Open", seen)
    window = create_window(db_path)
    qtbot.addWidget(window)
    window.show()
    assert seen
    text = window.controller.current_article.text
    word = next(w for w in text.split() if w.isalpha() and len(w) > 4)
    tag_in_window(window, "actor", word)
    conn = sqlite3.connect(db_path)
    assert conn.execute("select count(*) from annotations").fetchone()[0] == 1
    conn.close()


def test_read_only_library_shows_a_banner_disables_tagging_and_exports(qtbot, db_path, tmp_path,
                                                                     monkeypatch):
    open_window(qtbot, db_path).close()  # a library with the sample article
    import reader_app.gui.controller as controller_module
    from reader_app.gui.window.main_window import MainWindow
    from reader_app.services.exporting import ExportFilters

    monkeypatch.setattr(controller_module, "open_library",
                        lambda path: open_library(path, read_only=True))
    window = MainWindow(db_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    banner = window.findChild(QLabel, "readOnlyBanner")
    assert banner.isVisible() and "This library is read-only" in banner.text()
    assert banner.textFormat() == Qt.TextFormat.PlainText
    window.grab().save(str(tmp_path / "read_only.png"))
    select_quote(window, window.controller.current_article.text.split()[1])
    assert not any(a.isEnabled() for a in window.actions_.tag.values())
    assert not window.actions_.import_files.isEnabled()
    out = tmp_path / "tags.csv"
    with qtbot.waitSignal(window.exports.export_finished, timeout=10_000) as blocker:
        window.exports.export_to(out, ExportFilters(table="annotations"))
    assert blocker.args[0] is not None and out.exists()


def test_back_up_from_the_window_while_it_works(qtbot, window, tmp_path):
    text = window.controller.current_article.text
    word = next(w for w in text.split() if w.isalpha() and len(w) > 4)
    tag_in_window(window, "actor", word)
    out = tmp_path / "copy.sqlite"
    assert window.actions_.backup.text() == "&Back Up Library…"
    with qtbot.waitSignal(window.backups.backup_finished, timeout=10_000) as blocker:
        window.backups.back_up_to(out)
    assert blocker.args[0] == out
    assert "Backed up the library to" in window.statusBar().currentMessage()
    copy = sqlite3.connect(out)
    assert copy.execute("select count(*) from annotations").fetchone()[0] == 1
    copy.close()


def _counts_elsewhere(db_path) -> tuple[int, int]:
    """Tags and articles as another program (the sqlite3 shell, an export) sees them."""
    code = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]);"
            "print(c.execute('select count(*) from annotations').fetchone()[0],"
            " c.execute('select count(*) from articles').fetchone()[0]); c.close()")
    out = subprocess.run([sys.executable, "-c", code, str(db_path)], capture_output=True,
                         text=True, check=True).stdout.split()
    return int(out[0]), int(out[1])


def test_tags_made_during_the_windows_own_import_reach_the_disk(qtbot, window, tmp_path,
                                                                 db_path):
    """The issue's steps: tag, import from the window, another program reads the library,
    tag again. Every tag the window shows must be what the other program sees."""
    folder = tmp_path / "incoming"
    folder.mkdir()
    for i in range(300):
        (folder / f"a{i}.txt").write_text(
            f"date 2024-05-{i % 28 + 1:02d}\nReport {i}\nThe council in Tallinn met on Monday "
            f"({i}) and said talks would continue.\n", encoding="utf-8")
    text = window.controller.current_article.text
    words = [w for w in dict.fromkeys(text.split()) if w.isalpha() and len(w) > 3][:6]
    for word in words[:3]:
        tag_in_window(window, "claim", word)
    window.import_files([str(folder)])
    assert _counts_elsewhere(db_path)[0] == 3  # read while the import runs
    for word in words[3:]:
        tag_in_window(window, "claim", word)
    qtbot.waitUntil(lambda: not window.imports.running, timeout=60_000)
    assert len(window.controller.annotations()) == 6
    assert _counts_elsewhere(db_path) == (6, 301)
    tag_in_window(window, "actor", words[0])
    assert _counts_elsewhere(db_path)[0] == 7


def test_export_onto_the_library_itself_is_refused_and_the_library_kept(qtbot, window, db_path):
    from reader_app.services.exporting import ExportFilters

    before = sqlite3.connect(db_path).execute("select count(*) from articles").fetchone()[0]
    with qtbot.waitSignal(window.exports.export_finished, timeout=10_000) as blocker:
        window.exports.export_to(db_path, ExportFilters())
    assert blocker.args[0] is None
    box = window.findChild(QMessageBox, "exportFailedBox")
    assert box is not None and "is the library itself" in box.informativeText()
    box.close()
    conn = sqlite3.connect(db_path)
    assert conn.execute("select count(*) from articles").fetchone()[0] == before
    conn.close()
