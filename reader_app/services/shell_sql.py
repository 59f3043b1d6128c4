"""The script the sqlite3 shell runs for a CSV export (services/shell_export.py runs it).

The shell takes no bound parameters on its command line, so filter values become SQL
literals here, built by sql_literal alone. Each column goes through ShellCells, which
defuses formulas in SQL as formats/csv_export.defuse does in Python, and turns any cell the
shell cannot write as the pure path would (a blob, a real, text holding a NUL, which the
shell cuts short) into UNFIT: a lone 0xFF byte, never valid UTF-8, which the reader of the
shell's output sees and then leaves the export to the pure path.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader_app.formats.csv_export import DANGEROUS_FIRST, SAFE_PREFIX
from reader_app.storage.export_rows import LOOKUP_ALIASES, ExportSql

UNFIT = "CAST(X'FF' AS TEXT)"
UNFIT_BYTE = b"\xff"
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def sql_literal(value: str | int) -> str:
    """value as an SQL literal: an int as digits; a str in single quotes with quotes doubled,
    and control characters as char(n) (the shell's line reader would drop a CR before a
    newline). Anything else, and a str that is not valid Unicode, raises ValueError."""
    if type(value) is int:
        return str(value)
    if type(value) is not str:
        raise ValueError(f"not a str or int: {type(value).__name__}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as e:
        raise ValueError(f"not valid Unicode: {e.reason}") from None
    parts: list[str] = []
    last = 0
    for m in _CONTROL.finditer(value):
        if m.start() > last:
            parts.append("'" + value[last:m.start()].replace("'", "''") + "'")
        parts.append(f"char({ord(m.group())})")
        last = m.end()
    if last < len(value) or not parts:
        parts.append("'" + value[last:].replace("'", "''") + "'")
    return parts[0] if len(parts) == 1 else "(" + " || ".join(parts) + ")"


def bind_literals(sql: str, params: Sequence[object]) -> str:
    """sql with each ? replaced by its parameter as a literal. Our export SQL holds no ? of
    its own (no string literal in it has one); a count that differs raises ValueError."""
    pieces = sql.split("?")
    if len(pieces) != len(params) + 1:
        raise ValueError(f"{len(pieces) - 1} placeholders for {len(params)} parameters")
    out = [pieces[0]]
    for value, piece in zip(params, pieces[1:], strict=True):
        if not isinstance(value, (str, int)):
            raise ValueError(f"parameter is not a str or int: {type(value).__name__}")
        out += [sql_literal(value), piece]
    return "".join(out)


def _byte(c: str) -> str:
    return f"x'{ord(c):02X}'"


def _defused(e: str) -> str:
    """Text e with SAFE_PREFIX when its first byte is one of DANGEROUS_FIRST (all ASCII).
    Byte comparisons on CAST(e AS BLOB), walking down from the highest dangerous byte:
    no function call and no copy (substr() would copy every cell), and most cells,
    starting with a letter or above ASCII, take one comparison."""
    b = f"CAST({e} AS BLOB)"
    steps = []
    for c in sorted(DANGEROUS_FIRST, reverse=True):
        steps.append(f"WHEN {b} >= {_byte(chr(ord(c) + 1))} THEN {e}"
                     f" WHEN {b} >= {_byte(c)} THEN {sql_literal(SAFE_PREFIX)} || {e}")
    return "CASE " + " ".join(steps) + f" ELSE {e} END"


def _checked(e: str, raw: bool) -> str:
    """One column for the shell: NULL and integers as they are, text defused (unless raw),
    anything else, and text holding a NUL, UNFIT. Types by comparison where possible
    (numbers < text < blobs; typeof() is a function call per cell): e < '' is a number."""
    text = e if raw else _defused(e)
    return (f"CASE WHEN {e} IS NULL THEN NULL"
            f" WHEN {e} < '' THEN CASE typeof({e}) WHEN 'integer' THEN {e} ELSE {UNFIT} END"
            f" WHEN {e} < x'' THEN CASE WHEN instr(CAST({e} AS BLOB), x'00') THEN {UNFIT}"
            f" ELSE {text} END ELSE {UNFIT} END")


def _bad(column: str) -> str:
    return (f"typeof({column}) NOT IN ('text', 'integer', 'null')"
            f" OR instr(CAST({column} AS BLOB), x'00')")


_LOOKUP = re.compile(r"([a-z])\.(\w+)")


class ShellCells:
    """The export's columns for the shell, as export_rows' cell function. A column of a
    lookup table (articles, actors: LOOKUP_ALIASES) is checked once per article or actor by
    precheck() rather than once per tag, and then only defused: the same cells the tags'
    rows repeat cost one check each."""

    def __init__(self, *, raw: bool) -> None:
        self.raw = raw
        self._lookups: dict[str, set[str]] = {}

    def __call__(self, expression: str) -> str:
        m = _LOOKUP.fullmatch(expression)
        if m is None or m.group(1) not in LOOKUP_ALIASES:
            return _checked(expression, self.raw)
        self._lookups.setdefault(LOOKUP_ALIASES[m.group(1)], set()).add(m.group(2))
        if self.raw:
            return expression
        e = expression  # NULL, an integer or NUL-free text, as precheck() saw
        return f"CASE WHEN {e} IS NULL OR {e} < '' THEN {e} ELSE {_defused(e)} END"

    def precheck(self) -> str:
        """A SELECT that writes one UNFIT row when a lookup column anywhere holds what the
        shell cannot write (nothing otherwise); it runs before the rows."""
        tests = [f"EXISTS (SELECT 1 FROM {table} WHERE "
                 + " OR ".join(_bad(f'"{c}"') for c in sorted(columns)) + ")"
                 for table, columns in sorted(self._lookups.items())]
        return f"SELECT {UNFIT} WHERE " + (" OR ".join(tests) if tests else "0")


# After the rows, in the same snapshot, the shell writes a probe row and the row count;
# the reader checks them, then cuts them off the file. The probe row starts with
# PROBE_START, so the last occurrence of PROBE_START in the file is where it begins (a cell
# may hold that text too, but every cell comes before the probe). A shell that escapes,
# cuts or quotes the probe's cells differently is not used.
PROBE_START = "reader-app-shell-probe"
PROBE_CELLS: tuple[str, ...] = (
    "a,b", 'say "hi"', "line\nbreak", "cr\rlf\r\n", "\ttab", "\x01\x1b[0m\x7f", "",
    "Київ 😀 𠀀 עברית é\u0301", "'", " padded ", "x" * 5000,
)
PROBE_EXPECTED: list[str] = [PROBE_START, *PROBE_CELLS, "-7", ""]


def probe_select() -> str:
    """A row that reads back as PROBE_EXPECTED: PROBE_START, PROBE_CELLS, an integer, NULL."""
    cells = [sql_literal(c) for c in (PROBE_START, *PROBE_CELLS)]
    return "SELECT " + ", ".join([*cells, "-7", "NULL"])


def shell_script(sql: ExportSql, cells: ShellCells, *, timeout_ms: int) -> str:
    """The whole script: settings, then in one read transaction (one snapshot) the
    precheck, the rows (sql, made with cells), the probe row and the row count."""
    select = bind_literals(sql.select, sql.params)
    count = bind_literals(sql.count_select, sql.params)
    return "\n".join([
        f".timeout {int(timeout_ms)}",
        ".mode csv",
        '.separator "," "\\r\\n"',  # the shell resolves the backslashes; -csv alone ends rows in \n
        ".headers off",
        '.nullvalue ""',
        "PRAGMA query_only = 1;",
        "BEGIN;",
        cells.precheck() + ";",
        select + ";",
        probe_select() + ";",
        count + ";",
        "",
    ])
