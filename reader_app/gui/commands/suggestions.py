"""Undo commands for suggestions: accept one, accept many (one step), reject one.

Accepting makes an ordinary tag (services.suggesting.accept); its undo is the tag's
(tagging.untag, redo tagging.retag: the same ids). Rejecting remembers the span in the
library; undo forgets it again, so the suggestion is shown again.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader_app.domain.models import Article
from reader_app.domain.quotes import quoted
from reader_app.domain.suggestions import Suggestion
from reader_app.gui.commands.host import CommandHost
from reader_app.gui.commands.tags import AddAnnotationCommand, ServiceCommand
from reader_app.services import suggesting
from reader_app.services.analysis import NewTag
from reader_app.services.changes import ChangeSet
from reader_app.storage.rejections import Rejection


def plural(kind: str, n: int) -> str:
    return f"{n} suggested {kind}{'' if n == 1 else 's'}"


class AcceptSuggestionCommand(AddAnnotationCommand):
    """An ordinary tag command whose first do stores what the suggestion said."""

    def __init__(self, host: CommandHost, article: Article, suggestion: Suggestion) -> None:
        super().__init__(host, article, suggestion.kind, suggestion.start, suggestion.end,
                         suggestion.quote)
        self.setText(f"Accept {suggestion.kind} {quoted(suggestion.quote)}")
        self.suggestion = suggestion

    def _make(self) -> tuple[NewTag, ChangeSet]:
        return suggesting.accept(self.host.db, self.article, self.suggestion,
                                 analyst=self.host.analyst)


class AcceptAllCommand(ServiceCommand):
    """Accept many suggestions (all actors, say) in one transaction and one undo step."""

    def __init__(self, host: CommandHost, article: Article,
                 suggestions: Sequence[Suggestion]) -> None:
        kinds = sorted({s.kind for s in suggestions})
        kind = kinds[0] if len(kinds) == 1 else "suggestion"
        super().__init__(host, article.id, f"Accept {plural(kind, len(suggestions))}")
        self.article = article
        self.suggestions = list(suggestions)
        self.tags: list[NewTag] | None = None

    def _redo(self) -> ChangeSet:
        db = self.host.db
        if self.tags is None:
            self.tags, changes = suggesting.accept_all(db, self.article, self.suggestions,
                                                       analyst=self.host.analyst)
        else:
            self.tags, changes = suggesting.retag_all(db, self.tags)
        return changes

    def _undo(self) -> ChangeSet:
        assert self.tags is not None
        self.tags, changes = suggesting.untag_all(self.host.db, self.tags)
        return changes


class RejectSuggestionCommand(ServiceCommand):
    def __init__(self, host: CommandHost, article: Article, suggestion: Suggestion) -> None:
        super().__init__(host, article.id, f"Reject {suggestion.kind} {quoted(suggestion.quote)}")
        self.article = article
        self.suggestion = suggestion
        self.rejection: Rejection | None = None

    def _redo(self) -> ChangeSet:
        db = self.host.db
        if self.rejection is None:
            self.rejection, changes = suggesting.reject(db, self.article, self.suggestion)
        else:
            self.rejection, changes = suggesting.rereject(db, self.rejection)
        return changes

    def _undo(self) -> ChangeSet:
        assert self.rejection is not None
        self.rejection, changes = suggesting.unreject(self.host.db, self.rejection)
        return changes
