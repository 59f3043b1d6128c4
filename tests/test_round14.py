"""Rules of the fourteenth round: which of two relatives "Орлов-старший" or "the elder Lavoie"
is, a body's word after many other names ("ліцею", "суд", "комбінат" of "хлібокомбінат"), a
state's adjective with "власти"/"сторона"/"government", a lone "правительство" for the one
state a story is about, dates by tense, hemisphere and count, the state table's seats, and
speakers behind an appositive. Sentences written for these tests."""

from __future__ import annotations

import pytest
from test_actor_link_kinds import _article, _tag
from test_claimants11 import _marked

from reader_app.domain.actor_seniority import ELDER, YOUNGER, age_cue, seniority
from reader_app.domain.claims import propose_claimant
from reader_app.domain.date_finder import find_dates
from reader_app.domain.date_hemisphere import southern, swapped
from reader_app.domain.dates import resolve_in_text
from reader_app.domain.demonyms import side_of
from reader_app.domain.word_forms import same_word
from reader_app.services.analysis import add_tag
from reader_app.services.suggesting import suggest
from reader_app.storage.actors import create_actor, get_actor, link_annotation


def _tag_at(db, article, quote, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = article.text.index(quote, start + 1)
    return add_tag(db, article, "actor", start, start + len(quote))


def _known(db, article, quote, kind="organization", name=None, nth=0):
    """An actor named `name` (the quote itself by default) with the quote's nth mention
    tagged and linked to it, as an analyst leaves it."""
    actor = create_actor(db, name or quote, kind)
    new = _tag_at(db, article, quote, nth)
    if new.annotation.actor_id != actor.id:
        link_annotation(db, new.annotation.id, actor.id)
    return actor


def _linked(db, new):
    return None if new.annotation.actor_id is None else get_actor(db, new.annotation.actor_id).name


FAMILY_RU = ("Суд признал 61-летнего Петра Зуева виновным. Его сын, 33-летний Глеб Зуев, "
             "получил условный срок. Зуев-старший вину не признал. Зуев-младший промолчал.")


def test_an_age_suffix_or_word_says_which_relative():
    assert age_cue("Зуев-старший сказал", 0, 4) == (ELDER, 12)
    assert age_cue("Зуева-молодшого", 0, 5) == (YOUNGER, 15)
    assert age_cue("the elder Lavoie said", 10, 16) == (ELDER, 16)
    assert age_cue("the Lavoie family", 4, 10) is None
    assert age_cue("Зуев-Петров", 0, 4) is None  # a double-barrelled surname


def test_seniority_by_kin_nouns_and_ages():
    text = FAMILY_RU
    petr, gleb = text.index("Петра"), text.index("Глеб")
    assert seniority(text, [(1, [petr]), (2, [gleb])], ELDER) == 1
    assert seniority(text, [(1, [petr]), (2, [gleb])], YOUNGER) == 2
    en = "Ray Hollis runs the yard. His daughter, Megan Hollis, runs the office."
    assert seniority(en, [(1, [0]), (2, [en.index("Megan")])], ELDER) == 1
    # "the father of Megan Hollis" says Megan has a father, not that she is one
    other = "The father of Megan Hollis, Ray Hollis, was there."
    assert seniority(other, [(1, [other.index("Ray")]), (2, [other.index("Megan")])],
                     ELDER) is None
    # nothing said of either: no guess
    bare = "Ray Hollis and Megan Hollis spoke."
    assert seniority(bare, [(1, [0]), (2, [bare.index("Megan")])], ELDER) is None


def test_tagging_the_elder_and_the_younger_links_each_relative(db):
    article = _article(db, FAMILY_RU, language="ru")
    _known(db, article, "Петра Зуева", "person", name="Пётр Зуев")
    _known(db, article, "Глеб Зуев", "person")
    elder = _tag_at(db, article, "Зуев-старший")
    assert _linked(db, elder) == "Пётр Зуев"
    assert "the elder of 2 people" in elder.explanation
    assert _linked(db, _tag_at(db, article, "Зуев-младший")) == "Глеб Зуев"


def test_the_elder_in_english_after_his_daughter_is_named(db):
    text = ("Ray Hollis has towed barges for 40 years. His daughter, Megan Hollis, keeps the "
            "books. \"We are losing money,\" Megan Hollis said. The elder Hollis was blunter.")
    article = _article(db, text)
    for name in ("Ray Hollis", "Megan Hollis"):
        _known(db, article, name, "person")
    _tag_at(db, article, "Megan Hollis", 1)
    assert _linked(db, _tag_at(db, article, "Hollis", 3)) == "Ray Hollis"


def test_a_relatives_full_name_in_another_case_is_that_relative(db):
    text = ("Службу очолює Марина Ткачук. Осередок очолює її брат Ігор Ткачук. Активісти "
            "поставили під сумнів призначення Ігоря Ткачука.")
    article = _article(db, text, language="uk")
    for name in ("Марина Ткачук", "Ігор Ткачук"):
        assert _linked(db, _tag(db, article, name)) == name  # each a new actor
    assert _linked(db, _tag(db, article, "Ігоря Ткачука")) == "Ігор Ткачук"


def test_a_soft_stem_noun_is_one_word_in_its_cases():
    assert same_word("ліцею", "ліцей") and same_word("музею", "музей")
    assert same_word("учителя", "учитель")
    assert not same_word("ліцензія", "ліцей")


def test_a_body_word_links_to_its_body_named_long_before(db):
    names = ", ".join(f"Особа{chr(0x0410 + i)} Прізвище{chr(0x0410 + i)}" for i in range(14))
    text = (f"Директорка ліцею № 7 Ганна Рибак відкрила укриття. Були присутні: {names}. "
            "Уламки пошкодили дах ліцею.")
    article = _article(db, text, language="uk")
    lyceum = _known(db, article, "ліцею № 7", "organization", name="Житомирський ліцей № 7")
    for i in range(14):
        _tag(db, article, f"Особа{chr(0x0410 + i)} Прізвище{chr(0x0410 + i)}")
    last = text.rindex("ліцею")
    assert add_tag(db, article, "actor", last, last + 5).annotation.actor_id == lyceum.id


def test_a_three_letter_court_and_a_compound_tail(db):
    text = ("Харьюский уездный суд вынес приговор. Адвокат обжалует решение. Позже суд "
            "отказал. Полтавський хлібокомбінат зупинив лінію. Тепер комбінат шукає пекарів.")
    article = _article(db, text, language="ru")
    court = _known(db, article, "Харьюский уездный суд", "organization")
    assert _tag_at(db, article, "суд", 1).annotation.actor_id == court.id
    bakery = _known(db, article, "Полтавський хлібокомбінат", "organization")
    assert _tag(db, article, "комбінат", after="Тепер").annotation.actor_id == bakery.id


def test_a_states_adjective_with_its_side_or_government_is_the_state(db):
    assert side_of("Эстонские власти") == "Estonia"
    assert side_of("российской стороне") == "Russia"
    assert side_of("the Irish government") == "Ireland"
    assert side_of("грузинская сторона") == "Georgia"
    assert side_of("Эстонские банки") is None and side_of("власти") is None
    text = "Переговоры продолжатся. Эстонские власти отказались. Российская сторона промолчала."
    article = _article(db, text, language="ru")
    estonia = _tag(db, article, "Эстонские власти")
    assert _linked(db, estonia) == "Estonia"
    russia = create_actor(db, "Russia", "state")
    assert _tag(db, article, "Российская сторона").annotation.actor_id == russia.id


def test_a_lone_government_is_the_one_state_the_story_is_about(db):
    text = ("Армения и Иран подписали меморандум. Армения получит газ, Армения заплатит "
            "электроэнергией. Правительство опубликует расчеты.")
    article = _article(db, text, language="ru")
    armenia = create_actor(db, "Armenia", "state")
    iran = create_actor(db, "Iran", "state")
    for nth in range(3):
        link_annotation(db, _tag_at(db, article, "Армения", nth).annotation.id, armenia.id)
    link_annotation(db, _tag(db, article, "Иран").annotation.id, iran.id)
    new = _tag(db, article, "Правительство")
    assert new.annotation.actor_id == armenia.id and "probably Armenia" in new.explanation


def test_a_lone_government_of_a_story_of_two_states_is_no_guess(db):
    text = "Армения и Иран подписали меморандум. Армения и Иран спорят. Правительство молчит."
    article = _article(db, text, language="ru")
    armenia = create_actor(db, "Armenia", "state")
    iran = create_actor(db, "Iran", "state")
    for nth in range(2):
        link_annotation(db, _tag_at(db, article, "Армения", nth).annotation.id, armenia.id)
        link_annotation(db, _tag_at(db, article, "Иран", nth).annotation.id, iran.id)
    new = _tag(db, article, "Правительство")
    assert new.annotation.actor_id not in (armenia.id, iran.id)


def _found(text, dateline, language):
    return [(text[m.start:m.end], m.value) for m in find_dates(text, dateline, language)]


def _date(text, span, dateline, language="en"):
    start = text.index(span)
    return resolve_in_text(text, start, start + len(span), dateline, language).value


def test_an_attribution_after_a_comma_is_not_the_tense_of_the_dates_clause():
    text = ("Growers risk being shut out of the market from 30th December, the union has "
            "warned.")
    assert _date(text, "30th December", "2025-08-08") == "2025-12-30"
    # the date opening the sentence belongs to the attribution's clause
    assert _date("On Friday, the union said it would strike.", "Friday", "2025-08-12") == \
        "2025-08-08"
    assert _date("Prices fell on Friday, the union said.", "Friday", "2025-08-12") == \
        "2025-08-08"


def test_a_participle_after_a_preposition_is_an_adjective_not_a_past():
    text = "The buyer could only accept lots from mapped farms after 30th December."
    assert _date(text, "30th December", "2025-08-08") == "2025-12-30"


def test_what_runs_until_a_day_runs_ahead():
    assert _date("The season runs until May 31.", "May 31", "2025-11-23") == "2026-05-31"
    assert _date("The ban lasts through June.", "June", "2025-11-23") == "2026-06"


def test_a_promise_being_made_is_of_what_is_ahead_not_the_promise_made_on_a_day():
    text = "Школу відкрили вчора: у мерії обіцяють ще дві до 1 вересня."
    assert _date(text, "1 вересня", "2026-04-25", "uk") == "2026-09-01"
    text = "Посол у середу пообіцяв, що уряд профінансує ремонт."
    assert _date(text, "середу", "2026-02-06", "uk") == "2026-02-04"


def test_southern_seasons_in_a_story_of_southern_places():
    text = ("Auckland growers met in Wellington. New Zealand exporters say last summer was dry"
            " and fear for next winter.")
    assert southern(text) and not southern("Talks in Paris and Berlin. Last summer was dry.")
    assert _date(text, "last summer", "2026-05-15") == "2025-12/2026-02"
    assert _date(text, "next winter", "2026-05-15") == "2026-06/2026-08"
    north = "Growers in Kent say last summer was dry."
    assert _date(north, "last summer", "2026-05-15") == "2025-06/2025-08"
    start = text.index("last summer")
    said = resolve_in_text(text, start, start + 11, "2026-05-15", "en").explanation
    assert "'last summer'" in said and "southern hemisphere" in said
    assert swapped("минулого літа", "uk") == "минулого зими" and swapped("летом", "ru") == "зимой"
    assert swapped("in March", "en") is None


def test_a_quantifier_before_a_participle_makes_it_an_adjective():
    text = "There will be more refrigerated containers in June, the firm says."
    assert _date(text, "June", "2026-07-15") == "2027-06"
    assert _date("Prices rose in June.", "June", "2026-07-15") == "2026-06"


def test_a_court_for_a_tribunal_and_a_long_ministry_stump(db):
    text = ("The International Water Disputes Tribunal ordered a pause. The court will sit "
            "again in May. Міністерство соціальної політики України (Мінсоцполітики) "
            "повідомило про виплати. За даними Мінсоцполітики, їх отримали 900 осіб.")
    article = _article(db, text)
    tribunal = _known(db, article, "International Water Disputes Tribunal", "organization")
    ministry = _known(db, article, "Міністерство соціальної політики України", "organization")
    found = {(article.text[s.start:s.end], s.actor_id) for s in suggest(db, article.id)
             if s.kind == "actor"}
    assert ("court", tribunal.id) in found
    assert sum(1 for q, a in found if q == "Мінсоцполітики" and a == ministry.id) == 1
    later = text.rindex("Мінсоцполітики")
    assert any(s.start == later and s.actor_id == ministry.id
               for s in suggest(db, article.id) if s.kind == "actor")


def test_honorifics_of_east_africa_and_russian_cases_are_no_part_of_the_name(db):
    text = ("Mzee Yusuf Wandera chairs the union. Mzee Wandera said so. "
            "Андрей Лаптев приехал. С господином Лаптевым мы знакомы.")
    article = _article(db, text)
    yusuf = _known(db, article, "Yusuf Wandera", "person")
    assert _tag(db, article, "Mzee Wandera").annotation.actor_id == yusuf.id
    laptev = _known(db, article, "Андрей Лаптев", "person")
    assert _tag(db, article, "господином Лаптевым").annotation.actor_id == laptev.id


def test_a_seat_is_marked_and_a_legacy_table_reads_as_before():
    from reader_app.formats.state_table import parse_state_table

    table = "canonical,type,names\nRuritania,state,Ruritanii|@Strelsau|?@Zenda|Рурітанія\n"
    seats = {n.text: (n.seat, n.certain) for n in parse_state_table(table, "t")}
    assert seats == {"Ruritania": (False, True), "Ruritanii": (False, True),
                     "Strelsau": (True, True), "Zenda": (True, False),
                     "Рурітанія": (False, True)}
    legacy = "canonical,type,names\nRuritania,state,Strelsau|Рурітанія\n"
    assert {n.text: n.seat for n in parse_state_table(legacy, "t")} == {
        "Ruritania": False, "Strelsau": True, "Рурітанія": True}


def test_a_states_own_name_as_a_place_is_the_state_its_capital_is_not(db):
    from reader_app.services.state_names import save_state_table, state_table_text

    save_state_table(db, "canonical,type,names\n"
                     "Ruritania,state,Рурітанія|Рурітанії|@Стрельзау|@Стрельзау\n")
    assert "@Стрельзау" in state_table_text(db)  # the mark survives the library's copy
    text = "Переговори пройшли у Стрельзау. Ціни зросли в Рурітанії."
    article = _article(db, text, language="uk")
    found = {article.text[s.start:s.end] for s in suggest(db, article.id) if s.kind == "actor"}
    assert "Рурітанії" in found and "Стрельзау" not in found


def test_a_part_of_a_capital_is_a_place(db):
    text = ("Около 300 тракторов приедут в центр Риги. Латвия ответит. На окраинах Риги тихо. "
            "Riga said no. Protesters crowded the outskirts of Riga.")
    article = _article(db, text, language="ru")
    found = [article.text[s.start:s.end] for s in suggest(db, article.id) if s.kind == "actor"]
    assert found.count("Риги") == 0 and "Латвия" in found
    assert found.count("Riga") == 1  # "Riga said no": the government


@pytest.mark.parametrize("marked", [
    "[Pierre Comeau], chief executive of [Tusket Seafood], a Yarmouth processor, said demand "
    "had weakened.",
    "[Annika Vogt], head of sourcing at [Hanseatic Roasters], a Hamburg firm that buys "
    "coffee, said demand had weakened.",
    "His niece, [Aroha Walker], who runs sales for the family's brand, [Kaitaia Gold], said "
    "demand had weakened.",
])
def test_a_body_inside_a_persons_appositive_is_not_the_speaker(marked):
    text, spans = _marked(marked)
    start = text.index("demand")
    claimant = propose_claimant(text, start, len(text) - 1, spans, {}, {1})[0]
    assert claimant == 1


def test_an_appositive_that_is_the_name_still_speaks():
    text, spans = _marked("The chief executive of [Tusket Seafood], [Pierre Comeau], said "
                          "demand had weakened.")
    start = text.index("demand")
    assert propose_claimant(text, start, len(text) - 1, spans, {}, {2})[0] == 2
    text, spans = _marked("[Tusket Seafood], a Yarmouth processor, said demand had weakened.")
    start = text.index("demand")
    assert propose_claimant(text, start, len(text) - 1, spans, {}, set())[0] == 1


def test_the_finder_suggests_a_part_of_a_period_whole_unless_it_is_a_deadline():
    text = ("Центр прийме пацієнтів на початку травня. Договір підпишуть до кінця травня. "
            "Наприкінці березня все змінилося.")
    assert _found(text, "2026-04-14", "uk") == [
        ("на початку травня", "2026-05-01/2026-05-10"), ("травня", "2026-05"),
        ("Наприкінці березня", "2026-03-21/2026-03-31")]
    text = "The fines will follow in the first half of December and by the end of June."
    assert _found(text, "2025-11-14", "en") == [
        ("the first half of December", "2025-12-01/2025-12-15"), ("June", "2026-06")]
    assert _found("Запуск пройдет в конце апреля.", "2026-03-14", "ru") == [
        ("в конце апреля", "2026-04-21/2026-04-30")]


def test_a_seat_after_a_speech_verb_speaks_for_the_government(db):
    text = "В Москве решение назвали политическим, заявили в Кремле. Туристы гуляли в Кремле."
    article = _article(db, text, language="ru")
    found = [s.start for s in suggest(db, article.id) if s.kind == "actor"]
    assert text.index("Кремле") in found and text.rindex("Кремле") not in found


def test_an_east_african_honorific_says_a_mans_gender(db):
    text = ("Mzee Yusuf Wandera chairs the union. His daughter, Grace Wandera, maps farms. "
            "Mzee Wandera disagreed.")
    article = _article(db, text)
    for name in ("Yusuf Wandera", "Grace Wandera"):
        _known(db, article, name, "person")
    last = text.rindex("Wandera")
    assert any(s.start <= last < s.end and s.actor_name == "Yusuf Wandera"
               for s in suggest(db, article.id) if s.kind == "actor")


def test_a_weekday_counted_in_its_month():
    text = ("Dumping Day traditionally falls on the last Monday in November. The vote is on the "
            "second Tuesday of March 2026. В последнее воскресенье мая пройдут выборы.")
    assert _found(text, "2025-11-23", "en") == [
        ("the last Monday in November", "2025-11-24"),
        ("the second Tuesday of March 2026", "2026-03-10"),
        ("последнее воскресенье мая", "2026-05-31")]
    assert _date("у першу неділю червня", "у першу неділю червня", "2026-03-02", "uk") == \
        "2026-06-07"
    gone = resolve_in_text("the fifth Monday in February 2026", 0, 33, "2026-01-10", "en")
    assert gone.value is None and gone.method == "unresolved"
    assert _date("Last Monday it rained.", "Last Monday", "2025-11-23") == "2025-11-17"


def test_lunar_new_year_by_its_table():
    text = "Beijing buys live lobster for the Lunar New Year."
    assert _date(text, "Lunar New Year", "2025-11-23") == "2026-02-17"
    assert ("Lunar New Year", "2026-02-17") in _found(text, "2025-11-23", "en")
    assert _date("Chinese New Year 2024", "Chinese New Year 2024", "2025-11-23") == "2024-02-10"


def test_a_russian_noun_in_ov_is_no_ukrainian_past():
    text = "Корпорация готова обучить в Китае 40 местных технологов этим летом."
    assert _date(text, "этим летом", "2026-03-02", "ru") == "2026-06/2026-08"


def test_a_deadline_word_before_a_season_looks_ahead_as_inside_it():
    text = "The trust said it could not start work before the spring."
    assert _date(text, "the spring", "2025-11-17") == "2026-03/2026-05"
    assert _date(text, "before the spring", "2025-11-17") == "2026-03/2026-05"


def test_a_trade_noun_names_the_one_company_of_that_trade(db):
    text = ("Kgotso Platinum Holdings (KPH) shelved its smelter, the miner said. Eskom Grid "
            "Reserve said it had offered a discount. The miner turned it down, and the utility "
            "said talks would resume.")
    article = _article(db, text)
    kph = _known(db, article, "Kgotso Platinum Holdings")
    grid = _known(db, article, "Eskom Grid Reserve")
    found = {(article.text[s.start:s.end], s.start): s.actor_id
             for s in suggest(db, article.id) if s.kind == "actor"}
    assert found[("utility", text.index("utility"))] == grid.id
    assert found[("miner", text.index("miner"))] == kph.id
    assert _tag(db, article, "miner", after="discount").annotation.actor_id == kph.id
    assert _tag(db, article, "utility").annotation.actor_id == grid.id


def test_a_title_case_acronym_in_brackets_spells_its_name(db):
    text = ("Johan Venter leads the National Union of Smelter Workers (Nusw). Nusw will meet "
            "management. The Rustenburg (Town) council agreed.")
    article = _article(db, text)
    union = _known(db, article, "National Union of Smelter Workers", "organization")
    found = [(article.text[s.start:s.end], s.actor_id) for s in suggest(db, article.id)
             if s.kind == "actor"]
    assert found.count(("Nusw", union.id)) == 2 and not any(q == "Town" for q, _ in found)


def test_a_regnal_number_is_no_surname(db):
    text = "Kweku Ansah IV leads the council. Ansah said the boats would wait."
    article = _article(db, text)
    chief = _known(db, article, "Kweku Ansah IV", "person")
    found = [(article.text[s.start:s.end], s.actor_id) for s in suggest(db, article.id)
             if s.kind == "actor"]
    assert ("Ansah", chief.id) in found


def test_a_compound_of_two_cut_words_is_the_body_tagged_before(db):
    text = ("Кабінет Міністрів України виділив місту 45 млн гривень. Кошти підуть на пальне, "
            "йдеться в повідомленні Кабміну. Мінюст погодив.")
    article = _article(db, text, language="uk")
    cabinet = _known(db, article, "Кабінет Міністрів України", "organization")
    assert _tag(db, article, "Кабміну").annotation.actor_id == cabinet.id
    assert _tag(db, article, "Мінюст").annotation.actor_id != cabinet.id
