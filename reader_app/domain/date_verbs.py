"""Verb forms that tell a clause's tense, for date_tense: Ukrainian and Russian perfective
verbs (their present form is a future: "зростуть", "запрацює", "вырастут"), read by their
morphology and from a list of the common news verbs; English irregular past forms; Ukrainian
and Russian pasts of consonant stems ("зріс", "выросли"), which the -в/-ла/-ли endings miss.
"""

from __future__ import annotations


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# English irregular past forms that are not also present forms ("put", "cut", "set", "hit",
# "read" are both, so they are not here).
ENGLISH_PAST = _set(
    "spent sent meant lent bent built rebuilt dealt felt kept slept swept wept crept left "
    "lost paid laid said sold told held upheld withheld fought caught taught bought brought "
    "thought sought spoke broke chose froze stole woke awoke drove rode rose arose wrote "
    "strove gave forgave ate began ran swam sang rang sprang drank sank shrank came became "
    "overcame knew grew threw flew drew blew withdrew saw oversaw foresaw forbade forgot got "
    "shot fled led misled fed bled sped met stood understood withstood took shook mistook "
    "undertook overtook struck stuck dug hung clung flung swung slid hid bit lit spun won "
    "sat spat bound found ground wound made had did went underwent was were heard wore tore "
    "swore bore shone fell")

# Pasts of consonant stems: "зріс", "виросли", "привіз", "помер", "смог"
CYRILLIC_PAST = _set(
    "зріс виріс підріс зросла зросло зросли виросла виросло виросли знизився "
    "вырос выросла выросло выросли подрос подросла подросли возрос возросла возросло "
    "возросли рос росла росли ріс "
    "помер померла померли умер умерла умерли "
    "привіз привезла привезли привез вивіз вивезли вывез вывезли приніс принесла принесли "
    "принес приніс вніс внесла внесли внес "
    "зміг змогла змогли міг могла могли смог смогла смогли мог "
    "допоміг допомогла допомогли помог помогла помогли "
    "досяг досягла досягли достиг достигла достигли "
    "зник зникла зникли исчез исчезла исчезли загинув погиб погибла погибли "
    "пішов пішла пішли прийшов прийшла прийшли вийшов вийшла вийшли "
    "пошел пошла пошли пришел пришла пришли вышел вышла вышли ушел ушла ушли "
    "прошел прошла прошли перешел перешла перешли произошел произошла произошло "
    "шел шёл шла шли ішов йшов ішла йшла ішли йшли")

# Perfective news verbs in the 3rd person whose endings the rules below do not read
# ("-е", "-є", "-ає", "-ує": imperfective presents end alike)
PERFECTIVE = _set(
    # Ukrainian
    "зросте запрацює запрацюють почне розпочне стане отримає отримають виконає виконають "
    "зробить зроблять дасть дадуть надасть нададуть передасть передадуть продасть "
    "подасть подадуть здасть здадуть перетне перетнуть "
    "продадуть з'явиться з'являться зможе допоможе підпише надішле надішлють прийме займе "
    "візьме збере обере введе проведе приведе перейде вийде прийде підійде зайде пройде "
    "знайде поїде приїде закриє закриють відкриє відкриють скасує скасують побудує "
    "побудують збудує збудують відремонтує відремонтують профінансує профінансують "
    "підготує підготують подорожчає подорожчають подешевшає подешевшають зміниться "
    "зменшиться збільшиться знизиться підвищиться поверне відновить відновлять вирішить "
    "дізнається дізнаються залишиться залишаться опиниться опиняться вдасться "
    "доведеться встановить встановлять змінить змінять здійснить здійснять знизить знизять "
    "скоротить скоротять зупинить зупинять сплатить сплатять звільнить звільнять зможе "
    "зможуть з'ясує з'ясують зросте зростуть знизяться підвищаться збільшаться зменшаться подвоять "
    "подвоїть потроять скоротяться "
    # Russian
    "вырастет заработает заработают подорожает подорожают подешевеет подешевеют начнет "
    "начнёт станет получит получат выполнит выполнят сделает сделают даст дадут передаст "
    "подаст подадут сдаст сдадут создаст создадут пересечет пересечёт пересекут "
    "передадут продаст продадут появится появятся сможет поможет подпишет пришлет пришлёт "
    "пришлют примет займет займёт возьмет возьмёт соберет соберёт выберет изберет введет "
    "введёт проведет проведёт перейдет перейдёт выйдет придет придёт уйдет уйдёт уйдут "
    "пройдет пройдёт найдет найдёт поедет поедут приедет закроет закроют откроет откроют "
    "отменит отменят построит построят отремонтирует отремонтируют профинансирует "
    "подготовит подготовят утвердит утвердят увеличит увеличат уменьшит уменьшат повысит "
    "повысят понизит понизят снизит снизят сократит сократят запустит запустят завершит "
    "завершат решит решат вернется вернётся останется окажется произойдет произойдёт "
    "случится узнает узнают станут сделаем")

# Prefixes that make a verb perfective, two letters or more (one-letter ones, "с", "з",
# "у", "в", begin too many imperfectives: "стоит", "значить", "учит", "ведуть")
_PREFIXES = ("за", "по", "ви", "вы", "від", "от", "ото", "при", "на", "роз", "раз", "рас",
             "пере", "до", "об", "обі", "обо", "під", "под", "про", "из", "ис", "вз", "вос",
             "воз", "зі", "со", "недо")
# Imperfective stems that keep a perfective prefix: motion ("виходить", "проводит"), state
# ("залежить", "зависит", "принадлежит"), and a few more
_IMPERFECTIVE_STEMS = ("ходить", "ходять", "ходит", "ходят", "водить", "водять", "водит",
                       "водят", "возить", "возять", "возит", "возят", "носить", "носять",
                       "носит", "носят", "лежить", "лежать", "лежит", "висить", "висит",
                       "висят", "глядит", "глядят", "мнит", "мнят", "лежат", "держит", "держат", "стоит",
                       "стоят", "стоїть", "стоять", "ходятся", "водятся", "носятся",
                       "ходяться", "водяться", "носяться", "просить", "просять", "просит", "просят",
                       "ходиться", "ходится", "носиться", "носится", "водиться", "водится")
_VOWELS = "аеєиіїоуюяыэё'"
_LONGEST_FIRST = sorted(_PREFIXES, key=len, reverse=True)
_FINITE_ENDINGS = ("уться", "утся", "уть", "ут", "неться", "нется", "ться", "тся", "ть", "ат",
                   "ит", "ят")


def _prefixed(word: str) -> str | None:
    """The stem after a perfective prefix (the longest that leaves a consonant first), or None."""
    for prefix in _LONGEST_FIRST:
        if word.startswith(prefix) and len(word) - len(prefix) >= 4:
            stem = word[len(prefix):]
            if stem[0] not in _VOWELS:
                return stem
    return None


def is_perfective_future(word: str, ukrainian: bool) -> bool:
    """Is the lower-case Cyrillic word the present form of a perfective verb (a future)?
    Listed verbs, and by form: a prefixed 3rd person plural in "-уть"/"-ут" after a consonant
    ("зростуть", "вырастут", "проведуть"), a prefixed "-неться"/"-нется" ("почнеться",
    "вернется"), and a prefixed second-conjugation form ("знизить", "снизят") whose stem is
    not one of motion or state ("виходить", "зависит"). ``ukrainian``: the sentence is
    Ukrainian, where "-ить" and "-уть" are finite (in Russian they end infinitives)."""
    if word in PERFECTIVE:
        return True
    if len(word) < 6 or not word.endswith(_FINITE_ENDINGS) or word.endswith(
            _IMPERFECTIVE_STEMS):
        return False
    stem = _prefixed(word)
    if stem is None:
        # "з"/"с" before a consonant, in the plural only: "зростуть", "зберуть", "скажут",
        # "станут" ("стоит", "значить", "сплять" are imperfective)
        return word[:1] in "зс" and word[1] not in _VOWELS and any(
            word.endswith(e) and word[-len(e) - 1] not in _VOWELS
            for e in (("уться", "уть") if ukrainian else ("утся", "ут")))
    endings = _UK_ENDINGS if ukrainian else _RU_ENDINGS
    for ending, after in endings:
        if word.endswith(ending):
            before = word[-len(ending) - 1]
            return before in after if after else before not in _VOWELS
    return False


_HUSHING = "жчшщ"
# (ending, the letters allowed before it; "" = any consonant)
_UK_ENDINGS = (("уться", ""), ("уть", ""), ("неться", ""), ("иться", ""), ("яться", ""),
               ("аться", _HUSHING), ("ить", ""), ("ять", ""), ("ать", _HUSHING))
_RU_ENDINGS = (("утся", ""), ("ут", ""), ("нется", ""), ("ится", ""), ("ятся", ""),
               ("атся", _HUSHING), ("ит", ""), ("ят", ""), ("ат", _HUSHING))
