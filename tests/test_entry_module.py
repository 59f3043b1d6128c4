"""`python -m reader_app.entry ...` runs the command: it exited 0 having done nothing
(no import, no output), so a script that called it that way thought its files were in."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from reader_app import __version__


def test_python_m_reader_app_entry_runs_the_command():
    result = subprocess.run(
        [sys.executable, "-m", "reader_app.entry", "--version"],
        capture_output=True, text=True, timeout=60,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert result.returncode == 0
    assert result.stdout == f"reader-app {__version__}\n"


def test_python_m_reader_app_entry_fails_as_the_command_does(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "reader_app.entry", "search", "--db", str(tmp_path / "none.sqlite"),
         "x"],
        capture_output=True, text=True, timeout=60,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert result.returncode != 0
    assert "no library" in result.stderr
