"""Opening an article reads spans, not rows: the same tags, the same flags, far less read.

list_spans must agree with list_annotations on every library, tampered ones included;
the tag table reads full rows only for the rows the view shows; a damaged tag among
50,000 is still flagged and never drawn where its quote no longer is.
"""

from __future__ import annotations

import json
import re

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QTextDocument
from test_hostile_library import TEXT, build, drop_constraints, reopen, tamper

from reader_app.domain.models import ImportedArticle
from reader_app.domain.offsets import OffsetMap
from reader_app.gui.article.document import has_rtl, line_pieces
from reader_app.gui.lists.annotation_model import DAMAGED_MARK, PAGE, QUOTE, AnnotationModel
from reader_app.storage.annotations import list_annotations, list_spans, span_of
from reader_app.storage.articles import add_article
from reader_app.storage.database import open_library


def agree(db, article_id):
    spans, damaged = list_spans(db, article_id)
    full = list_annotations(db, article_id)
    assert spans == [span_of(a) for a in full]
    assert damaged == [a for a in full if a.damage is not None]
    return spans, damaged


@pytest.mark.parametrize(("sql", "params"), [
    ("UPDATE annotations SET start = ? WHERE id = ?", ["abc", "Kuleba"]),
    ("UPDATE annotations SET start = ? WHERE id = ?", [2.5, "Kuleba"]),
    ("UPDATE annotations SET start = ? WHERE id = ?", [-3, "Kuleba"]),
    ("UPDATE annotations SET start = ? WHERE id = ?", [10**6, "Kuleba"]),
    ("UPDATE annotations SET start = ? WHERE id = ?", [None, "Kuleba"]),
    ("UPDATE annotations SET start = ?, \"end\" = ? WHERE id = ?", [9, 3, "Lavrov"]),
    ("UPDATE annotations SET quote = ? WHERE id = ?", [42, "Lavrov"]),
    ("UPDATE annotations SET quote = ? WHERE id = ?", [None, "Lavrov"]),
    ("UPDATE annotations SET quote = ? WHERE id = ?", ["Kyiv", "Lavrov"]),  # moved
    ("UPDATE annotations SET quote = upper(quote) WHERE id = ?", ["Lavrov"]),  # same length
    ("UPDATE annotations SET quote = CAST(quote AS BLOB) WHERE id = ?", ["Lavrov"]),
    ("UPDATE annotations SET kind = ? WHERE id = ?", [7, "Kuleba"]),
    ("UPDATE annotations SET kind = ? WHERE id = ?", [None, "Kuleba"]),
    ("UPDATE annotations SET quote = 'the drills', prefix = '', suffix = '' WHERE id = ?",
     ["the drills were a threat"]),  # found twice: not placed
])
def test_spans_agree_with_full_rows_on_a_tampered_library(db_path, sql, params):
    article_id, ids = build(db_path)
    drop_constraints(db_path)
    params = [ids.get(p, p) if isinstance(p, str) else p for p in params]
    tamper(db_path, sql, params=params)
    db = reopen(db_path)
    try:
        spans, damaged = agree(db, article_id)
    finally:
        db.close()
    assert len(spans) == 3 and all(type(s[3]) is str for s in spans)
    if "kind" not in sql:  # a kind of the wrong type is made text, not flagged
        assert damaged and all(a.damage is not None for a in damaged)


def test_spans_of_a_sound_library_need_no_second_read(db):
    article = add_article(db, ImportedArticle("Drills", TEXT, "drills.txt"))
    statements = []
    db.conn.set_trace_callback(statements.append)
    spans, damaged = list_spans(db, article.article_id)
    db.conn.set_trace_callback(None)
    assert (spans, damaged) == ([], [])
    assert len(statements) == 2  # the text, the spans


def test_spans_come_in_table_order_from_the_index_without_a_sort(db):
    """Ties on start: the longer first, then by id; SQLite hands them over in that order
    (idx_annotations_order), with no temporary B-tree and no sort in Python."""
    from reader_app.storage.annotations import add_annotation, span_key

    article_id = add_article(db, ImportedArticle("Ties", TEXT, "ties.txt")).article_id
    for start, end in [(4, 9), (0, 3), (4, 20), (4, 9), (0, 12), (30, 33), (4, 20)]:
        add_annotation(db, article_id, "claim", start, end)
    statements = []
    db.conn.set_trace_callback(statements.append)
    spans, _ = list_spans(db, article_id)
    db.conn.set_trace_callback(None)
    assert spans == sorted(spans, key=span_key)
    assert [(s[0], s[1]) for s in spans] == [(0, 12), (0, 3), (4, 20), (4, 20), (4, 9), (4, 9),
                                             (30, 33)]
    sql = next(s for s in statements if "quote FROM annotations" in s)
    plan = " ".join(str(r[-1]) for r in db.execute("EXPLAIN QUERY PLAN " + sql))
    assert "idx_annotations_order" in plan and "TEMP B-TREE" not in plan, plan


MANY = 50_000


def many_tags(db_path, count=MANY):
    """One article with `count` claims on its words; (article id, text, the ids in order)."""
    words = " ".join(f"w{i:05d}" for i in range(count))
    db = open_library(db_path)
    try:
        article_id = add_article(db, ImportedArticle("Many", words, "many.txt")).article_id
        sha = db.execute("SELECT sha256 FROM articles WHERE id = ?", [article_id]).fetchone()[0]
        rows = [(f"u{i}", article_id, "claim", 7 * i, 7 * i + 6, words[7 * i:7 * i + 6], "",
                 "", "now", "now", sha) for i in range(count)]
        with db.atomic():
            db.conn.executemany(
                'INSERT INTO annotations (uuid, article_id, kind, start, "end", quote, prefix,'
                " suffix, created_at, updated_at, text_sha256) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                rows)
        ids = [r[0] for r in db.execute(
            'SELECT id FROM annotations ORDER BY start').fetchall()]
        return article_id, words, ids
    finally:
        db.close()


def test_a_damaged_tag_among_50000_is_flagged_and_not_drawn(qtbot, db_path, make_ctrl):
    from reader_app.gui.article.view import ArticleView

    article_id, words, ids = many_tags(db_path)
    victim = ids[MANY // 2]
    tamper(db_path, "UPDATE annotations SET quote = 'nowhere at all' WHERE id = ?",
           params=[victim])
    ctrl = make_ctrl(article_id)
    assert ctrl.current_damaged == []  # it lies beyond the top that opening reads
    ctrl.complete_spans()
    assert [a.id for a in ctrl.current_damaged] == [victim]
    model = AnnotationModel(ctrl)
    row = model.row_of(victim)
    assert row >= 0
    assert model.index(row, QUOTE).data().startswith(DAMAGED_MARK)
    assert not model.index(row + 1, QUOTE).data().startswith(DAMAGED_MARK)
    view = ArticleView()
    qtbot.addWidget(view)
    view.show_article(ctrl.current_article, ctrl.current_spans)
    start = 7 * (MANY // 2)
    assert victim not in view.highlighted_ids(start, start + 6)  # drawn nowhere
    assert ids[MANY // 2 + 1] in view.highlighted_ids(start + 7, start + 13)


def test_the_tag_table_reads_only_the_rows_it_shows(qtbot, window):
    """With 5,000 tags, opening the article and showing the table reads a page or two of
    full rows, not 5,000; scrolling to the end reads the page there."""
    article_id, _, ids = many_tags(window.controller.db_path, 5_000)
    db = window.controller.db
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    try:
        window.controller.open_article(article_id)
        table = window.annotation_panel.table
        qtbot.waitUntil(lambda: table.model().rowCount() == 5_000)
        table.viewport().repaint()
        read = full_rows_read(statements)
        assert 0 < len(read) <= 2 * PAGE
        statements.clear()
        table.scrollToBottom()
        table.viewport().repaint()
        read = full_rows_read(statements)
        assert ids[-1] in read and len(read) <= 2 * PAGE
    finally:
        db.conn.set_trace_callback(None)


def full_rows_read(statements: list[str]) -> set[int]:
    """Ids of the annotation rows read whole (all columns) by these statements."""
    read: set[int] = set()
    for sql in statements:
        if '"uuid"' not in sql or "FROM annotations" not in sql:
            continue
        found = re.search(r"json_each\('(\[[^']*\])'\)", sql)
        assert found is not None, f"a full read that is not by id: {sql[:200]}"
        read |= set(json.loads(found.group(1)))
    return read


def test_the_lazy_tag_model_passes_the_model_tester(qtmodeltester, db_path, make_ctrl):
    article_id, _, ids = many_tags(db_path, 3 * PAGE + 7)
    ctrl = make_ctrl(article_id)
    model = AnnotationModel(ctrl)
    qtmodeltester.check(model)
    model.set_kind_filter("claim")
    qtmodeltester.check(model)
    ctrl.delete_annotation(ids[PAGE + 3])
    ctrl.undo_stack.undo()
    assert model.row_of(ids[PAGE + 3]) == PAGE + 3
    qtmodeltester.check(model)


def test_long_runs_are_found_wherever_they_lie():
    from reader_app.gui.article.document import _LONG_RUN, LONG_RUN, has_long_run

    rng = __import__("random").Random(3)
    for _ in range(300):
        parts = []
        for _ in range(rng.randint(1, 8)):
            parts.append(rng.choice([" ", "\n", "\t", "\u00a0", "x", "é"]) *
                         rng.choice([1, 2, 499, 500, 501, LONG_RUN - 1, LONG_RUN, 1500]))
        text = "".join(parts)
        assert has_long_run(text) == (_LONG_RUN.search(text) is not None), [len(p) for p in parts]


def test_spans_on_the_same_start_come_longest_first_then_by_id(db):
    from reader_app.storage.annotations import add_annotation

    article_id = add_article(db, ImportedArticle("Drills", TEXT, "drills.txt")).article_id
    start = TEXT.index("the drills were")
    for end, kind in ((10, "claim"), (24, "claim"), (10, "actor"), (4, "date"), (24, "date")):
        add_annotation(db, article_id, kind, start, start + end)
    add_annotation(db, article_id, "actor", 0, 4)
    spans, _ = agree(db, article_id)
    assert [(s[1] - s[0], s[3]) for s in spans[1:]] == [
        (24, "claim"), (24, "date"), (10, "claim"), (10, "actor"), (4, "date")]


def test_cached_line_geometry_draws_where_qt_says(qtbot):
    """Rectangles from the per-block line cache equal those asked of Qt span by span:
    across paragraphs, wrapped lines, right-to-left runs, emoji and CRLF."""
    import random

    from test_article_view import make_article

    from reader_app.gui.article.geometry import Geometry
    from reader_app.gui.article.view import ArticleView

    rng = random.Random(5)
    words = ["Kyiv", "said", "שלום", "עולם", "🇺🇦", "drills", "مرحبا", "x" * 30, "end.\r\n",
             "\n\n", "Lavrov"]
    text = " ".join(rng.choice(words) for _ in range(3000))
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show_article(make_article(text), [])
    view.show()
    doc = view.document()
    doc.documentLayout().blockBoundingRect(doc.lastBlock())  # every block laid out
    geometry = Geometry(doc, view.offset_map)
    for _ in range(400):
        start = rng.randrange(len(text) - 1)
        end = min(len(text), start + rng.choice([1, 5, 40, 300, 2000]))
        cached, complete = geometry.span_rects(start, end)
        asked, _ = span_rects(doc, view.offset_map, start, end)
        assert complete and cached == asked, (start, end)


def span_rects(
    doc: QTextDocument, omap: OffsetMap, start: int, end: int,
    bidi_blocks: dict[int, bool] | None = None,
) -> tuple[list[QRectF], bool]:
    """The per-span geometry the view used before geometry.py (kept here as the
    reference the cached one must agree with). Document-coordinate rectangles covering text[start:end], one per visual
    piece of each line, and whether every block involved was laid out (else the
    caller must not cache them). bidi_blocks caches, by block number, whether a
    block holds right-to-left text (a paint asks for dozens of spans per block)."""
    u0, u1 = omap.to_utf16(start), omap.to_utf16(end)
    rects: list[QRectF] = []
    complete = True
    block = doc.findBlock(u0)
    while block.isValid() and block.position() < u1:
        pos = block.position()
        a, b = max(u0, pos) - pos, min(u1, pos + block.length() - 1) - pos
        layout = block.layout()
        if a < b and not layout.lineCount():
            doc.documentLayout().blockBoundingRect(block)  # lays the block out (lazy layout)
            complete = complete and layout.lineCount() > 0
        if a < b and layout.lineCount():
            origin = layout.position()
            number = block.blockNumber()
            bidi = bidi_blocks.get(number) if bidi_blocks is not None else None
            if bidi is None:
                bidi = has_rtl(block.text())
                if bidi_blocks is not None:
                    bidi_blocks[number] = bidi
            first = max(layout.lineForTextPosition(a).lineNumber(), 0)
            last = layout.lineForTextPosition(b).lineNumber()
            for n in range(first, (last if last >= 0 else layout.lineCount() - 1) + 1):
                line = layout.lineAt(n)
                la = max(a, line.textStart())
                lb = min(b, line.textStart() + line.textLength())
                if la < lb:
                    top = origin.y() + line.y()
                    for x1, x2 in line_pieces(layout, line, la, lb, bidi):
                        rects.append(QRectF(origin.x() + x1, top, x2 - x1, line.height()))
        block = block.next()
    return rects, complete
