"""Undo commands for tags (model: orange-canvas-core document/commands.py), each a thin
wrapper: redo and undo call one service operation and hand its ChangeSet to the host.

QUndoStack.push() runs redo(), so the controller never performs the action itself. A
command whose operation fails reports the error, leaves the library unchanged (every
operation is one transaction) and marks itself obsolete, so Qt drops it from the stack.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from reader_app.domain.codebook import is_own_kind
from reader_app.domain.models import Annotation, AnnotationId, Article, ArticleId
from reader_app.domain.quotes import quoted
from reader_app.gui.commands.host import CommandHost
from reader_app.gui.shared.own_kinds import kind_label
from reader_app.services import tagging
from reader_app.services.analysis import NewTag
from reader_app.services.changes import ChangeSet
from reader_app.storage.errors import STORAGE_ERRORS, reason_of

__all__ = ["STORAGE_ERRORS", "quoted"]  # the controller words its refusals with these too


def _named(kind: str) -> str:
    """A kind as the Edit menu names it: claim, actor, date, or the own code's name (the
    stored kind of an own code is its uuid)."""
    return kind_label(kind) if is_own_kind(kind) else kind

# One merge id per field. Typed fields merge always; fields picked in a combo box merge
# only in quick succession (arrow keys through a closed combo: one undo step).
_EDIT_IDS = {"value": 1001, "note": 1002, "kind": 1003, "claimant_id": 1004, "status": 1005,
             "reliability": 1006, "credibility": 1007}
_PICKED = {"claimant_id", "status", "reliability", "credibility"}
PICK_MERGE_SECONDS = 2.0


class ServiceCommand(QUndoCommand):
    """Subclasses implement _redo/_undo, each one service call returning its ChangeSet.
    This wrapper marks the host busy (listeners must not push commands meanwhile), hands
    the ChangeSet to the host and, for a command about one article's tags, opens that
    article on later undo/redo."""

    def __init__(self, host: CommandHost, article_id: int | None, text: str) -> None:
        super().__init__(text)
        self.host = host
        self.article_id = ArticleId(article_id) if article_id is not None else None
        self._ran = False

    def redo(self) -> None:
        self._perform(self._redo)

    def undo(self) -> None:
        self._perform(self._undo, undoing=True)

    def _redo(self) -> ChangeSet:
        raise NotImplementedError

    def _undo(self) -> ChangeSet:
        raise NotImplementedError

    def _perform(self, step: Callable[[], ChangeSet], undoing: bool = False) -> None:
        # The first run acts on what the analyst is looking at; later undo/redo
        # first open the command's article so the analyst sees what changed.
        host = self.host
        was_running, host.running_command = host.running_command, True
        try:
            if self._ran and self.article_id is not None:
                host.show_article(self.article_id)
            changes = step()
        except STORAGE_ERRORS as e:
            # each operation is one transaction, so the library is unchanged
            self.setObsolete(True)
            what = f"Undo {self.text()}" if undoing else self.text()
            host.error_occurred.emit(f"{what} failed: {reason_of(e)}")
        else:
            self._ran = True
            host.apply_changes(changes)  # after the write, once
        finally:
            host.running_command = was_running


class AddAnnotationCommand(ServiceCommand):
    """Tag a span (tagging.tag). Undo removes the tag and an actor created only for it;
    redo brings both back with the same ids and uuids."""

    def __init__(self, host: CommandHost, article: Article, kind: str,
                 start: int, end: int, quote: str) -> None:
        super().__init__(host, article.id, f"Tag {_named(kind)} {quoted(quote)}")
        self.article = article
        self.kind, self.start, self.end, self.quote = kind, start, end, quote
        self.tag: NewTag | None = None

    @property
    def annotation(self) -> Annotation | None:
        return self.tag.annotation if self.tag else None

    def _make(self) -> tuple[NewTag, ChangeSet]:
        """The first do: the tag (the invariant text[start:end] == quote is checked there)."""
        return tagging.tag(self.host.db, self.article, self.kind, self.start, self.end,
                           analyst=self.host.analyst, expected_quote=self.quote)

    def _redo(self) -> ChangeSet:
        if self.tag is None:
            self.tag, changes = self._make()
        else:
            self.tag, changes = tagging.retag(self.host.db, self.tag)  # same ids and uuids
        return changes

    def _undo(self) -> ChangeSet:
        assert self.tag is not None
        self.tag, changes = tagging.untag(self.host.db, self.tag)
        return changes


class DeleteAnnotationCommand(ServiceCommand):
    """Delete a tag; undo puts it back with the same id, uuid, timestamps and links."""

    def __init__(self, host: CommandHost, annotation: Annotation) -> None:
        text = f"Delete {_named(annotation.kind)} {quoted(annotation.quote)}"
        super().__init__(host, annotation.article_id, text)
        self.annotation = annotation

    def _redo(self) -> ChangeSet:
        # keep the state just before deletion, later edits included
        self.annotation, changes = tagging.delete_tag(self.host.db, self.annotation.id)
        return changes

    def _undo(self) -> ChangeSet:
        self.annotation, changes = tagging.restore_tag(self.host.db, self.annotation)
        return changes


class EditAnnotationCommand(ServiceCommand):
    """Change some fields of one tag (tagging.edit_tag; its old values undo it).
    Consecutive edits of the same single field of the same tag merge: value, note and
    kind always (typing), picked fields only in quick succession."""

    def __init__(
        self,
        host: CommandHost,
        annotation: Annotation,
        old: dict[str, Any],
        new: dict[str, Any],
        text: str | None = None,
    ) -> None:
        super().__init__(host, annotation.article_id, text or _edit_text(annotation, new))
        self.annotation_id: AnnotationId = annotation.id
        self.old = dict(old)
        self.new = dict(new)
        self.made_at = time.monotonic()

    def id(self) -> int:
        return _EDIT_IDS.get(next(iter(self.new)), -1) if len(self.new) == 1 else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        # Qt asks only when id() matches (the same single field); the tag must match too
        if (
            not isinstance(other, EditAnnotationCommand)
            or other.isObsolete()  # a failed edit must not be folded in
            or other.annotation_id != self.annotation_id
            or other.new.keys() != self.new.keys()
        ):
            return False
        if self.new.keys() & _PICKED:
            if other.made_at - self.made_at > PICK_MERGE_SECONDS:
                return False
            self.made_at = other.made_at
            self.setText(other.text())
        self.new = dict(other.new)
        self.setObsolete(self.new == self.old)  # typed back to where it was: drop the step
        return True

    def _redo(self) -> ChangeSet:
        _, changes = tagging.edit_tag(self.host.db, self.annotation_id, self.new)
        return changes

    def _undo(self) -> ChangeSet:
        _, changes = tagging.edit_tag(self.host.db, self.annotation_id, self.old)
        return changes


def _edit_text(annotation: Annotation, new: dict[str, Any]) -> str:
    if len(new) > 1:
        return f"Edit {_named(annotation.kind)} {quoted(annotation.quote)}"
    field = next(iter(new))
    if field == "kind":
        return f"Change {_named(annotation.kind)} {quoted(annotation.quote)} to {_named(new['kind'])}"
    return f"Edit {field.replace('_', ' ')}"
