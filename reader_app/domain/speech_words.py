"""The words speech is reported with, in English, Ukrainian and Russian. Pure data.

SPEECH verbs introduce what someone said ("Okafor said the port will reopen"); STANCE verbs
only attribute a quotation or a view inside their sentence ("Nordhav calling it a “reckless
gamble”") and never start a reported clause of their own.
"""

from __future__ import annotations

import re

import ahocorasick

_EN_SPEECH = """
    said says say saying told tells telling added adds stated states claimed claims claiming
    believes believe thinks
    announced announces wrote writes writing warned warns warning insisted insists argued
    argues noted notes declared declares explained explains denied denies alleged alleges
    asserted asserts stressed stresses emphasized emphasised emphasizes emphasises suggested
    suggests acknowledged acknowledges admitted admits confirmed confirms tweeted replied
    replies responded answered predicted predicts promised promises vowed vows pledged
    threatened maintained maintains contended conceded observed commented remarked recalled
    testified concluded estimated estimates accused accuses cautioned countered reiterated
    revealed disclosed assured complained reported repeated repeats
    reveal reveals clarified clarifies understands fumed raged blasted
    stating announcing warning insisting arguing noting declaring explaining denying
    alleging asserting stressing suggesting admitting confirming replying promising vowing
    threatening accusing adding
    accepted accepts complains grumbled
    convinced confident
    show shows showed
"""
_UK_SPEECH = """
    заявив заявила заявили заявило заявляє заявляють сказав сказала сказали каже кажуть
    повідомив повідомила повідомили повідомило повідомляє повідомляють зазначив зазначила
    зазначили зазначає зазначають наголосив наголосила наголосили наголошує підкреслив
    підкреслила підкреслили підкреслює додав додала додали додає написав написала написали
    поскаржився поскаржилася поскаржилися скаржиться скаржаться
    пише пишуть пояснив пояснила пояснили пояснює стверджує стверджують стверджував
    стверджувала заперечив заперечила заперечили попередив попередила попередили попередило
    розраховує розраховують
    запевнив запевнила визнав визнала розповів розповіла розповіли звинуватив звинуватила
    звинуватили відповів відповіла відповіли закликав закликала заявивши сказавши звинувачуючи
    заявляв заявляла заявляли говорив говорила говорили казав казала казали повідомляв
    повідомляла уточнив уточнила уточнили нагадав нагадала нагадали пообіцяв пообіцяла
    запевняє запевняють запевнили наполягає наполягав наполягала переконаний переконана
    переконані висловив висловила припустив припустила вважає вважають вважав вважала
    передає передають передав передала цитує інформує
    підтвердив підтвердила підтвердили підтверджує підтверджують обіцяв обіцяла обіцяли обіцяє
    запропонував запропонувала запропонувало запропонували пропонує пропонують
    зауважив зауважила зауважили зауважує поінформував поінформувала поінформували
    впевнений впевнена впевнені певен певна переконані розповідає нагадує уточнює
    попереджає визнає заперечує наголошують підкреслюють повідомивши наголосивши
    зазначивши підкресливши пояснивши додавши попередивши запевнивши визнавши нагадавши
    уточнивши пообіцявши
    оголосив оголосила оголосило оголосили оголошує оголошують обіцяють
"""
_RU_SPEECH = """
    заявил заявила заявили заявило заявляет заявляют сказал сказала сказали говорит
    говорят сообщил сообщила сообщили сообщило сообщает сообщают отметил отметила
    отметили отмечает подчеркнул подчеркнула подчеркнули подчеркивает подчёркивает добавил
    добавила добавили добавляет написал написала написали пишет пишут пояснил пояснила
    пояснили поясняет утверждает утверждают утверждал утверждала отрицал отрицала
    опроверг опровергла предупредил предупредила предупредили заверил заверила признал
    признала признают признаёт признает рассказал рассказала рассказали обвинил обвинила
    обвинили ответил ответила ответили
    призвал призвала заявляя говоря утверждая обвиняя заявлял заявляла заявляли говорил
    говорила говорили сообщал сообщала сообщали отмечал отмечала уточнил уточнила уточнили
    напомнил напомнила напомнили пообещал пообещала объяснил объяснила настаивает настаивал
    уверяет уверял уверена уверен убеждён убежден полагает предположил предположила
    считает считают считал считала передает передаёт передают передал передала цитирует
    подтвердил подтвердила подтвердили подтверждает подтверждают обещал обещала обещали обещает
    предложил предложила предложило предложили предлагает предлагают
    предупредило рассчитывает рассчитывают
    опровергли опровергло опровергает опровергают пожаловался пожаловалась пожаловались
    жалуется жалуются
    убеждена убеждены уверены заметил заметила указал указала напоминает уточняет
    объясняет предупреждает заверяет рассказывает отмечают подчеркивают заявив сообщив
    отметив подчеркнув добавив пояснив уточнив напомнив признав предупредив пообещав
    объявил объявила объявило объявили объявляет объявляют обещают
"""
# Impersonal verbs whose speaker is the document after them: "говорится в заявлении
# акимата", "йдеться в повідомленні Міненерго", "сообщается на сайте ведомства"
_IMPERSONAL_SPEECH = """
    говорится сообщается отмечается подчёркивается подчеркивается указывается
    йдеться повідомляється зазначається наголошується
"""
_STANCE = """
    described describes calling called calls branded brands dubbed labelled labeled termed
    criticized criticised condemned rejected rejects dismissed dismisses denounced blamed
    welcomed praised regards urged urges posted describing branding spoke speaks
    dismissing rejecting blaming criticizing criticising condemning urging
    назвав назвала назвали називає охарактеризував розкритикував засудив відкинув
    назвал назвала назвали называет охарактеризовал раскритиковал осудил отверг
    disputed disputes refuted refutes відкинула відкинули відкидає спростував спростувала
    спростували отвергла отвергли отвергло отвергает спростувало відкинуло
"""

IMPERSONAL_SPEECH = frozenset(_IMPERSONAL_SPEECH.split())
# "As Pike puts it: …", "his cousin put it more bluntly: …": only with a colon or "that"
PUTS_IT = frozenset(("puts it", "put it"))
# "…, the minister's office pointed out": a verb of two words, as "puts it" is
POINTS_OUT = frozenset(("pointed out", "points out", "pointing out"))
SPEECH = frozenset(f"{_EN_SPEECH} {_UK_SPEECH} {_RU_SPEECH}".split()) | IMPERSONAL_SPEECH \
    | PUTS_IT | POINTS_OUT
STANCE = frozenset(_STANCE.split())

# English verbs whose bare clause is reported speech ("Okafor said the port will reopen");
# the others mostly take an object ("announced a plan", "denied the charges", "wrote a letter")
# and report speech only with "that" or a colon. Ukrainian and Russian always use що/что.
BARE = frozenset("""
    said says say saying told tells telling added adds insisted insists insisting argued argues
    arguing claimed claims claiming warned warns warning noted notes noting stressed stresses
    explained explains stated states asserted asserts contended maintains maintained
    suggested suggests believes believe thinks accused accuses accusing
    """.split())
# What a bare "claimed"/"said" takes that is no clause: "claimed responsibility", "vowed to"
NOT_A_CLAUSE = frozenset("""
    to of about for responsibility victory credit nothing little much goodbye hello sorry
    whether if would will could can should may might must
    """.split())

# After a trailing attribution, only where and when: "…, Okafor said on Monday in a statement."
CIRCUMSTANCE = frozenset("""
    in on at during after before from to when while last this yesterday today tonight earlier
    later late via through by with adding citing as outside inside near
    у в на під після під_час вчора сьогодні увечері вранці во по после вчера сегодня днем
    """.split())

# Pronouns and words that open an English clause: "said it would", "said there was"
CLAUSE_STARTS = frozenset("""
    it they he she we i you there here one none nobody all both two three four five six seven
    eight nine ten dozens hundreds thousands millions several many most few more fewer less
    """.split())

# Before "told": who was told ("told reporters that", "told the BBC").
AUDIENCE = frozenset("""
    reporters journalists the press parliament lawmakers legislators senators congress
    delegates supporters crowd crowds him her them us me me viewers listeners
    workers residents voters staff employees investors students jurors
    """.split())

# whom a Ukrainian or Russian speaker told it, written after the name: "— сказала Олена
# Гриценко журналістам" (the speaker ends there, as at a preposition)
TOLD_AFTER_NAME = frozenset("""
    журналістам журналистам репортерам кореспондентам корреспондентам депутатам виборцям
    избирателям
    """.split())

# "the minister added", "сказав міністр": a person's office standing for the last person
# named, as a pronoun does (English only after "the": "a minister" is anyone)
ROLE_PERSONS = frozenset("""
    minister premier president chancellor mayor governor diplomat ambassador envoy spokesman
    spokeswoman spokesperson senator general commander chairman chairwoman secretary
    official executive director mp lawmaker prosecutor organiser organizer coordinator
    prosecution defence defense
    engineer manager economist analyst professor doctor lawyer councillor councilor
    superintendent trustee treasurer founder farmer owner activist scientist researcher
    inspector auditor
    вице-министр замминистра заместитель заступник віцеміністр віце-міністр інженер інженерка
    инженер менеджер менеджерка економіст економістка экономист аналітик аналитик професор
    профессор лікар лікарка врач юрист юристка адвокат адвокатка активіст активістка активист
    фермер фермерка власник власниця владелец владелица засновник засновниця основатель
    науковець учёный ученый інспектор инспектор начальник начальниця староста
    директор директорка керівник керівниця руководитель руководительница
    міністр міністерка посадовець посадовиця дипломат посол речник речниця голова очільник
    очільниця мер президент прем'єр прем’єр депутат депутатка губернатор генерал
    министр дипломат посол глава представитель представительница мэр президент премьер
    депутат чиновник губернатор генерал
    """.split())

# A headline's label before a colon, no speaker: "Q&A: “…”", "Analysis: …"
KICKERS = frozenset("""
    q&a interview analysis opinion comment explainer exclusive update watch live breaking
    editorial review profile factbox timeline
    інтерв'ю інтерв’ю аналіз думка коментар пояснюємо ексклюзив
    интервью анализ мнение комментарий эксклюзив
    """.split())

# "he said", "вона заявила": resolved to the last person named before it.
PRONOUNS = frozenset("he she він вона он она".split())
# After "according to", "за словами", "по словам" the other forms: "according to him",
# "за його словами", "по её мнению"
OBJECT_PRONOUNS = frozenset("him her his його її нього неї него нее его её ее".split())

# "X's claims", "the claims", "his notes": a determiner or possessive before a verb form
# makes it a noun.
DETERMINERS = frozenset("""
    the a an his her their its our my your these those this that such any no some
    whose
    """.split())

# Words that may stand between a speaker and the verb: "Okafor has also said".
AUXILIARIES = frozenset("""
    has have had is was were also later previously repeatedly publicly again then already
    earlier recently reportedly once has would will may might could can had did does do
    вже також раніше неодноразово теж потім ещё уже также ранее неоднократно тоже потом
    """.split())

# Between a speaker and the verb, the day: "Лавров в понедельник заявил", "Okafor on Monday said".
TIME_WORDS = frozenset("""
    monday tuesday wednesday thursday friday saturday sunday yesterday today tonight
    січні лютому березні квітні травні червні липні серпні вересні жовтні листопаді грудні
    январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре
    понеділок вівторок середу середа четвер пʼятницю п'ятницю п’ятницю суботу неділю вчора
    сьогодні понедельник вторник среду четверг пятницу субботу воскресенье вчера сегодня
    """.split())
DAY_PREPOSITIONS = frozenset("on в у во".split())
# "The ministry last week warned", "Міненерго минулого тижня попередило": a unit of time
# after "last"/"this" is the time too
TIME_UNITS = frozenset("""week month year тижня місяця року недели месяца года""".split())
TIME_MODIFIERS = frozenset("last this past минулого цього прошлой этой прошлого этого".split())
# "повідомили в міністерстві", "сообщили в Кремле", "In Moscow": where the speaker is
IMPERSONAL = frozenset("в у во".split())
# Inside a name: "Ministry of Defence", "Bank for International Settlements"
NAME_LINKS = frozenset("of for de du von van al".split())
# Before a place or a thing, never before the speaker: "officials in Odesa said"
PREPOSITIONS = frozenset("""
    in of from at for near with by to into on over under across
    у в з із на до від біля під над из от при около по для со
    """.split())

# Before a verb, these mean nothing was said: "did not say", "never claimed", "не заявляв"
NEGATIONS = frozenset("not never n't не ні нe".split())

# "that" and its kin open a reported clause.
THAT = frozenset("that що что".split())

# Verbs that deny a claim named by a noun after them: "X rejected Y's claims that P" is X's
# claim, verb and all ("відкинув закиди депутатів, що …", "отвергла обвинения в сговоре")
REJECTIONS = frozenset("""
    rejected rejects rejecting dismissed dismisses dismissing denied denies denying disputed
    disputes refuted refutes
    відкинув відкинула відкинули відкидає заперечив заперечила заперечили спростував
    спростувала спростували спростувало відкинуло спростовує
    отверг отвергла отвергли отвергло отвергает опроверг опровергла опровергли опровергло
    опровергает отрицал отрицала отрицали
    """.split())
# The nouns such a verb takes: the claim it denies
REJECTED = frozenset("""
    claim claims allegation allegations assertion assertions statement statements accusation
    accusations suggestion suggestions charge charges report reports rumours rumors
    закиди закидів звинувачення звинувачень твердження тверджень заяви заяв чутки
    обвинения обвинение обвинений утверждения утверждение заявления заявление слухи претензии
    інформацію інформація повідомлення повідомлень информацию информация сообщения сведения
    """.split())

# Nouns of a claim that is only mentioned, usually disputed: "rejected X's claims that".
CLAIM_NOUNS = frozenset("""
    claim claims allegation allegations assertion assertions statement statements accusation
    accusations suggestion suggestions
    """.split())

VERB_WORDS = "|".join(sorted(SPEECH | STANCE, key=len, reverse=True))
VERB = re.compile(rf"(?<![\w'’-])(?:{VERB_WORDS})(?![\w'’-])", re.IGNORECASE)

# "according to X", "за словами X", "по словам X", "за даними X", "по данным X".
ACCORDING = re.compile(
    r"(?<!\w)(?:according\s+to|за\s+словами|за\s+даними|по\s+словам|по\s+данным|"
    r"згідно\s+з|по\s+плану|за\s+планом)(?!\w)", re.IGNORECASE)

# One automaton for every trigger, each word as written and capitalised (no lowering of the
# text: str.lower can change its length and so every offset after it).
VERB_KIND, ACCORDING_KIND = 0, 1
_ACCORDING_PHRASES = ("according to", "за словами", "за даними", "по словам", "по данным",
                      "згідно з", "на думку", "по мнению", "за оцінкою", "по оценке",
                      "з посиланням на", "со ссылкой на", "посилаючись на", "ссылаясь на",
                      # a body's plan says what it will do: "По плану Минтранса, …"
                      "по плану", "за планом",
                      # data and reports: "за інформацією Генштабу", "по сведениям СМИ"
                      "за інформацією", "по информации", "по сведениям", "за повідомленням",
                      "по сообщению", "за оцінками", "по оценкам",
                      # the speaker inside: "за його словами", "по её мнению"
                      *(f"{a} {p} {b}" for a, b in (("за", "словами"), ("на", "думку"))
                        for p in ("його", "її")),
                      # "In his words, …", "In her view, …"
                      *(f"in {p} {b}" for p in ("his", "her")
                        for b in ("words", "view", "opinion")),
                      *(f"по {p} {b}" for b in ("словам", "мнению") for p in ("его", "её", "ее")))
TRIGGERS = ahocorasick.Automaton()
for _kind, _phrases in ((VERB_KIND, SPEECH | STANCE), (ACCORDING_KIND, _ACCORDING_PHRASES)):
    for _phrase in _phrases:
        for _form in (_phrase, _phrase[:1].upper() + _phrase[1:]):
            TRIGGERS.add_word(_form, (len(_form), _kind))
TRIGGERS.make_automaton()
