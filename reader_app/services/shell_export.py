"""The optional fast path of CSV export: the sqlite3 command-line shell runs the export's
SELECT (services/shell_sql.py) and writes the CSV rows in C, straight into the same
atomic temporary file the pure path writes, after our BOM and header. We read back what
it wrote as it goes (progress, and the checks), then cut off its probe row and count.

The shell opens the library read-only (a mode=ro URI, -readonly, PRAGMA query_only) in
-safe mode, without reading ~/.sqliterc. Whatever it cannot do as the pure path would
raises ShellUnfit, and the caller runs the pure path instead: a shell that is missing,
old, built without JSON, differs in its quoting (the probe row), meets a blob, a real,
a NUL or invalid UTF-8, or fails in any way. Falling back rather than failing: the pure
path is the reference and reports real problems (a locked or damaged library) in its
own words; the shell must never cost the analyst an export, only time.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from reader_app.services.shell_sql import (
    PROBE_EXPECTED,
    PROBE_START,
    UNFIT_BYTE,
    ShellCells,
    shell_script,
)
from reader_app.storage.database import BUSY_TIMEOUT_MS
from reader_app.storage.export_rows import EXPORT_MMAP_BYTES, ExportSql

PURE_ENV = "READER_APP_PURE_EXPORT"  # set to 1: never use the shell
_CHUNK = 1 << 16  # bytes checked at a time: the peak memory of the check
_POLL_S = 0.05
_TAIL = 1 << 16  # the probe row and the count fit


class ShellUnfit(Exception):
    """The shell cannot write this export as the pure path would; use the pure path."""


def shell_command() -> str | None:
    """The sqlite3 shell to use, or None (not on PATH, or READER_APP_PURE_EXPORT=1)."""
    if os.environ.get(PURE_ENV, "").strip() not in ("", "0") or not hasattr(os, "pread"):
        return None  # (no os.pread on Windows: the check reads what the shell wrote with it)
    return shutil.which("sqlite3")


def library_uri(library: str | os.PathLike[str]) -> str:
    return f"{Path(library).resolve().as_uri()}?mode=ro"


def shell_export(
    shell: str,
    library: str | os.PathLike[str],
    sql: ExportSql,
    cells: ShellCells,
    out: int,
    on_progress: Callable[[int], None],
) -> int:
    """Append the rows of sql (made with cells) as CSV to the regular file open as
    descriptor out, positioned after our header; return how many rows. on_progress(rows
    so far) is called now and then; whatever it raises (the analyst's cancel) stops the
    shell and propagates. Raises ShellUnfit, with the file then holding an unknown part."""
    try:
        script = shell_script(sql, cells, timeout_ms=BUSY_TIMEOUT_MS).encode("utf-8")
    except ValueError as e:  # a filter value that is no SQL literal
        raise ShellUnfit(str(e)) from None
    argv = [shell, "-init", os.devnull, "-batch", "-bail", "-safe", "-readonly", "-csv",
            "-noheader", "-nullvalue", "", "-mmap", str(EXPORT_MMAP_BYTES),
            library_uri(library)]
    start = os.lseek(out, 0, os.SEEK_CUR)
    with tempfile.TemporaryFile() as errors:  # a file: a full stderr pipe would hang it
        try:
            proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=out, stderr=errors)
        except OSError as e:
            raise ShellUnfit(f"cannot start {shell}: {e}") from None
        try:
            check = _Check(out, start)
            _send(proc, script)
            while not _exited(proc):
                on_progress(check.to_end())
            check.to_end()
            if proc.returncode != 0:
                raise ShellUnfit(f"exit status {proc.returncode}")
            rows = check.finish()
        except ShellUnfit as e:
            errors.seek(0)
            said = errors.read(2000).decode("utf-8", "replace").strip()
            raise ShellUnfit(f"{e}: {said}" if said else str(e)) from None
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        errors.seek(0)
        if errors.read(1):
            raise ShellUnfit("the shell wrote to stderr")
    return rows


def _send(proc: subprocess.Popen[bytes], script: bytes) -> None:
    assert proc.stdin is not None
    try:
        with proc.stdin:
            proc.stdin.write(script)
    except OSError as e:  # the shell died before reading its script
        raise ShellUnfit(f"the shell did not take its script: {e}") from None


def _exited(proc: subprocess.Popen[bytes]) -> bool:
    try:
        proc.wait(timeout=_POLL_S)
    except subprocess.TimeoutExpired:
        return False
    return True


class _Check:
    """Reads what the shell appended to the file (pread: the shell's file offset is left
    alone), checking every byte as it comes: no UNFIT byte, valid UTF-8. Counts newlines
    for progress: rows end in \r\n but a cell may hold a newline too, so the count may run
    ahead; the row count the shell prints last (same snapshot) is the answer."""

    def __init__(self, fd: int, start: int) -> None:
        self.fd, self.start, self.done, self.lines = fd, start, start, 0
        self._utf8 = codecs.getincrementaldecoder("utf-8")()

    def to_end(self) -> int:
        end = os.fstat(self.fd).st_size
        while self.done < end:
            chunk = os.pread(self.fd, min(_CHUNK, end - self.done), self.done)
            if not chunk:
                break
            if UNFIT_BYTE in chunk:
                raise ShellUnfit("a cell the shell cannot write as we do (blob, real, NUL)")
            try:
                self._utf8.decode(chunk)
            except UnicodeDecodeError:
                raise ShellUnfit("text that is not valid UTF-8") from None
            self.lines += chunk.count(b"\n")
            self.done += len(chunk)
        return self.lines

    def finish(self) -> int:
        """Check the probe row and take the count off the end; return the count."""
        try:
            self._utf8.decode(b"", final=True)
        except UnicodeDecodeError:
            raise ShellUnfit("text that is not valid UTF-8") from None
        tail_start = max(self.start, self.done - _TAIL)
        tail = os.pread(self.fd, self.done - tail_start, tail_start)
        at = tail.rfind(PROBE_START.encode())
        if at < 0 or (tail_start + at > self.start and tail[at - 1:at] != b"\n"):
            raise ShellUnfit("no probe row at the end")
        try:
            probe, count, *more = csv.reader(io.StringIO(tail[at:].decode("utf-8"), newline=""))
        except (ValueError, csv.Error) as e:
            raise ShellUnfit(f"unreadable probe row: {e}") from None
        if probe != PROBE_EXPECTED or more or len(count) != 1 or not count[0].isdigit():
            raise ShellUnfit("the shell's CSV differs from ours (probe row)")
        if not tail.endswith(b"\r\n"):
            raise ShellUnfit("rows do not end in CRLF")
        rows = int(count[0])
        os.ftruncate(self.fd, tail_start + at)
        return rows
