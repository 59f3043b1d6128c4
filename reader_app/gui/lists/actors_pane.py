"""The Actors pane: every canonical actor with its counts, and one actor's mentions and claims.

Every change goes through the controller's undoable intents; this widget only asks the
analyst (small dialogs) and shows what the controller's signals say changed.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex, QPoint, Qt, Slot
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reader_app.domain.models import ACTOR_TYPES, ActorSummary
from reader_app.gui.controller import LibraryController
from reader_app.gui.lists.actor_model import ActorModel, MentionModel, type_label
from reader_app.gui.lists.column_fit import fit_columns
from reader_app.gui.lists.lazy_pane import LazyPane
from reader_app.gui.lists.tables import ID_ROLE, ITEM_ROLE, make_table, select_row
from reader_app.gui.shared.actions import build_actor_actions
from reader_app.gui.shared.plain_text import clip, literal_html
from reader_app.services.changes import ChangeSet

NO_ACTOR = "Select an actor to see its mentions and claims."


def plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' * (n != 1)}"


class ActorsPane(LazyPane):

    def __init__(self, controller: LibraryController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actorsPane")
        self._controller = controller
        self.model = ActorModel(self)
        self.mention_model = MentionModel(self)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("actorFilter")
        self.filter_edit.setPlaceholderText("Filter actors by name or alias…")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._on_filter_edit_text_changed)
        self.table = make_table(self, "actorTable", self.model)
        self.columns = fit_columns(self.table, ActorModel.NAME, share=0.6)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_table_context_menu_requested)
        self.actions_ = build_actor_actions(self, {t: type_label(t) for t in ACTOR_TYPES})
        slots = {"rename": self.ask_rename, "aliases": self.ask_aliases, "note": self.ask_note,
                 "merge": self.ask_merge, "delete": self.delete_selected}
        for key, slot in slots.items():
            self.actions_.actions[key].triggered.connect(slot)
        for actor_type, action in self.actions_.types.items():
            action.triggered.connect(lambda _=False, t=actor_type: self._set_type(t))
        self.actions_.type_menu.aboutToShow.connect(self._on_type_menu_about_to_show)

        self.mentions_label = QLabel(NO_ACTOR, self)
        self.mentions_label.setObjectName("actorMentionsLabel")
        self.mentions_label.setWordWrap(True)
        self.mentions = make_table(self, "actorMentions", self.mention_model)
        self.mention_columns = fit_columns(self.mentions, MentionModel.QUOTE)
        self.mentions.setToolTip("Double-click or press Enter to open the text")
        self.mentions.activated.connect(self._on_mentions_activated)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("actorsSplitter")
        self.splitter.setChildrenCollapsible(False)
        for widgets in ((self.filter_edit, self.table, self.actions_.buttons),
                        (self.mentions_label, self.mentions)):
            part = QWidget(self.splitter)
            part_layout = QVBoxLayout(part)
            part_layout.setContentsMargins(0, 0, 0, 0)
            for w in widgets:
                part_layout.addWidget(w, 1 if w in (self.table, self.mentions) else 0)
            self.splitter.addWidget(part)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.setFocusProxy(self.table)

        # each ChangeSet carries the new row of every actor whose name, type, aliases,
        # note or counts changed (tags added, removed or relinked, claimants, merges)
        controller.changed.connect(self._on_controller_changed)
        self._update_actions()

    # -- public -------------------------------------------------------------------------

    def reload(self) -> None:
        """Reload the actors (and the selected one's mentions), keeping the selection."""
        selected = self.selected_actor()
        self.model.set_items(self._controller.actors())
        if selected is not None:
            self.select_actor(selected.id)
        self._show_mentions(self.selected_actor())

    def apply_changes(self, changes: ChangeSet) -> None:
        """The changed actors' rows; the selected actor's mentions if it changed."""
        if not changes.actors:
            return
        selected = self.selected_actor()
        self.model.apply_rows(changes.actors)
        if selected is not None and selected.id in changes.actors:
            self._show_mentions(self.selected_actor())
        else:
            self._update_actions()

    def selected_actor(self) -> ActorSummary | None:
        index = self.table.currentIndex()
        return index.data(ITEM_ROLE) if index.isValid() else None

    def select_actor(self, actor_id: int) -> None:
        row = self.model.row_of(actor_id)
        if row >= 0:
            select_row(self.table, row)

    # -- asking the analyst ------------------------------------------------------------

    @Slot()
    def ask_rename(self) -> None:
        if (actor := self.selected_actor()) is None:
            return
        name, ok = QInputDialog.getText(self, "Rename actor", "Canonical name:", text=actor.name)
        if ok and name.strip() and name.strip() != actor.name:
            self._controller.rename_actor(actor.id, name.strip())

    @Slot()
    def ask_aliases(self) -> None:
        if (actor := self.selected_actor()) is None:
            return
        text, ok = QInputDialog.getMultiLineText(
            self, "Aliases", literal_html(f"Other names of “{clip(actor.name, 200)}”, one per line:"),
            "\n".join(actor.aliases))
        aliases = [line.strip() for line in text.splitlines() if line.strip()]
        if ok and tuple(aliases) != actor.aliases:
            self._controller.set_actor_aliases(actor.id, aliases)

    @Slot()
    def ask_note(self) -> None:
        if (actor := self.selected_actor()) is None:
            return
        text, ok = QInputDialog.getMultiLineText(self, "Actor note",
                                                 literal_html(f"Note on “{clip(actor.name, 200)}”:"),
                                                 actor.note or "")
        if ok and (text.strip() or None) != actor.note:
            self._controller.set_actor_note(actor.id, text.strip() or None)

    @Slot()
    def ask_merge(self) -> None:
        if (actor := self.selected_actor()) is None:
            return
        others = [a for a in self._controller.actors() if a.id != actor.id]
        if not others:
            self._controller.error_occurred.emit("There is no other actor to merge into.")
            return
        labels = [f"{a.name} ({type_label(a.type)}, #{a.id})" for a in others]
        label, ok = QInputDialog.getItem(
            self, "Merge actor", literal_html(f"Merge “{clip(actor.name, 200)}” into:\n(its tags and "
                                              "claims follow, its name becomes an alias)"),
            labels, 0, False)
        if ok and label in labels:
            keep = others[labels.index(label)]
            self._controller.merge_actors(keep.id, actor.id)
            self.select_actor(keep.id)

    @Slot()
    def delete_selected(self) -> None:
        if (actor := self.selected_actor()) is not None:
            self._controller.delete_actor(actor.id)

    def _set_type(self, actor_type: str) -> None:
        actor = self.selected_actor()
        if actor is not None and actor.type != actor_type:
            self._controller.set_actor_type(actor.id, actor_type)

    # -- handlers -------------------------------------------------------------------------

    @Slot(str)
    def _on_filter_edit_text_changed(self, text: str) -> None:
        self.model.set_filter(text)
        self._show_mentions(self.selected_actor())

    @Slot(QModelIndex, QModelIndex)
    def _on_table_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_mentions(current.data(ITEM_ROLE) if current.isValid() else None)

    @Slot(QModelIndex)
    def _on_mentions_activated(self, index: QModelIndex) -> None:
        if (mention := index.data(ITEM_ROLE)) is not None:
            self._controller.open_annotation(mention.annotation.article_id, index.data(ID_ROLE))

    @Slot()
    def _on_type_menu_about_to_show(self) -> None:
        actor = self.selected_actor()
        for actor_type, action in self.actions_.types.items():
            action.setChecked(actor is not None and actor.type == actor_type)

    @Slot(QPoint)
    def _on_table_context_menu_requested(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        select_row(self.table, index.row())
        self.actions_.context_menu.popup(self.table.viewport().mapToGlobal(pos))

    def _show_mentions(self, actor: ActorSummary | None) -> None:
        if actor is None:
            self.mention_model.set_items([])
            self.mentions_label.setText(NO_ACTOR)
        else:
            found = self._controller.mentions_of(actor.id) + self._controller.claims_by(actor.id)
            found.sort(key=lambda m: (m.article_published is None, m.article_published or "",
                                      m.annotation.article_id, m.annotation.start))
            self.mention_model.set_items(found)
            self.mentions_label.setText(
                f"<b>{escape(clip(actor.name))}</b>: {plural(actor.mention_count, 'mention')}, "
                f"{plural(actor.claim_count, 'claim')}. Double-click one to open it.")
        self._update_actions()

    def _update_actions(self) -> None:
        actor = self.selected_actor()
        for action in self.actions_.actions.values():
            action.setEnabled(actor is not None)
        self.actions_.actions["delete"].setEnabled(
            actor is not None and actor.mention_count == 0 and actor.claim_count == 0)
