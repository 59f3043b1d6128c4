"""The state table: states, their other names and capital metonyms, as editable CSV."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from reader_app.domain.actor_finder import KnownName
from reader_app.resources_path import resources_dir


class StateTableError(ValueError):
    pass


def parse_state_table(text: str, source: str) -> list[KnownName]:
    """Rows `canonical,type,names` (names separated by |); # starts a comment line."""
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("#")]
    names: list[KnownName] = []
    for number, row in enumerate(csv.DictReader(io.StringIO("\n".join(lines))), start=2):
        canonical = (row.get("canonical") or "").strip()
        kind = (row.get("type") or "").strip()
        if not canonical or not kind:
            raise StateTableError(f"{source}, row {number}: a canonical name and a type are needed")
        names.append(KnownName(canonical, None, canonical, kind, "state table"))
        for other in (row.get("names") or "").split("|"):
            if other.strip():
                names.append(KnownName(other.strip(), None, canonical, kind, "state table"))
    return names


def builtin_state_table_path() -> Path:
    return resources_dir() / "states.csv"


def load_state_table(path: Path | None = None) -> list[KnownName]:
    path = path or builtin_state_table_path()
    return parse_state_table(path.read_text(encoding="utf-8"), str(path))
