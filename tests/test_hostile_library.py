"""A library file is someone else's file: rows tampered with outside the app (bad styles JSON,
offsets that are not whole numbers, quotes no longer at their offsets, formulas in columns
the schema constrains) never crash, never drift silently and never leave as live formulas.

Each library is built with the app's own functions, then edited through sqlite3 as an
attacker would: PRAGMA ignore_check_constraints, or a table definition rewritten without
its NOT NULL / CHECK constraints (PRAGMA writable_schema).
"""

from __future__ import annotations

import csv
import io
import sqlite3

import pytest

from reader_app.domain.models import ImportedArticle, StyleSpan
from reader_app.domain.offsets import locate_unique
from reader_app.formats.csv_export import DANGEROUS_FIRST, write_csv
from reader_app.services.exporting import ExportFilters, export_csv_file
from reader_app.storage.annotations import (
    add_annotation,
    damaged_annotations,
    delete_annotation,
    find_annotation,
    get_annotation,
    list_annotations,
    list_annotations_near,
    restore_annotation,
    update_annotation,
)
from reader_app.storage.articles import add_article, get_article, list_articles
from reader_app.storage.database import open_library
from reader_app.storage.export_rows import EXPORT_COLUMNS, iter_export_rows

TEXT = (
    "Kyiv, 10 February. Kuleba said on Thursday that the drills were a threat.\n"
    "Lavrov said the drills would end on Sunday. Observers doubted it."
)


def build(db_path, content_type="text", styles=()):
    """A library of one article with three tags; (article id, {quote: annotation id})."""
    db = open_library(db_path)
    try:
        article = add_article(db, ImportedArticle("Drills", TEXT, "drills.txt",
                                                  content_type=content_type, styles=styles))
        ids = {}
        for kind, quote in (("actor", "Kuleba"), ("actor", "Lavrov"),
                            ("claim", "the drills were a threat")):
            start = TEXT.index(quote)
            ids[quote] = add_annotation(db, article.article_id, kind, start,
                                        start + len(quote)).id
        return article.article_id, ids
    finally:
        db.close()


def tamper(db_path, *statements, params=()):
    """Run statements on a plain sqlite3 connection, CHECK constraints off."""
    conn = sqlite3.connect(db_path)
    try:
        conn.execute("PRAGMA ignore_check_constraints = ON")
        for sql in statements:
            conn.execute(sql, params if "?" in sql else ())
        conn.commit()
    finally:
        conn.close()


_LOOSENED: dict[str, str] = {}


def drop_constraints(db_path):
    """Rewrite the annotations table's definition without NOT NULL and CHECK (the stored
    rows are untouched) so that tamper() can store what they forbid; restore_constraints()
    then puts our definition back over the bad rows, as a hostile file would hold them (a
    changed table definition alone makes the library open read-only)."""
    conn = sqlite3.connect(db_path)
    try:
        (sql,) = conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'annotations'"
        ).fetchone()
        loose = (sql.replace(" NOT NULL", "")
                 .replace("CHECK (start >= 0)", "")
                 .replace('CHECK ("end" > start)', ""))
        assert loose != sql
        _LOOSENED[str(db_path)] = sql
        (version,) = conn.execute("PRAGMA schema_version").fetchone()
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = "
                     "'annotations'", [loose])
        conn.execute(f"PRAGMA schema_version = {version + 1}")
        conn.execute("PRAGMA writable_schema = OFF")
        conn.commit()
    finally:
        conn.close()


def restore_constraints(db_path):
    original = _LOOSENED.pop(str(db_path), None)
    if original is None:
        return
    conn = sqlite3.connect(db_path)
    try:
        (version,) = conn.execute("PRAGMA schema_version").fetchone()
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = "
                     "'annotations'", [original])
        conn.execute(f"PRAGMA schema_version = {version + 1}")
        conn.execute("PRAGMA writable_schema = OFF")
        conn.commit()
    finally:
        conn.close()


def stored(db_path, annotation_id):
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute('SELECT start, "end", quote FROM annotations WHERE id = ?',
                            [annotation_id]).fetchone()
    finally:
        conn.close()


@pytest.fixture
def library(db_path):
    return build(db_path)


def reopen(db_path):
    restore_constraints(db_path)
    return open_library(db_path)


# -- styles ------------------------------------------------------------------------------

GOOD = [0, 4, "strong", None]


@pytest.mark.parametrize("styles", [
    "{not json", "", "null", '"[]"', "42", '{"0": [0, 4, "em"]}', "[1, 2, 3]",
    '[[0, "4", "em"]]', '[[0.5, 4, "em"]]', '[[-1, 4, "em"]]', '[[0, 99999, "em"]]',
    '[[4, 4, "em"]]', '[[0, 4]]', '[[0, 4, "em", null, "extra"]]', '[[0, 4, ["em"]]]',
    '[[0, 4, "h99999999999999999999"]]', '[[0, 4, "script"]]', '[[0, 4, {"a": 1}]]',
    '[[true, 4, "em"]]', "[" * 100_000 + "]" * 100_000,
])
def test_garbage_styles_are_dropped_and_the_article_opens(db_path, styles):
    article_id, _ = build(db_path, "markdown")
    tamper(db_path, "UPDATE articles SET styles = ?", params=[styles])
    db = reopen(db_path)
    try:
        article = get_article(db, article_id)
    finally:
        db.close()
    assert article.text == TEXT
    assert article.styles == ()


def test_sound_spans_are_kept_among_garbage(db_path):
    article_id, _ = build(db_path, "html")
    garbage = ('[[0, 4, "strong"], [0, 4, "strong", null], "x", [5, 2, "em"], '
               '[5, 9, "link", "file:///etc/passwd"], [5, 9, "link", "https://example.org"],'
               ' [0, 4, "em", 7]]')
    tamper(db_path, "UPDATE articles SET styles = ?", params=[garbage])
    db = reopen(db_path)
    try:
        styles = get_article(db, article_id).styles
    finally:
        db.close()
    assert styles == (StyleSpan(0, 4, "strong"), StyleSpan(0, 4, "strong"),
                      StyleSpan(5, 9, "link", None),  # the file: target is dropped
                      StyleSpan(5, 9, "link", "https://example.org"),
                      StyleSpan(0, 4, "em", None))


def test_styles_of_the_wrong_type_and_text_columns_of_the_wrong_type(db_path):
    article_id, _ = build(db_path, "markdown")
    tamper(db_path, "UPDATE articles SET styles = x'5b5d00', title = 42, source = x'41'")
    db = reopen(db_path)
    try:
        article = get_article(db, article_id)
        [summary] = list_articles(db)
    finally:
        db.close()
    assert article.styles == ()
    assert (article.title, article.source) == ("42", "A")
    assert (summary.title, summary.source) == ("42", "A")


# -- offsets that are not whole numbers inside the text ------------------------------------


@pytest.mark.parametrize("start", ["abc", "7", 2.5, -3, 10**6, None, b"\x01"])
def test_a_bad_start_is_flagged_and_placed_where_its_quote_lies(db_path, library, start):
    article_id, ids = library
    if start is None:
        drop_constraints(db_path)
    tamper(db_path, "UPDATE annotations SET start = ? WHERE id = ?",
           params=[start, ids["Kuleba"]])
    db = reopen(db_path)
    try:
        anns = {a.id: a for a in list_annotations(db, article_id)}
        one = get_annotation(db, ids["Kuleba"])
    finally:
        db.close()
    ann = anns[ids["Kuleba"]]
    as_stored = stored(db_path, ids["Kuleba"])[0]  # INTEGER affinity turns "7" into 7
    for a in (ann, one):
        assert type(a.start) is int and type(a.end) is int
        assert a.damage is not None and not a.anchor_ok
        assert a.damage.stored_start == as_stored
        # "Kuleba" is in the text once: shown there, and reported, not saved
        assert a.damage.moved and a.placed
        assert TEXT[a.start : a.end] == "Kuleba"
        assert "not saved" in a.damage.reason
    assert stored(db_path, ids["Kuleba"])[0] == as_stored  # reading wrote nothing back
    assert all(a.anchor_ok for i, a in anns.items() if i != ids["Kuleba"])


@pytest.mark.parametrize(("start", "end"), [(None, None), ("x", "y"), (9, 3), (5, 5),
                                            (1.5, 7.5)])
def test_bad_offsets_and_a_quote_found_twice_are_flagged_not_placed(db_path, library, start,
                                                                   end):
    article_id, ids = library
    drop_constraints(db_path)
    # "the drills" is in the text twice: no unique place to put it
    tamper(db_path, "UPDATE annotations SET start = ?, \"end\" = ?, quote = 'the drills',"
           " prefix = '', suffix = '' WHERE id = ?",
           params=[start, end, ids["the drills were a threat"]])
    db = reopen(db_path)
    try:
        [ann] = [a for a in list_annotations(db, article_id)
                 if a.id == ids["the drills were a threat"]]
        damaged = damaged_annotations(db, article_id)
    finally:
        db.close()
    assert (ann.start, ann.end) == (0, 0)
    assert ann.damage is not None and not ann.placed
    assert "not shown" in ann.damage.reason
    assert [a.id for a in damaged] == [ann.id]


def test_text_columns_of_the_wrong_type_come_back_as_text(db_path, library):
    article_id, ids = library
    drop_constraints(db_path)
    tamper(db_path, "UPDATE annotations SET note = 7, kind = x'6163746f72', uuid = NULL,"
           " credibility = 'six', actor_id = 'me' WHERE id = ?", params=[ids["Lavrov"]])
    db = reopen(db_path)
    try:
        ann = get_annotation(db, ids["Lavrov"])
    finally:
        db.close()
    assert (ann.note, ann.kind, ann.uuid) == ("7", "actor", "")
    assert ann.credibility is None and ann.actor_id is None
    assert ann.anchor_ok  # its span is sound


def test_a_quote_that_is_not_text_is_flagged(db_path, library):
    article_id, ids = library
    tamper(db_path, "UPDATE annotations SET quote = 12345 WHERE id = ?", params=[ids["Lavrov"]])
    db = reopen(db_path)
    try:
        [ann] = [a for a in list_annotations(db, article_id) if a.id == ids["Lavrov"]]
    finally:
        db.close()
    assert ann.quote == "12345" and ann.damage is not None and not ann.placed


# -- a quote no longer at its offsets -------------------------------------------------------


def test_a_changed_quote_is_flagged_never_silently_drawn(db_path, library):
    article_id, ids = library
    tamper(db_path, "UPDATE annotations SET quote = 'Kuleba, foreign minister' WHERE id = ?",
           params=[ids["Kuleba"]])
    db = reopen(db_path)
    try:
        [ann] = damaged_annotations(db, article_id)
        assert damaged_annotations(db) == [ann]  # the whole library
        assert find_annotation(db, article_id, "actor", ann.damage.stored_start,
                               ann.damage.stored_end).damage is not None
    finally:
        db.close()
    assert ann.id == ids["Kuleba"] and not ann.placed and (ann.start, ann.end) == (0, 0)
    assert "no longer its quote" in ann.damage.reason


def test_an_edited_article_text_reanchors_unique_quotes_and_reports_them(db_path, library):
    article_id, ids = library
    new_text = "UPDATE: " + TEXT  # every quote moved by 8
    tamper(db_path, "UPDATE articles SET text = ?", params=[new_text])
    db = reopen(db_path)
    try:
        anns = list_annotations(db, article_id)
        near = list_annotations_near(db, article_id, 0, 40)
        reported = damaged_annotations(db)
    finally:
        db.close()
    assert len(anns) == 3 and all(a.damage is not None and a.damage.moved for a in anns)
    assert all(new_text[a.start : a.end] == a.quote for a in anns)
    assert all(a.start == a.damage.stored_start + 8 for a in anns)
    assert {a.id for a in reported} == set(ids.values())
    assert ids["Kuleba"] in {a.id for a in near}
    for ann in anns:  # nothing was written back
        assert stored(db_path, ann.id)[:2] == (ann.damage.stored_start, ann.damage.stored_end)


def test_unique_location_needs_a_strictly_best_context():
    text = "a b a b"
    assert locate_unique(text, "a", "", " b") is None  # both are followed by " b"
    assert locate_unique(text, "a", "b ", "") == (4, 5)
    assert locate_unique(text, "zz") is None
    assert locate_unique("x" * 5000, "x") is None  # too many to call


def test_editing_deleting_and_undoing_a_flagged_tag(db_path, library):
    article_id, ids = library
    drop_constraints(db_path)
    tamper(db_path, "UPDATE annotations SET start = 'abc' WHERE id = ?", params=[ids["Lavrov"]])
    db = reopen(db_path)
    try:
        edited = update_annotation(db, ids["Lavrov"], note="checked")
        assert edited.damage is not None and edited.note == "checked"
        gone = delete_annotation(db, ids["Lavrov"])
        # our schema's CHECKs refuse the damaged row itself: undo cannot bring it back,
        # and says so rather than storing something else
        with pytest.raises(sqlite3.IntegrityError):
            restore_annotation(db, gone)
    finally:
        db.close()
    assert gone.damage is not None and gone.note == "checked"
    assert stored(db_path, ids["Lavrov"]) is None  # nothing "repaired" was stored instead


def test_tagging_still_works_beside_flagged_tags(db_path, library):
    article_id, ids = library
    drop_constraints(db_path)
    tamper(db_path, "UPDATE annotations SET start = NULL WHERE id = ?", params=[ids["Kuleba"]])
    db = reopen(db_path)
    try:
        start = TEXT.index("Observers")
        new = add_annotation(db, article_id, "actor", start, start + len("Observers"))
        assert new.anchor_ok
        assert len(list_annotations(db, article_id)) == 4
    finally:
        db.close()


# -- CSV: formulas in constrained columns ---------------------------------------------------

FORMULAS = ["=HYPERLINK(\"http://x\",\"y\")", "+1", "-2", "@SUM(A1)", "\t=1", "\r=1"]


def tamper_for_formulas(db_path, article_id, ids):
    db = open_library(db_path)
    try:
        from reader_app.storage.actors import create_actor

        actor = create_actor(db, "Kuleba", "person")
        update_annotation(db, ids["Kuleba"], actor_id=actor.id)
        update_annotation(db, ids["the drills were a threat"], claimant_id=actor.id,
                          status="unverified")
    finally:
        db.close()
    f = FORMULAS
    tamper(
        db_path,
        f"UPDATE annotations SET uuid = '{f[0]}' || id, created_at = '{f[1]}',"
        f" updated_at = '{f[2]}', kind = CASE kind WHEN 'claim' THEN 'claim' ELSE kind END,"
        f" analyst = '{f[3]}', status = CASE WHEN kind = 'claim' THEN '{f[4]}' END,"
        f" reliability = CASE WHEN kind = 'claim' THEN '{f[5]}' END,"
        f" credibility = CASE WHEN kind = 'claim' THEN '{f[0]}' END,"
        f" granularity = '{f[1]}'",
        f"UPDATE annotations SET kind = '{f[2]}', start = '{f[3]}' WHERE id = {ids['Lavrov']}",
        f"UPDATE articles SET uuid = '{f[4]}', published = '{f[5]}', source = '{f[0]}',"
        f" title = '{f[3]}'",
        f"UPDATE actors SET uuid = '{f[1]}', type = '{f[2]}', created_at = '{f[3]}',"
        f" updated_at = '{f[4]}'",
    )


def read_csv(path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


@pytest.mark.parametrize("table", ["annotations", "claims", "actors"])
def test_no_exported_cell_is_a_live_formula_from_a_tampered_library(db_path, tmp_path, library,
                                                                    table):
    article_id, ids = library
    tamper_for_formulas(db_path, article_id, ids)
    out = tmp_path / f"{table}.csv"
    raw_out = tmp_path / f"{table}-raw.csv"
    db = open_library(db_path)
    try:
        rows = export_csv_file(db, out, ExportFilters(table=table))
        export_csv_file(db, raw_out, ExportFilters(table=table), raw=True)
    finally:
        db.close()
    assert rows >= 1
    header, *cells = read_csv(out)
    assert cells
    live = [(header[i], c) for row in cells for i, c in enumerate(row)
            if c[:1] in DANGEROUS_FIRST]
    assert live == []
    # the tampered values did reach the export, defused; --raw keeps them exact
    raw_cells = [c for row in read_csv(raw_out)[1:] for c in row]
    planted = {c for c in raw_cells if c[:1] in DANGEROUS_FIRST}
    assert len(planted) >= 4
    defused = {c for row in cells for c in row}
    assert {"'" + c for c in planted} <= defused


def test_every_text_cell_is_defused_whatever_its_column():
    row = tuple("=1" if i % 2 else i for i in range(len(EXPORT_COLUMNS)))
    out = io.StringIO(newline="")
    write_csv([row], EXPORT_COLUMNS, out)
    _, back = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    for i, cell in enumerate(back):
        assert cell == ("'=1" if i % 2 else str(i)), EXPORT_COLUMNS[i]


def test_export_rows_carry_a_tampered_start_as_is(db_path, library):
    """The export reads the file as it is (no re-anchoring there): the offsets columns show
    what is stored, and the CSV defuses it."""
    article_id, ids = library
    tamper(db_path, "UPDATE annotations SET start = '=1+1' WHERE id = ?", params=[ids["Lavrov"]])
    db = open_library(db_path)
    try:
        starts = [r[EXPORT_COLUMNS.index("start")] for r in iter_export_rows(db)]
    finally:
        db.close()
    assert "=1+1" in starts


# -- the real window ------------------------------------------------------------------------


def test_the_window_opens_a_tampered_library_lists_flagged_tags_and_still_tags(qtbot, db_path):
    from gui_helpers import open_window, tag_in_window
    from PySide6.QtCore import Qt

    from reader_app.gui.lists.annotation_model import DAMAGED_MARK, QUOTE

    article_id, ids = build(db_path, "markdown", styles=(StyleSpan(0, 4, "strong"),))
    drop_constraints(db_path)
    tamper(db_path, "UPDATE articles SET styles = '{oops'")
    tamper(db_path, "UPDATE annotations SET start = NULL WHERE id = ?", params=[ids["Kuleba"]])
    tamper(db_path, "UPDATE annotations SET start = 'x', quote = 'the drills' WHERE id = ?",
           params=[ids["the drills were a threat"]])
    tamper(db_path, "UPDATE annotations SET quote = 'Putin' WHERE id = ?", params=[ids["Lavrov"]])
    restore_constraints(db_path)
    window = open_window(qtbot, db_path)
    assert window.controller.current_article.id == article_id

    model = window.annotation_panel.model
    shown = {model.index(r, 0).data(Qt.ItemDataRole.UserRole):
             model.index(r, QUOTE).data() for r in range(model.rowCount())}
    assert set(shown) == set(ids.values())  # every tag listed, the flagged ones too
    for _quote, ann_id in ids.items():
        assert shown[ann_id].startswith(DAMAGED_MARK)
    tip = model.index(0, QUOTE).data(Qt.ItemDataRole.ToolTipRole)
    assert DAMAGED_MARK in tip

    # "Kuleba" is still in the text once: drawn there; the other two are drawn nowhere
    kuleba = TEXT.index("Kuleba")
    assert window.view.highlighted_ids(kuleba, kuleba + 6) == [ids["Kuleba"]]
    assert window.view.highlighted_ids(0, kuleba) == []
    lavrov = TEXT.index("Lavrov")
    assert window.view.highlighted_ids(lavrov, len(TEXT)) == []

    # selecting a flagged row and tagging on work as usual
    window.annotation_panel.select_annotation(ids["Lavrov"])
    new_id = tag_in_window(window, "actor", "Observers")
    assert model.rowCount() == 4
    assert stored(db_path, new_id)[2] == "Observers"
    window.controller.undo_stack.undo()
    assert stored(db_path, new_id) is None
    window.controller.undo_stack.redo()
    assert stored(db_path, new_id)[2] == "Observers"


@pytest.mark.parametrize("start", [None, "abc", 2.5])
def test_the_window_survives_a_start_that_is_not_a_number(qtbot, db_path, start):
    """Sound styles, one bad offset: the window opens, draws the others, and the flagged tag
    can be selected, edited and deleted (and the delete undone) without an error."""
    from gui_helpers import open_window

    article_id, ids = build(db_path)
    drop_constraints(db_path)
    tamper(db_path, "UPDATE annotations SET start = ?, quote = 'drills' WHERE id = ?",
           params=[start, ids["Lavrov"]])
    restore_constraints(db_path)
    window = open_window(qtbot, db_path)
    errors = []
    window.controller.error_occurred.connect(errors.append)
    kuleba = TEXT.index("Kuleba")
    assert window.view.highlighted_ids(kuleba, kuleba + 6) == [ids["Kuleba"]]
    assert ids["Lavrov"] not in window.view.highlighted_ids(0, len(TEXT))  # "drills" twice
    window.annotation_panel.select_annotation(ids["Lavrov"])
    window.view.reveal_annotation(ids["Lavrov"])
    window.controller.edit_annotation(ids["Lavrov"], note="seen")
    window.controller.delete_annotation(ids["Lavrov"])
    assert stored(db_path, ids["Lavrov"]) is None
    window.controller.undo_stack.undo()
    if start is None or isinstance(start, str):  # our CHECKs refuse the damaged row back
        assert stored(db_path, ids["Lavrov"]) is None
        assert len(errors) == 1 and errors[0].startswith("Undo ") and "failed" in errors[0]
        assert window.annotation_panel.model.rowCount() == 2
    else:
        assert stored(db_path, ids["Lavrov"])[0] == start
        assert errors == []
        assert window.annotation_panel.model.rowCount() == 3
