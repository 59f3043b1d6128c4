"""Soak runs for the library's guarantees (a script, not part of the test run).

    QT_QPA_PLATFORM=offscreen python benchmarks/soak_trust.py [--trials 24] [--files 500]

1. Kill: a child process tags through the real window (selection + tag action) and prints
   each tag id once the window confirmed it; the parent SIGKILLs it at a random moment.
   Every confirmed id must be on disk, the file must pass integrity_check and every tag's
   quote must equal the text at its offsets.
2. Contention: the window tags while a second process imports FILES files and a third
   exports CSV over and over. Counts "locked" errors (must be 0), lost tags and articles
   (0), and prints the tagging rate under contention as a ratio of the rate alone,
   measured in the same run.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

WORDS = ("Kyiv Warsaw Vilnius Riga Tallinn council minister said talks resumed on Monday "
         "while envoys met in Geneva and officials denied the reports of a ceasefire").split()


def _child_tagger(db_path: str, seconds: float) -> None:
    """Tag random words through the real window; print each id the window confirmed."""
    from bench_settings import isolate_settings

    isolate_settings()
    from PySide6.QtGui import QTextCursor

    from reader_app.app import create_window, ensure_application

    app = ensure_application()
    window = create_window(db_path)
    window.show()
    app.processEvents()
    controller = window.controller
    text = controller.current_article.text
    spans = [(m, m + len(w)) for w in set(text.split()) if w.isalpha() and len(w) > 3
             for m in [text.find(w)] if m >= 0]
    offsets = window.view.offset_map
    end = time.monotonic() + seconds
    kinds = ("claim", "actor", "date")
    while time.monotonic() < end:
        start, stop = random.choice(spans)
        cursor = window.view.textCursor()
        cursor.setPosition(offsets.to_utf16(start))
        cursor.setPosition(offsets.to_utf16(stop), QTextCursor.MoveMode.KeepAnchor)
        window.view.setTextCursor(cursor)
        before = {a.id for a in controller.annotations()}
        window.tag_selection(random.choice(kinds))
        app.processEvents()
        for ann in controller.annotations():
            if ann.id not in before:
                print(f"confirmed {ann.id}", flush=True)
        if random.random() < 0.2 and controller.undo_stack.canUndo():
            ids_before = {a.id for a in controller.annotations()}
            # undo takes back the newest tag: a kill from here on may or may not have
            # deleted it, and either is right (the analyst asked for it)
            print(f"undoing {max(ids_before)}", flush=True)
            controller.undo_stack.undo()
            gone = ids_before - {a.id for a in controller.annotations()}
            for ann_id in gone:
                print(f"removed {ann_id}", flush=True)
    print("done", flush=True)


def _check(db_path: Path, confirmed: set[int]) -> tuple[int, int, str]:
    conn = sqlite3.connect(db_path)
    integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
    ids = {r[0] for r in conn.execute("select id from annotations")}
    bad = conn.execute(
        "select count(*) from annotations n join articles a on a.id = n.article_id "
        "where substr(a.text, n.start + 1, n.\"end\" - n.start) != n.quote").fetchone()[0]
    conn.close()
    return len(confirmed - ids), bad, integrity


def soak_kill(trials: int) -> bool:
    from reader_app.app import prepare_library

    ok = True
    lost_total = 0
    for trial in range(trials):
        folder = Path(tempfile.mkdtemp(prefix="soak-kill-"))
        db_path = folder / "library.sqlite"
        prepare_library(db_path)
        child = subprocess.Popen(
            [sys.executable, __file__, "--child-tagger", str(db_path)],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=os.environ.copy())
        time.sleep(random.uniform(1.5, 4.0))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate()
        confirmed: set[int] = set()
        undoing: int | None = None  # an undo under way when the kill came
        for line in out.splitlines():
            word, _, value = line.partition(" ")
            if word == "confirmed":
                confirmed.add(int(value))
                undoing = None
            elif word == "undoing":
                undoing = int(value)
            elif word == "removed":
                confirmed.discard(int(value))
                undoing = None
        if undoing is not None:
            confirmed.discard(undoing)
        lost, bad, integrity = _check(db_path, confirmed)
        lost_total += lost
        status = "ok" if (lost == 0 and bad == 0 and integrity == "ok") else "FAILED"
        ok &= status == "ok"
        print(f"kill trial {trial + 1:2}: {len(confirmed):4} confirmed, {lost} lost, "
              f"{bad} misanchored, integrity {integrity}: {status}")
    print(f"kill: {trials} trials, {lost_total} confirmed tags lost")
    return ok


def _write_files(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        body = " ".join(random.choice(WORDS) for _ in range(400))
        (folder / f"n{i:04}.txt").write_text(
            f"date 2024-06-{i % 28 + 1:02d}\nBulletin {i}\n{body} ({i}).\n", encoding="utf-8")


def _tag_for(db_path: Path, seconds: float) -> tuple[int, int, list[str]]:
    """Tag through the controller (window-level path); (tags, errors, messages)."""
    from reader_app.gui.controller import LibraryController

    controller = LibraryController(db_path)
    messages: list[str] = []
    controller.error_occurred.connect(messages.append)
    article_id = controller.articles()[0].id
    controller.open_article(article_id)
    text = controller.current_article.text
    spans = [(i, i + len(w)) for w in set(text.split()) if w.isalpha() and len(w) > 3
             for i in [text.find(w)]]
    n = 0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        start, stop = random.choice(spans)
        before = len(controller.annotations())
        controller.tag_span(random.choice(("claim", "actor", "date")), start, stop)
        if len(controller.annotations()) > before:
            n += 1
        else:  # already tagged: delete it again to keep going
            for ann in controller.annotations():
                if ann.start == start and ann.end == stop:
                    controller.delete_annotation(ann.id)
                    break
    errors = [m for m in messages if not m.startswith("Already tagged")]
    tags = controller.db.execute("select count(*) from annotations").fetchone()[0]
    controller.close()
    return n, tags, errors


def soak_contention(files: int, seconds: float) -> bool:
    from PySide6.QtCore import QCoreApplication

    from reader_app.app import prepare_library

    QCoreApplication.instance() or QCoreApplication([])
    folder = Path(tempfile.mkdtemp(prefix="soak-contend-"))
    db_path = folder / "library.sqlite"
    prepare_library(db_path)
    alone, _, _ = _tag_for(db_path, seconds / 3)
    rate_alone = alone / (seconds / 3)
    _write_files(folder / "incoming", files)
    env = dict(os.environ, READER_APP_DB=str(db_path))
    importer = subprocess.Popen([sys.executable, "-m", "reader_app", "import",
                                 str(folder / "incoming")], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    exporter = subprocess.Popen(
        [sys.executable, "-c", (
            "import subprocess, sys, time\n"
            "end = time.monotonic() + float(sys.argv[1]); fails = 0; runs = 0\n"
            "while time.monotonic() < end:\n"
            "    r = subprocess.run([sys.executable, '-m', 'reader_app', 'export', '-o',"
            " sys.argv[2]], capture_output=True, text=True)\n"
            "    runs += 1; fails += r.returncode != 0\n"
            "    if r.returncode: print(r.stderr.strip())\n"
            "print(f'exports {runs} failed {fails}')\n"), str(seconds), str(folder / "out.csv")],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    started = time.monotonic()
    tagged, tags_on_disk, errors = _tag_for(db_path, seconds)
    rate_busy = tagged / (time.monotonic() - started)
    imp_out, imp_err = importer.communicate(timeout=600)
    exp_out, _ = exporter.communicate(timeout=600)
    conn = sqlite3.connect(db_path)
    articles = conn.execute("select count(*) from articles").fetchone()[0]
    conn.close()
    locked = sum("locked" in m or "busy" in m for m in errors) + imp_err.count("locked") + \
        exp_out.count("locked")
    print(f"contention: import exit {importer.returncode} ({imp_out.strip()}); "
          f"{exp_out.strip().splitlines()[-1] if exp_out.strip() else 'no exports'}")
    print(f"contention: {articles - 1}/{files} articles stored, {len(errors)} tag errors, "
          f"{locked} 'locked'")
    print(f"contention: tagging {rate_busy:.0f}/s while importing and exporting vs "
          f"{rate_alone:.0f}/s alone: {rate_busy / rate_alone:.2f}x")
    return (importer.returncode == 0 and articles - 1 == files and not errors and locked == 0
            and "failed 0" in exp_out)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=24)
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--child-tagger", metavar="DB")
    args = parser.parse_args()
    if args.child_tagger:
        _child_tagger(args.child_tagger, 60.0)
        return 0
    from bench_settings import isolate_settings

    isolate_settings()
    ok = soak_kill(args.trials)
    ok &= soak_contention(args.files, args.seconds)
    print("all guarantees held" if ok else "SOME GUARANTEES FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
