"""A tab of the left pane that reads the library only while it shows."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QWidget

from reader_app.services.changes import ChangeSet


class LazyPane(QWidget):
    """Reads the library the first time it shows; from then on it follows each
    ChangeSet (apply_changes) without reading the library again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stale = True

    @Slot()
    def refresh(self) -> None:
        self._stale = False
        self.reload()

    def reload(self) -> None:
        """Read the library again; subclasses keep their selection."""
        raise NotImplementedError

    def is_loaded(self) -> bool:
        return not self._stale

    @Slot(ChangeSet)
    def _on_controller_changed(self, changes: ChangeSet) -> None:
        if not self._stale:  # not loaded yet: it reads everything when first shown
            self.apply_changes(changes)

    def apply_changes(self, changes: ChangeSet) -> None:
        raise NotImplementedError

    def showEvent(self, event) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)
