"""Adjectives of states that make an official voice the state's: "Turkish officials told",
"a senior American diplomat said", "the Uzbek foreign ministry said". Pure data.

Keys are the adjective (English) or its stem (Ukrainian, Russian: the endings vary with
case and gender); values are the state's canonical English name, as in resources/states.csv.
"""

from __future__ import annotations

_EN = """
American=United States|British=United Kingdom|Russian=Russia|Ukrainian=Ukraine|Turkish=Turkey
German=Germany|French=France|Polish=Poland|Chinese=China|Japanese=Japan|Italian=Italy
Spanish=Spain|Finnish=Finland|Swedish=Sweden|Norwegian=Norway|Danish=Denmark|Dutch=Netherlands
Belgian=Belgium|Austrian=Austria|Swiss=Switzerland|Czech=Czech Republic|Slovak=Slovakia
Hungarian=Hungary|Romanian=Romania|Moldovan=Moldova|Bulgarian=Bulgaria|Greek=Greece
Serbian=Serbia|Croatian=Croatia|Lithuanian=Lithuania|Latvian=Latvia|Estonian=Estonia
Belarusian=Belarus|Georgian=Georgia|Armenian=Armenia|Azerbaijani=Azerbaijan|Kazakh=Kazakhstan
Uzbek=Uzbekistan|Kyrgyz=Kyrgyzstan|Tajik=Tajikistan|Turkmen=Turkmenistan|Iranian=Iran
Iraqi=Iraq|Syrian=Syria|Israeli=Israel|Egyptian=Egypt|Saudi=Saudi Arabia|Indian=India
Pakistani=Pakistan|Canadian=Canada|Mexican=Mexico|Brazilian=Brazil|Australian=Australia
Irish=Ireland|Portuguese=Portugal|Icelandic=Iceland|Korean=South Korea|Qatari=Qatar
"""
_STEMS = """
американськ=United States|американск=United States|британськ=United Kingdom
британск=United Kingdom|російськ=Russia|российск=Russia|українськ=Ukraine|украинск=Ukraine
турецьк=Turkey|турецк=Turkey|німецьк=Germany|немецк=Germany|французьк=France|французск=France
польськ=Poland|польск=Poland|китайськ=China|китайск=China|казахстанськ=Kazakhstan
казахстанск=Kazakhstan|кыргызск=Kyrgyzstan|киргизьк=Kyrgyzstan|узбецьк=Uzbekistan
узбекск=Uzbekistan|білоруськ=Belarus|белорусск=Belarus|грузинськ=Georgia|грузинск=Georgia
молдовськ=Moldova|молдавск=Moldova|румунськ=Romania|румынск=Romania
естонськ=Estonia|эстонск=Estonia|латвійськ=Latvia|латвийск=Latvia|литовськ=Lithuania
литовск=Lithuania|вірменськ=Armenia|армянск=Armenia|азербайджанськ=Azerbaijan
азербайджанск=Azerbaijan|таджицьк=Tajikistan|таджикск=Tajikistan|туркменськ=Turkmenistan
туркменск=Turkmenistan|ізраїльськ=Israel|израильск=Israel|японськ=Japan|японск=Japan
італійськ=Italy|итальянск=Italy|іспанськ=Spain|испанск=Spain|фінськ=Finland|финск=Finland
шведськ=Sweden|шведск=Sweden|норвезьк=Norway|норвежск=Norway
угорськ=Hungary|венгерск=Hungary|чеськ=Czech Republic|чешск=Czech Republic
словацьк=Slovakia|словацк=Slovakia|болгарськ=Bulgaria|болгарск=Bulgaria|грецьк=Greece
греческ=Greece|сербськ=Serbia|сербск=Serbia|хорватськ=Croatia|хорватск=Croatia
іранськ=Iran|иранск=Iran|індійськ=India|индийск=India|канадськ=Canada|канадск=Canada
"""
# The nouns after a state's adjective that make the two words the state ("Эстонские власти",
# "российской стороне", "the Irish government"): stems, since they inflect
SIDES = ("сторон", "влад", "власт", "уряд", "правительств", "government", "authorities", "side")


def _table(data: str) -> dict[str, str]:
    pairs = (item.split("=") for line in data.strip().splitlines() for item in line.split("|"))
    return dict(pairs)


ADJECTIVES = _table(_EN)
STEMS = _table(_STEMS)

# What a state's adjective makes the state's voice (never "tourists", "voters", "firms")
VOICES = frozenset("""
    official officials diplomat diplomats ministry government authorities spokesman
    spokeswoman spokesperson source sources delegation negotiator negotiators embassy envoy
    ambassador military
    чиновник чиновники посадовці посадовець міністерство министерство уряд правительство
    влада власти дипломат дипломати дипломаты посольство делегація делегация джерела источники
    """.split())


def side_of(quote: str) -> str | None:
    """The state two words name as its government or its side in talks ("Эстонские
    власти", "грузинская сторона", "the Irish government"), else None."""
    words = [w for w in quote.split() if w.casefold() != "the"]
    if len(words) != 2 or not words[1].casefold().startswith(SIDES):
        return None
    return state_of(words[0])


def state_of(word: str) -> str | None:
    """The state a demonym adjective names ("Turkish", "турецькі"), else None."""
    if word in ADJECTIVES:
        return ADJECTIVES[word]
    low = word.lower()
    return next((state for stem, state in STEMS.items() if low.startswith(stem)), None)
