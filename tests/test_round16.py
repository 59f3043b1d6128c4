"""Rules of the sixteenth round, read off the misses of the tune17 articles: a clause's
tense past a clock time, a telling and an opening phrase; intentions ahead; deadlines at the
end of a period valued as analysts value them; financial years beside money and "this
financial year"; a hyphenated short name in brackets; "X-старший" when one relative is
tagged. Sentences written for these tests."""

from __future__ import annotations

import pytest
from test_actor_link_kinds import _article
from test_round14 import _known, _linked, _tag_at

from reader_app.domain.date_tense import tense_around
from reader_app.domain.dates import resolve_in_text


def _tense(text: str, quote: str) -> str | None:
    at = text.index(quote)
    return tense_around(text, at, at + len(quote))[0]


def _value(text: str, quote: str, published: str, language: str = "en") -> str | None:
    at = text.index(quote)
    return resolve_in_text(text, at, at + len(quote), published, language).value


@pytest.mark.parametrize(("text", "quote", "tense"), [
    # a telling's day is the telling's: the report after "that" has a tense of its own
    ("The chair told reporters in Hobart on Tuesday that the cap would hold.", "Tuesday", "past"),
    ("Голова сказав журналістам у вівторок, що обмеження діятиме.", "вівторок", "past"),
    # the report's own day takes the report's tense
    ("The chair said the board would meet on Tuesday.", "Tuesday", "future"),
    # a phrase that opens the sentence has no verb: the clause after the comma gives it
    ("In a statement on Friday, the agency said output had doubled.", "Friday", "past"),
    ("At a briefing on Monday, the mayor will name the contractor.", "Monday", "future"),
    # ... while a clause of its own keeps its tense past the attribution
    ("The depot will reopen on Friday, the council said.", "Friday", "future"),
    # a clock time ends no sentence: "7 p.m. Thursday" is in the clause of "would hold"
    ("She said the board would hold a forum, the first at 7 p.m. Thursday in the hall.",
     "Thursday", "future"),
    # an intention then is of what was still ahead
    ("He said the firm hoped to start drilling in September.", "September", "future"),
    ("She said they intended to finish on Sunday.", "Sunday", "future"),
])
def test_the_tense_of_the_clause_a_weekday_is_in(text, quote, tense):
    assert _tense(text, quote) == tense


def test_weekdays_by_those_tenses():
    tuesday = "2026-03-17"
    text = "In a statement on Friday, the company said it had paid the arrears."
    assert _value(text, "Friday", tuesday) == "2026-03-13"  # the Friday before
    sunday = "2026-01-25"
    text = "He said the district would hold a forum at 7 p.m. Thursday in the library."
    assert _value(text, "Thursday", sunday) == "2026-01-29"  # the Thursday after


@pytest.mark.parametrize(("text", "quote", "language", "value"), [
    ("The yard will be finished by the end of the year.", "the end of the year", "en",
     "2026-12"),
    ("The line will be fixed by the end of the month.", "the end of the month", "en",
     "2026-05-21/2026-05-31"),
    ("Депо відкриють до кінця року.", "до кінця року", "uk", "2026-12"),
    ("Трамваи вернутся к концу сентября.", "к концу сентября", "ru", "2026-09-21/2026-09-30"),
    ("Work starts by the beginning of June.", "the beginning of June", "en", "2026-06-01"),
])
def test_a_deadline_at_the_end_of_a_period_is_that_end(text, quote, language, value):
    assert _value(text, quote, "2026-05-21", language) == value


INDIA = ("PUNE: The state will release Rs 150 crore in 2026-27 for the line, an official said. "
         "The civic body said the money would come from this financial year's budget, and the "
         "rest in the next financial year. The Lok Sabha member from Pune in New Delhi agreed.")
AUSTRALIA = ("PERTH: Royalties will fall to $410 million in the 2025-26 financial year before "
             "recovering in 2026-27, the Treasurer said in Canberra. Australian miners agreed.")


def test_a_split_year_beside_money_is_the_countrys_financial_year():
    assert _value(INDIA, "2026-27", "2026-09-16") == "2026-04-01/2027-03-31"
    assert _value(AUSTRALIA, "2025-26", "2026-05-21") == "2025-07-01/2026-06-30"
    assert _value(AUSTRALIA, "2026-27", "2026-05-21") == "2026-07-01/2027-06-30"
    # no money, no financial year: a season of two years
    text = "The 2024-25 season was the club's worst, fans in Sydney and Perth said in Australia."
    assert _value(text, "2024-25", "2025-09-01") == "2024/2025"


def test_this_and_the_next_financial_year_by_the_texts_country():
    assert _value(INDIA, "this financial year", "2026-09-16") == "2026-04-01/2027-03-31"
    assert _value(INDIA, "the next financial year", "2026-09-16") == "2027-04-01/2028-03-31"
    assert _value(INDIA, "this financial year", "2026-02-10") == "2025-04-01/2026-03-31"
    # no country that says when its year starts: not guessed
    text = "The firm expects a loss this financial year, its chief said."
    assert _value(text, "this financial year", "2026-09-16") is None


def test_a_hyphenated_short_name_in_brackets_names_the_body_after_it(db):
    text = ("Maharashtra Metro Rail Corporation Limited (Maha-Metro) told the committee on "
            "Friday that work would start. Maha-Metro engineers will attend. A Maha-Metro team "
            "met the Pune Municipal Corporation (PMC).")
    article = _article(db, text)
    _known(db, article, "Maharashtra Metro Rail Corporation Limited")
    assert _linked(db, _tag_at(db, article, "Maha-Metro", 0)) == \
        "Maharashtra Metro Rail Corporation Limited"
    assert _linked(db, _tag_at(db, article, "Maha-Metro", 2)) == \
        "Maharashtra Metro Rail Corporation Limited"
    # a bracketed word that shortens nothing before it is no name of it
    other = _article(db, "The Rivne Heart Centre (Kyiv-Based) opened a ward.")
    assert _linked(db, _tag_at(db, other, "Kyiv-Based")) != "Rivne Heart Centre"


def test_the_elder_is_the_one_relative_tagged_so_far(db):
    text = ("Відділення створив лікар Микола Гнатюк. Тепер 72-річний Гнатюк-старший на пенсії, "
            "а відділення очолює його донька Олеся Гнатюк. Гнатюк-молодша розповіла про плани.")
    article = _article(db, text, language="uk")
    _known(db, article, "Микола Гнатюк", "person")
    elder = _tag_at(db, article, "Гнатюк-старший")
    assert _linked(db, elder) == "Микола Гнатюк"
    assert "the one person tagged here with that surname" in elder.explanation
    # the younger, with only the father tagged, is not him
    assert _linked(db, _tag_at(db, article, "Гнатюк-молодша")) != "Микола Гнатюк"


# -- claimants -----------------------------------------------------------------------------

def _speaker(marked: str, claim: str, persons: set[int]) -> int | None:
    from test_claimants11 import _marked

    from reader_app.domain.claims import propose_claimant

    text, spans = _marked(marked)
    start = text.index(claim)
    return propose_claimant(text, start, start + len(claim), spans, {}, persons)[0]


@pytest.mark.parametrize(("marked", "claim"), [
    # an office or trade after the claim stands for the person named before, as "he" does
    ("[Sani Abdulkadir] said output would rise next week. The first wagons will leave on "
     "Thursday, the engineer added.", "The first wagons will leave on Thursday"),
    ("Об этом сообщил [Ерлан Жумабеков]. Первые составы отправятся в сентябре, добавил "
     "вице-министр.", "Первые составы отправятся в сентябре"),
    ("[Олена Коваль] очолює лабораторію. Аналізи будуть готові в понеділок, пояснила "
     "лікарка.", "Аналізи будуть готові в понеділок"),
])
def test_an_office_or_trade_as_speaker_is_the_person_named_before(marked, claim):
    assert _speaker(marked, claim, {1}) == 1


def test_a_body_speaks_after_a_day_word_in_a_russian_attribution():
    marked = ("Маршрут снова заработает с 1 декабря, сообщили сегодня в коммунальном "
              "предприятии «[Горэлектротранс]».")
    assert _speaker(marked, "Маршрут снова заработает с 1 декабря", set()) == 1


# -- another state's body of the same name -------------------------------------------------

KAZAKH = ("АСТАНА. В Министерстве сельского хозяйства (Минсельхоз) Казахстана заявили, что "
          "экспорт зерна вырастет. Минсельхоз ждет рекордного урожая, сообщили в министерстве.")


def test_another_states_ministry_of_that_name_is_not_this_ones(db):
    from reader_app.services.suggesting import suggest
    from reader_app.storage.actors import create_actor

    moldova = create_actor(db, "Министерство сельского хозяйства Молдовы", "organization")
    article = _article(db, KAZAKH, language="ru")
    found = {article.text[s.start:s.end]: s.actor_id for s in suggest(db, article.id)
             if s.kind == "actor"}
    assert moldova.id not in found.values(), found
    # tagged and linked to this story's own ministry, its short form follows that one
    own = _known(db, article, "Министерстве сельского хозяйства", "organization",
                 name="Министерство сельского хозяйства Республики Казахстан")
    from reader_app.storage.actors import actor_in_use, delete_actor, list_actors

    for actor in list_actors(db):  # the new actor the tag made before it was relinked
        if actor.id not in (moldova.id, own.id) and not actor_in_use(db, actor.id):
            delete_actor(db, actor.id)
    found = {(article.text[s.start:s.end], s.start): s.actor_id
             for s in suggest(db, article.id) if s.kind == "actor"}
    later = KAZAKH.index("Минсельхоз ждет")
    assert found.get(("Минсельхоз", later)) == own.id
    # a text that does name Moldova may mean Moldova's
    other = _article(db, "Министерство сельского хозяйства сообщило о засухе в Молдове.",
                     language="ru")
    assert moldova.id in {s.actor_id for s in suggest(db, other.id) if s.kind == "actor"}


def test_a_ministry_of_a_republic_has_its_short_form():
    from reader_app.domain.actor_index import _cyrillic_short_names, build_actor_index
    from reader_app.domain.actor_mentions import SOURCE_NAME, KnownName

    names = [KnownName("Министерство сельского хозяйства Республики Казахстан", 1,
                       "Министерство сельского хозяйства Республики Казахстан",
                       "organization", SOURCE_NAME),
             KnownName("Казахстан", 2, "Kazakhstan", "state", SOURCE_NAME)]
    index = build_actor_index(names)
    assert "минсельхоз" in _cyrillic_short_names(names[0], index.names)


def test_a_name_ending_in_its_trade_is_a_company_and_the_company_is_it(db):
    from reader_app.domain.actors import guess_actor_type
    from reader_app.domain.kind_nouns import COMPANY, fits_kind

    assert guess_actor_type("Redgum Lithium") == "organization"
    assert guess_actor_type("Karoo Platinum Resources") == "organization"
    assert fits_kind(COMPANY, "Redgum Lithium", "organization")
    assert not fits_kind(COMPANY, "Department of Mineral Resources", "organization")
    text = ("Redgum Lithium managing director Fiona Tregenza said the company would decide next "
            "month. The Department of Mineral Resources said the company had not applied.")
    article = _article(db, text)
    for quote in ("Redgum Lithium", "Fiona Tregenza", "Department of Mineral Resources"):
        _tag_at(db, article, quote)
    assert _linked(db, _tag_at(db, article, "company", 0)) == "Redgum Lithium"
    assert _linked(db, _tag_at(db, article, "company", 1)) == "Redgum Lithium"


def test_a_ukrainian_texts_own_government_and_state_whoever_is_tagged_more(db):
    text = ("Росія знову атакувала енергетику. Москва заперечує удари, а Кремль погрожує. "
            "Україна просить допомоги. Уряд виділив кошти, а держава компенсує втрати. "
            "Російський уряд відповіді не дав.")
    article = _article(db, text, language="uk")
    for quote in ("Росія", "Москва", "Кремль", "Україна"):
        _tag_at(db, article, quote)
    assert _linked(db, _tag_at(db, article, "Уряд")) == "Ukraine"
    assert _linked(db, _tag_at(db, article, "держава")) == "Ukraine"
    assert _linked(db, _tag_at(db, article, "уряд", 0)) != "Ukraine"  # "Російський уряд"


def test_a_wire_datelines_town_is_no_mention_of_the_company_named_after_it(db):
    from reader_app.services.suggesting import suggest
    from reader_app.storage.actors import create_actor

    company = create_actor(db, "Kaduna Refining and Petrochemical Company", "organization")
    text = ("KADUNA — The Kaduna Refining and Petrochemical Company restarted its crude unit. "
            "Kaduna said output would double.")
    article = _article(db, text)
    found = {(article.text[s.start:s.end], s.start): s.actor_id
             for s in suggest(db, article.id) if s.kind == "actor"}
    assert ("KADUNA", 0) not in found
    assert found.get(("Kaduna", text.index("Kaduna said"))) == company.id  # its first word


@pytest.mark.parametrize(("text", "quote", "language", "value"), [
    ("Урожай выше прошлогоднего уровня.", "прошлогоднего", "ru", "2025"),
    ("Торішній рекорд побито.", "Торішній", "uk", "2025"),
    ("Минулорічна посуха завдала шкоди.", "Минулорічна", "uk", "2025"),
    ("It beat last year's record.", "last year's", "en", "2025"),
    # Diwali: its day in the nearest year, from India's list
    ("The line should open before Diwali, officials said.", "Diwali", "en", "2026-11-08"),
])
def test_last_years_adjectives_and_diwali(text, quote, language, value):
    assert _value(text, quote, "2026-08-22", language) == value


def test_diwali_after_a_word_of_time_is_suggested():
    from reader_app.domain.date_finder import find_dates

    text = "Shops will stay open until Diwali. A Diwali sale began."
    found = [(text[m.start:m.end], m.value) for m in find_dates(text, "2026-09-16", "en")]
    assert found == [("Diwali", "2026-11-08")]  # "A Diwali sale": a modifier, no date
