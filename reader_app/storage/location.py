"""Where the default library lives."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_VAR = "READER_APP_DB"
APP_DIR = "reader-app"
FILE_NAME = "library.sqlite"


def data_dir() -> Path:
    """The platform's per-user application-data folder for the app."""
    home = Path.home()
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or home / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = home / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    return base / APP_DIR


def default_library_path() -> Path:
    """--db beats READER_APP_DB, which beats the platform default."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    return data_dir() / FILE_NAME


def resolve_library_path(db: str | os.PathLike[str] | None) -> Path:
    return Path(db).expanduser() if db else default_library_path()
