"""What an undo command needs from the one who pushes it (the controller), as a Protocol,
so commands never import the controller: the controller depends on commands, not back."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import SignalInstance

from reader_app.domain.models import Article, ArticleId
from reader_app.services.changes import ChangeSet
from reader_app.services.library import Library


class CommandHost(Protocol):
    running_command: bool  # True while a command runs: listeners must not push then
    current_article: Article | None
    analyst: str
    error_occurred: SignalInstance  # one line for the analyst

    @property
    def db(self) -> Library: ...

    def show_article(self, article_id: ArticleId) -> None:
        """Open the article a command touches, so the analyst sees what changed."""

    def apply_changes(self, changes: ChangeSet) -> None:
        """Tell the window what one service operation changed."""
