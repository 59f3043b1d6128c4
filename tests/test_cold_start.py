"""A cold start loads what the first paint needs: the importers (Markdown parser, HTML
sanitizer, encoding detection) and the date parser wait for their first use."""

from __future__ import annotations

import subprocess
import sys

DEFERRED = ("reader_app.formats.importers", "markdown_it", "nh3", "charset_normalizer",
            "dateparser")


def test_the_window_opens_without_the_importers(tmp_path):
    library = tmp_path / "library.sqlite"
    code = f"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from reader_app.storage.database import open_library
from reader_app.storage.articles import add_articles
from reader_app.domain.models import ImportedArticle
db = open_library({str(library)!r})
add_articles(db, [ImportedArticle("Kept", "date 2024-01-02\\nSome text.", "k.txt")])
db.close()
from PySide6.QtWidgets import QApplication
app = QApplication([])
from reader_app.app import create_window
window = create_window({str(library)!r})
window.show()
app.processEvents()
print(" ".join(m for m in {DEFERRED!r} if m in sys.modules))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "", f"loaded at start: {done.stdout.strip()}"
