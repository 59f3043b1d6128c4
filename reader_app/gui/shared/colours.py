"""The colours of each theme (light, dark) and the WCAG 2.x contrast they are held to.

Plain RGB tuples, no Qt: the palette and the highlight painters read them, and a test
checks every pair that is drawn one on the other (text on a tag's fill, an outline on
the page) against WCAG AA: 4.5:1 for text, 3:1 for lines and outlines.
"""

from __future__ import annotations

from dataclasses import dataclass

RGB = tuple[int, int, int]
TEXT_AA = 4.5  # WCAG 1.4.3: text
NON_TEXT_AA = 3.0  # WCAG 1.4.11: graphical objects (underlines, outlines, boxes)


@dataclass(frozen=True)
class ThemeColours:
    # the window (QPalette)
    window: RGB
    window_text: RGB
    base: RGB  # the page the article is read on
    alternate_base: RGB
    text: RGB
    button: RGB
    button_text: RGB
    highlight: RGB  # a text selection
    highlighted_text: RGB
    link: RGB
    placeholder: RGB  # placeholder text, block quotes, the legend's keys
    disabled_text: RGB
    mid: RGB
    # the marks (gui/shared/palette.py, gui/article/highlights.py)
    claim: RGB  # the claim's fill, laid over the page at claim_alpha
    claim_alpha: int
    claim_edge: RGB  # the brackets at a claim's two ends
    actor: RGB  # the actor's underline
    date: RGB  # the date's outlined box
    unknown: RGB  # a kind the app does not know
    selected: RGB  # the outline around the selected tag
    flash: RGB  # the brief outline when a tag is revealed
    find: RGB  # a find match's fill, at find_alpha
    find_alpha: int
    suggestion: dict[str, RGB]  # the dotted outline of a suggested span, by kind
    suggestion_alpha: int
    current_wash_alpha: int  # the current suggestion's faint fill, in its kind's colour
    search_mark: RGB  # a search hit's words in the library list (an opaque fill)
    own_wash_alpha: int = 50  # an own code's faint fill under its top bar, in its colour


LIGHT = ThemeColours(
    window=(239, 239, 239), window_text=(22, 22, 22), base=(255, 255, 255),
    alternate_base=(246, 246, 246), text=(22, 22, 22), button=(236, 236, 236),
    button_text=(22, 22, 22), highlight=(38, 110, 190), highlighted_text=(255, 255, 255),
    link=(0, 86, 179), placeholder=(96, 96, 96), disabled_text=(150, 150, 150),
    mid=(185, 185, 185),
    claim=(255, 196, 0), claim_alpha=95, claim_edge=(170, 112, 0),
    actor=(25, 100, 215), date=(0, 128, 76), unknown=(110, 110, 110),
    selected=(124, 0, 170), flash=(205, 70, 0), find=(0, 150, 255), find_alpha=60,
    suggestion={"claim": (160, 105, 0), "actor": (25, 100, 215), "date": (0, 128, 76)},
    suggestion_alpha=235, current_wash_alpha=45, search_mark=(255, 214, 92),
)

DARK = ThemeColours(
    window=(44, 45, 48), window_text=(228, 228, 228), base=(30, 31, 34),
    alternate_base=(38, 39, 43), text=(228, 228, 228), button=(56, 57, 61),
    button_text=(228, 228, 228), highlight=(44, 98, 170), highlighted_text=(255, 255, 255),
    link=(120, 178, 255), placeholder=(160, 160, 160), disabled_text=(115, 115, 115),
    mid=(80, 80, 84),
    claim=(235, 170, 40), claim_alpha=58, claim_edge=(255, 190, 60),
    actor=(110, 170, 255), date=(80, 215, 145), unknown=(170, 170, 170),
    selected=(150, 235, 255), flash=(255, 130, 70), find=(70, 160, 255), find_alpha=90,
    suggestion={"claim": (255, 190, 60), "actor": (110, 170, 255), "date": (80, 215, 145)},
    suggestion_alpha=235, current_wash_alpha=45, search_mark=(112, 82, 0),
    own_wash_alpha=55,
)

THEMES: dict[str, ThemeColours] = {"light": LIGHT, "dark": DARK}


def colours(dark: bool) -> ThemeColours:
    return DARK if dark else LIGHT


# -- WCAG 2.x ----------------------------------------------------------------------------


def relative_luminance(rgb: RGB) -> float:
    """WCAG 2.x relative luminance of an sRGB colour (0 black .. 1 white)."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: RGB, b: RGB) -> float:
    """(L1 + 0.05) / (L2 + 0.05), the lighter over the darker: 1 .. 21."""
    la, lb = relative_luminance(a), relative_luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def over(colour: RGB, alpha: int, background: RGB) -> RGB:
    """colour painted at alpha (0-255) over an opaque background, as QPainter blends it."""
    a = alpha / 255
    r, g, b = (round(c * a + d * (1 - a)) for c, d in zip(colour, background, strict=True))
    return r, g, b


def drawn_pairs(t: ThemeColours) -> list[tuple[str, RGB, RGB, float]]:
    """Every (what, foreground, background, minimum ratio) the reader draws one on the other."""
    page = t.base
    claim = over(t.claim, t.claim_alpha, page)
    two_claims = over(t.claim, t.claim_alpha, claim)  # overlapping claims add up
    find = over(t.find, t.find_alpha, page)
    find_on_claim = over(t.find, t.find_alpha, claim)
    pairs: list[tuple[str, RGB, RGB, float]] = [
        ("text on page", t.text, page, TEXT_AA),
        ("window text", t.window_text, t.window, TEXT_AA),
        ("button text", t.button_text, t.button, TEXT_AA),
        ("text on alternate rows", t.text, t.alternate_base, TEXT_AA),
        ("selected text", t.highlighted_text, t.highlight, TEXT_AA),
        ("link", t.link, page, TEXT_AA),
        ("placeholder / quote text", t.placeholder, page, TEXT_AA),
        ("legend key", t.placeholder, t.window, TEXT_AA),
        ("text on a claim", t.text, claim, TEXT_AA),
        ("text on two claims", t.text, two_claims, TEXT_AA),
        ("legend: text on a claim", t.window_text, over(t.claim, t.claim_alpha, t.window),
         TEXT_AA),
        ("text on a find match", t.text, find, TEXT_AA),
        ("text on a find match in a claim", t.text, find_on_claim, TEXT_AA),
        ("text on a search mark", t.text, t.search_mark, TEXT_AA),
        ("claim brackets on page", t.claim_edge, page, NON_TEXT_AA),
        ("claim brackets on their fill", t.claim_edge, claim, NON_TEXT_AA),
        ("selected outline on page", t.selected, page, NON_TEXT_AA),
        ("selected outline on a claim", t.selected, claim, NON_TEXT_AA),
        ("selected outline on two claims", t.selected, two_claims, NON_TEXT_AA),
        ("selected outline on a find match", t.selected, find, NON_TEXT_AA),
        ("flash outline on page", t.flash, page, NON_TEXT_AA),
        ("flash outline on a claim", t.flash, claim, NON_TEXT_AA),
        ("unknown kind's box on page", t.unknown, page, NON_TEXT_AA),
    ]
    for kind, colour in (("actor", t.actor), ("date", t.date)):
        pairs += [
            (f"{kind} mark on page", colour, page, NON_TEXT_AA),
            (f"{kind} mark on a claim", colour, claim, NON_TEXT_AA),
            (f"{kind} mark on the window (legend)", colour, t.window, NON_TEXT_AA),
        ]
    for kind, colour in t.suggestion.items():
        dotted = over(colour, t.suggestion_alpha, page)
        wash = over(colour, t.current_wash_alpha, page)
        pairs += [
            (f"{kind} suggestion outline on page", dotted, page, NON_TEXT_AA),
            (f"{kind} suggestion outline on a claim",
             over(colour, t.suggestion_alpha, claim), claim, NON_TEXT_AA),
            (f"current {kind} suggestion outline on its wash", colour, wash, NON_TEXT_AA),
            (f"text on the current {kind} suggestion", t.text, wash, TEXT_AA),
        ]
    return pairs


def failing_pairs(t: ThemeColours) -> list[str]:
    """The pairs of drawn_pairs below their minimum, each with its ratio."""
    return [f"{what}: {contrast_ratio(fg, bg):.2f} < {minimum}"
            for what, fg, bg, minimum in drawn_pairs(t) if contrast_ratio(fg, bg) < minimum]


# -- own codes: the analyst picks the colour, the theme keeps it readable -----------------


def _mix(a: RGB, b: RGB, share: float) -> RGB:
    r, g, bl = (round(x + (y - x) * share) for x, y in zip(a, b, strict=True))
    return r, g, bl


def _own_grounds(t: ThemeColours) -> tuple[RGB, ...]:
    """What an own code's bar is drawn on: the page, a claim, its own wash, the window."""
    page, claim = t.base, over(t.claim, t.claim_alpha, t.base)
    return page, claim, t.window


def _readable(mark: RGB, t: ThemeColours) -> bool:
    page, claim, _ = grounds = _own_grounds(t)
    return (all(contrast_ratio(mark, ground) >= NON_TEXT_AA for ground in grounds)
            and all(contrast_ratio(t.text, over(mark, t.own_wash_alpha, ground)) >= TEXT_AA
                    for ground in (page, claim)))


def own_mark(colour: RGB, t: ThemeColours) -> RGB:
    """An own code's colour as the theme draws it, moved as little as needed (toward the
    text colour, else toward the page) until its bar stands out (3:1) on the page, a claim
    and the window, and text on its wash stays readable (4.5:1). A code coloured dark
    blue stays blue in dark, only lighter."""
    for step in range(21):
        for toward in (t.text, t.base):
            mark = _mix(colour, toward, step / 20)
            if _readable(mark, t):
                return mark
    return t.unknown

