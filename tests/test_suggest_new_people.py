"""A new person (a name tagged for the first time) adds its own mentions to the actor pass
(actor_delta) rather than the text being read again, when none of its keys is known:
its surname alone, its first name alone and its tags then settle only its own mentions.
Over random tags, accepts, rejects and undos on a text where new people stand in every
form (full name, surname alone, "Mr", first name alone, beside known names, sharing a
known surname or first name), suggest() must give what a computation from scratch gives
at every step."""

from __future__ import annotations

import random

import pytest
from suggest_library import library_of
from test_suggest_incremental import from_scratch

from reader_app.domain import actor_delta, speech
from reader_app.services import suggesting as sg
from reader_app.services.tagging import tag, untag

PEOPLE = ("Olena Marchuk", "Tomas Reiter", "Amara Okafor", "Mykola Petrenko")
BODIES = ("National Reform Party", "Grain Board")
# not in the library: the first three share no key with it and stand in plain sentences;
# the others stand beside known names or share a surname or first name with a known
# person (read again from scratch, but they must not spoil the others)
PLAIN = ("Talia Brookwell", "Desmond Quarry", "Ines Halvorsen")
HARD = ("Corin Ashby", "Ivo Marchuk", "Olena Strand")
NEW = PLAIN + HARD
PLACES = ("Washington", "Kyiv", "London")


def _sentence(rng: random.Random) -> str:
    who, place, body = rng.choice(PEOPLE), rng.choice(PLACES), rng.choice(BODIES)
    new = rng.choice(NEW)
    first, last = new.split()
    plain = (
        f"{new} said on Monday that the {body} met {who} in {place}.",
        f"“The talks will go on,” {last} said yesterday.",
        f"Mr {last} told reporters in {place} that {who} was wrong.",
        f"After the vote, {first} agreed, and {who.split()[-1]} left for {place}.",
        f"According to {last}, the {body} had asked {place} to wait.",
        "The harbour near the old ferry was closed, and traders moved their stalls.",
        f"She said {last} would return, and {who} agreed.",
        f"Talks went on in {place}. {first[0]}. {last} said so. {last}, {who} added.",
    )
    if new in PLAIN:
        return rng.choice(plain)
    return rng.choice((*plain,
        f"{who} met {new} and {last} spoke first.",
        f"{place} {last} talks ended; {first} {who.split()[-1]} said nothing.",
    ))


def _library(tmp_path, seed: int):
    rng = random.Random(seed)
    paragraphs = [" ".join(_sentence(rng) for _ in range(rng.randint(1, 3))) for _ in range(40)]
    db, article = library_of(tmp_path, PEOPLE, BODIES, paragraphs, "Talks")
    return db, article, rng


def _step(db, article, rng: random.Random, made: list, rejected: list) -> str:
    current = sg.suggest(db, article.id)
    text = article.text
    choice = rng.random()
    if choice < 0.45:  # a new person's full name, surname or first name tagged
        name = rng.choice(NEW)
        form = rng.choice((name, name, name.split()[-1], name.split()[0]))
        spots = [i for i in range(len(text)) if text.startswith(form, i)
                 and not text[i + len(form):i + len(form) + 1].isalpha()
                 and not text[i - 1:i].isalpha()]
        if spots:
            at = rng.choice(spots)
            try:
                made.append(tag(db, article, "actor", at, at + len(form))[0])
            except ValueError:
                return "tag refused"
            return f"tag {form} at {at}"
    if choice < 0.65 and current:
        actors = [s for s in current if s.kind == "actor"]
        s = rng.choice(actors or current)
        made.append(sg.accept(db, article, s)[0])
        return f"accept {s.kind} {s.quote} {s.start}"
    if choice < 0.8 and made:
        untag(db, made.pop(rng.randrange(len(made))))
        return "undo a tag"
    if choice < 0.9 and current:
        s = rng.choice(current)
        rejected.append(sg.reject(db, article, s)[0])
        return f"reject {s.kind} {s.quote}"
    if rejected:
        sg.unreject(db, rejected.pop(rng.randrange(len(rejected))))
        return "undo a reject"
    return "nothing"


@pytest.mark.parametrize("seed", range(4))
def test_new_people_match_a_computation_from_scratch(tmp_path, monkeypatch, seed):
    people: list[bool] = []  # per pass_again that answered: did it add a new person?
    last: list[bool] = []
    real_changes, real_pass = actor_delta._names_changed, actor_delta.pass_again

    def noted(old, new):
        found = real_changes(old, new)
        last[:] = [found is not None and bool(found.new_people)]
        return found

    def counted(*args):
        last.clear()
        found = real_pass(*args)
        if found is not None:
            people.append(bool(last and last[0]))
        return found

    monkeypatch.setattr(actor_delta, "_names_changed", noted)
    monkeypatch.setattr(sg, "pass_again", counted)
    db, article, rng = _library(tmp_path, seed)
    made: list = []
    rejected: list = []
    try:
        assert sg.suggest(db, article.id) == from_scratch(db, article.id, monkeypatch)
        for name in PLAIN:  # the plain new people first, then anything
            at = article.text.find(name)
            if at >= 0:
                made.append(tag(db, article, "actor", at, at + len(name))[0])
                assert sg.suggest(db, article.id) == from_scratch(db, article.id, monkeypatch)
        for n in range(30):
            what = _step(db, article, rng, made, rejected)
            assert sg.suggest(db, article.id) == from_scratch(db, article.id, monkeypatch), (
                n, what)
    finally:
        db.close()
        speech._CACHE.clear()
    assert any(people), "no new person was ever added without reading the text again"
