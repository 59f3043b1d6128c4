"""Undo commands for articles: delete (any number, one step), retitle, source, memo, and
the published date (its relative dates resolved again). Each redo/undo is one article_ops
call; the factories check a request through article_ops.plan_* and word the undo step.

The factories raise ValueError / NotFound with a message for the analyst (the host reports
it) and return None when nothing would change.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from reader_app.gui.commands.host import CommandHost
from reader_app.gui.commands.tags import ServiceCommand, quoted
from reader_app.services import article_ops
from reader_app.services.article_ops import ArticleEdit, Redated
from reader_app.services.changes import ChangeSet
from reader_app.storage.article_rows import ArticleSnapshot

_FIELD_WORDS = {"title": "Rename", "source": "Edit source of", "memo": "Edit memo of"}


class DeleteArticlesCommand(ServiceCommand):
    """Delete articles with their tags; undo brings back the same rows, ids and uuids,
    and opens again the article that was open when they went (an analyst who deleted the
    article being read and pressed Ctrl+Z expects to be reading it again)."""

    def __init__(self, host: CommandHost, articles: Sequence[tuple[int, str]]) -> None:
        ids = [i for i, _ in articles]
        text = (f"Delete article {quoted(articles[0][1])}" if len(ids) == 1
                else f"Delete {len(ids)} articles")
        super().__init__(host, None, text)
        self.article_ids = ids
        self.snapshots: list[ArticleSnapshot] = []
        current = host.current_article
        self.was_open = current.id if current is not None and current.id in ids else None

    def undo(self) -> None:
        super().undo()
        if self.was_open is not None and not self.isObsolete():
            self.host.show_article(self.was_open)

    def _redo(self) -> ChangeSet:
        # the rows as they are just before each delete, later edits included
        self.snapshots, changes = article_ops.delete_articles(self.host.db, self.article_ids)
        return changes

    def _undo(self) -> ChangeSet:
        return article_ops.restore_articles(self.host.db, self.snapshots)


class EditArticleCommand(ServiceCommand):
    """Set an article's title, source or memo; the old value undoes it."""

    def __init__(self, host: CommandHost, edit: ArticleEdit) -> None:
        if edit.field == "title":
            text = f"Rename {quoted(edit.title)} to {quoted(edit.new or '')}"
        else:
            text = f"{_FIELD_WORDS[edit.field]} {quoted(edit.title)}"
        super().__init__(host, None, text)
        self.article_id_ = edit.article_id
        self.field, self.old, self.new = edit.field, edit.old, edit.new

    def _redo(self) -> ChangeSet:
        _, changes = article_ops.edit_article(self.host.db, self.article_id_,
                                              {self.field: self.new})
        return changes

    def _undo(self) -> ChangeSet:
        _, changes = article_ops.edit_article(self.host.db, self.article_id_,
                                              {self.field: self.old})
        return changes


class SetPublishedCommand(ServiceCommand):
    """Set or clear the published date; the article's relative dates follow, and undo puts
    the date and every re-resolved tag back exactly."""

    def __init__(self, host: CommandHost, edit: ArticleEdit) -> None:
        text = (f"Set published date of {quoted(edit.title)} to {edit.new}" if edit.new
                else f"Clear published date of {quoted(edit.title)}")
        super().__init__(host, edit.article_id, text)
        self.published = edit.new
        self.done: Redated | None = None

    def _redo(self) -> ChangeSet:
        assert self.article_id is not None
        self.done, changes = article_ops.set_published(self.host.db, self.article_id,
                                                       self.published)
        return changes

    def _undo(self) -> ChangeSet:
        assert self.done is not None
        return article_ops.undo_published(self.host.db, self.done)


# -- what the host's intents push (None: nothing to change) ------------------------------


def delete_command(host: CommandHost, article_ids: Iterable[int]) -> ServiceCommand:
    return DeleteArticlesCommand(host, article_ops.plan_delete(host.db, article_ids))


def edit_command(host: CommandHost, article_id: int, field: str,
                 value: str | None) -> ServiceCommand | None:
    edit = article_ops.plan_article_edit(host.db, article_id, field, value)
    if edit is None:
        return None
    if field == "published":
        return SetPublishedCommand(host, edit)
    return EditArticleCommand(host, edit)
