"""The app's own theme, System / Light / Dark, applied live to the whole application.

Light and Dark are the Fusion style with a palette built from gui/shared/colours.py, so
every platform looks the same and the highlight colours chosen for that palette hold their
contrast. System is the platform's own style and palette, as the app started with.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from reader_app.gui.shared import preferences
from reader_app.gui.shared.colours import THEMES, ThemeColours

_system: dict[str, object] = {}  # the style name and palette the app started with

_ROLES = {
    QPalette.ColorRole.Window: "window",
    QPalette.ColorRole.WindowText: "window_text",
    QPalette.ColorRole.Base: "base",
    QPalette.ColorRole.AlternateBase: "alternate_base",
    QPalette.ColorRole.Text: "text",
    QPalette.ColorRole.Button: "button",
    QPalette.ColorRole.ButtonText: "button_text",
    QPalette.ColorRole.Highlight: "highlight",
    QPalette.ColorRole.HighlightedText: "highlighted_text",
    QPalette.ColorRole.Link: "link",
    QPalette.ColorRole.LinkVisited: "link",
    QPalette.ColorRole.PlaceholderText: "placeholder",
    QPalette.ColorRole.ToolTipBase: "base",
    QPalette.ColorRole.ToolTipText: "text",
    QPalette.ColorRole.BrightText: "base",
    QPalette.ColorRole.Mid: "mid",
}


def theme_palette(t: ThemeColours) -> QPalette:
    palette = QPalette()
    for role, name in _ROLES.items():
        palette.setColor(role, QColor(*getattr(t, name)))
    window, mid = QColor(*t.window), QColor(*t.mid)
    palette.setColor(QPalette.ColorRole.Light, window.lighter(125))
    palette.setColor(QPalette.ColorRole.Midlight, window.lighter(110))
    palette.setColor(QPalette.ColorRole.Dark, mid.darker(130))
    palette.setColor(QPalette.ColorRole.Shadow, QColor(0, 0, 0))
    disabled = QColor(*t.disabled_text)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText, QPalette.ColorRole.PlaceholderText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Highlight, mid)
    return palette


def apply_theme(name: str) -> None:
    """Apply a theme ("system", "light", "dark") to the running application, at once."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    if name in THEMES:
        if not _system:  # the platform's look, kept to go back to
            _system["style"] = app.style().name()
            _system["palette"] = QPalette(app.palette())
        app.setStyle(QStyleFactory.create("Fusion"))
        app.setPalette(theme_palette(THEMES[name]))
    elif _system:  # back from an own theme; nothing to undo if none was applied
        app.setStyle(QStyleFactory.create(str(_system.pop("style"))))
        app.setPalette(_system.pop("palette"))  # type: ignore[arg-type]


def apply_saved_theme() -> None:
    apply_theme(preferences.theme())


def set_theme(name: str) -> None:
    """Remember the theme and apply it."""
    preferences.set_value(preferences.THEME, name if name in preferences.THEMES else "system")
    apply_saved_theme()
