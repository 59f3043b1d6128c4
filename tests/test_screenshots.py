"""Screenshots of the real window on the sample, light and dark, checked for real content.

Set READER_APP_SCREENSHOTS to a folder to keep the PNGs (and look at them).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from gui_helpers import open_window, select_quote
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette, QTextCursor
from PySide6.QtWidgets import QApplication, QStyleFactory

from reader_app.app import create_window
from reader_app.gui.shared.palette import kind_colour

# (kind, quote, occurrence) on the bundled sample: a date inside a claim, an actor inside
# another, and some of each kind on their own
TAGS = [
    ("claim", "talks collapse as Calderan accuses Ostrovia", 0),
    ("actor", "Calderan", 0),
    ("claim", "collapsed in Geneva on Tuesday", 0),
    ("date", "Tuesday", 0),
    ("claim", "holding a whole valley hostage", 0),
    ("actor", "Ostrovia", 1),
    ("actor", "Amara Velasquez-Dunn", 0),
    ("claim", "without a single concrete commitment.", 0),
    ("date", "2019", 0),
    ("date", "next week", 0),
]


def dark_palette() -> QPalette:
    p = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    for r, c in {
        role.Window: "#2b2b2e", role.WindowText: "#e6e6e6", role.Base: "#1e1f22",
        role.AlternateBase: "#26272b", role.Text: "#e6e6e6", role.Button: "#35363a",
        role.ButtonText: "#e6e6e6", role.Highlight: "#3d6fb4", role.HighlightedText: "#ffffff",
        role.Link: "#7fb2ff", role.PlaceholderText: "#8c8c8c", role.ToolTipBase: "#35363a",
        role.ToolTipText: "#e6e6e6", role.Mid: "#44454a", role.Dark: "#18181a", role.Light: "#505156",
    }.items():
        p.setColor(r, QColor(c))
    for r in (role.Text, role.WindowText, role.ButtonText):
        p.setColor(group.Disabled, r, QColor("#7a7a7a"))
    return p


def shots_dir(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("READER_APP_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def colour_near(image: QImage, colour: QColor, tolerance: int = 40, step: int = 2) -> int:
    """How many sampled pixels are within tolerance of colour (per channel)."""
    hits = 0
    target = (colour.red(), colour.green(), colour.blue())
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            c = image.pixelColor(x, y)
            if all(abs(a - b) <= tolerance for a, b in zip((c.red(), c.green(), c.blue()), target)):
                hits += 1
    return hits


def distinct_colours(image: QImage, step: int = 4) -> int:
    xs, ys = range(0, image.width(), step), range(0, image.height(), step)
    return len({image.pixel(x, y) for y in ys for x in xs})


@pytest.fixture
def themed(request, qtbot):
    """Light: the default style and palette. Dark: Fusion with a dark palette (restored after)."""
    app = QApplication.instance()
    style_name, palette = app.style().name(), app.palette()
    if request.param == "dark":
        app.setStyle(QStyleFactory.create("Fusion"))
        app.setPalette(dark_palette())
    yield request.param
    app.setStyle(QStyleFactory.create(style_name) or QStyleFactory.create("Fusion"))
    app.setPalette(palette)


@pytest.mark.parametrize("themed", ["light", "dark"], indirect=True)
def test_window_screenshot(qtbot, db_path, tmp_path, themed):
    window = open_window(qtbot, db_path)  # after themed: the window is made in the theme
    window.resize(1440, 900)  # after show: see test_text_fits_the_view_when_resized_before_show
    window.splitter.setSizes([300, 720, 420])
    qtbot.wait(20)
    for kind, quote, occurrence in TAGS:
        select_quote(window, quote, occurrence)
        window.tag_selection(kind)
    assert len(window.controller.annotations()) == len(TAGS)
    window.view.setTextCursor(QTextCursor(window.view.document()))  # no selection in the shot
    table = window.annotation_panel.table
    second_row = table.visualRect(table.model().index(1, 1)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=second_row)  # outlined
    window.view.verticalScrollBar().setValue(0)
    qtbot.wait(700)  # the reveal flash is over
    assert window.view.document().size().width() <= window.view.viewport().width()

    image = window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    path = shots_dir(tmp_path) / f"main-window-{themed}.png"
    assert image.save(str(path))
    assert image.width() >= 1000 and image.height() >= 600
    assert distinct_colours(image) > 50, "the window looks blank"
    dark = themed == "dark"
    base = window.view.palette().color(QPalette.ColorRole.Base)
    assert (base.lightness() < 128) == dark
    view_image = window.view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    # actor underlines and date outlines are drawn in the kind colour itself
    for kind in ("actor", "date"):
        assert colour_near(view_image, kind_colour(kind, dark), tolerance=24) > 5, f"no {kind}"
    # a claim is a translucent fill of its colour over the page
    fill = blend(base, kind_colour("claim", dark), CLAIM_ALPHA[dark])
    assert colour_near(view_image, fill, tolerance=16) > 100, "no claim fill"
    assert window.view.warning is None


CLAIM_ALPHA = {False: 95 / 255, True: 70 / 255}  # as palette.paint_marks fills a claim


def blend(under: QColor, over: QColor, alpha: float) -> QColor:
    pairs = zip(under.getRgb()[:3], over.getRgb()[:3])
    return QColor(*[round(a * (1 - alpha) + b * alpha) for a, b in pairs])


def test_text_fits_the_view_when_resized_before_show(qtbot, db_path):
    window = create_window(db_path)
    qtbot.addWidget(window)
    window.resize(1440, 900)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(20)
    assert window.view.document().size().width() <= window.view.viewport().width()


@pytest.mark.parametrize("themed", ["light", "dark"], indirect=True)
def test_timeline_screenshot(qtbot, db, db_path, tmp_path, themed):
    from PySide6.QtWidgets import QTabWidget
    from timeline_library import build

    from reader_app.gui.views.timeline_scene import item_colour

    build(db)
    window = open_window(qtbot, db_path)
    window.resize(1440, 900)
    window.findChild(QTabWidget, "leftTabs").setCurrentWidget(window.timeline_view)
    view = window.timeline_view
    qtbot.waitUntil(lambda: view.is_loaded() and len(view.shown_items()) > 5, timeout=3000)
    qtbot.wait(50)
    image = window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    path = shots_dir(tmp_path) / f"timeline-{themed}.png"
    assert image.save(str(path))
    canvas = view.canvas.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    canvas.save(str(shots_dir(tmp_path) / f"timeline-canvas-{themed}.png"))
    dark = themed == "dark"
    assert (view.canvas.palette().color(QPalette.ColorRole.Window).lightness() < 128) == dark
    for kind in ("claim", "date", "article"):  # dots of each kind, in the theme's colours
        assert colour_near(canvas, item_colour(kind, dark), tolerance=30, step=1) > 5, kind
    assert distinct_colours(canvas) > 20, "the timeline looks blank"


@pytest.mark.parametrize("themed", ["light", "dark"], indirect=True)
def test_network_screenshot(qtbot, db_path, tmp_path, themed):
    from network_library import build

    from reader_app.gui.views.network_scene import type_colour
    from reader_app.storage.database import open_library

    db = open_library(db_path)
    lib = build(db)
    db.close()
    window = open_window(qtbot, db_path)
    window.resize(1440, 900)
    window.left_tabs.setCurrentIndex(window.NETWORK_TAB)
    view = window.network_view
    view.co_mention.setChecked(True)
    qtbot.waitUntil(lambda: view.is_loaded() and len(view.edges) > 0)  # read on a thread
    edge = next(e for e in view.edges if (e.source, e.target) == (lib.rostenko, lib.group)
                and e.kind == "claims_about")
    view.show_edge_claims(edge)
    qtbot.wait(50)
    image = window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    assert image.save(str(shots_dir(tmp_path) / f"network-{themed}.png"))
    canvas = view.canvas.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    dark = themed == "dark"
    assert (view.canvas.palette().color(QPalette.ColorRole.Base).lightness() < 128) == dark
    for kind in ("person", "organization"):
        assert colour_near(canvas, type_colour(kind, dark), tolerance=20) > 20, f"no {kind} node"
    assert view.claim_list.count() == 2


@pytest.mark.parametrize("themed", ["light", "dark"], indirect=True)
def test_empty_timeline_screenshot(qtbot, tmp_path, themed):
    from reader_app.domain.models import ImportedArticle
    from reader_app.storage.articles import add_article
    from reader_app.storage.database import open_library

    path = tmp_path / "undated.sqlite"
    db = open_library(path)
    add_article(db, ImportedArticle("Undated note", "Nothing dated in here.", "memo"))
    db.close()
    window = open_window(qtbot, path)
    window.resize(1440, 900)
    window.left_tabs.setCurrentWidget(window.timeline_view)
    view = window.timeline_view
    qtbot.waitUntil(lambda: view.isVisible() and view.is_loaded(), timeout=3000)
    image = window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    assert image.save(str(shots_dir(tmp_path) / f"timeline-empty-{themed}.png"))
    canvas = view.canvas.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    back = view.canvas.palette().color(QPalette.ColorRole.Base)
    middle = [canvas.pixelColor(x, canvas.height() // 2 + dy) for x in range(canvas.width())
              for dy in range(-14, 14)]
    # the message is there and reads against the background (in either theme)
    assert max(abs(c.lightness() - back.lightness()) for c in middle) > 60
