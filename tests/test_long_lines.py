"""A very long line without spaces shows in near-linear time, and tags inside it are exact.

Qt lays out a line without a break opportunity in quadratic time when it wraps at word
boundaries (issue 7: 0.125 MB 2.2 s, 0.25 MB 9.9 s, 0.5 MB 36 s). Ratios, not seconds:
4x the text must take well under 16x (quadratic) the time.
"""

from __future__ import annotations

import time

from gui_helpers import open_window, select
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QApplication

from reader_app.domain.models import Article, ArticleId, ImportedArticle
from reader_app.domain.offsets import text_sha256
from reader_app.gui.article.document import has_long_run, text_option
from reader_app.gui.article.view import ArticleView
from reader_app.storage.articles import add_article
from reader_app.storage.database import open_library

SMALL, LARGE = 25_000, 100_000


def article(text: str) -> Article:
    return Article(ArticleId(1), "u", "Long", "long.txt", None, None, text, text_sha256(text),
                   "text", (), "")


def long_text(n: int) -> str:
    return "Dateline.\n" + "x" * n + "\nThe end.\n"


def shown_in(view: ArticleView, text: str) -> float:
    """CPU seconds of this thread (where Qt lays out) to show text and paint it once: other
    processes on a busy machine do not count."""
    start = time.thread_time()
    view.show_article(article(text), [])
    QApplication.processEvents()
    view.viewport().repaint()
    return time.thread_time() - start


def test_long_unbroken_line_shows_in_near_linear_time(qtbot):
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    shown_in(view, long_text(2_000))  # warm up fonts and caches
    small = large = float("inf")
    for _ in range(3):  # interleaved, best of three each
        small = min(small, shown_in(view, long_text(SMALL)))
        large = min(large, shown_in(view, long_text(LARGE)))
    ratio = large / max(small, 1e-3)
    assert ratio < 8, f"{LARGE} chars took {ratio:.1f}x the time of {SMALL} (linear 4, quadratic 16)"
    assert view.wordWrapMode() == QTextOption.WrapMode.WrapAnywhere


def test_ordinary_text_still_wraps_at_word_boundaries(qtbot):
    assert not has_long_run("word " * 10_000)
    assert text_option("word " * 10_000).wrapMode() == QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
    assert has_long_run("a " + "x" * 1000)
    assert has_long_run("\u00a0" * 1000)  # no-break spaces give no place to wrap either
    view = ArticleView()
    qtbot.addWidget(view)
    view.show_article(article("Some words in a short article.\n"), [])
    assert view.wordWrapMode() == QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere


def test_tag_inside_a_long_line_stores_the_right_quote(qtbot, db_path):
    # 0.3 MB without a space (a URL-like run: words joined by "/"), astral characters inside
    line = "/".join(f"seg{i}" for i in range(40_000))
    middle = line.index("seg20000")
    line = line[:middle] + "😀𠀀/" + line[middle:]
    text = "Dateline 2022-02-09.\n" + line + "\nEnd.\n"
    assert len(line) > 300_000 and has_long_run(text)
    db = open_library(db_path)
    try:
        add_article(db, ImportedArticle(title="One long line", text=text, source="long.txt"))
    finally:
        db.close()
    start = time.perf_counter()
    window = open_window(qtbot, db_path)
    qtbot.waitUntil(lambda: window.controller.current_article is not None, timeout=10_000)
    assert time.perf_counter() - start < 20  # was minutes
    first = text.index("seg20000")
    select(window, first + 1, first + len("seg20000/seg2000") - 1)  # snapped to whole words
    assert window.view.selected_span() == (first, first + len("seg20000/seg20001"))
    window.tag_selection("claim")
    (ann,) = window.controller.annotations()
    assert ann.quote == "seg20000/seg20001" == text[ann.start:ann.end]
    emoji = text.index("😀")
    select(window, emoji, emoji + 2)  # two code points, three UTF-16 units
    window.tag_selection("actor")
    actor = next(a for a in window.controller.annotations() if a.kind == "actor")
    assert actor.quote == "😀𠀀" == text[actor.start:actor.end]
    window.view.reveal_annotation(ann.id)
    window.view.viewport().repaint()
    assert window.view.highlighted_ids(first, first + 1) == [ann.id]
    assert window.view.highlighted_ids(emoji, emoji + 1) == [actor.id]
