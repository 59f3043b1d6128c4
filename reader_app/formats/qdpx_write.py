"""Bundle -> REFI-QDA project (.qdpx): a zip of project.qde and sources/<guid>.txt.

The code tree is Claim / Actor (one child code per canonical actor) / Date. Each tag is a
PlainTextSelection with one Coding of its code; positions are code points of the source's
plain text (our offsets). What the schema has no place for (claimant, status, grade, dates,
notes...) goes into the selection's Description as "key: value" lines (qdpx_common), and a
tag's note also into a Note the selection refers to, so other tools show it as a memo. Lines
are written only where the reader cannot derive the value from the structure, so that reading
the file back gives the same Bundle (see README-part.md for what is carried where).
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from typing import BinaryIO

from reader_app import __version__
from reader_app.domain.interchange import Bundle, BundleActor, BundleArticle, BundleTag
from reader_app.domain.models import KINDS
from reader_app.domain.offsets import CONTEXT, text_sha256
from reader_app.formats.qdpx_common import (
    NS,
    ORIGIN,
    derived_guid,
    encode_lines,
    guid_for,
    is_datetime,
    plain_name,
    strip_cr,
    to_stored,
    to_written,
    xml_safe,
)

ROOTS = {"claim": "Claim", "actor": "Actor", "date": "Date"}  # kind -> root code name
ROOT_COLORS = {"claim": "#D9822B", "actor": "#3B7DD8", "date": "#3A9D5D"}
_STAMP = (1980, 1, 1, 0, 0, 0)  # fixed zip times: the same bundle gives the same bytes


def root_guid(kind: str) -> str:
    return derived_guid("code", kind)


def user_guid(analyst: str) -> str:
    return derived_guid("user", analyst)


def write_qdpx(bundle: Bundle, out: BinaryIO) -> None:
    """Write bundle as a .qdpx zip to out. Every article must carry its text. A tag whose span
    does not fit its article's text (0 <= start < end <= len(text)) is not written."""
    for article in bundle.articles:
        if article.text is None:
            raise ValueError(f"article {article.title!r} has no text; a .qdpx carries the text")
    writer = _Writer(bundle)
    project = writer.project()
    ET.indent(project)  # readable for people; only element-only content gains white space
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        data = ET.tostring(project, encoding="utf-8", xml_declaration=True)
        zf.writestr(zipfile.ZipInfo("project.qde", _STAMP), data, zipfile.ZIP_DEFLATED)
        for name, text in writer.files:
            zf.writestr(zipfile.ZipInfo(f"sources/{name}", _STAMP), text.encode("utf-8"),
                        zipfile.ZIP_DEFLATED)


class _Writer:
    def __init__(self, bundle: Bundle) -> None:
        self.bundle = bundle
        self.files: list[tuple[str, str]] = []
        self.notes: list[ET.Element] = []
        self.actor_codes: dict[str, str] = {}  # actor uuid -> code guid
        self.code_guids: dict[str, str] = {}  # own kind -> code guid
        self.actors = {a.uuid: a for a in reversed(bundle.actors)}  # the first of a uuid wins
        self.guids: set[str] = {root_guid(kind) for kind in ROOTS}

    def guid(self, value: str, salt: str) -> str:
        """A GUID for value that no other element has (two items may share a uuid in a
        hand-made bundle; a file name sources/<guid>.txt must not be written twice)."""
        guid, n = guid_for(value, salt), 0
        while guid.lower() in self.guids:
            n += 1
            guid = derived_guid(salt, value, str(n))
        self.guids.add(guid.lower())
        return guid

    def project(self) -> ET.Element:
        name = plain_name(self.bundle.origin) or "Analyst Reader export"
        root = ET.Element("Project", {"xmlns": NS, "name": name,
                                      "origin": f"{ORIGIN} {__version__}"})
        users = self._users()
        if users:
            sub = ET.SubElement(root, "Users")
            for name in users:
                ET.SubElement(sub, "User", {"guid": user_guid(name), "name": plain_name(name)})
        codes = ET.SubElement(ET.SubElement(root, "CodeBook"), "Codes")
        for kind, name in ROOTS.items():
            code = _code(codes, root_guid(kind), name, ROOT_COLORS[kind], [("kind", kind)])
            if kind == "actor":
                self._actor_codes(code)
        self._own_codes(codes)
        if self.bundle.articles:
            sources = ET.SubElement(root, "Sources")
            for article in self.bundle.articles:
                self._source(sources, article)
        if self.notes:
            ET.SubElement(root, "Notes").extend(self.notes)
        return root

    def _users(self) -> list[str]:
        seen: dict[str, None] = {}
        for article in self.bundle.articles:
            for tag in article.tags:
                if tag.analyst is not None:
                    seen.setdefault(tag.analyst)
        return list(seen)

    def _actor_codes(self, parent: ET.Element) -> None:
        taken = {name.casefold() for name in ROOTS.values()}
        for actor in self.bundle.actors:
            guid = self.guid(actor.uuid, "actor")
            self.actor_codes.setdefault(actor.uuid, guid)
            name = _unique(plain_name(actor.name) or "Actor", taken)
            lines = list(_actor_lines(actor, guid, name))
            code = _code(parent, guid, name, None, lines)
            if actor.note:
                self._note(code, guid, f"Note on {name}", actor.note, before="Code")

    def _own_codes(self, parent: ET.Element) -> None:
        """The own codes after Claim/Actor/Date, as a tree; guid: the code's uuid."""
        taken = {name.casefold() for name in ROOTS.values()}
        elements: dict[str, ET.Element] = {}
        for code in self.bundle.codes:
            guid = self.guid(code.uuid, "code")
            self.code_guids.setdefault(code.kind, guid)
            attrs = {"guid": guid, "name": _unique(plain_name(code.name) or "Code", taken),
                     "isCodable": "true"}
            if code.colour:
                attrs["color"] = code.colour.upper()
            under = elements.get(code.parent_uuid or "", parent)
            elem = elements[code.uuid] = ET.SubElement(under, "Code", attrs)
            if code.description:
                ET.SubElement(elem, "Description").text = xml_safe(code.description)

    def _source(self, sources: ET.Element, article: BundleArticle) -> None:
        text = article.text or ""
        written, crlf, lone = strip_cr(text)
        guid = self.guid(article.uuid, "article")
        name = plain_name(article.title) or "Untitled"
        self.files.append((f"{guid}.txt", written))
        source = ET.SubElement(sources, "TextSource", {
            "guid": guid, "name": name, "plainTextPath": f"internal://{guid}.txt"})
        lines = _article_lines(article, guid, name, crlf, lone)
        if lines:
            ET.SubElement(source, "Description").text = encode_lines(lines)
        for tag in article.tags:
            if 0 <= tag.start < tag.end <= len(text):
                self._selection(source, tag, text, crlf)
        if article.memo:
            self._note(source, guid, f"Memo on {name}", article.memo)

    def _selection(self, source: ET.Element, tag: BundleTag, text: str, crlf: list[int]) -> None:
        guid = self.guid(tag.uuid, "tag")
        start, end = to_written(tag.start, crlf), to_written(tag.end, crlf)
        attrs = {"guid": guid, "startPosition": str(start), "endPosition": str(end)}
        if tag.analyst is not None:
            attrs["creatingUser"] = user_guid(tag.analyst)
        if tag.created_at and is_datetime(tag.created_at):
            attrs["creationDateTime"] = tag.created_at
        if tag.updated_at and is_datetime(tag.updated_at):
            attrs["modifiedDateTime"] = tag.updated_at
        sel = ET.SubElement(source, "PlainTextSelection", attrs)
        code = self._code_of(tag)
        lines = list(self._tag_lines(tag, guid, text, crlf, (start, end), code))
        if lines:
            ET.SubElement(sel, "Description").text = encode_lines(lines)
        coding = {"guid": derived_guid("coding", guid)}
        if tag.analyst is not None:
            coding["creatingUser"] = attrs["creatingUser"]
        ET.SubElement(ET.SubElement(sel, "Coding", coding), "CodeRef", {"targetGUID": code})
        if tag.note:
            self._note(sel, guid, f"Note on {xml_safe(tag.quote)[:60]}", tag.note)

    def _code_of(self, tag: BundleTag) -> str:
        if tag.kind == "actor" and tag.actor_uuid in self.actor_codes:
            return self.actor_codes[tag.actor_uuid]
        if tag.kind in self.code_guids:
            return self.code_guids[tag.kind]
        return root_guid(tag.kind if tag.kind in KINDS else "claim")

    def _tag_lines(self, tag: BundleTag, guid: str, text: str, crlf: list[int],
                   written: tuple[int, int], code: str) -> Iterator[tuple[str, str]]:
        if guid != tag.uuid:
            yield "uuid", tag.uuid
        if tag.kind not in KINDS and tag.kind not in self.code_guids:
            yield "kind", tag.kind
        if to_stored(written[0], crlf) != tag.start:
            yield "start", str(tag.start)
        if to_stored(written[1], crlf) != tag.end:
            yield "end", str(tag.end)
        for key, value, derived in (
                ("quote", tag.quote, text[tag.start:tag.end]),
                ("prefix", tag.prefix, text[max(0, tag.start - CONTEXT):tag.start]),
                ("suffix", tag.suffix, text[tag.end:tag.end + CONTEXT])):
            if value != derived:
                yield key, value
        if tag.analyst is not None and plain_name(tag.analyst) != tag.analyst:
            yield "analyst", tag.analyst
        for key, stamp in (("created", tag.created_at), ("updated", tag.updated_at)):
            if stamp is not None and not is_datetime(stamp):
                yield key, stamp
        code_actor = tag.actor_uuid if code == self.actor_codes.get(tag.actor_uuid or "") else None
        if tag.actor_uuid is not None and tag.actor_uuid != code_actor:
            yield "actor", tag.actor_uuid
        if tag.claimant_uuid is not None:
            claimant = self.actors.get(tag.claimant_uuid)
            if claimant is not None:
                yield "claimant", claimant.name
            yield "claimant uuid", tag.claimant_uuid
        yield from _optional(("status", tag.status), ("claim date", tag.claim_date),
                             ("claim date tag", tag.claim_date_tag_uuid))
        yield from _grade(tag.reliability, tag.credibility)
        yield from _optional(("value", tag.value), ("granularity", tag.granularity),
                             ("date method", tag.date_method), ("note", tag.note))

    def _note(self, owner: ET.Element, owner_guid: str, name: str, text: str,
              before: str | None = None) -> None:
        """A Note (a copy for other tools: our reader takes the exact text from the lines)."""
        guid = derived_guid("note", owner_guid)
        note = ET.Element("Note", {"guid": guid, "name": plain_name(name)})
        ET.SubElement(note, "PlainTextContent").text = xml_safe(text.replace("\r", ""))
        self.notes.append(note)
        ref = ET.Element("NoteRef", {"targetGUID": guid})
        # the schema orders children: NoteRef comes after Description/selections/codings
        # and, in a Code, before the child Codes
        at = next((i for i, c in enumerate(owner) if before and c.tag == before), len(owner))
        owner.insert(at, ref)


def _code(parent: ET.Element, guid: str, name: str, color: str | None,
          lines: list[tuple[str, str]]) -> ET.Element:
    attrs = {"guid": guid, "name": name, "isCodable": "true"}
    if color:
        attrs["color"] = color
    code = ET.SubElement(parent, "Code", attrs)
    ET.SubElement(code, "Description").text = encode_lines(lines)
    return code


def _unique(name: str, taken: set[str]) -> str:
    """name, or "name (2)", "name (3)"...: QualCoder keeps one code per name."""
    candidate, n = name, 1
    while candidate.casefold() in taken:
        n += 1
        candidate = f"{name} ({n})"
    taken.add(candidate.casefold())
    return candidate


def _actor_lines(actor: BundleActor, guid: str, name: str) -> Iterator[tuple[str, str]]:
    yield "type", actor.type  # always: it marks the code as one of our actors
    if guid != actor.uuid:
        yield "uuid", actor.uuid
    if name != actor.name:
        yield "name", actor.name
    for alias in actor.aliases:
        yield "alias", alias
    if actor.note is not None:
        yield "note", actor.note


def _article_lines(article: BundleArticle, guid: str, name: str, crlf: list[int],
                   lone: list[int]) -> list[tuple[str, str]]:
    lines = []
    if guid != article.uuid:
        lines.append(("uuid", article.uuid))
    if name != article.title:
        lines.append(("title", article.title))
    if article.source:
        lines.append(("source", article.source))
    lines.extend(_optional(("published", article.published), ("language", article.language)))
    if article.content_type != "text":
        lines.append(("content type", article.content_type))
    if article.styles:
        lines.append(("styles", json.dumps([[s.start, s.end, s.style, s.href]
                                            for s in article.styles], ensure_ascii=False)))
    if article.memo:
        lines.append(("memo", article.memo))
    if article.sha256 != text_sha256(article.text or ""):
        lines.append(("sha256", article.sha256))
    if crlf:
        lines.append(("crlf", json.dumps(crlf)))
    if lone:
        lines.append(("cr", json.dumps(lone)))
    return lines


def _optional(*pairs: tuple[str, str | None]) -> Iterator[tuple[str, str]]:
    for key, value in pairs:
        if value is not None:
            yield key, value


def _grade(reliability: str | None, credibility: int | None) -> Iterator[tuple[str, str]]:
    """"grade: B2" (the Admiralty code) when both are set; otherwise what there is."""
    if reliability is not None and credibility is not None and len(reliability) == 1 \
            and reliability.isalpha() and 0 <= credibility <= 9:
        yield "grade", f"{reliability}{credibility}"
        return
    if reliability is not None:
        yield "reliability", reliability
    if credibility is not None:
        yield "credibility", str(credibility)
