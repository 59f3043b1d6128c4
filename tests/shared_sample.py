"""The example articles the end-to-end tests read: our own (tests/data, always there) and
the team's shared one (beside the repository in CI's clone, or in the workspace; its cases
skip when it is absent). Both have the same shape: an inline dateline, named people,
organisations and places, quoted claims with their claimants, relative dates.

Each Sample names, for its own text, the phrases a test tags and what they must resolve to,
so one test body holds for both.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

NAME = "example-input_2022-02-09.txt"
_CANDIDATES = [
    Path(__file__).resolve().parents[2] / "shared" / "samples" / NAME,
    Path("/work/shared/samples") / NAME,
]
SHARED_SAMPLE = next((p for p in _CANDIDATES if p.exists()), _CANDIDATES[0])
OWN_SAMPLE = Path(__file__).resolve().parent / "data" / "harbour-strike_2023-10-18.txt"

Phrase = tuple[str, str | None]  # (text to tag, text it comes after; None: the first match)


@dataclass(frozen=True)
class Sample:
    path: Path
    published: str
    opening: str  # the body's first words, after the dateline
    # a person's full name, then their surname alone further on
    person: str
    surname: Phrase
    # "Surname described them as “…”": the surname (tagged on its own first) and the claim
    speaker: Phrase
    speaker_claim: str
    # (phrase, value, granularity) resolved against the dateline
    dates: tuple[tuple[Phrase, str, str], ...]
    # "Org calling it a “…”": the organisation and its claim
    caller: Phrase
    caller_claim: str
    # "Title Full Name said he regards it as “…”", then "Surname said" in that sentence
    titled: str
    titled_claim: str
    titled_surname: Phrase
    # "“…,” Place's Ministry said": the place twice (the second inside the ministry's
    # name), the ministry and its claim
    places: tuple[Phrase, Phrase]
    ministry: str
    ministry_claim: str
    # "Actor and Other began … on <day>": actor, the day, the claim, the day's value
    dated_actor: Phrase
    dated_day: Phrase
    dated_claim: str
    dated_value: str

    @property
    def available(self) -> bool:
        return self.path.exists()


OWN = Sample(
    path=OWN_SAMPLE,
    published="2023-10-18",
    opening="A strike by dock workers",
    person="Ilse Marlow",
    surname=("Marlow", "Marlow described"),
    speaker=("Marlow", "without a deal."),
    speaker_claim="Marlow described them as “like bargaining with a closed door,”",
    dates=((("Thursday", "customs inspections on"), "2023-10-19", "day"),
           (("next week", None), "2023-W43", "week"),
           (("last week", None), "2023-W41", "week"),
           (("between Oct. 23 and Oct. 27", None), "2023-10-23/2023-10-27", "interval"),
           (("19 October", None), "2023-10-19", "day"),
           (("2027", None), "2027", "year")),
    caller=("Nordhav Lines", None),
    caller_claim="“reckless gamble”",
    titled="Trade Minister Rafael Okafor",
    titled_claim="“economic sabotage.”",
    titled_surname=("Okafor", "Okafor said"),
    places=(("Estmark", "the day in brief"), ("Estmark", "on Thursday.")),
    ministry="Estmark's Transport Ministry",
    ministry_claim="“keeping essential cargo moving,”",
    dated_actor=("Estmark", "the day in brief"),
    dated_day=("Thursday", "customs inspections on"),
    dated_claim="Estmark and Valdora began joint customs inspections",
    dated_value="2023-10-19",
)

SHARED = Sample(
    path=SHARED_SAMPLE,
    published="2022-02-09",
    opening="High-stakes talks",
    person="Sergei Lavrov",
    surname=("Lavrov", "Lavrov described"),
    speaker=("Lavrov", "were tense."),
    speaker_claim="Lavrov described them as “like a mute talking to a deaf person,”",
    dates=((("Thursday", "launched joint military drills on"), "2022-02-10", "day"),
           (("next week", None), "2022-W07", "week"),
           (("between Feb. 13 and Feb. 19", None), "2022-02-13/2022-02-19", "interval"),
           (("1997", None), "1997", "year")),
    caller=("NATO", "The West quickly"),
    caller_claim="“dangerous moment”",
    titled="Ukrainian President Volodymyr Zelenskiy",
    titled_claim="“psychological pressure.”",
    titled_surname=("Zelenskiy", "Zelenskiy said"),
    places=(("Russia", "Feb. 10:"), ("Russia", "Thursday.")),
    ministry="Russia's Defense Ministry",
    ministry_claim="“suppressing and repelling external aggression,”",
    dated_actor=("Russia", "Feb. 10:"),
    dated_day=("Thursday", "launched joint military drills on"),
    dated_claim="Russia and Belarus launched joint military drills",
    dated_value="2022-02-10",
)

# Parametrize with these: our own sample always runs, the shared one when it is here.
SAMPLES = [
    pytest.param(OWN, id="own"),
    pytest.param(SHARED, id="shared", marks=pytest.mark.skipif(
        not SHARED.available, reason="the shared example article is not on this machine")),
]
