"""Word snapping where the suite did not look: a selection that ends at (or just before)
the very end of the text, one that starts in the first word, and ’ as a word character
like '. Through the real window (mouse and keyboard), and on snap_to_words itself."""

from __future__ import annotations

import pytest
from gui_helpers import u16
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from reader_app.domain.models import ImportedArticle
from reader_app.domain.offsets import snap_to_words
from reader_app.storage.articles import add_article
from reader_app.storage.database import open_library

END_TEXT = "Talks resumed on Friday in Halden, officials said.\n\nThe mediator met Estmark"


# -- snap_to_words ----------------------------------------------------------------------------


@pytest.mark.parametrize(("start", "end"), [(len(END_TEXT) - 3, len(END_TEXT) - 1),
                                            (len(END_TEXT) - 3, len(END_TEXT)),
                                            (len(END_TEXT) - 7, len(END_TEXT) - 1)])
def test_a_span_in_the_last_word_snaps_to_the_whole_word(start, end):
    whole = len(END_TEXT) - len("Estmark")
    assert snap_to_words(END_TEXT, start, end) == (whole, len(END_TEXT))


def test_a_combining_mark_that_ends_the_text_stays_with_its_letter():
    text = "They met at the cafe\u0301"
    cafe = text.index("cafe")
    assert snap_to_words(text, cafe + 1, len(text) - 1) == (cafe, len(text))


def test_a_span_in_the_first_word_snaps_to_the_start():
    assert snap_to_words("Estmark said", 1, 3) == (0, 7)
    assert snap_to_words("Estmark", 1, 6) == (0, 7)  # one word, the whole text
    assert snap_to_words("Estmark", 0, 7) == (0, 7)


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_an_apostrophe_is_a_word_character_either_way(apostrophe):
    text = f"The union said it wasn{apostrophe}t over for Halden{apostrophe}s port."
    wasnt = text.index("wasn")
    assert snap_to_words(text, wasnt, wasnt + 3) == (wasnt, wasnt + 6)  # "was" -> "wasn’t"
    assert snap_to_words(text, wasnt + 5, wasnt + 6) == (wasnt, wasnt + 6)  # "t" -> "wasn’t"
    halden = text.index("Halden")
    assert snap_to_words(text, halden, halden + 4) == (halden, halden + 8)


def test_dashes_and_quotes_around_words_are_not_word_characters():
    text = "“Quiet”—said Sousa"
    assert snap_to_words(text, 1, 3) == (1, 6)
    assert snap_to_words(text, 8, 10) == (8, 12)  # after the em dash: "said" alone


# -- through the window -------------------------------------------------------------------------


def open_text(window, db_path, text: str) -> None:
    db = open_library(db_path)
    try:
        article_id = add_article(db, ImportedArticle("Gaps", text, "gaps.txt")).article_id
    finally:
        db.close()
    window.controller.add_imported([article_id])
    window.controller.open_article(article_id)


def point_before(view, text: str, i: int) -> QPoint:
    """A viewport point just right of the boundary before character i."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(u16(text, i))
    rect = view.cursorRect(cursor)
    return QPoint(rect.center().x() + 1, rect.center().y())


def drag(qtbot, view, text: str, i: int, j: int) -> None:
    """Press before character i, drag to before character j, release: a mouse selection."""
    left = Qt.MouseButton.LeftButton
    qtbot.mousePress(view.viewport(), left, pos=point_before(view, text, i))
    qtbot.mouseMove(view.viewport(), point_before(view, text, j))
    qtbot.mouseRelease(view.viewport(), left, pos=point_before(view, text, j))


def tag_with_key(qtbot, window, kind_key) -> dict:
    """Press the tag key on the reading widget; the one new tag, as stored."""
    before = {a.id for a in window.controller.annotations()}
    qtbot.keyClick(window.view, kind_key)
    (new,) = [a for a in window.controller.annotations() if a.id not in before]
    return new


def test_shift_end_from_inside_the_last_word_tags_the_whole_word(qtbot, window, db_path):
    open_text(window, db_path, END_TEXT)
    view = window.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)  # the very end
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Left)
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)  # "ark" to the end
    assert view.textCursor().selectionEnd() == u16(END_TEXT, len(END_TEXT))
    ann = tag_with_key(qtbot, window, Qt.Key.Key_A)
    assert (ann.start, ann.end, ann.quote) == (len(END_TEXT) - 7, len(END_TEXT), "Estmark")


def test_a_mouse_drag_stopping_before_the_last_character_tags_the_whole_word(
        qtbot, window, db_path):
    open_text(window, db_path, END_TEXT)
    start = END_TEXT.index("Estmark")
    drag(qtbot, window.view, END_TEXT, start, len(END_TEXT) - 1)  # "Estmar"
    assert window.view.selected_span() == (start, len(END_TEXT))
    window.view.setFocus()
    ann = tag_with_key(qtbot, window, Qt.Key.Key_A)
    assert ann.quote == "Estmark" and ann.end == len(END_TEXT)
    assert window.controller.current_article.text[ann.start:ann.end] == ann.quote


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_a_drag_inside_a_word_with_an_apostrophe_takes_the_word(qtbot, window, db_path,
                                                                  apostrophe):
    text = f"Brenner said the union wasn{apostrophe}t the side that walked out."
    open_text(window, db_path, text)
    i = text.index("wasn")
    drag(qtbot, window.view, text, i + 1, i + 3)  # "as"
    assert window.view.selected_span() == (i, i + len(f"wasn{apostrophe}t"))
