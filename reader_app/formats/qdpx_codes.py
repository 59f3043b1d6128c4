"""A project's code tree -> our kinds and actors.

Our own codes say what they are in their Description ("kind: claim" on a root code, "type:
person" on an actor code). Other tools' codes are mapped by name: a code, or its nearest
ancestor, named like one of our kinds (Claim/Claims, Actor/Actors/Person/Organization,
Date/Dates/Time...; case does not matter) gives the kind; every code below an actor code that
is not itself a category name ("Actors > Person > Jane Doe") is a canonical actor. A code with
no such name anywhere above it is an own code (domain/codebook.py): its guid is the code's
uuid, and its codings are tags of kind "code:" + that uuid.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from reader_app.domain.codebook import own_kind
from reader_app.domain.interchange import BundleActor, BundleCode
from reader_app.domain.models import ACTOR_TYPES, KINDS
from reader_app.formats.qdpx_common import Lines, guid_key, parse_lines

KIND_NAMES: dict[str, str] = {
    **dict.fromkeys("claim claims statement statements assertion assertions allegation"
                    " allegations quote quotes quotation quotations".split(), "claim"),
    **dict.fromkeys("actor actors person persons people organization organizations"
                    " organisation organisations speaker speakers entity entities who"
                    .split(), "actor"),
    **dict.fromkeys("date dates time times timeline when temporal".split(), "date"),
}
# Category names below an actor code, and the actor type their children get.
TYPE_NAMES: dict[str, str] = {
    **dict.fromkeys("person persons people individual individuals speaker speakers".split(),
                    "person"),
    **dict.fromkeys("organization organizations organisation organisations institution"
                    " institutions company companies group groups".split(), "organization"),
    **dict.fromkeys("state states country countries government governments".split(), "state"),
    **dict.fromkeys("military army armies armed forces".split(), "armed_force"),
    "armed forces": "armed_force", "armed force": "armed_force",
    **dict.fromkeys("media press outlet outlets".split(), "media"),
}


MAX_DEPTH = 100  # QualCoder and MAXQDA trees are a few levels deep; this bounds the recursion


@dataclass
class Code:
    guid: str  # as written
    name: str
    path: tuple[str, ...]  # names from the root down to this code
    parent: Code | None
    lines: Lines | None  # our "key: value" Description, if it is one
    description: str  # free text otherwise ("" when none)
    kind: str | None = None
    actor: BundleActor | None = None  # set when the code is a canonical actor
    own: BundleCode | None = None  # set when the code is an own code
    color: str = ""


def read_codes(project: ET.Element, ns: str) -> tuple[dict[str, Code], list[BundleActor]]:
    """Codes by guid_key, and the actors they define (in document order); ValueError when
    the tree is absurdly deep."""
    codes: dict[str, Code] = {}
    actors: list[BundleActor] = []
    book = project.find(f"{ns}CodeBook/{ns}Codes")

    def walk(elem: ET.Element, parent: Code | None) -> None:
        if parent is not None and len(parent.path) > MAX_DEPTH:
            raise ValueError(f"its code tree is nested deeper than {MAX_DEPTH} levels")
        for child in elem.findall(f"{ns}Code"):
            name = child.get("name") or ""
            desc = child.findtext(f"{ns}Description") or ""
            pairs = parse_lines(desc)
            code = Code(child.get("guid") or "", name, (*(parent.path if parent else ()), name),
                        parent, Lines(pairs) if pairs is not None else None,
                        "" if pairs is not None else desc.strip(), color=child.get("color") or "")
            _classify(code)
            _own(code)
            if code.actor is not None:
                actors.append(code.actor)
            codes.setdefault(guid_key(code.guid), code)
            walk(child, code)

    if book is not None:
        walk(book, None)
    return codes, actors


def _classify(code: Code) -> None:
    lines = code.lines
    if lines is not None and "type" in lines:  # one of our actor codes
        code.kind = "actor"
        code.actor = BundleActor(
            uuid=lines.text("uuid", code.guid), name=lines.text("name", code.name),
            type=lines.text("type", "other"), note=lines.get("note"), aliases=tuple(lines.all("alias")))
        return
    if lines is not None and lines.get("kind") in KINDS:  # one of our root codes
        code.kind = lines.get("kind")
        return
    folded = " ".join(code.name.casefold().split())
    parent = code.parent
    if folded in KIND_NAMES and (parent is None or parent.kind != "actor"
                                 or folded in TYPE_NAMES or KIND_NAMES[folded] == "actor"):
        code.kind = KIND_NAMES[folded]
        return
    if parent is not None and parent.kind == "actor":
        code.kind = "actor"
        if folded not in TYPE_NAMES:
            code.actor = BundleActor(uuid=guid_key(code.guid), name=code.name,
                                     type=_actor_type(parent), note=code.description or None)
        return
    code.kind = parent.kind if parent is not None else None


def _own(code: Code) -> None:
    """A code that maps to none of our kinds is an own code (under its parent, if that is one)."""
    parent_own = code.parent.own if code.parent is not None else None
    if code.kind is not None and not (parent_own is not None and code.kind == parent_own.kind):
        return  # one of our kinds (below an own code: its kind was only inherited)
    uuid = guid_key(code.guid)
    if not uuid:
        return
    parent = parent_own.uuid if parent_own is not None else None
    color = code.color.lower() if len(code.color) == 7 else ""  # #rgb: the default instead
    code.own = BundleCode(uuid, " ".join(code.name.split()) or "Code", color,
                          code.description, parent)
    code.kind = own_kind(uuid)


def own_codes(codes: dict[str, Code]) -> tuple[BundleCode, ...]:
    """The own codes among a project's codes, parents first (document order)."""
    return tuple(c.own for c in codes.values() if c.own is not None)


def _actor_type(parent: Code | None) -> str:
    while parent is not None:
        folded = " ".join(parent.name.casefold().split())
        if folded in TYPE_NAMES:
            found = TYPE_NAMES[folded]
            return found if found in ACTOR_TYPES else "other"
        if parent.actor is not None:  # below another actor: same type
            return parent.actor.type
        parent = parent.parent
    return "other"


def tag_target(code: Code) -> tuple[str | None, str | None]:
    """(kind, actor uuid) a coding of this code gives; kind None: not mapped."""
    if code.actor is not None:
        return "actor", code.actor.uuid
    return code.kind, None
