"""Walking the reader: the next / previous tag in the article (F8 / Shift+F8) and the
next / previous article of the library list (Ctrl+PgDown / Ctrl+PgUp).

Tags are found in the view's span index by bisection (SpanIndex.next_after), never by
a scan: a press costs the same with 50 tags or 50,000. A long article opens on the
tags of its top; the first press reads the rest (controller.complete_spans).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QTextCursor

from reader_app.storage.annotations import Span, span_key
from reader_app.storage.articles import NotFound

if TYPE_CHECKING:
    from reader_app.gui.window.main_window import MainWindow

MESSAGE_MS = 4000
_BEFORE_ALL = (-1, 0, 0)  # a span_key before every tag's
_AFTER_ALL = (sys.maxsize, 0, 0)  # and one after every tag's


class ReaderNavigation(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    # -- tags -------------------------------------------------------------------------

    @Slot()
    def next_tag(self) -> None:
        self._step_tag(+1)

    @Slot()
    def previous_tag(self) -> None:
        self._step_tag(-1)

    def _step_tag(self, step: int) -> None:
        w = self._window
        if w.controller.current_article is None:
            self._say("Open an article first.")
            return
        w.controller.complete_spans()  # tags beyond the top count too (no-op once read)
        index = w.view.tag_index()
        if not len(index):
            self._say("This article has no tags.")
            return
        here = self._here()
        found = index.next_after(here) if step > 0 else index.last_before(here)
        wrapped = found is None
        if found is None:
            found = index.next_after(_BEFORE_ALL) if step > 0 else index.last_before(_AFTER_ALL)
        if found is None:  # cannot happen with tags in the index; never a traceback
            return
        self._go_to(found)
        if wrapped:
            self._say("Wrapped to the first tag." if step > 0 else "Wrapped to the last tag.")
        else:
            w.statusBar().clearMessage()

    def _here(self) -> tuple[int, int, int]:
        """Where the walk starts, as a span_key: the selected tag if the caret is on it,
        else just before the caret (a tag starting at the caret comes next)."""
        w = self._window
        caret = w.view.cursor_offset()
        selected = w.annotation_panel.selected_annotation_id()
        if selected is not None:
            span = w.view.tag_index().get(selected)  # an id map built once, then O(1)
            if span is not None and span[0] <= caret <= span[1]:
                return span_key(span)
        return caret, -sys.maxsize, -1

    def _go_to(self, span: Span) -> None:
        """Select the tag in the panel and the view, scroll it into view and flash it; the
        caret goes to its start (no text selected: the tag keys tag nothing by accident)."""
        w = self._window
        view, ann_id = w.view, span[2]
        w.annotation_panel.select_annotation(ann_id)  # quiet: no reveal of its own
        view.set_selected_annotation(ann_id)
        view.reveal_annotation(ann_id)  # a third down if off screen, and the flash
        bar = view.verticalScrollBar()
        value = bar.value()
        if view.offset_map is not None:
            cursor = QTextCursor(view.document())
            cursor.setPosition(view.offset_map.to_utf16(span[0]))
            view.setTextCursor(cursor)  # scrolls only as far as the caret needs
            bar.setValue(value)
            if not view.viewport().rect().contains(view.cursorRect()):
                view.ensureCursorVisible()  # not laid out yet: the caret shows where it is

    # -- articles -----------------------------------------------------------------------

    @Slot()
    def next_article(self) -> None:
        self._step_article(+1)

    @Slot()
    def previous_article(self) -> None:
        self._step_article(-1)

    def _step_article(self, step: int) -> None:
        w = self._window
        current = w.controller.current_article
        target = w.library_pane.adjacent_article_id(current.id if current else None, step)
        if target is None:
            if not w.library_pane.model.rowCount():
                self._say("The library list shows no articles.")
            else:
                self._say("This is the last article in the list." if step > 0
                          else "This is the first article in the list.")
            return
        try:
            w.controller.open_article(target)
        except NotFound:
            self._say("That article is no longer in the library.")

    def _say(self, message: str) -> None:
        self._window.statusBar().showMessage(message, MESSAGE_MS)
