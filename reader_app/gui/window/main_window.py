"""The main window: library, actors and claims tabs | article | annotations, on one controller."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, QUrl, Slot
from PySide6.QtGui import QCloseEvent, QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reader_app.domain.models import Article
from reader_app.gui.article.find_bar import FindBar
from reader_app.gui.article.header import ArticleHeader
from reader_app.gui.article.view import ArticleView
from reader_app.gui.controller import LibraryController
from reader_app.gui.jobs.auto_backup import start_auto_backup
from reader_app.gui.jobs.import_flow import ImportFlow, local_paths
from reader_app.gui.jobs.library_flow import OpenDeclined, read_only_banner, show_library_error
from reader_app.gui.lists.actors_pane import ActorsPane
from reader_app.gui.lists.library_pane import LibraryPane
from reader_app.gui.panels.annotation_panel import AnnotationPanel
from reader_app.gui.shared.actions import (
    build_actions,
    build_go_actions,
    build_go_menu,
    build_menus,
    fill_recent_menu,
)
from reader_app.gui.shared.palette import make_legend
from reader_app.gui.shared.plain_text import plain_label, tip
from reader_app.gui.shared.status_bar import ElidingStatusBar
from reader_app.gui.shared.suggest_actions import build_suggest_actions, build_suggest_menus
from reader_app.gui.shared.view_menu import build_article_menu
from reader_app.gui.window.codebook_flow import CodebookFlow
from reader_app.gui.window.help_menu import install_help
from reader_app.gui.window.left_pane import hold_left_pane_width
from reader_app.gui.window.navigation import ReaderNavigation
from reader_app.gui.window.preferences_dialog import add_preferences_action
from reader_app.gui.window.recent import recent_libraries
from reader_app.gui.window.search_flow import SearchFlow
from reader_app.gui.window.suggestion_flow import SuggestionFlow
from reader_app.gui.window.tag_prompts import NO_TAG_TO_DELETE, tag_refusal
from reader_app.gui.window.view_menu import build_view_menu
from reader_app.gui.window.window_state import (
    last_article_id,
    restore_window_state,
    save_window_state,
)
from reader_app.services.changes import ChangeSet
from reader_app.storage.database import LibraryError

if TYPE_CHECKING:
    from reader_app.gui.jobs.export_flow import ExportFlow
    from reader_app.gui.jobs.interchange_flow import InterchangeFlow
    from reader_app.gui.jobs.library_flow import BackupFlow
    from reader_app.gui.lists.claims_view import ClaimsView
    from reader_app.gui.views.network_view import ActorNetworkView
    from reader_app.gui.views.timeline_view import TimelineView
    from reader_app.gui.window.merge_flow import MergeFlow
    from reader_app.gui.window.report_flow import ReportFlow


class MainWindow(QMainWindow):
    CLAIMS_TAB = 2  # the left tabs built when first shown
    TIMELINE_TAB = 3
    NETWORK_TAB = 4

    def __init__(self, db_path: Path, open_window: Callable[[Path], QMainWindow] | None = None,
                 controller: LibraryController | None = None) -> None:
        """open_window builds a window on another library (the composition root's);
        controller: one already open on db_path (the window takes it over)."""
        super().__init__()
        self._open_window = open_window
        self.setObjectName("mainWindow")
        self.setStatusBar(ElidingStatusBar(self))  # a long message elided, not cut mid-word
        if controller is None:
            controller = LibraryController(db_path)
        controller.setParent(self)
        self.controller = controller
        self._tags = 0  # the open article's tags, for the status bar
        self.db_path = Path(db_path)
        self.setWindowTitle(f"Analyst Reader — {self.db_path.name}")
        self.setAcceptDrops(True)
        self._build_panes()
        self.actions_ = build_actions(self, self.controller.undo_stack, self.view)
        build_menus(self, self.actions_, make_legend())
        self.suggest_actions = build_suggest_actions(
            self, [self.view, self.annotation_panel.suggestions.table])
        build_suggest_menus(self, self.suggest_actions)
        self.go_actions = build_go_actions(self)
        build_go_menu(self, self.go_actions)
        self.navigation = ReaderNavigation(self)
        self.suggestion_flow = SuggestionFlow(self.controller, self.view,
                                              self.annotation_panel.suggestions,
                                              self.suggest_actions, self)
        self.search_flow = SearchFlow(self, self.controller, self.library_pane, self.view,
                                      self.actions_.find)  # Ctrl+K, F3 / Shift+F3
        self.imports = ImportFlow(self, self.db_path)
        self.imports.annotation_files.connect(self.merge_files)
        self._exports: ExportFlow | None = None  # built on first use (see exports)
        self._interchange: InterchangeFlow | None = None  # built on first use
        self.reports: ReportFlow | None = None  # built on first use (see export_report)
        self.merges: MergeFlow | None = None  # built on first use (see merge_flow)
        self._backups: BackupFlow | None = None
        self._connect()
        self.help = install_help(self)  # Help menu, shortcut sheet, About, first steps
        restore_window_state(self, self.splitter, self.left_tabs)
        hold_left_pane_width(self.left_tabs)  # tabs never resize the article column
        self.view_menu = build_view_menu(self)  # zoom, reading width, panes, theme
        self.preferences_action = add_preferences_action(self)  # Edit > Preferences…
        self.auto_backup = start_auto_backup(self, self.db_path, self.controller.read_only is not None)
        self._build_article_flow()
        self.codebook_flow = CodebookFlow(self)  # own codes: gui/window/codebook_flow.py
        self._refresh_recent_menu()
        self._select_first_article()
        self._update_tag_actions()  # enabled with no article too: they say what to do
        self._update_delete_action()
        self._update_status()
        if self.controller.notices:  # e.g. a search index found damaged and rebuilt
            self.statusBar().showMessage(" ".join(self.controller.notices), 20_000)

    # -- layout -----------------------------------------------------------------
    def _build_panes(self) -> None:
        self.left_tabs = QTabWidget(self)
        self.left_tabs.setObjectName("leftTabs")
        self.left_tabs.setDocumentMode(True)
        self.library_pane = LibraryPane(self.controller, self.left_tabs)
        # built now: its minimum width is the left pane's, from the first frame on
        self.actors_pane = ActorsPane(self.controller, self.left_tabs)
        # no mnemonics: the tag editor's field labels use up the Alt letters
        self.left_tabs.addTab(self.library_pane, "Library")
        self.left_tabs.addTab(self.actors_pane, "Actors")
        # Claims: an empty page until first shown (or asked for), so the first paint
        # waits neither for its table nor for its module
        self._claims_view: ClaimsView | None = None
        self.left_tabs.addTab(QWidget(self.left_tabs), "Claims")
        self._timeline_view: TimelineView | None = None
        self.left_tabs.addTab(QWidget(self.left_tabs), "Timeline")
        self._network_view: ActorNetworkView | None = None
        self.left_tabs.addTab(QWidget(self.left_tabs), "Network")
        # connected first: a lazy tab's pane is in place before anything else sees the change
        self.left_tabs.currentChanged.connect(self._on_left_tabs_current_changed)
        self.view = ArticleView(self)
        self.find_bar = FindBar(self.view, self)
        self.header = ArticleHeader(self)
        center = QWidget(self)
        center_layout = QVBoxLayout(center)
        center_layout.setContentsMargins(12, 10, 12, 0)
        self.read_only_banner = read_only_banner(self.controller.read_only, center)
        center_layout.addWidget(self.read_only_banner)
        center_layout.addWidget(self.header)
        center_layout.addWidget(self.view, 1)
        center_layout.addWidget(self.find_bar)
        self.annotation_panel = AnnotationPanel(self.controller, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.left_tabs)
        self.splitter.addWidget(center)
        self.splitter.addWidget(self.annotation_panel)
        for index, stretch in enumerate((2, 5, 3)):  # growth shared, the article most
            self.splitter.setStretchFactor(index, stretch)
        self.splitter.setChildrenCollapsible(False)
        center.setMinimumWidth(380)  # the article is never squeezed out of sight
        self.splitter.setSizes([380, 640, 420])
        self.setCentralWidget(self.splitter)

    @property
    def claims_view(self) -> ClaimsView:
        if self._claims_view is None:
            from reader_app.gui.lists.claims_view import ClaimsView  # loads with its tab

            self._claims_view = ClaimsView(self.controller, self.left_tabs)
            self._put_tab(self.CLAIMS_TAB, self._claims_view)
        return self._claims_view

    @property
    def timeline_view(self) -> TimelineView:
        if self._timeline_view is None:
            from reader_app.gui.views.timeline_view import TimelineView  # loads with its tab

            self._timeline_view = TimelineView(self.controller, self.left_tabs)
            self._put_tab(self.TIMELINE_TAB, self._timeline_view)
        return self._timeline_view

    @property
    def network_view(self) -> ActorNetworkView:
        if self._network_view is None:
            from reader_app.gui.views.network_view import ActorNetworkView  # loads with its tab

            self._network_view = ActorNetworkView(self.controller, self.left_tabs)
            self._network_view.actor_clicked.connect(self._on_network_view_actor_clicked)
            self._put_tab(self.NETWORK_TAB, self._network_view)
        return self._network_view

    @Slot(int)
    def _on_network_view_actor_clicked(self, actor_id: int) -> None:
        if not self.actors_pane.is_loaded():
            self.actors_pane.refresh()
        self.actors_pane.select_actor(actor_id)

    @Slot(int)
    def _on_left_tabs_current_changed(self, index: int) -> None:
        if index == self.CLAIMS_TAB:
            self.claims_view  # noqa: B018 - built on first access
        elif index == self.TIMELINE_TAB:
            self.timeline_view  # noqa: B018 - built on first access
        elif index == self.NETWORK_TAB:
            self.network_view  # noqa: B018 - built on first access

    def _put_tab(self, index: int, pane: QWidget) -> None:
        """pane in place of the empty page at index; the same tab stays current."""
        tabs = self.left_tabs
        current, empty = tabs.currentIndex(), tabs.widget(index)
        blocked = tabs.blockSignals(True)  # the tab did not change, only its page
        tabs.insertTab(index, pane, tabs.tabText(index))
        if current == index:
            tabs.setCurrentIndex(index)
        tabs.removeTab(index + 1)
        tabs.blockSignals(blocked)
        empty.deleteLater()

    def _connect(self) -> None:
        c, a = self.controller, self.actions_
        for kind, action in a.tag.items():
            action.triggered.connect(lambda _=False, k=kind: self.tag_selection(k))
        a.delete.triggered.connect(self._on_delete_triggered)
        a.import_files.triggered.connect(self.imports.ask_and_import)
        a.export_csv.triggered.connect(self._on_export_triggered)
        for fmt, action in a.export_as.items():
            action.triggered.connect(lambda _=False, f=fmt: self.export_as(f))
        a.export_report.triggered.connect(self.export_report)
        a.open_library.triggered.connect(self._on_open_library_triggered)
        a.backup.triggered.connect(self._on_backup_triggered)
        a.analyst_name.triggered.connect(self.ask_analyst_name)
        a.agreement.triggered.connect(self.show_agreement)
        a.merge_library.triggered.connect(self._on_merge_library_triggered)
        a.merge_library.setEnabled(c.read_only is None)
        a.import_files.setEnabled(c.read_only is None)
        a.quit.triggered.connect(self.close)
        a.find.triggered.connect(self.find_bar.open)
        go, nav = self.go_actions, self.navigation
        go.next_tag.triggered.connect(nav.next_tag)
        go.previous_tag.triggered.connect(nav.previous_tag)
        go.next_article.triggered.connect(nav.next_article)
        go.previous_article.triggered.connect(nav.previous_article)
        self.suggest_actions.state_names.triggered.connect(self.edit_state_names)
        c.suggestions_changed.connect(self._update_counts)
        c.suggestions_dropped.connect(self._update_counts)
        self.library_pane.article_activated.connect(self.controller.open_article)
        c.article_opened.connect(self._on_controller_article_opened)
        c.spans_completed.connect(self._on_controller_spans_completed)
        c.changed.connect(self._on_controller_changed)
        c.error_occurred.connect(self._on_controller_error_occurred)
        c.tag_explained.connect(self._on_controller_tag_explained)
        c.annotation_reveal_requested.connect(self._on_controller_annotation_reveal_requested)
        self.view.selection_changed_span.connect(self._update_tag_actions)
        self.view.annotation_clicked.connect(self._on_view_annotation_clicked)
        self.view.link_open_requested.connect(self._on_view_link_open_requested)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._on_view_context_menu_requested)
        self.annotation_panel.annotation_selected.connect(self._on_panel_annotation_selected)
        self.annotation_panel.delete_requested.connect(self.controller.delete_annotation)
        self.imports.articles_imported.connect(self.controller.add_imported)
        # Delete follows the tag the panel shows, however it got there (a click, a fresh
        # tag, a deletion); connected after the panel so its state is already updated.
        self.annotation_panel.table.selectionModel().currentRowChanged.connect(
            self._update_delete_action
        )
        for signal in (c.changed, c.article_opened):
            signal.connect(self._update_delete_action)
        # the article outlines the tag the panel selects, also after an undo or redo
        self.annotation_panel.table.selectionModel().currentRowChanged.connect(
            self._on_panel_current_changed)

    # -- tagging ----------------------------------------------------------------
    def tag_selection(self, kind: str) -> None:
        span = self.view.selected_span()
        refused = tag_refusal(self.controller.current_article is not None,
                              self.view.raw_selected_span(), span)
        if refused or span is None:
            self.statusBar().showMessage(refused, 8000)
            return
        self.controller.tag_span(kind, *span)

    @Slot()
    def _update_tag_actions(self) -> None:
        # enabled with nothing selected too: pressed then, they say what to do
        for action in self.actions_.tag.values():
            action.setEnabled(self.controller.read_only is None)

    @Slot()
    def _update_delete_action(self, *_args) -> None:
        self.actions_.delete.setEnabled(self.controller.read_only is None)

    @Slot()
    def _on_delete_triggered(self) -> None:
        ann_id = self.annotation_panel.selected_annotation_id()
        if ann_id is not None:
            self.controller.delete_annotation(ann_id)
        else:
            self.statusBar().showMessage(NO_TAG_TO_DELETE, 8000)

    @Slot(int)
    def _on_view_annotation_clicked(self, annotation_id: int) -> None:
        self.annotation_panel.select_annotation(annotation_id)
        self.view.set_selected_annotation(annotation_id)

    @Slot()
    def _on_panel_current_changed(self, *_args) -> None:
        self.view.set_selected_annotation(self.annotation_panel.selected_annotation_id())

    @Slot(int)
    def _on_panel_annotation_selected(self, annotation_id: int) -> None:
        self.view.set_selected_annotation(annotation_id)
        self.view.reveal_annotation(annotation_id)

    @Slot(int)
    def _on_controller_annotation_reveal_requested(self, annotation_id: int) -> None:
        """A tag picked elsewhere (Actors, Claims): its article is open; show and select it."""
        self.annotation_panel.select_annotation(annotation_id)
        self._on_panel_annotation_selected(annotation_id)

    def build_view_context_menu(self, pos: QPoint) -> QMenu:
        """The article's context menu at pos (viewport coordinates)."""
        return self._view_context_menu(pos, self._view_hits(pos))

    def _view_hits(self, pos: QPoint) -> list[tuple[int, str, str]]:
        """(id, kind, quote) of the tags drawn at pos (viewport coordinates), innermost first."""
        if self.controller.current_article is None:
            return []
        return [(s[2], s[3], s[4]) for s in self.view.spans_at(pos)]

    def _view_context_menu(self, pos: QPoint, hits: list[tuple[int, str, str]]) -> QMenu:
        own = list(self.codebook_flow.tag_actions.values())  # own codes after C/A/D
        return build_article_menu(self.view, pos, [*self.actions_.tag.values(), *own], hits,
                                  self.controller.delete_annotation)

    @Slot(QPoint)
    def _on_view_context_menu_requested(self, pos: QPoint) -> None:
        hits = self._view_hits(pos)  # once: the menu and the selection agree on the tags
        if hits:  # the tag picked there stays picked (clicks cycle), else the innermost
            ids, picked = [h[0] for h in hits], self.annotation_panel.selected_annotation_id()
            self._on_view_annotation_clicked(picked if picked in ids else ids[0])
        menu = self._view_context_menu(pos, hits)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    # -- article ----------------------------------------------------------------
    @Slot(object)
    def _on_controller_article_opened(self, article: Article | None) -> None:
        self.header.show_article(article)
        if article is None:
            self.view.clear_article()
        else:
            self.view.show_article(article, self.controller.current_spans)
            if not self.controller.spans_complete:  # the rest of its tags once it is seen
                self.view.after_next_paint(self.controller.complete_spans)
            self.library_pane.select_article(article.id)
        self._tags = sum(self.controller.counts(article.id)) if article else 0
        if article is not None and hasattr(self, "codebook_flow"):  # own codes' tags too
            self._tags += self.codebook_flow.own_tags(article.id)
        self._update_tag_actions()
        self._update_status()

    @Slot()
    def _on_controller_spans_completed(self) -> None:
        self.view.replace_annotations(self.controller.current_spans)

    @Slot(ChangeSet)
    def _on_controller_changed(self, changes: ChangeSet) -> None:
        """The article's highlights and the status bar's counts, from the ChangeSet."""
        current = self.controller.current_article
        if current is not None:
            for ann in changes.tags_removed:
                if ann.article_id == current.id:
                    self.view.remove_annotation(ann.id, ann.start)
            for ann in [*changes.tags_changed, *changes.tags_added]:
                if ann.article_id == current.id:
                    self.view.update_annotation(ann)
            if current.id in changes.counts:
                self._tags = sum(changes.counts[current.id]) + changes.code_counts.get(
                    current.id, 0)  # own codes' tags too
        if changes.counts or changes.articles_added:
            self._update_status()

    def _select_first_article(self) -> None:
        last, model = last_article_id(self.db_path), self.library_pane.model
        first = model.first_article_id()
        if first is None:
            self.view.clear_article()
            return
        shown = last is not None and self.library_pane.has_article(last)
        self.controller.open_article(last if shown else first)

    # -- links, errors, status ----------------------------------------------------
    @Slot(QUrl)
    def _on_view_link_open_requested(self, url: QUrl) -> None:
        if url.scheme() not in ("http", "https"):
            return
        answer = QMessageBox.question(
            self, "Open link", f"Open this link in your web browser?\n\n{url.toString()}"
        )
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(url)

    @Slot(str)
    def _on_controller_error_occurred(self, message: str) -> None:
        self.statusBar().showMessage(message, 6000)

    @Slot(str)
    def _on_controller_tag_explained(self, explanation: str) -> None:
        self.statusBar().showMessage(explanation, 5000)

    @Slot()
    def _update_status(self, *_args) -> None:
        self.statusBar().showMessage("")
        self._update_counts()

    @Slot()
    def _update_counts(self) -> None:
        # no query: the library list's count, and the tag count read at open or from changes
        articles = self.library_pane.model.total_count()
        open_ = self.controller.current_article is not None
        tags = self._tags if open_ else 0
        n = len(self.controller.suggestions)
        suggested = f" · {n} suggestion{'s' if n != 1 else ''}" if open_ else ""
        self.status_text = (
            f"{articles} article{'s' if articles != 1 else ''} · {tags} tag{'s' if tags != 1 else ''}"
            f" in this article{suggested} · {Path(self.db_path).name}"
        )
        if not hasattr(self, "_status_label"):
            self._status_label = plain_label(QLabel(self))  # the path is data
            self._status_label.setObjectName("statusCounts")
            self.statusBar().addPermanentWidget(self._status_label)
            # the file's name only: a deep folder left no room for messages at 1024 px
            self._status_label.setToolTip(tip(f"Library: {self.db_path}"))
        self._status_label.setText(self.status_text)

    @Slot()
    def edit_state_names(self) -> None:
        from reader_app.gui.window.state_names_dialog import StateNamesDialog  # on first use

        dialog = StateNamesDialog(self.controller, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._on_state_names_finished)
        dialog.open()

    @Slot()
    def show_agreement(self) -> None:
        from reader_app.gui.window.agreement_dialog import AgreementDialog  # on first use

        dialog = AgreementDialog(self.controller, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    @Slot(int)
    def _on_state_names_finished(self, result: int) -> None:
        if result:
            self.statusBar().showMessage(
                "Saved the state names; the suggestions follow them.", 6000)

    # -- files ------------------------------------------------------------------
    def import_files(self, paths: list[str]) -> None:
        self.imports.import_files(paths)

    @Slot()
    def _on_export_triggered(self) -> None:
        current = self.controller.current_article
        self.exports.ask_and_export(current.id if current else None)

    @Slot()
    def ask_analyst_name(self) -> None:
        """File > Analyst Name…: who the new tags are by."""
        from reader_app.gui.window.analyst_name import ask_analyst_name

        ask_analyst_name(self, self.controller)

    def export_as(self, fmt: str) -> None:
        """File > Export As: fmt is a key of services.interchange.EXPORT_FORMATS."""
        current = self.controller.current_article
        self.interchange.ask_and_export(fmt, current.id if current else None,
                                        self.library_pane.selected_article_ids())

    @Slot()
    def export_report(self) -> None:
        """File > Export Report…"""
        if self.reports is None:
            from reader_app.gui.window.report_flow import ReportFlow

            self.reports = ReportFlow(self, self.db_path)
            self.reports.report_reported.connect(self._on_exports_export_reported)
        self.reports.ask_and_export(self.controller.db, self.library_pane.selected_article_ids(),
                                    self.library_pane.search.current_filter())

    @property
    def interchange(self) -> InterchangeFlow:
        if self._interchange is None:
            from reader_app.gui.jobs.interchange_flow import InterchangeFlow

            self._interchange = InterchangeFlow(self, self.db_path)
            self._interchange.export_reported.connect(self._on_exports_export_reported)
        return self._interchange

    @Slot()
    def _on_open_library_triggered(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Open library", str(self.db_path.parent), "Libraries (*.sqlite *.db);;All files (*)"
        )
        if path:
            self.open_library(Path(path))

    def open_library(self, path: Path) -> None:
        if self._open_window is None:
            return
        try:
            window = self._open_window(path)
        except OpenDeclined:
            return
        except LibraryError as e:
            show_library_error(self, e)
            return
        window.show()
        self.close()

    @property
    def exports(self) -> ExportFlow:
        if self._exports is None:
            # the CSV writers load with the first export, not with the window
            from reader_app.gui.jobs.export_flow import ExportFlow

            self._exports = ExportFlow(self, self.db_path)
            self._exports.export_reported.connect(self._on_exports_export_reported)
        return self._exports

    @property
    def backups(self) -> BackupFlow:
        if self._backups is None:
            from reader_app.gui.jobs.library_flow import BackupFlow

            self._backups = BackupFlow(self, self.db_path)
            self._backups.backup_finished.connect(self._on_backups_backup_finished)
        return self._backups

    @Slot()
    def _on_merge_library_triggered(self) -> None:
        self.merge_flow().ask_and_merge()

    def merge_files(self, paths: list[Path]) -> None:
        """Annotation files imported or dropped (.qdpx, W3C, brat, JSON Lines): each merge
        shown for review in turn."""
        for path in paths:
            self.merge_flow().merge_from(Path(path))

    def merge_flow(self) -> MergeFlow:
        if self.merges is None:  # the merging services load with the first
            from reader_app.gui.window.merge_flow import MergeFlow

            self.merges = MergeFlow(self, self.controller, self.db_path)
            self.merges.merged.connect(lambda text: self.statusBar().showMessage(text, 15_000))
        return self.merges

    @Slot()
    def _on_backup_triggered(self) -> None:
        self.backups.ask_and_back_up()

    @Slot(str)
    def _on_exports_export_reported(self, message: str) -> None:
        self.statusBar().showMessage(message, 15_000)

    @Slot(object)
    def _on_backups_backup_finished(self, path: Path | None) -> None:
        if path is not None:
            self.statusBar().showMessage(f"Backed up the library to {path}", 10_000)

    # -- managing articles; recent libraries that are gone ---------------------------------
    def _build_article_flow(self) -> None:
        """The Article menu and the library list's delete, rename, re-date, source, memo
        and export of the selection (gui/window/article_flow.py)."""
        from reader_app.gui.window.article_flow import ArticleFlow

        self.article_flow = ArticleFlow(self, self.controller, self.library_pane,
                                        lambda: self.exports)
        self.controller.article_changed.connect(self.header.show_article)
        self.controller.changed.connect(self._on_controller_changed_articles)

    @Slot(ChangeSet)
    def _on_controller_changed_articles(self, changes: ChangeSet) -> None:
        if changes.articles_removed:  # the library's article count in the status bar
            self._update_counts()

    def _refresh_recent_menu(self) -> None:
        others = [e for e in recent_libraries() if Path(e) != self.db_path]
        fill_recent_menu(self.actions_.recent_menu, others, self.open_recent)

    def open_recent(self, entry: str) -> None:
        """Open a recent library; one that no longer exists is never created anew there:
        the analyst is told, and may remove it from the list."""
        from reader_app.gui.shared.plain_text import message_box

        path = Path(entry)
        if path.exists():
            self.open_library(path)
            return
        box = message_box(
            self, QMessageBox.Icon.Warning, "Library not found",
            f"The library {path} no longer exists.",
            "It may have been moved, renamed or deleted, or its drive or share is not "
            "connected. Remove it from the Open Recent list?")
        box.setObjectName("missingLibraryBox")
        remove = box.addButton("Remove from List", QMessageBox.ButtonRole.AcceptRole)
        remove.setObjectName("removeRecentButton")
        keep = box.addButton("Keep in List", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(
            lambda button: self._forget_recent(entry) if button is remove else None)
        self.missing_library_box = box
        box.open()

    def _forget_recent(self, entry: str) -> None:
        from reader_app.gui.window.recent import remove_recent_library

        remove_recent_library(entry)
        self._refresh_recent_menu()
        self.statusBar().showMessage(f"Removed {entry} from Open Recent.", 6000)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if paths := local_paths(event.mimeData()):
            event.acceptProposedAction()
            self.import_files(paths)

    # -- state ------------------------------------------------------------------
    def save_state(self) -> None:
        current = self.controller.current_article
        save_window_state(self, self.splitter, self.left_tabs, current.id if current else None,
                          self.db_path)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.imports.stop()  # a thread still running when the window goes would abort the app
        self.auto_backup.stop()
        self.search_flow.stop()
        for flow in (self._exports, self._interchange, self._backups, self.reports):
            if flow is not None:
                flow.stop()
        for view in (self._timeline_view, self._network_view):  # their loader threads
            if view is not None:
                view.stop_loading()
        self.annotation_panel.commit_pending_edit()
        self.save_state()
        self.controller.close()
        super().closeEvent(event)

