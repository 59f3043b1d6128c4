"""FindBar: case-insensitive matches on stored offsets, keys, counter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from reader_app.domain.models import Article, ArticleId
from reader_app.domain.offsets import text_sha256
from reader_app.gui.article.find_bar import FindBar, find_spans
from reader_app.gui.article.view import ArticleView

TEXT = "🇺🇦 Kyiv said 👨\u200d👩\u200d👧 that KYIV and kyiv 𠀀 agree; Kyiv\u00a0again."


def make_article(text: str) -> Article:
    return Article(
        ArticleId(1), "u", "T", "t.txt", None, "en", text, text_sha256(text), "text", (), ""
    )


@pytest.fixture
def bar(qtbot):
    host = QWidget()
    layout = QVBoxLayout(host)
    view = ArticleView(host)
    find_bar = FindBar(view, host)
    layout.addWidget(view)
    layout.addWidget(find_bar)
    qtbot.addWidget(host)
    host.resize(700, 400)
    host.show()
    qtbot.waitExposed(host)
    view.show_article(make_article(TEXT), [])
    yield find_bar  # (keeps host, and so the bar, alive: qtbot holds widgets weakly)
    del host


def test_find_spans_is_case_insensitive_in_code_points():
    spans = find_spans(TEXT, "kyiv")
    assert len(spans) == 4
    assert all(TEXT[a:b].lower() == "kyiv" for a, b in spans)
    assert find_spans(TEXT, "") == []
    assert find_spans("a.b a+b", "a+b") == [(4, 7)]  # the query is text, not a pattern


def test_hidden_until_opened_and_esc_hides(qtbot, bar):
    assert bar.objectName() == "findBar" and not bar.isVisible()
    bar.open()
    assert bar.isVisible() and bar.field.hasFocus()
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert bar.view._layer.matches == []


def test_counter_and_enter_shift_enter_cycle_matches(qtbot, bar):
    bar.open()
    qtbot.keyClicks(bar.field, "KyIv")
    assert bar.count_label.text() == "1 of 4"
    spans = find_spans(TEXT, "kyiv")
    assert bar.view.selected_span() == spans[0]
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count_label.text() == "2 of 4"
    assert bar.view.selected_span() == spans[1]
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count_label.text() == "4 of 4"  # wraps around
    assert bar.view.selected_span() == spans[3]
    assert TEXT[slice(*spans[3])] == "Kyiv"


def test_matches_after_astral_characters_land_on_stored_offsets(qtbot, bar):
    bar.open()
    qtbot.keyClicks(bar.field, "agree")
    start = TEXT.index("agree")
    assert bar.view.selected_span() == (start, start + 5)
    assert bar.count_label.text() == "1 of 1"
    bar.field.setText("𠀀")
    assert bar.view.selected_span() == (TEXT.index("𠀀"), TEXT.index("𠀀") + 1)


def test_no_matches_and_empty_query(qtbot, bar):
    bar.open()
    qtbot.keyClicks(bar.field, "Moscow")
    assert bar.count_label.text() == "No matches"
    bar.field.clear()
    assert bar.count_label.text() == ""


def test_new_article_reruns_the_search(qtbot, bar):
    bar.open()
    qtbot.keyClicks(bar.field, "kyiv")
    bar.view.show_article(make_article("Nothing about it. Kyiv once."), [])
    assert bar.count_label.text() == "1 of 1"
    assert not bar.view.document().isModified()
