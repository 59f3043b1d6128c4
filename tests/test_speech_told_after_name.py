"""Ukrainian and Russian put whom it was told after the speaker's name ("— сказала Олена
Гриценко журналістам"): the speaker ends there, and the quotation is her claim."""

from __future__ import annotations

import pytest

from reader_app.domain.speech import find_claims


@pytest.mark.parametrize(("text", "claim", "speaker"), [
    ("«Ми захистили родини з низькими доходами», — сказала Олена Гриценко журналістам.",
     "Ми захистили родини з низькими доходами", "Олена Гриценко"),
    ("«Мы защитили семьи с низкими доходами», — сказал Олег Гриценко журналистам в четверг.",
     "Мы защитили семьи с низкими доходами", "Олег Гриценко"),
    ("«Міст відкриють до зими», — пообіцяв Андрій Мельник депутатам.",
     "Міст відкриють до зими", "Андрій Мельник"),
])
def test_the_audience_after_the_name_ends_the_speaker(text, claim, speaker):
    (found,) = find_claims(text, [], {})
    assert text[found.start:found.end] == claim
    assert text[found.speaker_start:found.speaker_end] == speaker
