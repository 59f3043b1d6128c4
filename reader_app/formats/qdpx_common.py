"""What the REFI-QDA writer and reader share: names, GUIDs, the "key: value" lines that carry
our fields in Description elements, and line-ending bookkeeping.

A Description we write is a few lines `key: value`. A value is written as is when it is one
plain line; otherwise (line breaks, control characters, surrounding spaces, empty, or starting
with a double quote) it is a JSON string literal, so every value reads back exactly and the
XML stays 1.0-legal. A Description whose lines are not all such known keys is free text (a
memo written by another tool).
"""

from __future__ import annotations

import json
import re
import uuid
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from datetime import datetime

NS = "urn:QDA-XML:project:1.0"
ORIGIN = "Analyst Reader"  # <Project origin="Analyst Reader 0.1.0">; QualCoder needs it set
_UUID_NS = uuid.UUID("6f1c1b6e-3c52-4d55-9d0e-2a0f5e7b9a11")  # our uuid5 namespace

# The schema's GUIDType.
GUID_RE = re.compile(
    r"([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})"
    r"|(\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\})")
# xsd:dateTime's lexical form (the ranges are checked by parsing it).
_DATETIME_RE = re.compile(r"-?\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?")

# Characters XML 1.0 cannot hold at all.
_XML_ILLEGAL = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# What makes a value unfit to stand as is on one line.
_NOT_RAW = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
_JSON_ESCAPE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
_LINE = re.compile(r"([a-z][a-z0-9 ]*): (.*)")

# Every key we write, on tags (selections), articles (sources), actors and root codes.
KEYS = frozenset((
    # tags
    "kind", "uuid", "start", "end", "quote", "prefix", "suffix", "value", "note", "analyst",
    "created", "updated", "actor", "claimant", "claimant uuid", "claim date", "claim date tag",
    "status", "grade", "reliability", "credibility", "granularity", "date method",
    # articles
    "title", "source", "published", "language", "content type", "styles", "memo", "sha256",
    "crlf", "cr",
    # actors
    "name", "type", "alias",
))


def guid_for(value: str, salt: str) -> str:
    """value itself when the schema takes it as a GUID, else a uuid5 derived from it."""
    return value if GUID_RE.fullmatch(value) else str(uuid.uuid5(_UUID_NS, f"{salt}:{value}"))


def derived_guid(*parts: str) -> str:
    """A stable GUID for something that has no uuid of its own (a coding, a note, a user)."""
    return str(uuid.uuid5(_UUID_NS, "\x1f".join(parts)))


def guid_key(value: str) -> str:
    """A GUID as a lookup key: braces and case do not matter."""
    return value.strip().strip("{}").lower()


def is_datetime(value: str) -> bool:
    if not _DATETIME_RE.fullmatch(value):
        return False
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def xml_safe(text: str) -> str:
    """text without the characters XML 1.0 cannot carry (for names other tools show)."""
    return _XML_ILLEGAL.sub("", text)


def plain_name(text: str) -> str:
    """A one-line, XML-legal name for an attribute."""
    return " ".join(xml_safe(text).split())


def encode_value(value: str) -> str:
    if value and value == value.strip() and not value.startswith('"') \
            and not _NOT_RAW.search(value):
        return value
    dumped = json.dumps(value, ensure_ascii=False)
    return _JSON_ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


def decode_value(raw: str) -> str:
    """The value of one line; ValueError when a quoted value is not a JSON string."""
    if not raw.startswith('"'):
        return raw
    value = json.loads(raw)
    if not isinstance(value, str):
        raise ValueError("not a string")
    if any("\ud800" <= c <= "\udfff" for c in value):  # "\ud800" alone: never UTF-8
        raise ValueError("half of a character (a lone surrogate)")
    return value


def encode_lines(pairs: Iterable[tuple[str, str]]) -> str:
    return "\n".join(f"{key}: {encode_value(value)}" for key, value in pairs)


def parse_lines(text: str | None) -> list[tuple[str, str]] | None:
    """The (key, value) pairs of a Description we wrote; None when it is free text."""
    if not text or not text.strip():
        return None
    pairs = []
    for line in text.strip("\n").split("\n"):
        m = _LINE.fullmatch(line)
        if not m or m.group(1) not in KEYS:
            return None
        try:
            pairs.append((m.group(1), decode_value(m.group(2))))
        except ValueError:
            return None
    return pairs


class Lines:
    """Read access to parsed pairs: the first value of a key, or all of them."""

    def __init__(self, pairs: Sequence[tuple[str, str]]) -> None:
        self.pairs = pairs

    def get(self, key: str, default: str | None = None) -> str | None:
        """The first value of key; default only when the key is absent (not when empty)."""
        return next((v for k, v in self.pairs if k == key), default)

    def text(self, key: str, default: str) -> str:
        found = self.get(key)
        return default if found is None else found

    def all(self, key: str) -> list[str]:
        return [v for k, v in self.pairs if k == key]

    def __contains__(self, key: str) -> bool:
        return any(k == key for k, _ in self.pairs)


# -- line endings ---------------------------------------------------------------------------
#
# Sources are written with "\n" only (QualCoder counts a "\r" as a character). A stored text
# that still holds "\r" is written without it, and the source's Description lists where each
# one was ("crlf": a "\r" removed before the "\n" at these positions of the written text;
# "cr": a lone "\r" written as "\n" here), so the reader puts them back.

_CR = re.compile("\r\n?")


def strip_cr(text: str) -> tuple[str, list[int], list[int]]:
    """(text with "\\n" line endings, crlf positions, lone-cr positions) as described above."""
    if "\r" not in text:
        return text, [], []
    crlf: list[int] = []
    lone: list[int] = []
    for m in _CR.finditer(text):
        new_pos = m.start() - len(crlf)
        (crlf if m.group() == "\r\n" else lone).append(new_pos)
    return text.replace("\r\n", "\n").replace("\r", "\n"), crlf, lone


def restore_cr(text: str, crlf: Sequence[int], lone: Sequence[int]) -> str:
    chars = list(text)
    for pos in lone:
        chars[pos] = "\r"
    for pos in reversed(crlf):
        chars.insert(pos, "\r")
    return "".join(chars)


def to_written(pos: int, crlf: Sequence[int]) -> int:
    """A position in the stored text -> the written (CR-less) text."""
    # the k-th removed "\r" stood at crlf[k] + k of the stored text
    return pos - bisect_left(range(len(crlf)), pos, key=lambda k: crlf[k] + k)


def to_stored(pos: int, crlf: Sequence[int]) -> int:
    """The inverse of to_written (the smallest stored position that maps to pos)."""
    return pos + bisect_left(crlf, pos)
