"""The package as installed: resources, layers, entry points."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import reader_app
from reader_app.resources_path import resources_dir, sample_article_path

REPO = Path(__file__).resolve().parent.parent


def test_sample_article_is_found():
    path = sample_article_path()
    assert path.is_file()
    assert path.read_text(encoding="utf-8").lstrip().startswith("date ")


def test_installed_wheel_carries_resources():
    package_dir = Path(reader_app.__file__).resolve().parent
    if package_dir.parent == REPO:
        pytest.skip("running from a source checkout / editable install")
    # a non-editable install must find resources inside the package, not in the checkout
    assert resources_dir() == package_dir / "resources"


def test_layers_are_respected():
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if lint is None:
        pytest.skip("import-linter is not installed")
    result = subprocess.run([lint], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
