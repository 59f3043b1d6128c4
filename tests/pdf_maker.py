"""Small PDFs written by hand for the PDF importer's tests: real text layers (simple
fonts whose ToUnicode maps say which character each code is, astral ones too),
headers, footers, metadata, and the broken shapes a real library meets."""

from __future__ import annotations

import io

PAGE_W, PAGE_H = 595, 842  # A4 in points


def _hex_utf16(ch: str) -> str:
    return ch.encode("utf-16-be").hex().upper()


class _Fonts:
    """Characters to (font number, one-byte code); a new font every 250 characters."""

    def __init__(self) -> None:
        self.codes: dict[str, tuple[int, int]] = {}
        self.fonts: list[list[str]] = []

    def code(self, ch: str) -> tuple[int, int]:
        if ch not in self.codes:
            if not self.fonts or len(self.fonts[-1]) >= 250:
                self.fonts.append([])
            self.fonts[-1].append(ch)
            self.codes[ch] = (len(self.fonts) - 1, len(self.fonts[-1]))
        return self.codes[ch]

    def show(self, text: str, size: float) -> str:
        """Content operators that show text in runs of one font each."""
        ops, run, font = [], "", None
        for ch in text:
            f, c = self.code(ch)
            if f != font and run:
                ops.append(f"/F{font} {size} Tf <{run}> Tj")
                run = ""
            font = f
            run += f"{c:02X}"
        if run:
            ops.append(f"/F{font} {size} Tf <{run}> Tj")
        return " ".join(ops)


def make_pdf(
    pages: list[str],
    *,
    info: dict[str, str] | None = None,
    size: float = 11,
    leading: float = 14,
    header: str | None = None,
    footer: str | None = None,
) -> bytes:
    """pages: each page's text; "\\n" ends a line, a blank line leaves a paragraph gap.
    header/footer: drawn on every page, "{n}" and "{total}" filled in."""
    fonts = _Fonts()
    streams = []
    for n, page in enumerate(pages, 1):
        ops = []
        y = PAGE_H - 90
        for line in page.split("\n"):
            if line:
                ops.append(f"BT 1 0 0 1 72 {y:.1f} Tm {fonts.show(line, size)} ET")
                y -= leading
            else:
                y -= leading * 0.8
        for text, at in ((header, PAGE_H - 50), (footer, 40)):
            if text:
                line = text.format(n=n, total=len(pages))
                ops.append(f"BT 1 0 0 1 72 {at} Tm {fonts.show(line, 9)} ET")
        streams.append("\n".join(ops).encode("latin-1"))
    objects: list[bytes] = []

    def add(body: bytes | str) -> int:
        objects.append(body.encode("latin-1") if isinstance(body, str) else body)
        return len(objects)

    add("<< /Type /Catalog /Pages 2 0 R >>")
    add("")  # the page tree, written when its kids are known
    font_refs = []
    for chars in fonts.fonts:
        cmap = _to_unicode(chars)
        cmap_ref = add(f"<< /Length {len(cmap)} >>\nstream\n".encode() + cmap + b"\nendstream")
        widths = " ".join("500" for _ in range(len(chars)))
        font_refs.append(add(
            f"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 1 /LastChar {len(chars)}"
            f" /Widths [{widths}] /ToUnicode {cmap_ref} 0 R >>"))
    resources = " ".join(f"/F{i} {ref} 0 R" for i, ref in enumerate(font_refs))
    kids = []
    for stream in streams:
        content = add(f"<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"\nendstream")
        kids.append(add(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}]"
            f" /Resources << /Font << {resources} >> >> /Contents {content} 0 R >>"))
    objects[1] = (f"<< /Type /Pages /Count {len(kids)} /Kids [{' '.join(f'{k} 0 R' for k in kids)}] >>"
                  ).encode()
    info_ref = None
    if info:
        fields = " ".join(f"/{k} <FEFF{''.join(_hex_utf16(c) for c in v)}>" for k, v in info.items())
        info_ref = add(f"<< {fields} >>")
    return _assemble(objects, info_ref)


def _to_unicode(chars: list[str]) -> bytes:
    lines = [
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
        "/CMapName /Test def /CMapType 2 def",
        "1 begincodespacerange <00> <FF> endcodespacerange",
        f"{len(chars)} beginbfchar",
        *(f"<{i:02X}> <{_hex_utf16(ch)}>" for i, ch in enumerate(chars, 1)),
        "endbfchar endcmap CMapName currentdict /CMap defineresource pop end end",
    ]
    return "\n".join(lines).encode("ascii")


def _assemble(objects: list[bytes], info_ref: int | None) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(f"{i} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    trailer = f"/Size {len(objects) + 1} /Root 1 0 R" + (f" /Info {info_ref} 0 R" if info_ref else "")
    out.write(f"trailer\n<< {trailer} >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def raw_pdf(objects: list[str], root: int = 1) -> bytes:
    """A PDF of the given object bodies as written (for broken shapes)."""
    return _assemble([o.encode("latin-1") for o in objects], None).replace(
        b"/Root 1 0 R", f"/Root {root} 0 R".encode())


def encrypt(pdf: bytes, user_password: str, algorithm: str = "AES-128") -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
