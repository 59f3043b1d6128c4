"""Automatic backups: a dated copy of a library in a folder of its own, the newest kept.

Each library gets its own folder (its name and a hash of its full path, so two libraries
called library.sqlite never share one). A copy is made with backup_library (SQLite's
online backup, safe while the window writes); then only the `keep` newest copies stay.
Only files named as this module names them are ever deleted.
"""

from __future__ import annotations

import hashlib
import re
from datetime import datetime, timedelta
from pathlib import Path

from reader_app.storage.backup import backup_library

EVERY = timedelta(hours=20)  # "at most once a day", for an analyst who opens it each morning
_STAMP = "%Y%m%d-%H%M%S"


def backup_folder(library: Path, root: Path) -> Path:
    """The folder under root that holds this library's automatic backups."""
    digest = hashlib.sha256(str(Path(library).resolve()).encode("utf-8", "surrogatepass"))
    return Path(root) / f"{Path(library).stem}-{digest.hexdigest()[:10]}"


def _pattern(library: Path) -> re.Pattern[str]:
    return re.compile(re.escape(Path(library).stem) + r"-(\d{8}-\d{6})\.sqlite")


def backups(library: Path, folder: Path) -> list[Path]:
    """The automatic backups of library in folder, oldest first."""
    if not folder.is_dir():
        return []
    pattern = _pattern(library)
    found = [p for p in folder.iterdir() if p.is_file() and pattern.fullmatch(p.name)]
    return sorted(found, key=lambda p: p.name)


def is_due(library: Path, folder: Path, now: datetime, every: timedelta = EVERY) -> bool:
    """No backup yet, or the newest is older than `every`."""
    found = backups(library, folder)
    if not found:
        return True
    match = _pattern(library).fullmatch(found[-1].name)
    assert match is not None
    return now - datetime.strptime(match.group(1), _STAMP) >= every


def prune(library: Path, folder: Path, keep: int, now: datetime | None = None) -> list[Path]:
    """Delete all but the `keep` newest automatic backups, and the half-written copies of
    backups cut short (quitting ends the process at once, mid-copy); the deleted paths."""
    found = backups(library, folder)
    gone = found[:-keep] if keep > 0 else found
    gone += stale_parts(library, folder, now or datetime.now())
    for path in gone:
        path.unlink(missing_ok=True)
    return gone


STALE_PART = timedelta(hours=1)  # a copy still being written (another window) is younger


def stale_parts(library: Path, folder: Path, now: datetime) -> list[Path]:
    """backup_library's temporary files for this library's backups, left by a process that
    ended mid-copy (named .<backup name>.<random>.part)."""
    if not folder.is_dir():
        return []
    pattern = re.compile(r"\." + _pattern(library).pattern + r"\.[^/]*\.part")
    return [p for p in folder.iterdir()
            if p.is_file() and pattern.fullmatch(p.name)
            and now - datetime.fromtimestamp(p.stat().st_mtime) >= STALE_PART]


def make_backup(library: Path, folder: Path, keep: int, now: datetime | None = None) -> Path:
    """A new dated copy of library in folder, then the older ones beyond keep removed."""
    now = now or datetime.now()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{Path(library).stem}-{now.strftime(_STAMP)}.sqlite"
    done = backup_library(library, target)
    prune(library, folder, max(1, keep), now)
    return done
