"""A ministry's "Ведомство", and the gender a Slavic surname's form shows."""

from __future__ import annotations

from reader_app.domain.actor_gender import (
    FEMALE,
    MALE,
    mention_gender,
    person_gender,
    surname_case_gender,
)
from reader_app.domain.kind_nouns import OFFICE, fits_kind, kind_of_noun


def test_vedomstvo_names_a_ministry_or_an_agency():
    assert kind_of_noun("Ведомство") == OFFICE
    assert kind_of_noun("відомстві") == OFFICE
    assert fits_kind(OFFICE, "Министерство транспорта Казахстана", "organization")
    assert fits_kind(OFFICE, "Державна служба зайнятості", "organization")
    assert not fits_kind(OFFICE, "Алматы Транзит", "organization")


def test_a_surname_s_case_ending_gives_the_gender():
    assert surname_case_gender("Сейтовой") == FEMALE
    assert surname_case_gender("Петренко") is None  # -енко has one form for both
    assert surname_case_gender("Громовым") == MALE
    assert surname_case_gender("Громова") is None  # a woman's name or a man's genitive
    text = "Акимат отверг обвинения Сейтовой в том, что автобусы стоят."
    start = text.index("Сейтовой")
    assert mention_gender(text, start, start + len("Сейтовой")) == FEMALE


def test_a_nominative_surname_s_form_outweighs_a_first_name_read_as_a_man_s():
    assert person_gender("", "Айгуль Сейтова", []) == FEMALE
    assert person_gender("", "Марат Сейтов", []) == MALE
    assert person_gender("", "Оксана Гнатюк", []) == FEMALE


def test_a_woman_s_surname_in_another_case_is_hers_not_her_brother_s():
    from reader_app.domain.actors import propose_actor

    found, _why = propose_actor("Сейтовой", {}, [(2, "Марат Сейтов"), (1, "Айгуль Сейтова")])
    assert found == 1
    assert propose_actor("Громовою", {}, [(3, "Ольга Громова")])[0] == 3


def test_the_finder_reads_a_woman_s_oblique_surname_as_hers():
    from reader_app.domain.actor_finder import KnownName, build_actor_index, find_actors

    names = [KnownName(n, i, n, "person", "name") for n, i in
             (("Айгуль Сейтова", 1), ("Марат Сейтов", 2))]
    text = ("Айгуль Сейтова выступила первой. Марат Сейтов, её брат, промолчал. "
            "Акимат отверг обвинения Сейтовой в том, что автобусы стоят.")
    tagged = [(0, 14, 1), (text.index("Марат"), text.index("Марат") + 12, 2)]
    at = text.index("Сейтовой")
    got = [m for m in find_actors(text, build_actor_index(names), tagged) if m.start == at]
    assert got and got[0].actor_id == 1
