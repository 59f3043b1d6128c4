"""guess_language counts letters by script from UTF-8 lead bytes: each script on its own."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader_app.formats.dateline import guess_language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Café naïve à Zürich, déjà vu pour la résumé.", "en"),  # Latin with accents
        ("Ça s’est passé à Genève — « déjà » 😀", "en"),  # punctuation and emoji are not letters
        ("Лавров заявил, что NATO и OSCE должны ответить.", "ru"),  # Latin names inside
        ("Київ і Львів: їхні історії є різними.", "uk"),
        ("Ελληνικά κείμενα εδώ για δοκιμή", None),
        ("مرحبا بالعالم، هذا نص عربي", None),
        ("한국어 텍스트입니다", None),
        ("😀 🇺🇦 👨‍👩‍👧 ✓ — …", None),
        ("", None),
        ("   \n\t", None),
    ],
)
def test_guess_language_by_script(text: str, lang: str | None) -> None:
    assert guess_language(text) == lang


def test_only_the_first_thousand_characters_count() -> None:
    assert guess_language("a" * 1_000 + "Послы снова встретились" * 100) == "en"
    assert guess_language("ы" * 1_000 + "The envoys met" * 100) == "ru"


def test_a_lone_surrogate_does_not_raise() -> None:
    assert guess_language("Envoys \udce9 met") == "en"


def _three_counts(text: str) -> str | None:
    """guess_language as it was: Latin, Cyrillic and other lead bytes each counted."""
    def count(raw: bytes, *ranges: range) -> int:
        keep = {b for r in ranges for b in r}
        return len(raw.translate(None, bytes(b for b in range(256) if b not in keep)))

    raw = text[:1_000].encode("utf-8", "surrogatepass")
    latin = count(raw, range(65, 91), range(97, 123), range(0xC3, 0xCA))
    if raw.isascii():
        return "en" if latin else None
    cyrillic = count(raw, range(0xD0, 0xD5))
    letters = latin + cyrillic + count(raw, range(0xCA, 0xD0), range(0xD5, 0xE2),
                                       range(0xE3, 0xEE))
    if cyrillic * 2 > letters:
        lower = text[:1_000].lower()
        uk = sum(lower.count(ch) for ch in "ієїґ")
        ru = sum(lower.count(ch) for ch in "ыэъё")
        return "uk" if uk and uk >= ru else "ru"
    if latin * 2 > letters:
        return "en"
    return None


_PIECES = ["a", "Z", "é", "ß", "ł", "ǽ", "ж", "Ы", "і", "ї", "ё", "ґ", "α", "א", "ا", "क", "한",
           "中", "𠀀", "😀", "🇺🇦", "\u200d", "—", "…", " ", "\n", "1", ".", "\udce9", "\u0301"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40), st.integers(0, 1200))
def test_two_counts_for_latin_text_guess_as_three_did(pieces: list[str], pad: int) -> None:
    text = "".join(pieces)
    for candidate in (text, text * 30, " " * pad + text, "a" * pad + text, "ж" * pad + text):
        assert guess_language(candidate) == _three_counts(candidate), candidate[:60]


def test_ties_and_halves_guess_as_before() -> None:
    # exactly half Latin, exactly half Cyrillic, one more of either: the > comparisons decide
    for latin, cyrillic, other in [(2, 2, 0), (2, 1, 1), (1, 1, 2), (3, 2, 0), (2, 3, 0),
                                   (0, 0, 1), (5, 0, 5), (0, 5, 5), (1000, 1000, 0)]:
        text = "a" * latin + "ж" * cyrillic + "α" * other
        assert guess_language(text) == _three_counts(text), (latin, cyrillic, other)
