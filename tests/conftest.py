"""Shared fixtures. Qt must be told to run offscreen before anything imports it."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("READER_APP_DB", None)  # tests never touch a real library

import pytest  # noqa: E402

from reader_app.storage.database import open_library  # noqa: E402


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "library.sqlite"


@pytest.fixture
def db(db_path):
    database = open_library(db_path)
    yield database
    database.close()


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path_factory, monkeypatch):
    """QSettings and the default library point at temp folders in every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    try:
        from PySide6.QtCore import QSettings
    except ImportError:  # pragma: no cover - Qt-free environments
        yield
        return
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home / "config"))
    yield
