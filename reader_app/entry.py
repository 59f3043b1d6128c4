"""The `reader-app` command: the command line, whose default command opens the window.

Qt is imported only when the window is wanted, so `reader-app export` runs on
a server with no display libraries.
"""

from __future__ import annotations

from pathlib import Path


def _run_gui(db_path: str | Path | None, files: list[str]) -> int:
    from reader_app.app import run_gui

    return run_gui(db_path, files)


def _render_report(db, flt, fmt: str, output: Path) -> str:
    from reader_app.app import render_report

    return render_report(db, flt, fmt, output)


def main(argv: list[str] | None = None) -> int:
    from reader_app.cli import main as cli_main

    return cli_main(argv, run_gui=_run_gui, render_report=_render_report)
