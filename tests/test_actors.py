"""Canonical actors: name matching (pure) and the actors repository with its undo inverses."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader_app.domain.actors import (
    guess_actor_type,
    match_key,
    name_from_quote,
    propose_actor,
)
from reader_app.domain.models import ImportedArticle
from reader_app.storage.actor_merge import merge_actors, unmerge
from reader_app.storage.actors import (
    ActorInUse,
    actor_in_use,
    claims_by,
    create_actor,
    delete_actor,
    find_actors_by_key,
    get_actor,
    known_actor_keys,
    link_annotation,
    list_actors,
    mentions_of,
    restore_actor,
    set_aliases,
    set_claimant,
    update_actor,
)
from reader_app.storage.annotations import (
    add_annotation,
    delete_annotation,
    get_annotation,
)
from reader_app.storage.articles import NotFound, add_article

# --- match keys --------------------------------------------------------------------------


@pytest.mark.parametrize(("a", "b"), [
    ("Zelenskiy", "ZELENSKIY"),
    ("Russia’s", "russia's"),
    ("  Sergei \n Lavrov ", "sergei lavrov"),
    ("“Russia,”", "Russia"),
    ("Straße", "STRASSE"),  # casefold, not lower
    ("ﬁrst", "first"),  # NFKC for the key only
    ("Україна", "УКРАЇНА"),
])
def test_match_keys_ignore_case_spacing_quotes_and_apostrophes(a, b):
    assert match_key(a) == match_key(b)


def test_match_key_keeps_inner_punctuation_and_distinct_names():
    assert match_key("U.S.") == "u.s"
    assert match_key("Zelensky") != match_key("Zelenskiy")
    assert match_key("“…”") == ""


@given(st.text())
def test_match_key_is_idempotent(text):
    assert match_key(match_key(text)) == match_key(text)


def test_name_from_quote_keeps_the_text_but_not_its_wrapping():
    assert name_from_quote("Russia’s") == "Russia"
    assert name_from_quote("“NATO,”") == "NATO"
    assert name_from_quote("Sergei\nLavrov") == "Sergei Lavrov"
    assert name_from_quote("U.S.") == "U.S."
    assert name_from_quote("Łask Air Base") == "Łask Air Base"


@pytest.mark.parametrize(("name", "kind"), [
    ("Sergei Lavrov", "person"),
    ("Ukrainian President Volodymyr Zelenskiy", "person"),
    ("Russia's Defense Ministry", "organization"),
    ("NATO", "organization"),
    ("Ukrainian Armed Forces", "armed_force"),
    ("Reuters", "media"),
    ("United States", "state"),
    ("Russia", "other"),
    ("The West", "other"),
])
def test_guess_actor_type(name, kind):
    assert guess_actor_type(name) == kind


# --- proposing an actor for a new tag ------------------------------------------------------

KEYS = {"russia": [1], "moscow": [1], "sergei lavrov": [2], "zelenskiy": [3], "zelensky": [3],
        "johnson": [4, 5]}
NAMES = {1: "Russia", 2: "Sergei Lavrov", 3: "Volodymyr Zelenskiy", 4: "Boris Johnson",
         5: "Lyndon Johnson"}


def propose(quote, persons=(), recent=()):
    return propose_actor(quote, KEYS, list(persons), names=NAMES, recent=list(recent))


def test_exact_name_or_alias_ignoring_case():
    assert propose("RUSSIA") == (1, "name of Russia")
    assert propose("Moscow") == (1, "alias of Russia")
    assert propose("Zelensky")[0] == propose("Zelenskiy")[0] == 3
    assert propose("Russia’s") == (1, "possessive of Russia")


def test_surname_of_a_person_tagged_in_the_article():
    persons = [(2, "Sergei Lavrov")]
    assert propose("Lavrov", persons) == (2, "surname of Sergei Lavrov tagged earlier")
    for quote in ("Mr. Lavrov", "Minister Lavrov", "Foreign Minister Lavrov", "Lavrov’s"):
        assert propose(quote, persons)[0] == 2, quote
    assert propose("Lavrov")[0] is None  # not tagged in this article
    # a first name alone is the person tagged with it, said so (not as a surname)
    assert propose("Sergei", persons) == (2, "first name of Sergei Lavrov tagged earlier")
    assert propose("Sergei", [*persons, (9, "Sergei Shoigu")])[0] is None  # two Sergeis
    assert propose("Russian Foreign Minister Sergei Lavrov", persons)[0] == 2


def test_ambiguous_names_prefer_the_one_tagged_most_recently():
    actor_id, reason = propose("Johnson", recent=[5, 4])
    assert actor_id == 4 and "most recently" in reason
    actor_id, reason = propose("Johnson")
    assert actor_id == 4 and "first" in reason
    persons = [(4, "Boris Johnson"), (5, "Lyndon Johnson")]
    actor_id, reason = propose_actor("Mr. Johnson", {}, persons)
    assert actor_id == 5 and "most recent" in reason


def test_unknown_text_makes_a_new_actor():
    assert propose("Belarus") == (None, "new actor")
    assert propose("   ") == (None, "new actor")


# --- the repository ------------------------------------------------------------------------


@pytest.fixture
def article(db):
    text = "Sergei Lavrov met Liz Truss. Lavrov said the talks failed, Moscow said."
    return add_article(db, ImportedArticle("t", text, "t.txt")).article_id


def tag(db, article_id, word, kind="actor", nth=0, **fields):
    text = db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()[0]
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return add_annotation(db, article_id, kind, start, start + len(word), **fields)


def test_create_get_and_aliases_stay_as_typed(db):
    aliases = ["Zelensky", "ZELENSKY", " Zelenskiy ", "Зеленський"]
    actor = create_actor(db, "Volodymyr Zelenskiy", "person", aliases=aliases, note="n")
    assert (actor.name, actor.type, actor.note) == ("Volodymyr Zelenskiy", "person", "n")
    assert actor.aliases == ("Zelensky", " Zelenskiy ", "Зеленський")  # ZELENSKY: same key
    assert get_actor(db, actor.id) == actor
    assert [a.id for a in find_actors_by_key(db, "zelenskiy")] == [actor.id]
    assert [a.id for a in find_actors_by_key(db, "Volodymyr  ZELENSKIY")] == [actor.id]
    assert find_actors_by_key(db, "Zelen") == []
    assert known_actor_keys(db)["зеленський"] == [actor.id]


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"name": "  "}, "cannot be empty"),
    ({"name": "X", "type": "country"}, "actor type must be one of"),
    ({"name": "X", "aliases": ["ok", ""]}, "an alias cannot be empty"),
])
def test_create_refuses_bad_input(db, kwargs, message):
    with pytest.raises(ValueError, match=message):
        create_actor(db, **kwargs)
    assert list_actors(db) == []


def test_update_actor_changes_only_what_is_given(db):
    actor = create_actor(db, "Zelenskiy", note="keep")
    renamed = update_actor(db, actor.id, name="Volodymyr Zelenskiy", type="person")
    assert (renamed.name, renamed.type, renamed.note) == ("Volodymyr Zelenskiy", "person", "keep")
    assert find_actors_by_key(db, "volodymyr zelenskiy")
    assert not find_actors_by_key(db, "zelenskiy")
    assert update_actor(db, actor.id, note=None).note is None
    with pytest.raises(NotFound):
        update_actor(db, 999, name="x")
    with pytest.raises(ValueError):
        update_actor(db, actor.id, type="nation")


def test_set_aliases_returns_the_previous_ones_for_undo(db):
    actor = create_actor(db, "Russia", aliases=["Moscow"])
    assert set_aliases(db, actor.id, ["Kremlin", "Russian Federation"]) == ("Moscow",)
    assert get_actor(db, actor.id).aliases == ("Kremlin", "Russian Federation")
    assert set_aliases(db, actor.id, ("Moscow",)) == ("Kremlin", "Russian Federation")
    assert get_actor(db, actor.id).aliases == ("Moscow",)
    assert set_aliases(db, actor.id, ["russia"]) == ("Moscow",)  # the name itself is no alias
    assert get_actor(db, actor.id).aliases == ()


def test_link_and_claimant_return_the_previous_actor(db, article):
    a, b = create_actor(db, "Sergei Lavrov"), create_actor(db, "Russia")
    mention = tag(db, article, "Lavrov", nth=1)
    claim = tag(db, article, "the talks failed", kind="claim")
    assert link_annotation(db, mention.id, a.id) is None
    assert link_annotation(db, mention.id, b.id) == a.id
    assert get_annotation(db, mention.id).actor_id == b.id
    assert set_claimant(db, claim.id, a.id) is None
    assert set_claimant(db, claim.id, None) == a.id
    with pytest.raises(ValueError, match="tagged actor, not claim"):
        set_claimant(db, mention.id, a.id)
    with pytest.raises(ValueError, match="tagged claim, not actor"):
        link_annotation(db, claim.id, a.id)
    with pytest.raises(NotFound, match="actor 999"):
        link_annotation(db, mention.id, 999)


def test_list_actors_counts_mentions_and_claims_and_searches_aliases(db, article):
    lavrov = create_actor(db, "Sergei Lavrov", "person", aliases=["Lavrov"])
    create_actor(db, "Russia", "state", aliases=["Moscow"])
    tag(db, article, "Sergei Lavrov", actor_id=lavrov.id)
    tag(db, article, "Lavrov", nth=1, actor_id=lavrov.id)
    tag(db, article, "the talks failed", kind="claim", claimant_id=lavrov.id)
    rows = {s.name: s for s in list_actors(db)}
    assert [s.name for s in list_actors(db)] == ["Russia", "Sergei Lavrov"]
    assert (rows["Sergei Lavrov"].mention_count, rows["Sergei Lavrov"].claim_count) == (2, 1)
    assert (rows["Russia"].mention_count, rows["Russia"].claim_count) == (0, 0)
    assert [s.name for s in list_actors(db, search="mosc")] == ["Russia"]
    assert list_actors(db, search="%") == []


def test_mentions_and_claims_come_with_their_article(db, article):
    lavrov = create_actor(db, "Sergei Lavrov", "person")
    tag(db, article, "Lavrov", nth=1, actor_id=lavrov.id)
    tag(db, article, "Sergei Lavrov", actor_id=lavrov.id)
    tag(db, article, "the talks failed", kind="claim", claimant_id=lavrov.id)
    mentions = mentions_of(db, lavrov.id)
    assert [m.annotation.quote for m in mentions] == ["Sergei Lavrov", "Lavrov"]
    assert mentions[0].article_title == "t" and mentions[0].article_published is None
    assert [m.annotation.quote for m in claims_by(db, lavrov.id)] == ["the talks failed"]


def test_merge_moves_everything_and_unmerge_restores_it_exactly(db, article):
    keep = create_actor(db, "Russia", "state", aliases=["Russian Federation"])
    drop = create_actor(db, "Moscow", "other", aliases=["Kremlin", "russian federation"],
                        note="capital")
    other = create_actor(db, "Sergei Lavrov")
    m1 = tag(db, article, "Moscow", actor_id=drop.id)
    m2 = tag(db, article, "Lavrov", nth=1, actor_id=other.id)
    claim = tag(db, article, "the talks failed", kind="claim", claimant_id=drop.id)
    before = _snapshot(db)

    record = merge_actors(db, keep.id, drop.id)
    with pytest.raises(NotFound):
        get_actor(db, drop.id)
    assert get_annotation(db, m1.id).actor_id == keep.id
    assert get_annotation(db, m2.id).actor_id == other.id
    assert get_annotation(db, claim.id).claimant_id == keep.id
    assert get_actor(db, keep.id).aliases == ("Russian Federation", "Moscow", "Kremlin")
    assert [a.id for a in find_actors_by_key(db, "kremlin")] == [keep.id]

    restored = unmerge(db, record)
    assert restored == drop
    assert _snapshot(db) == before
    with pytest.raises(ValueError, match="undone already"):
        unmerge(db, record)


def test_merge_then_redo_after_undo(db, article):
    keep, drop = create_actor(db, "Russia"), create_actor(db, "Moscow")
    tag(db, article, "Moscow", actor_id=drop.id)
    first = merge_actors(db, keep.id, drop.id)
    after_merge = _snapshot(db)
    unmerge(db, first)
    merge_actors(db, keep.id, drop.id)  # redo
    assert _snapshot(db, stamps=False) == _without_stamps(after_merge)


def test_merge_refuses_itself_and_missing_actors(db):
    actor = create_actor(db, "Russia")
    with pytest.raises(ValueError, match="itself"):
        merge_actors(db, actor.id, actor.id)
    with pytest.raises(NotFound):
        merge_actors(db, actor.id, 999)
    assert get_actor(db, actor.id) == actor


def test_delete_only_unused_actors_and_restore_with_same_id(db, article):
    used, spare = create_actor(db, "Russia"), create_actor(db, "Belarus", aliases=["Minsk"])
    mention = tag(db, article, "Moscow", actor_id=used.id)
    with pytest.raises(ActorInUse, match="still used"):
        delete_actor(db, used.id)
    assert actor_in_use(db, used.id) and not actor_in_use(db, spare.id)
    gone = delete_actor(db, spare.id)
    assert restore_actor(db, gone) == spare
    delete_annotation(db, mention.id)
    delete_actor(db, used.id)
    # AUTOINCREMENT: a new actor never takes a deleted actor's id
    assert create_actor(db, "Ukraine").id > spare.id


def test_the_schema_refuses_what_the_functions_refuse(db):
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO actors (uuid, name, name_key, type, created_at, updated_at)"
                   " VALUES ('u', ' ', '', 'other', 'now', 'now')")
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO actors (uuid, name, name_key, type, created_at, updated_at)"
                   " VALUES ('u', 'x', 'x', 'nation', 'now', 'now')")


def _snapshot(db, stamps: bool = True) -> dict:
    state = {
        "actors": db.execute("SELECT * FROM actors ORDER BY id").fetchall(),
        "aliases": db.execute("SELECT * FROM actor_aliases ORDER BY id").fetchall(),
        "annotations": db.execute("SELECT * FROM annotations ORDER BY id").fetchall(),
    }
    return state if stamps else _without_stamps(state)


def _without_stamps(state: dict) -> dict:
    """Drop ids of alias rows and timestamps: what a redo may legitimately change."""
    return {
        "actors": [r[:-2] for r in state["actors"]],
        "aliases": sorted(r[1:] for r in state["aliases"]),
        "annotations": state["annotations"],
    }


def test_actor_tag_positions_and_types(db):
    from reader_app.domain.models import ImportedArticle
    from reader_app.storage.actors import actor_tag_positions, actor_types, create_actor
    from reader_app.storage.annotations import add_annotation
    from reader_app.storage.articles import add_article

    aid = add_article(db, ImportedArticle("T", "Lavrov met Blinken.", "t.txt")).article_id
    lavrov = create_actor(db, "Sergei Lavrov", "person")
    state = create_actor(db, "United States", "state")
    add_annotation(db, aid, "actor", 0, 6, actor_id=lavrov.id)
    add_annotation(db, aid, "actor", 11, 18, actor_id=state.id)
    add_annotation(db, aid, "claim", 0, 18)
    assert sorted(actor_tag_positions(db, aid)) == [(lavrov.id, 0), (state.id, 11)]
    assert actor_tag_positions(db, aid, hi=11) == [(lavrov.id, 0)]  # a range: [lo, hi)
    assert actor_tag_positions(db, aid, lo=1) == [(state.id, 11)]
    assert actor_types(db, [lavrov.id, state.id, lavrov.id]) == {lavrov.id: "person", state.id: "state"}
    assert actor_types(db, []) == {}


def test_known_actor_keys_for_given_keys_only(db):
    from reader_app.storage.actors import create_actor, known_actor_keys, set_aliases

    russia = create_actor(db, "Russia", "state")
    set_aliases(db, russia.id, ["Moscow"])
    create_actor(db, "NATO", "organization")
    assert known_actor_keys(db, ["moscow", "nobody"]) == {"moscow": [russia.id]}
    assert set(known_actor_keys(db)) == {"russia", "moscow", "nato"}


def test_a_mis_encoded_apostrophe_keys_like_a_real_one():
    # ’ as UTF-8 read as Windows-1252 is "â€™": a possessive all the same
    assert match_key("Russiaâ€™s") == match_key("Russia’s") == "russia's"
    assert propose("Russiaâ€™s") == (1, "possessive of Russia")
    assert name_from_quote("Russiaâ€™s") == "Russia"


def test_read_only_lookups_for_linking_and_finding(db):
    from reader_app.storage.actors import organizations_with_word, persons_with_surname

    lavrov = create_actor(db, "Sergei Lavrov", "person", aliases=["S. Lavrov"])
    create_actor(db, "Lavrov Street Market", "organization")
    reform = create_actor(db, "National Reform Party", "organization")
    assert persons_with_surname(db, "lavrov") == [(lavrov.id, "Sergei Lavrov")]
    assert persons_with_surname(db, "lav") == []
    assert organizations_with_word(db, "reform") == [(reform.id, "National Reform Party")]


def test_actors_by_last_place_orders_as_the_tags_read_one_by_one(db):
    """Each actor once: those tagged only after the point first, then those before it,
    each by its last tag (the nearest before last), as a walk over every tag gives."""
    import random

    from reader_app.domain.models import ImportedArticle
    from reader_app.storage.actors import actors_by_last_place, create_actor
    from reader_app.storage.annotations import add_annotation
    from reader_app.storage.articles import add_article

    text = "word " * 400
    aid = add_article(db, ImportedArticle("T", text, "t.txt")).article_id
    actors = [create_actor(db, f"Actor {n}", "person").id for n in range(12)]
    rng = random.Random(5)
    tags = []
    for start in rng.sample(range(0, 1995, 5), 150):
        actor = rng.choice(actors)
        add_annotation(db, aid, "actor", start, start + 4, actor_id=actor)
        tags.append((actor, start))
    add_annotation(db, aid, "actor", 1000, 1004)  # unlinked: not an actor
    for point in (0, 3, 1000, 1003, 2000):
        walk = sorted(tags, key=lambda t: (t[1] < point, t[1]))
        expected = list(dict.fromkeys(a for a, _ in reversed(walk)))[::-1]
        assert actors_by_last_place(db, aid, point) == expected, point
