"""Every highlight the reader draws meets WCAG AA in both themes (issue 14: in dark, the
selected tag's outline was dark blue on dark amber). Contrast per WCAG 2.x."""

from __future__ import annotations

import pytest

from reader_app.gui.shared.colours import (
    DARK,
    LIGHT,
    NON_TEXT_AA,
    TEXT_AA,
    THEMES,
    contrast_ratio,
    drawn_pairs,
    failing_pairs,
    over,
    relative_luminance,
)


def test_relative_luminance_and_ratio_match_wcag_reference_values():
    assert relative_luminance((0, 0, 0)) == 0.0
    assert relative_luminance((255, 255, 255)) == pytest.approx(1.0)
    assert contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast_ratio((255, 255, 255), (0, 0, 0)) == pytest.approx(21.0)  # symmetric
    # #767676 on white is the well-known lightest grey that passes AA for text (4.54:1)
    assert contrast_ratio((0x76, 0x76, 0x76), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio((0x77, 0x77, 0x77), (255, 255, 255)) < TEXT_AA
    # pure red on white: 4.0 (WebAIM's checker)
    assert contrast_ratio((255, 0, 0), (255, 255, 255)) == pytest.approx(4.0, abs=0.01)
    # the linear piece below 0.04045 (sRGB 10/255) and the curve above it
    assert relative_luminance((10, 10, 10)) == pytest.approx(10 / 255 / 12.92)
    assert relative_luminance((128, 128, 128)) == pytest.approx(0.2159, abs=1e-4)


def test_blending_is_what_qpainter_paints():
    assert over((255, 0, 0), 255, (0, 0, 255)) == (255, 0, 0)
    assert over((255, 0, 0), 0, (0, 0, 255)) == (0, 0, 255)
    assert over((200, 100, 0), 128, (0, 0, 0)) == (100, 50, 0)


@pytest.mark.parametrize("name", ["light", "dark"])
def test_every_drawn_pair_meets_wcag_aa(name):
    theme = THEMES[name]
    pairs = drawn_pairs(theme)
    whats = {what for what, *_ in pairs}
    # the pairs the issue names are all among those checked
    for needed in ("text on a claim", "selected outline on a claim", "text on a find match",
                   "actor mark on page", "date mark on page", "claim suggestion outline on page",
                   "current actor suggestion outline on its wash", "selected text"):
        assert needed in whats
    assert {minimum for *_, minimum in pairs} == {TEXT_AA, NON_TEXT_AA}
    assert failing_pairs(theme) == []


def test_a_failing_pair_is_caught():
    from dataclasses import replace

    # the bug of the issue: a dark blue outline on dark amber
    bad = replace(DARK, selected=(40, 60, 140))
    failures = failing_pairs(bad)
    assert any(f.startswith("selected outline on a claim") for f in failures)
    assert failing_pairs(replace(LIGHT, text=(150, 150, 150)))  # grey text on white


def test_the_themes_really_differ():
    assert relative_luminance(LIGHT.base) > 0.9 > 0.05 > relative_luminance(DARK.base)
    assert LIGHT.selected != DARK.selected
