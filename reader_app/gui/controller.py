"""The reader window's controller: owns the library, the repository calls and the undo stack.

Widgets never touch the database; they call these methods and listen to the
past-tense signals, which are always emitted after the database write.
"""

from __future__ import annotations

import getpass
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from sqlite_utils import Database

from reader_app.domain.models import KINDS, Annotation, Article, ArticleSummary
from reader_app.gui.commands import (
    AddAnnotationCommand,
    DeleteAnnotationCommand,
    EditAnnotationCommand,
    short_quote,
)
from reader_app.storage.annotations import find_annotation, get_annotation, list_annotations
from reader_app.storage.articles import NotFound, get_article, list_articles, tag_counts
from reader_app.storage.database import open_library

EDITABLE_FIELDS = ("kind", "value", "note")


def default_analyst() -> str:
    try:
        return getpass.getuser() or "analyst"
    except Exception:  # no USER/LOGNAME and no passwd entry (containers)
        return "analyst"


class LibraryController(QObject):
    article_opened = Signal(object)  # Article now current, None when closed
    annotation_added = Signal(object)  # Annotation
    annotation_removed = Signal(object)  # Annotation as it was before removal
    annotation_changed = Signal(object)  # Annotation, new state
    article_counts_changed = Signal(int)  # article id whose tag counts changed
    articles_imported = Signal(list)  # ids of newly stored articles
    error_occurred = Signal(str)  # one line for the status bar / a message box

    def __init__(self, db_path: str | Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self._db: Database | None = open_library(self.db_path)  # may raise LibraryError
        self.undo_stack = QUndoStack(self)
        self.current_article: Article | None = None
        self.analyst = default_analyst()
        # True while an undo command runs: listeners must not push commands then
        self.running_command = False

    @property
    def db(self) -> Database:
        """For the undo commands only; widgets go through the methods below."""
        if self._db is None:
            raise RuntimeError("the library is closed")
        return self._db

    # -- articles -------------------------------------------------------------

    def open_article(self, article_id: int) -> Article:
        """Make an article current (raises NotFound). Re-opening the current one is a no-op."""
        if self.current_article is not None and self.current_article.id == article_id:
            return self.current_article
        article = get_article(self.db, article_id)
        self.current_article = article
        self.article_opened.emit(article)
        return article

    def close_article(self) -> None:
        if self.current_article is None:
            return
        self.current_article = None
        self.article_opened.emit(None)

    def articles(self, search: str | None = None) -> list[ArticleSummary]:
        return list_articles(self.db, search=search or None)

    def summaries(self, article_ids: list[int]) -> list[ArticleSummary]:
        """Library rows of some articles, in the order given (unknown ids skipped)."""
        wanted = set(article_ids)
        by_id = {s.id: s for s in list_articles(self.db) if s.id in wanted}
        return [by_id[i] for i in article_ids if i in by_id]

    def counts(self, article_id: int) -> tuple[int, int, int]:
        """(claims, actors, dates): one indexed count, not a read of every tag."""
        return tag_counts(self.db, article_id).get(article_id, (0, 0, 0))

    def add_imported(self, article_ids: list[int]) -> None:
        """A worker stored these articles: tell the library views."""
        ids = [int(i) for i in article_ids]
        if ids:
            self.articles_imported.emit(ids)

    # -- annotations ----------------------------------------------------------

    def annotations(self) -> list[Annotation]:
        if self.current_article is None:
            return []
        return list_annotations(self.db, self.current_article.id)

    def annotation(self, annotation_id: int) -> Annotation:
        return get_annotation(self.db, annotation_id)

    def tag_span(self, kind: str, start: int, end: int) -> None:
        article = self.current_article
        if article is None:
            self.error_occurred.emit("Open an article before tagging.")
            return
        if kind not in KINDS:
            self.error_occurred.emit(f"Unknown tag kind {kind!r}.")
            return
        if not 0 <= start < end <= len(article.text):
            self.error_occurred.emit("Select some text to tag.")
            return
        quote = article.text[start:end]
        if not quote.strip():
            self.error_occurred.emit("Only white space is selected; select some words to tag.")
            return
        if find_annotation(self.db, article.id, kind, start, end) is not None:
            self.error_occurred.emit(f"Already tagged as {kind}: “{short_quote(quote)}”.")
            return
        self.undo_stack.push(AddAnnotationCommand(self, article.id, kind, start, end, quote))

    def delete_annotation(self, annotation_id: int) -> None:
        try:
            ann = get_annotation(self.db, annotation_id)
        except NotFound:
            self.error_occurred.emit("That tag no longer exists.")
            return
        self.undo_stack.push(DeleteAnnotationCommand(self, ann))

    def edit_annotation(self, annotation_id: int, **fields) -> None:
        """Change value/note/kind. Empty strings mean "no value"; unchanged fields are dropped."""
        bad = set(fields) - set(EDITABLE_FIELDS)
        if bad:
            raise ValueError(f"cannot edit {', '.join(sorted(bad))}")
        if "kind" in fields and fields["kind"] not in KINDS:
            self.error_occurred.emit(f"Unknown tag kind {fields['kind']!r}.")
            return
        try:
            ann = get_annotation(self.db, annotation_id)
        except NotFound:
            self.error_occurred.emit("That tag no longer exists.")
            return
        new = {k: v if k == "kind" else (v or None) for k, v in fields.items()}
        new = {k: v for k, v in new.items() if getattr(ann, k) != v}
        if not new:
            return
        old = {k: getattr(ann, k) for k in new}
        self.undo_stack.push(EditAnnotationCommand(self, ann, old, new))

    # -- used by the commands -------------------------------------------------

    def show_article(self, article_id: int) -> None:
        """Open the article a command touches, so the analyst sees what changed."""
        if self.current_article is None or self.current_article.id != article_id:
            self.open_article(article_id)

    def close(self) -> None:
        if self._db is None:
            return
        self.undo_stack.clear()
        self.current_article = None
        self._db.close()
        self._db = None
