"""Library search in the real window: the search box, its results, facets, opening a
result and walking its matches, and the worker's debounce and stale answers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time

import pytest
from gui_helpers import open_window, u16
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QListView, QTableView

from reader_app.domain.models import ImportedArticle
from reader_app.gui.lists.search_delegate import snippet_line
from reader_app.gui.lists.tables import ID_ROLE, ITEM_ROLE
from reader_app.services import search as search_service
from reader_app.services.search import SearchFilter
from reader_app.storage.actors import create_actor
from reader_app.storage.annotations import add_annotation
from reader_app.storage.articles import add_articles

HOSTILE = 'Report <b>bold</b> <img src=file:///dev/zero> end'
ARTICLES = [
    # title, text, source, published
    ("Talks in Geneva", "date 2022-02-09\nGENEVA — Sergei Lavrov said the vote theft claims were "
     "baseless. Later 🇺🇦 Lavrov repeated it.\n", "geneva.txt", "2022-02-09"),
    ("Evening briefing", "Sergei Lavrov was mentioned; Blinken said the drills would go on.\n",
     "briefing.txt", "2022-02-15"),
    ("March statement", "Sergei Lavrov said in March that nothing had changed.\n",
     "march.txt", "2022-03-03"),
    ("Заява МЗС", "Міністр заявив про переговори у Стамбулі. Переговорів не буде.\n",
     "mzs.txt", "2022-03-20"),
    (HOSTILE, "The quartermaster counted the crates.\n", "hostile.txt", "2022-04-01"),
]


@pytest.fixture
def library(db):
    ids = [r.article_id for r in add_articles(db, [ImportedArticle(*a) for a in ARTICLES])]
    lavrov = create_actor(db, "Sergei Lavrov", "person")
    blinken = create_actor(db, "Antony Blinken", "person")

    def at(article: int, words: str) -> tuple[int, int]:
        text = ARTICLES[article][1]
        start = text.index(words)
        return start, start + len(words)

    # Geneva: a disputed claim by Lavrov; briefing: Lavrov only mentioned, the claim is
    # Blinken's; March: a claim by Lavrov, but in March
    add_annotation(db, ids[0], "claim", *at(0, "the vote theft claims were baseless"),
                   claimant_id=lavrov.id, status="disputed", analyst="olena",
                   reliability="B", credibility=2)
    add_annotation(db, ids[0], "actor", *at(0, "Sergei Lavrov"), actor_id=lavrov.id)
    add_annotation(db, ids[1], "actor", *at(1, "Sergei Lavrov"), actor_id=lavrov.id)
    add_annotation(db, ids[1], "claim", *at(1, "the drills would go on"),
                   claimant_id=blinken.id, status="disputed")
    add_annotation(db, ids[2], "claim", *at(2, "nothing had changed"), claimant_id=lavrov.id,
                   status="corroborated", reliability="C", credibility=3)
    return ids


@pytest.fixture
def win(qtbot, db_path, library):
    window = open_window(qtbot, db_path)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def panel(window):
    return window.library_pane.search


def field(window) -> QLineEdit:
    return window.findChild(QLineEdit, "librarySearch")


def results(window) -> QListView:
    return window.findChild(QListView, "searchResults")


def shown_ids(window) -> list[int]:
    model = results(window).model()
    return [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())]


def type_text(qtbot, widget, text: str) -> None:
    """Key presses carrying each character (QTest.keyClicks aborts on non-Latin-1 text)."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def search(qtbot, window, text: str) -> None:
    """Type text into the search box (replacing what is there) and wait for its answer."""
    box = field(window)
    box.setFocus()
    box.selectAll()
    qtbot.keyClick(box, Qt.Key.Key_Delete)
    type_text(qtbot, box, text)
    qtbot.waitUntil(lambda: panel(window).settled, timeout=5000)


def hit_row(window, article_id: int):
    model = results(window).model()
    row = shown_ids(window).index(article_id)
    return model.index(row, 0)


def marked_texts(window, index) -> list[str]:
    """The snippet's parts the delegate paints marked (from its QTextLayout ranges)."""
    hit = index.data(ITEM_ROLE)
    drawn = snippet_line(hit.snippet)
    units = drawn.encode("utf-16-le", "surrogatepass")
    ranges = panel(window).delegate.formats(hit, results(window).palette())
    assert all(r.format.fontWeight() >= 700 for r in ranges)
    return [units[2 * r.start: 2 * (r.start + r.length)].decode("utf-16-le", "surrogatepass")
            for r in ranges]


# -- the box --------------------------------------------------------------------------------


def test_ctrl_k_focuses_the_search_box_from_anywhere(qtbot, win):
    box = field(win)
    assert box.placeholderText() == "Search the library…"
    win.left_tabs.setCurrentIndex(1)  # the Actors tab: Ctrl+K brings the library back
    win.view.setFocus()
    qtbot.waitUntil(win.view.hasFocus)
    qtbot.keyClick(win.view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(box.hasFocus)
    assert win.left_tabs.currentWidget() is win.library_pane
    win.annotation_panel.setFocus()
    qtbot.keyClick(QApplication.focusWidget() or win, Qt.Key.Key_K,
                   Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(box.hasFocus)


def test_a_word_only_in_a_body_finds_its_article_with_hits_and_a_marked_snippet(qtbot, win,
                                                                                library):
    table = win.findChild(QTableView, "libraryList")
    title_filter = win.findChild(QLineEdit, "libraryFilter")
    search(qtbot, win, "quartermaster")
    assert shown_ids(win) == [library[4]]
    assert results(win).isVisible() and not table.isVisible() and not title_filter.isVisible()
    index = hit_row(win, library[4])
    hit = index.data(ITEM_ROLE)
    assert hit.hits >= 1
    assert [t.casefold() for t in marked_texts(win, index)] == ["quartermaster"]
    assert win.findChild(QLabel, "searchCount").text() == "1 article matches"
    assert win.statusBar().currentMessage() == ""  # said once, under the results


def test_hits_count_every_match_and_each_is_marked(qtbot, win, library):
    search(qtbot, win, "Lavrov")
    assert set(shown_ids(win)) == set(library[:3])
    geneva = hit_row(win, library[0]).data(ITEM_ROLE)
    assert geneva.hits >= 2  # twice in the text (and maybe in its tags)
    assert win.findChild(QLabel, "searchCount").text() == "3 articles match"
    for article_id in library[:3]:
        marks = marked_texts(win, hit_row(win, article_id))
        assert marks and all(m.casefold() == "lavrov" for m in marks)


def test_a_cyrillic_word_form_finds_the_other_forms(qtbot, win, library):
    search(qtbot, win, "переговорах")  # the text has "переговори" and "Переговорів"
    assert shown_ids(win) == [library[3]]
    marks = [m.casefold() for m in marked_texts(win, hit_row(win, library[3]))]
    assert marks and all(m.startswith("переговор") for m in marks)


def test_a_title_that_looks_like_html_is_shown_literally(qtbot, win, library):
    search(qtbot, win, "crates")
    index = hit_row(win, library[4])
    assert index.data(ITEM_ROLE).title == HOSTILE
    assert HOSTILE in index.data(Qt.ItemDataRole.DisplayRole)
    tooltip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;img src=file:///dev/zero&gt;" in tooltip and "<img" not in tooltip
    results(win).viewport().grab()  # painted (drawText, never HTML): nothing is read
    assert not results(win).findChildren(QLabel)


def test_no_match_says_so_in_plain_text(qtbot, win):
    search(qtbot, win, "zzxqv <b>")
    empty = win.findChild(QLabel, "searchEmpty")
    assert empty.isVisible() and not results(win).isVisible()
    assert empty.text() == "No article matches “zzxqv <b>”"
    assert empty.textFormat() == Qt.TextFormat.PlainText
    assert win.statusBar().currentMessage() == ""  # the pane says it, once


def test_fts_syntax_typed_by_accident_never_fails(qtbot, win):
    for typed in ('"unbalanced', "AND OR NOT", "col:umn*", "(((", "-"):
        search(qtbot, win, typed)
        assert "failed" not in win.statusBar().currentMessage().casefold(), typed


def test_esc_clears_the_query_and_brings_the_whole_list_back(qtbot, win, library):
    table = win.findChild(QTableView, "libraryList")
    search(qtbot, win, "Lavrov")
    assert not table.isVisible()
    qtbot.keyClick(field(win), Qt.Key.Key_Escape)
    assert field(win).text() == ""
    assert table.isVisible() and not results(win).isVisible()
    assert win.findChild(QLineEdit, "libraryFilter").isVisible()
    assert table.model().rowCount() == len(library)
    # from the results too
    search(qtbot, win, "Lavrov")
    qtbot.keyClick(field(win), Qt.Key.Key_Down)
    assert results(win).hasFocus()
    qtbot.keyClick(results(win), Qt.Key.Key_Escape)
    assert field(win).text() == "" and table.isVisible()


def test_the_title_filter_still_filters_the_list(qtbot, win, library):
    title_filter = win.findChild(QLineEdit, "libraryFilter")
    qtbot.keyClicks(title_filter, "Evening")
    win.library_pane.apply_filter()
    table = win.findChild(QTableView, "libraryList")
    assert [table.model().index(r, 0).data(ID_ROLE) for r in range(table.model().rowCount())] \
        == [library[1]]


# -- opening a result ---------------------------------------------------------------------


def test_opening_a_result_selects_the_match_and_f3_walks_the_others(qtbot, win, library):
    text = ARTICLES[0][1]
    first = text.index("Lavrov")
    second = text.index("Lavrov", first + 1)  # after a flag: two astral code points
    win.controller.open_article(library[2])
    search(qtbot, win, "lavrov")
    qtbot.keyClick(field(win), Qt.Key.Key_Return)  # to the results, the first one current
    assert results(win).hasFocus()
    results(win).setCurrentIndex(hit_row(win, library[0]))
    qtbot.keyClick(results(win), Qt.Key.Key_Return)
    assert win.controller.current_article.id == library[0]
    cursor = win.view.textCursor()
    assert cursor.selectedText() == "Lavrov"
    assert cursor.selectionStart() == u16(text, first)
    qtbot.keyClick(win.view, Qt.Key.Key_F3)
    cursor = win.view.textCursor()
    assert cursor.selectedText() == "Lavrov"
    assert cursor.selectionStart() == u16(text, second) != second  # UTF-16, not code points
    assert win.view.selected_span() == (second, second + len("Lavrov"))
    qtbot.keyClick(win.view, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert win.view.textCursor().selectionStart() == u16(text, first)
    # Enter on the open result again: its next match
    qtbot.keyClick(results(win), Qt.Key.Key_Return)
    assert win.view.textCursor().selectionStart() == u16(text, second)
    assert win.statusBar().currentMessage().startswith("Match 2 of 2")


def test_double_clicking_a_result_opens_it(qtbot, win, library):
    search(qtbot, win, "Blinken")
    index = hit_row(win, library[1])
    rect = results(win).visualRect(index)
    qtbot.mouseClick(results(win).viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(results(win).viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert win.controller.current_article.id == library[1]
    assert win.view.textCursor().selectedText() == "Blinken"


def test_f3_does_nothing_when_no_result_was_opened(qtbot, win, library):
    win.controller.open_article(library[0])
    win.view.setFocus()
    before = win.view.textCursor().position()
    qtbot.keyClick(win.view, Qt.Key.Key_F3)
    assert win.view.textCursor().position() == before
    assert not win.findChild(type(win.actions_.find), "searchNextMatchAction").isEnabled()


# -- facets ----------------------------------------------------------------------------------


def claims_by_sql(db, actor: str, start: str, end: str) -> set[int]:
    rows = db.execute(
        "SELECT DISTINCT a.id FROM annotations n JOIN articles a ON a.id = n.article_id"
        " JOIN actors c ON c.id = n.claimant_id WHERE n.kind = 'claim' AND c.name = ?"
        " AND a.published BETWEEN ? AND ?", [actor, start, end]).fetchall()
    return {r[0] for r in rows}


def test_facets_kind_claimant_and_dates_narrow_the_results(qtbot, win, library, db):
    p = panel(win)
    toggle = win.findChild(type(p.facets_button), "searchFacetsToggle")
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert p.facets.isVisible()
    actor = p.facets.actor
    assert {actor.itemText(i) for i in range(actor.count())} == {"Sergei Lavrov", "Antony Blinken"}

    search(qtbot, win, "Lavrov")
    assert set(shown_ids(win)) == set(library[:3])
    qtbot.mouseClick(p.facets.kinds["claim"], Qt.MouseButton.LeftButton)
    actor.setFocus()
    qtbot.keyClicks(actor.lineEdit(), "Sergei Lavrov")
    p.facets.actor_role.setCurrentIndex(p.facets.actor_role.findData("claimant"))
    qtbot.waitUntil(lambda: p.settled, timeout=5000)
    assert set(shown_ids(win)) == {library[0], library[2]}  # the briefing's claim is Blinken's

    qtbot.keyClicks(p.facets.published_from, "2022-02")
    qtbot.keyClicks(p.facets.published_to, "2022-02")
    qtbot.waitUntil(lambda: p.settled, timeout=5000)
    assert shown_ids(win) == [library[0]]
    assert set(shown_ids(win)) == claims_by_sql(db, "Sergei Lavrov", "2022-02-01", "2022-02-28")
    assert p.facets_button.text() == "Filters (4)"

    # the same facets without a query: every claim by him in February
    field(win).clear()
    qtbot.waitUntil(lambda: p.settled, timeout=5000)
    assert p.active and shown_ids(win) == [library[0]]

    # as "mentioned" the briefing comes back (Lavrov is tagged there as an actor)
    p.facets.kinds["claim"].setChecked(False)
    p.facets.actor_role.setCurrentIndex(p.facets.actor_role.findData("any"))
    qtbot.waitUntil(lambda: p.settled, timeout=5000)
    assert set(shown_ids(win)) == {library[0], library[1]}

    qtbot.mouseClick(p.clear_button, Qt.MouseButton.LeftButton)
    assert not p.active and p.facets.active_count() == 0
    assert win.findChild(QTableView, "libraryList").isVisible()


def test_status_and_grade_facets_pick_one_claim(qtbot, win, library):
    p = panel(win)
    p.facets_button.setChecked(True)
    search(qtbot, win, "Lavrov")
    p.facets.status.setCurrentIndex(p.facets.status.findData("disputed"))
    qtbot.waitUntil(lambda: p.settled, timeout=5000)
    assert set(shown_ids(win)) == {library[0], library[1]}  # Blinken's claim is disputed too
    qtbot.keyClicks(p.facets.grade, "b2")
    qtbot.waitUntil(lambda: p.settled, timeout=5000)
    assert shown_ids(win) == [library[0]]
    p.facets.status.setCurrentIndex(0)
    p.facets.grade.clear()
    qtbot.keyClicks(p.facets.grade, "C3, A1")
    qtbot.waitUntil(lambda: p.settled, timeout=5000)
    assert shown_ids(win) == [library[2]]
    p.facets.grade.clear()
    qtbot.keyClicks(p.facets.grade, "G9")
    qtbot.waitUntil(lambda: p.settled, timeout=5000)
    assert "not an Admiralty grade" in win.findChild(QLabel, "searchFacetProblem").text()
    assert set(shown_ids(win)) == set(library[:3])  # not applied


def test_a_date_that_is_not_one_is_said_and_not_applied(qtbot, win, library):
    p = panel(win)
    p.facets_button.setChecked(True)
    search(qtbot, win, "Lavrov")
    qtbot.keyClicks(p.facets.published_from, "2022-13-40")
    qtbot.waitUntil(lambda: p.settled, timeout=5000)
    problem = win.findChild(QLabel, "searchFacetProblem")
    assert problem.isVisible() and "not a date" in problem.text()
    assert set(shown_ids(win)) == set(library[:3])  # the query alone


# -- responsiveness -------------------------------------------------------------------------


def test_typing_fast_asks_for_one_search(qtbot, win, library):
    worker = win.search_flow.worker
    before = worker.requests
    box = field(win)
    box.setFocus()
    for ch in "quartermaster":  # a key every 40 ms: the event loop runs between them
        qtbot.keyClick(box, ch)
        qtbot.wait(40)
    qtbot.waitUntil(lambda: panel(win).settled, timeout=5000)
    assert worker.requests - before == 1
    assert shown_ids(win) == [library[4]]


def test_a_slow_stale_answer_never_replaces_a_newer_one(qtbot, win, library, monkeypatch, db):
    real = search_service.search_ranked
    slow_started = threading.Event()

    threads: set[threading.Thread] = set()

    def slow_for_lavrov(database, flt, limit=500):
        threads.add(threading.current_thread())
        if flt.text == "Lavrov":
            slow_started.set()
            time.sleep(0.8)
        return real(database, flt, limit)

    monkeypatch.setattr(search_service, "search_ranked", slow_for_lavrov)  # the worker's
    p = panel(win)
    seen: list[list[int]] = []
    p.model.modelReset.connect(lambda: seen.append(shown_ids(win)))
    box = field(win)
    box.setFocus()
    qtbot.keyClicks(box, "Lavrov")
    qtbot.waitUntil(slow_started.is_set, timeout=5000)  # the slow search is running
    box.selectAll()
    qtbot.keyClicks(box, "quartermaster")
    qtbot.waitUntil(lambda: p.settled, timeout=5000)
    assert shown_ids(win) == [library[4]]
    assert threads and threading.main_thread() not in threads  # never on the GUI thread
    qtbot.wait(1200)  # the slow answer has come back by now, and was dropped
    assert shown_ids(win) == [library[4]]
    assert all(ids == [library[4]] for ids in seen if ids)
    # an answer to an older generation arriving now is dropped too
    stale = search_service.search_articles(db, SearchFilter(text="Lavrov"))
    win.search_flow.worker.found.emit(p._generation - 1, stale)
    assert shown_ids(win) == [library[4]]
    assert p.count_label.text() == "1 article matches"


def test_results_follow_a_change_in_the_library(qtbot, win, library):
    search(qtbot, win, "zebrafinch")
    assert win.findChild(QLabel, "searchEmpty").isVisible()
    win.controller.open_article(library[1])
    (claim,) = [a for a in win.controller.annotations() if a.kind == "claim"]
    win.controller.edit_annotation(claim.id, note="a zebrafinch sang")  # one undoable edit
    qtbot.waitUntil(lambda: panel(win).settled and shown_ids(win) == [library[1]], timeout=5000)
    assert win.findChild(QLabel, "searchCount").text() == "1 article matches"
    win.controller.undo_stack.undo()
    qtbot.waitUntil(lambda: panel(win).settled, timeout=5000)
    assert shown_ids(win) == [] and win.findChild(QLabel, "searchEmpty").isVisible()


def test_the_window_loads_the_search_engine_only_with_the_first_search():
    probe = ("import json, sys\n"
             "import reader_app.app, reader_app.gui.window.main_window\n"
             "print(json.dumps(sorted(m for m in sys.modules if m.startswith('reader_app.'))))\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True, env=env, timeout=120)
    loaded = set(json.loads(done.stdout.strip().splitlines()[-1]))
    assert "reader_app.gui.lists.search_panel" in loaded  # the probe is real
    assert "reader_app.services.search" not in loaded


def test_the_actor_facet_lists_an_actor_created_after_it_was_shown(qtbot, win, library):
    p = panel(win)
    p.facets_button.setChecked(True)
    combo = p.facets.actor
    assert combo.findText("Олена Зеленська") < 0
    win.controller.open_article(library[3])
    text = win.controller.current_article.text
    start = text.index("Міністр")
    win.controller.tag_span("actor", start, start + len("Міністр"))
    (tag,) = [a for a in win.controller.annotations() if a.kind == "actor"]
    win.controller.rename_actor(tag.actor_id, "Олена Зеленська")
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    assert combo.findText("Олена Зеленська") >= 0


def dispatches(db, n: int) -> None:
    add_articles(db, [ImportedArticle(f"Dispatch {i:02d}", f"Day {i}: the Перемир'я ceasefire"
                                      f" held in sector {i}, the ceasefire monitors said.\n",
                                      "wire.txt", f"2022-03-{1 + i % 28:02d}")
                      for i in range(n)])


def first_answer(window) -> list:
    """The rows as each answer first shows them (filled as the model is reset)."""
    first: list = []
    panel(window).model.modelReset.connect(
        lambda: first.extend(results(window).model().index(r, 0).data(ITEM_ROLE)
                             for r in range(results(window).model().rowCount())))
    return first


def visible_rows(view) -> list[int]:
    model = view.model()
    return [r for r in range(model.rowCount())
            if view.visualRect(model.index(r, 0)).intersects(view.viewport().rect())]


def test_rows_past_the_first_page_get_their_snippet_when_scrolled_to(qtbot, db, db_path):
    n = 36
    dispatches(db, n)
    window = open_window(qtbot, db_path)
    first = first_answer(window)
    search(qtbot, window, "ceasefire")
    view = results(window)
    model = view.model()
    assert model.rowCount() == n
    # shown at once: the rows in view detailed, the rest ranked only
    shown = visible_rows(view)
    page = len([h for h in first if not h.pending])
    assert len(first) == n and shown == list(range(len(shown)))
    assert len(shown) <= page < n and all(not h.pending for h in first[:page])
    assert all(h.pending and h.snippet == "" for h in first[page:])
    last = model.index(n - 1, 0)
    view.scrollTo(last)
    qtbot.waitUntil(lambda: not last.data(ITEM_ROLE).pending, timeout=5000)
    hit = last.data(ITEM_ROLE)
    assert hit.hits == 2 and hit.title.startswith("Dispatch ")
    assert [t.casefold() for t in marked_texts(window, last)] == ["ceasefire", "ceasefire"]
    assert "ceasefire" in last.data(Qt.ItemDataRole.DisplayRole)
    assert all(not model.index(r, 0).data(ITEM_ROLE).pending for r in range(n))


@pytest.mark.parametrize("height", [1500, 420])
def test_the_first_answer_details_the_rows_in_view_and_the_rest_follow(qtbot, db, db_path,
                                                                       height):
    """A tall window shows more rows than the default one: none of them comes pending; a
    short one gets fewer detailed first, and every row still gets its snippet and count."""
    dispatches(db, 60)
    window = open_window(qtbot, db_path)
    window.resize(920, height)
    qtbot.waitUntil(lambda: window.height() == height)
    first = first_answer(window)
    search(qtbot, window, "ceasefire")
    view = results(window)
    shown = visible_rows(view)
    page = len([h for h in first if not h.pending])
    assert len(first) == 60 and all(not h.pending for h in first[:page])
    assert len(shown) <= page <= len(shown) + 2  # the rows in view, never fewer
    assert (len(shown) > 12) if height > 1000 else (len(shown) < 9)
    model = view.model()
    qtbot.waitUntil(lambda: not model.index(59, 0).data(ITEM_ROLE).pending, timeout=5000)
    for r in (0, page - 1, page, 59):
        hit = model.index(r, 0).data(ITEM_ROLE)
        assert hit.hits == 2 and hit.title.startswith("Dispatch ")
        assert [t.casefold() for t in marked_texts(window, model.index(r, 0))] == [
            "ceasefire", "ceasefire"]


def test_the_worker_fills_every_row_after_the_first_page(
        qtbot, db, db_path):
    from reader_app.gui.jobs.search_worker import FILL_PAGE, FIRST_PAGE, SearchWorker

    n = FIRST_PAGE + FILL_PAGE + 7  # two fills, the second one short
    add_articles(db, [ImportedArticle(f"Note {i}", f"Лавров said ceasefire {i}.\n", "w.txt")
                      for i in range(n)])
    worker = SearchWorker(db_path)
    fills: list[tuple[int, int, list]] = []
    worker.filled.connect(lambda g, start, hits: fills.append((g, start, hits)))
    try:
        with qtbot.waitSignal(worker.found, timeout=5000) as found:
            worker.request(7, SearchFilter(text="Лаврова ceasefire"))
        generation, rows = found.args
        assert generation == 7 and len(rows) == n
        assert [r.pending for r in rows] == [False] * FIRST_PAGE + [True] * (n - FIRST_PAGE)
        qtbot.waitUntil(lambda: len(fills) == 2, timeout=5000)
    finally:
        worker.stop()
    assert [(g, start, len(hits)) for g, start, hits in fills] == [
        (7, FIRST_PAGE, FILL_PAGE), (7, FIRST_PAGE + FILL_PAGE, 7)]
    filled = [h for _, _, hits in fills for h in hits]
    assert [h.article_id for h in filled] == [r.article_id for r in rows[FIRST_PAGE:]]
    assert all(h.hits == 2 and len(h.marks) == 2 and not h.pending for h in filled)


def test_a_fill_for_an_older_search_is_dropped(qtbot, win, library):
    search(qtbot, win, "Lavrov")
    p = panel(win)
    before = p.model.hits()
    changed = []
    p.model.dataChanged.connect(lambda *a: changed.append(a))
    fake = [type(before[0])(before[0].article_id, "Other", None, 99, "other", ())]
    assert not p.fill_results(p._generation - 1, 0, fake)
    assert p.model.hits() == before and not changed
    assert p.fill_results(p._generation, 0, fake)  # the current search's fill is taken
    assert p.model.hits()[0].hits == 99 and changed
