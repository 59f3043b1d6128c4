"""Managing articles from the window: the library list's selection deleted (after a
confirmation naming them), renamed, re-dated, its source and memo edited, exported.

The actions live in the Article menu and the library list's context menu; Delete acts
while the list has focus (elsewhere the key deletes a tag). Every change is one undo step
through the controller; the dialogs say what is wrong with what was typed and stay open.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from reader_app.gui.controller import LibraryController
from reader_app.gui.lists.library_pane import LibraryPane
from reader_app.gui.shared.plain_text import message_box
from reader_app.gui.window.article_dialog import ArticleFieldDialog
from reader_app.services.changes import ChangeSet

if TYPE_CHECKING:
    from reader_app.gui.jobs.export_flow import ExportFlow

TITLES_LISTED = 10  # a confirmation names this many titles, then says how many more
TITLE_SHOWN = 120  # characters of one title in it


@dataclass
class ArticleActions:
    rename: QAction
    published: QAction
    source: QAction
    memo: QAction
    export: QAction
    delete: QAction

    def single(self) -> list[QAction]:
        """The actions that act on one article."""
        return [self.rename, self.published, self.source, self.memo]


def _action(window: QMainWindow, name: str, text: str, tip: str) -> QAction:
    action = QAction(text, window)
    action.setObjectName(name)
    action.setToolTip(tip)
    action.setStatusTip(tip)
    return action


def build_article_actions(window: QMainWindow) -> ArticleActions:
    delete = _action(window, "deleteArticlesAction", "&Delete Articles…",
                     "Delete the selected articles and their tags (undoable)")
    delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
    # the list only: in the article or the tag table the key deletes a tag
    delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    return ArticleActions(
        rename=_action(window, "renameArticleAction", "&Rename…", "Change the article's title"),
        published=_action(window, "setPublishedAction", "Set &Published Date…",
                          "Set or correct the published date; its relative dates follow"),
        source=_action(window, "editSourceAction", "Edit &Source…",
                       "Change where the article came from"),
        memo=_action(window, "editMemoAction", "Edit &Memo…",
                     "A note on the whole article (Markdown text)"),
        export=_action(window, "exportSelectedAction", "&Export Selected…",
                       "Export the tags of the selected articles to CSV"),
        delete=delete,
    )


def build_article_menu(window: QMainWindow, a: ArticleActions) -> QMenu:
    """The Article menu, after Edit."""
    bar = window.menuBar()
    menu = QMenu("A&rticle", bar)
    menu.setObjectName("articleMenu")
    menu.addActions(a.single())
    menu.addSeparator()
    menu.addAction(a.export)
    menu.addSeparator()
    menu.addAction(a.delete)
    menus = [act for act in bar.actions() if act.menu() is not None]
    after_edit = next((m for prev, m in zip(menus, menus[1:], strict=False)
                       if prev.text().replace("&", "") == "Edit"), None)
    if after_edit is not None:
        bar.insertMenu(after_edit, menu)
    else:
        bar.addMenu(menu)
    return menu


class ArticleFlow(QObject):
    def __init__(self, window: QMainWindow, controller: LibraryController, pane: LibraryPane,
                 exports: Callable[[], ExportFlow]) -> None:
        super().__init__(window)
        self._window, self._controller, self._pane = window, controller, pane
        self._exports = exports
        self.actions = a = build_article_actions(window)
        self.menu = build_article_menu(window, a)
        pane.set_context_actions([*a.single(), None, a.export, None, a.delete])
        a.delete.triggered.connect(self.ask_delete)
        a.rename.triggered.connect(self.ask_rename)
        a.published.triggered.connect(self.ask_published)
        a.source.triggered.connect(self.ask_source)
        a.memo.triggered.connect(self.ask_memo)
        a.export.triggered.connect(self.ask_export)
        self.dialog: ArticleFieldDialog | None = None  # the one open, if any
        self.confirm_box: QMessageBox | None = None
        pane.selection_changed.connect(self.update_actions)
        controller.changed.connect(self._on_controller_changed)
        controller.article_opened.connect(self.update_actions)
        self.update_actions()

    # -- what the actions act on --------------------------------------------------------

    def targets(self) -> list[int]:
        """The articles selected in the list; none selected: the open one."""
        ids = self._pane.selected_article_ids()
        current = self._controller.current_article
        return ids or ([current.id] if current is not None else [])

    @Slot()
    def update_actions(self, *_args: object) -> None:
        ids = self.targets()
        writable = self._controller.read_only is None
        for action in self.actions.single():
            action.setEnabled(writable and len(ids) == 1)
        self.actions.delete.setEnabled(writable and bool(ids))
        self.actions.export.setEnabled(bool(ids))
        n = len(ids)
        self.actions.delete.setText(f"&Delete {n} Articles…" if n > 1 else "&Delete Article…")

    @Slot(ChangeSet)
    def _on_controller_changed(self, changes: ChangeSet) -> None:
        if changes.articles_removed or changes.articles_added:
            self.update_actions()

    def _one(self) -> int | None:
        ids = self.targets()
        return ids[0] if len(ids) == 1 else None

    def _summary(self, article_id: int):
        found = self._controller.summaries([article_id])
        return found[0] if found else None

    # -- delete --------------------------------------------------------------------------

    @Slot()
    def ask_delete(self) -> None:
        ids = self.targets()
        if not ids or not self.actions.delete.isEnabled():
            return
        titles = [s.title for s in self._controller.summaries(ids)]
        n = len(titles)
        if not n:
            return
        listed = "\n".join(f"• {_one_line(t)}" for t in titles[:TITLES_LISTED])
        if n > TITLES_LISTED:
            listed += f"\n… and {n - TITLES_LISTED} more"
        noun = "this article" if n == 1 else f"these {n} articles"
        box = message_box(
            self._window, QMessageBox.Icon.Warning,
            "Delete Article" if n == 1 else "Delete Articles",
            f"Delete {noun} and all their tags?",
            f"{listed}\n\nUndo (Ctrl+Z) brings {'it' if n == 1 else 'them'} back.")
        box.setObjectName("deleteArticlesBox")
        delete = box.addButton(f"Delete {n} Article{'s' if n > 1 else ''}",
                               QMessageBox.ButtonRole.DestructiveRole)
        delete.setObjectName("confirmDeleteArticlesButton")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        chosen = list(ids)
        box.buttonClicked.connect(
            lambda button: self._controller.delete_articles(chosen) if button is delete else None)
        box.finished.connect(self._on_confirm_box_finished)
        self.confirm_box = box
        box.open()

    @Slot()
    def _on_confirm_box_finished(self, *_args: object) -> None:
        self.confirm_box = None

    # -- one field ---------------------------------------------------------------------------

    def _ask(self, name: str, title: str, label: str, value: str,
             done: Callable[[int, str], None], check=None, multi_line: bool = False,
             placeholder: str = "") -> None:
        article_id = self._one()
        if article_id is None or self._controller.read_only is not None:
            return
        dialog = ArticleFieldDialog(self._window, name, title, label, value, check,
                                    multi_line, placeholder)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.value_accepted.connect(lambda text: done(article_id, text))
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        dialog.open()

    @Slot()
    def _on_dialog_finished(self, *_args: object) -> None:
        self.dialog = None

    @Slot()
    def ask_rename(self) -> None:
        from reader_app.services.article_ops import clean_title  # with the first dialog

        if (s := self._summary_of_one()) is None:
            return
        self._ask("renameArticleDialog", "Rename Article", "Title:", s.title,
                  self._controller.retitle_article, check=clean_title)

    @Slot()
    def ask_published(self) -> None:
        from reader_app.services.article_ops import clean_published  # with the first dialog

        if (s := self._summary_of_one()) is None:
            return
        self._ask("publishedDialog", "Set Published Date",
                  f"Published date of “{_one_line(s.title)}” (YYYY-MM-DD; empty: undated)."
                  " Its relative dates (yesterday, on Friday) are resolved again.",
                  s.published or "", self._controller.set_article_published,
                  check=clean_published, placeholder="YYYY-MM-DD")

    @Slot()
    def ask_source(self) -> None:
        if (s := self._summary_of_one()) is None:
            return
        self._ask("sourceDialog", "Edit Source", f"Source of “{_one_line(s.title)}”:",
                  s.source, self._controller.set_article_source)

    @Slot()
    def ask_memo(self) -> None:
        if (s := self._summary_of_one()) is None:
            return
        memo = self._controller.article_memo(s.id)
        self._ask("memoDialog", "Edit Memo",
                  f"Memo on “{_one_line(s.title)}” (Markdown text, searchable, exported):",
                  memo, self._controller.set_article_memo, multi_line=True)

    def _summary_of_one(self):
        article_id = self._one()
        return self._summary(article_id) if article_id is not None else None

    # -- export ----------------------------------------------------------------------------

    @Slot()
    def ask_export(self) -> None:
        ids = self.targets()
        if ids:
            current = self._controller.current_article
            self._exports().ask_and_export(current.id if current else None, selected_ids=ids)


def _one_line(title: str) -> str:
    line = " ".join(title.split())
    return line if len(line) <= TITLE_SHOWN else line[: TITLE_SHOWN - 1] + "…"
