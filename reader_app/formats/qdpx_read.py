"""REFI-QDA project (.qdpx) -> Bundle: our own files exactly, other tools' files as well as
they map (see qdpx_codes for codes -> kinds, qdpx_tags for selections -> tags).

The file may be hostile: the zip is size-checked before anything is inflated (qdpx_zip), the
XML is parsed with defusedxml (no DTD, no entities, nothing fetched), and every failure is one
BundleFormatError line naming the file and the reason. What can be read but not carried over
(a PDF source, a coding out of range, a code that is no kind of ours) is a line of
Bundle.report instead.
"""

from __future__ import annotations

import codecs
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import defusedxml
import defusedxml.ElementTree as SafeET

from reader_app.domain.interchange import Bundle, BundleArticle
from reader_app.domain.models import StyleSpan
from reader_app.domain.offsets import text_sha256
from reader_app.formats.qdpx_codes import own_codes, read_codes
from reader_app.formats.qdpx_common import (
    NS,
    ORIGIN,
    Lines,
    guid_key,
    parse_lines,
    restore_cr,
    strip_cr,
    to_stored,
    to_written,
)
from reader_app.formats.qdpx_tags import (
    Project,
    Source,
    codings,
    read_selection,
    report_unmapped,
)
from reader_app.formats.qdpx_zip import QdpxZip

_NS = f"{{{NS}}}"
_OTHER_SOURCES = {"PictureSource": "picture", "PDFSource": "PDF", "AudioSource": "audio",
                  "VideoSource": "video"}
_UNREAD = (("Variables", "variables"), ("Cases", "cases"), ("Sets", "sets"),
           ("Graphs", "graphs"), ("Links", "links"))


def read_qdpx(path: Path) -> Bundle:
    """Read a .qdpx file; BundleFormatError (one line) when it is not one we can read."""
    qz = QdpxZip(path)
    try:
        return _read(qz, path)
    finally:
        qz.close()


def _read(qz: QdpxZip, path: Path) -> Bundle:
    member = qz.project_member()
    root = _parse(qz, member.filename, qz.read(member))
    project = Project(
        ns=_NS, codes={}, report=[],
        users={guid_key(u.get("guid", "")): u.get("name") or ""
               for u in root.iterfind(f"{_NS}Users/{_NS}User")},
        notes={guid_key(n.get("guid", "")): _note_text(qz, n)
               for n in root.iterfind(f"{_NS}Notes/{_NS}Note")})
    try:
        project.codes, actors = read_codes(root, _NS)
    except ValueError as e:
        raise qz.error(f"{member.filename}: {e}") from None
    articles = []
    project.ours = (root.get("origin") or "").startswith(ORIGIN)
    sources = root.find(f"{_NS}Sources")
    for elem in sources if sources is not None else ():
        kind = elem.tag.removeprefix(_NS)
        name = elem.get("name") or elem.get("guid") or "?"
        if kind != "TextSource":
            lost = sum(1 for _ in elem.iter(f"{_NS}Coding"))
            project.report.append(f"{_OTHER_SOURCES.get(kind, kind)} source {name!r} skipped:"
                                  f" only text sources are read ({codings(lost)} not read)")
            continue
        article = _article(qz, project, elem, name)
        if article is not None:
            articles.append(article)
    unread = [f"{len(found)} {what}" for where, what in _UNREAD
              if (found := root.findall(f"{_NS}{where}/{_NS}{where[:-1]}"))]
    if unread:
        project.report.append(f"{qz.label}: {', '.join(unread)} not read (a library has no"
                              " place for them)")
    return Bundle(articles=tuple(articles), actors=tuple(actors), origin=path.name,
                  report=tuple(project.report), codes=own_codes(project.codes))


def _parse(qz: QdpxZip, name: str, data: bytes) -> ET.Element:
    try:
        root = SafeET.fromstring(data, forbid_dtd=True)
    except ET.ParseError as e:
        line = getattr(e, "position", (0, 0))[0]
        raise qz.error(f"{name} is not well-formed XML (line {line})") from None
    except defusedxml.DefusedXmlException:
        raise qz.error(f"{name} declares a DTD or entities, which a project never needs;"
                       " refused") from None
    except LookupError as e:  # <?xml encoding="..."?> names no codec
        raise qz.error(f"{name} declares an unknown encoding ({e})") from None
    except (ValueError, RecursionError) as e:
        raise qz.error(f"{name} cannot be parsed ({e})") from None
    if root.tag != f"{_NS}Project":
        found = root.tag[1:].split("}")[0] if root.tag.startswith("{") else "no namespace"
        local = root.tag.split("}")[-1]
        raise qz.error(f"{name} is not a REFI-QDA project (root <{local}> in {found}, expected"
                       f" <Project> in {NS})")
    return root


def _note_text(qz: QdpxZip, note: ET.Element) -> str:
    content = note.findtext(f"{_NS}PlainTextContent")
    if content is not None:
        return content
    member = qz.text_member(note.get("plainTextPath") or "") if note.get("plainTextPath") else None
    return qz.read(member).decode("utf-8", "replace").lstrip("\ufeff") if member else ""


def _article(qz: QdpxZip, project: Project, elem: ET.Element, name: str) -> BundleArticle | None:
    raw = _source_text(qz, project, elem, name)
    if raw is None:
        return None
    written, shift = raw
    pairs = parse_lines(elem.findtext(f"{_NS}Description"))
    lines = Lines(pairs) if pairs is not None else Lines([]) if project.ours else None
    crlf, lone = (_positions(project, lines, "crlf", written, name),
                  _positions(project, lines, "cr", written, name)) if lines else ([], [])
    if crlf or lone:  # ours: put back the "\r"s the stored text had
        text = restore_cr(written, crlf, lone)

        def position(p: int) -> int:
            return to_stored(p, crlf)
    else:
        text, crlf, _ = strip_cr(written)
        if crlf or "\r" in written:
            project.report.append(f"{name!r}: line endings made \\n (as on import); the"
                                  " codings' positions are moved with them")

        def position(p: int) -> int:
            return to_written(p + shift, crlf)
    source = Source(name=name, text=text, position=position)
    for sel in elem.findall(f"{_NS}PlainTextSelection"):
        read_selection(project, source, sel)
    whole = len(elem.findall(f"{_NS}Coding"))
    if whole:
        project.report.append(f"{name!r}: {codings(whole)} of the whole source (no span) not read")
    report_unmapped(project, source)
    if lines is not None:
        return _our_article(project, elem, name, text, lines, source)
    memo = [(elem.findtext(f"{_NS}Description") or "").strip()]
    memo += [project.notes.get(guid_key(r.get("targetGUID", "")), "").strip()
             for r in elem.findall(f"{_NS}NoteRef")]
    return BundleArticle(uuid=guid_key(elem.get("guid") or "") or text_sha256(text)[:32],
                         title=elem.get("name") or "Untitled source", text=text,
                         sha256=text_sha256(text), source=qz.label,
                         memo="\n\n".join(m for m in memo if m), tags=tuple(source.tags))


def _our_article(project: Project, elem: ET.Element, name: str, text: str, lines: Lines,
                 source: Source) -> BundleArticle:
    styles: tuple[StyleSpan, ...] = ()
    if "styles" in lines:
        try:
            styles = tuple(StyleSpan(int(s), int(e), str(st), None if h is None else str(h))
                           for s, e, st, h in json.loads(lines.get("styles") or "[]"))
        except (ValueError, TypeError):
            project.report.append(f"{name!r}: its display styles could not be read; left out")
    return BundleArticle(
        uuid=lines.text("uuid", elem.get("guid") or ""),
        title=lines.text("title", elem.get("name") or ""),
        text=text, sha256=lines.text("sha256", text_sha256(text)),
        source=lines.text("source", ""), published=lines.get("published"),
        language=lines.get("language"), memo=lines.text("memo", ""),
        content_type=lines.text("content type", "text"), styles=styles,
        tags=tuple(source.tags))


def _positions(project: Project, lines: Lines, key: str, text: str, name: str) -> list[int]:
    """Our crlf / cr positions, checked: each must point at a "\\n" of the written text."""
    if key not in lines:
        return []
    try:
        found = json.loads(lines.get(key) or "")
        if isinstance(found, list) and all(type(p) is int and 0 <= p < len(text)
                                           and text[p] == "\n" for p in found):
            return sorted(found)
    except ValueError:
        pass
    project.report.append(f"{name!r}: its list of {key!r} line endings is damaged; ignored")
    return []


def _source_text(qz: QdpxZip, project: Project, elem: ET.Element,
                 name: str) -> tuple[str, int] | None:
    """(the source's plain text, the shift its positions need), or None (reported)."""
    inline = elem.findtext(f"{_NS}PlainTextContent")
    path = elem.get("plainTextPath")
    if inline is not None:
        data, where = inline.encode("utf-8", "surrogatepass"), "its inline text"
    elif path:
        member = qz.text_member(path)
        if member is None:
            project.report.append(f"source {name!r} skipped: its text file {path!r} is not"
                                  f" inside {qz.label}")
            return None
        data, where = qz.read(member), member.filename
    else:
        project.report.append(f"source {name!r} skipped: it has no plain text")
        return None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        project.report.append(f"source {name!r} skipped: {where} is UTF-16, not UTF-8 as the"
                              " standard requires")
        return None
    # our own files keep a text's leading U+FEFF as the character it was (we never add a BOM)
    bom = data.startswith(codecs.BOM_UTF8) and not project.ours
    try:
        text = data[3 if bom else 0:].decode("utf-8")
    except UnicodeDecodeError as e:
        project.report.append(f"source {name!r} skipped: {where} is not UTF-8 (byte"
                              f" {e.start}), as the standard requires")
        return None
    shift = 0
    if bom:
        shift = _bom_shift(elem, text)
        counted = "counted the BOM as a character" if shift else "count from after it"
        project.report.append(f"source {name!r}: {where} starts with a byte-order mark; it was"
                              f" removed (positions {counted})")
    return text, shift


def _bom_shift(elem: ET.Element, text: str) -> int:
    """-1 when the positions evidently counted the BOM (the selections' names, which tools
    set to the selected text, fit better so), else 0 (the standard counts characters of the
    text, which a BOM is not)."""
    fits = [0, 0]
    for sel in elem.findall(f"{_NS}PlainTextSelection"):
        label = sel.get("name")
        try:
            start, end = int(sel.get("startPosition", "")), int(sel.get("endPosition", ""))
        except ValueError:
            continue
        if label:
            fits[0] += text[start:end] == label
            fits[1] += start > 0 and text[start - 1:end - 1] == label
    return -1 if fits[1] > fits[0] else 0
