"""The controller and its undo commands, against a real library file."""

from __future__ import annotations

import pytest

from reader_app.domain.models import ImportedArticle
from reader_app.gui.controller import LibraryController
from reader_app.storage.annotations import get_annotation, list_annotations
from reader_app.storage.articles import NotFound, add_article

TEXT = (
    "date 2022-02-10\n"
    "MOSCOW — Sergei Lavrov 👨‍👩‍👧 said on Thursday that the drills would end.\n"
    "Officials in Kyiv 🇺🇦 disagreed.  \n"
)
OTHER = "date 2022-02-11\nAnother day, another statement by Olaf Scholz.\n"


def span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def store(db, text: str, title: str = "Talks") -> int:
    return add_article(db, ImportedArticle(title=title, text=text, source=f"{title}.txt")).article_id


@pytest.fixture
def article_id(db):
    return store(db, TEXT)


@pytest.fixture
def ctrl(article_id, make_ctrl):
    return make_ctrl(article_id)


def test_tag_stores_quote_at_code_point_offsets(ctrl, db, article_id):
    start, end = span(TEXT, "Kyiv 🇺🇦")
    ctrl.tag_span("actor", start, end)
    [ann] = list_annotations(db, article_id)
    assert (ann.kind, ann.start, ann.end) == ("actor", start, end)
    assert ann.quote == TEXT[start:end] == "Kyiv 🇺🇦"
    assert ann.analyst == ctrl.analyst
    assert ctrl.undo_stack.undoText() == "Tag actor “Kyiv 🇺🇦”"
    assert ctrl.errors == []


def test_signals_follow_the_database_write(ctrl, db, qtbot, article_id):
    seen = []
    ctrl.changed.connect(lambda c: seen.extend(get_annotation(db, a.id) for a in c.tags_added))
    with qtbot.waitSignal(ctrl.changed) as changed:
        ctrl.tag_span("claim", *span(TEXT, "the drills would end"))
    [changes] = changed.args
    assert changes.counts == {article_id: (1, 0, 0)} and changes.tags_added == seen
    assert len(seen) == 1 and ctrl.counts(article_id) == (1, 0, 0)


def test_undo_removes_and_redo_brings_back_the_same_row(ctrl, db, article_id):
    ctrl.tag_span("actor", *span(TEXT, "Sergei Lavrov"))
    [first] = list_annotations(db, article_id)
    removed = []
    ctrl.changed.connect(lambda c: removed.extend(c.tags_removed))
    ctrl.undo_stack.undo()
    assert list_annotations(db, article_id) == []
    assert removed[0].uuid == first.uuid
    ctrl.undo_stack.redo()
    [again] = list_annotations(db, article_id)
    assert (again.id, again.uuid, again.created_at) == (first.id, first.uuid, first.created_at)


def test_delete_and_undo_restore_the_same_uuid_and_timestamps(ctrl, db, article_id):
    ctrl.tag_span("date", *span(TEXT, "on Thursday"))
    [ann] = list_annotations(db, article_id)
    ctrl.edit_annotation(ann.id, value="2022-02-10")
    edited = get_annotation(db, ann.id)
    ctrl.delete_annotation(ann.id)
    assert ctrl.undo_stack.undoText() == "Delete date “on Thursday”"
    assert list_annotations(db, article_id) == []
    ctrl.undo_stack.undo()
    restored = get_annotation(db, ann.id)
    assert restored == edited  # uuid, created_at, value: all as before the delete
    ctrl.undo_stack.redo()
    assert list_annotations(db, article_id) == []


def test_edit_and_undo(ctrl, db, article_id):
    ctrl.tag_span("actor", *span(TEXT, "Sergei Lavrov"))
    [ann] = list_annotations(db, article_id)
    changed = []
    ctrl.changed.connect(lambda c: changed.extend(c.tags_changed))
    ctrl.edit_annotation(ann.id, value="Sergey Lavrov", kind="actor")  # kind unchanged: dropped
    assert ctrl.undo_stack.undoText() == "Edit value"
    assert get_annotation(db, ann.id).value == "Sergey Lavrov"
    assert changed[-1].value == "Sergey Lavrov"
    ctrl.undo_stack.undo()
    assert get_annotation(db, ann.id).value is None
    ctrl.edit_annotation(ann.id, kind="claim")
    assert ctrl.undo_stack.undoText() == "Change actor “Sergei Lavrov” to claim"
    assert ctrl.counts(article_id) == (1, 0, 0)
    ctrl.undo_stack.undo()
    assert get_annotation(db, ann.id).kind == "actor"


def test_edit_without_change_pushes_nothing(ctrl, db, article_id):
    ctrl.tag_span("actor", *span(TEXT, "Sergei Lavrov"))
    [ann] = list_annotations(db, article_id)
    ctrl.edit_annotation(ann.id, note="", value=None)  # empty means no value: no change
    assert ctrl.undo_stack.count() == 1
    with pytest.raises(ValueError):
        ctrl.edit_annotation(ann.id, start=3)


def test_consecutive_note_edits_merge_into_one_undo_step(ctrl, db, article_id):
    ctrl.tag_span("claim", *span(TEXT, "the drills would end"))
    [ann] = list_annotations(db, article_id)
    for note in ("D", "Dis", "Disputed", "Disputed by Kyiv"):
        ctrl.edit_annotation(ann.id, note=note)
    assert ctrl.undo_stack.count() == 2
    assert get_annotation(db, ann.id).note == "Disputed by Kyiv"
    ctrl.edit_annotation(ann.id, value="drills end")  # another field: a new step
    assert ctrl.undo_stack.count() == 3
    ctrl.undo_stack.undo()
    ctrl.undo_stack.undo()
    assert get_annotation(db, ann.id).note is None
    assert ctrl.undo_stack.index() == 1
    ctrl.undo_stack.redo()
    assert get_annotation(db, ann.id).note == "Disputed by Kyiv"


def test_typing_a_note_back_to_where_it_was_leaves_no_step(ctrl, db, article_id):
    ctrl.tag_span("claim", *span(TEXT, "the drills would end"))
    [ann] = list_annotations(db, article_id)
    ctrl.edit_annotation(ann.id, note="x")
    ctrl.edit_annotation(ann.id, note="")
    assert ctrl.undo_stack.count() == 1
    assert get_annotation(db, ann.id).note is None


def test_undo_across_an_article_switch_reopens_that_article(ctrl, db, article_id):
    ctrl.tag_span("actor", *span(TEXT, "Sergei Lavrov"))
    other = store(db, OTHER, "Other")
    ctrl.open_article(other)
    opened = []
    ctrl.article_opened.connect(opened.append)
    events = []
    ctrl.article_opened.connect(lambda a: events.append("opened"))
    ctrl.changed.connect(lambda c: events.extend("removed" for _ in c.tags_removed))
    ctrl.undo_stack.undo()
    assert [a.id for a in opened] == [article_id]
    assert ctrl.current_article.id == article_id
    assert events == ["opened", "removed"]  # the analyst sees the article, then the change
    assert list_annotations(db, article_id) == []
    ctrl.close_article()
    ctrl.undo_stack.redo()
    assert ctrl.current_article.id == article_id
    assert len(list_annotations(db, article_id)) == 1


@pytest.mark.parametrize("words", ["  ", "\n", ""])
def test_whitespace_and_empty_spans_are_refused(ctrl, db, article_id, words):
    start = TEXT.index("disagreed.") + len("disagreed.")
    ctrl.tag_span("claim", start, start + len(words))
    assert list_annotations(db, article_id) == []
    assert ctrl.undo_stack.count() == 0
    assert len(ctrl.errors) == 1


def test_exact_duplicate_is_refused_but_another_kind_is_not(ctrl, db, article_id):
    where = span(TEXT, "Sergei Lavrov")
    ctrl.tag_span("actor", *where)
    ctrl.tag_span("actor", *where)
    assert ctrl.errors == ["Already tagged as actor: “Sergei Lavrov”."]
    ctrl.tag_span("claim", *where)
    assert ctrl.undo_stack.count() == 2
    assert len(list_annotations(db, article_id)) == 2


def test_tag_without_article_or_out_of_range_is_refused(ctrl):
    ctrl.tag_span("claim", 5, len(TEXT) + 5)
    ctrl.tag_span("rumour", 0, 4)
    ctrl.close_article()
    ctrl.tag_span("claim", 0, 4)
    assert len(ctrl.errors) == 3
    assert ctrl.undo_stack.count() == 0


def test_a_failing_command_reports_and_leaves_the_stack_and_database(ctrl, db, article_id):
    ctrl.tag_span("actor", *span(TEXT, "Sergei Lavrov"))
    [ann] = list_annotations(db, article_id)
    ctrl.undo_stack.undo()
    db.execute("DELETE FROM articles WHERE id = ?", [article_id])  # gone behind our back
    ctrl.close_article()
    ctrl.undo_stack.redo()
    assert ctrl.errors == [f"Tag actor “Sergei Lavrov” failed: article {article_id} not found"]
    assert ctrl.undo_stack.count() == 0  # the obsolete command was dropped
    with pytest.raises(NotFound):
        get_annotation(db, ann.id)


def test_a_failed_edit_is_not_merged(ctrl, db, article_id):
    ctrl.tag_span("claim", *span(TEXT, "the drills would end"))
    [ann] = list_annotations(db, article_id)
    ctrl.edit_annotation(ann.id, note="first")
    db.execute(
        "CREATE TRIGGER no_edit BEFORE UPDATE ON annotations"
        " BEGIN SELECT RAISE(ABORT, 'locked'); END"
    )
    ctrl.edit_annotation(ann.id, note="second")
    assert "locked" in ctrl.errors[-1]
    assert get_annotation(db, ann.id).note == "first"
    db.execute("DROP TRIGGER no_edit")
    ctrl.undo_stack.undo()
    assert get_annotation(db, ann.id).note is None


def test_delete_of_a_missing_annotation_reports(ctrl):
    ctrl.delete_annotation(12345)
    ctrl.edit_annotation(12345, note="x")
    assert len(ctrl.errors) == 2
    assert ctrl.undo_stack.count() == 0


def test_articles_counts_and_imports(ctrl, db, article_id, qtbot):
    ctrl.tag_span("actor", *span(TEXT, "Sergei Lavrov"))
    ctrl.tag_span("date", *span(TEXT, "on Thursday"))
    assert ctrl.counts(article_id) == (0, 1, 1)
    [row] = ctrl.articles()
    assert (row.id, row.actor_count, row.date_count) == (article_id, 1, 1)
    assert ctrl.articles("no such title") == []
    other = store(db, OTHER, "Other")
    with qtbot.waitSignal(ctrl.changed) as imported:
        ctrl.add_imported([other])
    assert [s.id for s in imported.args[0].articles_added] == [other]
    assert [s.id for s in ctrl.summaries([other, 999])] == [other]
    assert [a.quote for a in ctrl.annotations()] == ["Sergei Lavrov", "on Thursday"]
    assert ctrl.annotation(ctrl.annotations()[0].id).kind == "actor"


def test_open_and_close_article(ctrl, article_id, qtbot):
    with qtbot.waitSignal(ctrl.article_opened) as closed:
        ctrl.close_article()
    assert closed.args == [None] and ctrl.current_article is None
    assert ctrl.annotations() == []
    article = ctrl.open_article(article_id)
    assert article.text == TEXT
    with pytest.raises(NotFound):
        ctrl.open_article(999)


def test_annotations_persist_across_controllers(ctrl, db_path, article_id):
    ctrl.tag_span("actor", *span(TEXT, "Sergei Lavrov"))
    ctrl.tag_span("claim", *span(TEXT, "the drills would end"))
    before = ctrl.annotations()
    ctrl.close()
    again = LibraryController(db_path)
    try:
        again.open_article(article_id)
        assert again.annotations() == before
        assert again.undo_stack.count() == 0
    finally:
        again.close()


def test_command_texts_quote_a_quotation_once():
    from reader_app.domain.quotes import quoted

    assert quoted("“like a mute talking to a deaf person,”") == "“like a mute talking to a deaf person”"
    assert quoted('"dangerous moment"') == "“dangerous moment”"
    assert quoted("Sergei Lavrov") == "“Sergei Lavrov”"
    assert quoted("a “b” c") == "“a “b” c”"  # marks inside the text stay
    assert quoted("“") == "““”"  # a lone mark is the text itself
