"""Every write ends in one ChangeSet on controller.changed, and each pane updates from it:
after tagging, undo, redo, edits, relinks, merges and renames the window shows what a
fresh window opened on the same library shows, and one tag costs the same SQL with 10
tags in the article as with 5,000."""

from __future__ import annotations

import pytest
from gui_helpers import open_window, select_quote
from gui_helpers import tag_in_window as tag
from PySide6.QtCore import Qt

from reader_app.domain.models import ImportedArticle
from reader_app.gui.lists.claim_model import ClaimModel
from reader_app.gui.lists.tables import ID_ROLE
from reader_app.services.changes import ChangeSet
from reader_app.storage.articles import add_article
from reader_app.storage.database import open_library


def rows(model) -> list[tuple]:
    return [tuple(model.index(r, c).data() for c in range(model.columnCount()))
            for r in range(model.rowCount())]


def load_left_tabs(window) -> None:
    """Show the Actors and Claims tabs once: from then on they follow the ChangeSets."""
    for pane in (window.actors_pane, window.claims_view, window.library_pane):
        window.left_tabs.setCurrentWidget(pane)
    assert window.actors_pane.is_loaded() and window.claims_view.is_loaded()


def state(window) -> dict:
    article = window.controller.current_article
    library = window.library_pane.model
    return {
        "tags": rows(window.annotation_panel.model),
        "highlights": sorted(window.view.highlighted_ids(0, len(article.text))),
        "actors": rows(window.actors_pane.model),
        "claims": rows(window.claims_view.model),
        "claim_count": window.claims_view.count_label.text(),
        "status": window.status_text,
        "library_row": rows(library)[library.row_of(article.id)],
    }


def assert_like_a_fresh_window(qtbot, window, db_path) -> None:
    fresh = open_window(qtbot, db_path)
    fresh.controller.open_article(window.controller.current_article.id)
    load_left_tabs(fresh)
    try:
        assert state(window) == state(fresh)
    finally:
        fresh.close()


def test_panes_follow_change_sets_like_a_fresh_window(qtbot, window, db_path):
    c = window.controller
    load_left_tabs(window)
    sets: list[ChangeSet] = []
    c.changed.connect(sets.append)
    amara = tag(window, "actor", "Amara Velasquez-Dunn")
    tag(window, "actor", "Velasquez-Dunn", after="Velasquez-Dunn told")
    rostenko = tag(window, "actor", "Pavel Rostenko")
    claim = tag(window, "claim", "the talks had ended")
    tag(window, "date", "on Friday")
    assert len(sets) == 5  # one ChangeSet per write
    assert_like_a_fresh_window(qtbot, window, db_path)

    c.edit_annotation(claim, note="Check the transcript")
    c.set_claim_fields(claim, status="disputed", reliability="B", credibility=2)
    c.relink_actor(rostenko, None, "Ostrovian government")  # a new actor
    assert_like_a_fresh_window(qtbot, window, db_path)

    c.undo_stack.undo()  # the relink: the new actor goes
    c.undo_stack.undo()  # the claim's fields
    assert_like_a_fresh_window(qtbot, window, db_path)
    c.undo_stack.redo()
    c.undo_stack.redo()
    amara_id = c.annotation(amara).actor_id
    rostenko_id = c.annotation(rostenko).actor_id
    c.set_claim_fields(claim, claimant_id=rostenko_id)
    c.rename_actor(rostenko_id, "Minister Rostenko")
    assert_like_a_fresh_window(qtbot, window, db_path)

    c.merge_actors(amara_id, rostenko_id)  # the claim's claimant and a mention move
    assert_like_a_fresh_window(qtbot, window, db_path)
    c.undo_stack.undo()
    c.delete_annotation(claim)
    assert_like_a_fresh_window(qtbot, window, db_path)
    c.undo_stack.undo()
    c.undo_stack.undo()  # the rename
    assert_like_a_fresh_window(qtbot, window, db_path)


def test_a_removed_tag_leaves_the_editor_and_a_new_one_is_selected(qtbot, window):
    panel = window.annotation_panel
    new = tag(window, "claim", "the talks had ended")
    assert panel.selected_annotation_id() == new
    window.controller.undo_stack.undo()
    assert panel.selected_annotation_id() is None
    assert panel.model.rowCount() == 0
    window.controller.undo_stack.redo()
    assert panel.model.row_of(new) == 0


# -- SQL per tag -------------------------------------------------------------------------------

FILLER = "Officials said the talks would resume next week in Geneva. " * 3000
TAIL = "\n\nZebra quartz whispers."


def library_with_tags(path, count: int):
    """A library whose one article holds `count` tags, none in its last paragraph."""
    text = FILLER + TAIL
    db = open_library(path)
    article_id = add_article(db, ImportedArticle("Tags", text, "tags.txt", "2024-03-13")).article_id
    sha = db.execute("SELECT sha256 FROM articles WHERE id = ?", [article_id]).fetchone()[0]
    starts = [i for i in range(len(FILLER) - 20) if FILLER[i] == "t" and FILLER[i - 1] == " "]
    kinds = ("claim", "actor", "date")
    tagged = [(s, FILLER.index(" ", s)) for s in starts[:count]]
    with db.atomic():
        db.conn.executemany(
            'INSERT INTO annotations (uuid, article_id, kind, start, "end", quote, created_at,'
            " updated_at, text_sha256) VALUES (?,?,?,?,?,?,?,?,?)",
            [(f"u{n}", article_id, kinds[n % 3], s, e, text[s:e], "t", "t", sha)
             for n, (s, e) in enumerate(tagged)])
    db.close()
    return text


def statements_of_one_tag(qtbot, path, count: int) -> list[str]:
    library_with_tags(path, count)
    window = open_window(qtbot, path)
    load_left_tabs(window)
    assert window.annotation_panel.model.rowCount() == count
    tag(window, "claim", "Zebra")  # the first tag shown in the editor reads the actor names
    select_quote(window, "quartz whispers")
    statements: list[str] = []
    window.controller.db.conn.set_trace_callback(statements.append)
    window.tag_selection("claim")
    window.controller.db.conn.set_trace_callback(None)
    assert window.annotation_panel.model.rowCount() == count + 2
    assert window.claims_view.model.total_count() == (count + 2) // 3 + 2
    window.close()
    return statements


def test_one_tag_runs_the_same_sql_with_10_or_5000_tags(qtbot, tmp_path):
    few = statements_of_one_tag(qtbot, tmp_path / "few.sqlite", 10)
    many = statements_of_one_tag(qtbot, tmp_path / "many.sqlite", 5000)
    assert len(many) <= len(few), "\n".join(many)
    for sql in many:
        flat = " ".join(sql.split())
        assert "SELECT id, name FROM actors" not in flat  # names come with the ChangeSet
        assert "WHERE article_id = 1 ORDER BY" not in flat  # no re-read of the article's tags
        assert "ORDER BY x.name" not in flat  # no re-read of the actor list
        assert "ORDER BY n.article_id" not in flat  # nor of every claim


# -- the models take single rows ----------------------------------------------------------------


def claim_row(n: int, status: str, article: int = 1) -> dict:
    return {"annotation_id": n, "article_id": article, "start": n * 10, "quote": f"claim {n}",
            "article_title": f"Article {article}", "article_published": None,
            "claimant": None, "claim_date": None, "status": status,
            "reliability": None, "credibility": None}


def test_keyed_rows_insert_move_and_remove_one_at_a_time(qtmodeltester):
    model = ClaimModel()
    model.set_items([claim_row(n, "unverified") for n in range(1, 6)])
    qtmodeltester.check(model)
    model.sort(ClaimModel.QUOTE, Qt.SortOrder.DescendingOrder)
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    model.apply_rows({7: claim_row(7, "disputed"), 3: None})  # one in, one out
    assert [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())] == [7, 5, 4, 2, 1]
    model.apply_rows({1: {**claim_row(1, "unverified"), "quote": "claim 9"}})  # moves to the top
    assert model.row_of(1) == 0 and model.row_of(7) == 1
    assert not resets
    model.set_status_filter("disputed")
    resets.clear()
    model.apply_rows({4: claim_row(4, "disputed"), 7: claim_row(7, "corroborated")})
    assert [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())] == [4]
    assert model.total_count() == 5 and not resets
    qtmodeltester.check(model)


@pytest.mark.parametrize("kind", [None, "claim"])
def test_annotation_model_single_changes_pass_the_model_tester(qtbot, window, kind,
                                                               qtmodeltester):
    model = window.annotation_panel.model
    model.set_kind_filter(kind)
    qtmodeltester.check(model)
    ids = [tag(window, k, w) for k, w in (("claim", "the talks had ended"),
                                          ("actor", "Pavel Rostenko"), ("date", "on Friday"),
                                          ("claim", "holding a whole valley hostage"))]
    window.controller.edit_annotation(ids[1], kind="claim")
    window.controller.delete_annotation(ids[0])
    window.controller.undo_stack.undo()
    window.controller.undo_stack.undo()
    shown = [a.id for a in window.controller.annotations() if kind is None or a.kind == kind]
    assert [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())] == shown
    assert all(model.row_of(i) == shown.index(i) for i in shown)
    qtmodeltester.check(model)
