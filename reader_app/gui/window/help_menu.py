"""The Help menu: Keyboard Shortcuts (also `?` in the article), First Steps and About."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QVBoxLayout

from reader_app.gui.window.first_steps import FirstSteps

if TYPE_CHECKING:
    from reader_app.gui.window.about_dialog import AboutDialog
    from reader_app.gui.window.main_window import MainWindow
    from reader_app.gui.window.shortcut_sheet import ShortcutSheet


def _action(window: MainWindow, name: str, text: str, tip: str, keys: str | None = None) -> QAction:
    action = QAction(text, window)
    action.setObjectName(name)
    action.setStatusTip(tip)
    if keys:
        action.setShortcut(QKeySequence(keys))
    return action


@dataclass
class HelpActions:
    shortcuts: QAction
    question: QAction  # `?` while the article has focus
    first_steps: QAction
    about: QAction


class HelpMenu(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.actions = HelpActions(
            shortcuts=_action(window, "shortcutsAction", "&Keyboard Shortcuts",
                              "Every keyboard shortcut of the window", "Ctrl+/"),
            question=_action(window, "shortcutsQuestionAction", "Keyboard Shortcuts",
                             "Every keyboard shortcut of the window", "?"),
            first_steps=_action(window, "firstStepsAction", "&First Steps",
                                "Show the first steps above the article"),
            about=_action(window, "aboutAction", "&About Analyst Reader",
                          "The app's version and those of Qt, PySide6, SQLite and Python"),
        )
        a = self.actions
        # "?" is Shift+/ on most layouts: some platforms report the Shift with it
        a.question.setShortcuts([QKeySequence("?"), QKeySequence("Shift+?")])
        a.question.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # typing ? elsewhere
        window.view.addAction(a.question)
        self.menu = QMenu("&Help", window.menuBar())
        self.menu.setObjectName("helpMenu")
        self.menu.addActions([a.shortcuts, a.first_steps])
        self.menu.addSeparator()
        self.menu.addAction(a.about)
        window.menuBar().addMenu(self.menu)
        window.installEventFilter(self)  # Help stays the last menu, whoever adds one later
        self.first_steps = FirstSteps(window.view.parentWidget())
        layout = window.view.parentWidget().layout()
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(layout.indexOf(window.view), self.first_steps)
        self.sheet: ShortcutSheet | None = None
        self.about: AboutDialog | None = None
        a.shortcuts.triggered.connect(self.show_shortcuts)
        a.question.triggered.connect(self.show_shortcuts)
        a.first_steps.triggered.connect(self.first_steps.show)
        a.about.triggered.connect(self.show_about)
        window.controller.article_opened.connect(self.first_steps.article_opened)

    @Slot()
    def show_shortcuts(self) -> None:
        if self.sheet is None:  # built on first use: every action exists by then
            from reader_app.gui.window.shortcut_sheet import ShortcutSheet

            self.sheet = ShortcutSheet(self._window)
        else:
            self.sheet.refresh()
        self.sheet.show()
        self.sheet.raise_()
        self.sheet.activateWindow()

    @Slot()
    def show_about(self) -> None:
        if self.about is None:  # loaded on first use (the cold start stays lean)
            from reader_app.gui.window.about_dialog import AboutDialog

            self.about = AboutDialog(self._window)
        self.about.show()
        self.about.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Show:
            bar = self._window.menuBar()
            if bar.actions() and bar.actions()[-1] is not self.menu.menuAction():
                bar.removeAction(self.menu.menuAction())
                bar.addAction(self.menu.menuAction())
        return False


def install_help(window: MainWindow) -> HelpMenu:
    return HelpMenu(window)
