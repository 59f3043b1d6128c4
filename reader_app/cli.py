"""The `reader-app` command line: the window by default, `import` and `export` for batch work.

Never imports Qt (nor reader_app.app): reader_app.entry passes in how to open
the window, so `reader-app export` runs on a server without display libraries
and the import-linter layers hold. Every failure ends as one line on stderr and
a non-zero status, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import time
from collections.abc import Callable
from contextlib import closing, suppress

from sqlite_utils import Database

from reader_app import __version__
from reader_app.domain.models import CLAIM_STATUSES, KINDS, Article
from reader_app.formats.csv_export import open_csv_output, write_csv
from reader_app.formats.dateline import valid_iso_date
from reader_app.services.exporting import TABLES
from reader_app.services.importing import describe_duplicate, import_paths
from reader_app.services.suggesting import SUGGESTED_KINDS, suggest
from reader_app.services.tagging import plan_tag
from reader_app.services.tagging import tag as tag_span
from reader_app.storage.articles import NotFound, get_article
from reader_app.storage.backup import backup_library
from reader_app.storage.database import (
    ForeignSchema,
    LibraryError,
    open_library,
    validate_library,
)
from reader_app.storage.errors import advice
from reader_app.storage.export_rows import export_row_by_id
from reader_app.storage.library_files import is_library_file
from reader_app.storage.location import resolve_library_path

PROG = "reader-app"
COMMANDS = ("import", "export", "backup", "repair", "suggest", "tag")
FORMATS = ("csv",)
# --table: (columns, rows, count, noun, the filters that apply)
_FILTER_FLAGS = {"kinds": "--kind", "article_ids": "--article", "date_from": "--from",
                 "date_to": "--to", "statuses": "--status"}
RunGui = Callable[[str | None, list[str]], int]

_USAGE = f"""{PROG} [--db PATH] [FILE ...]
       {PROG} import [--db PATH] PATH ...
       {PROG} export [--db PATH] [--format csv] [--table annotations|claims|actors]
                     [--output FILE|-] [filters] [--raw]
       {PROG} suggest [--db PATH] --article ID [--kind actor|date|claim]
       {PROG} tag [--db PATH] --article ID --kind KIND --start S --end E
       {PROG} backup [--db PATH] OUT
       {PROG} repair [--db PATH] --remove-foreign-schema"""
_EPILOG = f"""commands:
  (none)      open the window on the library, importing any FILEs
  import      import files and folders (.txt .md .html) into the library
  export      write annotations, claims or actors as CSV (see {PROG} export --help)
  suggest     print the untagged spans the app would tag, one JSON object per line
  tag         tag one span exactly as the window would, printed as one JSON object
  backup      copy the library safely, even while the window is open
  repair      remove triggers and views that Analyst Reader did not create"""
_DB_HELP = "library file (default: $READER_APP_DB, else the platform data folder)"


class CliError(Exception):
    """A failure to report as one line; status is the exit code."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line instead of usage + message
        raise CliError(f"{message} (see {self.prog} --help)", 2)


def _iso_date(text: str) -> str:
    if valid_iso_date(text) == text:  # the importers' check: a real YYYY-MM-DD, nothing more
        return text
    raise argparse.ArgumentTypeError(f"invalid date {text!r}: expected a real date as YYYY-MM-DD")


def _window_parser() -> _Parser:
    p = _Parser(prog=PROG, usage=_USAGE, epilog=_EPILOG,
                formatter_class=argparse.RawDescriptionHelpFormatter,
                description="Analyst Reader: read articles and tag claims, actors and dates.")
    p.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    p.add_argument("--db", metavar="PATH", help=_DB_HELP)
    p.add_argument("files", nargs="*", metavar="FILE", help="articles to import on start")
    return p


def _command_parser() -> _Parser:
    db_after = _Parser(add_help=False)  # --db after the command; SUPPRESS keeps one given before
    db_after.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=_DB_HELP)
    p = _Parser(prog=PROG, usage=_USAGE)
    p.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    p.add_argument("--db", metavar="PATH", help=_DB_HELP)
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)
    imp = sub.add_parser("import", parents=[db_after], prog=f"{PROG} import",
                         help="import files and folders",
                         description="Import articles (.txt, .md, .html); folders recursively.")
    imp.add_argument("paths", nargs="+", metavar="PATH")
    exp = sub.add_parser("export", parents=[db_after], prog=f"{PROG} export",
                         help="export annotations",
                         description="Export annotations or claims by article then position,"
                                     " or the actor list by name.")
    exp.add_argument("--format", default="csv", choices=FORMATS,
                     help="output format (default: csv)")
    exp.add_argument("--table", default="annotations", choices=tuple(TABLES),
                     help="annotations (default: every tag), claims only, or the actor list")
    exp.add_argument("--output", "-o", default="-", metavar="FILE|-",
                     help="where to write (default: - for standard output)")
    exp.add_argument("--kind", action="append", dest="kinds", choices=KINDS,
                     help="only this kind (repeatable)")
    exp.add_argument("--article", action="append", dest="article_ids", type=int, metavar="ID",
                     help="only this article (repeatable)")
    exp.add_argument("--from", dest="date_from", type=_iso_date, metavar="YYYY-MM-DD",
                     help="articles published on or after (undated ones are left out)")
    exp.add_argument("--to", dest="date_to", type=_iso_date, metavar="YYYY-MM-DD",
                     help="articles published on or before (undated ones are left out)")
    exp.add_argument("--status", action="append", dest="statuses", choices=CLAIM_STATUSES,
                     help="--table claims: only claims with this status (repeatable)")
    exp.add_argument("--raw", action="store_true",
                     help="exact cells: no BOM, no ' before cells starting with = + - @")
    sug = sub.add_parser("suggest", parents=[db_after], prog=f"{PROG} suggest",
                         help="print suggestions for an article",
                         description="Print the article's suggestions in text order, one JSON"
                                     " object per line (code-point offsets; nothing for spans"
                                     " already tagged or rejected).")
    sug.add_argument("--article", type=int, required=True, metavar="ID")
    sug.add_argument("--kind", action="append", dest="kinds", choices=SUGGESTED_KINDS,
                     help="only this kind (repeatable)")
    tag = sub.add_parser("tag", parents=[db_after], prog=f"{PROG} tag",
                         help="tag one span",
                         description="Tag article text [START, END) (code points) as the window"
                                     " would: same actor linking, date resolving and claimant"
                                     " proposal. Prints the tag with the CSV's column names.")
    tag.add_argument("--article", type=int, required=True, metavar="ID")
    tag.add_argument("--kind", required=True, choices=KINDS)
    tag.add_argument("--start", type=int, required=True, metavar="S")
    tag.add_argument("--end", type=int, required=True, metavar="E")
    tag.add_argument("--analyst", metavar="NAME", help="who made the tag")
    bak = sub.add_parser("backup", parents=[db_after], prog=f"{PROG} backup",
                         help="copy the library safely",
                         description="Copy the library with SQLite's online backup API: safe"
                                     " while the window or an import writes to it.")
    bak.add_argument("output", metavar="OUT", help="the backup file (or a folder)")
    rep = sub.add_parser("repair", parents=[db_after], prog=f"{PROG} repair",
                         help="remove foreign triggers and views",
                         description="Remove triggers and views in the library that Analyst"
                                     " Reader did not create (they would run with every change).")
    rep.add_argument("--remove-foreign-schema", action="store_true", required=True,
                     help="drop every trigger and view our schema does not define")
    return p


def _find_command(argv: list[str]) -> str | None:
    """The command is the first word that is not an option (or --db's value)."""
    it = iter(argv)
    for tok in it:
        if tok == "--":
            return None
        if tok == "--db":
            next(it, None)
        elif not tok.startswith("-") or tok == "-":
            return tok if tok in COMMANDS else None
    return None


class _Progress:
    """One updating line on a terminal's stderr; silent anywhere else."""

    def __init__(self, verb: str) -> None:
        self.verb = verb
        self.active = sys.stderr.isatty()
        self._last = 0.0

    def update(self, done: int, total: int, *_: object) -> None:
        now = time.monotonic()
        if self.active and (now - self._last > 0.1 or done == total):
            self._last = now
            sys.stderr.write(f"\r{self.verb} {done}/{total} …")
            sys.stderr.flush()

    def clear(self) -> None:
        if self.active and self._last:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def _cmd_import(args: argparse.Namespace) -> int:
    db = open_library(resolve_library_path(args.db))
    progress = _Progress("Importing")
    try:
        report = import_paths(db, args.paths, progress=progress.update)
    finally:
        progress.clear()
        db.close()
    for line in report.refused:
        print(line, file=sys.stderr)
    for name, result in report.duplicates:
        print(describe_duplicate(name, result), file=sys.stderr)
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(report.summary())
    return 1 if report.failed else 0


def _cmd_export(args: argparse.Namespace) -> int:
    path = resolve_library_path(args.db)
    if not path.is_file() or path.stat().st_size == 0:
        raise CliError(f"no library at {path}")
    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise CliError(f"--from {args.date_from} is after --to {args.date_to}", 2)
    for name, flag in _FILTER_FLAGS.items():
        if getattr(args, name) and name not in TABLES[args.table].filters:
            raise CliError(f"{flag} does not apply to --table {args.table}", 2)
    if args.output != "-" and is_library_file(args.output, path):
        raise CliError(f"{args.output}: is the library itself; choose another output file", 2)
    db = open_library(path, create=False)
    try:
        for article_id in args.article_ids or ():
            if not db.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone():
                raise CliError(f"no article {article_id} in {path}")
        table = TABLES[args.table]
        columns, iter_rows, count_rows, noun = table.columns, table.rows, table.count, table.noun
        filters = {name: getattr(args, name) for name in table.filters}
        to_file = args.output != "-"
        progress = _Progress("Exporting")
        total = count_rows(db, **filters) if to_file and progress.active else 0
        try:
            rows = iter_rows(db, **filters)
            with closing(rows), open_csv_output(args.output, args.raw) as out:
                written = write_csv(rows, columns, out, raw=args.raw,
                                    progress=lambda n: progress.update(n, total))
        except BrokenPipeError:
            raise
        except OSError as e:
            raise CliError(f"cannot write {args.output}: {e.strerror or e}") from None
        finally:
            progress.clear()
    finally:
        db.close()
    if to_file:
        print(f"Exported {written} {noun}{'s' * (written != 1)} to {args.output}",
              file=sys.stderr)
    return 0


def _open_existing(args: argparse.Namespace) -> Database:
    path = resolve_library_path(args.db)
    if not path.is_file() or path.stat().st_size == 0:
        raise CliError(f"no library at {path}")
    return open_library(path, create=False)


def _article(db: Database, article_id: int) -> Article:
    try:
        return get_article(db, article_id)
    except NotFound:
        raise CliError(f"no article {article_id} in the library") from None


def _cmd_suggest(args: argparse.Namespace) -> int:
    db = _open_existing(args)
    try:
        _article(db, args.article)
        for s in suggest(db, args.article, args.kinds):
            print(json.dumps({"kind": s.kind, "start": s.start, "end": s.end, "quote": s.quote,
                              "actor": s.actor_name if s.kind == "actor" else None,
                              "actor_id": s.actor_id, "certain": s.certain,
                              "value": s.value, "granularity": s.granularity,
                              "claimant": s.claimant_name, "reason": s.reason},
                             ensure_ascii=False))
    finally:
        db.close()
    return 0


def _cmd_tag(args: argparse.Namespace) -> int:
    db = _open_existing(args)
    try:
        article = _article(db, args.article)
        try:
            plan_tag(db, article, args.kind, args.start, args.end)
            new, _ = tag_span(db, article, args.kind, args.start, args.end, analyst=args.analyst)
        except ValueError as e:
            raise CliError(str(e)) from None
        print(json.dumps(export_row_by_id(db, new.annotation.id), ensure_ascii=False))
        print(new.explanation, file=sys.stderr)
    finally:
        db.close()
    return 0


def _cmd_backup(args: argparse.Namespace) -> int:
    path = resolve_library_path(args.db)
    validate_library(path)  # never copy a foreign file; never change the one we copy
    progress = _Progress("Backing up")
    try:
        out = backup_library(path, args.output, progress=progress.update)
    finally:
        progress.clear()
    print(f"Backed up {path} to {out}", file=sys.stderr)
    return 0


def _cmd_repair(args: argparse.Namespace) -> int:
    path = resolve_library_path(args.db)
    try:
        validate_library(path)
        print(f"{path}: nothing to repair", file=sys.stderr)
        return 0
    except ForeignSchema as e:
        if not e.removable:
            raise
        objects = e.objects
    open_library(path, create=False, drop_foreign=True).close()
    for obj in objects:
        print(f"removed {obj.describe()}", file=sys.stderr)
    return 0


def _run(argv: list[str], run_gui: RunGui | None) -> int:
    command = _find_command(argv)
    if command is None:
        args = _window_parser().parse_args(argv)
        if run_gui is None:  # the window comes from reader_app.entry; cli never imports Qt
            raise CliError(f"no window from this entry point: run {PROG} or python -m reader_app",
                           2)
        return run_gui(args.db, list(args.files))
    args = _command_parser().parse_args(argv)
    commands = {"import": _cmd_import, "export": _cmd_export, "backup": _cmd_backup,
                "repair": _cmd_repair, "suggest": _cmd_suggest, "tag": _cmd_tag}
    return commands[args.command](args)


def _fail(message: str, status: int) -> int:
    with suppress(OSError, ValueError):
        print(f"{PROG}: error: {message}", file=sys.stderr)
    return status


def _silence_stdout() -> None:
    """After a closed pipe (`| head`), point stdout at devnull so the final flush
    at exit does not complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def main(argv: list[str] | None = None, *, run_gui: RunGui | None = None) -> int:
    """Run the command line; returns the exit status. run_gui: how to open the window."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        return _run(argv, run_gui)
    except SystemExit as e:  # --help and --version
        return e.code if isinstance(e.code, int) else 0
    except CliError as e:
        return _fail(str(e), e.status)
    except LibraryError as e:
        return _fail(str(e), 1)
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
    except BrokenPipeError:
        _silence_stdout()
        return 141  # as if killed by SIGPIPE, like other tools in a pipeline
    except sqlite3.Error as e:
        return _fail(f"library error: {advice(e)}", 1)
    except OSError as e:
        return _fail(f"{e.filename or 'input/output'}: {e.strerror or e}", 1)
    except Exception as e:  # a bug: still one line, the details on request
        if os.environ.get("READER_APP_DEBUG"):
            raise
        return _fail(f"unexpected {type(e).__name__}: {e} (set READER_APP_DEBUG=1 for details)", 1)
