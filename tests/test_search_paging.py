"""The search in two steps (search_ranked, then RankedSearch.details for some rows): the
ranked rows are search_articles' rows, and any slice's details are the same ArticleHits
search_articles gives, on Cyrillic word forms, phrases, prefixes, OR, -word and facets."""

from __future__ import annotations

import pytest

from reader_app.domain.models import ImportedArticle
from reader_app.services import tagging
from reader_app.services.search import SearchFilter, search_articles, search_ranked
from reader_app.storage.articles import add_articles, get_article

TEXTS = [
    "Sergei Lavrov said the vote theft claims were baseless; Lavrov repeated it.",
    "Лавров заявив, що переговори тривають. Лаврова не чули, з Лавровим не говорили.",
    "The votes were counted twice; nobody voted against the ceasefire.",
    "Café owners voted for the ceasefire 🇺🇦 — a vote theft, said Lavrov's aide.",
    "Переговорів не буде, сказав міністр; the minister said nothing.",
]


@pytest.fixture
def many(db):
    items = [ImportedArticle(f"Report {i} {'Lavrov' if i % 7 == 0 else 'daily'}",
                             TEXTS[i % len(TEXTS)] + f" Item {i}.", f"s{i % 3}.txt",
                             f"2022-{1 + i % 12:02d}-{1 + i % 28:02d}")
             for i in range(60)]
    ids = [r.article_id for r in add_articles(db, items)]
    article = get_article(db, ids[4])
    start = article.text.index("міністр")
    new, _ = tagging.tag(db, article, "claim", start, start + len("міністр"))
    tagging.edit_tag(db, new.annotation.id, {"note": "Lavrov denied it"})
    return ids


QUERIES = ["Lavrov", "Лаврова", '"vote theft"', "lavr*", "votes", "ceasefire OR votes -minister",
           "переговорах", "cafe", "Lavrov denied"]


@pytest.mark.parametrize("text", QUERIES)
def test_every_slice_of_details_is_what_search_articles_gives(db, many, text):
    full = search_articles(db, SearchFilter(text=text), limit=40)
    assert full and all(not h.pending for h in full)
    ranked = search_ranked(db, SearchFilter(text=text), limit=40)
    assert [r.article_id for r in ranked.rows] == [h.article_id for h in full]
    assert all(r.pending and r.snippet == "" for r in ranked.rows)
    assert ranked.details(db) == full
    pieces = ranked.details(db, 0, 7) + ranked.details(db, 7, 20) + ranked.details(db, 20)
    assert pieces == full
    assert ranked.details(db, len(full), len(full) + 5) == []


def test_facets_alone_are_paged_too(db, many):
    flt = SearchFilter(source="s1", published_from="2022-03")
    full = search_articles(db, flt)
    ranked = search_ranked(db, flt)
    assert full and [r.article_id for r in ranked.rows] == [h.article_id for h in full]
    assert ranked.details(db, 0, 3) + ranked.details(db, 3) == full


def test_nothing_to_search_is_an_empty_ranking(db, many):
    assert len(search_ranked(db, SearchFilter(text="💥"))) == 0
    assert search_ranked(db, SearchFilter(text="zebrafinch")).details(db) == []


def test_an_article_deleted_after_ranking_is_left_out_of_the_details(db, many):
    from reader_app.storage.articles import delete_article

    ranked = search_ranked(db, SearchFilter(text="Lavrov"), limit=40)
    gone = ranked.rows[1].article_id
    delete_article(db, gone)
    details = ranked.details(db, 0, 5)
    assert [h.article_id for h in details] == [r.article_id for r in ranked.rows[:5]
                                               if r.article_id != gone]
    assert all(not h.pending and h.snippet for h in details)


@pytest.mark.parametrize("text", [*QUERIES, "denied", "міністр", "Lavrov -denied"])
@pytest.mark.parametrize("limit", [3, 40])
def test_the_ranking_in_two_statements_is_the_merged_statements(db, many, text, limit):
    from reader_app.domain.search_query import excluded_expression, fts_expression, parse_query
    from reader_app.storage import search as store

    query = parse_query(text)
    args = (db, fts_expression(query), excluded_expression(query), store.Facets(), limit)
    merged = store.ranked(*args, texts=False)  # one statement
    parts = store.ranked(*args, texts=False, titles=True)
    assert merged and [r.id for r in parts] == [r.id for r in merged]
    assert [(r.tags, r.actor_tags) for r in parts] == [(r.tags, r.actor_tags) for r in merged]


def test_the_result_model_fills_pending_rows_by_article_id(qtmodeltester, qtbot, db, many):
    from reader_app.gui.lists.search_model import SearchResultModel, meta_text
    from reader_app.gui.lists.tables import ITEM_ROLE

    ranked = search_ranked(db, SearchFilter(text="Lavrov"), limit=40)
    model = SearchResultModel()
    model.set_hits(ranked.rows)
    qtmodeltester.check(model)
    assert meta_text(model.index(5, 0).data(ITEM_ROLE)) == "…"  # pending: nothing counted yet
    later = ranked.details(db, 5, 9)
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.set_details(later[::-1])  # any order: matched by id
    first, last = changed.args[0], changed.args[1]
    assert (first.row(), last.row()) == (5, 8)
    assert [model.index(r, 0).data(ITEM_ROLE) for r in range(5, 9)] == later
    assert model.index(9, 0).data(ITEM_ROLE).pending
    assert "hit" in meta_text(model.index(6, 0).data(ITEM_ROLE))
    qtmodeltester.check(model)
