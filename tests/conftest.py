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


# -- GUI fixtures: Qt and the app's GUI are imported lazily, so Qt-free tests never load them --


@pytest.fixture
def window(qtbot, db_path):
    """The real main window on the test library, shown and exposed."""
    from gui_helpers import open_window

    return open_window(qtbot, db_path)


@pytest.fixture
def make_ctrl(qtbot, db_path):
    """Make a LibraryController on the test library (opening `article_id`, if given) whose
    error_occurred messages collect in its `errors` list; closed after the test. A factory,
    so a module's own `ctrl` fixture creates its articles first."""
    from reader_app.gui.controller import LibraryController

    made = []

    def make(article_id=None):
        controller = LibraryController(db_path)
        made.append(controller)
        if article_id is not None:
            controller.open_article(article_id)
        controller.errors = []
        controller.error_occurred.connect(controller.errors.append)
        return controller

    yield make
    for controller in reversed(made):
        controller.close()
