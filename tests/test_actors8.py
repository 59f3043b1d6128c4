"""Actor suggestions and links of the eighth round (issue 9): "the group", "the campaign",
"the force" and "the charity" suggested for the body the text called so; a month after
"the force in" is no place; the last word of a name with "of" inside ("Friends of
the Sahel Fund" -> "the fund"); a capital at a route's end is a place; an appositive noun is the
name's description. Sentences written for these tests."""

from __future__ import annotations

from test_actor_link_kinds import _article, _tag

from reader_app.domain.name_context import as_place
from reader_app.services.suggesting import suggest
from reader_app.storage.actors import create_actor


def _suggested(db, article, quote, after=None):
    text = article.text
    at = text.index(quote, text.index(after) if after else 0)
    return [s for s in suggest(db, article.id)
            if s.kind == "actor" and s.start == at and s.end == at + len(quote)]


def test_the_group_is_suggested_for_the_body_the_text_called_a_group(db):
    article = _article(db, "The conservation group Verde Norte met the mayor on Monday. "
                           "The plan falls short, the group said.")
    body = create_actor(db, "Verde Norte", "organization").id
    _tag(db, article, "Verde Norte")
    found = _suggested(db, article, "group", after="short")
    assert found and found[0].actor_id == body


def test_a_watchdog_is_a_group(db):
    article = _article(db, "Open Budgets Kenya, a watchdog, counted the contracts. "
                           "The group will publish them in May.")
    body = create_actor(db, "Open Budgets Kenya", "organization").id
    _tag(db, article, "Open Budgets Kenya")
    found = _suggested(db, article, "group", after="contracts")
    assert found and found[0].actor_id == body


def test_the_campaign_as_an_event_is_no_group(db):
    article = _article(db, "Save the Pier, a campaign group, wants a vote. Residents spent "
                           "$5,000 on the campaign. According to the campaign, 900 signed.")
    body = create_actor(db, "Save the Pier", "organization").id
    _tag(db, article, "Save the Pier")
    assert not _suggested(db, article, "campaign", after="spent")
    found = _suggested(db, article, "campaign", after="According")
    assert found and found[0].actor_id == body


def test_the_force_in_a_month_is_the_police_named_before(db):
    article = _article(db, "Mercia Police closed the road. Drivers contacted the force in "
                           "March about the delays.")
    police = create_actor(db, "Mercia Police", "organization").id
    _tag(db, article, "Mercia Police")
    found = _suggested(db, article, "force")
    assert found and found[0].actor_id == police


def test_the_charity_is_the_trust_named_before(db):
    article = _article(db, "Ann Hale ran the Quayside Food Trust for years. Prosecutors said "
                           "she emptied the charity's account.")
    trust = create_actor(db, "Quayside Food Trust", "organization").id
    _tag(db, article, "Quayside Food Trust")
    found = _suggested(db, article, "charity")
    assert found and found[0].actor_id == trust
    link = _tag(db, article, "charity").annotation.actor_id
    assert link == trust


def test_the_fund_is_a_name_with_of_inside_that_ends_with_fund(db):
    article = _article(db, "The Friends of the Sahel Fund has a third of what it needs. The "
                           "fund's director is travelling to Niamey.")
    fund = create_actor(db, "Friends of the Sahel Fund", "organization").id
    _tag(db, article, "Friends of the Sahel Fund")
    found = _suggested(db, article, "fund")
    assert found and found[0].actor_id == fund


def test_a_capital_at_a_routes_end_is_a_place():
    text = "The stage from Iasi to Chisinau was cut. Riders rode from Chisinau to Iasi."
    at = text.index("Chisinau")
    assert as_place(text, at, at + len("Chisinau"))
    at = text.index("Chisinau", at + 1)
    assert as_place(text, at, at + len("Chisinau"))
    text = "She still hopes to take the race to Chisinau next year."
    at = text.index("Chisinau")
    assert as_place(text, at, at + len("Chisinau"))
    text = "Officials said Chisinau had asked for talks."  # the government
    at = text.index("Chisinau")
    assert not as_place(text, at, at + len("Chisinau"))


def test_a_noun_in_apposition_to_the_subject_is_no_second_mention(db):
    article = _article(db, "The Harbour Independents, the group Lee leads, tabled a motion. "
                           "The council met. The group wants a vote.")
    body = create_actor(db, "Harbour Independents", "organization").id
    _tag(db, article, "Harbour Independents")
    assert not _suggested(db, article, "group")
    found = _suggested(db, article, "group", after="council")
    assert found and found[0].actor_id == body


def test_a_noun_after_a_name_ending_a_clause_is_a_mention(db):
    article = _article(db, "Lee wrote to the chair of the Harbour Independents, the group "
                           "said on Monday.")
    body = create_actor(db, "Harbour Independents", "organization").id
    _tag(db, article, "Harbour Independents")
    found = _suggested(db, article, "group")
    assert found and found[0].actor_id == body


def test_an_association_is_no_company_and_its_noun_is_found_in_its_cases(db):
    text = ("Об этом заявили в Ассоциации пчеловодов Армении. Председатель ассоциации Ашот "
            "Мартиросян добавил, что компания «Медок» снизила цены. Директор компании "
            "согласился.")
    article = _article(db, text, "ru")
    union = create_actor(db, "Ассоциация пчеловодов Армении", "organization").id
    honey = create_actor(db, "Медок", "organization").id
    _tag(db, article, "Ассоциации пчеловодов Армении")
    _tag(db, article, "Медок")
    found = _suggested(db, article, "ассоциации")
    assert found and found[0].actor_id == union
    assert not _suggested(db, article, "компания")  # the noun before «Медок»
    later = _suggested(db, article, "компании")
    assert later and later[0].actor_id == honey


def test_the_office_noun_is_the_ministry_named_before(db):
    text = ("Министерство энергетики Армении выдало лицензию. Как говорится в заявлении "
            "ведомства, работы начнутся весной.")
    article = _article(db, text, "ru")
    ministry = create_actor(db, "Министерство энергетики Армении", "organization").id
    _tag(db, article, "Министерство энергетики Армении")
    found = _suggested(db, article, "ведомства")
    assert found and found[0].actor_id == ministry


def test_a_ministrys_stump_of_a_longer_field(db):
    text = ("Министерство сельского хозяйства Армении ответило фермерам. В сообщении "
            "минсельхоза сказано, что субсидии выплатят в мае.")
    article = _article(db, text, "ru")
    ministry = create_actor(db, "Министерство сельского хозяйства Армении", "organization").id
    _tag(db, article, "Министерство сельского хозяйства Армении")
    found = _suggested(db, article, "минсельхоза")
    assert found and found[0].actor_id == ministry
    text = ("Міністерство розвитку громад та територій України погодило план. У "
            "Мінрозвитку додали, що кошти вже є.")
    article = _article(db, text, "uk")
    ministry = create_actor(db, "Міністерство розвитку громад та територій України",
                            "organization").id
    _tag(db, article, "Міністерство розвитку громад та територій України")
    found = _suggested(db, article, "Мінрозвитку")
    assert found and found[0].actor_id == ministry


def test_bishkek_in_cyrillic_is_kyrgyzstan(db):
    text = "Перевозчики опровергли сообщения о том, что Бишкек потребовал повысить тарифы."
    article = _article(db, text, "ru")
    found = _suggested(db, article, "Бишкек")
    assert found and found[0].actor_name == "Kyrgyzstan"


def test_a_name_that_goes_on_with_another_field_is_not_the_shorter_ministry(db):
    create_actor(db, "Министерство транспорта Казахстана", "organization")
    text = ("Министерство транспорта и коммуникаций Кыргызстана выдало разрешение. "
            "Ведомство рассмотрит и вторую заявку.")
    article = _article(db, text, "ru")
    assert not _suggested(db, article, "Министерство транспорта")
    assert not _suggested(db, article, "Ведомство")


def test_the_house_is_the_legislature_named_before(db):
    article = _article(db, "The Kerala Legislative Assembly passed the bill after the "
                           "opposition walked out of the House. The minister told the House "
                           "that the money was there.")
    house = create_actor(db, "Kerala Legislative Assembly", "organization").id
    _tag(db, article, "Kerala Legislative Assembly")
    found = _suggested(db, article, "House", after="minister")
    assert found and found[0].actor_id == house
    assert _tag(db, article, "House").annotation.actor_id == house

