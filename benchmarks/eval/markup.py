"""The evaluation set's inline markup: one marked-up file -> plain text + gold spans.

A file is a header (``key: value`` lines), a line ``---``, then the article body with
``[[date=VALUE|text]]``, ``[[actor=CANONICAL|text]]`` and ``{{claim by=CANONICAL|text}}``
(claims may hold dates and actors; nothing else nests). See README.md. Anything malformed
raises MarkupError naming the file and line, never a silently wrong span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

HEADER_KEYS = ("language", "dateline", "style", "split")
SPLITS = ("dev", "heldout", "dev2", "heldout2", "heldout3", "tune4", "heldout4",
          "heldout5", "heldout6", "heldout7", "heldout8", "heldout9", "heldout10", "heldout11",
          "heldout12", "heldout13", "heldout14", "heldout15", "heldout16", "tune17")
ACTOR_TYPES = ("person", "state", "organization", "armed_force", "media", "other")
NO_CLAIMANT = "none"
EVAL_DIR = Path(__file__).resolve().parent


class MarkupError(ValueError):
    pass


@dataclass(frozen=True)
class Gold:
    kind: str  # "date" | "actor" | "claim"
    start: int  # code points into Document.text
    end: int
    quote: str
    value: str  # date: ISO value; actor: canonical name; claim: claimant canonical or "none"
    optional: bool = False  # `[[actor?=...]]`: either reading is fair (a suggestion is no
    # false hit, its absence no miss); the analyst still tags it, so judgements count it


@dataclass(frozen=True)
class Document:
    name: str
    title: str
    language: str
    dateline: str
    style: str
    split: str
    text: str
    gold: tuple[Gold, ...]
    actor_types: dict[str, str] = field(default_factory=dict)  # canonical -> type

    def of_kind(self, kind: str) -> list[Gold]:
        return [g for g in self.gold if g.kind == kind]


_PART = re.compile(r"(\d{4})(?:-W(\d{2})|-(\d{2})(?:-(\d{2}))?)?")


def _part_ok(part: str) -> tuple[date, date] | None:
    """First and last day of one ISO part, None when it is no real date."""
    m = _PART.fullmatch(part)
    if m is None:
        return None
    y, w, mo, d = (int(g) if g else None for g in m.groups())
    assert y is not None
    try:
        if w is not None:
            return date.fromisocalendar(y, w, 1), date.fromisocalendar(y, w, 7)
        if mo is not None and d is not None:
            return date(y, mo, d), date(y, mo, d)
        if mo is not None:
            last = date(y + mo // 12, mo % 12 + 1, 1).toordinal() - 1
            return date(y, mo, 1), date.fromordinal(last)
    except ValueError:
        return None
    return date(y, 1, 1), date(y, 12, 31)


def iso_ok(value: str) -> bool:
    """A real day, ISO week, month, year, or an interval of two that does not run backwards."""
    parts = value.split("/")
    spans = [_part_ok(p) for p in parts]
    if len(parts) > 2 or None in spans:
        return False
    return len(parts) == 1 or spans[0][0] <= spans[1][1]  # type: ignore[index]


_OPEN = re.compile(r"\[\[(date|actor)(\??)=([^|\[\]{}\n]+)\||\{\{claim by=([^|\[\]{}\n]+)\|")


def _line(source: str, index: int) -> int:
    return source.count("\n", 0, index) + 1


def parse_body(body: str, where: str = "<body>", offset_line: int = 0) -> tuple[str, list[Gold]]:
    """Plain text and gold spans (in order of their start, claims before what they hold)."""
    out: list[str] = []
    length = 0
    stack: list[tuple[str, str, bool, int, int]] = []  # kind, value, optional, start, index
    gold: list[Gold] = []
    i = 0
    while i < len(body):
        m = _OPEN.match(body, i)
        if m:
            kind = m.group(1) or "claim"
            value = (m.group(3) or m.group(4)).strip()
            if stack and (stack[-1][0] != "claim" or kind == "claim"):
                raise MarkupError(f"{where}:{_line(body, i) + offset_line}: {kind} inside "
                                  f"{stack[-1][0]} (only dates and actors nest, in claims)")
            stack.append((kind, value, m.group(2) == "?", length, i))
            i = m.end()
            continue
        two = body[i:i + 2]
        if two in ("]]", "}}"):
            want = "claim" if two == "}}" else None
            if not stack or (want == "claim") != (stack[-1][0] == "claim"):
                raise MarkupError(f"{where}:{_line(body, i) + offset_line}: unmatched {two!r}")
            kind, value, optional, start, _ = stack.pop()
            quote = "".join(out)[start:]
            if not quote.strip() or quote != quote.strip():
                raise MarkupError(f"{where}:{_line(body, i) + offset_line}: {kind} span "
                                  f"{quote!r} is empty or has surrounding white space")
            gold.append(Gold(kind, start, length, quote, value, optional))
            i += 2
            continue
        if two in ("[[", "{{"):
            raise MarkupError(f"{where}:{_line(body, i) + offset_line}: malformed marker "
                              f"{body[i:i + 30]!r}")
        out.append(body[i])
        length += 1
        i += 1
    if stack:
        kind, _, _, _, at = stack[-1]
        raise MarkupError(f"{where}:{_line(body, at) + offset_line}: unclosed {kind}")
    gold.sort(key=lambda g: (g.start, -g.end))
    return "".join(out), gold


def parse(source: str, name: str = "<file>") -> Document:
    head, sep, body = source.partition("\n---\n")
    if not sep:
        raise MarkupError(f"{name}: no '---' line after the header")
    fields: dict[str, str] = {}
    types: dict[str, str] = {}
    for n, line in enumerate(head.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        key, colon, value = line.partition(":")
        key, value = key.strip(), value.strip()
        if not colon or not value:
            raise MarkupError(f"{name}:{n}: header line is not 'key: value'")
        if key == "actor":
            canonical, bar, actor_type = (v.strip() for v in value.rpartition("|"))
            if not bar or actor_type not in ACTOR_TYPES or not canonical:
                raise MarkupError(f"{name}:{n}: 'actor: NAME | TYPE' with a type of {ACTOR_TYPES}")
            types[canonical] = actor_type
        elif key in HEADER_KEYS:
            fields[key] = value
        else:
            raise MarkupError(f"{name}:{n}: unknown header key {key!r}")
    missing = [k for k in HEADER_KEYS if k not in fields]
    if missing:
        raise MarkupError(f"{name}: header lacks {missing}")
    if fields["split"] not in SPLITS:
        raise MarkupError(f"{name}: split must be one of {SPLITS}")
    if _part_ok(fields["dateline"]) is None or len(fields["dateline"]) != 10:
        raise MarkupError(f"{name}: dateline must be a day YYYY-MM-DD")
    text, gold = parse_body(body.rstrip("\n"), name, head.count("\n") + 2)
    for g in gold:
        if g.kind == "date" and not iso_ok(g.value):
            raise MarkupError(f"{name}: date {g.quote!r} has no valid ISO value {g.value!r}")
        named = {"actor": g.value, "claim": g.value, "date": NO_CLAIMANT}[g.kind]
        if named != NO_CLAIMANT and named not in types:
            raise MarkupError(f"{name}: {named!r} ({g.kind} {g.quote!r}) has no 'actor:' header line")
    title = text.split("\n", 1)[0].strip()
    return Document(name, title, fields["language"], fields["dateline"], fields["style"],
                    fields["split"], text, tuple(gold), types)


def load(path: Path) -> Document:
    return parse(path.read_text(encoding="utf-8"), path.name)


def load_all(split: str = "all", folder: Path = EVAL_DIR) -> list[Document]:
    docs = [load(p) for p in sorted(folder.glob("*.txt"))]
    return [d for d in docs if split in ("all", d.split)]
