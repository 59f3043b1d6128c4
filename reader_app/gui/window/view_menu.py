"""View menu: zoom of the reading font, the article's line width, which panes show, and
the theme. Every choice is remembered (gui/shared/preferences.py) and applied at once."""

from __future__ import annotations

import weakref
from dataclasses import dataclass

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QWidget
from shiboken6 import isValid

from reader_app.gui.article.view import ArticleView
from reader_app.gui.shared import preferences as prefs
from reader_app.gui.shared.palette import reading_font
from reader_app.gui.shared.theme import apply_saved_theme, set_theme

WIDTH_LABELS = {"narrow": "&Narrow", "medium": "&Medium", "wide": "&Wide", "full": "&Full Width"}
THEME_LABELS = {"system": "&System", "light": "&Light", "dark": "&Dark"}
PANE_LABELS = ("Show &Lists Pane", "Show &Annotation Panel", "Show &Toolbar")
PANE_NAMES = ("viewShowLists", "viewShowAnnotations", "viewShowToolbar")
_MENUS: weakref.WeakSet[ViewMenu] = weakref.WeakSet()  # one a window: zoom, width, theme are shared


@dataclass
class ViewActions:
    zoom_in: QAction
    zoom_out: QAction
    zoom_reset: QAction
    widths: dict[str, QAction]  # by preferences.READING_WIDTHS key, exclusive
    panes: dict[str, QAction]  # by preferences.SHOW_PANES key, checkable
    themes: dict[str, QAction]  # by preferences.THEMES name, exclusive
    menu: QMenu


def _action(parent: QObject, name: str, text: str, shortcuts: list[QKeySequence] | None = None,
            tip: str = "") -> QAction:
    action = QAction(text, parent)
    action.setObjectName(name)
    if shortcuts:
        action.setShortcuts(shortcuts)
    action.setStatusTip(tip or text.replace("&", ""))
    return action


def _group(parent: QObject, menu: QMenu, names: dict[str, str], prefix: str) -> dict[str, QAction]:
    group = QActionGroup(parent)
    group.setExclusive(True)
    actions = {}
    for key, text in names.items():
        action = _action(parent, f"{prefix}{key.title()}", text)
        action.setCheckable(True)
        group.addAction(action)
        menu.addAction(action)
        actions[key] = action
    return actions


class ViewMenu(QObject):
    """The View menu of one window, and what it does to the window's reading view."""

    def __init__(self, window: QMainWindow, view: ArticleView, panes: dict[str, QWidget]) -> None:
        """panes: preferences.SHOW_PANES key -> the widget it shows or hides."""
        super().__init__(window)
        self._window, self._view, self._panes = window, view, panes
        self.actions = self._build(window)
        a = self.actions
        a.zoom_in.triggered.connect(lambda: self.zoom_by(1))
        a.zoom_out.triggered.connect(lambda: self.zoom_by(-1))
        a.zoom_reset.triggered.connect(self.reset_zoom)
        for key, action in a.widths.items():
            action.triggered.connect(lambda _=False, k=key: self.set_reading_width(k))
        for key, action in a.panes.items():
            action.toggled.connect(lambda on, k=key: self.show_pane(k, on))
            pane = panes[key]
            if isinstance(pane, QToolBar):  # its own right-click menu hides it too
                own = pane.toggleViewAction()  # triggered: the analyst, never a closing window
                own.triggered.connect(lambda _=False, o=own, a=action: a.setChecked(o.isChecked()))
        for name, action in a.themes.items():
            action.triggered.connect(lambda _=False, n=name: self._on_theme_triggered(n))
        self.apply_settings()
        _MENUS.add(self)

    def _build(self, window: QMainWindow) -> ViewActions:
        bar = window.menuBar()
        menu = QMenu("&View", bar)
        menu.setObjectName("viewMenu")
        zoom_in = _action(self, "viewZoomIn", "Zoom &In",
                          [QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl++"),
                           QKeySequence("Ctrl+=")], "A larger reading font")
        zoom_out = _action(self, "viewZoomOut", "Zoom &Out",
                           [QKeySequence(QKeySequence.StandardKey.ZoomOut), QKeySequence("Ctrl+-")],
                           "A smaller reading font")
        zoom_reset = _action(self, "viewZoomReset", "&Reset Zoom", [QKeySequence("Ctrl+0")],
                             "The reading font at its preferred size")
        for action in (zoom_in, zoom_out):  # Qt's standard keys and ours may coincide
            action.setShortcuts(list(dict.fromkeys(action.shortcuts())))
        menu.addActions([zoom_in, zoom_out, zoom_reset])
        menu.addSeparator()
        widths = _group(self, menu.addMenu("Reading &Width"), WIDTH_LABELS, "viewWidth")
        menu.addSeparator()
        panes = {}
        for key, name, text in zip(prefs.SHOW_PANES, PANE_NAMES, PANE_LABELS, strict=True):
            action = _action(self, name, text)
            action.setCheckable(True)
            menu.addAction(action)
            panes[key] = action
        menu.addSeparator()
        theme_menu = menu.addMenu("T&heme")
        theme_menu.setObjectName("viewThemeMenu")
        themes = _group(self, theme_menu, THEME_LABELS, "viewTheme")
        window.addActions([zoom_in, zoom_out, zoom_reset])  # shortcuts with the menu bar hidden
        titles = [a.text() for a in bar.actions()]
        after = titles.index("&Edit") + 1 if "&Edit" in titles else len(titles)
        if after < len(titles):
            bar.insertMenu(bar.actions()[after], menu)
        else:
            bar.addMenu(menu)
        return ViewActions(zoom_in, zoom_out, zoom_reset, widths, panes, themes, menu)

    # -- applying ---------------------------------------------------------------------

    def apply_settings(self) -> None:
        """Read every view preference and apply it (at start, after Preferences)."""
        apply_saved_theme()
        self.apply_font()
        self.set_reading_width(prefs.reading_width(), remember=False)
        for key, action in self.actions.panes.items():
            shown = prefs.get_bool(key, True)
            action.setChecked(shown)
            self.show_pane(key, shown, remember=False)
        self.actions.themes[prefs.theme()].setChecked(True)

    def apply_shared(self) -> None:
        """Zoom, reading width and theme, as another window just set them."""
        self.apply_font()
        self.set_reading_width(prefs.reading_width(), remember=False)
        self.actions.themes[prefs.theme()].setChecked(True)

    def apply_font(self) -> None:
        self._view.setFont(reading_font())
        steps = prefs.zoom()
        self.actions.zoom_in.setEnabled(steps < prefs.ZOOM_RANGE[1])
        self.actions.zoom_out.setEnabled(steps > prefs.ZOOM_RANGE[0]
                                         and prefs.reading_size() > 6.0)
        self.actions.zoom_reset.setEnabled(steps != 0)

    def zoom_by(self, steps: int) -> None:
        low, high = prefs.ZOOM_RANGE
        prefs.set_value(prefs.ZOOM, min(high, max(low, prefs.zoom() + steps)))
        sync_view_menus()
        self._say_size()

    @Slot()
    def reset_zoom(self) -> None:
        prefs.set_value(prefs.ZOOM, 0)
        sync_view_menus()
        self._say_size()  # else the zoomed size stayed in the status bar, now wrong

    def _say_size(self) -> None:
        self._window.statusBar().showMessage(
            f"Reading font: {prefs.reading_size():g} pt", 3000)

    def set_reading_width(self, key: str, remember: bool = True) -> None:
        if key not in prefs.READING_WIDTHS:
            return
        if remember:
            prefs.set_value(prefs.READING_WIDTH, key)
            sync_view_menus(but=self)
        self.actions.widths[key].setChecked(True)
        self._view.set_max_width_em(prefs.READING_WIDTHS[key])

    def show_pane(self, key: str, shown: bool, remember: bool = True) -> None:
        # written only when changed: at start each action's setChecked lands here, and a
        # write syncs the settings file to disk (~5 ms of a start for nothing)
        if remember and prefs.get_bool(key, True) != shown:
            prefs.set_value(key, shown)
        pane = self._panes[key]
        pane.setVisible(shown)
        if isinstance(pane, QToolBar):
            pane.toggleViewAction().setChecked(shown)

    def _on_theme_triggered(self, name: str) -> None:
        set_theme(name)
        sync_view_menus(but=self)


def sync_view_menus(but: ViewMenu | None = None) -> None:
    """Every open window shows the shared view preferences as just stored (zoom steps
    count from what the window shows, not from a size another window left behind)."""
    for menu in list(_MENUS):
        if menu is not but and isValid(menu) and isValid(menu._view):  # a closed window's: gone
            menu.apply_shared()


def build_view_menu(window: QMainWindow) -> ViewMenu:
    """The main window's View menu, over its reading view and its three panes."""
    panes: dict[str, QWidget] = dict(zip(prefs.SHOW_PANES, (
        window.left_tabs, window.annotation_panel,  # type: ignore[attr-defined]
        window.findChild(QToolBar, "taggingToolbar")), strict=True))
    return ViewMenu(window, window.view, panes)  # type: ignore[attr-defined]
