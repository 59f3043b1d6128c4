"""Each import contract in pyproject.toml fails when broken on purpose.

A copy of the package gets one offending import (or one stray module) and lint-imports,
run on that copy, must report the contract it breaks, and the offending line itself.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
LINT = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
pytestmark = pytest.mark.skipif(LINT is None, reason="import-linter is not installed "
                                "(it is in the test extra: pip install '.[test]')")

# The Gui-parts contract ignores commands -> controller until the commands depend on a host
# Protocol; the commands case checks the config as it will be without that ignore.
TEMPORARY_IGNORE = re.compile(
    r'^ignore_imports = \[[^\]]*"reader_app\.gui\.commands\.\* -> reader_app\.gui\.controller",'
    r"\s*\]\n", re.MULTILINE)


@dataclass(frozen=True)
class Breach:
    module: str  # file under reader_app/ that gets the line (created if missing)
    line: str  # what is added at its end
    contract: str  # a word of the contract name that must come out BROKEN
    reported: str  # how lint-imports names the offence
    future_config: bool = False  # drop the temporary ignore from the copied pyproject


BREACHES = {
    "qt outside gui": Breach("services/analysis.py", "import PySide6",
                             "Qt", "reader_app.services.analysis -> PySide6"),
    # a module that did not exist when the contract was written is covered too
    "qt in a new storage module": Breach("storage/qt_cache.py", "from PySide6 import QtCore",
                                         "Qt", "reader_app.storage.qt_cache -> PySide6"),
    "sqlite3 in a new gui module": Breach("gui/lists/sql_cache.py", "import sqlite3",
                                          "SQL", "reader_app.gui.lists.sql_cache -> sqlite3"),
    "sqlite_utils in a gui list": Breach("gui/lists/tables.py", "import sqlite_utils",
                                         "SQL", "reader_app.gui.lists.tables -> sqlite_utils"),
    "sqlite3 in a gui flow": Breach("gui/jobs/import_flow.py", "import sqlite3",
                                    "SQL", "reader_app.gui.jobs.import_flow -> sqlite3"),
    "domain imports storage": Breach(
        "domain/models.py", "from reader_app.storage import articles", "Layers",
        "reader_app.domain.models -> reader_app.storage.articles"),
    "a command imports the controller": Breach(
        "gui/commands/claims.py", "from reader_app.gui.controller import LibraryController",
        "Gui parts", "reader_app.gui.commands.claims -> reader_app.gui.controller",
        future_config=True),
    # views sit above the lists (they reuse LazyPane and the search facets), never below
    "a list imports a view": Breach(
        "gui/lists/tables.py", "from reader_app.gui.views import timeline_view", "Gui parts",
        "reader_app.gui.lists.tables -> reader_app.gui.views.timeline_view"),
    "a module in no layer": Breach("stray.py", "VALUE = 1", "Layers", "- reader_app.stray"),
}
# domain/ must import nothing of ours, but the layers put resources_path below domain:
# "domain | resources_path" as the bottom layer closes the gap.
DOMAIN_GAP = Breach("domain/models.py", "from reader_app import resources_path", "Layers",
                    "reader_app.domain.models -> reader_app.resources_path")


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pristine")
    shutil.copytree(REPO / "reader_app", root / "reader_app",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    shutil.copy(REPO / "pyproject.toml", root / "pyproject.toml")
    return root


def _lint(root: Path) -> tuple[int, str, dict[str, str]]:
    """Exit code, output, and contract name -> KEPT/BROKEN from the summary."""
    result = subprocess.run(
        [LINT, "--no-cache"], cwd=root, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(root)})  # the copy, not the installed package
    output = result.stdout + result.stderr
    verdicts = dict(re.findall(r"^(\S.*?) (KEPT|BROKEN)\b", output, re.MULTILINE))
    return result.returncode, output, verdicts


def _breached(pristine: Path, tmp_path: Path, breach: Breach) -> tuple[Path, int]:
    """A copy with the breach; returns it and the line number the import landed on."""
    root = tmp_path / "copy"
    shutil.copytree(pristine, root)
    target = root / "reader_app" / breach.module
    text = target.read_text(encoding="utf-8") if target.exists() else ""
    if text and not text.endswith("\n"):
        text += "\n"
    target.write_text(text + breach.line + "\n", encoding="utf-8")
    if breach.future_config:
        config = root / "pyproject.toml"
        content, removed = TEMPORARY_IGNORE.subn("", config.read_text(encoding="utf-8"))
        config.write_text(content, encoding="utf-8")
        # once the ignore is gone from the real config, there is nothing to remove
        assert removed <= 1
    return root, text.count("\n") + 1


def test_the_package_as_it_is_keeps_every_contract(pristine: Path) -> None:
    code, output, verdicts = _lint(pristine)
    assert code == 0, output
    assert len(verdicts) >= 4 and set(verdicts.values()) == {"KEPT"}, output


@pytest.mark.parametrize("case", list(BREACHES))
def test_a_breach_breaks_its_contract(pristine: Path, tmp_path: Path, case: str) -> None:
    _check(pristine, tmp_path, BREACHES[case])


def test_domain_imports_nothing_of_ours(pristine: Path, tmp_path: Path) -> None:
    _check(pristine, tmp_path, DOMAIN_GAP)


def _check(pristine: Path, tmp_path: Path, breach: Breach) -> None:
    root, line_no = _breached(pristine, tmp_path, breach)
    code, output, verdicts = _lint(root)
    assert code != 0, output
    broken = {name for name, verdict in verdicts.items() if verdict == "BROKEN"}
    assert [name for name in broken if breach.contract in name], output
    if not breach.future_config:  # the others still hold: only this breach was added
        assert len(broken) == 1, output
    # the offence is reported, at the line that was added (a stray module has no line)
    reports = [line for line in output.splitlines() if breach.reported in line]
    assert reports, output
    if " -> " in breach.reported:
        assert any(re.search(rf"\bl\.{line_no}\b", line) for line in reports), output
