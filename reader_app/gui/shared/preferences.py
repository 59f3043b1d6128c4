"""The analyst's preferences, each one QSettings key: read and written here only.

UI state and habits, never analysis data (DESIGN.md). The analyst's name is the
controller's (analyst/name); the rest is read by the parts that use it.
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QSettings

THEME = "appearance/theme"
THEMES = ("system", "light", "dark")
FONT_FAMILY = "reading/fontFamily"  # empty: the built-in serif list
FONT_SIZE = "reading/fontSize"
DEFAULT_FONT_SIZE = 12.5
ZOOM = "view/zoom"  # steps of ZOOM_STEP points over the font size
ZOOM_STEP = 1.0
ZOOM_RANGE = (-6, 16)
READING_WIDTH = "view/readingWidth"
# the article's widest line, in ems of the reading font (None: the whole pane)
READING_WIDTHS: dict[str, float | None] = {"narrow": 32, "medium": 42, "wide": 56, "full": None}
DEFAULT_READING_WIDTH = "medium"
SHOW_PANES = ("view/showLists", "view/showAnnotations", "view/showToolbar")
EXPORT_FOLDER = "export/folder"  # empty: the home folder
AUTO_BACKUP = "backup/automatic"
BACKUP_KEEP = "backup/keep"
DEFAULT_BACKUP_KEEP = 5
BACKUP_KEEP_RANGE = (1, 100)


def _bool(value: object, default: bool) -> bool:
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("1", "true", "yes", "on")


def _number(value: object, default: float) -> float:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default


def get_bool(key: str, default: bool = True) -> bool:
    return _bool(QSettings().value(key), default)


def set_value(key: str, value: object) -> None:
    settings = QSettings()
    settings.setValue(key, value)
    settings.sync()


def theme() -> str:
    value = str(QSettings().value(THEME, "system"))
    return value if value in THEMES else "system"


def font_family() -> str:
    return str(QSettings().value(FONT_FAMILY, "") or "")


def font_size() -> float:
    size = _number(QSettings().value(FONT_SIZE), DEFAULT_FONT_SIZE)
    return min(72.0, max(6.0, size))


MIN_READING_SIZE = 6.0


def zoom() -> int:
    """Zoom steps, never below the one that reaches the smallest reading size (steps under
    it would all show 6 pt: zooming in from there changed nothing for several presses)."""
    steps = int(_number(QSettings().value(ZOOM), 0))
    lowest = max(ZOOM_RANGE[0], math.ceil((MIN_READING_SIZE - font_size()) / ZOOM_STEP))
    return min(ZOOM_RANGE[1], max(lowest, steps))


def reading_size() -> float:
    """The reading font's size: the preferred size, zoomed (never below 6 pt)."""
    return max(MIN_READING_SIZE, font_size() + zoom() * ZOOM_STEP)


def reading_width() -> str:
    value = str(QSettings().value(READING_WIDTH, DEFAULT_READING_WIDTH))
    return value if value in READING_WIDTHS else DEFAULT_READING_WIDTH


def export_folder() -> Path:
    """Where every export dialog starts: the chosen folder if it still exists, else home."""
    value = str(QSettings().value(EXPORT_FOLDER, "") or "")
    folder = Path(value).expanduser() if value else None
    return folder if folder is not None and folder.is_dir() else Path.home()


def auto_backup() -> bool:
    return get_bool(AUTO_BACKUP, True)


def backup_keep() -> int:
    keep = int(_number(QSettings().value(BACKUP_KEEP), DEFAULT_BACKUP_KEEP))
    return min(BACKUP_KEEP_RANGE[1], max(BACKUP_KEEP_RANGE[0], keep))
