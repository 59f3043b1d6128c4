"""suggest() reuses what it kept of the last call; it must give what a computation from
scratch gives, after any sequence of tags, untags, accepts, rejects and actor edits, made
on its own connection or on another one."""

from __future__ import annotations

import random

import pytest

from reader_app.domain import actor_finder, speech
from reader_app.domain.date_finder import find_dates
from reader_app.domain.models import ImportedArticle
from reader_app.services import suggesting as sg
from reader_app.services.actor_ops import plan_relink, relink, set_aliases
from reader_app.services.tagging import tag, untag
from reader_app.storage.actors import create_actor
from reader_app.storage.articles import add_article, get_article
from reader_app.storage.database import open_library

FIRST = "Olena Mykola Tomas Amara Chen Ingrid".split()
LAST = "Marchuk Reiter Okafor Petrenko Haddad".split()
ORGS = ("National Reform Party", "Harbour Workers Union", "Grain Board", "Labour Party")
PLACES = ("Washington", "Moscow", "Kyiv", "London", "Ukraine", "the U.S.")
DATES = ("on Monday", "last Friday", "on Feb. 10, 2022", "in 1998", "next week", "yesterday")
VERBS = ("said", "warned", "told reporters", "claimed", "denied")


def _sentence(rng: random.Random, people: list[str]) -> str:
    who, other = rng.choice(people), rng.choice(people)
    surname = who.split()[-1]
    org, place, when = rng.choice(ORGS), rng.choice(PLACES), rng.choice(DATES)
    return rng.choice((
        f"{who} {rng.choice(VERBS)} {when} that the {org} would meet {other} in {place}.",
        f"“The talks in {place} will go on for two days,” {surname} said {when}.",
        f"According to {who}, {place} had asked the {org} to wait.",
        f"{surname}, a senior figure in the {org}, {rng.choice(VERBS)} that {place} was wrong.",
        f"The party published its figures {when}; {other} rejected {surname}'s claims.",
        f"She said the union would strike {when}, and {surname} agreed.",
        "The harbour near the old bridge had been closed, and traders moved their stalls.",
    ))


def _article(rng: random.Random, people: list[str], size: int) -> str:
    paragraphs, length = [], 0
    while length < size:
        paragraph = " ".join(_sentence(rng, people) for _ in range(rng.randint(2, 4)))
        paragraphs.append(paragraph)
        length += len(paragraph) + 2
    return "\n\n".join(paragraphs)


def from_scratch(db, article_id: int, monkeypatch: pytest.MonkeyPatch):
    """The suggestions with every cache bypassed: a new index, the finders run afresh."""
    names = dict(sg._names_cache)
    paragraphs = dict(speech._CACHE)
    sg._names_cache.clear()
    speech._CACHE.clear()
    with monkeypatch.context() as m:
        m.setattr(sg, "_actors", actor_finder.find_actor_pass)
        m.setattr(sg, "_dates", lambda *a: tuple(find_dates(*a)))
        found = sg.compute_suggestions(db, article_id)
    sg._names_cache.clear()
    sg._names_cache.update(names)  # so the kept state stays the one suggest() knows
    speech._CACHE.clear()
    speech._CACHE.update(paragraphs)
    return found


def _library(tmp_path, seed: int):
    rng = random.Random(seed)
    db = open_library(tmp_path / "lib.sqlite")
    people = [f"{f} {s}" for f in FIRST for s in LAST][:20]
    for name in people:
        create_actor(db, name, "person")
    for org in ORGS:
        create_actor(db, org, "organization")
    text = _article(rng, people, 6000)
    made = add_article(db, ImportedArticle("Talks", text, "talks.txt", "2022-02-09", "en"))
    return db, get_article(db, made.article_id), rng


def _step(db, other, article, rng: random.Random, made: list, rejected: list) -> str:
    """One random change, through this connection or the other one."""
    current = sg.suggest(db, article.id)
    text = article.text
    choice = rng.random()
    via = other if rng.random() < 0.25 else db
    if choice < 0.35 and current:
        actors = [x for x in current if x.kind == "actor"]
        s = rng.choice(actors if actors and rng.random() < 0.5 else current)
        made.append((via, sg.accept(via, article, s)[0]))
        return f"accept {s.kind} {s.start}"
    if choice < 0.5 and made:
        conn, new = made.pop(rng.randrange(len(made)))
        untag(conn, new)
        return "untag"
    if choice < 0.65 and current:
        actors = [x for x in current if x.kind == "actor"]
        s = rng.choice(actors if actors and rng.random() < 0.5 else current)
        rejected.append((via, sg.reject(via, article, s)[0]))
        return f"reject {s.kind} {s.start}"
    if choice < 0.72 and rejected:
        conn, r = rejected.pop(rng.randrange(len(rejected)))
        sg.unreject(conn, r)
        return "unreject"
    if choice < 0.85:  # a word tagged as an actor: often one new to the library
        words = [(m, m + len(w)) for m in range(0, len(text), 97)
                 for w in [text[m:].split(" ", 1)[0]] if w.isalpha() and text[m - 1] == " "]
        if words:
            start, end = rng.choice(words)
            try:
                new = tag(via, article, "actor", start, end)[0]
            except ValueError:
                return "tag refused"
            made.append((via, new))
            if rng.random() < 0.6:  # linked to a known actor instead (the tag editor)
                actor = rng.randint(1, 20 + len(ORGS))
                request = plan_relink(via, new.annotation.id, actor, None)
                if request is not None:
                    relink(via, request)
                return f"tag actor {text[start:end]} as {actor}"
            return f"tag actor {text[start:end]}"
    if choice < 0.9:
        actor = rng.randint(1, 20)
        set_aliases(via, actor, rng.choice([(), ("Marchuk",), ("the Board",), ("Reiter",)]))
        return f"aliases of {actor}"
    kind = rng.choice(("date", "claim"))
    start = rng.randrange(0, len(text) - 20)
    while not text[start].isalpha():
        start += 1
    end = text.find(" ", start + 3)
    try:
        made.append((via, tag(via, article, kind, start, end)[0]))
    except ValueError:
        return "tag refused"
    return f"tag {kind} {start}"


@pytest.mark.parametrize("seed", range(8))
def test_kept_suggestions_match_a_computation_from_scratch(tmp_path, monkeypatch, seed):
    db, article, rng = _library(tmp_path, seed)
    other = open_library(tmp_path / "lib.sqlite")
    made: list = []
    rejected: list = []
    try:
        assert sg.suggest(db, article.id) == from_scratch(db, article.id, monkeypatch)
        for n in range(40):
            what = _step(db, other, article, rng, made, rejected)
            found = sg.suggest(db, article.id)
            assert found == from_scratch(db, article.id, monkeypatch), (n, what)
            for kind in sg.SUGGESTED_KINDS:
                assert sg.suggest(db, article.id, [kind]) == [s for s in found if s.kind == kind]
    finally:
        other.close()
        db.close()


def test_a_tag_on_its_own_mention_leaves_the_actor_finder_as_it_was(tmp_path):
    """What the kept state relies on when a tag takes the place of a suggestion: a person
    tagged where the finder named that person, or a body with a name and noun of its own
    tagged where or after the finder named it, changes nothing the finder finds; nor does
    untagging it again."""
    db, article, rng = _library(tmp_path, 7)
    text = article.text
    try:
        known = sg.library_names(db)
        index = known.index
        shared = {a for group in (*index.kinds.values(), *index.heads.values())
                  if len(group) > 1 for a, _, _ in group}
        tagged: list[tuple[int, int, int]] = []
        found = actor_finder.find_actors(text, index, tuple(tagged))
        bodies = {m.actor_id for m in found if m.actor_id is not None
                  and m.actor_id not in known.persons and m.actor_id not in index.contextual
                  and m.actor_id not in shared}
        assert bodies
        words = [i + 1 for i in range(len(text) - 1) if text[i] == " " and text[i + 1].isalpha()]
        for n in range(40):
            own = [(m.start, m.end, m.actor_id) for m in found if m.actor_id is not None and (
                m.actor_id in known.persons or m.actor_id in bodies)]
            if tagged and rng.random() < 0.3:  # one of them untagged
                tagged.pop(rng.randrange(len(tagged)))
            elif n % 2:  # a body tagged on any word after it was named
                actor = rng.choice(sorted(bodies))
                named = min(m.start for m in found if m.actor_id == actor)
                start = rng.choice([w for w in words if w > named])
                tagged = sorted([*tagged, (start, text.find(" ", start), actor)])
            else:
                tagged = sorted([*tagged, rng.choice([t for t in own if t not in tagged])])
            again = actor_finder.find_actors(text, index, tuple(tagged))
            assert again == found, tagged
    finally:
        db.close()


def test_a_write_by_another_connection_is_seen(tmp_path):
    db, article, _ = _library(tmp_path, 3)
    other = open_library(tmp_path / "lib.sqlite")
    try:
        first = sg.suggest(db, article.id)
        s = next(x for x in first if x.kind == "date")
        sg.accept(other, article, s)
        assert s not in sg.suggest(db, article.id)
    finally:
        other.close()
        db.close()


def test_a_body_tagged_before_it_is_named_is_read_again(tmp_path, monkeypatch):
    """"the union" is the union when the text named it before: a tag before its first
    mention changes that, so the finder runs again."""
    db = open_library(tmp_path / "lib.sqlite")
    try:
        union = create_actor(db, "Harbour Workers Union", "organization")
        text = ("Workers met on Monday. Then the union said it would strike.\n\n"
                "The Harbour Workers Union agreed on Tuesday.")
        made = add_article(db, ImportedArticle("Union", text, "u.txt", "2022-02-09", "en"))
        article = get_article(db, made.article_id)
        before = sg.suggest(db, article.id)
        assert not [s for s in before if s.quote == "union"]
        new = tag(db, article, "actor", 0, len("Workers"))[0]
        relinked = plan_relink(db, new.annotation.id, union.id, None)
        if relinked is not None:
            relink(db, relinked)
        after = sg.suggest(db, article.id)
        assert after == from_scratch(db, article.id, monkeypatch)
        assert [s.actor_id for s in after if s.quote == "union"] == [union.id]
    finally:
        db.close()
