"""Hostile files: importers stay linear, cancel reaches into a file, one bad file never
stops a batch, batches stay short, and a closing window never freezes or aborts.

Every file is written here, from text made up for the test.
"""

from __future__ import annotations

import gc
import os
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time

import pytest

from reader_app.formats.importers import (
    ImportCancelled,
    ImportRefused,
    parse_article,
    printable_name,
    read_article,
)
from reader_app.services import importing
from reader_app.services.importing import import_paths
from reader_app.storage.annotations import add_annotation
from reader_app.storage.articles import get_article, list_articles


def best_time(fn, repeat: int = 5) -> float:
    """Best CPU time of this process (other programs on a busy machine do not count),
    without the cycle collector, whose passes land at random in one run or another."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            started = time.process_time()
            fn()
            best = min(best, time.process_time() - started)
        finally:
            gc.enable()
    return max(best, 0.002)  # below this, timer noise dominates


def assert_linear(make, name: str, small: int) -> None:
    """time(4x input) < 6 * time(1x input)."""
    def parse(n: int):
        data = make(n).encode()
        return lambda: parse_article_or_refusal(data, name)

    one, four = best_time(parse(small), 3), best_time(parse(4 * small), 3)
    assert four < 6 * one, f"{name}: 4x input took {four / one:.1f}x as long ({one:.3f} s -> {four:.3f} s)"


def parse_article_or_refusal(data: bytes, name: str):
    try:
        return parse_article(data, name)
    except ImportRefused as e:
        return e


# -- linear time ----------------------------------------------------------------------


def test_markdown_with_unclosed_brackets_is_linear() -> None:
    # python-markdown: 2.5 KB 0.3 s, 10 KB 5 s (quadratic with a large constant)
    assert_linear(lambda n: "[note " * (n // 6), "brackets.md", 2_500)


def test_markdown_emphasis_line_is_linear() -> None:
    assert_linear(lambda n: "*a* **b** " * (n // 10), "emphasis.md", 20_000)


def test_markdown_with_raw_inline_tags_is_linear() -> None:
    assert_linear(lambda n: "<a " * (n // 3), "lt.md", 4_000)


def test_nested_divs_are_linear() -> None:
    # html5ever scans its stack of open elements: 5,000 deep 0.07 s, 20,000 deep 0.85 s
    assert_linear(lambda n: "<div>x " * (n // 7) + "</div>" * (n // 7), "deep.html", 35_000)


def test_nested_lists_are_linear() -> None:
    assert_linear(lambda n: "<ul><li>item " * (n // 13), "lists.html", 65_000)


def test_a_text_run_of_ampersands_is_linear() -> None:
    # html5ever appends each character reference to one text node: quadratic
    assert_linear(lambda n: "<p>" + "&amp; & " * (n // 8) + "</p>", "amp.html", 100_000)


def test_unclosed_start_tags_are_linear() -> None:
    # Python's HTMLParser on the raw page is quadratic on runs of "<a "
    assert_linear(lambda n: "<p>text</p>" + "<a " * (n // 3), "open.html", 20_000)


def test_deep_nesting_keeps_the_text() -> None:
    depth = 5_000
    page = "<html><body>" + "<blockquote>level " * depth + "</blockquote>" * depth
    article = parse_article(page.encode(), "deep.html")
    assert article.text.count("level") == depth
    assert all(0 <= s.start < s.end <= len(article.text) for s in article.styles)


def test_markdown_with_too_much_markup_is_imported_as_plain_text() -> None:
    from reader_app.formats import importers

    src = "# Heading\n\n" + "*a* " * (importers.MARKDOWN_MARKUP_BUDGET // 2 + 10)
    article = parse_article(src.encode(), "dense.md")
    assert article.content_type == "text" and article.styles == ()
    assert article.text.startswith("# Heading") and "plain text" in article.warnings[0]


def test_markdown_still_renders_tables_code_and_links() -> None:
    src = (
        "# Port report\n\nThe *ferry* left at [noon](https://example.org/port).\n\n"
        "| Ship | Crew |\n| --- | --- |\n| Aurora | 12 |\n\n```\nlog line\n```\n\n> quoted\n"
    )
    a = parse_article(src.encode(), "port.md")
    assert "Ship | Crew" in a.text and "Aurora | 12" in a.text and "log line" in a.text
    styles = {(s.style, a.text[s.start : s.end]) for s in a.styles}
    assert {("em", "ferry"), ("link", "noon"), ("h1", "Port report")} <= styles
    assert ("blockquote", "quoted") in styles


# -- cancel within a file ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "body"),
    [("big.md", "*a* [b] " * 30_000), ("big.html", "<p>Officials <b>said</b> more.</p>" * 8_000)],
)
def test_cancel_is_checked_inside_a_file(name: str, body: str) -> None:
    calls = []

    def should_cancel() -> bool:
        calls.append(1)
        return len(calls) > 1  # the first check passes, the next one stops

    started = time.perf_counter()
    with pytest.raises(ImportCancelled):
        parse_article(body.encode(), name, should_cancel)
    cancelled = time.perf_counter() - started
    full = best_time(lambda: parse_article(body.encode(), name), repeat=1)
    assert cancelled < full / 4 + 0.05, f"cancel took {cancelled:.2f} s of {full:.2f} s"


def test_a_batch_cancelled_inside_a_file_stops_and_keeps_what_was_stored(db, tmp_path) -> None:
    (tmp_path / "a-first.txt").write_text("First report\n\nThe harbour reopened.", encoding="utf-8")
    (tmp_path / "b-big.md").write_text("*a* [b] " * 50_000, encoding="utf-8")
    (tmp_path / "c-last.txt").write_text("Last report\n\nShips returned.", encoding="utf-8")
    seen: list[str] = []
    cancel = threading.Event()

    def progress(done, total, name):
        seen.append(name)
        if name == "a-first.txt":
            cancel.set()  # the analyst clicks Cancel while the big file is read

    checks = []

    def should_cancel() -> bool:
        checks.append(1)
        return cancel.is_set() and len(checks) > 3  # inside b-big.md, not between files

    report = import_paths(db, [tmp_path], progress=progress, should_cancel=should_cancel)
    assert report.cancelled and seen == ["a-first.txt"]
    assert [a.source for a in list_articles(db)] == ["a-first.txt"]
    assert "1 of 3 files" in report.summary() and "stays in the library" in report.summary()


# -- one bad file never stops a batch ----------------------------------------------------


def write_good(folder, n: int = 5) -> None:
    for i in range(n):
        (folder / f"good-{i}.txt").write_text(
            f"Report {i}\n\nOfficials in town {i} said the talks would resume.", encoding="utf-8")


def test_a_non_utf8_file_name_never_stops_a_batch(db, tmp_path) -> None:
    write_good(tmp_path)
    odd = os.path.join(os.fsencode(tmp_path), b"caf\xe9-\xff.txt")
    with open(odd, "wb") as f:
        f.write(b"Cafe report\n\nThe owner spoke about the ferry strike.")
    report = import_paths(db, [tmp_path])
    assert not report.refused and len(report.created) == 6
    sources = sorted(a.source for a in list_articles(db))
    assert "caf\\xe9-\\xff.txt" in sources
    assert any("caf\\xe9-\\xff.txt" in w and "UTF-8" in w for w in report.warnings)
    for line in [*report.warnings, report.summary()]:
        line.encode("utf-8")  # printable: no lone surrogates left


def test_a_refusal_names_a_non_utf8_file_printably(tmp_path) -> None:
    odd = os.path.join(os.fsencode(tmp_path), b"empty-\xe9.txt")
    open(odd, "wb").close()
    with pytest.raises(ImportRefused) as caught:
        read_article(os.fsdecode(odd))
    line = str(caught.value)
    line.encode("utf-8")
    assert "empty-\\xe9.txt" in line and "empty" in caught.value.reason
    assert printable_name("a\nb.txt") == "a\\nb.txt"


def test_an_html_page_whose_only_text_is_a_dateline_is_refused_alone(db, tmp_path) -> None:
    write_good(tmp_path)
    (tmp_path / "only-date.html").write_text(
        "<html><body><p>date 2022-02-09</p></body></html>", encoding="utf-8")
    report = import_paths(db, [tmp_path])
    assert len(report.created) == 5 and not report.stopped
    assert len(report.refused) == 1
    assert "only-date.html" in report.refused[0] and "no text after the dateline" in report.refused[0]


def test_an_article_the_library_will_not_take_is_refused_alone(db, tmp_path, monkeypatch) -> None:
    write_good(tmp_path)
    real = importing.add_articles

    def picky(db, items):
        items = list(items)
        if any("town 3" in item.text for item in items) and len(items) == 1:
            raise ValueError("an article needs text")
        return real(db, items) if len(items) == 1 else _fail()

    def _fail():
        raise UnicodeEncodeError("utf-8", "x", 0, 1, "surrogates not allowed")

    monkeypatch.setattr(importing, "add_articles", picky)
    report = import_paths(db, [tmp_path])
    assert len(report.created) == 4 and len(report.refused) == 1
    assert report.refused[0].startswith("good-3.txt: refused: could not be stored")


# -- NUL and invisible text ----------------------------------------------------------------


def test_a_nul_character_is_removed_and_tags_after_it_work(db, tmp_path) -> None:
    text = ("Port news\n\nThe ferry union met the port authority on Monday morning to discuss"
            " the strike. Before\x00 after the NUL the minister spoke.")
    path = tmp_path / "nul.txt"
    path.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    report = import_paths(db, [path])
    assert len(report.created) == 1 and any("NUL" in w for w in report.warnings)
    article = get_article(db, report.created[0].article_id)
    assert "\x00" not in article.text and article.text.endswith("the minister spoke.")
    start = article.text.index("minister")
    add_annotation(db, article.id, "actor", start, start + len("minister"))
    (quote,) = [r[0] for r in db.execute("SELECT quote FROM annotations")]
    assert quote == "minister" == article.text[start : start + 8]


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_a_file_of_invisible_characters_is_refused_as_blank(tmp_path, suffix) -> None:
    path = tmp_path / f"blank{suffix}"
    path.write_text("\u200b\u200c\u200d\ufeff\u2060\u00ad\u3164\n" * 50, encoding="utf-8")
    with pytest.raises(ImportRefused) as caught:
        read_article(path)
    assert "blank" in caught.value.reason and "blank" in str(caught.value)


def test_a_zero_width_joiner_inside_real_text_is_kept() -> None:
    a = parse_article("Family 👨\u200d👩\u200d👧 news".encode(), "zwj.txt")
    assert a.text == "Family 👨\u200d👩\u200d👧 news"


# -- short batches, partial imports ------------------------------------------------------------


def test_import_batches_are_short_write_transactions(db, tmp_path, monkeypatch) -> None:
    for i in range(1100):  # more than 5 full batches
        (tmp_path / f"a{i:04}.txt").write_text(
            f"Report {i}\n\n" + f"Officials in town {i} said talks would continue. " * 40,
            encoding="utf-8")
    real = importing.add_articles
    batches: list[tuple[int, int, float]] = []

    def timed(db, items):
        items = list(items)
        started = time.perf_counter()
        try:
            return real(db, items)
        finally:
            batches.append((len(items), sum(len(i.text) for i in items),
                            time.perf_counter() - started))

    monkeypatch.setattr(importing, "add_articles", timed)
    report = import_paths(db, [tmp_path])
    assert len(report.created) == 1100 and len(batches) >= 5
    assert max(n for n, _, _ in batches) <= importing.CHUNK
    assert max(c for _, c, _ in batches) <= importing.CHUNK_CHARS + 100_000
    slowest = max(t for _, _, t in batches)
    assert slowest < 0.1, f"a batch held the write lock for {slowest * 1000:.0f} ms"


def test_a_stopped_import_says_how_many_files_were_stored(db, tmp_path, monkeypatch) -> None:
    total = importing.CHUNK * 2 + 20  # the second of three batches fails
    for i in range(total):
        (tmp_path / f"a{i:03}.txt").write_text(f"Report {i}\n\nBody {i}.", encoding="utf-8")
    real = importing.add_articles
    calls = []

    def full_disk(db, items):
        calls.append(1)
        if len(calls) == 2:
            raise sqlite3.OperationalError("database or disk is full")
        return real(db, items)

    monkeypatch.setattr(importing, "add_articles", full_disk)
    report = import_paths(db, [tmp_path])
    stored = len(list_articles(db))
    assert report.failed and report.stopped == "database or disk is full"
    assert stored == len(report.created) == importing.CHUNK
    summary = report.summary()
    assert f"Imported {stored} articles" in summary
    assert f"Stopped after {stored} of {total} files: database or disk is full" in summary
    assert f"the {stored} stored before stay in the library" in summary


# -- the window closing during a job ---------------------------------------------------------


def test_stopping_a_job_that_ignores_cancel_neither_freezes_nor_aborts(tmp_path) -> None:
    """Old: stop_job waited 10 s, then the QThread was destroyed while running (abort)."""
    script = textwrap.dedent(f"""
        import os, sys, time
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from pathlib import Path
        from PySide6.QtWidgets import QApplication, QWidget
        from reader_app.gui.jobs.workers import JobFlow
        from reader_app.storage.database import open_library

        db_path = Path({str(tmp_path / "lib.sqlite")!r})
        open_library(db_path).close()
        app = QApplication([])
        window = QWidget()

        class Stubborn(JobFlow):
            def job_succeeded(self, result):
                pass

        def job(db, progress, should_cancel):
            time.sleep(30)  # blocked somewhere that never checks cancel

        flow = Stubborn(window, db_path)
        flow.start(job)
        time.sleep(0.2)
        started = time.monotonic()
        flow.stop()
        window.close()
        print("stopped in", round(time.monotonic() - started, 2), flush=True)
        sys.exit(0)
    """)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60, env=env)
    elapsed = time.monotonic() - started
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Destroyed while thread" not in done.stderr
    assert elapsed < 8, f"closing took {elapsed:.1f} s"
    assert float(done.stdout.split()[-1]) < 3
