"""Long lines benchmark (a script, not part of the test run).

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_long_lines.py [--sizes 0.125 0.25 0.5 1 10]

For each size: (a) bare QTextBrowser.setPlainText of news-like text of ordinary line
length, same number of characters, shown and painted (the baseline, same run);
(b) ArticleView.show_article of one line of that many characters without a space,
shown and painted. Prints seconds, (b)/(a), and each (b) against the previous size
(linear: the size ratio; quadratic: its square). Before the fix 0.5 MB took 36 s.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication, QTextBrowser

from reader_app.domain.models import Article, ArticleId
from reader_app.domain.offsets import text_sha256
from reader_app.gui.article.view import ArticleView

SIZE = (1000, 800)
LINE = ("the minister said on Thursday that talks with officials would resume despite "
        "objections from the opposition.\n")


def normal_text(chars: int) -> str:
    return (LINE * (chars // len(LINE) + 1))[:chars]


def long_line(chars: int) -> str:
    return "x" * chars


def shown(widget, load) -> float:
    app = QApplication.instance()
    start = time.perf_counter()
    load()
    widget.show()
    app.processEvents()
    widget.viewport().repaint()
    return time.perf_counter() - start


def bare(text: str) -> float:
    browser = QTextBrowser()
    browser.resize(*SIZE)
    return shown(browser, lambda: browser.setPlainText(text))


def ours(text: str) -> float:
    view = ArticleView()
    view.resize(*SIZE)
    article = Article(ArticleId(1), "u", "Long", "long.txt", None, None, text,
                      text_sha256(text), "text", (), "")
    return shown(view, lambda: view.show_article(article, []))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.125, 0.25, 0.5, 1.0, 10.0])
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])  # noqa: F841 - keeps Qt alive
    ours(long_line(2000))  # warm up
    print(f"{'MB':>7} {'baseline s':>11} {'long line s':>12} {'vs baseline':>12} {'vs prev':>9}")
    previous = None
    for mb in args.sizes:
        chars = int(mb * 1_000_000)
        base = bare(normal_text(chars))
        mine = ours(long_line(chars))
        growth = f"{mine / previous[1]:.2f}x/{mb / previous[0]:.0f}" if previous else "-"
        print(f"{mb:>7} {base:>11.3f} {mine:>12.3f} {mine / base:>11.1f}x {growth:>9}", flush=True)
        previous = (mb, mine)


if __name__ == "__main__":
    main()
