"""decode_bytes: each encoding, each line ending and each hostile input on its own."""

from __future__ import annotations

import codecs
import random

import pytest

from reader_app.formats.decode import DecodeError, declared_charset, decode_bytes

WESTERN = "“Talks will resume,” the envoy said; the fund is worth €40m — a ‘modest’ sum."
FRENCH = "Le comité s'est réuni à Genève; «très bien», a déclaré la ministre."
RUSSIAN = "Министр заявил журналистам, что переговоры продолжатся в четверг в столице."
UKRAINIAN = "Міністр заявив журналістам, що переговори триватимуть у четвер у столиці."


def test_utf8() -> None:
    text = "Grüße — “quoted” 👍"
    assert decode_bytes(text.encode("utf-8")) == text


def test_utf8_bom_is_stripped() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + "Über alles".encode()) == "Über alles"


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_utf16_and_utf32_with_bom(bom: bytes, codec: str) -> None:
    text = "Київ 𠀀 👨‍👩‍👧 done"  # astral characters become surrogate pairs in UTF-16
    assert decode_bytes(bom + text.encode(codec)) == text


def test_cp1252_curly_quotes_and_euro() -> None:
    assert decode_bytes(WESTERN.encode("cp1252")) == WESTERN


def test_latin1_accents() -> None:
    assert decode_bytes(FRENCH.encode("latin-1")) == FRENCH
    german = "Die Straße führt über die Brücke nach Süden."
    assert decode_bytes(german.encode("latin-1")) == german


@pytest.mark.parametrize(
    "text", [RUSSIAN, UKRAINIAN, "«Мы готовы к диалогу», — сказал представитель."]
)
def test_cp1251_cyrillic_sentences(text: str) -> None:
    assert decode_bytes(text.encode("cp1251")) == text


def test_declared_charset_is_a_hint_after_utf8() -> None:
    page = '<meta charset="windows-1251"><p>Привет</p>'.encode("cp1251")
    assert declared_charset(page) == "windows-1251"
    assert decode_bytes(page, declared_charset(page)).endswith("Привет</p>")
    # A UTF-8 page that lies about its charset is still read as UTF-8.
    assert decode_bytes("<p>Привет</p>".encode(), "windows-1251") == "<p>Привет</p>"


def test_crlf_becomes_lf() -> None:
    assert decode_bytes(b"one\r\ntwo\r\n\r\nthree") == "one\ntwo\n\nthree"


def test_lone_cr_becomes_lf() -> None:
    assert decode_bytes(b"one\rtwo\r\rthree") == "one\ntwo\n\nthree"


def test_crlf_in_utf16() -> None:
    data = codecs.BOM_UTF16_LE + "a\r\nb\rc".encode("utf-16-le")
    assert decode_bytes(data) == "a\nb\nc"


def test_paragraph_separator_becomes_lf() -> None:
    assert decode_bytes("a\u2029b".encode()) == "a\nb"


def test_nbsp_and_tabs_are_kept() -> None:
    text = "a\u00a0b\tc\t\td\u202fe"
    assert decode_bytes(text.encode()) == text


@pytest.mark.parametrize(
    "text",
    [
        "emoji 😀 here",
        "zwj family 👨‍👩‍👧 here",
        "flag 🇺🇦 here",
        "ext-B 𠀀𠀁 here",
        "combining e\u0301 and a\u0308 here",  # must NOT be normalized to NFC
        "precomposed é here",  # must NOT be normalized to NFD
        "rtl שלום עולם and مرحبا here",
        "Cyrillic Київ here",
    ],
)
def test_unicode_survives_byte_exact(text: str) -> None:
    assert decode_bytes(text.encode("utf-8")) == text
    assert decode_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le")) == text


def test_ctrl_z_end_marker_dropped() -> None:
    assert decode_bytes(b"old dos file\r\n\x1a") == "old dos file\n"


# --- hostile input, one at a time ----------------------------------------------


def _reason(data: bytes) -> str:
    with pytest.raises(DecodeError) as info:
        decode_bytes(data)
    assert isinstance(info.value, ValueError)
    return info.value.reason


def test_empty() -> None:
    assert "empty" in _reason(b"")


@pytest.mark.parametrize(
    "data",
    [b"   ", b"\n\r\n\t ", codecs.BOM_UTF8 + b" \n", codecs.BOM_UTF16_LE + " ".encode("utf-16-le")],
)
def test_whitespace_only(data: bytes) -> None:
    assert "empty" in _reason(data)


def test_nul_bytes() -> None:
    assert _reason(b"looks like text\x00but is not") == "binary file (NUL bytes)"


@pytest.mark.parametrize(
    ("magic", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n", "PNG"),
        (b"%PDF-1.7\n", "PDF"),
        (b"PK\x03\x04", "ZIP"),
        (b"\x1f\x8b\x08", "GZIP"),
        (b"\x7fELF\x02\x01", "ELF"),
        (b"\xff\xd8\xff\xe0", "JPEG"),
    ],
)
def test_binary_magic(magic: bytes, kind: str) -> None:
    assert kind in _reason(magic + b"rest of the file is plain enough")


def test_random_binary() -> None:
    rnd = random.Random(20220209)
    assert "binary" in _reason(bytes(rnd.randrange(256) for _ in range(4096)))


def test_random_binary_without_nul() -> None:
    rnd = random.Random(7)
    assert "control" in _reason(bytes(rnd.randrange(1, 256) for _ in range(4096)))


def test_many_control_characters() -> None:
    assert "control" in _reason(b"text \x01\x02\x03\x04 with \x1b[31m escapes" * 3)


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF16_LE + b"a\x00b",  # odd length
        codecs.BOM_UTF16_LE + b"\x00\xd8a\x00",  # lone high surrogate
        codecs.BOM_UTF32_LE + b"\xff\xff\xff\x7f",  # beyond U+10FFFF
    ],
)
def test_undecodable(data: bytes) -> None:
    assert "undecodable" in _reason(data)


def test_a_single_stray_control_character_in_real_text_is_kept() -> None:
    text = "A long enough paragraph of article text. " * 5 + "\x07bell"
    assert decode_bytes(text.encode()) == text
