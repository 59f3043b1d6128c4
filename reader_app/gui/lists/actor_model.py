"""The Actors pane's tables: every actor with its counts, and one actor's mentions."""

from __future__ import annotations

from reader_app.domain.models import ActorSummary, Mention
from reader_app.gui.lists.annotation_model import one_line
from reader_app.gui.lists.tables import ID_ROLE as ID_ROLE  # the models' roles, imported from here
from reader_app.gui.lists.tables import ITEM_ROLE as ITEM_ROLE
from reader_app.gui.lists.tables import KeyedTableModel, RowTableModel

# SQLite's NOCASE folds ASCII letters only: the order list_actors returns
_NOCASE = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def type_label(actor_type: str) -> str:
    return actor_type.replace("_", " ")


class ActorModel(KeyedTableModel):
    """Every actor with its type, aliases and how often the library uses it."""

    COLUMNS = ("Name", "Type", "Aliases", "Mentions", "Claims")
    NAME, TYPE, ALIASES, MENTIONS, CLAIMS = range(5)
    COUNT_COLUMNS = frozenset({MENTIONS, CLAIMS})

    def item_id(self, item: ActorSummary) -> int:
        return item.id

    def natural_key(self, item: ActorSummary) -> tuple[str, int]:
        return item.name.translate(_NOCASE), item.id

    def display(self, item: ActorSummary, column: int) -> str:
        return (item.name, type_label(item.type), ", ".join(item.aliases),
                str(item.mention_count), str(item.claim_count))[column]

    def search_text(self, item: ActorSummary) -> str:
        return "\n".join((item.name, *item.aliases))  # "mosc" finds Russia by its alias Moscow

    def tooltip(self, item: ActorSummary, column: int) -> str | None:
        if column == self.NAME and item.note:
            return f"{item.name}\n\n{item.note}"
        if column == self.MENTIONS:
            return f"{item.mention_count} actor tag(s) linked to {item.name}"
        if column == self.CLAIMS:
            return f"{item.claim_count} claim(s) made by {item.name}"
        return super().tooltip(item, column)


class MentionModel(RowTableModel):
    """One actor's mentions and claims across the library, oldest article first."""

    COLUMNS = ("Article", "Published", "As", "Quote")
    ARTICLE, PUBLISHED, AS, QUOTE = range(4)

    def item_id(self, item: Mention) -> int:
        return item.annotation.id

    def display(self, item: Mention, column: int) -> str:
        if column == self.ARTICLE:
            return item.article_title
        if column == self.PUBLISHED:
            return item.article_published or ""
        if column == self.AS:
            return "claimant" if item.annotation.kind == "claim" else "mention"
        return one_line(item.annotation.quote)

    def tooltip(self, item: Mention, column: int) -> str | None:
        if column == self.QUOTE:
            return item.annotation.quote
        return super().tooltip(item, column)
