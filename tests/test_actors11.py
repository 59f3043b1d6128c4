"""Actor suggestions of the eleventh round: a library actor beats the state table in any
case of its name ("У Кремлі" for a library's "Кремль"); sentences written for these tests."""

from __future__ import annotations

from test_actor_link_kinds import _article, _tag

from reader_app.services.suggesting import suggest
from reader_app.storage.actors import create_actor, link_annotation


def _linked(db, article, quote, after=None):
    text = article.text
    at = text.index(quote, text.index(after) if after else 0)
    return [(s.actor_id, s.actor_name) for s in suggest(db, article.id)
            if s.kind == "actor" and s.start < at + len(quote) and at < s.end]


def test_a_library_actor_wins_over_the_table_in_another_case(db):
    kremlin = create_actor(db, "Кремль", "organization")
    poland = create_actor(db, "Польща", "state")
    article = _article(db, "Кремль промовчав. У Кремлі нічого не сказали. Польща допомогла, "
                       "а з Польщею домовилися про газ.", language="uk")
    link_annotation(db, _tag(db, article, "Кремль").annotation.id, kremlin.id)
    link_annotation(db, _tag(db, article, "Польща").annotation.id, poland.id)
    assert _linked(db, article, "Кремлі") == [(kremlin.id, "Кремль")]
    assert _linked(db, article, "Польщею") == [(poland.id, "Польща")]


def test_the_table_still_links_its_forms_without_such_an_actor(db):
    article = _article(db, "В Кремле промолчали. С Польшей договорились.", language="ru")
    assert [n for _, n in _linked(db, article, "Кремле")] == ["Russia"]
    assert [n for _, n in _linked(db, article, "Польшей")] == ["Poland"]


def test_a_known_first_name_in_another_case_is_the_known_person(db):
    from reader_app.domain.actor_surnames import first_name_form

    assert first_name_form("андрієм", "андрій") and first_name_form("юлией", "юлия")
    assert first_name_form("петра", "петро") and first_name_form("олегом", "олег")
    assert not first_name_form("олена", "олег") and not first_name_form("ивановым", "иван")
    taras = create_actor(db, "Тарас Мельничук", "person")
    article = _article(db, "Тарас Мельничук відкрив форум. Разом з Тарасом Мельничуком "
                       "виступали студенти.", language="uk")
    link_annotation(db, _tag(db, article, "Тарас Мельничук").annotation.id, taras.id)
    assert _linked(db, article, "Тарасом Мельничуком") == [(taras.id, "Тарас Мельничук")]
    ru = _article(db, "Тарас Мельничук открыл форум. Тарасу Мельничуку задали вопрос.",
                  language="ru")
    link_annotation(db, _tag(db, ru, "Тарас Мельничук").annotation.id, taras.id)
    assert _linked(db, ru, "Тарасу Мельничуку") == [(taras.id, "Тарас Мельничук")]


def test_another_first_name_before_the_surname_is_still_another_person(db):
    taras = create_actor(db, "Тарас Мельничук", "person")
    article = _article(db, "Тарас Мельничук відкрив форум. З Оксаною Мельничук говорили "
                       "студенти.", language="uk")
    link_annotation(db, _tag(db, article, "Тарас Мельничук").annotation.id, taras.id)
    assert all(i != taras.id for i, _ in _linked(db, article, "Оксаною Мельничук"))


def test_a_surname_in_o_in_another_case_past_its_vowel(db):
    # the automaton's longest match is the whole "Бондаренко" inside "Бондаренком"
    ivan = create_actor(db, "Іван Бондаренко", "person")
    article = _article(db, "Іван Бондаренко очолив комісію. Бондаренком незадоволені "
                       "депутати, а Бондаренкові пообіцяли звіт.", language="uk")
    link_annotation(db, _tag(db, article, "Іван Бондаренко").annotation.id, ivan.id)
    assert _linked(db, article, "Бондаренком") == [(ivan.id, "Іван Бондаренко")]
    assert _linked(db, article, "Бондаренкові") == [(ivan.id, "Іван Бондаренко")]
    other = _article(db, "Іван Бондаренко прийшов. Бондаренковський район не згадали.",
                     language="uk")
    assert _linked(db, other, "Бондаренковський") == []


def test_a_plural_body_in_its_plural_cases(db):
    forces = create_actor(db, "Сухопутні війська", "organization")
    article = _article(db, "Сухопутні війська провели навчання. Командування Сухопутних "
                       "військ звітувало, а Сухопутним військам передали техніку.",
                       language="uk")
    link_annotation(db, _tag(db, article, "Сухопутні війська").annotation.id, forces.id)
    assert _linked(db, article, "Сухопутних військ") == [(forces.id, "Сухопутні війська")]
    assert _linked(db, article, "Сухопутним військам") == [(forces.id, "Сухопутні війська")]
    ru_forces = create_actor(db, "Морские силы", "organization")
    ru = _article(db, "Морские силы провели учения. По данным Морских сил, все прошло "
                  "штатно.", language="ru")
    link_annotation(db, _tag(db, ru, "Морские силы").annotation.id, ru_forces.id)
    assert _linked(db, ru, "Морских сил") == [(ru_forces.id, "Морские силы")]
