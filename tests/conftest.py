"""Shared fixtures. Qt must be told to run offscreen before anything imports it."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("READER_APP_DB", None)  # tests never touch a real library

import pytest
from hypothesis import settings

from reader_app.storage.database import open_library

# No per-example deadline: on a busy machine (CI on 2 cores) a slow example is load, not a
# bug; the properties themselves are what these tests check.
settings.register_profile("suite", deadline=None)
settings.load_profile("suite")


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


# -- the app never opens a library file with plain file I/O --------------------------------
# Closing such a descriptor drops every SQLite lock this process holds on the library
# (DESIGN: "landmines found in use"). An audit hook sees every sqlite3.connect and every
# open(); an open() of a file some connection was opened on (or its -wal/-shm/-journal),
# made from inside reader_app, fails the test that caused it.

import sys  # noqa: E402
from pathlib import Path  # noqa: E402

_PACKAGE = str(Path(__file__).resolve().parents[1] / "reader_app")
_LIBRARY_NAMES: set[str] = set()
_VIOLATIONS: list[str] = []


def _from_the_app() -> bool:
    frame = sys._getframe(2)
    while frame is not None:
        name = frame.f_code.co_filename
        if name.startswith(_PACKAGE) or "/site-packages/reader_app/" in name:
            return True
        frame = frame.f_back
    return False


def _audit(event: str, args: tuple) -> None:
    if event == "sqlite3.connect":
        database = str(args[0])
        if database.startswith("file:"):
            database = database[5:].split("?", 1)[0].replace("%20", " ")
            database = database[2:] if database.startswith("//") else database
        if database not in (":memory:", ""):
            _LIBRARY_NAMES.add(os.path.realpath(database))
    elif event == "open" and _LIBRARY_NAMES and isinstance(args[0], (str, bytes, Path)):
        try:
            target = os.path.realpath(os.fsdecode(args[0]))
        except (TypeError, ValueError):
            return
        for suffix in ("-wal", "-shm", "-journal"):
            if target.endswith(suffix):
                target = target[: -len(suffix)]
        if target in _LIBRARY_NAMES and _from_the_app():
            _VIOLATIONS.append(f"reader_app opened library file {args[0]!r} with plain I/O")


sys.addaudithook(_audit)


@pytest.fixture(autouse=True)
def _no_plain_access_to_libraries():
    _VIOLATIONS.clear()
    yield
    found = list(_VIOLATIONS)
    _VIOLATIONS.clear()
    _LIBRARY_NAMES.clear()
    assert not found, found
