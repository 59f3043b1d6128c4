"""The main window's UI state: geometry, splitter, left tab and last article in QSettings.

Analysis data lives in the library, never here (DESIGN.md conventions).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter, QTabWidget

MIN_WIDTH = 900  # a saved size narrower than this (another screen, a test) is not restored
LAST_ARTICLES = "lastArticleByLibrary"  # JSON {library path: article id}
MAX_LIBRARIES = 50  # the oldest entries are forgotten beyond this many libraries


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
                      article_id: int | None, library: Path | None = None) -> None:
    settings = QSettings()
    settings.setValue("mainWindow/geometry", window.saveGeometry())
    settings.setValue("mainWindow/state", window.saveState())
    settings.setValue("mainWindow/splitter", splitter.saveState())
    settings.setValue("mainWindow/leftTab", tabs.currentIndex())
    if article_id is not None and library is not None:
        remember_last_article(library, article_id, settings)
    settings.remove("lastArticle")  # the old key, one article for every library
    settings.sync()


def _library_key(library: Path) -> str:
    return os.path.realpath(library)


def _last_articles(settings: QSettings) -> dict[str, int]:
    try:
        found = json.loads(str(settings.value(LAST_ARTICLES, "{}")))
    except ValueError:
        return {}
    if not isinstance(found, dict):
        return {}
    return {k: v for k, v in found.items() if isinstance(k, str) and type(v) is int}


def remember_last_article(library: Path, article_id: int, settings: QSettings | None = None) -> None:
    """The article last open in this library (and only this one)."""
    settings = settings or QSettings()
    known = _last_articles(settings)
    key = _library_key(library)
    known.pop(key, None)
    known[key] = int(article_id)  # most recent last: the oldest are dropped first
    settings.setValue(LAST_ARTICLES, json.dumps(dict(list(known.items())[-MAX_LIBRARIES:])))


def last_article_id(library: Path) -> int | None:
    """The article last open in this library, None if none was (another library's does
    not count: ids are per library)."""
    return _last_articles(QSettings()).get(_library_key(library))

