"""Shared by the .qdpx tests: bundles built by hand, the schema, zips written by hand."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import xmlschema

from reader_app.domain.interchange import Bundle, BundleTag
from reader_app.domain.offsets import CONTEXT
from reader_app.formats.qdpx_write import write_qdpx

SCHEMA = xmlschema.XMLSchema(Path(__file__).parent / "data" / "refi-qda" / "Project.xsd")
Q = "{urn:QDA-XML:project:1.0}"


def make_tag(text: str, uuid: str, kind: str, start: int, end: int, **fields) -> BundleTag:
    return BundleTag(uuid=uuid, kind=kind, start=start, end=end, quote=text[start:end],
                     prefix=text[max(0, start - CONTEXT):start], suffix=text[end:end + CONTEXT],
                     **fields)


def qdpx_bytes(bundle: Bundle) -> bytes:
    buf = io.BytesIO()
    write_qdpx(bundle, buf)
    return buf.getvalue()


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def write_zip(path: Path, files: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)
    return path
