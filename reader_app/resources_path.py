"""Find the bundled resources: inside the installed package, or beside it in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def resources_dir() -> Path:
    installed = _PACKAGE_DIR / "resources"  # wheel: force-included into the package
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / "resources"  # source checkout / editable install


def sample_article_path() -> Path:
    return resources_dir() / "sample" / "river-talks_2024-03-13.txt"
