"""Undo commands for annotations (model: orange-canvas-core document/commands.py).

QUndoStack.push() runs redo(), so the controller never performs the action
itself. A command whose storage call fails reports the error, leaves the
database unchanged (every repository write is one atomic transaction) and
marks itself obsolete, so Qt drops it from the stack.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtGui import QUndoCommand

from reader_app.domain.models import Annotation, ArticleId
from reader_app.storage.annotations import (
    add_annotation,
    delete_annotation,
    restore_annotation,
    update_annotation,
)

if TYPE_CHECKING:
    from reader_app.gui.controller import LibraryController

# What a repository call may raise (AnchorError is a ValueError, NotFound a LookupError).
STORAGE_ERRORS = (sqlite3.Error, ValueError, LookupError, RuntimeError)

_EDIT_IDS = {"value": 1001, "note": 1002, "kind": 1003}  # one merge id per field


def short_quote(quote: str, limit: int = 40) -> str:
    """A quote fit for a menu item: one line, at most limit characters."""
    one_line = " ".join(quote.split())
    return one_line if len(one_line) <= limit else one_line[: limit - 1].rstrip() + "…"


class _AnnotationCommand(QUndoCommand):
    """Subclasses implement _redo/_undo; this wrapper marks the controller busy
    (listeners must not push commands meanwhile) and opens the right article."""

    def __init__(self, controller: LibraryController, article_id: int, text: str) -> None:
        super().__init__(text)
        self.controller = controller
        self.article_id = ArticleId(article_id)
        self._ran = False

    def redo(self) -> None:
        self._perform(self._redo)

    def undo(self) -> None:
        self._perform(self._undo, undoing=True)

    def _redo(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError

    def _perform(self, step: Callable[[], None], undoing: bool = False) -> None:
        # The first run acts on what the analyst is looking at; later undo/redo
        # first open the command's article so the analyst sees what changed.
        controller = self.controller
        was_running, controller.running_command = controller.running_command, True
        try:
            if self._ran:
                controller.show_article(self.article_id)
            step()
            self._ran = True
        except STORAGE_ERRORS as e:
            # each repository write is atomic, so the database is unchanged
            self.setObsolete(True)
            what = f"Undo {self.text()}" if undoing else self.text()
            controller.error_occurred.emit(f"{what} failed: {e}")
        finally:
            controller.running_command = was_running

    def _emit_added(self, ann: Annotation) -> None:
        self.controller.annotation_added.emit(ann)
        self.controller.article_counts_changed.emit(ann.article_id)

    def _emit_removed(self, ann: Annotation) -> None:
        self.controller.annotation_removed.emit(ann)
        self.controller.article_counts_changed.emit(ann.article_id)


class AddAnnotationCommand(_AnnotationCommand):
    """Tag a span. Redo after undo restores the same id and uuid."""

    def __init__(
        self,
        controller: LibraryController,
        article_id: int,
        kind: str,
        start: int,
        end: int,
        quote: str,
    ) -> None:
        super().__init__(controller, article_id, f"Tag {kind} “{short_quote(quote)}”")
        self.kind, self.start, self.end, self.quote = kind, start, end, quote
        self.annotation: Annotation | None = None

    def _redo(self) -> None:
        db = self.controller.db
        if self.annotation is None:
            self.annotation = add_annotation(
                db,
                self.article_id,
                self.kind,
                self.start,
                self.end,
                analyst=self.controller.analyst,
                expected_quote=self.quote,  # the invariant text[start:end] == quote
            )
        else:
            self.annotation = restore_annotation(db, self.annotation)  # same id and uuid
        self._emit_added(self.annotation)

    def _undo(self) -> None:
        assert self.annotation is not None
        self.annotation = delete_annotation(self.controller.db, self.annotation.id)
        self._emit_removed(self.annotation)


class DeleteAnnotationCommand(_AnnotationCommand):
    """Delete a tag; undo puts it back with the same id, uuid and timestamps."""

    def __init__(self, controller: LibraryController, annotation: Annotation) -> None:
        text = f"Delete {annotation.kind} “{short_quote(annotation.quote)}”"
        super().__init__(controller, annotation.article_id, text)
        self.annotation = annotation

    def _redo(self) -> None:
        # keep the state just before deletion, later edits included
        self.annotation = delete_annotation(self.controller.db, self.annotation.id)
        self._emit_removed(self.annotation)

    def _undo(self) -> None:
        self.annotation = restore_annotation(self.controller.db, self.annotation)
        self._emit_added(self.annotation)


class EditAnnotationCommand(_AnnotationCommand):
    """Change value/note/kind. Consecutive edits of one field of one tag merge."""

    def __init__(
        self,
        controller: LibraryController,
        annotation: Annotation,
        old: dict[str, Any],
        new: dict[str, Any],
    ) -> None:
        super().__init__(controller, annotation.article_id, _edit_text(annotation, new))
        self.annotation_id = annotation.id
        self.old = dict(old)
        self.new = dict(new)

    def id(self) -> int:
        return _EDIT_IDS[next(iter(self.new))] if len(self.new) == 1 else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (
            not isinstance(other, EditAnnotationCommand)
            or other.isObsolete()  # a failed edit must not be folded in
            or other.annotation_id != self.annotation_id
            or other.new.keys() != self.new.keys()
        ):
            return False
        self.new = dict(other.new)
        self.setObsolete(self.new == self.old)  # typed back to where it was: drop the step
        return True

    def _redo(self) -> None:
        self._apply(self.new)

    def _undo(self) -> None:
        self._apply(self.old)

    def _apply(self, fields: dict[str, Any]) -> None:
        ann = update_annotation(self.controller.db, self.annotation_id, **fields)
        self.controller.annotation_changed.emit(ann)
        if "kind" in fields:
            self.controller.article_counts_changed.emit(ann.article_id)


def _edit_text(annotation: Annotation, new: dict[str, Any]) -> str:
    if len(new) > 1:
        return f"Edit {annotation.kind} “{short_quote(annotation.quote)}”"
    field = next(iter(new))
    if field == "kind":
        return f"Change {annotation.kind} “{short_quote(annotation.quote)}” to {new['kind']}"
    return f"Edit {field}"
