"""Edit > Preferences… (Ctrl+,): analyst name, reading font, theme, export folder and
automatic backups. Stored with QSettings and applied at once on OK; Cancel changes nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAction, QFontInfo, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFontComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reader_app.gui.controller import LibraryController
from reader_app.gui.jobs.auto_backup import backup_root
from reader_app.gui.shared import preferences as prefs
from reader_app.gui.shared.palette import reading_font
from reader_app.gui.shared.plain_text import show_error
from reader_app.gui.window.view_menu import THEME_LABELS, ViewMenu, sync_view_menus


def _default_family() -> str:
    """The family the built-in serif list resolves to on this machine."""
    return QFontInfo(reading_font(family="")).family()


class PreferencesDialog(QDialog):
    def __init__(self, parent: QMainWindow, controller: LibraryController,
                 view_menu: ViewMenu) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle("Preferences")
        self._controller, self._view_menu = controller, view_menu
        self.analyst = QLineEdit(controller.analyst, self)
        self.analyst.setObjectName("prefAnalystName")
        self.analyst.setPlaceholderText("your login name")
        self.font_family = QFontComboBox(self)
        self.font_family.setObjectName("prefFontFamily")
        self.font_family.setCurrentFont(reading_font(family=prefs.font_family() or ""))
        self.font_family.setCurrentText(prefs.font_family() or _default_family())
        self.font_size = QDoubleSpinBox(self)
        self.font_size.setObjectName("prefFontSize")
        self.font_size.setRange(6.0, 72.0)
        self.font_size.setSingleStep(0.5)
        self.font_size.setDecimals(1)
        self.font_size.setSuffix(" pt")
        self.font_size.setValue(prefs.font_size())
        self.theme = QComboBox(self)
        self.theme.setObjectName("prefTheme")
        for name, label in THEME_LABELS.items():
            self.theme.addItem(label.replace("&", ""), name)
        self.theme.setCurrentIndex(prefs.THEMES.index(prefs.theme()))
        self.export_folder = QLineEdit(self._saved_export_folder(), self)
        self.export_folder.setObjectName("prefExportFolder")
        self.export_folder.setPlaceholderText(f"{Path.home()} (your home folder)")
        browse = QPushButton("Choose…", self)
        browse.setObjectName("prefExportBrowse")
        browse.clicked.connect(self._on_browse_clicked)
        folder_row = QHBoxLayout()
        folder_row.setContentsMargins(0, 0, 0, 0)
        folder_row.addWidget(self.export_folder, 1)
        folder_row.addWidget(browse)
        self.auto_backup = QCheckBox("Back up each library when it opens (at most once a day)",
                                     self)
        self.auto_backup.setObjectName("prefAutoBackup")
        self.auto_backup.setChecked(prefs.auto_backup())
        self.backup_keep = QSpinBox(self)
        self.backup_keep.setObjectName("prefBackupKeep")
        self.backup_keep.setRange(*prefs.BACKUP_KEEP_RANGE)
        self.backup_keep.setValue(prefs.backup_keep())
        self.backup_keep.setSuffix(" newest")
        self.auto_backup.toggled.connect(self.backup_keep.setEnabled)
        self.backup_keep.setEnabled(self.auto_backup.isChecked())
        where = QLineEdit(str(backup_root()), self)  # a long path scrolls, and can be copied
        where.setObjectName("prefBackupFolder")
        where.setReadOnly(True)
        where.setFrame(False)
        where.setCursorPosition(0)
        self._lay_out(folder_row, where)

    def _lay_out(self, folder_row: QHBoxLayout, where: QLineEdit) -> None:
        def group(title: str, rows: list[tuple[str, QWidget | QHBoxLayout]]) -> QGroupBox:
            box = QGroupBox(title, self)
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
            for text, field in rows:
                if not text:
                    form.addRow(field)
                    continue
                label = QLabel(text, box)
                label.setBuddy(field if isinstance(field, QWidget) else field.itemAt(0).widget())
                form.addRow(label, field)
            return box

        layout = QVBoxLayout(self)
        layout.addWidget(group("You", [("Analyst &name:", self.analyst)]))
        layout.addWidget(group("Reading", [("F&ont:", self.font_family),
                                           ("&Size:", self.font_size),
                                           ("&Theme:", self.theme)]))
        layout.addWidget(group("Files", [("E&xport to:", folder_row)]))
        layout.addWidget(group("Backups", [("", self.auto_backup),
                                           ("&Keep:", self.backup_keep),
                                           ("&Folder:", where)]))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.setObjectName("prefButtons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.buttons = buttons
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("x") * 70)

    @staticmethod
    def _saved_export_folder() -> str:
        from PySide6.QtCore import QSettings

        return str(QSettings().value(prefs.EXPORT_FOLDER, "") or "")

    @Slot()
    def _on_browse_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Export to", str(prefs.export_folder()))
        if folder:
            self.export_folder.setText(folder)

    def accept(self) -> None:
        """Check, then store and apply everything; a refused value keeps the dialog open."""
        folder = self.export_folder.text().strip()
        # a folder chosen earlier and gone since (an unplugged drive) is kept as it was:
        # exports start at home meanwhile, and the other fields still save
        changed = folder != self._saved_export_folder().strip()
        if folder and changed and not Path(folder).expanduser().is_dir():
            show_error(self, "Preferences", f"{folder}: no such folder.")
            return
        try:
            name = self._controller.set_analyst(self.analyst.text())
        except ValueError as e:
            show_error(self, "Preferences", str(e))
            return
        family = self.font_family.currentFont().family()
        prefs.set_value(prefs.FONT_FAMILY, "" if family == _default_family() else family)
        prefs.set_value(prefs.FONT_SIZE, self.font_size.value())
        prefs.set_value(prefs.THEME, self.theme.currentData())
        prefs.set_value(prefs.EXPORT_FOLDER, folder)
        prefs.set_value(prefs.AUTO_BACKUP, self.auto_backup.isChecked())
        prefs.set_value(prefs.BACKUP_KEEP, self.backup_keep.value())
        self._view_menu.apply_settings()
        sync_view_menus(but=self._view_menu)  # the font and theme of every other window
        parent = self.parent()
        if isinstance(parent, QMainWindow):
            parent.statusBar().showMessage(f"Preferences saved. New tags are by “{name}”.", 6000)
        super().accept()


def add_preferences_action(window: QMainWindow) -> QAction:
    """Edit > Preferences… (the application menu's on macOS), Ctrl+, everywhere."""
    action = QAction("&Preferences…", window)
    action.setObjectName("preferencesAction")
    action.setMenuRole(QAction.MenuRole.PreferencesRole)
    keys = [QKeySequence(QKeySequence.StandardKey.Preferences), QKeySequence("Ctrl+,")]
    action.setShortcuts([k for k in dict.fromkeys(keys) if not k.isEmpty()])
    action.setStatusTip("Analyst name, reading font, theme, export folder, backups")
    edit = next((a.menu() for a in window.menuBar().actions() if a.text() == "&Edit"), None)
    if isinstance(edit, QMenu):
        edit.addSeparator()
        edit.addAction(action)
    else:
        window.menuBar().addAction(action)
    window.addAction(action)
    action.triggered.connect(lambda: open_preferences(window))
    return action


def open_preferences(window: QMainWindow) -> PreferencesDialog:
    """The dialog, window-modal and not blocking (tests and the event loop go on)."""
    dialog = PreferencesDialog(window, window.controller,  # type: ignore[attr-defined]
                               window.view_menu)  # type: ignore[attr-defined]
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.preferences_dialog = dialog  # type: ignore[attr-defined]
    dialog.open()
    return dialog
