"""Suggesting never hangs on a hostile text: one sentence of tens of thousands of speech
verbs, quotation marks or brackets is read in time linear in its length."""

from __future__ import annotations

import time

import pytest

from reader_app.domain.models import ImportedArticle
from reader_app.services.suggesting import suggest
from reader_app.storage.actors import create_actor
from reader_app.storage.articles import add_article

SIZE = 60_000
PATTERNS = {
    "reported speech": "Marchuk said that ",
    "according to": "according to according to ",
    "Ukrainian speech": "заявив, що ",
    "Russian speech": "по словам сказал, что ",
    "quotation marks": "“a ",
    "brackets": "(NRP) ",
    "acronyms defined again and again": "National Reform Party (NRP) ",
    "state names": "Washington ",
    "one surname": "Marchuk ",
    "no spaces": "x",
}


@pytest.mark.parametrize("name", PATTERNS)
def test_one_endless_sentence_is_read_in_linear_time(db, name):
    create_actor(db, "Olena Marchuk", "person")
    unit = PATTERNS[name]
    text = unit * (SIZE // len(unit)) + "x"
    article_id = add_article(db, ImportedArticle(name, text, "h.txt", "2022-02-09")).article_id
    began = time.process_time()
    found = suggest(db, article_id)
    took = time.process_time() - began
    # ~0.2 s here on a busy machine; what was quadratic took tens of seconds at this size
    assert took < 5.0, f"{name}: {took:.1f} s"
    assert all(text[s.start:s.end] == s.quote for s in found)
