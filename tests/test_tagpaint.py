"""Tagging and painting in a dense article: what is read near a claim, and what a
repaint of the same place may reuse."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSizeF

from reader_app.domain.models import ImportedArticle
from reader_app.gui.article.document import visible_range
from reader_app.gui.article.view import ArticleView
from reader_app.services.analysis import add_tag
from reader_app.storage.annotations import (
    add_annotation,
    list_annotations_near,
    list_annotations_starting,
)
from reader_app.storage.articles import add_article, get_article

DENSE = " ".join(f"w{n}" for n in range(3000))


def test_tags_starting_in_a_range_are_those_of_the_kind_within_it(db):
    article = add_article(db, ImportedArticle("Dense", DENSE, "d.txt", None))
    made = []
    for n in range(2, 400, 2):
        start = DENSE.index(f" w{n} ") + 1
        kind = ("actor", "date", "claim")[n % 3]
        made.append(add_annotation(db, article.article_id, kind, start,
                                   start + len(f"w{n}")))
    lo, hi = 300, 900
    dates = list_annotations_starting(db, article.article_id, lo, hi, "date")
    expected = sorted(a.id for a in made if a.kind == "date" and lo <= a.start <= hi)
    assert sorted(a.id for a in dates) == expected and expected
    # near = starting within the radius either side, every kind
    near = list_annotations_near(db, article.article_id, 600, 610, radius=300)
    assert sorted(a.id for a in near) == sorted(a.id for a in made if 300 <= a.start <= 910)


def test_a_claim_takes_the_date_of_its_sentence_only(db):
    text = "Talks end on Friday in Kyiv. Officials said on Monday that drills go on."
    article_id = add_article(db, ImportedArticle("T", text, "t.txt", "2022-02-09")).article_id
    article = get_article(db, article_id)
    friday = text.index("Friday")
    add_tag(db, article, "date", friday, friday + len("Friday"))
    monday = text.index("Monday")
    monday_tag = add_tag(db, article, "date", monday, monday + len("Monday")).annotation
    start = text.index("drills")
    claim = add_tag(db, article, "claim", start, start + len("drills go on")).annotation
    assert claim.claim_date_annotation_id == monday_tag.id
    first = add_tag(db, article, "claim", text.index("Talks"), text.index(" in Kyiv")).annotation
    assert first.claim_date_annotation_id != monday_tag.id
    assert first.claim_date_annotation_id is not None


def test_a_repaint_of_the_same_place_reuses_its_spans_until_they_change(qtbot):
    from test_article_view import make_ann, make_article

    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    qtbot.waitExposed(view)
    text = "\n\n".join(" ".join(f"p{p}w{n}" for n in range(60)) for p in range(200))
    anns = [make_ann(n + 1, "claim", text, f"p{n}w3 ") for n in range(0, 200, 3)]
    view.show_article(make_article(text), anns)
    view.grab()
    layer = view._layer
    offset, size = view._scroll_offset(), QSizeF(view.viewport().size())
    first = layer.visible_spans(offset, size)
    assert layer.visible_spans(offset, size) is first  # nothing changed: reused
    assert first[0] == visible_range(view.document(), view.offset_map, offset, size)
    assert [s[2] for s in first[1]] == view.highlighted_ids(*first[0])

    extra = make_ann(999, "actor", text, "p0w5")
    view.add_annotation(extra)
    after = layer.visible_spans(offset, size)
    assert after is not first and 999 in [s[2] for s in after[1]]
    view.remove_annotation(999)
    assert 999 not in [s[2] for s in layer.visible_spans(offset, size)[1]]

    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    view.grab()
    moved = view._scroll_offset()
    found = layer.visible_spans(moved, size)
    assert found[0] == visible_range(view.document(), view.offset_map, moved, size)
    assert found[0][0] > first[0][1]
    assert layer.visible_spans(QPointF(moved), size) is found
