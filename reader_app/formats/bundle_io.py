"""What the interchange readers share: capped reads, strict UTF-8, JSON without surprises,
typed field access, and the mapping of foreign labels onto our kinds.

Every problem with a file becomes one BundleFormatError line naming the file (and line):
readers raise Bad(reason) deep inside and where() turns it into that line.
"""

from __future__ import annotations

import json
import math
import re
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from reader_app.domain.admiralty import CREDIBILITY, RELIABILITY
from reader_app.domain.codebook import is_own_kind
from reader_app.domain.interchange import (
    Bundle,
    BundleActor,
    BundleCode,
    BundleFormatError,
    BundleTag,
)
from reader_app.domain.iso_values import GRANULARITIES
from reader_app.domain.models import ACTOR_TYPES, CLAIM_STATUSES, KINDS

# Identifies what our readers make up for foreign files (article and tag uuids), so the same
# file read twice gives the same uuids.
NAMESPACE = uuid.UUID("5b0c3f5e-2d8e-5d7a-9a54-7a1c2b7e0d11")

MAX_TEXT_BYTES = 32 * 1024 * 1024  # one article's text (the importers take 20 MiB)
MAX_JSON_BYTES = 128 * 1024 * 1024  # one JSON document, parsed whole
MAX_LINES_BYTES = 1024 * 1024 * 1024  # a JSON Lines file, read line by line
MAX_LINE_BYTES = 64 * 1024 * 1024  # one line of it (an article's text, escaped)

# Characters some line readers break on (str.splitlines, JavaScript): never raw in a line-based
# file we write.
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_ESCAPE_BREAKS = {ord(c): f"\\u{ord(c):04x}" for c in "\x85\u2028\u2029"}  # json.dumps keeps these

_KINDS = {
    "claim": "claim", "claims": "claim", "quote": "claim", "statement": "claim",
    "actor": "actor", "person": "actor", "per": "actor", "people": "actor",
    "organization": "actor", "organisation": "actor", "org": "actor", "gpe": "actor",
    "norp": "actor",
    "date": "date", "time": "date", "datetime": "date", "timex": "date", "timex3": "date",
}
_ACTOR_TYPES = {"person": "person", "per": "person", "people": "person", "organization":
                "organization", "organisation": "organization", "org": "organization",
                "gpe": "state"}


class Bad(Exception):
    """A reason a file cannot be read; where() adds the file and line."""


def kind_of(label: str) -> str | None:
    """Our kind for a foreign label (entity type, code name), case-insensitive; None: unmapped."""
    return _KINDS.get(label.strip().casefold())


def actor_type_of(label: str) -> str:
    return _ACTOR_TYPES.get(label.strip().casefold(), "other")


def made_uuid(*parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, "\x1f".join(parts)))


def label_code(label: str) -> BundleCode:
    """An own code for a foreign label no kind of ours has ("Location"): named by it, its
    uuid derived from the name, so every file's "Location" is the same code."""
    name = " ".join(label.split()) or "Code"
    return BundleCode(made_uuid("code", name.casefold()), name)


def code_names(bundle: Bundle) -> dict[str, str]:
    """own kind -> the code's name, for the formats that name a tag's kind."""
    return {c.kind: c.name for c in bundle.codes}


def code_json(code: BundleCode) -> dict[str, Any]:
    return {"uuid": code.uuid, "name": code.name, "colour": code.colour,
            "description": code.description, "parent": code.parent_uuid}


def code_from_json(e: Any) -> BundleCode:
    if not isinstance(e, dict):
        raise Bad("a code entry is not an object")
    return BundleCode(req_str(e, "uuid"), req_str(e, "name"), opt_str(e, "colour") or "",
                      opt_str(e, "description") or "", opt_str(e, "parent"))


def vetted(tag: BundleTag, label: str, report: list[str]) -> BundleTag | None:
    """The tag with each value outside our vocabularies dropped, and said; None (said) for a
    kind we do not have. A file may come from a newer version, or be wrong: never guessed."""
    if tag.kind not in KINDS and not is_own_kind(tag.kind):
        report.append(f"{label}: kind {tag.kind!r} is not claim, actor or date; skipped")
        return None
    allowed: dict[str, Any] = {"status": CLAIM_STATUSES, "reliability": RELIABILITY,
                               "credibility": CREDIBILITY, "granularity": GRANULARITIES}
    dropped: dict[str, Any] = {k: None for k, values in allowed.items()
                               if getattr(tag, k) is not None and getattr(tag, k) not in values}
    for k in dropped:
        report.append(f"{label}: {k} {getattr(tag, k)!r} is not one we know; dropped")
    return replace(tag, **dropped) if dropped else tag


def vetted_actor(actor: BundleActor, report: list[str]) -> BundleActor:
    if actor.type in ACTOR_TYPES:
        return actor
    report.append(f"actor {actor.name!r}: type {actor.type!r} is not one we know; 'other' kept")
    return replace(actor, type="other")


def where(path: Path, reason: str, line: int | None = None) -> BundleFormatError:
    at = f" line {line}" if line is not None else ""
    return BundleFormatError(f"{path.name}{at}: {reason}")


def read_capped(path: Path, cap: int, what: str = "file") -> bytes:
    """The whole file, refusing one larger than cap before reading it."""
    try:
        if not path.is_file():
            raise where(path, f"not a {what}" if path.exists() else "no such file")
        size = path.stat().st_size
        if size > cap:
            raise where(path, f"{what} too large ({size // 1024 // 1024} MiB; the limit is "
                              f"{cap // 1024 // 1024} MiB)")
        with path.open("rb") as f:
            data = f.read(cap + 1)
    except OSError as e:
        raise where(path, f"cannot be read ({e.strerror or e})") from None
    if len(data) > cap:
        raise where(path, f"{what} too large (the limit is {cap // 1024 // 1024} MiB)")
    return data


def utf8(data: bytes) -> str:
    """Strict UTF-8 (a BOM is dropped); Bad names the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise Bad(f"not UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start})") from None


def _no_constant(name: str) -> Any:
    raise Bad(f"{name} is not a JSON number")


def parse_json(text: str) -> Any:
    """json.loads that rejects NaN/Infinity, lone surrogates, and survives absurd nesting or
    digits."""
    try:
        value = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as e:
        raise Bad(f"not valid JSON ({e.msg} at line {e.lineno} column {e.colno})") from None
    except RecursionError:
        raise Bad("JSON nested too deeply") from None
    except ValueError as e:  # an integer of thousands of digits
        raise Bad(f"not valid JSON ({e})") from None
    no_lone_surrogate(text)
    return value


# "\ud800" and the like, each after an even run of backslashes (an odd one escapes the "\")
_SURROGATE_ESCAPE = re.compile(r"(?<!\\)(?:\\\\)*\\u([dD][89a-fA-F][0-9a-fA-F]{2})")
_HAS_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")


def no_lone_surrogate(json_text: str) -> None:
    r"""Bad when valid JSON text escapes half a surrogate pair ("\ud800" alone): json.loads
    takes it, and the text could then never be written as UTF-8. Strict UTF-8 input has no raw
    surrogates; a pair escaped whole ("\ud83d\ude00") is one character and fine."""
    if "\\u" not in json_text or not _HAS_SURROGATE.search(json_text):  # the usual case, in C
        return
    high: re.Match[str] | None = None  # a high half waiting for its low half
    for m in _SURROGATE_ESCAPE.finditer(json_text):
        low = int(m.group(1), 16) >= 0xDC00
        if high is not None and low and m.end() - 6 == high.end():
            high = None  # right after its high half: a pair
            continue
        if high is not None:
            _lone(json_text, high)
        if low:
            _lone(json_text, m)
        high = m
    if high is not None:
        _lone(json_text, high)


def _lone(text: str, m: re.Match[str]) -> None:
    at = m.end() - 6
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    where = f"column {column}"  # a JSON line: its reader names the line
    if "\n" in text.strip():
        where = f"line {text.count(chr(10), 0, at) + 1} {where}"
    raise Bad(f"not valid text (a lone surrogate \\u{m.group(1).lower()} at {where}: half of a"
              " character)")


def dump_line(obj: object) -> str:
    """One JSON line: stable key order is the caller's; breaks other readers split on escaped."""
    return escape_breaks(json.dumps(obj, ensure_ascii=False, separators=(",", ":")))


def escape_breaks(text: str) -> str:
    """JSON text with U+0085, U+2028, U+2029 escaped (json.dumps leaves them raw)."""
    if "\x85" in text or "\u2028" in text or "\u2029" in text:  # scans in C; rarely true
        return text.translate(_ESCAPE_BREAKS)
    return text


def iter_lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, text) of a UTF-8 line file, streamed; blank lines skipped."""
    try:
        size = path.stat().st_size
        if size > MAX_LINES_BYTES:
            raise where(path, f"file too large (the limit is {MAX_LINES_BYTES // 1024 ** 3} GiB)")
        with path.open("rb") as f:
            n = 0
            while True:
                raw = f.readline(MAX_LINE_BYTES + 1)
                if not raw:
                    return
                n += 1
                if len(raw) > MAX_LINE_BYTES:
                    raise where(path, f"line longer than {MAX_LINE_BYTES // 1024 // 1024} MiB", n)
                try:
                    line = (raw[3:] if n == 1 and raw.startswith(b"\xef\xbb\xbf") else raw).decode()
                except UnicodeDecodeError as e:
                    raise where(path, f"not UTF-8 (byte 0x{raw[e.start]:02x})", n) from None
                if line.strip():
                    yield n, line
    except OSError as e:
        raise where(path, f"cannot be read ({e.strerror or e})") from None


# Typed access to parsed JSON: a wrong type is Bad, naming the field.

def obj(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise Bad(f"{what} is not a JSON object")
    return value


def opt_str(d: dict[str, Any], key: str, what: str = "") -> str | None:
    v = d.get(key)
    if v is None:
        return None
    if not isinstance(v, str):
        raise Bad(f"{what}{key!r} is not a string")
    return v


def req_str(d: dict[str, Any], key: str, what: str = "") -> str:
    v = opt_str(d, key, what)
    if v is None:
        raise Bad(f"{what}{key!r} is missing")
    return v


def as_int(v: Any, what: str) -> int:
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise Bad(f"{what} is not an integer")
    if isinstance(v, float):
        if not math.isfinite(v) or v != int(v):
            raise Bad(f"{what} is not an integer")
        v = int(v)
    return v


def span(start: Any, end: Any, length: int | None, what: str) -> tuple[int, int]:
    """Validated code-point offsets; length None when the text is not at hand."""
    s, e = as_int(start, f"{what} start"), as_int(end, f"{what} end")
    if s < 0 or s >= e:
        raise Bad(f"{what} has start {s} and end {e} (need 0 <= start < end)")
    if length is not None and e > length:
        raise Bad(f"{what} ends at {e}, past the text's {length} characters")
    return s, e
