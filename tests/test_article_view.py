"""ArticleView: offsets through Qt, highlights, clicks, links and safety."""

from __future__ import annotations

import sys

import pytest
from gui_helpers import u16
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QByteArray, QPoint, QRect, QSizeF, Qt, QUrl
from PySide6.QtGui import QColor, QImage, QPalette, QTextCursor, QTextDocument

from reader_app.domain.models import (
    Annotation,
    AnnotationId,
    Article,
    ArticleId,
    StyleSpan,
)
from reader_app.domain.offsets import text_sha256
from reader_app.domain.span_trim import tidy_span
from reader_app.gui.article.document import visible_range
from reader_app.gui.article.view import ArticleView
from reader_app.gui.shared.palette import KIND_KEYS, make_legend


def make_article(
    text: str, content_type: str = "text", styles: tuple[StyleSpan, ...] = ()
) -> Article:
    return Article(
        ArticleId(1),
        "uuid-1",
        "Title",
        "test.txt",
        None,
        "en",
        text,
        text_sha256(text),
        content_type,
        styles,
        "2024-01-01T00:00:00",
    )


def make_ann(ann_id: int, kind: str, text: str, quote: str, occurrence: int = 0) -> Annotation:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    end = start + len(quote)
    return Annotation(
        AnnotationId(ann_id),
        f"u{ann_id}",
        ArticleId(1),
        kind,
        start,
        end,
        quote,
        "",
        "",
        None,
        None,
        None,
        "",
        "",
        "",
    )


def select_units(view: ArticleView, a: int, b: int) -> None:
    cursor = view.textCursor()
    cursor.setPosition(a)
    cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def select_quote(view: ArticleView, text: str, quote: str) -> tuple[int, int]:
    i = text.index(quote)
    select_units(view, u16(text, i), u16(text, i + len(quote)))
    return i, i + len(quote)


def char_point(view: ArticleView, text: str, i: int) -> QPoint:
    """Viewport point in the middle of character i (which must not wrap)."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(u16(text, i))
    left = view.cursorRect(cursor)
    cursor.setPosition(u16(text, i + 1))
    right = view.cursorRect(cursor)
    return QPoint((left.center().x() + right.center().x()) // 2, left.center().y())


def span_rect(view: ArticleView, text: str, start: int, end: int) -> QRect:
    cursor = QTextCursor(view.document())
    cursor.setPosition(u16(text, start))
    left = view.cursorRect(cursor)
    cursor.setPosition(u16(text, end))
    right = view.cursorRect(cursor)
    return QRect(left.topLeft(), right.bottomRight()).adjusted(0, -2, 0, 6)


@pytest.fixture
def view(qtbot):
    widget = ArticleView()
    qtbot.addWidget(widget)
    widget.resize(800, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


# -- selections through hard Unicode, each case on its own ------------------------------

HARD = [
    ("emoji", "I 😀 love 😀 Kyiv today", "Kyiv"),
    ("zwj", "a 👨\u200d👩\u200d👧 family", "👨\u200d👩\u200d👧"),
    ("after_zwj", "a 👨\u200d👩\u200d👧 family", "family"),
    ("flag", "Kyiv 🇺🇦 now", "now"),
    ("cjk_ext_b", "x 𠀀 y and more", "𠀀"),
    ("after_cjk_ext_b", "x 𠀀𠀁 y and more", "more"),
    ("combining", "cafe\u0301 noir", "cafe\u0301"),
    ("after_combining", "cafe\u0301 noir", "noir"),
    ("nbsp", "about 10\u00a0000 troops", "10\u00a0000"),
    ("after_nbsp", "10\u00a0000 troops", "troops"),
    ("rtl", "שלום עולם and مرحبا بكم", "עולם"),
    ("rtl_arabic", "שלום עולם and مرحبا بكم", "مرحبا"),
    ("tab", "col\tvalue here", "value"),
    ("multi_line", "First para.\n\nSecond para here.", "para.\n\nSecond"),
    ("cyrillic", "Зеленський сказав у Києві", "сказав"),
]


@pytest.mark.parametrize("text, quote", [h[1:] for h in HARD], ids=[h[0] for h in HARD])
def test_selected_span_hard_unicode(view, text, quote):
    view.show_article(make_article(text), [])
    i, j = select_quote(view, text, quote)
    assert view.selected_span() == (i, j)
    assert text[i:j] == quote


def test_select_span_round_trips_after_astral_text(view):
    text = "🇺🇦 𠀀 👨\u200d👩\u200d👧 Kuleba said"
    view.show_article(make_article(text), [])
    i = text.index("Kuleba")
    view.select_span(i, i + 6)
    assert view.textCursor().selectionStart() == u16(text, i)
    assert view.selected_span() == (i, i + 6)


def test_position_inside_surrogate_pair_snaps_to_the_character(view):
    text = "ab 😀 cd"
    view.show_article(make_article(text), [])
    emoji = text.index("😀")
    select_units(view, u16(text, emoji) + 1, u16(text, len(text)))  # starts between the surrogates
    start, end = view.selected_span()
    assert text[start:end] in ("😀 cd", "cd")
    select_units(view, 0, u16(text, emoji) + 1)  # ends between the surrogates: keep the emoji
    assert view.selected_span() == (0, emoji + 1)


def test_selection_is_trimmed_and_snapped_to_words(view):
    text = "The minister said  Kyiv  would talk."
    view.show_article(make_article(text), [])
    i = text.index("inist")
    select_units(view, u16(text, i), u16(text, i + 5))
    assert text.__getitem__(slice(*view.selected_span())) == "minister"
    i = text.index("  Kyiv  ")
    select_units(view, i, i + len("  Kyiv  "))
    assert text.__getitem__(slice(*view.selected_span())) == "Kyiv"
    select_units(view, text.index("  Kyiv"), text.index("  Kyiv") + 2)  # white space only
    assert view.selected_span() is None


def test_no_selection_and_empty_state(view):
    assert view.article is None and view.offset_map is None
    assert view.selected_span() is None
    assert "No article open" in view.document().toPlainText()
    view.show_article(make_article("Some text"), [])
    assert view.selected_span() is None
    view.clear_article()
    assert view.article is None and view.selected_span() is None


ALPHABET = st.sampled_from(
    list("ab yé\n\t\u00a0") + ["😀", "𠀀", "🇺", "🇦", "\u0301", "ש", "\u200d"]
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.lists(ALPHABET, min_size=1, max_size=40).map("".join), data=st.data())
def test_selected_span_matches_python_offsets(view, text, data):
    view.show_article(make_article(text), [])
    i = data.draw(st.integers(0, len(text) - 1))
    j = data.draw(st.integers(i + 1, len(text)))
    select_units(view, u16(text, i), u16(text, j))
    start, end = tidy_span(text, i, j)
    expected = (start, end) if start < end else None
    assert view.selected_span() == expected
    assert view.raw_selected_span() == (i, j)


# -- document: exact characters, styles, never modified ------------------------------------


def test_document_holds_the_stored_text_exactly(view):
    text = "a\u00a0b\tc 👨\u200d👩\u200d👧 🇺🇦 𠀀 e\u0301\u2028x\n\nשלום\nend"
    view.show_article(make_article(text), [])
    doc = view.document()
    assert doc.characterCount() - 1 == u16(text, len(text))
    assert view.warning is None
    assert not view.findChild(type(view._banner), "articleWarning").isVisible()
    blocks, block = [], doc.begin()
    while block.isValid():
        blocks.append(block.text())
        block = block.next()
    assert "\n".join(blocks) == text  # block texts keep NBSP (toPlainText would not)
    assert doc.characterAt(u16(text, 1)) == "\u00a0"


def test_carriage_returns_and_leading_bom_keep_offsets(view):
    text = "\ufeffone\r\ntwo three"
    view.show_article(make_article(text), [])
    assert view.document().characterCount() - 1 == len(text)
    i, j = select_quote(view, text, "three")
    assert view.selected_span() == (i, j)


def test_text_that_renders_differently_shows_a_warning_and_keeps_offsets(view):
    text = "lone \ud800 surrogate then Kyiv"  # Qt cannot show a lone surrogate as it is
    view.show_article(make_article(text), [])
    assert view.warning is not None
    banner = view.findChild(type(view._banner), "articleWarning")
    assert banner.isVisible() and banner.text()
    i, j = select_quote(view, text, "Kyiv")
    assert view.selected_span() == (i, j)


def test_markdown_styles_applied_and_offsets_exact(view):
    text = (
        "Heading 🇺🇦 here\n\nSome bold and italic with code and a link."
        "\n\n• item 😀 one\n\nQuoted words."
    )
    spans = (
        StyleSpan(0, text.index("\n"), "h1"),
        StyleSpan(text.index("bold"), text.index("bold") + 4, "strong"),
        StyleSpan(text.index("italic"), text.index("italic") + 6, "em"),
        StyleSpan(text.index("code"), text.index("code") + 4, "code"),
        StyleSpan(text.index("link"), text.index("link") + 4, "link", "https://example.org/a"),
        StyleSpan(text.index("item"), text.index("one") + 3, "li"),
        StyleSpan(text.index("Quoted"), len(text), "blockquote"),
    )
    view.show_article(make_article(text, "markdown", spans), [])
    doc = view.document()
    assert view.warning is None and not doc.isModified()

    def fmt(quote):
        cursor = QTextCursor(doc)
        cursor.setPosition(u16(text, text.index(quote) + 1))
        return cursor

    assert fmt("bold").charFormat().font().bold()
    assert fmt("italic").charFormat().fontItalic()
    assert fmt("code").charFormat().fontFixedPitch()
    link = fmt("link").charFormat()
    assert link.isAnchor() and link.anchorHref() == "https://example.org/a" and link.fontUnderline()
    heading = fmt("here")
    assert heading.blockFormat().headingLevel() == 1
    assert heading.charFormat().fontPointSize() > view.font().pointSizeF()
    assert fmt("item").blockFormat().leftMargin() > 0
    assert fmt("Quoted").charFormat().fontItalic()
    for quote in ("here", "bold", "link", "one", "Quoted"):
        i, j = select_quote(view, text, quote)
        assert view.selected_span() == (i, j)


# -- highlights: clicks, painting, incremental changes ----------------------------------------

ARTICLE = "date 2022-02-09 KYIV. Minister Dmytro Kuleba said on Thursday that drills would begin."


@pytest.fixture
def tagged(view):
    text = ARTICLE
    anns = [
        make_ann(
            1, "claim", text, "Minister Dmytro Kuleba said on Thursday that drills would begin"
        ),
        make_ann(2, "actor", text, "Dmytro Kuleba"),
        make_ann(3, "date", text, "on Thursday"),
    ]
    view.show_article(make_article(text), anns)
    return view, text, anns


def test_click_emits_the_innermost_annotation(qtbot, tagged):
    view, text, anns = tagged
    for quote, expected in (("Kuleba", 2), ("Thursday", 3), ("drills", 1)):
        point = char_point(view, text, text.index(quote) + 2)
        with qtbot.waitSignal(view.annotation_clicked) as blocker:
            qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
        assert blocker.args == [expected]
    with qtbot.assertNotEmitted(view.annotation_clicked):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=char_point(view, text, 2))
    assert not view.document().isModified()


def test_rtl_claim_is_hit_only_on_its_own_visual_pieces(qtbot, view):
    text = "שלום עולם — the minister said — مرحبا"
    claim = make_ann(1, "claim", text, "עולם — the minister")
    view.show_article(make_article(text), [claim])
    assert len(view._layer.rects(claim.start, claim.end)) == 2  # the LTR run and the RTL run
    for quote, hit in (("minister", True), ("עולם", True), ("said", False), ("שלום", False)):
        point = char_point(view, text, text.index(quote) + 1)
        assert (view.annotation_at(point) == 1) is hit, quote


def test_double_click_on_a_tag_selects_the_word(qtbot, tagged):
    view, text, _ = tagged
    point = char_point(view, text, text.index("Kuleba") + 1)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    i = text.index("Kuleba")
    assert view.selected_span() == (i, i + len("Kuleba"))
    qtbot.mouseRelease(
        view.viewport(), Qt.MouseButton.LeftButton, pos=point
    )  # QTest leaves the button "down"


def test_font_change_relayouts_highlights(tagged):
    view, text, _ = tagged
    i = text.index("Kuleba")
    before = view._layer.rects(i, i + 6)
    font = view.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    view.setFont(font)
    after = view._layer.rects(i, i + 6)
    assert after[0].width() > before[0].width()
    assert view.annotation_at(char_point(view, text, text.index("Kuleba") + 1)) == 2
    assert not view.document().isModified()


def test_pointing_hand_over_a_highlight(qtbot, tagged):
    view, text, _ = tagged
    qtbot.mouseMove(
        view.viewport(), QPoint(3, 3)
    )  # a move to where the mouse already is sends nothing
    qtbot.mouseMove(view.viewport(), char_point(view, text, text.index("Kuleba") + 1))
    assert view.viewport().cursor().shape() == Qt.CursorShape.PointingHandCursor
    qtbot.mouseMove(view.viewport(), char_point(view, text, 1))
    assert view.viewport().cursor().shape() != Qt.CursorShape.PointingHandCursor


def grab_rect(view: ArticleView, rect: QRect):
    view.viewport().repaint()
    return view.viewport().grab(rect).toImage()


def test_add_update_remove_change_what_is_painted(tagged):
    view, text, _ = tagged
    i = text.index("KYIV")
    rect = span_rect(view, text, i, i + 4)
    plain = grab_rect(view, rect)
    claim = Annotation(
        AnnotationId(9),
        "u9",
        ArticleId(1),
        "claim",
        i,
        i + 4,
        "KYIV",
        "",
        "",
        None,
        None,
        None,
        "",
        "",
        "",
    )
    view.add_annotation(claim)
    assert 9 in view.highlighted_ids(i, i + 4)
    as_claim = grab_rect(view, rect)
    assert as_claim != plain
    view.update_annotation(Annotation(**{**claim.__dict__, "kind": "date"}))
    as_date = grab_rect(view, rect)
    assert as_date not in (plain, as_claim)
    view.remove_annotation(9)
    assert 9 not in view.highlighted_ids(i, i + 4)
    assert grab_rect(view, rect) == plain
    assert not view.document().isModified()


def test_selected_annotation_is_outlined(tagged):
    view, text, _ = tagged
    i = text.index("on Thursday")
    rect = span_rect(view, text, i, i + len("on Thursday")).adjusted(-6, -6, 6, 6)
    before = grab_rect(view, rect)
    view.set_selected_annotation(3)
    assert grab_rect(view, rect) != before
    view.set_selected_annotation(None)
    assert grab_rect(view, rect) == before


def test_reveal_scrolls_and_flashes(qtbot, view):
    text = (
        "\n\n".join(f"Paragraph {n} with some words in it." for n in range(300))
        + "\n\nThe end Kyiv."
    )
    target = make_ann(5, "actor", text, "Kyiv")
    view.show_article(make_article(text), [target])
    assert view.verticalScrollBar().value() == 0
    view.reveal_annotation(5)
    bar = view.verticalScrollBar()
    assert bar.value() > 0
    point = char_point(view, text, target.start + 1)
    assert view.viewport().rect().contains(point)
    assert view._layer.flash_id == 5
    qtbot.waitUntil(lambda: view._layer.flash_id is None, timeout=2000)


def test_dark_palette_paints_highlights(view, tmp_path):
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Base, QColor(30, 30, 32)),
        (QPalette.ColorRole.Text, QColor(225, 225, 225)),
    ):
        palette.setColor(role, colour)
    view.setPalette(palette)
    text = ARTICLE
    view.show_article(make_article(text), [make_ann(1, "claim", text, "KYIV")])
    i = text.index("KYIV")
    image = grab_rect(view, span_rect(view, text, i, i + 4))
    assert any(
        image.pixelColor(x, 2).red() > image.pixelColor(x, 2).blue() + 20
        for x in range(image.width())
    )
    assert not view.document().isModified()


def test_one_huge_paragraph_paints_only_the_visible_lines(view):
    text = " ".join(f"word{n}" for n in range(40_000))  # ~300k characters, no line break
    anns = [make_ann(n, "claim", text, f"word{n} ") for n in range(0, 40_000, 8)]
    view.show_article(make_article(text), anns)
    view.grab()
    offset = view._scroll_offset()
    size = QSizeF(view.viewport().size())
    start, end = visible_range(view.document(), view.offset_map, offset, size)
    assert start == 0 and 0 < end < 5_000
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 2)
    start, end = visible_range(view.document(), view.offset_map, view._scroll_offset(), size)
    assert 0 < start < end and end - start < 5_000


# -- links and resources --------------------------------------------------------------------

LINKED = "See the report and the file here."


def linked_article(href: str) -> Article:
    i = LINKED.index("report")
    return make_article(LINKED, "html", (StyleSpan(i, i + 6, "link", href),))


@pytest.mark.parametrize(
    "href, emitted",
    [
        ("https://example.org/report", True),
        ("http://example.org/report", True),
        ("file:///etc/passwd", False),
        ("javascript:alert(1)", False),
        ("mailto:desk@example.org", False),
    ],
)
def test_link_clicks_only_request_http_and_never_navigate(qtbot, view, href, emitted):
    view.show_article(linked_article(href), [])
    point = char_point(view, LINKED, LINKED.index("report") + 2)
    seen = []
    view.link_open_requested.connect(seen.append)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.wait(20)
    assert [u.toString() for u in seen] == ([href] if emitted else [])
    assert view.source().isEmpty()
    assert view.document().toPlainText() == LINKED
    assert not view.document().isModified()


def test_load_resource_refuses_everything(view):
    for url in (
        "file:///etc/passwd",
        "https://example.org/x.png",
        "qrc:/icon.png",
        "data:image/png;base64,AA==",
    ):
        # an empty resource, never None (with None Qt loads the file itself)
        image = view.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl(url))
        assert isinstance(image, QImage) and image.width() <= 1
        other = view.loadResource(QTextDocument.ResourceType.StyleSheetResource.value, QUrl(url))
        assert isinstance(other, QByteArray) and other.isEmpty()
    assert not view.openLinks() and not view.openExternalLinks()
    assert view.isReadOnly()


def test_document_never_modified(qtbot, tagged):
    view, text, anns = tagged
    doc = view.document()
    select_quote(view, text, "drills")
    view.select_span(0, 4)
    view.add_annotation(make_ann(7, "date", text, "2022-02-09"))
    view.update_annotation(make_ann(7, "claim", text, "2022-02-09"))
    view.remove_annotation(7)
    view.set_selected_annotation(1)
    view.reveal_annotation(2)
    view.set_find_matches([(0, 4)])
    view.grab()
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(view, "typing does nothing")
    assert view.document() is doc and not doc.isModified()
    assert view.document().toPlainText() == text


def test_none_refcount_survives_many_set_position_calls(view):
    """PySide6 6.12.0 on Python 3.11 drops None's refcount on void calls (DESIGN.md)."""
    view.show_article(make_article("x" * 100), [])
    cursor = QTextCursor(view.document())
    before = sys.getrefcount(None)
    for n in range(1000):
        cursor.setPosition(n % 100)
    assert sys.getrefcount(None) >= before - 50


def test_legend_names_kinds_and_keys(qtbot):
    legend = make_legend()
    qtbot.addWidget(legend)
    assert legend.objectName() == "legend"
    assert KIND_KEYS == {"claim": "C", "actor": "A", "date": "D"}
    tips = sorted(child.toolTip() for child in legend.children() if getattr(child, "kind", None))
    assert len(tips) == 3 and all(any(k in t for k in "CAD") for t in tips)
