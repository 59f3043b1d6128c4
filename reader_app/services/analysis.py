"""What a new tag means, decided when it is made: its actor, its date value, its claimant.

Tagging an actor links the tag to a canonical actor: a known one whose name or alias the
text matches (or a person's surname tagged earlier in the article), else a NEW actor named
by the text. Creating that actor is part of tagging: remove_new_tag deletes it again when
nothing else uses it, and restore_new_tag brings both back with the same ids (undo/redo).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, replace
from typing import Any, NamedTuple

from sqlite_utils import Database

from reader_app.domain.actors import (
    candidate_keys,
    guess_actor_type,
    name_from_quote,
    name_tokens,
    propose_actor,
)
from reader_app.domain.claims import propose_claimant, sentence_span
from reader_app.domain.dates import resolve_date, resolve_in_text
from reader_app.domain.iso_values import iso_granularity, looks_like_iso, not_a_date
from reader_app.domain.models import Actor, ActorId, Annotation, Article
from reader_app.services.actor_linking import link_unknown_name, relative_by_age
from reader_app.services.person_gender import same_gender
from reader_app.services.surname_first import SurnameLink, rename_to_full, surname_tagged_before
from reader_app.storage.actors import (
    actor_in_use,
    actor_names,
    actor_tag_positions,
    actor_types,
    actors_by_last_place,
    create_actor,
    delete_actor,
    get_actor,
    known_actor_keys,
    put_back_actor,
    restore_actor,
    set_aliases,
    update_actor,
)
from reader_app.storage.annotations import (
    NEAR,
    add_annotation,
    delete_annotation,
    list_annotations_near,
    list_annotations_starting,
    restore_annotation,
)
from reader_app.storage.articles import NotFound
from reader_app.storage.transaction import write

ANALYST_METHOD = "analyst"  # date_method of a date value the analyst typed
DEFAULT_CLAIM_STATUS = "unverified"


class TagFields(NamedTuple):
    fields: dict[str, Any]  # keyword arguments for add_annotation
    explanation: str  # one or two sentences for the analyst
    created_actor: Actor | None  # an actor created for this tag, else None
    renamed: tuple[Actor, Actor] | None = None  # an actor renamed for it: (before, after)


@dataclass(frozen=True)
class NewTag:
    """A tag made by add_tag, with what undo needs."""

    annotation: Annotation
    explanation: str
    created_actor: Actor | None
    dated_claims: tuple[int, ...] = ()  # claims this date tag gave their date (claim_dating)
    credited_claims: tuple[int, ...] = ()  # claims this actor tag gave their claimant
    renamed: tuple[Actor, Actor] | None = None  # a one-word actor given its full name


def fields_for_new_tag(db: Database, article: Article, kind: str, start: int,
                       end: int) -> TagFields:
    """The semantic fields of a new tag over article.text[start:end].

    actor -> actor_id (a matching actor, or one created now, named by the text);
    date -> value, granularity, date_method (resolved against the article's dateline);
    claim -> claimant_id, claim_date, claim_date_annotation_id, status "unverified".
    Call inside the transaction that adds the annotation (add_tag does).
    """
    if kind == "actor":
        return _actor_fields(db, article, start, end)
    if kind == "date":
        # read with the words around it: tense, a coordinated year, "ago" (dates.resolve_in_text)
        resolved = resolve_in_text(article.text, start, end, article.published, article.language)
        return TagFields({"value": resolved.value, "granularity": resolved.granularity,
                          "date_method": resolved.method}, resolved.explanation, None)
    if kind == "claim":
        return _claim_fields(db, article, start, end)
    return TagFields({}, "", None)


def _actor_fields(db: Database, article: Article, start: int, end: int) -> TagFields:
    quote = article.text[start:end]
    recent = actors_by_last_place(db, article.id, start)  # the nearest before comes last
    known = known_actor_keys(db, candidate_keys(quote))  # by index, not every actor
    # "Marta Wilk" after a one-word "Wilk": before the surname match, which would link
    # without giving that actor the full name
    surname = None if known else surname_tagged_before(db, article, start, end)
    if surname is not None:
        return _surname_fields(db, surname)
    # "the elder Hollis": not the Hollis named last, the one the text makes the elder
    relative = None if known else relative_by_age(db, article, start, end)
    if relative is not None and relative.actor_id is not None:
        name = actor_names(db, [relative.actor_id])[ActorId(relative.actor_id)]
        return TagFields({"actor_id": relative.actor_id}, f"Actor: {name} ({relative.reason}).",
                         None)
    wanted = [*recent, *(i for ids in known.values() for i in ids)]
    names: dict[int, str] = {int(i): name for i, name in actor_names(db, wanted).items()}
    types = actor_types(db, recent)
    persons = [(actor, names[actor]) for actor in recent if types[actor] == "person"]
    persons = same_gender(db, article, start, end, persons)
    actor_id, reason = propose_actor(quote, known, persons, names=names, recent=recent)
    if actor_id is not None:
        return TagFields({"actor_id": actor_id}, f"Actor: {names[actor_id]} ({reason}).", None)
    link = link_unknown_name(db, article, start, end)
    if link is not None and link.actor_id is not None:
        name = actor_names(db, [link.actor_id])[ActorId(link.actor_id)]
        return TagFields({"actor_id": link.actor_id}, f"Actor: {name} ({link.reason}).", None)
    if link is not None and link.new_name is not None:
        actor = create_actor(db, link.new_name, link.new_type or "other", link.new_aliases)
        return TagFields({"actor_id": actor.id}, f"New actor: {actor.name} (type "
                         f"{actor.type.replace('_', ' ')}; {link.reason}).", actor)
    name = name_from_quote(quote)
    before = article.text[max(0, start - 30):start].split()[-1:] or [""]
    after = article.text[end:end + 30].split()[:1] or [""]
    actor = create_actor(db, name, guess_actor_type(name, before[0].strip("(“\"«,"),
                                                    after[0].strip(")”\"»,.;:")))
    return TagFields({"actor_id": actor.id},
                     f"New actor: {actor.name} (type {actor.type.replace('_', ' ')}, a guess).",
                     actor)


def _surname_fields(db: Database, link: SurnameLink) -> TagFields:
    """Link to the one-word actor; give it the full name too when link.full_name says so
    (in the tag's transaction: undoing the tag puts the old name back, put_back_actor)."""
    before = get_actor(db, link.actor_id)
    if link.full_name is None:
        return TagFields({"actor_id": before.id}, f"Actor: {before.name} ({link.reason}).", None)
    name, kind, aliases = rename_to_full(before, link.full_name)
    update_actor(db, before.id, name=name, type=kind)
    set_aliases(db, before.id, aliases)
    after = get_actor(db, before.id)
    return TagFields({"actor_id": before.id},
                     f"Actor: {after.name} ({link.reason}; renamed from {before.name}, kept as"
                     " an alias).", None, (before, after))


def claimant_for(db: Database, article: Article, start: int, end: int,
                 library_keys: dict[str, int] | None = None) -> tuple[int | None, str]:
    """The claimant a claim over article.text[start:end] gets from the actors tagged around
    it now, and why (or None and why not). library_keys: known_actor_keys' first ids, when
    the caller reads them once for several claims."""
    # proposals look no further than NEAR; each kind read on its own, by the start index
    # (a full row is dear: a dense article has hundreds of tags of other kinds around)
    actors = list_annotations_near(db, article.id, start, end, "actor")
    spans = [(a.start, a.end, a.actor_id) for a in actors if a.actor_id is not None]
    known = dict(library_keys) if library_keys is not None else \
        {key: ids[0] for key, ids in known_actor_keys(db).items()}
    # "he said" is read as the last person tagged before it
    persons = {i for i, kind in actor_types(db, (i for *_, i in spans)).items()
               if kind == "person"}
    known.update(_surnames_tagged_before(db, article.id, start, known))
    return propose_claimant(article.text, start, end, spans, known, persons)


def _claim_fields(db: Database, article: Article, start: int, end: int) -> TagFields:
    claimant, reason = claimant_for(db, article, start, end)
    fields: dict[str, Any] = {"claimant_id": claimant, "status": DEFAULT_CLAIM_STATUS}
    parts = [f"Claimant: {get_actor(db, claimant).name} ({reason})." if claimant is not None
             else f"No claimant proposed ({reason})."]
    lo, hi = sentence_span(article.text, start, end)
    dates = [a for a in _dates_within(db, article.id, start, end, lo, hi)
             if lo <= a.start and a.end <= hi]
    if dates:
        # one inside the claim first, else the nearest to it
        date = min(dates, key=lambda a: (not (start <= a.start and a.end <= end),
                                         abs(a.start - start)))
        fields.update(claim_date=date.value, claim_date_annotation_id=date.id)
        parts.append(f"Date: {date.value or 'unresolved'} from the date tag “{date.quote}”"
                     " in its sentence.")
    return TagFields(fields, " ".join(parts), None)


def _surnames_tagged_before(db: Database, article_id: int, start: int,
                            known: dict[str, int]) -> dict[str, int]:
    """Surname key -> person for people tagged in the article before a claim, so that
    "…,” Lavrov said" after a tagged "Sergei Lavrov" is his claim (a surname two of them
    share, or that names another actor, is left out)."""
    before = {actor for actor, _ in actor_tag_positions(db, article_id, hi=start)}
    people = [i for i, kind in actor_types(db, before).items() if kind == "person"] \
        if before else []
    if not people:
        return {}
    by_surname: dict[str, set[int]] = {}
    for actor_id, name in actor_names(db, people).items():
        words = name_tokens(name)
        if len(words) > 1:
            by_surname.setdefault(words[-1], set()).add(int(actor_id))
    return {key: next(iter(ids)) for key, ids in by_surname.items()
            if len(ids) == 1 and key not in known}


def _dates_within(db: Database, article_id: int, start: int, end: int, lo: int,
                  hi: int) -> list[Annotation]:
    """Date tags starting in the claim's sentences [lo, hi] and within NEAR of it."""
    return list_annotations_starting(db, article_id, max(lo, start - NEAR, 0),
                                     min(hi, end + NEAR), "date")


def add_tag(db: Database, article: Article, kind: str, start: int, end: int, *,
            analyst: str | None = None, expected_quote: str | None = None) -> NewTag:
    """Tag a span with its semantic fields, in one transaction (an actor created for it
    is rolled back with it if the tag fails)."""
    with write(db):
        proposal = fields_for_new_tag(db, article, kind, start, end)
        annotation = add_annotation(db, article.id, kind, start, end, analyst=analyst,
                                    expected_quote=expected_quote, **proposal.fields)
        return NewTag(annotation, proposal.explanation, proposal.created_actor,
                      renamed=proposal.renamed)


def remove_new_tag(db: Database, tag: NewTag) -> NewTag:
    """Undo add_tag: delete the tag, and its created actor if nothing else uses it now.
    Returns the tag and actor as they were, for restore_new_tag."""
    with write(db):
        annotation = delete_annotation(db, tag.annotation.id)
        actor = tag.created_actor
        if actor is not None and not actor_in_use(db, actor.id):
            with contextlib.suppress(NotFound):  # already gone (the analyst deleted it)
                actor = delete_actor(db, actor.id)
        if tag.renamed is not None:
            put_back_actor(db, tag.renamed[0])
        return replace(tag, annotation=annotation, created_actor=actor)


def restore_new_tag(db: Database, tag: NewTag) -> NewTag:
    """Redo add_tag after remove_new_tag: same annotation id and uuid, same actor id."""
    with write(db):
        actor = tag.created_actor
        if actor is not None:
            try:
                get_actor(db, actor.id)
            except NotFound:
                actor = restore_actor(db, actor)
        if tag.renamed is not None:
            put_back_actor(db, tag.renamed[1])
        return replace(tag, annotation=restore_annotation(db, tag.annotation),
                       created_actor=actor)


def granularity_of(value: str) -> str | None:
    """day / week / month / year / interval of a real ISO 8601 value, None if it is not one."""
    return iso_granularity(value)


def fields_for_date_correction(article: Article, typed: str | None) -> dict[str, Any]:
    """update_annotation fields for a date value the analyst typed: an ISO value is kept
    as typed (method "analyst"); anything else is resolved like a new date tag, and
    ValueError (with the reason) when it cannot be read as a date."""
    typed = (typed or "").strip()
    if not typed:
        return {"value": None, "granularity": None, "date_method": ANALYST_METHOD}
    granularity = granularity_of(typed)
    if granularity is not None:
        return {"value": typed, "granularity": granularity, "date_method": ANALYST_METHOD}
    if looks_like_iso(typed):  # 2022-02-30, 2022-W54: typed as ISO, but no such date
        raise ValueError(not_a_date(typed))
    resolved = resolve_date(typed, article.published, article.language)
    if resolved.value is None:
        raise ValueError(resolved.explanation)
    return {"value": resolved.value, "granularity": resolved.granularity,
            "date_method": resolved.method}
