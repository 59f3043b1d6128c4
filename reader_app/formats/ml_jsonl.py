"""JSON Lines for machine learning: one article per line, its text and its spans, as doccano
and spaCy users expect: {"id", "title", "text", "entities": [[start, end, "CLAIM"]], "meta"}.

Offsets are code points of "text" (what Python, spaCy and doccano count). JavaScript counts
UTF-16 units: an astral character (emoji, 𝕏) counts 2 there, 1 here. An own code's spans
carry its name as the label; a label of no kind of ours reads back as an own code of that name.
The reader also takes doccano's "label" key and entities as {start_offset, end_offset, label}.
"""

from __future__ import annotations

import uuid as uuidlib
from pathlib import Path
from typing import Any, TextIO

from reader_app.domain.interchange import Bundle, BundleArticle, BundleCode, BundleTag
from reader_app.domain.offsets import make_anchor, text_sha256
from reader_app.formats.bundle_io import (
    Bad,
    code_names,
    dump_line,
    iter_lines,
    kind_of,
    label_code,
    made_uuid,
    obj,
    opt_str,
    parse_json,
    span,
    where,
)

__all__ = ["read_jsonl", "write_jsonl"]


def entities_of(article: BundleArticle, names: dict[str, str]) -> list[tuple[int, int, str]]:
    """[start, end, label] of an article's tags: one per span and label, as the format holds
    no analyst or note (two analysts' tags of one span and kind are one entity)."""
    return sorted({(t.start, t.end, names.get(t.kind) or t.kind.upper()) for t in article.tags})


def write_jsonl(bundle: Bundle, out: TextIO) -> int:
    """Write the bundle; how many entities were written (tags of one span and label are one)."""
    names = code_names(bundle)  # an own code's label is its name
    written = 0
    for article in sorted(bundle.articles, key=lambda a: a.uuid):
        if article.text is None:
            raise ValueError(f"article {article.title!r} has no text: JSON Lines needs it")
        entities = entities_of(article, names)
        written += len(entities)
        line = {"id": article.uuid, "title": article.title, "text": article.text,
                "entities": [list(e) for e in entities],
                "meta": {"published": article.published, "source": article.source}}
        out.write(dump_line(line) + "\n")
    return written


def read_jsonl(path: Path) -> Bundle:
    path = Path(path)
    articles: list[BundleArticle] = []
    codes: dict[str, BundleCode] = {}  # labels of no kind of ours: own codes
    report: list[str] = []
    for n, line in iter_lines(path):
        try:
            articles.append(_article(parse_json(line), n, codes, report))
        except Bad as e:
            raise where(path, str(e), n) from None
    if not articles:
        raise where(path, "no article in this file")
    return Bundle(tuple(articles), (), path.name, tuple(report), tuple(codes.values()))


def _article(value: Any, n: int, codes: dict[str, BundleCode],
             report: list[str]) -> BundleArticle:
    d = obj(value, "the line")
    text = d.get("text", d.get("data"))  # doccano exports "text"; older ones "data"
    if not isinstance(text, str) or not text:
        raise Bad("no 'text' string")
    sha = text_sha256(text)
    meta: dict[str, Any] = d["meta"] if isinstance(d.get("meta"), dict) else {}
    raw_id = d.get("id")
    article = _uuid(raw_id) or made_uuid("jsonl", sha)
    title = opt_str(d, "title") or opt_str(meta, "title", "meta ") or f"{n}: {text[:40]}"
    raw = d["entities"] if "entities" in d else d.get("label", [])
    if isinstance(raw, dict) and isinstance(raw.get("entities"), list):  # spaCy's [text, {...}]
        raw = raw["entities"]
    if not isinstance(raw, list):
        raise Bad("'entities' is not a list")
    tags: dict[tuple[int, int, str], BundleTag] = {}
    for i, e in enumerate(raw, 1):
        what = f"entity {i}"
        if isinstance(e, dict):
            start = e.get("start_offset", e.get("start"))
            end = e.get("end_offset", e.get("end"))
            label = e.get("label")
        elif isinstance(e, list) and len(e) == 3:
            start, end, label = e
        else:
            raise Bad(f"{what} is neither [start, end, label] nor an object")
        if not isinstance(label, str):
            raise Bad(f"{what}'s label is not a string")
        s, t = span(start, end, len(text), what)
        kind = kind_of(label)
        if kind is None:  # a label of no kind of ours: an own code by that name
            code = label_code(label)
            codes.setdefault(code.kind, code)
            kind = code.kind
        a = make_anchor(text, s, t)
        tags.setdefault((s, t, kind), BundleTag(
            made_uuid(article, str(s), str(t), kind), kind, s, t, a.quote, a.prefix, a.suffix))
    if isinstance(d.get("relations"), list) and d["relations"]:
        report.append(f"line {n}: {len(d['relations'])} relation(s) not carried")
    return BundleArticle(
        uuid=article, title=title, text=text, sha256=sha,
        source=opt_str(meta, "source", "meta ") or "",
        published=opt_str(meta, "published", "meta "), tags=tuple(tags.values()))


def _uuid(raw: Any) -> str | None:
    """An id that is a uuid (ours) is kept; doccano's numbers are not ids across files."""
    if not isinstance(raw, str):
        return None
    try:
        uuidlib.UUID(raw)
    except ValueError:
        return None
    return raw
