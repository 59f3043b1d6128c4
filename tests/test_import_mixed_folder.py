"""A folder of every format at once, as an analyst's downloads folder holds them: each file
one article (or one clear refusal), progress per file, and the window stays responsive."""

from __future__ import annotations

import shutil
from email.message import EmailMessage
from pathlib import Path

from pdf_maker import make_pdf
from test_import_docx import report_docx

from reader_app.services.importing import import_paths
from reader_app.storage.database import open_library

PAGES = Path(__file__).parent / "data" / "webpages"


def _downloads(root: Path) -> Path:
    root.mkdir()
    (root / "note.txt").write_text("date 2022-02-09\nKyiv said talks failed 🇺🇦.\n", "utf-8")
    (root / "brief.md").write_text("# Brief\n\n| Actor | Claim |\n|---|---|\n| Mayor | Open |\n",
                                   "utf-8")
    (root / "mojibake.txt").write_bytes("Two men—Kyiv’s mayor said".encode().decode(
        "cp1252", "replace").encode("utf-8"))
    shutil.copy(PAGES / "ledger-ferry-strike.html", root / "ferry.html")
    (root / "report.pdf").write_bytes(make_pdf(["Harbour report\n\nThe port reopened on"
                                                " Monday, officials said."]))
    (root / "brief.docx").write_bytes(report_docx())
    mail = EmailMessage()
    mail["Subject"], mail["From"] = "Fwd: press release", "Desk <desk@example.org>"
    mail["Date"] = "Thu, 10 Feb 2022 09:30:00 +0200"
    mail.set_content("The ministry said the ferry resumes on Friday.")
    (root / "tip.eml").write_bytes(bytes(mail))
    (root / "scan.pdf").write_bytes(make_pdf([""]))  # no text layer
    return root


def test_a_mixed_folder_imports_each_file_with_progress(db, tmp_path):
    folder = _downloads(tmp_path / "downloads")
    steps = []
    report = import_paths(db, [str(folder)], progress=lambda done, total, name: steps.append(
        (done, total, name)))
    titles = sorted(r.title for r in report.created)
    assert len(report.created) == 7, (titles, report.refused)
    assert len(report.refused) == 1 and "scan.pdf" in report.refused[0]
    assert "no text layer" in report.refused[0]
    assert any("repaired mis-encoded text" in w for w in report.warnings)
    assert {total for _, total, _ in steps} == {8}
    assert len({name for _, _, name in steps}) == 8  # one step named for each file
    kinds = dict(db.execute("SELECT source, content_type FROM articles").fetchall())
    assert kinds["report.pdf"] == "text" and kinds["brief.docx"] == "html"
    texts = [r[0] for r in db.execute("SELECT text FROM articles")]
    assert any("Two men—Kyiv’s mayor" in t for t in texts)


def test_the_window_imports_the_folder_off_the_gui_thread(qtbot, db_path, tmp_path):
    from gui_helpers import open_window

    open_library(db_path).close()
    folder = _downloads(tmp_path / "downloads")
    window = open_window(qtbot, db_path)
    before = window.library_pane.model.total_count()  # the bundled sample, on a new library
    ticks = []
    from PySide6.QtCore import QTimer

    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    with qtbot.waitSignal(window.imports.import_finished, timeout=60000) as done:
        window.import_files([str(folder)])
    timer.stop()
    assert len(done.args[0].created) == 7
    assert ticks  # the event loop ran while the files were read
    qtbot.waitUntil(lambda: window.library_pane.model.total_count() == before + 7)
