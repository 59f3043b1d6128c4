"""Walking the open article's suggestions: which one is current, the keys and menu
actions that move, accept and reject, and keeping the view and the list in step.

The current suggestion is kept by its (kind, start, end): when the list is computed
again it stays current if it is still suggested; when it went (accepted, rejected) the
next one in the text becomes current and is revealed, so Enter, Enter, ... walks on.
"""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QObject, Slot

from reader_app.domain.suggestions import Suggestion, index_of
from reader_app.gui.article.view import ArticleView
from reader_app.gui.controller import LibraryController
from reader_app.gui.panels.suggestion_box import SuggestionBox
from reader_app.gui.shared.suggest_actions import SuggestActions

Key = tuple[str, int, int]


class SuggestionFlow(QObject):
    def __init__(self, controller: LibraryController, view: ArticleView, box: SuggestionBox,
                 actions: SuggestActions, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._controller, self._view, self._box, self.actions = controller, view, box, actions
        self.current: Suggestion | None = None
        controller.suggestions_changed.connect(self._on_controller_suggestions_changed)
        controller.suggestions_dropped.connect(self._on_controller_suggestions_dropped)
        controller.article_opened.connect(self._on_controller_article_opened)
        box.picked.connect(self._on_box_picked)
        view.suggestion_clicked.connect(self._on_view_suggestion_clicked)
        box.accept_clicked.connect(self.accept)
        box.reject_clicked.connect(self.reject)
        actions.next.triggered.connect(self.next)
        actions.previous.triggered.connect(self.previous)
        actions.accept.triggered.connect(self.accept)
        actions.reject.triggered.connect(self.reject)
        for kind, action in actions.accept_all.items():
            action.triggered.connect(lambda _=False, k=kind: controller.accept_all_suggestions(k))

    # -- walking -----------------------------------------------------------------

    @Slot()
    def next(self) -> None:
        self._step(1)

    @Slot()
    def previous(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        found = self._controller.suggestions
        if not found:
            return
        at_current = index_of(found, self.current.key) if self.current is not None else -1
        if at_current >= 0:
            i = (at_current + direction) % len(found)
        else:  # from where the caret is, if the analyst is in the text
            at = self._view.cursor_offset() if self._view.hasFocus() else 0
            first = bisect_left(found, at, key=lambda s: s.start)  # the first at or after it
            i = (first if first < len(found) else 0) if direction > 0 else first - 1
        self.make_current(found[i], reveal=True)

    def make_current(self, s: Suggestion | None, reveal: bool = False) -> None:
        self.current = s
        key = s.key if s is not None else None
        self._view.set_current_suggestion(key)
        self._box.show_current(key)
        if s is not None and reveal:
            self._view.reveal_span(s.start, s.end)

    # -- accepting and rejecting ------------------------------------------------------

    @Slot()
    def accept(self) -> None:
        if self.current is None:
            self.next()  # nothing chosen yet: show the first rather than act unseen
            return
        self._controller.accept_suggestion(self.current)

    @Slot()
    def reject(self) -> None:
        if self.current is None:
            self.next()
            return
        self._controller.reject_suggestion(self.current)

    # -- handlers --------------------------------------------------------------------

    @Slot(object)
    def _on_box_picked(self, s: Suggestion) -> None:
        self.make_current(s, reveal=True)

    @Slot(object)
    def _on_view_suggestion_clicked(self, key: Key) -> None:
        found = self._controller.suggestions
        at = index_of(found, key)
        if at >= 0:
            self.make_current(found[at])  # the click placed the caret: no scrolling

    @Slot(object)
    def _on_controller_article_opened(self, _article) -> None:
        self.current = None

    @Slot()
    def _on_controller_suggestions_changed(self) -> None:
        self._view.set_suggestions(self._controller.suggestions)
        self._follow()

    @Slot(object)
    def _on_controller_suggestions_dropped(self, gone: list[Suggestion]) -> None:
        self._view.drop_suggestions(gone)
        self._follow()

    def _follow(self) -> None:
        """The current suggestion after the list changed: the same, or the next in the text."""
        found = self._controller.suggestions
        was = self.current
        at = index_of(found, was.key) if was is not None else -1
        if was is None:
            self.make_current(None)
        elif at >= 0:
            self.make_current(found[at])  # the list was rebuilt: select its row again
        else:  # it went (accepted, rejected): the next one in the text
            after = bisect_left(found, (was.start, was.start), key=lambda s: (s.start, s.end))
            then = found[after] if after < len(found) else (found[-1] if found else None)
            self.make_current(then, reveal=then is not None)
        self._update_actions()

    def _update_actions(self) -> None:
        found = self._controller.suggestions
        writable = self._controller.read_only is None
        self.actions.next.setEnabled(bool(found))
        self.actions.previous.setEnabled(bool(found))
        self.actions.accept.setEnabled(bool(found) and writable)
        self.actions.reject.setEnabled(bool(found) and writable)
        kinds = {s.kind for s in found}
        for kind, action in self.actions.accept_all.items():
            action.setEnabled(writable and kind in kinds)
