"""Plural possessives (s’ and s') name the same actor as the plain plural: in match keys,
in new actors' names, and when the analyst tags "the Okafors’" then "the Okafors"."""

from __future__ import annotations

import pytest
from gui_helpers import tag_in_window
from PySide6.QtWidgets import QTabWidget

from reader_app.domain.actors import (
    candidate_keys,
    match_key,
    name_from_quote,
    propose_actor,
)
from reader_app.domain.models import ImportedArticle
from reader_app.services.analysis import add_tag
from reader_app.storage.actors import list_actors
from reader_app.storage.articles import add_article, get_article
from reader_app.storage.database import open_library

APOSTROPHES = ["'", "’"]


@pytest.mark.parametrize("apostrophe", APOSTROPHES)
def test_a_plural_possessive_has_the_plurals_key_and_name(apostrophe):
    quote = f"the Okafors{apostrophe}"
    assert match_key(quote) == match_key("the Okafors") == "the okafors"
    assert "the okafors" in candidate_keys(quote)
    assert name_from_quote(quote) == "the Okafors"
    assert name_from_quote(f"“Dockworkers{apostrophe}”") == "Dockworkers"


@pytest.mark.parametrize("apostrophe", APOSTROPHES)
def test_a_plural_possessive_proposes_the_known_actor(apostrophe):
    keys = {"the okafors": [7], "okafor": [8]}
    names = {7: "the Okafors"}
    assert propose_actor(f"the Okafors{apostrophe}", keys, [], names=names)[0] == 7
    # a family's possessive is not the surname of one person tagged in the article
    assert propose_actor(f"Okafors{apostrophe}", {}, [(8, "Rafael Okafor")])[0] is None


def story(apostrophe: str) -> str:
    return (f"date 2023-10-18 Lawyers for the Okafors{apostrophe} company said on Tuesday that "
            f"the Okafors would appeal. Reporters asked the Okafors again.")


@pytest.mark.parametrize("apostrophe", APOSTROPHES)
@pytest.mark.parametrize("possessive_first", [True, False])
def test_tagging_the_possessive_and_the_plural_links_one_actor(db, apostrophe, possessive_first):
    text = story(apostrophe).split(" ", 2)[2]
    article = get_article(db, add_article(db, ImportedArticle("t", text, "t.txt",
                                                                published="2023-10-18")).article_id)
    possessive = text.index(f"the Okafors{apostrophe}")
    plain = text.index("the Okafors would")
    spans = [(possessive, possessive + 12), (plain, plain + 11)]
    first, second = spans if possessive_first else spans[::-1]
    a = add_tag(db, article, "actor", *first)
    b = add_tag(db, article, "actor", *second)
    assert a.created_actor is not None and a.created_actor.name == "the Okafors"
    assert b.created_actor is None and b.annotation.actor_id == a.annotation.actor_id
    assert [actor.name for actor in list_actors(db)] == ["the Okafors"]


@pytest.mark.parametrize("apostrophe", APOSTROPHES)
def test_in_the_window_the_okafors_and_the_okafors_possessive_are_one_actor(
        qtbot, window, db_path, apostrophe):
    text = story(apostrophe).split(" ", 2)[2]
    db = open_library(db_path)
    try:
        article_id = add_article(db, ImportedArticle("t", text, "t.txt")).article_id
    finally:
        db.close()
    window.controller.add_imported([article_id])
    window.controller.open_article(article_id)
    c = window.controller
    possessive = tag_in_window(window, "actor", f"the Okafors{apostrophe}")
    plain = tag_in_window(window, "actor", "the Okafors", after="Tuesday")
    assert c.annotation(possessive).quote == f"the Okafors{apostrophe}"
    assert c.annotation(plain).actor_id == c.annotation(possessive).actor_id
    window.findChild(QTabWidget, "leftTabs").setCurrentWidget(window.actors_pane)
    model = window.actors_pane.model  # filled when its tab is first shown
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=5000)
    assert [model.item(r).name for r in range(model.rowCount())] == ["the Okafors"]
