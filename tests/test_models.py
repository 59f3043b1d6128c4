"""The library and annotation table models: thin, incremental, and sane for Qt."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QIcon

from reader_app.domain.models import ImportedArticle
from reader_app.gui.controller import LibraryController
from reader_app.gui.lists.annotation_model import KIND, NOTE, QUOTE, AnnotationModel
from reader_app.gui.lists.library_model import CLAIMS, TITLE, LibraryModel
from reader_app.storage.articles import add_article

USER = Qt.ItemDataRole.UserRole
TEXT = "Kyiv said on Monday that\nSergei Lavrov 🇺🇦 had lied. Olaf Scholz agreed on 14 February."


def span(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


class Spy:
    """Counts a model's structural signals."""

    def __init__(self, model) -> None:
        self.events: list[tuple] = []
        model.rowsInserted.connect(lambda _p, a, b: self.events.append(("inserted", a, b)))
        model.rowsRemoved.connect(lambda _p, a, b: self.events.append(("removed", a, b)))
        model.dataChanged.connect(lambda a, b, _r: self.events.append(("changed", a.row(), b.row())))
        model.modelReset.connect(lambda: self.events.append(("reset",)))
        model.layoutChanged.connect(lambda *_: self.events.append(("layout",)))


@pytest.fixture
def ids(db):
    first = add_article(db, ImportedArticle("Kyiv talks", TEXT, "kyiv.txt", "2022-02-10"))
    second = add_article(db, ImportedArticle("Berlin", "Olaf Scholz spoke.", "berlin.md"))
    return first.article_id, second.article_id


@pytest.fixture
def ctrl(qtbot, db_path, ids):
    controller = LibraryController(db_path)
    yield controller
    controller.close()


# -- AnnotationModel -------------------------------------------------------------------


def test_annotation_model_follows_single_changes_without_reset(ctrl, ids, qtmodeltester):
    model = AnnotationModel(ctrl)
    ctrl.open_article(ids[0])
    spy = Spy(model)
    ctrl.tag_span("actor", *span("Olaf Scholz"))
    ctrl.tag_span("claim", *span("Sergei Lavrov 🇺🇦 had lied"))
    ctrl.tag_span("date", *span("on Monday"))
    assert spy.events == [("inserted", 0, 0), ("inserted", 0, 0), ("inserted", 0, 0)]
    assert [model.index(r, QUOTE).data() for r in range(3)] == [
        "on Monday", "Sergei Lavrov 🇺🇦 had lied", "Olaf Scholz"
    ]
    qtmodeltester.check(model)
    lavrov = model.index(1, KIND).data(USER)
    ctrl.edit_annotation(lavrov, note="Denied by Moscow")
    assert spy.events[-1] == ("changed", 1, 1)
    assert model.index(1, NOTE).data() == "Denied by Moscow"
    ctrl.delete_annotation(lavrov)
    assert spy.events[-1] == ("removed", 1, 1)
    ctrl.undo_stack.undo()
    assert spy.events[-1] == ("inserted", 1, 1)
    assert model.row_of(lavrov) == 1
    assert ("reset",) not in spy.events
    qtmodeltester.check(model)


def test_annotation_model_resets_only_when_the_article_changes(ctrl, ids):
    model = AnnotationModel(ctrl)
    spy = Spy(model)
    ctrl.open_article(ids[0])
    ctrl.tag_span("actor", *span("Olaf Scholz"))
    ctrl.open_article(ids[1])
    assert model.rowCount() == 0
    ctrl.tag_span("actor", 0, 11)
    ctrl.undo_stack.undo()  # back in the first article after a reset
    ctrl.undo_stack.undo()
    assert spy.events.count(("reset",)) == 3
    assert model.article_id() == ids[0] and model.rowCount() == 0
    ctrl.close_article()
    assert model.article_id() is None


def test_annotation_model_display_roles(ctrl, ids, qtbot):
    ctrl.open_article(ids[0])
    ctrl.tag_span("claim", *span("that\nSergei"))
    model = AnnotationModel(ctrl)  # picks up the open article
    ann = ctrl.annotations()[0]
    assert model.index(0, KIND).data() == "Claim"
    assert isinstance(model.index(0, KIND).data(Qt.ItemDataRole.DecorationRole), QIcon)
    assert model.index(0, QUOTE).data() == "that ⏎ Sergei"
    assert model.index(0, QUOTE).data(Qt.ItemDataRole.ToolTipRole) == "that\nSergei"
    assert model.index(0, NOTE).data(USER) == ann.id
    assert model.row_of(ann.id) == 0 and model.row_of(999) == -1


def test_annotation_model_kind_filter(ctrl, ids, qtmodeltester):
    ctrl.open_article(ids[0])
    model = AnnotationModel(ctrl)
    model.set_kind_filter("actor")
    ctrl.tag_span("actor", *span("Olaf Scholz"))
    ctrl.tag_span("date", *span("on Monday"))
    ctrl.tag_span("actor", *span("Sergei Lavrov"))
    assert [model.index(r, QUOTE).data() for r in range(model.rowCount())] == [
        "Sergei Lavrov", "Olaf Scholz"
    ]
    qtmodeltester.check(model)
    date = next(a for a in ctrl.annotations() if a.kind == "date")
    ctrl.edit_annotation(date.id, kind="actor")  # into the filter
    assert model.row_of(date.id) == 0
    ctrl.edit_annotation(date.id, kind="claim")  # and out again
    assert model.row_of(date.id) == -1 and model.rowCount() == 2
    model.set_kind_filter(None)
    assert model.rowCount() == 3


# -- LibraryModel ------------------------------------------------------------------------


def test_library_model_updates_counts_and_inserts_imports(ctrl, ids, db, qtmodeltester):
    model = LibraryModel(ctrl)
    ctrl.changed.connect(model.apply_changes)  # as LibraryPane does
    assert model.rowCount() == 2
    qtmodeltester.check(model)
    model.sort(TITLE, Qt.SortOrder.AscendingOrder)  # Berlin, Kyiv talks
    spy = Spy(model)
    ctrl.open_article(ids[0])
    ctrl.tag_span("claim", *span("had lied"))
    assert spy.events == [("changed", 1, 1)]
    assert model.index(1, CLAIMS).data() == "1"
    new = add_article(db, ImportedArticle("Athens", "Another text.", "athens.txt")).article_id
    ctrl.add_imported([new])
    assert spy.events[-1] == ("inserted", 0, 0)  # sorted by title: Athens first
    assert model.index(0, TITLE).data(USER) == new
    ctrl.add_imported([new])  # already shown: nothing happens
    assert model.rowCount() == 3
    assert ("reset",) not in spy.events
    qtmodeltester.check(model)


def test_library_model_inserts_at_the_end_when_unsorted_and_hides_filtered(ctrl, db):
    model = LibraryModel(ctrl)
    ctrl.changed.connect(model.apply_changes)  # as LibraryPane does
    model.set_filter("kyiv")
    extra = [
        add_article(db, ImportedArticle(t, f"text of {t}", f"{t}.txt")).article_id
        for t in ("Kyiv evening", "Rome")
    ]
    ctrl.add_imported(extra)
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [
        "Kyiv talks", "Kyiv evening"
    ]
    model.set_filter("")
    assert model.rowCount() == 4
    assert model.row_of(extra[1]) == 3
    assert model.index(0, 0).parent() == QModelIndex()
