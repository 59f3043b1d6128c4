"""Found using the window as an analyst would (review of the View menu, themes,
Preferences, Help and quitting): each test here failed before its fix."""

from __future__ import annotations

import pytest
import shiboken6
from gui_helpers import open_window
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QWidget

from reader_app.domain.models import ImportedArticle
from reader_app.gui.shared.theme import apply_theme, set_theme
from reader_app.storage.articles import add_article
from reader_app.storage.database import open_library


@pytest.fixture(autouse=True)
def _system_theme_after():
    yield
    apply_theme("system")  # the application outlives the test


def _long_story(paragraphs: int = 900) -> str:
    lines = [f"Paragraph {n}: the envoy said talks in the capital would resume on Monday, "
             "and the ministry denied every report of troops at the border." for n in range(paragraphs)]
    return "Long report\n" + "\n".join(lines) + "\n"


def _window_on(qtbot, db_path, text: str):
    db = open_library(db_path)
    try:
        add_article(db, ImportedArticle("Long report", text, "long.txt", "2022-02-09"))
    finally:
        db.close()
    window = open_window(qtbot, db_path)
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    return window


def _top_code_point(view) -> int:
    return view.offset_map.to_code_point(view.cursorForPosition(QPoint(0, 0)).position())


def test_zoom_and_theme_keep_the_reading_place(qtbot, db_path):
    window = _window_on(qtbot, db_path, _long_story())
    view = window.view
    text = window.controller.current_article.text
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() * 6 // 10)
    QApplication.processEvents()
    place = _top_code_point(view)
    assert place > len(text) // 3
    line = len(text.split("\n")[1])
    window.view_menu.actions.zoom_in.trigger()
    window.view_menu.actions.zoom_in.trigger()
    QApplication.processEvents()
    assert abs(_top_code_point(view) - place) <= line  # the same line, not a page above
    set_theme("dark")
    QApplication.processEvents()
    assert abs(_top_code_point(view) - place) <= line
    window.view_menu.actions.zoom_reset.trigger()
    QApplication.processEvents()
    assert abs(_top_code_point(view) - place) <= line


def test_preferences_save_although_the_export_folder_was_deleted_since(qtbot, window,
                                                                       tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QComboBox, QDialogButtonBox

    from reader_app.gui.shared import preferences as prefs
    from reader_app.gui.window.preferences_dialog import open_preferences

    shown = []
    monkeypatch.setattr("reader_app.gui.window.preferences_dialog.show_error",
                        lambda _parent, _title, text: shown.append(text))
    gone = tmp_path / "usb-stick"
    gone.mkdir()
    prefs.set_value(prefs.EXPORT_FOLDER, str(gone))
    gone.rmdir()  # unplugged since
    dialog = open_preferences(window)
    theme = dialog.findChild(QComboBox, "prefTheme")
    theme.setCurrentIndex(theme.findData("dark"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not shown and not dialog.isVisible()  # the theme the analyst asked for is saved
    assert prefs.theme() == "dark"
    assert QSettings().value(prefs.EXPORT_FOLDER) == str(gone)  # kept for when it returns
    assert prefs.export_folder() == prefs.Path.home()  # meanwhile exports start at home


# own codes' colours: whatever the analyst picks, the bar stands out and text stays readable
HARD_COLOURS = ("#1a237e", "#000000", "#ffffff", "#ffeb3b", "#969696", "#0f9fb3")


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_own_code_colours_meet_wcag_aa_in_both_themes(dark):
    from reader_app.domain.codebook import DEFAULT_PALETTE, Code, CodeId
    from reader_app.gui.shared import own_kinds
    from reader_app.gui.shared.colours import (
        NON_TEXT_AA,
        TEXT_AA,
        colours,
        contrast_ratio,
        failing_pairs,
        over,
    )

    t = colours(dark)
    chosen = DEFAULT_PALETTE + HARD_COLOURS
    codes = [Code(CodeId(n + 1), f"uuid-{n}", f"Code {n}", c, None, "", None, "", "")
             for n, c in enumerate(chosen)]
    own_kinds.set_codes(codes, "test-library")
    try:
        claim = over(t.claim, t.claim_alpha, t.base)
        failures = []
        for code in codes:
            c = own_kinds.own_colour(code.kind, dark)
            mark = (c.red(), c.green(), c.blue())
            wash = over(mark, t.own_wash_alpha, t.base)
            for what, fg, bg, minimum in (
                ("bar on page", mark, t.base, NON_TEXT_AA),
                ("bar on a claim", mark, claim, NON_TEXT_AA),
                ("bar in the legend", mark, t.window, NON_TEXT_AA),
                ("text on its wash", t.text, wash, TEXT_AA),
                ("text on its wash in a claim", t.text, over(mark, t.own_wash_alpha, claim),
                 TEXT_AA),
            ):
                if contrast_ratio(fg, bg) < minimum:
                    failures.append(f"{code.colour} {what}: {contrast_ratio(fg, bg):.2f}")
        assert failures == []
        assert failing_pairs(t) == []
        # moved only as far as needed: a colour that already stands out stays as chosen
        ok = own_kinds.own_colour(codes[DEFAULT_PALETTE.index("#c2185b")].kind, False)
        assert dark or ok.name() == "#c2185b"
    finally:
        own_kinds.set_codes([], "test-library")


def test_a_backup_cut_short_by_quitting_leaves_no_half_copy_behind(db, db_path, tmp_path):
    import os
    import time
    from datetime import datetime

    from reader_app.storage.auto_backup import backup_folder, backups, make_backup

    add_article(db, ImportedArticle("A title", "Some words of an article.", "a.txt"))
    folder = backup_folder(db_path, tmp_path / "backups")
    folder.mkdir(parents=True)
    # what backup_library leaves when the process ends mid-copy (quick_exit at quit)
    cut = folder / ".library-20260101-083000.sqlite.k3j9x_2a.part"
    running = folder / ".library-20260102-083000.sqlite.q8d0z1mm.part"  # another window's
    other = folder / ".notes.sqlite.abc.part"  # not ours
    for path in (cut, running, other):
        path.write_bytes(b"x" * 4096)
    hours_ago = time.time() - 2 * 3600
    for path in (cut, other):
        os.utime(path, (hours_ago, hours_ago))
    make_backup(db_path, folder, keep=3, now=datetime.now())
    assert not cut.exists()
    assert running.exists() and other.exists()
    assert len(backups(db_path, folder)) == 1


def test_a_second_window_follows_zoom_width_and_theme(qtbot, tmp_path):
    first = open_window(qtbot, tmp_path / "one.sqlite")
    from reader_app.app import create_window

    second = create_window(tmp_path / "two.sqlite")  # deleted below: not qtbot's to close
    second.show()
    size = second.view.font().pointSizeF()
    first.view_menu.actions.zoom_in.trigger()
    first.view_menu.actions.widths["wide"].trigger()
    first.view_menu.actions.themes["dark"].trigger()
    assert second.view.font().pointSizeF() == size + 1  # one step, as the first window shows
    assert second.view.max_width_em == 56 and second.view_menu.actions.widths["wide"].isChecked()
    assert second.view_menu.actions.themes["dark"].isChecked()
    second.view_menu.actions.zoom_in.trigger()  # from what it shows: one more step, not two
    assert first.view.font().pointSizeF() == second.view.font().pointSizeF() == size + 2
    assert second.view_menu.actions.zoom_reset.isEnabled()
    second.close()
    second.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(second))
    first.view_menu.actions.zoom_out.trigger()  # a closed window's menu is skipped
    assert first.view.font().pointSizeF() == size + 1


def test_zooming_in_from_the_smallest_size_shows_at_once(qtbot, window):
    from reader_app.gui.shared import preferences as prefs

    actions = window.view_menu.actions
    for _ in range(10):  # down to the floor with the preferred 12.5 pt: 6.5 pt
        actions.zoom_out.trigger()
    assert not actions.zoom_out.isEnabled()
    prefs.set_value(prefs.FONT_SIZE, 8.0)  # then a smaller preferred size (Preferences)
    window.view_menu.apply_settings()
    assert window.view.font().pointSizeF() == 6.0
    actions.zoom_in.trigger()  # one press: one step larger
    assert window.view.font().pointSizeF() == 7.0
    actions.zoom_out.trigger()
    assert window.view.font().pointSizeF() == 6.0 and not actions.zoom_out.isEnabled()
    for _ in range(40):
        actions.zoom_in.trigger()
    assert window.view.font().pointSizeF() == 8.0 + prefs.ZOOM_RANGE[1]
    assert not actions.zoom_in.isEnabled()


def test_the_network_legend_names_every_type_whole_at_1024(qtbot, window):
    from PySide6.QtWidgets import QLabel

    from reader_app.gui.views.network_scene import TYPE_COLOURS, type_label

    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    window.splitter.setSizes([270, 460, 294])  # as a 1024 px screen shows it
    window.left_tabs.setCurrentIndex(window.NETWORK_TAB)
    network = window.network_view
    qtbot.waitUntil(lambda: network.isVisible() and 0 < network.width() < 300)
    QApplication.processEvents()
    names = {type_label(kind) for kind in TYPE_COLOURS}
    labels = [label for label in network.findChildren(QLabel) if label.text() in names]
    assert {label.text() for label in labels} == names
    for label in labels:
        assert label.isVisible()
        assert label.width() >= label.sizeHint().width(), label.text()  # not cut short
        assert label.geometry().right() <= label.parentWidget().width()


def test_the_automatic_backup_message_fits_beside_the_counts_at_1024(qtbot, tmp_path):
    from datetime import datetime

    from gui_helpers import open_window
    from PySide6.QtWidgets import QLabel

    # a library deep in folders, as analysts keep them: the status bar names the file only
    deep = tmp_path.joinpath("Research", "Eastern Europe", "2026 energy corridor",
                             "Working libraries", "shared with the desk")
    deep.mkdir(parents=True)
    window = open_window(qtbot, deep / "corridor library.sqlite")
    assert str(deep) not in window.status_text and "corridor library.sqlite" in window.status_text
    assert str(deep) in window.findChild(QLabel, "statusCounts").toolTip()
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    # the note goes only into an empty status bar: no pointer resting on a toolbar button
    # (its tip would stand there), nothing said yet
    from PySide6.QtGui import QCursor

    QCursor.setPos(window.frameGeometry().bottomRight() + QPoint(400, 400))
    QApplication.processEvents()
    window.statusBar().clearMessage()
    with qtbot.waitSignal(window.auto_backup.finished, timeout=10_000) as done:
        assert window.auto_backup.back_up_if_due(datetime(2026, 3, 1, 9, 0))
    message = window.statusBar().currentMessage()
    assert done.args[0] is not None and "Backed up" in message
    counts = [w for w in window.statusBar().findChildren(QLabel) if w.isVisible()]
    room = window.statusBar().width() - sum(w.width() for w in counts)
    assert window.statusBar().fontMetrics().horizontalAdvance(message) < room - 20


def test_hiding_the_toolbar_from_its_own_menu_is_the_view_menus_choice(qtbot, window, db_path):
    from PySide6.QtWidgets import QToolBar

    toolbar = window.findChild(QToolBar, "taggingToolbar")
    shown = window.view_menu.actions.panes["view/showToolbar"]
    toolbar.toggleViewAction().trigger()  # the right-click menu of the toolbar area
    assert not toolbar.isVisible()
    assert not shown.isChecked()  # View > Show Toolbar says what the window shows
    window.close()
    again = open_window(qtbot, db_path)
    assert not again.findChild(QToolBar, "taggingToolbar").isVisible()  # and it stays so
    again.view_menu.actions.panes["view/showToolbar"].trigger()
    assert again.findChild(QToolBar, "taggingToolbar").isVisible()


def test_the_tag_editor_shows_the_kind_in_the_new_themes_colour(qtbot, window):
    from gui_helpers import tag_in_window

    from reader_app.gui.shared.palette import kind_colour

    ann_id = tag_in_window(window, "date", "Tuesday")
    window.annotation_panel.select_annotation(ann_id)
    label = window.annotation_panel.editor.kind_label
    qtbot.waitUntil(lambda: "Date" in label.text())
    for theme, dark in (("dark", True), ("light", False), ("dark", True)):
        set_theme(theme)
        QApplication.processEvents()
        assert kind_colour("date", dark).name() in label.text(), theme


def test_the_find_field_keeps_room_for_a_word_at_1024(qtbot, window):
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    window.splitter.setSizes([270, 460, 294])  # as a 1024 px screen shows it
    window.actions_.find.trigger()
    bar = window.findChild(QWidget, "findBar")
    qtbot.waitUntil(bar.isVisible)
    QApplication.processEvents()
    field = bar.field
    fm = field.fontMetrics()
    assert field.width() >= fm.horizontalAdvance("Find in article") + 30  # placeholder whole
    def box(widget):  # in the bar's coordinates
        return widget.geometry().translated(widget.parentWidget().mapTo(bar, widget.pos()) -
                                            widget.pos())

    shown = [field, bar.count_label, bar.whole_words, bar.match_case, bar.previous_button,
             bar.next_button, bar.close_button]
    for i, one in enumerate(shown):  # nothing cut or pushed out, nothing over another
        assert one.width() >= one.minimumSizeHint().width() - 1, one.objectName()
        assert box(one).right() <= bar.width() and box(one).bottom() <= bar.height()
        for other in shown[i + 1:]:
            assert not box(one).intersects(box(other)), (one.objectName(), other.objectName())
