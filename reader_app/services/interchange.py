"""Export the library in the formats peers read (REFI-QDA, W3C Web Annotation, brat, JSON Lines)
for the window and the command line.

A file is written next to its target and renamed over it at the end, so a failed or cancelled
export never leaves half a file where the analyst's previous export was.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO, TextIO, TypeVar

from sqlite_utils import Database

from reader_app.domain.interchange import Bundle
from reader_app.formats.brat import MANIFEST, write_brat
from reader_app.formats.ml_jsonl import write_jsonl
from reader_app.formats.qdpx_write import write_qdpx
from reader_app.formats.w3c import write_w3c
from reader_app.storage.bundle_read import read_bundle

T = TypeVar("T")


@dataclass(frozen=True)
class ExportFormat:
    label: str  # as the File > Export menu offers it
    suffix: str  # of the file written ("" for a folder)
    file_filter: str  # for the window's save dialog
    binary: bool = False  # a zip: never to standard output
    folder: bool = False  # one file per article in a folder


EXPORT_FORMATS: dict[str, ExportFormat] = {
    "qdpx": ExportFormat("REFI-QDA Project (QualCoder, MAXQDA, ATLAS.ti, NVivo)", ".qdpx",
                         "REFI-QDA project (*.qdpx)", binary=True),
    "w3c": ExportFormat("W3C Web Annotations (JSON-LD)", ".jsonld",
                        "W3C Web Annotation (*.jsonld *.json);;JSON Lines (*.jsonl)"),
    "brat": ExportFormat("brat Standoff (brat, INCEpTION)", "", "", folder=True),
    "jsonl": ExportFormat("JSON Lines for Machine Learning (doccano, spaCy)", ".jsonl",
                          "JSON Lines (*.jsonl)"),
}


BRAT_SUBFOLDER = "Analyst Reader brat export"


def brat_folder_in(chosen: Path) -> Path:
    """Where a brat export goes when the analyst picks chosen: itself when it is empty or
    holds an earlier export of ours (which the export replaces), else a subfolder of it (a
    folder of other files, ~/Documents, is never cleared nor mixed with the export)."""
    try:
        if not any(chosen.iterdir()) or (chosen / MANIFEST).is_file():
            return chosen
    except OSError:
        return chosen  # the export says why it cannot write there
    return chosen / BRAT_SUBFOLDER


@dataclass(frozen=True)
class InterchangeExport:
    target: str  # the file or folder written, or "-" for standard output
    articles: int
    tags: int
    report: tuple[str, ...]  # tags that could not leave (their quote is lost), one line each

    def summary(self, fmt: str) -> str:
        where = "standard output" if self.target == "-" else self.target
        return (f"Exported {self.articles} article{'s' * (self.articles != 1)} with"
                f" {self.tags} tag{'s' * (self.tags != 1)} as {fmt} to {where}")


def export_interchange(db: Database, fmt: str, target: str | Path, *,
                       article_ids: Iterable[int] | None = None,
                       kinds: Iterable[str] | None = None,
                       stdout: TextIO | None = None,
                       inception: bool = False,
                       progress: Callable[[int, int], None] | None = None) -> InterchangeExport:
    """Write these articles (all when None) and their tags of these kinds (all when None) as
    fmt, a key of EXPORT_FORMATS. target "-" writes a text format to stdout. A W3C target
    ending in .jsonl is written as JSON Lines (one annotation per line). inception: brat
    without its N (normalisation) lines, which INCEpTION's brat reader refuses; the date
    values and actor links then travel in the notes only. ValueError: a target that cannot
    take this format."""
    spec = EXPORT_FORMATS.get(fmt)
    if spec is None:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(EXPORT_FORMATS)}")
    target = str(target)
    if target == "-" and (spec.binary or spec.folder):
        raise ValueError(f"{fmt} is {'a zip' if spec.binary else 'a folder'}:"
                         " give --output with a path")
    bundle = _filtered(read_bundle(db, article_ids, progress=progress), kinds)
    if spec.folder:
        write_brat(bundle, Path(target), normalizations=not inception)
        written = None
    elif target == "-":
        written = _write_text(fmt, bundle, stdout or sys.stdout, target)
    else:
        written = _replace_atomically(Path(target), lambda out: _write(fmt, bundle, out, target))
    tags = sum(len(a.tags) for a in bundle.articles)
    report = bundle.report
    if written is not None and written < tags:
        # the format has one entity per span and label: say so rather than count them twice
        n = tags - written
        report = (*report, f"{n} tag{'s share' if n != 1 else ' shares'} a span and kind with"
                  " another tag and went out as one entity (JSON Lines keeps no analyst or note)")
        tags = written
    return InterchangeExport(target, len(bundle.articles), tags, report)


def _filtered(bundle: Bundle, kinds: Iterable[str] | None) -> Bundle:
    if kinds is None:
        return bundle
    keep = set(kinds)
    return replace(bundle, articles=tuple(
        replace(a, tags=tuple(t for t in a.tags if t.kind in keep)) for a in bundle.articles))


def _write(fmt: str, bundle: Bundle, out: BinaryIO, target: str) -> int | None:
    """Write the bundle as fmt; JSON Lines says how many entities it wrote, else None."""
    if fmt == "qdpx":
        write_qdpx(bundle, out)
        return None
    text = io.TextIOWrapper(out, encoding="utf-8", newline="\n")
    try:
        written = _write_text(fmt, bundle, text, target)
        text.flush()
        return written
    finally:
        text.detach()  # the caller closes the file


def _write_text(fmt: str, bundle: Bundle, out: TextIO, target: str) -> int | None:
    if fmt == "w3c":
        write_w3c(bundle, out, lines=target.lower().endswith(".jsonl"))
        return None
    return write_jsonl(bundle, out)


def _replace_atomically(path: Path, write: Callable[[BinaryIO], T]) -> T:
    partial = path.with_name(f".{path.name}.part")
    try:
        with open(partial, "wb") as out:
            result = write(out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, path)
        return result
    finally:
        if partial.exists():
            partial.unlink()
