"""The main window: library | article | annotations, wired to one controller."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QPoint, QSettings, Qt, QUrl, Slot
from PySide6.QtGui import QCloseEvent, QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reader_app.domain.models import Article
from reader_app.gui.actions import build_actions, build_menus
from reader_app.gui.annotation_panel import AnnotationPanel
from reader_app.gui.article_document import opens_with_title
from reader_app.gui.article_view import ArticleView
from reader_app.gui.controller import LibraryController
from reader_app.gui.export_flow import ExportFlow
from reader_app.gui.find_bar import FindBar
from reader_app.gui.import_flow import ImportFlow
from reader_app.gui.library_pane import LibraryPane
from reader_app.gui.palette import make_legend
from reader_app.gui.recent import recent_libraries
from reader_app.storage.database import LibraryError


class MainWindow(QMainWindow):
    def __init__(self, db_path: Path, open_window: Callable[[Path], QMainWindow] | None = None) -> None:
        """open_window builds a window on another library (the composition root's)."""
        super().__init__()
        self._open_window = open_window
        self.setObjectName("mainWindow")
        self.controller = LibraryController(db_path, self)
        self.db_path = Path(db_path)
        self.setWindowTitle(f"Analyst Reader — {self.db_path.name}")
        self.setAcceptDrops(True)
        self._build_panes()
        self.actions_ = build_actions(self, self.controller.undo_stack, self.view)
        build_menus(self, self.actions_, make_legend())
        self.imports = ImportFlow(self, self.db_path)
        self.exports = ExportFlow(self, self.db_path)
        self._connect()
        self._restore_state()
        self._refresh_recent_menu()
        self._select_first_article()
        self._update_status()

    # -- layout -----------------------------------------------------------------
    def _build_panes(self) -> None:
        self.library_pane = LibraryPane(self.controller, self)
        self.view = ArticleView(self)
        self.find_bar = FindBar(self.view, self)
        self.title_label = QLabel(self)
        self.title_label.setObjectName("articleTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title_label.setFont(font)
        self.meta_label = QLabel(self)
        self.meta_label.setObjectName("articleMeta")
        self.meta_label.setWordWrap(True)
        self.meta_label.setForegroundRole(self.meta_label.foregroundRole())
        center = QWidget(self)
        center_layout = QVBoxLayout(center)
        center_layout.setContentsMargins(12, 10, 12, 0)
        center_layout.addWidget(self.title_label)
        center_layout.addWidget(self.meta_label)
        center_layout.addWidget(self.view, 1)
        center_layout.addWidget(self.find_bar)
        self.annotation_panel = AnnotationPanel(self.controller, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.library_pane)
        self.splitter.addWidget(center)
        self.splitter.addWidget(self.annotation_panel)
        for index, stretch in enumerate((2, 5, 3)):  # growth shared, the article most
            self.splitter.setStretchFactor(index, stretch)
        self.splitter.setChildrenCollapsible(False)
        center.setMinimumWidth(380)  # the article is never squeezed out of sight
        self.splitter.setSizes([380, 640, 420])
        self.setCentralWidget(self.splitter)

    def _connect(self) -> None:
        c, a = self.controller, self.actions_
        for kind, action in a.tag.items():
            action.triggered.connect(lambda _=False, k=kind: self.tag_selection(k))
        a.delete.triggered.connect(self._on_delete_triggered)
        a.import_files.triggered.connect(self.imports.ask_and_import)
        a.export_csv.triggered.connect(self._on_export_triggered)
        a.open_library.triggered.connect(self._on_open_library_triggered)
        a.quit.triggered.connect(self.close)
        a.find.triggered.connect(self.find_bar.open)
        self.library_pane.article_activated.connect(self.controller.open_article)
        c.article_opened.connect(self._on_controller_article_opened)
        c.annotation_added.connect(self.view.add_annotation)
        c.annotation_removed.connect(lambda ann: self.view.remove_annotation(ann.id))
        c.annotation_changed.connect(self.view.update_annotation)
        for signal in (c.article_counts_changed, c.articles_imported):
            signal.connect(self._update_status)
        c.error_occurred.connect(self._on_controller_error_occurred)
        self.view.selection_changed_span.connect(self._update_tag_actions)
        self.view.annotation_clicked.connect(self._on_view_annotation_clicked)
        self.view.annotation_double_clicked.connect(self._on_view_annotation_double_clicked)
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
        for signal in (c.annotation_added, c.annotation_removed, c.article_opened):
            signal.connect(self._update_delete_action)

    # -- tagging ----------------------------------------------------------------
    def tag_selection(self, kind: str) -> None:
        span = self.view.selected_span()
        if span is None or self.controller.current_article is None:
            self.statusBar().showMessage("Select some text in the article first.", 4000)
            return
        self.controller.tag_span(kind, *span)

    @Slot()
    def _update_tag_actions(self) -> None:
        enabled = self.controller.current_article is not None and self.view.selected_span() is not None
        for action in self.actions_.tag.values():
            action.setEnabled(enabled)

    @Slot()
    def _update_delete_action(self, *_args) -> None:
        self.actions_.delete.setEnabled(self.annotation_panel.selected_annotation_id() is not None)

    @Slot()
    def _on_delete_triggered(self) -> None:
        ann_id = self.annotation_panel.selected_annotation_id()
        if ann_id is not None:
            self.controller.delete_annotation(ann_id)

    @Slot(int)
    def _on_view_annotation_clicked(self, annotation_id: int) -> None:
        self.annotation_panel.select_annotation(annotation_id)
        self.view.set_selected_annotation(annotation_id)

    @Slot(int)
    def _on_view_annotation_double_clicked(self, annotation_id: int) -> None:
        self.annotation_panel.select_annotation(annotation_id)
        self.annotation_panel.focus_editor()

    @Slot(int)
    def _on_panel_annotation_selected(self, annotation_id: int) -> None:
        self.view.set_selected_annotation(annotation_id)
        self.view.reveal_annotation(annotation_id)

    def build_view_context_menu(self, pos: QPoint) -> QMenu:
        """Copy/select-all, the tag actions and, over a highlight, Delete Tag for it.
        pos is in viewport coordinates, as customContextMenuRequested gives it."""
        # the standard menu (Copy Link Location) wants document coordinates
        h, v = self.view.horizontalScrollBar(), self.view.verticalScrollBar()
        menu = self.view.createStandardContextMenu(pos + QPoint(h.value(), v.value()))
        menu.addSeparator()
        menu.addActions(list(self.actions_.tag.values()))
        hit = self.view.annotation_at(pos) if self.controller.current_article else None
        if hit is not None:
            menu.addSeparator()
            delete = menu.addAction("Delete Tag")
            delete.setObjectName("deleteClickedTagAction")
            delete.triggered.connect(lambda _=False, i=hit: self.controller.delete_annotation(i))
        return menu

    @Slot(QPoint)
    def _on_view_context_menu_requested(self, pos: QPoint) -> None:
        hit = self.view.annotation_at(pos) if self.controller.current_article else None
        if hit is not None:
            self._on_view_annotation_clicked(hit)  # show which tag Delete Tag would remove
        menu = self.build_view_context_menu(pos)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    # -- article ----------------------------------------------------------------
    @Slot(object)
    def _on_controller_article_opened(self, article: Article | None) -> None:
        if article is None:
            self.view.clear_article()
            self.title_label.setText("")
            self.meta_label.setText("")
        else:
            self.view.show_article(article, self.controller.annotations())
            self.title_label.setText(article.title)
            self.title_label.setVisible(not opens_with_title(article))  # no headline twice
            self.meta_label.setText(describe_article(article))
            self.library_pane.select_article(article.id)
        self._update_tag_actions()
        self._update_status()

    def _select_first_article(self) -> None:
        last = QSettings().value("lastArticle")
        model = self.library_pane.model
        first = model.first_article_id()
        if first is None:
            self.view.clear_article()
            return
        known = last is not None and str(last).isdigit() and model.row_of(int(last)) >= 0
        self.controller.open_article(int(last) if known else first)

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

    @Slot()
    def _update_status(self, *_args) -> None:
        # cheap on a 100,000-article library: no listing, one indexed count
        articles = self.library_pane.model.total_count()
        current = self.controller.current_article
        tags = sum(self.controller.counts(current.id)) if current else 0
        self.statusBar().showMessage("")
        self.status_text = (
            f"{articles} article{'s' if articles != 1 else ''} · {tags} tag{'s' if tags != 1 else ''}"
            f" in this article · {self.db_path}"
        )
        if not hasattr(self, "_status_label"):
            self._status_label = QLabel(self)
            self._status_label.setObjectName("statusCounts")
            self.statusBar().addPermanentWidget(self._status_label)
        self._status_label.setText(self.status_text)

    # -- files ------------------------------------------------------------------
    def import_files(self, paths: list[str]) -> None:
        self.imports.import_files(paths)

    @Slot()
    def _on_export_triggered(self) -> None:
        current = self.controller.current_article
        self.exports.ask_and_export(current.id if current else None)

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
        except LibraryError as e:
            QMessageBox.critical(self, "Cannot open library", str(e))
            return
        window.show()
        self.close()

    def _refresh_recent_menu(self) -> None:
        menu = self.actions_.recent_menu
        menu.clear()
        for entry in recent_libraries():
            if Path(entry) == self.db_path:
                continue
            action = menu.addAction(entry)
            action.triggered.connect(lambda _=False, p=entry: self.open_library(Path(p)))
        menu.setEnabled(bool(menu.actions()))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_files(paths)

    # -- state ------------------------------------------------------------------
    def _restore_state(self) -> None:
        settings = QSettings()
        geometry = settings.value("mainWindow/geometry")
        if geometry is None or not self.restoreGeometry(geometry) or self.width() < 900:
            self._default_geometry()
        state = settings.value("mainWindow/state")
        if state is not None:
            self.restoreState(state)
        splitter = settings.value("mainWindow/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def _default_geometry(self) -> None:
        """First start (or a saved size from another screen): most of the screen."""
        screen = self.screen().availableGeometry() if self.screen() else None
        width = min(1440, int(screen.width() * 0.9)) if screen else 1440
        height = min(900, int(screen.height() * 0.9)) if screen else 900
        self.resize(width, height)
        self.splitter.setSizes([int(width * 0.22), int(width * 0.5), int(width * 0.28)])

    def save_state(self) -> None:
        settings = QSettings()
        settings.setValue("mainWindow/geometry", self.saveGeometry())
        settings.setValue("mainWindow/state", self.saveState())
        settings.setValue("mainWindow/splitter", self.splitter.saveState())
        if self.controller.current_article is not None:
            settings.setValue("lastArticle", self.controller.current_article.id)
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.imports.stop()  # a thread still running when the window goes would abort the app
        self.exports.stop()
        self.annotation_panel.commit_pending_edit()
        self.save_state()
        self.controller.close()
        super().closeEvent(event)


def describe_article(article: Article) -> str:
    """The dateline row under the title: weekday and date, source, language."""
    parts = []
    if article.published:
        try:
            day = date.fromisoformat(article.published)
            parts.append(f"{day:%A} {day.day} {day:%B %Y}")
        except ValueError:
            parts.append(article.published)
    else:
        parts.append("Undated")
    parts.append(article.source)
    if article.language:
        parts.append(article.language)
    return "  ·  ".join(parts)
