"""The window's side of library search: the worker, Ctrl+K, opening a result and
walking its matches in the article (F3 / Shift+F3).

Opening a result opens the article and selects the first place the query matches
(services.search.match_spans, the engine's own word forms, in code points: the view
converts through its OffsetMap); every match is painted as find matches are. F3 and
Shift+F3 (or Enter on the same result again) go to the next and previous match. Enter
in the article itself stays "tag the current suggestion": it is never overloaded.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from reader_app.domain.models import Article
from reader_app.gui.article.view import ArticleView
from reader_app.gui.controller import LibraryController
from reader_app.gui.jobs.search_worker import SearchWorker
from reader_app.gui.lists.library_pane import LibraryPane
from reader_app.storage.errors import STORAGE_ERRORS, reason_of


def _action(window: QMainWindow, name: str, text: str, keys: str, tip: str) -> QAction:
    action = QAction(text, window)
    action.setObjectName(name)
    action.setShortcut(QKeySequence(keys))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    shown = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{tip} ({shown})")
    action.setStatusTip(tip)
    window.addAction(action)
    return action


class SearchFlow(QObject):
    def __init__(self, window: QMainWindow, controller: LibraryController, pane: LibraryPane,
                 view: ArticleView, find_action: QAction | None = None) -> None:
        super().__init__(window)
        self._window, self._controller, self._pane, self._view = window, controller, pane, view
        self.panel = pane.search
        self.worker = SearchWorker(controller.db_path)
        self.matches: list[tuple[int, int]] = []  # in the article opened from a result
        self.current = -1
        self._article_id: int | None = None  # the article those matches are in
        self._query = ""  # the query they were found with
        self._asked: tuple[int, object] | None = None  # the newest search: generation, filter
        self._repaired = -1  # the generation whose damaged index was rebuilt (once each)
        self._notice = ""  # what the rebuild did, said with the next answer's status
        self.focus_action = _action(window, "librarySearchAction", "Search the &Library…",
                                    "Ctrl+K", "Search the whole library")
        self.next_action = _action(window, "searchNextMatchAction", "Next Search &Match", "F3",
                                   "Select the search's next match in the article")
        self.previous_action = _action(window, "searchPreviousMatchAction",
                                       "Previous Search Match", "Shift+F3",
                                       "Select the search's previous match in the article")
        if find_action is not None:  # beside Find in Article in its menu
            for menu in find_action.associatedObjects():
                if hasattr(menu, "insertAction") and menu is not window:
                    menu.addAction(self.focus_action)
                    menu.addAction(self.next_action)
                    menu.addAction(self.previous_action)
        self._update_actions()
        self.focus_action.triggered.connect(self.focus_search)
        self.next_action.triggered.connect(self.next_match)
        self.previous_action.triggered.connect(self.previous_match)
        self.panel.search_requested.connect(self._on_panel_search_requested)
        self.panel.search_requested.connect(self.worker.request)
        self.worker.found.connect(self._on_worker_found)
        self.worker.damaged.connect(self._on_worker_damaged)
        self.worker.filled.connect(self._on_worker_filled)
        self.panel.results_shown.connect(self._on_panel_results_shown)
        self.panel.active_changed.connect(self._on_panel_active_changed)
        self._said = ""  # the last line the search put in the status bar
        self.panel.result_activated.connect(self._on_panel_result_activated)
        controller.article_opened.connect(self._on_controller_article_opened)

    def stop(self) -> None:
        self.worker.stop()

    # -- keys -------------------------------------------------------------------

    @Slot()
    def focus_search(self) -> None:
        tabs = self._pane.parentWidget()
        while tabs is not None and not hasattr(tabs, "setCurrentWidget"):
            tabs = tabs.parentWidget()
        if tabs is not None:
            tabs.setCurrentWidget(self._pane)  # type: ignore[attr-defined]
        self.panel.focus_field()

    @Slot()
    def next_match(self) -> None:
        self._step(+1)

    @Slot()
    def previous_match(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        article = self._controller.current_article
        if not self.matches or article is None or article.id != self._article_id:
            return
        self.current = (self.current + delta) % len(self.matches)
        self._show_current()

    def _show_current(self) -> None:
        start, end = self.matches[self.current]
        self._view.reveal_span(start, end)
        self._window.statusBar().showMessage(
            f"Match {self.current + 1} of {len(self.matches)} in this article"
            " · F3 next, Shift+F3 previous")

    def _update_actions(self) -> None:
        on = bool(self.matches)
        self.next_action.setEnabled(on)
        self.previous_action.setEnabled(on)

    # -- handlers -------------------------------------------------------------------

    @Slot(int, object)
    def _on_worker_found(self, generation: int, result: object) -> None:
        self.panel.show_results(generation, result)

    @Slot(int, object)
    def _on_panel_search_requested(self, generation: int, flt: object) -> None:
        # connected before the worker's request: the answer details the rows in view
        self.worker.first_page = self.panel.rows_in_view()
        self._asked = (generation, flt)

    @Slot(int, str)
    def _on_worker_damaged(self, generation: int, message: str) -> None:
        """The worker's read-only connection found the search index damaged: the
        controller's writable one rebuilds it, the status bar says so, and the search
        runs again (a read-only library keeps the worker's message)."""
        asked = self._asked
        if asked is None or asked[0] != generation:
            return  # a newer search is on its way: it finds the damage itself
        if self._repaired == generation:  # rebuilt already, and still damaged
            self.panel.show_results(generation, message)
            return
        self._repaired = generation
        try:
            notice = self._controller.repair_search_index()
        except STORAGE_ERRORS as e:
            self.panel.show_results(generation, reason_of(e) or message)
            return
        self._notice = notice
        self._window.statusBar().showMessage(notice)
        self.worker.request(generation, asked[1])  # type: ignore[arg-type]

    @Slot(int, int, object)
    def _on_worker_filled(self, generation: int, start: int, hits: object) -> None:
        self.panel.fill_results(generation, start, hits)  # type: ignore[arg-type]

    @Slot(str)
    def _on_panel_results_shown(self, text: str) -> None:
        # the count is under the results already: the status bar says only a problem
        # or what the search did besides (a rebuilt index), not the pane's line again
        notice, self._notice = self._notice, ""
        said = " ".join(part for part in (notice, text) if part)
        if said:
            self._said = said
            self._window.statusBar().showMessage(said)

    @Slot(bool)
    def _on_panel_active_changed(self, active: bool) -> None:
        """The list is back: "N articles match" no longer describes it."""
        bar = self._window.statusBar()
        if not active and self._said and bar.currentMessage() == self._said:
            bar.clearMessage()

    @Slot(int, str)
    def _on_panel_result_activated(self, article_id: int, query: str) -> None:
        current = self._controller.current_article
        if current is not None and current.id == article_id and self.matches \
                and query == self._query:
            self._step(+1)  # Enter on the open result again: its next match
            return
        try:
            article = self._controller.open_article(article_id)
        except (LookupError, *STORAGE_ERRORS) as e:
            self._window.statusBar().showMessage(f"Could not open the article: {e}", 6000)
            return
        self._article_id, self._query = article.id, query
        from reader_app.services.search import match_spans  # loaded by the worker by now

        self.matches = match_spans(article.text, query) if query.strip() else []
        self.current = -1
        self._view.set_find_matches(self.matches)
        self._update_actions()
        if self.matches:
            self.current = 0
            self._show_current()
        else:
            self._window.statusBar().showMessage(
                "The search matched this article's title, tags or actors, not its text", 6000)

    @Slot(object)
    def _on_controller_article_opened(self, article: Article | None) -> None:
        if article is None or article.id != self._article_id:
            self.matches, self.current, self._article_id = [], -1, None
            self._update_actions()
