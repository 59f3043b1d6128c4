"""Undo commands for annotations (model: orange-canvas-core document/commands.py).

QUndoStack.push() runs redo(), so the controller never performs the action
itself. A command whose storage call fails reports the error, leaves the
database unchanged (every repository write is one atomic transaction) and
marks itself obsolete, so Qt drops it from the stack.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtGui import QUndoCommand

from reader_app.services.analysis import NewTag, add_tag, remove_new_tag, restore_new_tag
from reader_app.domain.models import Annotation, Article, ArticleId
from reader_app.domain.quotes import quoted, short_quote  # noqa: F401 - re-used by messages
from reader_app.storage.annotations import (
    delete_annotation,
    get_annotation,
    restore_annotation,
    update_annotation,
)
from reader_app.storage.errors import STORAGE_ERRORS, reason_of

if TYPE_CHECKING:
    from reader_app.gui.controller import LibraryController


# One merge id per field. Typed fields merge always; fields picked in a combo box merge
# only in quick succession (arrow keys through a closed combo: one undo step).
_EDIT_IDS = {"value": 1001, "note": 1002, "kind": 1003, "claimant_id": 1004, "status": 1005,
             "reliability": 1006, "credibility": 1007}
_PICKED = {"claimant_id", "status", "reliability", "credibility"}
PICK_MERGE_SECONDS = 2.0


def tag_of_kind(controller: LibraryController, annotation_id: int, kind: str) -> Annotation:
    """A tag an intent is about, refused (ValueError) when it is of another kind."""
    ann = get_annotation(controller.db, annotation_id)
    if ann.kind != kind:
        raise ValueError(f"{quoted(ann.quote)} is tagged {ann.kind}, not {kind}.")
    return ann


class ControllerCommand(QUndoCommand):
    """Subclasses implement _redo/_undo; this wrapper marks the controller busy
    (listeners must not push commands meanwhile) and, for a command about one
    article's tags, opens that article on later undo/redo."""

    def __init__(self, controller: LibraryController, article_id: int | None, text: str) -> None:
        super().__init__(text)
        self.controller = controller
        self.article_id = ArticleId(article_id) if article_id is not None else None
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
            if self._ran and self.article_id is not None:
                controller.show_article(self.article_id)
            step()
            self._ran = True
        except STORAGE_ERRORS as e:
            # each repository write is atomic, so the database is unchanged
            self.setObsolete(True)
            what = f"Undo {self.text()}" if undoing else self.text()
            reason = reason_of(e)
            controller.error_occurred.emit(f"{what} failed: {reason}")
        finally:
            controller.running_command = was_running

    # -- one ChangeSet per step, always after the write ---------------------------

    def _emit_added(self, ann: Annotation, explanation: str = "") -> None:
        c = self.controller
        c.apply_changes(c.tag_changes(added=[ann], explanation=explanation))

    def _emit_removed(self, ann: Annotation) -> None:
        self.controller.apply_changes(self.controller.tag_changes(removed=[ann]))

    def _emit_changed(self, ann: Annotation, fields: set[str],
                      actor_ids: tuple[int | None, ...] = ()) -> None:
        c = self.controller
        c.apply_changes(c.tag_changes(changed=[ann], fields=fields, actor_ids=actor_ids))


class AddAnnotationCommand(ControllerCommand):
    """Tag a span with what it means (analysis.add_tag: its actor, date value or
    claimant). Undo removes the tag and an actor created only for it; redo brings
    both back with the same ids and uuids."""

    def __init__(self, controller: LibraryController, article: Article, kind: str,
                 start: int, end: int, quote: str) -> None:
        super().__init__(controller, article.id, f"Tag {kind} {quoted(quote)}")
        self.article = article
        self.kind, self.start, self.end, self.quote = kind, start, end, quote
        self.tag: NewTag | None = None

    @property
    def annotation(self) -> Annotation | None:
        return self.tag.annotation if self.tag else None

    def _redo(self) -> None:
        db = self.controller.db
        first = self.tag is None
        if self.tag is None:
            self.tag = add_tag(db, self.article, self.kind, self.start, self.end,
                               analyst=self.controller.analyst,
                               expected_quote=self.quote)  # the invariant text[start:end] == quote
        else:
            self.tag = restore_new_tag(db, self.tag)  # same ids and uuids
        self._emit_added(self.tag.annotation, self.tag.explanation if first else "")

    def _undo(self) -> None:
        assert self.tag is not None
        self.tag = remove_new_tag(self.controller.db, self.tag)
        self._emit_removed(self.tag.annotation)


class DeleteAnnotationCommand(ControllerCommand):
    """Delete a tag; undo puts it back with the same id, uuid, timestamps and links."""

    def __init__(self, controller: LibraryController, annotation: Annotation) -> None:
        text = f"Delete {annotation.kind} {quoted(annotation.quote)}"
        super().__init__(controller, annotation.article_id, text)
        self.annotation = annotation

    def _redo(self) -> None:
        # keep the state just before deletion, later edits included
        self.annotation = delete_annotation(self.controller.db, self.annotation.id)
        self._emit_removed(self.annotation)

    def _undo(self) -> None:
        self.annotation = restore_annotation(self.controller.db, self.annotation)
        self._emit_added(self.annotation)


class EditAnnotationCommand(ControllerCommand):
    """Change any editable fields of a tag. Consecutive edits of value, note or
    kind of one tag merge (typing); other fields are one step each."""

    def __init__(
        self,
        controller: LibraryController,
        annotation: Annotation,
        old: dict[str, Any],
        new: dict[str, Any],
        text: str | None = None,
    ) -> None:
        super().__init__(controller, annotation.article_id, text or _edit_text(annotation, new))
        self.annotation_id = annotation.id
        self.old = dict(old)
        self.new = dict(new)
        self.made_at = time.monotonic()

    def id(self) -> int:
        return _EDIT_IDS.get(next(iter(self.new)), -1) if len(self.new) == 1 else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt override
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

    def _redo(self) -> None:
        self._apply(self.new)

    def _undo(self) -> None:
        self._apply(self.old)

    def _apply(self, fields: dict[str, Any]) -> None:
        ann = update_annotation(self.controller.db, self.annotation_id, **fields)
        self._emit_changed(ann, set(fields), tuple(  # a claimant or actor before and after
            d.get(k) for d in (self.old, self.new) for k in ("actor_id", "claimant_id")))


def _edit_text(annotation: Annotation, new: dict[str, Any]) -> str:
    if len(new) > 1:
        return f"Edit {annotation.kind} {quoted(annotation.quote)}"
    field = next(iter(new))
    if field == "kind":
        return f"Change {annotation.kind} {quoted(annotation.quote)} to {new['kind']}"
    return f"Edit {field.replace('_', ' ')}"
