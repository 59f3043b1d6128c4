"""Importer time at 1, 5 and 20 MB (a script, not part of the test run).

    python benchmarks/bench_import_sizes.py              # 1, 5, 20 MB, ~2-4 minutes
    python benchmarks/bench_import_sizes.py --sizes 1 5  # quicker

For each size, files are generated here (prose and hostile shapes) and parsed by
read_article, the importers' whole path (decode, dateline, render, sanitize).
The baseline, measured in the same run, is a plain .txt file of the same size:
each line prints seconds, seconds per MB, the ratio to the baseline and the ratio
to the same shape at the previous size divided by the size ratio (1.0 = linear).
Files just under the 20 MiB limit stand in for "20 MB".
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from reader_app.formats.importers import ImportRefused, read_article

PROSE = ("Officials in the port city said on Thursday that talks with the ferry union "
         "would resume next week, according to two people familiar with the plans. ")
MD_PROSE = ("The *minister* said on **Thursday** that [talks](https://example.org/talks) "
            "would resume in `Geneva`.\n\n")

SHAPES: dict[str, tuple[str, str]] = {  # name: (suffix, unit repeated to the size)
    "txt prose (baseline)": (".txt", PROSE),
    "md prose": (".md", MD_PROSE),
    "md one emphasis line": (".md", "*word* "),
    "md unclosed brackets": (".md", "[note "),
    "md raw tags": (".md", "<a "),
    "html paragraphs": (".html", "<p>Officials <b>said</b> talks would resume.</p>\n"),
    "html nested div": (".html", "<div>x "),
    "html nested lists": (".html", "<ul><li>item "),
    "html ampersands": (".html", "&amp; & "),
    "html unclosed tags": (".html", "<a "),
}
LIMIT = 20 * 1024 * 1024


def make(path: Path, unit: str, size: int) -> None:
    reps = max(1, size // len(unit.encode()))
    text = unit * reps
    if path.suffix == ".txt":
        text = "Port report\n\n" + text
    path.write_text(text, encoding="utf-8")


def timed(path: Path) -> tuple[float, str]:
    started = time.perf_counter()
    try:
        article = read_article(path)
        note = f"{len(article.text):,} chars, {article.content_type}"
        if article.warnings:
            note += " (" + article.warnings[0][:60] + "…)"
    except ImportRefused as e:
        note = "refused: " + e.reason
    return time.perf_counter() - started, note


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 5, 20], help="MB")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        previous: dict[str, tuple[int, float]] = {}
        for mb in args.sizes:
            size = min(mb * 1024 * 1024, LIMIT - 4096)
            baseline = None
            print(f"\n== {mb} MB ==")
            for name, (suffix, unit) in SHAPES.items():
                path = Path(tmp, f"f{suffix}")
                make(path, unit, size)
                seconds, note = timed(path)
                if baseline is None:
                    baseline = max(seconds, 1e-3)
                growth = ""
                if name in previous:
                    last_size, last_s = previous[name]
                    growth = f"  growth/size {seconds / max(last_s, 1e-3) / (size / last_size):4.2f}"
                previous[name] = (size, seconds)
                print(f"{name:24} {seconds:7.2f} s  {seconds / (size / 2**20):6.2f} s/MB  "
                      f"x{seconds / baseline:7.1f} baseline{growth}  [{note}]", flush=True)


if __name__ == "__main__":
    main()
