"""speech's paragraph cache: a paragraph read before gives what reading it afresh gives,
whatever article (or version of one) it was read in, the cache kept between them.

Every paragraph here is written for these tests; none comes from a real article.
"""

from __future__ import annotations

import random

from reader_app.domain import speech
from reader_app.domain.actors import match_key
from reader_app.domain.speech import find_claims

OKAFOR, HADDAD, MARLOW = 1, 2, 3
KNOWN = {match_key("Amara Okafor"): OKAFOR, match_key("Pedro Haddad"): HADDAD,
         match_key("Ilse Marlow"): MARLOW}
PERSONS = {OKAFOR, HADDAD, MARLOW}


def _claims(text: str) -> list[tuple[int, int, int | None, str]]:
    return [(m.start, m.end, m.claimant_id, m.reason)
            for m in find_claims(text, [], KNOWN, PERSONS)]


def _afresh(text: str) -> list[tuple[int, int, int | None, str]]:
    kept = dict(speech._CACHE)
    speech._CACHE.clear()
    try:
        return _claims(text)
    finally:
        speech._CACHE.clear()
        speech._CACHE.update(kept)


def test_a_pronoun_opening_a_paragraph_is_read_again_after_another_paragraph_before_it():
    # the same second paragraph at the same offset; "He" stands for whoever the first names
    tail = "\n\nHe said the port would reopen next week after the long repairs were finished."
    first = "Amara Okafor visited the docks." + tail
    second = "Pedro Haddad visited the docks." + tail
    assert [c[2] for c in _claims(first)] == [OKAFOR]
    assert [c[2] for c in _claims(second)] == [HADDAD]  # not Okafor, kept from the first
    assert [c[2] for c in _claims(first)] == [OKAFOR]


_OPENERS = ("Amara Okafor visited the docks on Friday.", "Pedro Haddad visited the docks too.",
            "Ilse Marlow left the long talks early.", "The harbour was closed for a week now.")
_FOLLOWERS = ("He said the port would reopen next week after the repairs were finished.",
              "She said the union had walked out first and would not come back soon.",
              "According to him, the cranes were never the issue at the old harbour.",
              "“We will not go back to work for a promise on paper,” she told reporters.")


def test_kept_paragraphs_match_a_reading_afresh_across_articles():
    rng = random.Random(5)
    for _ in range(60):  # articles that share paragraphs at the same offsets, cache kept
        parts = []
        for _ in range(rng.randint(2, 6)):
            parts += [rng.choice(_OPENERS), rng.choice(_FOLLOWERS)]
        text = rng.choice(("\n\n", "\n", "\n \n")).join(parts)
        assert _claims(text) == _afresh(text), text
