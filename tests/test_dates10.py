"""Dates of the tenth round: broad Ukrainian, Russian (and some English) date language — tense
from verb morphology, parts of months and years, seasons with no year, case forms, ordinal
days, quarters, nights, short decades. Sentences written for these tests; the dateline is
Thursday 2025-10-16 unless a test says otherwise."""

from __future__ import annotations

import pytest

from reader_app.domain.date_finder import find_dates
from reader_app.domain.dates import resolve_in_text

THURSDAY = "2025-10-16"


def _value(text: str, quote: str, language: str, published: str = THURSDAY) -> str | None:
    at = text.index(quote)
    return resolve_in_text(text, at, at + len(quote), published, language).value


def _found(text: str, language: str, published: str = THURSDAY) -> list[tuple[str, str | None]]:
    return [(text[m.start:m.end], m.value) for m in find_dates(text, published, language)]


# --- tense from the verb's form --------------------------------------------------------------

@pytest.mark.parametrize(("text", "quote", "language", "value"), [
    # prefixed second conjugation, "-ать" after a hushing consonant, "-уться", "-ят", "-ут"
    ("Мерія продовжить програму до серпня.", "серпня", "uk", "2026-08"),
    ("Тарифи підвищать з 1 вересня.", "1 вересня", "uk", "2026-09-01"),
    ("Нові лінії розпочнуться у серпні.", "серпні", "uk", "2026-08"),
    ("Власти продлят программу до августа.", "августа", "ru", "2026-08"),
    ("Тарифы вырастут с 1 июля.", "1 июля", "ru", "2026-07-01"),
    ("Зарплати пекарів зростуть з 1 липня.", "1 липня", "uk", "2026-07-01"),  # з- + plural
])
def test_a_perfective_present_is_a_future(text, quote, language, value):
    assert _value(text, quote, language) == value


def test_an_imperfective_with_a_prefix_stays_a_present():
    # "виходять", "зависит": motion and state verbs keep their prefix and are no future, so the
    # month stays the nearest one (the perfective beside them moves it to next year)
    assert _value("Автобуси виходять на маршрут у вересні.", "вересні", "uk") == "2025-09"
    assert _value("Автобуси повернуться на маршрут у вересні.", "вересні", "uk") == "2026-09"


@pytest.mark.parametrize(("text", "quote", "language", "value"), [
    ("Ціни зросли в лютому.", "лютому", "uk", "2025-02"),
    ("Цены выросли в феврале.", "феврале", "ru", "2025-02"),
    ("Работы шли с марта по май.", "с марта по май", "ru", "2025-03/2025-05"),
])
def test_a_consonant_stem_past_is_a_past(text, quote, language, value):
    assert _value(text, quote, language) == value


@pytest.mark.parametrize(("text", "quote", "value", "published"), [
    ("She fought the ruling on Saturday.", "Saturday", "2025-10-11", THURSDAY),
    ("A second hearing is planned in two weeks.", "in two weeks", "2025-10-30", THURSDAY),
    ("The firm warned it would leave if nothing was done by March.", "March", "2026-03",
     THURSDAY),
    ("The union will meet managers on Tuesday and has not ruled out a strike, he said.",
     "Tuesday", "2025-10-21", THURSDAY),
    # dateline Monday 2025-10-13: "could" after "before" is the past of "can"
    ("He spent four hours at sea on Wednesday before he could dock.", "Wednesday",
     "2025-10-08", "2025-10-13"),
    # "is signed" is a present passive: the day ahead stays ahead (dateline 2026-01-29)
    ("A deal is signed at the summit on 7 July.", "7 July", "2026-07-07", "2026-01-29"),
])
def test_english_tense_cues(text, quote, value, published):
    assert _value(text, quote, "en", published) == value


# --- parts of months, years and weeks -------------------------------------------------------

@pytest.mark.parametrize(("text", "quote", "language", "value"), [
    ("На початку листопада відкриють міст.", "На початку листопада", "uk",
     "2025-11-01/2025-11-10"),
    ("Наприкінці вересня ціни зросли.", "Наприкінці вересня", "uk", "2025-09-21/2025-09-30"),
    ("В середине ноября откроют мост.", "В середине ноября", "ru", "2025-11-11/2025-11-20"),
    ("Цены выросли с начала года.", "с начала года", "ru", "2025-01-01/2025-10-16"),
    # a deadline at the end is that end, as analysts value it: of a year its December
    ("Роботи завершать до кінця року.", "до кінця року", "uk", "2025-12"),
    ("Работы завершат к концу месяца.", "к концу месяца", "ru", "2025-10-21/2025-10-31"),
    ("The work will be done by the end of the year.", "the end of the year", "en",
     "2025-12"),
    ("Prices fell in late September.", "late September", "en", "2025-09-21/2025-09-30"),
    ("Talks are due in mid-November.", "mid-November", "en", "2025-11-11/2025-11-20"),
    ("An update will follow in the first half of November.", "the first half of November",
     "en", "2025-11-01/2025-11-15"),
    ("The fines will be reviewed by the middle of next year.", "the middle of next year",
     "en", "2026-06/2026-07"),
    ("Наприкінці 2024 року ціни впали.", "Наприкінці 2024 року", "uk", "2024-11/2024-12"),
    ("Наприкінці минулого тижня ціни впали.", "Наприкінці минулого тижня", "uk",
     "2025-10-10/2025-10-12"),
])
def test_a_part_of_a_period_the_analyst_tags(text, quote, language, value):
    assert _value(text, quote, language) == value


def test_the_finder_still_suggests_the_period_alone():
    # analysts tag "June" in "by the end of June" with June's value: the finder keeps that
    # span; the whole phrase, tagged, is the end of the month (its last ten days)
    text = "Роботи завершать до кінця листопада."
    assert _found(text, "uk") == [("листопада", "2025-11")]
    assert _value(text, "до кінця листопада", "uk") == "2025-11-21/2025-11-30"


# --- seasons with no year, "between" ---------------------------------------------------------

@pytest.mark.parametrize(("text", "quote", "language", "value", "published"), [
    ("Зерно скупили ще взимку.", "взимку", "uk", "2025-12/2026-02", "2026-06-04"),
    ("Міст відкриють навесні.", "навесні", "uk", "2026-03/2026-05", THURSDAY),
    ("Цієї весни посіви постраждали.", "Цієї весни", "uk", "2025-03/2025-05", THURSDAY),
    ("Ремонт закончат к осени.", "осени", "ru", "2026-09/2026-11", "2026-04-11"),
    ("Ціни зросли влітку.", "влітку", "uk", "2025-06/2025-08", THURSDAY),
])
def test_a_tagged_season_without_a_year_follows_its_clause(text, quote, language, value,
                                                           published):
    assert _value(text, quote, language, published) == value


def test_between_before_a_tagged_pair_makes_it_an_interval():
    text = "More than 4,000 warnings were issued between June and September."
    assert _value(text, "June and September", "en") == "2025-06/2025-09"


# --- case forms and relative words -----------------------------------------------------------

@pytest.mark.parametrize(("text", "quote", "language", "value"), [
    ("Перед п'ятницею прогнозують дощі.", "п'ятницею", "uk", "2025-10-17"),
    ("Отчет подготовят к пятнице.", "пятнице", "ru", "2025-10-17"),
    ("Документ датований березнем 2024 року.", "березнем 2024 року", "uk", "2024-03"),
    ("Документ датирован мартом 2024 года.", "мартом 2024 года", "ru", "2024-03"),
    ("Позаминулого тижня ціни впали.", "Позаминулого тижня", "uk", "2025-W40"),
    ("На позапрошлой неделе цены упали.", "позапрошлой неделе", "ru", "2025-W40"),
    ("Нынешнего года урожай рекордный.", "Нынешнего года", "ru", "2025"),
])
def test_case_forms_and_modifiers(text, quote, language, value):
    assert _value(text, quote, language) == value


@pytest.mark.parametrize(("text", "language", "found"), [
    ("Цьогоріч урожай рекордний.", "uk", [("Цьогоріч", "2025")]),
    ("Міст відкриють через тиждень.", "uk", [("через тиждень", "2025-10-23")]),
    ("Мост откроют через месяц.", "ru", [("через месяц", "2025-11")]),
    ("Отчет подготовят к пятнице.", "ru", [("пятнице", "2025-10-17")]),
])
def test_the_finder_reads_them(text, language, found):
    assert _found(text, language) == found


# --- short decades, intervals by tense, ordinal days, day numbers ----------------------------

def test_a_cyrillic_short_decade_is_the_last_such_decade_over():
    assert _found("Завод построили в 90-е.", "ru") == [("90-е", "1990/1999")]
    assert _value("Завод збудували у 90-х роках.", "у 90-х роках", "uk") == "1990/1999"
    assert _found("Учні 10-х класів склали іспит.", "uk") == []  # a class, not a decade


def test_an_interval_of_yearless_months_follows_its_clause():
    assert _found("Роботи тривали з березня по травень.", "uk") == [
        ("з березня по травень", "2025-03/2025-05")]


@pytest.mark.parametrize(("text", "language", "found"), [
    ("Сесію проведуть двадцять першого жовтня.", "uk", [("двадцять першого жовтня",
                                                       "2025-10-21")]),
    ("Це сталося третього вересня.", "uk", [("третього вересня", "2025-09-03")]),
    ("Заседание пройдет двадцать пятого октября.", "ru", [("двадцать пятого октября",
                                                           "2025-10-25")]),
    ("The vote was held on the third of October.", "en", [("third of October",
                                                           "2025-10-03")]),
    ("Talks resume on November first.", "en", [("November first", "2025-11-01")]),
    ("Зарплату виплатять 20-го числа.", "uk", [("20-го числа", "2025-10-20")]),
])
def test_ordinal_days_and_day_numbers(text, language, found):
    assert _found(text, language) == found


# --- quarters, nights, dd.mm.yy --------------------------------------------------------------

def test_quarters_in_roman_numerals_and_without_a_year():
    assert _found("Показники за II квартал 2025 року погіршилися.", "uk") == [
        ("II квартал 2025 року", "2025-04/2025-06")]
    assert _value("Прибыль упала во втором квартале.", "во втором квартале", "ru") == \
        "2025-04/2025-06"
    # a future clause about a quarter already over: next year's (dateline in October)
    assert _value("ВВП зросте у першому кварталі.", "у першому кварталі", "uk") == \
        "2026-01/2026-03"


def test_a_night_joins_two_days():
    assert _found("Атака произошла в ночь с 3 на 4 октября.", "ru") == [
        ("ночь с 3 на 4 октября", "2025-10-03/2025-10-04")]


def test_a_day_month_and_two_digit_year():
    assert _found("Приказ от 12.03.24 отменен.", "ru") == [("12.03.24", "2024-03-12")]
