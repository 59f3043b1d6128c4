"""Claimant round 11: speech the inventory (benchmarks/speech_inventory.py) found missed,
each rule on sentences of its own.

Adverbial participles after the main clause ("…, заявивши, що", Russian "…, заявив, что"),
speech verbs and stance words missing from the lists, and phrases of data and reports
("за інформацією", "по сведениям")."""

from __future__ import annotations

import pytest

from reader_app.domain.claims import propose_claimant
from reader_app.domain.speech import find_claims


def _marked(marked: str) -> tuple[str, list[tuple[int, int, int]]]:
    """Text with [name] marking actor tags: each distinct name gets an id from 1."""
    ids: dict[str, int] = {}
    out, spans, i = "", [], 0
    while (open_at := marked.find("[", i)) >= 0:
        close = marked.index("]", open_at)
        out += marked[i:open_at]
        name = marked[open_at + 1:close]
        spans.append((len(out), len(out) + len(name), ids.setdefault(name, len(ids) + 1)))
        out += name
        i = close + 1
    return out + marked[i:], spans


def _claims(text, spans, persons=()):
    return {text[c.start:c.end]: c.claimant_id for c in find_claims(text, spans, {}, persons)}


def _claimant(text, spans, claim, persons=()):
    start = text.index(claim)
    return propose_claimant(text, start, start + len(claim), spans, {}, set(persons))[0]


@pytest.mark.parametrize(("marked", "claim"), [
    ("[Олена Гринчук] провела нараду, наголосивши, що мости відремонтують до зими.",
     "мости відремонтують до зими"),
    ("[Павло Дорош] звернувся до водіїв, попередивши, що трасу закриють на ніч.",
     "трасу закриють на ніч"),
    ("[Игорь Белов] завершил визит, заявив, что завод откроют в марте.",
     "завод откроют в марте"),
    ("[Ирина Соколова] выступила перед студентами, подчеркнув, что стипендии вырастут.",
     "стипендии вырастут"),
])
def test_participle_after_the_main_clause_is_said_by_its_subject(marked, claim):
    text, spans = _marked(marked)
    assert _claims(text, spans, {1}).get(claim) == 1
    assert _claimant(text, spans, claim, {1}) == 1


def test_reflexive_impersonal_after_a_comma_keeps_its_document_speaker():
    text, spans = _marked("[Комитет] провел собрание. Зарплаты не платят три месяца, "
                          "говорится в заявлении [комитета].")
    assert _claims(text, spans).get("Зарплаты не платят три месяца") == 2


@pytest.mark.parametrize(("marked", "claim"), [
    ("[Остап Вакуленко] зауважив, що черги на кордоні скоротилися.",
     "черги на кордоні скоротилися"),
    ("[Ліна Мороз] поінформувала, що прийом документів триває.", "прийом документів триває"),
    ("[Тарас Бойко] впевнений, що врожай буде рекордним.", "врожай буде рекордним"),
    ("[Вера Ильина] убеждена, что реформа провалится.", "реформа провалится"),
    ("[Олег Фомин] заметил, что спрос падает.", "спрос падает"),
    ("[Dana Holt] is convinced that the merger will collapse.",
     "the merger will collapse"),
])
def test_speech_and_stance_words_added(marked, claim):
    text, spans = _marked(marked)
    assert _claims(text, spans, {1}).get(claim) == 1


@pytest.mark.parametrize(("marked", "claim"), [
    ("За інформацією [Укренерго], енергосистема працює стабільно.",
     "енергосистема працює стабільно"),
    ("По сведениям [Росавиации], рейсы задерживаются.", "рейсы задерживаются"),
])
def test_data_and_report_phrases_attribute_like_according_to(marked, claim):
    text, spans = _marked(marked)
    assert _claims(text, spans).get(claim) == 1


def test_told_an_audience_noun_then_a_bare_clause():
    text, spans = _marked("[Ray Dunn] toured the plant. He told workers their pensions were "
                          "safe.")
    assert _claims(text, spans, {1}).get("their pensions were safe") == 1


@pytest.mark.parametrize(("marked", "claim"), [
    ("[Марта Савчук] керує лікарнею. Директорка заявила, що відділення відкриють у травні.",
     "відділення відкриють у травні"),
    ("[Роман Гаврилюк] приїхав до Житомира. Міністр також наголосив, що дорогу добудують.",
     "дорогу добудують"),
    ("[Пётр Зуев] прибыл в Казань. Губернатор подчеркнул, что мост откроют летом.",
     "мост откроют летом"),
])
def test_an_office_opening_the_sentence_stands_for_the_last_person_named(marked, claim):
    text, spans = _marked(marked)
    assert _claimant(text, spans, claim, {1}) == 1
    assert _claims(text, spans, {1}).get(claim) == 1


@pytest.mark.parametrize(("marked", "claim"), [
    ("Об этом сообщил мэр [Алексей Рябов]: в городе закроют два рынка.",
     "в городе закроют два рынка"),
    ("Про це також заявив голова громади [Андрій Лисенко]: школу відбудують.",
     "школу відбудують"),
])
def test_about_it_then_verb_then_speaker(marked, claim):
    text, spans = _marked(marked)
    assert _claimant(text, spans, claim, {1}) == 1
    assert _claims(text, spans, {1}).get(claim) == 1


@pytest.mark.parametrize(("marked", "claim"), [
    ("[Росавтодор] в четверг объявил, что трассу расширят.", "трассу расширят"),
    ("[Укравтодор] оголосив, що міст відкриють у вересні.", "міст відкриють у вересні"),
    ("У [Мінекономіки] обіцяють, що виплати почнуться в липні.", "виплати почнуться в липні"),
])
def test_announced_and_promise_forms(marked, claim):
    text, spans = _marked(marked)
    assert _claims(text, spans).get(claim) == 1


@pytest.mark.parametrize(("marked", "claim"), [
    ("[Медтехсервіс] змінив графік. Ремонт завершать у червні, повідомили в пресслужбі.",
     "Ремонт завершать у червні"),
    ("[Тракторный завод] сменил директора. В пресс-службе предприятия уточнили, что "
     "конвейер запустят осенью.", "конвейер запустят осенью"),
    ("[Агроліс] оприлюднив звіт. За даними компанії, прибуток зріс удвічі.",
     "прибуток зріс удвічі"),
])
def test_a_press_office_or_kind_noun_is_the_body_named_before(marked, claim):
    text, spans = _marked(marked)
    assert _claimant(text, spans, claim) == 1
    assert _claims(text, spans).get(claim) == 1


def test_a_press_office_is_not_a_person_or_a_state_named_before():
    text, spans = _marked("[Іван Кравець] приїхав до [Польщі]. Рейси скасують, повідомили "
                          "в пресслужбі.")
    assert _claims(text, spans, {1}).get("Рейси скасують") is None


@pytest.mark.parametrize(("marked", "claim"), [
    ("Олег Ярош выступил в Думе. В соседней Литве, напомнил [Ярош], такие пошлины "
     "отменили еще в 2021 году.", "такие пошлины отменили еще в 2021 году"),
    ("Ніна Гайова відповіла депутатам. У сусідній Словаччині, нагадала [Гайова], "
     "податок на житло скасували ще торік.", "податок на житло скасували ще торік"),
])
def test_an_inverted_attribution_inside_the_sentence(marked, claim):
    text, spans = _marked(marked)
    assert _claimant(text, spans, claim, {1}) == 1
    found = [c for c in find_claims(text, spans, {}, {1}) if claim in text[c.start:c.end]]
    assert found and found[0].claimant_id == 1


def test_a_name_then_its_relative_clause_is_no_inside_attribution():
    text, spans = _marked("Цены на хлеб вырастут, сказал [Ярош], который возглавляет комитет по "
                          "бюджету.")
    assert _claims(text, spans, {1}).get("Цены на хлеб вырастут") == 1


@pytest.mark.parametrize("marked", [
    '"Exports will rise," said the trade minister, [Lars Berg].',
    '[Ola Nilsen] spoke first. "Exports will rise," said the trade minister, [Lars Berg].',
    "Exports will rise, said the trade minister, [Lars Berg].",
])
def test_an_office_after_the_verb_then_its_name(marked):
    text, spans = _marked(marked)
    want = spans[-1][2]
    assert _claims(text, spans, {1, 2}).get("Exports will rise") == want
    assert _claimant(text, spans, "Exports will rise", {1, 2}) == want


@pytest.mark.parametrize("marked", [
    "Profits doubled last year, according to a statement from [Norvik].",
    "According to a report by [Norvik], profits doubled last year.",
])
def test_according_to_a_document_from_a_body(marked):
    text, spans = _marked(marked)
    found = [c for c in find_claims(text, spans, {}, ()) if "doubled" in text[c.start:c.end]]
    assert [c.claimant_id for c in found] == [1]


@pytest.mark.parametrize(("marked", "claim"), [
    ("[Міненерго] спростувало інформацію про те, що світло вимикатимуть щоночі.",
     "спростувало інформацію про те, що світло вимикатимуть щоночі"),
    ("[Росавиация] опровергла информацию о том, что аэропорт закроют.",
     "опровергла информацию о том, что аэропорт закроют"),
])
def test_a_body_denying_a_report_keeps_the_verb(marked, claim):
    text, spans = _marked(marked)
    assert _claims(text, spans).get(claim) == 1
