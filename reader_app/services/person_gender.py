"""Relatives share a surname: "Ms Okoye" after "Her brother Daniel Okoye" is not him.
The people a new person tag may name, without those of the other gender when the text
says both genders (a title, a kinship noun, a pronoun, a Cyrillic first name)."""

from __future__ import annotations

from sqlite_utils import Database

from reader_app.domain.actor_gender import mention_gender, person_gender
from reader_app.domain.actor_variants import surname_of
from reader_app.domain.actors import name_tokens
from reader_app.domain.models import Article
from reader_app.storage.annotations import list_annotations_starting


def same_gender(db: Database, article: Article, start: int, end: int,
                persons: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """persons ((id, name), nearest last) of the new mention's gender: those the text
    gives that gender, else those it gives none; all when the mention's is unknown."""
    if len(persons) < 2:
        return persons
    want = mention_gender(article.text, start, end)
    if want is None:
        return persons
    ids = {actor_id for actor_id, _ in persons}
    mentions: dict[int, list[tuple[int, int]]] = {}
    for tag in list_annotations_starting(db, article.id, 0, start, "actor"):
        if tag.actor_id in ids:
            mentions.setdefault(tag.actor_id, []).append((tag.start, tag.end))
    genders = [person_gender(article.text, name, mentions.get(actor_id, []))
               for actor_id, name in persons]
    # among those who share the mention's surname (the relatives the gender tells apart;
    # a woman of another surname said to be one must not push out an unsaid MacNeil):
    # those said to be of that gender, else those of no gender said, else all of them
    surname = surname_of(article.text[start:end])
    kin = [surname is None or name_tokens(name)[-1:] == [surname] for _, name in persons]
    group = [(p, g) for p, g, k in zip(persons, genders, kin, strict=True) if k]
    same = [p for p, g in group if g == want]
    unknown = [p for p, g in group if g is None]
    chosen = set(same or unknown or [p for p, _ in group])
    return [p for p, k in zip(persons, kin, strict=True) if not k or p in chosen]
