"""A long article opens on the tags of its top, and the rest follows right after its
first paint: the analyst sees the article at once, the table grows below the rows shown,
and whatever happens in between (a tag, a reveal, an undo) ends in the library's state."""

from __future__ import annotations

from gui_helpers import open_window
from PySide6.QtCore import QEvent, QObject

from reader_app.domain.models import ImportedArticle
from reader_app.gui.controller import FIRST_SCREEN
from reader_app.storage.annotations import add_annotation, list_spans
from reader_app.storage.articles import add_article
from reader_app.storage.database import open_library

PARAGRAPH = "Delegates from Kyiv and Warsaw met on Tuesday to discuss the grain corridor. "
STEP = 500  # one tag every STEP code points


def build(path):
    """A short article and a long one (three screens' worth of tags beyond the top)."""
    text = PARAGRAPH * (4 * FIRST_SCREEN // len(PARAGRAPH))
    db = open_library(path)
    try:
        short = add_article(db, ImportedArticle("Short", PARAGRAPH, "short.txt")).article_id
        long = add_article(db, ImportedArticle("Long", text, "long.txt")).article_id
        for n, start in enumerate(range(0, len(text) - 20, STEP)):
            start = text.index("Kyiv", start)
            add_annotation(db, long, ("actor", "claim", "date")[n % 3], start, start + 4)
        return short, long, text
    finally:
        db.close()


def table_ids(window) -> list[int]:
    model = window.annotation_panel.model
    return [model.annotation_at(r).id for r in range(model.rowCount())]


def library_ids(window, article_id) -> list[int]:
    return [s[2] for s in list_spans(window.controller.db, article_id)[0]]


class FirstPaint(QObject):
    """Whether all tags had been read when the article view first painted."""

    def __init__(self, window) -> None:
        super().__init__()
        self.window, self.complete_at_paint = window, None

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt names it)
        if event.type() == QEvent.Type.Paint and self.complete_at_paint is None:
            self.complete_at_paint = self.window.controller.spans_complete
        return False


def open_long(qtbot, db_path):
    short, long, text = build(db_path)
    window = open_window(qtbot, db_path)
    window.controller.open_article(short)
    qtbot.waitUntil(lambda: window.controller.spans_complete)
    return window, long, text


def test_the_first_paint_comes_before_the_rest_is_read(qtbot, db_path):
    window, long, text = open_long(qtbot, db_path)
    ctrl = window.controller
    watcher = FirstPaint(window)
    window.view.viewport().installEventFilter(watcher)
    ctrl.open_article(long)
    top = [s for s in library_ids(window, long) if ctrl.db.execute(
        "SELECT start FROM annotations WHERE id = ?", [s]).fetchone()[0] < FIRST_SCREEN]
    assert not ctrl.spans_complete
    assert table_ids(window) == top  # the table starts with the top's rows
    assert all(s[0] < FIRST_SCREEN for s in ctrl.current_spans)
    assert window.view.highlighted_ids(0, 100)  # the top is drawn
    assert window.view.highlighted_ids(FIRST_SCREEN, len(text)) == []
    qtbot.waitUntil(lambda: ctrl.spans_complete)
    assert watcher.complete_at_paint is False  # painted with the top's tags, then the rest
    everything = library_ids(window, long)
    assert len(everything) > 3 * len(top)
    assert table_ids(window) == everything
    assert sorted(window.view.highlighted_ids(0, len(text))) == sorted(everything)


def test_the_selected_row_stays_selected_when_the_rest_arrives(qtbot, db_path):
    window, long, _ = open_long(qtbot, db_path)
    window.controller.open_article(long)
    first = table_ids(window)[1]
    window.annotation_panel.table.selectRow(1)
    assert window.annotation_panel.selected_annotation_id() == first
    qtbot.waitUntil(lambda: window.controller.spans_complete)
    assert window.annotation_panel.selected_annotation_id() == first
    assert window.annotation_panel.table.currentIndex().row() == 1
    assert table_ids(window) == library_ids(window, long)


def test_tags_made_before_the_rest_arrives_are_neither_lost_nor_doubled(qtbot, db_path):
    window, long, text = open_long(qtbot, db_path)
    ctrl = window.controller
    ctrl.open_article(long)
    near = text.index("Warsaw")
    far = text.index("Warsaw", 3 * FIRST_SCREEN)
    ctrl.tag_span("actor", near, near + 6)  # on screen
    ctrl.tag_span("actor", far, far + 6)  # beyond the top: also in what is read next
    assert not ctrl.spans_complete
    qtbot.waitUntil(lambda: ctrl.spans_complete)
    everything = library_ids(window, long)
    assert table_ids(window) == everything and len(set(everything)) == len(everything)
    assert sorted(window.view.highlighted_ids(0, len(text))) == sorted(everything)
    ctrl.undo_stack.undo()  # the far one
    assert table_ids(window) == library_ids(window, long)
    assert far not in {a.start for a in ctrl.annotations()}


def test_revealing_a_tag_beyond_the_top_reads_the_rest_first(qtbot, db_path):
    window, long, text = open_long(qtbot, db_path)
    ctrl = window.controller
    last = list_spans(ctrl.db, long)[0][-1]
    assert last[0] > FIRST_SCREEN
    ctrl.open_annotation(long, last[2])  # from the Actors or Claims tab
    assert ctrl.spans_complete
    assert window.annotation_panel.selected_annotation_id() == last[2]
    assert table_ids(window) == library_ids(window, long)


def test_an_undo_from_another_article_reads_the_rest_before_it_applies(qtbot, db_path):
    window, long, text = open_long(qtbot, db_path)
    ctrl = window.controller
    ctrl.open_article(long)
    qtbot.waitUntil(lambda: ctrl.spans_complete)
    far = text.index("Warsaw", 3 * FIRST_SCREEN)
    ctrl.tag_span("claim", far, far + 6)
    (short,) = [a for a in ctrl.articles() if a.id != long]
    ctrl.open_article(short.id)
    ctrl.undo_stack.undo()  # opens the long article again, then removes the far tag
    assert ctrl.current_article.id == long and ctrl.spans_complete
    assert table_ids(window) == library_ids(window, long)
    assert window.view.highlighted_ids(far, far + 6) == []


def test_a_kind_filter_chosen_before_the_rest_arrives_applies_to_it(qtbot, db_path):
    window, long, _ = open_long(qtbot, db_path)
    ctrl = window.controller
    ctrl.open_article(long)
    window.annotation_panel.model.set_kind_filter("date")
    qtbot.waitUntil(lambda: ctrl.spans_complete)
    dates = [s[2] for s in list_spans(ctrl.db, long)[0] if s[3] == "date"]
    assert len(dates) > 10 and table_ids(window) == dates
    window.annotation_panel.model.set_kind_filter(None)
    assert table_ids(window) == library_ids(window, long)


def test_closing_or_leaving_the_article_before_the_rest_arrives_reads_nothing_more(
        qtbot, db_path):
    window, long, _ = open_long(qtbot, db_path)
    ctrl = window.controller
    ctrl.open_article(long)
    (short,) = [a for a in ctrl.articles() if a.id != long]
    ctrl.open_article(short.id)  # a short article: read whole at once
    assert ctrl.spans_complete
    statements = []
    ctrl.db.conn.set_trace_callback(statements.append)
    qtbot.wait(150)  # past the fallback delay too
    ctrl.db.conn.set_trace_callback(None)
    assert not [s for s in statements if "quote FROM annotations" in s]
    assert table_ids(window) == library_ids(window, short.id)
