"""Composition root: QApplication, settings, the library, the main window."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMainWindow

from reader_app import __version__
from reader_app.gc_policy import apply_thresholds
from reader_app.gui.shared import startup  # noqa: F401  # before the heavy imports: see there
from reader_app.resources_path import resources_dir
from reader_app.storage.articles import article_count
from reader_app.storage.database import ForeignSchema, LibraryError, is_read_only, open_library
from reader_app.storage.location import resolve_library_path

if TYPE_CHECKING:
    from reader_app.gui.controller import LibraryController

ORGANIZATION = "reader-app"
APPLICATION = "Analyst Reader"


def ensure_application() -> QApplication:
    """The one QApplication; created only if none exists (tests bring their own)."""
    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName(ORGANIZATION)
        QCoreApplication.setApplicationName(APPLICATION)
        app = QApplication(sys.argv[:1])
        app.setApplicationVersion(__version__)
        icon = resources_dir() / "icons" / "reader-app.svg"
        if icon.exists():
            app.setWindowIcon(QIcon(str(icon)))
    if not QCoreApplication.organizationName():
        QCoreApplication.setOrganizationName(ORGANIZATION)
        QCoreApplication.setApplicationName(APPLICATION)
    return app  # type: ignore[return-value]


def prepare_library(db_path: str | Path) -> Path:
    """Create the library if needed and give a new one the sample article. Foreign
    triggers or views are removed only once the analyst agreed (else OpenDeclined)."""
    open_library_controller(db_path).close()
    return Path(db_path)


def open_library_controller(db_path: str | Path) -> LibraryController:
    """prepare_library, the library left open in a controller for the window (a cold
    start opens and checks the file once)."""
    from reader_app.gui.controller import LibraryController  # the gui loads with a window
    from reader_app.gui.jobs.library_flow import OpenDeclined, ask_remove_foreign_schema

    path = Path(db_path)
    try:
        db = open_library(path)
    except ForeignSchema as e:
        if not e.removable:
            raise
        if not ask_remove_foreign_schema(None, e):
            raise OpenDeclined(f"{path}: not opened: it holds foreign schema") from None
        db = open_library(path, drop_foreign=True)
    try:
        if not is_read_only(db) and not article_count(db):
            from reader_app.services.seed import seed_sample  # a new library: the importers

            seed_sample(db)
    except BaseException:
        db.close()
        raise
    return LibraryController(path, db=db)


def create_window(db_path: str | Path) -> QMainWindow:
    """Build the whole main window on a library. Raises LibraryError for a bad file."""
    ensure_application()
    apply_thresholds()  # the process's collector, for suggestions' kept work (gc_policy)
    from reader_app.gui.window.main_window import MainWindow  # Qt widgets only past this point
    from reader_app.gui.window.recent import add_recent_library

    path = Path(db_path)
    controller = open_library_controller(path)
    try:
        window = MainWindow(path, open_window=create_window, controller=controller)
    except BaseException:
        controller.close()
        raise
    add_recent_library(path)
    return window


def run_gui(db_path: str | Path | None, files: list[str]) -> int:
    app = ensure_application()
    path = resolve_library_path(db_path)
    try:
        window = create_window(path)
    except LibraryError as e:
        from reader_app.gui.jobs.library_flow import OpenDeclined, show_library_error

        if not isinstance(e, OpenDeclined):
            show_library_error(None, e)
        print(f"reader-app: error: {e}", file=sys.stderr)
        return 2
    window.show()
    if files:
        window.import_files(files)
    return quick_exit(app.exec())


def quick_exit(status: int) -> NoReturn:
    """End the process at once once the event loop is done. Closing the window already
    saved everything (the library is closed, QSettings synced); tearing down the
    interpreter and thousands of Qt objects one by one only made quitting slow (0.3-0.5 s
    with a 1 MB article open), and daemon threads still computing die with the process
    (their read-only connections need no closing: SQLite recovers a WAL on next open)."""
    import contextlib
    import logging
    import os

    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError, AttributeError):  # closed or missing
            stream.flush()
    os._exit(status)



def render_report(db, flt, fmt: str, output: Path) -> str:
    """`reader-app report`: Qt draws the pictures and the PDF; with no display, offscreen."""
    import os

    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    ensure_application()
    from reader_app.gui.window.report_render import render_report as render

    return render(db, flt, fmt, Path(output))
