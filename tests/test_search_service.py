"""search_articles and matching_article_ids on a real library, through the services that
write it: ranking, facets, hit counts and snippets, and the index in step with every edit."""

from __future__ import annotations

import pytest

from reader_app.domain.models import ImportedArticle
from reader_app.services import actor_ops, tagging
from reader_app.services.search import (
    ArticleHit,
    SearchFilter,
    match_spans,
    matching_article_ids,
    search_articles,
)
from reader_app.storage.actors import create_actor
from reader_app.storage.articles import add_article, delete_article, get_article

LAVROV = ("date 2022-02-09\nMOSCOW — Russian Foreign Minister Sergei Lavrov said the drills"
          " would end on Thursday. He called the claims of vote theft 🇺🇦 absurd.\n")
KYIV = ("date 2022-02-20\nKYIV — Зеленський заявив, що Лавров бреше. Голосування відбулося"
        " вчора, votes were counted.\n")
LATER = "date 2022-03-05\nThe ministry said the drills were over; nobody voted.\n"


def store(db, title, text, source="t.txt"):
    item = ImportedArticle(title, text, source, published=text[5:15], language="en")
    return get_article(db, add_article(db, item).article_id)


@pytest.fixture
def lib(db):
    return {"lavrov": store(db, "Drills end", LAVROV, "TASS wire"),
            "kyiv": store(db, "Голосування у Києві", KYIV, "Укрінформ"),
            "later": store(db, "Drills over", LATER, "Reuters")}


def ids(db, **kw):
    return [h.article_id for h in search_articles(db, SearchFilter(**kw))]


def tag(db, article, kind, words, **kw):
    start = article.text.index(words)
    new, _ = tagging.tag(db, article, kind, start, start + len(words), **kw)
    return new


def test_words_in_bodies_are_found_with_counts_and_plain_snippets(db, lib):
    hits = search_articles(db, SearchFilter(text="Lavrov"))
    assert [h.article_id for h in hits] == [lib["lavrov"].id]  # the other has "Лавров"
    first = hits[0]
    assert isinstance(first, ArticleHit) and first.hits == 1
    assert [first.snippet[a:b] for a, b in first.marks] == ["Lavrov"]
    assert "<" not in first.snippet and "\n" not in first.snippet
    # "vote theft" is in the body of one article only
    assert ids(db, text='"vote theft"') == [lib["lavrov"].id]
    assert ids(db, text="vote theft") == [lib["lavrov"].id]


def test_word_forms_across_languages(db, lib):
    assert set(ids(db, text="votes")) == {lib["lavrov"].id, lib["kyiv"].id, lib["later"].id}
    assert ids(db, text="Лаврова") == [lib["kyiv"].id]
    assert ids(db, text="голосуванні") == [lib["kyiv"].id]
    hit = search_articles(db, SearchFilter(text="Зеленського"))[0]
    assert [hit.snippet[a:b] for a, b in hit.marks] == ["Зеленський"]


def test_title_hit_outranks_body_hit(db):
    body = store(db, "Weekly report", "date 2022-01-01\nThe ceasefire held in the east today.\n")
    title = store(db, "Ceasefire", "date 2022-01-02\nTalks went on in Minsk for hours today.\n")
    assert ids(db, text="ceasefire") == [title.id, body.id]


def test_exclusion_or_prefix(db, lib):
    assert ids(db, text="drills -Lavrov") == [lib["later"].id]
    assert set(ids(db, text="Lavrov OR nobody")) == {lib["lavrov"].id, lib["later"].id}
    assert set(ids(db, text="Lavrov OR Лавров")) == {lib["lavrov"].id, lib["kyiv"].id}
    assert set(ids(db, text="lavr*")) == {lib["lavrov"].id}
    assert ids(db, text="-drills") == [lib["kyiv"].id]
    assert ids(db, text='"((" NEAR ^ :') == []


def test_facets_alone_list_newest_first_and_combine(db, lib):
    assert ids(db, published_from="2022-02-01") == [lib["later"].id, lib["kyiv"].id,
                                                    lib["lavrov"].id]
    assert ids(db, published_from="2022-02", published_to="2022-02") == [lib["kyiv"].id,
                                                                          lib["lavrov"].id]
    assert ids(db, source="укрінформ") == [lib["kyiv"].id]
    assert ids(db, source="tass") == [lib["lavrov"].id]
    assert ids(db, text="drills", source="reuters") == [lib["later"].id]
    with pytest.raises(ValueError, match="not a date"):
        search_articles(db, SearchFilter(published_from="2022-02-31"))


def test_claims_by_lavrov_in_february_disputed(db, lib):
    lavrov = create_actor(db, "Sergei Lavrov", "person", aliases=["Лавров"])
    claim = tag(db, lib["lavrov"], "claim", "the drills would end on Thursday", analyst="ana")
    tagging.edit_tag(db, claim.annotation.id, {"claimant_id": lavrov.id, "status": "disputed",
                                               "reliability": "B", "credibility": 2})
    other = tag(db, lib["later"], "claim", "the drills were over", analyst="bo")
    tagging.edit_tag(db, other.annotation.id, {"claimant_id": lavrov.id, "status": "corroborated"})
    feb = dict(actor="sergei lavrov", actor_role="claimant", published_from="2022-02",
               published_to="2022-02")
    assert ids(db, **feb, statuses=("disputed",)) == [lib["lavrov"].id]
    assert ids(db, **feb, statuses=("corroborated",)) == []
    assert ids(db, actor="Лавров", actor_role="claimant") == [lib["later"].id, lib["lavrov"].id]
    assert ids(db, grades=("b2",)) == [lib["lavrov"].id]
    assert ids(db, analyst="BO") == [lib["later"].id]
    assert set(ids(db, kinds=("claim",), text="drills")) == {lib["later"].id, lib["lavrov"].id}
    assert ids(db, kinds=("actor",)) == []
    assert ids(db, actor="nobody at all") == []
    assert matching_article_ids(db, SearchFilter(**feb)) == [lib["lavrov"].id]


def test_tag_then_search_finds_quote_and_note_untag_does_not(db, lib):
    new = tag(db, lib["later"], "claim", "nobody voted", analyst="ana")
    tagging.edit_tag(db, new.annotation.id, {"note": "Перевірити у ЦВК"})
    assert ids(db, text="перевірити") == [lib["later"].id]
    hit = search_articles(db, SearchFilter(text="перевірити"))[0]
    assert hit.hits == 1 and [hit.snippet[a:b] for a, b in hit.marks] == ["Перевірити"]
    tagging.untag(db, new)
    assert ids(db, text="перевірити") == []


def test_actor_names_aliases_rename_merge(db, lib):
    actor = tag(db, lib["lavrov"], "actor", "Sergei Lavrov").annotation.actor_id
    assert actor is not None
    actor_ops.set_aliases(db, actor, ["Міністр Лавров", "Serguei"])
    hit = search_articles(db, SearchFilter(text="serguei"))
    assert [h.article_id for h in hit] == [lib["lavrov"].id]
    assert hit[0].hits == 1 and [hit[0].snippet[a:b] for a, b in hit[0].marks] == ["Sergei Lavrov"]
    actor_ops.edit_actor(db, actor, {"name": "Sergey Viktorovich"})
    assert ids(db, text="viktorovich") == [lib["lavrov"].id]
    other = create_actor(db, "Ministry spokesman", "person")
    tag_on_later = tag(db, lib["later"], "actor", "ministry").annotation
    tagging.edit_tag(db, tag_on_later.id, {"actor_id": other.id})
    assert ids(db, text="spokesman") == [lib["later"].id]
    record, _ = actor_ops.merge(db, actor, other.id)
    # the dropped actor's name is now an alias of the one kept: both articles
    assert set(ids(db, text="viktorovich")) == {lib["lavrov"].id, lib["later"].id}
    assert set(ids(db, text="spokesman")) == {lib["lavrov"].id, lib["later"].id}
    actor_ops.undo_merge(db, record)
    assert ids(db, text="spokesman") == [lib["later"].id]


def test_memo_is_searched_and_article_delete_leaves_nothing(db, lib):
    with db.conn:
        db.execute("UPDATE articles SET memo = ? WHERE id = ?",
                   ["**Check** with the desk: Шойгу", lib["later"].id])
    hit = search_articles(db, SearchFilter(text="шойгу"))
    assert [h.article_id for h in hit] == [lib["later"].id]
    assert [hit[0].snippet[a:b] for a, b in hit[0].marks] == ["Шойгу"]
    tag(db, lib["later"], "claim", "nobody voted")
    delete_article(db, lib["later"].id)
    for text in ("шойгу", "drills", "nobody"):
        assert lib["later"].id not in ids(db, text=text)
    for table in ("articles_fts", "annotations_fts", "memo_fts", "library_fts"):
        db.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")


def test_empty_filter_and_limit(db, lib):
    assert search_articles(db, SearchFilter()) == []
    assert SearchFilter().is_empty() and SearchFilter(text="  ").is_empty()
    assert not SearchFilter(source="x").is_empty()
    assert len(search_articles(db, SearchFilter(text="drills OR votes"), limit=1)) == 1
    assert matching_article_ids(db, SearchFilter()) == []


def test_match_spans_for_the_reader():
    text = "Лавров said; Лаврову, LAVROV and lavrova."
    assert [text[a:b] for a, b in match_spans(text, "Лаврова")] == ["Лавров", "Лаврову"]
    assert [text[a:b] for a, b in match_spans(text, "lavrov")] == ["LAVROV", "lavrova"]
    assert [text[a:b] for a, b in match_spans(text, '"lavrov"')] == ["LAVROV"]


def test_delete_tag_undo_redo_keep_the_index(db, lib):
    new = tag(db, lib["later"], "claim", "nobody voted")
    tagging.edit_tag(db, new.annotation.id, {"note": "Шойгу 🇺🇦 note"})
    assert ids(db, text="шойгу") == [lib["later"].id]
    gone, _ = tagging.delete_tag(db, new.annotation.id)
    assert ids(db, text="шойгу") == []
    tagging.restore_tag(db, gone)
    assert ids(db, text="шойгу") == [lib["later"].id]
    old, _ = tagging.edit_tag(db, new.annotation.id, {"note": "other words"})
    assert ids(db, text="шойгу") == []
    tagging.edit_tag(db, new.annotation.id, old)  # undo the edit
    assert ids(db, text="шойгу") == [lib["later"].id]
    back, _ = tagging.untag(db, new)
    assert ids(db, text="шойгу") == []
    tagging.retag(db, back)
    assert ids(db, text="nobody") == [lib["later"].id]
