"""Dates of the eighth round: an adjective in -ed is no past tense ("a closed hearing"), a
reported future after "conceded"/"warned" ... would, "a fortnight ago", "the May budget",
"profit for 2025", a generic "a weekend", a name holding "Today"/"Сьогодні", "the following
day" after a dated event, a bare month range ("March to May"), split financial years
("2024-25 financial year"). Sentences written for these tests."""

from __future__ import annotations

from reader_app.domain.date_finder import find_dates
from reader_app.domain.dates import resolve_in_text


def _value(text: str, quote: str, published: str, language: str = "en") -> str | None:
    at = text.index(quote)
    return resolve_in_text(text, at, at + len(quote), published, language).value


def _found(text: str, published: str, language: str = "en") -> list[tuple[str, str | None]]:
    return [(text[d.start:d.end], d.value) for d in find_dates(text, published, language)]


def test_an_ed_adjective_after_a_determiner_is_no_past_tense():
    # Saturday 2026-04-18: "would summon" reports a future; "a closed session" is no past
    text = "The chairman said he would summon the ministers to a closed session on Wednesday."
    assert _value(text, "Wednesday", "2026-04-18") == "2026-04-22"
    text = "The mayor said she would present the revised plan on Monday."
    assert _value(text, "Monday", "2026-04-18") == "2026-04-20"


def test_a_future_reported_after_an_admission_moves_a_day_month_ahead():
    # 2025-11-20: fares "would rise from 1 August" is next August, not the one gone
    text = "The operator admitted that fares would rise from 1 August, and apologised."
    assert _value(text, "1 August", "2025-11-20") == "2026-08-01"
    text = "She warned that the rates would climb from 1 July."
    assert _value(text, "1 July", "2025-10-14") == "2026-07-01"


def test_a_fortnight_ago_is_fourteen_days_before():
    text = "The ferry was withdrawn a fortnight ago after a collision."
    assert _found(text, "2025-10-14") == [("a fortnight ago", "2025-09-30")]
    text = "Talks collapsed two fortnights ago."
    assert _value(text, "two fortnights ago", "2025-10-14") == "2025-09-16"


def test_a_fortnight_alone_is_no_date():
    text = "Repairs will take a fortnight, and the last fortnight was wet."
    assert _found(text, "2025-10-14") == []


def test_may_after_a_determiner_is_the_month():
    text = "The funds were set aside in the May statement, a spokesman said on Friday."
    assert ("May", "2025-05") in _found(text, "2025-10-14")
    text = "The council approved its May report and its June one."
    assert ("May", "2025-05") in _found(text, "2025-10-14")


def test_a_year_after_for_is_a_year_before_a_verb_not_before_a_noun():
    text = "The chairman said revenue for 2024 had fallen by a tenth."
    assert ("2024", "2024") in _found(text, "2026-02-12")
    text = "The club sold tickets for 1950 fans."
    assert _found(text, "2026-02-12") == []


def test_a_weekend_or_a_weekday_after_a_is_no_date():
    text = "Police could not close the road on a weekend, or on a Sunday."
    assert _found(text, "2025-06-16") == []
    text = "Police closed the road over the weekend."
    assert _found(text, "2025-06-16") == [("weekend", "2025-06-14/2025-06-15")]


def test_today_inside_a_name_is_no_date():
    text = "ЖИТОМИР, 29 травня («Житомир Сьогодні»). Міст відкрили сьогодні."
    assert _found(text, "2026-05-29", "uk") == [("29 травня", "2026-05-29"),
                                               ("сьогодні", "2026-05-29")]
    text = "She told the Kyiv Today podcast that the plan was ready."
    assert _found(text, "2026-05-29") == []
    text = "Talks Resume Today\nToday the council voted."
    assert [v for _q, v in _found(text, "2026-05-29")] == ["2026-05-29", "2026-05-29"]


def test_the_following_day_counts_from_the_date_before_it():
    text = "He was arrested on 3 March 2024 and charged the following day."
    assert _value(text, "the following day", "2026-05-21") == "2024-03-04"
    assert ("the following day", "2024-03-04") in _found(text, "2026-05-21")
    text = "The board met on Monday. The chairman resigned the next day."
    assert _value(text, "the next day", "2026-05-21") == "2026-05-19"
    text = "The minister flew to Riga on 9 May; the day before, she had met the envoy."
    assert _value(text, "the day before", "2026-05-21") == "2026-05-08"
    text = "Депутати зібралися 12 травня, а наступного дня ухвалили закон."
    assert _found(text, "2026-05-21", "uk") == [("12 травня", "2026-05-12"),
                                               ("наступного дня", "2026-05-13")]
    text = "Он прилетел в Минск 5 мая, а накануне встречался с послом."
    assert _found(text, "2026-05-21", "ru") == [("5 мая", "2026-05-05"), ("накануне", "2026-05-04")]


def test_the_following_day_with_no_date_before_it_stays_unread():
    text = "Staff were told to return the following day."
    assert _value(text, "the following day", "2026-05-21") is None
    assert _found(text, "2026-05-21") == []


def test_a_bare_month_range_is_one_interval():
    text = "The dry season, June to September, left the fields bare."
    assert _found(text, "2026-10-12") == [("June to September", "2026-06/2026-09")]
    text = "The works run March-May."
    assert _found(text, "2026-01-12") == [("March-May", "2026-03/2026-05")]


def test_a_split_financial_year_follows_the_country_of_the_article():
    text = "Canberra said the deficit in the 2023-24 financial year was smaller, Australian " \
           "officials said."
    assert ("2023-24 financial year", "2023-07-01/2024-06-30") in _found(text, "2025-10-14")
    text = "The Indian state will raise the bonus in the 2026-27 budget, the minister said."
    assert ("2026-27", "2026-04-01/2027-03-31") in _found(text, "2025-12-03")


def test_a_split_year_with_no_country_is_the_two_years():
    text = "Output fell in the 2022-23 season, the growers said."
    assert ("2022-23", "2022/2023") in _found(text, "2025-12-03")
    text = "The plan covered 2019-21, the growers said."  # no split year: 21 is not 20
    assert ("2019-21", "2019/2020") not in _found(text, "2025-12-03")
    text = "Exports fell in the 2024-25 financial year, the board said."
    assert _found(text, "2025-12-03") == [("2024-25 financial year", "2024/2025")]


def test_a_participle_after_a_prepositions_noun_is_no_past_tense():
    # 2025-12-03: "applies to cars registered from March" is the March to come
    text = "The new tax applies to cars registered from March."
    assert _value(text, "March", "2025-12-03") == "2026-03"
    text = "The bonus takes effect for the wheat crop bought from April."
    assert _value(text, "April", "2025-12-03") == "2026-04"
    text = "Fares increased from April, and the ministry bought land from May."
    assert _value(text, "April", "2025-12-03") == "2025-04"
    assert _value(text, "May", "2025-12-03") == "2025-05"


def test_a_relative_year_in_an_earlier_clause_is_not_the_months():
    # 2025-12-03: "this year" is the first clause's; the rule "takes effect ... from April"
    text = ("It is the second levy announced this year, and it applies to cars registered "
            "from April.")
    assert _value(text, "April", "2025-12-03") == "2026-04"
    text = "В прошлом году цены выросли, а в феврале, в разгар сезона, упали."
    assert _value(text, "феврале", "2025-12-03", "ru") == "2024-02"
    text = "This year prices rose in April."
    assert _value(text, "April", "2025-12-03") == "2025-04"


def test_a_present_verb_after_it_he_she_is_its_clauses_tense():
    # Wed 2025-12-03: "it applies to flights on Friday" is this week's Friday, not the last
    text = "The tax was agreed in the spring, and it applies to flights on Friday."
    assert _value(text, "Friday", "2025-12-03") == "2025-12-05"
    text = "The minister said she has met the envoy on Monday."
    assert _value(text, "Monday", "2025-12-03") == "2025-12-01"
