"""The bytes check that lets plain UTF-8 files skip the mojibake scan agrees with it."""

from __future__ import annotations

import random

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
