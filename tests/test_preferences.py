"""Edit > Preferences… through its widgets: stored in QSettings, applied at once on OK,
nothing on Cancel; the export folder is where every export dialog starts; automatic
backups follow the setting."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from gui_helpers import open_window, tag_in_window
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFontComboBox,
    QLineEdit,
    QSpinBox,
)

from reader_app.gui.jobs.export_flow import ExportDialog
from reader_app.gui.jobs.interchange_flow import InterchangeDialog
from reader_app.gui.shared.colours import DARK
from reader_app.gui.shared.theme import apply_theme
from reader_app.gui.window.report_flow import ReportDialog


@pytest.fixture(autouse=True)
def _system_theme_after():
    yield
    apply_theme("system")


def open_dialog(qtbot, window) -> QDialog:
    """Ctrl+, as the analyst presses it."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.view, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: getattr(window, "preferences_dialog", None) is not None
                    and window.preferences_dialog.isVisible())
    return window.preferences_dialog


def press(qtbot, dialog: QDialog, button: QDialogButtonBox.StandardButton) -> None:
    box = dialog.findChild(QDialogButtonBox, "prefButtons")
    qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)


def stored_analysts(db_path) -> list[str]:
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as con:
        return [r[0] for r in con.execute("SELECT analyst FROM annotations ORDER BY id")]


def test_ok_stores_and_applies_everything(qtbot, window, db_path, tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    dialog = open_dialog(qtbot, window)
    assert dialog.objectName() == "preferencesDialog"
    assert window.findChild(QAction, "preferencesAction").text() == "&Preferences…"
    dialog.findChild(QLineEdit, "prefAnalystName").setText("Ana Petrenko")
    dialog.findChild(QFontComboBox, "prefFontFamily").setCurrentText("DejaVu Sans")
    dialog.findChild(QDoubleSpinBox, "prefFontSize").setValue(15.5)
    theme = dialog.findChild(QComboBox, "prefTheme")
    theme.setCurrentIndex(theme.findData("dark"))
    dialog.findChild(QLineEdit, "prefExportFolder").setText(str(folder))
    dialog.findChild(QCheckBox, "prefAutoBackup").setChecked(False)
    keep = dialog.findChild(QSpinBox, "prefBackupKeep")
    assert not keep.isEnabled()  # nothing to keep while backups are off
    dialog.findChild(QCheckBox, "prefAutoBackup").setChecked(True)
    keep.setValue(3)
    press(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    settings = QSettings()
    assert settings.value("analyst/name") == "Ana Petrenko"
    assert settings.value("reading/fontFamily") == "DejaVu Sans"
    assert float(settings.value("reading/fontSize")) == 15.5
    assert settings.value("appearance/theme") == "dark"
    assert settings.value("export/folder") == str(folder)
    assert settings.value("backup/keep") in (3, "3")
    # applied at once: the reading font, the theme, the View menu, new tags' analyst
    assert window.view.fontInfo().family() == "DejaVu Sans"
    assert window.view.font().pointSizeF() == 15.5
    qtbot.waitUntil(lambda: window.view.palette().color(QPalette.ColorRole.Base)
                    == QColor(*DARK.base))
    assert window.findChild(QAction, "viewThemeDark").isChecked()
    tag_in_window(window, "actor", "Calderan")
    assert stored_analysts(db_path)[-1] == "Ana Petrenko"
    # File > Analyst Name… still shows the same name
    assert window.controller.analyst == "Ana Petrenko"

    again = open_dialog(qtbot, window)  # the dialog opens on what was saved
    assert again.findChild(QLineEdit, "prefAnalystName").text() == "Ana Petrenko"
    assert again.findChild(QDoubleSpinBox, "prefFontSize").value() == 15.5
    assert again.findChild(QComboBox, "prefTheme").currentData() == "dark"
    assert again.findChild(QSpinBox, "prefBackupKeep").value() == 3
    press(qtbot, again, QDialogButtonBox.StandardButton.Cancel)


def test_cancel_changes_nothing(qtbot, window):
    before = {k: QSettings().value(k) for k in QSettings().allKeys()}
    size, analyst = window.view.font().pointSizeF(), window.controller.analyst
    base = window.view.palette().color(QPalette.ColorRole.Base)
    dialog = open_dialog(qtbot, window)
    dialog.findChild(QLineEdit, "prefAnalystName").setText("Someone Else")
    dialog.findChild(QDoubleSpinBox, "prefFontSize").setValue(30)
    theme = dialog.findChild(QComboBox, "prefTheme")
    theme.setCurrentIndex(theme.findData("dark"))
    press(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert {k: QSettings().value(k) for k in QSettings().allKeys()} == before
    assert window.view.font().pointSizeF() == size and window.controller.analyst == analyst
    assert window.view.palette().color(QPalette.ColorRole.Base) == base


def test_a_missing_export_folder_is_refused_and_the_dialog_stays(qtbot, window, tmp_path,
                                                                 monkeypatch):
    shown = []
    monkeypatch.setattr("reader_app.gui.window.preferences_dialog.show_error",
                        lambda _parent, _title, text: shown.append(text))
    dialog = open_dialog(qtbot, window)
    dialog.findChild(QLineEdit, "prefExportFolder").setText(str(tmp_path / "nowhere"))
    press(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert dialog.isVisible() and "no such folder" in shown[0]
    assert QSettings().value("export/folder") is None


def test_every_export_dialog_starts_in_the_export_folder(qtbot, window, tmp_path, monkeypatch):
    folder = tmp_path / "out"
    folder.mkdir()
    dialog = open_dialog(qtbot, window)
    dialog.findChild(QLineEdit, "prefExportFolder").setText(str(folder))
    press(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    tag_in_window(window, "actor", "Calderan")
    started = []

    def save_in_start_folder(_parent, _title, start, *_a, **_k):
        started.append(Path(start).parent)
        return str(Path(start)), ""

    def folder_dialog(_parent, _title, start, *_a, **_k):
        started.append(Path(start))
        return start

    for cls in (ExportDialog, InterchangeDialog, ReportDialog):
        monkeypatch.setattr(cls, "exec", lambda _self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_in_start_folder)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", folder_dialog)
    with qtbot.waitSignal(window.exports.export_finished, timeout=10_000):
        window.actions_.export_csv.trigger()
    for fmt in ("w3c", "brat"):
        with qtbot.waitSignal(window.interchange.export_finished, timeout=10_000):
            window.actions_.export_as[fmt].trigger()
    window.export_report()
    with qtbot.waitSignal(window.reports.report_finished, timeout=20_000):
        pass
    assert started == [folder] * 4
    written = sorted(p.name for p in folder.iterdir())
    assert "annotations.csv" in written or any(n.endswith(".csv") for n in written)
    assert any(n.endswith(".jsonld") for n in written)
    assert any(n.startswith("report.") for n in written)


def _backups(window) -> list[Path]:
    folder = window.auto_backup.folder()
    return sorted(folder.glob("*.sqlite")) if folder.is_dir() else []


def test_automatic_backups_follow_the_preferences(qtbot, window, db_path):
    dialog = open_dialog(qtbot, window)
    dialog.findChild(QSpinBox, "prefBackupKeep").setValue(2)
    press(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    day = datetime(2026, 3, 1, 9, 0)
    for n in range(3):
        with qtbot.waitSignal(window.auto_backup.finished, timeout=10_000) as done:
            assert window.auto_backup.back_up_if_due(day + timedelta(days=n))
        assert done.args[0] is not None
    found = _backups(window)
    assert [p.name[-24:] for p in found] == ["library-20260302-090000.sqlite"[-24:],
                                             "library-20260303-090000.sqlite"[-24:]]
    with sqlite3.connect(f"file:{found[-1]}?mode=ro", uri=True) as con:  # a real library
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] >= 1
    # not due again the same day
    assert not window.auto_backup.back_up_if_due(day + timedelta(days=2, hours=5))

    dialog = open_dialog(qtbot, window)
    dialog.findChild(QCheckBox, "prefAutoBackup").setChecked(False)
    press(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert not window.auto_backup.back_up_if_due(day + timedelta(days=30))
    assert len(_backups(window)) == 2


def test_a_new_window_schedules_its_backup_only_when_on(qtbot, window, db_path):
    assert window.auto_backup._timer.isActive()  # on by default: a while after opening
    QSettings().setValue("backup/automatic", False)
    window.close()
    again = open_window(qtbot, db_path)
    with qtbot.waitSignal(again.auto_backup.finished, timeout=2000) as done:
        again.auto_backup._timer.timeout.emit()
    assert done.args[0] is None and _backups(again) == []
