"""PlainTextSelections -> BundleTags: our own (a "key: value" Description, read exactly) and
other tools' (codes mapped by name, the rest kept as claim tags with the code path)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone

from reader_app.domain.interchange import BundleTag
from reader_app.domain.models import KINDS
from reader_app.domain.offsets import CONTEXT
from reader_app.formats.qdpx_codes import Code, tag_target
from reader_app.formats.qdpx_common import Lines, derived_guid, guid_key, parse_lines


@dataclass
class Project:
    """What every source's selections are read against."""

    ns: str
    codes: dict[str, Code]
    users: dict[str, str]  # guid_key -> name
    notes: dict[str, str]  # guid_key -> text
    report: list[str] = field(default_factory=list)
    ours: bool = False  # written by Analyst Reader: a selection without lines is still ours


@dataclass
class Source:
    name: str  # for messages
    text: str
    position: Callable[[int], int]  # a position as written -> code points of text
    tags: list[BundleTag] = field(default_factory=list)
    spans: dict[tuple[str, int, int], int] = field(default_factory=dict)  # -> index in tags
    unmapped: Counter[str] = field(default_factory=Counter)  # code path -> codings


def read_selection(project: Project, source: Source, sel: ET.Element) -> None:
    ns = project.ns
    guid = sel.get("guid") or ""
    try:
        start = source.position(int(sel.get("startPosition", "")))
        end = source.position(int(sel.get("endPosition", "")))
    except ValueError:
        project.report.append(f"selection {guid} in {source.name!r}: positions"
                              f" {sel.get('startPosition')!r}-{sel.get('endPosition')!r}"
                              " are not whole numbers; not stored")
        return
    pairs = parse_lines(sel.findtext(f"{ns}Description"))
    lines = Lines(pairs) if pairs is not None else Lines([]) if project.ours else None
    if lines is not None:
        start = _int(lines.get("start"), start)
        end = _int(lines.get("end"), end)
    if not 0 <= start < end <= len(source.text):
        project.report.append(f"selection {guid} in {source.name!r}: positions {start}-{end}"
                              f" do not fit the text ({len(source.text)} characters); not stored")
        return
    codings = sel.findall(f"{ns}Coding")
    if not codings:
        project.report.append(f"selection {guid} in {source.name!r} has no coding; not stored")
    for coding in codings:
        ref = coding.find(f"{ns}CodeRef")
        target = ref.get("targetGUID", "") if ref is not None else ""
        code = project.codes.get(guid_key(target))
        if code is None:
            project.report.append(f"coding in {source.name!r} at {start}-{end} names no code of"
                                  f" the project ({target or 'none'}); not stored")
            continue
        user = coding.get("creatingUser") or sel.get("creatingUser")
        analyst = project.users.get(guid_key(user)) if user else None
        if lines is not None:
            source.tags.append(_our_tag(project, source, sel, lines, code, start, end, analyst))
        else:
            uuid = guid_key(guid) if len(codings) == 1 and guid else derived_guid(
                "selection", guid, coding.get("guid") or str(len(source.tags)), str(start))
            memo = _memo(project, sel, coding)
            _add_foreign(project, source, code, uuid, start, end, analyst, memo,
                         _utc(sel.get("creationDateTime") or coding.get("creationDateTime")),
                         _utc(sel.get("modifiedDateTime")))


def _our_tag(project: Project, source: Source, sel: ET.Element, lines: Lines, code: Code,
             start: int, end: int, analyst: str | None) -> BundleTag:
    text = source.text
    kind, actor_uuid = tag_target(code)
    reliability, credibility = lines.get("reliability"), lines.get("credibility")
    grade = lines.get("grade")
    if grade is not None:
        reliability, credibility = grade[:1], grade[1:]
    cred: int | None = None
    if credibility is not None:
        try:
            cred = int(credibility)
        except ValueError:
            project.report.append(f"tag at {start}-{end} in {source.name!r}: credibility"
                                  f" {credibility!r} is not a number; left out")
    return BundleTag(
        uuid=lines.text("uuid", sel.get("guid") or ""), kind=_kind(project, lines, kind),
        start=start, end=end,
        quote=lines.text("quote", text[start:end]),
        prefix=lines.text("prefix", text[max(0, start - CONTEXT):start]),
        suffix=lines.text("suffix", text[end:end + CONTEXT]),
        value=lines.get("value"), note=lines.get("note"),
        analyst=lines.get("analyst") if "analyst" in lines else analyst,
        created_at=lines.get("created", sel.get("creationDateTime")),
        updated_at=lines.get("updated", sel.get("modifiedDateTime")),
        actor_uuid=lines.get("actor") if "actor" in lines else actor_uuid,
        claimant_uuid=lines.get("claimant uuid"), claim_date=lines.get("claim date"),
        claim_date_tag_uuid=lines.get("claim date tag"), status=lines.get("status"),
        reliability=reliability, credibility=cred, granularity=lines.get("granularity"),
        date_method=lines.get("date method"))


def _add_foreign(project: Project, source: Source, code: Code, uuid: str, start: int, end: int,
                 analyst: str | None, memo: str, created: str | None, updated: str | None) -> None:
    kind, actor_uuid = tag_target(code)
    path = " > ".join(code.path)
    note = memo
    mapped = kind is not None
    if kind is None:
        kind = "claim"
        note = f"code: {path}" + (f"\n\n{memo}" if memo else "")
    at = source.spans.get((kind, start, end))
    if at is not None:  # a library holds one tag per kind and span: fold this one into it
        old = source.tags[at]
        extra = f"also coded: {path}"
        if memo and memo not in (old.note or ""):  # the same selection's memo is there already
            extra += f"\n\n{memo}"
        source.tags[at] = replace(old, note=f"{old.note}\n\n{extra}" if old.note else extra)
        project.report.append(f"coding of code {path!r} in {source.name!r} at {start}-{end}: the"
                              f" same span is already a {kind} tag; its code path is added to"
                              " that tag's note")
        return
    if not mapped:
        source.unmapped[path] += 1
    text = source.text
    source.spans[(kind, start, end)] = len(source.tags)
    source.tags.append(BundleTag(
        uuid=uuid, kind=kind, start=start, end=end, quote=text[start:end],
        prefix=text[max(0, start - CONTEXT):start], suffix=text[end:end + CONTEXT],
        note=note or None, analyst=analyst, created_at=created, updated_at=updated,
        actor_uuid=actor_uuid))


def report_unmapped(project: Project, source: Source) -> None:
    for path, count in source.unmapped.items():
        many = codings(count)
        project.report.append(f"code {path!r} in {source.name!r} is not a claim, actor or date:"
                              f" {many} kept as claim tags with the code path in the note")


def _kind(project: Project, lines: Lines, from_code: str | None) -> str:
    """Our own file says any kind it carried; a look-alike Description elsewhere only ours."""
    kind = lines.text("kind", from_code or "claim")
    return kind if project.ours or kind in KINDS else (from_code or "claim")


def codings(count: int) -> str:
    return "1 coding" if count == 1 else f"{count} codings"


def _memo(project: Project, sel: ET.Element, coding: ET.Element) -> str:
    """Another tool's memo on a selection: its Description and the Notes it refers to."""
    ns = project.ns
    parts = [(sel.findtext(f"{ns}Description") or "").strip()]
    for ref in (*sel.findall(f"{ns}NoteRef"), *coding.findall(f"{ns}NoteRef")):
        parts.append(project.notes.get(guid_key(ref.get("targetGUID", "")), "").strip())
    return "\n\n".join(p for p in parts if p)


def _int(value: str | None, default: int) -> int:
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        return default


def _utc(stamp: str | None) -> str | None:
    """Another tool's xsd:dateTime as our ISO 8601 UTC (a time without zone taken as UTC)."""
    if not stamp:
        return None
    try:
        moment = datetime.fromisoformat(stamp.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds")
