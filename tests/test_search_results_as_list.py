"""While search results take the library list's place, what acts on "the selected
articles" (Article > Delete, Export Selected) and Ctrl+PgDown / Ctrl+PgUp act on the results
the analyst sees, not on the hidden list behind them."""

from __future__ import annotations

from gui_helpers import open_window
from PySide6.QtCore import QItemSelectionModel, Qt

from reader_app.domain.models import ImportedArticle
from reader_app.storage.articles import add_article

TEXTS = {
    "A": "Sergei Lavrov said the drills would end on Thursday.",
    "B": "Kyiv said on Monday that the talks were over.",
    "C": "A third story about vote theft 🇺🇦.",
    "D": "Lavrov spoke again, about 𠀀 vote theft.",
}


def library(db):
    return {title: add_article(db, ImportedArticle(title, text, f"{title}.txt",
                                                   "2022-02-09")).article_id
            for title, text in TEXTS.items()}


def search(qtbot, win, text: str, rows: int):
    panel = win.library_pane.search
    panel.field.setText(text)
    panel.search_now()
    qtbot.waitUntil(lambda: panel.settled and panel.model.rowCount() == rows, timeout=10_000)
    return panel


def test_the_selected_result_is_what_delete_would_act_on(qtbot, db, db_path):
    ids = library(db)
    win = open_window(qtbot, db_path)
    pane = win.library_pane
    selection = pane.table.selectionModel()
    selection.clearSelection()
    for title in ("A", "B"):  # two rows of the list, which the results then hide
        selection.select(pane.model.index(pane.model.row_of(ids[title]), 0),
                         QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)
    assert sorted(win.article_flow.targets()) == sorted([ids["A"], ids["B"]])
    panel = search(qtbot, win, "theft", 2)
    row = pane._result_ids(selected=False).index(ids["C"])
    rect = panel.results.visualRect(panel.model.index(row, 0))
    qtbot.mouseClick(panel.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert win.article_flow.targets() == [ids["C"]]
    panel.clear()  # Esc: the list again, with its own selection
    qtbot.waitUntil(lambda: not panel.active)
    assert sorted(win.article_flow.targets()) == sorted([ids["A"], ids["B"]])


def test_next_article_walks_the_results_in_their_order(qtbot, db, db_path):
    ids = library(db)
    win = open_window(qtbot, db_path)
    panel = search(qtbot, win, "Lavrov", 2)
    order = win.library_pane._result_ids(selected=False)
    assert sorted(order) == sorted([ids["A"], ids["D"]])
    win.controller.open_article(order[0])
    win.view.setFocus()
    qtbot.keyClick(win.view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: win.controller.current_article.id == order[1])
    qtbot.keyClick(win.view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert win.controller.current_article.id == order[1]  # the last result: no wrap
    assert "last article" in win.statusBar().currentMessage()
    qtbot.keyClick(win.view, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: win.controller.current_article.id == order[0])
    assert panel.active


def test_a_title_filter_that_finds_nothing_offers_the_library_search(qtbot, db, db_path):
    ids = library(db)
    win = open_window(qtbot, db_path)
    pane = win.library_pane
    qtbot.keyClicks(pane.filter_edit, "Lavrov")  # in two bodies, in no title
    pane.apply_filter()
    qtbot.waitUntil(pane.search_instead.isVisible)  # with the count, after the rows
    assert pane.model.rowCount() == 0
    assert "Lavrov" in pane.search_instead.text() and "search" in pane.search_instead.text()
    qtbot.mouseClick(pane.search_instead, Qt.MouseButton.LeftButton)
    panel = pane.search
    qtbot.waitUntil(lambda: panel.settled and panel.model.rowCount() == 2, timeout=10_000)
    assert sorted(pane._result_ids(selected=False)) == sorted([ids["A"], ids["D"]])
    assert panel.field.text() == "Lavrov" and pane.filter_edit.text() == ""
    assert not pane.search_instead.isVisible()
    panel.clear()
    qtbot.waitUntil(lambda: not panel.active)
    qtbot.keyClicks(pane.filter_edit, "A&B <b>x</b>")  # shown as typed, never as markup
    pane.apply_filter()
    qtbot.waitUntil(pane.search_instead.isVisible)
    assert "“A&&B <b>x</b>”" in pane.search_instead.text()  # && shows one &
    tip = pane.search_instead.toolTip()  # a tooltip may be read as rich text: escaped
    assert "A&amp;B &lt;b&gt;x&lt;/b&gt;" in tip and "<b>" not in tip
    pane.filter_edit.clear()
    pane.apply_filter()
    qtbot.waitUntil(lambda: not pane.search_instead.isVisible())


def test_a_new_query_on_the_open_article_selects_its_own_match(qtbot, db, db_path):
    ids = library(db)
    win = open_window(qtbot, db_path)

    def open_first(text):
        panel = search(qtbot, win, text, 1 if text == "drills" else 2)
        row = win.library_pane._result_ids(selected=False).index(ids["A"])
        panel.results.setCurrentIndex(panel.model.index(row, 0))
        panel.results.setFocus()
        qtbot.keyClick(panel.results, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: win.controller.current_article.id == ids["A"])

    open_first("Lavrov")
    assert win.view.textCursor().selectedText() == "Lavrov"
    open_first("drills")  # the same article, another query: its match, not Lavrov's next
    assert win.view.textCursor().selectedText() == "drills"
    win.search_flow.next_action.trigger()  # one match only: F3 stays on it
    assert win.view.textCursor().selectedText() == "drills"


def test_the_count_is_said_under_the_results_not_again_in_the_status_bar(qtbot, db, db_path):
    library(db)
    win = open_window(qtbot, db_path)
    win.statusBar().showMessage("Tagged 'Lavrov' as an actor")
    panel = search(qtbot, win, "Lavrov", 2)
    assert panel.count_label.text() == "2 articles match"
    assert win.statusBar().currentMessage() == "Tagged 'Lavrov' as an actor"  # left alone
    panel.clear()
    qtbot.waitUntil(lambda: not panel.active)
    assert win.statusBar().currentMessage() == "Tagged 'Lavrov' as an actor"


def test_the_analyst_facet_completes_who_has_tagged_here(qtbot, db, db_path):
    from reader_app.storage.annotations import add_annotation

    ids = library(db)
    add_annotation(db, ids["A"], "actor", 0, 13, analyst="Олена К.")
    add_annotation(db, ids["B"], "actor", 0, 4, analyst="ana")
    add_annotation(db, ids["B"], "date", 8, 17, analyst="ana")
    win = open_window(qtbot, db_path)
    panel = win.library_pane.search
    panel.facets_button.setChecked(True)  # the filters are shown: their lists are read
    model = panel.facets.analyst.completer().model()
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["ana", "Олена К."]
    panel.facets.analyst.setText("Олена К.")
    panel.search_now()
    qtbot.waitUntil(lambda: panel.settled and panel.model.rowCount() == 1, timeout=10_000)
    assert win.library_pane._result_ids(selected=False) == [ids["A"]]
