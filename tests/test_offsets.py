"""OffsetMap, anchors and re-anchoring: the one conversion helper."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader_app.domain.offsets import (
    OffsetMap,
    make_anchor,
    reanchor,
    snap_to_words,
    trim_span,
)

HARD = [
    ("emoji", "I 😀 you"),
    ("zwj family", "a 👨‍👩‍👧 b"),
    ("flag", "Kyiv 🇺🇦 now"),
    ("cjk ext b", "x 𠀀 y"),
    ("combining", "cafe\u0301 noir"),
    ("rtl", "שלום עליכם and مرحبا"),
    ("nbsp", "10\u00a0000 troops"),
    ("tab", "col\tcol"),
    ("cyrillic", "Зеленський сказав"),
]


def utf16_len(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


@pytest.mark.parametrize("name,text", HARD, ids=[h[0] for h in HARD])
def test_round_trip_each_case(name, text):
    m = OffsetMap(text)
    assert m.utf16_length == utf16_len(text)
    for i in range(len(text) + 1):
        assert m.to_utf16(i) == utf16_len(text[:i])
        assert m.to_code_point(m.to_utf16(i)) == i


def test_unit_inside_surrogate_pair_snaps_back():
    text = "a😀b"
    m = OffsetMap(text)
    assert m.to_code_point(2) == 1  # between the two halves of 😀 -> before it
    assert m.to_code_point(3) == 2


def test_positions_are_clamped():
    m = OffsetMap("abc")
    assert m.to_utf16(-5) == 0 and m.to_utf16(99) == 3
    assert m.to_code_point(-1) == 0 and m.to_code_point(99) == 3


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_round_trip_any_text(text):
    m = OffsetMap(text)
    assert m.utf16_length == utf16_len(text)
    for i in range(len(text) + 1):
        assert m.to_code_point(m.to_utf16(i)) == i


def test_make_anchor_context_and_bounds():
    text = "x" * 40 + "QUOTE" + "y" * 40
    a = make_anchor(text, 40, 45)
    assert a.quote == "QUOTE" and a.prefix == "x" * 32 and a.suffix == "y" * 32
    with pytest.raises(ValueError):
        make_anchor(text, 5, 5)
    with pytest.raises(ValueError):
        make_anchor(text, 0, 999)


def test_trim_and_snap():
    text = "  said Lavrov.\n"
    assert trim_span(text, 0, len(text)) == (2, 13 + 1)
    t = "Sergei Lavrov said"
    assert snap_to_words(t, 9, 11) == (7, 13)  # inside "Lavrov"
    assert snap_to_words(t, 7, 13) == (7, 13)  # already whole
    assert snap_to_words("café noir", 1, 3) == (0, 4)
    assert snap_to_words("cafe\u0301 noir", 1, 4) == (0, 5)  # combining acute stays with its e


def test_reanchor_prefers_context_then_nearest():
    old = "Russia said no. Later Russia said yes."
    a = make_anchor(old, 22, 28)  # second "Russia"
    new = "Intro. " + old
    assert reanchor(new, a) == (29, 35)
    assert reanchor("nothing here", a) is None
    assert reanchor(old, a) == (22, 28)
