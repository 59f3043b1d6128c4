"""The window's own codes: the Codebook… action, one tag action per own code (keys 1-9 on
the reading widget, like C/A/D), rebuilt whenever a change set says the codebook changed.

Kept out of main_window.py and actions.py: the window builds one CodebookFlow.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QToolBar, QToolButton, QWidget

from reader_app.domain.codebook import Code
from reader_app.gui.lists.search_facets import SearchFacets
from reader_app.gui.panels.annotation_panel import FILTERS
from reader_app.gui.shared import own_kinds
from reader_app.gui.shared.own_legend import show_own_codes
from reader_app.gui.shared.plain_text import message_box, tip
from reader_app.services import codebook_read as codebook
from reader_app.services.changes import ChangeSet
from reader_app.storage.articles import NotFound
from reader_app.storage.errors import STORAGE_ERRORS

if TYPE_CHECKING:
    from reader_app.gui.window.codebook_dialog import CodebookDialog
    from reader_app.gui.window.main_window import MainWindow


QDC_FILTER = "REFI-QDA codebook (*.qdc);;All files (*)"


def swatch(colour: str, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


BUTTON_CHARS = 16  # a toolbar button shows this much of a code's name (its tooltip all)


def short_name(name: str) -> str:
    """A long name cut for a toolbar button, so Delete, Undo and Redo stay on the bar."""
    return name if len(name) <= BUTTON_CHARS else name[:BUTTON_CHARS - 1].rstrip() + "…"


def ordered(codes: list[Code]) -> list[Code]:
    """Codes with a key first, by key; then the rest by name."""
    return sorted(codes, key=lambda c: (c.key is None, c.key or 0, c.name.casefold()))


class CodebookFlow(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.controller = window.controller
        self.codebook_action = QAction("Code&book…", window)
        self.codebook_action.setObjectName("codebookAction")
        self.codebook_action.setStatusTip("Your own codes beside claim, actor and date")
        self.codebook_action.triggered.connect(self.show_dialog)
        self.menu = QMenu("Own &Codes", window)
        self.menu.setObjectName("ownCodesMenu")
        tag_menu = next((a.menu() for a in window.menuBar().actions()
                         if a.text() == "&Tag" and a.menu() is not None), None)
        if tag_menu is not None:
            tag_menu.addSeparator()
            tag_menu.addMenu(self.menu)
            tag_menu.addAction(self.codebook_action)
        self.export_action = QAction("Export Code&book…", window)
        self.export_action.setObjectName("exportCodebookAction")
        self.export_action.setStatusTip("Save your own codes as a REFI-QDA codebook (.qdc)")
        self.export_action.triggered.connect(self.ask_and_export)
        self.import_action = QAction("Import Codeb&ook…", window)
        self.import_action.setObjectName("importCodebookAction")
        self.import_action.setStatusTip("Add a REFI-QDA codebook's codes (.qdc), merged by name")
        self.import_action.triggered.connect(self.ask_and_import)
        file_menu = next((a.menu() for a in window.menuBar().actions()
                          if a.text() == "&File" and a.menu() is not None), None)
        if file_menu is not None:
            before = next((a for a in file_menu.actions() if a.isSeparator()), None)
            file_menu.insertActions(before, [self.export_action, self.import_action])
        self.tag_actions: dict[str, QAction] = {}  # by kind
        self.dialog: CodebookDialog | None = None
        self.refused: QMessageBox | None = None  # the last refusal of a codebook file
        self.controller.changed.connect(self._on_controller_changed)
        self.refresh()

    # -- reading the codebook ----------------------------------------------------
    def codes(self) -> list[Code]:
        return codebook.codes(self.controller.db)

    def own_tags(self, article_id: int) -> int:
        """How many tags of own codes an article has (the status bar counts them too)."""
        return codebook.own_tag_count(self.controller.db, article_id)

    def usage(self) -> dict[str, int]:
        return codebook.usage(self.controller.db)

    def refresh(self) -> None:
        codes = self.codes()
        own_kinds.set_codes(codes, self.window.db_path)
        self._rebuild_actions(ordered(codes))
        w = self.window
        legend = w.findChild(QWidget, "legend")
        if legend is not None:  # the toolbar legend: C/A/D, then own codes with keys
            show_own_codes(legend, ordered(codes))
        w.view.viewport().update()  # colours and names are read at paint time
        w.annotation_panel.table.viewport().update()
        w.annotation_panel.editor.refresh_kind()  # a shown tag's code renamed or recoloured
        self._fill_kind_filter(codes)
        for facets in w.findChildren(SearchFacets):  # the search and timeline panes
            facets.set_own_codes([(c.kind, c.name) for c in codes])
        if self.dialog is not None:
            self.dialog.reload()

    def _fill_kind_filter(self, codes: list[Code]) -> None:
        """The tag list's kind filter: the built-in kinds, then each own code."""
        combo = self.window.annotation_panel.kind_filter
        chosen = combo.currentData()
        blocked = combo.blockSignals(True)
        try:
            while combo.count() > len(FILTERS):
                combo.removeItem(combo.count() - 1)
            for code in ordered(codes):
                combo.addItem(swatch(code.colour), code.name, code.kind)
            at = combo.findData(chosen)
        finally:
            combo.blockSignals(blocked)
        combo.setCurrentIndex(max(0, at))  # a code gone: all tags (the filter follows)

    def _rebuild_actions(self, codes: list[Code]) -> None:
        view, toolbar = self.window.view, self.window.findChild(QToolBar, "taggingToolbar")
        for action in self.tag_actions.values():
            view.removeAction(action)
            if toolbar is not None:
                toolbar.removeAction(action)
            action.deleteLater()
        self.tag_actions.clear()
        self.menu.clear()
        before = self._toolbar_place(toolbar)
        for code in codes:
            shown = code.name.replace("&", "&&")  # "&" would make a mnemonic, not a letter
            action = QAction(swatch(code.colour), f"Tag as {shown}", self.window)
            action.setObjectName(f"tagCode{code.id}Action")
            action.setData(code.kind)
            key = f" ({code.key})" if code.key is not None else ""
            if code.key is not None:
                action.setShortcut(QKeySequence(str(code.key)))
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.setToolTip(tip(f"Tag the selected text as {code.name}{key}"))  # names are data
            action.setStatusTip(f"Tag the selected text as {code.name}{key}")
            action.setIconText(shown)
            action.triggered.connect(lambda _=False, k=code.kind: self.window.tag_selection(k))
            view.addAction(action)
            self.menu.addAction(action)
            if toolbar is not None and code.key is not None:
                toolbar.insertAction(before, action)
                button = toolbar.widgetForAction(action)
                if isinstance(button, QToolButton):  # the button only: menus and the
                    button.setText(short_name(code.name).replace("&", "&&"))  # key list: all
            self.tag_actions[code.kind] = action
        self.menu.setEnabled(bool(codes))

    def _toolbar_place(self, toolbar: QToolBar | None) -> QAction | None:
        """Own codes sit right after C/A/D in the tagging toolbar."""
        if toolbar is None:
            return None
        actions = toolbar.actions()
        last = self.window.actions_.tag.get("date")
        if last in actions:
            i = actions.index(last) + 1
            return actions[i] if i < len(actions) else None
        return None

    @Slot(ChangeSet)
    def _on_controller_changed(self, changes: ChangeSet) -> None:
        if changes.codebook:
            self.refresh()
        elif self.dialog is not None and self.dialog.isVisible() and (
                changes.tags_added or changes.tags_removed or changes.tags_changed):
            self.dialog.update_counts()  # it stays open beside the article

    # -- changing it: one undo command each ---------------------------------------------
    def push(self, make: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        ctrl = self.controller
        if ctrl.read_only is not None:
            ctrl.error_occurred.emit("This library is read-only.")
            return
        try:
            command = make(ctrl, *args, **kwargs)
        except NotFound:
            ctrl.error_occurred.emit("That code no longer exists.")
            return
        except STORAGE_ERRORS as e:
            ctrl.error_occurred.emit(str(e))
            return
        ctrl.undo_stack.push(command)

    # -- sharing it: a REFI-QDA codebook file ---------------------------------------------
    @Slot()
    def ask_and_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.window, "Export Codebook", "codebook.qdc",
                                              QDC_FILTER)
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        from reader_app.services.codebook_io import export_codebook

        try:
            n = export_codebook(self.controller.db, path)
        except (OSError, ValueError) as e:
            self.controller.error_occurred.emit(f"Export Codebook failed: {e}")
            return
        self.window.statusBar().showMessage(
            f"Exported {n} code{'s' * (n != 1)} to {path}", 8000)

    @Slot()
    def ask_and_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, "Import Codebook", "", QDC_FILTER)
        if path:
            self.import_from(path)

    def import_from(self, path: str) -> None:
        from reader_app.domain.interchange import BundleFormatError
        from reader_app.formats.qdc import read_qdc
        from reader_app.gui.commands.codebook import ImportCodebookCommand

        try:
            read_qdc(Path(path))  # refused before anything is pushed: said in a box
        except BundleFormatError as e:
            self.refused = message_box(self.window, QMessageBox.Icon.Warning,
                                       "Import Codebook", "This file cannot be imported.",
                                       str(e))
            self.refused.setObjectName("codebookRefused")
            self.refused.open()
            return
        before = self.controller.undo_stack.count()
        self.push(ImportCodebookCommand, path)
        stack = self.controller.undo_stack
        if stack.count() > before:  # it ran: say what it did
            command = stack.command(stack.count() - 1)
            record = getattr(command, "record", None)
            if record is not None:
                self.window.statusBar().showMessage(record.summary(), 10_000)

    @Slot()
    def show_dialog(self) -> CodebookDialog:
        from reader_app.gui.window.codebook_dialog import CodebookDialog

        if self.dialog is None:
            self.dialog = CodebookDialog(self, self.window)
        self.dialog.reload()
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog
