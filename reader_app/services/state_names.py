"""The state table a library uses: the analyst's own copy if they edited it, else the
built-in one (resources/states.csv). Kept in the library, so a colleague who opens the
library sees the same table."""

from __future__ import annotations

import csv
import io
from functools import lru_cache

from sqlite_utils import Database

from reader_app.domain.actor_finder import KnownName
from reader_app.formats.state_table import (
    builtin_state_table_path,
    load_state_table,
    parse_state_table,
)
from reader_app.storage.state_names import replace_state_rows, state_rows
from reader_app.storage.transaction import write

HEADER = "canonical,type,names"


def _library_csv(db: Database) -> str | None:
    rows = state_rows(db)
    if not rows:
        return None
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER.split(","))
    writer.writerows(rows)
    return out.getvalue()


def state_table_text(db: Database) -> str:
    """The table as CSV text, for the editor: the library's copy, else the built-in file."""
    own = _library_csv(db)
    return own if own is not None else builtin_state_table_path().read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _builtin() -> tuple[KnownName, ...]:
    return tuple(load_state_table())


def state_table(db: Database) -> list[KnownName]:
    own = _library_csv(db)
    return parse_state_table(own, "the library's state table") if own is not None \
        else list(_builtin())


def save_state_table(db: Database, text: str) -> int:
    """Keep an edited table in the library (ValueError naming the row if it does not
    parse; nothing is changed then). Returns the number of states."""
    names = parse_state_table(text, "the edited state table")
    rows: dict[str, tuple[str, list[str]]] = {}
    for n in names:
        kind, others = rows.setdefault(n.canonical, (n.actor_type, []))
        if n.text != n.canonical or not n.certain or n.seat:  # "?Georgia", "@Moscow"
            others.append(("" if n.certain else "?") + ("@" if n.seat else "") + n.text)
    with write(db):
        replace_state_rows(db, [(canonical, kind, "|".join(others))
                                for canonical, (kind, others) in rows.items()])
    return len(rows)


def reset_state_table(db: Database) -> None:
    """Back to the built-in table."""
    with write(db):
        replace_state_rows(db, [])
