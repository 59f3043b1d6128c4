"""The bytes check that lets plain UTF-8 files skip the mojibake scan agrees with it."""

from __future__ import annotations

import random
import re

from reader_app.formats import mojibake
from reader_app.formats.importers import parse_article


def _telltale(text: str) -> bool:
    return mojibake._TELLTALE.search(text) is not None


def test_bytes_check_agrees_with_the_text_pattern_on_every_pair() -> None:
    seconds = [*range(0x20, 0x300), *range(0x2000, 0x2200), 0x20AC, 0x2122, 0x1F600, 0x0430]
    for first in range(0xA0, 0x180):
        for second in seconds:
            pair = f"a{chr(first)}{chr(second)}b"
            assert mojibake.may_hold_telltale(pair.encode()) == _telltale(pair), (hex(first), hex(second))


def test_bytes_check_agrees_on_random_mixed_text() -> None:
    rng = random.Random(5)
    alphabet = "ab é ï ü Ã Â â € ™ “ ” – — … Ð ð Ñ ô õ ÷ \u0080 \u009d Київ 😀 𠀀\n".split(" ")
    for _ in range(3000):
        text = "".join(rng.choices(alphabet, k=rng.randint(1, 12)))
        assert mojibake.may_hold_telltale(text.encode()) == _telltale(text), repr(text)


def test_import_still_repairs_double_encoded_utf8_and_leaves_fine_text() -> None:
    broken = "The minister’s plan — café".encode().decode("cp1252").encode()
    article = parse_article(b"date 2022-02-09\n" + broken + b"\n\nMore text here.", "a.txt")
    assert article.text.startswith("The minister’s plan — café")
    assert any("repaired" in w for w in article.warnings)
    fine = "Café naïve Zürich, Київ 😀: “quoted” — fine.\n\nSecond paragraph."
    article = parse_article(fine.encode(), "b.txt")
    assert article.text == fine and not article.warnings


# The bytes pattern as it was first written, one branch per second character: the
# grouped pattern must match exactly where this one does.
_ONE_BRANCH_EACH = re.compile(
    rb"\xc3[\x82-\xb4](?:"
    + b"|".join(re.escape(chr(c).encode()) for c in mojibake._SECOND_CHARS) + b")"
)


def test_grouped_bytes_pattern_matches_as_one_branch_per_character_did() -> None:
    # every BMP character after the first and last telltale leads and their neighbours
    # (both patterns share the first part; the second decides), and astral ones
    seconds = [*range(0xD800), *range(0xE000, 0x10000), 0x10000, 0x1F600, 0x20000, 0x10FFFF]
    for first in (0xC1, 0xC2, 0xE9, 0xF4, 0xF5):
        for second in seconds:
            raw = f"{chr(first)}{chr(second)}".encode()
            assert (mojibake._TELLTALE_UTF8.fullmatch(raw) is None) == (
                _ONE_BRANCH_EACH.fullmatch(raw) is None), (hex(first), hex(second))


def test_grouped_bytes_pattern_agrees_on_random_bytes_and_large_input() -> None:
    rng = random.Random(11)
    alphabet = [b"\xc3", b"\xc2", b"\xc5", b"\xc6", b"\xcb", b"\xe2", b"\x80", b"\x82", b"\x84",
                b"\x92", b"\x9c", b"\xa2", b"\xac", b"\xb4", b"\xb5", b"\xbf", b"a", b"\n"]
    for _ in range(20000):
        raw = b"".join(rng.choices(alphabet, k=rng.randint(0, 10)))
        assert (mojibake._TELLTALE_UTF8.search(raw) is None) == (
            _ONE_BRANCH_EACH.search(raw) is None), raw
    huge = "café naïve Zürich Київ 😀 ".encode() * 100_000
    assert mojibake._TELLTALE_UTF8.search(huge) is None and _ONE_BRANCH_EACH.search(huge) is None
    assert mojibake._TELLTALE_UTF8.search(huge + "Ã©".encode()) is not None
    assert mojibake._TELLTALE_UTF8.search(b"") is None
