"""The article's context menu: copy and select all, Copy Link Location over a link only,
the tag actions, and one Delete item naming each tag under the cursor."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QTextBrowser

from reader_app.domain.codebook import is_own_kind
from reader_app.domain.quotes import quoted
from reader_app.gui.shared.own_kinds import kind_label

MENU_QUOTE = 30  # characters of a quote an item shows
LINK_COPY = "link-copy"  # Qt's objectName for Copy Link Location


def delete_text(kind: str, quote: str) -> str:
    """'Delete claim “did not appear…”', an own code's tag by the code's name (a menu
    item's text: & is not a mnemonic)."""
    named = kind_label(kind) if is_own_kind(kind) else kind
    return f"Delete {named} {quoted(quote, MENU_QUOTE)}".replace("&", "&&")


def build_article_menu(view: QTextBrowser, pos: QPoint, tag_actions: list[QAction],
                       tags: Sequence[tuple[int, str, str]],
                       delete: Callable[[int], None]) -> QMenu:
    """tags: (id, kind, quote) of each tag under pos, innermost first. pos is in viewport
    coordinates, as customContextMenuRequested gives it."""
    h, v = view.horizontalScrollBar(), view.verticalScrollBar()
    menu = view.createStandardContextMenu(pos + QPoint(h.value(), v.value()))
    if not view.anchorAt(pos):  # Qt adds it disabled everywhere: only over a link here
        for action in menu.actions():
            if action.objectName() == LINK_COPY:
                menu.removeAction(action)
    menu.addSeparator()
    menu.addActions(tag_actions)
    if tags:
        menu.addSeparator()
    for ann_id, kind, quote in tags:
        action = menu.addAction(delete_text(kind, quote))
        action.setObjectName("deleteClickedTagAction")
        action.setData(ann_id)
        action.triggered.connect(lambda _=False, i=ann_id: delete(i))
    return menu
