"""REFI-QDA codebook (.qdc): the own codes as a code tree, so a team shares one codebook.

<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Analyst Reader x"><Codes><Code guid
name isCodable color><Description/><Code .../></Code></Codes></CodeBook>, the codebook
exchange file of the REFI-QDA standard. A code's guid is its uuid; keys (1-9) are the
analyst's own and stay out of the file. Reading goes through defusedxml (no DTD, no
entities), with caps on the file's size and the tree's depth.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

import defusedxml
import defusedxml.ElementTree as SafeET

from reader_app import __version__
from reader_app.domain.interchange import BundleCode, BundleFormatError
from reader_app.formats.qdpx_common import GUID_RE, ORIGIN, guid_key, plain_name, xml_safe

NS = "urn:QDA-XML:codebook:1.0"
PROJECT_NS = "urn:QDA-XML:project:1.0"  # a project's <CodeBook> is read the same way
MAX_BYTES = 32 * 1024 * 1024
MAX_DEPTH = 100
MAX_CODES = 100_000


def write_qdc(codes: Sequence[BundleCode], out: BinaryIO) -> None:
    """codes: parents before their subcodes (bundle_read.bundle_codes gives them so)."""
    root = ET.Element("CodeBook", {"xmlns": NS, "origin": f"{ORIGIN} {__version__}"})
    top = ET.SubElement(root, "Codes")
    elements: dict[str, ET.Element] = {}
    for code in codes:
        if not GUID_RE.fullmatch(code.uuid):
            raise ValueError(f"code {code.name!r} has no GUID for a uuid: {code.uuid!r}")
        attrs = {"guid": code.uuid, "name": plain_name(code.name) or "Code", "isCodable": "true"}
        if code.colour:
            attrs["color"] = code.colour.upper()
        parent = elements.get(code.parent_uuid or "", top)
        elem = elements[code.uuid] = ET.SubElement(parent, "Code", attrs)
        if code.description:
            ET.SubElement(elem, "Description").text = xml_safe(code.description)
    if not codes:
        raise ValueError("the codebook is empty: there is nothing to export")
    ET.indent(root)
    out.write(ET.tostring(root, encoding="utf-8", xml_declaration=True))


def read_qdc(path: Path) -> tuple[BundleCode, ...]:
    """The codes of a .qdc file, parents first; BundleFormatError with one plain line."""
    path = Path(path)
    name = path.name

    def bad(reason: str) -> BundleFormatError:
        return BundleFormatError(f"{name}: {reason}")

    if not path.is_file():
        raise bad("not a file")
    if path.stat().st_size > MAX_BYTES:
        raise bad(f"larger than {MAX_BYTES // (1024 * 1024)} MB; a codebook never is")
    data = path.read_bytes()
    try:
        root = SafeET.fromstring(data, forbid_dtd=True)
    except ET.ParseError as e:
        raise bad(f"not well-formed XML (line {getattr(e, 'position', (0, 0))[0]})") from None
    except defusedxml.DefusedXmlException:
        raise bad("declares a DTD or entities, which a codebook never needs; refused") from None
    except (LookupError, ValueError, RecursionError) as e:
        raise bad(f"cannot be parsed ({e})") from None
    ns = next((n for n in (NS, PROJECT_NS) if root.tag == f"{{{n}}}CodeBook"), None)
    if ns is None:
        local = root.tag.split("}")[-1]
        raise bad(f"not a REFI-QDA codebook (root <{local}>, expected <CodeBook> in {NS})")
    out: list[BundleCode] = []
    seen: set[str] = set()

    def walk(elem: ET.Element, parent: str | None, depth: int) -> None:
        if depth > MAX_DEPTH:
            raise bad(f"its code tree is nested deeper than {MAX_DEPTH} levels")
        for child in elem.findall(f"{{{ns}}}Code"):
            guid = guid_key(child.get("guid") or "")
            if not GUID_RE.fullmatch(guid):
                raise bad(f"code {child.get('name')!r} has no valid guid")
            if len(out) >= MAX_CODES:
                raise bad(f"more than {MAX_CODES} codes")
            colour = (child.get("color") or "").lower()
            code = BundleCode(guid, " ".join((child.get("name") or "").split()),
                              colour if len(colour) == 7 else "",
                              (child.findtext(f"{{{ns}}}Description") or "").strip(), parent)
            if guid not in seen:
                seen.add(guid)
                out.append(code)
            walk(child, guid, depth + 1)

    codes = root.find(f"{{{ns}}}Codes")
    if codes is None:
        raise bad("has no <Codes>")
    walk(codes, None, 0)
    return tuple(out)
