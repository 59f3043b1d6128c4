"""After a tag that teaches the library a new name (a new actor, an accepted suggestion of
one, an alias), suggest() adds what the new name finds rather than reading the text
again; over random sequences of tags, accepts, rejects and undos on a text with hard
Unicode it must give exactly what a computation from scratch gives, at every step."""

from __future__ import annotations

import random

import pytest
from suggest_library import library_of
from test_suggest_incremental import from_scratch

from reader_app.domain import actor_delta, speech
from reader_app.services import suggesting as sg
from reader_app.services.actor_ops import set_aliases
from reader_app.services.tagging import tag, untag

PEOPLE = ("Olena Marchuk", "Tomas Reiter", "Amara Okafor", "Mykola Petrenko")
BODIES = ("National Reform Party", "Harbour Workers Union", "Grain Board")
# names nobody has tagged yet: each stands a few times in the text
RARE = ("Velmora Trust", "Kestrel Watch", "Brannick Foundation", "Senwick Forum",
        "Quillon Society", "Tobruin Circle", "Громада Світанок", "Zoë Lindqvist")
PLACES = ("Washington", "Moscow", "Kyiv", "London", "Ukraine")


def _sentence(rng: random.Random) -> str:
    who, place, body = rng.choice(PEOPLE), rng.choice(PLACES), rng.choice(BODIES)
    if rng.random() < 0.25:
        rare = rng.choice(RARE)
        return rng.choice((
            f"Observers from the {rare} watched the vote 🇺🇦 on Monday.",
            f"The\u00a0{rare} signed the 𠀀 accord\ton 3 March, it said.",
            f"«Ми готові», заявила {rare} у вівторок.",
            f"Members of the {rare} said that the   talks would resume next week.",
        ))
    return rng.choice((
        f"{who} said on Monday that the {body} met 👨‍👩‍👧 families in {place}.",
        f"“The talks in {place} will go on,” {who.split()[-1]} said yesterday.",
        f"Café Zoe\u0301 was closed; مرحبا {who} שלום told reporters in {place}.",
        f"The harbour near the old ferry was closed, and {who} left for {place}.",
        f"According to {who}, the {body} (NRP) had asked {place} to wait.",
    ))


def _library(tmp_path, seed: int):
    rng = random.Random(seed)
    paragraphs = [" ".join(_sentence(rng) for _ in range(rng.randint(1, 3))) for _ in range(50)]
    db, article = library_of(tmp_path, PEOPLE, BODIES, paragraphs, "Vote")
    return db, article, rng


def _step(db, article, rng: random.Random, made: list, rejected: list) -> str:
    current = sg.suggest(db, article.id)
    text = article.text
    choice = rng.random()
    if choice < 0.4:  # a rare name tagged where it stands: a new actor
        name = rng.choice(RARE)
        spots = [i for i in range(len(text)) if text.startswith(name, i)]
        if spots:
            at = rng.choice(spots)
            try:
                made.append(tag(db, article, "actor", at, at + len(name))[0])
            except ValueError:
                return "tag refused"
            return f"tag new {name} at {at}"
    if choice < 0.6 and current:
        new_ones = [s for s in current if s.kind == "actor" and s.actor_id is None]
        s = rng.choice(new_ones or current)
        made.append(sg.accept(db, article, s)[0])
        return f"accept {s.kind} {s.quote}"
    if choice < 0.72 and made:
        untag(db, made.pop(rng.randrange(len(made))))
        return "undo a tag"
    if choice < 0.82 and current:
        s = rng.choice(current)
        rejected.append(sg.reject(db, article, s)[0])
        return f"reject {s.kind} {s.quote}"
    if choice < 0.88 and rejected:
        sg.unreject(db, rejected.pop(rng.randrange(len(rejected))))
        return "undo a reject"
    if choice < 0.94:
        set_aliases(db, rng.randint(1, len(PEOPLE) + len(BODIES)),
                    rng.choice([(), ("Kestrel Watch",), ("the Board",), ("Tobruin",)]))
        return "aliases"
    start = rng.randrange(0, len(text) - 20)
    while not text[start].isalpha():
        start += 1
    try:
        made.append(tag(db, article, "date", start, text.find(" ", start + 3))[0])
    except ValueError:
        return "tag refused"
    return f"tag date {start}"


@pytest.mark.parametrize("seed", range(2))
def test_new_names_match_a_computation_from_scratch(tmp_path, monkeypatch, seed):
    answered: list[bool] = []
    real = actor_delta.pass_again

    def counted(*args):
        found = real(*args)
        answered.append(found is not None)
        return found

    monkeypatch.setattr(sg, "pass_again", counted)
    db, article, rng = _library(tmp_path, seed)
    made: list = []
    rejected: list = []
    try:
        assert sg.suggest(db, article.id) == from_scratch(db, article.id, monkeypatch)
        for n in range(24):
            what = _step(db, article, rng, made, rejected)
            assert sg.suggest(db, article.id) == from_scratch(db, article.id, monkeypatch), (
                n, what)
    finally:
        db.close()
        speech._CACHE.clear()
    assert any(answered), "the new names were never added without reading the text again"


def test_a_new_actor_is_found_wherever_its_name_stands(tmp_path):
    db, article, _ = _library(tmp_path, 11)
    try:
        text = article.text
        sg.suggest(db, article.id)
        name = next(r for r in RARE if text.count(r) >= 2 and r.isascii())
        at = text.find(name)
        tag(db, article, "actor", at, at + len(name))
        found = [s for s in sg.suggest(db, article.id) if s.quote == name and s.kind == "actor"]
        assert len(found) == text.count(name) - 1  # every other place it stands
        assert {s.actor_name for s in found} == {name}
    finally:
        db.close()
