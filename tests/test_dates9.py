"""Dates of the ninth round: Ukrainian and Russian perfective verbs of making public,
arriving, gathering and repeating, whose present form is a future ("оприлюднить … у
вівторок", "приедут … в среду"), so a weekday or an 'in two weeks' is ahead. Sentences written
for these tests."""

from __future__ import annotations

from reader_app.domain.dates import resolve_in_text


def _value(text: str, quote: str, published: str, language: str) -> str | None:
    at = text.index(quote)
    return resolve_in_text(text, at, at + len(quote), published, language).value


def test_a_verb_of_making_public_puts_a_weekday_ahead():
    # dateline Thursday 2025-10-16: the coming Tuesday is the 21st, the last one the 14th
    text = "Міністерство у вівторок оприлюднить нові правила."
    assert _value(text, "вівторок", "2025-10-16", "uk") == "2025-10-21"
    text = "Ведомство во вторник опубликует новые правила."
    assert _value(text, "вторник", "2025-10-16", "ru") == "2025-10-21"


def test_a_verb_of_arriving_puts_a_weekday_ahead():
    text = "Около сорока автобусов приедут на площадь в среду."
    assert _value(text, "среду", "2025-10-16", "ru") == "2025-10-22"
    text = "Близько сорока автобусів приїдуть на площу в середу."
    assert _value(text, "середу", "2025-10-16", "uk") == "2025-10-22"


def test_a_repeated_action_in_two_weeks_is_a_date():
    text = "Профсоюз повторит пикет через две недели."
    assert _value(text, "через две недели", "2025-10-16", "ru") == "2025-10-30"
    text = "Профспілка повторить пікет через два тижні."
    assert _value(text, "через два тижні", "2025-10-16", "uk") == "2025-10-30"


def test_a_reported_would_puts_a_month_just_gone_next_year():
    # dateline 2026-03-03: December 2025 is only two months gone, but a reported future is ahead
    text = "The minister said Poland would pay the first instalment by December."
    assert _value(text, "December", "2026-03-03", "en") == "2026-12"


def test_a_second_reported_clause_does_not_share_the_relative_year():
    # dateline August 2025: the past-tense second clause is this June, not next year's
    text = ("He says a new plant is planned for next year, and that the firm posted "
            "a loss in the quarter to June.")
    assert _value(text, "June", "2025-08-31", "en") == "2025-06"
    text = "Він каже, що новий цех відкриють наступного року, і що фірма зазнала збитку у червні."
    assert _value(text, "червні", "2025-08-31", "uk") == "2025-06"
    text = "Он говорит, что новый цех откроют в следующем году, и что фирма потеряла деньги в июне."
    assert _value(text, "июне", "2025-08-31", "ru") == "2025-06"


def test_a_street_named_for_a_date_is_no_date():
    from reader_app.domain.date_finder import find_dates
    assert find_dates("Колонна пройдет по улице 1 Мая к вокзалу.", "2025-10-16", "ru") == []
    assert find_dates("Автобуси їздитимуть вулицею 8 Березня.", "2025-10-16", "uk") == []
    found = find_dates("Встреча пройдет 11 ноября на набережной.", "2025-10-16", "ru")
    assert [m.value for m in found] == ["2025-11-11"]


def test_a_weekday_describing_a_noun_is_no_date():
    from reader_app.domain.date_finder import find_dates
    text = "The council will restore Saturday hours at the pool and cut Monday collections."
    assert find_dates(text, "2025-10-16", "en") == []
    text = "The pool will be open on Saturday hours later than usual."
    assert [text[m.start:m.end] for m in find_dates(text, "2025-10-16", "en")] == ["Saturday"]


def _found(text: str, language: str) -> list[tuple[str, str | None]]:
    from reader_app.domain.date_finder import find_dates
    return [(text[m.start:m.end], m.value) for m in find_dates(text, "2025-08-31", language)]


def test_a_half_or_quarter_of_a_year_is_its_months():
    assert _found("Deliveries start in the first half of 2027.", "en") == [
        ("the first half of 2027", "2027-01/2027-06")]
    assert _found("Sales fell in Q4 2024, the firm said.", "en") == [
        ("Q4 2024", "2024-10/2024-12")]
    assert _found("Завод запрацює в третьому кварталі 2026 року.", "uk") == [
        ("третьому кварталі 2026 року", "2026-07/2026-09")]
    assert _found("Завод заработает во второй половине 2026 года.", "ru") == [
        ("второй половине 2026 года", "2026-07/2026-12")]
    assert _found("The plant opened in 2019 and half of it closed.", "en") == [("2019", "2019")]


def test_a_second_reported_clause_keeps_its_tense_to_itself():
    # dateline 2026-03-03: "had approved" belongs to the clause after "and that"
    text = ("She said Poland would pay the first instalment by November and that its "
            "deputies had passed the bill.")
    assert _value(text, "November", "2026-03-03", "en") == "2026-11"
    text = "Він сказав, що фонд проведе виплату в листопаді і що депутати вже схвалили закон."
    assert _value(text, "листопаді", "2026-03-03", "uk") == "2026-11"
