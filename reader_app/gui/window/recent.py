"""Recently opened libraries (UI state, so QSettings)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

KEY = "recentLibraries"
MAX_RECENT = 8


def recent_libraries() -> list[str]:
    value = QSettings().value(KEY) or []
    return [value] if isinstance(value, str) else [str(v) for v in value]


def add_recent_library(path: Path) -> None:
    entries = [p for p in recent_libraries() if p != str(path)]
    QSettings().setValue(KEY, [str(path), *entries][:MAX_RECENT])


def remove_recent_library(path: Path | str) -> None:
    """Forget a library (a file that no longer exists): it leaves the Open Recent list."""
    QSettings().setValue(KEY, [p for p in recent_libraries() if p != str(path)])
