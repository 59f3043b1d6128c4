"""Bytes -> text for imported articles.

Order of trust: a BOM, then strict UTF-8, then (for legacy files) Windows-1252
for Western text, with charset-normalizer consulted only when the Western
reading looks like mojibake of another script (e.g. Cyrillic cp1251).
charset-normalizer alone is unreliable on short Western texts (it guesses
cp775/cp437/cp1250 for plain French or English), hence this order.

After decoding, line endings become "\\n" and the BOM is gone; nothing else is
touched (no Unicode normalization: offsets index this exact text).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from typing import NamedTuple

import charset_normalizer

from reader_app.formats.mojibake import repair_mojibake

__all__ = ["DecodeError", "Decoded", "declared_charset", "decode_bytes", "decode_counting_nuls",
           "decode_text"]


class DecodeError(ValueError):
    """The bytes are not an article we can read; str(e) is the reason."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# Longest signatures first where they share a prefix (UTF-32 LE vs UTF-16 LE).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_BOM_PREFIXES = tuple(bom for bom, _encoding in _BOMS)

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/ODT/EPUB)"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "GZIP archive"),
    (b"\x7fELF", "ELF executable"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office (OLE) document"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\xfd7zXZ\x00", "XZ archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x00asm", "WebAssembly binary"),
)

_MAGIC_PREFIXES = tuple(magic for magic, _kind in _MAGIC)  # one startswith() for all

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)

_LEGACY = re.compile(
    r"(cp\d|iso8859|koi8|mac|shift_jis|euc|gb|big5|iso2022|johab|kz1048|ptcp154|tis|hz)"
)
_SAMPLE = 64 * 1024  # bytes shown to charset-normalizer

_PARAGRAPH_SEPARATOR = "\u2029".encode()  # E2 80 A9: in valid UTF-8, only this character
# Found by the regex engine's literal-prefix scan: `bytes in bytes` took ~2.3 µs on a 3 KB
# article (its skip filter lets "i", "b" and '"' through), the regex ~1 µs.
_HAS_PARAGRAPH_SEPARATOR = re.compile(re.escape(_PARAGRAPH_SEPARATOR)).search
# C0/C1 controls and DEL, except those real text files carry (\t \n \r \f \v).
# NUL is counted on its own: a few in a UTF-16/32 text are removed by the importer.
_BAD_CONTROLS = re.compile("[\x01-\x08\x0e-\x1f\x7f-\x9f]")
# The same C0 controls and DEL as UTF-8 bytes: translate(None, this) keeps just them.
_NOT_C0_CONTROLS = bytes(b for b in range(256) if not (1 <= b <= 8 or 14 <= b <= 31 or b == 127))


def decode_bytes(data: bytes, hint: str | None = None) -> str:
    """Decode an article file; raise DecodeError with a short reason.

    hint: an encoding declared by the file itself (e.g. HTML <meta charset>),
    tried only after BOM and UTF-8, and only if it names a legacy charset.
    """
    return decode_counting_nuls(data, hint)[0]


def decode_counting_nuls(data: bytes, hint: str | None = None) -> tuple[str, int]:
    """decode_bytes, and how many U+0000 the text holds (counted once, here)."""
    decoded = decode_text(data, hint)
    return decoded.text, decoded.nuls


class Decoded(NamedTuple):
    text: str
    nuls: int  # how many U+0000 text holds
    utf8: bool  # text is data read as plain UTF-8 (no BOM), line endings aside: then a
    # question about the text can be asked of the bytes
    exact: bool  # and nothing aside: data is text's UTF-8, byte for byte


def decode_text(data: bytes, hint: str | None = None) -> Decoded:
    """decode_counting_nuls, and how the text stands to data (see Decoded)."""
    if not data:
        raise DecodeError("empty file")
    if data.startswith(_MAGIC_PREFIXES):  # one C call; the loop only to name the kind
        kind = next(kind for magic, kind in _MAGIC if data.startswith(magic))
        raise DecodeError(f"binary file ({kind})")
    text, utf8 = _decode(data, hint)
    # Line endings once, here: CRLF and lone CR -> "\n". U+2029 is what Qt puts
    # between blocks; a literal one in the text would be ambiguous there, so it
    # counts as a line ending too (same length: offsets are unaffected). Plain UTF-8
    # is looked at as bytes first (a C memchr): most files have neither.
    exact = utf8
    if not utf8 or b"\r" in data or _HAS_PARAGRAPH_SEPARATOR(data):
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2029", "\n")
        exact = False
    if text.endswith("\x1a"):  # DOS end-of-file marker, not content
        text = text[:-1]
        exact = False
    if text.isspace() or not text:  # not text.strip(): that copies the whole text
        raise DecodeError("empty file (only whitespace)")
    nuls = 0 if utf8 else text.count("\x00")  # _decode refused UTF-8 with NUL bytes
    if nuls * 100 > len(text):
        raise DecodeError(f"binary file ({nuls} NUL characters)")
    bad = _bad_controls(text, data if utf8 else None)
    if bad * 100 > len(text) and _bad_controls(repair_mojibake(text)[0], None) * 100 > len(text):
        # (the C1 controls of mis-encoded UTF-8, e.g. U+009D from the last byte of a
        # closing quote, are text: the importer repairs them)
        raise DecodeError(f"not text ({bad} control characters)")
    return Decoded(text, nuls, utf8, exact)


def _bad_controls(text: str, utf8: bytes | None) -> int:
    """How many control characters text holds (as _BAD_CONTROLS counts them). From the
    UTF-8 bytes when text is their plain decoding, in C: a regex over the text cost
    a fifth of reading a file. C1 controls (U+0080-U+009F) start with byte C2 there."""
    if utf8 is not None and b"\xc2" not in utf8:
        return len(utf8.translate(None, _NOT_C0_CONTROLS)) - utf8.endswith(b"\x1a")
    return len(_BAD_CONTROLS.findall(text)) if _BAD_CONTROLS.search(text) else 0


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML file declares in its first 4 KiB (<meta charset>)."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii") if m else None


def _decode(data: bytes, hint: str | None) -> tuple[str, bool]:
    """(text, whether it is data read as plain UTF-8)."""
    for bom, encoding in _BOMS if data.startswith(_BOM_PREFIXES) else ():
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), False
            except UnicodeDecodeError:
                raise DecodeError(f"undecodable {encoding.upper()} text") from None
    if b"\x00" in data:
        raise DecodeError("binary file (NUL bytes)")
    try:
        return data.decode("utf-8"), True
    except UnicodeDecodeError:
        pass
    declared = _legacy_codec(hint)
    if declared:
        try:
            return data.decode(declared), False
        except UnicodeError:
            pass
    return _decode_legacy(data), False


def _decode_legacy(data: bytes) -> str:
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:  # 0x81/0x8D/0x8F/0x90/0x9D are unassigned in cp1252
        western = data.decode("latin-1")  # never fails; junk shows up as C1 controls
    if _non_ascii_letter_ratio(western[:_SAMPLE]) <= 0.3:
        return western  # accents sprinkled in ASCII words: a Western language
    # Mostly accented "letters": likely another script read as cp1252. Of the
    # detector's candidates, keep the most plausible non-Latin reading (cp1251
    # over cp1125, whose box-drawing characters are neither letters nor
    # punctuation). The detector sees a sample (it is slow on megabytes); a
    # candidate must then decode the whole file.
    best, best_score = western, 0.0
    for match in charset_normalizer.from_bytes(data[:_SAMPLE]):
        if match.encoding.startswith("utf"):
            continue  # without a BOM these are guesses we do not take
        try:
            candidate = data.decode(match.encoding)
        except (UnicodeError, LookupError):
            continue
        score = _non_latin_letter_score(candidate[:_SAMPLE])
        if score > best_score:
            best, best_score = candidate, score
    return best


def _legacy_codec(hint: str | None) -> str | None:
    """Python's codec for a declared legacy charset; None for anything else
    (UTF-* without a BOM, text transforms such as unicode_escape, unknown)."""
    if not hint:
        return None
    try:
        name = codecs.lookup(hint.strip()).name
    except (LookupError, ValueError):
        return None
    return name if _LEGACY.match(name) else None


def _non_ascii_letter_ratio(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for ch in letters if ord(ch) > 0x7F) / len(letters)


def _non_latin_letter_score(text: str) -> float:
    """How plausible a reading is: share of letters and punctuation in its
    non-ASCII part; 0 unless its letters are mostly (>= 80 %) of a non-Latin
    script (Cyrillic, Greek...). Ties keep charset-normalizer's order."""
    extra = [ch for ch in text if ord(ch) > 0x7F and not ch.isspace()]
    letters = [ch for ch in extra if ch.isalpha()]
    non_latin = sum(1 for ch in letters if ord(ch) >= 0x370)
    if not letters or non_latin < 0.8 * len(letters):
        return 0.0
    good = len(letters) + sum(1 for ch in extra if unicodedata.category(ch).startswith("P"))
    return good / len(extra) if good >= 0.8 * len(extra) else 0.0
