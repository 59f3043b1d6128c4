"""Saved web pages: trafilatura's main text against the plain importer.

    PYTHONPATH=. python benchmarks/bench_webpages.py

For each page under tests/data/webpages/, the blocks marked data-measure="body" are the
article and those marked data-measure="boilerplate" are not (the importers ignore the
attribute). Article words lost: words of article paragraphs not found whole in the
output. Boilerplate kept: words of boilerplate text pieces (each text node) found in the
output. Then the time of one page, and of a ~5 MB page (the ledger page's article
repeated), with and without trafilatura.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from unittest import mock

from lxml import html as lxml_html

from reader_app.formats import importers
from reader_app.formats.importers import parse_article

PAGES = Path(__file__).resolve().parent.parent / "tests" / "data" / "webpages"


def _norm(s: str) -> str:
    return " ".join(s.split())


def truth(page: bytes) -> tuple[list[str], list[str]]:
    """(article paragraphs, boilerplate text pieces) of a page."""
    tree = lxml_html.fromstring(page)
    boiler = [_norm(t) for el in tree.xpath('//*[@data-measure="boilerplate"]')
              for t in el.xpath(".//text()") if _norm(t) and len(_norm(t)) > 2]
    paras = []
    for body in tree.xpath('//*[@data-measure="body"]'):
        for el in body.xpath(".//p|.//li|.//h2|.//td|.//th"):
            if el.xpath('ancestor-or-self::*[@data-measure="boilerplate"]'):
                continue
            text = _norm(el.text_content())
            if text:
                paras.append(text)
    return paras, boiler


def words(s: str) -> int:
    return len(re.findall(r"\w+", s))


def measure(data: bytes, name: str, plain: bool) -> tuple[str, float]:
    patch = mock.patch.object(importers, "main_text", lambda *a, **k: None) if plain else None
    start = time.perf_counter()
    if patch:
        with patch:
            article = parse_article(data, name)
    else:
        article = parse_article(data, name)
    return article.text, time.perf_counter() - start


def main() -> None:
    print(f"{'page':36} {'importer':12} {'article words':>13} {'lost':>5} "
          f"{'boilerplate words':>17} {'kept':>5} {'ms':>7}")
    for path in sorted(PAGES.glob("*.html")):
        data = path.read_bytes()
        paras, boiler = truth(data)
        for plain in (True, False):
            measure(data, path.name, plain)  # warm (imports, lxml)
            text, secs = min((measure(data, path.name, plain) for _ in range(3)),
                             key=lambda r: r[1])
            out = _norm(text)
            lost = sum(words(p) for p in paras if p not in out)
            kept = sum(words(b) for b in boiler if b in out)
            print(f"{path.name:36} {'plain' if plain else 'trafilatura':12} "
                  f"{sum(map(words, paras)):>13} {lost:>5} {sum(map(words, boiler)):>17} "
                  f"{kept:>5} {secs * 1000:>7.1f}")
    big_page()


def big_page() -> None:
    """A long report (the ledger article's paragraphs repeated, well-formed), and the
    same with one unclosed <div> per repeat (thousands of levels, flattened to 60)."""
    page = (PAGES / "ledger-ferry-strike.html").read_text("utf-8")
    head, _, rest = page.partition('<div class="story-body" data-measure="body">')
    body, _, tail = rest.partition('<div class="inline-promo"')
    tail = "</div>" + tail.partition("</div>")[2]
    for kind, unit in (("well-formed", body), ("unclosed divs", body + "<div>")):
        for mb in (1, 1.9, 2.9, 5):
            n = int(mb * 2**20 // len(unit))
            big = (head + '<div class="story-body">' + unit * n + "</div>" + tail).encode()
            for plain in (True, False):
                text, secs = measure(big, "big.html", plain)
                print(f"{len(big) / 2**20:.1f} MB page, {kind}, "
                      f"{'plain' if plain else 'trafilatura'}: {secs:.2f} s, "
                      f"{len(text):,} characters of text")


if __name__ == "__main__":
    main()
