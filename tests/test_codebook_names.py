"""A code's name as stored: what every menu, tooltip and file shows of it (no Qt)."""

from __future__ import annotations

import pytest

from reader_app.domain.codebook import check_name


@pytest.mark.parametrize("given, stored", [
    ("A\x01B", "AB"),  # a control character no .qdc can carry
    ("\u202eevil", "evil"),  # an override would turn "Tag as … (1)" around
    ("Ort \u2067شارع\u2069", "Ort شارع"),  # an isolate; the Arabic itself stays
    ("tab\there\nand line", "tab here and line"),
    ("Zoë 👨\u200d👩\u200d👧", "Zoë 👨\u200d👩\u200d👧"),  # a ZWJ joins: kept
    ("  <b>R&D</b>  ", "<b>R&D</b>"),
])
def test_names_keep_what_is_shown_and_lose_controls(given, stored):
    assert check_name(given) == stored


def test_a_name_of_controls_only_is_refused():
    with pytest.raises(ValueError, match="needs a name"):
        check_name("\u202e\x01\u2066")
