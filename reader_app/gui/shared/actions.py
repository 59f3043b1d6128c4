"""The window's actions, menus and toolbar, and the Actors pane's actions.
objectNames are a public contract."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QMainWindow,
    QMenu,
    QSizePolicy,
    QToolBar,
    QToolButton,
    QWidget,
)

from reader_app.gui.shared.flow_layout import FlowLayout
from reader_app.gui.shared.menu_button import MenuToolButton
from reader_app.gui.shared.palette import KIND_KEYS


@dataclass
class WindowActions:
    tag: dict[str, QAction]
    delete: QAction
    undo: QAction
    redo: QAction
    import_files: QAction
    export_csv: QAction
    export_as: dict[str, QAction]  # File > Export As: a key of services.interchange.EXPORT_FORMATS
    export_report: QAction
    agreement: QAction
    open_library: QAction
    backup: QAction
    analyst_name: QAction
    quit: QAction
    find: QAction
    recent_menu: QMenu
    merge_library: QAction


def _action(window: QMainWindow, name: str, text: str, shortcut=None, tip: str = "") -> QAction:
    action = QAction(text, window)
    action.setObjectName(name)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    shown = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{tip or text.replace('&', '')}" + (f" ({shown})" if shown else ""))
    action.setStatusTip(tip or text.replace("&", ""))
    return action


def build_actions(window: QMainWindow, undo_stack, reading_widget: QWidget) -> WindowActions:
    """Single-key tag shortcuts live on the reading widget only, so typing C, A or
    D in the note editor or the filter box never tags anything."""
    tag = {}
    for kind, label in (("claim", "&Claim"), ("actor", "&Actor"), ("date", "&Date")):
        key = KIND_KEYS[kind]
        act = _action(
            window, f"tag{kind.title()}Action", f"Tag as {label}", key,
            f"Tag the selected text as {'an' if kind == 'actor' else 'a'} {kind}",
        )
        act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        act.setEnabled(False)
        reading_widget.addAction(act)
        tag[kind] = act
    delete = _action(window, "deleteAnnotationAction", "&Delete Tag", QKeySequence.StandardKey.Delete,
                     "Delete the selected tag")
    # Delete acts where a tag is picked: the reading widget (a clicked highlight);
    # the tag table handles the key itself. Not window-wide: in the library list it
    # would look like deleting an article.
    delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    delete.setEnabled(False)
    reading_widget.addAction(delete)
    undo = undo_stack.createUndoAction(window, "&Undo")
    undo.setObjectName("undoAction")
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    undo.setIconText("Undo")  # the toolbar: the menu and tooltip name the command
    redo = undo_stack.createRedoAction(window, "&Redo")
    redo.setObjectName("redoAction")
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    redo.setIconText("Redo")
    return WindowActions(
        tag=tag,
        delete=delete,
        undo=undo,
        redo=redo,
        import_files=_action(window, "importAction", "&Import Articles…", "Ctrl+I",
                             "Import text, Markdown or HTML files"),
        export_csv=_action(window, "exportCsvAction", "&Export CSV…", "Ctrl+E",
                           "Export tags to a CSV file (Excel-safe)"),
        export_as=_export_as_actions(window),
        export_report=_action(window, "exportReportAction", "Export &Report…", None,
                              "A dossier of claims by actor, a chronology and the articles"
                              " (HTML or PDF)"),
        agreement=_action(window, "agreementAction", "A&greement…", None,
                          "Compare analysts on the articles both tagged"),
        open_library=_action(window, "openLibraryAction", "&Open Library…", "Ctrl+O",
                             "Open another library file"),
        backup=_action(window, "backupAction", "&Back Up Library…", None,
                       "Save a consistent copy of the library (safe while you work)"),
        analyst_name=_action(window, "analystNameAction", "Analyst &Name…", None,
                             "The name your new tags carry (merges and agreement compare by it)"),
        quit=_action(window, "quitAction", "&Quit", QKeySequence.StandardKey.Quit),
        find=_action(window, "findAction", "&Find in Article…", QKeySequence.StandardKey.Find),
        recent_menu=QMenu("Open &Recent", window),
        merge_library=_action(window, "mergeLibraryAction", "&Merge Library…", None,
                              "Merge another analyst's library (or an interchange file) into"
                              " this one"),
    )


# File > Export As, in menu order: (format, objectName, text, status tip)
EXPORT_AS = (
    ("qdpx", "exportQdpxAction", "&REFI-QDA Project (.qdpx)…",
     "Export articles and tags for QualCoder, MAXQDA, ATLAS.ti, NVivo"),
    ("w3c", "exportW3cAction", "&W3C Web Annotations (.jsonld)…",
     "Export tags as W3C Web Annotations (JSON-LD or JSON Lines)"),
    ("brat", "exportBratAction", "&brat Standoff (folder)…",
     "Export a .txt and .ann per article for brat and INCEpTION"),
    ("jsonl", "exportJsonlAction", "&JSON Lines for Machine Learning (.jsonl)…",
     "Export texts and entity offsets for doccano and spaCy"),
)


def _export_as_actions(window: QMainWindow) -> dict[str, QAction]:
    return {fmt: _action(window, name, text, None, tip) for fmt, name, text, tip in EXPORT_AS}


@dataclass
class GoActions:
    """The Go menu: walking the article's tags and the library list's articles."""

    next_tag: QAction
    previous_tag: QAction
    next_article: QAction
    previous_article: QAction


def build_go_actions(window: QMainWindow) -> GoActions:
    """Window-wide (F8 from the tag table or the editor walks the article too)."""
    return GoActions(
        next_tag=_action(window, "nextTagAction", "&Next Tag", "F8",
                         "Select the next tag in the article"),
        previous_tag=_action(window, "previousTagAction", "&Previous Tag", "Shift+F8",
                             "Select the previous tag in the article"),
        next_article=_action(window, "nextArticleAction", "Next &Article", "Ctrl+PgDown",
                             "Open the next article of the library list"),
        previous_article=_action(window, "previousArticleAction", "Previous A&rticle",
                                 "Ctrl+PgUp", "Open the previous article of the library list"),
    )


def build_go_menu(window: QMainWindow, go: GoActions) -> QMenu:
    """A Go menu after the Edit menu."""
    bar = window.menuBar()
    menu = QMenu("&Go", bar)
    menu.setObjectName("goMenu")
    menu.addActions([go.next_tag, go.previous_tag])
    menu.addSeparator()
    menu.addActions([go.next_article, go.previous_article])
    titles = [a.text() for a in bar.actions()]
    after = titles.index("&Edit") + 1 if "&Edit" in titles else len(titles)
    if after < len(titles):
        bar.insertMenu(bar.actions()[after], menu)
    else:
        bar.addMenu(menu)
    return menu


def build_menus(window: QMainWindow, a: WindowActions, legend: QWidget) -> QToolBar:
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addActions([a.import_files, a.export_csv])
    export_menu = file_menu.addMenu("Export &As")
    export_menu.setObjectName("exportAsMenu")
    export_menu.addActions(list(a.export_as.values()))
    file_menu.addAction(a.export_report)
    file_menu.addSeparator()
    file_menu.addActions([a.merge_library, a.agreement])
    file_menu.addSeparator()
    file_menu.addAction(a.open_library)
    file_menu.addMenu(a.recent_menu)
    file_menu.addAction(a.backup)
    file_menu.addSeparator()
    file_menu.addAction(a.analyst_name)
    file_menu.addSeparator()
    file_menu.addAction(a.quit)
    edit_menu = bar.addMenu("&Edit")
    edit_menu.addActions([a.undo, a.redo])
    edit_menu.addSeparator()
    edit_menu.addAction(a.find)
    tag_menu = bar.addMenu("&Tag")
    tag_menu.addActions(list(a.tag.values()))
    tag_menu.addSeparator()
    tag_menu.addAction(a.delete)
    toolbar = QToolBar("Tagging", window)
    toolbar.setObjectName("taggingToolbar")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    toolbar.addActions(list(a.tag.values()))
    toolbar.addSeparator()
    toolbar.addActions([a.delete, a.undo, a.redo])
    toolbar.addSeparator()
    toolbar.addActions([a.import_files, a.export_csv])
    spacer = QWidget(toolbar)
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    toolbar.addWidget(spacer)
    toolbar.addWidget(legend)
    window.addToolBar(toolbar)
    return toolbar


# -- the Actors pane's actions: a row of buttons and the table's context menu share them ---

ACTOR_ACTIONS = (  # key, objectName, text, tooltip
    ("rename", "renameActorAction", "Rename…", "Rename the actor"),
    ("type", "actorTypeAction", "Type", "Set the actor's type"),
    ("aliases", "actorAliasesAction", "Aliases…", "Other names this actor goes by, one per line"),
    ("note", "actorNoteAction", "Note…", "A note on the actor"),
    ("merge", "mergeActorAction", "Merge…",
     "Merge this actor into another one: its tags and claims follow"),
    ("delete", "deleteActorAction", "Delete", "Delete the actor (only when no tag or claim uses it)"),
)


@dataclass
class ActorActions:
    actions: dict[str, QAction]  # by ACTOR_ACTIONS key
    types: dict[str, QAction]  # by actor type, checkable, in the Type menu
    type_menu: QMenu
    buttons: QWidget
    context_menu: QMenu


def build_actor_actions(parent: QWidget, types: dict[str, str]) -> ActorActions:
    """types: actor type -> its label. Connecting them is the pane's business."""
    buttons = QWidget(parent)
    # wraps in a narrow left pane: in a row, "Rename…" was squeezed to "Re…me"
    row = FlowLayout(buttons)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(2)
    actions = {}
    for key, name, text, tip in ACTOR_ACTIONS:
        action = QAction(text, parent)
        action.setObjectName(name)
        action.setToolTip(tip)
        actions[key] = action
        button = MenuToolButton(buttons) if key == "type" else QToolButton(buttons)
        button.setDefaultAction(action)
        button.setObjectName(name.replace("Action", "Button"))
        row.addWidget(button)
    type_menu = QMenu("Type", parent)
    group = QActionGroup(type_menu)
    type_actions = {}
    for actor_type, label in types.items():
        type_actions[actor_type] = action = type_menu.addAction(label)
        action.setCheckable(True)
        group.addAction(action)
    actions["type"].setMenu(type_menu)
    buttons.findChild(QToolButton, "actorTypeButton").setPopupMode(
        QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(parent)
    menu.addAction(actions["rename"])
    menu.addMenu(type_menu)
    menu.addActions([actions["aliases"], actions["note"], actions["merge"]])
    menu.addSeparator()
    menu.addAction(actions["delete"])
    return ActorActions(actions, type_actions, type_menu, buttons, menu)


def fill_recent_menu(menu: QMenu, entries: list[str], open_entry: Callable[[str], None]) -> None:
    menu.clear()
    for entry in entries:
        action = menu.addAction(entry)
        action.triggered.connect(lambda _=False, p=entry: open_entry(p))
    menu.setEnabled(bool(menu.actions()))

