"""Our own example article keeps the shape and the hard characters the end-to-end tests
rely on (the shared one may be absent, so this one must never be simplified)."""

from __future__ import annotations

from shared_sample import OWN

from reader_app.formats.importers import read_article


def test_our_sample_has_the_hard_characters_and_a_dateline():
    raw = OWN.path.read_text(encoding="utf-8")
    assert raw.startswith(f"date {OWN.published} {OWN.opening}")  # inline dateline
    for ch in ("’", "—", "\u00a0", "🚢", "“", "”"):
        assert ch in raw, repr(ch)
    article = read_article(OWN.path)
    assert "\u00a0" in article.text and "🚢" in article.text  # never normalized away


def test_every_phrase_the_tests_tag_is_in_our_sample():
    text = read_article(OWN.path).text
    phrases = [(OWN.person, None), OWN.surname, OWN.speaker, (OWN.speaker_claim, None),
               OWN.caller, (OWN.caller_claim, None), (OWN.titled, None),
               (OWN.titled_claim, None), OWN.titled_surname, *OWN.places,
               (OWN.ministry, None), (OWN.ministry_claim, None), OWN.dated_actor,
               OWN.dated_day, (OWN.dated_claim, None), *(p for p, _v, _g in OWN.dates)]
    for phrase, after in phrases:
        assert phrase in text[text.index(after) if after else 0:], (phrase, after)
