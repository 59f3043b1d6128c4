"""Short forms and relatives in news (issue 9, sixth round): a ministry's stump ("Міненерго",
"Минтранса"), a title choosing among relatives by the noun of another's apposition ("Mrs
Reid" when "Alan Reid, a fisherman" is her cousin), and a noun before a quoted name that is
no apposition of it ("Директорка «X»", "Минулого року «X»"). Sentences written for these
tests."""

from __future__ import annotations

import pytest

from reader_app.domain.actor_acronyms import defined_acronyms
from reader_app.domain.actor_finder import SOURCE_NAME, KnownName, build_actor_index, find_actors
from reader_app.domain.actor_gender import FEMALE, MALE, apposition_gender
from reader_app.domain.actors import guess_actor_type
from reader_app.domain.body_nouns import declared_nouns
from reader_app.domain.models import ImportedArticle
from reader_app.formats.state_table import load_state_table
from reader_app.services.analysis import add_tag
from reader_app.storage.actors import create_actor
from reader_app.storage.articles import add_article, get_article


def _article(db, text, language="en", published="2025-09-16"):
    item = ImportedArticle(title="t", text=text, source="test", published=published,
                           language=language)
    return get_article(db, add_article(db, item).article_id)


def _tag(db, article, quote, after=None):
    start = article.text.index(quote, article.text.index(after) if after else 0)
    return add_tag(db, article, "actor", start, start + len(quote))


@pytest.mark.parametrize(("text", "stump", "name"), [
    ("Міністерство фінансів України (Мінфін) оприлюднило звіт.", "Мінфін",
     "Міністерство фінансів України"),
    ("Министерство энергетики (Минэнерго) сообщило о ремонте.", "Минэнерго",
     "Министерство энергетики"),
    ("Міністерство охорони здоров'я (МОЗ) попередило.", "МОЗ",
     "Міністерство охорони здоров'я"),  # initials still work
])
def test_a_ministry_stump_in_brackets_is_defined(text, stump, name):
    found = [(text[a:b], n.canonical) for _, a, b, n in defined_acronyms(text, [])]
    assert found == [(stump, name)]


def test_a_stump_that_spells_another_field_is_not_that_ministry():
    text = "Міністерство освіти (Мінфін) оприлюднило звіт."
    assert defined_acronyms(text, []) == []


def test_a_defined_stump_links_to_the_ministry_tagged_before(db):
    article = _article(db, "Міністерство енергетики України (Міненерго) попередило про "
                           "відключення. Увечері Міненерго уточнило графік.", "uk")
    ministry = _tag(db, article, "Міністерство енергетики України").annotation.actor_id
    assert _tag(db, article, "Міненерго").annotation.actor_id == ministry
    assert _tag(db, article, "Міненерго", after="Увечері").annotation.actor_id == ministry


def test_an_undefined_stump_links_to_the_one_ministry_of_that_field(db):
    transport = create_actor(db, "Министерство транспорта Узбекистана", "organization").id
    create_actor(db, "Министерство финансов Узбекистана", "organization")
    article = _article(db, "Представитель Минтранса пообещал новые автобусы.", "ru")
    assert _tag(db, article, "Минтранса").annotation.actor_id == transport


def test_two_ministries_of_the_field_leave_the_stump_unlinked(db):
    one = create_actor(db, "Министерство транспорта Узбекистана", "organization").id
    two = create_actor(db, "Министерство транспорта Таджикистана", "organization").id
    article = _article(db, "Представитель Минтранса пообещал новые автобусы.", "ru")
    assert _tag(db, article, "Минтранса").annotation.actor_id not in (one, two)


@pytest.mark.parametrize(("text", "gender"), [
    ("Alan Reid, a fisherman, said", MALE),
    ("Ruth Marsh, the union's spokeswoman, said", FEMALE),
    ("Piet Vos, the mayor's brother, said", MALE),
    ("Ana Costa, the minister's widow, said", FEMALE),
    ("Lee Park, the mayor, said", None),  # no gendered noun
    ("Tom Reed, a human rights lawyer, said", None),  # "human" is no "-man" noun
])
def test_the_apposition_after_a_name_gives_a_gender(text, gender):
    assert apposition_gender(text, text.index(",")) == gender


def test_mrs_is_the_relative_the_apposition_does_not_make_a_man(db):
    article = _article(db, "\"We were told spring,\" says Fiona Reid, who keeps the island "
                           "shop. Her cousin, Alan Reid, a fisherman, is angrier. Mrs Reid's "
                           "shop lost money.")
    fiona = _tag(db, article, "Fiona Reid").annotation.actor_id
    _tag(db, article, "Alan Reid")
    assert _tag(db, article, "Mrs Reid").annotation.actor_id == fiona


def test_a_noun_before_an_inflected_or_dated_quoted_name_declares_nothing():
    text = ("Компанія «Лісова енергія» повідомила про ремонт. Минулого року «Лісова енергія» "
            "втратила п'ять підстанцій. Директорка «Лісової енергії» заявила про нові "
            "укриття.")
    spans = [(text.index(q), text.index(q) + len(q), 1) for q in
             ("Лісова енергія", "Лісова енергія» втратила", "Лісової енергії")]
    spans[1] = (spans[1][0], spans[1][0] + len("Лісова енергія"), 1)
    assert declared_nouns(text, spans) == {"компанія": 1}


def test_a_woman_of_another_surname_does_not_push_out_the_unsaid_relative(db):
    article = _article(db, "Jane Watt said she would sail. \"We were told spring,\" says Fiona "
                           "Reid, who keeps the island shop. Her cousin, Alan Reid, a "
                           "fisherman, is angrier. Mrs Reid's shop lost money.")
    _tag(db, article, "Jane Watt")
    fiona = _tag(db, article, "Fiona Reid").annotation.actor_id
    _tag(db, article, "Alan Reid")
    assert _tag(db, article, "Mrs Reid").annotation.actor_id == fiona


@pytest.mark.parametrize("name", ["Акимат Шымкента", "Маслихат Астаны", "Поліська мережа",
                                  "Памир Авиа", "Хокимият Ташкента"])
def test_a_bodys_noun_guesses_an_organisation(name):
    assert guess_actor_type(name) == "organization"


def _found(text, names, tagged_quotes):
    known = [KnownName(n, i, n, kind, SOURCE_NAME) for i, (n, kind) in enumerate(names, 1)]
    tagged = []
    for quote in tagged_quotes:
        at = text.index(quote)
        tagged.append((at, at + len(quote), next(k.actor_id for k in known if k.text == quote)))
    firsts = {s for s, _, _ in tagged}
    return [(text[m.start:m.end], m.canonical) for m in
            find_actors(text, build_actor_index(known), tagged) if m.start not in firsts]


def test_a_surname_after_mrs_is_the_relative_no_apposition_makes_a_man():
    text = ("\"We were told spring,\" says Fiona Reid, who keeps the island shop. Her cousin, "
            "Alan Reid, a fisherman, is angrier. Mrs Reid's shop lost money.")
    names = [("Fiona Reid", "person"), ("Alan Reid", "person")]
    assert _found(text, names, ["Fiona Reid", "Alan Reid"]) == [("Reid", "Fiona Reid")]


def test_a_portfolio_before_minister_is_no_short_name_of_a_party():
    names = [("Green Party", "organization")]
    text = "The Green Party won. Green Minister Ola Berg said so. Later Green said no."
    assert _found(text, names, ["Green Party"]) == [("Green", "Green Party")]  # the last


def test_the_noun_with_a_place_after_it_is_another_body():
    names = [("Royal Museum of Art", "organization")]
    text = ("The Royal Museum of Art lent the mask. The museum in Lagos will show it, and "
            "the museum said the loan is for a year.")
    assert _found(text, names, ["Royal Museum of Art"]) == [("museum", "Royal Museum of Art")]


def test_a_possessed_company_noun_is_not_the_company_named_before():
    # "его компания" is the company of the man who speaks, not the one the story names most
    names = [("Степ Авиа", "organization"), ("Небо Эйр", "organization")]
    text = ("Авиакомпания «Степ Авиа» купила два самолёта. Рейсы «Степ Авиа» начнутся в мае, "
            "билеты «Степ Авиа» уже продаются. Основатель «Небо Эйр» заявил, что его компания "
            "тоже полетит. В компании «Степ Авиа» промолчали.")
    found = _found(text, names, ["Степ Авиа", "Небо Эйр"])
    assert ("компания", "Степ Авиа") not in found and ("компании", "Степ Авиа") in found


def test_a_place_named_body_is_not_named_by_its_place_alone():
    names = [("Odesa Regional Military Administration", "organization"),
             ("Danubia Grain Logistics", "organization")]
    text = ("Odesa Regional Military Administration said drones hit a depot in Odesa region. "
            "Danubia Grain Logistics lost a silo. Danubia said it would rebuild.")
    assert _found(text, names, ["Odesa Regional Military Administration",
                                "Danubia Grain Logistics"]) == [("Danubia", "Danubia Grain Logistics")]


def test_a_capital_in_a_compound_or_before_an_event_is_the_place():
    index = build_actor_index(load_state_table())
    text = "The Paris-based agency and the Madrid talks were praised. Paris said it agreed."
    found = [(m.start, text[m.start:m.end]) for m in find_actors(text, index, [])]
    assert found == [(text.rfind("Paris"), "Paris")]


def test_a_noun_declared_before_a_quoted_name_links_to_it_alone_later(db):
    article = _article(db, "Профсоюз «Рассвет» объявил забастовку. Требования профсоюза "
                           "руководство отвергло.", "ru")
    union = _tag(db, article, "Рассвет").annotation.actor_id
    assert _tag(db, article, "профсоюза").annotation.actor_id == union


def test_a_council_stump_links_to_the_council_of_that_level(db):
    city = create_actor(db, "Одеська міська рада", "organization").id
    create_actor(db, "Одеська обласна рада", "organization")
    article = _article(db, "Одеська міська рада ухвалила бюджет. Депутати міськради "
                           "проголосували одноголосно.", "uk")
    _tag(db, article, "Одеська міська рада")
    assert _tag(db, article, "міськради").annotation.actor_id == city


def test_a_compound_of_two_words_of_a_tagged_body_links_to_it(db):
    article = _article(db, "Павлодарский троллейбусный парк закрыл два маршрута. В "
                           "троллейпарке объяснили это ремонтом. Троллейбусы стоят.", "ru")
    park = _tag(db, article, "Павлодарский троллейбусный парк").annotation.actor_id
    assert _tag(db, article, "троллейпарке").annotation.actor_id == park
    assert _tag(db, article, "Троллейбусы").annotation.actor_id != park


def test_a_capital_at_a_journeys_end_is_the_place():
    index = build_actor_index(load_state_table())
    text = "The masks go on a plane to Accra. Officials sent a note to Accra. Accra agreed."
    found = [m.start for m in find_actors(text, index, [])]
    assert found == [text.index("Accra. Accra") , text.rfind("Accra")]
