"""A cold start loads what the first paint needs: the importers (Markdown parser, HTML
sanitizer, encoding detection), the date parser, the CSV export, the tag, actor
and claim edits (their commands and services) and the Claims, Timeline and Network tabs wait
for their first use."""

from __future__ import annotations

import subprocess
import sys

DEFERRED = ("reader_app.formats.importers", "markdown_it", "nh3", "charset_normalizer",
            "dateparser", "reader_app.domain.dates",  # the date rules wait for a date tag
            "reader_app.gui.jobs.export_flow", "reader_app.services.exporting",
            "reader_app.formats.csv_export",
            "reader_app.gui.commands.tags", "reader_app.services.tagging",
            "reader_app.services.analysis",
            "reader_app.gui.commands.actors", "reader_app.services.actor_ops",
            "reader_app.storage.actor_merge",
            "reader_app.gui.commands.claims", "reader_app.services.claim_ops",
            "reader_app.gui.lists.claims_view", "reader_app.gui.lists.claim_model",
            "reader_app.gui.views.timeline_view", "reader_app.services.timeline",
            "reader_app.gui.views.network_view", "networkx", "scipy",  # the Network tab's
            "importlib.metadata",  # sqlite-utils' plugin scan: never on our connections
            "numpy")  # sqlite-utils would import it (~45 ms) for types no row of ours has


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


def test_a_deferred_flow_works_on_first_use(qtbot, tmp_path):
    """Export and actor edits load their modules when first used, from the window."""
    from reader_app.app import create_window
    from reader_app.services.exporting import ExportFilters

    window = create_window(tmp_path / "library.sqlite")  # a new library: the sample
    qtbot.addWidget(window)
    out = tmp_path / "tags.csv"
    with qtbot.waitSignal(window.exports.export_finished, timeout=10_000) as done:
        window.exports.export_to(out, ExportFilters())
    assert done.args[0] is not None and out.exists()
    assert window.exports is window.exports  # one flow, built once
    text = window.controller.current_article.text
    start = text.index("The")  # any word: an actor tag makes an actor of its text
    window.controller.tag_span("actor", start, start + 3)
    actor = window.controller.actors()[0]
    window.controller.rename_actor(actor.id, "Renamed once")
    assert window.controller.actor(actor.id).name == "Renamed once"
    window.controller.undo_stack.undo()
    assert window.controller.actor(actor.id).name == actor.name


def test_the_claims_tab_is_built_when_first_shown(qtbot, window):
    from reader_app.gui.lists.claims_view import ClaimsView

    tabs = window.left_tabs
    assert window.findChild(ClaimsView) is None
    tabs.setCurrentIndex(window.CLAIMS_TAB)
    view = window.findChild(ClaimsView)
    assert view is not None and view is window.claims_view
    assert tabs.currentWidget() is view and view.isVisible() and view.is_loaded()
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["Library", "Actors", "Claims",
                                                              "Timeline", "Network"]


def test_the_timeline_tab_is_built_when_first_shown(qtbot, window):
    from reader_app.gui.views.timeline_view import TimelineView

    tabs = window.left_tabs
    assert window.findChild(TimelineView) is None
    tabs.setCurrentIndex(window.TIMELINE_TAB)
    view = window.findChild(TimelineView)
    assert view is not None and view is window.timeline_view
    assert tabs.currentWidget() is view and view.isVisible()
    qtbot.waitUntil(view.is_loaded)  # its items are read on a loader thread
    assert tabs.tabText(window.TIMELINE_TAB) == "Timeline"


def test_asking_for_the_claims_view_keeps_the_tab_shown(qtbot, window):
    tabs = window.left_tabs
    tabs.setCurrentWidget(window.actors_pane)
    view = window.claims_view  # built while another tab shows
    assert tabs.currentWidget() is window.actors_pane and not view.isVisible()
    assert tabs.indexOf(view) == window.CLAIMS_TAB and tabs.count() == 5


_LATER = """
import sys
import reader_app.storage  # sqlite-utils, with numpy hidden while it loads
assert "numpy" not in sys.modules and sys.modules["sqlite_utils"]
from sqlite_utils import Database
db = Database(memory=True)
db["t"].insert({"a": 1})
assert db.execute("SELECT a FROM t").fetchall() == [(1,)]
import numpy, krippendorff  # what needs numpy gets it as usual
print(krippendorff.alpha(reliability_data=[[1, 2, 3], [1, 2, 3]]))
"""


def test_numpy_is_left_out_of_sqlite_utils_but_imports_as_usual_later():
    done = subprocess.run([sys.executable, "-c", _LATER], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert float(done.stdout.strip()) == 1.0


_FEATURE = """
import json, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import PySide6.QtCore
feature = sys.modules["shibokensupport.feature"]
upstream = feature._mod_uses_pyside
import reader_app.app, reader_app.gui.window.main_window, json.decoder, sqlite_utils.db
ours = feature._mod_uses_pyside
names = ["reader_app.gui.window.main_window", "reader_app.storage.articles", "json.decoder",
         "sqlite_utils.db", "sys", "_sqlite3"]
print(json.dumps([ours is not upstream, getattr(ours, "reader_app", False),
                  [ours(sys.modules[n]) for n in names],
                  [upstream(sys.modules[n]) for n in names]]))
"""


def test_pyside_asks_whether_a_module_uses_it_from_its_bytes_with_the_same_answers():
    import json

    done = subprocess.run([sys.executable, "-c", _FEATURE], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    replaced, marked, ours, upstream = json.loads(done.stdout.strip().splitlines()[-1])
    assert replaced and marked
    assert ours == upstream == [True, False, False, False, False, False]
