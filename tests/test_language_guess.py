"""guess_language counts letters by script from UTF-8 lead bytes: each script on its own."""

from __future__ import annotations

import pytest

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
