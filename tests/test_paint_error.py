"""A fault while drawing the tags ends the painter: the window reports it and goes on
(a painter left open took the whole process down with a segmentation fault)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CHILD = r'''
import sys
from PySide6.QtWidgets import QApplication
from reader_app.domain.models import Article, ArticleId
from reader_app.domain.offsets import text_sha256
from reader_app.gui.article.view import ArticleView
from reader_app.gui.article import view as view_module

app = QApplication([])
text = "The ferry sailed on Friday, the mayor said.\n" * 50
view = ArticleView()
view.resize(600, 400)
view.show()
article = Article(ArticleId(1), "u", "Ferry", "f.txt", None, None, text, text_sha256(text),
                  "text", (), "")
view.show_article(article, [])
layer = view._layer
def broken(*args, **kwargs):
    raise RuntimeError("drawing failed")
layer.is_empty = lambda: False
layer.paint_under = broken
failed = 0
for _ in range(3):
    try:  # PySide hands the override's error back to the caller of repaint
        view.viewport().repaint()
        app.processEvents()
    except RuntimeError as e:
        failed += "drawing failed" in str(e)
view._layer.paint_under = lambda *args, **kwargs: None
view.viewport().repaint()  # and the view paints again once drawing works
print("still running", failed)
'''


def test_a_fault_while_painting_tags_does_not_take_the_process_down(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=os.pathsep.join([str(Path(__file__).parents[1]),
                                           os.environ.get("PYTHONPATH", "")]))
    done = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True,
                          env=env, timeout=60, cwd=tmp_path)
    assert done.returncode == 0, (done.returncode, done.stderr[-2000:])
    assert "still running" in done.stdout
    assert "drawing failed" in done.stdout + done.stderr  # reported, not swallowed
