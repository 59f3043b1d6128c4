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
import re
import sqlite3
import sys
import time
from collections.abc import Callable
from contextlib import closing, suppress
from pathlib import Path

from sqlite_utils import Database

from reader_app import __version__
from reader_app.domain.models import CLAIM_STATUSES, KINDS, Article
from reader_app.domain.search_query import date_bound, parse_grade, parse_query
from reader_app.domain.span_trim import tidy_span
from reader_app.formats.csv_export import open_csv_output, write_csv
from reader_app.formats.dateline import valid_iso_date
from reader_app.services.exporting import TABLES
from reader_app.services.importing import describe_duplicate, import_paths
from reader_app.services.interchange import EXPORT_FORMATS, export_interchange
from reader_app.services.search import SearchFilter, matching_article_ids, search_articles
from reader_app.services.suggesting import SUGGESTED_KINDS, save_kept, suggest
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
from reader_app.storage.search import actor_ids
from reader_app.storage.search_health import notices

PROG = "reader-app"
MAX_LIMIT = 1_000_000  # search results printed at most (SQLite takes a 64-bit LIMIT)
COMMANDS = ("import", "export", "search", "backup", "repair", "suggest", "tag", "merge",
            "agreement", "report", "codebook")
FORMATS = ("csv", *EXPORT_FORMATS)
# --table: (columns, rows, count, noun, the filters that apply)
_FILTER_FLAGS = {"kinds": "--kind", "article_ids": "--article", "date_from": "--from",
                 "date_to": "--to", "statuses": "--status"}
RunGui = Callable[[str | None, list[str]], int]
# (db, filter, "html"|"pdf", output) -> one line: Qt draws the pictures and the PDF (entry.py)
RenderReport = Callable[[Database, SearchFilter | None, str, Path], str]

_USAGE = f"""{PROG} [--db PATH] [FILE ...]
       {PROG} import [--db PATH] PATH ...
       {PROG} export [--db PATH] [--format csv] [--table annotations|claims|actors|articles]
                     [--output FILE|-] [filters] [facets] [--raw]
       {PROG} search [--db PATH] [QUERY ...] [facets] [--format text|jsonl] [--limit N]
       {PROG} suggest [--db PATH] --article ID [--kind actor|date|claim]
       {PROG} tag [--db PATH] --article ID --kind KIND --start S --end E [--analyst NAME]
       {PROG} backup [--db PATH] OUT
       {PROG} merge [--db PATH] OTHER [--dry-run] [--conflicts mine|theirs|both]
                    [--actors accept|new]
       {PROG} agreement [--db PATH] [--article ID ...] [--analysts A B] [--format text|csv|json]
                        [--output FILE|-]
       {PROG} report [--db PATH] [--query TEXT] [facets] [--format html|pdf] --output FILE
       {PROG} codebook export|import [--db PATH] FILE
       {PROG} repair [--db PATH] --remove-foreign-schema"""
_EPILOG = """commands:
  (none)      open the window on the library, importing any FILEs
  import      import files and folders (.txt .md .html .pdf .docx .odt .eml ...) into the
              library; .qdpx, W3C, brat and JSON Lines files bring their tags too
  export      write tags, claims, actors or articles as CSV, or as qdpx, W3C, brat or JSON Lines
  search      find articles: words, "phrases", -word, OR, prefix*, and facets
  suggest     print the untagged spans the app would tag, one JSON object per line
  tag         tag one span exactly as the window would, printed as one JSON object
  backup      copy the library safely, even while the window is open
  merge       merge another analyst's library (or an interchange file) into this one
  agreement   compare analysts on the articles both tagged: span F1, kappa, alpha
  report      a dossier of the selection: claims by actor, chronology, articles (HTML, PDF)
  codebook    export or import your own codes as a REFI-QDA codebook (.qdc)
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


def _search_date(text: str) -> str:
    try:
        date_bound(text, last=False)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None
    return text


def _grade(text: str) -> str:
    try:
        reliability, credibility = parse_grade(text)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None
    return f"{reliability}{credibility}"


def _add_facets(p: argparse.ArgumentParser, *, rows: bool) -> None:
    """The search facets; on export (rows=True) --kind, --status, --from and --to exist
    already as row filters, and the others select the articles exported."""
    if not rows:
        p.add_argument("--kind", action="append", dest="kinds", metavar="KIND",
                       help="articles with a tag of this kind: claim, actor, date or an own"
                            " code's name (repeatable)")
        p.add_argument("--status", action="append", dest="statuses", choices=CLAIM_STATUSES,
                       help="articles with a claim of this status (repeatable)")
        p.add_argument("--from", dest="date_from", type=_search_date, metavar="DATE",
                       help="published on or after (YYYY-MM-DD, YYYY-MM or YYYY)")
        p.add_argument("--to", dest="date_to", type=_search_date, metavar="DATE",
                       help="published on or before (YYYY-MM-DD, YYYY-MM or YYYY)")
    else:
        p.add_argument("--query", metavar="TEXT",
                       help="only articles matching this search (as `reader-app search`)")
    who = p.add_mutually_exclusive_group()
    who.add_argument("--actor", metavar="NAME",
                     help="articles where this actor (name or alias) is tagged")
    who.add_argument("--claimant", metavar="NAME",
                     help="articles with a claim by this actor (with --status and --grade:"
                          " the same claim)")
    p.add_argument("--grade", action="append", dest="grades", type=_grade, metavar="B2",
                   help="articles with a claim of this Admiralty grade (repeatable)")
    p.add_argument("--source", metavar="TEXT", help="source containing TEXT (any case)")
    p.add_argument("--analyst", metavar="NAME", help="articles with tags by this analyst")


def _search_filter(args: argparse.Namespace, text: str) -> SearchFilter:
    return SearchFilter(
        text=text, kinds=tuple(args.kinds or ()),
        actor=args.claimant or args.actor,
        actor_role="claimant" if args.claimant else "any",
        statuses=tuple(args.statuses or ()), grades=tuple(args.grades or ()),
        published_from=args.date_from, published_to=args.date_to,
        source=args.source, analyst=args.analyst)


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
                         description="Import articles (.txt, .md, .html, .mhtml, .eml, .pdf, .docx, .odt);"
                                     " folders recursively."
                                     " Annotation files (.qdpx, W3C .jsonld, .jsonl, brat"
                                     " .ann or a folder of them) bring their articles and"
                                     " tags as a merge would, never overwriting a tag.")
    imp.add_argument("paths", nargs="+", metavar="PATH")
    exp = sub.add_parser("export", parents=[db_after], prog=f"{PROG} export",
                         help="export annotations",
                         description="Export annotations or claims by article then position,"
                                     " the actor list by name, or the article list in import"
                                     " order.")
    exp.add_argument("--format", default="csv", choices=FORMATS,
                     help="csv (default); qdpx (REFI-QDA project), w3c (JSON-LD, or JSON Lines"
                          " when --output ends in .jsonl), brat (a folder of .txt + .ann),"
                          " jsonl (doccano/spaCy): the selected articles with their tags")
    exp.add_argument("--table", default="annotations", choices=tuple(TABLES),
                     help="annotations (default: every tag), claims only, actors (the actor"
                          " list) or articles (the article list, with memos)")
    exp.add_argument("--output", "-o", default="-", metavar="FILE|-",
                     help="where to write (default: - for standard output)")
    exp.add_argument("--kind", action="append", dest="kinds", metavar="KIND",
                     help="only this kind: claim, actor, date or an own code's name"
                          " (repeatable)")
    exp.add_argument("--article", action="append", dest="article_ids", type=int, metavar="ID",
                     help="only this article (repeatable)")
    exp.add_argument("--from", dest="date_from", type=_iso_date, metavar="YYYY-MM-DD",
                     help="articles published on or after (undated ones are left out)")
    exp.add_argument("--to", dest="date_to", type=_iso_date, metavar="YYYY-MM-DD",
                     help="articles published on or before (undated ones are left out)")
    exp.add_argument("--status", action="append", dest="statuses", choices=CLAIM_STATUSES,
                     help="--table claims: only claims with this status (repeatable)")
    exp.add_argument("--for-inception", action="store_true",
                     help="--format brat: leave out the N (normalisation) lines INCEpTION refuses")
    exp.add_argument("--raw", action="store_true",
                     help="exact cells: no BOM, no ' before cells starting with = + - @")
    _add_facets(exp, rows=True)
    sea = sub.add_parser("search", parents=[db_after], prog=f"{PROG} search",
                         help="search the library",
                         description="Find articles by their title, text, memo, tags and"
                                     " actors: words (all must match), \"exact phrases\","
                                     " -word to exclude, OR, prefix*; facets combine with AND."
                                     " A query may start with -word.")
    sea.add_argument("query", nargs="*", metavar="QUERY")
    _add_facets(sea, rows=False)
    sea.add_argument("--format", default="text", choices=("text", "jsonl"),
                     help="text (default) or one JSON object per line, best first")
    sea.add_argument("--limit", type=int, default=100, metavar="N",
                     help="at most N articles (default 100)")
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
    tag.add_argument("--kind", required=True, metavar="KIND",
                     help="claim, actor, date or an own code's name")
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
    agr = sub.add_parser("agreement", parents=[db_after], prog=f"{PROG} agreement",
                         help="inter-analyst agreement",
                         description="Compare analysts on the articles both tagged: span F1"
                                     " (exact, overlapping), Cohen's kappa per character and"
                                     " Krippendorff's alpha on matched spans' attributes. Without"
                                     " --analysts, every pair (the first named is A, the reference).")
    agr.add_argument("--article", action="append", dest="article_ids", type=int, metavar="ID",
                     help="only this article (repeatable)")
    agr.add_argument("--analysts", nargs=2, metavar=("A", "B"), help="the pair; A is the reference")
    agr.add_argument("--format", default="text", choices=("text", "csv", "json"),
                     help="text (default), csv (Excel-safe, one figure a row) or json")
    agr.add_argument("--output", "-o", default="-", metavar="FILE|-",
                     help="where to write (default: - for standard output)")
    rpt = sub.add_parser("report", parents=[db_after], prog=f"{PROG} report",
                         help="write a report of the selection as HTML or PDF",
                         description="Write a dossier of the selected articles (the query and"
                                     " facets; all articles without them): claims by actor, a"
                                     " chronology and the articles, as HTML or PDF.")
    rpt.add_argument("--query", metavar="TEXT", default="", help="only articles matching this")
    _add_facets(rpt, rows=False)
    rpt.add_argument("--format", choices=("html", "pdf"),
                     help="default: pdf if --output ends in .pdf, else html")
    rpt.add_argument("--output", "-o", metavar="FILE", required=True)
    mer = sub.add_parser("merge", parents=[db_after], prog=f"{PROG} merge",
                         help="merge another library into this one",
                         description="Merge OTHER (another analyst's library, or a file an"
                                     " interchange reader handles) into the library: articles"
                                     " by sha256, tags by uuid and span, actors by name key.")
    mer.add_argument("other", metavar="OTHER")
    mer.add_argument("--dry-run", action="store_true", help="print what would change; write"
                     " nothing")
    mer.add_argument("--conflicts", choices=("mine", "theirs", "both"), help="how to resolve"
                     " every conflict (default: mine; both for another analyst's span)")
    mer.add_argument("--actors", choices=("accept", "new"), default="accept", help="accept the"
                     " proposed actor merges (default) or add their actors as new ones")
    cb = sub.add_parser("codebook", parents=[db_after], prog=f"{PROG} codebook",
                        help="export or import the codebook (.qdc)",
                        description="Export your own codes (beside claim, actor and date) as a"
                                    " REFI-QDA codebook (.qdc), or import one: merged by name.")
    cb.add_argument("action", choices=("export", "import"))
    cb.add_argument("file", metavar="FILE", help="the .qdc file to write or read")
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
    from reader_app.services.bundle_files import is_interchange_path

    merged = {p: is_interchange_path(p) for p in args.paths}
    tags = [p for p in args.paths if merged[p]]
    articles = [p for p in args.paths if not merged[p]]
    db = open_library(resolve_library_path(args.db))
    progress = _Progress("Importing")
    failed = False
    try:
        library = resolve_library_path(args.db)
        for path in tags:
            failed |= not _import_tags(db, path, library)
        if not articles:
            return 1 if failed else 0
        report = import_paths(db, articles, progress=progress.update)
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
    return 1 if report.failed or failed else 0


def _import_tags(db: Database, path: str, library: Path) -> bool:
    """A .qdpx, W3C, brat or JSON Lines file: its articles and tags enter as a merge would
    bring them (tags by uuid, articles by sha256), never overwriting a tag of the library: a
    conflicting one is kept as it is here (or added beside it, when another analyst made
    it), and every conflict, unanchored tag and unmapped code is printed. False: refused."""
    from reader_app.domain.interchange import BundleFormatError
    from reader_app.services import merging
    from reader_app.services.bundle_files import read_other

    try:
        plan = merging.plan_merge(db, read_other(path, library))
    except BundleFormatError as e:
        print(f"{_one_line(str(e))}", file=sys.stderr)
        return False
    result = merging.apply_merge(db, plan, merging.MergeChoices())
    for line in merging.describe_plan(plan)[1:]:
        print(_one_line(line), file=sys.stderr)
    print(result.summary())
    return True


def _cmd_export(args: argparse.Namespace) -> int:
    path = resolve_library_path(args.db)
    if not path.is_file() or path.stat().st_size == 0:
        raise CliError(f"no library at {path}")
    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise CliError(f"--from {args.date_from} is after --to {args.date_to}", 2)
    if args.for_inception and args.format != "brat":
        raise CliError("--for-inception applies to --format brat only", 2)
    for name, flag in _FILTER_FLAGS.items():
        if getattr(args, name) and name not in TABLES[args.table].filters:
            raise CliError(f"{flag} does not apply to --table {args.table}", 2)
    if args.output != "-" and is_library_file(args.output, path):
        raise CliError(f"{args.output}: is the library itself; choose another output file", 2)
    facets = [flag for name, flag in _EXPORT_FACETS.items() if getattr(args, name)]
    if facets and args.table == "actors":
        raise CliError(f"{facets[0]} does not apply to --table actors", 2)
    if args.format != "csv":
        return _export_interchange(args, path, facets)
    db = open_library(path, create=False)
    try:
        _print_notices(db)
        _check_articles(db, args, path)
        table = TABLES[args.table]
        columns, iter_rows, count_rows, noun = table.columns, table.rows, table.count, table.noun
        filters = {name: getattr(args, name, None) for name in table.filters}
        if facets:
            filters["article_ids"] = _selected_articles(db, args)
        if args.table == "claims":  # claims by this claimant, of these grades: not their articles'
            if args.claimant:
                filters["claimant_ids"] = actor_ids(db, args.claimant)
            if args.grades:
                filters["grades"] = [parse_grade(g) for g in args.grades]  # checked above
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
    why = _why_nothing(noun, filters.get("article_ids")) if facets and not written else ""
    if to_file:
        print(f"Exported {written} {noun}{'s' * (written != 1)} to {args.output}{why}",
              file=sys.stderr)
    elif why:  # the rows go to stdout: only an empty export is worth a word on stderr
        print(f"Exported 0 {noun}s{why}", file=sys.stderr)
    return 0


def _why_nothing(noun: str, article_ids: object) -> str:
    """Why an export with article filters wrote nothing: no article matched, or the
    articles that did hold none of these rows."""
    n = len(article_ids) if isinstance(article_ids, list) else 0
    if not n:
        return " (no article matches the filters)"
    return (f" ({n} article{'s' * (n != 1)} match{'es' * (n == 1)} the filters but"
            f" {'hold' if n != 1 else 'holds'} no {noun}s)")


def _check_articles(db: Database, args: argparse.Namespace, path: object) -> None:
    for article_id in args.article_ids or ():
        if not db.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone():
            raise CliError(f"no article {article_id} in {path}")


def _export_interchange(args: argparse.Namespace, path: object, facets: list[str]) -> int:
    """--format qdpx|w3c|brat|jsonl: the articles the filters select, with their tags."""
    for flag, given in (("--table", args.table != "annotations"), ("--raw", args.raw),
                        ("--status", args.statuses), ("--claimant", args.claimant),
                        ("--grade", args.grades)):
        if given:
            raise CliError(f"{flag} does not apply to --format {args.format}"
                           " (it exports articles with all their tags)", 2)
    db = open_library(path, create=False)
    try:
        _print_notices(db)
        _check_articles(db, args, path)
        ids = None
        if facets or args.date_from or args.date_to:
            ids = _selected_articles(db, argparse.Namespace(**{**vars(args), "kinds": None}))
        elif args.article_ids:
            ids = sorted(set(args.article_ids))
        try:
            done = export_interchange(db, args.format, args.output, article_ids=ids,
                                      kinds=args.kinds, inception=args.for_inception)
        except ValueError as e:
            raise CliError(str(e), 2) from None
        except OSError as e:
            raise CliError(f"cannot write {args.output}: {e.strerror or e}") from None
    finally:
        db.close()
    for line in done.report:
        print(f"warning: {line}", file=sys.stderr)
    if args.output != "-":
        print(done.summary(args.format), file=sys.stderr)
    return 0


_EXPORT_FACETS = {"query": "--query", "actor": "--actor", "claimant": "--claimant",
                  "grades": "--grade", "source": "--source", "analyst": "--analyst"}


def _selected_articles(db: Database, args: argparse.Namespace) -> list[int]:
    """The articles the export's facets select (and its --article ids, if given)."""
    flt = _search_filter(args, args.query or "")
    try:
        found = matching_article_ids(db, flt)
    except ValueError as e:
        raise CliError(str(e), 2) from None
    if args.article_ids:
        wanted = set(args.article_ids)
        found = [i for i in found if i in wanted]
    return sorted(found)


def _print_notices(db: Database, seen: int = 0) -> None:
    for line in notices(db)[seen:]:
        print(f"notice: {line}", file=sys.stderr)


def _cmd_search(args: argparse.Namespace) -> int:
    if not 1 <= args.limit <= MAX_LIMIT:
        raise CliError(f"--limit must be from 1 to {MAX_LIMIT:,}", 2)
    if args.date_from and args.date_to and \
            date_bound(args.date_from, last=False) > date_bound(args.date_to, last=True):
        raise CliError(f"--from {args.date_from} is after --to {args.date_to}", 2)
    text = " ".join(args.query)
    flt = _search_filter(args, text)
    if flt.is_empty():
        raise CliError("give a query or a facet (see reader-app search --help)", 2)
    db = _open_existing(args)
    try:
        _print_notices(db)
        seen = len(notices(db))
        try:
            hits = search_articles(db, flt, limit=args.limit)
        except ValueError as e:
            raise CliError(str(e), 2) from None
        _print_notices(db, seen)  # a damaged index the search found (and rebuilt)
    finally:
        db.close()
    if args.format == "jsonl":
        for h in hits:
            print(json.dumps({"article_id": h.article_id, "title": h.title,
                              "published": h.published, "hits": h.hits, "snippet": h.snippet},
                             ensure_ascii=False))
        return 0
    if not hits:
        print(f"No article matches {text!r}" if text else "No article matches these facets",
              file=sys.stderr)
    counted = bool(parse_query(text).groups)  # facets or -words alone count no hits
    for h in hits:
        count = f"{h.hits} hit{'s' * (h.hits != 1)}" if counted else "-"
        print(f"{h.article_id}\t{h.published or '-'}\t{count}\t{_one_line(h.title)}")
        if h.snippet:
            print(f"\t{_one_line(h.snippet)}")
    return 0


def _one_line(text: str) -> str:
    return "".join(c if c.isprintable() else " " for c in text)


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
        save_kept(db)  # beside the library: the next call for the article reads it back
    finally:
        db.close()
    return 0


def _cmd_tag(args: argparse.Namespace) -> int:
    db = _open_existing(args)
    try:
        article = _article(db, args.article)
        start, end = _tidy(article.text, args.start, args.end)
        try:
            plan_tag(db, article, args.kind, start, end)
            new, _ = tag_span(db, article, args.kind, start, end, analyst=args.analyst)
        except ValueError as e:
            raise CliError(str(e)) from None
        print(json.dumps(export_row_by_id(db, new.annotation.id), ensure_ascii=False))
        print(new.explanation, file=sys.stderr)
    finally:
        db.close()
    return 0


def _tidy(text: str, start: int, end: int) -> tuple[int, int]:
    """The span as the window would tag a selection of it (domain/span_trim.py)."""
    if not 0 <= start < end <= len(text):
        return start, end  # plan_tag says what is wrong
    s, e = tidy_span(text, start, end)
    if s >= e:
        raise CliError(f"Only spaces and punctuation at {start}-{end}: nothing to tag.")
    if (s, e) != (start, end):
        done = [word for word, happened in (("trimmed", s > start or e < end),
                                            ("widened to whole words", s < start or e > end))
                if happened]
        print(f"Tagging {s}-{e} ({' and '.join(done)}, as the window does).", file=sys.stderr)
    return s, e


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


def _cmd_agreement(args: argparse.Namespace) -> int:
    from reader_app.services import agreement as agr  # on first use: numpy loads with it

    path = resolve_library_path(args.db)
    if args.output != "-" and is_library_file(args.output, path):
        raise CliError(f"{args.output}: is the library itself; choose another output file", 2)
    db = _open_existing(args)
    try:
        try:
            report = agr.agreement(db, tuple(args.analysts) if args.analysts else None,
                               args.article_ids)
        except ValueError as e:
            raise CliError(str(e), 2) from None
    finally:
        db.close()
    try:
        with open_csv_output(args.output, raw=args.format != "csv") as out:
            if args.format == "csv":
                write_csv(agr.report_rows(report), agr.COLUMNS, out)
            elif args.format == "json":
                out.write(json.dumps(agr.report_json(report), ensure_ascii=False, allow_nan=False,
                                     indent=2) + "\n")
            else:
                out.write(agr.report_text(report) + "\n")
    except OSError as e:
        raise CliError(f"cannot write {args.output}: {e.strerror or e}") from None
    return 0


def _cmd_merge(args: argparse.Namespace) -> int:
    from reader_app.domain.interchange import BundleFormatError
    from reader_app.services import merging
    from reader_app.services.bundle_files import read_other

    db = _open_existing(args)
    try:
        if not args.dry_run and getattr(db, "read_only", None) is not None:
            raise CliError(f"the library is read-only ({db.read_only.reason})")
        try:
            bundle = read_other(args.other, resolve_library_path(args.db))
        except BundleFormatError as e:
            raise CliError(_one_line(str(e))) from None
        plan = merging.plan_merge(db, bundle)
        lines = merging.describe_plan(plan)
        if args.dry_run:
            print("\n".join(_one_line(line) for line in lines))
            return 0
        result = merging.apply_merge(db, plan, merging.MergeChoices(
            default=args.conflicts, accept_actors=args.actors == "accept"))
        for line in lines:
            print(_one_line(line), file=sys.stderr)
        print(result.summary())
    finally:
        db.close()
    return 0


def _resolve_own_kinds(args: argparse.Namespace) -> None:
    """--kind NAME of an own code becomes its kind ("code:" + uuid), read from the codebook."""
    given = list(getattr(args, "kinds", None) or [])
    if args.command == "tag":
        given.append(args.kind)
    names = [k for k in given if k not in KINDS]
    if not names:
        return
    from reader_app.storage.codebook import list_codes

    db = _open_existing(args)
    try:  # by casefold: "--kind місто" is the code "Місто" (SQLite's NOCASE is ASCII only)
        by_name = {c.name.casefold(): c for c in list_codes(db)}
    finally:
        db.close()
    found = {n: by_name.get(" ".join(n.split()).casefold()) for n in names}
    missing = [n for n, c in found.items() if c is None]
    if missing:
        known = ", ".join(sorted(c.name for c in by_name.values())) or "none yet"
        raise CliError(f"--kind {missing[0]!r}: not claim, actor, date nor a code of the"
                       f" codebook (its codes: {known})", 2)
    kind = {n: c.kind for n, c in found.items() if c is not None}
    if getattr(args, "kinds", None):
        args.kinds = [kind.get(k, k) for k in args.kinds]
    if args.command == "tag":
        args.kind = kind.get(args.kind, args.kind)


def _cmd_codebook(args: argparse.Namespace) -> int:
    from reader_app.domain.interchange import BundleFormatError
    from reader_app.services.codebook_io import export_codebook, import_codebook

    db = _open_existing(args)
    try:
        if args.action == "export":
            try:
                n = export_codebook(db, args.file)
            except ValueError as e:
                raise CliError(str(e)) from None
            print(f"Exported {n} code{'s' * (n != 1)} to {args.file}", file=sys.stderr)
            return 0
        if getattr(db, "read_only", None) is not None:
            raise CliError(f"the library is read-only ({db.read_only.reason})")
        try:
            record, _ = import_codebook(db, args.file)
        except BundleFormatError as e:
            raise CliError(_one_line(str(e))) from None
        for note in record.notes:
            print(_one_line(note), file=sys.stderr)
        print(record.summary())
        return 0
    finally:
        db.close()


def _cmd_report(args: argparse.Namespace, render: RenderReport | None) -> int:
    if render is None:  # the pictures and the PDF are Qt's: reader_app.entry brings them
        raise CliError(f"the report needs the app's entry point: run {PROG} report", 2)
    out = Path(args.output)
    fmt = args.format or ("pdf" if out.suffix.casefold() == ".pdf" else "html")
    flt = _search_filter(args, args.query)
    db = _open_existing(args)
    try:
        if is_library_file(out, resolve_library_path(args.db)):
            raise CliError(f"{out}: is the library itself; choose another output file", 2)
        _print_notices(db)
        try:
            print(render(db, None if flt.is_empty() else flt, fmt, out), file=sys.stderr)
        except ValueError as e:
            raise CliError(str(e), 2) from None
    finally:
        db.close()
    return 0


def _run(argv: list[str], run_gui: RunGui | None, render: RenderReport | None = None) -> int:
    command = _find_command(argv)
    if command is None:
        args = _window_parser().parse_args(argv)
        if run_gui is None:  # the window comes from reader_app.entry; cli never imports Qt
            raise CliError(f"no window from this entry point: run {PROG} or python -m reader_app",
                           2)
        return run_gui(args.db, list(args.files))
    parser = _command_parser()
    if command == "search":  # "-minister" is the query's exclusion, not an unknown option
        args, rest = parser.parse_known_args(argv)
        words = [w for w in rest if re.fullmatch(r"-[^\W\d_][\w'’-]*", w)]
        if len(words) != len(rest):
            parser.parse_args(argv)  # the error for what is neither an option nor a query
        args.query = [*args.query, *words]
    else:
        args = parser.parse_args(argv)
    _resolve_own_kinds(args)
    if args.command == "report":
        return _cmd_report(args, render)
    commands = {"import": _cmd_import, "export": _cmd_export, "search": _cmd_search,
                "backup": _cmd_backup,
                "repair": _cmd_repair, "suggest": _cmd_suggest, "tag": _cmd_tag,
                "agreement": _cmd_agreement, "merge": _cmd_merge,
                "codebook": _cmd_codebook}
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


def main(argv: list[str] | None = None, *, run_gui: RunGui | None = None,
         render_report: RenderReport | None = None) -> int:
    """Run the command line; returns the exit status. run_gui: how to open the window;
    render_report: how `report` draws its pictures and PDF."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        return _run(argv, run_gui, render_report)
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
