"""The `reader-app` command: the command line, whose default command opens the window.

Qt is imported only when the window is wanted, so `reader-app export` runs on
a server with no display libraries.
"""

from __future__ import annotations

import sys
from pathlib import Path


def _run_gui(db_path: str | Path | None, files: list[str]) -> int:
    from reader_app.platform_check import import_problem, platform_problem

    # before Qt loads: a missing system library is named in one line, not in Qt's
    # misleading screenful about the plugin (then an abort)
    problem = platform_problem()
    if problem is None:
        try:
            from reader_app.app import run_gui
        except ImportError as e:
            problem = import_problem(e)
            if problem is None:
                raise
    if problem is not None:
        print(problem, file=sys.stderr)
        return 2
    return run_gui(db_path, files)


def _render_report(db, flt, fmt: str, output: Path) -> str:
    from reader_app.app import render_report

    return render_report(db, flt, fmt, output)


def main(argv: list[str] | None = None) -> int:
    from reader_app.cli import main as cli_main

    return cli_main(argv, run_gui=_run_gui, render_report=_render_report)


if __name__ == "__main__":  # `python -m reader_app.entry` is the command too, not a no-op
    sys.exit(main())
