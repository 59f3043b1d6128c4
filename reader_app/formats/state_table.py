"""The table of states: CSV rows `canonical,type,names`, names separated by "|".

Lines starting with "#" are comments. A name written "?Georgia" is ambiguous: it is only
ever suggested as "probably" (KnownName.certain is False); one written "@Moscow" is a
capital or a seat, which as a place ("talks in Moscow") is no actor (KnownName.seat). A
table with no "@" at all (an analyst's copy kept before seats were marked) has every name
but the canonical one taken as a seat, as the app then read it. The built-in table is
resources/states.csv; a library may keep an analyst's edited copy (parse_state_table).
"""

from __future__ import annotations

import csv
from pathlib import Path

from reader_app.domain.actor_finder import SOURCE_TABLE, KnownName
from reader_app.domain.actors import match_key
from reader_app.domain.models import ACTOR_TYPES
from reader_app.resources_path import resources_dir

__all__ = ["HEADER", "StateTableError", "builtin_state_table_path", "load_state_table",
           "parse_state_table", "state_table_path"]

HEADER = ["canonical", "type", "names"]
UNCERTAIN = "?"
SEAT = "@"


class StateTableError(ValueError):
    """A malformed table; the message names the file and the line."""


def state_table_path() -> Path:
    return resources_dir() / "states.csv"


builtin_state_table_path = state_table_path  # the name services.state_names uses


def _names(canonical: str, names: str, legacy: bool) -> list[tuple[str, bool, bool]]:
    """(name, certain, seat) of the canonical name and each other name, each once by match
    key (a name marked "?" anywhere is uncertain: "Chad,state,?Chad" as well as
    "?Chad,state,"; "?@Lima" and "@?Lima" alike). legacy: the table marks no seat."""
    out: dict[str, tuple[str, bool, bool]] = {}
    for number, raw in enumerate([canonical, *names.split("|")]):
        raw = raw.strip()
        marks = raw[:2]
        name = raw.lstrip(UNCERTAIN + SEAT).strip()
        key = match_key(name)
        if not key:
            continue
        certain = UNCERTAIN not in marks
        seat = SEAT in marks or legacy and number > 0
        first, was, seated = out.get(key, (name, True, seat))
        out[key] = (first, was and certain, seated and seat)
    return list(out.values())


def _row(cells: list[str], where: str, legacy: bool = False) -> list[KnownName]:
    if len(cells) != 3:
        raise StateTableError(f"{where}: this row has {len(cells)} columns, expected 3 "
                              "(canonical,type,names)")
    canonical, actor_type, names = (c.strip() for c in cells)
    name = canonical.removeprefix(UNCERTAIN).strip()
    if not match_key(name):
        raise StateTableError(f"{where}: this row's canonical name is empty")
    if actor_type not in ACTOR_TYPES:
        raise StateTableError(f"{where}: this row's type must be one of "
                              f"{', '.join(ACTOR_TYPES)}, not {actor_type!r}")
    return [KnownName(text, None, name, actor_type, SOURCE_TABLE, certain, seat)
            for text, certain, seat in _names(canonical, names, legacy)]


def parse_state_table(text: str, source: str) -> list[KnownName]:
    """Every name in the table, in file order. source names the file in errors."""
    known: list[KnownName] = []
    header_seen = False
    legacy = not any(SEAT in line for line in text.splitlines()
                     if not line.lstrip().startswith("#"))
    for number, line in enumerate(text.lstrip("\ufeff").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = next(csv.reader([line]))
        where = f"{source}, line {number}"
        if not header_seen:
            if [c.strip().lower() for c in cells] != HEADER:
                raise StateTableError(f"{where}: expected the header "
                                      f"{','.join(HEADER)}, found {line.strip()!r}")
            header_seen = True
            continue
        known.extend(_row(cells, where, legacy))
    if not header_seen:
        raise StateTableError(f"{source}: no header line {','.join(HEADER)}")
    return known


def load_state_table(path: Path | None = None) -> list[KnownName]:
    """The table at path, or the built-in one."""
    path = path or state_table_path()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise StateTableError(f"{path}: cannot read the table of states ({exc})") from exc
    return parse_state_table(text, str(path))
