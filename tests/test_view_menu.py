"""View menu: zoom, reading width, panes and theme, through the real window; each
remembered in QSettings (a new window comes back the same)."""

from __future__ import annotations

import pytest
from gui_helpers import open_window, tag_in_window
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QMenu, QToolBar

from reader_app.gui.shared.colours import DARK, LIGHT
from reader_app.gui.shared.preferences import DEFAULT_FONT_SIZE
from reader_app.gui.shared.theme import apply_theme


@pytest.fixture(autouse=True)
def _system_theme_after():
    yield
    apply_theme("system")  # the application outlives the test: leave it as it was


def act(window, name: str) -> QAction:
    action = window.findChild(QAction, name)
    assert action is not None, name
    return action


def reopen(qtbot, window, db_path):
    window.close()
    return open_window(qtbot, db_path)


def test_the_view_menu_follows_edit_and_names_its_actions(window):
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("&Edit") < titles.index("&View") < titles.index("&Go")
    menu = window.findChild(QMenu, "viewMenu")
    names = [a.objectName() for a in menu.actions() if a.objectName()]
    assert names[:3] == ["viewZoomIn", "viewZoomOut", "viewZoomReset"]
    assert {"viewShowLists", "viewShowAnnotations", "viewShowToolbar"} <= set(names)
    keys = {a: {s.toString() for s in act(window, a).shortcuts()}
            for a in ("viewZoomIn", "viewZoomOut", "viewZoomReset")}
    assert {"Ctrl++", "Ctrl+="} <= keys["viewZoomIn"]
    assert "Ctrl+-" in keys["viewZoomOut"] and keys["viewZoomReset"] == {"Ctrl+0"}
    themes = window.findChild(QMenu, "viewThemeMenu").actions()
    assert [a.objectName() for a in themes] == ["viewThemeSystem", "viewThemeLight",
                                                "viewThemeDark"]
    assert all(a.isCheckable() for a in themes) and themes[0].isChecked()
    assert themes[0].actionGroup().isExclusive()


def test_zoom_keys_change_the_reading_font_and_are_remembered(qtbot, window, db_path):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    view = window.view
    assert view.font().pointSizeF() == DEFAULT_FONT_SIZE
    line_height = view.document().size().height()
    qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert view.font().pointSizeF() == DEFAULT_FONT_SIZE + 3
    assert view.document().defaultFont().pointSizeF() == DEFAULT_FONT_SIZE + 3
    assert view.document().size().height() > line_height  # the text really grew
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.font().pointSizeF() == DEFAULT_FONT_SIZE + 2
    assert int(QSettings().value("view/zoom")) == 2

    again = reopen(qtbot, window, db_path)
    assert again.view.font().pointSizeF() == DEFAULT_FONT_SIZE + 2
    assert act(again, "viewZoomReset").isEnabled()
    again.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is again)
    qtbot.keyClick(again.view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert again.view.font().pointSizeF() == DEFAULT_FONT_SIZE
    assert not act(again, "viewZoomReset").isEnabled()


def test_reading_width_sets_the_longest_line_and_is_remembered(qtbot, window, db_path):
    window.resize(1600, 1000)
    window.splitter.setSizes([300, 1000, 300])
    qtbot.waitUntil(lambda: window.view.width() > 900)
    em = window.view.fontInfo().pixelSize()
    widths = {}
    for key in ("narrow", "medium", "wide", "full"):
        act(window, f"viewWidth{key.title()}").trigger()
        widths[key] = window.view.document().textWidth()
    assert widths["narrow"] < widths["medium"] < widths["wide"] <= widths["full"]
    assert widths["narrow"] == pytest.approx(32 * em + 48, abs=2)  # 32 em and the margins
    assert widths["full"] >= window.view.viewport().width() - 1
    act(window, "viewWidthNarrow").trigger()

    again = reopen(qtbot, window, db_path)
    assert act(again, "viewWidthNarrow").isChecked()
    assert again.view.max_width_em == 32


def test_panes_show_and_hide_and_are_remembered(qtbot, window, db_path):
    window.resize(1400, 900)
    qtbot.waitUntil(lambda: window.width() == 1400)
    toolbar = window.findChild(QToolBar, "taggingToolbar")
    article = window.view.width()
    act(window, "viewShowAnnotations").trigger()
    assert not window.annotation_panel.isVisible()
    qtbot.waitUntil(lambda: window.view.width() > article)  # the article took the room
    act(window, "viewShowToolbar").trigger()
    assert not toolbar.isVisible()
    act(window, "viewShowLists").trigger()
    act(window, "viewShowLists").trigger()  # and back
    assert window.left_tabs.isVisible()

    again = reopen(qtbot, window, db_path)
    assert not again.annotation_panel.isVisible() and again.left_tabs.isVisible()
    assert not again.findChild(QToolBar, "taggingToolbar").isVisible()
    assert not act(again, "viewShowAnnotations").isChecked()
    act(again, "viewShowAnnotations").trigger()
    act(again, "viewShowToolbar").trigger()
    assert again.annotation_panel.isVisible()
    assert again.findChild(QToolBar, "taggingToolbar").isVisible()


def _pixels_near(image, rgb, tolerance=12) -> int:
    found = 0
    for y in range(0, image.height(), 1):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            if (abs(c.red() - rgb[0]) <= tolerance and abs(c.green() - rgb[1]) <= tolerance
                    and abs(c.blue() - rgb[2]) <= tolerance):
                found += 1
    return found


def test_theme_applies_live_with_its_own_highlight_colours(qtbot, window, db_path):
    window.resize(1100, 760)
    claim = tag_in_window(window, "claim", "Talks over the disputed Varna Dam collapsed")
    window.view.set_selected_annotation(claim)
    window.view.textCursor().clearSelection()
    cursor = window.view.textCursor()
    cursor.clearSelection()
    window.view.setTextCursor(cursor)
    app = QApplication.instance()

    act(window, "viewThemeDark").trigger()
    assert app.style().name().lower() == "fusion"
    assert app.palette().color(QPalette.ColorRole.Base) == QColor(*DARK.base)
    qtbot.waitUntil(lambda: window.view.palette().color(QPalette.ColorRole.Base)
                    == QColor(*DARK.base))
    image = window.view.viewport().grab().toImage()
    assert _pixels_near(image, DARK.base) > image.width() * image.height() // 4
    assert _pixels_near(image, DARK.selected) > 20  # the selected claim's outline
    assert _pixels_near(image, LIGHT.selected) == 0
    assert QSettings().value("appearance/theme") == "dark"

    again = reopen(qtbot, window, db_path)  # remembered, and applied to the new window
    assert act(again, "viewThemeDark").isChecked()
    assert again.view.palette().color(QPalette.ColorRole.Base) == QColor(*DARK.base)
    act(again, "viewThemeLight").trigger()
    qtbot.waitUntil(lambda: again.view.palette().color(QPalette.ColorRole.Base)
                    == QColor(*LIGHT.base))
    assert app.palette().color(QPalette.ColorRole.Text) == QColor(*LIGHT.text)
    act(again, "viewThemeSystem").trigger()
    assert QSettings().value("appearance/theme") == "system"
    assert QKeySequence("Ctrl+,") in act(again, "preferencesAction").shortcuts()


def _rgb(colour: QColor) -> tuple[int, int, int]:
    return colour.red(), colour.green(), colour.blue()


def _low_contrast_widgets(window) -> list[str]:
    """Visible, enabled widgets whose text colour on their own background misses 4.5:1."""
    from PySide6.QtWidgets import QAbstractScrollArea, QLabel, QLineEdit, QWidget

    from reader_app.gui.shared.colours import TEXT_AA, contrast_ratio

    bad = []
    for w in window.findChildren(QWidget):
        if not w.isVisible() or not w.isEnabled() or w.styleSheet():
            continue
        if isinstance(w, QAbstractScrollArea):
            port = w.viewport()
            bg = port.palette().color(port.backgroundRole())
            fg = w.palette().color(QPalette.ColorRole.Text)
        elif isinstance(w, QLineEdit):
            bg, fg = w.palette().color(QPalette.ColorRole.Base), w.palette().color(
                QPalette.ColorRole.Text)
        elif isinstance(w, QLabel) and w.text():
            bg, fg = w.palette().color(w.backgroundRole()), w.palette().color(w.foregroundRole())
        else:
            continue
        ratio = contrast_ratio(_rgb(fg), _rgb(bg))
        if ratio < TEXT_AA:
            bad.append(f"{type(w).__name__} {w.objectName()!r}: {ratio:.2f}")
    return bad


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_every_text_widget_keeps_its_contrast_after_a_theme_change(qtbot, window, theme):
    tag_in_window(window, "actor", "Calderan")  # the editor shows its quote and fields
    window.annotation_panel.select_annotation(window.controller.annotations()[-1].id)
    other = "dark" if theme == "light" else "light"
    act(window, f"viewTheme{other.title()}").trigger()  # switched live, twice
    act(window, f"viewTheme{theme.title()}").trigger()
    want = QColor(*(DARK if theme == "dark" else LIGHT).base)
    qtbot.waitUntil(lambda: window.view.palette().color(QPalette.ColorRole.Base) == want)
    assert _low_contrast_widgets(window) == []


def test_the_timeline_and_network_redraw_in_the_new_theme(qtbot, window):
    from reader_app.gui.views.network_scene import type_colour

    tag_in_window(window, "actor", "Calderan")
    tabs = window.left_tabs
    network, timeline = window.network_view, window.timeline_view
    tabs.setCurrentWidget(timeline)
    qtbot.waitUntil(lambda: timeline.canvas.timeline() is not None)
    tabs.setCurrentWidget(network)
    qtbot.waitUntil(lambda: bool(network.nodes))

    def node_colours() -> set[str]:
        return {n.brush().color().name() for n in network.nodes.values()}

    def swatch() -> str:
        label = network.findChild(type(network.info), "networkSwatch_person")
        return label.pixmap().toImage().pixelColor(5, 5).name()

    for theme, dark in (("Dark", True), ("Light", False)):
        act(window, f"viewTheme{theme}").trigger()
        want = {type_colour(str(network.graph.nodes[n]["type"]), dark).name()
                for n in network.nodes}
        qtbot.waitUntil(lambda w=want: node_colours() == w)
        assert swatch() == type_colour("person", dark).name()
        tabs.setCurrentWidget(timeline)  # hidden meanwhile: redrawn when shown
        qtbot.waitUntil(lambda d=dark: timeline.canvas.timeline().lane_items and all(
            lane.dark is d for lane in timeline.canvas.timeline().lane_items))
        tabs.setCurrentWidget(network)
