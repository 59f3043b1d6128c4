"""A result found by its filters alone (no words typed) does not say "0 hits" in the
library list, which read as "nothing found here" beside an article that matched."""

from __future__ import annotations

from reader_app.domain.models import ImportedArticle
from reader_app.domain.search_query import SearchFilter
from reader_app.gui.lists.search_model import meta_text
from reader_app.services.search import search_articles
from reader_app.storage.articles import add_article

STORY = "date 2026-09-14\nVILNIUS — The budget talks stalled on Monday.\n"


def test_a_row_found_by_a_facet_says_it_matches_the_filters(db):
    add_article(db, ImportedArticle("Talks", STORY, "talks.txt", "2026-09-14", "en"))
    (hit,) = search_articles(db, SearchFilter(published_from="2026-09-01"))
    assert hit.hits == 0
    assert meta_text(hit) == "2026-09-14 · matches the filters"


def test_a_row_found_by_words_counts_its_hits(db):
    add_article(db, ImportedArticle("Talks", STORY, "talks.txt", "2026-09-14", "en"))
    (hit,) = search_articles(db, SearchFilter(text="budget", published_from="2026-09-01"))
    assert meta_text(hit) == "2026-09-14 · 1 hit"
