"""The editor's rows for a tag of an own code: a free value (the note has its own field)."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from reader_app.domain.codebook import OWN_PREFIX
from reader_app.domain.models import Annotation
from reader_app.gui.controller import LibraryController
from reader_app.gui.panels.editor_fields import FieldGroup


def group_key(kind: str) -> str:
    """The editor's field group of a kind: every own code shares one."""
    return OWN_PREFIX if kind.startswith(OWN_PREFIX) else kind


class OwnCodeFields(FieldGroup):
    kind = OWN_PREFIX

    def __init__(self, controller: LibraryController, form: QFormLayout, parent: QWidget) -> None:
        super().__init__(controller, form, parent)
        self.value_edit = QLineEdit(parent)
        self.value_edit.setObjectName("codeValue")
        self.value_edit.setPlaceholderText("a value, if the code has one (e.g. a calibre)")
        self.value_edit.setClearButtonEnabled(True)
        self.value_edit.editingFinished.connect(self.commit_pending_edit)
        self._add_row("Val&ue:", self.value_edit)

    def show_annotation(self, ann: Annotation | None, before: Annotation | None = None) -> None:
        self.shown = ann
        if ann is not None and (before is None or before.value != ann.value):
            self.value_edit.setText(ann.value or "")
            self.value_edit.setModified(False)

    @Slot()
    def commit_pending_edit(self) -> None:
        typed = self.value_edit.text().strip()
        if self._can_commit() and (typed or None) != self.shown.value:
            self._controller.edit_annotation(self.shown.id, value=typed)
