"""What the About box names: the app's, SQLite's and Python's versions (no Qt here)."""

from __future__ import annotations

import platform
import sqlite3

from reader_app import __version__

DISTRIBUTION = "reader-app"


def app_version() -> str:
    """The installed package's version (its metadata), else the source's."""
    from importlib import metadata  # only when asked: it costs the window's cold start

    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return __version__


def versions() -> list[tuple[str, str]]:
    """(component, version) in the order the About box lists them, after the app and Qt."""
    return [("SQLite", sqlite3.sqlite_version), ("Python", platform.python_version())]
