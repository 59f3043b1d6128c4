"""Suggestions for an article, and accepting or rejecting them.

suggest() runs the three finders (domain.actor_finder, date_finder, speech) over the
article with what the library knows (every actor name and alias, the state table, the
article's tags) and drops what is tagged already or was rejected. After a change it
reuses what the change cannot have touched (suggest_state); new names (a new actor, an
accepted suggestion of one, an alias) add their own mentions (domain.actor_delta) and
have only the paragraphs that looked one of them up read for claims again (_looked_again).
accept() makes an ordinary tag that stores what the suggestion said; reject() remembers the span in the
library. Each write returns what its inverse takes and a ChangeSet, like tagging.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlite_utils import Database

from reader_app.domain.actor_delta import pass_again
from reader_app.domain.actor_finder import (
    ActorIndex,
    ActorMention,
    ActorPass,
    KnownName,
    build_actor_index,
    find_actor_pass,
    scanned_matches,
)
from reader_app.domain.actor_index import match_key  # kept per name: see there
from reader_app.domain.actor_index_add import added_names, extended_index
from reader_app.domain.actor_index_relink import relinked_index
from reader_app.domain.date_finder import DateMention, find_dates
from reader_app.domain.models import Actor, Article, ArticleId
from reader_app.domain.speech import ClaimMention, find_claims_in
from reader_app.domain.suggestions import Suggestion, by_position, free_of
from reader_app.services import suggest_cache
from reader_app.services.analysis import NewTag, fields_for_new_tag, remove_new_tag, restore_new_tag
from reader_app.services.changes import ChangeSet
from reader_app.services.claim_links import completing, link_fields, recompleting, uncompleting
from reader_app.services.readback import describe
from reader_app.services.state_names import state_table
from reader_app.services.suggest_cache import Persisted
from reader_app.services.suggest_state import (
    ClaimInputs,
    Kept,
    Lookups,
    change_stamp,
    changed_tags,
    keep,
    kept_for,
    merged_again,
    regrouped,
    same_claim_inputs,
    tags_on_own_mentions,
)
from reader_app.services.tagging import plan_tag
from reader_app.storage.actors import create_actor, find_actors_by_key, get_actor
from reader_app.storage.annotations import add_annotation
from reader_app.storage.articles import get_article
from reader_app.storage.rejections import (
    Rejection,
    add_rejection,
    list_rejections,
    remove_rejection,
    restore_rejection,
)
from reader_app.storage.state_names import state_rows
from reader_app.storage.suggestion_inputs import known_name_rows, tag_spans_of
from reader_app.storage.transaction import write

SUGGESTED_KINDS = ("actor", "date", "claim")

@dataclass(frozen=True)
class LibraryNames:
    """What the library knows by name, worked out once per set of names: suggesting runs
    after every tag, and the names rarely change between two tags."""

    names: tuple[KnownName, ...]
    built: ActorIndex | None  # the matcher over names, None until asked for (index)
    speakers: dict[str, int]  # match key of a name or alias -> actor id (claimants)
    canonical: dict[int, tuple[str, str]]  # actor id -> (canonical name, type)
    persons: frozenset[int]  # ids of person actors ("he said")

    @property
    def index(self) -> ActorIndex:
        """The matcher over the names, built when first asked for: suggestions read back
        from the cache beside the library need it only for a later change (~35 ms, 100 in
        a new process)."""
        if self.built is None:
            object.__setattr__(self, "built", build_actor_index(self.names))
        assert self.built is not None
        return self.built


_names_cache: dict[object, LibraryNames] = {}  # one entry: a window works on one library


def _merged(rows: Sequence[tuple[int, str, str, str, str]],
            table: Sequence[KnownName]) -> list[KnownName]:
    names = [KnownName(text, actor_id, canonical, kind, source)
             for actor_id, text, kind, canonical, source in rows]
    keys = {match_key(n.text) for n in names}
    by_canonical = {match_key(n.canonical): n for n in names if n.source == "name"}
    # the library's actor under another of the row's names: "Европейский союз" for the
    # table's European Union takes "Евросоюз", "ЕС", "Брюссель" too
    for entry in table:
        own = by_canonical.get(match_key(entry.text))
        if entry.certain and own is not None and own.actor_type == entry.actor_type:
            by_canonical.setdefault(match_key(entry.canonical), own)
    for entry in table:
        if match_key(entry.text) in keys:
            continue  # the library's own actor answers to this name
        actor = by_canonical.get(match_key(entry.canonical))
        names.append(entry if actor is None else entry._replace(
            actor_id=actor.actor_id, canonical=actor.canonical, actor_type=actor.actor_type))
    return names


def library_names(db: Database) -> LibraryNames:
    """Every actor name and alias in the library, then the state table's names for
    states the library does not know by that name yet; with the matcher over them."""
    rows = tuple(known_name_rows(db))
    own = tuple(state_rows(db))
    key = (rows, own)
    found = _names_cache.get(key)
    if found is None:
        names = tuple(_merged(rows, state_table(db)))
        last = next(iter(_names_cache.values()), None)
        found = None if last is None else names_added(last, names)
        if found is None:
            # a state's table name now the library's own: the same keys, linked to it
            index = None if last is None else relinked_index(last.index, last.names, names)
            ids = [n for n in names if n.actor_id is not None]
            found = LibraryNames(
                names, index,
                {match_key(n.text): n.actor_id for n in reversed(ids) if n.actor_id is not None},
                {n.actor_id: (n.canonical, n.actor_type) for n in ids if n.actor_id is not None},
                frozenset(n.actor_id for n in ids if n.actor_type == "person"
                          and n.actor_id is not None))
        _names_cache.clear()
        _names_cache[key] = found
    return found


def names_added(last: LibraryNames, names: tuple[KnownName, ...]) -> LibraryNames | None:
    """library_names' answer for names from the last one, when names are its own with a
    few new ones no other name meets (actor_index_add); else None."""
    added = added_names(last.names, names)
    if added is None:
        return None
    index = extended_index(last.index, last.names, added)
    if index is None:
        return None
    speakers, canonical = dict(last.speakers), dict(last.canonical)
    for n in added:
        assert n.actor_id is not None  # extended_index takes the library's names only
        if speakers.setdefault(match_key(n.text), n.actor_id) != n.actor_id:
            return None
        if canonical.setdefault(n.actor_id, (n.canonical, n.actor_type)) != (
                n.canonical, n.actor_type):
            return None
    persons = last.persons | {n.actor_id for n in added
                              if n.actor_type == "person" and n.actor_id is not None}
    return LibraryNames(names, index, speakers, canonical, frozenset(persons))


@lru_cache(maxsize=4)
def _actors(text: str, index: ActorIndex,
            tagged: tuple[tuple[int, int, int], ...]) -> ActorPass:
    """Actor mentions depend on the text, the names and the article's actor tags: a
    date or claim tag leaves them as they were."""
    return find_actor_pass(text, index, tagged)


_date_memo: dict[tuple[str, str | None, str | None], tuple[DateMention, ...]] = {}


def _dates(text: str, published: str | None, language: str | None) -> tuple[DateMention, ...]:
    """An article's dates depend on its text and dateline alone, not on its tags: found
    once, not after every tag (a str caches its own hash: the key costs nothing)."""
    key = (text, published, language)
    found = _date_memo.get(key)
    if found is None:
        found = _remember_dates(key, tuple(find_dates(text, published, language)))
    return found


def _remember_dates(key: tuple[str, str | None, str | None],
                    dates: tuple[DateMention, ...]) -> tuple[DateMention, ...]:
    if len(_date_memo) >= 8:
        del _date_memo[next(iter(_date_memo))]
    _date_memo[key] = dates
    return dates


# the index a pass read back from the cache carries until a change asks for its own
# (_with_matches): the library's matcher is built then, or when the worker is idle
_READ_BACK = build_actor_index(())


def _persisted_actors(persisted: Persisted, text: str, known: LibraryNames,
                      tagged: tuple[tuple[int, int, int], ...]) -> ActorPass:
    return persisted.part(
        "actors", suggest_cache.actors_key(persisted.text_key, known.names, tagged),
        lambda data: suggest_cache.actors_from(data, _READ_BACK, len(text)),
        lambda: _actors(text, known.index, tagged))


def _persisted_dates(persisted: Persisted, article: Article) -> tuple[DateMention, ...]:
    text, published, language = article.text, article.published, article.language
    found = persisted.part(
        "dates", suggest_cache.dates_key(persisted.text_key, published, language),
        lambda data: suggest_cache.dates_from(data, len(text)),
        lambda: _dates(text, published, language))
    held = _date_memo.get((text, published, language))
    return held if held == found else _remember_dates((text, published, language), found)


def _persisted_claims(persisted: Persisted, text: str, inputs: ClaimInputs,
                      known: LibraryNames) -> tuple[list[Suggestion], Lookups]:
    def compute() -> tuple[list[Suggestion], Lookups]:
        lookups: Lookups = {}
        return _claim_suggestions(text, *inputs, known, lookups), lookups

    return persisted.part(
        "claims", suggest_cache.claims_key(persisted.text_key, inputs, known.speakers,
                                           known.canonical),
        lambda data: suggest_cache.claims_from(data, text), compute)


def save_kept(db: Database) -> bool:
    """Write the suggestions kept for db's last article beside the library, the parts
    not there yet under their keys (the window's worker calls it when idle): the next
    session's first call for the article reads them back. False when nothing was written."""
    kept = kept_for(db, None)
    if kept is None or kept.saved:
        return False
    kept.saved = True
    known = _known_of(kept)
    persisted = Persisted.of(db, kept.text)
    if persisted is None:
        return False
    data = (suggest_cache.actors_key(persisted.text_key, known.names, kept.tagged),
            lambda: suggest_cache.actors_data(kept.actor_pass))
    dates = (suggest_cache.dates_key(persisted.text_key, kept.published, kept.language),
             lambda: suggest_cache.dates_data(kept.raw_dates))
    claims = (suggest_cache.claims_key(persisted.text_key, kept.claim_inputs, known.speakers,
                                       known.canonical),
              lambda: suggest_cache.claims_data(kept.claim.found, kept.lookups))
    return persisted.save({"actors": data, "dates": dates, "claims": claims})


def suggest(db: Database, article_id: int,
            kinds: Iterable[str] | None = None) -> list[Suggestion]:
    """The article's suggestions in text order: none for a span tagged with that kind,
    or rejected. What the library's last change cannot have touched is reused from the
    last call for this article (suggest_state); a first call for only some kinds is
    computed alone."""
    wanted = set(kinds or SUGGESTED_KINDS)
    unknown = wanted - set(SUGGESTED_KINDS)
    if unknown:
        raise ValueError(f"Nothing is suggested for kind {sorted(unknown)[0]!r}.")
    stamp = change_stamp(db)
    old = kept_for(db, article_id)
    if old is None or old.stamp != stamp:
        if old is None and wanted != set(SUGGESTED_KINDS):
            return compute_suggestions(db, article_id, wanted)
        article = get_article(db, article_id)
        old = _updated(db, article, old, stamp)
        keep(old)
    if wanted == set(SUGGESTED_KINDS):
        return list(old.result)
    return [s for s in old.result if s.kind in wanted]


def _inputs(db: Database, article: Article) -> tuple[
        dict[str, list[tuple[int, int]]], list[tuple[int, int, int]],
        dict[str, set[tuple[int, int]]]]:
    """(taken spans per kind, actor tags with an actor, rejected spans per kind)."""
    text = article.text
    tags = tag_spans_of(db, article.id, SUGGESTED_KINDS)
    taken: dict[str, list[tuple[int, int]]] = {kind: [] for kind in SUGGESTED_KINDS}
    for kind, start, end, _ in tags:
        if kind in taken:
            taken[kind].append((start, end))
    tagged_actors = [(s, e, a) for kind, s, e, a in tags if kind == "actor" and a is not None]
    rejected: dict[str, set[tuple[int, int]]] = {kind: set() for kind in SUGGESTED_KINDS}
    for r in list_rejections(db, article.id):
        if r.kind in rejected and text[r.start:r.end] == r.quote:
            rejected[r.kind].add((r.start, r.end))
    return taken, tagged_actors, rejected


def compute_suggestions(db: Database, article_id: int,
                        kinds: Iterable[str] | None = None) -> list[Suggestion]:
    """suggest() from scratch, nothing kept (the finders' own caches aside)."""
    article = get_article(db, article_id)
    wanted = set(kinds or SUGGESTED_KINDS)
    text = article.text
    taken, tagged_actors, rejected = _inputs(db, article)
    groups: list[list[Suggestion]] = []
    actors: list[Suggestion] = []
    known = library_names(db) if wanted & {"actor", "claim"} else None
    if known is not None:
        actors = free_of(_actor_suggestions(text, _actors(text, known.index,
                                                          tuple(tagged_actors)).mentions),
                         taken["actor"], rejected["actor"])
    if "actor" in wanted:
        groups.append(actors)
    if "date" in wanted:
        dates = _date_suggestions(text, _dates(text, article.published, article.language))
        groups.append(free_of(dates, taken["date"], rejected["date"]))
    if "claim" in wanted and known is not None:
        spans, names, persons = _claim_inputs(tagged_actors, actors, known)
        groups.append(free_of(_claim_suggestions(text, spans, names, persons, known),
                              taken["claim"], rejected["claim"]))
    return by_position(groups)


def _actor_suggestions(text: str, mentions: Sequence[ActorMention]) -> list[Suggestion]:
    return [Suggestion("actor", m.start, m.end, text[m.start:m.end], m.reason,
                       m.actor_id, m.canonical, m.actor_type, m.certain)
            for m in mentions]


def _date_suggestions(text: str, mentions: Sequence[DateMention]) -> list[Suggestion]:
    return [Suggestion("date", m.start, m.end, text[m.start:m.end], m.explanation,
                       value=m.value, granularity=m.granularity, date_method=m.method)
            for m in mentions]


def _updated(db: Database, article: Article, old: Kept | None,
             stamp: tuple[int, int]) -> Kept:
    """The article's suggestions at this stamp, reusing from old what did not change:
    each step runs again only when one of its inputs is not what it was."""
    text = article.text
    known = library_names(db)
    taken, tagged_list, rejected = _inputs(db, article)
    tagged = tuple(tagged_list)
    if old is not None and not (old.text == text and old.published == article.published
                                and old.language == article.language):
        old = None  # another text: everything again
    # the first computation for the article here: what was kept beside the library for
    # the same inputs is read back instead of worked out (what is not, save_kept writes)
    persisted = Persisted.of(db, text) if old is None else None
    # other names (a new actor, an alias): the actors' pass adds the new names' mentions
    # when it can (actor_delta), claims are read again (find_claims keeps each paragraph
    # whose names mean what they meant)
    renamed = old is not None and old.known is not known
    changed = changed_tags(old, tagged) if old is not None else None
    if old is not None and not renamed and changed is not None and (
            not changed or tags_on_own_mentions(old, changed, known.index, known.persons)):
        actor_pass = old.actor_pass._replace(mentions=old.raw_actors)
        raw_actors, actor_all = old.raw_actors, old.actor.found
    else:
        found_again = None
        if old is not None:
            found_again = pass_again(text, _with_matches(text, old), known.index, old.tagged,
                                     tagged)
        actor_pass = found_again or (_persisted_actors(persisted, text, known, tagged)
                                     if persisted else _actors(text, known.index, tagged))
        raw_actors = actor_pass.mentions
        if old is not None and raw_actors == old.raw_actors:  # an undo, a tag elsewhere
            raw_actors, actor_all = old.raw_actors, old.actor.found
        elif old is not None:  # old's suggestions for the mentions it had (the same objects)
            was = {id(m): s for m, s in zip(old.raw_actors, old.actor.found, strict=True)}
            actor_all = [was.get(id(m)) or _actor_suggestions(text, [m])[0] for m in raw_actors]
        else:
            actor_all = _actor_suggestions(text, raw_actors)
    actor, actor_came = regrouped(actor_all, taken["actor"], rejected["actor"],
                               old.actor if old else None)
    actors = actor.free
    raw_dates = (_persisted_dates(persisted, article) if persisted
                 else _dates(text, article.published, article.language))
    date_all = (old.date.found if old is not None and raw_dates is old.raw_dates
                else _date_suggestions(text, raw_dates))
    date, date_came = regrouped(date_all, taken["date"], rejected["date"],
                             old.date if old else None)
    if old is not None and not renamed and changed is not None and (
            actors is old.actor.free if not changed
            else same_claim_inputs(old, actors, set(tagged), changed)):
        claim_inputs, claim_all, lookups = old.claim_inputs, old.claim.found, old.lookups
    else:
        claim_inputs = _claim_inputs(tagged_list, actors, known)
        patched = None
        renamed_at = None if old is None else _looked_again(old, known) if renamed else []
        if old is not None and renamed_at is not None:
            patched = ((old.claim.found, old.lookups)
                       if claim_inputs == old.claim_inputs and not renamed_at
                       else _claims_patched(text, old, claim_inputs, known, renamed_at))
        if patched is None and persisted is not None:
            claim_all, lookups = _persisted_claims(persisted, text, claim_inputs, known)
        elif patched is None:
            lookups = {}
            claim_all = _claim_suggestions(text, *claim_inputs, known, lookups)
        else:
            claim_all, lookups = patched
    claim, claim_came = regrouped(claim_all, taken["claim"], rejected["claim"],
                               old.claim if old else None)
    groups = (actor, date, claim)
    if old is None:
        result = by_position([g.free for g in groups])
    elif all(g is o for g, o in zip(groups, (old.actor, old.date, old.claim), strict=True)):
        result = old.result
    else:
        result = merged_again(old, groups, [actor_came, date_came, claim_came])
    return Kept(db.conn, article.id, stamp, text, article.published, article.language, known,
                tagged, raw_actors, raw_dates, claim_inputs, actor, date, claim, result,
                actor_pass, lookups, saved=persisted is not None and not persisted.new)


def _with_matches(text: str, old: Kept) -> ActorPass:
    """old's actor pass with its index and the automaton's matches, which one read back
    from the cache beside the library has not: worked out as the pass works them out
    (actor_delta reads them to add new names' mentions)."""
    found = old.actor_pass
    if found.actor_index is _READ_BACK:
        index = _known_of(old).index  # the names the pass was read back for
        scan, matches = (None, ()) if index.automaton is None else scanned_matches(text, index)
        found = old.actor_pass = found._replace(actor_index=index, scan=scan, found=matches)
    return found


def warm_up(db: Database) -> bool:
    """Work out what suggestions read back for db's last article left for the first
    change that needs it (the matcher over the library's names, the automaton's matches
    in the text): the window's worker calls it when idle. False when nothing was left."""
    kept = kept_for(db, None)
    if kept is None or kept.actor_pass.actor_index is not _READ_BACK:
        return False
    _with_matches(kept.text, kept)
    return True


def _looked_again(old: Kept, known: LibraryNames) -> list[int] | None:
    """The paragraphs (by their starts) whose claims can read otherwise with known's names
    than with old's: those that looked up a name that now gives another actor (or none),
    or got one whose being a person changed (speech._read_paragraph keeps a paragraph's
    claims on the same condition). None when an actor's own name changed: its claims
    name it."""
    was = _known_of(old)
    if any(known.canonical.get(a) != v for a, v in was.canonical.items()):
        return None
    now, before = known.speakers, was.speakers
    keys = {k for k in now.keys() | before.keys() if now.get(k) != before.get(k)}
    people = known.persons ^ was.persons
    if not keys and not people:
        return []
    return [lo for lo, seen in old.lookups.items()
            if any(k in keys or v in people for k, v in seen.items())]



def _known_of(old: Kept) -> LibraryNames:
    assert isinstance(old.known, LibraryNames)
    return old.known


def _claim_inputs(tagged: Sequence[tuple[int, int, int]], actors: Sequence[Suggestion],
                  known: LibraryNames) -> ClaimInputs:
    """(actor spans, stand-in names, persons) find_claims reads: the tagged actors and the
    suggested ones; a suggested actor new to the library gets a stand-in id below zero."""
    names: dict[int, tuple[str | None, str | None]] = {}
    spans = list(tagged)
    persons = set(known.persons)  # "he said" speaks for the last person named before it
    for s in actors:
        # by position, so the stand-ins of a paragraph stay the same when a tag elsewhere
        # takes a suggestion away (find_claims reads again only paragraphs that changed)
        stand_in = s.actor_id if s.actor_id is not None else -1 - s.start
        if stand_in < 0:
            names[stand_in] = (s.actor_name or s.quote, s.actor_type)
            if s.actor_type == "person":
                persons.add(stand_in)
        spans.append((s.start, s.end, stand_in))
    spans.sort()
    return spans, names, persons


def _claim_suggestions(text: str, spans: Sequence[tuple[int, int, int]],
                       names: dict[int, tuple[str | None, str | None]], persons: set[int],
                       known: LibraryNames, looked: Lookups | None = None
                       ) -> list[Suggestion]:
    """Every claim find_claims sees, as suggestions (free_of comes after); looked gets
    the names each paragraph looked up (find_claims_in)."""
    return _as_claims(text, find_claims_in(text, 0, len(text), spans, known.speakers, persons,
                                           looked), names, known)


def _as_claims(text: str, mentions: Iterable[ClaimMention],
               names: dict[int, tuple[str | None, str | None]],
               known: LibraryNames) -> list[Suggestion]:
    out = []
    for m in mentions:
        claimant = m.claimant_id
        name: str | None = None
        kind: str | None = None
        if claimant is not None:
            name, kind = names.get(claimant) or known.canonical.get(claimant) or (None, None)
            if claimant < 0:
                claimant = None  # a suggested actor new to the library: made on accept
        out.append(Suggestion("claim", m.start, m.end, text[m.start:m.end], m.reason,
                              claimant_id=claimant, claimant_name=name, claimant_type=kind))
    return out


# paragraphs read again one by one; more: find_claims over the text (a paragraph read again
# costs what it costs in a full read, which reads every other one too, if from its cache)
PATCH_AT_MOST = 5000


def _claims_patched(text: str, old: Kept, inputs: ClaimInputs,
                    known: LibraryNames, looked_again: Iterable[int] = ()
                    ) -> tuple[list[Suggestion], Lookups] | None:
    """The old claims with those of the paragraphs whose actor spans, stand-in names or
    persons changed read again (find_claims_in), and those of looked_again (paragraph
    starts, see _looked_again): a paragraph's claims depend on the spans starting in it
    and the names it looks up alone. With the names each paragraph looked up. None when
    too much changed."""
    spans, names, persons = inputs
    old_spans, old_names, old_persons = old.claim_inputs
    now, before = set(spans), set(old_spans)
    if len(now) != len(spans) or len(before) != len(old_spans):
        return None
    if bool(persons) != bool(old_persons):
        return None  # speakers.phrase asks whether there is anybody at all
    people_changed = persons ^ old_persons
    at = {s for s, _, _ in now ^ before} | set(looked_again)
    # a library actor who became a person, or no longer is: where it is tagged or
    # suggested (where its name is looked up is in looked_again)
    if any(k >= 0 for k in people_changed):
        at |= {s for s, _, a in (*spans, *old_spans) if a >= 0 and a in people_changed}
    at |= {-1 - k for k in names.keys() | old_names.keys() if names.get(k) != old_names.get(k)}
    at |= {-1 - k for k in people_changed if k < 0}
    paragraphs = sorted({(text.rfind("\n", 0, p) + 1, _paragraph_end(text, p)) for p in at})
    if len(paragraphs) > PATCH_AT_MOST:
        return None
    out = list(old.claim.found)
    lookups = dict(old.lookups)
    starts = [s.start for s in out]
    span_starts = [s for s, _, _ in spans]
    people = frozenset(persons)  # once: find_claims_in takes a frozenset as it is
    for lo, hi in reversed(paragraphs):  # from the end: the earlier indexes stay
        i, j = bisect_left(starts, lo), bisect_right(starts, hi)
        inside = spans[bisect_left(span_starts, lo):bisect_right(span_starts, hi)]
        lookups.pop(lo, None)
        out[i:j] = _as_claims(text, find_claims_in(text, lo, hi, inside, known.speakers,
                                                   people, lookups), names, known)
    return out, lookups


def _paragraph_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


# -- accept -----------------------------------------------------------------------------------


def _actor_named(db: Database, name: str, kind: str) -> tuple[int, Actor | None]:
    """The library's actor by that name (made meanwhile, by an earlier accept), else a new
    one: (id, the actor created or None)."""
    same = find_actors_by_key(db, name)
    if same:
        return same[0].id, None
    created = create_actor(db, name, kind)
    return created.id, created


def _accepted(db: Database, article: Article, s: Suggestion, analyst: str | None) -> NewTag:
    """One tag storing what the suggestion said (call inside a write transaction)."""
    if plan_tag(db, article, s.kind, s.start, s.end) != s.quote:  # refuses a tagged span
        raise ValueError(f"The text at {s.start}-{s.end} is no longer “{s.quote}”.")
    created = None
    fields: dict[str, Any]
    if s.kind == "actor":
        if s.actor_id is not None:
            actor_id = s.actor_id
            name = get_actor(db, actor_id).name  # NotFound: gone since it was suggested
        else:
            name = s.actor_name or s.quote
            actor_id, created = _actor_named(db, name, s.actor_type or "other")
        fields, explanation = {"actor_id": actor_id}, f"Actor: {name} ({s.reason})."
    elif s.kind == "date":  # the suggestion carries what tagging the span would store
        fields = {"value": s.value, "granularity": s.granularity, "date_method": s.date_method}
        explanation = s.reason
    else:
        proposal = fields_for_new_tag(db, article, s.kind, s.start, s.end)
        fields, explanation = dict(proposal.fields), proposal.explanation
        claimant = s.claimant_id
        if claimant is None and s.claimant_name and s.claimant_type:
            # the speaker is new to the library (a state named by its capital)
            claimant, created = _actor_named(db, s.claimant_name, s.claimant_type)
        if claimant is not None and claimant != fields.get("claimant_id"):
            fields["claimant_id"] = claimant
            explanation = f"Claimant: {s.claimant_name} ({s.reason})."
    annotation = add_annotation(db, article.id, s.kind, s.start, s.end, analyst=analyst,
                                expected_quote=s.quote, **fields)
    return NewTag(annotation, f"Accepted suggestion. {explanation}", created)


def accept(db: Database, article: Article, suggestion: Suggestion, *,
           analyst: str | None = None) -> tuple[NewTag, ChangeSet]:
    """Tag a suggestion as an ordinary tag. Inverse: tagging.untag."""
    with write(db):
        new, linked = completing(db, article, _accepted(db, article, suggestion, analyst))
        return new, describe(db, added=[new.annotation], changed=linked,
                             fields=link_fields(linked), explanation=new.explanation)


def accept_all(db: Database, article: Article, suggestions: Sequence[Suggestion], *,
               analyst: str | None = None) -> tuple[list[NewTag], ChangeSet]:
    """Tag many suggestions in one transaction (one undo step). Inverse: untag_all."""
    with write(db):
        made, dated = [], []
        for s in suggestions:
            new, pairs = completing(db, article, _accepted(db, article, s, analyst))
            made.append(new)
            dated += pairs
        what = f"Accepted {len(made)} suggestion{'s' if len(made) != 1 else ''}."
        for n, verb in ((sum(len(m.dated_claims) for m in made), "dated"),
                        (sum(len(m.credited_claims) for m in made), "given their claimant")):
            if n:
                what += f" {n} claim{'s' if n != 1 else ''} {verb} by them."
        return made, describe(db, added=[m.annotation for m in made], changed=dated,
                              fields=link_fields(dated), explanation=what)


def untag_all(db: Database, made: Sequence[NewTag]) -> tuple[list[NewTag], ChangeSet]:
    """Undo accept_all: the tags go, and the actors created for them if unused now;
    claims they dated have no date again."""
    with write(db):
        undated = [p for m in reversed(made) for p in uncompleting(db, m)]
        gone = [remove_new_tag(db, m) for m in reversed(made)][::-1]
        return gone, describe(db, removed=[g.annotation for g in gone], changed=undated,
                              fields=link_fields(undated))


def retag_all(db: Database, gone: Sequence[NewTag]) -> tuple[list[NewTag], ChangeSet]:
    """Redo accept_all after untag_all: the same tags and actors (ids, uuids), and the
    claims they dated dated again."""
    with write(db):
        back = [restore_new_tag(db, g) for g in gone]
        dated = [p for b in back for p in recompleting(db, b)]
        return back, describe(db, added=[b.annotation for b in back], changed=dated,
                              fields=link_fields(dated))


# -- reject -----------------------------------------------------------------------------------


def _stale(article_id: int) -> ChangeSet:
    return ChangeSet(suggestions_stale={ArticleId(article_id)})


def reject(db: Database, article: Article, s: Suggestion) -> tuple[Rejection, ChangeSet]:
    """Never suggest this span as this kind again. Inverse: unreject."""
    if article.text[s.start:s.end] != s.quote:
        raise ValueError(f"The text at {s.start}-{s.end} is no longer “{s.quote}”.")
    with write(db):
        rejection = add_rejection(db, article.id, s.kind, s.start, s.end, s.quote)
    out = _stale(article.id)
    out.explanation = f"Rejected the suggestion “{s.quote}” ({s.kind}); it is not shown again."
    return rejection, out


def unreject(db: Database, rejection: Rejection) -> tuple[Rejection, ChangeSet]:
    """Undo reject: the suggestion is shown again. Inverse: rereject."""
    with write(db):
        remove_rejection(db, rejection.id)
    return rejection, _stale(rejection.article_id)


def rereject(db: Database, rejection: Rejection) -> tuple[Rejection, ChangeSet]:
    with write(db):
        restore_rejection(db, rejection)
    return rejection, _stale(rejection.article_id)


__all__ = ["SUGGESTED_KINDS", "LibraryNames", "accept", "accept_all", "compute_suggestions",
           "library_names", "reject", "save_kept", "warm_up",
           "rereject", "retag_all", "suggest", "unreject", "untag_all"]
