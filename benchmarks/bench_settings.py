"""Benchmarks start from the app's defaults, not from whatever the machine's
user left in the settings (an open Claims tab would be timed too)."""

from __future__ import annotations

import tempfile

from PySide6.QtCore import QSettings

_FOLDER = tempfile.TemporaryDirectory(prefix="reader-app-bench-settings-")


def isolate_settings() -> None:
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, _FOLDER.name)
