"""ChangeSet.merge: two changes in a row as one, the later state winning."""

from __future__ import annotations

from dataclasses import replace

from reader_app.domain.models import ActorId, ActorSummary, Annotation, ArticleSummary
from reader_app.services.changes import ChangeSet


def ann(i: int, **kw) -> Annotation:
    base = Annotation(i, f"u{i}", 1, "claim", 0, 4, "text", "", "", None, None, None,
                      "t0", "t0", "sha")
    return replace(base, **kw)


def summary(i: int, name: str) -> ActorSummary:
    return ActorSummary(ActorId(i), f"a{i}", name, "person", None, (), "t0", "t0")


def article(i: int) -> ArticleSummary:
    return ArticleSummary(i, f"title {i}", "s.txt", None, "t0")


def ids(tags: list[Annotation]) -> list[int]:
    return [a.id for a in tags]


def test_an_empty_change_merges_to_the_other():
    change = ChangeSet(tags_added=[ann(1)], counts={1: (1, 0, 0)}, explanation="why")
    assert ChangeSet().merge(change) == change
    assert change.merge(ChangeSet()) == change
    assert ChangeSet().is_empty() and not change.is_empty()
    assert not ChangeSet(claims={1: None}).is_empty()


def test_added_then_changed_is_added_in_its_new_state():
    later = ann(1, note="seen")
    out = ChangeSet(tags_added=[ann(1)]).merge(ChangeSet(tags_changed=[later],
                                                         tag_fields={"note"}))
    assert out.tags_added == [later] and out.tags_changed == [] and out.tags_removed == []


def test_added_then_removed_is_nothing_for_the_tags():
    out = ChangeSet(tags_added=[ann(1)], counts={1: (1, 0, 0)}).merge(
        ChangeSet(tags_removed=[ann(1)], counts={1: (0, 0, 0)}))
    assert out.tags_added == out.tags_changed == out.tags_removed == []
    assert out.counts == {1: (0, 0, 0)}  # the later counts


def test_changed_then_removed_is_removed_as_it_was_last():
    last = ann(2, note="x")
    out = ChangeSet(tags_changed=[last], tag_fields={"note"}).merge(
        ChangeSet(tags_removed=[last]))
    assert out.tags_removed == [last] and out.tags_changed == []


def test_removed_then_back_is_a_change_naming_what_differs():
    gone = ann(3, status="unverified")
    same = ChangeSet(tags_removed=[gone]).merge(ChangeSet(tags_added=[gone]))
    assert same.tags_changed == [gone] and same.tags_added == same.tags_removed == []
    assert same.tag_fields == set()
    other = replace(gone, kind="date", status=None)
    moved = ChangeSet(tags_removed=[gone]).merge(ChangeSet(tags_added=[other]))
    assert moved.tags_changed == [other] and moved.tag_fields == {"kind", "status"}


def test_changes_of_distinct_tags_all_stay():
    out = ChangeSet(tags_added=[ann(1)], tags_changed=[ann(2)], tag_fields={"note"}).merge(
        ChangeSet(tags_removed=[ann(3)], tags_changed=[ann(4)], tag_fields={"kind"}))
    assert (ids(out.tags_added), ids(out.tags_changed), ids(out.tags_removed)) == (
        [1], [2, 4], [3])
    assert out.tag_fields == {"note", "kind"}


def test_later_actors_claims_and_counts_win():
    first = ChangeSet(actors={1: summary(1, "Lavrov"), 2: summary(2, "Moscow")},
                      claims={7: {"claimant": "Lavrov"}}, counts={1: (1, 1, 0)},
                      explanation="first")
    later = ChangeSet(actors={1: None}, claims={7: None, 8: {"claimant": "Moscow"}},
                      counts={1: (0, 1, 0), 2: (1, 0, 0)})
    out = first.merge(later)
    assert out.actors == {1: None, 2: summary(2, "Moscow")}
    assert out.claims == {7: None, 8: {"claimant": "Moscow"}}
    assert out.counts == {1: (0, 1, 0), 2: (1, 0, 0)}
    assert out.explanation == "first"  # the later one said nothing
    assert first.merge(replace(later, explanation="later")).explanation == "later"


def test_articles_added_then_removed_were_never_there_and_back_again_are():
    out = ChangeSet(articles_added=[article(1), article(2)], counts={1: (1, 0, 0)}).merge(
        ChangeSet(articles_removed=[1]))
    assert out.articles_added == [article(2)] and out.articles_removed == []
    assert 1 not in out.counts
    back = ChangeSet(articles_removed=[5]).merge(ChangeSet(articles_added=[article(5)]))
    assert back.articles_added == [article(5)] and back.articles_removed == []
    both = ChangeSet(articles_removed=[5]).merge(ChangeSet(articles_removed=[6]))
    assert both.articles_removed == [5, 6]


def test_merge_leaves_both_changes_as_they_were():
    first = ChangeSet(tags_added=[ann(1)], articles_added=[article(1)])
    later = ChangeSet(tags_removed=[ann(1)], articles_removed=[1])
    first.merge(later)
    assert first == ChangeSet(tags_added=[ann(1)], articles_added=[article(1)])
    assert later == ChangeSet(tags_removed=[ann(1)], articles_removed=[1])
