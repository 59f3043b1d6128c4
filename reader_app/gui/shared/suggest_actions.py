"""The Suggest menu's actions. The keys (Tab, Shift+Tab, Enter, Backspace) act only where
suggestions are walked, the reading widget and the suggestion list, so Enter in a field or
Backspace in the note editor never accepts or rejects anything."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

ACCEPT_ALL_KINDS = ("actor", "date", "claim")


@dataclass
class SuggestActions:
    next: QAction
    previous: QAction
    accept: QAction
    reject: QAction
    accept_all: dict[str, QAction]  # by kind
    state_names: QAction

    def walking(self) -> list[QAction]:
        return [self.next, self.previous, self.accept, self.reject]


def _action(window: QMainWindow, name: str, text: str, keys: list[str], tip: str) -> QAction:
    action = QAction(text, window)
    action.setObjectName(name)
    if keys:
        action.setShortcuts([QKeySequence(k) for k in keys])
        shown = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} ({shown})")
    else:
        action.setToolTip(tip)
    action.setStatusTip(tip)
    return action


def build_suggest_actions(window: QMainWindow, walking_widgets: list[QWidget]) -> SuggestActions:
    """walking_widgets: where Tab, Shift+Tab, Enter and Backspace walk suggestions."""
    a = SuggestActions(
        next=_action(window, "nextSuggestionAction", "&Next Suggestion", ["Tab"],
                     "Go to the next suggestion in the text"),
        previous=_action(window, "previousSuggestionAction", "&Previous Suggestion",
                         ["Shift+Tab", "Shift+Backtab"],
                         "Go to the previous suggestion in the text"),
        accept=_action(window, "acceptSuggestionAction", "&Accept Suggestion",
                       ["Return", "Enter"], "Tag the current suggestion as it says"),
        reject=_action(window, "rejectSuggestionAction", "&Reject Suggestion", ["Backspace"],
                       "Never suggest the current span again"),
        accept_all={kind: _action(window, f"acceptAll{kind.title()}sAction",
                                  f"Accept All Suggested {kind.title()}s", [],
                                  f"Tag every suggested {kind} in this article (one undo step)")
                    for kind in ACCEPT_ALL_KINDS},
        state_names=_action(window, "stateNamesAction", "&State Names…", [],
                            "Edit the table of states and their other names"),
    )
    for action in a.walking():
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.setEnabled(False)
        for widget in walking_widgets:
            widget.addAction(action)
    for action in a.accept_all.values():
        action.setEnabled(False)
    return a


def build_suggest_menus(window: QMainWindow, a: SuggestActions) -> QMenu:
    """The Suggest menu after Tag, and State Names… in a Tools menu after it."""
    bar = window.menuBar()
    menu = QMenu("&Suggest", bar)
    menu.setObjectName("suggestMenu")
    menu.addActions(a.walking())
    menu.addSeparator()
    menu.addActions(list(a.accept_all.values()))
    bar.addMenu(menu)
    tools = QMenu("T&ools", bar)
    tools.setObjectName("toolsMenu")
    tools.addAction(a.state_names)
    bar.addMenu(tools)
    return menu
