"""Tagging and painting in a dense article: what is read near a claim, and what a
repaint of the same place may reuse."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSizeF, Qt

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


def shown_view(qtbot, width: int) -> ArticleView:
    """An article view on screen, width x 400."""
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(width, 400)
    view.show()
    qtbot.waitExposed(view)
    return view


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

    view = shown_view(qtbot, 600)
    text = "\n\n".join(" ".join(f"p{p}w{n}" for n in range(60)) for p in range(200))
    anns = [make_ann(n + 1, "claim", text, f"p{n}w3 ") for n in range(0, 200, 3)]
    view.show_article(make_article(text), anns)
    view.grab()
    layer = view._layer
    offset, size = view._scroll_offset(), QSizeF(view.viewport().size())
    first = layer.visible_spans(offset, size)
    assert layer.visible_spans(offset, size) is first  # nothing changed: reused
    assert_covers(view, first[0], offset, size)
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
    assert_covers(view, found[0], moved, size)
    assert found[0][0] > first[0][1]
    assert layer.visible_spans(QPointF(moved), size) is found


def assert_covers(view: ArticleView, found: tuple[int, int], offset: QPointF, size: QSizeF):
    """The range holds every line in the viewport, and at most a line or two more each
    side than Qt's hit-tested range."""
    qt_start, qt_end = visible_range(view.document(), view.offset_map, offset, size)
    layout = view.document().documentLayout()
    for y in range(0, int(size.height()), 7):
        for x in (30, size.width() - 30):
            unit = layout.hitTest(offset + QPointF(x, y), Qt.HitTestAccuracy.ExactHit)
            if unit >= 0:
                cp = view.offset_map.to_code_point(unit)
                assert found[0] <= cp <= found[1]
    assert qt_start - 200 <= found[0] <= qt_start and qt_end - 60 <= found[1] <= qt_end + 200


def test_the_visible_range_follows_a_re_wrap(qtbot):
    from test_article_view import make_article

    view = shown_view(qtbot, 700)
    text = "\n\n".join(" ".join(f"p{p}w{n}" for n in range(80)) for p in range(300))
    view.show_article(make_article(text), [])
    view.add_annotation(__import__("test_article_view").make_ann(1, "claim", text, "p150w3 "))
    bar = view.verticalScrollBar()
    for width in (700, 420, 900):
        view.resize(width, 400)
        bar.setValue(bar.maximum() * 2 // 3)
        view.grab()
        offset, size = view._scroll_offset(), QSizeF(view.viewport().size())
        assert_covers(view, view._layer.visible_spans(offset, size)[0], offset, size)


def test_a_painted_view_keeps_no_wrapper_of_a_layout_qt_owns(qtbot):
    """Qt frees a block's QTextLayout without telling PySide6: a wrapper kept past that
    is handed out later for whatever object is born at its address (CI once got a
    table's selectionModel() back as a 'QTextLayout')."""
    import gc

    from PySide6.QtGui import QTextLayout
    from test_article_view import make_ann, make_article

    view = shown_view(qtbot, 600)
    text = "\n\n".join(" ".join(f"p{p}w{n}" for n in range(60)) for p in range(50))
    view.show_article(make_article(text), [make_ann(n + 1, "claim", text, f"p{n}w3 ")
                                           for n in range(0, 50, 2)])
    view.grab()
    assert view._layer.visible_spans(view._scroll_offset(), QSizeF(view.viewport().size()))[1]
    gc.collect()
    assert not [o for o in gc.get_objects() if isinstance(o, QTextLayout)]
