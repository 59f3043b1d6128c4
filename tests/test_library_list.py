"""The library list at size: pages in every order, the filter, single changes, the window."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QPoint, Qt

from reader_app.domain.library_order import matches, sort_value
from reader_app.domain.models import ArticleId, ImportedArticle
from reader_app.gui.lists.library_model import (
    CLAIMS,
    DATES,
    ORDER_OF_COLUMN,
    PAGE,
    PUBLISHED,
    SOURCE,
    TITLE,
    LibraryModel,
)
from reader_app.gui.lists.library_pane import LibraryPane
from reader_app.services.changes import ChangeSet
from reader_app.storage.annotations import add_annotation
from reader_app.storage.articles import add_articles, list_articles
from reader_app.storage.database import open_library
from reader_app.storage.library_query import library_count, library_page

USER = Qt.ItemDataRole.UserRole
N = 1500  # several pages in every order
TITLES = ("Kyiv talks", "kyiv evening", "Заява МЗС", "Berlin", "alpha_1", "Bravo 100%", "Ötztal")


def build(db, n: int = N) -> list[int]:
    """n articles with repeating titles and dates (ties in every order), some undated,
    and tags on every seventh."""
    items = [
        ImportedArticle(f"{TITLES[i % len(TITLES)]} {i % 50}", f"text {i}", f"src{i % 13}.txt",
                        None if i % 5 == 0 else f"2022-{1 + i % 12:02d}-{1 + i % 9:02d}")
        for i in range(n)
    ]
    ids = [r.article_id for r in add_articles(db, items)]
    for i, article_id in enumerate(ids):
        if i % 7 == 0:
            add_annotation(db, article_id, "claim", 0, 4)
        if i % 3 == 0:
            add_annotation(db, article_id, ("actor", "date")[i % 2], 0, 4)
    return ids


@pytest.fixture(scope="module")
def big_template(tmp_path_factory):
    """The big library built once per module (1,500 articles and their tags took ~1.5 s
    per test); each test gets its own copy through SQLite's backup."""
    path = tmp_path_factory.mktemp("library_list") / "template.sqlite"
    db = open_library(path)
    try:
        return path, build(db)
    finally:
        db.close()


@pytest.fixture
def big(db, big_template):
    path, ids = big_template
    source = sqlite3.connect(path)
    try:
        source.backup(db.conn)
    finally:
        source.close()
    return list(ids)


@pytest.fixture
def ctrl(make_ctrl, big):
    return make_ctrl()


def every_page(db, **kw) -> list[int]:
    out, after = [], None
    while True:
        page = library_page(db, after=after, limit=97, **kw)
        out += [s.id for s in page]
        if len(page) < 97:
            return out
        after = page[-1]


@pytest.mark.parametrize("order_by", ["id", *ORDER_OF_COLUMN])
@pytest.mark.parametrize("descending", [False, True])
def test_pages_follow_each_order_without_gaps_or_repeats(db, big, order_by, descending):
    everything = list_articles(db, ids=big)
    expected = sorted(everything, key=lambda s: (sort_value(s, order_by), s.id),
                      reverse=descending)
    assert every_page(db, order_by=order_by, descending=descending) == [s.id for s in expected]


@pytest.mark.parametrize("search", ["kyiv", "KYIV TALKS 1", "заява", "ЗАЯ", "я", "100%", "_",
                                    "src1", "ö", "Ötz", "zzz", "4", "  berlin  "])
def test_filter_matches_title_or_source_case_insensitively(db, big, search):
    everything = list_articles(db, ids=big)
    expected = [s.id for s in sorted(everything, key=lambda s: s.id) if matches(s, search)]
    assert every_page(db, search=search) == expected
    assert library_count(db, search) == len(expected)
    by_title = every_page(db, search=search, order_by="title")
    assert sorted(by_title) == expected


def test_model_loads_a_page_then_more_and_passes_the_model_tester(ctrl, qtmodeltester):
    model = LibraryModel(ctrl)
    assert model.rowCount() == PAGE and model.canFetchMore()
    first = model.summary(0)
    assert model.index(0, TITLE).data(Qt.ItemDataRole.ToolTipRole) == first.title
    assert model.index(0, TITLE).data(USER) == first.id
    assert model.index(0, CLAIMS).data(Qt.ItemDataRole.TextAlignmentRole) is not None
    zero = next(r for r in range(PAGE) if model.index(r, DATES).data() == "0")
    assert model.index(zero, DATES).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(0, TITLE).data(Qt.ItemDataRole.DecorationRole) is None
    qtmodeltester.check(model)  # it fetches more itself, as a view would
    before = model.rowCount()
    model.fetchMore()
    assert model.rowCount() == before + PAGE
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == N == model.total_count()
    qtmodeltester.check(model)
    model.sort(TITLE, Qt.SortOrder.DescendingOrder)
    model.set_filter("kyiv")
    qtmodeltester.check(model)


def test_model_applies_a_change_set_row_by_row(ctrl, db, big, qtmodeltester):
    model = LibraryModel(ctrl)
    model.sort(TITLE, Qt.SortOrder.AscendingOrder)
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    first = model.index(0, TITLE).data(USER)
    added = add_articles(db, [ImportedArticle("AAA first", "new text", "new.txt")])[0]
    late = add_articles(db, [ImportedArticle("zzz last", "later text", "z.txt")])[0]
    gone = model.index(1, TITLE).data(USER)
    changes = ChangeSet(
        counts={ArticleId(first): (7, 8, 9), ArticleId(big[-1]): (1, 1, 1)},
        articles_added=list_articles(db, ids=[added.article_id, late.article_id]),
        articles_removed=[ArticleId(gone)],
    )
    model.apply_changes(changes)
    assert not resets
    assert model.index(0, TITLE).data(USER) == added.article_id  # where the sort puts it
    assert model.index(1, CLAIMS).data() == "7" and model.index(1, DATES).data() == "9"
    assert model.row_of(gone) == -1 and model.rowCount() == PAGE + 1 - 1
    assert model.row_of(late.article_id) == -1  # past the rows held: a later page brings it
    assert model.total_count() == N + 2
    qtmodeltester.check(model)
    while model.canFetchMore():
        model.fetchMore()
    ids = [model.index(r, 0).data(USER) for r in range(model.rowCount())]
    assert ids == [i for i in every_page(db, order_by="title") if i != gone]


def show_pane(qtbot, ctrl) -> LibraryPane:
    pane = LibraryPane(ctrl)
    qtbot.addWidget(pane)
    pane.resize(500, 400)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


def test_pane_scrolling_to_the_end_loads_more_rows(qtbot, ctrl):
    pane = show_pane(qtbot, ctrl)
    assert pane.model.rowCount() == PAGE
    bar = pane.table.verticalScrollBar()
    for _ in range(3):
        bar.setValue(bar.maximum())
        qtbot.waitUntil(lambda: pane.model.rowCount() > PAGE)
    assert pane.count_label.text() == f"{N} articles"


def test_pane_filter_narrows_clears_and_keeps_the_selection(qtbot, ctrl, db, big):
    pane = show_pane(qtbot, ctrl)
    kept = big[PAGE + 7]  # not in the first page: selecting it loads rows to reach it
    pane.select_article(kept)
    assert pane.selected_article_id() == kept
    title = pane.model.summary(pane.model.row_of(kept)).title
    qtbot.keyClicks(pane.filter_edit, title.upper())
    qtbot.waitUntil(lambda: pane.model.filter_text() == title.upper())
    shown = [s for s in list_articles(db, ids=big) if matches(s, title)]
    qtbot.waitUntil(lambda: pane.count_label.text() == f"{len(shown)} of {N} articles")
    assert pane.model.rowCount() == len(shown) < PAGE
    assert pane.selected_article_id() == kept
    pane.filter_edit.clear()
    pane.apply_filter()
    qtbot.waitUntil(lambda: pane.count_label.text() == f"{N} articles")
    assert pane.selected_article_id() == kept and pane.model.canFetchMore()


def test_pane_keeps_the_selection_across_sorting_and_counts(qtbot, ctrl, big):
    pane = show_pane(qtbot, ctrl)
    pane.select_article(big[3])
    header = pane.table.horizontalHeader()
    x = header.sectionViewportPosition(PUBLISHED) + header.sectionSize(PUBLISHED) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert pane.model.order() == ("published", False)
    assert pane.selected_article_id() == big[3]
    row = pane.model.row_of(big[3])
    pane.apply_changes(ChangeSet(counts={ArticleId(big[3]): (4, 5, 6)}))
    assert pane.selected_article_id() == big[3] and pane.model.row_of(big[3]) == row
    assert pane.model.index(row, CLAIMS).data() == "4"
    assert not pane.table.isColumnHidden(PUBLISHED) and pane.table.isColumnHidden(SOURCE)


# -- the window ------------------------------------------------------------------------------


def traced_window(qtbot, db_path, monkeypatch):
    """The real window, with every statement its connections run recorded."""
    from gui_helpers import open_window

    from reader_app.storage import database

    statements: list[str] = []
    connect = database._connect

    def tracing(*args, **kwargs):
        db = connect(*args, **kwargs)
        db.conn.set_trace_callback(statements.append)
        return db

    monkeypatch.setattr(database, "_connect", tracing)
    return open_window(qtbot, db_path), statements


def test_window_opens_on_the_first_page_without_reading_every_article(
        qtbot, db_path, db, big, monkeypatch):
    db.close()
    window, statements = traced_window(qtbot, db_path, monkeypatch)
    model = window.library_pane.model
    assert model.rowCount() == PAGE and model.canFetchMore()
    listings = [s for s in statements if "FROM articles" in s and "SELECT a.id" in s]
    assert listings and all("LIMIT" in s or "json_each" in s for s in listings), listings
    # tag counts only for the rows listed, never a GROUP BY over the whole library
    assert not [s for s in statements if "GROUP BY article_id" in s and "json_each" not in s]
    assert window.controller.current_article.id == model.index(0, 0).data(USER)
    assert f"{N} articles" in window.status_text
    assert window.library_pane.count_label.text() == f"{N} articles"


def test_window_shows_imported_articles_and_counts(qtbot, db_path, db, big, monkeypatch):
    db.close()
    window, _ = traced_window(qtbot, db_path, monkeypatch)
    pane, ctrl = window.library_pane, window.controller
    pane.filter_edit.setText("new report")
    pane.apply_filter()
    assert pane.model.rowCount() == 0
    fresh = add_articles(ctrl.db, [ImportedArticle("A new report", "fresh text", "n.txt")])
    ctrl.add_imported([fresh[0].article_id])
    assert [pane.model.index(r, 0).data(USER) for r in range(pane.model.rowCount())] == [
        fresh[0].article_id]
    qtbot.waitUntil(lambda: pane.count_label.text() == f"1 of {N + 1} articles")
    assert f"{N + 1} articles" in window.status_text



def test_pane_counts_an_import_that_lands_past_the_rows_held(qtbot, ctrl):
    pane = show_pane(qtbot, ctrl)
    fresh = add_articles(ctrl.db, [ImportedArticle("Late report", "late text", "late.txt")])
    ctrl.add_imported([fresh[0].article_id])
    assert pane.model.rowCount() == PAGE  # id order: a later page brings it
    qtbot.waitUntil(lambda: pane.count_label.text() == f"{N + 1} articles")
    pane.apply_changes(ChangeSet(articles_removed=[fresh[0].article_id]))
    assert pane.model.rowCount() == PAGE
