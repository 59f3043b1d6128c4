"""Open Recent on a library file that no longer exists: the window says so, naming the
path, and offers to forget it; it never creates a new library there."""

from __future__ import annotations

from gui_helpers import open_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton

from reader_app.app import ensure_application
from reader_app.gui.window.main_window import MainWindow
from reader_app.gui.window.recent import add_recent_library, recent_libraries


def recent_action(window, path):
    actions = [a for a in window.actions_.recent_menu.actions() if a.text() == str(path)]
    return actions[0] if actions else None


def box_text(box: QMessageBox) -> str:
    return "\n".join(label.text() for label in box.findChildren(QLabel))


def test_a_missing_recent_library_is_named_never_created_and_can_be_forgotten(
        qtbot, db_path, tmp_path):
    gone = tmp_path / "moved away" / "<b>Архів</b> 😀.sqlite"
    ensure_application()  # the application's settings, as the window reads them
    add_recent_library(gone)
    window = open_window(qtbot, db_path)
    action = recent_action(window, gone)
    assert action is not None
    action.trigger()
    box = window.missing_library_box
    assert box.isVisible() and box.objectName() == "missingLibraryBox"
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert f"The library {gone} no longer exists." in box_text(box)  # markup shown as typed
    assert not gone.exists() and not gone.parent.exists()  # nothing was created
    assert window.isVisible()  # still on the library it had open

    # Keep: it stays in the list, and asking again asks again
    box.findChildren(QPushButton)[[b.text() for b in box.findChildren(QPushButton)].index(
        "Keep in List")].click()
    assert str(gone) in recent_libraries()
    assert not gone.exists()

    recent_action(window, gone).trigger()
    box = window.missing_library_box
    qtbot.mouseClick(box.findChild(QPushButton, "removeRecentButton"), Qt.MouseButton.LeftButton)
    assert str(gone) not in recent_libraries()
    assert recent_action(window, gone) is None
    assert not gone.exists() and not gone.parent.exists()
    assert str(db_path) in recent_libraries()  # the open one is untouched


def test_a_recent_library_that_exists_still_opens(qtbot, db_path, tmp_path):
    other = tmp_path / "other.sqlite"
    first = open_window(qtbot, other)  # makes it, with the sample article
    first.close()
    window = open_window(qtbot, db_path)
    recent_action(window, other).trigger()
    opened = [w for w in QApplication.topLevelWidgets()
              if isinstance(w, MainWindow) and w.isVisible() and w.db_path == other]
    assert len(opened) == 1
    qtbot.addWidget(opened[0])
    assert not window.isVisible()  # the window moved to the other library
    assert recent_libraries()[0] == str(other)
