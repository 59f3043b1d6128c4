"""Help > Keyboard Shortcuts (also `?` in the reader): a sheet built from the window's
own QActions, so a shortcut added anywhere shows up here without listing it twice,
plus the keys widgets handle themselves (they have no QAction to read)."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

# keys a widget handles in its own key or event handlers: (where, what, keys)
OTHER_KEYS = (
    ("Article", "Select a word / a paragraph", "Double-click / Triple-click"),
    ("Article", "Edit the tag under the pointer", "Double-click a highlight"),
    ("Find bar", "Next / previous match", "Enter / Shift+Enter"),
    ("Find bar", "Close the find bar", "Esc"),
    ("Search box", "Go to the results", "Enter / Down"),
    ("Search box", "Clear the query and the filters", "Esc"),
    ("Search results", "Open the article at its first match", "Enter / Double-click"),
    ("Tag table", "Delete the selected tag", "Delete / Backspace"),
    ("Library list", "Delete the selected articles (asks first)", "Delete"),
)

_TWINS = ("Shift+Backtab", "Shift+?")  # how some platforms report Shift+Tab and ?
Row = tuple[str, str, str]  # section, what it does, its keys


def _keys(action: QAction) -> str:
    shown = []
    for sequence in action.shortcuts():
        text = sequence.toString(QKeySequence.SequenceFormat.NativeText)
        if text and text not in shown and text not in _TWINS:
            shown.append(text)
    return " / ".join(shown)


def _section(action: QAction, window: QMainWindow) -> str:
    """The first menu that holds the action, else where its key works."""
    holders = action.associatedObjects()
    for holder in holders:
        if isinstance(holder, QMenu) and holder.title():
            return holder.title().replace("&", "")
    context = action.shortcutContext()
    if context in (Qt.ShortcutContext.WidgetShortcut,
                   Qt.ShortcutContext.WidgetWithChildrenShortcut):
        reader = getattr(window, "view", None)
        if any(holder is reader for holder in holders):
            return "Article"
        for holder in holders:
            if isinstance(holder, QWidget) and not isinstance(holder, (QMenu, QToolBar)):
                return holder.accessibleName() or holder.objectName() or "Window"
    return "Window"


def _where(action: QAction, window: QMainWindow) -> str:
    """ " (in the article)" for a key that works only while the article has focus."""
    if action.shortcutContext() != Qt.ShortcutContext.WidgetShortcut:
        return ""
    reader = getattr(window, "view", None)
    return " (in the article)" if any(h is reader for h in action.associatedObjects()) else ""


def _no_mnemonic(text: str) -> str:
    """"&Undo" -> "Undo", "R&&D" -> "R&D" (a code's name keeps its ampersand)."""
    return re.sub(r"&(.)", r"\1", text)


def collect_shortcuts(window: QMainWindow) -> list[Row]:
    """Every QAction of the window with a shortcut (menu order of sections as found), then
    the keys widgets handle themselves."""
    rows: list[Row] = []
    seen: set[tuple[str, str]] = set()
    for action in window.findChildren(QAction):
        keys = _keys(action)
        # iconText: the undo actions' text names the step ("Undo Tag claim …")
        text = _no_mnemonic(action.iconText() or action.text()).rstrip("…").strip()
        if not keys or not text or action.isSeparator():
            continue
        if (text, keys) in seen:
            continue
        seen.add((text, keys))
        rows.append((_section(action, window), text + _where(action, window), keys))
    order = _menu_order(window)
    rows.sort(key=lambda r: (order.get(r[0], len(order)), r[0]))  # stable within a section
    return rows + list(OTHER_KEYS)


def _menu_order(window: QMainWindow) -> dict[str, int]:
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    return {title: i for i, title in enumerate(titles)} | {"Article": len(titles)}


class ShortcutSheet(QDialog):
    """A table of section, action and keys; plain text items (never markup)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("shortcutSheet")
        self.setWindowTitle("Keyboard Shortcuts")
        self._window = window
        self.rows: list[Row] = []
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("shortcutTable")
        self.table.setHorizontalHeaderLabels(["Where", "Action", "Keys"])
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(640, 560)
        self.refresh()

    def refresh(self) -> None:
        """Read the window's actions again (shown anew each time it opens)."""
        self.rows = collect_shortcuts(self._window)
        self.table.setRowCount(len(self.rows))
        for row, values in enumerate(self.rows):
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
