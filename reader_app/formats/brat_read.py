"""Read brat standoff: our own exports exactly, other tools' (brat, INCEpTION, corpora) as far
as their entity types map onto claim / actor / date.

A folder (its .ann files, not sub-folders) or one .ann with the .txt beside it. What brat holds
is the truth (an analyst may have edited it in brat); reader-app.json and the "ar:" JSON of the
notes only add what brat has no place for. Whatever is not carried is reported.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader_app.domain.codebook import is_own_kind
from reader_app.domain.interchange import (
    Bundle,
    BundleActor,
    BundleArticle,
    BundleCode,
    BundleTag,
)
from reader_app.domain.offsets import make_anchor, text_sha256
from reader_app.formats.brat import ATTRIBUTES, MANIFEST, brat_files, split_note
from reader_app.formats.bundle_io import (
    LINE_BREAKS,
    MAX_JSON_BYTES,
    MAX_TEXT_BYTES,
    Bad,
    actor_type_of,
    as_int,
    code_from_json,
    kind_of,
    label_code,
    made_uuid,
    obj,
    opt_str,
    parse_json,
    read_capped,
    req_str,
    span,
    utf8,
    vetted,
    vetted_actor,
    where,
)

MAX_FILES = 100_000
_TO_SPACE = {ord(c): " " for c in LINE_BREAKS + "\t"}  # as the writer writes T texts
_ATTRS = {name.casefold(): f for f, name in ATTRIBUTES}


@dataclass
class _T:
    line: int
    type: str
    frags: list[tuple[int, int]]
    text: str
    attrs: dict[str, str] = field(default_factory=dict)
    norms: list[tuple[str, str]] = field(default_factory=list)  # (DB:ID, text)
    notes: list[str] = field(default_factory=list)
    claimant_t: str | None = None


def read_brat(path: Path) -> Bundle:
    path = Path(path)
    report: list[str] = []
    if path.is_dir():
        folder = path
        anns, txts = brat_files(path)
        if len(anns) > MAX_FILES:
            raise where(path, f"more than {MAX_FILES} .ann files")
        if not anns:
            raise where(path, "no .ann files in this folder")
        report += [f"{txt.name}: no .ann beside it; not read" for stem, txt in txts.items()
                   if stem not in anns]
    elif path.suffix.lower() in (".ann", ".txt") and path.parent.is_dir():
        folder = path.parent
        anns, txts = brat_files(folder)
        anns = {path.stem: anns[path.stem]} if path.stem in anns else {}
        if not anns:
            raise where(path, "not a brat folder nor a .ann file with its .txt")
    else:
        raise where(path, "not a brat folder nor a .ann file with its .txt")
    codes: dict[str, BundleCode] = {}  # own codes: the manifest's, then foreign types
    meta, actors = _manifest(folder / MANIFEST, report, codes)
    articles = []
    made: dict[str, BundleActor] = {}
    for stem, ann in anns.items():
        txt = txts.get(stem)
        if ann.is_symlink() or (txt is not None and txt.is_symlink()):
            report.append(f"{ann.name}: a symbolic link, not followed")
            continue
        if txt is None or not txt.is_file():
            report.append(f"{ann.name}: no {stem}.txt beside it; skipped")
            continue
        articles.append(_article(ann, txt, meta.get(stem), actors, made, report, codes))
    if not articles:  # never a silent success that brings nothing
        raise where(path, "no article could be read (" + "; ".join(report[:3]) + ")")
    for uuid, actor in made.items():
        actors.setdefault(uuid, actor)
    return Bundle(tuple(articles), tuple(actors.values()), path.name, tuple(report),
                  tuple(codes.values()))


def _manifest(path: Path, report: list[str], codes: dict[str, BundleCode]
              ) -> tuple[dict[str, dict[str, Any]], dict[str, BundleActor]]:
    if path.is_symlink():  # it could name files anywhere: not followed
        report.append(f"{path.name}: a symbolic link, not followed")
        return {}, {}
    if not path.is_file():
        return {}, {}
    try:
        doc = obj(parse_json(utf8(read_capped(path, MAX_JSON_BYTES))), "the manifest")
        meta = {}
        for entry in _items(doc, "articles"):
            e = obj(entry, "an article entry")
            meta[req_str(e, "file")] = e
        actors = {}
        for entry in _items(doc, "actors"):
            e = obj(entry, "an actor entry")
            aliases = e.get("aliases") or []
            if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
                raise Bad("an actor's 'aliases' is not a list of strings")
            uuid = req_str(e, "uuid")
            actors[uuid] = BundleActor(uuid, req_str(e, "name"), opt_str(e, "type") or "other",
                                       opt_str(e, "note"), tuple(aliases))
        actors = {u: vetted_actor(a, report) for u, a in actors.items()}
        for entry in _items(doc, "codes"):
            code = code_from_json(entry)
            codes.setdefault(code.kind, code)
    except Bad as e:
        raise where(path, str(e)) from None
    return meta, actors


def _items(doc: dict[str, Any], key: str) -> list[Any]:
    v = doc.get(key, [])
    if not isinstance(v, list):
        raise Bad(f"{key!r} is not a list")
    return v


def _article(ann: Path, txt: Path, meta: dict[str, Any] | None,
             actors: dict[str, BundleActor], made: dict[str, BundleActor],
             report: list[str], codes: dict[str, BundleCode]) -> BundleArticle:
    data = read_capped(txt, MAX_TEXT_BYTES, "text")
    try:
        text = data.decode("utf-8")  # brat counts a BOM as a character: keep it
    except UnicodeDecodeError as e:
        raise where(txt, f"not UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start})") from None
    try:
        ann_text = utf8(read_capped(ann, MAX_TEXT_BYTES, "annotation file"))
    except Bad as e:
        raise where(ann, str(e)) from None
    sha = text_sha256(text)
    if meta is not None:
        uuid = req_str(meta, "uuid") if isinstance(meta.get("uuid"), str) else made_uuid("brat", sha)
        if meta.get("sha256") not in (None, sha):
            report.append(f"{txt.name}: the text differs from the one exported; tags read "
                          "against this one")
    else:
        uuid = made_uuid("brat", sha)
    ts = _parse(ann, ann_text, len(text), report)
    tags = _tags(ann, text, uuid, ts, actors, made, report, codes)
    m = meta or {}
    return BundleArticle(
        uuid=uuid, title=_s(m, "title") or ann.stem, text=text, sha256=sha,
        source=_s(m, "source") if "source" in m else txt.name, published=_s(m, "published"),
        language=_s(m, "language"), memo=_s(m, "memo") or "",
        content_type=_s(m, "content_type") or "text", tags=tags)


def _s(m: dict[str, Any], key: str) -> Any:
    v = m.get(key)
    return v if isinstance(v, str) else None


def _parse(ann: Path, content: str, length: int, report: list[str]) -> dict[str, _T]:
    ts: dict[str, _T] = {}
    later: list[tuple[int, str, str]] = []  # lines that point at T lines, read after them
    others: Counter[str] = Counter()
    for n, raw in enumerate(content.split("\n"), 1):
        line = raw.rstrip("\r")
        if not line.strip():
            continue
        ident, tab, rest = line.partition("\t")
        if not tab or not ident:
            raise where(ann, "not a brat annotation (no tab after the id)", n)
        try:
            if ident[0] == "T":
                ts[ident] = _t_line(n, rest, length)
            elif ident[0] in "ARN#":
                later.append((n, ident[0], rest))
            else:
                others[ident[0]] += 1
        except Bad as e:
            raise where(ann, f"{ident}: {e}", n) from None
    for n, key, rest in later:
        try:
            _attach(ts, key, rest, report, ann.name)
        except Bad as e:
            raise where(ann, str(e), n) from None
    for key, count in sorted(others.items()):
        report.append(f"{ann.name}: {count} annotation(s) of kind {key!r} (events, "
                      "equivalences...) not carried")
    return ts


def _t_line(n: int, rest: str, length: int) -> _T:
    head, tab, quoted = rest.partition("\t")
    if not tab:
        raise Bad("no text after the span")
    kind, _, spans = head.partition(" ")
    frags: list[tuple[int, int]] = []
    for piece in spans.split(";"):
        nums = piece.split()
        if len(nums) != 2 or not all(x.isdigit() and x.isascii() and len(x) < 12 for x in nums):
            raise Bad(f"span {piece.strip()!r} is not two offsets")
        s, e = span(int(nums[0]), int(nums[1]), length, "span")
        if frags and s < frags[-1][1]:
            raise Bad("its fragments overlap or are out of order")
        frags.append((s, e))
    return _T(n, kind, frags, quoted)


def _attach(ts: dict[str, _T], key: str, rest: str, report: list[str], name: str) -> None:
    head, _, tail = rest.partition("\t")
    parts = head.split()
    if key == "R":
        args = dict(p.split(":", 1) for p in parts[1:] if ":" in p)
        if parts and parts[0].casefold() == "claimant" and args.get("Arg1") in ts:
            ts[args["Arg1"]].claimant_t = args.get("Arg2")
        else:
            report.append(f"{name}: relation {head!r} not carried")
        return
    if len(parts) < 2 or parts[1] not in ts:
        report.append(f"{name}: {head!r} points at no text annotation; not carried")
        return
    t = ts[parts[1]]
    if key == "A":
        t.attrs[parts[0]] = parts[2] if len(parts) > 2 else "true"
    elif key == "N" and len(parts) > 2:
        t.norms.append((parts[2], tail))
    elif key == "#":
        t.notes.append(tail)


def _tags(ann: Path, text: str, article: str, ts: dict[str, _T],
          actors: dict[str, BundleActor], made: dict[str, BundleActor],
          report: list[str], codes: dict[str, BundleCode]) -> tuple[BundleTag, ...]:
    unmapped: Counter[str] = Counter()
    fields: dict[str, dict[str, Any]] = {}
    for tid, t in ts.items():
        expected = " ".join(text[s:e] for s, e in t.frags)
        if t.text != expected and t.text.translate(_TO_SPACE) != expected.translate(_TO_SPACE):
            report.append(f"{ann.name} line {t.line}: {tid} reads {t.text[:40]!r} but the text "
                          f"there is {expected[:40]!r}; skipped")
            continue
        try:
            f = _fields(tid, t, text, article, report, ann.name)
        except Bad as e:
            raise where(ann, f"{tid}: {e}", t.line) from None
        if f is None:
            unmapped[t.type] += 1
            continue
        if is_own_kind(f["kind"]) and f["kind"] not in codes:
            # a type of no kind of ours (or a code the manifest lacks): a code by that name
            code = label_code(t.type)
            f["kind"] = code.kind
            codes[code.kind] = code
        if f.get("actor_uuid") is None and f["kind"] == "actor" and "uuid" not in f:
            name = " ".join(f["quote"].split())  # a foreign actor tag: an actor by its name
            f["actor_uuid"] = made_uuid("actor", name.casefold())
            label = t.type if kind_of(t.type) else next(
                (v for v in t.attrs.values() if kind_of(v)), t.type)
            made.setdefault(f["actor_uuid"], BundleActor(f["actor_uuid"], name,
                                                         actor_type_of(label)))
        fields[tid] = f
    for tid, f in fields.items():
        speaker = fields.get(ts[tid].claimant_t or "")
        if f.get("claimant_uuid") is None and speaker is not None:
            f["claimant_uuid"] = speaker.get("actor_uuid")
        for db, name in f.pop("refs"):
            if db.casefold().startswith("actor:"):
                actors.setdefault(db[6:], BundleActor(db[6:], name))
            elif f["kind"] == "actor":
                made.setdefault(f["actor_uuid"], BundleActor(f["actor_uuid"], name or db,
                                                             actor_type_of(ts[tid].type)))
    for kind, count in sorted(unmapped.items()):
        report.append(f"{ann.name}: {count} annotation(s) of type {kind!r}: no kind (claim, "
                      "actor, date) by that name; skipped")
    tags = (vetted(BundleTag(uuid=f.pop("uuid", None) or made_uuid(article, tid), **f),
                   f"{ann.name}: {tid}", report) for tid, f in fields.items())
    return tuple(t for t in tags if t is not None)


def _fields(tid: str, t: _T, text: str, article: str, report: list[str],
            name: str) -> dict[str, Any] | None:
    notes: list[str] = []
    extra: dict[str, Any] = {}
    for note in t.notes:
        text_part, data = split_note(note)
        notes.append(text_part)
        extra = data if data is not None else extra
    kind = extra.get("kind") if isinstance(extra.get("kind"), str) else kind_of(t.type)
    by_value = None  # INCEpTION writes a layer as the type, its label as an attribute
    if kind is None:
        by_value = next((a for a, v in t.attrs.items() if kind_of(v)), None)
        # no kind of ours by type or attribute: an own code named by the type
        kind = label_code(t.type).kind if by_value is None else kind_of(t.attrs[by_value])
    sp = extra.get("span")
    start, end = (span(sp[0], sp[1], len(text), "'span'") if isinstance(sp, list) and
                  len(sp) == 2 else (t.frags[0][0], t.frags[-1][1]))
    gaps = (text[e:s] for (_, e), (s, _) in zip(t.frags, t.frags[1:], strict=False))
    if any(gap.strip() for gap in gaps):  # brat's own breaks at line ends are no gap
        report.append(f"{name}: {tid} is discontinuous; read as one span {start}-{end}")
    a = make_anchor(text, start, end)
    f: dict[str, Any] = {"kind": kind, "start": start, "end": end, "quote": a.quote,
                         "prefix": a.prefix, "suffix": a.suffix, "refs": []}
    text_note = "\n".join(notes)
    if not extra:  # a foreign note; ours are exact
        text_note = text_note.strip()
    f["note"] = opt_str(extra, "note", "'ar:' ") if "note" in extra else (text_note or None)
    for key, attr in (("uuid", "uuid"), ("analyst", "analyst"), ("created_at", "created_at"),
                      ("updated_at", "updated_at"), ("claim_date", "claim_date"),
                      ("claim_date_tag_uuid", "claim_date_tag"), ("granularity", "granularity"),
                      ("date_method", "date_method"), ("value", "value"),
                      ("actor_uuid", "actor"), ("claimant_uuid", "claimant"),
                      ("status", "status"), ("reliability", "reliability")):
        v = opt_str(extra, attr, "'ar:' ")
        if v is not None:
            f[key] = v
    if "credibility" in extra:
        f["credibility"] = as_int(extra["credibility"], "'ar:' credibility")
    for attr, value in t.attrs.items():
        own = _ATTRS.get(attr.casefold())
        if attr == by_value:
            continue
        if own == "credibility" and value.isdigit() and len(value) < 4:
            f[own] = int(value)
        elif own in ("status", "reliability"):
            f[own] = value
        else:
            report.append(f"{name}: {tid}'s attribute {attr} {value} not carried")
    for db, norm_text in t.norms:
        if db.casefold().startswith("actor:") and len(db) > 6:
            f["actor_uuid"] = db[6:]
            f["refs"].append((db, norm_text))
        elif db.casefold().startswith("iso8601:") and kind == "date":
            f["value"] = db[8:]
        elif kind == "actor" and "actor_uuid" not in f:
            f["actor_uuid"] = made_uuid("actor-ref", db)  # e.g. Wikipedia:534366
            f["refs"].append((db, norm_text))
        else:
            report.append(f"{name}: {tid}'s normalization {db} not carried")
    return f

