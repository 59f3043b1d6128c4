"""Plain helpers shared by the GUI tests (imports Qt: only GUI test modules import this)."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor

from reader_app.app import create_window
from reader_app.gui.panels.annotation_panel import AnnotationPanel

# A short wire story the controller tests tag: a speaker, his surname, a weekday, a place.
LAVROV_STORY = (
    "date 2022-02-09\n"
    "MOSCOW — Russian Foreign Minister Sergei Lavrov said the drills would end on Thursday.\n"
    "Lavrov added that the troops would return to their bases, according to the ministry.\n"
    "Moscow denied any plan to attack Ukraine.\n"
)


def u16(text: str, i: int) -> int:
    """Qt (UTF-16) position of code point i, computed without the app's OffsetMap."""
    return len(text[:i].encode("utf-16-le", "surrogatepass")) // 2


# -- the main window -------------------------------------------------------------------------


def open_window(qtbot, db_path):
    """The real main window on db_path, shown and exposed (the `window` fixture), with
    all of the open article's tags read (a long article opens on its top's first)."""
    win = create_window(db_path)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: win.controller.spans_complete)
    return win


def select(window, start: int, end: int) -> None:
    """Select code points [start, end) of the open article through the view's cursor."""
    text = window.controller.current_article.text
    cursor = window.view.textCursor()
    cursor.setPosition(u16(text, start))
    cursor.setPosition(u16(text, end), QTextCursor.MoveMode.KeepAnchor)
    window.view.setTextCursor(cursor)


def select_quote(window, quote: str, occurrence: int = 0, after: str | None = None) -> tuple[int, int]:
    """Select the quote's occurrence-th match in the open article (counting from the first
    match of `after`, if given); its code point span."""
    text = window.controller.current_article.text
    i = (text.index(after) if after else 0) - 1
    for _ in range(occurrence + 1):
        i = text.index(quote, i + 1)
    select(window, i, i + len(quote))
    return i, i + len(quote)


def tag_in_window(window, kind: str, quote: str, occurrence: int = 0, after: str | None = None) -> int:
    """Select the quote (as select_quote) and tag it; the one new annotation's id."""
    select_quote(window, quote, occurrence, after)
    before = {a.id for a in window.controller.annotations()}
    window.tag_selection(kind)
    (new,) = [a.id for a in window.controller.annotations() if a.id not in before]
    return new


# -- the controller and its panel ----------------------------------------------------------


def tag(ctrl, kind: str, words: str, text: str):
    """Tag the first `words` of text (the open article's) through the controller; the new
    annotation."""
    start = text.index(words)
    ctrl.tag_span(kind, start, start + len(words))
    return next(a for a in ctrl.annotations() if a.quote == words and a.kind == kind)


def open_panel(qtbot, ctrl, article_id: int, width: int, height: int) -> AnnotationPanel:
    """An AnnotationPanel on ctrl, shown at width x height, with article_id opened."""
    widget = AnnotationPanel(ctrl)
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    ctrl.open_article(article_id)
    return widget
