"""The kind-specific rows of the tag editor: an actor tag's actor, a date's value.

A group adds its rows to the editor's form and shows them only for its kind. It fills
its widgets from the stored tag (quietly: a programmatic change never commits) and sends
what the analyst does to the controller, never while a command runs.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRegularExpression, Qt, Slot
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from reader_app.domain.iso_values import ISO_VALUE_SHAPE
from reader_app.domain.models import ACTOR_TYPES, Actor, Annotation
from reader_app.gui.controller import LibraryController
from reader_app.gui.shared.plain_text import plain_label
from reader_app.gui.shared.wrapped_label import WrappedLabel

if TYPE_CHECKING:
    from reader_app.domain.dates import ResolvedDate

ISO_INPUT = QRegularExpression(rf"(?:{ISO_VALUE_SHAPE})?")  # empty: no value


@lru_cache(maxsize=256)
def _resolve_date(text: str, start: int, end: int, published: str | None,
                  language: str | None) -> ResolvedDate:
    """resolve_in_text (the tag in its sentence, as tagging read it), remembered: its
    dateparser fallback can take ~150 ms, and a date tag's explanation is asked for each
    time the tag is shown (the result is frozen; a str caches its own hash)."""
    from reader_app.domain.dates import resolve_in_text  # the date rules load with the first date tag

    return resolve_in_text(text, start, end, published, language)


class FieldGroup(QObject):
    """Rows of one kind of tag in the editor's form."""

    kind = ""

    def __init__(self, controller: LibraryController, form: QFormLayout, parent: QWidget) -> None:
        super().__init__(parent)
        self._controller = controller
        self._form = form
        self._rows: list[QWidget] = []
        self.shown: Annotation | None = None

    def _add_row(self, label: str, widget: QWidget) -> None:
        self._form.addRow(label, widget)
        self._rows.append(widget)

    def set_visible(self, visible: bool) -> None:
        for widget in self._rows:
            self._form.setRowVisible(widget, visible)

    def first_widget(self) -> QWidget:
        return self._rows[0]

    def _can_commit(self) -> bool:
        return self.shown is not None and not self._controller.running_command

    # overridden by the kinds
    def show_annotation(self, ann: Annotation | None, before: Annotation | None = None) -> None:
        self.shown = ann

    def refresh_actors(self, names: list[tuple[str, int]]) -> None:
        """The actor list changed: (name, id) sorted by name."""

    def commit_pending_edit(self) -> None:
        """Send typed text that was not committed yet."""


def fill_actor_combo(combo: QComboBox, names: list[tuple[str, int]], none_label: str | None,
                     current: int | None) -> None:
    """Items: (none_label, None) first if given, then every actor; current selected."""
    items = ([(none_label, None)] if none_label else []) + names
    if [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())] != items:
        combo.blockSignals(True)
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        combo.blockSignals(False)
    select_data(combo, current)


def select_data(combo: QComboBox, data) -> None:
    """Select the item holding data, quietly; an editable combo drops typed text."""
    index = combo.findData(data)
    combo.blockSignals(True)
    combo.setCurrentIndex(index)
    if combo.isEditable():
        combo.setEditText(combo.itemText(index) if index >= 0 else "")
    combo.blockSignals(False)


class ActorFields(FieldGroup):
    """Actor tag: its canonical actor (pick another, or type a new name + Enter), the
    actor's type and aliases (these change the actor everywhere in the library)."""

    kind = "actor"

    def __init__(self, controller: LibraryController, form: QFormLayout, parent: QWidget) -> None:
        super().__init__(controller, form, parent)
        self.actor: Actor | None = None
        self.actor_combo = QComboBox(parent)
        self.actor_combo.setObjectName("actorCombo")
        self.actor_combo.setEditable(True)
        self.actor_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.actor_combo.lineEdit().setPlaceholderText("Pick an actor or type a new name")
        self.actor_combo.setToolTip("The actor this tag names. Type a new name and press "
                                    "Enter to create that actor.")
        completer = QCompleter(self.actor_combo.model(), self.actor_combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.actor_combo.setCompleter(completer)
        self.actor_combo.activated.connect(self._on_actor_combo_activated)
        self.actor_combo.lineEdit().returnPressed.connect(self._on_actor_combo_return_pressed)
        self.actor_combo.installEventFilter(self)
        self.type_combo = QComboBox(parent)
        self.type_combo.setObjectName("actorTypeCombo")
        for actor_type in ACTOR_TYPES:
            self.type_combo.addItem(actor_type.replace("_", " ").capitalize(), actor_type)
        self.type_combo.activated.connect(self._on_type_combo_activated)
        self.aliases_edit = QLineEdit(parent)
        self.aliases_edit.setObjectName("actorAliases")
        self.aliases_edit.setPlaceholderText("Other names, separated by commas")
        self.aliases_edit.setToolTip("Tags of these names link to this actor from now on")
        self.aliases_edit.editingFinished.connect(self.commit_pending_edit)
        self._add_row("Acto&r:", self.actor_combo)
        self._add_row("T&ype:", self.type_combo)
        self._add_row("A&liases:", self.aliases_edit)

    def show_annotation(self, ann: Annotation | None, before: Annotation | None = None) -> None:
        self.shown = ann
        if ann is None or (before is not None and before.actor_id == ann.actor_id):
            return
        select_data(self.actor_combo, ann.actor_id)
        self._show_actor(replace_aliases=True)

    def refresh_actors(self, names: list[tuple[str, int]]) -> None:
        current = self.shown.actor_id if self.shown else None
        typing = self.actor_combo.lineEdit().isModified() and self.actor_combo.hasFocus()
        text = self.actor_combo.currentText()
        fill_actor_combo(self.actor_combo, names, None, current)
        if typing:
            self.actor_combo.setEditText(text)
        if self.shown is not None:
            self._show_actor(replace_aliases=False)

    def _show_actor(self, replace_aliases: bool) -> None:
        """Type and aliases of the linked actor. Aliases being typed stay unless they
        changed in the library (or another actor is shown)."""
        actor_id = self.shown.actor_id if self.shown else None
        before, self.actor = self.actor, (
            self._controller.actor(actor_id) if actor_id is not None else None)
        for widget in (self.type_combo, self.aliases_edit):
            widget.setEnabled(self.actor is not None)
        select_data(self.type_combo, self.actor.type if self.actor else None)
        aliases = self.actor.aliases if self.actor else ()
        if replace_aliases or before is None or before.aliases != aliases:
            self.aliases_edit.setText(", ".join(aliases))
            self.aliases_edit.setModified(False)

    def typed_aliases(self) -> list[str]:
        return [a.strip() for a in self.aliases_edit.text().split(",") if a.strip()]

    @Slot()
    def commit_pending_edit(self) -> None:
        if not self._can_commit() or self.actor is None:
            return
        if tuple(self.typed_aliases()) != self.actor.aliases:
            self._controller.set_actor_aliases(self.actor.id, self.typed_aliases())
            self._show_actor(replace_aliases=True)  # as stored: duplicates dropped, or refused

    @Slot(int)
    def _on_actor_combo_activated(self, index: int) -> None:
        actor_id = self.actor_combo.itemData(index)
        if self._can_commit() and actor_id is not None and actor_id != self.shown.actor_id:
            self._controller.relink_actor(self.shown.id, actor_id)

    @Slot()
    def _on_actor_combo_return_pressed(self) -> None:
        text = " ".join(self.actor_combo.currentText().split())
        if not self._can_commit() or not text:
            return
        if self.actor_combo.findText(text, Qt.MatchFlag.MatchFixedString) < 0:
            self._controller.relink_actor(self.shown.id, None, text)  # a new actor

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # a name typed and left without Enter is dropped: the combo shows the linked actor
        if (watched is self.actor_combo and event.type() == QEvent.Type.FocusOut
                and event.reason() != Qt.FocusReason.PopupFocusReason and self.shown):
            select_data(self.actor_combo, self.shown.actor_id)
        return super().eventFilter(watched, event)

    @Slot(int)
    def _on_type_combo_activated(self, index: int) -> None:
        if self._can_commit() and self.actor is not None:
            self._controller.set_actor_type(self.actor.id, self.type_combo.itemData(index))


class DateFields(FieldGroup):
    """Date tag: its ISO value (Enter corrects it) and how it was resolved."""

    kind = "date"

    def __init__(self, controller: LibraryController, form: QFormLayout, parent: QWidget) -> None:
        super().__init__(controller, form, parent)
        self.value_edit = QLineEdit(parent)
        self.value_edit.setObjectName("dateValue")
        self.value_edit.setValidator(QRegularExpressionValidator(ISO_INPUT, self.value_edit))
        self.value_edit.setPlaceholderText("2022-02-10, 2022-W07, 2022-02, 2022 or a/b")
        self.value_edit.setToolTip("ISO 8601: a day, an ISO week, a month, a year or an "
                                   "interval start/end. Enter corrects the value.")
        self.value_edit.setClearButtonEnabled(True)
        self.value_edit.editingFinished.connect(self.commit_pending_edit)
        # quotes the article's phrase; as tall as its lines (three or four at 1024 px)
        self.how_label = plain_label(WrappedLabel(parent))
        self.how_label.setObjectName("dateResolution")
        self.how_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._add_row("Val&ue:", self.value_edit)
        self._add_row("Resolved:", self.how_label)

    def show_annotation(self, ann: Annotation | None, before: Annotation | None = None) -> None:
        self.shown = ann
        if ann is None:
            return
        if before is None or before.value != ann.value:
            self.value_edit.setText(ann.value or "")
            self.value_edit.setModified(False)
        self.how_label.setText(self.resolution_text(ann))

    def resolution_text(self, ann: Annotation) -> str:
        granularity = (ann.granularity or "unresolved").capitalize()
        if ann.date_method == "analyst":
            return f"{granularity} · typed by the analyst"
        article = self._controller.current_article
        if article is None or article.id != ann.article_id:
            return f"{granularity} · {ann.date_method or 'unknown'}"
        # the explanation is not stored: resolving the quote again gives it
        resolved = _resolve_date(article.text, ann.start, ann.end, article.published,
                                 article.language)
        if resolved.value != ann.value:
            return f"{granularity} · {ann.date_method or 'unknown'}"
        return f"{granularity} · {resolved.explanation}"

    @Slot()
    def commit_pending_edit(self) -> None:
        typed = self.value_edit.text().strip()
        if self._can_commit() and self.value_edit.hasAcceptableInput() \
                and (typed or None) != self.shown.value:
            self._controller.correct_date(self.shown.id, typed)
            self.show_annotation(self.shown)  # the stored value, also when it was refused
