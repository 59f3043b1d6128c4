"""brat standoff export: <name>.txt (exactly the article's text) + <name>.ann per article,
annotation.conf for brat and INCEpTION, and reader-app.json with what brat has no place for
(article uuid, title, dates, memo; the actors). The reader is brat_read.read_brat.

Offsets are code points, as brat counts. A tag is a T line (Claim / Actor / Date; a quote that
crosses a line break is written as fragments "s e;s e", as brat itself does, since a T line
cannot hold a newline), its claim attributes A lines (Status, Reliability, Credibility), its
date value and actor link N lines (ISO8601:<value>, Actor:<uuid>), the claimant an R line to
the nearest actor tag of that actor before the claim. One AnnotatorNotes line carries the note
and, after "ar:", a JSON object of the fields with no brat home (uuid, analyst, times, ...).
"""

from __future__ import annotations

import json
import os
import re
import secrets
from bisect import bisect_left, bisect_right
from contextlib import suppress
from pathlib import Path
from typing import Any

from reader_app.domain.interchange import Bundle, BundleActor, BundleArticle, BundleTag
from reader_app.formats.bundle_io import (
    LINE_BREAKS,
    MAX_JSON_BYTES,
    Bad,
    code_json,
    code_names,
    escape_breaks,
    no_lone_surrogate,
    read_capped,
    utf8,
)

__all__ = ["CONF", "MANIFEST", "brat_files", "is_brat_folder", "read_brat", "write_brat"]

MANIFEST = "reader-app.json"
CONF = "annotation.conf"
TYPES = {"claim": "Claim", "actor": "Actor", "date": "Date"}
# A line: (tag field, brat attribute); their values are single tokens in annotation.conf.
ATTRIBUTES = (("status", "Status"), ("reliability", "Reliability"), ("credibility", "Credibility"))
_NOTE_MARK = re.compile(r"(?:^| )ar:\{")
_TO_SPACE = {ord(c): " " for c in LINE_BREAKS + "\t"}
_TOKEN = re.compile(r"\S+")
_WINDOWS_NAMES = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)),
                  *(f"LPT{i}" for i in range(10))}

CONF_TEXT = """\
# Analyst Reader: claims, the actors who make them, dates.
[entities]
Claim
Actor
Date

[relations]
Claimant Arg1:Claim, Arg2:Actor
<OVERLAP> Arg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>

[events]

[attributes]
Status Arg:Claim, Value:unverified|corroborated|disputed|false
Reliability Arg:Claim, Value:A|B|C|D|E|F
Credibility Arg:Claim, Value:1|2|3|4|5|6
"""


def write_brat(bundle: Bundle, folder: Path, *, normalizations: bool = True) -> list[Path]:
    """Write the bundle into folder (made if missing); the paths written, in order.

    normalizations=False leaves out the N lines (INCEpTION's brat reader refuses them): the
    date values and actor links then ride in the notes' "ar:" JSON, read back the same."""
    root = Path(folder)
    root.mkdir(parents=True, exist_ok=True)
    root = root.resolve()
    _make_room(root)
    actors = {a.uuid: a for a in bundle.actors}
    names = code_names(bundle)
    articles = sorted(bundle.articles, key=lambda a: a.uuid)
    written: list[Path] = []
    entries = []
    for article, stem in zip(articles, file_stems([a.title for a in articles]), strict=True):
        if article.text is None:
            raise ValueError(f"article {article.title!r} has no text: brat needs it")
        ann = ann_text(article, actors, normalizations, names)
        for suffix, content in ((".txt", article.text), (".ann", ann)):
            target = root / (stem + suffix)
            if target.parent != root:  # file_stems makes plain names; never write outside
                raise ValueError(f"file name {stem!r} leaves the folder")
            _write(target, content)
            written.append(target)
        entries.append({"file": stem, "uuid": article.uuid, "sha256": article.sha256,
                        "title": article.title, "source": article.source,
                        "published": article.published, "language": article.language,
                        "memo": article.memo, "content_type": article.content_type})
    _write(root / CONF, conf_text(bundle))
    manifest = {"format": "Analyst Reader brat export", "version": 1, "articles": entries,
                "actors": [_actor_json(a) for a in sorted(bundle.actors, key=lambda a: a.uuid)],
                "codes": [code_json(c) for c in bundle.codes]}
    _write(root / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
    return [*written, root / CONF, root / MANIFEST]


def entity_type(name: str) -> str:
    """brat and INCEpTION take types of ASCII letters, digits, _ and - only."""
    return re.sub(r"[^A-Za-z0-9_-]+", "_", name).strip("-")


def conf_text(bundle: Bundle) -> str:
    """annotation.conf: our three kinds, then each own code's entity type."""
    types = dict.fromkeys(entity_type(c.name) for c in bundle.codes)
    own = "".join(f"{t}\n" for t in types if t and t not in TYPES.values()
                  and (t[:1].isalnum() or t[:1] == "_"))
    return CONF_TEXT.replace("Date\n\n[relations]", f"Date\n{own}\n[relations]", 1)


def file_stems(titles: list[str]) -> list[str]:
    """Safe, unique (ignoring case) file names from titles: letters, digits, - and _."""
    used: set[str] = set()
    stems = []
    for title in titles:
        base = re.sub(r"_+", "_", "".join(c if c.isalnum() or c in "-_" else "_" for c in title))
        base = base.strip("_-")[:60].strip("_-") or "article"
        if base.upper() in _WINDOWS_NAMES:
            base = "_" + base
        stem, n = base, 1
        while stem.casefold() in used:
            n += 1
            stem = f"{base}-{n}"
        used.add(stem.casefold())
        stems.append(stem)
    return stems


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """text[start:end] split at line breaks into the non-empty pieces between them."""
    frags, s = [], start
    for i in range(start, end + 1):
        if i == end or text[i] in LINE_BREAKS:
            if i > s:
                frags.append((s, i))
            s = i + 1
    return frags


def ann_text(article: BundleArticle, actors: dict[str, BundleActor],
             normalizations: bool = True, names: dict[str, str] | None = None) -> str:
    text = article.text or ""
    tags = sorted(article.tags, key=lambda t: (t.start, t.end, t.kind, t.uuid))
    ids = {t.uuid: f"T{i}" for i, t in enumerate(tags, 1)}
    speakers = _Speakers(tags)
    t_lines: list[str] = []
    a_lines: list[str] = []
    r_lines: list[str] = []
    n_lines: list[str] = []
    notes: list[str] = []
    for tag in tags:
        tid, extra = ids[tag.uuid], _homeless(tag)
        frags = fragments(text, tag.start, tag.end) or [(tag.start, tag.end)]
        if (frags[0][0], frags[-1][1]) != (tag.start, tag.end):
            extra["span"] = [tag.start, tag.end]  # edge line breaks no fragment can show
        if tag.kind not in TYPES:
            extra["kind"] = tag.kind
        # brat and INCEpTION take types of ASCII letters, digits, _ and - only
        brat_type = TYPES.get(tag.kind) or entity_type((names or {}).get(tag.kind, tag.kind))
        brat_type = brat_type if brat_type[:1].isalnum() or brat_type[:1] == "_" else "Tag"
        spans = ";".join(f"{s} {e}" for s, e in frags)
        quoted = " ".join(text[s:e] for s, e in frags).translate(_TO_SPACE)
        t_lines.append(f"{tid}\t{brat_type} {spans}\t{quoted}")
        for field, name in ATTRIBUTES:
            value = getattr(tag, field)
            if value is not None and _TOKEN.fullmatch(str(value)):
                a_lines.append(f"A{len(a_lines) + 1}\t{name} {tid} {value}")
            elif value is not None:
                extra[field] = value
        if normalizations and tag.value is not None and tag.kind == "date" and _TOKEN.fullmatch(
                tag.value):
            n_lines.append(f"N{len(n_lines) + 1}\tReference {tid} ISO8601:{tag.value}\t"
                           + tag.value.translate(_TO_SPACE))
        elif tag.value is not None:
            extra["value"] = tag.value
        if normalizations and tag.actor_uuid is not None and _TOKEN.fullmatch(tag.actor_uuid):
            name = actors[tag.actor_uuid].name if tag.actor_uuid in actors else ""
            n_lines.append(f"N{len(n_lines) + 1}\tReference {tid} Actor:{tag.actor_uuid}\t"
                           + name.translate(_TO_SPACE))
        elif tag.actor_uuid is not None:
            extra["actor"] = tag.actor_uuid
        if tag.claimant_uuid is not None:
            speaker = speakers.of(tag)
            if speaker is not None:
                r_lines.append(f"R{len(r_lines) + 1}\tClaimant Arg1:{tid} Arg2:{ids[speaker.uuid]}")
            else:
                extra["claimant"] = tag.claimant_uuid
        notes.append(f"#{len(notes) + 1}\tAnnotatorNotes {tid}\t" + note_text(tag.note, extra))
    return "".join(line + "\n" for line in (*t_lines, *a_lines, *r_lines, *n_lines, *notes))


def note_text(note: str | None, extra: dict[str, Any]) -> str:
    """The note as brat shows it, then "ar:" and the JSON of extra. The note goes into the
    JSON too when the visible form would not read back exactly (line breaks, tabs, "")."""
    visible = (note or "").translate(_TO_SPACE)
    if note is not None and (visible != note or not note or split_note(note)[1] is not None):
        extra = {**extra, "note": note}
    data = escape_breaks(json.dumps(extra, ensure_ascii=False, separators=(",", ":")))
    return f"{visible} ar:{data}" if visible else f"ar:{data}"


def split_note(text: str) -> tuple[str, dict[str, Any] | None]:
    """(the note, the "ar:" object) of an AnnotatorNotes text; None: no object of ours."""
    for tries, m in enumerate(_NOTE_MARK.finditer(text)):
        if tries == 50:  # a note that is mostly "ar:{": not ours, and no time sink
            break
        try:
            data = json.loads(text[m.end() - 1:])
            no_lone_surrogate(text[m.end() - 1:])  # else the note could never be written
        except (ValueError, RecursionError, Bad):
            continue
        if isinstance(data, dict):
            return text[: m.start()], data
    return text, None


def _homeless(tag: BundleTag) -> dict[str, Any]:
    extra: dict[str, Any] = {"uuid": tag.uuid}
    for key, value in (("analyst", tag.analyst), ("created_at", tag.created_at),
                       ("updated_at", tag.updated_at), ("claim_date", tag.claim_date),
                       ("claim_date_tag", tag.claim_date_tag_uuid),
                       ("granularity", tag.granularity), ("date_method", tag.date_method)):
        if value is not None:
            extra[key] = value
    return extra


class _Speakers:
    """Actor tags by actor, to find a claim's claimant tag: the nearest one starting at or
    before the claim (the first of several starting there), in the same article."""

    def __init__(self, tags: list[BundleTag]) -> None:  # tags sorted by start
        self.by_actor: dict[str, list[BundleTag]] = {}
        for t in tags:
            if t.kind == "actor" and t.actor_uuid is not None:
                self.by_actor.setdefault(t.actor_uuid, []).append(t)
        self.starts = {a: [t.start for t in ts] for a, ts in self.by_actor.items()}

    def of(self, claim: BundleTag) -> BundleTag | None:
        starts = self.starts.get(claim.claimant_uuid or "")
        if not starts:
            return None
        i = bisect_right(starts, claim.start) - 1
        if i < 0:
            return None
        return self.by_actor[claim.claimant_uuid or ""][bisect_left(starts, starts[i])]


def _actor_json(a: BundleActor) -> dict[str, Any]:
    return {"uuid": a.uuid, "name": a.name, "type": a.type, "note": a.note,
            "aliases": list(a.aliases)}


def brat_files(folder: Path) -> tuple[dict[str, Path], dict[str, Path]]:
    """The folder's .ann and .txt files by stem, their suffixes in any case (X.ANN, x.Txt):
    the one rule for telling a brat folder and for reading it."""
    anns: dict[str, Path] = {}
    txts: dict[str, Path] = {}
    for p in sorted(folder.iterdir()):
        suffix = p.suffix.lower()
        if suffix in (".ann", ".txt"):
            (anns if suffix == ".ann" else txts).setdefault(p.stem, p)
    return anns, txts


def is_brat_folder(folder: Path) -> bool:
    """Some .ann has its .txt beside it and every .txt has its .ann: a folder of articles
    that happens to hold a stray .ann is not one."""
    anns, txts = brat_files(folder)
    return any(stem in txts for stem in anns) and all(stem in anns for stem in txts)


def _make_room(root: Path) -> None:
    """An empty folder, or one of our earlier exports emptied of the files its manifest
    lists (left there, a later import would bring back articles no longer exported).
    ValueError for any other folder with something in it: never mixed with, never cleared."""
    if next(root.iterdir(), None) is None:
        return
    manifest = root / MANIFEST
    refusal = (f"{root}: the folder is not empty and is not an earlier brat export of Analyst"
               f" Reader (no {MANIFEST}); choose an empty or new folder")
    if manifest.is_symlink() or not manifest.is_file():
        raise ValueError(refusal)
    try:
        doc = json.loads(utf8(read_capped(manifest, MAX_JSON_BYTES)))
    except (Bad, ValueError, RecursionError):  # BundleFormatError is a ValueError
        raise ValueError(refusal) from None
    if not isinstance(doc, dict) or doc.get("format") != "Analyst Reader brat export":
        raise ValueError(refusal)
    entries = doc.get("articles")
    stems = [e.get("file") for e in entries if isinstance(e, dict)] if isinstance(
        entries, list) else []
    names = [f"{s}{suffix}" for s in stems if isinstance(s, str) and s and "\x00" not in s
             for suffix in (".txt", ".ann")]
    for name in (*names, CONF, MANIFEST):
        target = root / name
        if target.parent == root and name not in (".", ".."):  # a plain name in this folder
            with suppress(FileNotFoundError):
                target.unlink()  # a symlink goes itself, its target untouched


def _write(path: Path, content: str) -> None:
    """Through a new temp file then os.replace: an existing name is never opened for writing
    (a symlink there is replaced itself, its target untouched; a failed write leaves the
    old file)."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o666)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:  # the text exactly: no \r
            f.write(content)
        os.replace(tmp, path)
    except BaseException:
        with suppress(OSError):
            tmp.unlink()
        raise


def read_brat(path: Path) -> Bundle:
    """A brat folder, or one .ann with its .txt, as a Bundle: brat_read."""
    from reader_app.formats.brat_read import read_brat as read  # it imports this module

    return read(path)
