"""Spike (issue 8): can Qt draw the tag marks itself, as part of its text drawing?

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_paint_formats.py
    QT_QPA_PLATFORM=offscreen python benchmarks/bench_paint_formats.py --shots /tmp

The article and 20,000 tags of bench_view.py. Ways of drawing the marks, each against
a view without tags in the same run:
  painter  today's ArticleView: rectangles from cursorToX, drawn by QPainter in Python;
  formats  every block's QTextLayout given format ranges (QTextLayout.setFormats: claim
           a background, actor an underline, date a wave underline, own codes a wash and
           an overline, suggestions a dotted underline) before the document is set;
  first    the same, but only the first 40 blocks before the document is set, the rest
           from the event loop in chunks (150 blocks, then twice the last each turn) that
           keep ahead of Qt's lazy layout; a block Qt laid out first is laid out again
           with its old line widths and places (set_formats_kept);
  lazy     the ranges given to a block when it first comes into view (set_formats_kept);
  extra    QTextEdit.setExtraSelections with the tags of the visible lines, set before
           each paint (Qt draws each as a selection over the text);
  hybrid   Qt draws claims and actors, the painter the date boxes;
  collide  Qt draws what it can draw apart, the painter the spans whose marks Qt would
           merge (collisions(): two underlines on the same text, two fills that overlap
           or touch), 6,859 of the 20,000 here;
  floor    Qt draws 99 tags in 100, the painter the rest: the least any hybrid costs.
(d) paired: 60 new places; at each, all views are scrolled there and painted one after
the other in rotating order, in CPU time of this thread (a busy moment hits all alike);
per place the ratio to the view without tags, median over the places.
(b) open + show + first paint, best of 3, against a bare QTextBrowser.setPlainText.

Measured 2026-12-03, 2 shared cores (5 other helpers), 6 runs; median [range]:
             (b)/(a)             (d) paired ratio    CPU per paint
  none                           1.00                1.42 ms [1.37-1.47]
  painter    1.65 [1.57-1.66]    1.50 [1.48-1.54]    2.12 ms
  formats    4.25 [4.10-4.39]    1.23 [1.21-1.27]    1.73 ms
  first      1.72 [1.65-1.80]    1.21 [1.19-1.23]    1.70 ms  + 79 ms [71-83] CPU after
  lazy       1.75 [1.71-1.85]    2.27 [2.25-2.29]    3.35 ms
  extra      1.75 [1.69-1.84]    3.15 [3.10-3.20]    4.55 ms
  hybrid                         1.51 [1.45-1.55]    2.09 ms
  collide                        1.43 [1.41-1.47]    2.02 ms
  floor                          1.29 [1.27-1.32]    1.81 ms
(a) 27.9 ms [26.7-29.3]. With a dashed instead of a wave underline for dates, formats
and first paint at 1.14-1.19 (earlier runs): Qt's wave costs a little more.

Why each costs what it does:
  - QTextLayout.setFormats drops the block's lines (QTextEngine invalidate +
    clearLineData; lineCount 8 -> 0, checked): ranges must be given before Qt lays a
    block out, or the block laid out again. Telling Qt (markContentsDirty, what
    QSyntaxHighlighter does) costs 0.5-3.2 ms a block, it walks every block after it;
    54 blocks in one edit block cost 143 ms. Laying the block's lines out again
    ourselves with their old widths and places costs ~0.2 ms a block (lazy: ~4 blocks
    at each new place double a paint).
  - formats: ~73 ms of Python for 20,800 FormatRanges (a SpanIndex walk per block, a
    FormatRange and three attributes per range, setFormats) -- at open, 4.25x.
  - first: the same work after the first paint, in 5 turns of the event loop (the
    last two ~30 ms each); kept ahead of Qt's lazy layout (whose steps double too), no
    block was laid out twice. With fixed 150-block chunks Qt overtook at block ~1,540 (1,213 blocks
    laid out again, 331 ms).
  - extra: for each selection on each line Qt builds a clip region and runs the line's
    drawing again (text suppressed): ~40 selections add ~3 ms.
  - hybrids: any painting by Python costs the painter's fixed part (the lines and spans
    in view, two QPainters, ~0.12-0.15 ms, floor) plus rectangles for what it draws.

The look (--shots: paint8_before.png, paint8_after.png; the selected tag, the current
suggestion and find matches left to the painter in "after"). Qt's format ranges draw a
fill and ONE underline per character (six styles, 1 px: the font's line thickness,
QTextFormat has no thickness), an overline only in the text's colour, and no boxes:
  - the actor's 3 px underline becomes a 1 px line (it reads like a link);
  - the date's box becomes a wave (or dashed) underline, close to a suggestion's dots;
  - claims lose their end brackets: touching claims merge into one fill, overlapping
    ones no longer darken; overlapping actors share one underline (no lanes);
  - an actor over a date (or a suggestion over a tag): one underline wins and the other
    tag is not drawn at all (the shot: the date "to named that" vanishes);
  - an own code's coloured top bar becomes a black overline.
So "first" meets (d) <= 1.3 and (b) <= 2.0 but cannot show every kind distinctly, and
every hybrid that keeps the look costs 1.43-1.51x (floor 1.29): not implemented.
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
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_view import (
    SIZE,
    article_of,
    dispose,
    make_annotations,
    make_text,
    time_bare,
)
from PySide6.QtCore import QPoint
from PySide6.QtGui import (
    QColor,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextLayout,
)
from PySide6.QtWidgets import QApplication, QTextEdit

from reader_app.domain.offsets import OffsetMap
from reader_app.domain.suggestions import Suggestion
from reader_app.gui.article.document import build_document
from reader_app.gui.article.highlights import SpanIndex
from reader_app.gui.article.view import ArticleView
from reader_app.gui.shared.colours import colours
from reader_app.gui.shared.palette import kind_colour


def kind_formats(dark: bool, date_style: str = "wave") -> dict[str, QTextCharFormat]:
    """One shared format per kind: what Qt can draw (fills and underline styles). Own
    codes ("code:...") a wash and an overline (drawn in the text's colour: Qt has no
    overline colour); suggestions ("s:" + kind) a dotted underline."""
    t = colours(dark)
    claim = QTextCharFormat()
    fill = kind_colour("claim", dark)
    fill.setAlpha(t.claim_alpha)
    claim.setBackground(fill)
    actor = QTextCharFormat()
    actor.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    actor.setUnderlineColor(kind_colour("actor", dark))
    date = QTextCharFormat()
    date.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline if date_style == "wave"
                           else QTextCharFormat.UnderlineStyle.DashUnderline)
    date.setUnderlineColor(kind_colour("date", dark))
    found = {"claim": claim, "actor": actor, "date": date}
    for kind in ("code:alpha", "code:beta"):
        own = QTextCharFormat()
        wash = kind_colour(kind, dark)
        wash.setAlpha(t.own_wash_alpha)
        own.setBackground(wash)
        own.setFontOverline(True)
        found[kind] = own
    for kind in ("claim", "actor", "date"):
        suggested = QTextCharFormat()
        suggested.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        suggested.setUnderlineColor(QColor(*t.suggestion[kind]))
        found["s:" + kind] = suggested
    return found


FIRST_BLOCKS = 40  # Qt lays out ~15 at open (1000 x 800)


def block_ranges(doc: QTextDocument, omap: OffsetMap, spans: list,
                 formats: dict[str, QTextCharFormat]) -> dict[int, list]:
    """Format ranges per block number (block positions), for spans in text order."""
    ends = []  # (block position, block end) of every block, in order
    block = doc.begin()
    while block.isValid():
        ends.append((block.position(), block.position() + block.length() - 1))
        block = block.next()
    out: dict[int, list] = {}
    to16 = omap.to_utf16
    b = 0
    for start, end, _, kind, _ in sorted(spans):
        u0, u1 = to16(start), to16(end)
        while b < len(ends) and ends[b][1] < u0:
            b += 1
        n = b
        while n < len(ends) and ends[n][0] < u1:
            pos, bend = ends[n]
            a, z = max(u0, pos), min(u1, bend)
            if a < z:
                r = QTextLayout.FormatRange()
                r.start, r.length, r.format = a - pos, z - a, formats.get(kind, formats["date"])
                out.setdefault(n, []).append(r)
            n += 1
    return out


def apply_all(doc: QTextDocument, ranges: dict[int, list]) -> None:
    for n, items in ranges.items():
        doc.findBlockByNumber(n).layout().setFormats(items)


def set_formats_kept(layout: QTextLayout, items: list) -> None:
    """setFormats on a laid-out block, its lines laid out again as Qt had them (the same
    widths and places: formats that only colour change no metrics), so the document's
    layout need not be told (markContentsDirty walks every block after this one)."""
    old = []
    for n in range(layout.lineCount()):
        line = layout.lineAt(n)
        old.append((line.width(), line.position(), line.textLength(), line.leadingIncluded()))
    layout.setFormats(items)
    layout.beginLayout()
    for width, pos, length, leading in old:
        line = layout.createLine()
        line.setLeadingIncluded(leading)
        line.setLineWidth(width)
        line.setPosition(pos)
        assert line.textLength() == length, "the lines broke elsewhere"
    layout.endLayout()


class Background:
    """The format ranges given block by block, in text order: the first blocks (those Qt
    lays out at open) before the document is set, the rest in chunks from the event loop.
    A block Qt laid out before its turn is laid out anew (setFormats drops its lines):
    those are marked dirty together, in one edit block, so Qt re-lays them out once."""

    CHUNK = 150  # blocks in the first turn of the event loop (~3.5 ms)

    def __init__(self, doc: QTextDocument, omap: OffsetMap, spans: list) -> None:
        self.doc, self.omap = doc, omap
        self.index = SpanIndex(spans)  # the view's layer holds one anyway
        self.formats = kind_formats(False)
        self.next = 0
        self.relaid = 0
        self.own_layout = True  # False: Qt is told (markContentsDirty), as QSyntaxHighlighter
        self.cpu = 0.0

    def run(self, blocks: int) -> bool:
        """Format the next `blocks` blocks; False when all are done."""
        t = time.thread_time()
        doc = self.doc
        block = doc.findBlockByNumber(self.next)
        dirty: list[tuple[int, int]] = []
        for _ in range(blocks):
            if not block.isValid():
                break
            items = self.ranges_of(block)
            if items:
                layout = block.layout()
                if not layout.lineCount():
                    layout.setFormats(items)
                elif self.own_layout:
                    self.relaid += 1
                    set_formats_kept(layout, items)
                else:
                    dirty.append((block.position(), block.length()))
                    layout.setFormats(items)
            self.next += 1
            block = block.next()
        if dirty:
            self.relaid += len(dirty)
            cursor = QTextCursor(doc)
            cursor.beginEditBlock()
            for pos, length in dirty:
                doc.markContentsDirty(pos, length)
            cursor.endEditBlock()
        self.cpu += time.thread_time() - t
        return block.isValid()

    def ranges_of(self, block) -> list:
        pos = block.position()
        end = pos + block.length() - 1
        omap, formats = self.omap, self.formats
        to16 = omap.to_utf16
        out = []
        for start, stop, _, kind, _ in self.index.overlapping(omap.to_code_point(pos),
                                                               omap.to_code_point(end)):
            a, z = max(to16(start), pos), min(to16(stop), end)
            if a < z:
                r = QTextLayout.FormatRange()
                r.start, r.length, r.format = a - pos, z - a, formats.get(kind, formats["date"])
                out.append(r)
        return out

    def finish(self, app: QApplication) -> None:
        """Run the chunks from the event loop as the view would, until all are done; each
        twice the last, to keep ahead of Qt's lazy layout (its steps double too)."""
        chunk = self.CHUNK
        while self.run(chunk):
            app.processEvents()
            chunk *= 2


def collisions(spans: list) -> set[int]:
    """Ids of the spans whose marks Qt's formats would merge: two underlines (actor, date)
    on the same text, two fills (claims, own codes) overlapping or touching (one fill
    then, no edge between them). Drawn as today by the painter in 'collide'."""
    found: set[int] = set()
    open_by_class: dict[str, list] = {"line": [], "fill": []}
    for start, end, ann_id, kind, _ in sorted(spans):
        cls = "line" if kind in ("actor", "date") else "fill"
        live = [s for s in open_by_class[cls] if s[1] > start or (cls == "fill" and s[1] == start)]
        if live:
            found.add(ann_id)
            found.update(s[2] for s in live)
        live.append((start, end, ann_id))
        open_by_class[cls] = live
    return found


def open_view(article, spans, mode: str) -> ArticleView:
    """An ArticleView opened as show_article does; mode 'formats': every block gets its
    format ranges before the document is set (laid out); else no tags in the layer."""
    v = ArticleView()
    v.resize(*SIZE)
    if mode == "painter":
        v.show_article(article, spans)
        return v
    if mode not in ("formats", "first", "hybrid", "collide", "floor"):
        v.show_article(article, [])
        return v
    v.article = article
    v.offset_map = OffsetMap(article.text)
    doc, _ = build_document(article, v, v.font(), v.palette(), v.offset_map)
    painted = []
    if mode == "formats":
        apply_all(doc, block_ranges(doc, v.offset_map, spans, kind_formats(False)))
    elif mode == "hybrid":  # Qt: claim fills and actor underlines; Python: the date boxes
        painted = [s for s in spans if s[3] == "date"]
        Background(doc, v.offset_map, [s for s in spans if s[3] != "date"]).run(10**6)
    elif mode == "collide":  # Qt: what it can draw apart; Python: the rest, as today
        ids = collisions(spans)
        painted = [s for s in spans if s[2] in ids]
        Background(doc, v.offset_map, [s for s in spans if s[2] not in ids]).run(10**6)
    elif mode == "floor":  # a hybrid's least: 1 span in 100 left to the painter
        painted = spans[::100]
        Background(doc, v.offset_map, [s for s in spans if s not in painted]).run(10**6)
    else:
        v.background = Background(doc, v.offset_map, spans)
        v.background.run(FIRST_BLOCKS)
    v._layer.reset(doc, v.offset_map, painted)
    v._replace_document(doc)
    return v


class Lazy:
    """Format ranges given to a block the first time it is in view (its lines laid out
    anew by set_formats_kept), nothing in the background."""

    def __init__(self, view: ArticleView, spans: list) -> None:
        self.view = view
        self.ranges = Background(view.document(), view.offset_map, spans)
        self.done: set[int] = set()

    def prepare(self) -> None:
        v = self.view
        doc = v.document()
        top = v.cursorForPosition(QPoint(0, 0)).block().blockNumber()
        bottom = v.cursorForPosition(QPoint(v.viewport().width(), v.viewport().height()))
        for n in range(max(0, top - 1), bottom.block().blockNumber() + 2):
            if n in self.done:
                continue
            self.done.add(n)
            items = self.ranges.ranges_of(doc.findBlockByNumber(n))
            if items:
                set_formats_kept(doc.findBlockByNumber(n).layout(), items)


class Extra:
    """The visible lines' tags as extra selections, set before each paint."""

    def __init__(self, view: ArticleView, spans: list) -> None:
        self.view = view
        self.index = SpanIndex(spans)
        self.formats = kind_formats(False)

    def prepare(self) -> None:
        v = self.view
        omap = v.offset_map
        vp = v.viewport()
        first = v.cursorForPosition(QPoint(0, 0)).position()
        last = v.cursorForPosition(QPoint(vp.width(), vp.height())).position()
        doc = v.document()
        selections = []
        for start, end, _, kind, _ in self.index.overlapping(omap.to_code_point(first),
                                                             omap.to_code_point(last) + 1):
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(doc)
            cursor.setPosition(omap.to_utf16(start))
            cursor.setPosition(omap.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            sel.format = self.formats.get(kind, self.formats["date"])
            selections.append(sel)
        v.setExtraSelections(selections)


def laid_out(app: QApplication, v: ArticleView) -> None:
    v.show()
    app.processEvents()
    doc = v.document()
    doc.documentLayout().blockBoundingRect(doc.lastBlock())
    app.processEvents()


def paired(app: QApplication, article, spans, places: int) -> dict[str, tuple[float, float]]:
    """Per variant: (median per-place CPU ratio to 'none', CPU per paint in ms)."""
    names = ["none", "painter", "formats", "first", "lazy", "extra", "hybrid", "collide",
             "floor"]
    views = {n: open_view(article, spans, n) for n in names}
    views["first"].show()
    app.processEvents()
    views["first"].background.finish(app)
    bg = views["first"].background
    print(f"    first: background formatting {bg.cpu * 1000:.1f} ms CPU in all,"
          f" {bg.relaid} blocks laid out anew (Qt was there first)")
    for v in views.values():
        laid_out(app, v)
    prep = {"lazy": Lazy(views["lazy"], spans), "extra": Extra(views["extra"], spans)}
    cpu: dict[str, list[float]] = {n: [] for n in names}
    for p in range(places):
        for v in views.values():
            bar = v.verticalScrollBar()
            bar.setValue(bar.maximum() * (p + 1) // (places + 1))
        app.processEvents()
        order = names[p % len(names):] + names[:p % len(names)]
        for n in order:
            t = time.thread_time()
            if n in prep:
                prep[n].prepare()  # its cost belongs to the paint
            views[n].viewport().repaint()
            cpu[n].append(time.thread_time() - t)
        app.processEvents()
    for v in views.values():
        dispose(app, v)
    base = cpu["none"]
    return {n: (statistics.median(c / b for c, b in zip(cpu[n], base, strict=True) if b > 0),
                statistics.mean(cpu[n]) * 1000) for n in names}


def time_open(app: QApplication, article, spans, mode: str) -> float:
    t = time.perf_counter()
    v = open_view(article, spans, mode)
    v.show()
    if mode == "lazy":
        lazy = Lazy(v, spans)
        app.processEvents()
        lazy.prepare()
    elif mode == "extra":
        app.processEvents()
        Extra(v, spans).prepare()
    app.processEvents()
    v.viewport().repaint()
    dt = time.perf_counter() - t
    if mode == "first":
        v.background.finish(app)
    dispose(app, v)
    return dt


def check_formats_drawn(app: QApplication, article, spans) -> None:
    """The format ranges survive the layout (else 'formats' would measure nothing)."""
    v = open_view(article, spans, "formats")
    laid_out(app, v)
    block = v.document().begin()
    assert block.layout().lineCount() > 0 and block.layout().formats(), "formats lost"
    plain = open_view(article, [], "none")
    laid_out(app, plain)
    assert v.grab().toImage() != plain.grab().toImage(), "formats not drawn"
    dispose(app, v)
    dispose(app, plain)


def shots(app: QApplication, folder: str) -> None:
    """before.png: today's painter; after.png: the marks as format ranges drawn by Qt,
    the selected tag, the current suggestion and find matches left to the painter."""
    rng = random.Random(3)
    text = make_text(rng, 6000)
    article = article_of(text)
    kinds = ("claim", "actor", "date", "code:alpha")
    spans = [(a.start, a.end, a.id, kinds[n % 4], a.quote)
             for n, a in enumerate(make_annotations(rng, text, 90))]
    spans.sort()
    chosen = spans[4]
    suggested = [Suggestion("actor" if n % 2 else "date", at, at + 6, text[at:at + 6], "r")
                 for n, at in enumerate(range(50, len(text) - 6, 377))]
    current = suggested[1]
    finds = [(m, m + 4) for m in range(0, len(text) - 4, 211)]
    before = ArticleView()
    before.resize(700, 500)
    before.show_article(article, spans)
    before.set_suggestions(suggested)
    after = ArticleView()
    after.resize(700, 500)
    after.article, after.offset_map = article, OffsetMap(text)
    doc, _ = build_document(article, after, after.font(), after.palette(), after.offset_map)
    marks = Background(doc, after.offset_map,
                       [x for x in spans if x != chosen]
                       + [(g.start, g.end, 0, "s:" + g.kind, "") for g in suggested
                          if g != current])
    marks.run(10**6)
    after._layer.reset(doc, after.offset_map, [chosen])
    after._replace_document(doc)
    after.set_suggestions([current])
    for view, name in ((before, "before"), (after, "after")):
        view.set_selected_annotation(chosen[2])
        view.set_current_suggestion((current.kind, current.start, current.end))
        view.set_find_matches(finds)
        view.show()
        app.processEvents()
        view.grab().save(os.path.join(folder, f"paint8_{name}.png"))
        dispose(app, view)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--annotations", type=int, default=20_000)
    parser.add_argument("--places", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--shots", metavar="FOLDER", help="only save the two looks there")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    if args.shots:
        shots(app, args.shots)
        return
    rng = random.Random(7)
    text = make_text(rng, args.size)
    article = article_of(text)
    spans = [(a.start, a.end, a.id, a.kind, a.quote)
             for a in make_annotations(rng, text, args.annotations)]
    check_formats_drawn(app, article, spans)
    print(f"spans whose marks Qt would merge (collide): {len(collisions(spans)):,}"
          f" of {len(spans):,}")
    time_bare(app, text)  # warm-up
    opens: dict[str, list[float]] = {n: [] for n in ("bare", "painter", "formats", "first",
                                                     "lazy", "extra")}
    for _ in range(args.repeat):  # interleaved
        opens["bare"].append(time_bare(app, text))
        for n in ("painter", "formats", "first", "lazy", "extra"):
            opens[n].append(time_open(app, article, spans, n))
    bare = min(opens["bare"])
    print(f"(a) bare QTextBrowser open + paint {bare * 1000:.1f} ms")
    for n in ("painter", "formats", "first", "lazy", "extra"):
        print(f"(b) {n:8} open + paint {min(opens[n]) * 1000:7.1f} ms"
              f"   (b)/(a) = {min(opens[n]) / bare:.2f}  target <= 2.0")
    result = paired(app, article, spans, args.places)
    for n, (ratio, ms) in result.items():
        print(f"(d) {n:8} CPU per paint {ms:6.2f} ms   median ratio to none = {ratio:.2f}"
              "  target <= 1.3")


if __name__ == "__main__":
    main()
