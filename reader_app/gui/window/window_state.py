"""The main window's UI state: geometry, splitter, left tab and last article in QSettings.

Analysis data lives in the library, never here (DESIGN.md conventions).
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter, QTabWidget

MIN_WIDTH = 900  # a saved size narrower than this (another screen, a test) is not restored


def restore_window_state(window: QMainWindow, splitter: QSplitter, tabs: QTabWidget) -> None:
    settings = QSettings()
    geometry = settings.value("mainWindow/geometry")
    if geometry is None or not window.restoreGeometry(geometry) or window.width() < MIN_WIDTH:
        default_geometry(window, splitter)
    state = settings.value("mainWindow/state")
    if state is not None:
        window.restoreState(state)
    sizes = settings.value("mainWindow/splitter")
    if sizes is not None:
        splitter.restoreState(sizes)
    tab = settings.value("mainWindow/leftTab")
    if tab is not None and str(tab).isdigit():
        tabs.setCurrentIndex(int(tab))


def default_geometry(window: QMainWindow, splitter: QSplitter) -> None:
    """First start (or a saved size from another screen): most of the screen."""
    screen = window.screen().availableGeometry() if window.screen() else None
    width = min(1440, int(screen.width() * 0.9)) if screen else 1440
    height = min(900, int(screen.height() * 0.9)) if screen else 900
    window.resize(width, height)
    splitter.setSizes([int(width * 0.22), int(width * 0.5), int(width * 0.28)])


def save_window_state(window: QMainWindow, splitter: QSplitter, tabs: QTabWidget,
                      article_id: int | None) -> None:
    settings = QSettings()
    settings.setValue("mainWindow/geometry", window.saveGeometry())
    settings.setValue("mainWindow/state", window.saveState())
    settings.setValue("mainWindow/splitter", splitter.saveState())
    settings.setValue("mainWindow/leftTab", tabs.currentIndex())
    if article_id is not None:
        settings.setValue("lastArticle", article_id)
    settings.sync()


def last_article_id() -> int | None:
    last = QSettings().value("lastArticle")
    return int(last) if last is not None and str(last).isdigit() else None

