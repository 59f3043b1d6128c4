"""A tab of the left pane that reads the library only while it shows."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import QWidget


class LazyPane(QWidget):
    """Changes while hidden just mark the pane stale (it reloads when shown); changes
    while it shows are folded into one reload per burst of signals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stale = True
        self._refresh_timer = QTimer(self, singleShot=True, interval=0)
        self._refresh_timer.timeout.connect(self.refresh)

    @Slot()
    def refresh(self) -> None:
        self._refresh_timer.stop()
        self._stale = False
        self.reload()

    def reload(self) -> None:
        """Read the library again; subclasses keep their selection."""
        raise NotImplementedError

    @Slot()
    def _on_controller_library_changed(self, *_args) -> None:
        if self.isVisible():
            self._refresh_timer.start()
        else:
            self._stale = True

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self._stale:
            self.refresh()
        super().showEvent(event)
