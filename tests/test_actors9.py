"""Actor suggestions of the ninth round (issue 9): a capital in a joint statement's
dateline, after "a"/"an" ("a Lisbon law firm") or before "$" ("NZ$", "US$") is no state;
the Ukrainian and Russian names of Oslo, Vilnius and Copenhagen are their states. Sentences
written for these tests."""

from __future__ import annotations

from test_actor_link_kinds import _article, _tag

from reader_app.domain.name_context import as_place, in_dateline
from reader_app.services.suggesting import suggest
from reader_app.storage.actors import create_actor, link_annotation


def _states(db, article, quote, after=None):
    text = article.text
    at = text.index(quote, text.index(after) if after else 0)
    return [s.actor_name for s in suggest(db, article.id)
            if s.kind == "actor" and s.start == at and s.end == at + len(quote)]


def test_places_of_a_joint_statement_dateline_are_no_actors():
    text = "JOINT RELEASE\nBAMAKO / ROME / VIENNA, 3 March 2024\n\nThe agencies said."
    for place in ("BAMAKO", "ROME", "VIENNA"):
        at = text.index(place)
        assert in_dateline(text, at, at + len(place)), place
    ordinary = "Talks went on.\nROME / VIENNA are both far.\n"
    at = ordinary.index("ROME")
    assert not in_dateline(ordinary, at, at + 4)


def test_a_capital_after_an_indefinite_article_is_a_place():
    text = "The deal was checked by a Lisbon law firm, and an Ankara bank lent the rest."
    for place in ("Lisbon", "Ankara"):
        at = text.index(place)
        assert as_place(text, at, at + len(place)), place
    other = "Pressure from Lisbon grew, and a Moscow-backed group spoke."
    for place in ("Lisbon", "Moscow"):
        at = other.index(place)
        assert not as_place(other, at, at + len(place)), place


def test_a_state_name_before_a_dollar_sign_is_a_currency(db):
    article = _article(db, "The US sent aid. Donors gave US$9 million and the US will "
                           "send more.")
    assert _states(db, article, "US") == ["United States"]
    assert _states(db, article, "US", after="gave") == []
    assert _states(db, article, "US", after="and") == ["United States"]


def test_oslo_and_vilnius_in_cyrillic_are_their_states(db):
    article = _article(db, "Осло пообіцяло гроші, а Вільнюс відмовився. Вильнюса не "
                           "было на встрече, Копенгаген промолчал.")
    assert _states(db, article, "Осло") == ["Norway"]
    assert _states(db, article, "Вільнюс") == ["Lithuania"]
    assert _states(db, article, "Вильнюса") == ["Lithuania"]
    assert _states(db, article, "Копенгаген") == ["Denmark"]


def test_a_spokesman_after_a_capital_speaks_for_the_government():
    text = "A Kremlin spokesman denied it, and an Ankara official agreed."
    for place in ("Kremlin", "Ankara"):
        at = text.index(place)
        assert not as_place(text, at, at + len(place)), place


def test_a_title_never_picks_the_relative_the_text_gave_the_other_gender(db):
    article = _article(db, "Astrid and Lasse Berg run the farm, and their father, Olaf Berg, "
                           "still milks the cows. “We stay,” says Ms Berg, the elder.")
    ids = {}
    for name, quote in (("Astrid Berg", "Astrid"), ("Lasse Berg", "Lasse Berg"),
                        ("Olaf Berg", "Olaf Berg")):
        ids[name] = create_actor(db, name, "person").id
        link_annotation(db, _tag(db, article, quote).annotation.id, ids[name])
    at = article.text.index("Berg,", article.text.index("Ms"))
    found = [s for s in suggest(db, article.id) if s.kind == "actor" and s.start == at]
    assert found and found[0].actor_id != ids["Olaf Berg"]
