"""Rules of the thirteenth round: Russian and Ukrainian decades by their words, "среда" that
is surroundings, a year word of another clause, Orthodox Easter and the Day of Knowledge, a
name in quotation marks after a speech verb, a table state under the library's own name,
and a proper name's words as no kind noun. Sentences written for these tests."""

from __future__ import annotations

from test_actor_link_kinds import _article, _tag

from reader_app.domain.date_finder import find_dates
from reader_app.domain.date_holidays import _orthodox_easter
from reader_app.domain.dates import resolve_in_text
from reader_app.domain.speech import find_claims
from reader_app.services.suggesting import suggest
from reader_app.storage.actors import create_actor, link_annotation


def _found(text, dateline, language):
    return [(text[m.start:m.end], m.value) for m in find_dates(text, dateline, language)]


def _value(text, span, dateline, language):
    start = text.index(span)
    return resolve_in_text(text, start, start + len(span), dateline, language).value


def _known(db, name, kind, text, language="ru"):
    """An article with `name` tagged at its first mention and linked to a new actor."""
    actor = create_actor(db, name, kind)
    article = _article(db, text, language=language)
    link_annotation(db, _tag(db, article, name).annotation.id, actor.id)
    return article, actor


def _actors(db, article):
    return [(article.text[s.start:s.end], s.actor_id) for s in suggest(db, article.id)
            if s.kind == "actor"]


def test_decades_by_their_words_are_the_latest_such_over_by_the_dateline():
    text = "Озеро спускали в семидесятые. В двадцатых числах марта потеплело."
    assert _found(text, "2025-11-16", "ru") == [("семидесятые", "1970/1979"),
                                                ("марта", "2025-03")]
    assert _found("У дев’яності все було інакше, а в двадцяті теж.", "2025-11-16", "uk") == [
        ("дев'яності".replace("'", "’"), "1990/1999"), ("двадцяті", "1920/1929")]


def test_zero_duties_are_no_decade():
    assert _found("Правительство ввело нулевые пошлины.", "2025-11-16", "ru") == []


def test_sreda_after_an_adjective_is_the_surroundings_not_wednesday():
    assert _found("Об этом сообщило Министерство окружающей среды.", "2025-11-16", "ru") == []
    assert _found("В среде экспертов спорят. Защищать окружающую среду.", "2025-11-16",
                  "ru") == []
    assert _found("Решат до следующей среды. К среде ответят. В прошлую среду приняли.",
                  "2025-11-16", "ru") == [("следующей среды", "2025-11-19"),
                                          ("среде", "2025-11-19"),
                                          ("прошлую среду", "2025-11-12")]


def test_a_year_word_of_another_clause_with_another_tense_is_not_the_dates():
    text = "Торік школи відвідували 6 тисяч дітей, а у вересні їх буде вдвічі більше."
    assert _value(text, "вересні", "2026-04-25", "uk") == "2026-09"
    # the same clause's year word still gives the year
    assert _value("Торік у вересні школи відвідували 6 тисяч дітей.", "вересні",
                  "2026-04-25", "uk") == "2025-09"


def test_an_absolute_participle_after_a_holiday_is_no_past_tense():
    text = "The crews will work around the clock, Christmas Day included."
    assert _value(text, "Christmas Day", "2025-12-11", "en") == "2025-12-25"
    assert _value("The crews worked on Christmas Day.", "Christmas Day", "2025-12-11",
                  "en") == "2024-12-25"


def test_orthodox_easter_and_the_day_of_knowledge():
    assert [_orthodox_easter(y).isoformat() for y in (2024, 2025, 2026, 2027)] == [
        "2024-05-05", "2025-04-20", "2026-04-12", "2027-05-02"]
    assert _found("Бригади працювали зокрема й на Великдень. Школи запрацюють до Дня знань.",
                  "2026-04-25", "uk") == [("Великдень", "2026-04-12"),
                                          ("Дня знань", "2026-09-01")]
    assert _found("Храм откроют к Пасхе, ремонт начнут после Пасхи.", "2026-03-02",
                  "ru") == [("Пасхе", "2026-04-12"), ("Пасхи", "2026-04-12")]


def test_a_name_in_quotation_marks_after_a_speech_verb_is_no_claim():
    text = ("Анаит Мелконян заявила «Айастан Медиа», что уровень озера упал на 18 сантиметров "
            "за одно лето. «Мы пять лет поднимали озеро», — сказала Мелконян.")
    quotes = [text[c.start:c.end] for c in find_claims(text, [], {})]
    assert "Айастан Медиа" not in quotes
    assert "Мы пять лет поднимали озеро" in quotes


def test_a_speech_verb_before_a_quoted_name_is_no_noun_for_it(db):
    article, outlet = _known(db, "Айастан Медиа", "media",
                     "Мелконян заявила «Айастан Медиа», что озеро мелеет. «Нам "
                     "плохо», — заявил председатель ассоциации.", "ru")
    assert ("заявил", outlet.id) not in _actors(db, article)


def test_a_company_noun_before_another_quoted_name_is_not_the_one_named_before(db):
    article, green = _known(db, "Зеленый Севан", "organization",
                     "Председатель движения «Зеленый Севан» выступила. Каскадом "
                     "управляет компания «Севан-Энерго», а компания «Зеленый Севан» "
                     "молчит.", "ru")
    text = article.text
    found = [(s.start, s.actor_id) for s in suggest(db, article.id) if s.kind == "actor"]
    first = text.index("компания")
    assert all(start != first for start, _ in found)
    assert (text.index("компания", first + 1), green.id) in found  # before its own name


def test_a_word_of_a_groups_name_met_before_the_group_is_a_name_of_its_own(db):
    article, green = _known(db, "Зеленый Севан", "organization",
                     "Экологи бьют тревогу\n\nВода из озера Севан уходит. Движение "
                     "«Зеленый Севан» протестует. Севан мелеет.", "ru")
    assert not any(q.startswith("Севан") for q, _ in _actors(db, article))


def test_a_table_state_takes_the_librarys_actor_under_another_of_its_names(db):
    article, eu = _known(db, "Европейский союз", "organization",
                     "Европейский союз выделил деньги. Евросоюз ждет отчета, а "
                     "Брюссель молчит.", "ru")
    assert _actors(db, article) == [("Евросоюз", eu.id), ("Брюссель", eu.id)]


def test_a_proper_names_first_word_is_no_kind_noun_but_a_bodys_noun_is(db):
    article, paper = _known(db, "Нова Слобожанщина", "media",
                     "Про це розповіла «Нова Слобожанщина». Учні назвали нову школу "
                     "«Кротовиною».", "uk")
    assert _actors(db, article) == []
    ru, akimat = _known(db, "Акимат Караганды", "organization",
                     "Акимат Караганды объявил тендер. В акимате пояснили сроки.", "ru")
    assert ("акимате", akimat.id) in _actors(db, ru)


def test_a_ukrainian_surname_in_iets_keeps_its_yot_in_other_cases(db):
    article, person = _known(db, "Тарас Коломієць", "person",
                     "Тарас Коломієць відкрив школу. За словами Коломійця, дітей "
                     "більше. Коломійцю подякували.", "uk")
    assert _actors(db, article) == [("Коломійця", person.id), ("Коломійцю", person.id)]


def test_honourable_and_madam_are_titles(db):
    article, mp = _known(db, "Comfort Agyeman-Dankwa", "person",
                         "Comfort Agyeman-Dankwa spoke first. Akosua Boateng agreed. Later "
                         "Hon. Agyeman-Dankwa left, and Madam Boateng laughed.", "en")
    trader = create_actor(db, "Akosua Boateng", "person")
    link_annotation(db, _tag(db, article, "Akosua Boateng").annotation.id, trader.id)
    found = _actors(db, article)
    assert ("Agyeman-Dankwa", mp.id) in found and ("Boateng", trader.id) in found
