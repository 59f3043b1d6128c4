"""A full name tagged after its surname alone: "Wilk said ..." tagged first made a
one-word actor "Wilk"; "Marta Wilk, the harbour master" later is that actor, not a
second one. The one-word actor then takes the fuller name (the surname kept as an
alias), when nothing outside this article uses it: elsewhere "Wilk" may be someone else.
"""

from __future__ import annotations

from typing import NamedTuple

from sqlite_utils import Database

from reader_app.domain.actors import TITLE_WORDS, guess_actor_type, name_from_quote, name_tokens
from reader_app.domain.models import Actor, ActorId, Article
from reader_app.storage.actors import (
    actor_names,
    actor_tag_positions,
    actor_types,
    claims_by,
    get_actor,
    mentions_of,
)
from reader_app.storage.annotations import list_annotations_starting


class SurnameLink(NamedTuple):
    actor_id: int
    reason: str
    full_name: str | None  # the name to rename the actor to, None: link only


def _full_name(quote: str) -> tuple[str, list[str]] | None:
    """A person's name of two to four words from the tag, without leading titles
    ("Dr Marta Wilk" -> "Marta Wilk"), and its match tokens; None if it is not one."""
    name = name_from_quote(quote)
    words = name.split()
    while len(words) > 1 and name_tokens(words[0])[:1] and name_tokens(words[0])[0] in TITLE_WORDS:
        words = words[1:]
    name = " ".join(words)
    tokens = name_tokens(name)
    if not 2 <= len(tokens) <= 4 or len(tokens[-1]) < 3 or guess_actor_type(name) != "person":
        return None
    return name, tokens


def surname_tagged_before(db: Database, article: Article, start: int,
                          end: int) -> SurnameLink | None:
    """The one-word actor tagged before in this article whose name is the new tag's
    surname, when no other name in the article says that surname is someone else's."""
    found = _full_name(article.text[start:end])
    if found is None:
        return None
    name, tokens = found
    surname = tokens[-1]
    ids = list(dict.fromkeys(a for a, _ in actor_tag_positions(db, article.id)))
    names = actor_names(db, ids)
    types = actor_types(db, ids)
    before = {a for a, _ in actor_tag_positions(db, article.id, hi=start)}
    alone = [a for a in ids if a in before and name_tokens(names[ActorId(a)]) == [surname]
             and types[a] in ("person", "other")]
    if len(alone) != 1:
        return None
    actor_id = alone[0]
    # another person of that surname in the article ("Jan Wilk"): "Wilk" may be either
    if any(a != actor_id and types[a] == "person" and name_tokens(n)[-1:] == [surname]
           and name_tokens(n) != tokens for a, n in ((a, names[ActorId(a)]) for a in ids)):
        return None
    # the one-word actor already linked to another full name (its aliases, its tags' text)
    actor = get_actor(db, actor_id)
    spoken = [name_tokens(name_from_quote(t.quote)) for t in
              list_annotations_starting(db, article.id, 0, len(article.text), "actor")
              if t.actor_id == actor_id]
    for words in [*(name_tokens(a) for a in actor.aliases), *spoken]:
        if len(words) > 1 and words[-1:] == [surname] and words != tokens \
                and words[0] not in TITLE_WORDS:
            return None
    reason = f"the surname {actor.name} tagged before in this article"
    uses = [m.annotation.article_id for m in (*mentions_of(db, actor_id), *claims_by(db, actor_id))]
    if any(a != article.id for a in uses):
        return SurnameLink(actor_id, reason + f"; not renamed: {actor.name} is tagged in other"
                           " articles too", None)
    return SurnameLink(actor_id, reason, name)


def rename_to_full(actor: Actor, full_name: str) -> tuple[str, str, tuple[str, ...]]:
    """The name, type and aliases a one-word actor takes with its full name: the old name
    kept as an alias, "other" (a guess) made "person"."""
    kind = "person" if actor.type == "other" else actor.type
    return full_name, kind, (*actor.aliases, actor.name)
