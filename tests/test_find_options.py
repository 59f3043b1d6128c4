"""Find in the article: "Whole words" and "Match case", through the real window's find bar,
on stored code-point offsets, remembered in QSettings across windows."""

from __future__ import annotations

import pytest
from gui_helpers import open_window
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QCheckBox

from reader_app.domain.models import ImportedArticle
from reader_app.gui.article.find_bar import find_spans
from reader_app.storage.articles import add_article
from reader_app.storage.database import open_library

# astral characters and ZWJ sequences before the words: a UTF-16 offset used as a code
# point would land a few characters early
TEXT = (
    "🇺🇦 𠀀 👨\u200d👩\u200d👧 The war began; Kyiv warned that software for the War "
    "ministry (war) was late. Postwar talks: war's end, war🔥 again, war_room, war2.\n"
    "Мир — це не «мирний» план: МИР, мир! Миру немає, мир'ян теж. П'ять і п ять.\n"
    "İstanbul ISTANBUL istanbul; STRASSE straße Straße; e\u0301 and e.\n"
)


def build(db_path):
    db = open_library(db_path)
    try:
        return add_article(db, ImportedArticle("Find", TEXT, "find.txt")).article_id
    finally:
        db.close()


def words(spans):
    return [TEXT[a:b] for a, b in spans]


@pytest.fixture
def window(qtbot, db_path):
    article = build(db_path)
    window = open_window(qtbot, db_path)
    window.controller.open_article(article)
    return window


def open_find(qtbot, window):
    """Ctrl+F in the article: the bar opens with its field focused."""
    if QApplication.activeWindow() is not window:
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.find_bar
    assert bar.isVisible() and bar.field.hasFocus()
    return bar


def box(window, name) -> QCheckBox:
    found = window.find_bar.findChild(QCheckBox, name)
    assert found is not None, name
    return found


def click(qtbot, check_box: QCheckBox) -> None:
    qtbot.mouseClick(check_box, Qt.MouseButton.LeftButton,
                     pos=check_box.rect().center())


def walk(qtbot, bar, count):
    """Enter count times from the first match; the selected spans in order."""
    seen = [bar.view.selected_span()]
    for _ in range(count - 1):
        qtbot.keyClick(bar.field, Qt.Key.Key_Return)
        seen.append(bar.view.selected_span())
    return seen


def test_whole_words_war_skips_warned_software_postwar(qtbot, window):
    bar = open_find(qtbot, window)
    qtbot.keyClicks(bar.field, "war")
    loose = find_spans(TEXT, "war")
    assert bar.count_label.text() == f"1 of {len(loose)}"
    click(qtbot, box(window, "findWholeWords"))
    assert box(window, "findWholeWords").isChecked()
    expected = find_spans(TEXT, "war", whole_words=True)
    # "War", "(war)", "war's" (an English clitic), "war🔥": whole words; never inside
    # "warned", "software", "Postwar", "war_room" or "war2"
    assert words(expected) == ["war", "War", "war", "war", "war"]
    starts = [a for a, _ in expected]
    for inside in ("warned", "software", "Postwar", "war_room", "war2"):
        i = TEXT.index(inside)
        assert not any(i <= s < i + len(inside) for s in starts), inside
    assert bar.count_label.text() == f"1 of {len(expected)}"
    seen = walk(qtbot, bar, len(expected))
    assert sorted(seen) == expected  # every whole word, on its stored offsets
    assert all(TEXT[a:b].lower() == "war" for a, b in seen)
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.view.selected_span() == seen[-2]  # previous goes back
    assert window.view._layer.matches == expected  # what is painted is what is counted


def test_whole_words_in_cyrillic_and_apostrophes(qtbot, window):
    bar = open_find(qtbot, window)
    click(qtbot, box(window, "findWholeWords"))
    bar.field.insert("мир")  # QTest types ASCII only (non-ASCII aborts in qasciikey.cpp)
    found = find_spans(TEXT, "мир", whole_words=True)
    # "Мир", "МИР", "мир" twice; never "мирний", "Миру" or "мир'ян" (an apostrophe inside a
    # Ukrainian word joins it)
    assert words(found) == ["Мир", "МИР", "мир"]
    assert bar.count_label.text() == "1 of 3"
    assert sorted(walk(qtbot, bar, 3)) == found
    bar.field.setText("п")
    # "п" alone, not the п of "П'ять"
    assert words(find_spans(TEXT, "п", whole_words=True)) == ["п"]
    assert bar.count_label.text() == "1 of 1"
    assert bar.view.selected_span() == (TEXT.index(" п ") + 1, TEXT.index(" п ") + 2)
    bar.field.setText("e")  # never the e of a decomposed é (e + combining acute)
    assert bar.view.selected_span() == (TEXT.rindex("e."), TEXT.rindex("e.") + 1)
    assert bar.count_label.text() == "1 of 1"


def test_match_case(qtbot, window):
    bar = open_find(qtbot, window)
    qtbot.keyClicks(bar.field, "War")
    assert bar.count_label.text() == f"1 of {len(find_spans(TEXT, 'war'))}"
    click(qtbot, box(window, "findMatchCase"))
    assert bar.count_label.text() == "1 of 1"
    assert bar.view.selected_span() == (TEXT.index("War"), TEXT.index("War") + 3)
    bar.field.setText("МИР")
    assert bar.count_label.text() == "1 of 1"
    click(qtbot, box(window, "findMatchCase"))  # off again: every case, from where it was
    assert bar.count_label.text() == "3 of 6"
    assert bar.view.selected_span() == (TEXT.index("МИР"), TEXT.index("МИР") + 3)
    assert words(find_spans(TEXT, "МИР")) == ["Мир", "мир", "МИР", "мир", "Мир", "мир"]


def test_case_insensitive_matches_never_shift_offsets(qtbot, window):
    """"İ".lower() is two code points: matching a lowered copy would move every later match."""
    bar = open_find(qtbot, window)
    qtbot.keyClicks(bar.field, "istanbul")
    found = find_spans(TEXT, "istanbul")
    assert words(found) == ["İstanbul", "ISTANBUL", "istanbul"]
    assert bar.count_label.text() == "1 of 3"
    bar.field.setText("straße")
    # ß matches ß and ẞ-free "Straße" in any case, never "STRASSE" by full case folding
    assert words(find_spans(TEXT, "straße")) == ["straße", "Straße"]
    seen = walk(qtbot, bar, 2)
    assert [TEXT[a:b] for a, b in seen] == ["straße", "Straße"]
    bar.field.setText("e.")  # after every shifted-length character above
    i = TEXT.rindex("e.")
    assert bar.view.selected_span() == (i, i + 2)


def test_options_are_remembered_in_a_new_window(qtbot, db_path, window):
    bar = open_find(qtbot, window)
    click(qtbot, box(window, "findWholeWords"))
    click(qtbot, box(window, "findMatchCase"))
    settings = QSettings()
    assert settings.value("find/wholeWords", type=bool) is True
    assert settings.value("find/matchCase", type=bool) is True
    assert bar.field.hasFocus()  # a click on an option leaves the focus in the field
    window.close()
    second = open_window(qtbot, db_path)
    assert box(second, "findWholeWords").isChecked()
    assert box(second, "findMatchCase").isChecked()
    bar = open_find(qtbot, second)
    qtbot.keyClicks(bar.field, "war")
    assert bar.count_label.text() == f"1 of {len(find_spans(TEXT, 'war', True, True))}"
    assert words(find_spans(TEXT, "war", True, True)) == ["war", "war", "war", "war"]
    click(qtbot, box(second, "findWholeWords"))
    second.close()
    third = open_window(qtbot, db_path)
    assert not box(third, "findWholeWords").isChecked()
    assert box(third, "findMatchCase").isChecked()


@pytest.mark.parametrize(("text", "query", "expected"), [
    ("x-x yx-x-x", "x-x", [(0, 3), (7, 10)]),  # a later match overlapping a rejected one
    ("don't don", "don", [(0, 3), (6, 9)]),  # 't is an English clitic: "don" ends there
    ("Russia's Russia’s", "Russia", [(0, 6), (9, 15)]),
    ("об'єкт об’єкт об", "об", [(14, 16)]),
    ("🙂war🙂", "war", [(1, 4)]),
    ("'war'", "war", [(1, 4)]),
    ("", "war", []),
    ("war", "", []),
    ("a.b a+b", "a+b", [(4, 7)]),  # the query is text, not a pattern
    (". .. .", ".", [(0, 1), (2, 3), (3, 4), (5, 6)]),  # no word edge: every match
])
def test_whole_word_edges(text, query, expected):
    assert find_spans(text, query, whole_words=True) == expected
