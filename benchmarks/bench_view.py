"""Article view benchmark (a script, not part of the test run).

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_view.py

A ~1 MB generated article (paragraphs of news-like words, some emoji and an
astral CJK character) with 20,000 annotations. Best of 3 for each:
(a) bare QTextBrowser: setPlainText(text) + show() + one forced repaint;
(b) ArticleView.show_article(article, 20k annotations) + show() + first paint;
(c) add_annotation(one visible span) + repaint, with 20,000 vs 10 present;
(d) paint a full viewport at 8 places never painted before, 20,000 tags vs 0 (wall time);
    and paired: 60 new places, each painted by both views in turn (CPU time);
(e) paging down 60 pages, the event loop run between pages, paired as (d) (no target).
Targets: (b)/(a) <= 2.0, (c20000)/(c10) <= 1.5, (d20000)/(d0) <= 1.3.

Measured 2026-12-03, 2 shared cores (other jobs running), runs of this script with
before (4f5925b) and after (branch paint) interleaved; median [range]:
                        (b)/(a)            (c) ratio          (d) ratio          (d) paired
  10 runs  before       2.12 [1.82-2.27]   1.19 [1.15-1.21]   1.79 [1.40-2.24]   1.83 [1.66-2.03]
           after        2.06 [1.97-2.78]   1.17 [1.13-1.20]   1.72 [0.93-2.46]   1.69 [1.60-1.88]
  12 runs  before       2.13 [2.00-2.37]   1.19 [1.16-1.25]   1.65 [0.98-1.86]   1.92 [1.69-1.96]
           after        2.14 [1.40-3.19]   1.18 [1.16-1.22]   1.48 [0.69-2.68]   1.84 [1.66-1.92]
Steadier, in one process: views without tags, with the old and with the new painting
code, each painted at the same 400 new places in rotating order: the new code saves
0.084-0.105 ms a paint (median, 3 runs), of ~1.2 ms that 20,000 tags add.
(d) CPU per paint, paired: no tags 1.2-1.8 ms, 20,000 tags 2.3-3.0 ms (~38 spans, ~47
rectangles in a viewport). The 1.3 target is NOT met. Where the extra ~1 ms goes, timed
inside the paint (medians of 400 new places, the layout finished):
  - the lines and spans in view (visible_spans): ~0.15 ms;
  - the rectangles: ~0.75 ms, of which ~0.3 ms is shaping the text that Qt's own drawing
    then skips (moved, not added), ~0.2 ms cursorToX itself (for each block met, Qt
    computes its text's break attributes anew, ~15 µs, which drawing never needs) and
    ~0.25 ms the line and block queries (each PySide call ~0.5-1 µs here);
  - drawing the marks: ~0.3 ms (date boxes ~0.14, claim fills ~0.11, underlines ~0.05;
    the claim fill is pixel work, a translucent blend under whole lines).
With every rectangle of a place computed before it is painted (what an idle precompute
would give), a paint there still costs 1.48-1.58x: drawing and finding the visible
spans alone exceed the 0.3x budget (~0.4 ms).

Measured 2026-12-03 (branch paint9), 2 shared cores, before (dc81223) and after run
alternately; median [range]:
  (d) paired, 5 alternating pairs     before 1.83 [1.77-1.87]   after 1.77 [1.65-1.81]
  (d) paired, 4 runs each             before 1.58 [1.55-1.61]   after 1.61 [1.60-1.81]
  (e) page down, per-page ratio       before 1.64 [1.60-1.88]   after 1.19 [1.17-1.21]
  (b)/(a)                             before 2.06 [1.89-2.11]   after 2.10 [1.98-2.49]
  (c) ratio                           before 1.16 [1.14-1.17]   after 1.18 [1.10-1.22]
(e) gains because the tags of the viewport below and above are found from the event
loop after a paint (HighlightLayer.warm_next) and Qt keeps the text that cursorToX
shaped until it draws it; (d) jumps far each time, where nothing was found ahead.
The cost: what Qt keeps for blocks found but not drawn; 400 far jumps through this
1 MB article grew the process by 30 MB against 13 MB before (at most the whole
text's shaping, ~37 MB a MB of text, measured with the layouts' cache on).
What else was tried for (d), in one process (views swapping roles every place, an
A/A run agreeing within 0.2%):
  - one painter instead of three: a QPainter begin + translate + end on the viewport
    costs ~2.5 us, so at most ~5 us of ~3 ms: not done (the caret, the selection, link
    focus and the placeholder would have to be drawn as QTextEdit does);
  - the marks' colours, brushes and pens made once per kind and theme, the claim
    brackets derived in one call each: timed alone 35 us less a paint (done; the same
    pixels); date boxes aliased, as 2 px frames of rectangles or as one path were not
    faster (the PySide call per box costs as much as Qt's antialiasing); an opaque
    claim fill saves ~8 us but overlapping claims would no longer darken;
  - QTextLine.glyphRuns instead of two cursorToX (no break attributes): 3-5% slower
    per place, and its rectangle leaves out a line's trailing space;
  - the layout's glyph cache kept (QTextLayout.setCacheEnabled on every block): +37 MB
    for 1 MB of text and the view without tags gains as much (1.73x);
  - REACH 0 instead of 12 px (not the same look at the edges): 2% at most.
Rectangles at a place found just before its paint: 1.15x. The rest at a new place is
shaping the text (which Qt then skips), break attributes and ~9 PySide calls a line.

So the view finds them ahead for the whole article (gui/article/sweep.py): after the
near bands, a viewport-high band a turn of the event loop, outward from the reading
place, once the reader has not painted for 150 ms. (d) now measures far jumps once
that work is done; the same before it is printed beside. Measured 2026-12-06, 2 shared
cores, 3 runs: (d) 1.06-1.15x, (d) paired 1.16-1.17x (CPU per paint 2.00-2.14 ms
without tags, 2.34-2.47 ms with 20,000); before the work 1.63-1.66x; the work itself
551-571 ms of CPU in ~560 steps (the worst step in the real window ~17 ms, with the
suggestions' thread holding the GIL). Memory: +52 MB for 1 MB of text with 20,000
tags, +77 MB with 50,000 (Qt's shaped text, kept until a block is drawn, and the
rectangles), so a sweep covers at most 1.5 MB of text around the reading place.
bench_suggest_window at 1 MB (46,545 suggestions), with the sweep and without it in
turn, 2 runs each: worker 2.50-2.60 s vs 2.52-2.55 s, worst event-loop gap 91-120 ms
vs 94-119 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QTextBrowser

from reader_app.domain.models import Annotation, AnnotationId, Article, ArticleId
from reader_app.domain.offsets import OffsetMap, text_sha256
from reader_app.gui.article.view import ArticleView

WORDS = (
    "the minister said on Thursday that talks with officials in Kyiv and Brussels would resume "
    "despite objections from the opposition government report according to a spokesman who "
    "asked not to be named because the negotiations were confidential sanctions ceasefire troops "
    "border drills Lavrov Blinken Scholz Macron NATO OSCE Zürich naïve café Київ 🇺🇦 😀 𠀀"
).split()
KINDS = ("claim", "actor", "date")
SIZE = (1000, 800)


def make_text(rng: random.Random, size: int) -> str:
    paragraphs, length = [], 0
    while length < size:
        p = " ".join(rng.choices(WORDS, k=rng.randint(40, 140))).capitalize() + "."
        paragraphs.append(p)
        length += len(p) + 2
    return "\n\n".join(paragraphs)


def make_annotations(
    rng: random.Random, text: str, count: int, first_id: int = 1
) -> list[Annotation]:
    starts = [i + 1 for i, ch in enumerate(text) if ch == " "]
    out = []
    for n in range(count):
        start = rng.choice(starts)
        end = start + 1
        for _ in range(rng.randint(1, 6)):
            nxt = text.find(" ", end + 1)
            end = nxt if nxt != -1 else len(text)
        out.append(annotation(first_id + n, rng.choice(KINDS), text, start, end))
    out.sort(key=lambda a: (a.start, -a.end, a.id))  # the order list_annotations returns
    return out


def annotation(ann_id: int, kind: str, text: str, start: int, end: int) -> Annotation:
    return Annotation(
        AnnotationId(ann_id),
        f"u{ann_id}",
        ArticleId(1),
        kind,
        start,
        end,
        text[start:end],
        "",
        "",
        None,
        None,
        None,
        "",
        "",
        "",
    )


def dispose(app: QApplication, widget) -> None:
    widget.close()
    widget.deleteLater()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()


def time_bare(app: QApplication, text: str) -> float:
    w = QTextBrowser()
    w.resize(*SIZE)
    t = time.perf_counter()
    w.setPlainText(text)
    w.show()
    app.processEvents()  # offscreen: the window is exposed (and first painted) here
    w.viewport().repaint()
    dt = time.perf_counter() - t
    dispose(app, w)
    return dt


def time_view(app: QApplication, article: Article, anns: list[Annotation]) -> float:
    v = ArticleView()
    v.resize(*SIZE)
    t = time.perf_counter()
    v.show_article(article, anns)
    v.show()
    app.processEvents()
    v.viewport().repaint()
    dt = time.perf_counter() - t
    dispose(app, v)
    return dt


def time_add(app: QApplication, article: Article, anns: list[Annotation], rounds: int) -> float:
    """Best time of add_annotation + repaint for a span in the first visible lines."""
    v = ArticleView()
    v.resize(*SIZE)
    v.show_article(article, anns)
    v.show()
    v.viewport().repaint()
    app.processEvents()
    best = float("inf")
    text = article.text
    for n in range(rounds):
        start = text.index(" ", 40 + 7 * n) + 1
        end = text.index(" ", start + 1)
        ann = annotation(10_000_000 + n, KINDS[n % 3], text, start, end)
        t = time.perf_counter()
        v.add_annotation(ann)
        v.viewport().repaint()
        best = min(best, time.perf_counter() - t)
    dispose(app, v)
    return best


def article_of(text: str) -> Article:
    return Article(
        ArticleId(1), "u", "Bench", "bench.txt", None, "en", text, text_sha256(text), "text", (), ""
    )


PAINT_PLACES = 8


def time_paint(app: QApplication, article: Article, anns: list[Annotation],
               settled: bool = False) -> float:
    """Painting PAINT_PLACES full viewports, each at a place not painted before; the
    layout is finished first, so this is painting. settled: once the view's idle work is
    done (the rectangles of every tag found ahead); else right after the layout, when no
    span there has its rectangles yet."""
    v = laid_out_view(app, article, anns, settled)
    bar = v.verticalScrollBar()
    total = 0.0
    for n in range(PAINT_PLACES):
        bar.setValue(bar.maximum() * (n + 1) // (PAINT_PLACES + 1))
        t = time.perf_counter()
        v.viewport().repaint()
        total += time.perf_counter() - t
        app.processEvents()
    dispose(app, v)
    return total


def laid_out_view(app: QApplication, article: Article, tags: list[Annotation],
                  settled: bool = False) -> ArticleView:
    """A shown view of the article with these tags, its whole layout finished; settled:
    and its idle work too (the tags' rectangles found ahead, see settle)."""
    v = ArticleView()
    v.resize(*SIZE)
    v.show_article(article, tags)
    v.show()
    app.processEvents()
    doc = v.document()
    doc.documentLayout().blockBoundingRect(doc.lastBlock())  # lay the whole text out
    app.processEvents()
    if settled:
        settle(app, v)
    return v


def settle(app: QApplication, v: ArticleView, limit: float = 60.0) -> tuple[float, float]:
    """Run the event loop until the view has found, in idle time, the rectangles of the
    article's tags (highlights.warm_next); (wall, CPU of this thread) it took."""
    v.viewport().repaint()  # a paint plans the work
    t, c = time.perf_counter(), time.thread_time()
    while v.idle_work_pending() and time.perf_counter() - t < limit:
        app.processEvents()
    return time.perf_counter() - t, time.thread_time() - c


def time_paint_paired(app: QApplication, article: Article, anns: list[Annotation],
                      places: int = 60, settled: bool = False) -> tuple[float, float, float]:
    """(d) again, steadier on a shared machine: two views side by side (no tags, anns),
    both scrolled to each of `places` new places and painted there one after the other
    (the order alternating), in CPU time of this thread. A busy moment then hits both
    sides of a pair alike. (CPU per paint without tags, with, median per-place ratio)."""
    views = [laid_out_view(app, article, tags, settled) for tags in ([], anns)]
    totals, ratios = [0.0, 0.0], []
    for n in range(places):
        for v in views:
            v.verticalScrollBar().setValue(v.verticalScrollBar().maximum() * (n + 1)
                                           // (places + 1))
        pair = [0.0, 0.0]
        for side in ((0, 1) if n % 2 else (1, 0)):
            t = time.thread_time()
            views[side].viewport().repaint()
            pair[side] = time.thread_time() - t
        app.processEvents()
        totals[0] += pair[0]
        totals[1] += pair[1]
        ratios.append(pair[1] / pair[0])
    for v in views:
        dispose(app, v)
    return totals[0] / places, totals[1] / places, statistics.median(ratios)


def time_page_paired(app: QApplication, article: Article, anns: list[Annotation],
                     pages: int = 60) -> tuple[float, float, float]:
    """(e) reading on: both views page down from a third of the way in, one page at a
    time, the event loop run between pages (what finds the page ahead in idle time
    gets its turn); each page painted by both views in turn, in CPU time of this
    thread. (CPU per paint without tags, with, median per-page ratio)."""
    views = [laid_out_view(app, article, tags) for tags in ([], anns)]
    start = views[0].verticalScrollBar().maximum() // 3
    cpu: list[list[float]] = [[], []]
    for n in range(pages):
        for v in views:
            bar = v.verticalScrollBar()
            bar.setValue(start + n * bar.pageStep())
        for side in ((0, 1) if n % 2 else (1, 0)):
            t = time.thread_time()
            views[side].viewport().repaint()
            cpu[side].append(time.thread_time() - t)
        for _ in range(4):
            app.processEvents()
    for v in views:
        dispose(app, v)
    return (statistics.mean(cpu[0]), statistics.mean(cpu[1]),
            statistics.median(b / a for a, b in zip(*cpu, strict=True)))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", type=int, default=1_000_000, help="article size in characters")
    parser.add_argument("--annotations", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    rng = random.Random(7)
    text = make_text(rng, args.size)
    article = article_of(text)
    many = make_annotations(rng, text, args.annotations)
    few = make_annotations(rng, text, 10, first_id=5_000_000)
    paragraphs = text.count("\n\n") + 1
    print(
        f"article: {len(text):,} characters, {paragraphs:,} paragraphs; {len(many):,} annotations"
    )

    time_bare(app, text)  # warm-up: fonts, glyph caches
    a_runs, b_runs = [], []
    for _ in range(args.repeat):  # interleaved, so both see the same machine load
        a_runs.append(time_bare(app, text))
        b_runs.append(time_view(app, article, many))
    a, b = min(a_runs), min(b_runs)
    omap = min(timed(OffsetMap, text) for _ in range(args.repeat))
    c_many = min(time_add(app, article, many, 10) for _ in range(args.repeat))
    c_few = min(time_add(app, article, few, 10) for _ in range(args.repeat))
    print(f"(a) QTextBrowser.setPlainText + show + paint   {a * 1000:8.1f} ms")
    print(f"(b) ArticleView.show_article + show + paint    {b * 1000:8.1f} ms", end="")
    print(f"   (b)/(a) = {b / a:.2f}  target <= 2.0")
    print(f"    of which OffsetMap(text)                   {omap * 1000:8.1f} ms")
    print(f"(c) add one + repaint, {len(many):>6} present      {c_many * 1000:8.2f} ms")
    print(f"(c) add one + repaint, {len(few):>6} present      {c_few * 1000:8.2f} ms", end="")
    print(f"   ratio = {c_many / c_few:.2f}  target <= 1.5")
    d_none, d_many = float("inf"), float("inf")
    for _ in range(args.repeat):  # interleaved
        d_none = min(d_none, time_paint(app, article, [], settled=True))
        d_many = min(d_many, time_paint(app, article, many, settled=True))
    print(f"(d) paint {PAINT_PLACES} viewports, no tags              {d_none * 1000:8.2f} ms")
    print(f"(d) paint {PAINT_PLACES} viewports, {len(many):>6} tags         {d_many * 1000:8.2f} ms",
          end="")
    print(f"   ratio = {d_many / d_none:.2f}  target <= 1.3")
    none_cpu, many_cpu, paired = time_paint_paired(app, article, many, settled=True)
    print(f"(d) paired, CPU per paint: no tags {none_cpu * 1000:.2f} ms,"
          f" {len(many)} tags {many_cpu * 1000:.2f} ms"
          f"   median per-place ratio = {paired:.2f}  target <= 1.3")
    v = laid_out_view(app, article, many)
    wall, cpu = settle(app, v)
    dispose(app, v)
    print(f"    the idle work before (d): every tag's rectangles found in {wall * 1000:.0f} ms,"
          f" {cpu * 1000:.0f} ms CPU, in steps between events")
    none_cpu, many_cpu, cold = time_paint_paired(app, article, many)
    print(f"(d) paired, before that work: no tags {none_cpu * 1000:.2f} ms,"
          f" {len(many)} tags {many_cpu * 1000:.2f} ms   ratio = {cold:.2f}  (no target)")
    none_cpu, many_cpu, paged = time_page_paired(app, article, many)
    print(f"(e) page down, CPU per paint: no tags {none_cpu * 1000:.2f} ms,"
          f" {len(many)} tags {many_cpu * 1000:.2f} ms   median per-page ratio = {paged:.2f}")
    ok = b / a <= 2.0 and c_many / c_few <= 1.5 and d_many / d_none <= 1.3 and paired <= 1.3
    print("targets met" if ok else "TARGETS MISSED")


def timed(func, *args) -> float:
    t = time.perf_counter()
    func(*args)
    return time.perf_counter() - t


if __name__ == "__main__":
    main()
