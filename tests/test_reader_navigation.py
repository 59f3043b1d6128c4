"""F8 / Shift+F8 walk the article's tags in text order; Ctrl+PgDown / Ctrl+PgUp walk the
library list's articles in its order and filter. Real keys through the real window."""

from __future__ import annotations

import statistics
import time

import pytest
from gui_helpers import open_window, select
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_speed_open import many_tags

from reader_app.domain.models import ImportedArticle
from reader_app.gui.article import highlights
from reader_app.gui.controller import FIRST_SCREEN
from reader_app.gui.lists import tables
from reader_app.gui.lists.library_model import PAGE
from reader_app.storage import annotations as annotation_store
from reader_app.storage.annotations import add_annotation, list_spans, span_key
from reader_app.storage.articles import add_article, add_articles
from reader_app.storage.database import open_library

SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier
# astral characters (flag, CJK Extension B, a ZWJ family) before every tag: a UTF-16
# offset used as a code point would land on the wrong word
TEXT = ("🇺🇦 𠀀 👨\u200d👩\u200d👧 Sergei Lavrov said in Minsk that Kyiv and Moscow "
        "would meet on Thursday. Lavrov 🙂 added nothing.\n")


def build_tags(db_path):
    """One article with nested, overlapping and same-start tags, one with none."""
    db = open_library(db_path)
    try:
        article = add_article(db, ImportedArticle("Tagged", TEXT, "tagged.txt")).article_id
        bare = add_article(db, ImportedArticle("Bare", "Nothing tagged here.", "b.txt")).article_id

        def at(quote, occurrence=0):
            i = -1
            for _ in range(occurrence + 1):
                i = TEXT.index(quote, i + 1)
            return i, i + len(quote)

        made = [
            ("claim", *at("Sergei Lavrov said in Minsk")),  # contains the next two
            ("actor", *at("Sergei Lavrov")),  # same start, shorter: after the claim
            ("actor", *at("Lavrov")),  # nested inside both
            ("claim", at("Minsk")[0], at("Moscow")[1]),  # overlaps the first claim's end
            ("actor", *at("Kyiv")),
            ("date", *at("Thursday")),
            ("actor", *at("Lavrov", 1)),  # after an emoji-free stretch, before 🙂
        ]
        for kind, start, end in made:
            add_annotation(db, article, kind, start, end)
        order = [s[2] for s in sorted(list_spans(db, article)[0], key=span_key)]
        return article, bare, order
    finally:
        db.close()


def status(window) -> str:
    return window.statusBar().currentMessage()


def press(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier):
    """A real key press on widget, in the active window (where shortcuts are looked for)."""
    window = widget.window()
    if QApplication.activeWindow() is not window:
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    widget.setFocus()
    qtbot.keyClick(widget, key, modifier)


def shown_tag(window) -> int | None:
    return window.annotation_panel.selected_annotation_id()


def span_of_id(window, ann_id):
    return window.view.tag_index().get(ann_id)


@pytest.fixture
def tagged(qtbot, db_path):
    article, bare, order = build_tags(db_path)
    window = open_window(qtbot, db_path)
    window.controller.open_article(article)
    window.view.setFocus()
    select(window, 0, 0)  # the caret at the very start
    return window, article, bare, order


def test_f8_walks_every_tag_in_text_order_then_wraps(qtbot, tagged):
    window, _article, _bare, order = tagged
    seen = []
    for _ in order:
        press(qtbot, window.view, Qt.Key.Key_F8)
        ann_id = shown_tag(window)
        seen.append(ann_id)
        span = span_of_id(window, ann_id)
        # the caret sits on the tag's first code point, past the astral characters
        assert window.view.cursor_offset() == span[0]
        assert TEXT[span[0]:span[1]] == window.controller.annotation(ann_id).quote
        assert window.view._layer.selected_id == ann_id  # outlined in the article
        assert status(window) == ""
    assert seen == order
    assert window.view.textCursor().hasSelection() is False  # C/A/D cannot re-tag it
    press(qtbot, window.view, Qt.Key.Key_F8)
    assert shown_tag(window) == order[0]
    assert status(window) == "Wrapped to the first tag."


def test_shift_f8_walks_backwards_and_wraps_to_the_last(qtbot, tagged):
    window, _article, _bare, order = tagged
    press(qtbot, window.view, Qt.Key.Key_F8, SHIFT)  # from the start: nothing before
    assert shown_tag(window) == order[-1]
    assert status(window) == "Wrapped to the last tag."
    seen = [order[-1]]
    for _ in order[1:]:
        press(qtbot, window.view, Qt.Key.Key_F8, SHIFT)
        seen.append(shown_tag(window))
    assert seen == order[::-1]
    press(qtbot, window.view, Qt.Key.Key_F8)
    assert shown_tag(window) == order[1]  # and forwards again from where it stands


def test_f8_starts_from_the_caret_and_from_a_clicked_tag(qtbot, tagged):
    window, _article, _bare, order = tagged
    kyiv = TEXT.index("Kyiv")
    select(window, kyiv - 2, kyiv - 2)  # the caret just before "Kyiv"
    press(qtbot, window.view, Qt.Key.Key_F8)
    assert window.controller.annotation(shown_tag(window)).quote == "Kyiv"
    select(window, kyiv - 2, kyiv - 2)
    press(qtbot, window.view, Qt.Key.Key_F8, SHIFT)  # the last tag starting before the caret
    assert shown_tag(window) == order[3]
    # a tag picked in the panel (caret on it): F8 goes to the one after it in text order
    window.annotation_panel.select_annotation(order[1])
    span = span_of_id(window, order[1])
    select(window, span[0] + 2, span[0] + 2)
    press(qtbot, window.view, Qt.Key.Key_F8)
    assert shown_tag(window) == order[2]


def test_f8_from_the_tag_table_works_too(qtbot, tagged):
    window, _article, _bare, order = tagged
    table = window.annotation_panel.table
    table.setFocus()
    press(qtbot, table, Qt.Key.Key_F8)
    assert shown_tag(window) == order[0]
    press(qtbot, table, Qt.Key.Key_F8)
    assert shown_tag(window) == order[1]


def test_f8_without_tags_says_so(qtbot, tagged):
    window, _article, bare, _order = tagged
    window.controller.open_article(bare)
    press(qtbot, window.view, Qt.Key.Key_F8)
    assert status(window) == "This article has no tags."
    assert shown_tag(window) is None
    press(qtbot, window.view, Qt.Key.Key_F8, SHIFT)
    assert status(window) == "This article has no tags."


def test_go_menu_lists_the_shortcuts(qtbot, tagged):
    window = tagged[0]
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("&Edit") < titles.index("&Go") < titles.index("&Tag")
    go = window.go_actions
    assert go.next_tag.shortcut().toString() == "F8"
    assert go.previous_tag.shortcut().toString() == "Shift+F8"
    assert go.next_article.shortcut().toString() == "Ctrl+PgDown"
    assert go.previous_article.shortcut().toString() == "Ctrl+PgUp"
    go.next_tag.trigger()  # the menu entry does what the key does
    assert shown_tag(window) == tagged[3][0]


# -- a long article: tags beyond the first screen, and 50,000 of them -------------------


PARAGRAPH = "Delegates from Kyiv and Warsaw met on Tuesday to discuss the grain corridor. "


def test_f8_reaches_tags_beyond_the_first_screen_before_they_were_read(qtbot, db_path):
    text = PARAGRAPH * (3 * FIRST_SCREEN // len(PARAGRAPH))
    db = open_library(db_path)
    try:
        short = add_article(db, ImportedArticle("Short", PARAGRAPH, "s.txt")).article_id
        long = add_article(db, ImportedArticle("Long", text, "l.txt")).article_id
        starts = [text.index("Kyiv", p) for p in range(0, len(text) - 100, 5000)]
        for start in starts:
            add_annotation(db, long, "actor", start, start + 4)
    finally:
        db.close()
    window = open_window(qtbot, db_path)
    window.controller.open_article(short)
    window.controller.open_article(long)
    assert not window.controller.spans_complete  # only the top's tags are read yet
    window.view.setFocus()
    press(qtbot, window.view, Qt.Key.Key_F8, SHIFT)  # from the caret at 0: wraps to the end
    assert window.controller.spans_complete
    last = window.controller.annotation(shown_tag(window))
    assert last.start == starts[-1] > FIRST_SCREEN
    assert status(window) == "Wrapped to the last tag."
    # revealed: the caret (on the tag) is inside the viewport, far down the article
    view = window.view
    assert view.verticalScrollBar().value() > 0
    assert view.viewport().rect().contains(view.cursorRect())


def test_f8_at_50000_tags_bisects_instead_of_scanning(qtbot, db_path, monkeypatch):
    article, _words, ids = many_tags(db_path)
    window = open_window(qtbot, db_path)
    window.controller.open_article(article)
    qtbot.waitUntil(lambda: window.controller.spans_complete)
    window.view.setFocus()
    select(window, 0, 0)
    press(qtbot, window.view, Qt.Key.Key_F8)  # the first press may build the id maps
    assert shown_tag(window) == ids[0]
    # from here on nothing may touch every tag: no id map or row map built again, no
    # index rebuilt, no tag list read from the library
    work = {"id maps": 0, "row maps": 0, "indexes": 0, "reads": 0}
    real_ids, real_row_of = highlights.SpanIndex._ids, tables.RowTableModel.row_of
    real_init, real_list_spans = highlights.SpanIndex.__init__, annotation_store.list_spans

    def ids_(self):
        work["id maps"] += self._by_id is None
        return real_ids(self)

    def row_of(self, item_id):
        work["row maps"] += self._row_of is None
        return real_row_of(self, item_id)

    def init(self, *args, **kwargs):
        work["indexes"] += 1
        real_init(self, *args, **kwargs)

    def list_spans_(*args, **kwargs):
        work["reads"] += 1
        return real_list_spans(*args, **kwargs)

    class CountingList(list):
        """The index's sorted spans, counting every span looked at."""

        def __getitem__(self, i):
            work["spans looked at"] += len(range(len(self))[i]) if isinstance(i, slice) else 1
            return super().__getitem__(i)

        def __iter__(self):
            work["spans looked at"] += len(self)
            return super().__iter__()

    work["spans looked at"] = 0
    index = window.view.tag_index()
    index._sorted = CountingList(index._sorted)
    monkeypatch.setattr(highlights.SpanIndex, "_ids", ids_)
    monkeypatch.setattr(tables.RowTableModel, "row_of", row_of)
    monkeypatch.setattr(highlights.SpanIndex, "__init__", init)
    monkeypatch.setattr("reader_app.gui.controller.list_spans", list_spans_)
    times = []
    for n in range(1, 60):
        began = time.perf_counter()
        press(qtbot, window.view, Qt.Key.Key_F8)
        times.append(time.perf_counter() - began)
        assert shown_tag(window) == ids[n]
    for n in range(58, 40, -1):
        press(qtbot, window.view, Qt.Key.Key_F8, SHIFT)
        assert shown_tag(window) == ids[n]
    # a bisection looks at ~2 log2(50,000) = 32 spans a press; a scan would look at 50,000
    presses = 59 + 18
    looked_at = work["spans looked at"]
    assert looked_at < 100 * presses, looked_at
    assert {k: v for k, v in work.items() if k != "spans looked at"} == {
        "id maps": 0, "row maps": 0, "indexes": 0, "reads": 0}
    # and it is quick: the median press, on a loaded 2-core machine, well inside 50 ms
    assert statistics.median(times) < 0.05, times
    print(f"F8 at 50,000 tags: median {statistics.median(times) * 1000:.1f} ms, "
          f"{looked_at / presses:.0f} spans looked at a press")
    # wrapping from the first tag backwards lands on the 50,000th by bisection too
    select(window, 0, 0)
    press(qtbot, window.view, Qt.Key.Key_F8, SHIFT)
    assert shown_tag(window) == ids[-1]
    assert status(window) == "Wrapped to the last tag."


def test_span_index_next_and_previous_agree_with_a_sort():
    """next_after / last_before against sorting every span, ties and long spans included."""
    spans = [(s, e, i, "claim", "") for i, (s, e) in enumerate(
        [(5, 9), (5, 12), (0, 3), (5, 9), (2, 2000), (7, 8), (0, 3), (30, 31), (2, 4)])]
    index = highlights.SpanIndex(spans)
    index.add((40, 41, 99, "date", ""))
    index.add((0, 3, 100, "actor", ""))  # same start and end: after the others by id
    everything = sorted([*spans, (40, 41, 99, "date", ""), (0, 3, 100, "actor", "")],
                        key=span_key)
    walked, key = [], (-1, 0, 0)
    while (found := index.next_after(key)) is not None:
        walked.append(found)
        key = span_key(found)
    assert walked == everything
    back, key = [], (10**9, 0, 0)
    while (found := index.last_before(key)) is not None:
        back.append(found)
        key = span_key(found)
    assert back == everything[::-1]
    assert highlights.SpanIndex().next_after((0, 0, 0)) is None


# -- next / previous article ------------------------------------------------------------------


TITLES = ["Kyiv talks 1", "Berlin", "kyiv evening 2", "Заява МЗС", "Kyiv 🇺🇦 3", "Warsaw"]


@pytest.fixture
def library(qtbot, db_path):
    db = open_library(db_path)
    try:
        ids = [r.article_id for r in add_articles(db, [
            ImportedArticle(t, f"Text of {t}.", f"{n}.txt") for n, t in enumerate(TITLES)])]
    finally:
        db.close()
    window = open_window(qtbot, db_path)
    return window, ids


def current(window) -> int:
    return window.controller.current_article.id


def test_ctrl_page_down_and_up_follow_the_filtered_list_and_stop_at_the_ends(qtbot, library):
    window, ids = library
    pane = window.library_pane
    qtbot.keyClicks(pane.filter_edit, "kyiv")
    pane.apply_filter()
    shown = [ids[0], ids[2], ids[4]]
    assert [pane.model.article_id(r) for r in range(pane.model.rowCount())] == shown
    window.controller.open_article(shown[0])
    window.view.setFocus()
    press(qtbot, window.view, Qt.Key.Key_PageDown, CTRL)
    assert current(window) == shown[1]  # "Berlin" is filtered out: skipped
    assert pane.selected_article_id() == shown[1]  # the list follows
    press(qtbot, window.view, Qt.Key.Key_PageDown, CTRL)
    assert current(window) == shown[2]
    press(qtbot, window.view, Qt.Key.Key_PageDown, CTRL)
    assert current(window) == shown[2]  # no wrap
    assert status(window) == "This is the last article in the list."
    pane.table.setFocus()  # from the list itself too
    press(qtbot, pane.table, Qt.Key.Key_PageUp, CTRL)
    assert current(window) == shown[1]
    press(qtbot, pane.table, Qt.Key.Key_PageUp, CTRL)
    press(qtbot, pane.table, Qt.Key.Key_PageUp, CTRL)
    assert current(window) == shown[0]
    assert status(window) == "This is the first article in the list."
    assert window.left_tabs.currentIndex() == 0  # the keys did not switch tabs


def test_the_filter_just_typed_counts_before_its_pause(qtbot, library):
    window, ids = library
    pane = window.library_pane
    window.controller.open_article(ids[0])
    press(qtbot, pane.filter_edit, Qt.Key.Key_K)  # focus in the filter box: typed "k"
    qtbot.keyClicks(pane.filter_edit, "yiv")
    press(qtbot, pane.filter_edit, Qt.Key.Key_PageDown, CTRL)  # before the filter's pause
    assert current(window) == ids[2]
    assert pane.filter_edit.text() == "kyiv"


def test_without_an_open_article(qtbot, library):
    window, ids = library
    window.controller.close_article()
    press(qtbot, window.view, Qt.Key.Key_F8)
    assert status(window) == "Open an article first."
    press(qtbot, window.view, Qt.Key.Key_PageDown, CTRL)  # the list's first article
    assert current(window) == ids[0]


def test_an_article_the_filter_hides_goes_to_the_first_shown(qtbot, library):
    window, ids = library
    pane = window.library_pane
    window.controller.open_article(ids[1])  # Berlin
    pane.filter_edit.setText("kyiv")
    pane.apply_filter()
    press(qtbot, window.view, Qt.Key.Key_PageDown, CTRL)
    assert current(window) == ids[0]
    pane.filter_edit.setText("no such title")
    pane.apply_filter()
    press(qtbot, window.view, Qt.Key.Key_PageDown, CTRL)
    assert status(window) == "The library list shows no articles."
    assert current(window) == ids[0]


def test_ctrl_page_down_fetches_the_next_page_of_a_long_list(qtbot, db_path):
    n = PAGE + 30
    db = open_library(db_path)
    try:
        ids = [r.article_id for r in add_articles(db, [
            ImportedArticle(f"Article {i:04d}", f"Body {i}.", f"{i}.txt") for i in range(n)])]
    finally:
        db.close()
    window = open_window(qtbot, db_path)
    model = window.library_pane.model
    window.controller.open_article(ids[0])
    assert model.rowCount() < n  # pages: not every row is loaded
    window.view.setFocus()
    seen = [ids[0]]
    for _ in range(n - 1):
        press(qtbot, window.view, Qt.Key.Key_PageDown, CTRL)
        seen.append(current(window))
    assert seen == ids
    press(qtbot, window.view, Qt.Key.Key_PageDown, CTRL)
    assert status(window) == "This is the last article in the list."
    assert model.rowCount() == n
